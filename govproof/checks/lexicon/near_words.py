"""Non-words one confusable character away from a frequent word (贯切→贯彻, 部暑→部署, 管里→管理).

Evidence without a language model: two neighbouring characters that belong to no dictionary word of the
sentence (each stands alone, as a typo's characters do), between characters that do, and that become a
frequent word when one of them is changed to a same-sound, near-sound or look-alike character. The change must
win clearly under word frequencies: the corrected word against the two characters read as words of their own,
and against every other correction of the pair. A pair the dictionary holds at least COVER_MIN times is taken
as written: jieba's rare words are mostly real (除名, 职数, 治标), and the typos it holds (震憾, 按排) are the
rule packs' (S101). Words of official prose that jieba's general corpus counts rarely (筹措, 瓶颈, 问责; a reviewed
list, dictionaries/expressions/official-words.txt) always make their characters belong to a word, and when no
frequent word wins for a pair, such a word may, by its own count and the same gain and margin: a typo of 筹措 costs
a reviewer as much as a typo of 部署, but it must not crowd out 贯彻 (关切 is such a word too).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ...data import data_dir, read_word_list
from ..spelling.candidates import NEAR_SOUND, SHAPE, SOUND
from .confusable import COMPONENT, confusion, neighbours

# Tuned on ECSpell odw.train only (python benchmarks/lexicon_eval.py --tune: the setting with no alarm on the target
# side and the most right fixes); counts are jieba dictionary counts.
COVER_MIN = 3          # a word at least this frequent makes its characters "belong" to a word
WORD_MIN = 1000        # the corrected word must be at least this frequent
GAIN_MIN = 4.0         # log10 gain of the corrected word over the written characters
ALONE_MIN = 10000      # a character this frequent as a word by itself may stand beside a typo (的, 局, 要)
MARGIN = 1.5           # log10 lead over the next candidate
MAX_COVER = 4
# log10 bonus by kind of confusion; a character both same-sound and look-alike (暑/署) is the likeliest slip.
KIND_BONUS = {SOUND: 0.0, NEAR_SOUND: -1.0, SHAPE: -0.5, COMPONENT: -0.5}
BOTH_BONUS = 2.0
# Slips replace a rare character by a commoner one (彻 written 切): per log10 of how much more frequent the
# changed character is, alone, than the character kept.
COMMONER_BONUS = 0.7


@dataclass(frozen=True)
class NearWord:
    start: int        # offset of the two-character window in the run
    written: str
    word: str
    position: int     # 0 or 1: which character is wrong
    kind: str
    gain: float       # log10 gain of the correction
    lead: float       # log10 lead over the next candidate (inf: none)


def coverage(run: str, freqs: dict[str, int]) -> list[bool]:
    """For each character: whether a dictionary word of 2–4 characters, at least COVER_MIN frequent, holds it.

    Two-character words first; longer ones are looked up only around the characters those leave loose.
    """
    n = len(run)
    get = freqs.get
    out = [False] * n
    for a in range(n - 1):
        if get(run[a:a + 2], 0) >= COVER_MIN:
            out[a] = out[a + 1] = True
    for i in range(n):
        if out[i]:
            continue
        for length in range(3, MAX_COVER + 1):
            for a in range(max(0, i - length + 1), min(i, n - length) + 1):
                if get(run[a:a + length], 0) >= COVER_MIN:
                    out[a:a + length] = [True] * length
    return out


def _log(freqs: dict[str, int], word: str) -> float:
    return math.log10(max(freqs.get(word, 0), 1))


def near_words(run: str, freqs: dict[str, int], log_total: float) -> Iterator[NearWord]:
    """Two-character windows of ``run`` (a run of Chinese characters) that look like a typo of a frequent word.

    Protection (names, numbers, titles) is the caller's: it is costly and rarely needed, so it is asked last.
    """
    cover_freqs = with_official_words(freqs)
    cover = coverage(run, cover_freqs)
    completions = _completions(freqs, WORD_MIN)
    for a in range(len(run) - 1):
        if cover[a] or cover[a + 1]:
            continue
        written = run[a:a + 2]
        if not (_settled(run, a - 1, cover, cover_freqs) and _settled(run, a + 2, cover, cover_freqs)):
            continue  # three or more loose characters in a row: a name or a phrase the dictionary lacks
        if a > 0 and not cover[a - 1] and run[a - 1] in surnames():
            continue  # a loose surname before two loose characters: a person's name (李建伟)
        # the written pair read as two words of their own
        alone = (_log(freqs, written[0]), _log(freqs, written[1]))
        as_written = alone[0] + alone[1] - log_total
        scored = _scored(written, completions, freqs, alone, as_written)
        best = _best(scored)
        if best is None:
            # only then a word of official prose that jieba counts rarely, scored by its own count against all others
            more = _scored(written, _official_completions(), freqs, alone, as_written)
            best = _best({**scored, **more}, among=official_words())
        if best is not None:
            word, (gain, pos, kind), lead = best
            yield NearWord(a, written, word, pos, kind, gain, lead)


def _scored(written: str, completions: dict[tuple[int, str], str], freqs: dict[str, int],
            alone: tuple[float, float], as_written: float) -> dict[str, tuple[float, int, str]]:
    """Each confusable correction of the pair → (log10 gain over the pair as written, position, kind)."""
    scored: dict[str, tuple[float, int, str]] = {}
    for pos in (0, 1):
        ch = written[pos]
        for c in completions.get((pos, written[1 - pos]), ()):
            if c == ch or c not in neighbours(ch):
                continue
            word = written[:pos] + c + written[pos + 1:]
            kind = confusion(ch, c)
            if kind is None:
                continue
            bonus = KIND_BONUS[kind] + COMMONER_BONUS * (alone[pos] - alone[1 - pos])
            if kind == SOUND and confusion_shape(ch, c):
                bonus += BOTH_BONUS
            scored[word] = (_log(freqs, word) + bonus - as_written, pos, kind)
    return scored


def _best(scored: dict[str, tuple[float, int, str]], among: frozenset[str] | None = None
          ) -> tuple[str, tuple[float, int, str], float] | None:
    """The top correction with its lead, if it wins clearly (and is one of ``among`` when given)."""
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda kv: -kv[1][0])
    word, score = ranked[0]
    lead = score[0] - ranked[1][1][0] if len(ranked) > 1 else math.inf
    if (among is not None and word not in among) or score[0] < GAIN_MIN or lead < MARGIN:
        return None
    return word, score, lead


OFFICIAL_WORDS_FILE = ("expressions", "official-words.txt")
_WITH_OFFICIAL: dict[int, tuple[dict[str, int], dict[str, int]]] = {}  # id → (the table, kept alive so its id is not reused; merged)


@lru_cache(maxsize=1)
def official_words() -> frozenset[str]:
    """Two-character words of official prose, several a line (dictionaries/expressions/official-words.txt)."""
    path = data_dir("dictionaries").joinpath(*OFFICIAL_WORDS_FILE)
    return frozenset(w for line in read_word_list(path) for w in line.split() if len(w) == 2)


def with_official_words(freqs: dict[str, int]) -> dict[str, int]:
    """``freqs`` with every official-prose word counted at least WORD_MIN (one copy per table): what decides
    whether characters belong to a word."""
    entry = _WITH_OFFICIAL.get(id(freqs))
    if entry is None or entry[0] is not freqs:
        merged = dict(freqs)
        for w in official_words():
            merged[w] = max(merged.get(w, 0), WORD_MIN)
        entry = _WITH_OFFICIAL[id(freqs)] = (freqs, merged)
    return entry[1]


@lru_cache(maxsize=1)
def _official_completions() -> dict[tuple[int, str], str]:
    """(position, the other character) → the characters completing an official-prose word there."""
    table: dict[tuple[int, str], str] = {}
    for word in official_words():
        for pos in (0, 1):
            k = (pos, word[1 - pos])
            table[k] = table.get(k, "") + word[pos]
    return table


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """One-character surnames (dictionaries/spelling/surnames.txt)."""
    path = data_dir("dictionaries") / "spelling" / "surnames.txt"
    return frozenset(n for line in read_word_list(path) for n in line.split() if len(n) == 1)


_COMPLETIONS: dict[tuple[int, int], dict[tuple[int, str], str]] = {}


def _completions(freqs: dict[str, int], min_count: int) -> dict[tuple[int, str], str]:
    """(position, the other character) → the characters completing a two-character word at least ``min_count``
    frequent there: 部暑 looks up (1, 部) and finds 署, 属, 队 … in one step."""
    key = (id(freqs), min_count)
    if key not in _COMPLETIONS:
        table: dict[tuple[int, str], str] = {}
        for word, count in freqs.items():
            if len(word) == 2 and count >= min_count:
                for pos in (0, 1):
                    k = (pos, word[1 - pos])
                    table[k] = table.get(k, "") + word[pos]
        _COMPLETIONS[key] = table
    return _COMPLETIONS[key]


def _settled(run: str, i: int, cover: list[bool], freqs: dict[str, int]) -> bool:
    """Whether the character at ``i`` (beside a window) is the edge of the run, part of a word or a common word."""
    return not 0 <= i < len(run) or cover[i] or freqs.get(run[i], 0) >= ALONE_MIN


def confusion_shape(a: str, b: str) -> bool:
    """Whether two same-sound characters also look alike (署/暑 share 者)."""
    from ..spelling.candidates import load_confusions
    from .confusable import component_neighbours

    return b in load_confusions().shape.get(a, ()) or b in component_neighbours().get(a, ())
