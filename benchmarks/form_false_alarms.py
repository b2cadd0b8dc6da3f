"""False alarms of the form families (P, N, F, D) per 10,000 characters of clean official text.

Reads ../shared/data (the 2019 regulation text and the target side of ECSpell odw.train); exits
cleanly when it is missing. Every finding is listed. The clean texts still hold a few real
punctuation slips (half-width commas, 《a》、《b》); those reviewed as true violations of the
standard are listed in form_reviewed.tsv (code, finding text, a hash of the sentence — no text
of the evaluation set is stored) and reported apart from the false alarms.

    python benchmarks/form_false_alarms.py [--data ../shared/data] [--show-true] [--held-out]

--held-out also lists every finding on the target side of odw.test (the test split: measured, never tuned on,
and never reviewed into form_reviewed.tsv); judge those by hand.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
REVIEWED = HERE / "form_reviewed.tsv"
FAMILIES = ("P", "N", "F", "D")
AS_OF = dt.date(2025, 6, 1)


def sentence_key(sentence: str) -> str:
    return hashlib.sha1("".join(sentence.split()).encode("utf-8")).hexdigest()[:12]


def load_reviewed() -> dict[tuple[str, str, str], str]:
    out = {}
    if REVIEWED.exists():
        for line in REVIEWED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, text, key, note = line.split("\t", 3)
                out[(code, text, key)] = note
    return out


def corpora(data: Path) -> list[tuple[str, list[str]]]:
    reg = (data / "ogi" / "regulation-2019.md").read_text(encoding="utf-8")
    odw = [line.split("\t")[2].rstrip("\n") for line in
           (data / "csc" / "ecspell-odw" / "odw.train").read_text(encoding="utf-8").splitlines() if line.count("\t") >= 2]
    # The regulation is one document; odw.train holds single sentences without document structure.
    return [("regulation-2019.md", [reg]), ("odw.train (target)", odw)]


def held_out(data: Path) -> list[str]:
    path = data / "csc" / "ecspell-odw" / "odw.test"
    return [line.split("\t")[2] for line in path.read_text(encoding="utf-8").splitlines() if line.count("\t") >= 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show-true", action="store_true", help="also list the findings reviewed as true violations")
    ap.add_argument("--held-out", action="store_true", help="also list the findings on odw.test (not reviewed)")
    args = ap.parse_args(argv)
    if not (args.data / "ogi" / "regulation-2019.md").exists():
        print(f"skipped: {args.data} not found (this benchmark reads ../shared/data)")
        return 0
    from govproof import Config
    from govproof.api import check_document
    from govproof.document import Document

    config = Config(select=FAMILIES)
    reviewed = load_reviewed()
    total_chars = 0
    all_findings = Counter()
    false_alarms: Counter[str] = Counter()
    true_hits: Counter[str] = Counter()
    safe = 0
    for name, docs in corpora(args.data):
        chars = sum(len(t) for t in docs)
        total_chars += chars
        corpus_false = 0
        for i, text in enumerate(docs, 1):
            doc = Document(text=text, path=name, as_of=AS_OF)
            for f in check_document(doc, config):
                all_findings[f.code] += 1
                safe += f.fix_safe
                s, e = doc.sentence_at(f.start)
                note = reviewed.get((f.code, f.shown_text, sentence_key(text[s:max(e, f.end)])))
                where = f"{name}:{i if len(docs) > 1 else f.line}"
                line = f"  {where} {f.code} [{f.shown_text}]→[{f.suggestion}] {f.message}"
                if note is not None:
                    true_hits[f.code] += 1
                    if args.show_true:
                        print(line + f"  (reviewed true: {note})")
                    continue
                false_alarms[f.code] += 1
                corpus_false += 1
                context = text[max(s, f.start - 25):min(max(e, f.end), f.end + 25)]
                print(line + f"\n      …{context}…" if not name.startswith("odw") else line)
        print(f"{name}: {chars} characters, {corpus_false} false alarms, "
              f"{corpus_false * 10000 / chars:.2f} per 10,000 characters")
    n_false = sum(false_alarms.values())
    n_all = sum(all_findings.values())
    print(f"\nP, N, F, D together on {total_chars} characters: {n_all} findings, "
          f"{sum(true_hits.values())} reviewed as true violations, {n_false} false alarms "
          f"= {n_false * 10000 / total_chars:.2f} per 10,000 characters (target < 0.5)")
    print(f"all findings per 10,000 characters (true and false): {n_all * 10000 / total_chars:.2f}")
    for code in sorted(all_findings):
        print(f"  {code}: {all_findings[code]} findings, {true_hits[code]} true, {false_alarms[code]} false "
              f"({false_alarms[code] * 10000 / total_chars:.2f} per 10,000)")
    if n_all:
        print(f"share of findings with a safe fix: {safe / n_all:.0%} ({safe}/{n_all})")
    if args.held_out:
        sentences = held_out(args.data)
        chars = sum(len(t) for t in sentences)
        found = 0
        print("\nodw.test (target, held out; every finding listed for review by hand):")
        for i, text in enumerate(sentences, 1):
            for f in check_document(Document(text=text, path="odw.test", as_of=AS_OF), config):
                found += 1
                print(f"  odw.test:{i} {f.code} [{f.shown_text}]→[{f.suggestion}] …{text[max(0, f.start - 12):f.end + 12]}…")
        print(f"odw.test: {chars} characters, {found} findings = {found * 10000 / chars:.2f} per 10,000 characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
