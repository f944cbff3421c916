"""Walk the outline tree of one page and print its headings with their levels."""

from __future__ import annotations

import sys
from pathlib import Path

import speechparse
from speechparse import Item, Section


def main(path: str) -> None:
    doc = speechparse.parse_file(path)
    for n, speech in enumerate(doc.speeches, 1):
        print(f"Speech {n}: {speech.title or '(untitled)'}")
        # an explicit stack instead of recursion: (blocks, depth), children pushed in reverse
        stack = [(block, 1) for block in reversed(speech.content)]
        while stack:
            block, depth = stack.pop()
            if isinstance(block, (Section, Item)):
                kind = "section" if isinstance(block, Section) else "item"
                print(
                    f"{'  ' * depth}level {block.level} {kind}: {block.marker.text}{block.heading}"
                )
                stack += [(child, depth + 1) for child in reversed(block.content)]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("school_safety.txt")))
