"""From a Document to its final, ordered findings: run the selected checks, then filter and de-duplicate."""
from __future__ import annotations

from functools import lru_cache

from . import suppression
from .baseline import Baseline
from .checks.suppression import UNUSED_SUPPRESSION
from .config import Config
from .document import Document
from .finding import Finding
from .registry import load_checks
from .rule import Check, CheckContext, Rule


class Engine:
    """Holds the checks built for one Config; reuse it across documents."""

    def __init__(self, config: Config):
        self.config = config
        self.checks: list[Check] = load_checks(config)
        self.rules: dict[str, Rule] = {r.code: r for c in self.checks for r in c.rules()}
        self.baseline = Baseline.load(config.baseline) if config.baseline else None
        self._whitelist = sorted(config.all_whitelist)

    def is_selected(self, code: str) -> bool:
        rule = self.rules.get(code)
        return self.config.is_selected(code, rule.default_enabled if rule else True)

    def check(self, doc: Document) -> list[Finding]:
        found: list[Finding] = []
        ctx = CheckContext(config=self.config, is_selected=self.is_selected, earlier=found)
        for check in self.checks:
            if any(self.is_selected(r.code) for r in check.rules()):
                found.extend(f for f in check.run(doc, ctx) if self.is_selected(f.code))
        found = self._drop_whitelisted(doc, found)
        found = deduplicate(found, {code: r.priority for code, r in self.rules.items()})
        found = self._apply_suppressions(doc, found)
        if self.baseline:
            found = [f for f in found if not self.baseline.accepts(doc, f)]
        for f in found:
            f.line, f.column = doc.position(f.start)
            f.location = doc.location(f.start)
        found.sort(key=lambda f: (f.start, f.end, f.code))
        return found

    def _drop_whitelisted(self, doc: Document, found: list[Finding]) -> list[Finding]:
        if not self._whitelist or not found:
            return found
        covered: list[tuple[int, int]] = []
        for w in self._whitelist:
            i = doc.text.find(w)
            while i != -1:
                covered.append((i, i + len(w)))
                i = doc.text.find(w, i + 1)
        return [f for f in found if not any(s < f.end and f.start < e for s, e in covered)]

    def _apply_suppressions(self, doc: Document, found: list[Finding]) -> list[Finding]:
        marks = suppression.parse(doc)
        if not marks:
            return found
        kept = []
        for f in found:
            line = doc.position(f.start)[0]
            hit = [m for m in marks if m.covers(f.code, line)]
            for m in hit:
                m.used = True
            if not hit:
                kept.append(f)
        if self.is_selected(UNUSED_SUPPRESSION.code):
            for m in marks:
                # only judge what this run could have found
                if not m.used and all(self.is_selected(c) for c in m.codes):
                    what = "、".join(m.codes) if m.codes else "任何规则"
                    kept.append(UNUSED_SUPPRESSION.finding(
                        m.start, m.end, doc.text[m.start:m.end],
                        f"忽略标记没有忽略任何问题（{what}），可删除"))
        return kept


def deduplicate(found: list[Finding], priority: dict[str, int] | None = None) -> list[Finding]:
    """One span, one finding: the most specific rule wins (rule priority: curated data before statistical
    guesses), then the most severe, then the most confident.

    A finding inside a longer one of the same family that makes the same correction is a duplicate too,
    unless it comes from a more specific rule.
    """
    prio = priority or {}

    def rank(f: Finding) -> tuple[int, int, float]:
        return (prio.get(f.code, 0), int(f.severity), f.confidence)

    best: dict[tuple[int, int], Finding] = {}
    for f in found:
        key = (f.start, f.end)
        if key not in best or rank(f) > rank(best[key]):
            best[key] = f
    result = sorted(best.values(), key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for f in result:
        outer = next((o for o in kept[-8:] if _same_fix_inside(f, o)), None)
        if outer is None:
            kept.append(f)
        elif prio.get(f.code, 0) > prio.get(outer.code, 0):
            kept[kept.index(outer)] = f
    return kept


def _same_fix_inside(inner: Finding, outer: Finding) -> bool:
    if inner.family != outer.family or not (outer.start <= inner.start and inner.end <= outer.end):
        return False
    if inner.suggestion is None or outer.suggestion is None:
        return inner.suggestion is None and outer.suggestion is None and inner.code == outer.code
    a = inner.start - outer.start
    patched = outer.text[:a] + inner.suggestion + outer.text[a + len(inner.text):]
    return patched == outer.suggestion


@lru_cache(maxsize=32)
def engine_for(config: Config) -> Engine:
    """Checks are costly to build (automata, word lists): one Engine per distinct Config."""
    return Engine(config)
