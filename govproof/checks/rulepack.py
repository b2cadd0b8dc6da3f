"""The generic check behind every YAML rule pack: literals in one Aho-Corasick pass, regexes with a timeout."""
from __future__ import annotations

import bisect
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import ahocorasick

from ..cache import cached
from ..config import Config
from ..data import data_dir
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from ..rulepack_format import Entry, RulePack, load_pack_file, uses_timeout, validate

REGEX_TIMEOUT_S = 2.0
USER_PAIR_CODE = "S101"


def builtin_rule_files() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


def _shipped_pack() -> RulePack:
    """The shipped packs, parsed (and their regexes' triggers found) once and then read from the disk cache."""
    def build() -> RulePack:
        pack = RulePack()
        for f in builtin_rule_files():
            pack.extend(load_pack_file(f, shipped=True))
        for e in pack.entries:
            e.triggers  # noqa: B018  (computed now so the cache holds them)
        return pack

    from .. import rulepack_format, triggers  # the code that shapes the cached objects is part of the key

    sources = [str(f) for f in builtin_rule_files()] + [rulepack_format.__file__, triggers.__file__]
    return cached("rulepack", sources, build)


@lru_cache(maxsize=16)
def load_pack(rule_files: tuple[str, ...], extra_pairs: tuple[tuple[str, str], ...]) -> RulePack:
    pack = _shipped_pack()
    for f in rule_files:
        pack.extend(load_pack_file(Path(f)))
    for wrong, right in extra_pairs:
        pack.entries.append(Entry(code=USER_PAIR_CODE, file="config extra-pairs", line=0, pattern=wrong, suggest=right))
    validate(pack)
    return pack


def _finditer(pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
    endpos = len(text) if endpos is None else endpos
    if uses_timeout(pattern):
        return pattern.finditer(text, pos, endpos, timeout=REGEX_TIMEOUT_S)
    return pattern.finditer(text, pos, endpos)


def _format(template: str, text: str, suggest: str | None) -> str:
    return template.replace("{text}", text).replace("{suggest}", suggest or "")


class RulePackCheck(Check):
    def __init__(self, pack: RulePack):
        self.pack = pack
        self._automaton: ahocorasick.Automaton | None = None
        self._regex_entries = [e for e in pack.entries if e.regex_source is not None]

    def rules(self) -> list[Rule]:
        return [h.rule for h in self.pack.headers.values()]

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """Literal entries and the trigger literals of regex entries, in one automaton."""
        if self._automaton is None:
            by_literal: dict[str, tuple[list[Entry], list[Entry]]] = {}
            for e in self.pack.entries:
                if e.pattern is not None:
                    by_literal.setdefault(e.pattern, ([], []))[0].append(e)
                for lit in e.triggers or ():
                    by_literal.setdefault(lit, ([], []))[1].append(e)
            auto = ahocorasick.Automaton()
            for lit, (entries, triggered) in by_literal.items():
                auto.add_word(lit, (len(lit), entries, lit if triggered else None))
            if by_literal:
                auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def _applies(self, e: Entry, doc: Document, start: int, end: int) -> bool:
        if e.since and doc.date < e.since:
            return False
        if e.until and doc.date >= e.until:
            return False
        header = self.pack.headers[e.code]
        if doc.in_region(start, end, header.skip):
            return False
        text = doc.text
        for u in e.unless:
            lo = max(0, start - len(u) + 1)
            if text.find(u, lo, end + len(u) - 1) != -1:
                return False
        if e.unless_regex is not None:
            s, t = doc.sentence_at(start)
            for m in _finditer(e.unless_regex, text, s, max(t, end)):
                if m.start() < end and start < m.end():
                    return False
        return True

    def _finding(self, e: Entry, doc: Document, start: int, end: int, text: str, suggest: str | None) -> Finding:
        header = self.pack.headers[e.code]
        fix = e.fix or header.rule.fix
        message = _format(e.message or header.message, text, suggest)
        confidence = e.confidence if e.confidence is not None else header.confidence
        severity = e.severity
        date_guessed = bool(e.since or e.until) and doc.date_assumed
        if date_guessed:
            # Whether a dated rule applies depends on when the text was written, which it does not say.
            severity, confidence = Severity.INFO, confidence * 0.6
            message += f"（文中未找到成文日期，按{doc.date.isoformat()}判断；可用 --as-of 指定）"
        return header.rule.finding(
            start, end, text, message, suggestion=suggest, evidence=e.evidence, confidence=confidence,
            severity=severity, fix_safe=fix == "safe" and suggest is not None and not date_guessed)

    def _selected(self, e: Entry, ctx: CheckContext) -> bool:
        return ctx.is_selected(e.code)

    def _literal_hits(self, doc: Document, ctx: CheckContext, triggered: dict[str, list[int]]) -> Iterator[Finding]:
        """Literal findings; records where each trigger literal of a regex entry occurs."""
        auto = self.automaton
        if auto.kind != ahocorasick.AHOCORASICK:
            return
        for end_idx, (length, entries, trigger) in auto.iter(doc.text):
            start, end = end_idx - length + 1, end_idx + 1
            if trigger is not None:
                triggered.setdefault(trigger, []).append(start)
            for e in entries:
                if self._selected(e, ctx) and self._applies(e, doc, start, end):
                    yield self._finding(e, doc, start, end, e.pattern or "", e.suggest)

    def _windows(self, doc: Document, e: Entry, triggered: dict[str, list[int]]) -> list[tuple[int, int]]:
        """Where the entry's regex must run: the whole text, or the lines holding one of its triggers."""
        if e.triggers is None:
            return [(0, len(doc.text))]
        found = [triggered[t] for t in e.triggers if t in triggered]
        positions = found[0] if len(found) == 1 else sorted(p for ps in found for p in ps)
        starts, windows = doc.line_starts, []
        for pos in positions:
            i = bisect.bisect_right(starts, pos) - 1
            lo, hi = starts[i], (starts[i + 1] if i + 1 < len(starts) else len(doc.text))
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
        return windows

    def _regex_hits(self, doc: Document, ctx: CheckContext, triggered: dict[str, list[int]]) -> Iterator[Finding]:
        for e in self._regex_entries:
            if not self._selected(e, ctx):
                continue
            try:
                matches = (m for lo, hi in self._windows(doc, e, triggered) for m in _finditer(e.compiled, doc.text, lo, hi))
                for m in matches:
                    span = m.span("hit") if "hit" in e.compiled.groupindex else m.span()
                    if span[0] < 0 or span[0] == span[1]:
                        continue
                    if not self._applies(e, doc, *span):
                        continue
                    suggest = m.expand(e.suggest) if e.suggest is not None else None
                    yield self._finding(e, doc, span[0], span[1], doc.text[span[0]:span[1]], suggest)
            except TimeoutError:
                print(f"govproof：{e.where}：正则表达式在 {doc.path} 上超时（{REGEX_TIMEOUT_S} 秒，regex timed out），已跳过",
                      file=sys.stderr)

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        triggered: dict[str, list[int]] = {}
        yield from self._literal_hits(doc, ctx, triggered)
        yield from self._regex_hits(doc, ctx, triggered)


def build(config: Config) -> RulePackCheck:
    return RulePackCheck(load_pack(config.rule_files, config.all_extra_pairs))
