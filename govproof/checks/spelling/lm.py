"""Language-model scoring: the Debian word trigram through kenlm when installed, else word frequencies.

Both scorers expose the same small surface — a vocabulary with unigram log10 probabilities (used to
segment text the way the model's own vocabulary does) and a log10 score of a segmented clause — so the
checker never knows which one it has. ``describe_active()`` tells ``govproof doctor`` which one runs.
"""
from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, Protocol

# Where Debian/Ubuntu's ``libime-data-language-model`` puts its KenLM word trigram (LGPL-2.1+).
DEBIAN_LM_PATHS = (
    "/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm",
    "/usr/lib/aarch64-linux-gnu/libime/zh_CN.lm",
    "/usr/lib/libime/zh_CN.lm",
)
LM_ENV = "GOVPROOF_LM"
SCORER_ENV = "GOVPROOF_SCORER"   # "frequency": use the fallback even where kenlm and a model are installed
MAX_WORD = 6            # longest word the segmenter tries
OOV_LOGP = -7.0         # log10 probability of a character the vocabulary does not hold


class WordLM(Protocol):
    name: str
    path: str
    kind: str             # "kenlm" (sees word context) or "frequency" (unigrams only): selects decide.WEIGHTS

    def unigram(self, word: str) -> float | None: ...
    def score(self, words: list[str], bos: bool, eos: bool) -> float: ...
    def vocabulary(self) -> list[str]: ...
    def unigram_table(self) -> dict[str, float]: ...
    def use_unigrams(self, table: dict[str, float]) -> None: ...


class KenlmWordLM:
    """A KenLM binary word n-gram (the Debian model: trigram, 165k words, mmap-loaded in milliseconds)."""

    kind = "kenlm"

    def __init__(self, path: str):
        import kenlm  # optional dependency, imported only when a model is present

        self.path = path
        self.name = f"kenlm word LM {path}"
        self._model = kenlm.Model(path)
        self._unigrams: dict[str, float] | None = None

    def unigram(self, word: str) -> float | None:
        """log10 P(word) for a vocabulary word, None otherwise (replaced by a dict lookup in use_unigrams)."""
        if self._unigrams is None:
            self.use_unigrams(self.unigram_table())
        return self.unigram(word)

    def unigram_table(self) -> dict[str, float]:
        return {w: self._model.score(w, bos=False, eos=False) for w in self.vocabulary()}

    def use_unigrams(self, table: dict[str, float]) -> None:
        self._unigrams = table
        self.unigram = table.get  # type: ignore[method-assign]  # the hot path: one C-level lookup

    def score(self, words: list[str], bos: bool, eos: bool) -> float:
        return self._model.score(" ".join(words), bos=bos, eos=eos)

    def vocabulary(self) -> list[str]:
        """The words stored at the end of a KenLM binary (written by build_binary, as the Debian model is)."""
        data = Path(self.path).read_bytes()
        start = data.rfind(b"<unk>\x00")
        if start < 0:
            raise NoLanguageModel(f"{self.path}：KenLM 二进制模型缺少词表（请用 build_binary 重新生成）")
        words = data[start:].split(b"\x00")[1:]
        return [w.decode("utf-8", "replace") for w in words if w]


class FrequencyLM:
    """Unigram log-probabilities from jieba's dictionary (349k words): the fallback without kenlm."""

    kind = "frequency"

    def __init__(self, path: Path):
        self.path = str(path)
        self.name = f"word frequencies {path}"
        self._logp: dict[str, float] | None = None

    def unigram_table(self) -> dict[str, float]:
        freqs: dict[str, int] = {}
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                parts = line.split(" ", 2)
                if len(parts) >= 2 and parts[1].isdigit():
                    freqs[parts[0]] = int(parts[1])
        total = math.log10(sum(freqs.values()) or 1)
        table = {w: math.log10(n) - total for w, n in freqs.items() if n > 0}
        for word, logp in modern_frequencies().items():  # words jieba lacks or under-counts (还未, 管控)
            if logp > table.get(word, -99.0):
                table[word] = logp
        return table

    def use_unigrams(self, table: dict[str, float]) -> None:
        self._logp = table
        self.unigram = table.get  # type: ignore[method-assign]

    def unigram(self, word: str) -> float | None:
        if self._logp is None:
            self.use_unigrams(self.unigram_table())
        return self.unigram(word)

    def score(self, words: list[str], bos: bool, eos: bool) -> float:
        get = self.unigram
        return sum(lp if (lp := get(w)) is not None else OOV_LOGP for w in words)

    def vocabulary(self) -> list[str]:
        if self._logp is None:
            self.use_unigrams(self.unigram_table())
        return list(self._logp or ())


@lru_cache(maxsize=1)
def modern_frequencies() -> dict[str, float]:
    """log10 P(word) from ``dictionaries/spelling/word-frequencies.tsv`` (wordfreq's list; see its build script)."""
    from ...data import data_dir, read_word_list

    path = data_dir("dictionaries") / "spelling" / "word-frequencies.tsv"
    if not path.is_file():
        return {}
    out = {}
    for line in read_word_list(path):
        word, _, zipf = line.partition("\t")
        out[word] = float(zipf) - 9.0
    return out


def find_lm_path(configured: str | None = None) -> str | None:
    """The configured model (``spelling.lm`` or $GOVPROOF_LM), else the Debian model when installed."""
    for path in (configured, os.environ.get(LM_ENV)):
        if path:
            return path if Path(path).is_file() else None
    return next((p for p in DEBIAN_LM_PATHS if Path(p).is_file()), None)


def kenlm_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("kenlm") is not None


def jieba_dict_path() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    return path if path.is_file() else None


def requested_scorer(configured: str | None = None) -> str | None:
    """``spelling.scorer`` from the settings, else $GOVPROOF_SCORER (how benchmarks measure the plain install)."""
    return configured or os.environ.get(SCORER_ENV) or None


class NoLanguageModel(RuntimeError):
    """Neither kenlm with a model nor jieba's dictionary is available."""


@lru_cache(maxsize=4)
def load_lm(configured: str | None = None, scorer: str | None = None) -> WordLM:
    """The KenLM model when there is one (and ``scorer`` is not "frequency"), else jieba's frequencies."""
    scorer = requested_scorer(scorer)
    path = find_lm_path(configured)
    if configured and path is None:
        raise NoLanguageModel(f"spelling.lm = {configured!r}：文件不存在")
    if path and kenlm_available() and scorer != "frequency":
        return KenlmWordLM(path)
    freq = jieba_dict_path()
    if freq is None:
        raise NoLanguageModel("没有可用的语言模型：请安装 kenlm 和 libime-data-language-model，或 jieba")
    return FrequencyLM(freq)


def describe_active() -> str | None:
    """What the spelling checker would score with, for ``govproof doctor`` (None: nothing usable)."""
    path = find_lm_path()
    forced = requested_scorer() == "frequency"
    if path and kenlm_available() and not forced:
        return f"kenlm 词三元模型 {path}"
    freq = jieba_dict_path()
    if freq:
        why = f"{SCORER_ENV}=frequency" if forced else "未安装 kenlm" if path else "未安装 libime-data-language-model"
        return f"只用词频（jieba 词典；{why}：不判断上下文中的错词）"
    return None


def segment(text: str, lm: WordLM) -> list[str]:
    """Most probable segmentation under the LM's unigrams, so words match the model's vocabulary."""
    return list(_segment(text, lm.unigram))


@lru_cache(maxsize=65536)
def _segment(text: str, unigram: Callable[[str], float | None]) -> tuple[str, ...]:
    """The segmentation, cached per text and unigram table: scoring re-segments the same leftovers of a run for
    every candidate. Keyed by the table's bound ``get``, so a model given another table (use_unigrams) misses."""
    n = len(text)
    if n < 2:
        return (text,) if text else ()
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_WORD), end):
            prev = best[start]
            if prev == -math.inf:
                continue
            lp = unigram(text[start:end])
            if lp is None:
                if end - start > 1:
                    continue
                lp = OOV_LOGP
            if prev + lp > best[end]:
                best[end] = prev + lp
                back[end] = start
    words = []
    end = n
    while end > 0:
        start = back[end]
        words.append(text[start:end])
        end = start
    words.reverse()
    return tuple(words)
