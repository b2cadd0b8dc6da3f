"""CSC scoring shared by the spelling benchmark and the threshold tuner (same definitions as shared/tools/csc_score.py).

Reads ECSpell-format files (``N<TAB>source<TAB>target``) or LEMON's space-separated characters, runs
govproof in-process on all sources joined by newlines (as csc_score does with a temp file) and scores
sentence-level detection/correction, character-level detection and the share of clean sentences flagged.
"""
from __future__ import annotations

import bisect
import os
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's govproof, not an installed one

from govproof.config import Config  # noqa: E402
from govproof.document import Document  # noqa: E402
from govproof.engine import Engine  # noqa: E402
from govproof.finding import Finding  # noqa: E402

# ../shared/data beside the checkout (or beside the folder of worktrees it is in); GOVPROOF_SHARED_DATA points elsewhere
_BESIDE = (p / "shared" / "data" for p in Path(__file__).resolve().parents[1:4] if (p / "shared" / "data").is_dir())
SHARED = Path(os.environ.get("GOVPROOF_SHARED_DATA") or next(_BESIDE, Path(__file__).resolve().parents[2] / "shared" / "data"))


def read_pairs(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) == 2:  # LEMON: characters separated by spaces
            src, tgt = (p.replace(" ", "") for p in parts)
        elif len(parts) == 3:
            src, tgt = parts[1], parts[2]
        else:
            continue
        if len(src) == len(tgt):
            rows.append((src, tgt))
    return rows


@dataclass
class Scores:
    sentences: int
    det: tuple[float, float, float]
    cor: tuple[float, float, float]
    char: tuple[float, float, float]
    clean_flagged: float
    chars: int

    def line(self) -> str:
        d, c, ch = self.det, self.cor, self.char
        return (f"det P/R/F1 {d[0]:.3f}/{d[1]:.3f}/{d[2]:.3f}  cor P/R/F1 {c[0]:.3f}/{c[1]:.3f}/{c[2]:.3f}  "
                f"char P/R/F1 {ch[0]:.3f}/{ch[1]:.3f}/{ch[2]:.3f}  clean flagged {100 * self.clean_flagged:.1f}%")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_findings(rows: list[tuple[str, str]], config: Config) -> tuple[str, list[int], list[Finding]]:
    text = "\n".join(s for s, _ in rows) + "\n"
    starts, pos = [], 0
    for s, _ in rows:
        starts.append(pos)
        pos += len(s) + 1
    return text, starts, Engine(config).check(Document(text=text))


def score(rows: list[tuple[str, str]], starts: list[int], findings: list[Finding]) -> Scores:
    per: list[list[Finding]] = [[] for _ in rows]
    for f in findings:
        i = bisect.bisect_right(starts, f.start) - 1
        if 0 <= i < len(rows):
            per[i].append(f)
    dtp = dfp = dfn = ctp = cfp = cfn = 0
    ch_tp = ch_pred = ch_gold = clean = clean_flag = 0
    for (src, tgt), found, b0 in zip(rows, per, starts):
        gold = {k for k, (a, b) in enumerate(zip(src, tgt)) if a != b}
        pred: set[int] = set()
        out = list(src)
        for f in found:
            s0, e0 = f.start - b0, f.end - b0
            sug = f.suggestion
            if sug and len(sug) == e0 - s0 and 0 <= s0 < e0 <= len(src):
                pred.update(s0 + k for k in range(e0 - s0) if src[s0 + k] != sug[k])
                out[s0:e0] = list(sug)
            else:
                pred.update(range(max(s0, 0), min(e0, len(src))))
        corrected = "".join(out)
        ch_tp += len(pred & gold)
        ch_pred += len(pred)
        ch_gold += len(gold)
        if not gold:
            clean += 1
            clean_flag += bool(found)
        if pred:
            dtp += pred == gold
            dfp += pred != gold
            ctp += corrected == tgt and bool(gold)
            cfp += not (corrected == tgt and gold)
        dfn += bool(gold) and pred != gold
        cfn += bool(gold) and corrected != tgt
    return Scores(len(rows), _prf(dtp, dfp, dfn), _prf(ctp, cfp, cfn), _prf(ch_tp, ch_pred - ch_tp, ch_gold - ch_tp),
                  clean_flag / max(clean, 1), sum(len(s) for s, _ in rows))


def score_corrections(rows: list[tuple[str, str]], outputs: list[str]) -> Scores:
    """The same figures for a corrector that returns corrected sentences (flagged = changed positions)."""
    dtp = dfp = dfn = ctp = cfp = cfn = ch_tp = ch_pred = ch_gold = clean = clean_flag = 0
    for (src, tgt), out in zip(rows, outputs):
        if len(out) != len(src):
            out = src
        gold = {k for k, (a, b) in enumerate(zip(src, tgt)) if a != b}
        pred = {k for k, (a, b) in enumerate(zip(src, out)) if a != b}
        ch_tp += len(pred & gold)
        ch_pred += len(pred)
        ch_gold += len(gold)
        if not gold:
            clean += 1
            clean_flag += bool(pred)
        if pred:
            dtp += pred == gold
            dfp += pred != gold
            ctp += out == tgt and bool(gold)
            cfp += not (out == tgt and gold)
        dfn += bool(gold) and pred != gold
        cfn += bool(gold) and out != tgt
    return Scores(len(rows), _prf(dtp, dfp, dfn), _prf(ctp, cfp, cfn), _prf(ch_tp, ch_pred - ch_tp, ch_gold - ch_tp),
                  clean_flag / max(clean, 1), sum(len(s) for s, _ in rows))


def parse_options(pairs: list[str]) -> tuple[tuple[str, float | str], ...]:
    """``--set name=value`` flags as Config options (numbers as floats), for every benchmark that takes them."""
    def value(text: str) -> float | str:
        try:
            return float(text)
        except ValueError:
            return text

    return tuple(sorted((k, value(v)) for k, v in (p.split("=", 1) for p in pairs)))
