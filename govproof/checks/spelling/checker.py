"""S201–S202: typos found in context — a substitution that turns the text into a known word and that the
language model prefers by a clear margin.

Per run of Chinese characters: every unprotected character whose replacement by a same-sound,
near-sound or look-alike character completes a vocabulary word becomes a candidate; each candidate
is scored as the LM log10 gain of a ±6-character window; the best non-overlapping gains above the
threshold are reported. A written form that is itself a word (a "real-word" error such as 兼管/监管
where both exist) needs a larger gain than a non-word. Thresholds were tuned on ECSpell odw.train.
"""
from __future__ import annotations

import bisect
import sys
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

from ...finding import Finding, Severity
from ...rule import Check, CheckContext, Rule
from .candidates import WORD
from .correction import Candidate
from .decide import probability

if TYPE_CHECKING:
    from ...config import Config
    from ...document import Document
    from .candidates import Confusions
    from .lm import WordLM

WINDOW = 6                    # corrections closer than this are judged one after the other
COMMON_WORD_LOGP = -4.5       # a written word at least this frequent is never replaced
WORD_MIN_LOGP = -5.8         # a homophone word proposed instead of a written one must be at least this frequent
WORD_MAX_RARER = 0.5         # ... and at most this much rarer (log10) than the written word
NEAR_SOUND_MIN_LOGP = -5.5    # a near-sound (IME fuzzy) replacement must make a word at least this frequent
DEFAULT_THRESHOLD = 0.7      # probability a correction needs to be reported (spelling.threshold)
DEFAULT_SECOND = 0.3         # probability needed by further corrections in a sentence that already has one
DEFAULT_SAFE = 0.9            # ... to be a safe fix (spelling.safe_confidence)
DEFAULT_GUARD = 0.9           # probability needed to change a character inside a word known to be right (lexicon.py)
RARE_CHAR_LOGP = -7.5        # unigram given to a character the LM does not hold as a word
RARE_WORD_LOGP = -6.0         # a written "word" rarer than this is reported as a typo (IME vocabularies hold 按排)
_HAN_RUN = regex.compile(r"\p{Han}{2,}")

NON_WORD = Rule(
    code="S201", name="context-typo", severity=Severity.ERROR, fix="safe",
    summary="错别字（音近、形近字误用，由上下文判断）",
    source="统计判断：同音/近音/形近候选字 + 词语言模型（Debian libime 词三元模型）",
    doc=("写出的字串不成词，而把其中一个字换成同音、近音或形近字后成为常用词、且语言模型认为上下文明显更通顺时报告，"
         "如“完善工作机志”→“完善工作机制”、“加快建设近度”→“加快建设进度”。人名、地名、机构名、《》内的标题、数字、网址、发文字号和英文不改。"
         "置信度是在 ECSpell 公文训练集上拟合的概率；只有把握很大的改正（≥0.9）标为可自动修复（--fix）；"
         "阈值可在配置 [tool.govproof.spelling] 中用 threshold 调整。"),
    examples_hit=["进一步完善工作机志，切实提高行政效率。"],
    examples_ok=["进一步完善工作机制，切实提高行政效率。"],
    example_fix=("机志", "机制"),
    needs=("word LM",),
)
REAL_WORD = Rule(
    code="S202", name="context-wrong-word", severity=Severity.WARNING, fix="unsafe",
    summary="用词可能有误（写出的是另一个词，由上下文判断）",
    source="统计判断：同音/近音/形近候选字 + 词语言模型",
    doc=("写出的字串本身也是词，但换成同音、近音或形近字后的词在上下文中远为通顺时提示，如“提出的兼管要求”→“监管要求”。"
         "这类错误词表查不出，误报风险也更高，因此要求更大的语言模型差值，且默认不自动修复。阈值：real_word_threshold。"),
    examples_hit=["下级政府应当组织落实上一级政府提出的兼管要求。"],
    examples_ok=["下级政府应当组织落实上一级政府提出的监管要求。"],
    example_fix=("兼管", "监管"),
    needs=("word LM",),
)


MODEL = Rule(
    code="S203", name="model-typo", severity=Severity.WARNING, fix="unsafe",
    summary="错别字（用户配置的纠错模型判断）",
    source="用户提供的模型：pycorrector kenlm 字模型（.klm）或本地 MacBERT 目录",
    doc=("仅在配置 [tool.govproof.spelling] backend = \"pycorrector-kenlm\" 或 \"macbert\" 并给出 backend_model 路径时启用；"
         "模型改动的字（受保护的人名、地名、标题、数字等除外）逐处报告，默认不自动修复。模型不会被下载。"),
)


@dataclass
class Model:
    """Everything loaded once: the LM, its vocabulary's completions, and the confusion tables."""

    lm: "WordLM"
    completions: dict[str, str]
    confusions: "Confusions"
    known_words: frozenset[str]   # real words the LM's vocabulary lacks (from jieba's dictionary): never rewritten
    guarded_words: frozenset[str]  # words right as written that are rewritten only on strong evidence
    right_words: frozenset[str]    # the reviewed list of words right as written: never rewritten inside


_MODELS: dict[tuple[str | None, str | None], Model] = {}


def load_model(lm_path: str | None, scorer: str | None = None) -> Model:
    from .lm import requested_scorer

    scorer = requested_scorer(scorer)
    if (lm_path, scorer) not in _MODELS:
        from ...data import data_dir
        from .candidates import load_confusions
        from .completions import build_completions, cached
        from .lexicon import GUARD_MIN_FREQ, KNOWN_MIN_FREQ, common_words, jieba_words
        from .lm import load_lm

        lm = load_lm(lm_path, scorer)

        def build() -> tuple["Confusions", dict[str, str], dict[str, float], frozenset[str], frozenset[str]]:
            confusions = load_confusions()
            unigrams = lm.unigram_table()
            table = build_completions(unigrams, confusions.syllables)
            return confusions, table, unigrams, jieba_words(KNOWN_MIN_FREQ), jieba_words(GUARD_MIN_FREQ)

        here = Path(__file__).parent
        sources = [lm.path, __file__, *(str(here / m) for m in ("candidates.py", "lm.py", "lexicon.py")),
                   *map(str, sorted((data_dir("dictionaries") / "spelling").glob("*")))]
        confusions, table, unigrams, known, guarded = cached(sources, build)  # type: ignore[misc]
        lm.use_unigrams(unigrams)
        _MODELS[(lm_path, scorer)] = Model(lm, table, confusions, known, guarded, common_words())
    return _MODELS[(lm_path, scorer)]


class SpellingCheck(Check):
    def __init__(self, config: "Config"):
        self.lm_path: str | None = config.option("spelling.lm")
        self.scorer: str | None = config.option("spelling.scorer")  # "frequency" forces the fallback
        self.threshold = float(config.option("spelling.threshold", DEFAULT_THRESHOLD))
        self.second_threshold = float(config.option("spelling.second_threshold", DEFAULT_SECOND))
        self.safe_confidence = float(config.option("spelling.safe_confidence", DEFAULT_SAFE))
        self.guard_threshold = float(config.option("spelling.guard_threshold", DEFAULT_GUARD))
        self.rare_word_logp = float(config.option("spelling.rare_word_logp", RARE_WORD_LOGP))
        self.enabled = bool(config.option("spelling.enabled", True))
        self.backend_name: str | None = config.option("spelling.backend")
        self.backend_model = str(config.option("spelling.backend_model", ""))
        self._backend = None
        self._warned: set[str] = set()

    def rules(self) -> list[Rule]:
        # S203 exists only where a backend is configured: it has no model to show examples with otherwise
        return [NON_WORD, REAL_WORD, MODEL] if self.backend_name else [NON_WORD, REAL_WORD]

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            print(f"govproof：{message}", file=sys.stderr)
            self._warned.add(message)

    def run(self, doc: "Document", ctx: CheckContext) -> Iterable[Finding]:
        if not self.enabled:
            return []
        from .lm import NoLanguageModel
        from .protect import protected_mask

        mask = protected_mask(doc, ctx.config.all_whitelist)
        found: list[Finding] = list(self._backend_findings(doc, mask)) if self.backend_name else []
        try:
            model = load_model(self.lm_path, self.scorer)
        except NoLanguageModel as e:
            self._warn(f"未进行 S2 统计纠错：{e}")
            return found
        curated = sorted((f.start, f.end, f.confidence) for f in ctx.earlier
                         if f.family == NON_WORD.family and not f.code.startswith("S2"))
        for s, e in doc.sentences:
            before = curated[bisect.bisect_left(curated, (s,)):bisect.bisect_left(curated, (e,))]
            runs = [(m.start(), m.group()) for m in _HAN_RUN.finditer(doc.text, s, e)]
            rated = [(off, run, self._unguarded(run, _apart(off, self._rated(off, run, mask, model), before), model))
                     for off, run in runs]
            chosen = [(off, run, self._select(run, cands, model, self.threshold)) for off, run, cands in rated]
            sure_before = any(c >= self.threshold for _, _, c in before)
            if (sure_before or any(acc for _, _, acc in chosen)) and self.second_threshold < self.threshold:
                # typos come in clusters: once a sentence has a sure one, its weaker neighbours get a second look
                chosen = [(off, run, self._select(run, cands, model, self.second_threshold)) for off, run, cands in rated]
            found.extend(self._finding(off, run, c) for off, run, acc in chosen for c in acc)
        return found

    def _backend_findings(self, doc: "Document", mask: bytearray) -> Iterator[Finding]:
        from .backends import BackendError, load_backend

        try:
            if self._backend is None:
                self._backend = load_backend(self.backend_name or "", self.backend_model)
            correct = self._backend
        except BackendError as e:
            self._warn(f"未进行 S203 检查：{e}")
            return
        for s, e in doc.sentences:
            text = doc.text[s:e]
            out = correct(text)
            if len(out) != len(text):
                continue
            for k, (a, b) in enumerate(zip(text, out)):
                if a != b and not mask[s + k]:
                    yield MODEL.finding(s + k, s + k + 1, a, f"模型认为“{a}”应为“{b}”（{self.backend_name}）",
                                        suggestion=b, confidence=0.5)

    # --- one run of Chinese characters ---------------------------------
    @staticmethod
    def _rated(off: int, run: str, mask: bytearray, model: Model) -> list[Candidate]:
        scorer = _Scorer(run, model.lm)
        cands = _candidates(run, mask[off:off + len(run)], model, scorer.bounds)
        for c in cands:
            scorer.rate(c)
        count_rivals(cands, run)
        for c in cands:
            c.p = probability(c, model.lm.kind)
        return cands

    def _unguarded(self, run: str, cands: list[Candidate], model: Model) -> list[Candidate]:
        """Drop corrections inside a listed right word (提质, 还未), and inside a jieba word unless the evidence is strong."""
        from .lexicon import inside_guarded

        floor = min(self.threshold, self.second_threshold)  # below it a candidate is never reported
        return [c for c in cands if c.p >= floor
                and not inside_guarded(run, c.start, c.end, model.right_words)
                and (c.p >= self.guard_threshold or not inside_guarded(run, c.start, c.end, model.guarded_words))]

    @staticmethod
    def _select(run: str, cands: list[Candidate], model: Model, threshold: float) -> list[Candidate]:
        """The most probable corrections above ``threshold`` that do not overlap, neighbours re-judged."""
        accepted: list[Candidate] = []
        current = run
        for c in sorted((c for c in cands if c.p >= threshold), key=lambda c: -c.p):
            if any(a.start < c.end and c.start < a.end for a in accepted):
                continue
            if any(a.start - WINDOW < c.end and c.start < a.end + WINDOW for a in accepted):
                # a neighbour was already corrected: judge this one against the corrected text
                c2 = Candidate(c.start, c.end, c.new, c.kind)
                _Scorer(current, model.lm).rate(c2)
                c2.p = probability(c2, model.lm.kind)
                if c2.p < threshold:
                    continue
                c2.written_logp = c.written_logp
                c = c2
            accepted.append(c)
            current = current[:c.start] + c.new + current[c.end:]
        return accepted

    def _finding(self, off: int, run: str, c: Candidate) -> Finding:
        from .candidates import KIND_LABEL

        wrong = run[c.start:c.end]
        confidence = round(c.p, 2)
        if c.kind == WORD:
            what = f"“{wrong}”与“{c.new}”同音"
        else:
            i = c.changed(run)[0]
            what = f"“{run[i]}”疑为{KIND_LABEL[c.kind]}字“{c.new[i - c.start]}”之误"
        if c.written_logp is not None and c.written_logp >= self.rare_word_logp:
            rule, message = REAL_WORD, f"“{wrong}”可能应为“{c.new}”：{what}"
        else:
            rule, message = NON_WORD, f"“{wrong}”疑为错别字，应为“{c.new}”：{what}"
        return rule.finding(off + c.start, off + c.end, wrong, message, suggestion=c.new, confidence=confidence,
                            evidence=f"语言模型对数概率提高 {c.gain:.1f}",
                            fix_safe=rule.fix == "safe" and confidence >= self.safe_confidence)


def _apart(off: int, cands: list[Candidate], taken: list[tuple[int, int, float]]) -> list[Candidate]:
    """Candidates that leave alone the spans a curated S rule already reported (one span, one finding)."""
    return [c for c in cands if not any(s < off + c.end and off + c.start < e for s, e, _ in taken)]


def count_rivals(cands: list[Candidate], run: str) -> None:
    """How contested each candidate is: several near-equal fixes for one character mean the LM is unsure."""
    by_pos: dict[int, list[float]] = {}
    for c in cands:
        by_pos.setdefault(c.changed(run)[0], []).append(c.gain)
    for c in cands:
        gains = by_pos[c.changed(run)[0]]
        c.rivals = min(3, sum(1 for g in gains if g > c.gain - 2.0) - 1)


def _candidates(run: str, prot: bytearray, model: Model, bounds: list[int]) -> list[Candidate]:
    """Words the run could have meant, one confusable character or one homophone word away.

    Character level: one unprotected character replaced by a same-sound, near-sound or look-alike
    character that completes a vocabulary word. Two cheap filters keep the LM's work small (tuned on
    odw.train): a written span that is itself a common word is left alone, and a near-sound replacement
    must make a common word. Word level: a written word (a span the segmentation keeps whole, not a
    common word) replaced by a word with the same pinyin that is about as frequent or more (the IME offered
    both and the wrong one was picked: 审计 typed as 神迹).
    """
    from .candidates import NEAR_SOUND, SHAPE
    from .completions import MASK, MAX_LEN, MIN_LEN

    n = len(run)
    comp = model.completions
    unigram = model.lm.unigram
    confusions = model.confusions
    out: list[Candidate] = []
    none: frozenset[str] = frozenset()
    allowed = [none if prot[i] else confusions.allowed(ch) for i, ch in enumerate(run)]
    for a, b in zip(bounds, bounds[1:]):  # characters of a common word as segmented are taken as written
        if b - a >= 2 and (unigram(run[a:b]) or -99.0) > COMMON_WORD_LOGP:
            allowed[a:b] = [none] * (b - a)
    known = model.known_words
    for length in range(MIN_LEN, MAX_LEN + 1):
        for a in range(0, n - length + 1):
            b = a + length
            if not any(allowed[a:b]) or any(prot[a:b]):  # a word half in a name or number is no word of the text
                continue
            written = unigram(run[a:b])
            if written is not None and written > COMMON_WORD_LOGP or run[a:b] in known:
                continue
            for i in range(a, b):
                ok = allowed[i]
                if not ok:
                    continue
                ch = run[i]
                left, right = run[a:i], run[i + 1:b]
                got = comp.get(left + MASK + right)
                if not got:
                    continue
                for c in sorted(ok.intersection(got)):  # sorted: the same findings whatever the hash seed
                    kind = confusions.kind(ch, c) or SHAPE
                    new = left + c + right
                    if kind == NEAR_SOUND and (unigram(new) or -99.0) < NEAR_SOUND_MIN_LOGP:
                        continue
                    out.append(Candidate(a, b, new, kind, written_logp=written))
    edges = set(bounds)
    for a in bounds:
        for b in range(a + MIN_LEN, min(n, a + MAX_LEN) + 1):
            if b not in edges or any(prot[a:b]):
                continue
            written = run[a:b]
            written_logp = unigram(written)
            if written_logp is not None and written_logp > COMMON_WORD_LOGP:
                continue
            floor = max(WORD_MIN_LOGP, (written_logp or -7.0) - WORD_MAX_RARER)
            seen = set()
            for k in confusions.sound_keys(written):
                for new in comp.get(k, "").split(","):
                    if new and new not in seen and sum(x != y for x, y in zip(new, written)) >= 2:
                        seen.add(new)
                        if (unigram(new) or -99.0) >= floor:
                            out.append(Candidate(a, b, new, WORD, written_logp=written_logp))
    return out


class _Scorer:
    """LM gain of replacing one character, scored on the words around the completed word only.

    The run is segmented once; a candidate's word sequence is the original one with the words it
    overlaps replaced by (left leftover, the completed word, right leftover), plus two words of
    context each side — all a trigram can see of the change.
    """

    CONTEXT = 2

    def __init__(self, run: str, lm: "WordLM"):
        from .lm import segment

        self.run = run
        self.lm = lm
        self.words = segment(run, lm)
        self.bounds: list[int] = [0]
        for w in self.words:
            self.bounds.append(self.bounds[-1] + len(w))
        self._base: dict[tuple[int, int], float] = {}

    def rate(self, c: Candidate) -> None:
        from .lm import segment

        b = self.bounds
        first = bisect.bisect_right(b, c.start) - 1          # first word overlapping the new word
        last = bisect.bisect_left(b, c.end) - 1              # last word overlapping it
        lo, hi = max(0, first - self.CONTEXT), min(len(self.words), last + 1 + self.CONTEXT)
        run, lm = self.run, self.lm
        new_word = c.new
        left = run[b[first]:c.start]
        right = run[c.end:b[last + 1]]
        new = [*self.words[lo:first], *(segment(left, lm) if left else ()), new_word,
               *(segment(right, lm) if right else ()), *self.words[last + 1:hi]]
        bos, eos = lo == 0, hi == len(self.words)
        base = self._base.get((lo, hi))
        if base is None:
            base = self._base[(lo, hi)] = lm.score(self.words[lo:hi], bos, eos)
        c.gain = lm.score(new, bos, eos) - base
        if lm.kind == "frequency":
            # unigrams see no context, but the corrected window may join a longer dictionary word (a phrase)
            window = run[b[lo]:c.start] + c.new + run[c.end:b[hi]]
            c.gain = max(c.gain, lm.score(segment(window, lm), bos, eos) - base)
        c.written_logp = lm.unigram(run[c.start:c.end])
        c.new_logp = lm.unigram(new_word) or -7.0
        c.aligned = b[first] == c.start and b[last + 1] == c.end
        c.written_char_logp = min(lm.unigram(run[i]) or RARE_CHAR_LOGP for i in c.changed(run))


def build(config: "Config") -> SpellingCheck:
    return SpellingCheck(config)
