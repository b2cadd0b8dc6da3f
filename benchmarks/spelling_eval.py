"""Spelling checker benchmark: CSC figures, false alarms on clean prose, speed, start-up, memory.

Reads ../shared/data (outside the repo; the script says so and exits cleanly when it is missing):
- csc/ecspell-odw/odw.test (headline), csc/sighan15/ecspell-simplified/test2015.txt and csc/lemon/*.txt
  (out of domain): sentence-level detection/correction P/R/F1 as in shared/tools/csc_score.py,
  character-level P/R/F1, share of error-free sentences with any finding;
- ogi/regulation-2019.md, ogi/regulation-2007.md and the target (correct) side of odw.train: false alarms
  per 10,000 characters (every finding on correct text is a false alarm);
- throughput (chars per CPU second, one process), cold start of `govproof check` on a 5,000-character
  file, peak RSS of that run; pycorrector's offline correctors side by side when installed.

    python benchmarks/spelling_eval.py [--select S2] [--quick] [--set spelling.threshold=0.6 ...]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csc_metrics import SHARED, parse_options, read_pairs, run_findings, score, score_corrections  # noqa: E402

from govproof.config import Config  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402

CSC = SHARED / "csc"
SETS = [("odw.test (headline)", CSC / "ecspell-odw" / "odw.test", None),
        ("SIGHAN-15 simplified", CSC / "sighan15" / "ecspell-simplified" / "test2015.txt", None),
        ("LEMON cot (contracts)", CSC / "lemon" / "cot.txt", None),
        ("LEMON new (news), first 1000", CSC / "lemon" / "new.txt", 1000)]
CLEAN = [SHARED / "ogi" / "regulation-2019.md", SHARED / "ogi" / "regulation-2007.md"]


def han_count(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def csc_figures(config: Config, quick: bool) -> None:
    print("== CSC (sentence level as in csc_score.py; char = flagged positions vs gold positions)")
    for name, path, limit in SETS[:1] if quick else SETS:
        rows = read_pairs(path)[:limit] if limit else read_pairs(path)
        _, starts, found = run_findings(rows, config)
        print(f"{name:<30} {len(rows):>5} sentences  {score(rows, starts, found).line()}")


def false_alarms(config: Config) -> None:
    print("== False alarms on correct text (per 10,000 characters; Han characters counted)")
    engine = Engine(config)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in CLEAN]
    train = read_pairs(CSC / "ecspell-odw" / "odw.train")
    texts.append(("odw.train target side", "\n".join(t for _, t in train) + "\n"))
    for name, text in texts:
        found = engine.check(Document(text=text))
        n = han_count(text)
        shown = "; ".join(f"{f.text}→{f.suggestion}({f.confidence:.2f})" for f in found[:8])
        print(f"{name:<24} {n:>7} chars  {len(found):>3} findings  {10000 * len(found) / n:.2f} /10k  {shown}")


def throughput(config: Config) -> None:
    print("== Throughput (one process, CPU time, model loaded)")
    engine = Engine(config)
    engine.check(Document(text="预热。"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in CLEAN)
    text += "\n" + "\n".join(s for s, _ in read_pairs(CSC / "ecspell-odw" / "odw.test"))
    rates = []
    for _ in range(3):
        t = time.process_time()
        engine.check(Document(text=text))
        rates.append(len(text) / (time.process_time() - t))
    print(f"{len(text)} chars: {statistics.median(rates):,.0f} chars/s (median of 3)")


def cold_start(select: str) -> None:
    print(f"== Cold start: `govproof check --select {select}` on a 5,000-character file (new process each run)")
    reg = CLEAN[0].read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "notice.txt"
        f.write_text(reg[:5000], encoding="utf-8")
        runs, rss = [], 0
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "govproof", "check", "--select", select, "--quiet", str(f)],
                           capture_output=True, check=False)
            runs.append(time.perf_counter() - t)
            rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(f"wall {min(runs):.2f} s best, {statistics.median(runs):.2f} s median; peak RSS {rss / 1024:.0f} MB")


def _pycorrector_modules():
    """pycorrector's offline correctors without running its package __init__ (which imports torch)."""
    import importlib
    import importlib.util
    import types

    spec = importlib.util.find_spec("pycorrector")
    if spec is None or not spec.submodule_search_locations:
        return None
    if "pycorrector" not in sys.modules:
        pkg = types.ModuleType("pycorrector")
        pkg.__path__ = list(spec.submodule_search_locations)
        sys.modules["pycorrector"] = pkg
    return (importlib.import_module("pycorrector.confusion_corrector").ConfusionCorrector,
            importlib.import_module("pycorrector.proper_corrector").ProperCorrector)


def pycorrector_side_by_side() -> None:
    print("== pycorrector 1.1.4 offline correctors, same odw.test (loaded without its torch-importing __init__)")
    try:
        mods = _pycorrector_modules()
    except ImportError as e:
        print(f"pycorrector's modules need {e.name}: skipped (pip install --no-deps pycorrector==1.1.4 loguru)")
        return
    if mods is None:
        print("pycorrector not installed (pip install --no-deps pycorrector==1.1.4 loguru pypinyin): skipped")
        return
    import yaml

    from govproof.checks.spelling.protect import protected_terms
    from govproof.data import data_dir

    confusion_cls, proper_cls = mods
    pairs = {}
    for f in sorted(data_dir("rules").glob("S-*.yaml")):
        for e in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("entries", []):
            p, s = e.get("pattern"), e.get("suggest")
            if p and s and len(p) == len(s) and "\\" not in s:
                pairs[p] = s
    rows = read_pairs(CSC / "ecspell-odw" / "odw.test")
    conf = confusion_cls(pairs)
    print(f"{'ConfusionCorrector':<30} {len(pairs)} pairs from rules/S-*.yaml  "
          f"{score_corrections(rows, [conf.correct(s)['target'] for s, _ in rows]).line()}")
    with tempfile.TemporaryDirectory() as tmp:
        names = Path(tmp) / "proper.txt"
        names.write_text("\n".join(t for t in protected_terms() if len(t) >= 3) + "\n", encoding="utf-8")
        proper = proper_cls(proper_name_path=str(names))
        outs = [proper.correct(s)["target"] for s, _ in rows]
    print(f"{'ProperCorrector':<30} protected-terms.txt (3+ chars)  {score_corrections(rows, outs).line()}")
    print("pycorrector's kenlm Corrector: not run (it scores characters; the only offline LM here is a word LM, "
          "on which it measured correction F1 0.003 — see shared notes)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default="S2")
    ap.add_argument("--quick", action="store_true", help="headline set and false alarms only")
    ap.add_argument("--set", action="append", default=[], help="spelling option, e.g. spelling.threshold=0.6")
    args = ap.parse_args()
    if not CSC.is_dir():
        print(f"skipped: {CSC} not found (evaluation data lives in ../shared, outside the repo)")
        return 0
    options = parse_options(args.set)
    config = Config(select=(args.select,), options=options)
    from govproof.checks.spelling.lm import describe_active

    forced = dict(options).get("spelling.scorer")
    scorer = "jieba word frequencies (forced)" if forced == "frequency" else describe_active()
    print(f"select {args.select}; scorer: {scorer}; options {dict(options) or 'defaults'}")
    csc_figures(config, args.quick)
    false_alarms(config)
    if not args.quick:
        throughput(config)
        cold_start(args.select)
        pycorrector_side_by_side()
    return 0


if __name__ == "__main__":
    sys.exit(main())
