"""Find outline markers: at the start of a paragraph and inside it, then keep real series only.

The scanner's patterns only say where a marker may stand; grammars/marker.lark says what it
is (classify.marker_info).  Every repetition is bounded and every pattern anchored to a
line start or to a punctuation mark, so a scan is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .classify import MarkerInfo, marker_info
from .lines import UNSEEN, Line
from .numerals import cn_to_int

_S = r"[ \t\u3000\xa0]{0,2}"
_NCN = r"[一二三四五六七八九十百零〇两兩壹贰貳叁參参肆伍陆陸柒捌玖拾廿]{1,5}"
_NAR = r"[0-9０-９]{1,3}"
_VERBS = r"[是要抓则則来來者靠看讲講]"
#: 首先 … 最后, a PDF's stray space allowed inside (首 先)
_SEQ = "|".join(
    w[0] + _S + w[1] for w in ("首先", "其次", "再次", "再者", "然后", "然後", "最后", "最後")
)
_QI = r"其" + _S + r"[一二三四五六七八九十]"  # 其一, 其 二
_ENCLOSED = r"[①-⒛㈠-㈩㊀-㊉❶-➓]|[1-9１-９]\ufe0f?\u20e3|\U0001f51f"  # and keycaps: 1️⃣ 🔟
#: a letter that is no ASCII one (a CJK character, mostly): cheaper to compile than a CJK
#: range, which costs the import a millisecond or two each time it is written
_LETTER = r"[^\W\d_A-Za-z]"
#: what follows a number that counts or dates (5 月, 3 个, 1.5亿): no heading after it
_UNITS = (
    r"[年月日时時号號点點分秒岁歲个個名位项項条條次期届屆亿億万萬千元倍吨噸亩畝户戶人家所台辆輛%％]"
)

#: a marker at the start of a paragraph (the text is already stripped)
_LINE_RE = re.compile(
    r"(?:"
    r"[(（]"
    + _S
    + r"(?:"
    + _NCN
    + "|"
    + _NAR
    + r"|[甲乙丙丁戊己庚辛壬癸]|iv|ix|vi{0,3}|x|i{1,3}|[a-zａ-ｚ])"
    + _S
    + r"[)）]"
    r"|[【〔\[]" + _S + _NCN + _S + r"[】〕\]]"
    r"|【" + _S + _NAR + _S + r"】"  # 【01】 (a bracketed digit [1] is a note's mark)
    r"|第"
    + _S
    + r"(?:"
    + _NCN
    + "|"
    + _NAR
    + r")"
    + _S
    + r"(?:章|节|節|条|條|部"
    + _S
    + r"分|编|編|[讲講](?![话話稿座])|[项項](?=[：:])|[个個]"
    + _S
    + r"(?:问题|問題|方面|部分|层次|層次|阶段|階段))"
    + _S
    + r"[：:]?"
    r"|第" + _S + _NCN + _S + r"(?:[点點]?" + _S + r"[，,、：:]|要(?![务務素求点點件]))"
    r"|" + _QI + r"[，,、：:]?"
    r"|(?:" + _SEQ + r")(?:" + _S + r"[，,、：:])?"
    r"|" + _NCN + _S + r"(?:[、､]|[.．]|[)）]|[，,：:](?!" + _NCN + r")|" + _VERBS + r")"
    # 1.1 指导思想, 2.1.1 …: numbered by levels, a heading after it (1.5亿 is a number)
    r"|" + _NAR + r"[.．]" + _NAR + r"(?:[.．]" + _NAR + r")?"
    r"(?=[ \t\u3000]|" + _LETTER + r")(?![ \t\u3000]{0,2}" + _UNITS + r")"
    r"|" + _NAR + _S + r"(?:[、､]|[.．](?![0-9０-９])|[)）])"
    # 1 总体要求: a number, a space, the heading (3 个, 5 月 are counts and dates)
    r"|[1-9１-９][0-9０-９]?(?=[ \t\u3000]{1,2}" + _LETTER + r")(?![ \t\u3000]{1,2}" + _UNITS + r")"
    # 01 回顾: a slide's number, zero-padded (01月, 05 年 are dates and counts)
    r"|[0０][1-9１-９](?=[ \t\u3000]{0,2}" + _LETTER + r")(?![ \t\u3000]{0,2}" + _UNITS + r")"
    r"|" + _ENCLOSED + r"|[Ⅰ-Ⅻ][、.．]?"
    r"|[甲乙丙丁戊己庚辛壬癸]、(?![甲乙丙丁戊己庚辛壬癸])"
    r"|[子丑醜寅卯辰巳午未申酉戌亥]、(?![子丑醜寅卯辰巳午未申酉戌亥])"
    r"|(?:Part|PART)[ \t\u3000.．]{0,2}[0-9０-９]{1,2}(?![0-9０-９.．])[：:]?"  # Part 2, PART.02
    r"|[A-ZＡ-Ｚ][.．、](?![A-Za-z0-9])"
    r"|[a-zａ-ｚ][)）]"
    r"|[lI][、．]"  # 1 as OCR reads it (l、)
    r")"
)
#: a marker inside a paragraph, just after a punctuation mark
_INLINE_RE = re.compile(
    r"(?P<punct>[。；;！!？?：:，,])"
    # most punctuation marks are followed by prose: a one-character look ahead drops them fast
    r"(?=[ \u3000]?[一二三四五六七八九十百零〇两兩壹贰貳叁參参肆伍陆陸柒捌玖拾廿"
    r"第其首然再最(（①-⒇❶-➓0-9０-９a-z及以和或])"
    # the last of a list may come after "and" (；及（三）…, ；以及③…)
    r"[ \u3000]?(?:(?:以?及|和|或)(?=[(（①-⑳⑴-⒇]))?(?P<m>"
    r"(?P<item>"
    + _NCN
    + r"(?:"
    + _S
    + r"|[。.．]"
    + _S
    + r")"
    + _VERBS
    + r"|第"
    + _NCN
    + r"(?:[点點]?[，,、：:]|要(?![务務素求点點件]))|"
    + _QI
    + r"[，,、：:]?|(?:"
    + _SEQ
    + r")[，,、：:]?)"
    r"|(?P<sec>[(（] ?(?:" + _NCN + "|" + _NAR + r"|iv|ix|vi{0,3}|x|i{1,3}|[a-z]) ?[)）]"
    r"|[①-⑳⑴-⒇❶-➓]"
    r"|[a-z][)）]"  # ：a)…；b)…
    r"|[0-9０-９]{1,2}[.．](?![0-9０-９])|[0-9０-９]{1,2}[)）])"  # ：1.…；2.… ：1）… (1.5亿 no)
    r"|(?P<head>(?:" + _NCN + "|" + _NAR + r")、)"
    r")"
)
#: what a line marker (either pattern above or below) can begin with: a first look that
#: spares the patterns most lines (tests/test_markers.py checks it against them)
LINE_FIRST_RE = re.compile(
    "[(（【〔\\[第其首然再最一二三四五六七八九十百零〇两兩壹贰貳叁參参肆伍陆陸柒捌玖拾廿"
    "0-9０-９①-⒛㈠-㈩㊀-㊉❶-➓\U0001f51fⅠ-Ⅻ甲乙丙丁戊己庚辛壬癸子丑醜寅卯辰巳午未申酉戌亥A-Za-zＡ-Ｚａ-ｚ]"
)
#: symbols set before a heading as a bullet (■ ● ◆ ▶ ★ ※ → and pictographs: 🔶 📌), one to
#: three of them, or a scan's edge read as a bar (|三、, 丨(二)); not the circled and
#: negative circled digits, which are markers
_BULLET_RE = re.compile(
    "[|｜丨\u2022\u203b\u2190-\u21ff\u2580-\u25ff\u2600-\u2775\u2794-\u27bf\u2b00-\u2bff"
    "\U0001f300-\U0001faff]{1,3}\ufe0f?[ \t\u3000\xa0]{0,2}"
)
_PAREN_NUMBER_RE = re.compile(r"[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]")
_BARE_RE = re.compile(r"(?:" + _NCN + "|" + _NAR + r")$")
#: 五、六十年代, 一、二年级: the next numeral follows on — a numeral list, not a heading
_NUMERAL_LIST_RE = re.compile(r"[一二两兩三四五六七八九十]")


def _numeral_list(ordinal: int, text: str, pos: int) -> bool:
    """Is ``N、`` at ``pos`` followed by N+1 (五、六十年代, 一、二年级, 一、兩年後)?  Not when
    N+1 opens a year written digit by digit (一、二〇二四年…)."""
    m = _NUMERAL_LIST_RE.match(text, pos)
    return (
        m is not None
        and cn_to_int(m.group()) == ordinal + 1
        and text[pos + 1 : pos + 2] not in ("〇", "○", "零")
    )


#: what follows 首先/然后/最后 inside a sentence that tells a meeting's agenda: who acts
#: next (…，首先由…，然后请…).  At a line start, a host script's steps stay a series.
_AGENDA_NEXT = ("由", "请", "請", "有请", "有請")


def _agenda(text: str, end: int) -> bool:
    """Does the sequence word ending at ``end`` announce an agenda step (首先由市长讲话)?"""
    return text.startswith(_AGENDA_NEXT, end)


@dataclass(slots=True)
class Found:
    """A marker candidate in a paragraph: ``[start, end)`` in the paragraph text.

    Never changed once made: lines that open with the same marker text share one.
    """

    start: int
    end: int
    text: str  # as written, white space (and a stray full stop before 是) taken out
    info: MarkerInfo
    inline: bool
    repaired: bool = False


#: full-width Latin letters read as ASCII ones (Ａ．, （ａ）): one grammar for both
_WIDE_LATIN = {c: c - 0xFEE0 for c in [*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def _token(raw: str) -> tuple[str, bool]:
    compact = "".join(raw.split()).translate(_WIDE_LATIN)
    if len(compact) > 2 and compact[-1] == "是" and compact[-2] in "。.．":
        return compact[:-2] + "是", True
    if compact[0] in "lI":  # l、 I． : a 1 as OCR read it
        return "1" + compact[1:], False
    return compact, False


def opening(ln: Line) -> Found | None:
    """The marker that opens line ``ln`` (looked up once per line)."""
    if ln.head is UNSEEN:
        ln.head = line_marker(ln.text)
    found: Found | None = ln.head
    return found


def line_marker(text: str) -> Found | None:
    """The marker that opens a paragraph, if any (after a bullet: ■ 第一部分, 🔶一、)."""
    if LINE_FIRST_RE.match(text):
        return _marker_at_start(text)
    bullet = _BULLET_RE.match(text)
    if bullet is None or not LINE_FIRST_RE.match(text, bullet.end()):
        return None
    at = bullet.end()
    found = _marker_at_start(text[at:])
    if found is None or found.info.style.startswith("bare_"):
        return None
    return Found(at, at + found.end, found.text, found.info, False, found.repaired)


def _marker_at_start(text: str) -> Found | None:
    """The marker that opens ``text``, which starts as one may (LINE_FIRST_RE)."""
    m = _LINE_RE.match(text) or _BARE_RE.match(text)
    if m is None:
        return None
    found = _line_found(m.group())
    if found is None:
        return None
    style = found.info.style
    if style == "cn_dun" and _numeral_list(found.info.ordinal, text, found.end):
        return None
    if style == "ar_dun" and _next_number(text, found.end) == found.info.ordinal + 1:
        return None  # 1、2月合計: months listed, no heading
    if style.startswith("paren_") and _PAREN_NUMBER_RE.match(text, found.end):
        return None  # (2)(3)两项…: numbers cited together, no heading
    if (style == "bare_cn" or style == "bare_ar") and found.end < len(text):
        # 1 总体要求: a number and a heading set apart by a space (the pattern saw to it)
        if (
            style == "bare_ar"
            and text[found.end].isspace()
            and not _CELLS_RE.search(text, found.end + 1)
        ):
            return _spaced(found.text, found.end, found.info.ordinal)
        return None  # (1　　就业增收工程　…　市人社局: a table's row, its cells set apart)
    return found


_DIGITS_RE = re.compile(r"[0-9０-９]{1,3}")  # int() reads full-width digits too


def _next_number(text: str, pos: int) -> int | None:
    """The number written in digits (ASCII or full-width) at ``pos``, if one is."""
    m = _DIGITS_RE.match(text, pos)
    return int(m.group()) if m else None


_CELLS_RE = re.compile(r"\S(?: {2,}|\u3000+)\S")  # a wide gap between two words


@lru_cache(maxsize=64)
def _spaced(token: str, end: int, ordinal: int) -> Found:
    """The marker of a heading after a space: a bare Arabic numeral ``token`` (1 总体要求)."""
    return Found(0, end, token, MarkerInfo("ar_space", ordinal, False), inline=False)


@lru_cache(maxsize=4096)
def _line_found(raw: str) -> Found | None:
    """The Found for line-start marker text ``raw`` (shared by every line opening with it)."""
    tok, _ = _token(raw)
    info = marker_info(tok)
    return None if info is None else Found(0, len(raw), tok, info, inline=False)


def inline_markers(text: str, start: int) -> list[Found]:
    """Marker candidates inside ``text`` from index ``start`` on."""
    out: list[Found] = []
    for m in _INLINE_RE.finditer(text, max(0, start - 1)):
        a = m.start("m")
        if a < start:
            continue
        if m.group("head") and m.group("punct") in "，,":
            continue  # 一、 inside a sentence (五、六十年代) only after a sentence end
        tok, repaired = _token(m.group("m"))
        info = marker_info(tok)
        if info is None or (m.group("head") and _numeral_list(info.ordinal, text, m.end())):
            continue
        if info.style == "seq" and _agenda(text, m.end()):
            continue
        out.append(Found(a, m.end(), tok, info, True, repaired))
    return _first_member(text, start, out) if out else out


#: 一 ends these words; 一要 after them is no first item (统一要求, 唯一是)
_WORD_BEFORE_ONE = frozenset("第统統唯同万萬之进進单單专專划劃归歸均逐其不")


def _first_member(text: str, start: int, found: list[Found]) -> list[Found]:
    """``found`` with the first member of a series that runs on after punctuation but opens
    straight after its subject (各部门一要…；二要…；三要…, 做到①…，②…), when a reader sees it."""
    firsts = [
        first
        for second in found
        if second.info.ordinal == 2
        and not any(f.info.style == second.info.style and f.info.ordinal == 1 for f in found)
        and (first := _first_of(text, start, second)) is not None
    ]
    return sorted([*found, *firsts], key=lambda f: f.start) if firsts else found


def _first_of(text: str, start: int, second: Found) -> Found | None:
    """The first member written before ``second`` straight after a word (…增效（一）坚持…)."""
    token = _first_written(second)
    if token is None:
        return None
    at = text.rfind(token, start, second.start)
    if at <= start:
        return None
    if token[0] == "一" and (  # 统一要求, 唯一是: 一 ends a word
        text[at - 1] in _WORD_BEFORE_ONE or not "\u4e00" <= text[at - 1] <= "\u9fff"
    ):
        return None
    info = marker_info(token)
    if info is None or info.style != second.info.style:
        return None
    return Found(at, at + len(token), token, info, inline=True)


def _first_written(second: Found) -> str | None:
    """How the first member of ``second``'s series is written: 一要 before 二要, ① before ②,
    （1） before （2）."""
    t = second.text
    if t[:1] == "二" and second.info.is_item:
        return "一" + t[-1]  # the same verb
    if t in ("②", "⑵", "❷", "➁", "➋"):
        return chr(ord(t) - 1)
    if len(t) == 3 and t[1] in "2２二" and t[0] in "(（" and t[2] in ")）":
        return t[0] + {"2": "1", "２": "１", "二": "一"}[t[1]] + t[2]
    return None
