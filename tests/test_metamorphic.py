"""Metamorphic tests: a page written differently in ways a reader does not see parses to
the same outline.

Every golden page is rewritten (line endings, indentation, trailing and blank lines, the
script, the width of its punctuation and digits, spaces a PDF puts around digits) and
parsed again; its speeches, titles, salutations, closings and numbered nodes (depth,
marker, first words) must not change.  The rewritings are the variations real pages of
the same speech show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import opencc  # type: ignore[import-untyped]
import pytest

import speechparse
from speechparse.model import Block, Document
from speechparse.normalize import simplify

GOLDEN = Path(__file__).parent / "golden"
_CJK_DIGIT_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[0-9])|(?<=[0-9])(?=[\u4e00-\u9fff])")
_WIDE = str.maketrans("，：；（）！？", ",:;()!?")
_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _lines(f: Callable[[str], str]) -> Callable[[str], str]:
    return lambda page: "\n".join(f(ln) for ln in page.split("\n"))


REWRITES: dict[str, Callable[[str], str]] = {
    "crlf": lambda page: page.replace("\n", "\r\n"),
    "tab_indent": _lines(lambda ln: "\t" + ln if ln.strip() else ln),
    "blank_lines_of_spaces": _lines(lambda ln: ln if ln.strip() else " \u3000 "),
    "no_blank_lines": lambda page: "\n".join(ln for ln in page.split("\n") if ln.strip()),
    "spaces_around_digits": lambda page: _CJK_DIGIT_RE.sub(" ", page),
    "halfwidth_punctuation": lambda page: page.translate(_WIDE),
    "fullwidth_digits": lambda page: page.translate(_WIDE_DIGITS),
    "trailing_spaces": _lines(lambda ln: ln + "  \u3000" if ln.strip() else ln),
    "traditional": lambda page: _converter("s2t").convert(page),
    "simplified": lambda page: _converter("t2s").convert(page),
}
#: indentation is no layout on a Markdown page (four spaces make code): rewritten alike
_MARKDOWN = {"blog_front_matter_quoted_address", "markdown_export_headings_bold_items"}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _key(text: str | None, n: int) -> str:
    return simplify("".join((text or "").split()))[:n]


def _nodes(blocks: list[Block], depth: int) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for b in blocks:
        if b.type != "paragraph":
            out.append((depth, _key(b.marker.text, 8), _key(b.heading, 8)))
            out.extend(_nodes(b.content, depth + 1))
    return out


def outline(doc: Document) -> list[tuple[object, ...]]:
    """What a reader sees of a parse, blind to script, width and white space."""
    return [
        (
            _key(s.title, 12),
            _key(s.salutation.text if s.salutation else None, 12),
            s.closing is not None,
            _nodes(s.content, 0),
        )
        for s in doc.speeches
    ]


@cache
def _pages() -> dict[str, str]:
    return {
        d.name: (d / "input.txt").read_text(encoding="utf-8")
        for d in sorted(GOLDEN.iterdir())
        if (d / "input.txt").is_file()
    }


@pytest.mark.parametrize("rewrite", sorted(REWRITES))
def test_a_page_rewritten_parses_to_the_same_outline(rewrite: str) -> None:
    changed = [
        name
        for name, page in _pages().items()
        if not (rewrite == "tab_indent" and name in _MARKDOWN)
        and outline(speechparse.parse(REWRITES[rewrite](page))) != outline(speechparse.parse(page))
    ]
    assert len(_pages()) > 100
    assert changed == []
