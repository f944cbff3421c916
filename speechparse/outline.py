"""A speech's body lines → paragraphs → markers → nested Section / Item / Paragraph parts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .build import Event, TreeBuilder, select_series
from .lines import (
    PARTICLES,
    Line,
    Paragraph,
    blank_breaks_paragraphs,
    full_line,
    joins,
    make_paragraph,
    wrap_width,
)
from .markers import Found, inline_markers, line_marker, opening

#: a sentence end; a "?" glued to Latin letters is mojibake (因?qū), not one
#: a full line of a wrapped page that ends with one of these is cut mid-sentence: a marker
#: that opens the next line stands inside that sentence
_CLAUSE_GOES_ON = ("，", ",", "、")
_TERM_RE = re.compile(r"[。！？；!;]|\?(?![A-Za-z\u00c0-\u024f])")
# a line joined for its particle (or 是 after a numeral: 十二。⏎是…) starts with one of these
_JOINED_STARTS = PARTICLES + "是"
_LONG_HEADING = 40
_HEADING_LINE = 40
#: a gap between a heading and its body: white space, not after a comma (…的同時, 我們)
#: and not beside a Latin word or a number (选型：从 GCS Fuse 到 JuiceFS)
_GAP_RE = re.compile(r"(?<![\s，,、；;：:A-Za-z0-9_])\s+(?![\sA-Za-z0-9_(（])")
#: words that open a body sentence (各乡镇要…, 回顾…): where a heading run into its body ends
_BODY_START_RE = re.compile(
    r"(?:各(?:乡镇|鄉鎮|地|级|級|部门|部門|单位|單位|县|縣|市|区|區|学校|學校|校)|我们|我們"
    r"|全(?:县|縣|市|省|区|區|校)|[县縣市区區省](?:委|政府|安委会|安委會|直))"
    r"(?=[^，,。；;]{0,8}?(?:要|必须|必須|务必|務必|应当|應當))"
    r"|回顾|回顧|近年来|近年來|一年来|一年來|今年以来|今年以來|(?:当前|當前|目前)(?=[我全各，,])"
    r"|(?:19|20)[0-9]{2}年(?=[，,]|以来|以來)"  # 2023年，全县…
)
_CLAUSE_END_RE = re.compile(r"[，,；;：:]")
#: a body glued to its heading that opens with what is to be done or what I will do (要把…,
#: 我将…); not 要 inside a word (重要, 需要, 要求)
_WILL_RE = re.compile(
    r"(?<![重主需必只想还還也都就更不])要(?![求素点點件害是])|我[将將要]|我们将|我們將"
)
_WIDE_GAP_RE = re.compile(r"\u3000|[ \t]{2}")  # an ideographic space, or two
_GLUED_HEADING = 20
#: a paragraph that addresses the audience again (the peroration) is no part of a heading
_PERORATION_RE = re.compile(
    r"(?:亲爱的|親愛的|青年|年轻的|年輕的)?"
    r"(?:同志们|同志們|朋友们|朋友們|同学们|同學們|老师们|老師們|同事们|同事們|同仁们|同仁們"
    r"|战友们|戰友們|伙伴们|夥伴們|各位[^，,！!是要将將把]{0,12})[，,！!]"  # 各位…是…: a sentence
)


class Sink(Protocol):
    """What build_body makes its blocks with (pipeline.py makes the model's blocks)."""

    def paragraph(self, para: Paragraph, a: int, b: int) -> Any | None:
        """The block for text ``[a, b)`` of ``para``, or None when there is no text."""

    def numbered(
        self, event: Event, level: int, para: Paragraph, a: int, b: int, drop: tuple[int, ...]
    ) -> tuple[Any, list[Any]]:
        """The block for a marker at ``level`` whose heading is ``[a, b)`` of the paragraph's
        text less the full stops at ``drop`` (put there by the page: 工作。⏎的), and the list
        its content goes to."""


@dataclass
class Body:
    root: list[Any]  # the sink's blocks, nested
    paragraphs: list[Paragraph]
    diagnostics: list[tuple[str, str, Event]]  # (code, message, marker) from level inference


def paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[Found | None]]:
    """Join lines into paragraphs (PDF repair; a bare numeral line takes the next as heading)."""
    paras: list[list[Line]] = []
    heads: list[Found | None] = []
    width = wrap_width([ln for ln in lines if opening(ln) is None])  # headings are short
    blank_breaks = blank_breaks_paragraphs(lines)
    # the last paragraph opens with a marker on a wrapped page and no sentence in it has
    # ended yet: a heading the page broke over lines (kept as lines join, not re-read)
    unended = False
    for ln in lines:
        found = opening(ln)
        # 做到①…，⏎②…: on a wrapped page a full line cut mid-clause goes on, marker or not
        if found is not None and paras and _cut_mid_clause(paras[-1][-1], width):
            paras[-1].append(ln)
            continue
        if paras and found is None:  # a line that opens with a marker starts a paragraph
            prev = paras[-1]
            head = heads[-1]
            if head is not None and len(prev) == 1:
                if _marker_alone(head, prev[0]) and _heading_line(ln):
                    prev.append(ln)  # a marker alone on its line takes the next as its heading
                    if head.info.style == "bare_cn" and ln.text[:1] in _SEPARATORS:
                        heads[-1] = line_marker(prev[0].text + ln.text)  # 二 ⏎ 、强化…
                    unended = unended and not _TERM_RE.search(ln.text)
                    continue
                # a heading line; one with its body run in (…一步。要经常…行) goes on
                t = prev[0].text
                heading = len(t) < _HEADING_LINE and _TERM_RE.search(t, 0, len(t) - 1) is None
            else:  # a heading still open, or one under a marker alone on its line
                heading = unended or (head is not None and _marker_alone(head, prev[0]))
            if joins(prev[-1], ln, False, heading, width, blank_breaks):
                prev.append(ln)
                unended = unended and not _TERM_RE.search(ln.text)
                continue
        paras.append([ln])
        heads.append(found)
        unended = bool(found is not None and width and not _TERM_RE.search(ln.text))
    out = [make_paragraph(p) for p in paras]
    for k, p in enumerate(out):
        h = heads[k]
        # a bare Arabic numeral alone is a page number unless a heading line follows it
        if h is not None and h.info.style == "bare_ar" and len(p.lines) < 2:
            heads[k] = None
    return out, heads


def _cut_mid_clause(ln: Line, width: int) -> bool:
    """A full line of a wrapped page that ends inside a clause (…做到①不该拿的钱物坚决不拿，)."""
    return full_line(ln, width) and ln.text.endswith(_CLAUSE_GOES_ON)


_SEPARATORS = ("、", "．", ".")  # what a numeral's line may have lost to the next (二 ⏎ 、…)


def _marker_alone(head: Found, ln: Line) -> bool:
    """A bare numeral (一, 1) or any other marker alone on line ``ln`` (（三） ⏎ 压实…)."""
    return head.info.style.startswith("bare_") or head.end >= len(ln.text)


def _heading_line(ln: Line) -> bool:
    """A short line with no sentence in it: a heading, when it follows a bare numeral."""
    return (
        len(ln.text) <= _HEADING_LINE
        and not _TERM_RE.search(ln.text)
        and not ln.text.endswith(("：", ":", "，", ","))
    )


def _heading_end(
    p: Paragraph, a: int, b: int, glued: bool, inline: bool = False
) -> tuple[int, tuple[int, ...]]:
    """End of the heading that starts at ``a`` (its first sentence end, at most ``b``) and
    the full stops inside it that are no sentence end.  ``glued``: a line-start section
    heading, which may run straight into its body; ``inline``: a section heading after a
    sentence, which ends at a wide gap (…的责任感　去年以来，… on a page that lost its line
    breaks)."""
    text = p.text
    breaks = p.line_breaks() if len(p.lines) > 1 else ()
    pos = a
    drop: list[int] = []
    end = b
    while m := _TERM_RE.search(text, pos, b):
        i = m.start()
        after = text[i + 1 : i + 2]
        if after and after in _JOINED_STARTS and i + 1 in breaks:  # 工作。⏎的重要性
            drop.append(i)
        elif not (text[i] == "。" and after.isdigit() and text[i - 1 : i].isdigit()):  # 2。92亿
            end = i
            break
        pos = i + 1
    if inline and (wide := _WIDE_GAP_RE.search(text, a + 4, end)):
        return wide.start(), tuple(drop)
    if glued and end - a > _GLUED_HEADING:  # a heading run into its body: cut as a reader would
        clause = _CLAUSE_END_RE.search(text, a, end)
        if end - a > _LONG_HEADING:  # a long run: its first gap
            gap = _GAP_RE.search(text, a + 4, end)
        else:  # a shorter one: its only gap (several are a PDF's spaced-out letters)
            gaps = list(_GAP_RE.finditer(text, a, end))
            gap = gaps[0] if len(gaps) == 1 and gaps[0].start() >= a + 4 else None
            if gap and end == b and _CLAUSE_END_RE.search(text, gap.end(), b) is None:
                gap = None  # no clause, no sentence after it: a stray space in a heading
        gap = gap or _BODY_START_RE.search(text, a + 4, clause.end() if clause else end)
        if gap is None and clause:  # further on only where the body is glued on (…感回顾…)
            later = _BODY_START_RE.finditer(text, clause.end(), end)
            gap = next((m for m in later if _glued_at(text, m.start())), None)
        if gap is None:  # the speaker's will opens the body: 严守耕地保护红线要严格落实…
            gap = _will_after(text, a, clause.start() if clause else end)
        if gap:
            return gap.start(), tuple(drop)
    return end, tuple(drop)


_WILL_HEADING = (6, 16)  # the length of a heading a body opening with 要 or 我将 is glued to
#: where a subject ends, not a heading (主要负责人要…, 各部门要…): the 要 is the sentence's
_SUBJECT_ENDS = tuple("人者们們门門位组組部委局办辦")


def _will_after(text: str, a: int, b: int) -> re.Match[str] | None:
    """Where a body that opens with what is to be done or what I will do starts, glued to
    the heading at ``a`` (严守耕地保护红线要严格落实…, 廉洁自律不越线我将…), before ``b``:
    only after a heading's length of words with no copula or 要 of their own."""
    lo, hi = _WILL_HEADING
    m = _WILL_RE.search(text, a + lo, min(b, a + hi + 2))  # (+2: its look ahead sees on)
    if m is None or m.start() > a + hi:
        return None
    head = text[a : m.start()]
    if "是" in head or "要" in head or head.endswith(_SUBJECT_ENDS):
        return None
    return m


def _glued_at(text: str, i: int) -> bool:
    """Does ``text[i:]`` follow a word with neither punctuation nor space between (…感回顾…)?"""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff"


_THEME_CHARS = 30  # a paragraph's opening words, a heading's words: what a theme is read from
_THEME_SHARED = 3  # character pairs a paragraph must share with a heading to keep to it
_CJK_PAIR_RE = re.compile(r"[^\W\d_A-Za-z]{2,}")  # (no CJK range: cheaper to compile)


def _bigrams(text: str) -> set[str]:
    """The pairs of adjacent CJK characters in ``text``."""
    return {run[i : i + 2] for run in _CJK_PAIR_RE.findall(text) for i in range(len(run) - 1)}


def _theme(paras: list[Paragraph], e: Event) -> str:
    """The words of the heading marker ``e`` opens (its first words)."""
    return paras[e.para].text[e.found.end : e.found.end + _THEME_CHARS]


def _keeps_theme(paras: list[Paragraph], k: int) -> Callable[[Event, Event | None], bool]:
    """Does paragraph ``k`` keep to the theme of the run-in heading above it rather than go
    back to its parent's (在推进城市基层党建中… under （二）扎实推进城市基层党建)?"""

    def keeps(top: Event, parent: Event | None) -> bool:  # asked only at a run-in's end
        lead = _bigrams(paras[k].text[:_THEME_CHARS])
        near = len(lead & _bigrams(_theme(paras, top)))
        far = len(lead & _bigrams(_theme(paras, parent))) if parent is not None else 0
        return near >= _THEME_SHARED and near > far

    return keeps


#: words that announce a list: a count of points (三点意见, 几个方面, 以下几点)
#: a count of two or more (三点, 几个): what announces a list (一项具体举措 announces none)
_COUNT_RE = re.compile(r"[二两兩三四五六七八九十几幾][点點个個条條项項件](?:[^。！？；;]{0,8})$")
_ANNOUNCE_TAIL = 24  # characters before a list's first member where its count may stand


def _announced(paras: list[Paragraph], cands: list[tuple[int, Found]]) -> frozenset[int]:
    """Candidates that open a list the words before them announce (我讲三点意见：一、…),
    when they stand alone: the page is cut off before the list's second member."""
    firsts = [i for i, (_, f) in enumerate(cands) if f.info.ordinal == 1]
    if not firsts:
        return frozenset()
    styles = Counter(f.info.style for _, f in cands)
    out = set()
    for i in firsts:
        k, f = cands[i]
        if styles[f.info.style] > 1:
            continue
        before = paras[k].text[: f.start] if f.inline else (paras[k - 1].text if k else "")
        before = before.rstrip(" \u3000：:，,。")
        if _COUNT_RE.search(before[-_ANNOUNCE_TAIL:]):
            out.add(i)
    return frozenset(out)


#: the turn from achievements to shortcomings: 在看到成绩的同时, 在充分肯定成绩的同时
_TURN_RE = re.compile(r"在[^，,。；;]{0,8}(?:成绩|成績|成效|进展|進展)的同[时時][，,]")


def _unmarked(tb: TreeBuilder, paras: list[Paragraph], k: int) -> None:
    """Paragraph ``k`` begins with no marker of its own (nothing to ask with no level open)."""
    if tb.stack:
        if _TURN_RE.match(paras[k].text):
            tb.turn()
        tb.unmarked_paragraph(k, _keeps_theme(paras, k))


def _skip_term(text: str, i: int, b: int) -> int:
    while i < b and (text[i] in "。！？；!?;" or text[i].isspace()):
        i += 1
    return i


_LIST_OPENS = ("：", ":")  # what introduces a list run into a heading (…三项措施：（一）…)


def _heading_limit(p: Paragraph, evs: list[Event], j: int, nxt_start: int) -> int:
    """How far the heading of event ``j`` may run: to the next event (at ``nxt_start``), or
    past it when that opens a list of another style right after a colon (…推出三项措施：
    （一）为…；（二）…): a heading keeps its whole first sentence, and the list's first item
    is inside it.  A heading run on after a sentence (…取得了明显成效。二、存在的问题 ⏎ …)
    ends with its line."""
    e = evs[j]
    limit = _sentence_limit(p.text, evs, j) if nxt_start < len(p.text) else nxt_start
    if e.found.inline and not e.info.is_item and len(p.lines) > 1:
        limit = min(limit, next((k for k in p.line_breaks() if k > e.found.end), limit))
    return limit


def _sentence_limit(text: str, evs: list[Event], j: int) -> int:
    """The next event's start, or past it when it opens a list after a colon."""
    nxt, style = evs[j + 1], evs[j].style
    start = nxt.found.start
    if nxt.style == style or not nxt.found.inline or not text.endswith(_LIST_OPENS, 0, start):
        return start
    same = (e.found.start for e in evs[j + 2 :] if e.style == style)
    return next(same, len(text))


def build_body(lines: list[Line], sink: Sink) -> Body:
    """The blocks of a speech's body, made by ``sink`` and nested as the markers say."""
    paras, heads = paragraphs(lines)
    cands: list[tuple[int, Found]] = []
    for k, p in enumerate(paras):
        h = heads[k]
        if h is not None:
            cands.append((k, h))
        inline = inline_markers(p.text, h.end if h else 0)
        if inline:
            cands.extend((k, f) for f in inline)
    events = select_series(cands, _announced(paras, cands))
    by_para: dict[int, list[Event]] = {}
    for e in events:
        by_para.setdefault(e.para, []).append(e)
    tb = TreeBuilder(events)
    paragraph = sink.paragraph

    for k, p in enumerate(paras):
        evs = by_para.get(k)
        text = p.text
        if not evs:
            # "同志们，…": the speaker turns to the audience again, unless a heading just
            # opened has nothing under it yet (参、结语 ⏎ 各位乡亲，…)
            if _PERORATION_RE.match(text) and k >= len(paras) // 2 and not tb.heading_waits():
                tb.close_all()
            _unmarked(tb, paras, k)
            if (block := paragraph(p, 0, len(text))) is not None:
                tb.text(block)
            continue
        if evs[0].found.inline:
            _unmarked(tb, paras, k)
        pos = 0 if evs[0].found.inline else evs[0].found.start  # a bullet (■ 第一部分) is no text
        for j, e in enumerate(evs):
            found = e.found
            nxt = evs[j + 1].found.start if j + 1 < len(evs) else len(text)
            if found.start > pos and (block := paragraph(p, pos, found.start)) is not None:
                tb.text(block)
            glued = not found.inline and not e.info.is_item
            run_in = found.inline and not e.info.is_item
            limit = _heading_limit(p, evs, j, nxt)
            h_end, drop = _heading_end(p, found.end, limit, glued, run_in)
            body_from = _skip_term(text, h_end, nxt) if h_end <= nxt else nxt
            if not found.inline:
                e.run_in = body_from < len(text)
            node, content = sink.numbered(e, tb.place(e), p, found.end, h_end, drop)
            tb.push(e, node, content)
            if body_from < nxt and (block := paragraph(p, body_from, nxt)) is not None:
                content.append(block)
            pos = nxt
    return Body(tb.root, paras, tb.diagnostics)
