"""A speech's body lines → paragraphs → markers → nested Section / Item / Paragraph parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .build import Event, Node, TreeBuilder, select_series
from .lines import Line, Paragraph, joins
from .markers import Found, inline_markers, line_marker

#: a sentence end; a "?" glued to Latin letters is mojibake (因?qū), not one
_TERM_RE = re.compile(r"[。！？；!;]|\?(?![A-Za-z\u00c0-\u024f])")
_PARTICLES = "的了着之地得是"
_LONG_HEADING = 40
_HEADING_LINE = 40
_GAP_RE = re.compile(r"\s")
#: a paragraph that addresses the audience again (the peroration) is no part of a heading
_PERORATION_RE = re.compile(
    r"(?:同志们|同志們|朋友们|朋友們|同学们|同學們|老师们|老師們|各位[^，,！!]{0,12})[，,！!]"
)


@dataclass(slots=True)
class Part:
    """A piece of paragraph ``para``: ``[a, b)`` in its text."""

    para: int
    a: int
    b: int


@dataclass(slots=True)
class Heading:
    para: int
    a: int
    b: int


@dataclass
class Body:
    paragraphs: list[Paragraph]
    root: list[Node | Part]
    headings: dict[int, Heading]  # id(node) → heading range
    diagnostics: list[tuple[str, str, Event]]


def paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[Found | None]]:
    """Join lines into paragraphs (PDF repair; a bare numeral line takes the next as heading)."""
    paras: list[list[Line]] = []
    heads: list[Found | None] = []
    for ln in lines:
        found = line_marker(ln.text)
        if paras:
            prev = paras[-1]
            bare = heads[-1] is not None and heads[-1].info.style.startswith("bare_")
            if bare and len(prev) == 1 and ln.short and found is None:
                prev.append(ln)
                continue
            heading = len(prev) == 1 and heads[-1] is not None and len(prev[0].text) < _HEADING_LINE
            if joins(prev[-1], ln, found is not None, heading):
                prev.append(ln)
                continue
        paras.append([ln])
        heads.append(found)
    out = [Paragraph(p) for p in paras]
    for k, p in enumerate(out):
        h = heads[k]
        if h is not None and h.info.style.startswith("bare_") and len(p.lines) < 2:
            heads[k] = None
    return out, heads


def _heading_end(p: Paragraph, a: int, b: int) -> int:
    """End of the heading that starts at ``a``: its first sentence end, at most ``b``."""
    text = p.text
    breaks = p.line_breaks()
    pos = a
    while True:
        m = _TERM_RE.search(text, pos, b)
        if m is None:
            end = b
            break
        i = m.start()
        # a full stop the page put before a line that goes on mid-sentence (。⏎的重要性)
        if i + 1 in breaks and i + 1 < b and text[i + 1] in _PARTICLES:
            pos = i + 1
            continue
        end = i
        break
    if end - a > _LONG_HEADING:
        gap = _GAP_RE.search(text, a + 4, end)
        if gap:
            return gap.start()
    return end


def _skip_term(text: str, i: int, b: int) -> int:
    while i < b and (text[i] in "。！？；!?;" or text[i].isspace()):
        i += 1
    return i


def build_body(lines: list[Line]) -> Body:
    paras, heads = paragraphs(lines)
    cands: list[tuple[int, Found]] = []
    for k, p in enumerate(paras):
        h = heads[k]
        if h is not None:
            cands.append((k, h))
        cands.extend((k, f) for f in inline_markers(p.text, h.end if h else 0))
    events = select_series(cands)
    by_para: dict[int, list[Event]] = {}
    for e in events:
        by_para.setdefault(e.para, []).append(e)
    tb = TreeBuilder(events)
    headings: dict[int, Heading] = {}
    for k, p in enumerate(paras):
        evs = by_para.get(k)
        text = p.text
        if not evs:
            if _PERORATION_RE.match(text) and k >= len(paras) // 2:
                tb.close_all()  # "同志们，…": the speaker turns to the audience again
            tb.unmarked_paragraph(k)
            tb.text(Part(k, 0, len(text)))
            continue
        if evs[0].found.start > 0:
            tb.unmarked_paragraph(k)
        pos = 0
        for j, e in enumerate(evs):
            nxt = evs[j + 1].found.start if j + 1 < len(evs) else len(text)
            if e.found.start > pos:
                tb.text(Part(k, pos, e.found.start))
            h_end = _heading_end(p, e.found.end, nxt)
            body_from = _skip_term(text, h_end, nxt)
            if not e.found.inline:
                e.run_in = body_from < len(text)
            node = tb.marker(e)
            headings[id(node)] = Heading(k, e.found.end, h_end)
            if body_from < nxt:
                node.content.append(Part(k, body_from, nxt))
            pos = nxt
    return Body(paras, tb.root, headings, tb.diagnostics)
