"""The only place that calls the stages, in order: clean → lines → segment → outline → model."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from itertools import repeat
from typing import Any

from .build import Event
from .lines import Line, make_line, split_lines
from .lines import Paragraph as Para
from .model import (
    SCHEMA_VERSION,
    Block,
    Diagnostic,
    DiagnosticCode,
    Document,
    Item,
    Marker,
    Paragraph,
    Removed,
    RemovedKind,
    Section,
    Severity,
    Speech,
    trusted,
    trusted_many,
)
from .model import Line as LineNode
from .normalize import CleanView, check_text, clean_view
from .outline import build_body
from .segment import SpeechPlan, segment
from .spans import cut

_INDENT = " \t\u3000\xa0"
_SPACE_RUN_RE = re.compile(r"\s+")
_COLON = ":：﹕︰︓，,﹐︐"
_SUBTITLE_PARTS_RE = re.compile(
    r"(?P<sub>.{2,60}?(?:讲话|講話|致辞|致辭|发言|發言|报告|報告|演讲|演講))\s{0,3}"
    r"(?P<who>[^\s(（]{1,16}?)?\s{0,3}[(（](?P<date>[^)）]{4,24}日)[)）]$"
)
_HEADING_TAIL = "，,、；;：:。！？!? \u3000"
_INVISIBLE_ONLY_RE = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*"
)
_MAX_DIAGNOSTICS_PER_CODE = 50


class _Doc:
    """What one run knows: the input, its clean view, the holes cut out of paragraph text."""

    def __init__(self, text: str, view: CleanView) -> None:
        self.raw = text
        self.view = view
        self.span = view.omap.span  # clean span → input span (bound once: called per node)
        # the clean text differs from the input only by removed annotations: a paragraph's
        # text is its clean text (the input less removed parts, breaks joined)
        self.clean_is_source = not view.rewritten
        self.identity = view.omap.identity  # clean indices are input indices
        self.removed: list[Removed] = []
        self._holes: tuple[list[tuple[int, int]], list[int]] | None = None
        self.diagnostics: list[dict[str, Any]] = list(view.diagnostics)
        self._counts: dict[DiagnosticCode, int] = {}

    def set_holes(self, removed: list[Removed]) -> None:
        self.removed = removed
        self._holes = None

    @property
    def holes(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Spans of the removed parts, and their starts (made when first asked for)."""
        if self._holes is None:
            spans = [r.span for r in self.removed]
            self._holes = spans, [a for a, _ in spans]
        return self._holes

    def para_span(self, para: Para, a: int, b: int) -> tuple[int, int]:
        """Input span of paragraph-text range ``[a, b)``."""
        base = para.base  # one line: a plain offset (the usual case, thousands per page)
        rng = (base + a, base + b) if base >= 0 else (para.clean_pos(a), para.clean_end(b))
        return rng if self.identity else self.span(*rng)

    def source(self, span: tuple[int, int]) -> str:
        """The input under ``span`` less removed parts, line breaks joined."""
        holes, starts = self.holes
        return _join_lines(cut(self.raw, span, holes, starts))

    def diag(
        self,
        code: DiagnosticCode,
        message: str,
        span: tuple[int, int] | None,
        severity: Severity = Severity.WARNING,
    ) -> None:
        n = self._counts.get(code, 0) + 1
        self._counts[code] = n
        if n <= _MAX_DIAGNOSTICS_PER_CODE:
            self.diagnostics.append(
                {"code": code, "severity": severity, "message": message, "span": span}
            )
        elif n == _MAX_DIAGNOSTICS_PER_CODE + 1:
            self.diagnostics.append(
                {
                    "code": DiagnosticCode.DIAGNOSTICS_CAPPED,
                    "severity": Severity.INFO,
                    "message": f"more {code.value} diagnostics left out",
                    "span": None,
                }
            )


def run(text: str, extra_diagnostics: list[Diagnostic] | None = None) -> Document:
    """Parse ``text``. The cyclic GC is paused meanwhile: a parse builds many small objects
    and no cycles, and collections that grow with the heap make large inputs superlinear."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(text, extra_diagnostics)
    finally:
        if enabled:
            gc.enable()


def _run(text: str, extra_diagnostics: list[Diagnostic] | None) -> Document:
    view = clean_view(text, check_text(text))
    doc = _Doc(text, view)
    lines = split_lines(view.text)
    seg = segment(lines)
    removed = _removed(doc, lines, seg.removed)
    doc.set_holes(removed)
    speeches = [s for plan in seg.speeches if (s := _speech(doc, lines, plan)) is not None]
    _cover_rest(doc, speeches, removed)
    # the tree is made of values built here and known valid: no second validation pass
    # (model.trusted; the tests check every parse against its own re-validation)
    return trusted(
        Document,
        schema_version=SCHEMA_VERSION,
        encoding=None,
        speeches=speeches,
        removed=removed,
        diagnostics=[
            *(extra_diagnostics or ()),
            *(trusted(Diagnostic, **d) for d in doc.diagnostics),
        ],
    )


def _removed(doc: _Doc, lines: list[Line], runs: list[tuple[int, int, str]]) -> list[Removed]:
    """Removed lines (runs sorted by line) and the annotations and marks cut out of the text
    outside them, in order."""
    raw = doc.raw
    cuts = _Cuts(doc.view, raw)
    starts = [a for a, _ in cuts.spans]
    out: list[Removed] = []
    k = 0  # next cut not yet placed
    for a_line, b_line, kind in runs:
        a, b = doc.span(lines[a_line].start, lines[b_line].end)
        j = bisect_left(starts, a, k)
        out.extend(cuts.records(k, j))
        k = bisect_left(starts, b, j)  # cuts inside removed lines are part of those
        out.append(trusted(Removed, kind=RemovedKind(kind), text=raw[a:b], span=(a, b)))
    out.extend(cuts.records(k, len(starts)))
    return out


class _Cuts:
    """What the clean view cut out of the text: reading annotations (thousands on a glossed
    page) and Markdown's marks, in order."""

    def __init__(self, view: CleanView, raw: str) -> None:
        self.spans, self.texts = view.pinyin, view.pinyin_text
        self.kinds: list[RemovedKind] | None = None  # None: all reading annotations
        if view.marks:
            rows = sorted(
                [
                    *zip(view.pinyin, view.pinyin_text, repeat(RemovedKind.PINYIN)),
                    *((s, raw[s[0] : s[1]], RemovedKind.MARKUP) for s in view.marks),
                ]
            )
            self.spans, self.texts, self.kinds = (list(col) for col in zip(*rows, strict=True))

    def records(self, i: int, j: int) -> list[Removed]:
        """Removed records of cuts ``i`` to ``j``."""
        kinds = repeat(RemovedKind.PINYIN) if self.kinds is None else self.kinds[i:j]
        rows = zip(self.texts[i:j], self.spans[i:j], kinds, strict=False)  # kinds may repeat
        return trusted_many(Removed, [{"kind": c, "text": t, "span": s} for t, s, c in rows])


def _line_node(
    doc: _Doc, ln: Line, a: int = 0, b: int | None = None, strip_colon: bool = False
) -> LineNode:
    end = ln.end if b is None else ln.start + b
    span = doc.span(ln.start + a, end)
    text = doc.source(span)
    text = _without_colon(text) if strip_colon else text.strip()
    return trusted(LineNode, text=text, span=span)


def _without_colon(text: str) -> str:
    """A salutation's text without the colon (or comma, or full stop) that ends it."""
    return text.rstrip().removesuffix("。").rstrip(_COLON).rstrip()


def _speech(doc: _Doc, lines: list[Line], plan: SpeechPlan) -> Speech | None:
    if not plan.body and plan.salutation is None and not plan.title and plan.closing is None:
        return None
    first, last = lines[plan.first], lines[plan.end - 1]
    head = _head_fields(doc, lines, plan)
    content = _content(doc, _body_lines(lines, plan))
    span = (doc.span(first.start, first.end)[0], doc.span(last.start, last.end)[1])
    return trusted(Speech, type="speech", **head, content=content, span=span)


def _body_lines(lines: list[Line], plan: SpeechPlan) -> list[Line]:
    """The body's lines, less a salutation that opens the first and a closing glued to the last."""
    body = [lines[i] for i in plan.body]
    if plan.title_len and plan.body[:1] == plan.title[:1]:  # the title run into the body
        ln = lines[plan.title[0]]
        rest = ln.text[_clean_offset(ln, plan.title_len) :].lstrip()
        body[0] = make_line(ln.end - len(rest), rest)
    if plan.salutation is not None and plan.salutation_len and plan.body[:1] == [plan.salutation]:
        ln = lines[plan.salutation]  # 同志们：(大家好！)今天…
        skip = max(plan.salutation_len, plan.greeting_len)
        rest = ln.text[_clean_offset(ln, skip) :].lstrip()
        if rest:
            body[0] = make_line(ln.end - len(rest), rest)
        else:
            body.pop(0)
    greeting, glued = plan.greeting, plan.greeting_len
    if (
        greeting is not None
        and glued
        and greeting != plan.salutation
        and plan.body[:1] == [greeting]
    ):
        ln = lines[greeting]  # 早上好！ then the body
        rest = ln.text[_clean_offset(ln, glued) :].lstrip()
        body[0] = make_line(ln.end - len(rest), rest)
    if plan.closing is not None and plan.closing_at and body and body[-1] is lines[plan.closing]:
        ln = lines[plan.closing]
        head = ln.text[: plan.closing_at].rstrip()
        body[-1] = make_line(ln.start, head)
    return body


def _head_fields(doc: _Doc, lines: list[Line], plan: SpeechPlan) -> dict[str, Any]:
    """Title, subtitle, speaker, date, salutation, greeting and closing of a speech."""

    def text_of(i: int) -> str:
        return doc.source(doc.span(lines[i].start, lines[i].end))

    out: dict[str, Any] = dict.fromkeys(
        ("title", "title_span", "subtitle", "speaker", "date", "salutation", "greeting", "closing")
    )
    if plan.title_len:  # a title that opens its line and runs into the body
        ln = lines[plan.title[0]]
        out["title_span"] = doc.span(ln.start, ln.start + _clean_offset(ln, plan.title_len))
        out["title"] = _drop_cjk_gaps(doc.source(out["title_span"]))
    elif plan.title:
        out["title_span"] = doc.span(lines[plan.title[0]].start, lines[plan.title[-1]].end)
        out["title"] = " ".join(_drop_cjk_gaps(text_of(i)) for i in plan.title)
    if plan.subtitle is not None:
        out["subtitle"] = text_of(plan.subtitle).lstrip("—－-─ ")
        m = _SUBTITLE_PARTS_RE.match(out["subtitle"])
        if m:  # ——在…上的讲话 张三 (2022年9月1日)
            out.update(subtitle=m.group("sub"), speaker=m.group("who"), date=m.group("date"))
    if plan.date is not None and plan.date == plan.salutation and plan.salutation_from:
        ln = lines[plan.date]  # (2006年8月30日)同志们：
        out["date"] = _drop_cjk_gaps(ln.text[: _clean_offset(ln, plan.salutation_from)])
        out["date"] = out["date"].strip("()（） ")
    elif plan.date is not None:  # a date under the speech may be cut off as furniture
        ln = lines[plan.date]  # (张三) (2024年2月22日)
        from_ = _clean_offset(ln, plan.date_from) if plan.date_from else 0
        out["date"] = _drop_cjk_gaps(ln.text[from_:]).strip("()（） ")
    if plan.speaker is not None:
        out["speaker"] = _speaker(lines[plan.speaker], plan)
    if plan.salutation is not None and plan.salutation_to is not None:  # over lines
        span = doc.span(lines[plan.salutation].start, lines[plan.salutation_to].end)
        out["salutation"] = trusted(LineNode, text=_without_colon(doc.source(span)), span=span)
    elif plan.salutation is not None:
        ln = lines[plan.salutation]
        cut = _clean_offset(ln, plan.salutation_len) if plan.salutation_len else None
        start = _clean_offset(ln, plan.salutation_from) if plan.salutation_from else 0
        start += len(ln.text[start:]) - len(ln.text[start:].lstrip())
        out["salutation"] = _line_node(doc, ln, start, cut, strip_colon=True)
    if plan.greeting is not None and plan.greeting == plan.salutation:
        ln = lines[plan.greeting]  # salutation, then the greeting after its comma or colon
        cut = _clean_offset(ln, plan.salutation_len)
        cut += len(ln.text[cut:]) - len(ln.text[cut:].lstrip("，,：: \u3000"))
        end = _clean_offset(ln, plan.greeting_len) if plan.greeting_len else None
        out["greeting"] = _line_node(doc, ln, cut, end)
    elif plan.greeting is not None:
        ln = lines[plan.greeting]
        cut = _clean_offset(ln, plan.greeting_len) if plan.greeting_len else None
        out["greeting"] = _line_node(doc, ln, 0, cut)
    if plan.closing is not None:
        out["closing"] = _closing(doc, lines, plan)
    return _without_empty(out)


def _without_empty(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` less a salutation, greeting or closing with no text (cut out as furniture)."""
    for key in ("salutation", "greeting", "closing"):
        if fields[key] is not None and not fields[key].text:
            fields[key] = None
    return fields


def _speaker(ln: Line, plan: SpeechPlan) -> str:
    """The speaker's name on line ``ln`` (its clean text: the line may be cut off as
    furniture), less a byline's label (主讲人：) and bar (| 小龙), spaces set for layout
    (林 纯 怀) and the brackets around a whole byline (（…技师　张海涛）)."""
    skip = _clean_offset(ln, plan.speaker_from) if plan.speaker_from else 0
    stop = _clean_offset(ln, plan.speaker_to) if plan.speaker_to else len(ln.text)
    speaker = _drop_cjk_gaps(ln.text[skip:stop]).strip("|｜/ ")
    if speaker[:1] in "（(" and speaker[-1:] in "）)":
        speaker = speaker[1:-1]
    return speaker


def _closing(doc: _Doc, lines: list[Line], plan: SpeechPlan) -> LineNode:
    """The closing: from its offset in its line to the line's end (or to a stage direction:
    谢谢大家！（掌声）), or on to the end of the line a wrapped page carried it to."""
    i, at, to = plan.closing, plan.closing_at, plan.closing_to
    assert i is not None
    if to is None:
        return _line_node(doc, lines[i], at, plan.closing_end or None)
    span = doc.span(lines[i].start + at, lines[to].end)
    return trusted(LineNode, text=_join_lines(doc.source(span)), span=span)


def _join_lines(s: str) -> str:
    """Lines joined without their breaks and indentation (a paragraph the page broke)."""
    if "\n" not in s and "\r" not in s:
        return s
    return "".join(part.strip(_INDENT) for part in s.splitlines())


def _drop_cjk_gaps(s: str) -> str:
    """White space next to a CJK character is a layout artefact (五 是, 期间 维稳): drop it."""

    def keep(m: re.Match[str]) -> str:
        a, b = m.start(), m.end()
        cjk = (a > 0 and s[a - 1] > "\x7f") or (b < len(s) and s[b] > "\x7f")
        return "" if cjk else " "

    return _SPACE_RUN_RE.sub(keep, s)


def _clean_offset(ln: Line, compact_len: int) -> int:
    """Index in ``ln.text`` after its first ``compact_len`` non-space characters."""
    seen = 0
    for i, ch in enumerate(ln.text):
        if not ch.isspace():
            seen += 1
            if seen == compact_len:
                return i + 1
    return len(ln.text)


def _content(doc: _Doc, lines: list[Line]) -> list[Block]:
    """The model blocks of a speech's body lines."""
    sink = _Blocks(doc)
    body = build_body(lines, sink)
    sink.finish()
    for code, message, e in body.diagnostics:
        span = doc.para_span(body.paragraphs[e.para], e.found.start, e.found.end)
        doc.diag(DiagnosticCode(code), message, span, Severity.INFO)
    return body.root


class _Blocks:
    """Makes model blocks for outline.build_body (its Sink), straight from the clean text."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.made: list[Section | Item] = []  # in the order made: parents before children

    def paragraph(self, para: Para, a: int, b: int) -> Paragraph | None:
        if b <= a:
            return None
        doc = self.doc
        base = para.base
        # one line and nothing deleted (most paragraphs): plain offsets, written out
        span = (base + a, base + b) if base >= 0 and doc.identity else doc.para_span(para, a, b)
        text = para.text[a:b] if doc.clean_is_source else doc.source(span)
        if not text or text.isspace():
            return None
        return trusted(Paragraph, type="paragraph", text=text, span=span)

    def numbered(
        self, e: Event, level: int, para: Para, h_a: int, h_b: int, drop: tuple[int, ...]
    ) -> tuple[Section | Item, list[Block]]:
        """A Section or an Item: marker, heading; its span ends with its heading until
        ``finish`` extends it over its content."""
        doc = self.doc
        found = e.found
        base = para.base
        if base >= 0 and doc.identity:  # as in ``paragraph``
            m_span = (base + found.start, base + found.end)
            end = base + h_b if h_b > h_a else m_span[1]
        else:
            m_span = doc.para_span(para, found.start, found.end)
            end = doc.para_span(para, h_a, h_b)[1] if h_b > h_a else m_span[1]
        heading = para.text[h_a:h_b]
        if drop:
            heading = "".join(c for k, c in enumerate(heading, h_a) if k not in drop)
        if len(heading.split()) > 1:
            heading = _drop_cjk_gaps(heading)
        heading = heading.strip().rstrip(_HEADING_TAIL)
        marker_text = doc.raw[m_span[0] : m_span[1]]
        if found.repaired:
            marker_text = found.text
            doc.diag(
                DiagnosticCode.MARKER_REPAIRED,
                "stray full stop inside a marker ignored",
                m_span,
                Severity.INFO,
            )
        elif marker_text != found.text:
            marker_text = "".join(marker_text.split())
            glyph = marker_text.replace("\ufe0f", "")  # a keycap's selector is its glyph's: 1️⃣
            if len(marker_text) != len(found.text) and glyph != found.text:
                doc.diag(  # 一\u200b、: recognised through an invisible character, kept as written
                    DiagnosticCode.IGNORABLE_IN_MARKER,
                    "invisible character inside a marker ignored",
                    m_span,
                    Severity.INFO,
                )
        content: list[Block] = []
        is_item = e.info.is_item
        cls: type[Section | Item] = Item if is_item else Section
        block = trusted(
            cls,
            type="item" if is_item else "section",
            marker=trusted(Marker, text=marker_text, style=e.info.style, ordinal=e.ordinal),
            level=level,
            heading=heading,
            inline=found.inline,
            content=content,
            span=(m_span[0], end),
        )
        self.made.append(block)
        return block, content

    def finish(self) -> None:
        """Extend each span over its content, children before parents."""
        for block in reversed(self.made):
            if block.content:  # siblings are in order: the last child ends last
                a, b = block.span
                end = block.content[-1].span[1]
                if end > b:
                    block.__dict__["span"] = (a, end)


def _cover_rest(doc: _Doc, speeches: list[Speech], removed: list[Removed]) -> None:
    """Anything of the input in no speech and not removed becomes a diagnostic: nothing lost."""
    raw = doc.raw
    # speeches and removed records are each in order and disjoint among themselves: a gap
    # between two speeches is covered by the removed records that start inside it
    _, starts = doc.holes
    gaps: list[tuple[int, int]] = []
    bounds = [(s.span[0], s.span[1]) for s in speeches]
    pos = 0
    for a, b in [*bounds, (len(raw), len(raw))]:
        k = bisect_left(starts, pos)
        if k and removed[k - 1].span[1] > pos:  # a removed record that runs on past ``pos``
            pos = removed[k - 1].span[1]
        while k < len(removed) and starts[k] < a:
            ra, rb = removed[k].span
            if ra > pos and raw[pos:ra].strip():
                gaps.append((pos, ra))
            pos = max(pos, rb)
            k += 1
        if a > pos and raw[pos:a].strip():
            gaps.append((pos, a))
        pos = max(pos, b)
    if len(gaps) > _MAX_DIAGNOSTICS_PER_CODE:  # one diagnostic over them all
        gaps = [(gaps[0][0], gaps[-1][1])]
    for a, b in gaps:
        invisible = _INVISIBLE_ONLY_RE.fullmatch(raw, a, b) is not None
        doc.diagnostics.append(
            {
                "code": DiagnosticCode.TEXT_OUTSIDE_SPEECH,
                "severity": Severity.INFO if invisible else Severity.WARNING,
                "message": "invisible characters outside the speeches"
                if invisible
                else "text in no speech and not page chrome",
                "span": (a, b),
            }
        )
    if not speeches and raw.strip() and not removed:
        doc.diag(DiagnosticCode.NO_SPEECH, "no speech found on the page", None, Severity.INFO)
