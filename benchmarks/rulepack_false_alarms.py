"""False alarms of the spelling rule packs (S101–S199) on clean prose, and their reach on odw.test.

Reads ../shared/data (benchmark only; exits cleanly when it is missing):
- clean prose: both regulation texts in ogi/ and the TARGET side (3rd column) of csc/ecspell-odw/odw.train;
  every finding there is a false alarm. Printed per 10,000 characters per code, each one listed.
- with --titles, also the policy titles in lexicon/ecspell/政策法规标题.txt; with --lemon, the target side of
  LEMON news and contract text (csc/lemon, research use only) — both information only, out of the headline.
- information only: how many odw.test error sentences (source side) an S1xx finding touches, and how often
  its suggestion is the gold character. Entries are never added because of what this shows.

    python benchmarks/rulepack_false_alarms.py [--titles] [--lemon] [--select S1] [--quiet]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

from govproof import Config, check_text  # noqa: E402

AS_OF = "2025-06-01"


def odw_rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "csc" / "ecspell-odw" / name).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            rows.append((parts[1], parts[2]))
    return rows


def clean_corpora(titles: bool, lemon: bool) -> dict[str, str]:
    corpora = {
        "regulation-2019": (DATA / "ogi" / "regulation-2019.md").read_text(encoding="utf-8"),
        "regulation-2007": (DATA / "ogi" / "regulation-2007.md").read_text(encoding="utf-8"),
        "odw.train target": "\n".join(t for _, t in odw_rows("odw.train")),
    }
    if titles:
        corpora["policy titles (info)"] = (DATA / "lexicon" / "ecspell" / "政策法规标题.txt").read_text(encoding="utf-8")
    if lemon:
        for name in ("new", "cot"):
            lines = (DATA / "csc" / "lemon" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
            targets = [line.split("\t")[1].replace(" ", "") for line in lines if "\t" in line]
            corpora[f"lemon {name} target (info)"] = "\n".join(targets)
    return corpora


def context(text: str, start: int, end: int, width: int = 12) -> str:
    s = text[max(0, start - width):start].replace("\n", "⏎")
    t = text[end:end + width].replace("\n", "⏎")
    return f"{s}[{text[start:end]}]{t}"


def false_alarms(config: Config, titles: bool, lemon: bool, quiet: bool) -> None:
    total_chars = 0
    total = Counter()
    print("False alarms on clean prose (every finding is one):")
    for name, text in clean_corpora(titles, lemon).items():
        findings = check_text(text, config, as_of=AS_OF)
        by_code = Counter(f.code for f in findings)
        chars = len(text)
        rate = 10000 * len(findings) / chars
        per_code = ", ".join(f"{c} {10000 * n / chars:.2f}" for c, n in sorted(by_code.items())) or "none"
        print(f"  {name:26} {chars:>8,} chars  {len(findings):>3} findings  {rate:.2f} /10k  ({per_code})")
        if not quiet:
            for f in findings:
                print(f"      {f.code} {context(text, f.start, f.end)} → {f.suggestion}")
        if "info" not in name:
            total_chars += chars
            total.update(by_code)
    n = sum(total.values())
    print(f"  {'all clean prose':26} {total_chars:>8,} chars  {n:>3} findings  {10000 * n / total_chars:.2f} /10k")
    for code, k in sorted(total.items()):
        print(f"      {code}: {k} ({10000 * k / total_chars:.2f} /10k)")


def reach_on_test(config: Config) -> None:
    rows = odw_rows("odw.test")
    err = [(s, t) for s, t in rows if s != t and len(s) == len(t)]
    touched = right = found = on_error = 0
    for s, t in err:
        gold = {i for i, (a, b) in enumerate(zip(s, t)) if a != b}
        findings = check_text(s, config, as_of=AS_OF)
        hit = False
        for f in findings:
            span = set(range(f.start, f.end))
            found += 1
            if span & gold:
                on_error += 1
                hit = True
                if f.suggestion is not None and len(f.suggestion) == f.end - f.start:
                    fixed = s[:f.start] + f.suggestion + s[f.end:]
                    if all(fixed[i] == t[i] for i in span):
                        right += 1
        touched += hit
    clean = [s for s, t in rows if s == t]
    clean_flagged = sum(bool(check_text(s, config, as_of=AS_OF)) for s in clean)
    print("\nInformation only — odw.test source side (never used to add entries):")
    share = 100 * touched / max(1, len(err))
    print(f"  error sentences touched by an S1xx finding: {touched}/{len(err)} ({share:.1f} %)")
    print(f"  findings in error sentences: {found}, on a gold error: {on_error}, "
          f"suggestion equal to the gold: {right}")
    print(f"  error-free sentences flagged: {clean_flagged}/{len(clean)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default="S1", help="code prefixes to run (default S1: S101–S199)")
    ap.add_argument("--titles", action="store_true", help="also report the policy-title list (information)")
    ap.add_argument("--lemon", action="store_true", help="also report LEMON news/contract targets (information)")
    ap.add_argument("--quiet", action="store_true", help="do not list each false alarm")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (this benchmark reads ../shared/data)")
        return 0
    config = Config(select=tuple(args.select.split(",")))
    false_alarms(config, args.titles, args.lemon, args.quiet)
    reach_on_test(config)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
