"""The S110 and S111 rules and the check that runs both over a Document."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

from ...finding import Finding, Severity
from ...rule import Check, CheckContext, Rule

if TYPE_CHECKING:
    from ...config import Config
    from ...document import Document
    from .expressions import NearMiss

SKIP_KINDS = ("url", "email", "latin", "code", "title")
WINDOW_WORD_MIN = 100   # a written window the dictionary holds this often is another expression, not a typo
EDGE_WORD_MIN = 20      # an edge character that forms a word this frequent with its outer neighbour is that word's
INNER_WORD_MIN = 1000   # a changed character inside a word this common within the window is that word's (国家有关) ...
INNER_MAX_LEN = 4       # ... in a short entry; in a longer one the rest of the entry outweighs it (退役军人事物局)
MODERN_WORD_ZIPF = 3.0  # a pair wordfreq counts once per million words or more is a word, not a typo (S111)
_HAN_RUN = regex.compile(r"\p{Han}{2,}")

FIXED_EXPRESSION = Rule(
    code="S110", name="fixed-expression-near-miss", severity=Severity.ERROR, fix="safe", priority=1,
    summary="固定提法、成语或机关名称中写错一个字（同音、近音或形近字）",
    source="dictionaries/expressions/fixed-expressions.txt（党的二十大报告、政府工作报告、国务院机构设置、"
           "《现代汉语词典》第7版成语词形，编写者整理）；同音、形近与共用部件数据见 dictionaries/spelling/ 和 dictionaries/hanzi/",
    doc=("规范提法、成语和四字格、机关和制度名称写法固定，错一个字就是网站检查中扣分的“严重错别字”"
         "（按步就班→按部就班、不忘出心→不忘初心、放官服→放管服、市场监督管里局→市场监督管理局）。"
         "本规则把文中与固定表述词表中某一条只差一个字、且这个字与原字同音、近音或形近（含共用部件，如署/暑）"
         "的写法报告出来。写出的字串本身是常用词（如另一条成语）时不报告；差的字在表述的首尾、并与表述外的字组成词时"
         "（“河长值班”中的“值班”）不报告；三个字的表述只在中间一字或句子边上才报告。"
         "书名号内的标题、网址、英文不查。四字及以上、同音或形近的改正标为可自动修复，其余需人工确认。"
         "新提法只需在词表相应类别下加一行。"),
    examples_hit=["各项工作要按布就班推进。", "全体党员要不忘出心、牢记使命。", "持续深化放官服改革。",
                  "统筹推进五位一休总体布局。", "市场监督管里局开展专项检查。"],
    examples_ok=["各项工作要按部就班推进。", "持续深化放管服改革。", "河长值班表已公布。", "各地区因地制宜推进。",
                 "学习《放官服改革读本》。"],
)
NEAR_WORD = Rule(
    code="S111", name="near-frequent-word", severity=Severity.ERROR, fix="unsafe",
    summary="不成词的字串，与一个常用词只差一个同音、近音或形近字",
    source="jieba 词典词频（MIT）；同音、近音、形近与共用部件数据（dictionaries/spelling/、dictionaries/hanzi/）",
    doc=("两个相邻的字不属于句中任何词语，而把其中一个字换成同音、近音或形近（含共用部件）字后成为常用词，"
         "且按词频明显胜过其他改法时报告（贯切→贯彻、部暑→部署、管里→管理）。不依赖语言模型，默认安装即可使用。"
         "人名、地名、机构名、标题、数字、网址、发文字号和 protected-terms 中的用语不查；"
         "jieba 词典未收、但 wordfreq 词表中常见（每百万词一次以上）或列入复核常用词表"
         "（dictionaries/spelling/common-words.txt，如包保、压实）的词不报。"
         "只凭词频判断，不看上下文语义，因此不自动修复，请人工确认。阈值在 ECSpell 公文训练集上调定。"),
    examples_hit=["认真落实中央部暑要求。", "各地要按照省政府部暑，抓好秋粮收购。"],
    examples_ok=["要全面贯彻落实党的二十大精神。", "认真落实中央部署要求。", "王建伟同志主持会议。"],
)


class LexiconCheck(Check):
    def rules(self) -> list[Rule]:
        return [FIXED_EXPRESSION, NEAR_WORD]

    def run(self, doc: "Document", ctx: CheckContext) -> Iterable[Finding]:
        from ..spelling.lexicon import word_frequencies

        freqs = word_frequencies()
        found: list[Finding] = []
        if ctx.is_selected(FIXED_EXPRESSION.code):
            found.extend(self._expressions(doc, freqs))
        if ctx.is_selected(NEAR_WORD.code) and freqs:
            taken = [(f.start, f.end) for f in found]
            found.extend(f for f in self._near_words(doc, freqs, ctx)
                         if not any(s < f.end and f.start < e for s, e in taken))  # the lexicon knows better
        return found

    def _expressions(self, doc: "Document", freqs: dict[str, int]) -> Iterator[Finding]:
        from ..spelling.candidates import NEAR_SOUND
        from ..spelling.protect import traditional_chars
        from .confusable import LABEL
        from .expressions import load_lexicon

        lexicon = load_lexicon()
        traditional = traditional_chars()
        text = doc.text
        by_span: dict[tuple[int, int], set[str]] = {}
        misses = []
        for m in lexicon.near_misses(text):
            written = text[m.start:m.end]
            if written[m.position] in traditional:
                continue  # 办公廳: a traditional character is S105's to fix
            if written in lexicon.known or freqs.get(written, 0) >= WINDOW_WORD_MIN:
                continue
            if _edge_word(text, m, freqs) or len(written) <= INNER_MAX_LEN and _inner_word(written, m.position, freqs):
                continue
            if doc.in_region(m.start, m.end, SKIP_KINDS):
                continue
            by_span.setdefault((m.start, m.end), set()).add(m.expression.text)
            misses.append(m)
        for m in misses:
            if len(by_span[(m.start, m.end)]) > 1:
                continue  # two entries fit equally: no single correction
            written = text[m.start:m.end]
            right = m.expression.text
            i = m.position
            sure = len(right) >= 4 and m.kind != NEAR_SOUND  # a near sound (IME fuzzy pinyin) is less certain
            yield FIXED_EXPRESSION.finding(
                m.start, m.end, written,
                f"“{written}”疑为{m.expression.label}“{right}”之误：“{written[i]}”与“{right[i]}”{LABEL[m.kind]}",
                suggestion=right, evidence=f"固定表述词表：{right}（{m.expression.category}）",
                confidence=0.95 if sure else 0.8, fix_safe=sure)

    def _near_words(self, doc: "Document", freqs: dict[str, int], ctx: CheckContext) -> Iterator[Finding]:
        from .confusable import LABEL
        from .near_words import NearWord, near_words

        log_total = _log_total(freqs)
        masks: dict[tuple[int, int], bytearray] = {}
        seen: dict[str, list[NearWord]] = {}  # the windows of a run depend on the run alone; documents repeat runs
        for m in _HAN_RUN.finditer(doc.text):
            off = m.start()
            run = m.group()
            windows = seen.get(run)
            if windows is None:
                windows = seen[run] = list(near_words(run, freqs, log_total))
            for w in windows:
                if _known_elsewhere(run, w.start):
                    continue
                start = off + w.start
                sentence = doc.sentence_at(start)
                if sentence not in masks:
                    masks[sentence] = _protected(doc.text[sentence[0]:sentence[1]], ctx)
                mask = masks[sentence]
                if mask[start - sentence[0]] or mask[start + 1 - sentence[0]]:
                    continue
                wrong, right = w.written[w.position], w.word[w.position]
                yield NEAR_WORD.finding(
                    start, start + 2, w.written,
                    f"“{w.written}”不成词，疑为“{w.word}”：“{wrong}”与“{right}”{LABEL[w.kind]}",
                    suggestion=w.word, evidence=f"词频：{w.word} {freqs.get(w.word, 0)} 次（jieba 词典）",
                    confidence=round(min(0.9, 0.5 + 0.1 * w.gain), 2))


def _protected(sentence: str, ctx: CheckContext) -> bytearray:
    """The statistical checker's protection (names, numbers, titles, listed terms) plus every listed expression
    written right (立行立改 is no typo of 行为), for one sentence: asked only where a candidate is, since
    protecting a whole document costs more than finding the candidates."""
    from ...document import Document
    from ..spelling.protect import protected_mask
    from .expressions import load_lexicon

    mask = protected_mask(Document(text=sentence), ctx.config.all_whitelist)
    for s, e in load_lexicon().occurrences(sentence):
        mask[s:e] = b"\x01" * (e - s)
    return mask


def _known_elsewhere(run: str, start: int) -> bool:
    """Whether the two characters at ``start`` are a word that jieba lacks but another list knows: wordfreq's
    modern frequencies (words newer than jieba's; typos such as 跟据 sit below MODERN_WORD_ZIPF) or the reviewed
    common-word list, also inside a longer entry of it."""
    from ..spelling.lexicon import common_words, inside_guarded
    from ..spelling.lm import modern_frequencies

    zipf = modern_frequencies().get(run[start:start + 2])
    return zipf is not None and zipf + 9.0 >= MODERN_WORD_ZIPF or inside_guarded(run, start, start + 2, common_words())


def _inner_word(written: str, i: int, freqs: dict[str, int]) -> bool:
    """Whether the changed character forms a common word with a neighbour inside the window."""
    return any(freqs.get(written[a:a + 2], 0) >= INNER_WORD_MIN for a in (i - 1, i) if 0 <= a < len(written) - 1)


def _edge_word(text: str, m: "NearMiss", freqs: dict[str, int]) -> bool:
    """Whether the changed character sits at the edge of the window and belongs to a word outside it."""
    i, n = m.position, len(m.expression.text)
    if 0 < i < n - 1:
        return False
    outer = m.start - 1 if i == 0 else m.end
    if not 0 <= outer < len(text) or not "\u4e00" <= text[outer] <= "\u9fff":
        return False
    if n == 3:
        return True  # a three-character expression is judged at its edges only beside punctuation
    pair = text[outer] + text[m.start] if i == 0 else text[m.end - 1] + text[outer]
    return freqs.get(pair, 0) >= EDGE_WORD_MIN


_LOG_TOTAL: dict[int, float] = {}


def _log_total(freqs: dict[str, int]) -> float:
    key = id(freqs)
    if key not in _LOG_TOTAL:
        _LOG_TOTAL[key] = math.log10(sum(freqs.values()) or 1)
    return _LOG_TOTAL[key]


def build(config: "Config") -> LexiconCheck:
    return LexiconCheck()
