"""Coarse linear-time guard: parse(f(8n)) stays within 30x parse(f(n)) for each SCALABLE family."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from support import REPO, shared_tool

import speechparse

sys.path.insert(0, str(REPO / "benchmarks"))
from linearity import best_seconds

hostile: Any = shared_tool("hostile_inputs")

_WRAPPED = "发展经济要坚持稳中求进工作总基调扎实推进各项重点工作落"  # a wrapped page's full line


def _wrapped_heading_run(n: int) -> str:
    """A heading line, then n lines at the page's wrap width with no sentence end: one
    paragraph that was once re-read for a sentence end at every line joined."""
    return "同志们：\n一、" + _WRAPPED + "\n" + (_WRAPPED + "\n") * n


SCALABLE: dict[str, Callable[[int], str]] = {
    **hostile.SCALABLE,
    "wrapped_heading_run": _wrapped_heading_run,
    # a page in Markdown: every line a heading, every line bold, bold pairs on one line
    "markdown_heading_lines": lambda n: "# 一\n" * n,
    "markdown_bold_lines": lambda n: "**一、加强领导**\n" * n,
    "markdown_bold_pairs_one_line": lambda n: "## 一、总体要求\n" + "**一是**抓落实。" * n,
    "html_comment_openers": lambda n: "<!--" * n,
}
TARGET_BYTES = 20_000  # f(n) is about this many UTF-8 bytes
FACTOR = 8
LIMIT = 30.0  # linear is about 8, quadratic about 64
PROBE_N = 1000


def n_for_size(make: Callable[[int], str], target: int) -> int:
    """An n with make(n) about ``target`` UTF-8 bytes (a few proportional steps)."""
    n = PROBE_N
    for _ in range(4):
        size = len(make(n).encode("utf-8"))
        if abs(size - target) <= target * 0.05:
            break
        n = max(1, round(n * target / max(size, 1)))
    return n


@pytest.fixture(scope="module", autouse=True)
def warm_parser() -> None:
    """Load the grammar and lazy imports before the first timing."""
    speechparse.parse("同志们：\n一、总体要求。\n谢谢大家！\n")


@pytest.mark.parametrize("family", list(SCALABLE))
def test_time_grows_linearly(family: str) -> None:
    make = SCALABLE[family]
    n = n_for_size(make, TARGET_BYTES)
    small = best_seconds(make(n))
    big = best_seconds(make(FACTOR * n))
    ratio = big / max(small, 1e-9)
    assert ratio <= LIMIT, (
        f"{family}: f({n}) took {small:.4f} s, f({FACTOR * n}) took {big:.4f} s "
        f"(x{ratio:.1f} > {LIMIT:g}): superlinear"
    )
