"""Finding article citations in text: 第三十六条第（四）项, 第36条第4项, 第三十六条（四）, lists and ranges.

This module only reads the syntax; which law a citation belongs to is attribution.py's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .formatting import Style
from .numerals import chinese_to_int
from .regulation import Provision

N = r"(?:[〇零一二三四五六七八九十百两]{1,6}|[0-9０-９]{1,3})"
H = r"[ \t\u3000]"   # spaces inside one line: a citation never runs over a line break
_CN_ITEM = r"(?:[一二三四五六七八九十]{1,4}|[0-9０-９]{1,2})"
_START = regex.compile(rf"第{H}*(?P<list>{N}(?:{H}*(?:、|和|及|与|至|到){H}*{N})+){H}*条|第{H}*(?P<a>{N}){H}*条")
_ARTICLE = regex.compile(rf"(?P<di>第)?{H}*(?P<a>{N}){H}*条")
_PARA = regex.compile(rf"{H}*第{H}*(?:(?P<p>{N})|[（(]{H}*(?P<pp>{N}){H}*[）)]){H}*款")
_ITEM = regex.compile(rf"(?P<di>第)?{H}*[（(]{H}*(?P<i>{_CN_ITEM}){H}*[）)](?P<xiang>{H}*项)?|第{H}*(?P<i2>{N}){H}*项")
_JOIN = regex.compile(rf"{H}*(?:以及|或者|、|和|及|与|或){H}*")
_RANGE = regex.compile(rf"{H}*(?:至|到|—|－|~|～){H}*")
_LIST_SPLIT = regex.compile(r"\s*(至|到)\s*|\s*(?:、|和|及|与)\s*")
_HEADING_GAP = regex.compile(r"[ \u3000]")


@dataclass
class Element:
    """One provision named in a citation, with the span that names it."""

    start: int
    end: int
    provision: Provision
    style: Style
    has_article: bool = True   # False for `、第（五）项`, which borrows its article from the element before
    implied: bool = False      # the middle of a range (第十四条至第十六条 → 第十五条)


@dataclass
class Chain:
    """A run of citations that share one law: `第十四条、第十五条和第十六条`."""

    start: int
    end: int
    elements: list[Element] = field(default_factory=list)
    law: str | None = None          # "ogi" when it cites 《中华人民共和国政府信息公开条例》


def _num(s: str) -> int:
    return chinese_to_int(regex.sub(r"\s", "", s))


def _item_of(m: "regex.Match[str]") -> tuple[int, str]:
    if m.group("i2") is not None:
        return _num(m.group("i2")), "bare"
    return _num(m.group("i")), "paren" if (m.group("di") or m.group("xiang")) else "short"


def _is_heading(text: str, start: int, end: int) -> bool:
    """`第三十六条 对政府信息公开申请…` at the start of a line is an article heading, not a citation."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip(" \t\u3000#>*-")
    return before == "" and end < len(text) and bool(_HEADING_GAP.match(text, end))


def _tail(text: str, pos: int, art: int, para: int | None, arabic: bool,
          elements: list[Element], start: int, has_article: bool, item_style_default: str) -> int:
    """Read `第X款` and `第（X）项` after an article; append the element; return where it ends."""
    end = pos
    m = _PARA.match(text, pos)
    if m:
        para = _num(m.group("p") or m.group("pp"))
        end = pos = m.end()
    m = _ITEM.match(text, pos)
    if m:
        item, style = _item_of(m)
        elements.append(Element(start, m.end(), Provision(art, para, item), Style(arabic, style), has_article))
        return m.end()
    elements.append(Element(start, end, Provision(art, para), Style(arabic, item_style_default), has_article))
    return end


def find_chains(text: str, lo: int = 0, hi: int | None = None) -> list[Chain]:
    hi = len(text) if hi is None else hi
    chains: list[Chain] = []
    pos = lo
    while True:
        m = _START.search(text, pos, hi)
        if not m:
            return chains
        pos = m.end()
        if _is_heading(text, m.start(), m.end()):
            continue
        chain = Chain(m.start(), m.end())
        arabic = bool(regex.search(r"\d", m.group(0)))
        if m.group("list"):
            _compressed(m, chain, arabic)
            chains.append(chain)
            continue
        art = _num(m.group("a"))
        end = _tail(text, m.end(), art, None, arabic, chain.elements, m.start(), True, "paren")
        end = _continue(text, end, hi, chain, art, arabic)
        chain.end = end
        pos = max(pos, end)
        chains.append(chain)


def _compressed(m: "regex.Match[str]", chain: Chain, arabic: bool) -> None:
    """第十四、十五、十六条 and 第十四至十六条."""
    parts = _LIST_SPLIT.split(m.group("list"))
    numbers: list[int] = []
    ranged = False
    for part in parts:
        if part is None or part == "":
            continue
        if part in ("至", "到"):
            ranged = True
            continue
        n = _num(part)
        if ranged and numbers:
            numbers.extend(range(numbers[-1] + 1, n + 1))
            ranged = False
        else:
            numbers.append(n)
    first, last = numbers[0], numbers[-1]
    for n in numbers:
        chain.elements.append(Element(m.start(), m.end(), Provision(n), Style(arabic), True,
                                      implied=n not in (first, last)))


def _continue(text: str, pos: int, hi: int, chain: Chain, art: int, arabic: bool) -> int:
    """Follow `、第十五条`, `和第（五）项`, `至第十六条`, `、第三款` for as long as the chain goes on."""
    end = pos
    while pos < hi:
        last = chain.elements[-1]
        j = _JOIN.match(text, pos)
        r = None if j else _RANGE.match(text, pos)
        sep = j or r
        if not sep:
            return end
        q = sep.end()
        a = _ARTICLE.match(text, q)
        if a and (a.group("di") or j):
            new_art = _num(a.group("a"))
            before = len(chain.elements)
            nxt = _tail(text, a.end(), new_art, None, arabic, chain.elements, q, True, last.style.item)
            if r and new_art > art and chain.elements[before].provision.paragraph is None:
                for n in range(art + 1, new_art):
                    chain.elements.insert(before + n - art - 1, Element(last.start, nxt, Provision(n), last.style,
                                                                      True, implied=True))
            art, end, pos = new_art, nxt, nxt
            continue
        p = _PARA.match(text, q)
        if p:
            nxt = _tail(text, q, art, None, arabic, chain.elements, q, False, last.style.item)
            end = pos = nxt
            continue
        i = _ITEM.match(text, q)
        if i and last.provision.item is not None:
            item, style = _item_of(i)
            if style == "short" and not i.group("xiang"):
                style = last.style.item   # `第（四）、（五）项`: written like the item before it
            para = last.provision.paragraph
            if r and item > last.provision.item:
                for n in range(last.provision.item + 1, item):
                    chain.elements.append(Element(last.start, i.end(), Provision(art, para, n), last.style,
                                                  False, implied=True))
            chain.elements.append(Element(q, i.end(), Provision(art, para, item), Style(arabic, style), False))
            end = pos = i.end()
            continue
        return end
    return end
