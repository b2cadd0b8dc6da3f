"""Heading numbers by the 公文 levels 一、 → （一） → 1. → （1） (GB/T 9704-2012 7.3.3).

F104: a number that skips, repeats, runs backwards or does not start at 1 under its parent.
F105: a level that appears where its parent level is used but has not come yet.
Excerpts (a document that starts at （三）, a single sentence) are not judged: a heading is only
compared with headings that came before it in the same document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from .cjk import TO_HALFWIDTH_DIGITS, chinese_number, to_chinese_number

GBT9704 = "GB/T 9704-2012《党政机关公文格式》7.3.3（正文：结构层次序数）"
LEVEL_SHAPES = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}

SEQUENCE = Rule(
    code="F104", name="heading-sequence", severity=Severity.WARNING, fix="none",
    summary="标题序号跳号、重号、颠倒或不从1开始（一、→三、，（一）→（一））",
    source=GBT9704,
    doc="GB/T 9704-2012 7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注。同一层级的序号应从一"
        "（或1）开始连续编排。跳号、重号、颠倒多是增删段落后没有重新编号留下的。\n\n"
        "一份材料从中间开始（第一个标题是“（三）”）、单独一句话，都不判断；“第×条”“附件”和以冒号结尾的引导段之后"
        "允许重新从（一）或1.编号。序号中多出的空格、全角数字（１．）不影响判断。",
    examples_hit=["一、总体要求\n二、主要任务\n四、保障措施", "一、总体要求\n（一）指导思想\n（一）基本原则",
                  "一、总体要求\n（二）基本原则"],
    examples_ok=["一、总体要求\n（一）指导思想\n（二）基本原则\n二、主要任务\n（一）加强领导",
                 "（三）有较规范完善的管理办法、考核鉴定工作制度和工作流程。",
                 "一、总体要求\n１．指导思想\n２. 基本原则\n二 、主要任务"],
)
LEVEL = Rule(
    code="F105", name="heading-level", severity=Severity.WARNING, fix="none",
    summary="标题层级越级：下一级序号出现在本节的上一级序号之前",
    source=GBT9704,
    doc="结构层次应逐级展开：“（一）”下面才用“1.”，“1.”下面才用“（1）”。同一节里先出现“1.”、后面才出现"
        "“（一）”，说明层级用乱了。整篇都不用某一级（一、下面直接用1.）是常见写法，不报告。",
    examples_hit=["一、总体要求\n1.指导思想\n（一）基本原则\n（二）工作目标"],
    examples_ok=["一、总体要求\n1.指导思想\n2.基本原则\n二、主要任务\n1.加强领导"],
)

_HEADING = regex.compile(
    r"[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]*)?(?<mark>"
    r"(?<l1>[一二三四五六七八九十]{1,3})[ \t\u3000]*[、．.](?![一二三四五六七八九十])|"
    r"[（(][ \t\u3000]*(?<l2>[一二三四五六七八九十]{1,3})[ \t\u3000]*[）)]|"
    r"(?<l3>[0-9０-９]{1,2})[ \t\u3000]*[.．、](?![0-9０-９])|"
    r"[（(][ \t\u3000]*(?<l4>[0-9０-９]{1,2})[ \t\u3000]*[）)])")
# Numbering starts afresh after 第×条/章 (laws, rules) and in the 附件 list and the attachments themselves.
_RESET = regex.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:第[一二三四五六七八九十百零〇\d]+[编章节条]|附[ \t\u3000]*件|附[ \t\u3000]*录|附[：:])")


@dataclass
class Heading:
    level: int
    number: int
    start: int
    end: int
    text: str


def _headings(doc: Document) -> list[Heading | None]:
    """Every paragraph as a heading, or None for a paragraph that is not one (kept to see 第×条 and colons)."""
    out: list[Heading | None] = []
    for ps, pe in doc.paragraphs:
        m = _HEADING.match(doc.text, ps, pe)
        if not m:
            out.append(None)
            continue
        for level in (1, 2, 3, 4):
            raw = m[f"l{level}"]
            if raw:
                n = chinese_number(raw) if level in (1, 2) else int(raw.translate(TO_HALFWIDTH_DIGITS))
                if n:
                    out.append(Heading(level, n, m.start("mark"), m.end("mark"), m["mark"]))
                else:
                    out.append(None)
                break
    return out


def _label(level: int, n: int) -> str:
    return LEVEL_SHAPES[level].format(to_chinese_number(n) if level in (1, 2) else n)


class HeadingCheck(Check):
    def rules(self) -> list[Rule]:
        return [SEQUENCE, LEVEL]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        items = _headings(doc)
        if sum(1 for h in items if h) < 2:
            return
        paragraphs = doc.paragraphs
        blocks: list[list[tuple[int, Heading | None]]] = [[]]
        for idx, h in enumerate(items):
            if h is None and _RESET.match(doc.text, *paragraphs[idx]):
                blocks.append([])
            blocks[-1].append((idx, h))
        for block in blocks:
            yield from self._block(doc, block)

    def _block(self, doc: Document, block: list[tuple[int, Heading | None]]) -> Iterator[Finding]:
        last: dict[int, int | None] = {1: None, 2: None, 3: None, 4: None}
        seen_in_section: set[int] = set()
        restart_ok = False
        for pos, (idx, h) in enumerate(block):
            if h is None:
                ps, pe = doc.paragraphs[idx]
                restart_ok = restart_ok or doc.text[ps:pe].rstrip().endswith(("：", ":"))
                continue
            L, n = h.level, h.number
            if (L - 1 not in seen_in_section and any(k < L - 1 for k in seen_in_section)
                    and self._parent_comes_later(block, pos, L)):
                yield LEVEL.finding(h.start, h.end, h.text,
                                    f"“{h.text.strip()}”是第{L}层序号，但本节的第{L - 1}层序号（如“{_label(L - 1, 1)}”）在它后面才出现，层级用乱了")
            prev = last[L]
            message = None
            if prev is None:
                if L > 1 and n != 1 and last[L - 1] is not None:
                    message = f"本节第一个“{_label(L, n)}”应从“{_label(L, 1)}”开始"
            elif n == prev + 1 or (n == 1 and (restart_ok or prev > 1)):
                pass
            elif n == prev:
                message = f"序号“{h.text.strip()}”与上一个同级序号重复，应为“{_label(L, prev + 1)}”"
            elif n > prev + 1:
                missing = "、".join(_label(L, k) for k in range(prev + 1, min(n, prev + 4)))
                message = f"序号从“{_label(L, prev)}”跳到了“{_label(L, n)}”，缺少“{missing}”"
            else:
                message = f"序号“{_label(L, n)}”排在“{_label(L, prev)}”之后，顺序颠倒"
            if message:
                yield SEQUENCE.finding(h.start, h.end, h.text, message)
            last[L] = n
            for k in range(L + 1, 5):
                last[k] = None
            seen_in_section = {k for k in seen_in_section if k < L} | {L}
            restart_ok = False

    @staticmethod
    def _parent_comes_later(block: list[tuple[int, Heading | None]], pos: int, level: int) -> bool:
        """Does a level-1 parent heading come later in this section (before a heading above the parent)?"""
        for _, h in block[pos + 1:]:
            if h is None:
                continue
            if h.level < level - 1:
                return False
            if h.level == level - 1:
                return True
        return False


def build(config: Config) -> HeadingCheck:
    return HeadingCheck()
