"""A standalone HTML page of a Document; every piece of text goes through ``html.escape``."""

from __future__ import annotations

from html import escape

from ..model import Block, Document, Item, Paragraph, Speech

_MAX_HEADING = 6
_STYLE = (
    "body{max-width:46em;margin:2em auto;padding:0 1em;line-height:1.7}"
    "ul.items{list-style:none;padding-left:1.5em}.marker{font-weight:bold}"
    ".meta{color:#555}aside.removed{margin-top:3em;color:#777;font-size:90%}"
)


def _heading(level: int, marker: str, text: str) -> str:
    """``<hN>`` for N ≤ 6, else a div with the ARIA heading role and its real level."""
    inner = f'<span class="marker">{escape(marker)}</span>{escape(text)}'
    n = level + 1
    if n <= _MAX_HEADING:
        return f"<h{n}>{inner}</h{n}>"
    return f'<div role="heading" aria-level="{n}">{inner}</div>'


def _speech_head(sp: Speech, n: int) -> list[str]:
    out = [f"<h1>{escape(sp.title) if sp.title else f'Speech {n}'}</h1>"]
    meta = [escape(x) for x in (sp.subtitle, sp.speaker, sp.date) if x]
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if sp.salutation:
        out.append(f'<p class="salutation">{escape(sp.salutation.text)}：</p>')
    if sp.greeting:
        out.append(f'<p class="greeting">{escape(sp.greeting.text)}</p>')
    return out


def _body(content: list[Block]) -> list[str]:
    """Blocks, iteratively: a frame is (blocks, next index); closers wait on the same stack."""
    out: list[str] = []
    stack: list[tuple[list[Block], int] | str] = [(content, 0)]
    while stack:
        top = stack.pop()
        if isinstance(top, str):  # a closing tag queued behind a block's children
            out.append(top)
            continue
        blocks, i = top
        if i >= len(blocks):
            continue
        b = blocks[i]
        after = i + 1 < len(blocks) and isinstance(blocks[i + 1], Item)
        stack.append((blocks, i + 1))
        if isinstance(b, Paragraph):
            out.append(f"<p>{escape(b.text)}</p>")
        elif isinstance(b, Item):
            if i == 0 or not isinstance(blocks[i - 1], Item):
                out.append('<ul class="items">')
            out.append(
                f'<li class="item level-{b.level}"><span class="marker">'
                f"{escape(b.marker.text)}</span>{escape(b.heading)}"
            )
            stack.append("</li>" if after else "</li></ul>")
            stack.append((b.content, 0))
        else:
            out.append(f'<section class="level-{b.level}">')
            out.append(_heading(b.level, b.marker.text, b.heading))
            stack.append("</section>")
            stack.append((b.content, 0))
    return out


def render_html(doc: Document) -> str:
    """The whole document as one HTML page; removed page material is listed at the end."""
    title = next((sp.title for sp in doc.speeches if sp.title), None) or "speechparse"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
    ]
    for n, sp in enumerate(doc.speeches, 1):
        out.append('<article class="speech">')
        out += _speech_head(sp, n)
        out += _body(sp.content)
        if sp.closing:
            out.append(f'<p class="closing">{escape(sp.closing.text)}</p>')
        out.append("</article>")
    if doc.removed:
        out.append('<aside class="removed">')
        out.append(f"<h2>Removed from the page ({len(doc.removed)})</h2><ul>")
        out += [
            f'<li><span class="kind">{escape(r.kind.value)}</span> {escape(r.text)}</li>'
            for r in doc.removed
        ]
        out.append("</ul></aside>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
