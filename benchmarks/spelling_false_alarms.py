"""False alarms of the whole 错别字 family (S, rule packs and the statistical checker) on clean prose, per 10,000 characters.

The clean-prose set has three parts; every S finding on it is a false alarm, and each one is listed for review:
- `benchmarks/data/clean-prose/*.txt`: notices, a work report, an annual report, a reply letter, a rectification
  report, an implementing measure, a press release and a speech, written for this project (ships with it, always run);
- ogi/regulation-2019.md and ogi/regulation-2007.md, each one document (bar: 0 findings);
- the target (corrected) side of csc/ecspell-odw/odw.train, one document per sentence.
The last two are read from ../shared/data (not shipped); without it only the project's own texts are measured.
Bar of the 错别字 issue: at most 0.5 false alarms per 10,000 characters on the whole set, 0 on the regulation texts.

    python benchmarks/spelling_false_alarms.py [--data ../shared/data] [--select S] [--quiet]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's govproof, not an installed one
from govproof import Config, check_text  # noqa: E402
from official_language_false_alarms import DEFAULT_DATA, odw_targets  # noqa: E402
from rulepack_false_alarms import context  # noqa: E402

OWN_PROSE = Path(__file__).resolve().parent / "data" / "clean-prose"
AS_OF = "2025-06-01"  # for undated sentences; the project's own texts carry their 成文日期
BAR_PER_10K = 0.5


def corpora(data: Path) -> dict[str, list[str]]:
    """Name → documents. The shared parts are left out (and said so) when the data folder is missing."""
    found = {"own clean prose (benchmarks/data)": [p.read_text(encoding="utf-8") for p in sorted(OWN_PROSE.glob("*.txt"))]}
    ogi, odw = data / "ogi", data / "csc" / "ecspell-odw" / "odw.train"
    if ogi.is_dir() and odw.is_file():
        for year in ("2019", "2007"):
            found[f"regulation-{year}"] = [(ogi / f"regulation-{year}.md").read_text(encoding="utf-8")]
        found["odw.train target"] = odw_targets(odw)
    else:
        print(f"note: {data} not found; measuring the project's own texts only")
    return found


def measure(name: str, docs: list[str], config: Config, quiet: bool) -> tuple[int, Counter[str]]:
    chars, by_code = sum(len(d) for d in docs), Counter()
    listed = []
    for doc in docs:
        for f in check_text(doc, config, as_of=AS_OF):
            by_code[f.code] += 1
            listed.append(f"      {f.code} {context(doc, f.start, f.end)} → {f.suggestion}")
    n = sum(by_code.values())
    per_code = ", ".join(f"{c} {k}" for c, k in sorted(by_code.items())) or "none"
    print(f"  {name:34} {chars:>7,} chars {len(docs):>5} docs {n:>4} findings {10000 * n / chars:5.2f} /10k  ({per_code})")
    if listed and not quiet:
        print("\n".join(listed))
    return chars, by_code


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--select", default="S", help="code prefixes to run (default S: the whole 错别字 family)")
    ap.add_argument("--quiet", action="store_true", help="do not list each false alarm")
    args = ap.parse_args(argv)
    config = Config(select=tuple(args.select.split(",")))
    print(f"False alarms of --select {args.select} on clean prose (every finding is one):")
    total_chars, total, regulation = 0, Counter(), None
    for name, docs in corpora(args.data).items():
        chars, by_code = measure(name, docs, config, args.quiet)
        total_chars += chars
        total.update(by_code)
        if name.startswith("regulation"):
            regulation = (regulation or 0) + sum(by_code.values())
    n = sum(total.values())
    rate = 10000 * n / total_chars
    print(f"  {'whole clean-prose set':34} {total_chars:>7,} chars {n:>21} findings {rate:5.2f} /10k")
    for code, k in sorted(total.items()):
        print(f"      {code}: {k} ({10000 * k / total_chars:.2f} /10k)")
    print(f"bar: ≤ {BAR_PER_10K} per 10,000 characters → {'met' if rate <= BAR_PER_10K else 'not met'} ({rate:.2f}); "
          f"regulation texts 0 → {'not measured' if regulation is None else regulation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
