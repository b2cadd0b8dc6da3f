"""Word completions: for a short window of text with one character masked, the vocabulary words that fit.

This is how candidates are found cheaply: a substitution is only worth scoring when it turns the
window into a known word (``按?`` → 安排 for 按排); the checker keeps the completing characters that
sound or look like the written one. Built once per language model and cached on disk (building takes about a second).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping

MASK = "\x00"
MIN_LEN, MAX_LEN = 2, 4
CACHE_VERSION = "2"
_HAN_WORD = re.compile(f"[\u4e00-\u9fff]{{{MIN_LEN},{MAX_LEN}}}")


SOUND = "\x01"
MAX_READINGS = 4   # heteronym combinations kept per word


def sound_keys(word: str, syllables: Mapping[str, Iterable[str]]) -> list[str]:
    """``\\x01shen-ji`` for 神迹 (and one key per reading of a heteronym, at most MAX_READINGS)."""
    keys = [""]
    for ch in word:
        readings = syllables.get(ch)
        if not readings:
            return []
        keys = [f"{k}-{r}" for k in keys for r in sorted(readings)][:MAX_READINGS]
    return [SOUND + k for k in keys]


def build_completions(words: Iterable[str], syllables: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Two kinds of keys, one table.

    Masked key (``按\\x00``) → the characters completing it (``安…``; the caller keeps those confusable with
    the written one); pinyin key (``\\x01shen-ji``) → the words read that way, comma-separated.
    """
    table: dict[str, str] = {}
    get = table.get
    for w in filter(_HAN_WORD.fullmatch, words):
        for i, ch in enumerate(w):
            stem = w[:i] + MASK + w[i + 1:]
            table[stem] = get(stem, "") + ch
        for k in sound_keys(w, syllables):
            table[k] = get(k, "") + "," + w
    return table


def cached(sources: list[str], build: Callable[[], object]) -> object:
    """The index for these sources, from the user's cache when it is there (see govproof/cache.py)."""
    from ...cache import cached as disk_cached

    return disk_cached("completions", [*sources, __file__], build, extra=CACHE_VERSION)
