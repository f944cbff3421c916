"""Lines of the clean text, and paragraphs rebuilt from them (PDF line-break repair)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

_SHORT = 80
_COMPACT_MAX = 4 * _SHORT  # a longer line is prose: its spaces are kept in compact


UNSEEN: Any = object()  # Line.head before markers.opening looked it up


@dataclass(slots=True)
class Line:
    """One non-blank line: ``[start, end)`` in the clean text, white space stripped.

    ``compact`` is the text without white space (the form the classifiers read), ``short``
    says it may be a title or furniture line; ``head`` caches the marker that opens the line
    (markers.opening) for the stages that ask about it; ``indent`` is how wide the white
    space stripped before it is set, in columns (a wrapped page's lines are as wide with it
    as without; 　 takes two); ``gap`` says a blank line stands above it (a web page's
    paragraph break).
    """

    start: int
    end: int
    text: str
    compact: str
    short: bool
    head: Any = UNSEEN
    indent: int = 0
    gap: bool = False


def make_line(start: int, text: str, indent: int = 0, gap: bool = False) -> Line:
    """The Line for stripped ``text`` at clean index ``start``.  Its ``compact`` is ``text``
    less white space: ``text`` itself when it has none or is long prose."""
    n = len(text)
    if n > _COMPACT_MAX:
        compact = text
    else:
        parts = text.split()
        compact = text if len(parts) == 1 else "".join(parts)
    return Line(start, start + n, text, compact, n <= _SHORT, UNSEEN, indent, gap)


def split_lines(clean: str) -> list[Line]:
    """The non-blank lines of ``clean`` (at every line ending str.splitlines knows).

    The clean text holds no invisible characters, so ``compact`` is the text less its spaces.
    """
    out: list[Line] = []
    append = out.append
    pos = 0
    gap = False
    for seg in clean.splitlines(True):
        start = pos
        pos += len(seg)
        stripped = seg.strip()
        if not stripped:
            gap = True
            continue
        indent = len(seg) - len(seg.lstrip())
        cols = indent + seg.count("\u3000", 0, indent) if indent else 0  # 　 is two columns
        append(make_line(start + indent, stripped, cols, gap))
        gap = False
    return out


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines read as one paragraph (make_paragraph); ``text`` joins them."""

    lines: list[Line]
    text: str
    offsets: list[int]  # start of each line in ``text``
    base: int  # clean index of text[0] when the paragraph is one line, else -1

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def clean_pos(self, i: int) -> int:
        """Clean-text index of paragraph-text index ``i`` (``len(text)`` → paragraph end)."""
        if self.base >= 0:
            return self.base + i
        if i >= len(self.text):
            return self.end
        k = bisect_right(self.offsets, i) - 1
        return self.lines[k].start + i - self.offsets[k]

    def clean_end(self, i: int) -> int:
        """Clean-text end for a paragraph-text end index ``i`` (just after character i-1)."""
        if i <= 0:
            return self.start
        return self.clean_pos(i - 1) + 1

    def line_breaks(self) -> list[int]:
        """Paragraph-text indices where a joined line begins (after the first)."""
        return self.offsets[1:]


def make_paragraph(lines: list[Line]) -> Paragraph:
    """The paragraph of ``lines`` (one or more), their texts joined."""
    if len(lines) == 1:
        return Paragraph(lines, lines[0].text, [0], lines[0].start)
    offsets, pos = [], 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln.text)
    return Paragraph(lines, "".join(ln.text for ln in lines), offsets, -1)


SENTENCE_END = tuple("。！？!?…")
_ENDED = (*SENTENCE_END, "；", ";", "：", ":")  # a line that ends so goes on in no line below
_MID_SENTENCE_END = tuple("，,、（(“《‘—")
#: particles no sentence starts with: a line opening with one goes on the line before
PARTICLES = "的了着之地得"
#: a line that opens with the last one to four characters of a sentence (实处。…)
_TAIL_RE = re.compile(r"[^\W\d_A-Za-z]{1,4}[。！？；;]")  # (no CJK range: cheaper to compile)
#: a list's marker after punctuation at a line's end: its words are on the next line
_MARKER_TAIL_RE = re.compile(
    r"[；;：:，,。][ \u3000]?(?:[(（] ?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}) ?[)）]|[①-⑳])$"
)
_NUMERAL_TAIL_RE = re.compile(r"[一二三四五六七八九十]{1,3}[。.．]?$")
_LONG = 50
_SUBHEADING_MAX = 30


def joins(
    prev: Line,
    cur: Line,
    cur_is_marker: bool,
    prev_is_heading: bool,
    width: int = 0,
    blank_breaks: bool = False,
) -> bool:
    """Does ``cur`` continue ``prev`` across a line break a PDF or a page put mid-sentence?

    ``prev_is_heading``: ``prev`` is a short line that opens with a marker (a heading line).
    ``width``: the width the page was wrapped at (wrap_width), 0 when it was not.
    ``blank_breaks``: a blank line parts paragraphs here (blank_breaks_paragraphs).
    """
    if cur_is_marker:
        return False
    t = prev.text
    if cur.text.startswith(tuple(PARTICLES)):
        return True
    if cur.text.startswith("是") and _NUMERAL_TAIL_RE.search(t):
        return True
    end = t.rstrip("*_")  # a sentence may end inside Markdown emphasis: **…；**
    if end.endswith(_ENDED):
        return False
    if t.endswith(_MID_SENTENCE_END) or _MARKER_TAIL_RE.search(t, max(0, len(t) - 10)):
        return True  # …签字；（3）⏎资金拨付关: a list's marker ends no paragraph
    if full_line(prev, width):
        return True  # a full line of a wrapped page goes on, a heading's too
    if _TAIL_RE.match(cur.text):
        return True  # 实处。各街道…: a sentence's last word or two, cut off by the break
    # no punctuation at the end: a heading stands alone; other lines were cut by the page,
    # unless a blank line parts them where blank lines part paragraphs (a PDF's page
    # breaks fall on a wrapped page's full lines, read above)
    # a short line alone between blank lines of an unwrapped page is a subheading (存在的不足)
    short = cur.gap and not width and len(t) <= _SUBHEADING_MAX
    return (
        not prev_is_heading
        and not (blank_breaks and cur.gap)
        and (len(t) >= _LONG or ("\u4e00" <= t[-1] <= "\u9fff" and not short))
    )


_GAP_OF = attrgetter("gap")
_DOUBLE_SPACED = 0.9  # share of lines under a blank line from which blank lines say nothing


def blank_breaks_paragraphs(lines: list[Line]) -> bool:
    """Do blank lines part paragraphs in these lines?  Not on a page that puts one under
    every line (double spaced: its sentences run on across them), only where lines also
    follow one another."""
    gaps: int = sum(map(_GAP_OF, lines))
    return gaps < _DOUBLE_SPACED * len(lines)


_WRAPPED_MIN = 16  # lines shorter than this say nothing of a page's width
#: a full line may fall this many columns short of the width (a page does not break
#: before a closing mark, nor between the halves of a wide character)
_WRAP_SLACK = 2


def columns(ln: Line) -> int:
    """How wide ``ln`` is set, in half-width columns: a CJK character takes two, ASCII one
    (a PDF wraps ``2024年…`` and ``在…`` lines at one width; the indent counts as spaces)."""
    t = ln.text
    return ln.indent + (len(t) + len(t.encode())) // 2


def full_line(ln: Line, width: int) -> bool:
    """Is ``ln`` as wide as the page was wrapped at (``width`` from wrap_width; 0: never)?"""
    return width > 0 and columns(ln) >= width - _WRAP_SLACK


def may_go_on(ln: Line) -> bool:
    """Might ``ln`` be a full line of a wrapped page, cut mid-sentence?  Long enough to
    have a page's width, and no sentence ended at its end."""
    return len(ln.text) + ln.indent >= _WRAPPED_MIN - 1 and not ln.text.endswith(_ENDED)


def wrap_width(lines: list[Line]) -> int:
    """The width a PDF extraction wrapped these lines at, or 0: the length most of the
    longer lines have (counting the indent), give or take the slack, when at least four
    lines and a quarter of them have it."""
    widths = sorted(columns(ln) for ln in lines if len(ln.text) >= _WRAPPED_MIN)
    best = width = low = 0
    for k, w in enumerate(widths):  # the fullest window [w - slack, w], the widest on ties
        while w - widths[low] > _WRAP_SLACK:
            low += 1
        if k - low + 1 >= best:
            best, width = k - low + 1, w
    if best < 4 or 4 * best < len(widths):
        return 0
    # a wrapped page has next to no line far wider than its width (long paragraphs on
    # one line each and short title lines between them are no wrapping)
    wider = len(widths) - bisect_right(widths, width + width // 2)
    return width if 4 * wider <= best else 0
