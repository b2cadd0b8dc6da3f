"""T302: a law or regulation title in 《》 one character away from a real name (typo, dropped or swapped character).

A rule pack cannot say "close to, but not, one of 950 names", so this compares each 《》 title with the list in
dictionaries/laws/law-names.tsv. Precision first: a title fires only when it is not itself a known name, differs from
exactly one known name by one edit (substitution, insertion, deletion or swap of neighbours), the edit is not in a
number, and the title is a formal citation (prefixed 中华人民共和国) or long enough not to be an abbreviation.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..config import Config
from ..data import data_dir
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule

PREFIX = "中华人民共和国"
NAMES_FILE = ("laws", "law-names.tsv")
# Unprefixed titles shorter than this are often abbreviations (保密法, 环保法) or subjects (国际私法): left alone.
MIN_UNPREFIXED = 6
MIN_PREFIXED = 3
_NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百〇零")
_TRAILING_NOTE = regex.compile(r"(?:[（(][^（）()]{0,20}[）)])+$")
_DRAFT = regex.compile(r"(?:修订草案|修正草案|草案|征求意见稿|送审稿)$")
_LAW_ENDING = regex.compile(r"(?<!办|方|做|用|写|算|手|疗|想|看|说|兵|语)法$|条例$|实施细则$")

MISSPELLED_LAW = Rule(
    code="T302", name="misspelled-law-name", severity=Severity.ERROR, fix="unsafe",
    summary="书名号内的法律、行政法规名称写错（与真实名称只差一个字）",
    source="法律、行政法规的正式名称（dictionaries/laws/law-names.tsv：LawRefBook/Laws 目录，经核对并补充）",
    doc="引用法律法规时名称写错一个字、漏一个字或两个字颠倒（《中华人民共和国政府采购法》写成"
        "《中华人民共和国政府釆购法》，《中华人民共和国个人信息保护法》写成《中华人民共和国个人信息保户法》），"
        "会让引用失去依据，属于严重表述错误。本规则把书名号内像法律法规的标题（以“法”“条例”“实施细则”结尾）"
        "与法律、行政法规名称表比对，只在标题本身不是任何已知名称、且恰好与一个已知名称相差一处时报告。"
        "不带“中华人民共和国”前缀的短标题可能是简称（《保密法》）或学科名（《国际私法》），不报告；"
        "数字（修正案序号、年份）的差别不报告。名称表只收法律、行政法规和少数党内法规，"
        "地方性法规带地名、部门规章多称“办法”“规定”，名称通常与法律名称相差不止一处，一般不会被误报；"
        "误报时把该名称写进配置的 whitelist（本单位用），或补进 dictionaries/laws/law-names.tsv（对所有用户）。",
    examples_hit=["根据《中华人民共和国个人信息保户法》第十三条处理个人信息。",
                  "依照《中华人民共和国政府釆购法》组织采购。",
                  "依据《中华人民共和国安全产生法》进行处罚。",
                  "根据《住房公基金管理条例》的规定办理。"],
    examples_ok=["根据《中华人民共和国劳动合同法》第三十九条解除合同。",
                 "依照《中华人民共和国政府采购法》组织采购。",
                 "根据《中华人民共和国刑法修正案（十二）》的规定。",
                 "学习《保密法》《宪法》和《刑法》。",
                 "根据《住房公积金管理条例》的规定办理。",
                 "《中华人民共和国教师法》和《中华人民共和国律师法》"],
)


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Names without the 中华人民共和国 prefix, from the shipped list."""
    path = data_dir("dictionaries").joinpath(*NAMES_FILE)
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("\t", 1)[0])
    return frozenset(names)


def one_edit_apart(a: str, b: str) -> tuple[int, int] | None:
    """If ``a`` becomes ``b`` by one substitution, insertion, deletion or swap of neighbours:
    the span (start, end) in ``a`` of what changed; else None."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return None
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return i, i + 1
        if i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]:
            return i, i + 2
        return None
    if la > lb:
        return (i, i + 1) if a[i + 1:] == b[i:] else None
    return (i, i) if a[i:] == b[i + 1:] else None


def _changed_chars(a: str, b: str, span: tuple[int, int]) -> str:
    s, e = span
    extra = len(b) - len(a) + (e - s)
    return a[s:e] + b[s:s + extra]


def nearest_real_name(core: str, names: frozenset[str]) -> str | None:
    """The single known name one edit away from ``core``, or None (no such name, or more than one)."""
    found = None
    for name in names:
        if abs(len(name) - len(core)) > 1 or name[-1] != core[-1]:
            continue
        span = one_edit_apart(core, name)
        if span is None:
            continue
        changed = _changed_chars(core, name, span)
        if any(c in _NUMERALS or not regex.match(r"\p{Han}", c) for c in changed):
            continue
        if found is not None:
            return None
        found = name
    return found


def _core_span(title: str) -> tuple[int, int, bool]:
    """Where the name proper sits inside a 《》 title: without prefix, version note or draft marker."""
    start = len(PREFIX) if title.startswith(PREFIX) else 0
    end = len(title)
    note = _TRAILING_NOTE.search(title, start)
    if note:
        end = note.start()
    draft = _DRAFT.search(title, start, end)
    if draft:
        end = draft.start()
    return start, end, start > 0


class LawNameCheck(Check):
    def rules(self) -> list[Rule]:
        return [MISSPELLED_LAW]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.is_selected(MISSPELLED_LAW.code):
            return ()
        return list(self._findings(doc))

    def _findings(self, doc: Document) -> Iterator[Finding]:
        names = known_names()
        for s, e in doc.regions("title"):
            title = doc.text[s + 1:e - 1]
            if "关于" in title or "〈" in title or "<" in title:
                continue
            cs, ce, prefixed = _core_span(title)
            core = title[cs:ce]
            if core in names or not _LAW_ENDING.search(core):
                continue
            if len(core) < (MIN_PREFIXED if prefixed else MIN_UNPREFIXED):
                continue
            real = nearest_real_name(core, names)
            if real is None:
                continue
            start = s + 1 + cs
            yield MISSPELLED_LAW.finding(
                start, start + len(core), core,
                f"《{title}》不是已知的法律法规名称，疑为《{title[:cs]}{real}{title[ce:]}》",
                suggestion=real, evidence=f"已知名称：{real}（dictionaries/laws/law-names.tsv）",
                confidence=0.85)


def build(config: Config) -> LawNameCheck:
    return LawNameCheck()
