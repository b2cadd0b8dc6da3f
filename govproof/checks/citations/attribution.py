"""Which law a citation belongs to: 《中华人民共和国政府信息公开条例》, its short forms, or another law.

A chain of citations belongs to the nearest law named before it in the same paragraph:
《中华人民共和国行政复议法》第九条 is never read as an article of the regulation.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable

import regex

from ...document import Document
from .parser import N, Chain

FULL_NAME = "中华人民共和国政府信息公开条例"
SHORT_NAME = "政府信息公开条例"
# Inside 《》: the regulation's name, right or wrong (C105 says which are wrong).
OGI_TITLE = regex.compile(
    r"^(?:中华人民共和国|国务院)?(?:政府|政务)?(?:信息公开|公开信息|信息公布|政务公开)(?:管理|实施)?条例$")
_VERSION_NOTE = regex.compile(r"[（(][^（）()]{0,20}[）)]$")
_SELF = regex.compile(r"本条例|该条例|此条例|上述条例|本法|该法|本规定|本办法|本细则")
_BARE_NAME = regex.compile(
    rf"(?P<name>[\p{{Han}}]{{0,16}}?(?:条例|法|规定|办法|细则|规则|解释))(?=\s*(?:[（(][^（）()]{{0,20}}[）)])?\s*第\s*{N}\s*(?:条|、|至|和))")
_BARE_ALIAS = regex.compile(r"(?:^|根据|依据|依照|按照|对照|适用|参照|违反|符合|据|照|即|见|和|及|、|《)条例$")
_ALIAS_INTRO = regex.compile(
    r"《(?P<law>[^《》\n]{2,60})》[^《》。；\n]{0,12}?[（(](?:[^（）()\n]{0,20}?[，,、；;]\s*)?(?:以下|下)?(?:简称|称)\s*[“\"《]?(?P<alias>[^“”\"《》（）()\n]{1,12})[”\"》]?\s*[）)]")


@dataclass(frozen=True)
class LawRef:
    start: int
    end: int
    name: str           # as written, without 《》
    kind: str           # title | self | bare
    law: str | None     # "ogi", "other", or None when it cannot be told


def is_ogi_title(name: str) -> bool:
    """The regulation's name, right or wrong: 《政府信息公开管理条例》, and slips such as 《…政府信息公开条列》."""
    core = _VERSION_NOTE.sub("", name).strip()
    if OGI_TITLE.match(core):
        return True
    return any(abs(len(core) - len(right)) <= 1 and _distance(core, right) <= limit
               for right, limit in ((FULL_NAME, 2), (SHORT_NAME, 1)))


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _classify_title(name: str, aliases: dict[str, str], pos: int, doc_mentions_ogi: bool,
                    first_other_regulation: int) -> str | None:
    if is_ogi_title(name):
        return "ogi"
    if name in aliases:
        return aliases[name]
    if name == "条例":
        # 《条例》 never introduced: the regulation only when no other 条例 was named before
        return "ogi" if doc_mentions_ogi and first_other_regulation > pos else None
    return "other"


def law_refs(doc: Document, assume_ogi: bool = False) -> list[LawRef]:
    """Every place a law is named, in text order."""
    text = doc.text
    aliases_at: list[tuple[int, str, str]] = []
    for m in _ALIAS_INTRO.finditer(text):
        law = "ogi" if is_ogi_title(m.group("law")) else "other"
        aliases_at.append((m.start("alias"), m.group("alias").strip(), law))
    # 《条例》 never introduced is the regulation in a document about 政府信息 (C106 asks for the introduction)
    doc_mentions_ogi = assume_ogi or bool(regex.search(r"信息公开条例|政府信息", text))
    other_regs = [s for s, e in doc.regions("title")
                  if text[e - 3:e - 1] == "条例" and text[s + 1:e - 1] != "条例" and not is_ogi_title(text[s + 1:e - 1])]
    first_other = min(other_regs, default=len(text))

    def aliases_before(pos: int) -> dict[str, str]:
        return {a: law for p, a, law in aliases_at if p < pos}

    refs: list[LawRef] = []
    for s, e in doc.regions("title"):
        name = text[s + 1:e - 1]
        refs.append(LawRef(s, e, name, "title",
                           _classify_title(name, aliases_before(s), s, doc_mentions_ogi, first_other)))
    selves: list[tuple[int, int]] = []
    for m in _SELF.finditer(text):
        if doc.in_region(m.start(), m.end(), ("title",)):
            continue
        refs.append(LawRef(m.start(), m.end(), m.group(0), "self", None))
        selves.append(m.span())
    for m in _BARE_NAME.finditer(text):
        if doc.in_region(m.start(), m.end(), ("title",)) or any(s < m.end() and m.start() < e for s, e in selves):
            continue
        name = m.group("name")
        if "信息公开条例" in name or "公开信息条例" in name:
            law = "ogi"
        elif _BARE_ALIAS.search(name):
            law = _classify_title("条例", aliases_before(m.start()), m.start(), doc_mentions_ogi, first_other)
        else:
            law = "other"
        refs.append(LawRef(m.start(), m.end(), name, "bare", law))
    refs.sort(key=lambda r: r.start)
    return _resolve_self(doc, refs)


def is_regulation_text(doc: Document) -> bool:
    """The document is the regulation's own text: its title is the name, without 书名号."""
    return SHORT_NAME in doc.title and "《" not in doc.title


def _resolve_self(doc: Document, refs: list[LawRef]) -> list[LawRef]:
    """本条例 / 该条例: the regulation itself when the document is its text, else the law last named in full."""
    own_text = is_regulation_text(doc)
    out: list[LawRef] = []
    last_full: str | None = None
    for r in refs:
        if r.kind == "self":
            law = "ogi" if own_text and r.name == "本条例" else (last_full if r.name.endswith("条例") else "other")
            r = LawRef(r.start, r.end, r.name, r.kind, law)
        elif r.kind == "title" and r.name != "条例":
            last_full = r.law
        out.append(r)
    return out


def attribute(chains: list[Chain], refs: list[LawRef], paragraph_of: Callable[[int], tuple[int, int]]) -> None:
    """Give each chain the law named nearest before it in its paragraph (None when no law is named there)."""
    starts = [r.end for r in refs]
    for chain in chains:
        para_start = paragraph_of(chain.start)[0]
        idx = bisect.bisect_right(starts, chain.start) - 1
        best = refs[idx] if idx >= 0 and refs[idx].start >= para_start else None
        if best is not None:
            chain.law = best.law
