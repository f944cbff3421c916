"""Level inference: markers of one speech → nested Section / Item nodes, with diagnostics.

Levels are not fixed per style.  A stack holds one frame per open level; a marker whose style
is open continues that level (a sibling), a new style opens a deeper one.  Refinements, each
from how speeches are written:

* a list that restarts (一是 … 一是) nests inside the open item when the outer list goes on
  afterwards, and is a new sibling series otherwise;
* numbering that goes on in another style ((1)(2)(3) then 四要) stays with its series, but
  never across styles that name their unit (第三条 after 第二章 is no third chapter);
* a new style that does not start at 1 (二、 with no 一、) does not nest under a list item,
  and numbering carried on from an earlier parent (articles numbered through the chapters)
  raises no gap;
* a line-start heading never nests under an item that stood inside a paragraph;
* a paragraph without a marker of its own, after the last run-in member of a series
  (heading and body in one paragraph) or after a list inside the paragraph before it
  (…：一是…；二是…), belongs to the parent again — unless the series goes on later, or the
  section is no list item and the paragraph keeps to its theme (outline.py weighs the
  words shared).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .classify import MarkerInfo
from .markers import Found

MAX_DEPTH = 32
#: styles that name their unit (第一章, 第一节, 第一条, 第一部分, 第一讲, 第一个问题, 第一项):
#: a number in one of them never goes on the numbering of another
_UNITS = frozenset(("chapter", "jie", "article", "part", "lecture", "topic", "agenda"))
#: line-start styles kept only in a series (1, 2, …): alone, a bare numeral is a page
#: number, a zero-padded one (01) a code or a list's row
_SERIES_ONLY = frozenset(
    (
        *("bare_cn", "bare_ar", "zero_ar", "ar_space", "decimal2", "decimal3"),  # 1 要求, 1.1
        *("latin_rpar", "branch_dun", "cn_comma", "part_en"),  # a) b), 子、丑、, 一，二，, Part 2
        "bracket_ar",  # 【01】 (alone, a reference's number)
    )
)
#: styles that are another style typed otherwise (一． 一， for 一、, Part 2 for 第二部分): one
#: series, one level
_SERIES_OF = {"cn_dot": "cn_dun", "cn_comma": "cn_dun", "part_en": "part"}
_SERIES_WINDOW = 15


def _series(style: str) -> str:
    """The series a style's markers count in (一． and 一， count with 一、)."""
    return _SERIES_OF.get(style, style)  # paragraphs between two members of one enumerated series


_SEQ_WINDOW = 3


@dataclass(slots=True)
class Event:
    """An accepted marker: paragraph index, where it stands, what it is."""

    para: int
    found: Found
    ordinal: int
    info: MarkerInfo  # found.info, and its style, at hand
    style: str
    run_in: bool = False  # a line-start heading with body text after it in its paragraph


def select_series(
    cands: list[tuple[int, Found]], announced: frozenset[int] = frozenset()
) -> list[Event]:
    """Keep line-start headings, and list markers that form a real series (1, 2, … in order);
    ``announced``: candidates kept alone (a page cut off after a list's first member that
    the words before it announced: 我讲三点意见：一、…)."""
    n = len(cands)
    keep = [k in announced for k in range(n)] if announced else [False] * n
    ordinals = [f.info.ordinal for _, f in cands]
    last_at: dict[tuple[str, int], int] = {}  # (style, number) → latest candidate with it
    root = list(ordinals)  # the number each candidate's chain started at
    last_kept = -1
    seq_group: list[int] = []

    def close_seq() -> None:
        if (
            seq_group
            and any(ordinals[k] == 1 for k in seq_group)
            and any(ordinals[k] in (2, 3) for k in seq_group)
        ):
            prev = 0
            for k in seq_group:
                if ordinals[k] == 0:  # 最后: the next number of its series
                    ordinals[k] = prev + 1
                prev = ordinals[k]
                keep[k] = True
        seq_group.clear()

    for k, (para, f) in enumerate(cands):
        info = f.info
        if info.style == "seq":
            if seq_group and (
                para - cands[seq_group[-1]][0] > _SEQ_WINDOW
                or info.ordinal == 1
                or (info.ordinal == 0 and ordinals[seq_group[-1]] == 0)  # 最后，…最后做出的…
            ):
                close_seq()
            seq_group.append(k)
            continue
        if not info.is_item and not f.inline and info.style not in _SERIES_ONLY:
            keep[k] = True  # a heading at a line start; bare numerals need a series
        key = _series(info.style)
        prev = last_at.get((key, info.ordinal - 1))
        if (
            prev is not None
            and ordinals[prev] + 1 == info.ordinal
            and para - cands[prev][0] <= _SERIES_WINDOW
            and (root[prev] == 1 or not (f.inline and cands[prev][1].inline))
        ):  # a chain of markers inside paragraphs must start at 1: (2)(3) are references
            keep[k] = keep[prev] = True
            root[k] = root[prev]
        elif (  # numbering that goes on in another style: (1)(2)(3) then 四要
            info.ordinal > 1
            and last_kept >= 0
            and ordinals[last_kept] + 1 == info.ordinal
            and para - cands[last_kept][0] <= 2
            and _series(cands[last_kept][1].info.style) != key
        ):
            keep[k] = True
        last_at[key, info.ordinal] = k
        if keep[k]:
            last_kept = k
    close_seq()
    return [
        Event(para, f, ordinals[k], f.info, _series(f.info.style))
        for k, (para, f) in enumerate(cands)
        if keep[k]
    ]


@dataclass(slots=True)
class _Frame:
    """One open level: the marker that opened it and the list its content goes to."""

    styles: set[str]
    event: Event
    content: list[Any]
    last: int
    inline: bool
    para: int
    bodied: bool = False  # the sibling before it (same level) had content of its own


class TreeBuilder:
    """Feeds events and paragraph blocks in reading order; keeps the open levels on a stack.

    It only places things: ``place`` says at which level a marker goes, the caller makes
    its block, and ``push`` opens the level with the block's content list.
    """

    def __init__(self, events: list[Event]) -> None:
        self.root: list[Any] = []
        self.stack: list[_Frame] = []
        self.diagnostics: list[tuple[str, str, Event]] = []
        self._events = events
        self._by_style: dict[str, list[int]] = {}
        for i, e in enumerate(events):
            self._by_style.setdefault(e.style, []).append(i)
        self._pos = -1  # index of the event placed last
        self._last_of: dict[str, int] = {}  # style → the number it reached last
        self._last_para: dict[str, int] = {}  # style → the paragraph it stood in last
        self._bodied = False  # the marker placed last follows a sibling with content

    # ---------------------------------------------------------------- lookahead

    def _stop_index(self, depth: int) -> int:
        """Index of the next event whose style is open at a level above ``depth``."""
        stop = len(self._events)
        for frame in self.stack[:depth]:
            for style in frame.styles:
                idxs = self._by_style.get(style, [])
                j = bisect_right(idxs, self._pos)
                if j < len(idxs):
                    stop = min(stop, idxs[j])
        return stop

    def _goes_on(self, depth: int, running: int) -> bool:
        """Does the series of frame ``depth`` get its next number later (before its parent ends)?

        Numbers that fit an inner series of the same style (1, 2, … counted in ``running``,
        which is 1 when the current marker starts one) are not the outer series going on.
        """
        frame = self.stack[depth]
        stop = self._stop_index(depth)
        want = frame.last + 1
        for style in frame.styles:
            inner = running
            idxs = self._by_style.get(style, [])
            j = bisect_right(idxs, self._pos)
            while j < len(idxs) and idxs[j] < stop:
                o = self._events[idxs[j]].ordinal
                if o == inner + 1:
                    inner += 1
                elif o == want:
                    return True
                else:
                    break
                j += 1
        return False

    # ---------------------------------------------------------------- feeding

    def container(self) -> list[Any]:
        return self.stack[-1].content if self.stack else self.root

    def text(self, block: Any) -> None:
        self.container().append(block)

    def heading_waits(self) -> bool:
        """Is the level on top a heading line (no list, no run-in body) with nothing under
        it yet, where the heading before it had a body (壹、…  貳、…  參、結語)?"""
        top = self.stack[-1] if self.stack else None
        return (
            top is not None
            and top.bodied
            and not top.content
            and not top.inline
            and not top.event.run_in
            and not top.event.info.is_item
        )

    def close_all(self) -> None:
        """Back to the speech's top level."""
        self.stack.clear()

    def unmarked_paragraph(
        self, para: int, stays: Callable[[Event, Event | None], bool] | None = None
    ) -> None:
        """A paragraph with no marker of its own begins: leave finished run-in levels, unless
        ``stays(top, parent)`` says the paragraph keeps to the theme of the section on top."""
        while self.stack:
            top = self.stack[-1]
            # a run-in heading, or a list inside a paragraph, ends with its paragraph
            finished = (top.event.run_in or top.inline) and top.para != para
            if finished and not self._goes_on(len(self.stack) - 1, running=0):
                parent = self.stack[-2].event if len(self.stack) > 1 else None
                if stays is not None and not top.event.info.is_item and stays(top.event, parent):
                    break
                self.stack.pop()
                continue
            break

    def turn(self) -> None:
        """A paragraph turns from what was achieved to what is wanting (在看到成绩的同时…):
        it speaks for the heading above the open section, whose series has ended."""
        if (
            len(self.stack) >= 2
            and not self.stack[-1].event.info.is_item
            and not self._goes_on(len(self.stack) - 1, running=0)
        ):
            self.stack.pop()

    def place(self, event: Event) -> int:
        """The level (1 = top) of the next marker; the levels below it are closed."""
        self._pos += 1
        depth = self._find_level(event)
        if depth >= MAX_DEPTH:
            depth = MAX_DEPTH - 1
            self.diagnostics.append(("depth_flattened", f"nesting deeper than {MAX_DEPTH}", event))
        before = self.stack[depth] if depth < len(self.stack) else None
        self._bodied = before is not None and event.style in before.styles and bool(before.content)
        del self.stack[depth:]
        return depth + 1

    def push(self, event: Event, block: Any, content: list[Any]) -> None:
        """Add the block made for ``event`` and open its level (``content``: its children)."""
        self._last_of[event.style] = event.ordinal
        self._last_para[event.style] = event.para
        self.container().append(block)
        self.stack.append(
            _Frame(
                {event.style},
                event,
                content,
                event.ordinal,
                event.found.inline,
                event.para,
                self._bodied,
            )
        )

    def _find_level(self, e: Event) -> int:
        """Stack depth at which ``e`` goes (its siblings' frame, or one past the top)."""
        stack = self.stack
        if stack and e.style in stack[-1].styles and stack[-1].last + 1 == e.ordinal:
            return self._sibling(len(stack) - 1, e)  # the next number on top (most markers)
        same = [d for d in range(len(self.stack) - 1, -1, -1) if e.style in self.stack[d].styles]
        if same:
            for d in same:  # the frame this number continues
                if self.stack[d].last + 1 == e.ordinal:
                    return self._sibling(d, e)
            d = same[0]
            frame = self.stack[d]
            if e.ordinal == 1 and frame.last >= 1:
                if self._goes_on(d, running=1):
                    return d + 1
                self.diagnostics.append(("numbering_restart", "numbering starts again at 1", e))
                return d
            kind = "numbering_duplicate" if e.ordinal <= frame.last else "numbering_gap"
            self.diagnostics.append((kind, f"expected {frame.last + 1}, found {e.ordinal}", e))
            return self._sibling(d, e)
        if e.ordinal > 1 and e.style not in _UNITS:
            # not when the style's own series goes on: numbered through the sections (1. 2.
            # under 一、, 3. under 二、 is no 三、), or inside the frame's section with a number
            # missing (1. ⏎ Z. ⏎ 3. under 二、)
            inside = self._last_para.get(e.style, -1)
            through = self._last_of.get(e.style) == e.ordinal - 1
            for d in range(len(self.stack) - 1, max(-1, len(self.stack) - 3), -1):
                frame = self.stack[d]
                if (
                    frame.last + 1 == e.ordinal
                    and frame.event.style not in _UNITS
                    and inside < frame.para
                    and not through
                ):
                    frame.styles.add(e.style)  # numbering goes on in another style
                    return self._sibling(d, e)
        depth = len(self.stack)
        if e.ordinal > 1 or (not e.info.is_item and not e.found.inline):
            # a heading does not nest under list items that stood inside a paragraph, and a
            # style that starts past 1 does not nest under list items at all
            while (
                depth
                and self.stack[depth - 1].event.info.is_item
                and (e.ordinal > 1 or self.stack[depth - 1].inline)
            ):
                depth -= 1
        if e.ordinal > 1 and self._last_of.get(e.style) != e.ordinal - 1:
            # (articles numbered straight through the chapters go on: no gap)
            self.diagnostics.append(("numbering_gap", f"list starts at {e.ordinal}", e))
        return depth

    def _sibling(self, d: int, e: Event) -> int:
        self.stack[d].last = e.ordinal
        return d
