"""How sure a candidate correction is: a logistic model over a few evidence features.

The weights are fitted on ECSpell ``odw.train`` (the official-document domain's *training* split) by
``benchmarks/tune_spelling.py``; they are eight numbers per scorer, not data mined from the texts.
The probability is the finding's confidence; ``spelling.threshold`` is the probability a finding needs.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .candidates import NEAR_SOUND, SHAPE, WORD

if TYPE_CHECKING:
    from .correction import Candidate

FEATURES = ("bias", "gain", "word3+", "near-sound", "shape", "homophone-word", "written-is-word", "new-word-logp",
            "cuts-words", "written-char-logp", "gain-over-4", "word-gain", "nonword-aligned", "rivals")

# Fitted by benchmarks/tune_spelling.py on odw.train (see the README's spelling section for the figures).
# The fallback keeps its fit without the rivals feature: refitted with it, it made more false alarms on the
# correct (target) side of odw.train (4.0 against 3.4 per 10,000 characters).
WEIGHTS: dict[str, tuple[float, ...]] = {
    "kenlm": (-3.674, 1.498, 1.400, -1.594, -0.504, -1.034, 0.381, 0.829, -1.953, 0.355, -0.355, -0.293, -2.767, -0.542),
    "frequency": (-3.924, 1.525, 1.621, -1.492, -0.230, -0.394, -0.313, 0.212, -1.387, 0.170, -0.831, -0.606, -1.068, 0.0),
}


def features(c: "Candidate") -> tuple[float, ...]:
    return (
        1.0,
        max(-10.0, min(15.0, c.gain)),
        float(c.end - c.start >= 3),
        float(c.kind == NEAR_SOUND),
        float(c.kind == SHAPE),
        float(c.kind == WORD),
        float(c.written_logp is not None),
        c.new_logp + 5.0,
        float(not c.aligned),
        c.written_char_logp + 5.0,
        max(0.0, min(15.0, c.gain) - 4.0),
        max(-10.0, min(15.0, c.gain)) * (c.kind == WORD),
        float(c.written_logp is None and c.aligned),
        float(c.rivals),
    )


def probability(c: "Candidate", scorer: str) -> float:
    z = sum(w * f for w, f in zip(WEIGHTS[scorer], features(c)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
