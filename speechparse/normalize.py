"""Offset-preserving clean-ups: a clean view of the page for matching, spans kept on the input.

The clean text is the input with reading annotations (``會(huì)``), Markdown's marks on a
page written in Markdown (``## 一、…``, ``**一是**``) and invisible characters (zero-width,
BOM, bidi and C0/C1 controls) deleted; an OffsetMap leads back.  Nothing is
rewritten in place, so every span still indexes the text given to ``parse``.  Width and script
differences are matched by the patterns themselves; for short candidate strings ``simplify``
folds traditional characters one to one (OpenCC's character table, never its phrase rules).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from .errors import InvalidText
from .model import DiagnosticCode, Severity
from .spans import OffsetMap

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ"
_LATIN = "a-zA-ZüÜ" + _TONED
#: invisible characters that may sit inside words or markers
_INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f\x80-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f"
)
#: a pinyin annotation in full-width parentheses (會（huì）): rare, so looked for first
_WIDE_PINYIN_RE = re.compile("（(?=[" + _LATIN + "]{0,7}[" + _TONED + "])")


@cache
def _pinyin_res(wide: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What the clean view leaves out: a pinyin annotation glued after a CJK character
    (會(huì), with ``wide`` also 會（huì）), and the same as re.split's one group (the pieces
    come out as strings, no match objects).  Built on first need: most pages hold no
    annotation, and a CJK class costs a compile a millisecond or two.  An ASCII parenthesis
    alone opens the pattern as a literal, which the engine finds far faster than a class."""
    opener = "[(（]" if wide else r"\("
    pattern = f"{opener}(?<=[{_CJK}]{opener})(?=[{_LATIN}]{{0,7}}[{_TONED}])[{_LATIN}]{{1,8}}[)）]"
    return re.compile(pattern), re.compile(f"({pattern})")


def _pinyin_re(text: str, split: bool = False) -> re.Pattern[str]:
    """The annotation pattern for ``text`` (``split``: its re.split form)."""
    wide = "（" in text and _WIDE_PINYIN_RE.search(text) is not None
    return _pinyin_res(wide)[split]


_INVISIBLE_RUN_RE = re.compile("[" + _INVISIBLE + "]{1,64}")
#: Markdown's marks: the hashes that open a heading line (``## 一、…``: group 1) and the
#: double asterisks around bold text (``**一是**``)
_HEADING_MARK_RE = re.compile(r"^[ \t]{0,3}(#{1,6}[ \t]{1,4})(?=\S)", re.M)
_BOLD_MARK_RE = re.compile(r"(?<!\*)\*\*(?!\*)")
#: a line that opens in bold and closes it (**（一）突出重点**): with a heading line, what
#: says the page is Markdown.  Elsewhere ** masks a name (在**市工作): left alone.
_BOLD_LINE_RE = re.compile(r"^[ \t]{0,3}\*\*(?![*\s])[^*\n]{1,80}?(?<!\s)\*\*(?!\*)", re.M)
#: what a page's HTML leaves in its text when a scraper did not take it out: a tag, a
#: comment, an entity (``<p><strong>一、…</strong></p>``, ``&nbsp;``, ``&ldquo;``)
_HTML_RE = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:[ \t][^<>\n]{0,300})?/?>|<!--[^\n]{0,300}?-->"
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,5});"
)
_QUOTE_MIN = 5  # quoted lines that show a page quotes a block
_QUOTE_INDENT = 4  # spaces a quoted line may be indented by
_HTML_MIN = 2  # pieces of HTML that show a page leaked it (one < or & is text)
#: small-form and vertical-form punctuation (﹕﹐︰ …): the clean view reads each as the mark
#: it stands for, one character for one.  ︰ is a two-dot leader to Unicode, but pages type it
#: for a colon.
_FORMS = "\ufe10-\ufe16\ufe30\ufe50-\ufe52\ufe54-\ufe57\ufe59-\ufe5e"
_FORMS_RE = re.compile("[" + _FORMS + "]")
_FORM_OF = {
    **{c: unicodedata.normalize("NFKC", c) for c in "︐︑︒︓︔︕︖﹐﹑﹒﹔﹕﹖﹗﹙﹚﹛﹜﹝﹞"},
    "︰": "：",
}
#: one character worth a closer look: an invisible one, a toned vowel (a pinyin annotation
#: holds one), a punctuation form or a lone surrogate.  A single class is searched fast (the
#: engine skips by it); most pages have none.
_SUSPECT_RE = re.compile("[" + _INVISIBLE + _TONED + _FORMS + "\ud800-\udfff]")
_NOT_TONED_RE = re.compile("[" + _INVISIBLE + _FORMS + "\ud800-\udfff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TONED_RE = re.compile("[" + _TONED + "]")
_UNREADABLE_RE = re.compile("[" + _INVISIBLE + "\ud800-\udfff]")
_WS_RE = re.compile(r"[\s" + _INVISIBLE + r"]+")
_INVISIBLE_RE = re.compile("[" + _INVISIBLE + "]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
_MAX_DIAGNOSED = 20
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e]")  # full-width ASCII forms: one to one under NFKC


@dataclass
class CleanView:
    """The page with annotations and invisible characters deleted, and the way back."""

    text: str
    omap: OffsetMap
    pinyin: list[tuple[int, int]] = field(default_factory=list)  # annotation spans, sorted
    pinyin_text: list[str] = field(default_factory=list)  # the annotations, as written
    marks: list[tuple[int, int]] = field(default_factory=list)  # Markdown's marks, sorted
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    #: it differs from the input by more than removed annotations (invisible characters
    #: deleted, punctuation forms folded): paragraph text must come from the input
    rewritten: bool = False


@dataclass(frozen=True)
class Suspects:
    """What check_text saw: may the page hold invisible characters, pinyin annotations,
    small or vertical punctuation forms?"""

    invisible: bool = True
    pinyin: bool = True
    forms: bool = True


def check_text(text: str) -> Suspects:
    """Raise InvalidText on a lone surrogate; say what clean_view has to look for."""
    first = _SUSPECT_RE.search(text)
    if first is None:
        return Suspects(invisible=False, pinyin=False, forms=False)
    at = first.start()  # nothing suspect stands before it
    toned = first.group() in _TONED
    # a glossed page has toned vowels all through: one more search for everything else
    other = _NOT_TONED_RE.search(text, at) if toned else first
    if other is None:
        return Suspects(invisible=False, pinyin=True, forms=False)
    at_other = other.start()
    unreadable = _UNREADABLE_RE.search(text, at_other)  # an invisible character or a surrogate
    bad = unreadable and _SURROGATE_RE.search(text, unreadable.start())
    if bad:
        raise InvalidText(
            f"lone surrogate U+{ord(bad.group()):04X} at index {bad.start()}: not valid Unicode "
            "text; decode bytes with parse_bytes(errors='replace') or clean the str first"
        )
    return Suspects(
        invisible=unreadable is not None,
        pinyin=toned or _TONED_RE.search(text, at) is not None,
        forms=_FORMS_RE.search(text, at_other) is not None,
    )


def clean_view(text: str, suspects: Suspects = Suspects()) -> CleanView:
    """Delete pinyin annotations and invisible characters, keeping a map to the input.

    ``suspects`` (from check_text) spares the searches for what the page does not hold.
    """
    # one character is looked for much faster than two: most pages hold no * at all
    marks = _markdown_marks(text) if "#" in text or ("*" in text and "**" in text) else []
    if "<" in text or "&" in text:
        marks = _html_marks(text, marks)
    if ">" in text:
        marks = _quote_marks(text, marks)
    if suspects.pinyin and not suspects.invisible and not marks:  # thousands on some pages
        clean, pinyin, pinyin_text = _cut_pinyin(text)
        deletions = pinyin
    else:
        found = list(_pinyin_re(text).finditer(text)) if suspects.pinyin else []
        pinyin = [m.span() for m in found]
        pinyin_text = [m.group() for m in found]
        runs = _INVISIBLE_RUN_RE.finditer(text) if suspects.invisible else ()
        invisible = [m.span() for m in runs]
        deletions = sorted(pinyin + invisible + marks) if invisible or marks else pinyin
        clean = _without(text, deletions)
    folded = suspects.forms and _FORMS_RE.search(clean) is not None
    if folded:  # one character for one: offsets stay
        clean = _FORMS_RE.sub(lambda m: _FORM_OF[m.group()], clean)
    deleted_invisible = len(deletions) > len(pinyin) + len(marks)
    rewritten = deleted_invisible or folded
    view = CleanView(clean, OffsetMap(deletions), pinyin, pinyin_text, marks, rewritten=rewritten)
    for controls, m in enumerate(_CONTROL_RE.finditer(text) if deleted_invisible else (), 1):
        if controls <= _MAX_DIAGNOSED:
            view.diagnostics.append(
                {
                    "code": DiagnosticCode.CONTROL_CHARS,
                    "severity": Severity.INFO,
                    "message": f"control character U+{ord(m.group()):04X} ignored for matching",
                    "span": m.span(),
                }
            )
    return view


def _cut_pinyin(text: str) -> tuple[str, list[tuple[int, int]], list[str]]:
    """The text less its annotations, their spans and their texts, from one re.split: the
    pieces alternate kept text, annotation, kept text …, so their lengths give the spans."""
    parts = _pinyin_re(text, split=True).split(text)
    if len(parts) == 1:
        return text, [], []
    bounds = list(accumulate(map(len, parts)))  # bounds[k]: end of parts[k]
    spans = list(zip(bounds[0::2], bounds[1::2], strict=False))  # annotation k: parts[2k + 1]
    return "".join(parts[0::2]), spans, parts[1::2]


def _markdown_marks(text: str) -> list[tuple[int, int]]:
    """Spans of Markdown's marks on a page that shows it is written in Markdown (a heading
    line, or a line that opens in bold): the hashes of heading lines, and the ``**`` of
    each line that holds them in pairs (an odd one out leaves its line alone)."""
    headings = [m.span(1) for m in _HEADING_MARK_RE.finditer(text)]
    if not headings and _BOLD_LINE_RE.search(text) is None:
        return []
    bold: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(True):
        if "**" in line:
            spans = [(pos + m.start(), pos + m.end()) for m in _BOLD_MARK_RE.finditer(line)]
            if len(spans) % 2 == 0:
                bold.extend(spans)
        pos += len(line)
    return sorted(headings + bold) if bold else headings


def _html_marks(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``marks`` and the spans of HTML a page leaked into its text (tags, comments, entities),
    when it leaked two pieces or more.  The contract lets a paragraph's text only lose what
    was removed, so an entity is cut out, not read (&ldquo; leaves no quote)."""
    html = [m.span() for m in _HTML_RE.finditer(text)]
    return sorted(marks + html) if len(html) >= _HTML_MIN else marks


def _quote_marks(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``marks`` and the ``> `` that opens each line of a quoted block (a forum's answer, a
    Markdown page), after its indentation maybe, when the page quotes that many lines (one
    ``>`` may be a stray arrow, ``>>`` is a link's).  Each ``>`` is found by str.find and its
    line's start looked back to: a breadcrumb's arrows are few."""
    spans: list[tuple[int, int]] = []
    line = prev = 0  # the start of the line the last > stands on; one past that >
    at = text.find(">")
    while at >= 0:
        line = max(line, text.rfind("\n", prev, at) + 1)  # each stretch looked at once
        if (
            at - line <= _QUOTE_INDENT
            and text[at + 1 : at + 2] != ">"
            and not text[line:at].strip(" \t\u3000")
        ):
            spans.append((at, at + 2 if text[at + 1 : at + 2] == " " else at + 1))
        prev = at + 1
        at = text.find(">", prev)
    return sorted(marks + spans) if len(spans) >= _QUOTE_MIN else marks


def _without(text: str, deletions: list[tuple[int, int]]) -> str:
    """``text`` less the sorted, disjoint ``deletions``."""
    if not deletions:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in deletions:
        parts.append(text[pos:a])
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def squash(s: str) -> str:
    """``s`` without white space and invisible characters."""
    out = "".join(s.split())
    return _WS_RE.sub("", out) if _INVISIBLE_RE.search(out) else out


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    import opencc  # type: ignore[import-untyped]  # opencc-python-reimplemented: its table only

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            first = values.split(" ", 1)[0]
            if len(key) == 1 and len(first) == 1:
                table[ord(key)] = first
    # variants OpenCC leaves alone that speeches use (衞 for 卫 and the like)
    for trad, simp in zip("衞羣裏爲僞衆産啓綫峯", "卫群里为伪众产启线峰", strict=True):
        table[ord(trad)] = simp
    return table


@lru_cache(maxsize=8192)
def simplify(s: str) -> str:
    """Short string → simplified script, full-width forms folded; same length as ``s``."""
    folded = s.translate(_t2s_table())
    if _FULLWIDTH_RE.search(folded):
        folded = _FULLWIDTH_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), folded)
    return folded
