"""Iterative walks over a Document: every block with its speech index, path and depth."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Block, Document, Item, Paragraph, Section

NODE_COLUMNS = (
    "file",
    "speech",
    "path",
    "depth",
    "level",
    "type",
    "marker",
    "style",
    "ordinal",
    "heading",
    "start",
    "end",
)
"""The columns of a node row (see ``node_rows``), in order."""

NODE_DTYPES = {
    "file": "string",
    "speech": "int64",
    "path": "string",
    "depth": "int64",
    "level": "Int64",
    "type": "string",
    "marker": "string",
    "style": "string",
    "ordinal": "Int64",
    "heading": "string",
    "start": "int64",
    "end": "int64",
}
"""pandas dtypes of the columns (nullable where paragraphs have no value)."""

NodeRow = dict[str, str | int | None]


@dataclass(frozen=True)
class Visit:
    """One block in document order: speech index, path of 0-based indexes, the block."""

    speech: int
    path: tuple[int, ...]
    block: Block

    @property
    def path_str(self) -> str:
        """The path as ``"2/1/3"``: positions in the ``content`` lists, 0-based."""
        return "/".join(map(str, self.path))


def walk_blocks(content: list[Block]) -> Iterator[tuple[tuple[int, ...], Block]]:
    """(path, block) for every block under ``content``, pre-order, without recursion."""
    stack: list[tuple[list[Block], int, tuple[int, ...]]] = [(content, 0, ())]
    while stack:
        blocks, i, prefix = stack.pop()
        if i >= len(blocks):
            continue
        stack.append((blocks, i + 1, prefix))
        block = blocks[i]
        path = (*prefix, i)
        yield path, block
        if not isinstance(block, Paragraph) and block.content:
            stack.append((block.content, 0, path))


def walk(doc: Document) -> Iterator[Visit]:
    """Every block of every speech in document order (pre-order), without recursion."""
    for s, speech in enumerate(doc.speeches):
        for path, block in walk_blocks(speech.content):
            yield Visit(s, path, block)


def count_nodes(doc: Document) -> int:
    """How many blocks (sections, items, paragraphs) the document holds."""
    return sum(1 for _ in walk(doc))


def node_rows(doc: Document, file: str | None = None) -> list[NodeRow]:
    """One flat row per block (columns ``NODE_COLUMNS``); paragraphs have no marker or level."""
    rows: list[NodeRow] = []
    for v in walk(doc):
        b = v.block
        row: NodeRow = {
            "file": file,
            "speech": v.speech,
            "path": v.path_str,
            "depth": len(v.path),
            "level": None,
            "type": b.type,
            "marker": None,
            "style": None,
            "ordinal": None,
            "heading": None,
            "start": b.span[0],
            "end": b.span[1],
        }
        if isinstance(b, (Section, Item)):
            row.update(
                level=b.level,
                marker=b.marker.text,
                style=b.marker.style,
                ordinal=b.marker.ordinal,
                heading=b.heading,
            )
        rows.append(row)
    return rows
