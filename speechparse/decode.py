"""Bytes → text: BOM, UTF-8, UTF-16 (BOM), GB18030 or Big5 — nothing else is guessed."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from .errors import DecodeError
from .model import Diagnostic, DiagnosticCode, Severity

# The most frequent characters of Chinese prose, simplified and traditional.  Text decoded with
# the wrong codec (Big5 read as GB18030 and the reverse) has few of them.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
    "集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近"
    "矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写"
    "存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严這個們會為來國說時們對動機關於與學過進發經後實點應當將開問題種現樣從體長還總"
    "區進導務議會員業車記書設計說請讓讀變黨組織領導責還這裡裏邊頭條臺灣語認識嚴廣東"
)
# A UTF-8 BOM stays in the text as U+FEFF at index 0, as Path.read_text(encoding="utf-8")
# keeps it (so spans match that text); the parser looks past it.  UTF-16's BOM is consumed.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class Decoded:
    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def plausibility(text: str) -> float:
    """Share of Han characters that are common ones (1.0 when there are none)."""
    sample = text[:20000]
    han = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def _looks_utf16le(data: bytes) -> bool:
    if len(data) < 4 or len(data) % 2:
        return False
    odd_nuls = data[1::2].count(0)
    newline_pairs = data[0::2].count(0x0A)
    return odd_nuls * 4 >= len(data) // 2 or (
        newline_pairs > 0 and data.count(b"\n\x00") >= newline_pairs
    )


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, *, errors: str = "strict", source: str | None = None) -> Decoded:
    """Decode page bytes; raise DecodeError (or replace, with a diagnostic) when nothing fits.

    Line endings are read as ``open()`` and ``Path.read_text()`` read them (universal
    newlines: CRLF and CR become LF), so spans index the same text a user of those gets.
    """
    out = _decode(data, errors, source)
    if "\r" in out.text:
        out.text = out.text.replace("\r\n", "\n").replace("\r", "\n")
    return out


def _decode(data: bytes, errors: str, source: str | None) -> Decoded:
    if errors not in ("strict", "replace"):
        raise ValueError("errors must be 'strict' or 'replace'")
    if data[:2] == b"\x1f\x8b":
        raise DecodeError("gzip-compressed data, not text", offset=0, source=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec + "-bom")
            except UnicodeDecodeError as e:
                if errors == "strict":
                    raise DecodeError(e.reason, offset=e.start, source=source) from None
                text = data.decode(codec, "replace")
                return Decoded(text, codec, [_replaced(codec, e.start)])
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    if _looks_utf16le(data):
        wide = _try(data, "utf-16-le")
        if wide is not None:
            note = Diagnostic(
                code=DiagnosticCode.ENCODING_GUESSED,
                severity=Severity.WARNING,
                message="no BOM; decoded as UTF-16-LE from its NUL/newline pattern",
            )
            return Decoded(wide, "utf-16-le", [note])
    candidates = [(c, t) for c in ("gb18030", "big5") if (t := _try(data, c)) is not None]
    if candidates:
        codec, text = max(candidates, key=lambda ct: plausibility(ct[1]))
        diags = []
        if plausibility(text) < 0.35:
            diags.append(
                Diagnostic(
                    code=DiagnosticCode.MOJIBAKE,
                    severity=Severity.WARNING,
                    message=f"decoded as {codec}, but few common characters: possibly not {codec}",
                )
            )
        return Decoded(text, codec, diags)
    if errors == "strict":
        raise DecodeError(
            f"not UTF-8 ({utf8_error.reason}), nor GB18030 or Big5",
            offset=utf8_error.start,
            source=source,
        )
    return Decoded(data.decode("utf-8", "replace"), "utf-8", [_replaced("utf-8", utf8_error.start)])


def _replaced(codec: str, offset: int) -> Diagnostic:
    return Diagnostic(
        code=DiagnosticCode.DECODE_REPLACED,
        severity=Severity.WARNING,
        message=f"undecodable bytes from byte {offset} replaced by U+FFFD ({codec})",
    )
