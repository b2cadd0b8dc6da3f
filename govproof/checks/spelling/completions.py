"""Word completions: for a short window of text with one character masked, the vocabulary words that fit.

This is how candidates are found cheaply: a substitution is only worth scoring when it turns the
window into a known word (``按?`` → 安排 for 按排). Keys carry the IME-confusion class of the missing
character (``按\\x00an``), so one lookup returns only the completions that *sound* like the written
character. Built once per language model and cached on disk (building takes about a second).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
from pathlib import Path
from typing import Callable, Iterable, Mapping

MASK = "\x00"
MIN_LEN, MAX_LEN = 2, 4
CACHE_VERSION = "1"
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


def build_completions(words: Iterable[str], classes: Callable[[str], Iterable[str]],
                      syllables: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Two kinds of keys, one table.

    Masked key with a sound class or shape group (``按\\x00\\x00an``) → the characters of that class
    completing it (``安…``); pinyin key (``\\x01shen-ji``) → the words read that way, comma-separated.
    """
    table: dict[str, str] = {}
    get = table.get
    for w in filter(_HAN_WORD.fullmatch, words):
        for i, ch in enumerate(w):
            stem = w[:i] + MASK + w[i + 1:] + MASK
            for sc in classes(ch):
                k = stem + sc
                table[k] = get(k, "") + ch
        for k in sound_keys(w, syllables):
            table[k] = get(k, "") + "," + w
    return table


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govproof"


def cached(sources: list[str], build: Callable[[], object]) -> object:
    """``build()``'s result, kept in the user's cache keyed by ``sources`` (files: their size and mtime count).

    A cache that cannot be read or written is simply rebuilt: checking never fails because of it.
    """
    stamp = CACHE_VERSION
    try:
        for source in (*sources, __file__):
            st = os.stat(source)
            stamp += f"|{os.path.abspath(source)}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        return build()
    family = hashlib.sha1(os.path.abspath(sources[0]).encode()).hexdigest()[:8]  # one cache file per model
    path = cache_dir() / f"completions-{family}-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as f:
            gc.disable()  # a million small objects: the collector would walk them again and again while loading
            try:
                return pickle.load(f)
            finally:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"completions-{family}-*.pickle"):  # caches of older versions of the data
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value
