#!/usr/bin/env python3
"""Figures for the C rules (citations of 《中华人民共和国政府信息公开条例》).

1. Precision / recall per rule on labelled sets written for govproof:
   tests/data/citations_cases.yaml (the development set the tests run) and two sets written after the checker:
   benchmarks/data/citations_eval.yaml, citations_eval2.yaml and citations_eval3.yaml (each measured blind once, then used for fixes;
   the blind figures are in the README); whole documents (reply letters, guides, work points, notices):
   tests/data/citations_documents.yaml (development) and benchmarks/data/citations_documents_heldout.yaml (held out,
   written before the checker was run on it and scored once), then held-out 2–19 the same way; each held-out
   file's header records its one blind run (sets 17 and 18: the second round of issue 13; set 19: the third).
   Counted per (case, code): a finding of a code the case expects is a true positive (up to the expected count).
2. Findings on the regulation's own texts, which cite themselves (本条例第三十三条 …): the 2019 text checked as
   current (target 0) and the 2007 text checked with --as-of 2010-01-01 (target 0). These read ../shared/data/ogi
   and are skipped, saying so, when it is missing.
3. Findings on clean official prose (ECSpell odw.train, corrected side; read from ../shared/data/csc, never copied):
   false alarms of the C rules outside the labelled sets (target 0).
4. Throughput of the C checks.

    python benchmarks/citations_eval.py [--show-errors]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govproof import Config, check_text  # noqa: E402
from govproof.api import check_path  # noqa: E402

SETS = [("development (tests/data/citations_cases.yaml)", ROOT / "tests" / "data" / "citations_cases.yaml"),
        ("held-out 1 (benchmarks/data/citations_eval.yaml)", ROOT / "benchmarks" / "data" / "citations_eval.yaml"),
        ("held-out 2 (benchmarks/data/citations_eval2.yaml)", ROOT / "benchmarks" / "data" / "citations_eval2.yaml"),
        ("held-out 3 (benchmarks/data/citations_eval3.yaml)", ROOT / "benchmarks" / "data" / "citations_eval3.yaml"),
        ("documents, development (tests/data/citations_documents.yaml)", ROOT / "tests" / "data" / "citations_documents.yaml"),
        ("documents, held-out (benchmarks/data/citations_documents_heldout.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout.yaml"),
        ("documents, held-out 2 (benchmarks/data/citations_documents_heldout2.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout2.yaml"),
        ("documents, held-out 3 (benchmarks/data/citations_documents_heldout3.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout3.yaml"),
        ("documents, held-out 4 (benchmarks/data/citations_documents_heldout4.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout4.yaml"),
        ("documents, held-out 5 (benchmarks/data/citations_documents_heldout5.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout5.yaml"),
        ("documents, held-out 6 (benchmarks/data/citations_documents_heldout6.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout6.yaml"),
        ("documents, held-out 7 (benchmarks/data/citations_documents_heldout7.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout7.yaml"),
        ("documents, held-out 8 (benchmarks/data/citations_documents_heldout8.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout8.yaml"),
        ("documents, held-out 9 (benchmarks/data/citations_documents_heldout9.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout9.yaml"),
        ("documents, held-out 10 (benchmarks/data/citations_documents_heldout10.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout10.yaml"),
        ("documents, held-out 11 (benchmarks/data/citations_documents_heldout11.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout11.yaml"),
        ("documents, held-out 12 (benchmarks/data/citations_documents_heldout12.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout12.yaml"),
        ("documents, held-out 13 (benchmarks/data/citations_documents_heldout13.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout13.yaml"),
        ("documents, held-out 14 (benchmarks/data/citations_documents_heldout14.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout14.yaml"),
        ("documents, held-out 15 (benchmarks/data/citations_documents_heldout15.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout15.yaml"),
        ("documents, held-out 16 (benchmarks/data/citations_documents_heldout16.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout16.yaml"),
        ("documents, held-out 17 (benchmarks/data/citations_documents_heldout17.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout17.yaml"),
        ("documents, held-out 18 (benchmarks/data/citations_documents_heldout18.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout18.yaml"),
        ("documents, held-out 19 (benchmarks/data/citations_documents_heldout19.yaml)",
         ROOT / "benchmarks" / "data" / "citations_documents_heldout19.yaml")]
# ../shared beside the checkout, or beside the folder of worktrees holding it
SHARED = next((p for p in (ROOT.parent / "shared" / "data" / "ogi", ROOT.parent.parent / "shared" / "data" / "ogi")
               if p.is_dir()), ROOT.parent / "shared" / "data" / "ogi")
CONFIG = Config(select=("C",))


def score(path: Path, show: bool) -> Counter:
    cases = yaml.safe_load(path.read_text("utf-8"))["cases"]
    counts: Counter = Counter()
    for case in cases:
        found = check_text(case["text"], CONFIG, as_of=str(case.get("as_of", "2025-06-01")), profile=case.get("profile"))
        got, want = Counter(f.code for f in found), Counter(case["expect"])
        for code in set(got) | set(want):
            tp = min(got[code], want[code])
            counts[(code, "tp")] += tp
            counts[(code, "fp")] += got[code] - tp
            counts[(code, "fn")] += want[code] - tp
            if show and got[code] != want[code]:
                print(f"    {case['id']}: {code} expected {want[code]}, found {got[code]}: "
                      + "; ".join(f"{f.text}→{f.suggestion} {f.message[:60]}" for f in found if f.code == code))
    counts["cases"] = len(cases)
    counts["silent"] = sum(1 for c in cases if not c["expect"])
    return counts


def pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:6.1%}  R {r:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def report(name: str, counts: Counter) -> None:
    codes = sorted({k[0] for k in counts if isinstance(k, tuple)})
    print(f"{name}: {counts['cases']} cases ({counts['silent']} that must stay silent)")
    for code in codes:
        print(f"  {code}  " + pr(counts[(code, 'tp')], counts[(code, 'fp')], counts[(code, 'fn')]))
    total = [sum(counts[(c, k)] for c in codes) for k in ("tp", "fp", "fn")]
    print("  all   " + pr(*total))


def blind_run(path: Path) -> str | None:
    """The figures of a held-out set's one blind run, from its header (`# Blind run: P …, R … (…)`)."""
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            return None
        if line.startswith("# Blind run:"):
            return line.removeprefix("# Blind run:").strip().split(". ")[0].rstrip(".")
    return None


def self_check() -> None:
    if not SHARED.is_dir():
        print(f"regulation self-check: skipped ({SHARED} not found; it is in the project's shared data, not in the repo)")
        return
    from govproof.checks.citations.analysis import Analysis
    from govproof.loaders import load_path

    for name, as_of in (("regulation-2019.md", "2025-06-01"), ("regulation-2007.md", "2010-01-01"),
                        ("spc-ogi-cases-provisions-2011.md", "2011-08-13")):
        path = SHARED / name
        if not path.is_file():
            print(f"  {name}: missing")
            continue
        config = Config(select=("C",), as_of=__import__("datetime").date.fromisoformat(as_of))
        found = check_path(path, config)
        doc = load_path(path, as_of=config.as_of)
        a = Analysis(doc)
        cited = sum(len([e for e in c.elements if not e.implied]) for c in a.ogi_chains)
        print(f"  {name} --as-of {as_of} (read against the {a.version} text): {cited} citations of the regulation "
              f"checked, {len(found)} findings" + "".join(f"\n    {f.code} {f.text}: {f.message}" for f in found))


def clean_prose() -> None:
    """C findings on official prose with no citation errors: the corrected side of ECSpell odw.train, as one document
    titled as a 政府信息公开 file so that every gate is open (the worst case). Reads ../shared/data/csc; skipped without."""
    path = SHARED.parent / "csc" / "ecspell-odw" / "odw.train"
    if not path.is_file():
        print(f"clean official prose: skipped ({path} not found)")
        return
    rows = [line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
    text = "政府信息公开工作文件汇编\n" + "\n".join(r[-1] for r in rows)
    found = check_text(text, CONFIG, as_of="2025-06-01")
    print(f"clean official prose (odw.train targets, {len(text):,} characters, gates open): {len(found)} C findings"
          + "".join(f"\n    {f.code} {f.text}: {f.message}" for f in found))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-errors", action="store_true", help="list every case where a code was missed or extra")
    args = ap.parse_args()
    for name, path in SETS:
        report(name, score(path, args.show_errors))
        blind = blind_run(path)
        if blind:
            print(f"  blind run, as recorded in the file's header: {blind}")
    print("regulation self-check (reads ../shared/data/ogi):")
    self_check()
    clean_prose()
    throughput()
    return 0


def throughput() -> None:
    """C checks alone on 200 copies of the bundled example letter's body (about 100,000 characters)."""
    import time

    body = (ROOT / "examples" / "答复书-有误.txt").read_text("utf-8").split("\n", 1)[1]
    text = "\n".join([body] * 200)
    check_text("预热", CONFIG)
    start = time.perf_counter()
    found = check_text(text, CONFIG, as_of="2025-06-01")
    took = time.perf_counter() - start
    print(f"throughput: {len(text):,} characters, {len(found)} findings, {took:.2f} s ({len(text) / took:,.0f} characters/s)")


if __name__ == "__main__":
    raise SystemExit(main())
