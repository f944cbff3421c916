"""The clean view (normalize.py): what check_text reports and what clean_view deletes."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechparse
from speechparse import InvalidText
from speechparse.model import RemovedKind
from speechparse.normalize import Suspects, check_text, clean_view
from speechparse.spans import OffsetMap, cut


@pytest.mark.parametrize(
    ("text", "invisible", "pinyin", "forms"),
    [
        ("同志们：今天我们开会。", False, False, False),
        ("會(huì)議(yì)", False, True, False),
        ("一\u200b、加强领导", True, False, False),
        ("會(huì)議\u200b", True, True, False),
        ("\u200b會(huì)", True, True, False),  # the invisible character comes first
        ("加强(jiaqiang)领导", False, False, False),  # no toned vowel: no annotation
        ("各位先生、女士﹕", False, False, True),  # a small-form colon
        ("會(huì)議︰", False, True, True),
    ],
)
def test_check_text_says_what_to_look_for(
    text: str, invisible: bool, pinyin: bool, forms: bool
) -> None:
    assert check_text(text) == Suspects(invisible=invisible, pinyin=pinyin, forms=forms)


@pytest.mark.parametrize("text", ["abc\ud800def", "\u200babc\udc00", "會(huì)\ud83d"])
def test_a_lone_surrogate_anywhere_is_refused_with_its_index(text: str) -> None:
    at = next(i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff")
    with pytest.raises(InvalidText, match=f"index {at}:"):
        check_text(text)


def test_clean_view_deletes_annotations_and_invisibles_and_maps_back() -> None:
    text = "全面加強(qiáng)黨(dǎng)的\u200b領導"
    view = clean_view(text, check_text(text))
    assert view.text == "全面加強黨的領導"
    assert [text[a:b] for a, b in view.pinyin] == ["(qiáng)", "(dǎng)"]
    assert view.rewritten
    i = view.text.index("黨")
    assert text[view.omap.to_original(i)] == "黨"
    assert view.omap.span(0, len(view.text)) == (0, len(text))


def test_without_suspects_the_view_is_the_input() -> None:
    text = "同志们：今天我们召开会议（一）。"
    view = clean_view(text, check_text(text))
    assert view.text == text and view.omap.identity and not view.pinyin


def test_annotations_are_removed_records_and_cut_out_of_paragraphs() -> None:
    text = "同志們：\n我們要全面加強(qiáng)黨(dǎng)的領導，推動工作。\n謝謝大家！\n"
    doc = speechparse.parse(text)
    pinyin = [r for r in doc.removed if r.kind is RemovedKind.PINYIN]
    assert [r.text for r in pinyin] == ["(qiáng)", "(dǎng)"]
    assert all(text[r.span[0] : r.span[1]] == r.text for r in pinyin)
    (para,) = doc.speeches[0].content
    assert para.text == "我們要全面加強黨的領導，推動工作。"
    assert text[para.span[0] : para.span[1]].startswith("我們要全面加強(qiáng)")


def test_invisible_characters_stay_in_paragraph_text() -> None:
    """A paragraph's text is its source less removed parts: an invisible character is no
    removed part, so it stays (only matching looks through it)."""
    text = "同志们：\n我们要加\u200b强领导，推动工作。\n谢谢大家！\n"
    (para,) = speechparse.parse(text).speeches[0].content
    assert para.text == "我们要加\u200b强领导，推动工作。"


def test_small_and_vertical_punctuation_read_as_the_marks_they_stand_for() -> None:
    text = (
        "在晚宴上的致辭\n各位領事、各位嘉賓、各位先生、女士﹕\n今晚﹐我們歡聚一堂。\n多謝各位。\n"
    )
    view = clean_view(text, check_text(text))
    assert len(view.text) == len(text) and view.omap.identity  # one for one: spans stay
    assert "﹕" not in view.text and "女士:" in view.text
    (speech,) = speechparse.parse(text).speeches
    assert speech.title == "在晚宴上的致辭"
    assert speech.salutation is not None
    assert speech.salutation.text == "各位領事、各位嘉賓、各位先生、女士"
    assert speech.content[0].text == "今晚﹐我們歡聚一堂。"  # paragraph text is the input's


@given(st.data())
def test_cut_leaves_out_exactly_the_holes(data: st.DataObject) -> None:
    """spans.cut (paragraph text = source less removed parts) against a character-by-character
    reading, with and without the holes' starts given."""
    text = "".join(chr(0x4E00 + i) for i in range(60))
    points = sorted(data.draw(st.sets(st.integers(0, 60), max_size=10)))
    holes = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    a = data.draw(st.integers(0, 60))
    b = data.draw(st.integers(a, 60))
    expected = "".join(text[i] for i in range(a, b) if not any(x <= i < y for x, y in holes))
    assert cut(text, (a, b), holes) == expected
    assert cut(text, (a, b), holes, [x for x, _ in holes]) == expected


_PIECES = ["會", "議", "領導", "(huì)", "（yì）", "(dǎng)", "(qiáng", "dǎng)", "(ab)", "，"]
_GLOSSED = st.lists(
    st.sampled_from([*_PIECES, " ", "\n", "\u200b", "﹕", "("]),
    max_size=30,
).map("".join)


@given(_GLOSSED)
def test_the_two_ways_of_cutting_annotations_agree(text: str) -> None:
    """A page with annotations and no invisible character is cut by one re.split; with an
    invisible character, match by match.  Both read the same annotations and map back alike."""
    suspects = check_text(text)
    by_split = clean_view(text, Suspects(invisible=False, pinyin=True, forms=suspects.forms))
    by_match = clean_view(text, Suspects(invisible=True, pinyin=True, forms=suspects.forms))
    assert by_split.pinyin == by_match.pinyin
    assert by_split.pinyin_text == [text[a:b] for a, b in by_match.pinyin]
    if "\u200b" not in text:
        assert by_split.text == by_match.text
        assert [by_split.omap.to_original(i) for i in range(len(by_split.text) + 1)] == [
            by_match.omap.to_original(i) for i in range(len(by_match.text) + 1)
        ]
    # what check_text reports is what the page holds
    assert suspects.invisible == ("\u200b" in text)
    assert suspects.forms == ("﹕" in text)
    if by_match.pinyin:
        assert suspects.pinyin


@given(st.data())
def test_offset_map_leads_back_to_the_input(data: st.DataObject) -> None:
    """OffsetMap against a character-by-character reading: clean index i is the i-th kept
    input index; a span runs from its first character to just after its last."""
    points = sorted(data.draw(st.sets(st.integers(0, 40), max_size=12)))
    deleted = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    kept = [i for i in range(40) if not any(x <= i < y for x, y in deleted)]
    omap = OffsetMap(deleted)
    assert [omap.to_original(i) for i in range(len(kept))] == kept
    a = data.draw(st.integers(0, len(kept)))
    b = data.draw(st.integers(a, len(kept)))
    start = kept[a] if a < len(kept) else 40
    expected = (start, kept[b - 1] + 1) if b > a else (start, start)
    assert omap.span(a, b) == expected


# --------------------------------------------------------------------------- Markdown
def _marks(text: str) -> list[str]:
    view = clean_view(text, check_text(text))
    return [text[a:b] for a, b in view.marks]


def test_markdown_heading_hashes_and_bold_pairs_are_cut_from_the_view() -> None:
    text = "# 在全县工作会议上的讲话\n## 一、总体要求\n**一是**抓落实。**二是**抓督查。\n"
    view = clean_view(text, check_text(text))
    assert view.text == "在全县工作会议上的讲话\n一、总体要求\n一是抓落实。二是抓督查。\n"
    assert _marks(text) == ["# ", "## ", "**", "**", "**", "**"]
    assert not view.rewritten  # the view is the input less recorded cuts


@pytest.mark.parametrize(
    "text",
    [
        "同志们：\n在**市工作期间，**同志给我们很多帮助。\n",  # ** masks names: no Markdown
        "#话题# 今天在**市开会，**区参加。\n",  # a hashtag is no heading line
        "同志们：\n**一、总体要求\n",  # bold opened and never closed on the line
    ],
)
def test_double_asterisks_stay_on_a_page_that_shows_no_markdown(text: str) -> None:
    assert _marks(text) == []


def test_an_odd_double_asterisk_leaves_its_line_alone() -> None:
    text = "## 一、总体要求\n在**市工作，**同志说：好**\n**二是**抓督查。**三是**\n"
    assert _marks(text) == ["## ", "**", "**", "**", "**"]
    assert "在**市工作，**同志说：好**" in clean_view(text, check_text(text)).text


def test_markdown_marks_are_removed_records_and_cut_out_of_headings() -> None:
    text = "# 讲话\n\n同志们：\n\n## 一、加强领导\n\n**（一）压实责任。**要层层落实。\n谢谢大家！\n"
    doc = speechparse.parse(text)
    assert [r.text for r in doc.removed if r.kind is RemovedKind.MARKUP] == [
        "# ",
        "## ",
        "**",
        "**",
    ]
    (speech,) = doc.speeches
    assert speech.title == "讲话"
    (section,) = speech.content
    assert section.heading == "加强领导" and section.marker.text == "一、"
    (sub,) = section.content
    assert sub.heading == "压实责任" and sub.content[0].text == "要层层落实。"


_MARKED = st.lists(
    st.sampled_from(["## ", "# ", "**", "***", "會", "(huì)", "一、", "\u200b", "\n", " ", "领导"]),
    max_size=30,
).map("".join)


@given(_MARKED)
def test_cuts_are_disjoint_and_map_back(text: str) -> None:
    """Annotations, Markdown's marks and invisible characters together: disjoint, in order,
    and the view is the input less them."""
    view = clean_view(text, check_text(text))
    cuts = sorted(view.pinyin + view.marks)
    assert all(b <= c for (_, b), (c, _) in pairwise(cuts))
    kept = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in cuts)).replace(
        "\u200b", ""
    )
    assert view.text == kept
    assert all(text[a:b].strip("#* ") == "" for a, b in view.marks)


def test_html_a_page_leaked_is_cut_out_as_markup() -> None:
    """Tags and entities a scraper left in the text are removed (markup), so the markers
    behind them open their lines; an entity is cut, not read (the contract lets a text only
    lose what was removed)."""
    page = (
        "<p>同志们：</p>\n"
        "<p><strong>一、加强组织领导</strong></p>\n"
        "<p>&nbsp;&nbsp;要落实&ldquo;一岗双责&rdquo;。</p>\n"
        "<p><strong>二、强化工作保障</strong></p>\n"
        "<p>要强化保障。</p>\n"
    )
    doc = speechparse.parse(page)
    (speech,) = doc.speeches
    assert speech.salutation is not None and speech.salutation.text == "同志们"
    assert [(b.marker.text, b.heading) for b in speech.content] == [
        ("一、", "加强组织领导"),
        ("二、", "强化工作保障"),
    ]
    assert speech.content[0].content[0].text == "要落实一岗双责。"
    assert {r.kind.value for r in doc.removed} == {"markup"}
    one = speechparse.parse("我们要把“5<6”写进方案。\n")  # one < alone is text
    assert not one.removed
