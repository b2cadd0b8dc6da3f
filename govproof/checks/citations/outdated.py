"""C104: rules the 2019 revision changed, stated as if still in force (data: rules/ogi/outdated.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ...data import data_dir, load_yaml
from ...finding import Finding
from .analysis import Analysis
from .catalog import OUTDATED_RULE
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
    was: Provision


@lru_cache(maxsize=1)
def entries() -> tuple[Outdated, ...]:
    rows = load_yaml(data_dir("rules") / "ogi" / "outdated.yaml")["outdated"]
    return tuple(Outdated(r["id"], regex.compile(r["regex"]), r.get("suggest"),
                          regex.compile(r["unless"]) if r.get("unless") else None, r["message"],
                          parse_spec(str(r["now"])) if r.get("now") else None, parse_spec(str(r["was"])))
                 for r in rows)


def check(a: Analysis) -> Iterator[Finding]:
    if a.version != "2019" or not a.about_ogi:
        return
    text = a.doc.text
    now, was = load("2019"), load("2007")
    for e in entries():
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
            evidence = (f"{now.quote(e.now)}\n" if e.now else "2019年版：已删除，没有对应规定\n") + was.quote(e.was)
            yield OUTDATED_RULE.finding(start, end, hit, e.message, suggestion=suggestion, evidence=evidence)
