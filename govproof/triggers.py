"""The literals every match of a regex must contain, so a rule's regex runs only where one occurs.

The Aho-Corasick pass that finds literal rules finds these too; a regex whose trigger is absent
from a document is never run (nor compiled). Patterns we cannot analyse get no trigger and run
on the whole text, so the answer is a speed-up, never a change in what is found.
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

MIN_TRIGGER = 2
# Single characters frequent in Chinese prose make useless triggers; other single marks (… ~ － %) are fine.
_TOO_COMMON = set("，。、；：！？“”‘’（）《》0123456789 \t")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two alternatives sets: longest shortest member, then fewest members."""
    if not b:
        return a
    if not a:
        return b
    key = lambda s: (min(map(len, s)), -len(s))  # noqa: E731
    return b if key(b) > key(a) else a


def _required(items: Any) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, {"".join(run)})
            run = []
        if op is C.SUBPATTERN:
            best = _better(best, _required(av[-1]))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            best = _better(best, _required(av))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _required(av[2]))
        elif op is C.IN and len(av) <= 8 and all(o is C.LITERAL for o, _ in av):
            best = _better(best, {chr(v) for _, v in av})
        elif op is C.BRANCH:
            alternatives = [_required(branch) for branch in av[1]]
            if all(alternatives):
                best = _better(best, set().union(*alternatives))  # type: ignore[arg-type]
    return best


def required_literals(stdlib_pattern: str) -> list[str] | None:
    """Sorted literals, one of which every match contains; None when none is long enough or known."""
    if any(flag in stdlib_pattern for flag in ("(?i", "(?s", "$", "\\Z")):
        return None  # case-folded, dot-all or end-anchored matches: windows by line would not hold
    try:
        parsed = _parser.parse(stdlib_pattern)
    except (re.error, ValueError, TypeError):
        return None
    found = _required(parsed)
    if not found:
        return None
    if min(map(len, found)) < MIN_TRIGGER and any(len(t) < MIN_TRIGGER and (t in _TOO_COMMON or "\u3400" <= t <= "\u9fff")
                                                 for t in found):
        return None
    return sorted(found)
