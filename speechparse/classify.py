"""Classify marker tokens and short lines with the Lark grammars; no lark.Tree escapes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Tree
from lark.exceptions import LarkError

from .grammar import parser
from .numerals import ascii_to_int, cn_to_int

ITEM_STYLES = frozenset({"di_comma", "di_dian", "di_verb", "qi", "seq"})
_CN_SECTIONS = ("cn_dun", "cn_dot", "cn_rpar", "cn_comma")
_VERB_STYLE = {
    "是": "shi", "要": "yao", "抓": "zhua", "则": "ze", "則": "ze", "来": "lai", "來": "lai",
    "者": "zhe", "靠": "kao", "看": "kan", "讲": "jiang", "講": "jiang",
}  # fmt: skip
_SEQ_ORDINAL = {
    "首先": 1,
    "其次": 2,
    "再次": 3,
    "再者": 3,
    "然后": 3,
    "然後": 3,
    "最后": 0,
    "最後": 0,
}
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_DECIMAL_SEP_RE = re.compile(r"[.．]")
_SINGLE_CHAR_BASE = {
    "circled": 0x2460, "paren_digit": 0x2474, "dot_digit": 0x2488,
    "paren_ideo": 0x3220, "circled_ideo": 0x3280, "roman": 0x2160,
}  # fmt: skip


_GLYPH_STYLES = frozenset((*_SINGLE_CHAR_BASE, "dingbat_circled", "keycap"))


def _glyph_ordinal(style: str, token: str) -> int:
    """The number of a marker that is one glyph (①, ⑴, ❶, 1️⃣ …)."""
    if style == "dingbat_circled":  # three runs of ten: ❶…❿, ➀…➉, ➊…➓
        return (ord(token[0]) - 0x2776) % 10 + 1
    if style == "keycap":
        return 10 if token == "\U0001f51f" else int(token[0])
    return ord(token[0]) - _SINGLE_CHAR_BASE[style] + 1


@dataclass(frozen=True, slots=True)
class MarkerInfo:
    style: str
    ordinal: int  # 0 for 最后 until its series numbers it
    is_item: bool


def _number(tree: Tree[Any]) -> int | None:
    """Value of the first numeral (cn_num / ar_num / any_num) below ``tree``."""
    for sub in tree.iter_subtrees_topdown():  # type: ignore[no-untyped-call]
        if sub.data in ("n_digit", "n_teen", "n_tens", "n_hundreds", "n_twenty"):
            return cn_to_int("".join(str(t) for t in sub.scan_values(lambda _: True)))
        if sub.data == "ar_num":
            return ascii_to_int("".join(str(t) for t in sub.scan_values(lambda _: True)))
    return None


def _first_token(tree: Tree[Any], kind: str) -> str:
    for tok in tree.scan_values(lambda t: getattr(t, "type", None) == kind):
        return str(tok)
    return ""


@lru_cache(maxsize=8192)
def marker_info(token: str) -> MarkerInfo | None:
    """Style and number of a marker token (white space removed), or None if it is none."""
    try:
        tree = parser("marker").parse(token)
    except LarkError:
        return None
    style = str(tree.data)
    if style in _GLYPH_STYLES:
        ordinal: int | None = _glyph_ordinal(style, token)
    elif style == "cn_verb":
        style = "cn_" + _VERB_STYLE[_first_token(tree, "VERB") or _first_token(tree, "JIANG")]
        ordinal = _number(tree)
    elif style == "qi":
        ordinal = cn_to_int(_first_token(tree, "DIGIT"))
    elif style == "seq":
        ordinal = _SEQ_ORDINAL[_first_token(tree, "SEQ")]
    elif style in ("paren_stem", "stem_dun"):
        ordinal = _STEMS.index(_first_token(tree, "STEM")) + 1
    elif style == "branch_dun":
        ordinal = _BRANCHES.index(_first_token(tree, "BRANCH").replace("醜", "丑")) + 1
    elif style == "paren_roman":
        ordinal = _ROMAN[_first_token(tree, "LOWER_ROMAN")]
    elif style == "latin":
        ordinal = ord(_first_token(tree, "UPPER")) - 64
    elif style in ("latin_rpar", "paren_latin"):
        ordinal = ord(_first_token(tree, "LOWER")) - 96
    elif style in ("decimal2", "decimal3"):  # 2.1.3: the last number counts at its level
        ordinal = ascii_to_int(_DECIMAL_SEP_RE.split(token)[-1])
    else:
        ordinal = _number(tree)
    if ordinal is None:
        return None
    if style == "bare_ar" and len(token) == 2 and token[0] in "0０":
        style = "zero_ar"  # 01 回顾 / 02 展望: numbered like slides, a series or nothing
    is_item = style in ITEM_STYLES or (style.startswith("cn_") and style not in _CN_SECTIONS)
    return MarkerInfo(style, ordinal, is_item)


# ------------------------------------------------------------------ short lines


def _line_parser() -> Lark:
    return parser("line", ("greeting", "closing", "dateline"))


_GREETING_HINT = re.compile(r"[好安晨][!！。.~～]{0,3}$")  # …好！ …早安 …早晨
_CLOSING_HINT = re.compile(
    r"^(?:[^，,。！!]{2,8}[，,。！!])?(?:再次|最后|最後)?(?:谢谢|謝謝|感谢|感謝|多谢|多謝)"
)  # (汇报完毕，)谢谢！
_DATE_HINT = re.compile(r"年.{0,4}月")


@lru_cache(maxsize=8192)
def line_form(compact: str) -> str | None:
    """'greeting', 'closing' or 'dateline' for a short line (white space removed), else None."""
    if len(compact) > 40:
        return None
    for form, hint in (
        ("closing", _CLOSING_HINT),
        ("greeting", _GREETING_HINT),
        ("dateline", _DATE_HINT),
    ):
        if hint.search(compact):
            try:
                _line_parser().parse(compact, start=form)
            except LarkError:
                continue
            return form
    return None


_ADDRESSEE = (
    r"尊敬的|尊貴的|亲爱的|親愛的|敬爱的|敬愛的|各位|诸位|諸位|同志们|同志們|朋友们|朋友們|同学们|"
    r"同學們|老师们|老師們|女士们|女士們|先生们|先生們|来宾|來賓|嘉宾|嘉賓|领导|領導|代表|家长|"
    r"家長|战友|戰友|全体|全體|同仁|同事们|同事們|青年们|青年們|小朋友|校友"
)
_ADDRESSEE_RE = re.compile(_ADDRESSEE)
_CHAIR = frozenset(("主席", "主席先生", "主席女士", "代理主席"))
_SALUTATION_LINE_RE = re.compile(r"^[^。！？!?；;]{1,60}?[:：]$")
#: one comma-separated part of a salutation opens with an addressee word within its first
#: 12 characters (各位领导、各位来宾 / 现场各位贵宾); parts are read one by one (no pattern
#: repeats a repetition: a failed match is given up in linear time)
_SALUTATION_PART_RE = re.compile(r"[^:：。！？!?；;，,、]{0,12}?(?:" + _ADDRESSEE + r")")
_SALUTATION_PART_MAX = 72
_SALUTATION_PARTS_MAX = 8
#: a person named before the audience (主席，各位议员： / 大会主席某某院长、现场各位贵宾…)
_SALUTATION_PERSON_RE = re.compile(
    r"[^:：。！？!?；;，,、]{0,10}(?:主席|院长|院長|议长|議長|市长|市長|县长|縣長|书记|書記|"
    r"部长|部長|主任|会长|會長|校长|校長|理事长|理事長|董事长|董事長|先生|女士|阁下|閣下)[，,、]"
)
_COMMA_RE = re.compile(r"[，,]")
_PARTS_END_RE = re.compile(r"[，,：:]")  # where a salutation's addressees end
_SENTENCE_END_RE = re.compile(r"[。！？!?；;]")
_SENTENCE_WORDS_RE = re.compile(
    r"如下|以下|下面|我们|我們|我讲|我講|几点|幾點|主要|包括|就是|全文|原文|内容|內容|即[:：]"
)


_CJK_RE = re.compile(r"[^\W\d_A-Za-z]")  # a non-ASCII letter (a CJK range costs the import)
_CLAUSE_PUNCT_RE = re.compile(r"[，,。]")
COLONS = ("：", ":")  # a salutation line ends with one
_SALUTATION_LINE = 24  # a salutation's length, read before any furniture word in it
#: a line that addresses the audience and nothing else (各位网友：)
_ADDRESS_LINE_RE = re.compile(
    r"(?:(?:尊敬的|敬爱的|敬愛的|亲爱的|親愛的|各位)[^：:（()）相推]{1,20}|[^：:（()）相推]{1,12}[们們])"
    r"[：:]"
)
COLON_ENDS = (*COLONS, "：。", ":。")  # … or with one and a stray full stop


def salutation_text(compact: str) -> str | None:
    """The addressee of a salutation line (``尊敬的…：``, ``同志们：``), without its colon.

    A line that names no kind of audience (``上海同乡联谊会：``) qualifies by its form only;
    whether its place in the page makes it a salutation is for the caller to decide.
    """
    compact = compact.removesuffix("。")  # 親愛的同學們：。 (a stray full stop)
    if (
        not compact.endswith(COLONS)
        or not _SALUTATION_LINE_RE.match(compact)
        or _SENTENCE_WORDS_RE.search(compact)
    ):
        return None
    body = compact[:-1]
    if _ADDRESSEE_RE.search(body) or (
        len(body) <= 16 and _CJK_RE.search(body) and not _CLAUSE_PUNCT_RE.search(body)
    ):
        return body
    return None


#: what follows a salutation on its line: a greeting to the end (，大家早上好！)
_GREETING_TAIL_RE = re.compile(
    r"[，,：:]\s{0,2}(?:大家|各位|同学们|同學們|朋友们|朋友們)?[^，,。！!]{0,4}(?:好|早安|晚安)"
    r"[^。！!]{0,8}[!！。.：:]{0,3}"
)


def _addressees(head: str) -> bool:
    """Is ``head`` a list of addressees (what a salutation says before its colon)?  It opens
    with an addressee word (尊敬的…, 各位…) or with a person named first (主席，…)."""
    if (m := _SALUTATION_PERSON_RE.match(head)) is not None:
        head = head[m.end() :]
    elif _ADDRESSEE_RE.match(head) is None:
        return False
    parts = _COMMA_RE.split(head)
    return len(parts) <= _SALUTATION_PARTS_MAX and all(
        2 <= len(part) <= _SALUTATION_PART_MAX and _SALUTATION_PART_RE.match(part) is not None
        for part in parts
    )


#: a date in parentheses, then the rest of the line: (2006年8月30日)同志们：
_DATED_RE = re.compile(r"[(（][^()（）]{4,24}日[)）]")


def dated_salutation(compact: str) -> int:
    """``(2006年8月30日)同志们：`` — a date glued before a salutation: the date's length, or 0."""
    m = _DATED_RE.match(compact)
    if m is None or m.end() == len(compact):
        return 0
    rest = compact[m.end() :]
    return m.end() if names_audience(rest) and salutation_text(rest) is not None else 0


def salutation_greeting(compact: str) -> int:
    """``亲爱的同学们，大家早上好！``, ``同志们：上午好！``, ``各位贵宾，大家好：``: the
    salutation's length (before the comma or colon), or 0."""
    if len(compact) > 64 or ("好" not in compact[-12:] and "安" not in compact[-12:]):
        return 0  # a greeting ends the line: …好！ …早安。
    for comma in _PARTS_END_RE.finditer(compact):  # the first comma a greeting follows
        at = comma.start()
        if _GREETING_TAIL_RE.fullmatch(compact, at) and _addressees(compact[:at]):
            return 0 if _SENTENCE_WORDS_RE.search(compact, 0, at) else at
    return 0


def names_audience(compact: str) -> bool:
    """Does the line name an audience (尊敬的, 各位, 同志们, 来宾 …), or the chair alone
    (主席：, as a council's member addresses it)?"""
    return bool(_ADDRESSEE_RE.search(compact)) or compact.rstrip("：:，,") in _CHAIR


def salutation_lead(compact: str) -> int:
    """Length (in non-space characters) of a salutation that opens a longer line
    (``同志们：今天…``), or 0.  A long line's compact form keeps its spaces."""
    colon = min((i for c in COLONS if (i := compact.find(c)) >= 0), default=-1)
    if colon < 0 or colon > _SALUTATION_PARTS_MAX * (_SALUTATION_PART_MAX + 1):
        return 0
    head = compact[:colon]
    if _SENTENCE_END_RE.search(head) or _SENTENCE_WORDS_RE.search(head):
        return 0
    if head[-1:] in ("、", "，", ","):
        head = head[:-1]
    return len("".join(compact[: colon + 1].split())) if _addressees(head) else 0


_GREETING_MAX = 16  # characters a greeting that opens a body line may take
_FIRST_END_RE = re.compile(r"[!！。]")


def greeting_lead(compact: str) -> int:
    """Length (in non-space characters) of a greeting that opens a longer line
    (``早上好！我首先要感谢…``), or 0."""
    m = _FIRST_END_RE.search(compact, 0, _GREETING_MAX + 1)
    if m is None:
        return 0
    end = m.end()
    while end < len(compact) and compact[end] in "!！。":
        end += 1
    if end >= len(compact) or line_form(compact[:end]) != "greeting":
        return 0
    return len("".join(compact[:end].split()))


# ------------------------------------------------------------------ page chrome

#: phrases that only page furniture uses; one is enough on a line of any length
_CHROME_STRONG = re.compile(
    r"版权所有|版權所有|版权归|版權歸|版权属于|版權屬於|转载请|轉載請|未经授权|未經授權|免责声明|免責聲明|"
    r"未经许可不得|未經許可不得|用户自发贡献|用戶自發貢獻|自动识别生成|自動識別生成|请核对后使用|請核對後使用|开通会员|開通會員|"
    r"著作权所有|著作權所有|版权声明|版權聲明|温馨提示|溫馨提示|【下载】|【下載】|"
    r"Copyright|COPYRIGHT|All Rights Reserved|©|网站标识码|網站標識碼|主办单位|主辦單位|"
    r"主办[：:]|主辦[：:]|承办[：:]|承辦[：:]|相关新闻|相關新聞|相关链接|相關鏈接|"
    r"广告[：:]|廣告[：:]|【广告】|【廣告】|有删节|有刪節|编者按|編者按|\.docx?\b|\.pdf\b|\.wps\b|\.xlsx?\b|\.pptx?\b|\.zip\b|\.rar\b|"
    r"本站|本网|本網|侵权|侵權|客服|付费下载|付費下載|付费后|付費後|付费阅读|付費閱讀|付费查看|付費查看|付费会员|付費會員|下载文档|下載文檔|点击上方|點擊上方|设为星标|設為星標|本邮件|本郵件|【上一件】|【下一件】|点击下载|點擊下載|立即下载|立即下載|"
    r"上一篇|下一篇|上一页|下一頁|下一页|上一頁|上一则|下一则|上一則|下一則|上一条[：:]|下一条[：:]|上一條[：:]|下一條[：:]|"
    r"【上一讲】|【下一讲】|【上一講】|【下一講】|【上一期】|【下一期】|上一讲[：:]|下一讲[：:]|"
    r"上一講[：:]|下一講[：:]|上一期[：:]|下一期[：:]|相关文章|相關文章|相关推荐|相關推薦|相关阅读|相關閱讀|"
    r"猜你喜欢|猜你喜歡|推荐访问|推薦訪問|推荐阅读|推薦閱讀|热门文章|熱門文章|热门推荐|熱門推薦|"
    r"延伸阅读|延伸閱讀|扫一扫|掃一掃|扫码|掃碼|https?://|www\.|\.com\b|\.cn\b|ICP备|ICP備|"
    r"当前位置|當前位置|您的位置|你的位置|现在的位置|現在的位置|返回首页|返回首頁|回到顶部|回到頂部|小编|小編|责任编辑|責任編輯|"
    r"跳至主要|跳到主要|跳至内容|跳至內容|本文关键词|本文關鍵詞|关键词[：:]|關鍵詞[：:]|标签[：:]|標籤[：:]|点击查看|點擊查看|查看更多|更多相关|更多相關|原文链接|原文鏈接|返回顶部|返回頂部|返回列表|返回目录|返回目錄|文章来源|文章來源|会员中心|會員中心|登录|登錄|注册|註冊|VIP|Vip|vip|"
    r"违规举报|違規舉報|在线客服|在線客服|加入收藏|设为首页|設為首頁|联系我们|聯繫我們|网站地图|網站地圖|"
    r"文档|文檔|阅读全文|閱讀全文|展开全文|展開全文|打开翻译|打開翻譯|\[NextPage\]|公众号|公眾號|公衆號|"
    r"特别声明|特別聲明|仅提供信息发布平台|僅提供信息發布平台|僅提供信息發佈平臺|"
    r"Notice: The content above"
)
#: the same on a line of at most 80 characters (a label, a footer field): searched in
#: short lines only, as prose lines are most of a page (and every alternative opens with a
#: literal: the engine skips by first characters)
_CHROME_SHORT = re.compile(
    r"往期推荐|往期推薦|往期回顾|往期回顧|往期精选|往期精選|往期精彩|精彩推荐|精彩推薦|精彩回顾|精彩回顧|"
    r"复制全文|複製全文|导出Word|導出Word|导出PDF|導出PDF|识别次数|識別次數|"  # a tool's buttons
    r"转藏到|轉藏到|献花\(|献花（|獻花\(|獻花（|内容提示[：:]|內容提示[：:]|预览结束|預覽結束|"
    r"的人还喜欢|的人還喜歡|最新文章$|"
    r"我要纠错|我要糾錯|公网安备|公網安備|网站找错|網站找錯|终审[：:]|終審[：:]|初审[：:]|初審[：:]|"
    r"视力保护色|視力保護色|背景色[：:】]|长者模式|長者模式|适老化|適老化|位访客|位訪客|最佳分辨率|"
    r"立即开通|立即開通|本文共计|本文共計|可能感兴趣|可能感興趣|大家还在搜|大家還在搜|相似文章|"
    r"格式[：:][A-Za-z]|"
    r"猜你想看|为你推荐|為你推薦|"
    r"技术支持[:：]|技術支持[:：]|相关附件|相關附件|附件下载|附件下載|附件[:：](?:无|無)$|内部资料|內部資料|内部文件|內部文件|注意保存|注意保密|严禁外传|嚴禁外傳|秘密★|机密★|機密★|绝密★|絕密★|此件公开发布|此件公開發布|"
    r"打开APP|打開APP|APP内|APP內|查看精彩图片|查看更多精彩|查看详情|查看詳情|收录于|收錄於|关闭窗口|關閉窗口|复制链接|复制连结|複製連結|複製鏈接|"
    r"【下载|【下載|下载后可|下載後可|可编辑使用|可編輯使用|上传者|上傳者|上传于|上傳於|"  # 文库
    r"Poweredby|本帖最后由|本帖最後由|只看该作者|只看該作者|签名[:：]|簽名[:：]|"  # a forum's
    r"签名档|簽名檔|收起回复|收起回覆|只看楼主|只看樓主|本楼字数|本樓字數|的帖子[:：]|"
    r"来自Android|来自iPhone|來自Android|來自iPhone|回复\(\d|回覆\(\d|（接\d|（接[一二三四五六七八九]楼|"
    r"@所有人|\[文件\]|\[图片\]|\[圖片\]|\[语音\]|\[語音\]|\[视频\]|\[視頻\]|\[表情\]"  # a chat's
)
#: a transcript's or an editor's note on a short line: （根据录音整理…）, （小标题为编者所加）
_NOTE_RE = re.compile(r"录音整理|錄音整理|速记整理|速記整理|编者所加|編者所加|编者注|編者注")
_BRACKET_NOTE_RE = re.compile(
    r"[（(](?:[^（）()：:]{1,8}按|插一句|插句话|插句話|手写批注|手寫批註|批注|批註)[：:]"
)
#: who the author is, in brackets under the text: （作者系…）, （作者单位：…）, （…供稿）
_AUTHOR_NOTE_RE = re.compile(
    r"[（(](?:作者(?:系|係|为|為|是|单位|單位|简介|簡介)|[^（）()]{1,20}供稿[）)])"
)
#: a paper document's marks, transcribed: （印章）, （共印280份）
_PAPER_MARK_RE = re.compile(r"[（(](?:印章|公章|签章|簽章|共印[^（）()]{1,6}份)[）)]")
#: an advertisement's call to act: 点击咨询>>
_AD_LINK_RE = re.compile(r"点击咨询|點擊諮詢|立即咨询|立即諮詢|免费咨询|免費諮詢")
_LINK_ARROWS = (">>", "＞＞", "»»")


def ad_line(compact: str) -> bool:
    """A short advertisement with a link to follow (【公文写作辅导】…点击咨询>>)."""
    return len(compact) <= 80 and (
        compact.endswith(_LINK_ARROWS) or _AD_LINK_RE.search(compact) is not None
    )


#: words that mark a short line as furniture
_CHROME_WEAK = re.compile(
    r"首页|首頁|下载|下載|收藏|分享|打印|评论|評論|专题|專題|标签|標籤|搜索|举报|舉報|阅读|閱讀|"
    r"浏览|瀏覽|字号|字號|字级|字級|字体|字體|关注|關注|微信|微博|二维码|二維碼|导航|導航|更多|热门|熱門|栏目|欄目|"
    r"范文|範文|作文|模板|点击|點擊|删除|刪除|投稿|网友|網友|稿件|频道|頻道|大全|精选|精選|"
    r"简体版|簡體版|繁体版|繁體版|英文版|寄给朋友|寄給朋友|"  # language and share links
    r"推荐|推薦|广告|廣告|来源[：:]|來源[：:]|作者[：:]|时间[：:]|時間[：:]|发布[：:]|發佈[：:]|"
    r"發布[：:]|编辑[：:]|編輯[：:]|"
    r"回页首|回頁首|回顶部|回頂部|返回顶部|返回頂部|回到顶部|回到頂部|回顶端|回頂端"  # back to top
)
#: a page's date / source / author line (each pattern opens with what the engine can skip
#: by: a literal, a digit)
_METADATA_WORD_RE = re.compile(
    r"时间[:：]|時間[:：]|日期[:：]|来源[:：]|來源[:：]|作者[:：]|发布[:：]|發佈[:：]|發布[:：]|"
    r"浏览[:：]|瀏覽[:：]|阅读[:：]|閱讀[:：]|"
    # a site footer's contact fields
    r"地址[:：]|电话[:：]|電話[:：]|传真[:：]|傳真[:：]|邮编[:：]|郵編[:：]|邮箱[:：]|郵箱[:：]|"
    # a reporter's or an editor's line: （记者 陈晓 编辑 刘洋）
    r"（记者|\(记者|（記者|\(記者|〔记者|〔記者|【记者|【記者|（通讯员|\(通讯员|（通訊員|\(通訊員|（编辑|\(编辑|（編輯|\(編輯"
)
#: a field that opens its line: an article's credits (审核：…, 图片：…), a government
#: page's information table (索引号：…, 主题分类：…, an empty 文号：)
_FIELD_RE = re.compile(
    r"[（(【\[]?(?:审核|審核|審覈|校对|校對|责编|責編|文字|图片|圖片|整理|撰稿|供稿|排版|美编|美編|"
    r"摄影|攝影|撰文|采写|採寫|地点|地點|"
    r"索引号|索引號|发布机构|發佈機構|發布機構|发文机关|發文機關|发文日期|發文日期|成文日期|"
    r"主题分类|主題分類|文号|文號|有效性|公开方式|公開方式|文|图|圖|"  # 文：… 圖：…
    r"发件人|發件人|收件人|发送时间|發送時間|抄送|主题|主題|"  # an e-mail's header
    r"题名|題名|档号|檔號|全宗号|全宗號|责任者|責任者|保管期限)[:：／/]"  # an archive's record
)
_DATE_RE = re.compile(r"\d\d{3}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_METADATA_MAX = 64
_INTRO_RE = re.compile(
    r"下面是|以下是|以下为|以下為|本文系|本文係|全文如下|全文为|全文為|刊发如下|刊發如下|刊登如下|致辞全文|致辭全文|致词全文|致詞全文|讲话全文|講話全文|内容如下|內容如下|为大家整理|為大家整理|供大家参考|供大家參考|仅供参考|僅供參考|欢迎阅读|歡迎閱讀|希望对|希望對|欢迎来到|歡迎來到|导读[:：]|導讀[:：]|【导读】|【導讀】|"
    r"全文[^。！？；]{0,12}[：:]$"  # 先放全文，后面再说我的看法：
)
#: an editor's label opening a note (【说明】…, 【编者的话】…, 【题记】…)
_EDITOR_LABEL_RE = re.compile(
    r"【(?:说明|說明|注|註|提示|编者的话|編者的話|编辑说明|編輯說明|题记|題記|导语|導語|"
    r"内容提要|內容提要|简介|簡介)】"
)
#: a line someone else speaks in a transcript: the emcee's, a question or its answer
_OTHER_VOICE_RE = re.compile(
    r"(?:主持人|主持|司仪|司儀|提问|提問|观众|觀眾|听众|聽眾|记者|記者|问|問|答)"
    r"(?:[(（][^()（）]{1,20}[)）])?[：:]"
)
_EMCEE = ("主持", "司仪", "司儀")
#: a speaker's name label before the salutation (周明远：亲爱的同学们…)
_NAME_LABEL_RE = re.compile(r"[^\W\d_A-Za-z]{2,4}(?:[(（][^()（）]{1,20}[)）])?[：:]")


def other_voice(compact: str, emcee_only: bool = False) -> bool:
    """A transcript's line that the speaker does not say (主持人：…, 提问：…, 答：…);
    ``emcee_only``: the emcee's (主持人：…, 司仪：…)."""
    m = _OTHER_VOICE_RE.match(compact)
    return m is not None and (not emcee_only or compact.startswith(_EMCEE))


_THANKS_HOST_RE = re.compile(r"(?:谢谢|謝謝|感谢|感謝)(?:主持人|主席)[^！!。，,]{0,10}[！!。，,]")


def speaker_label(compact: str) -> int:
    """The length of a speaker's name label opening a transcript's line (林教授：…), or 0."""
    m = _NAME_LABEL_RE.match(compact)
    return m.end() if m and not other_voice(compact) else 0


def preamble(compact: str) -> int:
    """The length of what a transcript puts before a salutation on its line: the speaker's
    name label and thanks to the host (韩志斌：谢谢主持人！各位朋友，大家好！), or 0."""
    n = speaker_label(compact)
    t = _THANKS_HOST_RE.match(compact, n)
    return t.end() if t else n


def name_label(compact: str) -> int:
    """The length of a speaker's name label opening a salutation (周明远：各位…：), or 0."""
    n = speaker_label(compact)
    return n if n and names_audience(compact[n:]) else 0


_COLLECTION_RE = re.compile(
    r"(?<![上下第])[0-9０-９一二三四五六七八九十]{1,3}\s{0,2}篇(?![一二三四五六七八九十0-9０-９])"
)


_RELATED_RE = re.compile(
    r"上一篇|下一篇|上一[讲講期]|下一[讲講期]|相关|相關|猜你喜欢|猜你喜歡|推荐|推薦|热门|熱門|"
    r"延伸阅读|延伸閱讀|查看更多|往期|精彩推荐|精彩推薦|精彩回顾|精彩回顧|猜你想看|为你推荐|為你推薦|"
    r"的人还喜欢|的人還喜歡|最新文章|可能感兴趣|可能感興趣|还在搜|還在搜|相似文章"
)
_WORDLESS_RE = re.compile(r"[\w]")
#: a document's label alone on its line (正文); a media player's label or button (视频：, 倍速)
_LABELS = frozenset(
    {"正文", "全文", "原文", "视频", "視頻", "音频", "音頻", "播放", "暂停", "暫停", "倍速"}
    | {"全屏", "静音", "靜音", "重播"}
    | {"在看", "点赞", "點讚", "写留言", "寫留言", "赞赏", "讚賞", "打赏", "打賞", "投诉", "投訴"}
)
#: a media player's title line: 视频：江城文旅宣传片
_PLAYER_TITLES = ("视频：", "视频:", "視頻：", "視頻:", "音频：", "音频:", "音頻：", "音頻:")
_PLAYER_TITLE_MAX = 40
#: an article's end mark: 完, （完）, （全文完）, （提纲完）, END, - END -, — THE END —
_END_MARK_RE = re.compile(
    r"[-—–－~～·•*(（【]{0,3}(?:(?:全文|本文|正文|提纲|提綱|讲话|講話|发言|發言)?完|(?:THE)?END)[-—–－~～·•*)）】]{0,3}",
    re.IGNORECASE,
)


def end_mark(compact: str) -> bool:
    """A line that marks the end of an article (完, （全文完）, - END -): what follows is not it."""
    return len(compact) <= 12 and _END_MARK_RE.fullmatch(compact) is not None


_META = frozenset("\\.^$*+?{}[]()|")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (a ``|`` inside a group, a class or after a
    backslash splits none)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a class, to its closing bracket ([]…] holds its ] first)
            i += 2 if pattern[i + 1 : i + 2] != "^" else 3
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def by_first_character(pattern: str) -> str:
    """``pattern``'s alternatives grouped under the literal character they open with, in
    their order (版权所有|版权归|… → 版(?:权所有|权归|…)|…): at each position the engine
    then tries one alternative per first character, not every one.  It matches where the
    plain alternation does, with the same span: alternatives of two groups never start
    with the same character, and the order inside a group is kept (an alternative that
    opens with a class or an escape goes last, where it could only win a tie otherwise)."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for alt in _alternatives(pattern):
        first = alt[:1]
        if first and first not in _META and alt[1:2] not in ("*", "+", "?", "{"):
            groups.setdefault(first, []).append(alt[1:])
        else:
            rest.append(alt)
    parts = [k + "(?:" + "|".join(tails) + ")" for k, tails in groups.items()]
    return "|".join(parts + rest)


#: a first look for the three checks above: any breadcrumb character, intro or furniture
#: phrase (every alternative opens with a literal, so the engine skips by first characters)
_FURNITURE_HINT_RE = re.compile(
    by_first_character(
        "|".join((_CHROME_STRONG.pattern, _INTRO_RE.pattern, r">|›|»|＞|\||｜|网|網"))
    )
)
_DISCLAIMER_RE = re.compile(
    r"版权|版權|著作权|著作權|声明|聲明|侵权|侵權|免责|免責|本站|付费|付費|转载|轉載|本邮件|本郵件"
)
_SENTENCE_PUNCT_RE = re.compile(r"[。！？]")
#: a character every breadcrumb or site bar below holds (one class: a fast first look)
_BREADCRUMB_HINT_RE = re.compile(r"[>›»＞|｜网網]")
_BREADCRUMB_RE = re.compile(
    r"[>›»＞]\s{0,3}[^\s>›»＞]{1,16}\s{0,3}[>›»＞]"  # 首页 > 栏目 > 正文
    r"|^\S{1,8}\s{0,3}[>›»＞]\s{0,3}\S"
    r"|\S\s{0,2}[|｜]\s{0,2}\S"  # 站名 | 栏目
    r"|^[^\s|｜]{1,12}(?:网|網)(?:\s|$)"  # a site's name: XX网
)


#: what a page in Markdown or HTML leaves on lines of their own: an image, a comment, a tag
_MARKUP_RE = re.compile(
    r"!\[[^\]\n]{0,100}\]\([^)\s]{1,300}\)|<!--[^\n]{0,300}?-->|</?[A-Za-z][^<>\n]{0,300}>"
)


#: a photo's caption: 图为…, (图为…), 记者 张三 摄 (also inside Markdown's * or _), or
#: a line under a picture that points up at it (▲ 会议现场)
_CAPTION_START_RE = re.compile(
    r"[▲△]|[*_（(【\[]{0,2}(?:图为|圖為|图片为|圖片為|图片来源|圖片來源|摄影[：:]|攝影[：:])"
)
_CAPTION_CREDIT_RE = re.compile(r"(?:记者|記者|摄影|攝影|通讯员|通訊員)[^，,。；;！!]{1,16}$")
_CAPTION_MAX = 120
_TIMER_RE = re.compile(r"\d{1,2}:\d{2}/\d{1,2}:\d{2}")  # 00:00 / 03:25
_PAGE_ID_MIN, _PAGE_ID_MAX = 5, 12  # digits: more than a year's four, less than a phone's
#: a page's count of views, pages or bytes: three digits, or a number with its unit or
#: its thousands (two digits alone are a page number or a bare numeral heading, four may
#: be a year heading: read elsewhere)
_COUNT_RE = re.compile(
    r"\d{3}|\d{1,6}(?:[.,，]\d{1,3})?(?:\+|[KkMm]?B|[页頁次]|万)|\d{1,6}[.,，]\d{1,3}"
)
#: what a caption's first or last character is (a first look that spares most lines)
_CAPTION_FIRST = "*_（(【[图圖摄攝▲△"
_CAPTION_LAST = "摄攝）)】]*_"


#: a stage direction in a transcript: （掌声）, （全体起立，奏唱国歌）, （投影片：…）
_STAGE_RE = re.compile(
    r"[(（][^()（）]{0,30}?(?:掌声|掌聲|鼓掌|笑声|笑聲|起立|播放|投影|短片|视频|視頻|音乐|音樂)"
    r"[^()（）]{0,60}[)）]"
)


def stage_tail(compact: str) -> int:
    """Where a stage direction closing the line starts (谢谢大家！（热烈掌声）), or the
    line's length."""
    if compact[-1:] not in (")", "）"):
        return len(compact)
    at = max(compact.rfind("（"), compact.rfind("("))
    return at if at >= 0 and _STAGE_RE.fullmatch(compact, at) else len(compact)


def picture_line(compact: str) -> bool:
    """A line that only shows or tells of a picture, at any length: an image, a tag, an
    HTML comment (markup_line), a photo's caption (caption_line)."""
    first, last = compact[0], compact[-1]
    return (first in "!<" and markup_line(compact)) or (
        (first in _CAPTION_FIRST or last in _CAPTION_LAST) and caption_line(compact)
    )


def caption_line(compact: str) -> bool:
    """A photo's caption on a line of its own (图为大会现场。记者 张三 摄)."""
    if len(compact) > _CAPTION_MAX:
        return False
    if _CAPTION_START_RE.match(compact):
        return True
    credit = compact.rstrip("）)】]*_")
    return credit.endswith(("摄", "攝")) and _CAPTION_CREDIT_RE.search(credit) is not None


def markup_line(compact: str) -> bool:
    """A line of Markdown images, HTML tags or comments only (<!--more-->, ![图](url)),
    read piece by piece from its start (no search: each try is bounded)."""
    if compact[:1] not in ("!", "<"):
        return False
    pos = 0
    while pos < len(compact):
        m = _MARKUP_RE.match(compact, pos)
        if m is None:
            return False
        pos = m.end()
    return True


_BAR_RE = re.compile(r"[|｜]")
_BAR_PART_MAX = 12  # a site bar's parts are names (某某网 | 讲话稿频道), a headline's longer


#: a breadcrumb's arrow, or a site's name before a bar or at the end (某某网 | …)
_ARROW_RE = re.compile(r"[>›»＞]|(?:网|網)(?:[|｜]|$)")


_HEADLINE_PART = 8  # a two-part headline's longer part (开学第一课｜校长寄语：做一个…)
_ASCII_ALNUM_RE = re.compile(r"[0-9A-Za-z]")
_SITE_ENDS = ("网", "網", "网站", "網站", "频道", "頻道", "平台", "门户", "門戶", "首页", "首頁")


def _bar_headline(compact: str) -> bool:
    """Parts set apart by bars that make a headline, not a site's bar: no breadcrumb arrow,
    no site's name, and a long part (or two parts, the longer a phrase)."""
    if _ARROW_RE.search(compact) is not None:
        return False
    parts = _BAR_RE.split(compact)
    longest = max(map(len, parts))
    return longest > _BAR_PART_MAX or (  # two phrases, no credit label (图片｜…), no count
        len(parts) == 2
        and longest >= _HEADLINE_PART
        and min(map(len, parts)) >= _HEADLINE_PART // 2
        and not any(p.endswith(_SITE_ENDS) for p in parts)
        and _ASCII_ALNUM_RE.search(compact) is None
    )


def _number_line(compact: str) -> str | None:
    """A page's id alone on its line (149027), or a count (963, 999+, 2,415, 21.78KB, 23页)."""
    if len(compact) >= _PAGE_ID_MIN and compact.isdigit():
        return "chrome"
    if _TIMER_RE.fullmatch(compact):
        return "chrome"  # a media player's time: 00:00 / 03:25
    return "metadata" if _COUNT_RE.fullmatch(compact) else None


def chrome_kind(text: str, compact: str) -> str | None:
    """A RemovedKind value when a line reads as page furniture, else None.

    ``compact`` is ``text`` less its white space (the same object when it has none).
    """
    n = len(compact)
    if (first := _first_look(text, compact, n)) is not None:
        return first or None
    if compact[0] in "(（【" and (kind := _bracketed(compact)):
        return kind
    if 3 <= n <= _PAGE_ID_MAX and (count := _number_line(compact)):
        return count
    if n <= _PLAYER_TITLE_MAX and _label_line(compact):
        return "chrome"
    if _FURNITURE_HINT_RE.search(text) or (compact is not text and _INTRO_RE.search(compact)):
        if (  # 首页 > 栏目 > 正文, 某某网 | 讲话稿频道; not a headline (开学第一课｜校长寄语…)
            n <= 80
            and _BREADCRUMB_HINT_RE.search(text)
            and _BREADCRUMB_RE.search(text)
            and not _bar_headline(compact)
        ):
            return "chrome"
        if (m := _INTRO_RE.search(compact)) and n < 200 and not _headline(compact, m.group()):
            return "intro"
        if _CHROME_STRONG.search(text):
            if _RELATED_RE.search(compact):
                return "related"
            return "disclaimer" if _DISCLAIMER_RE.search(compact) else "chrome"
    if n <= 80 and (kind := _short_kind(compact)):
        return kind
    if n <= _METADATA_MAX and _metadata_line(text, compact):
        return "metadata"
    return "chrome" if n <= 24 and _weak_chrome(compact) else None


def _first_look(text: str, compact: str, n: int) -> str | None:
    """What a line's form alone says: furniture (its kind), no furniture (""), or nothing
    yet (None)."""
    if n <= 80 and wordless(compact):
        return "chrome"  # rules and symbols only: ***, :::, ------
    if n <= _SALUTATION_LINE and compact[-1] in "：:" and _ADDRESS_LINE_RE.fullmatch(compact):
        return ""  # a salutation, whatever words it holds (各位网友：, 各位客服同事：)
    if picture_line(compact) or (compact[0] == "#" and n > 1 and text[1] not in "# \t"):
        return "chrome"  # an image, a tag (#领导讲话), a photo's caption
    return None


def wordless(text: str) -> bool:
    """Symbols only, no letter or digit of any script (***, ———, 🎉)."""
    return _WORDLESS_RE.search(text) is None


def _bracketed(compact: str) -> str | None:
    """The kind of a line that opens with a bracket: a transcript's stage direction on its
    own line (（掌声）) or a paper's mark (（印章）), chrome; a reposter's note inside the
    text (（阿杰按：…）) or an editor's under a label (【說明】本頁僅載錄…), intro."""
    if compact[0] == "【":
        return "intro" if _EDITOR_LABEL_RE.match(compact) else None
    if stage_tail(compact) == 0 or _PAPER_MARK_RE.fullmatch(compact):
        return "chrome"
    if _AUTHOR_NOTE_RE.match(compact):
        return "metadata"  # （作者系青山县委书记）
    return "intro" if _BRACKET_NOTE_RE.match(compact) else None


def _label_line(compact: str) -> bool:
    """A document's or a media player's label alone on its line (正文, 视频：, 倍速), a
    player's title line (视频：…), an article's end mark."""
    n = len(compact)
    return (
        (n <= 3 and compact.rstrip("：:") in _LABELS)
        or (n <= _PLAYER_TITLE_MAX and compact.startswith(_PLAYER_TITLES))
        or end_mark(compact)
    )


def _weak_chrome(compact: str) -> bool:
    """A short line of furniture words (收藏 分享 打印); a speech's title may hold one such
    word (…专题讲稿)."""
    if compact.endswith(("。", "！", "!")):
        return False
    hits = len(_CHROME_WEAK.findall(compact))
    return hits >= 2 or (hits == 1 and not _SPEECH_WORDS.search(compact))


#: a chat export's sender line: 刘敏（综合办） 19:58
_SENDER_RE = re.compile(
    r"[^\s，。,.:：]{1,12}(?:[(（][^()（）]{1,10}[)）])?\s{0,3}\d{1,2}[:：]\d{2}"
)


#: a list's label (相關文件 Documentos relacionados): alone, or before a translation
_LIST_LABELS = frozenset(("相关文件", "相關文件", "相关资料", "相關資料"))


def _list_label(compact: str) -> bool:
    return compact[:4] in _LIST_LABELS and not "\u4e00" <= compact[4:5] <= "\u9fff"


def _short_kind(compact: str) -> str | None:
    """Furniture words read on short lines only: labels, footer fields, ads, notes."""
    if (
        _CHROME_SHORT.search(compact)
        or ad_line(compact)
        or (compact[0] == "相" and _list_label(compact))
    ):
        return "related" if _RELATED_RE.search(compact) else "chrome"
    return "intro" if _NOTE_RE.search(compact) else None  # （根据录音整理…）


def _metadata_line(text: str, compact: str) -> bool:
    """A page's date, source or author line, a field of its information table, an article's
    credits, a chat's sender line: a date alone up to 40 characters; with a label (发布日期：)
    more."""
    return bool(
        _METADATA_WORD_RE.search(text)
        or _FIELD_RE.match(compact)
        or (len(compact) <= 40 and _DATE_RE.search(compact))
        or chat_sender(text, compact)
    ) and not holds_sentence(compact)


def chat_sender(text: str, compact: str) -> bool:
    """A chat export's sender line (刘敏（综合办） 19:58): someone else speaks below it."""
    return compact[-1:].isdigit() and _SENDER_RE.fullmatch(text) is not None


#: intro words that also end a press release's headline (行政长官出席…典礼致辞全文)
_FULL_TEXT = frozenset(("致辞全文", "致辭全文", "致词全文", "致詞全文", "讲话全文", "講話全文"))


def _headline(compact: str, word: str) -> bool:
    """A headline that names the full text of a speech, no sentence introducing it."""
    return word in _FULL_TEXT and title_like(compact) and not compact.endswith(COLONS)


def holds_sentence(compact: str) -> bool:
    """Does the line hold a full stop, an exclamation or a question mark?"""
    return _SENTENCE_PUNCT_RE.search(compact) is not None


def collection_header(compact: str) -> bool:
    """``XX讲话(精选5篇)``, ``XX3篇`` — a line that announces several speeches."""
    return (
        len(compact) <= 60
        and bool(_COLLECTION_RE.search(compact))
        and not compact.endswith(("。", "！"))
    )


_TITLE_END_BAD = tuple("。！？!?；;，,、：:")
_SENTENCE_IN = re.compile(r"[。！？!?；;]")


def title_like(compact: str) -> bool:
    """A short standalone line that could be a title: no sentence punctuation, no trailing comma."""
    return (
        2 <= len(compact) <= 60
        and not compact.endswith(_TITLE_END_BAD)
        and not _SENTENCE_IN.search(compact)
    )


_SPEECH_WORDS = re.compile(
    r"讲话|講話|致辞|致辭|致词|致詞|发言|發言|报告|報告|演讲|演講|会上|會上|大会|大會|会议|會議|"
    r"典礼|典禮|仪式|儀式|座谈|座談|贺词|賀詞|寄语|寄語|讲稿|講稿|主持词|主持詞|祝酒|献词|獻詞|"
    r"党课|黨課|宣讲|宣講|讲座|講座|报告会|報告會|"
    r"对照检查|對照檢查|检视剖析|檢視剖析|发言提纲|發言提綱|述职|述職|述廉"  # a 生活会's materials
)


#: a speech title that opens a line and runs straight into the body (a page flattened into
#: one line): 在市政府全体会议上的讲话春节刚过，…
_GLUED_TITLE_RE = re.compile(
    r"[^。！？!?；;，,：:]{4,60}?(?:上的讲话|上的講話|的讲话|的講話|讲话稿|講話稿|致辞|致辭|致词"
    r"|致詞|发言稿|發言稿|上的发言|上的發言)稿?"
)
#: what follows 讲话 in prose that quotes a speech (讲话中 / 讲话精神 / 讲话指出 / 讲话为我们
#:指明了方向 …): positions, verbs and function words, where a new sentence would not begin
_AFTER_QUOTED_SPEECH = frozenset(
    "中里裡时時后後上下精指强強提要的和与與及并並全稿为為对對是给給让讓使把被既不很非深站具充从從"
    "明意立作已也还還都就才再更最又以可能会會将將得所引鼓激令"
)


def glued_title(compact: str) -> int:
    """Length (in non-space characters) of a speech title that opens ``compact`` and runs
    into body text, or 0.  A long line's compact form keeps its spaces (讲话稿 政府系统…)."""
    m = _GLUED_TITLE_RE.match(compact)
    if m is None:
        return 0
    rest = compact[m.end() :].lstrip()
    nxt = rest[:1]
    if len(rest) < 16 or not ("\u4e00" <= nxt <= "\u9fff") or nxt in _AFTER_QUOTED_SPEECH:
        return 0
    return len("".join(compact[: m.end()].split()))


#: a byline: who gives the speech, after a label (致辞：张三（教师代表）, 主讲人：李四)
_BYLINE_RE = re.compile(
    r"(?:致辞|致辭|讲话|講話|发言|發言|演讲|演講|主讲|主講|报告|報告|讲|講)(?:人|者)?[：:]"
    r"(?=[^。！？!?；;，,]{2,40}$)"
)


def byline(compact: str) -> int:
    """Length of the label of a byline (``主讲人：``), or 0."""
    m = _BYLINE_RE.match(compact)
    return m.end() if m else 0


def speech_title_words(compact: str) -> bool:
    return bool(_SPEECH_WORDS.search(compact))
