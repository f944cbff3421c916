"""Find the grammars (``grammars/*.lark``, shipped inside the wheel) and build each parser once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from lark import Lark


def grammar_text(name: str) -> str:
    """The text of ``grammars/<name>.lark``: package data in a wheel, the repo in a checkout."""
    packaged = resources.files("speechparse").joinpath("grammars").joinpath(f"{name}.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parent.parent / "grammars" / f"{name}.lark"
    return source_tree.read_text(encoding="utf-8")


@cache
def parser(name: str, start: tuple[str, ...] = ("start",)) -> Lark:
    r"""The LALR parser of ``grammars/<name>.lark``, built on first use.

    ``regex=True`` lets terminals use Unicode properties such as ``\p{Han}`` (all the CJK
    extension blocks, not one range). ``cache=True`` keeps the built tables in a file of the
    temporary directory (keyed by the grammar's hash), so a new process loads them instead of
    building them again.
    """
    return Lark(
        grammar_text(name),
        parser="lalr",
        lexer="contextual",
        start=list(start),
        regex=True,
        cache=True,
    )
