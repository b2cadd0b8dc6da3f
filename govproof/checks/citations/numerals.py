"""Chinese and Arabic article numbers, both ways (三十六 ↔ 36)."""
from __future__ import annotations

import unicodedata

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
CN = "〇零一二三四五六七八九十百两"


def chinese_to_int(s: str) -> int:
    """一 → 1, 十六 → 16, 三十六 → 36, 一百零二 → 102; Arabic and full-width digits too."""
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    total, digit = 0, 0
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (digit or 1) * _UNITS[ch]
            digit = 0
        else:
            raise ValueError(f"not a number: {s!r}")
    return total + digit


def int_to_chinese(n: int) -> str:
    """1 → 一, 16 → 十六, 36 → 三十六, 102 → 一百零二 (how articles are numbered)."""
    names = "零一二三四五六七八九"
    if n < 10:
        return names[n]
    if n < 20:
        return "十" + (names[n % 10] if n % 10 else "")
    if n < 100:
        return names[n // 10] + "十" + (names[n % 10] if n % 10 else "")
    rest = n % 100
    head = names[n // 100] + "百"
    if rest == 0:
        return head
    return head + ("零" + names[rest] if rest < 10 else ("一" + int_to_chinese(rest) if rest < 20 else int_to_chinese(rest)))
