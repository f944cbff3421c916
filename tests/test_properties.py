"""Property tests (issue #4): random mixtures of speech-page lines keep every invariant.

Pages are drawn from marker lines of every style, salutations, closings, page chrome, blank
lines, body text (simplified and traditional), joined by LF, CR or CRLF, with full-width
indentation and zero-width characters sprinkled in.  Every parse must keep the invariants of
``../shared/tools/hostile_inputs.py``, survive a JSON round trip, and have every span index
the input.  ``SPEECHPARSE_PROPERTY_EXAMPLES`` (default 200) sets the number of pages.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import shared_tool, trusted_differences

import speechparse
from speechparse import Document
from speechparse.spans import cut

hostile: Any = shared_tool("hostile_inputs")

CN = "一二三四五六七八九十"
ORDINALS = st.integers(min_value=1, max_value=12)


def cn(k: int) -> str:
    return CN[k - 1] if k <= 10 else "十" + CN[k - 11]


STYLES: list[Callable[[int], str]] = [
    lambda k: f"{cn(k)}、",
    lambda k: f"（{cn(k)}）",
    lambda k: f"{k}.",
    lambda k: f"（{k}）",
    lambda k: chr(0x2460 + k - 1),  # ① ..
    lambda k: f"{cn(k)}是",
    lambda k: f"第{cn(k)}，",
    lambda k: ["首先，", "其次，", "再次，", "最后，"][min(k, 4) - 1],
]
BODY = st.sampled_from(
    [
        "加强组织领导，统筹安排安全工作。",
        "要定期开展隐患排查",
        "今天，我们召开全市校园安全工作会议，主要任务是总结工作、部署任务。",
        "學校安全工作只有起點，沒有終點。",
        "各地要時刻繃緊安全這根弦",
        "切实把各项工作抓紧抓实抓好",
        "",
    ]
)
SALUTATIONS = st.sampled_from(
    ["同志们：", "各位领导、各位来宾：", "同志們：", "尊敬的各位老师：", "各位先生、女士﹕"]
)
CLOSINGS = st.sampled_from(["谢谢大家！", "謝謝大家！", "谢谢！", "以上讲话，供大家参考。"])
TITLES = st.sampled_from(["在全市校园安全工作会议上的讲话", "在全市校園安全工作會議上的講話"])
CHROME = st.sampled_from(
    [
        "当前位置：首页 > 范文大全 > 讲话稿",
        "上一篇：关于开展安全检查的通知    下一篇：在全市教育工作会议上的讲话",
        "猜你喜欢",
        "点击下载本文档 | 打开翻译 | 收藏",
        "版权所有 © 2023 某某范文网",
    ]
)
LINES = st.one_of(
    *[st.just("MARKER")] * 4,  # a marker line, numbered in pages()
    st.just("RUN-IN"),  # a marker inside a paragraph
    BODY,
    SALUTATIONS,
    CLOSINGS,
    TITLES,
    CHROME,
    st.just(""),
)
INDENTS = st.sampled_from(["", "", "\u3000\u3000", "  ", "\t"])
NEWLINES = st.sampled_from(["\n", "\r", "\r\n"])
INVISIBLES = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page; markers of each style mostly count on (1, 2, 3 …), sometimes skip or restart."""
    parts: list[str] = []
    counters = [0] * len(STYLES)
    lines = draw(st.lists(LINES, min_size=1, max_size=40))
    if draw(st.booleans()):  # the usual frame: chrome, title, salutation … closing, chrome
        head = [draw(CHROME), draw(TITLES), draw(SALUTATIONS)]
        lines = head + lines + [draw(CLOSINGS), draw(CHROME)]
    for line in lines:
        if line in ("MARKER", "RUN-IN"):
            style = draw(st.integers(0, len(STYLES) - 1))
            counters[style] = draw(st.sampled_from([counters[style] + 1] * 6 + [1, 3, 12]))
            marker = STYLES[style](min(counters[style], 12))
            lead = draw(BODY) if line == "RUN-IN" else ""
            line = lead + marker + draw(BODY)
        parts.append(draw(INDENTS) + line + draw(NEWLINES))
    text = "".join(parts)
    if text and draw(st.booleans()):  # sprinkle zero-width characters
        chars = list(text)
        for i in draw(st.lists(st.integers(0, len(chars)), max_size=8)):
            chars.insert(i, draw(INVISIBLES))
        text = "".join(chars)
    return text


_IGNORED = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")


def _squash(s: str) -> str:
    return _IGNORED.sub("", s)


def spans_index_the_input(text: str, doc: Document) -> list[str]:
    """Every span lies in ``text``; the text of a node is found under its span (less the
    removed parts in it, as for paragraphs)."""
    bad: list[str] = []
    n = len(text)
    holes = sorted(r.span for r in doc.removed)

    def check(where: str, span: tuple[int, int], shown: str | None) -> None:
        a, b = span
        if not 0 <= a <= b <= n:
            bad.append(f"{where}: span {span} outside [0, {n}]")
        elif shown is not None and _squash(shown) not in _squash(cut(text, span, holes)):
            bad.append(f"{where}: {shown!r} is not under its span {text[a:b]!r}")

    for r in doc.removed:
        if text[r.span[0] : r.span[1]] != r.text:
            bad.append(f"removed {r.span}: text {r.text!r} is not exactly its source")
    for d in doc.diagnostics:
        if d.span is not None:
            check(f"diagnostic {d.code.value}", d.span, None)
    for i, sp in enumerate(doc.speeches):
        check(f"speech[{i}]", sp.span, None)
        if sp.title_span is not None:
            check(f"speech[{i}].title", sp.title_span, sp.title)
        for part in (sp.salutation, sp.greeting, sp.closing):
            if part is not None:
                check(f"speech[{i}] line", part.span, part.text)
        stack: list[tuple[str, Any]] = [(f"speech[{i}]", b) for b in sp.content]
        while stack:
            where, block = stack.pop()
            if block.type == "paragraph":
                check(where, block.span, None)  # its text is checked by the invariants
                continue
            check(where, block.span, block.marker.text + block.heading)
            stack.extend((f"{where}/{block.marker.text}", b) for b in block.content)
    return bad


@settings(
    max_examples=int(os.environ.get("SPEECHPARSE_PROPERTY_EXAMPLES") or "200"),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(pages())
def test_random_pages_keep_the_invariants(text: str) -> None:
    doc = speechparse.parse(text)
    violations = hostile.invariant_violations(text, doc.model_dump(mode="json"))
    assert not violations, violations[:3]
    assert not (bad := spans_index_the_input(text, doc)), bad[:3]
    dumped = doc.model_dump_json()
    assert isinstance(json.loads(dumped), dict)
    assert Document.model_validate_json(dumped) == doc
    assert not (diff := trusted_differences(doc)), diff[:3]
