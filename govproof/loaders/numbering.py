"""Word's automatic paragraph numbers ("一、", "（二）", "3.") as the reader sees them.

Headings in official documents are often numbered by Word, not typed; without the labels a
heading-numbering check would see gaps that are not there. Labels are computed for the formats
official documents use; a format not handled here (or a bullet) gives no label rather than a wrong one.
"""
from __future__ import annotations

from typing import Any

from .wordml import w

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _chinese(n: int) -> str | None:
    """一 … 九十九, as 公文 number headings: 十, 十一, 二十, 二十一."""
    if not 0 < n < 100:
        return None
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """A … Z, AA … ZZ, as Word counts."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    if fmt == "decimal":
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[n - 1] if 0 < n <= len(_TIANGAN) else None
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else None
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        s = _letters(n) if n > 0 else None
        return s if s is None or fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(n) if n > 0 else None
        return s if s is None or fmt == "upperRoman" else s.lower()
    if fmt == "none":
        return ""
    return None  # bullets, and formats official documents do not use


def _int(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(w("val")))
    except (TypeError, ValueError):
        return default


class Numbering:
    """Counts numbered paragraphs in document order and renders each one's label."""

    def __init__(self, numbering_root: Any | None, styles_root: Any | None):
        self.nums: dict[str, tuple[str, dict[int, Any], dict[int, int]]] = {}
        self.abstract: dict[str, dict[int, Any]] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iterchildren(w("abstractNum")):
            levels = {_int_attr(lvl, "ilvl"): lvl for lvl in abstract.iterchildren(w("lvl"))}
            self.abstract[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iterchildren(w("num")):
            abstract_id = num.find(w("abstractNumId"))
            overrides: dict[int, Any] = {}
            starts: dict[int, int] = {}
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = _int_attr(override, "ilvl")
                if override.find(w("lvl")) is not None:
                    overrides[ilvl] = override.find(w("lvl"))
                if override.find(w("startOverride")) is not None:
                    starts[ilvl] = _int(override.find(w("startOverride")), 1)
            self.nums[num.get(w("numId"), "")] = (
                abstract_id.get(w("val"), "") if abstract_id is not None else "", overrides, starts)

    def _read_styles(self, root: Any) -> None:
        raw: dict[str, tuple[str | None, str | None, int | None]] = {}
        for style in root.iterchildren(w("style")):
            numpr = style.find(f"{w('pPr')}/{w('numPr')}")
            num_id = ilvl = None
            if numpr is not None:
                num_el, lvl_el = numpr.find(w("numId")), numpr.find(w("ilvl"))
                num_id = num_el.get(w("val")) if num_el is not None else None
                ilvl = _int(lvl_el, 0) if lvl_el is not None else None
            based = style.find(w("basedOn"))
            raw[style.get(w("styleId"), "")] = (num_id, based.get(w("val")) if based is not None else None, ilvl)
        for style_id in raw:
            num_id, ilvl, seen, sid = None, None, 0, style_id
            while sid in raw and seen < 10 and (num_id is None or ilvl is None):
                n, parent, lv = raw[sid]
                num_id = num_id if num_id is not None else n
                ilvl = ilvl if ilvl is not None else lv
                sid, seen = parent, seen + 1
            if num_id is not None:
                self.style_numpr[style_id] = (num_id, ilvl)

    def label(self, p: Any) -> str:
        """The label Word shows before paragraph ``p`` ("" when it has none); advances the counters."""
        ppr = p.find(w("pPr"))
        num_id, ilvl = None, None
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            if style is not None and style.get(w("val")) in self.style_numpr:
                num_id, ilvl = self.style_numpr[style.get(w("val"))]
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                if numpr.find(w("numId")) is not None:
                    num_id = numpr.find(w("numId")).get(w("val"))
                if numpr.find(w("ilvl")) is not None:
                    ilvl = _int(numpr.find(w("ilvl")), 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides, starts = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overrides}
        ilvl = ilvl or 0
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in starts.items():  # a restarted list (startOverride) counts from its start again
                counters[level] = start - 1
        counters[ilvl] = counters.get(ilvl, _int(levels[ilvl].find(w("start")), 1) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return self._render(levels, ilvl, counters)

    @staticmethod
    def _render(levels: dict[int, Any], ilvl: int, counters: dict[int, int]) -> str:
        lvl = levels[ilvl]
        text_el = lvl.find(w("lvlText"))
        template = text_el.get(w("val"), "") if text_el is not None else ""
        legal = lvl.find(w("isLgl")) is not None
        out = template
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token not in out:
                continue
            level = levels.get(k - 1)
            if level is None:
                return ""
            fmt_el = level.find(w("numFmt"))
            fmt = "decimal" if legal else (fmt_el.get(w("val"), "decimal") if fmt_el is not None else "decimal")
            n = counters.get(k - 1, _int(level.find(w("start")), 1))
            shown = format_number(n, fmt)
            if shown is None:
                return ""
            out = out.replace(token, shown)
        fmt_el = lvl.find(w("numFmt"))
        if fmt_el is not None and fmt_el.get(w("val")) == "bullet":
            return ""
        return out


def _int_attr(el: Any, name: str) -> int:
    try:
        return int(el.get(w(name), "0"))
    except ValueError:
        return 0
