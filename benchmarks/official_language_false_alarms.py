"""False alarms of the 规范表述 (T) rules on clean official text, per 10,000 characters.

Reads ../shared/data (not shipped with the project; exits cleanly when it is missing):
- ogi/regulation-2019.md: the 2019 《政府信息公开条例》, checked as one document;
- csc/ecspell-odw/odw.train, target side (3rd tab column): corrected sentences from official documents,
  each checked as its own document (they carry no 成文日期, so the date is --as-of or today).

Every finding on these texts is listed. Findings of rules with a date (since/until: renamed agencies, repealed
laws) are counted separately: the ODW sentences are undated excerpts, many written before the 2018 reform, so an old
agency name there is right for its time but is reported when the text is checked as of today.

    python benchmarks/official_language_false_alarms.py [--as-of YYYY-MM-DD] [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from govproof.finding import Severity
from govproof import Config, check_text
from govproof.checks.rulepack import load_pack

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def dated_codes_and_texts() -> set[tuple[str, str]]:
    """(code, entry) pairs whose firing depends on the document's date; findings are matched by code + suggestion."""
    pack = load_pack((), ())
    return {(e.code, e.suggest or "") for e in pack.entries if e.since or e.until}


def odw_targets(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].strip():
            out.append(parts[2])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--as-of", type=dt.date.fromisoformat, default=None,
                    help="date for undated texts (default: today, as the CLI does)")
    args = ap.parse_args(argv)
    regulation = args.data / "ogi" / "regulation-2019.md"
    odw = args.data / "csc" / "ecspell-odw" / "odw.train"
    if not regulation.is_file() or not odw.is_file():
        print(f"skipped: {args.data} not found (this benchmark reads ../shared/data, which ships separately)")
        return 0
    config = Config(select=("T",))
    dated = dated_codes_and_texts()
    corpora = {"regulation-2019.md": [regulation.read_text(encoding="utf-8")], "odw.train (target side)": odw_targets(odw)}
    for name, docs in corpora.items():
        chars = sum(len(d) for d in docs)
        per_code: Counter[str] = Counter()
        n_dated = n_hints = 0
        listed = []
        for doc in docs:
            for f in check_text(doc, config, as_of=args.as_of):
                per_code[f.code] += 1
                n_hints += f.severity == Severity.INFO
                is_dated = (f.code, f.suggestion or "") in dated
                n_dated += is_dated
                ctx = doc[max(0, f.start - 12):f.end + 12].replace("\n", " ")
                listed.append(f"  {f.code} {'[dated] ' if is_dated else ''}{f.text} → {f.suggestion}  …{ctx}…")
        total = sum(per_code.values())
        print(f"{name}: {chars} chars, {len(docs)} document(s)")
        print(f"  T findings: {total} = {total / chars * 10000:.2f} per 10,000 chars"
              f" (date-independent: {total - n_dated} = {(total - n_dated) / chars * 10000:.2f};"
              f" dated rules: {n_dated})")
        shown = total - n_hints
        print(f"  at warning or above: {shown} = {shown / chars * 10000:.2f} per 10,000 chars;"
              f" info hints: {n_hints} (dated rules on a text with no 成文日期 and no --as-of are hints)")
        if per_code:
            print("  by code: " + ", ".join(f"{c} {n}" for c, n in sorted(per_code.items())))
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
