"""Recall and precision of the context rules S102 and S103 on sentences written after them.

Reads `benchmarks/data/spelling_context_eval*.yaml` (ship with the project; each set was written after the rules and
the fixes prompted by the sets before it, then measured blind once): error sentences with the wrong text and its
correction, and correct sentences. A hit is a finding of the selected codes on the wrong text whose suggestion
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

SETS = sorted((Path(__file__).resolve().parent / "data").glob("spelling_context_eval*.yaml"))
AS_OF = "2025-06-01"


def measure(path: Path, config: Config) -> str:
    """Prints each miss and false alarm of one set; returns its summary line."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = 0
    for case in cases["errors"]:
        text, wrong, right = str(case["text"]), str(case["wrong"]), str(case["right"])
        at = text.index(wrong)
        expected = text[:at] + right + text[at + len(wrong):]
        hits = [f for f in check_text(text, config, as_of=AS_OF)
                if f.start < at + len(wrong) and at < f.end
                and text[:f.start] + (f.suggestion or "") + text[f.end:] == expected]
        found += bool(hits)
        if not hits:
            print(f"  {path.stem} missed: {text}  ({wrong}→{right})")
    false_alarms = 0
    for text in map(str, cases["ok"]):
        for f in check_text(text, config, as_of=AS_OF):
            false_alarms += 1
            print(f"  {path.stem} false alarm: {text}  {f.code} {f.text}→{f.suggestion}")
    n = len(cases["errors"])
    return (f"{path.stem}: corrected {found}/{n} error sentences (recall {found / n:.2f}); "
            f"{false_alarms} false alarms on {len(cases['ok'])} correct sentences")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default="S102,S103", help="codes or prefixes to run (default S102,S103)")
    args = ap.parse_args(argv)
    config = Config(select=tuple(args.select.split(",")))
    summaries = [measure(path, config) for path in SETS]
    print(f"--select {args.select}:")
    print("\n".join(f"  {line}" for line in summaries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
