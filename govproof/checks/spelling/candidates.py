"""Which characters a writer could have typed instead of another: same or similar sound (pinyin IME), similar shape.

The tables are data shipped in ``dictionaries/spelling/`` (built by ``scripts/build_spelling_data.py``);
candidates are only *allowed* substitutions — whether one is right is the language model's call.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import data_dir, read_word_list

# Pinyin IME confusions: retroflex/flat initials, n/l, front/back nasals (the "fuzzy pinyin" every IME offers).
_INITIAL_FUZZ = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("r", "l"), ("f", "h"))
_FINAL_FUZZ = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))

SOUND = "sound"
NEAR_SOUND = "near-sound"
SHAPE = "shape"
WORD = "word"   # a whole word typed for its homophone
KIND_LABEL = {SOUND: "同音", NEAR_SOUND: "近音", SHAPE: "形近", WORD: "同音词"}


def fuzzy(syllable: str) -> str:
    """The IME-confusion class of a toneless syllable (zhi~zi, lan~nan, ying~yin)."""
    s = syllable
    for a, b in _INITIAL_FUZZ:
        if s.startswith(a) and len(s) > len(a):
            s = b + s[len(a):]
            break
    for a, b in _FINAL_FUZZ:
        if s.endswith(a):
            s = s[: -len(a)] + b
            break
    return s


@dataclass(frozen=True, eq=False)
class Confusions:
    """Sound classes and shape groups of characters."""

    syllables: dict[str, frozenset[str]]
    fuzzy_syllables: dict[str, frozenset[str]]
    by_fuzzy: dict[str, frozenset[str]]      # IME-confusion class → its characters
    shape: dict[str, frozenset[str]]

    def kind(self, written: str, other: str) -> str | None:
        """How ``other`` could have become ``written``: same sound, near sound, similar shape, or not at all."""
        a = self.syllables.get(written)
        b = self.syllables.get(other)
        if a and b:
            if a & b:
                return SOUND
            if self.fuzzy_syllables[written] & self.fuzzy_syllables[other]:
                return NEAR_SOUND
        group = self.shape.get(written)
        if group and other in group:
            return SHAPE
        return None

    @lru_cache(maxsize=65536)
    def sound_keys(self, word: str) -> tuple[str, ...]:
        """The completions table's pinyin keys of ``word`` (cached: official prose repeats its words)."""
        from .completions import sound_keys

        return tuple(sound_keys(word, self.syllables))

    @lru_cache(maxsize=8192)
    def allowed(self, written: str) -> frozenset[str]:
        """Every character that ``kind(written, ·)`` accepts, as one set (cached: the hot path tests membership)."""
        out: set[str] = set(self.shape.get(written, ()))
        for fz in self.fuzzy_syllables.get(written, ()):
            out |= self.by_fuzzy[fz]
        out.discard(written)
        return frozenset(out)


@lru_cache(maxsize=1)
def load_confusions() -> Confusions:
    folder = data_dir("dictionaries") / "spelling"
    readings: dict[str, set[str]] = {}
    for line in read_word_list(folder / "pinyin.tsv"):
        syl, _, chars = line.partition("\t")
        for ch in chars:
            readings.setdefault(ch, set()).add(syl)
    syllables = {ch: frozenset(s) for ch, s in readings.items()}
    fuzzy_syllables = {ch: frozenset(fuzzy(x) for x in s) for ch, s in readings.items()}
    by_fuzzy: dict[str, set[str]] = {}
    for ch, classes in fuzzy_syllables.items():
        for fz in classes:
            by_fuzzy.setdefault(fz, set()).add(ch)
    shape: dict[str, set[str]] = {}
    for name in ("shape-similar.txt", "shape-pycorrector.txt"):
        path = folder / name
        if not path.is_file():
            continue
        for line in read_word_list(path):
            group = [c for c in line.split() if len(c) == 1]
            for ch in group:
                shape.setdefault(ch, set()).update(g for g in group if g != ch)
    return Confusions(syllables, fuzzy_syllables, {k: frozenset(v) for k, v in by_fuzzy.items()},
                      {ch: frozenset(s) for ch, s in shape.items()})
