"""Line-start marker recognition, driven by tests/fixtures/markers.md."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechparse
from speechparse.markers import inline_markers, line_marker

FIXTURE = Path(__file__).parent / "fixtures" / "markers.md"


def _cases() -> list[pytest.param]:
    out = []
    for n, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, expect = (s.strip() for s in line.split("→"))
        out.append(pytest.param(text, expect, id=f"markers.md:{n}"))
    return out


@pytest.mark.parametrize(("text", "expect"), _cases())
def test_line_marker(text: str, expect: str) -> None:
    found = line_marker(text)
    if expect == "none":
        assert found is None, found
        return
    assert found is not None, f"no marker found in {text!r}"
    marker, style, ordinal, kind = (s.strip() for s in expect.split("|"))
    assert found.text == marker
    assert found.info.style == style
    assert found.info.ordinal == int(ordinal)
    assert found.info.is_item == (kind == "item")


def test_first_look_admits_every_marker_start() -> None:
    """LINE_FIRST_RE spares the marker patterns lines that cannot open with a marker: no
    character outside it may begin a match of either pattern (every BMP character tried
    before the ends a marker can have)."""
    from speechparse.markers import _BARE_RE, _LINE_RE, LINE_FIRST_RE

    tails = [
        "",
        "、",
        ".",
        "．",
        ")",
        "）",
        "是",
        "，",
        "一、",
        "一）",
        "1)",
        "章",
        "】",
        "先",
        "次",
    ]
    missed = []
    for cp in range(0x20, 0x10000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000 or LINE_FIRST_RE.match(ch):
            continue
        for mid in ("", "一", "1", "i"):
            if any(_LINE_RE.match(ch + mid + t) or _BARE_RE.match(ch + mid + t) for t in tails):
                missed.append(ch)
                break
    assert not missed, missed[:10]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("各街镇、各部门一要提高认识，克服麻痹思想；二要加强联动；三要强化问责。", "一要"),
        ("各级党委一是抓班子，二是带队伍，三是促发展。", "一是"),
        ("要统一要求，规范程序；二要加强联动；三要强化问责。", None),  # 统一: a word
        ("各部门一要提高认识，克服麻痹思想。", None),  # no second item: no series
    ],
)
def test_a_series_opening_straight_after_its_subject(text: str, first: str | None) -> None:
    found = [f.text for f in inline_markers(text, 0)]
    if first is None:
        assert not any(t.startswith("一") for t in found)
    else:
        assert first in found and found.index(first) < found.index("二" + first[1])


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("要做到①不该拿的坚决不拿，②不该吃的坚决不吃，③不该办的坚决不办。", "①"),
        ("要做到（1）不该拿的坚决不拿；（2）不该吃的坚决不吃。", "（1）"),
        ("要做到⑴不该拿的坚决不拿；⑵不该吃的坚决不吃。", "⑴"),
        ("要做到❶不该拿的坚决不拿，❷不该吃的坚决不吃。", "❶"),
        ("具体讲：第一要提高认识，第二要加强领导，第三要狠抓落实。", "第一要"),
        ("要做到不该拿的坚决不拿，②不该吃的坚决不吃。", None),  # no first anywhere
    ],
)
def test_an_enumerated_series_glued_to_the_word_before_it(text: str, first: str | None) -> None:
    found = [f.text for f in inline_markers(text, 0)]
    if first is None:
        assert found[:1] != ["①"]
    else:
        assert found[0] == first and len(found) >= 2


def test_financial_numerals_head_the_plain_ones() -> None:
    """壹、 ⊃ 一、 ⊃ （一）, as Taiwan's documents number them."""
    page = (
        "各位同仁：\n壹、前言\n本年度工作重點如下。\n貳、工作成果\n一、行政革新\n"
        "（一）簡化流程。\n二、社會福利\n參、未來展望\n謝謝大家！\n"
    )
    (speech,) = speechparse.parse(page).speeches
    tops = [b for b in speech.content if b.type == "section"]
    assert [s.marker.text for s in tops] == ["壹、", "貳、", "參、"]
    assert [s.marker.text for s in tops[1].content] == ["一、", "二、"]
    assert tops[1].content[0].content[0].marker.text == "（一）"


def test_zero_padded_numbers_head_sections_only_as_a_series() -> None:
    body = "今年以来，我们克服困难，各项工作取得了新的进展，成绩来之不易。\n"
    page = "同志们：\n01 回顾：过去一年\n" + body + "02 展望：新的一年\n" + body + "谢谢大家！\n"
    (speech,) = speechparse.parse(page).speeches
    assert [b.marker.text for b in speech.content if b.type == "section"] == ["01", "02"]
    (alone,) = speechparse.parse("同志们：\n01 回顾：过去一年\n" + body + "谢谢大家！\n").speeches
    assert all(b.type == "paragraph" for b in alone.content)


def test_a_list_inside_a_paragraph_ends_with_it() -> None:
    """The paragraph after 一是…；二是…；三是… belongs to the list's parent again, unless the
    list goes on in a later paragraph."""
    page = (
        "同志们：\n一、抓好三件事\n要做好三件事：一是抓安全；二是抓稳定；三是抓发展。\n"
        "新的一年，让我们同心协力、再创佳绩！\n"
        "二、抓好两项工作\n我讲两点：一是抓班子。\n班子要团结，要讲规矩，要有担当。\n"
        "二是抓队伍。\n谢谢大家！\n"
    )
    (speech,) = speechparse.parse(page).speeches
    one, two = speech.content
    assert [b.type for b in one.content] == ["paragraph", "item", "item", "item", "paragraph"]
    assert one.content[-1].text.startswith("新的一年")
    first = next(b for b in two.content if b.type == "item")
    assert first.content[-1].text.startswith("班子要团结")  # 二是 comes later: still 一是's


def test_an_agenda_told_in_one_sentence_is_no_list() -> None:
    text = "会议有三项议程。首先由各县签订责任书，然后请市长讲话，最后由我作小结。"
    assert inline_markers(text, 0) == []
    series = inline_markers("要抓好三点。首先，要提高认识；其次，要压实责任。", 0)
    assert [f.text for f in series] == ["首先，", "其次，"]


def test_a_heading_run_into_its_body_is_not_cut_at_a_space_after_a_comma() -> None:
    line = "274. 在把握国家发展机遇、利用国家政策的同时, 我们要认识到香港的地位。之后的正文。"
    (speech,) = speechparse.parse("同志们：\n273. 总的要求。\n" + line + "\n谢谢大家！\n").speeches
    heading = speech.content[1].heading
    assert heading.endswith("认识到香港的地位")


@pytest.mark.parametrize(
    ("page", "marker"),
    [
        ("同志们：\n下面我讲三点意见：一、认清形势，坚定信心\n", "一、"),  # cut off after it
        ("同志们：\n具体讲，有以下几点考虑：\n第一，要学习把握讲话精神\n", "第一，"),
        ("同志们：\n我想提几点希望，与大家共勉。\n一是希望同学们做一\n", "一是"),
        ("同志们：\n各部门要统一思想。\n一是希望同学们做一\n", None),  # nothing announced it
    ],
)
def test_an_announced_list_cut_off_after_its_first_member(page: str, marker: str | None) -> None:
    (speech,) = speechparse.parse(page).speeches
    nodes = [b.marker.text for b in speech.content if b.type != "paragraph"]
    assert nodes == ([marker] if marker else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("我们主要做了三件事：1.调整网格；2.配强带头人；3.建立联系制度。", ["1.", "2.", "3."]),
        ("全年投入1.5亿元，增长2.3%，完成3.2万户改造。", []),  # numbers, no points
        ("重点做好三件事：a)成立基金；b)扩建中心；c)深化联系。", ["a)", "b)", "c)"]),
        (
            "主要包括：（i）课程改革；（ii）师资培训；及（iii）设施升级。",
            ["（i）", "（ii）", "（iii）"],
        ),
    ],
)
def test_arabic_and_latin_points_inside_a_paragraph(text: str, found: list[str]) -> None:
    assert [f.text for f in inline_markers(text, 0)] == found


def test_a_heading_is_not_cut_at_the_spaces_of_latin_words() -> None:
    line = "③ 选型：从 GCS Fuse 到 JuiceFS 的迁移经验与体会分享以及后续的改进方向"
    page = "同志们：\n① 开场。\n② 需求。\n" + line + "\n谢谢大家！\n"
    (speech,) = speechparse.parse(page).speeches
    # white space beside CJK is layout and goes; between Latin words it stays
    heading = speech.content[2].heading
    assert heading == "选型：从GCS Fuse到JuiceFS的迁移经验与体会分享以及后续的改进方向"


def test_a_stray_space_inside_a_heading_with_no_sentence_after_it_stays() -> None:
    """A PDF's stray space in a heading line: what follows it holds no clause and no
    sentence, so it is the heading's own words, not a body run into the heading."""
    page = "同志们：\n一、强化认识，切实全面提升我市校园 安全管理工作整体水平\n"
    page += "今年以来，我们做了大量工作。\n二、突出重点，扎实做好各项工作\n要把握重点。\n"
    (speech,) = speechparse.parse(page).speeches
    assert [b.heading for b in speech.content] == [
        "强化认识，切实全面提升我市校园安全管理工作整体水平",
        "突出重点，扎实做好各项工作",
    ]


_BODIED = (
    "一、提高认识\n我们要提高思想认识，增强责任感。\n二、狠抓落实\n我们要狠抓工作落实，务求实效。\n"
)


def test_the_audience_addressed_under_a_closing_heading_stays_in_it() -> None:
    """A last heading whose siblings had bodies (三、结语) takes the paragraph that turns to
    the audience; after a list of bare heading lines that paragraph is the speech's own."""
    page = "同志们：\n" + _BODIED + "三、结语\n同志们，让我们共同努力，再创佳绩！\n谢谢大家！\n"
    (speech,) = speechparse.parse(page).speeches
    assert [b.type for b in speech.content] == ["section", "section", "section"]
    assert speech.content[2].content[0].text.startswith("同志们，让我们")
    listed = "同志们：\n今年重点抓好三件事：\n1.抓学习\n2.抓作风\n3.抓落实\n"
    (speech,) = speechparse.parse(listed + "同志们，让我们共同努力！\n谢谢大家！\n").speeches
    assert speech.content[-1].type == "paragraph"
    assert speech.content[-1].text.startswith("同志们，让我们")


def test_a_sentence_that_opens_with_gewei_is_no_address() -> None:
    """各位村里长是…的伙伴，… is a sentence about the audience, not a turn to it."""
    page = "同志们：\n" + _BODIED + "各位村里长是县政最重要的伙伴，我们要携手同行。\n谢谢大家！\n"
    (speech,) = speechparse.parse(page).speeches
    assert speech.content[-1].type == "section"
    assert speech.content[-1].content[-1].text.startswith("各位村里长是")


def test_the_last_of_an_inline_list_after_and() -> None:
    """；及（三）…: the list's last member comes after "and"; the marker is （三）."""
    text = "推出三项措施：（一）开办课程；（二）资助培训；及（三）设立大使计划。"
    assert [f.text for f in inline_markers(text, 0)] == ["（一）", "（二）", "（三）"]


def test_a_heading_keeps_its_first_sentence_when_a_list_runs_into_it() -> None:
    """再者，…推出三项措施：（一）…；: the item's title is its whole first sentence (the
    list's first member in it), and （一） is still a node of its own."""
    page = (
        "同志们：\n首先，在推广方面，我们做了很多工作。\n其次，在资助方面，我们加大投入。\n"
        "再者，在培训方面，我们推出三项措施：（一）开办短期课程；（二）资助员工培训；"
        "及（三）设立大使计划。\n最后，在研发方面，我们继续支持。\n"
    )
    (speech,) = speechparse.parse(page).speeches
    third = speech.content[2]
    assert third.marker.text == "再者，"
    assert third.heading == "在培训方面，我们推出三项措施：（一）开办短期课程"
    kids = [b for b in third.content if b.type != "paragraph"]
    assert [b.marker.text for b in kids] == ["（一）", "（二）", "（三）"]


def test_decimal_numbering_nests_by_its_levels() -> None:
    """1 总体要求 ⊃ 1.1 … ⊃ 1.1.1 …; 1.5亿元 opening a line is a figure, no heading."""
    page = (
        "同志们：\n今天讲两个问题。\n1 总体要求\n1.1 指导思想\n坚持稳中求进。\n1.2 基本原则\n"
        "坚持问题导向。\n2 重点任务\n2.1 抓好项目\n2.1.1 工业项目\n新开工工业项目30个。\n"
        "2.1.2 服务业项目\n1.5亿元的项目要抓紧。\n2.2 抓好招商\n全年引进项目50个。\n"
    )
    (speech,) = speechparse.parse(page).speeches

    def outline(blocks: list) -> list:
        return [(b.marker.text, outline(b.content)) for b in blocks if b.type != "paragraph"]

    assert outline(speech.content) == [
        ("1", [("1.1", []), ("1.2", [])]),
        ("2", [("2.1", [("2.1.1", []), ("2.1.2", [])]), ("2.2", [])]),
    ]


def test_half_parenthesis_digits_inside_a_sentence() -> None:
    """：1）…；2）… is a list; 附件2） (no punctuation before it) is a reference."""
    text = "要做到三点：1）每日巡查；2）每周例会；3）每月考核（详见附件2）。"
    assert [f.text for f in inline_markers(text, 0)] == ["1）", "2）", "3）"]


def test_bullet_before_a_marker_is_no_text_of_the_heading() -> None:
    """■ 第一部分 …: the section starts at its marker; the bullet is neither heading nor a
    paragraph of its own."""
    page = (
        "在大会上的讲话\n\n同志们：\n\n■ 第一部分　回顾\n\n去年工作很好。\n\n"
        "■ 第二部分　安排\n\n今年要抓落实。\n"
    )
    sp = speechparse.parse(page).speeches[0]
    parts = [b for b in sp.content if b.type == "section"]
    expected = [("第一部分", "回顾"), ("第二部分", "安排")]
    assert [(b.marker.text, b.heading) for b in parts] == expected
    assert page[parts[0].span[0] : parts[0].span[0] + 4] == "第一部分"
    assert all(b.type == "section" for b in sp.content)


def _outline(page: str) -> list[tuple[int, str]]:
    """(depth, marker) of every numbered node of the page's one speech, in order."""
    out: list[tuple[int, str]] = []

    def walk(blocks: list, depth: int) -> None:
        for b in blocks:
            if b.type != "paragraph":
                out.append((depth, b.marker.text))
                walk(b.content, depth + 1)

    (speech,) = speechparse.parse(page).speeches
    walk(speech.content, 0)
    return out


def test_the_turn_from_achievements_to_shortcomings_speaks_for_the_parent() -> None:
    """在看到成绩的同时… after the last （三） of 一、 goes back to 一、, its list with it;
    a plain paragraph there stays under （三）."""
    head = (
        "在全市工作会议上的讲话\n同志们：\n一、正视差距\n过去一年，工作取得新成效。\n"
        "（一）改革落地见效\n去年出台政策措施126条。\n（二）活力增强\n新登记企业1.6万户。\n"
    )
    tail = "一是政策落实不到位；二是部门协同不顺畅。\n二、聚焦重点\n今年要抓好四项工作。\n"
    turned = _outline(head + "在看到成绩的同时，我们也要清醒认识到差距。" + tail)
    assert turned[3:5] == [(1, "一是"), (1, "二是")]
    plain = _outline(head + "企业普遍反映办事方便了，信心更足了。" + tail)
    assert plain[3:5] == [(2, "一是"), (2, "二是")]


def test_a_number_missing_in_an_inner_series_does_not_go_on_the_outer_one() -> None:
    """1. ⏎ Z. (a 2 as a scan read it) ⏎ 3. under （一）: the 3. is the inner series with a
    gap, not the 三、 of the 一、 二、 series."""
    page = (
        "在全县工作会议上的讲话\n同志们：\n一、提高认识\n今年工作很重要。\n二、突出重点\n"
        "（一）推进厕所革命\n1.严把质量关。各乡镇要执行规范。\nZ . 健全管护机制。每个乡镇要建站。\n"
        "3.抓好问题整改。要逐户建立台账。\n（二）提升垃圾治理\n要巩固收运体系。\n"
        "三、强化保障\n各部门要密切配合。\n"
    )
    assert _outline(page) == [
        (0, "一、"),
        (0, "二、"),
        (1, "（一）"),
        (2, "1."),
        (2, "3."),
        (1, "（二）"),
        (0, "三、"),
    ]


def test_spaces_inside_the_brackets_of_an_inline_marker() -> None:
    """A scan's text: （ 1 ）…；（ 2 ）…"""
    found = inline_markers("重点把好三个环节：（ 1 ）产品采购关；（ 2 ）施工验收关。", 0)
    assert [(f.text, f.info.ordinal) for f in found] == [("（1）", 1), ("（2）", 2)]


def test_a_marker_alone_on_its_line_takes_the_next_line_as_its_heading() -> None:
    """A photo's OCR breaks 二、 after its numeral and puts （三） on a line of its own."""
    page = (
        "在全区工作会议上的讲话\n同志们：\n一、清醒认识形势\n今年汛期降水偏多。\n二\n"
        "、强化责任落实，织密责任网络\n防汛工作关键在责任。\n（一）压实属地责任。镇街要坚守岗位。\n"
        "（二）压实部门责任。部门要加强指导。\n（三）\n压实包保责任\n都要明确包保责任人。\n"
    )
    (speech,) = speechparse.parse(page).speeches
    second = speech.content[1]
    assert (second.marker.text, second.heading) == ("二、", "强化责任落实，织密责任网络")
    third = second.content[-1]
    assert (third.marker.text, third.heading) == ("（三）", "压实包保责任")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("一、坚持学习不放松要把学习作为第一需要和终身追求，认真学习。", "坚持学习不放松"),
        ("一、廉洁自律不越线我将严格遵守中央八项规定精神，自觉接受监督。", "廉洁自律不越线"),
        (  # a subject, then its 要: one sentence, the heading
            "一、主要负责人要履行第一责任人职责，每季度至少主持召开一次专题会议。",
            "主要负责人要履行第一责任人职责，每季度至少主持召开一次专题会议",
        ),
        (  # a copula before 要: a sentence
            "一、组织纪律和廉洁纪律是经常要面对的必答题，我们必须答好。",
            "组织纪律和廉洁纪律是经常要面对的必答题，我们必须答好",
        ),
    ],
)
def test_a_body_opening_with_yao_or_wojiang_glued_to_its_heading(line: str, heading: str) -> None:
    page = f"在全县工作会议上的讲话\n同志们：\n{line}\n二、突出重点\n今年工作很重要。\n"
    (speech,) = speechparse.parse(page).speeches
    assert speech.content[0].heading == heading


def test_paragraph_numbers_run_through_the_sections() -> None:
    """A policy address numbers its paragraphs through the headings: 3. under 二、（一） is
    the third paragraph, not a 三、; its (a) (b) list nests under it."""
    page = (
        "施政報告\n主席、各位議員：\n一、引言\n1. 今年是回歸27周年。\n2. 報告以創新為主題。\n"
        "二、拼經濟\n（一）鞏固金融中心地位\n3. 我們會從以下方面推進：\n(a) 推動資本市場改革；\n"
        "(b) 發展綠色金融。\n4. 政府會成立專責小組。\n（二）推進創新科技\n5. 創新是新引擎。\n"
        "三、結語\n6. 讓我們齊心同行。\n謝謝主席。\n"
    )
    assert _outline(page) == [
        (0, "一、"),
        (1, "1."),
        (1, "2."),
        (0, "二、"),
        (1, "（一）"),
        (2, "3."),
        (3, "(a)"),
        (3, "(b)"),
        (2, "4."),
        (1, "（二）"),
        (2, "5."),
        (0, "三、"),
        (1, "6."),
    ]
