"""Line-break repair (lines.py): the width a PDF wrapped a page at, and which breaks join."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import speechparse
from speechparse.lines import (
    _WRAP_SLACK,
    _WRAPPED_MIN,
    Line,
    full_line,
    joins,
    make_line,
    split_lines,
    wrap_width,
)

_WRAPPED = [  # a PDF page wrapped at 24 characters; a paragraph's first line indented
    "今天我们召开全县防汛工作会议，主要任务",
    "是分析今年汛期形势，安排部署防汛抗旱各项工作。刚",
    "才，县水利局通报了汛前检查情况，几个乡镇作了表态",
    "发言，我都同意。下面，我再强调三点意见。",
    "据气象部门预测，今年我县汛期降水总体偏多",
    "二至三成，极端天气事件发生的可能性较大，局地强降",
    "雨引发山洪、地质灾害的风险较高，大家要保持清醒。",
]


def lines(texts: list[str]) -> list[Line]:
    return [make_line(0, t) for t in texts]


def test_the_width_of_a_wrapped_page() -> None:
    assert wrap_width(lines(_WRAPPED)) == 48  # in columns: a CJK character takes two


def test_digits_and_letters_are_narrow() -> None:
    """A PDF sets ASCII at half a character's width: lines with digits hold more
    characters at the same width, and a line of the page's width is full."""
    page = lines(
        [
            "2024年全县完成生产总值386.5亿元，增长6.2%，",  # 43 columns
            "今天我们召开全县经济工作会议，主要任务是总结",
            "回顾2024年经济工作，分析当前面临的形势，安排",
            "部署2025年经济工作。刚才，县发改局通报了有关",
            "情况，几个乡镇和部门作了交流发言，讲得都很好",
        ]
    )
    assert [len(ln.text) for ln in page] == [28, 22, 24, 24, 22]
    assert wrap_width(page) == 44
    assert all(full_line(ln, 44) for ln in page)
    assert not full_line(make_line(0, "意。下面，我再讲三点意见。"), 44)


def test_an_ideographic_space_indents_two_columns() -> None:
    (ln,) = split_lines("\u3000\u3000今天我们召开全县经济工作会议，主要任务是\n")
    assert ln.indent == 4 and ln.text.startswith("今天")


def test_a_web_page_has_no_width() -> None:
    web = [
        "今天，我们召开全县防汛工作会议。",
        "据气象部门预测，今年我县汛期降水总体偏多二至三成，极端天气事件发生的可能性较大。",
        "同时，部分小型水库和堤防工程存在病险隐患，防汛基础仍然比较薄弱，大家务必保持清醒头脑，"
        "切实做好各项准备。",
        "一要压实责任。",
        "二要强化预警，确保信息第一时间传递到村、到户、到人。",
    ]
    assert wrap_width(lines(web)) == 0
    assert wrap_width(lines(["短行"] * 10)) == 0  # short lines say nothing


def test_a_full_line_goes_on_even_under_a_heading() -> None:
    # 22 characters after an indent of two: the line was full at a width of 24 (48 columns)
    heading = make_line(4, "一、充分认识今年防汛形势的严峻性，切实增强做", indent=4)
    tail = make_line(30, "好防汛工作的责任感")
    assert not joins(heading, tail, False, True)  # no width known: a heading stands alone
    assert joins(heading, tail, False, True, width=48)
    assert not joins(make_line(0, heading.text), tail, False, True, width=48)  # 44 < 46
    short = make_line(0, "一、压实防汛责任")
    assert not joins(short, tail, False, True, width=48)


def test_a_line_that_opens_with_the_end_of_a_sentence_goes_on_the_line_before() -> None:
    heading = make_line(0, "（一）压实工作责任，确保各项措施落到")
    assert joins(heading, make_line(20, "实处。各街道要切实履行第一责任人职责。"), False, True)
    assert not joins(heading, make_line(20, "同志们，各街道要切实履行职责。"), False, True)


def test_a_sentence_ending_inside_emphasis_ends_the_line() -> None:
    prev = make_line(0, "**自恋、自大、自负、自夸、自欺、自闭、自缚、自怜；**")
    assert not joins(prev, make_line(40, "而是："), False, False)


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(1, 40)), max_size=30))
@example([(0, 20)] * 4 + [(0, 25)] * 4)  # two windows as full: the wider
@example([(4, 18), (0, 19), (0, 20), (0, 20), (0, 31)])  # indents count
def test_wrap_width_is_the_fullest_window(shapes: list[tuple[int, int]]) -> None:
    """wrap_width against a plain reading of its rule: among the longer lines, the width n
    with the most lines in [n - slack, n] (the widest on ties), if four and a quarter, and
    no more than a quarter as many lines wider than one and a half times n."""
    page = [make_line(0, "字" * n, indent) for indent, n in shapes]
    widths = [indent + 2 * n for indent, n in shapes if n >= _WRAPPED_MIN]  # columns

    def near(n: int) -> int:
        return sum(n - _WRAP_SLACK <= w <= n for w in widths)

    best = max(widths, key=lambda n: (near(n), n), default=0)
    wider = sum(w > best * 3 // 2 for w in widths)
    ok = widths and near(best) >= 4 and 4 * near(best) >= len(widths) and 4 * wider <= near(best)
    assert wrap_width(page) == (best if ok else 0)


_UNENDED = "今年以来全市上下认真贯彻落实各项部署并取得了新的进展和成绩"  # no end punctuation


def test_a_blank_line_parts_paragraphs_where_lines_also_follow_one_another() -> None:
    page = "同志们：\n我们要坚定信心。\n" + _UNENDED + "\n\n回首过去一年，我们克服了重重困难。\n"
    (speech,) = speechparse.parse(page).speeches
    assert [p.text[:4] for p in speech.content] == ["我们要坚", "今年以来", "回首过去"]


def test_on_a_double_spaced_page_a_sentence_runs_on_across_blank_lines() -> None:
    page = "同志们：\n\n我们要坚定信心。\n\n" + _UNENDED + "\n\n的新局面。\n\n回首过去一年。\n"
    (speech,) = speechparse.parse(page).speeches
    assert [p.text[:4] for p in speech.content] == ["我们要坚", "今年以来", "回首过去"]


def test_title_lines_between_long_one_line_paragraphs_are_no_wrapping() -> None:
    """Four title lines of one length, with long paragraphs each on one line: no width."""
    title, long = "以一流营商环境赋能县域高质量发展", "今天召开全县优化营商环境大会。"
    heading = "一、提高站位，深刻认识优化营商"
    page = [title, long * 8, title, long * 9, heading, long * 5, title, title]
    assert wrap_width(lines(page)) == 0


def test_a_heading_line_with_its_body_run_in_goes_on_to_the_next_line() -> None:
    """A short item line whose body is run in after a full stop and cut by the page, on a
    page too short to show its width: the next line continues the body."""
    page = (
        "同志们：\n首先，要提高思想认识。全体员工要树立防范胜于救灾的意识。\n"
        "其次，要加强日常检查。安保部要每天巡查，确保公司消\n防安全万无一失。\n"
    )
    (speech,) = speechparse.parse(page).speeches
    last = speech.content[-1]
    assert last.type == "item" and last.content[-1].text.endswith("确保公司消防安全万无一失。")


def test_the_first_line_of_a_wrapped_paragraph_is_no_title() -> None:
    """On a wrapped page a paragraph's first line (no end punctuation, under the title and
    a blank line) is body text; the title stands above it."""
    body = "".join(_WRAPPED)
    wrapped = "\n".join(body[k : k + 24] for k in range(0, len(body), 24))
    page = "在全县防汛工作会议上的讲话\n\n" + wrapped + "\n"
    (speech,) = speechparse.parse(page).speeches
    assert speech.title == "在全县防汛工作会议上的讲话"
    assert speech.content[0].text.startswith("今天我们召开全县防汛工作会议，主要任务是分析")


def test_on_a_wrapped_page_a_line_cut_mid_clause_goes_on_into_a_marker() -> None:
    """A full line that ends with a comma: the ② opening the next line stands inside the
    sentence (an inline list), it opens no heading line of its own."""
    body = "".join(_WRAPPED)
    wrapped = [body[k : k + 24] for k in range(0, len(body), 24)]
    cut = "要对待好手中的权力，做到①不该拿的钱物坚决不拿，"
    page = "同志们：\n" + "\n".join([*wrapped, cut, "②不该吃的饭局坚决不去。"]) + "\n"
    (speech,) = speechparse.parse(page).speeches
    assert len(cut) == 24 and cut.endswith("，")
    assert [b.type for b in speech.content] == ["paragraph", "paragraph", "section", "section"]
    assert [b.marker.text for b in speech.content[2:]] == ["①", "②"]


def test_a_short_line_between_blank_lines_of_an_unwrapped_page_stands_alone() -> None:
    """存在的不足 between blank lines on a page whose every line has one: a subheading, not
    the start of a sentence the page broke (the page is not wrapped)."""
    page = (
        "同志们：\n\n今天讲两点。\n\n存在的不足\n\n"
        "回顾一年来的工作，我也清醒地认识到自身还存在一些不足。\n"
    )
    (speech,) = speechparse.parse(page).speeches
    assert [p.text for p in speech.content][-2:] == [
        "存在的不足",
        "回顾一年来的工作，我也清醒地认识到自身还存在一些不足。",
    ]


@pytest.mark.parametrize("tail", ["；（3）", "；( 3 )", "：①", "，（二）"])
def test_a_list_marker_at_a_lines_end_takes_the_next_line(tail: str) -> None:
    prev = make_line(0, "每一户都要经乡镇、村、农户三方验收签字" + tail)
    assert joins(prev, make_line(40, "资金拨付关，验收合格后方可拨付奖补资金。"), False, False)
