"""Compare a parse with a hand-written golden fixture (tests/golden/<case>/expected.json).

The expected files use the gold format of ``shared/corpus/GOLD_FORMAT.md``::

    {"source": "input.txt",
     "speeches": [{"title", "salutation", "closing", "first_body", "last_body",
                   "outline": [{"marker", "title", "children": [...]}]}],
     "noise": ["..."]}

``project(doc, source)`` turns a parsed ``speechparse.Document`` (or its
``model_dump(mode="json")``) into that shape; ``compare(expected, doc, source)`` returns
a readable list of differences, each ``"<path>: <what>: expected …, got …"``; an empty
list means the parse matches the fixture.

Normalisation, as in GOLD_FORMAT.md and the project's scorer ``tools/speecheval.py``:
NFKC, pinyin annotations removed (``會(huì)`` → ``會``), all white space removed.
Traditional→Simplified folding is not done (standard library only): the fixtures and the
parse both quote the same source, so they are in the same script.

* Speech titles match by prefix without punctuation: the parsed title must start with the
  expected one (a page title line may add a suffix such as ``【完整版】``).
* Salutations and closings are equal after normalisation, trailing punctuation ignored;
  an expected ``null`` needs a parsed ``null``.
* ``first_body`` / ``last_body``: the source text under the span of the speech's first
  (last) content block must start (end) with the expected 16 characters, compared
  without punctuation.
* Outline nodes: marker and title are compared after normalisation, with the marker/title
  boundary variants made equal (``一是要``+``X`` == ``一是``+``要X``, ``首先是``+``X`` ==
  ``首先``+``是X``, ``第一，``+``X`` == ``第一``+``X``); the whole title must be equal
  without punctuation. Sibling lists are aligned by marker, so one missing or extra node
  is reported once instead of shifting every later node.
* No ``noise`` string may occur in any parsed speech's title, salutation, closing,
  marker, heading or paragraph text.

Run ``python tests/golden_compare.py tests/golden/<case> [...]`` to print the differences
of single cases. Standard library only.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

__all__ = [
    "compare",
    "load_case",
    "norm",
    "project",
]

# --------------------------------------------------------------------------- normalisation

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ"
_LATIN = "a-zA-ZüÜ" + _TONED
#: a pinyin annotation glued after a CJK character: 會(huì), also with full-width parens
PINYIN_RE = re.compile(
    r"(?<=[" + _CJK + r"])[(（](?=[" + _LATIN + r"]*[" + _TONED + r"])[" + _LATIN + r"]+[)）]"
)
_WS_RE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

_NUM = "一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾兩貳參陸"
_SEQ = "首先|其次|再次|然后|然後|最后|最後|其一|其二|其三|其四|其五"
_SHI_YAO_RE = re.compile(r"^([" + _NUM + r"]+是)(要)$")
_SEQ_TAIL_RE = re.compile(r"^(" + _SEQ + r")(是|要)$")
_MARKER_TAIL_PUNCT = ",，:："


def strip_pinyin(s: str) -> str:
    return PINYIN_RE.sub("", s)


def clean(s: str | None) -> str:
    """Pinyin annotations and white space removed, nothing else changed."""
    return _WS_RE.sub("", strip_pinyin(s or ""))


def norm(s: str | None) -> str:
    """NFKC, pinyin annotations removed, white space removed."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return _WS_RE.sub("", strip_pinyin(s))


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def drop_punct(s: str) -> str:
    return "".join(ch for ch in s if not _is_punct(ch))


def strip_trailing_punct(s: str) -> str:
    j = len(s)
    while j > 0 and _is_punct(s[j - 1]):
        j -= 1
    return s[:j]


def canon_node(marker: str, title: str) -> tuple[str, str]:
    """(marker key, title key): normalised, boundary variants made equal, no punctuation."""
    m, t = norm(marker), norm(title)
    mm = _SHI_YAO_RE.match(m) or _SEQ_TAIL_RE.match(m)
    if mm:
        m, t = mm.group(1), mm.group(2) + t
    while len(m) > 1 and m[-1] in _MARKER_TAIL_PUNCT:
        m = m[:-1]
    return m, drop_punct(t)


# --------------------------------------------------------------------------- projection


def _as_dict(doc: Any) -> dict[str, Any]:
    if hasattr(doc, "model_dump"):
        dumped: dict[str, Any] = doc.model_dump(mode="json")
        return dumped
    if isinstance(doc, dict):
        return doc
    raise TypeError(f"expected a speechparse.Document or its JSON dict, not {type(doc)!r}")


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, dict) and isinstance(v.get("text"), str):
        return str(v["text"])
    return None


def _valid_span(block: dict[str, Any], n: int) -> tuple[int, int] | None:
    sp = block.get("span")
    if isinstance(sp, (list, tuple)) and len(sp) == 2 and all(isinstance(x, int) for x in sp):
        a, b = sp
        if 0 <= a <= b <= n:
            return a, b
    return None


def _block_text(block: dict[str, Any]) -> str:
    """Fallback when a block has no usable span: marker + heading + content texts."""
    parts: list[str] = []
    if "marker" in block:
        parts.append(_text(block.get("marker")) or "")
        parts.append(str(block.get("heading") or ""))
    else:
        parts.append(str(block.get("text") or ""))
    for child in block.get("content") or []:
        if isinstance(child, dict):
            parts.append(_block_text(child))
    return "".join(parts)


def _block_source(block: dict[str, Any], source: str) -> str:
    sp = _valid_span(block, len(source))
    if sp is not None:
        return source[sp[0] : sp[1]]
    return _block_text(block)


def _outline(blocks: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for b in blocks:
        if not isinstance(b, dict) or "marker" not in b:
            continue
        out.append(
            {
                "marker": _text(b.get("marker")) or "",
                "title": str(b.get("heading") or ""),
                "children": _outline(b.get("content") or []),
            }
        )
    return out


def project(doc: Any, source: str) -> list[dict[str, Any]]:
    """The speeches of a parse in the gold shape.

    ``first_body`` / ``last_body`` are the first / last 16 characters of the source under
    the first / last content block (pinyin and white space removed); the whole block
    source is kept under ``_first_src`` / ``_last_src`` for the comparison.
    """
    d = _as_dict(doc)
    speeches: list[dict[str, Any]] = []
    for sp in d.get("speeches") or []:
        content = [b for b in sp.get("content") or [] if isinstance(b, dict)]
        first_src = _block_source(content[0], source) if content else ""
        last_src = _block_source(content[-1], source) if content else ""
        speeches.append(
            {
                "title": sp.get("title"),
                "salutation": _text(sp.get("salutation")),
                "closing": _text(sp.get("closing")),
                "first_body": clean(first_src)[:16],
                "last_body": clean(last_src)[-16:],
                "outline": _outline(content),
                "_first_src": first_src,
                "_last_src": last_src,
                "_texts": _speech_texts(sp),
            }
        )
    return speeches


def _speech_texts(speech: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, text) of every title / salutation / closing / marker / heading / paragraph."""
    out: list[tuple[str, str]] = []
    for key in ("title", "subtitle", "salutation", "greeting", "closing"):
        t = _text(speech.get(key))
        if t:
            out.append((key, t))
    stack: list[tuple[str, list[Any]]] = [("content", speech.get("content") or [])]
    while stack:
        path, blocks = stack.pop()
        for i, b in enumerate(blocks):
            if not isinstance(b, dict):
                continue
            where = f"{path}[{i}]"
            if "marker" in b:
                out.append((where + ".marker", _text(b.get("marker")) or ""))
                out.append((where + ".heading", str(b.get("heading") or "")))
                stack.append((where + ".content", b.get("content") or []))
            else:
                out.append((where + ".text", str(b.get("text") or "")))
    return out


# --------------------------------------------------------------------------- comparison


def _title_key(s: str | None) -> str:
    return drop_punct(norm(s))


def _title_matches(expected: str | None, got: str | None) -> bool:
    e, g = _title_key(expected), _title_key(got)
    if not e:
        return not g
    return g.startswith(e)


def _short_key(s: str | None) -> str:
    return strip_trailing_punct(norm(s))


def _loose(s: str | None) -> str:
    return drop_punct(norm(s))


def _node_label(node: dict[str, Any]) -> str:
    title = clean(node.get("title"))
    if len(title) > 24:
        title = title[:24] + "…"
    return f"{clean(node.get('marker'))}{title}"


def _count(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + _count(n.get("children") or []) for n in nodes)


def _subtree_note(node: dict[str, Any]) -> str:
    k = _count(node.get("children") or [])
    return f" (with {k} node{'s' if k != 1 else ''} under it)" if k else ""


def _node_key(node: dict[str, Any], title_chars: int | None) -> tuple[str, str]:
    m, t = canon_node(node.get("marker") or "", node.get("title") or "")
    return m, ("" if title_chars is None else t[:title_chars])


def _compare_outline(
    exp: list[dict[str, Any]], got: list[dict[str, Any]], path: str, diffs: list[str]
) -> None:
    """Align siblings by (marker, first 8 title characters), as the scorer identifies a
    node; what is left over is paired by marker alone, so that a node whose title
    differs from its first character on is reported as one title difference."""
    _align(exp, got, path, diffs, 8)


def _align(
    exp: list[dict[str, Any]],
    got: list[dict[str, Any]],
    path: str,
    diffs: list[str],
    title_chars: int | None,
) -> None:
    ekeys = [_node_key(n, title_chars) for n in exp]
    gkeys = [_node_key(n, title_chars) for n in got]
    sm = difflib.SequenceMatcher(a=ekeys, b=gkeys, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for en, gn in zip(exp[i1:i2], got[j1:j2], strict=True):
                _compare_node(en, gn, path, diffs, paired_by_marker=title_chars is None)
            continue
        if title_chars is not None and i2 > i1 and j2 > j1:
            _align(exp[i1:i2], got[j1:j2], path, diffs, None)
            continue
        for en in exp[i1:i2]:
            diffs.append(
                f"{path}: missing node: expected {_node_label(en)!r}{_subtree_note(en)}, got none"
            )
        for gn in got[j1:j2]:
            diffs.append(
                f"{path}: unexpected node: expected none, got {_node_label(gn)!r}"
                f"{_subtree_note(gn)}"
            )


def _compare_node(
    en: dict[str, Any],
    gn: dict[str, Any],
    path: str,
    diffs: list[str],
    paired_by_marker: bool = False,
) -> None:
    _, et = canon_node(en.get("marker") or "", en.get("title") or "")
    _, gt = canon_node(gn.get("marker") or "", gn.get("title") or "")
    here = f"{path} > {_node_label(en)}"
    if paired_by_marker:
        # same marker at this place, but a different title from its start on: possibly
        # another node of the same number (a restarted series) stands here
        diffs.append(f"{path}: node differs: expected {_node_label(en)!r}, got {_node_label(gn)!r}")
    elif et != gt:
        diffs.append(
            f"{here}: title: expected {clean(en.get('title'))!r}, got {clean(gn.get('title'))!r}"
        )
    _compare_outline(en.get("children") or [], gn.get("children") or [], here, diffs)


def _align_speeches(
    exp: list[dict[str, Any]], got: list[dict[str, Any]]
) -> list[tuple[int | None, int | None]]:
    """Monotonic alignment: title prefix match (2 points) + same first_body (1 point)."""
    n, m = len(exp), len(got)
    sim = [[0.0] * m for _ in range(n)]
    for i, e in enumerate(exp):
        for j, g in enumerate(got):
            s = 0.0
            if e.get("title") and _title_matches(e.get("title"), g.get("title")):
                s += 2.0
            fb = _loose(e.get("first_body"))
            if fb and _loose(g.get("_first_src")).startswith(fb):
                s += 1.0
            sim[i][j] = s
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            v = max(best[i - 1][j], best[i][j - 1])
            if sim[i - 1][j - 1] > 0:
                v = max(v, best[i - 1][j - 1] + sim[i - 1][j - 1])
            best[i][j] = v
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if (
            i > 0
            and j > 0
            and sim[i - 1][j - 1] > 0
            and abs(best[i][j] - (best[i - 1][j - 1] + sim[i - 1][j - 1])) < 1e-9
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and (j == 0 or abs(best[i][j] - best[i - 1][j]) < 1e-9):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    # an unmatched expected speech next to an unmatched parsed one: compare them anyway
    merged: list[tuple[int | None, int | None]] = []
    for p in pairs:
        if merged and p[0] is None and merged[-1][1] is None and merged[-1][0] is not None:
            merged[-1] = (merged[-1][0], p[1])
        elif merged and p[1] is None and merged[-1][0] is None and merged[-1][1] is not None:
            merged[-1] = (p[0], merged[-1][1])
        else:
            merged.append(p)
    return merged


def _compare_speech(e: dict[str, Any], g: dict[str, Any], path: str, diffs: list[str]) -> None:
    if not _title_matches(e.get("title"), g.get("title")):
        diffs.append(f"{path}: title: expected {e.get('title')!r}, got {g.get('title')!r}")
    for field in ("salutation", "closing"):
        ev, gv = e.get(field), g.get(field)
        if (ev is None) != (gv is None) or _short_key(ev) != _short_key(gv):
            diffs.append(f"{path}: {field}: expected {ev!r}, got {gv!r}")
    ef, el = _loose(e.get("first_body")), _loose(e.get("last_body"))
    gf, gl = _loose(g.get("_first_src")), _loose(g.get("_last_src"))
    if not ef or not gf.startswith(ef):
        diffs.append(
            f"{path}: first_body: expected {e.get('first_body')!r}, "
            f"got {clean(g.get('_first_src'))[:20]!r}"
        )
    if not el or not gl.endswith(el):
        diffs.append(
            f"{path}: last_body: expected {e.get('last_body')!r}, "
            f"got {clean(g.get('_last_src'))[-20:]!r}"
        )
    _compare_outline(e.get("outline") or [], g.get("outline") or [], path + " outline", diffs)


def compare(expected: dict[str, Any], doc: Any, source: str) -> list[str]:
    """Differences between a golden ``expected.json`` dict and a parse of ``source``."""
    diffs: list[str] = []
    exp = [s for s in expected.get("speeches") or [] if isinstance(s, dict)]
    got = project(doc, source)
    if len(exp) != len(got):
        diffs.append(f"speeches: count: expected {len(exp)}, got {len(got)}")
    for ei, gi in _align_speeches(exp, got):
        if ei is None and gi is not None:
            g = got[gi]
            diffs.append(
                f"speech[{gi + 1}]: unexpected speech: expected none, got title "
                f"{g.get('title')!r} starting {g.get('first_body')!r}"
            )
            continue
        if ei is None:
            continue
        e = exp[ei]
        path = f"speech[{ei + 1}] {e.get('title')!r}"
        if gi is None:
            diffs.append(f"{path}: missing speech: expected it, got none")
            continue
        _compare_speech(e, got[gi], path, diffs)
    for noise in expected.get("noise") or []:
        key = norm(noise)
        if not key:
            continue
        for si, g in enumerate(got):
            for where, text in g["_texts"]:
                if key in norm(text):
                    diffs.append(
                        f"speech[{si + 1}].{where}: noise leaked: expected no {noise!r}, "
                        f"got {clean(text)[:40]!r}"
                    )
    return diffs


# --------------------------------------------------------------------------- cases


def load_case(folder: Path) -> tuple[str, dict[str, Any]]:
    """(input text, expected dict) of one fixture folder; the text is read like a file."""
    text = (folder / "input.txt").read_text(encoding="utf-8")
    expected: dict[str, Any] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return text, expected


def main(argv: list[str]) -> int:
    import speechparse

    bad = 0
    for arg in argv:
        folder = Path(arg)
        text, expected = load_case(folder)
        diffs = compare(expected, speechparse.parse(text), text)
        print(f"== {folder.name}: {len(diffs)} difference(s)")
        for d in diffs:
            print("  " + d)
        bad += bool(diffs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
