"""Punctuation that needs context a regex cannot hold (GB/T 15834-2011).

P101 half-width , . ; : ? ! ( ) inside Chinese text; P103 unpaired quotes and brackets;
P104 quotes or 书名号 nested inside their own kind.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from .cjk import inside, is_chinese_side, is_han, markup_comments

GBT15834 = "GB/T 15834-2011《标点符号用法》"
PROSE_SKIP = ("url", "email", "latin", "code")

HALFWIDTH = Rule(
    code="P101", name="halfwidth-punctuation", severity=Severity.WARNING, fix="safe",
    summary="中文里用了半角标点（, . ; : ? ! ( ) \"）",
    source=f"{GBT15834} 第4章（各标点符号的形式）、第5章（标点符号的位置和书写形式）",
    doc="中文行文应使用全角标点：逗号“，”、句号“。”、分号“；”、冒号“：”、问号“？”、叹号“！”、括号“（）”。"
        "半角标点多是切换输入法时漏改的，印出来挤在一起、位置偏下，是网站检查中常被点名的差错。\n\n"
        "以下情形不报告：数字中的小数点和千位分隔（3.5、10,000）、时间与比例（10:30、1:2）、"
        "网址和电子邮箱、英文段落、代码、Markdown 链接，以及“1.”这类阿拉伯数字序号。"
        "英文句点只在句末（其后是行尾或后引号）才改为句号；汉字之间的“.”可能是人名间隔号，不报告。"
        "英文直引号（\"）括着中文时改为“”，按段内先后配对；一段里直引号为单数、无法确定配对时不报告。",
    examples_hit=["各单位要高度重视,认真组织实施。", "联系电话:0771-1234567。", "现将有关事项通知如下:",
                  "请于3月底前报送材料.", "一.总体要求", "县(市、区)人民政府要加强领导。",
                  '按照"公开为常态、不公开为例外"的原则。'],
    examples_ok=["各单位要高度重视，认真组织实施。", "增长3.5个百分点，达到10,000户。", "会议于10:30开始。",
                 "详见http://www.gov.cn/zhengce/index.htm，请查阅。", "The meeting will start at 10:30, see you there.",
                 "阿依古丽.买买提同志任副主任。", "1.总体要求", '他说"公开"两个字，后面没有了。"'],
)
UNPAIRED = Rule(
    code="P103", name="unpaired-punctuation", severity=Severity.ERROR, fix="none",
    summary="引号、书名号、括号不成对（“” ‘’ 《》 （） 【】 〔〕）",
    source=f"{GBT15834} 4.8（引号）、4.9（括号）、4.15（书名号）",
    doc="引号、括号、书名号都是成对使用的标号，前后两半缺一半、或者两种标号交错（“（……”）），"
        "读者就分不清引用和注释到哪里为止。本规则在每个段落内配对；跨段的长引文按 GB/T 15834 的规定"
        "每段开头用前引号、只在最后一段末尾用后引号，这种写法不报告。行首的“1）”“a）”是序号，不报告。"
        "半角括号多出现在中英混排和代码里，单独缺一半时不报告（中文里的半角括号由 P101 报告）。"
        "文本在句子中间截断（以逗号、分号、冒号结尾的摘录）时，最后一段里没闭合的标号不报告。",
    examples_hit=["他强调：“要把群众的事当作自己的事。", "根据《中华人民共和国政府信息公开条例规定，制定本办法。",
                  "请于3月底前报送材料）。"],
    examples_ok=["他强调：“要把群众的事当作自己的事。”", "“一是……\n“二是……”",
                 "1）报名时间：3月1日至3月15日。", "暂时调整实施《中华人民共和国药品管理法"],
)
NESTING = Rule(
    code="P104", name="wrong-nesting", severity=Severity.WARNING, fix="safe",
    summary="引号、书名号里又用了同一种标号（《关于印发《××办法》的通知》）",
    source=f"{GBT15834} 4.8（引号）、4.15（书名号）",
    doc="书名号里边还要用书名号时，外面一层用双书名号，里边一层用单书名号：《关于印发〈××办法〉的通知》。"
        "引号里面还要用引号时，外面一层用双引号，里边一层用单引号。书名号的改法是确定的（安全修正）；"
        "引号里再出现的前引号也可能是打错的后引号，所以引号只给出建议，需人工确认。",
    examples_hit=["印发《关于印发《政府信息公开工作考核办法》的通知》。", "他说：“大家要记住“为人民服务”这句话。”"],
    examples_ok=["印发《关于印发〈政府信息公开工作考核办法〉的通知》。", "他说：“大家要记住‘为人民服务’这句话。”"],
)

_FULL = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MID_SENTENCE_END = regex.compile(r"[，、；：,;:][ \t\u3000]*$")
_FULL_STOP_END = regex.compile(r"[。！？!?…”’》）)】〕」』][ \t\u3000]*$")
_SENTENCE_END = regex.compile(r"[ \t]*(?:[”’）]|\r|\n|$)")
_LEADING_CN_NUMBER = regex.compile(r"[ \t\u3000#]*[一二三四五六七八九十]{1,3}$")
_PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】", "〔": "〕", "「": "」", "『": "』"}
_CLOSERS = {c: {o for o, cc in _PAIRS.items() if cc == c} for c in set(_PAIRS.values())}
_CLOSERS["）"] = _CLOSERS[")"] = {"（", "("}
_ENUMERATOR = regex.compile(r"(?m)(?:^|[\s：:，；])[\s\u3000]*[0-9０-９A-Za-z一二三四五六七八九十]{1,3}$")
_NAMES = {"“": "前引号", "”": "后引号", "‘": "前单引号", "’": "后单引号", "《": "前书名号", "》": "后书名号",
          "〈": "前单书名号", "〉": "后单书名号", "（": "前括号", "）": "后括号", "(": "前括号", ")": "后括号",
          "【": "前方头括号", "】": "后方头括号", "〔": "前六角括号", "〕": "后六角括号",
          "「": "前直角引号", "」": "后直角引号", "『": "前双直角引号", "』": "后双直角引号"}


class PunctuationCheck(Check):
    def rules(self) -> list[Rule]:
        return [HALFWIDTH, UNPAIRED, NESTING]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        comments = markup_comments(doc.text)
        found: list[Finding] = []
        if ctx.is_selected(HALFWIDTH.code):
            found.extend(self._halfwidth(doc))
        if ctx.is_selected(UNPAIRED.code) or ctx.is_selected(NESTING.code):
            for ps, pe in doc.paragraphs:
                found.extend(self._pairs(doc, ps, pe))
        return [f for f in found if not (comments and inside(comments, f.start, f.end))]

    # --- P101 -------------------------------------------------------------
    def _halfwidth(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in regex.finditer(r"[,;:?!.]", text):
            i = m.start()
            c = m.group()
            if doc.in_region(i, i + 1, PROSE_SKIP):
                continue
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            suggestion = self._point(doc, i, c, prev, nxt)
            if suggestion:
                message = (f"序号后的半角“{c}”应改为顿号“、”" if suggestion == "、"
                           else f"中文里的半角“{c}”应改为全角“{suggestion}”")
                yield HALFWIDTH.finding(i, i + 1, c, message, suggestion=suggestion)
        yield from self._parentheses(doc)
        yield from self._straight_quotes(doc)

    @staticmethod
    def _point(doc: Document, i: int, c: str, prev: str, nxt: str) -> str | None:
        text = doc.text
        if c == ".":
            if prev == "." or nxt == ".":
                return None           # an ellipsis written with dots: P106
            line_start = text.rfind("\n", 0, i) + 1
            if is_han(prev) and _LEADING_CN_NUMBER.fullmatch(text, line_start, i):
                return "、"           # 一. → 一、 (heading numbers after Chinese numerals take 顿号)
            if is_chinese_side(prev) and prev not in "。，、；：？！" and _SENTENCE_END.match(text, i + 1):
                return "。"
            return None
        if prev.isdigit() and nxt.isdigit():
            return None               # 10,000 · 10:30 · 1:2
        if c == "!" and nxt == "[":
            return None               # Markdown image
        if prev.isascii() and prev.isalnum() and doc.in_region(i - 1, i, ("latin",)):
            return None               # the mark ends an English passage
        after = nxt if nxt != " " else (text[i + 2] if i + 2 < len(text) else "")
        if is_chinese_side(prev) or is_chinese_side(after):
            return _FULL[c]
        return None

    def _parentheses(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        skip = PROSE_SKIP + ("docnum",)
        for ps, pe in doc.paragraphs:
            stack: list[int] = []
            for m in regex.finditer(r"[()（）]", text, pos=ps, endpos=pe):
                i = m.start()
                if m.group() in "()" and doc.in_region(i, i + 1, skip):
                    continue
                if m.group() in "(（":
                    stack.append(i)
                    continue
                if not stack:
                    continue
                o = stack.pop()
                if text[o] == "（" and text[i] == "）":
                    continue
                if self._chinese_parenthesis(doc, o, i):
                    for k in (o, i):
                        if text[k] in "()":
                            yield HALFWIDTH.finding(k, k + 1, text[k], f"中文里的半角括号“{text[k]}”应改为全角“{_FULL[text[k]]}”",
                                                    suggestion=_FULL[text[k]])

    def _straight_quotes(self, doc: Document) -> Iterator[Finding]:
        """"…" around Chinese words: the n-th straight quote of a paragraph opens, the next closes.
        A paragraph with an odd number of them is ambiguous and left alone."""
        text = doc.text
        for ps, pe in doc.paragraphs:
            marks = [m.start() for m in regex.finditer(r'"', text, pos=ps, endpos=pe)
                     if not doc.in_region(m.start(), m.end(), PROSE_SKIP)]
            if not marks or len(marks) % 2:
                continue
            for o, c in zip(marks[::2], marks[1::2]):
                if c - o > 200 or not any(is_han(ch) for ch in text[o + 1:c]):
                    continue
                for k, full in ((o, "“"), (c, "”")):
                    yield HALFWIDTH.finding(k, k + 1, '"', f'中文里的直引号“\"”应改为弯引号“{full}”', suggestion=full)

    @staticmethod
    def _chinese_parenthesis(doc: Document, o: int, c: int) -> bool:
        text = doc.text
        left = text[o - 1] if o > 0 else ""
        right = text[c + 1] if c + 1 < len(text) else ""
        if left == "]" or doc.in_region(o + 1, c, ("url", "email")):
            return False              # Markdown link target or a bare address
        return any(is_han(ch) for ch in text[o + 1:c]) or is_chinese_side(left) or is_chinese_side(right)

    # --- P103 / P104 ----------------------------------------------------------
    def _pairs(self, doc: Document, ps: int, pe: int) -> Iterator[Finding]:
        text = doc.text
        # (mark, offset, findings of marks nested inside it, kept until it is closed: an inner 《》 is only
        # "nested" once we know the outer 《 really has its 》)
        stack: list[tuple[str, int, list[Finding]]] = []
        for m in regex.finditer(r"[“”‘’《》〈〉（）()【】〔〕「」『』]", text, pos=ps, endpos=pe):
            i, ch = m.start(), m.group()
            if ch in "()‘’" and doc.in_region(i, i + 1, PROSE_SKIP):
                continue
            if ch in "‘’" and i > 0 and i + 1 < len(text) and text[i - 1].isascii() and text[i - 1].isalpha() \
                    and text[i + 1].isascii() and text[i + 1].isalpha():
                continue              # an apostrophe: China’s
            if ch in _PAIRS:
                stack.append((ch, i, []))
                continue
            openers = _CLOSERS[ch]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in openers), None)
            if depth is None:
                if ch == ")" or (ch == "）" and _ENUMERATOR.search(text, max(ps, i - 6), i)):
                    continue          # 1） a） 一） used as item numbers
                yield UNPAIRED.finding(i, i + 1, ch, f"“{ch}”（{_NAMES[ch]}）没有对应的{_NAMES[next(iter(openers))]}")
                continue
            for o, oi, _ in stack[depth + 1:]:
                if o != "(":
                    yield self._unclosed(o, oi)
            o, oi, inner = stack[depth]
            del stack[depth:]
            outer = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == o), None)
            if o in "“《" and outer is not None:
                stack[outer][2].extend(self._nested(o, oi, ch, i))
            if outer is not None:
                stack[outer][2].extend(inner)
            else:
                yield from inner
        if stack and self._cut_off(doc, pe):
            return                    # an excerpt that stops mid-sentence: the other half is beyond the cut
        for o, oi, _ in stack:
            if o == "(" or (o == "“" and self._quote_continues(doc, pe)):
                continue
            yield self._unclosed(o, oi)

    @staticmethod
    def _unclosed(o: str, oi: int) -> Finding:
        return UNPAIRED.finding(oi, oi + 1, o, f"“{o}”（{_NAMES[o]}）没有对应的{_NAMES[_PAIRS[o]]}")

    @staticmethod
    def _nested(o: str, oi: int, c: str, ci: int) -> Iterator[Finding]:
        if o == "《":
            msg = "书名号里边再用书名号时，里边一层应改用单书名号〈〉"
            yield NESTING.finding(oi, oi + 1, o, msg, suggestion="〈")
            yield NESTING.finding(ci, ci + 1, c, msg, suggestion="〉")
        else:
            msg = "引号里边再用引号时，里边一层应改用单引号‘’（也可能是前后引号打反了，请确认）"
            yield NESTING.finding(oi, oi + 1, o, msg, suggestion="‘", fix_safe=False)
            yield NESTING.finding(ci, ci + 1, c, msg, suggestion="’", fix_safe=False)

    @staticmethod
    def _cut_off(doc: Document, pe: int) -> bool:
        """The text stops mid-sentence: its last paragraph ends with a comma-like mark, or it is a
        one-paragraph fragment without a full stop (a sentence cut out of a longer text)."""
        if doc.text[pe:].strip():
            return False
        if _MID_SENTENCE_END.search(doc.text, 0, pe):
            return True
        return len(doc.paragraphs) == 1 and not _FULL_STOP_END.search(doc.text, 0, pe)

    @staticmethod
    def _quote_continues(doc: Document, pe: int) -> bool:
        """A quotation that runs over several paragraphs opens each one with “ (GB/T 15834, 4.8)."""
        for s, _ in doc.paragraphs:
            if s >= pe:
                return doc.text[s:s + 4].lstrip(" \t\u3000").startswith("“")
        return False


def build(config: Config) -> PunctuationCheck:
    return PunctuationCheck()
