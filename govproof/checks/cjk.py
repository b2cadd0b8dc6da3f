"""Small character facts the form checks share: what counts as Chinese, Chinese numerals, digit widths."""
from __future__ import annotations

import regex

_MARKUP_COMMENT = regex.compile(r"<!--.*?-->", regex.S)

CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
FULLWIDTH_DIGITS = "０１２３４５６７８９"
TO_HALFWIDTH_DIGITS = str.maketrans(FULLWIDTH_DIGITS, "0123456789")
# Chinese punctuation that may stand next to a half-width mark that belongs to Chinese text.
CJK_OPENING = "“‘《〈（【〔「『"
CJK_CLOSING = "”’》〉）】〕」』。，、；：？！…—"


def is_han(c: str) -> bool:
    """A CJK ideograph (the basic block and extension A, which is all 公文 text uses)."""
    return bool(c) and ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")


def is_chinese_side(c: str) -> bool:
    """A character that makes its neighbour part of Chinese text: an ideograph or Chinese punctuation."""
    return is_han(c) or (bool(c) and c in CJK_OPENING + CJK_CLOSING)


def chinese_number(s: str) -> int | None:
    """一..九十九 (as heading numbers and dates write them), or None."""
    if not s or any(c not in CN_DIGIT and c != "十" for c in s):
        return None
    if "十" not in s:
        return CN_DIGIT[s] if len(s) == 1 else None
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[units] if units else 0)


def to_chinese_number(n: int) -> str:
    """1..99 written as 公文 headings write them (十一, 二十)."""
    names = "〇一二三四五六七八九"
    if n < 10:
        return names[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


def markup_comments(text: str) -> list[tuple[int, int]]:
    """HTML/Markdown comments: notes for editors, never published, so never proofread as prose."""
    return [m.span() for m in _MARKUP_COMMENT.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
