"""The only place that calls the stages, in order (interim: one paragraph per line)."""

from __future__ import annotations

from .model import Diagnostic, Document, Paragraph, Speech


def run(text: str, extra_diagnostics: list[Diagnostic] | None = None) -> Document:
    blocks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s:
            a = pos + line.index(s[0])
            blocks.append(Paragraph(text=s, span=(a, a + len(s))))
        pos += len(line)
    speeches = [Speech(content=blocks, span=(0, len(text)))] if blocks else []
    return Document(speeches=speeches, diagnostics=list(extra_diagnostics or []))
