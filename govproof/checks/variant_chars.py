"""S105: a traditional or variant character in simplified text, fixed to its standard simplified form.

The table (dictionaries/hanzi/traditional-to-simplified.tsv, built by scripts/build_traditional_table.py) holds only
one-to-one mappings and no character that 《通用规范汉字表》 keeps as standard, so every fix is unambiguous.
What needs code rather than a rule pack: telling a stray 檢 in a simplified sentence from a quoted Taiwan or
Hong Kong passage, which is written in traditional characters on purpose and must be left alone.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

import regex

from ..config import Config
from ..data import data_dir
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule

RULE = Rule(
    code="S105", name="traditional-character", severity=Severity.WARNING, fix="safe",
    summary="简化字文本中混入繁体字或异体字",
    source="《通用规范汉字表》（国务院，2013）；《中华人民共和国国家通用语言文字法》第三条、第十七条；字表数据 OpenCC（Apache-2.0）",
    doc=("公文使用规范汉字。简化字文本中夹杂的繁体字、异体字（檢查→检查、對於→对于中的“對”）按一对一的字表改为"
         "规范简化字，修改是安全的。不报告：一对多或在规范字表中另有用法的字（乾坤的“乾”、著作的“著”、"
         "宫商角徵羽的“徵”、姓氏“於”、“藉”“瞭”“夥”等）；书名号《》内的名称；整句、整段或整篇是繁体的文字"
         "（如引用的台湾、香港原文），判断依据是其中只在简化字文本里出现的字是否远少于繁体字；"
         "全文没有一个简化字特有字的（如只有“檢查”两个字）也不报告。"),
    examples_hit=["我们對群众反映的问题逐项核实。", "本办法與上级规定不一致的，以上级规定为准。", "此後，各地陆续出台了实施办法。"],
    examples_ok=["各单位要认真检查本部门的信息公开工作。", "乾坤朗朗，著作等身，宫商角徵羽。",
                 "来函引用了台湾地区的规定：“本會對於申請人之請求，應於十五日內答覆。”",
                 "参阅《說文解字》的有关条目。"],
)

_QUOTE = regex.compile(r"“[^“”\n]*”|「[^「」\n]*」|『[^『』\n]*』|‘[^‘’\n]*’")
_SKIP = ("title", "url", "email", "latin", "code")
# A passage counts as traditional when it holds at least this many traditional characters and at most one
# simplified-only character for every SIMPLIFIED_PER_TRADITIONAL of them (simplified prose has about one
# simplified-only character in four, a traditional passage none).
MIN_TRADITIONAL = 2
SIMPLIFIED_PER_TRADITIONAL = 4


@lru_cache(maxsize=1)
def load_tables() -> tuple[dict[str, str], frozenset[str]]:
    """(traditional → simplified, simplified-only characters) from dictionaries/hanzi."""
    folder = data_dir("dictionaries") / "hanzi"
    table: dict[str, str] = {}
    for line in (folder / "traditional-to-simplified.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, _, simp = line.partition("\t")
            table[trad] = simp
    only = set()
    for line in (folder / "simplified-only.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            only.update(line.strip())
    return table, frozenset(only)


@lru_cache(maxsize=1)
def _run_pattern() -> regex.Pattern[str]:
    table, _ = load_tables()
    chars = "".join(sorted(table))
    return regex.compile(f"[{chars}]+")  # Han characters only: nothing to escape


class _Counts:
    """Prefix sums of traditional and simplified-only characters, to judge any span in O(1)."""

    def __init__(self, text: str, table: dict[str, str], only: frozenset[str]):
        self.trad = [0, *accumulate(c in table for c in text)]
        self.simp = [0, *accumulate(c in only for c in text)]

    def is_traditional(self, start: int, end: int, whole: bool = False) -> bool:
        """A passage of traditional text; for the whole document, also one with no simplified-only character."""
        t = self.trad[end] - self.trad[start]
        s = self.simp[end] - self.simp[start]
        return (t >= MIN_TRADITIONAL and s * SIMPLIFIED_PER_TRADITIONAL <= t) or (whole and s == 0)


def _enclosing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    idx = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if idx >= 0 and spans[idx][0] <= offset < spans[idx][1]:
        return spans[idx]
    return None


class VariantCharsCheck(Check):
    def rules(self) -> list[Rule]:
        return [RULE]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if not ctx.is_selected(RULE.code):
            return
        runs = list(_run_pattern().finditer(doc.text))
        if not runs:
            return
        table, only = load_tables()
        text = doc.text
        counts = _Counts(text, table, only)
        if counts.is_traditional(0, len(text), whole=True):
            return
        quotes = [m.span() for m in _QUOTE.finditer(text)]
        for m in runs:
            start, end = m.span()
            if doc.in_region(start, end, _SKIP):
                continue
            passages = [doc.sentence_at(start), _enclosing(doc.paragraphs, start), _enclosing(quotes, start)]
            if any(p is not None and counts.is_traditional(*p) for p in passages):
                continue
            run = m.group(0)
            fixed = "".join(table[c] for c in run)
            yield RULE.finding(start, end, run, f"“{run}”是繁体字或异体字，规范简化字为“{fixed}”",
                               suggestion=fixed, confidence=0.95)


def build(config: Config) -> VariantCharsCheck:
    return VariantCharsCheck()
