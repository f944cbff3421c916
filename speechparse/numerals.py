"""Chinese numerals ↔ int (bounded: markers never count past 9999)."""

from __future__ import annotations

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "参": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
SPECIAL = {"廿": 20, "卅": 30}
MAX_ORDINAL = 9999


def cn_to_int(s: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十二, 二十一, 一百零五; None if malformed."""
    if not s or len(s) > 8:
        return None
    total = 0
    current = 0
    last_unit = 10**9
    for ch in s:
        if ch in DIGITS:
            if current:  # two digits in a row (一一) are not a numeral
                return None
            current = DIGITS[ch] or 0
            if DIGITS[ch] == 0:
                current = 0
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None
            total += (current or 1) * unit
            current = 0
            last_unit = unit
        elif ch in SPECIAL:
            if total or current:
                return None
            total = SPECIAL[ch]
            last_unit = 10
        else:
            return None
    value = total + current
    return value if 0 < value <= MAX_ORDINAL else None


def ascii_to_int(s: str) -> int | None:
    """Value of ASCII or full-width digits, bounded (no int() on long or exotic digit runs)."""
    if not s or len(s) > 4:
        return None
    value = 0
    for ch in s:
        o = ord(ch)
        if 0x30 <= o <= 0x39:
            value = value * 10 + o - 0x30
        elif 0xFF10 <= o <= 0xFF19:
            value = value * 10 + o - 0xFF10
        else:
            return None
    return value if value <= MAX_ORDINAL else None
