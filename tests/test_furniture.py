"""Lines by their form (classify.py): page furniture of each kind and its look-alikes; a
salutation behind a date."""

from __future__ import annotations

import re

import pytest

import speechparse
from speechparse.classify import (
    chrome_kind,
    dated_salutation,
    glued_title,
    greeting_lead,
    line_form,
)


def kind(line: str) -> str | None:
    compact = "".join(line.split())
    return chrome_kind(line, compact if compact != line else line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("******", "chrome"),  # symbols only
        ("首页 > 范文 > 讲话稿", "chrome"),  # breadcrumb
        ("您现在的位置：工作动态>领导活动", "chrome"),  # a breadcrumb without 首页
        ("某某网 | 讲话稿频道", "chrome"),  # site bar
        ("向新而行，共赴山海｜星河云智CEO陈默2025年会演讲全文", None),  # a headline
        ("下面是小编为大家整理的讲话稿，供大家参考。", "intro"),
        ("以上内容 仅供 参考", "intro"),  # the intro phrase broken by spaces
        ("以下是市长今日在开幕典礼上的致辞全文：", "intro"),
        ("市长出席开幕典礼致辞全文（附图）", None),  # a press release's headline: a title
        ("版权所有 © 2023 某某网", "disclaimer"),
        ("本站部分文章来自网络，如有侵权请联系删除。", "disclaimer"),
        ("上一篇：在安全工作会议上的讲话", "related"),
        ("著作權所有 © 某某縣政府　地址：中正路100號", "disclaimer"),
        ("【下载】教师节讲话稿精选3篇.docx（共3篇，约4500字）", "chrome"),  # a download link
        ("正  文", "chrome"),  # a document's label alone
        ("视频：", "chrome"),  # a player's label, its tags cut out
        ("视频：江城文旅宣传片《一江春水》", "chrome"),  # a player's title line
        ("00:00 / 01:48", "chrome"),  # its timer
        ("倍速", "chrome"),  # and its buttons
        ("（全文完）", "chrome"),
        ("（提纲完）", "chrome"),
        ("👆点击上方蓝字“某某内参”，设为星标，第一时间看故事", "chrome"),  # a follow prompt
        ("收录于合集", "chrome"),
        ("关闭窗口", "chrome"),
        ("附件：无", "chrome"),  # an article's empty attachment field
        ("在看", "chrome"),  # a WeChat article's buttons
        ("写留言", "chrome"),
        ("喜欢此内容的人还喜欢", "related"),
        ("转藏到我的图书馆", "chrome"),  # a 360doc page's
        ("献花(0)", "chrome"),
        ("全体人员向英雄纪念碑献花。", None),
        ("大家都很喜欢他，我还喜欢这本书。", None),
        ("预览结束，喜欢就下载吧！", "chrome"),  # a 文库's paywall
        ("声明：本文内容由互联网用户自发贡献", "disclaimer"),
        ("京公网安备11010502030000号", "chrome"),  # a government site's footer and bars
        ("【我要纠错】", "chrome"),
        ("终审：钱七", "chrome"),
        ("视力保护色：", "chrome"),
        ("长者模式", "chrome"),
        ("要加强生态环境保护色彩斑斓", None),
        ("你可能感兴趣的", "related"),  # a 范文 site's cards and fields
        ("大家还在搜", "related"),
        ("立即开通", "chrome"),
        ("格式：DOC", "chrome"),
        ("打赏", "chrome"),
        ("群众对这项工作很感兴趣的。", None),
        ("要统一格式：", None),
        ("（作者系青山县委书记）", "metadata"),  # who wrote it, under the text
        ("（青山县委宣传部供稿）", "metadata"),
        ("本文系作者在全县工作会议上的讲话。", "intro"),
        ("开学第一课｜校长寄语：做一个有光的人", None),  # a headline of two phrases
        ("某某网｜讲话稿频道", "chrome"),  # a site's bar
        ("图片｜论坛主办方、远帆科技", "chrome"),  # a credit
        ("人氣(1,287)　｜　回應(4)", "chrome"),
        ("各位客服同事：", None),  # a salutation, whatever words it holds
        ("网友们：", None),
        ("各位网友：", None),
        ("ZD-ZLB-2025-002　　　内部资料　注意保存", "chrome"),  # a paper's marks
        ("机密★1年", "chrome"),
        ("【說明】本頁僅載錄施政報告部分內容，完整文本請參閱頁末相關文件。", "intro"),
        ("相關文件 Documentos relacionados", "related"),  # a list's label, translated
        ("相关文件要认真学习", None),
        ("[复制全文]　[导出Word]　[导出PDF]　[翻译]　[分享]", "chrome"),  # an OCR tool's
        ("今日免费识别次数剩余：2次　开通会员，畅享无限次识别 >", "chrome"),
        ("以上内容由拍照识字自动识别生成，可能存在错字、漏字或重复，请核对后使用。", "chrome"),
        ("附件：1.全县重点项目清单", None),  # a document's attachment list is the speech's
        ("（印章）", "chrome"),  # a paper's marks, transcribed
        ("（共印２８０份）", "chrome"),
        ("（手寫批註：此段请农工部摘报地委。）", "intro"),
        ("题名：在全县一九九六年农村工作会议上的讲话", "metadata"),  # an archive's record
        ("分享：Facebook　WhatsApp　Telegram　複製連結", "chrome"),
        ("（阿杰按：講到這裡，台下好多家長都紅了眼眶。）", "intro"),  # a reposter's note
        ("先放全文，后面再说我的看法：", "intro"),
        ("————签名档————", "chrome"),  # a forum's
        ("回复(2)　1楼　2024-01-18 20:36　来自Android客户端", "chrome"),
        ("2024.07　付费企业客户突破1万家", None),  # 付费 alone is no paywall
        ("……付费后查看全文（剩余1860字）", "disclaimer"),
        ("导读：本页为大家提供两篇讲话范文，可根据会议规格选用。", "intro"),
        ("文：秘書處　圖：宣傳部", "metadata"),  # an article's credits
        ("〔記者陳怡君／台北報導〕", "metadata"),  # a reporter's byline
        ("字級　小　中　大", "chrome"),  # a font-size bar
        ("林志遠致詞內容如下：", "intro"),
        ("（本文系某某同志讲话的主要部分，小标题为编者所加）", "intro"),  # an editor's note
        ("（完）", "chrome"),  # a press release's end mark
        ("- END -", "chrome"),  # an article's end mark, as WeChat writes it
        ("（热烈掌声）", "chrome"),  # a transcript's stage direction on its own line
        ("（全体新生起立，齐唱校歌）", "chrome"),
        ("（一）播放安全教育片，组织应急演练", None),  # a heading, no stage direction
        ("刘敏（综合办） 19:58", "metadata"),  # a chat export's sender line
        ("@所有人 明天上午9点开会", "chrome"),
        ("笔杆子论坛 - Powered by Discuz!", "chrome"),  # a forum's
        ("上传者说明：本人根据会议材料整理，已校对。", "chrome"),  # a document site's
        ("（本文根据现场速记整理，未经本人审阅）", "intro"),  # a transcript's note
        ("— THE END —", "chrome"),
        ("▲ 2024届毕业生在典礼现场合影留念", "chrome"),  # a caption pointing up at a picture
        ("审核：陈卫国", "metadata"),  # an article's credits
        ("图片：校宣传中心 张涛", "metadata"),
        ("索引号：113501000000000000/2025-00012", "metadata"),  # a government info table
        ("主题分类：综合政务", "metadata"),
        ("文号：", "metadata"),
        ("技术支持：某市大数据中心　　建议使用1920×1080分辨率浏览", "chrome"),
        ("往期推荐", "related"),
        ("完成任务", None),
        ("二〇二四年，全市经济持续恢复。", None),
        ("Copyright © 2024 某某组委会 All Rights Reserved", "chrome"),
        ("主办：市人民政府办公室　网站标识码：3700000012", "chrome"),  # a government site's footer
        ("相关新闻：", "related"),
        ("广告：公文写作一对一服务，专业团队24小时在线", "chrome"),
        ("（本文有删节）", "chrome"),  # an editor's note
        ("发布日期：2024-12-31 18:00 【打印】【关闭】 来源：市政府办公室", "metadata"),  # 50 long
        ("完成全年目标任务", None),
        ("点击下载本文档", "chrome"),
        ("访问 www.example.com 获取更多", "chrome"),  # a web address
        ("发布时间：2023-05-01 10:30", "metadata"),
        ("2023年5月1日 来源：市政府", "metadata"),
        ("收藏 分享 打印", "chrome"),  # two weak words on a short line
        ("简体版 英文版 寄给朋友", "chrome"),  # language and share links
        ("在全市专题会议上的讲话", None),  # a speech title may hold one weak word
        ("同志们：", None),
        ("今天，我们召开全市安全工作会议，主要任务是总结工作、部署任务。", None),
        ("2023年是全面贯彻落实党的二十大精神的开局之年。", None),  # a date in a sentence
        ("一、统一思想，提高认识", None),
        ("<!--more-->", "chrome"),  # what a page in Markdown or HTML leaves on its own line
        ("![会场](https://img.example.org/a.jpg)", "chrome"),
        ('<object width="640"><param name="movie"></object>', "chrome"),
        ("地址：台中市大雅区学府路1号　电话：(04)2566-1234", "metadata"),  # a site's footer
        ("回頁首", "chrome"),
        ("149027", "chrome"),  # a page's id alone on its line
        ("2024", None),  # a year may be a heading's number
        ("963", "metadata"),  # a page's count of views, pages or bytes
        ("999+", "metadata"),
        ("21.78KB", "metadata"),
        ("23 页", "metadata"),
        ("12", None),  # a page number or a bare numeral heading: read elsewhere
        ("（记者 陈晓  编辑 刘洋）", "metadata"),  # a news report's byline
        ("【上一讲】领导干部媒介素养专题讲座　【下一讲】基层治理案例分析", "related"),
        ("上一讲我们讲了三个问题。", None),  # a lecture's own words
        ("*图为大会表彰现场。记者 孙浩 摄*", "chrome"),  # a photo's caption
        ("（记者 王强 摄）", "chrome"),
        ("我们要把每一张照片都拍好。", None),
    ],
)
def test_chrome_kind(line: str, expected: str | None) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(2006年8月30日)同志们:", 12),
        ("（2023年10月18日）各位领导、同志们：", 13),
        ("(2006年8月30日)", 0),  # a date alone
        ("(2006年8月30日)会议纪要:", 0),  # names no audience
        ("同志们：", 0),  # no date
    ],
)
def test_dated_salutation(line: str, expected: int) -> None:
    assert dated_salutation(line) == expected


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "在市政府全体会议上的讲话春节刚过，市政府就召开全体会议，部署全年工作。",
            "在市政府全体会议上的讲话",
        ),
        (
            "2021年领导在廉政工作会议上讲话稿政府系统如何抓落实，重点围绕四个字。",
            "2021年领导在廉政工作会议上讲话稿",
        ),
        (
            "在全县森林防火工作会议上的讲话稿今年入秋以来，全县降水明显偏少，火险偏高。",
            "在全县森林防火工作会议上的讲话稿",  # 稿 belongs to the title
        ),
        ("在全市大会上的讲话中，书记强调要抓好安全生产工作，确保万无一失。", ""),  # prose
        ("学习书记的讲话精神，我们要把思想统一到会议部署上来，确保落实。", ""),  # prose
        ("在全市大会上的讲话", ""),  # nothing runs on: a title line of its own
        ("同志们，在全市大会上的讲话春节刚过，市政府就召开全体会议。", ""),  # a comma first
    ],
)
def test_glued_title(line: str, title: str) -> None:
    assert line[: glued_title(line)] == title


def test_a_sentence_about_a_speech_is_no_glued_title() -> None:
    line = "市委书记在全市经济工作会议上的讲话为我们指明了方向，我们要认真学习领会。"
    assert glued_title(line) == 0


@pytest.mark.parametrize(
    ("line", "form"),
    [
        ("谢谢大家！", "closing"),
        ("謝謝各位！", "closing"),
        ("大家上午好！", "greeting"),
        ("2022年9月1日", "dateline"),
        ("（二〇二三年五月一日）", "dateline"),
        ("（20××年×月×日）", "dateline"),  # a template's placeholders
        ("中華民國81年10月09日", "dateline"),  # an era's year (民国/民國)
        ("民国一百一十二年十月十日", "dateline"),
        ("我的讲话完了，谢谢大家！", "closing"),
        ("我的讲话到此结束，谢谢！", "closing"),
        ("中華民國建國八十一年國慶", None),  # an era in a title, no date
        ("谢谢大家的支持，我们一定把工作做好。", None),
        ("谢谢各位，谢谢大家！", "closing"),  # thanks said twice
        ("谢谢大家。再见！", "closing"),  # and goodbye
        ("谢谢大家的支持！", "closing"),  # thanks for what was given
        ("再见！", None),
        ("汇报完毕，谢谢！", "closing"),  # a report's end, then the thanks
        ("我就讲这些，谢谢大家！", "closing"),
        ("今天很高兴，谢谢大家！", None),
        ("謝謝各位！謝謝大家！", "closing"),
        ("多謝主席，多謝各位議員！", "closing"),  # thanks to the chair and the members
        ("谢谢主席的介绍，下面我讲三点。", None),
        ("大家早安！", "greeting"),  # 早安, 午安, 晚安 and Hong Kong's 早晨 take no 好
        ("午安！", "greeting"),
        ("大家早晨！", "greeting"),
        ("早晨八点，会议开始。", None),
    ],
)
def test_line_form(line: str, form: str | None) -> None:
    assert line_form(line) == form


@pytest.mark.parametrize(
    ("line", "length"),
    [
        ("早上好！我首先要感谢各位的邀请。", 4),
        ("大家好！！今天我们在这里召开会议。", 5),
        ("大家好！", 0),  # the greeting alone: a greeting line, nothing follows
        ("好好学习，天天向上！我们要努力。", 0),
        ("今天是个好日子！", 0),
    ],
)
def test_greeting_lead(line: str, length: int) -> None:
    assert greeting_lead(line) == length


def test_alternatives_grouped_by_first_character_match_as_before() -> None:
    from speechparse.classify import _alternatives, by_first_character

    assert _alternatives(r"a[|\]]b|c(?:d|e)|\||[^]|]x|f") == [
        r"a[|\]]b",
        "c(?:d|e)",
        r"\|",
        "[^]|]x",
        "f",
    ]
    pattern = "版权所有|版权归|x*y|主办[：:]|网|网站|\\.pdf"
    grouped = re.compile(by_first_character(pattern))
    for text in (
        "版权归本站",
        "主办：某局",
        "网站",
        "某某网",
        "下载.pdf",
        "xxy",
        "无关",
        "主办单位",
    ):
        plain = re.search(pattern, text)
        found = grouped.search(text)
        assert (plain and plain.span()) == (found and found.span()), text


def test_a_forum_floors_signature_and_comments_are_no_speech_text() -> None:
    body = "今年以来，全县上下认真贯彻落实县委部署，各项工作取得了新的进展，成绩来之不易。\n"
    page = (
        "在全县经济工作会议上的讲话\n同志们：\n" + body + "————签名档————\n"
        "家在青山，心在青山。有事私信，看到必回。\n"
        "青山小透明: 沙发，老范手速可以啊\n2024-1-18 20:38　回复\n" + body + "谢谢大家！\n"
    )
    (speech,) = speechparse.parse(page).speeches
    texts = " ".join(b.text for b in speech.content if b.type == "paragraph")
    assert "家在青山" not in texts and "沙发" not in texts and "回复" not in texts
    assert speech.closing is not None


def test_an_editors_box_inside_the_speech_ends_at_a_blank_line() -> None:
    body = "今年以来，全县上下认真贯彻落实县委部署，各项工作取得了新的进展，成绩来之不易。\n"
    box = (
        "【特别提醒】\n进入汛期以来，我市已发布3次暴雨预警。\n"
        "1.暴雨期间严禁露天动火作业；\n2.每天检查排水沟。\n"
    )
    page = "在全县安全工作会议上的讲话\n同志们：\n\n" + body + "\n" + box + "\n" + body
    (speech,) = speechparse.parse(page).speeches
    assert [b.type for b in speech.content] == ["paragraph", "paragraph"]
    # with no blank line to end it, the label alone goes
    tight = speechparse.parse(page.replace("\n\n", "\n")).speeches[0]
    assert any(b.type == "section" for b in tight.content)


@pytest.mark.parametrize(
    ("line", "counter"),
    [("[NextPage]", True), ("第2页", True), ("第 2 页 / 共 6 页", True), ("下一页", True),
     ("— 3 —", True), ("2/8", True), ("【第2张】", True), ("一 2 一", True),
     ("中鼎集团质量管理部  第2页 共6页", True),
     ("详见报告第3页", False), ("第3页的内容很重要", False), ("本报告共6页，请查收", False)],
)  # fmt: skip
def test_page_counters(line: str, counter: bool) -> None:
    from speechparse.segment import page_counter

    assert page_counter("".join(line.split())) is counter
