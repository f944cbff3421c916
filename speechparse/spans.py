"""Spans and offset maps: positions in a cleaned text → positions in the original input."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Annotated

from pydantic import Field

Span = Annotated[tuple[int, int], Field(description="half-open [start, end) into the input")]


class OffsetMap:
    """Maps an index of a text made by deleting ranges from the original back to the original.

    ``deleted`` are sorted, disjoint half-open ranges of the original.  The clean text is the
    original without them.  ``to_original(i)`` is the original index of clean character ``i``
    (for ``i == len(clean)`` the original length).  Maps compose by ``then``.
    """

    __slots__ = ("_clean_starts", "_shifts")

    def __init__(self, deleted: Iterable[tuple[int, int]] = ()) -> None:
        ranges = [(a, b) for a, b in deleted if b > a]
        shifts = [0, *accumulate(b - a for a, b in ranges)]
        # clean index where the text after each deletion begins
        self._clean_starts = [0, *(b - s for (_, b), s in zip(ranges, shifts[1:], strict=True))]
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
        if len(self._shifts) == 1:
            return a, b
        start = self.to_original(a)
        end = self.to_original(b - 1) + 1 if b > a else start
        return start, end


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
