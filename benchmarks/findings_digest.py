"""A digest of the findings of a full check per input, so that a speed-up can be shown to change no finding.

Inputs: the target and the source side of ECSpell odw.train (each checked as one document, lines joined by
newlines, as full_check_speed.py does), every ../shared/data/ogi/*.md and every file in examples/. Prints one
sha256 (first 16 hex digits) and the finding count per input; run before and after a change and compare.
``--dump DIR`` also writes each input's findings as JSON for diffing. Inputs missing on this machine are skipped.

    python benchmarks/findings_digest.py [--dump DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csc_metrics import SHARED, read_pairs  # noqa: E402

from govproof.config import Config  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402
from govproof.loaders import load_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAIN = SHARED / "csc" / "ecspell-odw" / "odw.train"
AS_OF = dt.date(2026, 1, 1)  # fixed, so that time-dependent rules do not change the digest from day to day


def inputs() -> list[tuple[str, Document]]:
    docs: list[tuple[str, Document]] = []
    if TRAIN.is_file():
        pairs = read_pairs(TRAIN)
        docs.append(("odw.train:target", Document(text="\n".join(t for _, t in pairs) + "\n", as_of=AS_OF)))
        docs.append(("odw.train:source", Document(text="\n".join(s for s, _ in pairs) + "\n", as_of=AS_OF)))
    files = sorted((SHARED / "ogi").glob("*.md")) + sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())
    docs.extend((p.name, load_path(p, as_of=AS_OF)) for p in files)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, help="also write each input's findings as JSON into this folder")
    args = ap.parse_args()
    engine = Engine(Config())
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    for name, doc in inputs():
        found = [f.to_dict() for f in engine.check(doc)]
        blob = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True)
        print(f"{hashlib.sha256(blob.encode()).hexdigest()[:16]}  {len(found):6d}  {name}")
        if args.dump:
            (args.dump / f"{name.replace(':', '_')}.json").write_text(blob + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
