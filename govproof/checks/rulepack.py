"""The generic check behind every YAML rule pack: literals in one Aho-Corasick pass, regexes with a timeout."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import ahocorasick
import regex

from ..config import Config
from ..data import data_dir
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from ..rulepack import Entry, RulePack, load_pack_file, validate

REGEX_TIMEOUT_S = 2.0
USER_PAIR_CODE = "S101"


def builtin_rule_files() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


@lru_cache(maxsize=16)
def load_pack(rule_files: tuple[str, ...], extra_pairs: tuple[tuple[str, str], ...]) -> RulePack:
    pack = RulePack()
    for f in builtin_rule_files():
        pack.extend(load_pack_file(f, eager=False))
    for f in rule_files:
        pack.extend(load_pack_file(Path(f)))
    for wrong, right in extra_pairs:
        pack.entries.append(Entry(code=USER_PAIR_CODE, file="config extra-pairs", line=0, pattern=wrong, suggest=right))
    validate(pack)
    return pack


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
        if self._automaton is None:
            by_literal: dict[str, list[Entry]] = {}
            for e in self.pack.entries:
                if e.pattern is not None:
                    by_literal.setdefault(e.pattern, []).append(e)
            auto = ahocorasick.Automaton()
            for lit, entries in by_literal.items():
                auto.add_word(lit, (len(lit), entries))
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
            for m in e.unless_regex.finditer(text, s, max(t, end), timeout=REGEX_TIMEOUT_S):
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

    def _literal_hits(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        auto = self.automaton
        if auto.kind != ahocorasick.AHOCORASICK:
            return
        for end_idx, (length, entries) in auto.iter(doc.text):
            start, end = end_idx - length + 1, end_idx + 1
            for e in entries:
                if self._selected(e, ctx) and self._applies(e, doc, start, end):
                    yield self._finding(e, doc, start, end, e.pattern or "", e.suggest)

    def _regex_hits(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        for e in self._regex_entries:
            if not self._selected(e, ctx):
                continue
            try:
                for m in e.compiled.finditer(doc.text, timeout=REGEX_TIMEOUT_S):
                    span = m.span("hit") if "hit" in e.compiled.groupindex else m.span()
                    if span[0] < 0 or span[0] == span[1]:
                        continue
                    if not self._applies(e, doc, *span):
                        continue
                    suggest = m.expand(e.suggest) if e.suggest is not None else None
                    yield self._finding(e, doc, span[0], span[1], doc.text[span[0]:span[1]], suggest)
            except TimeoutError:
                print(f"govproof: {e.where}: regex timed out after {REGEX_TIMEOUT_S}s on {doc.path}; skipped",
                      file=sys.stderr)

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        yield from self._literal_hits(doc, ctx)
        yield from self._regex_hits(doc, ctx)


def build(config: Config) -> RulePackCheck:
    return RulePackCheck(load_pack(config.rule_files, config.all_extra_pairs))
