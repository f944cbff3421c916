"""Markdown, HTML and outline renderers: structure by level, escaping, no recursion, the CLI."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import speechparse
from speechparse import Document, Item, Marker, Paragraph, Removed, RemovedKind, Section, Speech
from speechparse.cli import main
from speechparse.render.html import render_html
from speechparse.render.markdown import escape, render_markdown
from speechparse.render.outline import render_outline

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "school_safety.txt"
NASTY = '<script>alert("x")</script> & *bold* _u_ [a](b) `c`'


def _section(level: int, heading: str, content: list[object], kind: str = "section") -> object:
    cls = Section if kind == "section" else Item
    return cls.model_construct(
        marker=Marker(text=f"{level}、", style="ar_dun", ordinal=1),
        level=level,
        heading=heading,
        inline=False,
        content=content,
        span=(0, 1),
        type=kind,
    )


def _doc(content: list[object], title: str | None = "标题") -> Document:
    speech = Speech.model_construct(
        type="speech", title=title, content=content, span=(0, 1),
        subtitle=None, speaker=None, date=None, salutation=None, greeting=None, closing=None,
    )  # fmt: skip
    removed = [Removed(kind=RemovedKind.CHROME, text="首页 > <b>讲话</b>", span=(0, 1))]
    return Document.model_construct(speeches=[speech], removed=removed, diagnostics=[])


def _md() -> Any:
    mdit = pytest.importorskip("markdown_it", reason="markdown-it-py is in the [test] extra")
    return mdit.MarkdownIt("commonmark")


def _md_tokens(text: str) -> list[Any]:
    return list(_md().parse(text))


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_headings_by_level_and_items_as_lists() -> None:
    md = render_markdown(speechparse.parse_file(EXAMPLE))
    tokens = _md_tokens(md)
    opens = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    headings = [(tokens[i].tag, tokens[i + 1].content) for i in opens]
    assert headings[0] == ("h1", "在全县中小学校园安全工作会议上的讲话")
    assert ("h2", "一、提高站位，深刻认识校园安全工作的极端重要性") in headings
    assert ("h3", "（一）校园安全是教育事业的底线") in headings
    assert ("h4", "1、全面排查校舍隐患") in headings
    assert sum(t.type == "list_item_open" for t in tokens) >= 2 + 5
    assert "- 一是开展一次拉网式排查" in md
    assert not any(t.type in ("code_block", "fence", "html_block") for t in tokens)
    tail = md[md.index("Removed from the page") :]
    assert "*chrome*" in tail and "*disclaimer*" in tail and "版权所有" in tail
    assert md.index("谢谢大家！") < md.index("Removed from the page")


def test_markdown_escapes_text() -> None:
    doc = _doc([Paragraph(text=NASTY, span=(0, 1)), Paragraph(text="1. 不是列表", span=(0, 1)),
                Paragraph(text="# 不是标题", span=(0, 1))])  # fmt: skip
    md = render_markdown(doc)
    paragraphs = [t for t in _md_tokens(md) if t.type == "inline"][1:4]  # after the title
    assert {c.type for t in paragraphs for c in t.children} <= {"text", "text_special"}
    assert "".join(c.content for c in paragraphs[0].children) == NASTY
    html = _md().render(md)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<ol>" not in html and "<h2>" not in html and "<b>" not in html and "<em>b" not in html
    assert "<p>1. 不是列表</p>" in html and "<p># 不是标题</p>" in html
    assert escape("1.5亿元") == "1.5亿元"


def test_markdown_deep_levels_and_sections_in_items_stay_one_list() -> None:
    deep = _section(7, "第七层", [Paragraph(text="正文", span=(0, 1))])
    inner = _section(3, "项目里的标题", [Paragraph(text="说明", span=(0, 1))])
    item = _section(2, "要点", [inner, Paragraph(text="接着", span=(0, 1))], kind="item")
    md = render_markdown(_doc([deep, item]))
    assert "**7、第七层**" in md and "#######" not in md
    tokens = _md_tokens(md)
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"]
    assert not any(t.type == "code_block" for t in tokens)
    assert "  **3、项目里的标题**" in md and "\n\n  接着" in md


def test_html_is_escaped_and_balanced() -> None:
    doc = _doc([_section(1, NASTY, [Paragraph(text=NASTY, span=(0, 1))]),
                _section(6, "深", []), _section(2, "一项", [], kind="item"),
                _section(2, "二项", [], kind="item")], title="<i>题</i>")  # fmt: skip
    html = render_html(doc)
    assert "<script>" not in html and "<i>" not in html and "<b>讲话</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold*" in html
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    assert "h2" in parser.tags and 'role="heading" aria-level="7"' in html
    assert parser.tags.count("ul") == 2  # the two items share one list; removed has its own
    assert NASTY in "".join(parser.text)


def test_html_of_the_example() -> None:
    html = render_html(speechparse.parse_file(EXAMPLE))
    parser = _Balance()
    parser.feed(html)
    assert parser.stack == []
    assert "<h1>在全县中小学校园安全工作会议上的讲话</h1>" in html
    assert '<h4><span class="marker">1、</span>全面排查校舍隐患</h4>' in html
    assert html.index('<p class="closing">谢谢大家！</p>') < html.index('<aside class="removed">')


def test_renderers_do_not_recurse() -> None:
    node: object = Paragraph(text="底", span=(0, 1))
    for _ in range(5000):  # far deeper than Python's recursion limit
        node = _section(5, "层", [node])
    doc = _doc([node])
    assert render_markdown(doc).count("###### 5、层") == 5000
    assert render_html(doc).count("</section>") == 5000
    assert render_outline(doc).count("§") == 5000


def test_cli_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("# 在全县中小学校园安全工作会议上的讲话\n")
    assert main(["render", str(EXAMPLE), "--to", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["render", str(EXAMPLE), "--to", "outline"]) == 0
    assert capsys.readouterr().out.startswith("# Speech 1:")
    assert main(["render", str(tmp_path / "missing.txt")]) == 1
    assert capsys.readouterr().err.startswith("speechparse: ")
    assert main(["render", str(EXAMPLE), "--to", "pdf"]) == 2
