"""Figures of the lexicon checks S110 (fixed-expression near-misses) and S111 (non-words near a frequent word).

Reads ../shared/data (or $GOVPROOF_SHARED_DATA when the checkout is elsewhere, e.g. a git worktree); says so and
exits cleanly without it.
- false alarms on clean prose, per 10,000 characters, each one listed: the 2019 and 2007 regulation texts (with
  every S rule as well: that bar is 0 S findings), the target side of ECSpell odw.train, and the project's own
  clean notices (tests/data/clean-notices.txt);
- finding by finding on the source side of odw.train and odw.test: right correction, wrong correction, alarm on
  a correct character;
- odw.test sentence-level correction (as in shared/tools/csc_score.py) for all S rules without and with S110/S111,
  and for S110/S111 alone;
- ``--tune``: a grid over S111's thresholds scored on odw.train only (source side for catches, target side
  for false alarms); the chosen values are written into govproof/checks/lexicon/near_words.py by hand.

- ``--out-of-domain``: the same finding counts and sentence-level figures on SIGHAN-15 (simplified) and the two
  LEMON files (research use only), as information: nothing is tuned on them;
- ``--speed``: characters per CPU second of S110/S111 alone and of a full check with and without them.

    python benchmarks/lexicon_eval.py [--show] [--out-of-domain] [--speed] [--tune] [--set spelling.scorer=frequency]
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from csc_metrics import SHARED, parse_options, read_pairs, run_findings, score  # noqa: E402

from govproof.config import Config  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402

CODES = ("S110", "S111")
ODW = SHARED / "csc" / "ecspell-odw"
NOTICES = ROOT / "tests" / "data" / "clean-notices.txt"


def han_count(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def clean_texts() -> list[tuple[str, str, bool]]:
    """(name, text, whether every S rule must be silent on it too)."""
    texts = [(p.name, p.read_text(encoding="utf-8"), True)
             for p in (SHARED / "ogi" / "regulation-2019.md", SHARED / "ogi" / "regulation-2007.md")]
    texts.append(("odw.train target side", "\n".join(t for _, t in read_pairs(ODW / "odw.train")) + "\n", False))
    notices = [line for line in NOTICES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    texts.append((NOTICES.name, "\n".join(notices) + "\n", False))
    return texts


def false_alarms(options: tuple) -> None:
    print("== False alarms on clean prose (Han characters counted)")
    lexicon = Engine(Config(select=CODES, options=options))
    every_s = Engine(Config(select=("S",), options=options))
    total_n = total_found = 0
    for name, text, all_s in clean_texts():
        found = lexicon.check(Document(text=text))
        n = han_count(text)
        total_n, total_found = total_n + n, total_found + len(found)
        print(f"{name:<26} {n:>7} chars  S110/S111 {len(found):>3}  {10000 * len(found) / n:.2f} /10k")
        for f in found:
            print(f"    {f.code} {text[max(0, f.start - 8):f.start]}[{f.text}→{f.suggestion}]{text[f.end:f.end + 8]}")
        if all_s:
            s_found = every_s.check(Document(text=text))
            print(f"{'':<26} all S rules: {len(s_found)} findings "
                  + "; ".join(f"{f.code} {f.text}→{f.suggestion}" for f in s_found[:6]))
    print(f"{'all clean prose':<26} {total_n:>7} chars  S110/S111 {total_found:>3}  "
          f"{10000 * total_found / total_n:.2f} /10k")


def findings_by_kind(name: str, options: tuple, show: bool, rows: list[tuple[str, str]] | None = None) -> None:
    rows = rows if rows is not None else read_pairs(ODW / name)
    _, starts, found = run_findings(rows, Config(select=CODES, options=options))
    counts = {code: [0, 0, 0] for code in CODES}
    for f in found:
        i = bisect.bisect_right(starts, f.start) - 1
        src, tgt = rows[i]
        s0 = f.start - starts[i]
        gold = tgt[s0:s0 + len(f.text)]
        kind = 0 if gold == f.suggestion else (2 if gold == f.text else 1)
        counts[f.code][kind] += 1
        if show and kind:
            label = "wrong fix" if kind == 1 else "false alarm"
            print(f"    {f.code} {label}: {f.text}→{f.suggestion} (gold {gold})  {src[max(0, s0 - 8):s0 + 10]}")
    for code, (right, wrong, alarm) in counts.items():
        n = right + wrong + alarm
        print(f"{name:<12} {code}: {n:>3} findings, {right} right fixes, {wrong} wrong fixes, {alarm} on correct text"
              f"  (precision {right / n if n else 0:.3f})")


def contribution(options: tuple, name: str = "odw.test", rows: list[tuple[str, str]] | None = None) -> None:
    print(f"== {name} sentence-level figures (as csc_score.py)")
    rows = rows if rows is not None else read_pairs(ODW / "odw.test")
    for label, config in (("all S rules without S110/S111", Config(select=("S",), ignore=CODES, options=options)),
                          ("all S rules (with S110/S111)", Config(select=("S",), options=options)),
                          ("S110/S111 alone", Config(select=CODES, options=options))):
        _, starts, found = run_findings(rows, config)
        print(f"{label:<32} {score(rows, starts, found).line()}")


def out_of_domain(options: tuple) -> None:
    """SIGHAN-15 and LEMON, measured as information (nothing is tuned on them)."""
    from spelling_eval import SETS

    for name, path, limit in SETS[1:]:
        rows = read_pairs(path)[:limit] if limit else read_pairs(path)
        findings_by_kind(name.split(" (")[0].split(",")[0], options, False, rows)
        contribution(options, name, rows)


def speed(options: tuple, chars: int = 500_000) -> None:
    """CPU time per character, one process, checks built and warmed up: S110/S111 alone, and every family with
    and without them, on the target side of odw.train repeated to ``chars`` characters."""
    print(f"== Throughput on odw.train targets repeated to {chars:,} characters (one process, CPU time)")
    one = "\n".join(t for _, t in read_pairs(ODW / "odw.train")) + "\n"
    text = (one * (chars // len(one) + 1))[:chars]
    for label, config in (("S110/S111 alone", Config(select=CODES, options=options)),
                          ("all families without S110/S111", Config(ignore=CODES, options=options)),
                          ("all families", Config(options=options))):
        engine = Engine(config)
        engine.check(Document(text=one[:2000]))
        t = time.process_time()
        engine.check(Document(text=text))
        print(f"{label:<32} {chars / (time.process_time() - t):>10,.0f} chars/s")


# The last grid run. Before it: GAIN_MIN 2.0–3.5 × MARGIN 0.3–1.0 × WORD_MIN 100–1000 × COMMONER_BONUS 0–0.5 ×
# ALONE_MIN 1000–10000 (best at its edges), then GAIN_MIN 3.5–4.0 × MARGIN 1.0–1.5 × COMMONER_BONUS 0.5–0.7 ×
# ALONE_MIN 10000–30000 (4.0 / 1.5 / 0.7 / 10000 the best without alarms), then BOTH_BONUS 0.7–1.5.
GRID = {"GAIN_MIN": [4.0], "MARGIN": [1.5], "WORD_MIN": [1000], "COMMONER_BONUS": [0.7], "BOTH_BONUS": [1.5, 2.0, 3.0],
        "ALONE_MIN": [10000]}


def tune() -> None:
    """Grid over S111's thresholds on odw.train: catches (source side) against false alarms (target side)."""
    from govproof.checks.lexicon import near_words as nw
    from govproof.checks.spelling.lexicon import word_frequencies
    from govproof.checks.spelling.protect import protected_mask

    freqs = word_frequencies()
    log_total = math.log10(sum(freqs.values()))
    rows = read_pairs(ODW / "odw.train")

    def runs(text: str) -> list[tuple[str, bytearray]]:
        mask = protected_mask(Document(text=text))
        out, start = [], None
        for k, ch in enumerate(text + "。"):
            if "\u4e00" <= ch <= "\u9fff":
                start = k if start is None else start
            elif start is not None:
                out.append((start, text[start:k], mask[start:k]))
                start = None
        return out

    prepared = [(src, tgt, runs(src), runs(tgt)) for src, tgt in rows]
    grid = GRID
    print("== S111 grid on odw.train (right / wrong fixes on the source side, alarms on the target side)")
    results = []
    for values in itertools.product(*grid.values()):
        for key, value in zip(grid, values):
            setattr(nw, key, value)
        right = wrong = alarms = 0
        for src, tgt, src_runs, tgt_runs in prepared:
            for off, run, mask in src_runs:
                for w in nw.near_words(run, freqs, log_total):
                    if mask[w.start] or mask[w.start + 1]:
                        continue
                    s0 = off + w.start
                    right += tgt[s0:s0 + 2] == w.word
                    wrong += tgt[s0:s0 + 2] != w.word
            for off, run, mask in tgt_runs:
                alarms += sum(1 for w in nw.near_words(run, freqs, log_total) if not (mask[w.start] or mask[w.start + 1]))
        results.append((right - 3 * (wrong + alarms), right, wrong, alarms, dict(zip(grid, values))))
    for utility, right, wrong, alarms, values in sorted(results, key=lambda r: -r[0])[:12]:
        print(f"right {right:>4}  wrong {wrong:>3}  alarms {alarms:>3}  utility {utility:>4}  {values}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", action="store_true", help="grid over S111's thresholds on odw.train only")
    ap.add_argument("--show", action="store_true", help="list every wrong finding on odw.train/odw.test")
    ap.add_argument("--speed", action="store_true", help="also time the checks on 500,000 characters")
    ap.add_argument("--out-of-domain", action="store_true", help="also SIGHAN-15 and LEMON (information only)")
    ap.add_argument("--set", action="append", default=[], help="option, e.g. spelling.scorer=frequency")
    args = ap.parse_args()
    if not ODW.is_dir():
        print(f"skipped: {ODW} not found (evaluation data lives in ../shared, outside the repo)")
        return 0
    if args.tune:
        tune()
        return 0
    options = parse_options(args.set)
    false_alarms(options)
    print("== Findings on the source side (right fix / wrong fix / alarm on a correct character)")
    for name in ("odw.train", "odw.test"):
        findings_by_kind(name, options, args.show)
    contribution(options)
    if args.out_of_domain:
        out_of_domain(options)
    if args.speed:
        speed(options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
