"""Spans and offset maps: positions in a cleaned text → positions in the original input."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from operator import sub
from typing import Annotated

from pydantic import Field

Span = Annotated[tuple[int, int], Field(description="half-open [start, end) into the input")]


class OffsetMap:
    """Maps an index of a text made by deleting ranges from the original back to the original.

    ``deleted`` are sorted, disjoint half-open ranges of the original.  The clean text is the
    original without them.  ``to_original(i)`` is the original index of clean character ``i``
    (for ``i == len(clean)`` the original length).
    """

    __slots__ = ("_clean_starts", "_shifts")

    def __init__(self, deleted: Iterable[tuple[int, int]] = ()) -> None:
        # map and accumulate, not loops: a glossed page deletes thousands of ranges
        ranges = list(deleted)
        starts, ends = (list(t) for t in zip(*ranges, strict=True)) if ranges else ([], [])
        sizes: list[int] = list(map(sub, ends, starts))
        if sizes and min(sizes) <= 0:
            keep = [k for k, n in enumerate(sizes) if n > 0]
            ends, sizes = [ends[k] for k in keep], [sizes[k] for k in keep]
        shifts: list[int] = [0, *accumulate(sizes)]
        # clean index where the text after each deletion begins
        self._clean_starts = [0, *map(sub, ends, shifts[1:])]
        self._shifts = shifts

    @property
    def identity(self) -> bool:
        """Nothing was deleted: clean indices are original indices."""
        return len(self._shifts) == 1

    def to_original(self, i: int) -> int:
        if len(self._shifts) == 1:
            return i
        k = bisect_right(self._clean_starts, i) - 1
        return i + self._shifts[k]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original span of clean ``[a, b)`` (an end maps just after its last character)."""
        shifts = self._shifts
        if len(shifts) == 1:
            return a, b
        starts = self._clean_starts  # to_original, twice, written out (called per node)
        k = bisect_right(starts, a) - 1
        start = a + shifts[k]
        if b <= a:
            return start, start
        return start, b + shifts[bisect_right(starts, b - 1, k) - 1]


def cut(
    text: str,
    span: tuple[int, int],
    holes: list[tuple[int, int]],
    starts: list[int] | None = None,
) -> str:
    """``text[span]`` with the parts under ``holes`` (sorted, disjoint) left out.

    ``starts`` (the holes' starts, made here when not given) lets a long list be entered by
    bisection.
    """
    a, b = span
    if starts is None:
        starts = [ha for ha, _ in holes]
    k = max(0, bisect_left(starts, a) - 1)  # the hole before ``a`` may reach into the span
    # if a hole overlaps the span, hole k or k + 1 does (sorted, disjoint, k as above)
    if not any(ha < b and hb > a for ha, hb in holes[k : k + 2]):
        return text[a:b]  # no hole inside: the usual case
    out: list[str] = []
    pos = a
    for ha, hb in holes[k:]:
        if hb <= pos:
            continue
        if ha >= b:
            break
        if ha > pos:
            out.append(text[pos:ha])
        pos = max(pos, hb)
    if pos < b:
        out.append(text[pos:b])
    return "".join(out)
