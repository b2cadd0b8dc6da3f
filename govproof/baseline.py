"""Accepted findings: a reviewed list that `check` and `audit` stop reporting.

Keyed by code + text + a hash of the sentence around it, so findings survive edits elsewhere.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .document import Document
from .finding import Finding


def context_hash(doc: Document, f: Finding) -> str:
    s, e = doc.sentence_at(f.start)
    sentence = "".join(doc.text[s:max(e, f.end)].split())
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:16]


def key(doc: Document, f: Finding) -> tuple[str, str, str]:
    return (f.code, f.shown_text, context_hash(doc, f))


@dataclass
class Baseline:
    keys: frozenset[tuple[str, str, str]]

    @classmethod
    def load(cls, path: str) -> "Baseline":
        p = Path(path)
        if not p.exists():
            return cls(frozenset())
        data = json.loads(p.read_text(encoding="utf-8"))
        return cls(frozenset((e["code"], e["text"], e["context"]) for e in data.get("accepted", [])))

    def accepts(self, doc: Document, f: Finding) -> bool:
        return key(doc, f) in self.keys


def write(path: str, results: Iterable[tuple[Document, list[Finding]]]) -> int:
    entries = []
    for doc, findings in results:
        for f in findings:
            code, text, ctx = key(doc, f)
            entries.append({"path": doc.path, "code": code, "text": text, "context": ctx})
    Path(path).write_text(json.dumps({"version": 1, "accepted": entries}, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    return len(entries)
