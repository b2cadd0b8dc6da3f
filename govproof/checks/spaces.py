"""P108: a stray space (half- or full-width) between two Chinese characters inside a sentence.

公文 use spaces on purpose in signature lines, headings, name lists and tables, and after
“第一条”; the check only looks inside lines that read as prose and leaves all of those alone.
"""
from __future__ import annotations

from typing import Iterable

import regex

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from .cjk import inside, markup_comments

STRAY_SPACE = Rule(
    code="P108", name="stray-space", severity=Severity.WARNING, fix="unsafe",
    summary="句子中两个汉字之间、中文标点前后多了空格（含全角空格）",
    source="GB/T 15834-2011《标点符号用法》（中文行文不以空格表示停顿）；GB/T 9704-2012 7.3.3（正文）",
    doc="中文词语之间不加空格。句子中间出现的空格多是排版时对齐、删改后留下的，网页上会显示成断开的词语。"
        "只在有句内标点（，。；）的正文行里、两侧都是汉字的单处空格才报告；"
        "中文标点（，。；、？！）前后紧挨着的单个空格也报告。"
        "“第一条　”“一、”等序号后的空格、标题、署名、名单和表格中的对齐空格、引号和书名号里的内容都不报告。"
        "删除空格需人工确认（`--unsafe-fixes`）。",
    examples_hit=["各单位要高度重视，认真 组织实施。", "各单位要高度重视， 认真组织实施 。",
                  "请各单位于3月底前将材料报送至区政府　办公室。"],
    examples_ok=["第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本条例。",
                 "勠力同心谋新篇 砥砺前行开新局", "郭金严　　市公安局副局长",
                 "会上提出“勠力同心谋新篇 砥砺前行开新局”的口号。", "姓名 性别 出生年月 职务",
                 "联系人：王　伟，电话：0771-2801234。", "出席：张三 李四。",
                 "主办单位：某某市人民政府办公室　版权所有"],
)

_BETWEEN_HAN = regex.compile(r"(?<=\p{Han})[ \u3000]+(?=\p{Han})")
_PADDED_NAME = regex.compile(r"(?:^|(?<=[^\p{Han}]))\p{Han}[ \u3000]\p{Han}(?!\p{Han})")
_NAME_PAIR = regex.compile(r"(?:^|(?<=[^\p{Han}]))\p{Han}{2,3}[ \u3000]\p{Han}{2,3}(?!\p{Han})")
# One space next to ，。；、？！ inside a line (never the indent at its start, never after ：, where forms align).
_BESIDE_MARK = regex.compile(r"(?<=\p{Han})[ \u3000](?=[，。；、？！])|(?<=[，。；、？！])[ \u3000](?=\p{Han})")
_PROSE = regex.compile(r"[，。；]")
_LABEL = regex.compile(
    r"[\s\u3000#>*]*(?:第[一二三四五六七八九十百零〇\d]+[编章节条款项]|[一二三四五六七八九十]{1,3}[、.．]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|附件\d*|附录|附|注|主题词|抄送|发送|联系人)[\s\u3000]*$")


def _in_name_pair(line: str, space: int) -> bool:
    """Is the space the gap of a short token pair standing alone between punctuation (a list of names)?"""
    return any(m.start() < space < m.end() for m in _NAME_PAIR.finditer(line))


class SpaceCheck(Check):
    def rules(self) -> list[Rule]:
        return [STRAY_SPACE]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        comments = markup_comments(doc.text)
        for line_start, line in doc.iter_lines():
            if not _PROSE.search(line) or "\t" in line:
                continue
            gaps = [(m, "两个汉字之间") for m in self._between_han(line)]
            gaps += [(m, "中文标点前后") for m in _BESIDE_MARK.finditer(line)]
            for m, where in gaps:
                start, end = line_start + m.start(), line_start + m.end()
                if (_LABEL.fullmatch(line, 0, m.start()) or inside(comments, start, end)
                        or doc.in_region(start, end, ("title", "quote", "latin", "code", "url", "email"))):
                    continue
                kind = "全角空格" if m.group() == "\u3000" else "空格"
                yield STRAY_SPACE.finding(start, end, m.group(), f"{where}多了{kind}，应删除", suggestion="")

    @staticmethod
    def _between_han(line: str) -> list[regex.Match[str]]:
        spaces = list(_BETWEEN_HAN.finditer(line))
        if len(spaces) != 1 or len(spaces[0].group()) > 1:
            return []                 # several gaps or a wide one: alignment, a table row, a name list
        m = spaces[0]
        if _PADDED_NAME.match(line, max(0, m.start() - 2)) or _PADDED_NAME.match(line, max(0, m.start() - 1)):
            return []                 # 王　伟: a two-character name padded to the width of three
        if _in_name_pair(line, m.start()):
            return []                 # 出席：张三 李四。 names set apart by a space
        return [m]


def build(config: Config) -> SpaceCheck:
    return SpaceCheck()
