"""发文字号 per GB/T 9704-2012 (版头): 机关代字〔2024〕5号 — 六角括号, full year, no 第, no leading zeros.

F101 wrong brackets, F102 short year, F103 第 or leading zeros in the serial number.
"""
from __future__ import annotations

from typing import Iterable

import regex

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from .cjk import FULLWIDTH_DIGITS, TO_HALFWIDTH_DIGITS, inside, markup_comments

GBT9704 = "GB/T 9704-2012《党政机关公文格式》7.2（版头）中的发文字号"
_RULE_DOC = ("GB/T 9704-2012：发文字号由发文机关代字、年份、发文顺序号组成。年份、发文顺序号用阿拉伯数字标注；"
             "年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为001），在阿拉伯数字后加“号”。"
             "例：国办发〔2024〕5号。")

BRACKETS = Rule(
    code="F101", name="docnum-brackets", severity=Severity.WARNING, fix="safe",
    summary="发文字号的年份没有用六角括号〔〕（[2024]、(2024)、【2024】、（2024））",
    source=GBT9704, doc=_RULE_DOC + "\n\n方括号、圆括号、方头括号、全角圆括号都不是六角括号，可直接替换（安全修正）。"
    "法院案号（（2024）京0105行初123号）的年份后是法院代字而不是顺序号，不报告。",
    examples_hit=["根据《国务院办公厅关于印发2024年政务公开工作要点的通知》（国办发[2024]5号）要求，", "京政发(2024)12号",
                  "粤府函【2024】8号", "国办发（2024）5号"],
    examples_ok=["国办发〔2024〕5号", "（2024）京0105行初123号", "2024年(第5号)"],
)
SHORT_YEAR = Rule(
    code="F102", name="docnum-year", severity=Severity.WARNING, fix="unsafe",
    summary="发文字号的年份没有写全（〔24〕）",
    source=GBT9704, doc=_RULE_DOC + "\n\n补全的世纪按文件日期推断，需人工确认。",
    examples_hit=["国办发〔24〕5号", "京政发[24]12号"],
    examples_ok=["国办发〔2024〕5号"],
)
SERIAL = Rule(
    code="F103", name="docnum-serial", severity=Severity.WARNING, fix="safe",
    summary="发文顺序号加了“第”字或编了虚位（第5号、05号）",
    source=GBT9704, doc=_RULE_DOC,
    examples_hit=["国办发〔2024〕第5号", "国办发〔2024〕05号", "国办发〔2024〕 5号"],
    examples_ok=["国办发〔2024〕5号", "国务院令第711号"],
)

_TO_FULLWIDTH = str.maketrans("0123456789", FULLWIDTH_DIGITS)
_DOCNUM = regex.compile(
    r"(?<=[\p{Han}])(?<open>[〔\[［【(（])[ \t\u3000]*(?<year>[0-9０-９]{4}|[0-9０-９]{2})[ \t\u3000]*"
    r"(?<close>[〕\]］】)）])(?<serial>[ \t\u3000]*(?<di>第)?[ \t\u3000]*(?<num>[0-9０-９]{1,5})[ \t\u3000]*号)")


class DocNumberCheck(Check):
    def rules(self) -> list[Rule]:
        return [BRACKETS, SHORT_YEAR, SERIAL]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        comments = markup_comments(doc.text)
        for m in _DOCNUM.finditer(doc.text):
            if doc.in_region(m.start(), m.end(), ("url", "latin", "code")) or inside(comments, m.start(), m.end()):
                continue
            year = m["year"].translate(TO_HALFWIDTH_DIGITS)
            s, e = m.start("open"), m.end("close")
            if len(year) == 2:
                full = (2000 if int(year) <= doc.date.year % 100 + 5 else 1900) + int(year)
                yield SHORT_YEAR.finding(s, e, doc.text[s:e], f"发文字号的年份应标全称，用六角括号括入：“〔{full}〕”",
                                         suggestion=f"〔{full}〕", confidence=0.9)
            elif m["open"] != "〔" or m["close"] != "〕" or e - s != len(year) + 2:
                yield BRACKETS.finding(s, e, doc.text[s:e], f"发文字号的年份应用六角括号“〔〕”括入：“〔{m['year']}〕”",
                                       suggestion=f"〔{m['year']}〕")
            num = m["num"].translate(TO_HALFWIDTH_DIGITS)
            serial = f"{int(num)}号"
            if m["serial"].translate(TO_HALFWIDTH_DIGITS) != serial and int(num) > 0:
                ss, se = m.span("serial")
                why = "不加“第”字" if m["di"] else "不编虚位" if num.startswith("0") else "紧接年份书写"
                fixed = serial if m["num"].isascii() else f"{int(num)}号".translate(_TO_FULLWIDTH)
                yield SERIAL.finding(ss, se, m["serial"], f"发文顺序号{why}：应为“{fixed}”", suggestion=fixed)


def build(config: Config) -> DocNumberCheck:
    return DocNumberCheck()
