"""A speech's head: title, speaker, date and salutation lines above its body."""

from __future__ import annotations

import pytest

import speechparse

_BODY = "今年以来，全市上下认真贯彻落实市委部署，各项工作取得了新的进展，成绩来之不易。\n"


@pytest.mark.parametrize(
    ("page", "title", "speaker", "salutation", "body"),
    [
        (  # several speakers named on the line under the title
            "张建国李明华在全市青年干部座谈会上的讲话\n张建国、李明华\n" + _BODY,
            "张建国李明华在全市青年干部座谈会上的讲话",
            "张建国、李明华",
            None,
            "今年以来",
        ),
        (  # a name spaced out for layout, glued to the salutation's line above it
            "在全市工作会议上的讲话\n市委书记 王 建 华\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            "市委书记王建华",
            "同志们",
            "今年以来",
        ),
        (  # a byline's bar is no part of the name
            "在全市工作会议上的讲话\n| 王建华\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            "王建华",
            "同志们",
            "今年以来",
        ),
        (  # a byline's label is no part of the name
            "在全市工作会议上的讲话\n主讲人：王建华（市委书记）\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            "王建华（市委书记）",
            "同志们",
            "今年以来",
        ),
        (  # a unit that speaks, under the title
            "在全市工作会议上的交流发言\n青山镇党委\n尊敬的各位领导：\n" + _BODY,
            "在全市工作会议上的交流发言",
            "青山镇党委",
            "尊敬的各位领导",
            "今年以来",
        ),
        (  # a byline above the title is the page's, not the title's first line
            "致辞：王建华\n在全市工作会议上的讲话\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            None,
            "同志们",
            "今年以来",
        ),
        (  # a name line under the title and its furniture, the date under it
            "在全市工作会议上的讲话（摘编）\n学习平台　2024-07-02\n字号：标准　大　特大\n王建华\n"
            "（2024年6月28日）\n" + _BODY,
            "在全市工作会议上的讲话（摘编）",
            "王建华",
            None,
            "今年以来",
        ),
        (  # a post and a name in brackets between the title and the salutation
            "获奖感言：二十三年，只为焊好每一道缝\n"
            "（2024年度特等奖获得者、压力容器分公司焊接高级技师　张海涛）\n尊敬的各位领导：\n"
            + _BODY,
            "获奖感言：二十三年，只为焊好每一道缝",
            "2024年度特等奖获得者、压力容器分公司焊接高级技师张海涛",
            "尊敬的各位领导",
            "今年以来",
        ),
        (  # the occasion above a line that says who speaks: one title
            "澳門某某同鄉聯誼會成立二十五週年會慶暨第十三屆理監事就職典禮晚宴\n會長梁國華致辭\n"
            "各位鄉親：\n" + _BODY,
            "澳門某某同鄉聯誼會成立二十五週年會慶暨第十三屆理監事就職典禮晚宴 會長梁國華致辭",
            None,
            "各位鄉親",
            "今年以来",
        ),
        (  # a short first body line under the title is body, not a speaker
            "在全市工作会议上的讲话\n同志们，今年以来，全市上下认真贯彻落实市委部署，成绩来之不易。\n",
            "在全市工作会议上的讲话",
            None,
            None,
            "同志们",
        ),
        (  # a contents page with leaders, then a running footer, between name and salutation
            "在全市工作会议上的讲话\n市委副书记、市长　王建华\n目　录\n"
            "一、回顾去年工作 ........................ 3\n"
            "二、部署今年任务 ........................ 5\n"
            "市政府办公室　第2页 共6页\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            "市委副书记、市长王建华",
            "同志们",
            "今年以来",
        ),
        (  # the title's translation under it, a post with no name, an editor's note
            "二〇二五年財政年度施政報告\nRelatório das Linhas de Acção Governativa de 2025\n"
            "澳門特別行政區行政長官\n二〇二四年十一月十二日\n【說明】本頁僅載錄施政報告部分內容。\n"
            "尊敬的主席、各位議員：\n" + _BODY,
            "二〇二五年財政年度施政報告",
            "澳門特別行政區行政長官",
            "尊敬的主席、各位議員",
            "今年以来",
        ),
        (  # a speaker's byline after a subtitle's dash
            "在全市工作会议上的讲话\n——市委书记 王建华\n同志们：\n" + _BODY,
            "在全市工作会议上的讲话",
            "市委书记王建华",
            "同志们",
            "今年以来",
        ),
    ],
)
def test_head_lines(
    page: str, title: str, speaker: str | None, salutation: str | None, body: str
) -> None:
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == title
    assert speech.speaker == speaker
    assert (speech.salutation.text if speech.salutation else None) == salutation
    first = speech.content[0]
    assert first.type == "paragraph" and first.text.startswith(body)


_FRONT = "---\ntitle: 读讲话有感\ndate: 2023-06-28\ntags:\n  - 随笔\n---\n"


def test_front_matter_is_the_pages_metadata() -> None:
    doc = speechparse.parse(_FRONT + "在全市工作会议上的讲话\n同志们：\n" + _BODY)
    (speech,) = doc.speeches
    assert speech.title == "在全市工作会议上的讲话"
    (front,) = doc.removed
    assert front.kind.value == "metadata"
    assert front.text.startswith("---\ntitle: 读讲话有感") and front.text.endswith("随笔\n---")


def test_a_speech_quoted_after_the_pages_own_prose_starts_below_its_announcement() -> None:
    prose = "前几天读到一篇讲话，篇幅不长，却让我想了很久，值得反复读一读。\n以下是讲话全文：\n"
    doc = speechparse.parse(prose + "在全市工作会议上的讲话\n" + _BODY)
    (speech,) = doc.speeches
    assert speech.title == "在全市工作会议上的讲话"
    assert [r.kind.value for r in doc.removed] == ["intro"]
    assert doc.removed[0].text.startswith("前几天") and doc.removed[0].text.endswith("全文：")


def test_an_announcement_with_nothing_below_it_leaves_the_page_as_it_is() -> None:
    page = "前几天读到一篇讲话，篇幅不长，却让我想了很久，值得反复读一读。\n以下是讲话全文：\n"
    (speech,) = speechparse.parse(page).speeches
    assert speech.content[0].text.startswith("前几天")


def test_a_greeting_that_opens_the_first_body_line_is_the_greeting() -> None:
    page = "在工商午餐会上的致辞\n主席、各位朋友：\n早上好！我首先要感谢主办方的邀请。\n" + _BODY
    (speech,) = speechparse.parse(page).speeches
    assert speech.greeting is not None and speech.greeting.text == "早上好！"
    assert speech.content[0].text == "我首先要感谢主办方的邀请。"
    assert page[slice(*speech.content[0].span)] == "我首先要感谢主办方的邀请。"


def test_page_furniture_after_the_closing_is_no_signature() -> None:
    tail = "谢谢大家！\n\n回頁首\n电话：(04)2566-1234\n"
    page = "在全市工作会议上的讲话\n同志们：\n" + _BODY + tail
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert speech.speaker is None and speech.closing is not None
    assert [(r.kind.value, r.text) for r in doc.removed] == [
        ("chrome", "回頁首"),
        ("metadata", "电话：(04)2566-1234"),
    ]


def test_salutation_greeting_and_body_on_one_line() -> None:
    (speech,) = speechparse.parse("在全县工作会议上的讲话\n同志们：大家好！" + _BODY).speeches
    assert speech.salutation is not None and speech.salutation.text == "同志们"
    assert speech.greeting is not None and speech.greeting.text == "大家好！"
    assert speech.content[0].text.startswith("今年以来")


def test_a_salutation_spread_over_lines_is_one() -> None:
    page = (
        "在建校七十周年庆祝大会上的讲话\n尊敬的王书记，\n尊敬的各位领导、各位来宾，\n"
        "亲爱的老师们、同学们：\n大家好！\n" + _BODY
    )
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == "在建校七十周年庆祝大会上的讲话"
    assert speech.salutation is not None
    assert speech.salutation.text == "尊敬的王书记，尊敬的各位领导、各位来宾，亲爱的老师们、同学们"
    assert page[slice(*speech.salutation.span)].startswith("尊敬的王书记，\n")


def test_a_comma_salutation_over_a_greeting_opens_the_next_speech() -> None:
    first = "在开幕式上的致辞\n同志们：\n" + _BODY + "谢谢大家！\n"
    second = "在启动仪式上的致辞\n各位领导、各位来宾，\n大家上午好！\n" + _BODY + "谢谢！\n"
    speeches = speechparse.parse(first + second).speeches
    assert [s.title for s in speeches] == ["在开幕式上的致辞", "在启动仪式上的致辞"]
    assert speeches[1].salutation is not None
    assert speeches[1].salutation.text == "各位领导、各位来宾"


@pytest.mark.parametrize(
    ("tail", "speaker", "date"),
    [
        ("谢谢大家！\n2024年1月12日\n", None, "2024年1月12日"),  # the date cut off as furniture
        ("谢谢大家！\n张建国\n2024年1月12日\n", "张建国", "2024年1月12日"),
        ("…再创佳绩。谢谢大家！\n张建国\n2024年1月12日\n", "张建国", "2024年1月12日"),
        ("谢谢大家！\n（记者 陈晓 编辑 刘洋）\n", None, None),  # a reporter is no speaker
        ("祝大家新春快乐！\n集团总裁 王明\n2023年1月21日\n", "集团总裁王明", "2023年1月21日"),
        # a PDF's spaces around the digits (2024 年 5 月 6 日)
        ("谢谢大家！\n张建国\n2024 年 1 月 12 日\n", "张建国", "2024年1月12日"),
    ],
)
def test_what_follows_the_closing(tail: str, speaker: str | None, date: str | None) -> None:
    (speech,) = speechparse.parse("在全市工作会议上的讲话\n同志们：\n" + _BODY + tail).speeches
    if tail.startswith("谢谢") or "。谢谢" in tail:
        assert speech.closing is not None and speech.closing.text == "谢谢大家！"
    assert (speech.speaker, speech.date) == (speaker, date)


@pytest.mark.parametrize("line", ["同志们:上午好!", "各位领导、同志们：大家好！"])
def test_salutation_and_greeting_after_its_colon(line: str) -> None:
    page = "在全市安全工作会议上的讲话\n\n" + line + "\n\n" + _BODY
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == "在全市安全工作会议上的讲话"
    assert speech.salutation is not None and speech.greeting is not None
    assert speech.salutation.text + speech.greeting.text in line.replace(":", "").replace("：", "")


def test_a_related_label_takes_the_titles_under_it_however_long() -> None:
    titles = "\n".join(
        [
            "相关推荐",
            "1. 在全县农村工作会议上的讲话",
            "2. 在全市巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作会议上的讲话",
        ]
    )
    doc = speechparse.parse("在全市工作会议上的讲话\n同志们：\n" + _BODY + "谢谢大家！\n" + titles)
    (speech,) = doc.speeches
    assert speech.closing is not None and all(b.type == "paragraph" for b in speech.content)
    removed = "\n".join(r.text for r in doc.removed)
    assert removed == titles and doc.removed[0].kind.value == "related"


def test_the_speaker_a_news_lead_names() -> None:
    page = (
        "行政长官出席花卉展览开幕典礼致辞全文\n"
        "以下是行政长官林郑月娥今日上午出席花卉展览开幕典礼的致辞全文：\n"
        "各位嘉宾、各位朋友：\n" + _BODY
    )
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert speech.speaker == "行政长官林郑月娥"
    assert [r.kind.value for r in doc.removed] == ["intro"]  # the lead stays furniture


def test_each_speakers_label_opens_their_remarks() -> None:
    page = (
        "座谈会发言摘登\n6月17日，市里召开座谈会。现将部分发言摘登如下：\n"
        "王建华（市发改委主任）：\n" + _BODY + "李秀梅（市工商联党组书记）：\n" + _BODY
    )
    doc = speechparse.parse(page)
    titles = [s.title for s in doc.speeches]
    assert titles == ["王建华（市发改委主任）：", "李秀梅（市工商联党组书记）："]
    single = "在全市工作会议上的讲话\n王建华（市发改委主任）：\n" + _BODY  # one label: no such page
    assert [s.title for s in speechparse.parse(single).speeches] != ["王建华（市发改委主任）："]


def test_a_speakers_name_over_furniture_lines_then_the_salutation() -> None:
    """Date, source and share lines between the speaker's name and the salutation."""
    page = (
        "第十二届茶产业博览会开幕词\n青川市人民政府市长　赵卫东\n"
        "2024-04-18 14:32:07　来源：组委会\n点击：2319\n分享：微信 微博 QQ | 打印 | 收藏\n"
        "尊敬的各位领导、各位嘉宾：\n" + _BODY + "谢谢！\n"
    )
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == "第十二届茶产业博览会开幕词"
    assert speech.speaker == "青川市人民政府市长赵卫东"
    assert speech.salutation is not None and speech.salutation.text == "尊敬的各位领导、各位嘉宾"


def test_no_title_stands_under_a_salutation() -> None:
    """The first body line under a dated salutation, cut by the page with no end
    punctuation, is speech, not a title."""
    page = (
        "在全县森林防火工作会议上的讲话\n（2023年10月18日） 同志们：\n"
        "今天召开全县秋冬季森林防火工作会议，主要任务是分析形势，部署\n"
        "工作。下面，我讲两点意见，请大家认真抓好落实。\n一、认清形势\n"
        "今年以来，全县降水偏少，火险等级居高不下。\n谢谢大家！\n"
    )
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == "在全县森林防火工作会议上的讲话"
    assert speech.salutation is not None and speech.salutation.text == "同志们"
    assert speech.date == "2023年10月18日"


def test_a_speech_a_report_quotes_ends_at_its_closing() -> None:
    """…致辞全文如下： hands over to the speech; after its 谢谢大家。 the report goes on, and
    that is no part of the speech.  A 范文 blurb (…供大家参考。) hands over to nothing."""
    speech_text = (
        "各位来宾：\n今天很高兴来到这里。我们要坚定信心，共同努力。\n谢谢大家。\n"
        "随后，市长参观了展区，并与参展企业代表亲切交流，详细了解企业发展情况。\n"
    )
    report = "市长今日出席博览会开幕式并致辞。致辞全文如下：\n" + speech_text
    (speech,) = speechparse.parse(report).speeches
    assert speech.closing is not None and speech.closing.text == "谢谢大家。"
    assert speech.content[-1].text.startswith("今天很高兴")
    blurb = "下面是小编为大家整理的致辞，供大家参考。\n" + speech_text
    (speech,) = speechparse.parse(blurb).speeches
    assert speech.content[-1].text.startswith("随后，市长参观了展区")


def test_a_name_and_the_date_on_one_line() -> None:
    """市长　刘建军　（2024年2月22日） under the title: the speaker and the date, not furniture."""
    page = "在全市经济工作会议上的讲话\n市长　刘建军　（2024年2月22日）\n同志们：\n" + _BODY
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert (speech.speaker, speech.date) == ("市长刘建军", "2024年2月22日")
    assert speech.salutation is not None and not doc.removed


def test_a_transcript_keeps_only_the_speakers_words() -> None:
    """The emcee's lines, the speaker's name label, the applause after the closing and the
    questions after it are not the speech."""
    page = (
        "校长在开学典礼上的讲话\n"
        "主持人：下面，有请校长周明远讲话，大家欢迎！\n"
        "周明远：亲爱的同学们：\n"
        "今天，我们在这里隆重举行开学典礼。希望大家珍惜时光，努力学习。\n"
        "谢谢大家！（热烈掌声）\n"
        "主持人：感谢周校长的殷切寄语！\n"
        "提问：校长，您对新生有什么建议？\n"
        "答：多读书，多思考。\n"
    )
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert speech.salutation is not None and speech.salutation.text == "亲爱的同学们"
    assert speech.speaker == "周明远"
    assert speech.closing is not None and speech.closing.text == "谢谢大家！"
    assert [b.text for b in speech.content] == [
        "今天，我们在这里隆重举行开学典礼。希望大家珍惜时光，努力学习。"
    ]


def test_a_notice_that_hands_a_speech_on_is_the_pages() -> None:
    """The addressee and text of a notice (现将…印发给你们) make no speech; a 公文's
    distribution line (抄送：…) and what follows it end the speech."""
    page = (
        "关于印发《张三同志在全县工作会议上的讲话》的通知\n各乡镇人民政府，县直各单位：\n"
        "现将《张三同志在全县工作会议上的讲话》印发给你们，\n请认真学习贯彻。\n"
        "县政府办公室\n2025年3月14日\n\n在全县工作会议上的讲话\n同志们：\n"
        + _BODY
        + "抄送：县委办公室，县人大常委会办公室，县政协办公室，县纪委监委，"
        "县法院，县检察院，县人武部。\n县政府办公室　　2025年3月14日印发\n"
    )
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert speech.title == "在全县工作会议上的讲话"
    assert speech.salutation is not None and speech.salutation.text == "同志们"
    assert [b.text for b in speech.content if b.type == "paragraph"] == [_BODY.strip()]
    removed = "".join(r.text for r in doc.removed)
    assert "现将" in removed and "抄送" in removed


def test_the_chair_alone_is_a_councils_salutation() -> None:
    """主席： alone on its line is how a council's member addresses it; the chair named in
    a sentence (國際奧委會主席羅格…) addresses no one."""
    (speech,) = speechparse.parse("在立法會會議上的發言\n主席：\n" + _BODY).speeches
    assert speech.salutation is not None and speech.salutation.text == "主席"


def test_a_contents_page_with_leaders_is_removed_as_one_and_the_footer_as_pagination() -> None:
    page = (
        "在全市工作会议上的讲话\n目录\n一、回顾去年工作……………3\n二、部署今年任务……………5\n"
        "市政府办公室　第2页 共6页\n同志们：\n" + _BODY + "市政府办公室　第3页 共6页\n" + _BODY
    )
    doc = speechparse.parse(page)
    kinds = [(r.kind.value, r.text.split("\n")[0]) for r in doc.removed]
    assert ("toc", "目录") in kinds
    assert [t for k, t in kinds if k == "pagination"] == [
        "市政府办公室　第2页 共6页",
        "市政府办公室　第3页 共6页",
    ]
    (speech,) = doc.speeches
    assert speech.salutation is not None and speech.salutation.text == "同志们"


@pytest.mark.parametrize("salutation", ["", "同志们：\n"])
@pytest.mark.parametrize(
    "titles",
    [
        ["1、在安全生产会议上的讲话", "2、在防汛工作会议上的讲话", "3、在消防安全会议上的讲话"],
        ["一、在安全生产会议上的讲话", "二、在防汛工作会议上的讲话"],
        ["范文1：", "范文2：", "范文3："],  # bare labels standing as the titles
    ],
)
def test_collection_titles_numbered_or_labelled(titles: list[str], salutation: str) -> None:
    page = "安全会议讲话稿精选3篇\n" + "".join(f"{t}\n{salutation}{_BODY}{_BODY}\n" for t in titles)
    doc = speechparse.parse(page)
    assert [s.title for s in doc.speeches] == titles
    assert all(s.content and s.content[0].type == "paragraph" for s in doc.speeches)
