"""A proposed correction of one span: what the checker builds and decide.py scores (its own module, so the two
do not import each other)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Candidate:
    start: int         # the written span run[start:end] ...
    end: int
    new: str           # ... and the word that should stand there (same length)
    kind: str = ""     # sound / near-sound / shape / word (a whole word typed for its homophone)
    gain: float = 0.0  # LM log10 gain of the replacement
    written_logp: float | None = None     # unigram of the written span when it is a word too
    new_logp: float = -7.0                # unigram of the new word
    aligned: bool = True                  # the new word starts and ends where the text's own words do
    written_char_logp: float = 0.0        # unigram of the rarest replaced character (rare characters are suspect)
    p: float = 0.0                        # probability that the correction is right (decide.py)
    rivals: int = 0                       # other corrections of the same character nearly as good (gain within 2)

    def changed(self, run: str) -> list[int]:
        return [self.start + k for k, ch in enumerate(self.new) if run[self.start + k] != ch]
