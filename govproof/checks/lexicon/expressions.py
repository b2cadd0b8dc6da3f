"""The fixed-expression lexicon and its fuzzy matcher: windows of text one confusable character away from an entry.

The lexicon (dictionaries/expressions/fixed-expressions.txt) is one expression a line under a ``[类别]`` header,
so a new slogan is one line of data. Matching is one Aho-Corasick pass over the halves of every entry (a window
one substitution away from an entry still holds one of its halves exactly), then a character comparison.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import ahocorasick

from ...data import data_dir, read_word_list
from .confusable import confusion

LEXICON_FILE = ("expressions", "fixed-expressions.txt")
MIN_HAN = 3
# What a finding calls an entry of each section of the lexicon.
CATEGORY_LABEL = {"提法": "固定提法", "成语": "成语", "机构": "机关名称", "名称": "专有名称"}


@dataclass(frozen=True)
class Expression:
    text: str
    category: str

    @property
    def label(self) -> str:
        return CATEGORY_LABEL.get(self.category, "固定表述")


@dataclass(frozen=True)
class NearMiss:
    """``text[start:start + len(expression.text)]`` differs from the expression at ``position`` only."""

    start: int
    expression: Expression
    position: int
    kind: str

    @property
    def end(self) -> int:
        return self.start + len(self.expression.text)


def parse_lexicon(lines: list[str]) -> list[Expression]:
    """Entries under their ``[类别]`` headers; an entry with fewer than MIN_HAN Chinese characters is an error."""
    out, category = [], ""
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1]
            continue
        if sum("\u4e00" <= c <= "\u9fff" for c in line) < MIN_HAN:
            raise ValueError(f"固定表述词表条目“{line}”少于 {MIN_HAN} 个汉字")
        out.append(Expression(line, category))
    return out


class Lexicon:
    def __init__(self, expressions: list[Expression]):
        self.expressions = expressions
        self.known = frozenset(e.text for e in expressions)
        self._automaton = ahocorasick.Automaton()
        pieces: dict[str, list[tuple[int, int]]] = {}
        self._middles: dict[str, list[int]] = {}
        for idx, e in enumerate(expressions):
            t = e.text
            if len(t) == 3:  # halves of one character would match everywhere: the middle one is looked up
                cuts = [(t[:2], 0), (t[1:], 1)]
                self._middles.setdefault(t[0] + t[2], []).append(idx)
            else:
                h = len(t) // 2
                cuts = [(t[:h], 0), (t[h:], h)]
            for piece, offset in cuts:
                pieces.setdefault(piece, []).append((idx, offset))
        for piece, where in pieces.items():
            self._automaton.add_word(piece, (len(piece), tuple(where)))
        self._automaton.make_automaton()
        self._firsts = frozenset(k[0] for k in self._middles)
        self._exact = ahocorasick.Automaton()
        for e in expressions:
            self._exact.add_word(e.text, len(e.text))
        self._exact.make_automaton()

    def occurrences(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans where an entry is written exactly."""
        for end, length in self._exact.iter(text):
            yield end + 1 - length, end + 1

    def near_misses(self, text: str) -> Iterator[NearMiss]:
        """Every window of ``text`` one confusable Chinese character away from an entry (never the entry itself)."""
        seen: set[tuple[int, int]] = set()
        for end, (length, where) in self._automaton.iter(text):
            piece_start = end - length + 1
            for idx, offset in where:
                start = piece_start - offset
                if (start, idx) not in seen and start >= 0:
                    seen.add((start, idx))
                    miss = self._compare(text, start, idx)
                    if miss:
                        yield miss
        if self._middles:
            middles, firsts = self._middles, self._firsts
            for start in range(len(text) - 2):
                if text[start] not in firsts:
                    continue
                for idx in middles.get(text[start] + text[start + 2], ()):
                    miss = self._compare(text, start, idx)
                    if miss:
                        yield miss

    def _compare(self, text: str, start: int, idx: int) -> NearMiss | None:
        e = self.expressions[idx]
        window = text[start:start + len(e.text)]
        if len(window) != len(e.text):
            return None
        diff = [i for i, (a, b) in enumerate(zip(window, e.text)) if a != b]
        if len(diff) != 1:
            return None
        i = diff[0]
        kind = confusion(window[i], e.text[i]) if "\u4e00" <= window[i] <= "\u9fff" else None
        return NearMiss(start, e, i, kind) if kind else None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon(parse_lexicon(read_word_list(data_dir("dictionaries").joinpath(*LEXICON_FILE))))
