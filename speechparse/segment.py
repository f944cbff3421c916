"""Page → its speeches (title, salutation, greeting, body lines, closing) and removed chrome.

Everything here is decided from the form of lines: position, length, punctuation, repetition
and the general vocabulary of web pages (classify.py) — never from one site's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .classify import (
    COLON_ENDS,
    COLONS,
    ad_line,
    byline,
    chat_sender,
    chrome_kind,
    collection_header,
    dated_salutation,
    end_mark,
    glued_title,
    greeting_lead,
    holds_sentence,
    line_form,
    name_label,
    names_audience,
    other_voice,
    picture_line,
    preamble,
    salutation_greeting,
    salutation_lead,
    salutation_text,
    speaker_label,
    speech_title_words,
    stage_tail,
    title_like,
    wordless,
)
from .lines import SENTENCE_END, Line, full_line, may_go_on, wrap_width
from .markers import Found, opening
from .normalize import simplify, squash
from .numerals import ascii_to_int, cn_to_int

_HEAD_TITLE_LINES = 3
_COLLECTION_N = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
#: STEM(一) / STEM（1） / STEM 篇1 / STEM1 — a per-speech title with a running number at the end
_SUFFIX_TITLE_RE = re.compile(
    r"^(?P<stem>.{2,48}?)\s{0,3}(?:[(（【\[]\s{0,2}(?:篇|范文|範文|例文|材料)?\s{0,2}(?P<a>"
    + _COLLECTION_N
    + r")\s{0,2}[)）】\]]|(?:篇|范文|範文|例文)\s{0,2}(?P<b>"
    + _COLLECTION_N
    + r")|(?P<c>[0-9０-９]{1,2}))$"
)
#: 【篇一】STEM / 篇一：STEM / 范文1 STEM / 第一篇 STEM
_PREFIX_TITLE_RE = re.compile(
    r"^(?:[【\[〔]\s{0,2}(?:篇|范文|範文)\s{0,2}(?P<a>" + _COLLECTION_N + r")\s{0,2}[】\]〕]"
    r"|(?:篇|范文|範文)\s{0,2}(?P<b>" + _COLLECTION_N + r")\s{0,2}[：:、.．]?"
    r"|第\s{0,2}(?P<c>" + _COLLECTION_N + r")\s{0,2}篇\s{0,2}[：:、.．]?)\s{0,3}(?P<stem>.{0,50})$"
)
#: what a bare label may add in brackets: 范文一（完整版）
_QUALIFIER_RE = re.compile(r"[（(【\[][^）)】\]]{1,10}[）)】\]]")
_NUMBERED_TITLE_LAST = ")）】]0123456789０１２３４５６７８９一二三四五六七八九十"
_NUMBERED_TITLE_FIRST = "【[〔篇范範第"
_SUBTITLE_RE = re.compile(r"^(?:——|—|－－|--|──)")
_TITLE_NUMBERS = frozenset(("ar_dun", "ar_dot", "cn_dun", "paren_cn", "paren_ar"))
_SPEECH_ENDS = frozenset("话話辞辭词詞言讲講稿")  # the last character of _NUMBERED_SPEECH_RE
#: a numbered line that names a speech (1、在全县…会议上的讲话): a title in a collection
_NUMBERED_SPEECH_RE = re.compile(
    r"(?:上的|上之|的)(?:讲话|講話|致辞|致辭|致词|致詞|发言|發言|讲话稿|講話稿|演讲|演講)$"
)
_FOOTNOTE_START_RE = re.compile(
    r"^(?:注释|註釋|注解|脚注|腳註|参考文献|參考文獻|参考资料|參考資料|附件|附录|附錄|附表|附|注|註)"
    r"\s{0,2}(?:[:：]|[0-9０-９]|$)"
)
_FOOTNOTE_FIRST = frozenset("注註脚腳参參附")


def _footnote_start(compact: str) -> bool:
    """A short line that opens notes, references or attachments (注释：, 参考文献, 附件1)."""
    return (
        compact[0] in _FOOTNOTE_FIRST
        and (len(compact) <= 30 or (len(compact) <= 60 and compact.startswith(_ATTACHED)))
        and _FOOTNOTE_START_RE.match(compact) is not None
    )


_ATTACHED = ("附件：", "附件:")  # 附件：1.2024年…统计表: a 公文's list, its first item on the line


_TOC_LABEL_RE = re.compile(
    r"^(?:本文|文章)?(?:目\s{0,3}录|目\s{0,3}錄|提\s{0,2}纲|提\s{0,2}綱|目次|大纲|大綱)\s{0,2}[:：]?$"
)
_NEXTPAGE_RE = re.compile(
    r"^\[?NextPage\]?$|^第\s{0,2}\d{1,3}\s{0,2}[页頁](?:\s{0,2}[，,/／]?\s{0,2}共\s{0,2}\d{1,3}\s{0,2}[页頁])?$"
    r"|^下一[页頁]$|^上一[页頁]$|^[—\-－–─一]{1,2}\s{0,2}\d{1,3}\s{0,2}[—\-－–─一]{1,2}$"
    r"|^\d{1,3}\s{0,2}/\s{0,2}\d{1,3}$"  # a document viewer's page counter: 2/8
    r"|^[【\[]第\s{0,2}\d{1,3}\s{0,2}[张張页頁][】\]]$"  # a scan's page or photo: 【第2张】
)
#: a running footer: a document's or a unit's name, then the page of so many
_FOOTER_PAGE_RE = re.compile(
    r"[^\s，,。；;！!？?]{2,24}\s{0,4}第\s{0,2}\d{1,3}\s{0,2}[页頁][，,/／]?\s{0,2}共\s{0,2}\d{1,3}\s{0,2}[页頁]"
)
_PAGE_LAST = frozenset("]e页頁—-－–─一】0123456789")  # how a page counter's line ends


def page_counter(compact: str) -> bool:
    """A page's counter or break alone on its line ([NextPage], 第2页, — 3 —, 2/8, 【第2张】,
    …管理部 第2页 共6页)."""
    last = compact[-1:]
    return last in _PAGE_LAST and (
        _NEXTPAGE_RE.match(compact) is not None
        or (last in "页頁" and _FOOTER_PAGE_RE.fullmatch(compact) is not None)
    )


_BODY_MIN = 16
_SALUTATION_MAX = 64  # a salutation's line, greeting included
_ADDRESSEES_MAX = 64  # one line of a salutation (spread over lines, or over a greeting)
_SALUTATION_LINES = 4  # lines a salutation may be spread over
_FRAGMENT_MAX = 16  # a title broken over lines: its fragments are this short
_HEAD_TITLE_MAX = 40
#: a title's last line that says who speaks, under the occasion: 會長梁國華致辭
_WHO_SPEAKS_RE = re.compile(r"[^\W\d_A-Za-z]{2,10}(?:致辞|致辭|致词|致詞|讲话|講話|发言|發言)")
_TITLE_TAIL_STARTS = (
    "上的",
    "上講話",
    "上讲话",
    "的讲话",
    "的講話",
    "的致辞",
    "的致辭",
    "的发言",
    "的發言",
)


@dataclass
class SpeechPlan:
    """Where one speech lies, by line index into the page's lines."""

    first: int  # first line of the speech (its title, or what opens it)
    end: int  # one past its last line (before the next speech)
    title: list[int] = field(default_factory=list)
    title_len: int = 0  # >0: the title opens line `title[0]` (run into the body) and is this long
    subtitle: int | None = None
    date: int | None = None
    speaker: int | None = None
    speaker_from: int = 0  # >0: the name starts after this many compact characters (主讲人：)
    speaker_to: int = 0  # >0: … and ends after this many (以下是行政长官张三今日…致辞全文：)
    date_from: int = 0  # >0: the date starts after this many compact characters (张三（…日）)
    salutation: int | None = None
    salutation_to: int | None = None  # the last line of a salutation spread over lines
    salutation_len: int = 0  # >0: the salutation opens line `salutation` and is this long
    salutation_from: int = 0  # >0: the salutation starts after this many compact characters
    greeting: int | None = None
    greeting_len: int = 0  # >0: the greeting ends this many compact characters into its line
    # (it opens it, or follows the salutation there), body text after it
    closing: int | None = None
    closing_at: int = 0  # the closing starts at this offset of line `closing`
    closing_to: int | None = None  # the line a wrapped page carried its end to (谢谢⏎大家！)
    closing_end: int = 0  # >0: the closing ends at this offset (谢谢大家！ before （掌声）)
    body: list[int] = field(default_factory=list)


@dataclass
class Segmentation:
    speeches: list[SpeechPlan]
    removed: list[tuple[int, int, str]]  # (first line, last line, kind), runs of lines


#: a page's front matter (a blog's export: title: …, date: …, tags: up to a --- line)
_FRONT_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,30}:(?:\s|$)")
_FRONT_MATTER_MAX = 30  # lines


def _front_matter(lines: list[Line]) -> int:
    """Index of the ``---`` line that closes front matter at the top of the page, or -1."""
    k = 1 if lines and lines[0].compact == "---" else 0
    if k >= len(lines) or not _FRONT_KEY_RE.match(lines[k].text):
        return -1
    for i in range(k + 1, min(len(lines), k + _FRONT_MATTER_MAX)):
        t = lines[i].text
        if t in ("---", "..."):
            return i
        if not (_FRONT_KEY_RE.match(t) or t.startswith("- ") or lines[i].indent):
            return -1
    return -1


_HANDS_OVER_RE = re.compile(r"全文|如下")  # a report's lead hands over to the speech
_HEAD_SCAN = 8  # lines between a title and its body read as the speech's head
_WRAPPED_LINES = 4  # lines of a wrapped line of furniture looked up for its kind


class _Page:
    """Per-line facts computed once, on demand."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.front = _front_matter(lines)  # lines up to it are the page's metadata
        self._chrome: list[str | bool | None] = [False] * len(lines)  # False: not looked up
        self._first_seen: dict[str, int] | None = None
        self.repeats: dict[str, int] = {}  # key → how often it stands (with first_seen)
        self._width: int | None = None
        #: a speech's first line → the line its salutation opens, under a news lead that
        #: announces it (…全文如下：); the lead is removed
        self.leads: dict[int, int] = {}

    @property
    def first_seen(self) -> dict[str, int]:
        """Key of every title-like line of at most FRAGMENT_MAX characters → where it first
        stands (only such lines are looked up: a title fragment is that short)."""
        if self._first_seen is None:
            seen: dict[str, int] = {}
            counts: dict[str, int] = {}
            for i, ln in enumerate(self.lines):
                if len(ln.compact) <= _FRAGMENT_MAX and title_like(ln.compact):
                    key = simplify(ln.compact)
                    seen.setdefault(key, i)
                    counts[key] = counts.get(key, 0) + 1
            self._first_seen, self.repeats = seen, counts
        return self._first_seen

    @property
    def width(self) -> int:
        """The width the page was wrapped at (wrap_width), found when first asked for."""
        if self._width is None:
            self._width = wrap_width(self.lines)
        return self._width

    def runs_on(self, i: int) -> bool:
        """Is line ``i`` a full line of a wrapped page whose sentence goes on below it
        (按照会议安排，…谈几 ⏎ 点体会。)?  Body text, then, not a title; a title the page broke
        goes on in a short line with no sentence end."""
        if i + 1 >= len(self.lines) or self.lines[i + 1].gap:
            return False
        if not may_go_on(self.lines[i]):  # the page's width is found only if it may matter
            return False
        nxt = self.lines[i + 1]
        return full_line(self.lines[i], self.width) and (
            nxt.compact.endswith(SENTENCE_END) or full_line(nxt, self.width)
        )

    def cut_above(self, i: int) -> bool:
        """Is line ``i`` the rest of the line above, a full line of a wrapped page that no
        sentence end closes (…安全生产形势持续稳 ⏎ 定向好)?"""
        if i == 0 or self.lines[i].gap or not may_go_on(self.lines[i - 1]):
            return False
        return full_line(self.lines[i - 1], self.width)

    def chrome(self, i: int) -> str | None:
        kind = self._chrome[i]
        if kind is False and i <= self.front:
            kind = self._chrome[i] = "metadata"
        elif kind is False:
            ln = self.lines[i]
            kind = self._chrome[i] = (
                chrome_kind(ln.text, ln.compact)
                if len(ln.text) <= 200
                else "chrome"
                if picture_line(ln.compact)
                else None
            )
            c = ln.compact
            if kind is None and ln.short and page_counter(c):
                kind = self._chrome[i] = "pagination"  # 第2页 共6页: a page's counter
        return kind  # type: ignore[return-value]

    def mark(self, a: int, b: int, kind: str) -> None:
        """Lines ``a`` to ``b`` are furniture of ``kind``, whatever they read as alone."""
        self._chrome[a : b + 1] = [kind] * (b + 1 - a)

    def marker(self, i: int) -> bool:
        return opening(self.lines[i]) is not None

    def salutation(self, i: int) -> bool:
        """A salutation line; one that names no audience only right under a title line."""
        ln = self.lines[i]
        if (
            len(ln.text) > _SALUTATION_MAX
            or salutation_text(ln.compact) is None
            or _TOC_LABEL_RE.match(ln.compact)
            or self.chrome(i) is not None
        ):
            return False
        if names_audience(ln.compact):
            return True
        nxt = (
            i + 1 < len(self.lines)
            and names_audience(self.lines[i + 1].compact)
            and (salutation_text(self.lines[i + 1].compact) is not None)
        )
        return i > 0 and self.title_candidate(i - 1) and not nxt

    def addressees(self, i: int) -> bool:
        """A line of a salutation spread over lines, before its last: addressees and a comma
        (尊敬的各位领导、各位来宾，)."""
        ln = self.lines[i]
        c = ln.compact
        return (
            c.endswith(("，", ",", "、"))
            and len(c) <= _ADDRESSEES_MAX
            and names_audience(c)
            and salutation_text(c[:-1] + "：") is not None
            and self.chrome(i) is None
        )

    def salutation_last(self, i: int) -> int:
        """The last line of the salutation that line ``i`` opens with addressees and a comma
        (尊敬的王书记，⏎尊敬的各位领导、各位来宾，⏎亲爱的老师们、同学们：), or ``i``."""
        k = i
        while k < i + _SALUTATION_LINES - 1 and k + 1 < len(self.lines) and self.addressees(k):
            k += 1
        if k > i and self.lines[k].compact.endswith(COLON_ENDS) and self.salutation(k):
            return k
        return i

    def salutation_at(self, i: int) -> int:
        """The last line of a salutation that opens at line ``i``, or -1."""
        last = self.salutation_last(i)
        return last if last > i or self.salutation(i) else -1

    def salutation_first(self, i: int) -> int:
        """The first line of the salutation whose last line is ``i``."""
        k = i
        while k > i - _SALUTATION_LINES + 1 and k > 0 and self.addressees(k - 1):
            k -= 1
        return k

    def comma_salutation(self, i: int) -> bool:
        """An addressee line that ends with a comma, a greeting under it (亲爱的同学们，⏎
        大家早上好！)."""
        return (
            i + 1 < len(self.lines)
            and self.lines[i].compact.endswith(("，", ","))
            and self.addressees(i)
            and line_form(self.lines[i + 1].compact) == "greeting"
        )

    def title_candidate(self, i: int) -> bool:
        ln = self.lines[i]
        return (
            ln.short
            and title_like(ln.compact)
            and (not self.marker(i) or _numbered_speech(ln, ln.compact) is not None)
            and self.furniture(i) is None
            and line_form(ln.compact) is None
            and not collection_header(ln.compact)
            and not self.runs_on(i)
            and not self.under_addressees(i)
        )

    def under_addressees(self, i: int) -> bool:
        """Does line ``i`` stand right under a line that addresses the audience and ends
        with a colon (…同志们：)?  What follows a salutation is speech, never a title."""
        c = self.lines[i - 1].compact if i > 0 else ""
        return c.endswith(COLON_ENDS) and names_audience(c)

    def body_like(self, i: int) -> bool:
        ln = self.lines[i]
        return len(ln.compact) >= _BODY_MIN and self.furniture(i) is None

    def furniture(self, i: int) -> str | None:
        """The chrome kind of line ``i``, or of the line above when ``i`` is the rest of it
        on a wrapped page (…供大家参考 ⏎ 借鉴，希望…。); a line that runs on into a
        disclaimer's or an intro's words is part of it (1、当您付费…只能用 ⏎ 于自身使用，…)."""
        kind = self.chrome(i)
        if kind is not None:
            return kind
        k = i
        while k > 0 and i - k < _WRAPPED_LINES and self.runs_on(k - 1):
            k -= 1
            if (kind := self.chrome(k)) is not None:
                return kind
        kind = self.chrome(i + 1) if self.runs_on(i) else None
        # …市长林海涛主持 ⏎ 会议。现将讲话全文编发如下，…: a report's lead (not a speaker's
        # 供大家参考)
        if kind == "disclaimer" or (
            kind == "intro" and _HANDS_OVER_RE.search(self.lines[i + 1].compact)
        ):
            return kind
        return None


_ROLE_RE = re.compile(
    r"书记|書記|市长|市長|省长|省長|县长|縣長|区长|區長|局长|局長|校长|校長|院长|院長|主任|部长|部長|"
    r"主席|同志|董事长|董事長|总经理|總經理|总裁|總裁|理事长|理事長|秘书长|秘書長|教授|代表|厅长|廳長|"
    r"长官|長官"
)


#: a unit that speaks (交流发言 by 青山镇党委): the end of its name
_UNIT_RE = re.compile(
    r"(?:党委|黨委|党组|黨組|党支部|黨支部|政府|委员会|委員會|办公室|辦公室|公司|集团|集團|"
    r"中学|中學|小学|小學|大学|大學|学院|學院|医院|醫院|协会|協會|街道|社区|社區)$"
)


def _speaker_like(page: _Page, i: int) -> bool:
    """A short name line (``市长 张三``, ``XX同志``, ``青山镇党委``) between a title and the
    salutation."""
    ln = page.lines[i]
    c = ln.compact
    if byline(c):
        return page.chrome(i) is None
    titled = _titled_name(ln)
    role = titled or _ROLE_RE.search(c) is not None or _UNIT_RE.search(c) is not None
    return (
        # 市委常委、组织部部长 ×××; （…分公司焊接高级技师　张海涛）
        (len(c) <= 12 or (role and len(c) <= 20) or (titled and len(c) <= _HEAD_TITLE_MAX))
        and title_like(c)
        and not speech_title_words(c)
        and page.chrome(i) is None
        and not page.marker(i)
        and (len(c) <= 4 or len(c) < len(ln.text) or role or _names(c))
    )


_NAME_RE = re.compile(r"[^\W\d_A-Za-z]{2,3}")  # (no CJK range: cheaper to compile)
#: how the names of posts end (局长, 总规划师, 调研员, 书记, 主任, 主席, 经理, 总监, 总裁)
_POST_END = tuple("长長师師员員记記任席理监監官裁班级級")  # …班: a pupil's class


def _titled_name(ln: Line) -> bool:
    """A post and a personal name set apart by a space (市规划局总规划师　陈立群), in
    brackets maybe."""
    parts = ln.text.strip().strip("（）()").split()
    return (
        len(parts) >= 2
        and _NAME_RE.fullmatch(parts[-1]) is not None
        and parts[-2].endswith(_POST_END)
    )


def _names(compact: str) -> bool:
    """A list of two or more personal names (张三、李四、王五): several speakers."""
    parts = compact.split("、")
    return len(parts) >= 2 and all(_NAME_RE.fullmatch(p) for p in parts)


def _numbered_title(page: _Page, i: int) -> tuple[tuple[str, str], int] | None:
    """(group, number) of a line that reads as one title of a collection, else None.

    Suffix titles (XX(一), XX 篇2, XX3) group by their stem; prefix titles (【篇一】XX, 范文1)
    form one group.
    """
    ln = page.lines[i]
    c = ln.compact
    if c[-1] in "：:":
        c = c.rstrip("：:")  # a label may end with a colon: 范文1：
    if not c or len(ln.text) > 64:
        return None
    if (found := _numbered_speech(ln, c)) is not None:
        return ("numbered", found.info.style), found.info.ordinal  # 1、在…会议上的讲话
    if not (c[-1] in _NUMBERED_TITLE_LAST or c[0] in _NUMBERED_TITLE_FIRST):
        return None  # what the two patterns below can end or begin with
    if len(c) > 56 or (collection_header(c) and not c.endswith(("篇", ")", "）"))):
        return None
    if not title_like(c) and not c.endswith((")", "）", "】", "]")):
        return None
    for kind, rx in (("suffix", _SUFFIX_TITLE_RE), ("prefix", _PREFIX_TITLE_RE)):
        m = rx.match(c)
        if not m:
            continue
        num = m.group("a") or m.group("b") or m.group("c")
        n = ascii_to_int(num) or cn_to_int(num)
        stem = simplify(m.group("stem")) if kind == "suffix" else ""
        if n is None or (kind == "suffix" and (len(stem) < 2 or page.marker(i))):
            continue
        return (kind, stem), n
    return None


def _numbered_speech(ln: Line, compact: str) -> Found | None:
    """The number of a numbered line that names a speech (1、在…会议上的讲话), if it is one
    (``compact``: the line's compact text, its colon off maybe)."""
    if compact[-1] not in _SPEECH_ENDS or not _NUMBERED_SPEECH_RE.search(compact):
        return None
    found = opening(ln)
    return found if found is not None and found.info.style in _TITLE_NUMBERS else None


def _collection_titles(page: _Page) -> list[int]:
    """Lines that title the speeches of a collection: a shared stem and a running number."""
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i in range(len(page.lines)):
        found = _numbered_title(page, i)
        if found is not None:
            groups.setdefault(found[0], []).append((i, found[1]))
    titles: list[int] = []
    for members in groups.values():
        runs: list[list[int]] = []
        expect = 1
        for i, n in members:
            if n == 1:
                runs.append([i])
                expect = 2
            elif n == expect and runs:
                runs[-1].append(i)
                expect += 1
        for run in runs:
            # two or more, with speech text between them (adjacent lines are a list of contents)
            if len(run) >= 2 and run[-1] - run[0] >= 2 * len(run) - 1:
                titles.extend(run)
    return sorted(titles)


def _title_block(page: _Page, sal: int, floor: int) -> list[int]:
    """Title lines above salutation line ``sal`` (not above ``floor``)."""
    i = sal - 1
    speaker = None
    # subtitle, date and speaker lines sit between a title and its salutation, and a table
    # of contents may (目录 and the heading lines said again); furniture lines (a share
    # prompt, a lead, a rule of symbols) and a translation take up none of the four
    stop, reach = sal - 4, sal - _HEAD_SCAN
    while i >= floor and i >= stop:
        c = page.lines[i].compact
        if _head_furniture(page, i, len(page.lines)) is not None:  # what the head reads as such
            stop = max(stop - 1, reach)
            i -= 1
        elif _SUBTITLE_RE.match(c) or line_form(c) == "dateline":
            i -= 1
        elif speaker is None and not page.cut_above(i) and _speaker_like(page, i):
            speaker = i
            i -= 1
        elif page.marker(i) and (label := _toc_label_above(page, i, floor)) is not None:
            i, stop, reach = label - 1, label - 4, label - _HEAD_SCAN
        else:
            break
    titles: list[int] = []
    while i >= floor and len(titles) < _HEAD_TITLE_LINES and page.title_candidate(i):
        if titles and not _title_fragment(page, i, titles):
            break
        titles.insert(0, i)
        i -= 1
    if not titles and speaker is not None:  # the short line was the title after all
        titles = [speaker]
    return titles


_TOC_SPAN = 40  # lines a table of contents may take
#: an entry's leader and page number, at its line's end (……3, ·····12, ....... 5)
_TOC_LEADER_RE = re.compile(r"(?:[.．·・…]{4}|…{2})[0-9０-９]{1,3}$")
_TOC_LEADER_LINE = 120
_RUNNING = 3  # a short line standing this often is a running header, no title's part


def _toc_label_above(page: _Page, i: int, floor: int) -> int | None:
    """The 目录 line that opens a table of contents ending at line ``i``, or None."""
    for k in range(i, max(floor, i - _TOC_SPAN) - 1, -1):
        if _TOC_LABEL_RE.match(page.lines[k].compact):
            return k if k < i else None
        if not _toc_entry(page, k):
            return None
    return None


def _toc_entry(page: _Page, i: int) -> bool:
    """A line a table of contents may hold: short, no sentence in it; or any line that ends
    with a leader and a page number (一、总体要求……………3)."""
    ln = page.lines[i]
    c = ln.compact
    return _leader(page, i) or (ln.short and len(c) <= 40 and not holds_sentence(c))


def _leader(page: _Page, i: int) -> bool:
    """Does line ``i`` end with a leader and a page number (……3)?"""
    c = page.lines[i].compact
    return len(c) <= _TOC_LEADER_LINE and _TOC_LEADER_RE.search(c, len(c) - 12) is not None


def _title_fragment(page: _Page, i: int, titles: list[int]) -> bool:
    """May line ``i`` join the title lines below it as one title broken over lines?

    Only short fragments do (提高政治站位 / 强化责任担当 / …), or any line above a title's last
    words (在全市…工作会议 / 上的讲话); a page title said again, the
    last step of a breadcrumb just above said again (首页 > 新闻 > 公司动态 ⏎ 公司动态), or a
    second whole title (两个"…讲话"), stays out.
    """
    c = page.lines[i].compact
    if byline(c):
        return False
    # a title broken before its last words (在全市…工作会议 / 上的讲话) joins at any length
    below = page.lines[titles[0]].compact
    broken = (
        below.startswith(_TITLE_TAIL_STARTS)
        or _WHO_SPEAKS_RE.fullmatch(below) is not None  # 晚宴 ⏎ 會長梁國華致辭
        or (i == titles[0] - 1 and page.cut_above(titles[0]))
    )
    key = simplify(c)
    if (
        len(c) > (_HEAD_TITLE_MAX if broken else _FRAGMENT_MAX)
        or page.first_seen.get(key, i) < i
        or page.repeats.get(key, 0) >= _RUNNING  # a running header on every page
    ):
        return False
    # a title wraps with its upper lines as long as the lower ones (or nearly): a shorter
    # line above is a label (新闻与活动 / 总统发表国庆祝词)
    if 4 * len(c) < 3 * len(page.lines[titles[0]].compact):
        return False
    if any(page.lines[k].compact.endswith(c) for k in range(max(0, i - 2), i)):
        return False
    return broken or not (
        speech_title_words(c) and any(speech_title_words(page.lines[t].compact) for t in titles)
    )


def _after_closing(page: _Page, i: int) -> bool:
    """Is the line above ``i`` a closing (谢谢大家！)?"""
    return i > 0 and page.lines[i - 1].short and line_form(page.lines[i - 1].compact) == "closing"


def _after_rule(page: _Page, i: int) -> bool:
    """Is the line above ``i`` a rule of symbols (＊　＊　＊, ———) that sets texts apart?"""
    return (
        i > 0
        and len(page.lines[i - 1].compact) <= _RULE_MAX
        and wordless(page.lines[i - 1].compact)
    )


_RULE_MAX = 40


def _titled_after_closing(page: _Page, i: int) -> bool:
    """A speech title (讲话/致辞/…) right after a closing or a rule of symbols, with body
    text under it."""
    return (
        0 < i < len(page.lines) - 1
        and page.lines[i].short
        and speech_title_words(page.lines[i].compact)
        and (_after_closing(page, i) or _after_rule(page, i))
        and page.title_candidate(i)
        and page.body_like(i + 1)
        and len(page.lines[i + 1].compact) >= 30
        and page.lines[i + 1].compact.endswith((*SENTENCE_END, *COLONS))
    )


#: a speaker's label over their remarks on a 座谈会 page: 王建华（市发改委主任）：
_SPEAKER_LABEL_RE = re.compile(r"[^\W\d_A-Za-z]{2,4}[（(][^（()）]{2,24}[)）][：:]")


def _speaker_labels(page: _Page) -> list[int]:
    """Lines that each open one speaker's remarks, when a page has two or more of them."""
    labels = [
        i
        for i, ln in enumerate(page.lines)
        if ln.short and _SPEAKER_LABEL_RE.fullmatch(ln.compact) and page.chrome(i) is None
    ]
    return labels if len(labels) >= 2 else []


def _opens_speech(page: _Page, i: int) -> bool:
    """Does line ``i`` hold a salutation that may open a speech?"""
    c = page.lines[i].compact
    end = c[-1]
    if end in "，,":  # 各位来宾，⏎大家好！
        return page.comma_salutation(i)
    greeting = end in "!！。" and ("好" in c[-4:] or "安" in c[-4:])
    if greeting and salutation_greeting(c):  # 同志们：上午好！
        return page.chrome(i) is None
    return c.endswith(COLON_ENDS) and page.salutation(i)  # 同志们：(。)


_TOC_SCAN = 40  # lines at a page's top where a table of contents of its speeches may stand
_TOC_TITLE_TAIL = ("范文", "範文", "稿")  # what a speech's own title may add to its entry
_TEASER_ENDS = ("阅读全文】", "閱讀全文】", "阅读全文", "閱讀全文", "……", "...")


def _toc_key(page: _Page, i: int) -> str:
    """A table-of-contents entry's words: its number (1. 篇一：) and a 范文/稿 suffix off."""
    ln = page.lines[i]
    found = opening(ln)
    c = "".join(ln.text[found.end :].split()) if found else ln.compact
    c = _PREFIX_TITLE_RE.sub(lambda m: m.group("stem"), c) if c[:1] in "【[〔篇范範第" else c
    for tail in _TOC_TITLE_TAIL:
        c = c.removesuffix(tail)
    return simplify(c)


def _toc_titles(page: _Page) -> list[int]:
    """Lines that say again, as a speech's title, the entries of a table of contents at the
    page's top (本文目录 ⏎ 1. …开幕式致辞 ⏎ 2. …闭幕式讲话 … ⏎ 1. …开幕式致辞 ⏎ 尊敬的…),
    two or more of them, in order."""
    lines = page.lines
    label = next(
        (i for i in range(min(len(lines), _TOC_SCAN)) if _TOC_LABEL_RE.match(lines[i].compact)),
        None,
    )
    if label is None:
        return []
    keys: list[str] = []  # entries that name speeches (…致辞, …讲话), not headings
    j = label + 1  # the entries: up to the first said again (the first speech's title)
    while j < len(lines) and not page.salutation(j):
        if lines[j].compact.endswith(_TEASER_ENDS):  # an entry's excerpt: …【阅读全文】
            j += 1
            continue
        if not _toc_entry(page, j) or (key := _toc_key(page, j)) in keys:
            break
        keys.append(key)
        j += 1
    found: list[int] = []
    at = 0  # entries are met in order; an entry's excerpt line (…【阅读全文】) is skipped
    for i in range(j, len(lines)):
        if lines[i].short and (key := _toc_key(page, i)) in keys[at:] and speech_title_words(key):
            found.append(i)
            at = keys.index(key, at) + 1
    return found if len(found) >= 2 else []


def _generic_labels(page: _Page, titled: list[int]) -> bool:
    """Do the collection's labels all say one name after their numbers (范文一：XX讲话稿,
    范文二：XX讲话稿)?  Then they are labels, each speech's own title is under them."""
    stems = set()
    for i in titled:
        m = _PREFIX_TITLE_RE.match(page.lines[i].compact)
        if m is None:
            return False
        stems.add(simplify(m.group("stem")))
    return len(titled) >= 2 and len(stems) == 1


def _find_starts(page: _Page) -> list[tuple[int, list[int]]]:
    """(first line, title lines) of every speech, in page order."""
    lines = page.lines
    starts: dict[int, list[int]] = {}
    titled = _collection_titles(page) or _toc_titles(page)
    labels = [] if titled else _speaker_labels(page)  # a 座谈会 page: one per speaker
    titled = titled or labels
    # a page that announces several speeches (XX(精选3篇)) may run them on untitled
    collection = bool(titled) or any(
        ln.short and collection_header(ln.compact) for ln in lines[: min(len(lines), 12)]
    )
    generic = _generic_labels(page, titled)
    for i in titled:
        # a bare label (范文1, 【篇二】), or one that says the collection's name again
        # (范文一：XX讲话稿, 范文二：XX讲话稿), titles the speech only when no title line follows
        label = _PREFIX_TITLE_RE.match(lines[i].compact)
        bare = label is not None and (
            generic or not label.group("stem") or _QUALIFIER_RE.fullmatch(label.group("stem"))
        )
        starts[i] = [i + 1] if bare and i + 1 < len(lines) and page.title_candidate(i + 1) else [i]
    coll_set = set(titled)
    last_start = -1
    for i, ln in enumerate(lines):
        if i in coll_set:
            last_start = i
            continue
        if ln.short and _titled_after_closing(page, i):  # 谢谢大家！ then the next title
            starts[i] = [i]
            last_start = i
            continue
        if len(ln.text) > _SALUTATION_MAX or not _opens_speech(page, i):
            continue
        # a salutation just below a collection title belongs to that speech
        if (
            last_start >= 0
            and i - last_start <= 4
            and all(
                page.title_candidate(k) or not page.body_like(k) for k in range(last_start + 1, i)
            )
        ):
            continue
        top = page.salutation_first(i)
        titles = _title_block(page, top, last_start + 1)
        if not titles and last_start >= 0 and not _after_closing(page, i) and not collection:
            continue  # "同志们：" inside a speech opens no new one without a title or a closing
        starts[titles[0] if titles else top] = titles
        last_start = i
    if not starts:
        return _single_start(page, len(lines), frm=_announcement(page) + 1)
    ordered = sorted(starts.items())
    # speech text before the first start found: a speech of its own (its start was missed),
    # unless it announces the speech (…全文如下：): a news lead under the speech's title
    first, titles = ordered[0]
    before = _single_start(page, first, strict=True)
    if before and not titles and before[0][1] and _announces(page, first):
        page.leads[before[0][0]] = first
        return before + ordered[1:]
    if before and titles and _announces(page, titles[0]):
        return ordered  # a blog's own prose, then …致詞全文： above the speech's title
    if before and ((not before[0][1] and collection) or labels):
        return ordered  # untitled text above a collection's first speech: the page's blurb
    if before and _lead_only(page, before[0][0], first):
        return ordered  # a headline and a lead that hands over: 现将…讲话整理如下。
    return before + ordered


_HANDS_OVER = ("如下。", "如下：", "如下:")


def _lead_only(page: _Page, a: int, b: int) -> bool:
    """Are lines ``[a, b)`` a headline and a lead of a few lines that hands over to the
    speeches below (…现将典礼上的讲话整理如下。)?"""
    prose = [k for k in range(a, b) if page.body_like(k)]
    return 0 < len(prose) <= _HEAD_BLURB_LINES and page.lines[prose[-1]].compact.endswith(
        _HANDS_OVER
    )


def _announces(page: _Page, i: int) -> bool:
    """Does an intro line that ends with a colon (…致辞全文如下：) stand right above line ``i``?"""
    k = i - 1
    while k >= 0 and page.chrome(k) == "chrome":
        k -= 1
    return k >= 0 and page.chrome(k) == "intro" and page.lines[k].compact.endswith(COLONS)


#: an intro line that announces the text of a speech below it (以下是原文：, 讲话全文如下：)
_ANNOUNCE_RE = re.compile(r"全文|原文|实录|實錄")
_ANNOUNCE_WITHIN = 30  # lines from the top of the page


def _announcement(page: _Page) -> int:
    """The line near the top of a page that announces the speech below it after the page's
    own prose (a blog post quoting an address), or -1."""
    for i in range(min(len(page.lines), _ANNOUNCE_WITHIN)):
        c = page.lines[i].compact
        if c.endswith(COLONS) and page.chrome(i) == "intro" and _ANNOUNCE_RE.search(c):
            return i
    return -1


def _single_start(
    page: _Page, n: int, strict: bool = False, frm: int = 0
) -> list[tuple[int, list[int]]]:
    """The speech that starts before line ``n`` (from line ``frm`` on) with no collection
    title or salutation.

    It opens at its first body paragraph (or the title lines right above it).  On a page
    with no speech starts at all (``n`` is the page length), any text that is not furniture
    opens one.
    """
    lines = page.lines
    whole_page = n == len(lines)
    ends = SENTENCE_END if strict else tuple('。！？!?；;，,：:”"')
    first_body = next(
        (
            i
            for i in range(frm, n)
            if page.body_like(i) and (lines[i].compact.endswith(ends) or page.runs_on(i))
        ),
        None,
    )
    if first_body is None:
        if not whole_page:
            return []
        if frm:  # nothing follows the announcement: read the page from its top
            return _single_start(page, n, strict)
        first = next((i for i in range(n) if page.chrome(i) is None), None)
        return [] if first is None else [(first, [])]
    titles = _title_block(page, first_body, frm)  # as above a salutation
    if not titles:  # the page title: the last title-like line before the body naming a speech
        for k in range(first_body - 1, frm - 1, -1):
            if page.title_candidate(k) and speech_title_words(lines[k].compact):
                # a subtitle (——在…的讲话) names the speech: the title stands above it
                sub = _SUBTITLE_RE.match(lines[k].compact) and k and page.title_candidate(k - 1)
                titles = [k - 1] if sub else [k]
                break
    return [(titles[0] if titles else first_body, titles)]


def _head(
    page: _Page, plan: SpeechPlan, removed: list[tuple[int, int, str]], start: int | None = None
) -> int:
    """Fill subtitle/date/speaker/salutation/greeting; return the first body line.

    The head is read from ``start`` (by default the line under the title).  Page furniture
    between the title and the salutation (a date/source line) is removed.
    """
    lines = page.lines
    first = i = ((plan.title[-1] + 1) if plan.title else plan.first) if start is None else start
    end = plan.end
    extra = 0  # furniture lines take up none of the head's reach (up to twice as far)
    under = plan.title[-1] + 1 if plan.title else -1
    cut = 0  # furniture lines removed right under the title, none else between
    while i < end and i < first + _HEAD_SCAN + extra:
        c = lines[i].compact
        if plan.salutation is None and (dash := _SUBTITLE_RE.match(c)) and plan.subtitle is None:
            _dashed_line(plan, i, c, dash.end())
        elif (
            plan.salutation is None
            and plan.date is None
            and (line_form(c) == "dateline" or _name_and_date(plan, i, c))
        ):
            plan.date = i
        elif (
            plan.salutation is None
            and (to := page.salutation_at(i)) >= 0
            and not (
                to == i and salutation_greeting(c)  # 各位贵宾，大家好：
            )
        ):
            i = _salute(plan, i, to, c)
        elif plan.salutation is None and plan.date is None and (n := dated_salutation(c)):
            plan.date = plan.salutation = i  # (2006年8月30日)同志们：
            plan.salutation_from = n
        elif plan.salutation is None and (n := salutation_lead(c)):
            _lead(plan, i, c, n)
            return i
        elif plan.salutation is None and i + 1 < end and page.comma_salutation(i):
            plan.salutation = i  # 亲爱的同学们，⏎大家早上好！
        elif plan.salutation is None and (found := _salutation_and_greeting(c)):
            # 亲爱的同学们，大家早上好！ — salutation and greeting on one line (after a
            # transcript's 韩志斌：谢谢主持人！), the body maybe after them (…好！今天…)
            p, n, plan.greeting_len = found
            plan.salutation, plan.salutation_len, plan.greeting = i, p + n, i
            plan.salutation_from = p
            return i if plan.greeting_len else i + 1
        elif plan.greeting is None and (n := _greeting(c)):
            plan.greeting = i
            if n > 0:  # 早上好！我首先要感谢…: the body goes on after it
                plan.greeting_len = n
                return i
        elif plan.salutation is None and (kind := _head_furniture(page, i, end)) is not None:
            removed.append((i, i, kind))
            extra = min(extra + 1, _HEAD_SCAN)
            cut += i == under + cut
            _announced_speaker(plan, i, c, kind)
        elif plan.salutation is None and _TOC_LABEL_RE.match(c):  # a table of contents
            j = _toc_end(page, i, end)
            removed.append((i, j - 1, "toc"))
            first = i = j  # the head goes on under it
            continue
        elif (
            plan.salutation is None
            and plan.speaker is None
            and (  # a name line before the salutation, right under the title, or labelled
                _salutation_below(page, i, end)
                or (i == under + cut and _over_body(page, i + 1, end))
                or byline(c)  # 講者：林怡君（…）
            )
            and _speaker_like(page, i)
        ):
            plan.speaker, plan.speaker_from = i, byline(lines[i].compact)
        else:
            break
        i += 1
    return i


def _dashed_line(plan: SpeechPlan, i: int, compact: str, dash: int) -> None:
    """Line ``i`` under the title opens with a dash: the subtitle (——在…上的讲话), or the
    speaker's byline (——县委书记 张三)."""
    if plan.speaker is None and _byline_after_dash(compact[dash:]):
        plan.speaker, plan.speaker_from = i, dash
    else:
        plan.subtitle = i


def _byline_after_dash(rest: str) -> bool:
    """Is the text after a subtitle's dash a speaker's post and name (——县委书记 张三), not
    the occasion (——在…上的讲话)?"""
    return (
        len(rest) <= _SPEAKER_AFTER_DASH
        and not speech_title_words(rest)
        and (_ROLE_RE.search(rest) is not None or _NAME_RE.fullmatch(rest) is not None)
        and not holds_sentence(rest)
    )


_SPEAKER_AFTER_DASH = 20


def _salutation_and_greeting(compact: str) -> tuple[int, int, int] | None:
    """A salutation and its greeting opening a line: (the preamble's length, the
    salutation's, the greeting's end when the body goes on after it on the line, else 0).
    亲爱的同学们，大家早上好！ / …大家早上好！今天是开学第一天。"""
    p = preamble(compact)
    if n := salutation_greeting(compact[p:]):
        return p, n, 0
    bang = next((k for k, ch in enumerate(compact[: p + _SALUTATION_MAX]) if ch in "！!"), -1)
    if bang < 0 or bang + 1 >= len(compact):
        return None
    n = salutation_greeting(compact[p : bang + 1])
    return (p, n, bang + 1) if n else None


def _over_body(page: _Page, i: int, end: int) -> bool:
    """Does the body, or the date above it, start at line ``i`` (under a speaker's name)?"""
    return i < end and (page.body_like(i) or line_form(page.lines[i].compact) == "dateline")


_TRANSLATION_MIN = 12  # a title in another script is longer than a name (Chang)


def _translation(compact: str) -> bool:
    """A title line in another script on a Chinese page (Discurso de abertura do …)."""
    return len(compact) >= _TRANSLATION_MIN and not any(
        "\u3400" <= ch <= "\u9fff" for ch in compact
    )


def _count_in_bar(page: _Page, i: int) -> bool:
    """A number alone under a line of furniture: a count of likes or shares (举报 ⏎ 0)."""
    return page.lines[i].compact.isdigit() and i > 0 and page.furniture(i - 1) is not None


def _head_furniture(page: _Page, i: int, end: int) -> str | None:
    """The chrome kind of line ``i`` in a speech's head: furniture, or the title in another
    script (a translation) above the salutation."""
    kind = page.furniture(i)
    c = page.lines[i].compact
    if kind is None and other_voice(c, emcee_only=True) and not page.salutation(i):
        return "intro"  # the emcee's words before the speech (主持人：下面有请…)
    if kind is None and _count_in_bar(page, i):
        return "metadata"
    if kind is None and (
        (_translation(c) and (_salutation_below(page, i, end) or page.title_candidate(i - 1)))
        or _script_label(page, i)
    ):
        return "chrome"
    return kind


_LABEL_LINE_MAX = 6  # 开场白：, 结束语：


def _script_label(page: _Page, i: int) -> bool:
    """A script's label right above the salutation (开场白： ⏎ 尊敬的各位领导…：)."""
    c = page.lines[i].compact
    return (
        len(c) <= _LABEL_LINE_MAX
        and c.endswith(COLONS)
        and i + 1 < len(page.lines)
        and not names_audience(c)
        and page.salutation(i + 1)
    )


def _salutation_below(page: _Page, i: int, end: int) -> bool:
    """Does a salutation follow line ``i`` within three lines, furniture not counted
    (a date or source line, a share bar between a speaker's name and the salutation)?"""
    seen = 0
    k, stop = i + 1, min(i + _HEAD_SCAN, end - 1)
    while k < stop:
        if page.salutation(k):
            return True
        if _TOC_LABEL_RE.match(page.lines[k].compact):  # a table of contents: passed over
            k = _toc_end(page, k, end)
            stop = min(k + _HEAD_SCAN, end - 1)
            continue
        if page.furniture(k) is None:
            seen += 1
            if seen == 3:
                return False
        k += 1
    return False


#: a news lead that names who gives the speech: 以下是行政长官林郑月娥今日…致辞全文：
_LEAD_SPEAKER_RE = re.compile(
    r"(?:以下是|以下为|以下為|下面是)(?P<who>[^，,。：:（(]{2,20}?)"
    r"(?:今日|今天|昨日|昨天|日前|在|出席|於|于)"
)


_HEAD_OF_RE = re.compile(r"长官|長官|总统|總統|总理|總理|司长|司長|署长|署長")


def _announced_speaker(plan: SpeechPlan, i: int, compact: str, kind: str) -> None:
    """The speaker named by the intro line ``i`` that announces the speech's text."""
    if kind != "intro" or plan.speaker is not None:
        return
    m = _LEAD_SPEAKER_RE.match(compact)
    if m and (_ROLE_RE.search(m.group("who")) or _HEAD_OF_RE.search(m.group("who"))):
        plan.speaker, plan.speaker_from, plan.speaker_to = i, m.start("who"), m.end("who")


#: a name and the date on one line: 市长　张三　（2024年2月22日）
_NAME_DATE_RE = re.compile(r"(?P<who>[^()（）:：，,。；;！!？?]{2,16}?)[(（][^()（）]{4,24}[)）]")


def _name_and_date(plan: SpeechPlan, i: int, compact: str) -> bool:
    """Is line ``i`` the speaker's name and the date (市长张三（2024年2月22日）)?  Then it
    is the speaker's line too."""
    m = _NAME_DATE_RE.fullmatch(compact)
    if m is None or plan.speaker is not None or line_form(compact[m.end("who") :]) != "dateline":
        return False
    plan.speaker, plan.speaker_to, plan.date_from = i, m.end("who"), m.end("who")
    return True


def _salute(plan: SpeechPlan, i: int, last: int, compact: str) -> int:
    """The salutation opens at line ``i`` (``compact``) and ends at ``last``; return
    ``last``.  A transcript's name label before it (周明远：各位…) names the speaker."""
    plan.salutation = i
    if n := name_label(compact):
        plan.salutation_from = n
        if plan.speaker is None:
            plan.speaker, plan.speaker_to = i, n - 1
    if last > i:
        plan.salutation_to = last  # 尊敬的…，⏎亲爱的…：
    return last


def _lead(plan: SpeechPlan, i: int, compact: str, n: int) -> None:
    """The salutation opens line ``i`` (``n`` characters), a greeting may follow it there
    (同志们：大家好！今天…), then the body."""
    plan.salutation, plan.salutation_len = i, n
    rest = "".join(compact.split())[n:]
    g = greeting_lead(rest) or (len(rest) if line_form(rest) == "greeting" else 0)
    if g:  # 同志们：大家好！(今天…)
        plan.greeting, plan.greeting_len = i, n + g


def _toc_end(page: _Page, i: int, end: int) -> int:
    """One past the last entry of the table of contents under the 目录 line ``i``; entries
    with leaders (…………3) end at the last line that has one, page furniture aside."""
    j = i + 1
    last = j
    leaders = j < end and _leader(page, j)
    while j < end and _toc_entry(page, j) and not page.salutation(j):
        if not leaders or _leader(page, j):
            last = j + 1
        elif page.chrome(j) is None:
            break
        j += 1
    return last


def _greeting(compact: str) -> int:
    """-1: the line is a greeting (大家好！); n > 0: a greeting n characters long opens it
    and body text follows (早上好！我首先…), after a transcript's name label maybe (林教授：
    大家午安！…); 0: neither."""
    if line_form(compact) == "greeting":
        return -1
    n = speaker_label(compact)
    g = greeting_lead(compact[n:]) if n else 0
    length = n + g if g else greeting_lead(compact)
    if length and wordless(compact[length:]):
        return -1  # symbols after it are the greeting's (大家晚上好！🎉)
    return length


def _closes(ln: Line) -> bool:
    """A closing, on its line or glued to the end of the last paragraph."""
    return line_form(ln.compact) == "closing" or _glued_closing(ln.text) is not None


def _signed(page: _Page, plan: SpeechPlan, body_start: int, last: int) -> int:
    """What follows the closing: a signature (the speaker) and a date, kept in the speech
    (二〇二四年五月六日) or cut off as page furniture (2024年5月6日); return the new end."""
    lines = page.lines
    cut_date = last < len(lines) and line_form(lines[last].compact) == "dateline"
    two = last - 2 >= body_start
    if (
        two
        and plan.date is None
        and line_form(lines[last - 1].compact) == "dateline"
        and _closes(lines[last - 2])
    ):
        plan.date = last - 1  # 谢谢大家！⏎二〇二三年五月一日
        return last - 1
    if two and plan.speaker is None and _signature(page, last - 1) and _closes(lines[last - 2]):
        plan.speaker = last - 1  # 谢谢大家！⏎某某市人民政府⏎(2024年5月6日)
        if plan.date is None and cut_date:
            plan.date = last
        return last - 1
    if plan.date is None and cut_date and last - 1 >= body_start and _closes(lines[last - 1]):
        plan.date = last  # 谢谢大家！⏎(2024年5月6日)
    elif (
        cut_date
        and plan.speaker is None
        and two
        and _speaker_like(page, last - 1)
        and lines[last - 2].compact.endswith(SENTENCE_END)
    ):  # …事事如意！⏎香江集团总裁 翟美卿⏎(2023年1月21日): signed and dated, no thanks
        plan.speaker, plan.date = last - 1, last
        return last - 1
    return last


def _signature(page: _Page, i: int) -> bool:
    """A short name line under a speech (某某市人民政府, 张三): no sentence, no marker."""
    ln = page.lines[i]
    return (
        ln.short
        and len(ln.compact) <= 20
        and title_like(ln.compact)
        and not page.marker(i)
        and page.chrome(i) is None
    )


def _glued_closing(text: str) -> int | None:
    """Where a closing glued to the end of a paragraph starts (…圆满成功！谢谢大家！), or None.

    The closing is the last sentence, read by the same grammar as a closing line.
    """
    body = text.rstrip().rstrip("!！。.～~")
    cut = max(body.rfind(ch) for ch in (*SENTENCE_END, "；", ";"))
    if cut < 0 or len(body) - cut > 16:
        return None
    start = cut + 1 + len(text[cut + 1 :]) - len(text[cut + 1 :].lstrip())
    return start if line_form(squash(text[start:])) == "closing" else None


def _find_closing(page: _Page, plan: SpeechPlan, body_start: int, last: int) -> int:
    """The closing: the last line, a thanks glued to the end of the last paragraph, or one
    a wrapped page carried onto the next line; a stage direction after it (谢谢大家！
    （掌声）) is no part of it.  Return the body's new end."""
    ln = page.lines[last - 1]
    c, text = ln.compact, ln.text
    cut = stage_tail(c)
    if cut < len(c):
        text = text[: max(text.rfind("（"), text.rfind("("))].rstrip()
        plan.closing_end = len(text)
    if line_form(c[:cut]) == "closing":
        plan.closing = last - 1
        return last - 1
    if (at := _glued_closing(text)) is not None:
        plan.closing, plan.closing_at = last - 1, at
        return last
    plan.closing_end = 0
    if (at := _wrapped_closing(page, last - 1, body_start)) is not None:
        plan.closing, plan.closing_at, plan.closing_to = last - 2, at, last - 1
        return last - 1
    return last


def _wrapped_closing(page: _Page, i: int, body_start: int) -> int | None:
    """Where a closing starts on the full line above line ``i`` when the page's wrap carried
    its end to line ``i`` (…新篇章！谢谢⏎大家！), or None."""
    if i - 1 < body_start or len(page.lines[i].compact) > 8 or not page.cut_above(i):
        return None
    above = page.lines[i - 1].text
    at = _glued_closing(above + page.lines[i].text.strip())
    return at if at is not None and at < len(above.rstrip()) else None


def _same_list(page: _Page, i: int) -> bool:
    """Is line ``i`` the item before line ``i + 1`` of one numbered list (1、… then 2、…)?"""
    if i + 1 >= len(page.lines):
        return False
    a, b = opening(page.lines[i]), opening(page.lines[i + 1])
    return (
        a is not None
        and b is not None
        and a.info.style == b.info.style
        and a.info.ordinal + 1 == b.info.ordinal
    )


_NOTICE_STARTS = ("现将", "現將")
_NOTICE_RE = re.compile(r"印发|转发|印發|轉發|讲话|講話|《")
_NOTICE_LINES = 5  # a notice's text, wrapped
_ADDRESSEE_LINES = 2  # its addressee line, wrapped


def _mark_notices(page: _Page) -> None:
    """A notice that hands a speech on (各乡镇人民政府，县直各单位： ⏎ 现将《…讲话》印发给
    你们，…): its addressee and text are the page's intro, no speech's salutation and body.
    Its lines are marked so in the page's chrome, which every later step reads."""
    lines = page.lines
    starts = [i for i, ln in enumerate(lines) if ln.compact.startswith(_NOTICE_STARTS)]
    for i in starts:
        if i == 0 or not _NOTICE_RE.search(lines[i].compact):
            continue
        top = i  # the addressee above: a colon ends it, maybe wrapped over two lines
        while (
            top > 0
            and i - top < _ADDRESSEE_LINES
            and len(lines[top - 1].compact) <= _ADDRESSEES_MAX
            and not lines[top - 1].compact.endswith(SENTENCE_END)
        ):
            top -= 1
            if lines[top].compact.endswith(COLONS):
                break
        if top == i or not lines[i - 1].compact.endswith(COLONS):
            continue
        end = i  # the notice's text, to its first sentence end
        while end < min(len(lines) - 1, i + _NOTICE_LINES) and not lines[end].compact.endswith(
            SENTENCE_END
        ):
            end += 1
        page.mark(top, end, "intro")


def _tail(page: _Page, plan: SpeechPlan, body_start: int, titles: set[str]) -> int:
    """Trim chrome and notes off the end of a speech; return one past its last line."""
    end = _furniture_above(page, _end_marked(page, plan.end, body_start), body_start, titles)
    # notes, references and attachment lists after the speech; a related-articles label
    # and the titles under it, however long they are; then the furniture above them
    for k in range(max(body_start + 1, end - 40), end):
        c = page.lines[k].compact
        if (
            _footnote_start(c)
            or (c[:1] in _DISTRIBUTION_FIRST and _DISTRIBUTION_RE.match(c))  # 抄送：…
            or (len(c) <= _AFTERWORD_MAX and _afterword(c))
            or _related_block(page, k, end)
        ):
            return _furniture_above(page, k, body_start, titles)
    return end


#: a 公文's distribution line (抄送：…): the footer of the document follows it
_DISTRIBUTION_RE = re.compile(r"(?:抄送|分送|抄报|抄報|报送|報送)[:：]")
_DISTRIBUTION_FIRST = frozenset("抄分报報")
_END_MARK_REACH = 60  # lines above a speech's end where an end mark (完) is looked for


def _end_marked(page: _Page, end: int, body_start: int) -> int:
    """Where an end mark (完, - END -) cuts the speech off: what follows it is the page's
    (a press release's date and photos, other releases), unless a closing still comes."""
    lines = page.lines
    for k in range(max(body_start + 1, end - _END_MARK_REACH), end):
        if end_mark(lines[k].compact) and not any(
            line_form(lines[j].compact) == "closing" for j in range(k + 1, end)
        ):
            return k
    return end


def _announced(
    page: _Page, removed: list[tuple[int, int, str]], first: int, body_start: int
) -> bool:
    """Was the speech handed over to by a report just above it (…致词全文如下：)?  Not by a
    范文 site's blurb (…供大家参考。)."""
    return any(
        kind == "intro" and first - 3 <= b < body_start and page.lines[b].compact.endswith(COLONS)
        for _, b, kind in removed[-8:]
    )


def _sender(ln: Line) -> bool:
    return ln.short and chat_sender(ln.text, ln.compact)


def _closed_off(page: _Page, body_start: int, end: int, announced: bool) -> int:
    """Where a speech ends after its closing line: when someone else speaks below it (主持人：
    感谢…, 提问：…), or, when a news report quoted the speech (…全文如下：), where the
    report's prose goes on (謝謝大家。⏎隨後，總統…參觀…。)."""
    lines = page.lines
    window = range(max(body_start + 1, end - _END_MARK_REACH), end)
    voices = [j for j in window if _other_voice(lines[j])]
    if not voices and not announced:
        return end  # (most speeches: a first look that spares the closing's grammar)
    for k in range(end - 1, window.start - 1, -1):
        c = lines[k].compact
        if line_form(c[: stage_tail(c)]) == "closing":
            after = range(k + 1, end)
            if voices and voices[-1] > k:
                return k + 1
            prose = (page.body_like(j) and lines[j].compact.endswith(SENTENCE_END) for j in after)
            return k + 1 if announced and any(prose) else end
    return end


_VOICE_FIRST = frozenset("主司提观觀听聽记記问問答")  # what other_voice's labels open with


def _other_voice(ln: Line) -> bool:
    """A line someone other than the speaker says: a label (主持人：, 提问：) or a chat
    export's sender line."""
    c = ln.compact
    return (c[:1] in _VOICE_FIRST and other_voice(c)) or _sender(ln)


_HEAD_BLURB_LINES = 3  # body lines a page's head may hold above the speech it names


def _page_head(page: _Page, head: SpeechPlan, speech: SpeechPlan) -> bool:
    """Is ``head`` the page's title and a blurb above ``speech``, whose title the page
    title holds ([讲话稿] 镇党委书记在…大会上的讲话（求拍砖） ⏎ 刚写完的稿子… ⏎ 在…大会上的讲话)?"""
    if not head.title or not speech.title:
        return False
    lines = page.lines
    outer = simplify("".join(lines[t].compact for t in head.title))
    inner = simplify("".join(lines[t].compact for t in speech.title))
    if inner not in outer or inner == outer:
        return False
    rest = range(head.title[-1] + 1, speech.first)
    return sum(page.body_like(k) for k in rest) <= _HEAD_BLURB_LINES and not any(
        page.salutation(k) or page.marker(k) for k in rest
    )


def _emcee_frame(page: _Page, plan: SpeechPlan) -> bool:
    """Is ``plan`` no speech but the emcee's part of a ceremony's record: the emcee's lines
    (主持人：尊敬的各位领导…) and stage directions up to the next speech, under a title and
    a lead maybe?"""
    lines = page.lines
    voice = [other_voice(lines[k].compact, emcee_only=True) for k in range(plan.first, plan.end)]
    if True not in voice:
        return False
    first = voice.index(True)
    prose = [page.body_like(k) for k in range(plan.first, plan.end)]
    return sum(prose[:first]) <= _HEAD_BLURB_LINES and all(
        v or not p for v, p in zip(voice[first:], prose[first:], strict=True)
    )


def _furniture_above(page: _Page, end: int, body_start: int, titles: set[str]) -> int:
    """Walk up from ``end`` over furniture and short unpunctuated lines; return the topmost
    furniture line's index (``end`` if none)."""
    lines = page.lines
    i = end - 1
    while i >= body_start:
        ln = lines[i]
        c = ln.compact
        if (
            page.furniture(i) is not None
            or (ln.short and page_counter(c))  # a page footer after the closing
            or simplify(c) in titles
            or (end == i + 1 and _same_list(page, i))
        ):
            end = i
        elif len(c) > 30 or c.endswith(SENTENCE_END) or line_form(c):
            break
        i -= 1
    return end


_LABEL_MAX = 12  # a label line (相关推荐, 猜你喜欢)
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _label_len(compact: str) -> int:
    """The length of a label line less its translation (相關文件 Documentos relacionados)."""
    n = len(compact)
    if n <= _LABEL_MAX or n > 4 * _LABEL_MAX or not compact[-1].isascii():
        return n
    return len(_LATIN_RE.sub("", compact))


_AFTERWORD_MAX = 48  # a label's or a reply header's length at most


def _afterword(compact: str) -> bool:
    """A label over what others say after the speech, or a forum reply's header."""
    return (
        _AFTERWORD_RE.fullmatch(compact) is not None or _REPLY_HEAD_RE.search(compact) is not None
    )


#: a forum reply's header (沙发  某某  发表于 2024-2-23 22:05): the thread goes on
_REPLY_HEAD_RE = re.compile(r"(?:发表于|發表於)\d{4}[-/.年]")
#: the label over what others say after the speech: readers' comments (网友评论, 全部评论
#: （3）, 网友评论（2条）), a transcript's questions and answers (【问答环节】)
_AFTERWORD_RE = re.compile(
    r"[【\[]?(?:(?:网友|網友|读者|讀者|用户|用戶|精彩|全部|最新|热门|熱門|发表|發表)?"
    r"(?:评论|評論|留言)(?:区|區|列表)?\s{0,2}(?:[(（]\d{1,6}[条條]?[)）]|\d{1,6}[条條]?)?"
    r"|(?:现场|現場)?(?:问答|問答|互动|互動|提问|提問|答问|答問)(?:环节|環節|时间|時間|时段|時段)?)"
    r"[】\]]?[:：]?"
)


def _related_block(page: _Page, k: int, end: int) -> bool:
    """A related-articles label at line ``k`` with only titles (a question among them) and
    furniture under it."""
    c = page.lines[k].compact
    return (
        (len(c) <= _LABEL_MAX or _label_len(c) <= _LABEL_MAX)
        and page.chrome(k) == "related"
        and all(
            title_like(page.lines[j].compact.rstrip("？?！!")) or page.chrome(j) is not None
            for j in range(k + 1, end)
        )
    )


def _running_headers(page: _Page, numbers: list[int]) -> set[str]:
    """Keys of a PDF's running header: a short title-like line that stands beside a page
    number line (``numbers``) twice or more (— 1 — ⏎ 全县教育工作会议讲话)."""
    lines = page.lines
    seen: dict[str, int] = {}
    for i in numbers:
        for k in (i - 1, i + 1):
            if 0 <= k < len(lines) and lines[k].short and title_like(lines[k].compact):
                key = simplify(lines[k].compact)
                seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n >= 2}


def _cut_running_headers(
    page: _Page, plans: list[SpeechPlan], removed: list[tuple[int, int, str]]
) -> None:
    """Take a running header out of the speeches' bodies, where the page title was not
    there to tell it (it stands on every page but the first)."""
    numbers = [i for a, b, kind in removed if kind == "pagination" for i in range(a, b + 1)]
    keys = _running_headers(page, numbers) if len(numbers) >= 2 else set()
    if not keys:
        return
    lines = page.lines
    for plan in plans:
        body = []
        for i in plan.body:
            ln = lines[i]
            if ln.short and simplify(ln.compact) in keys and not page.marker(i):
                removed.append((i, i, "page_title"))
            else:
                body.append(i)
        plan.body = body


def segment(lines: list[Line]) -> Segmentation:
    """Split a page into speech plans and runs of removed lines."""
    page = _Page(lines)
    _mark_notices(page)
    starts = _find_starts(page)
    plans: list[SpeechPlan] = []
    for k, (first, titles) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        plans.append(SpeechPlan(first=first, end=end, title=titles))
    if len(plans) >= 2 and _page_head(page, plans[0], plans[1]):
        del plans[0]  # the page's title and a blurb above the speech that title names
    while len(plans) >= 2 and _emcee_frame(page, plans[0]):
        del plans[0]  # the emcee's words above the first speech (主持人：尊敬的…): the page's
    removed: list[tuple[int, int, str]] = []
    header_end = plans[0].first if plans else len(lines)
    header_titles: set[str] = set()
    _classify_run(page, 0, header_end, removed, header_titles)
    for plan in plans:
        if plan.title and plan.first < plan.title[0]:  # the label above a collection title
            removed.append((plan.first, plan.title[0] - 1, "collection_header"))
        body_start = _head(page, plan, removed)
        lead_end = page.leads.get(plan.first)
        if lead_end is not None and body_start < lead_end:
            removed.append((body_start, lead_end - 1, "intro"))
            body_start = _head(page, plan, removed, start=lead_end)
        if not plan.title and plan.salutation is None and body_start < plan.end:
            n = glued_title(lines[body_start].compact)  # 在…会议上的讲话春节刚过，…
            if n:
                plan.title, plan.title_len = [body_start], n
        title_keys = [lines[t].compact for t in plan.title]
        if plan.title_len:
            title_keys = [title_keys[0][: plan.title_len]]
        known_titles = header_titles | ({simplify("".join(title_keys))} if title_keys else set())
        known_titles |= {simplify(k) for k in title_keys}
        last = _tail(page, plan, body_start, known_titles)
        last = _closed_off(
            page, body_start, last, _announced(page, removed, plan.first, body_start)
        )
        if last < plan.end:
            _classify_run(page, last, plan.end, removed, None, tail=True)
        plan.end = last
        last = _signed(page, plan, body_start, last)
        if last > body_start:
            last = _find_closing(page, plan, body_start, last)
        _body(page, plan, body_start, last, known_titles, removed)
    _cut_running_headers(page, plans, removed)
    removed.sort()
    return Segmentation(plans, removed)


def _body(
    page: _Page,
    plan: SpeechPlan,
    start: int,
    stop: int,
    titles: set[str],
    removed: list[tuple[int, int, str]],
) -> None:
    """Body lines of a speech, less page titles repeated inside it, pagination and TOC blocks."""
    lines = page.lines
    i = start
    toc_until = -1
    while i < stop:
        ln = lines[i]
        c = ln.compact
        if i <= toc_until:
            i += 1
            continue
        if (
            (  # (a first look: most lines are no comment)
                c[-1:] in "复覆" or (i + 1 < stop and lines[i + 1].compact[-1:] in "复覆")
            )
            and (j := _comment_end(page, i, stop)) > i
        ):
            removed.append((i, j - 1, "chrome"))  # a reader's comment under a forum's floor
            i = j
            continue
        if picture_line(c):  # an image, a tag, a photo's caption: at any length
            removed.append((i, i, "chrome"))
            i += 1
            continue
        if (j := _glossary_end(page, i, stop)) > i:
            removed.append((i, j - 1, "chrome"))  # a site's box inside the text: 【名词解释】
            i = j
            continue
        if c[:1] in "(（" and c[-1:] in ")）" and page.chrome(i) == "intro":
            removed.append((i, i, "intro"))  # a note in brackets: （阿杰按：…）
            i += 1
            continue
        if ln.short:
            if page_counter(c):
                removed.append((i, i, "pagination"))
                i += 1
                continue
            if title_like(c) and simplify(c) in titles and not page.marker(i):
                removed.append((i, i, "page_title"))
                i += 1
                continue
            kind = page.chrome(i) if len(c) <= 40 or ad_line(c) else None
            if (kind in ("chrome", "disclaimer", "related") and not page.marker(i)) or _sender(ln):
                j = _card_end(page, i, stop) if kind != "disclaimer" else i + 1
                removed.append((i, j - 1, kind or "metadata"))
                i = j
                continue
            if _TOC_LABEL_RE.match(c) and i - start <= 3:
                j = _toc_end(page, i, stop)
                removed.append((i, j - 1, "toc"))
                toc_until = j - 1
                i = j
                continue
        if i != plan.closing or plan.closing_at:
            plan.body.append(i)
        i += 1


_SIGNATURE_RE = re.compile(r"签名档|簽名檔")
#: a forum comment's stamp line: its time, then the reply button (2024-1-18 20:38　回复)
_REPLY = ("回复", "回覆")
_REPLY_STAMP_RE = re.compile(r"[0-9]{1,2}:[0-9]{2}\s{0,3}(?:回复|回覆)$")
_COMMENTER_RE = re.compile(r"[^\s:：，,。；;！!？?]{1,16}[:：]")  # 青山小透明: 沙发，…


def _comment_end(page: _Page, i: int, stop: int) -> int:
    """One past a reader's comment at line ``i`` (名字: 沙发 ⏎ 2024-1-18 20:38 回复), or
    its stamp line alone; ``i`` when there is none."""
    lines = page.lines
    if not lines[i].short:
        return i
    if _stamp(lines[i].compact):
        return i + 1
    if i + 1 < stop and _stamp(lines[i + 1].compact) and _COMMENTER_RE.match(lines[i].text):
        return i + 2
    return i


def _stamp(compact: str) -> bool:
    """A comment's stamp line (2024-1-18 20:38 回复)?"""
    at = len(compact) - 12
    return compact.endswith(_REPLY) and _REPLY_STAMP_RE.search(compact, at) is not None


_CARD_LINES = 8  # lines a card of ads or recommendations holds under its label
_CARD_LINE_MAX = 30


def _card_end(page: _Page, i: int, stop: int) -> int:
    """One past a card that a label line ``i`` opens inside a speech (广告 ⏎ 云禾农业科技 ⏎
    查看详情; 猜你想看 ⏎ titles): the short lines with no sentence under a label; ``i + 1``
    under any other furniture line."""
    c = page.lines[i].compact
    if _SIGNATURE_RE.search(c):  # a forum's signature: the line under its label
        nxt = i + 1 < stop and page.lines[i + 1]
        return i + 2 if nxt and nxt.short and not page.marker(i + 1) else i + 1
    if not (
        _label_len(c) <= _LABEL_MAX
        and (page.chrome(i) == "related" or c.strip("【】[]") in ("广告", "廣告"))
    ):
        return i + 1
    j = i + 1
    while j < min(stop, i + 1 + _CARD_LINES):
        ln = page.lines[j]
        if page.marker(j) or not (
            (len(ln.compact) <= _CARD_LINE_MAX and title_like(ln.compact.rstrip("？?！!>＞")))
            or (ln.short and page.chrome(j) is not None)
        ):
            break
        j += 1
    return j


_GLOSSARY_RE = re.compile(r"[【\[]?(?:名词解释|名詞解釋)[】\]]?[:：]?")
_GLOSSARY_LINES = 4  # lines a box may hold under its label


#: the label of a box an editor put inside the text: a reminder, a tip, a link
_BOX_RE = re.compile(
    r"[【\[](?:特别提醒|特別提醒|温馨提示|溫馨提示|小贴士|小貼士|知识链接|知識鏈接|背景链接|背景鏈接|"
    r"相关链接|相關鏈接|资料链接|資料鏈接|延伸阅读|延伸閱讀)[】\]]"
)
_BOX_LINES = 8  # lines such a box may hold, up to the blank line that ends it


def _box_end(page: _Page, i: int, stop: int) -> int:
    """One past the lines of the box labelled at line ``i``: up to a blank line, or up to
    a heading of the speech's (a marker neither of the box's own list nor opening one);
    ``i + 1`` (its label alone) when neither comes within ``_BOX_LINES``."""
    lines = page.lines
    own: str | None = None  # the style of the box's own list (1. … 2. …)
    j = i + 1
    while j < min(stop, i + 1 + _BOX_LINES) and not lines[j].gap:
        found = opening(lines[j])
        if found is not None and own is None and found.info.ordinal == 1:
            own = found.info.style
        elif found is not None and found.info.style != own:
            return j
        j += 1
    return j if j < stop and lines[j].gap else i + 1


def _glossary_end(page: _Page, i: int, stop: int) -> int:
    """One past the last line of the explanatory box a website put at line ``i`` (【名词解释】
    ⏎ 术语 ⏎ its explanation, up to a blank line; 【特别提醒】 ⏎ its lines, numbered maybe,
    up to a blank line), or ``i`` when line ``i`` is no box's label.  A label with its
    explanation on its line (名词解释：林长制，指…) is the box."""
    c = page.lines[i].compact
    if c[:1] in "【[" and _BOX_RE.fullmatch(c):  # 【特别提醒】: its lines, up to a blank line
        return _box_end(page, i, stop)
    m = _GLOSSARY_RE.match(c)
    if m is None:
        return i
    if m.end() < len(c):
        return i + 1
    j = i + 1
    while j < min(stop, i + 1 + _GLOSSARY_LINES) and not page.lines[j].gap and not page.marker(j):
        j += 1
    return j


def _classify_run(
    page: _Page,
    a: int,
    b: int,
    removed: list[tuple[int, int, str]],
    titles: set[str] | None,
    tail: bool = False,
) -> None:
    """Record lines ``[a, b)`` (page header or a speech's tail) as removed, kind by kind."""
    lines = page.lines
    in_toc = False
    footnote = False
    for i in range(a, b):
        c = lines[i].compact
        kind = page.furniture(i)
        if tail and (footnote or _footnote_start(c)):
            footnote = True
            kind = "footnote"
        elif _TOC_LABEL_RE.match(c):
            in_toc = True
            kind = "toc"
        elif in_toc and (page.marker(i) or len(c) <= 40) and kind is None:
            kind = "toc"
        elif page_counter(c):
            kind = "pagination"
        elif kind != "disclaimer" and collection_header(c):
            kind = "collection_header"
        elif kind is None and byline(c):
            kind = "metadata"
        elif kind is None and lines[i].short and title_like(c):
            kind = "page_title"
        elif kind is None:
            # prose above the speeches is the page's blurb; below them, more furniture
            blurb = not tail and page.body_like(i) and c.endswith(SENTENCE_END)
            kind = "intro" if blurb else "chrome"
        if titles is not None and lines[i].short and title_like(c):
            titles.add(simplify(c))
        if removed and removed[-1][2] == kind and removed[-1][1] == i - 1:
            removed[-1] = (removed[-1][0], i, kind)
        else:
            removed.append((i, i, kind))
