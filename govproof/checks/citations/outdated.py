"""C104: rules the 2019 revision changed, stated as if still in force (data: rules/ogi/outdated.yaml).

The same scan reports C112, rules of the current text stated wrongly (data: rules/ogi/misstatements.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ...data import data_dir, load_yaml
from ...finding import Finding
from .analysis import Analysis
from ...rule import Rule
from .catalog import MISSTATED_RULE, OUTDATED_RULE
from .formatting import parse_spec
from .regulation import Provision, load


@dataclass(frozen=True)
class Outdated:
    id: str
    pattern: "regex.Pattern[str]"
    suggest: dict[str, str] | None
    unless: "regex.Pattern[str] | None"
    message: str
    now: Provision | None    # None: the 2019 revision removed it and nothing replaced it
    was: Provision | None    # None in misstatements.yaml: wrong under either text


# table file → its top-level key and the rule it reports
TABLES = {"outdated.yaml": ("outdated", OUTDATED_RULE), "misstatements.yaml": ("misstatements", MISSTATED_RULE)}


@lru_cache(maxsize=None)
def entries(table: str = "outdated.yaml") -> tuple[Outdated, ...]:
    rows = load_yaml(data_dir("rules") / "ogi" / table)[TABLES[table][0]]
    return tuple(Outdated(r["id"], regex.compile(r["regex"]), r.get("suggest"),
                          regex.compile(r["unless"]) if r.get("unless") else None, r["message"],
                          parse_spec(str(r["now"])) if r.get("now") else None,
                          parse_spec(str(r["was"])) if r.get("was") else None)
                 for r in rows)


def check(a: Analysis) -> Iterator[Finding]:
    if a.version != "2019" or not a.about_ogi:
        return
    for table, (_, rule) in TABLES.items():
        yield from _scan(a, entries(table), rule)


def _scan(a: Analysis, rows: tuple[Outdated, ...], rule: Rule) -> Iterator[Finding]:
    text = a.doc.text
    now, was = load("2019"), load("2007")
    for e in rows:
        seen: set[tuple[int, int]] = set()   # one finding per old rule and paragraph: the reviewer rewrites it once
        for m in e.pattern.finditer(text):
            start, end = m.span("hit")
            if start < 0:
                continue
            sentence = a.sentence(start)
            if e.unless is not None and e.unless.search(text, *sentence):
                continue
            paragraph = a.paragraph(start)
            if paragraph in seen:
                continue
            seen.add(paragraph)
            hit = text[start:end]
            suggestion = None
            if e.suggest:
                suggestion = e.suggest["arabic" if regex.search(r"[0-9０-９]", hit) else "cn"]
            evidence = ((now.quote(e.now) if e.now else "2019年版：已删除，没有对应规定")
                        + (f"\n{was.quote(e.was)}" if e.was else ""))
            yield rule.finding(start, end, hit, e.message, suggestion=suggestion, evidence=evidence)
