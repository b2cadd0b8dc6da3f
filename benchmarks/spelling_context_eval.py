"""Recall and precision of the context rules S102 and S103 on sentences written after them.

Reads `benchmarks/data/spelling_context_eval.yaml` (ships with the project): error sentences with the wrong text and
its correction, and correct sentences. A hit is a finding of the selected codes on the wrong text whose suggestion
is the correction; any finding on a correct sentence is a false alarm. Prints each miss and false alarm.

    python benchmarks/spelling_context_eval.py [--select S102,S103]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's govproof, not an installed one
from govproof import Config, check_text  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "spelling_context_eval.yaml"
AS_OF = "2025-06-01"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default="S102,S103", help="codes or prefixes to run (default S102,S103)")
    args = ap.parse_args(argv)
    config = Config(select=tuple(args.select.split(",")))
    cases = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found = 0
    for case in cases["errors"]:
        text, wrong, right = str(case["text"]), str(case["wrong"]), str(case["right"])
        at = text.index(wrong)
        hits = [f for f in check_text(text, config, as_of=AS_OF)
                if f.start <= at + len(wrong) - 1 and at <= f.end - 1
                and text[:f.start] + (f.suggestion or "") + text[f.end:] == text[:at] + right + text[at + len(wrong):]]
        found += bool(hits)
        if not hits:
            print(f"  missed: {text}  ({wrong}→{right})")
    false_alarms = 0
    for text in map(str, cases["ok"]):
        for f in check_text(text, config, as_of=AS_OF):
            false_alarms += 1
            print(f"  false alarm: {text}  {f.code} {f.text}→{f.suggestion}")
    n = len(cases["errors"])
    print(f"--select {args.select}: corrected {found}/{n} error sentences (recall {found / n:.2f}); "
          f"{false_alarms} false alarms on {len(cases['ok'])} correct sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
