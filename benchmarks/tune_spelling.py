"""Fit the spelling checker's decision weights (govproof/checks/spelling/decide.py) on ECSpell odw.train.

Reads ../shared/data/csc/ecspell-odw/odw.train — the TRAINING split only; odw.test is never read here.
For every candidate the checker would weigh (best per position), it records the features and whether the
candidate is the gold correction, fits a logistic regression (numpy, L2), and prints the weights to paste
into decide.WEIGHTS. Usage: python benchmarks/tune_spelling.py [--scorer kenlm|frequency]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csc_metrics import SHARED, read_pairs  # noqa: E402

from govproof.checks.spelling.checker import _candidates, _Scorer, count_rivals, load_model  # noqa: E402
from govproof.checks.spelling.decide import FEATURES, features  # noqa: E402
from govproof.checks.spelling.protect import protected_mask  # noqa: E402
from govproof.document import Document  # noqa: E402

TRAIN = SHARED / "csc" / "ecspell-odw" / "odw.train"


def collect(scorer: str | None):
    import numpy as np

    model = load_model(None, scorer)
    X, y = [], []
    for src, tgt in read_pairs(TRAIN):
        mask = protected_mask(Document(text=src))
        for m in regex.finditer(r"\p{Han}{2,}", src):
            run, off = m.group(), m.start()
            sc = _Scorer(run, model.lm)
            cands = _candidates(run, mask[off:off + len(run)], model, sc.bounds)
            if not cands:
                continue
            best = {}
            for c in cands:
                sc.rate(c)
            count_rivals(cands, run)
            for c in cands:
                first = c.changed(run)[0]
                if first not in best or c.gain > best[first].gain:
                    best[first] = c
            for c in best.values():
                if c.gain > -2:
                    X.append(features(c))
                    y.append(float(tgt[off + c.start:off + c.end] == c.new))
    return np.array(X), np.array(y)


def fit(X, y, l2: float = 1.0, steps: int = 50):
    import numpy as np

    w = np.zeros(X.shape[1])
    for _ in range(steps):  # Newton's method
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (p - y) + l2 * w
        H = X.T @ (X * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        w -= np.linalg.solve(H, g)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", choices=["kenlm", "frequency"], default="kenlm")
    args = ap.parse_args()
    if not TRAIN.is_file():
        print(f"skipped: {TRAIN} not found (the evaluation data lives in ../shared, outside the repo)")
        return
    X, y = collect("frequency" if args.scorer == "frequency" else None)
    w = fit(X, y)
    print(f"{len(y)} candidates, {int(y.sum())} right")
    for name, v in zip(FEATURES, w):
        print(f"  {name:<16} {v:+.3f}")
    print(f'    "{args.scorer}": (' + ", ".join(f"{v:.3f}" for v in w) + "),")


if __name__ == "__main__":
    main()
