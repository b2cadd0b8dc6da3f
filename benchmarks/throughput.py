"""Throughput of the rule engine and start-to-exit time of `govproof check`.

Prints figures; asserts nothing. Text: the bundled example notice and, when present,
the regulation text from ../shared/data/ogi, repeated to at least 1 MB.

    python benchmarks/throughput.py [--mb 1.0]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govproof import Config  # noqa: E402
from govproof.checks.rulepack import build  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402
from govproof.rule import CheckContext  # noqa: E402


def corpus(min_chars: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    reg = ROOT.parent / "shared" / "data" / "ogi" / "regulation-2019.md"
    if reg.exists():
        parts.append(reg.read_text(encoding="utf-8"))
    else:
        print("(../shared/data/ogi not found: using the bundled examples only)")
    base = "\n".join(parts)
    return (base * (min_chars // len(base) + 1))[:min_chars]


def rate(fn, text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t)
    return len(text) / min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    text = corpus(int(args.mb * 1_000_000))
    cfg = Config()
    check = build(cfg)
    ctx = CheckContext(config=cfg, is_selected=lambda c: True)

    def rulepack_only(t: str) -> int:
        return sum(1 for _ in check.run(Document(text=t), ctx))

    n_rules = len(check.pack.entries)
    print(f"corpus: {len(text):,} characters")
    print(f"rule engine (YAML packs, {n_rules} entries): {rate(rulepack_only, text):,.0f} chars/s")
    for families in (("P", "N", "F", "D", "T", "C"), ("S",), None):
        sel = Config(select=families) if families else Config()
        eng = Engine(sel)
        label = ",".join(families) if families else "all families"
        r = rate(lambda t: eng.check(Document(text=t)), text[:200_000], repeat=2)
        print(f"full engine, --select {label}: {r:,.0f} chars/s (200,000 chars)")

    five_k = corpus(5000)
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "five-thousand.txt"
        f.write_text(five_k, encoding="utf-8")
        env = dict(os.environ, NO_COLOR="1")
        for sel in (["--select", "P,N,F,D,T,C"], []):
            walls = []
            for _ in range(5):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "govproof", "check", "--quiet", *sel, str(f)],
                               capture_output=True, env=env)
                walls.append(time.perf_counter() - t)
            label = " ".join(sel) or "(all rules)"
            print(f"govproof check on 5,000 chars {label}: median {statistics.median(walls):.3f} s, min {min(walls):.3f} s")


if __name__ == "__main__":
    main()
