"""Markdown of a Document: speech titles as ``#``, sections as headings by level, items as lists."""

from __future__ import annotations

import re

from ..model import Block, Document, Item, Paragraph, Section, Speech

_INLINE_RE = re.compile(r"([\\`*_\[\]<>|~&])")
_ORDERED_RE = re.compile(r"\d{1,9}(?=[.)](?:\s|$))")
_BLOCK_START_RE = re.compile(r"(?:#{1,6}|[>+\-])(?=\s|$)|[-=]{3,}$")
_MAX_HEADING = 6


def escape(text: str) -> str:
    """One line of literal text: whitespace collapsed, Markdown punctuation backslashed."""
    text = _INLINE_RE.sub(r"\\\1", " ".join(text.split()))
    m = _ORDERED_RE.match(text)
    if m:  # "1. …" would open an ordered list: escape its dot
        return text[: m.end()] + "\\" + text[m.end() :]
    return "\\" + text if _BLOCK_START_RE.match(text) else text


def _label(b: Section | Item) -> str:
    return escape(b.marker.text + b.heading)


def _speech_head(sp: Speech, n: int) -> list[str]:
    out = [f"# {escape(sp.title) if sp.title else f'Speech {n}'}"]
    meta = [escape(x) for x in (sp.subtitle, sp.speaker, sp.date) if x]
    if meta:
        out.append("*" + " · ".join(meta) + "*")
    if sp.salutation:
        out.append(escape(sp.salutation.text) + "：")
    if sp.greeting:
        out.append(escape(sp.greeting.text))
    return out


def _body(content: list[Block]) -> list[str]:
    """Blocks, iteratively. A frame is (blocks, next index, how many list items enclose them)."""
    out: list[str] = []
    stack: list[tuple[list[Block], int, int]] = [(content, 0, 0)]
    while stack:
        blocks, i, depth = stack.pop()
        if i >= len(blocks):
            continue
        stack.append((blocks, i + 1, depth))
        b = blocks[i]
        pad = "  " * depth  # continuation lines of a list item are indented past its "- "
        if isinstance(b, Paragraph):
            out.append(pad + escape(b.text))
        elif isinstance(b, Item):
            out.append(pad + "- " + _label(b))
            stack.append((b.content, 0, depth + 1))
        elif depth == 0 and b.level + 1 <= _MAX_HEADING:
            out.append("#" * (b.level + 1) + " " + _label(b))
            stack.append((b.content, 0, 0))
        else:  # a section inside a list item or deeper than h6: a bold line keeps the list whole
            out.append(pad + "**" + _label(b) + "**")
            stack.append((b.content, 0, depth))
    return out


def render_markdown(doc: Document) -> str:
    """The whole document as Markdown; removed page material is listed at the end."""
    out: list[str] = []
    for n, sp in enumerate(doc.speeches, 1):
        out += _speech_head(sp, n)
        out += _body(sp.content)
        if sp.closing:
            out.append(escape(sp.closing.text))
    if doc.removed:
        out += ["---", f"**Removed from the page ({len(doc.removed)})**"]
        out += [f"- *{r.kind.value}*: {escape(r.text)}" for r in doc.removed]
    return "\n\n".join(out) + "\n"
