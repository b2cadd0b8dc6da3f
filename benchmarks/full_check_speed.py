"""Speed of a full check (every family, the statistical speller included) in one process, model loaded.

Text: the target (correct) side of ECSpell odw.train from ../shared/data, repeated to --chars characters
(default 500,000), checked as one document. Prints characters per second of CPU time and of wall time
(median of --repeat runs) and the scorer in use; GOVPROOF_SCORER=frequency measures the plain install.
Skips cleanly when ../shared/data is missing.

    python benchmarks/full_check_speed.py [--chars 500000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csc_metrics import SHARED, read_pairs  # noqa: E402

from govproof.config import Config  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402

TRAIN = SHARED / "csc" / "ecspell-odw" / "odw.train"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not TRAIN.is_file():
        print(f"skipped: {TRAIN} not found (the evaluation data lives in ../shared, outside the repo)")
        return 0
    from govproof.checks.spelling.lm import describe_active

    base = "\n".join(t for _, t in read_pairs(TRAIN)) + "\n"
    text = (base * (args.chars // len(base) + 1))[:args.chars]
    engine = Engine(Config())
    engine.check(Document(text="预热：进一步完善工作机制。"))
    cpu, wall, found = [], [], 0
    for _ in range(args.repeat):
        c, w = time.process_time(), time.perf_counter()
        found = len(engine.check(Document(text=text)))
        cpu.append(len(text) / (time.process_time() - c))
        wall.append(len(text) / (time.perf_counter() - w))
    print(f"scorer: {describe_active()}")
    print(f"full check, {len(text):,} chars, {found} findings: {statistics.median(cpu):,.0f} chars/s CPU, "
          f"{statistics.median(wall):,.0f} chars/s wall (median of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
