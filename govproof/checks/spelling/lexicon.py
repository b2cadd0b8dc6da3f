"""Words that are right as written: the statistical checker's precision guards.

An IME vocabulary (and jieba's frequencies) under-represent official prose, so a rare-but-right word
such as 提质 or 还未 looks like a typo one character away from a frequent word (提示, 还有). Three sets:
jieba's frequent words (``KNOWN_MIN_FREQ``) are never rewritten; the project's reviewed list
``dictionaries/spelling/common-words.txt`` is never rewritten inside; jieba's words seen a few times
(``GUARD_MIN_FREQ``) are rewritten only on strong evidence (probability ≥ ``spelling.guard_threshold``).
"""
from __future__ import annotations

from functools import lru_cache

from ...data import data_dir, read_word_list
from .lm import jieba_dict_path

KNOWN_MIN_FREQ = 300     # jieba count from which a written word is never rewritten
GUARD_MIN_FREQ = 10      # jieba count from which a written word needs strong evidence (tuned on odw.train)
MIN_LEN, MAX_LEN = 2, 4  # the words guarded
MAX_WORD = 8             # the longest jieba word kept in word_frequencies


def _is_han_word(w: str) -> bool:
    return MIN_LEN <= len(w) <= MAX_LEN and all("\u4e00" <= ch <= "\u9fff" for ch in w)


def _read_jieba(path: str) -> dict[str, int]:
    freqs: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.partition(" ")
            count = rest.split(" ", 1)[0]
            if len(word) <= MAX_WORD and count.isdigit() and all("\u4e00" <= c <= "\u9fff" for c in word):
                freqs[word] = int(count)
    return freqs


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """jieba's dictionary (its dict.txt, MIT) as Chinese word of 1–8 characters → count; empty without jieba.

    The one reader of that file's counts, cached on disk: parsing its 349,000 lines takes about half a second.
    """
    from ...cache import cached

    path = jieba_dict_path()
    if path is None:
        return {}
    return cached("jieba-words", [str(path), __file__], lambda: _read_jieba(str(path)))


@lru_cache(maxsize=8)
def jieba_words(min_freq: int) -> frozenset[str]:
    """Words of 2–4 Chinese characters that jieba's dictionary counts at least ``min_freq`` times."""
    return frozenset(w for w, n in word_frequencies().items() if n >= min_freq and MIN_LEN <= len(w) <= MAX_LEN)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The project's reviewed list of official-prose words that jieba lacks or rarely counts."""
    return frozenset(w for w in read_word_list(data_dir("dictionaries") / "spelling" / "common-words.txt")
                     if _is_han_word(w))


def inside_guarded(run: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether ``run[start:end]`` is one of ``words`` or lies inside an occurrence of one.

    Only containment counts: a typo often makes a word with its neighbour across the written span's edge
    (the guard would then hide it), while a span inside a right word is a right word rewritten.
    """
    n = len(run)
    for a in range(max(0, end - MAX_LEN), start + 1):
        for b in range(max(end, a + MIN_LEN), min(n, a + MAX_LEN) + 1):
            if run[a:b] in words:
                return True
    return False
