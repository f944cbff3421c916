"""Indented plain-text outline of a Document, for a person to read."""

from __future__ import annotations

from ..model import Document, Paragraph, Section
from ..walk import walk_blocks

_PREVIEW = 40


def _short(s: str, n: int = _PREVIEW) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_outline(doc: Document) -> str:
    out: list[str] = []
    for i, sp in enumerate(doc.speeches, 1):
        out.append(f"# Speech {i}: {sp.title or '(untitled)'}  [{sp.span[0]}:{sp.span[1]}]")
        for label, value in (
            ("subtitle", sp.subtitle),
            ("speaker", sp.speaker),
            ("date", sp.date),
            ("salutation", sp.salutation.text if sp.salutation else None),
            ("greeting", sp.greeting.text if sp.greeting else None),
        ):
            if value:
                out.append(f"  {label}: {value}")
        for path, b in walk_blocks(sp.content):
            pad = "  " * len(path)
            if isinstance(b, Paragraph):
                out.append(f"{pad}¶ {_short(b.text)}")
            else:
                kind = "§" if isinstance(b, Section) else "•"
                inl = " (inline)" if b.inline else ""
                out.append(f"{pad}{kind} {b.marker.text} {_short(b.heading, 60)}{inl}")
        if sp.closing:
            out.append(f"  closing: {sp.closing.text}")
    if doc.removed:
        out.append(f"-- removed ({len(doc.removed)}):")
        for r in doc.removed:
            out.append(f"  [{r.kind.value}] {_short(r.text, 50)}")
    if doc.diagnostics:
        out.append(f"-- diagnostics ({len(doc.diagnostics)}):")
        for d in doc.diagnostics[:50]:
            out.append(f"  {d.severity.value} {d.code.value}: {d.message}")
    return "\n".join(out) + "\n"
