"""Reading dates written in Chinese documents (成文日期 and the like)."""
from __future__ import annotations

import datetime as dt

import regex

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

ARABIC_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CHINESE_DATE = regex.compile(r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
# A line that holds nothing but a date: how the 成文日期 is set under the signature.
_DATE_LINE = regex.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*$",
    regex.M,
)


def chinese_small_number(s: str) -> int:
    """一..九十九 as written in dates (十二, 二十一, 三十)."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[s]


def parse_date_match(m: "regex.Match[str]") -> dt.date | None:
    """Turn a match of ARABIC_DATE or CHINESE_DATE into a date, or None when impossible."""
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if y.isdigit():
            return dt.date(int(y), int(mo), int(d))
        year = int("".join(str(_CN_DIGITS[c]) for c in y))
        return dt.date(year, chinese_small_number(mo), chinese_small_number(d))
    except (ValueError, KeyError):
        return None


def find_document_date(text: str) -> dt.date | None:
    """The 成文日期: the last line that is only a date, looked for in the last 40 lines."""
    tail_start = 0
    lines = text.splitlines()
    if len(lines) > 40:
        tail_start = len(text) - sum(len(l) + 1 for l in lines[-40:])
    found = None
    for line_match in _DATE_LINE.finditer(text, max(tail_start, 0)):
        line = line_match.group(0)
        m = ARABIC_DATE.search(line) or CHINESE_DATE.search(line)
        if m:
            found = parse_date_match(m) or found
    return found


def parse_iso(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} 不是 YYYY-MM-DD 形式的日期") from None
