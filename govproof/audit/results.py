"""A finished (or interrupted) run read back from the store, compared with the run before it.

A finding is the same finding in two runs when its document, code, text and the hash of its
sentence agree (the key baselines use), so editing one page changes only that page's findings.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .store import Run, Store


@dataclass
class RunResults:
    run: Run
    previous: Run | None
    documents: list[dict[str, Any]]            # each with "findings": [finding dict with "state"]
    fixed: list[dict[str, Any]] = field(default_factory=list)   # findings of the previous run gone now
    changed: list[str] = field(default_factory=list)            # documents whose content changed
    added: list[str] = field(default_factory=list)              # documents new since the previous run
    removed: list[str] = field(default_factory=list)            # documents gone since the previous run

    @property
    def findings(self) -> list[dict[str, Any]]:
        return [f for d in self.documents for f in d["findings"]]

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [d for d in self.documents if d["status"] == "error"]

    def state_counts(self) -> Counter[str]:
        return Counter(f["state"] for f in self.findings)


def _fkey(doc_key: str, f: dict[str, Any]) -> tuple[str, str, str, str]:
    return (doc_key, f["code"], f["text"], f["context_hash"])


def load_results(store: Store, run: Run, previous: Run | None) -> RunResults:
    documents = store.documents(run.id)
    by_key = {d["key"]: d for d in documents}
    for d in documents:
        d["findings"] = []
    for f in store.findings(run.id):
        by_key[f["doc_key"]]["findings"].append(f)
    res = RunResults(run=run, previous=previous, documents=documents)
    if previous is None:
        for f in res.findings:
            f["state"] = ""
        return res
    left = store.finding_keys(previous.id)
    for d in documents:
        for f in d["findings"]:
            k = _fkey(d["key"], f)
            if left[k] > 0:
                left[k] -= 1
                f["state"] = "open"
            else:
                f["state"] = "new"
    for f in store.findings(previous.id):
        k = _fkey(f["doc_key"], f)
        if left[k] > 0:
            left[k] -= 1
            res.fixed.append(f)
    before = {d["key"]: d["hash"] for d in store.documents(previous.id)}
    res.changed = [d["key"] for d in documents if d["key"] in before and d["status"] != "error"
                   and before[d["key"]] != d["hash"]]
    res.added = [d["key"] for d in documents if d["key"] not in before]
    res.removed = sorted(set(before) - set(by_key))
    return res
