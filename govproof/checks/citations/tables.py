"""The reviewed tables in rules/ogi/: reply situations → provisions, and 2007 → 2019 correspondences."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...data import data_dir, load_yaml
from .formatting import parse_spec
from .regulation import Provision


@dataclass(frozen=True)
class Situation:
    """A decision a reply can state, the words that state it, and the provisions that ground it."""

    id: str
    name: str
    signals: tuple["regex.Pattern[str]", ...]
    cite: dict[str, tuple[Provision, ...]]    # version → provisions that mark this situation
    also: dict[str, tuple[Provision, ...]]    # version → provisions also right here
    step: bool = False                         # a step on the way (consulting), not a ground for the decision
    fallback: bool = False                     # counts only when no other situation is stated (不予公开)
    only_repealed: bool = False                # too loose to judge a provision by; recognises 2007 numbering only
    side: bool = False                         # a topic beside the decision (remedies, fees, the deadline)

    def primary(self, version: str) -> Provision | None:
        found = self.cite.get(version, ())
        return found[0] if found else None

    def accepts(self, version: str, p: Provision) -> bool:
        return any(q.covers(p) for q in (*self.cite.get(version, ()), *self.also.get(version, ())))

    def marks(self, version: str, p: Provision) -> bool:
        return any(q.covers(p) for q in self.cite.get(version, ()))


@dataclass(frozen=True)
class Correspondence:
    old: Provision
    new: tuple[Provision, ...]


def _provisions(rows: list[dict] | None) -> tuple[Provision, ...]:
    return tuple(parse_spec(str(r["p"])) for r in rows or ())


@lru_cache(maxsize=1)
def raw_tables() -> tuple[dict, dict]:
    folder = data_dir("rules") / "ogi"
    load = lambda name: load_yaml(folder / name)  # noqa: E731
    return load("situations.yaml"), load("correspondence.yaml")


@lru_cache(maxsize=1)
def situations() -> tuple[Situation, ...]:
    out = []
    for row in raw_tables()[0]["situations"]:
        out.append(Situation(
            id=row["id"], name=row["name"],
            signals=tuple(regex.compile(s) for s in row["signals"]),
            cite={"2019": _provisions(row.get("cite")), "2007": _provisions(row.get("cite_2007"))},
            also={"2019": _provisions(row.get("also")), "2007": _provisions(row.get("also_2007"))},
            step=bool(row.get("step")), fallback=bool(row.get("fallback")),
            only_repealed=bool(row.get("only_repealed")), side=bool(row.get("side"))))
    return tuple(out)


@lru_cache(maxsize=1)
def correspondences() -> tuple[Correspondence, ...]:
    return tuple(Correspondence(parse_spec(str(r["from"])), _provisions(r["to"]))
                 for r in raw_tables()[1]["correspondence"])


def counterparts(old: Provision) -> tuple[Provision, ...] | None:
    """The 2019 provisions matching a 2007 one (its 项, else its 款, else its article); None without an entry."""
    table = _resolved_table()
    for key in (old, Provision(old.article, old.paragraph), Provision(old.article)):
        if key in table:
            return table[key]
    return None


@lru_cache(maxsize=1)
def _resolved_table() -> dict[Provision, tuple[Provision, ...]]:
    from .regulation import load

    reg = load("2007")
    return {reg.resolve(c.old)[0] or c.old: c.new for c in correspondences()}
