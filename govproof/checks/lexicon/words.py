"""jieba's dictionary as word → frequency: what counts as a word, and how common it is.

Read from the installed jieba package (a default dependency; its dict.txt, MIT) and cached on disk,
since parsing its 349,000 lines takes about half a second.
"""
from __future__ import annotations

from functools import lru_cache

from ..spelling.lm import jieba_dict_path

MAX_WORD = 8


def _read(path: str) -> dict[str, int]:
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
    """Chinese words of 1–8 characters with their jieba counts; empty without jieba."""
    from ...cache import cached

    path = jieba_dict_path()
    if path is None:
        return {}
    return cached("jieba-words", [str(path), __file__], lambda: _read(str(path)))
