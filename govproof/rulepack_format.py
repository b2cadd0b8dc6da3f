"""Reading rule packs: YAML files of rule headers and the entries (data) they check.

A pack looks like::

    rules:                      # one header per code
      - code: S101
        name: common-wrong-word
        severity: error
        fix: safe               # safe | unsafe | none
        summary: 常见错别字
        message: "“{text}”疑为错别字，应为“{suggest}”"
        source: 《现代汉语词典》（第7版）
    entries:                    # the data; users add entries, not codes
      - code: S101
        pattern: 按排            # a literal (Aho-Corasick), or `regex:` instead
        suggest: 安排
        unless: [按排名, 按排序]  # literal or `unless_regex:` context where the hit is right
        examples: {hit: [请各单位按排专人负责], ok: [按排名先后确定]}

Errors name the file, the rule and the line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import re as _re
import warnings

import regex
import yaml

from .finding import Severity
from .rule import FIX_POLICIES, Rule

_HEADER_KEYS = {"code", "name", "severity", "fix", "summary", "message", "source", "doc", "enabled",
                "skip", "confidence", "priority"}
_ENTRY_KEYS = {"code", "pattern", "regex", "suggest", "message", "unless", "unless_regex", "severity",
               "fix", "since", "until", "examples", "confidence", "note", "source", "whole_word", "evidence"}
SKIP_KINDS = {"url", "email", "latin", "code", "title", "quote", "docnum"}
DEFAULT_SKIP = ("url", "email", "latin", "code")


class RulePackError(ValueError):
    """A rule file that cannot be used; the message says where (file:line) and which rule."""


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: rule packs load 10x faster


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Remembers the line of every mapping so errors can point at it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class RuleHeader:
    rule: Rule
    message: str
    skip: tuple[str, ...]
    confidence: float


@dataclass
class Entry:
    """One datum of a rule: what to match, what to suggest, and where not to."""

    code: str
    file: str
    line: int
    pattern: str | None = None
    regex_source: str | None = None
    suggest: str | None = None
    message: str | None = None
    unless: tuple[str, ...] = ()
    unless_regex_source: str | None = None
    severity: Severity | None = None
    fix: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    confidence: float | None = None
    evidence: str | None = None
    examples_hit: list[str] = field(default_factory=list)
    examples_ok: list[str] = field(default_factory=list)
    examples_as_of: dt.date | None = None
    shipped: bool = False

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}: rule {self.code}"

    @cached_property
    def compiled(self) -> Any:
        """The entry's regex, compiled on first use so a run pays only for the rules it selects."""
        return None if self.regex_source is None else _compile(self.regex_source, self.where, self.shipped)

    @cached_property
    def triggers(self) -> list[str] | None:
        """Literals one of which every match contains (see triggers.py); None: run on the whole text."""
        if self.regex_source is None:
            return None
        from .triggers import required_literals
        return required_literals(_to_stdlib(self.regex_source))

    @cached_property
    def unless_regex(self) -> Any:
        return None if self.unless_regex_source is None else _compile(self.unless_regex_source, self.where,
                                                                          self.shipped)


@dataclass
class RulePack:
    headers: dict[str, RuleHeader] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)

    def extend(self, other: "RulePack") -> None:
        for code, h in other.headers.items():
            if code in self.headers:
                raise RulePackError(f"{other.entries[0].file if other.entries else ''}: rule {code} is defined twice")
            self.headers[code] = h
        self.entries.extend(other.entries)


def _date(value: Any, where: str, key: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RulePackError(f"{where}: {key} must be a date YYYY-MM-DD, not {value!r}") from None


# For the stdlib engine: \p{Han} (Unicode script Han) as code-point ranges: radicals, 々〇〡-〩〸-〻,
# CJK Unified Ideographs with extensions A–H, compatibility ideographs.
_HAN_RANGES = "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003347f"
_NAMED_GROUP = _re.compile(r"\(\?<(?![=!])")
_NAMED_REF = _re.compile(r"\\g<([A-Za-z_]\w*)>")
_HAN_IN_CLASS = _re.compile(r"(\[[^\]]*?)\\p\{Han\}")


def _to_stdlib(pattern: str) -> str:
    """The same pattern in the stdlib's syntax: (?P<n>…), (?P=n), \\p{Han} as ranges."""
    p = _NAMED_GROUP.sub("(?P<", pattern)
    p = _NAMED_REF.sub(r"(?P=\1)", p)
    while _HAN_IN_CLASS.search(p):
        p = _HAN_IN_CLASS.sub(lambda m: m.group(1) + _HAN_RANGES, p)
    return p.replace("\\p{Han}", f"[{_HAN_RANGES}]")


def _compile(pattern: str, where: str, shipped: bool = False) -> Any:
    """Compile with the `regex` module (V1, run with a timeout), except for shipped, reviewed patterns that the
    stdlib engine reads the same way: `re` runs those several times faster (no timeout needed for reviewed data)."""
    if shipped and not any(op in pattern for op in ("[[", "--", "&&", "||", "~~", "(?|", "(?r", "\\X", "\\m", "\\M")):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                return _re.compile(_to_stdlib(pattern))
        except (_re.error, FutureWarning, DeprecationWarning):
            pass
    try:
        return regex.compile(pattern, regex.V1)
    except regex.error as e:
        raise RulePackError(f"{where}: invalid regex {pattern!r}: {e}") from None


def uses_timeout(compiled: Any) -> bool:
    """Only `regex` patterns take (and need) a timeout."""
    return isinstance(compiled, regex.Pattern)


def _header(raw: dict[str, Any], file: str) -> RuleHeader:
    line = raw.pop("__line__", 0)
    where = f"{file}:{line}: rule {raw.get('code', '?')}"
    unknown = set(raw) - _HEADER_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("code", "name", "severity", "summary", "message"):
        if not raw.get(key):
            raise RulePackError(f"{where}: missing {key}")
    skip = tuple(raw.get("skip", DEFAULT_SKIP))
    if set(skip) - SKIP_KINDS:
        raise RulePackError(f"{where}: skip must name regions from {sorted(SKIP_KINDS)}")
    try:
        rule = Rule(code=str(raw["code"]), name=str(raw["name"]), severity=Severity.parse(raw["severity"]),
                    summary=str(raw["summary"]), fix=str(raw.get("fix", "none")), source=str(raw.get("source", "")),
                    doc=str(raw.get("doc", "")), default_enabled=bool(raw.get("enabled", True)),
                    priority=int(raw.get("priority", 1)))
    except ValueError as e:
        raise RulePackError(f"{where}: {e}") from None
    return RuleHeader(rule=rule, message=str(raw["message"]), skip=skip, confidence=float(raw.get("confidence", 0.95)))


def _entry(raw: dict[str, Any], file: str) -> Entry:
    line = raw.pop("__line__", 0)
    code = str(raw.get("code", "?"))
    where = f"{file}:{line}: rule {code}"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if "code" not in raw:
        raise RulePackError(f"{where}: entry without code")
    if ("pattern" in raw) == ("regex" in raw):
        raise RulePackError(f"{where}: an entry needs exactly one of pattern (literal) or regex")
    e = Entry(code=code, file=file, line=line)
    if "pattern" in raw:
        e.pattern = str(raw["pattern"])
        if not e.pattern:
            raise RulePackError(f"{where}: empty pattern")
    else:
        e.regex_source = str(raw["regex"])
    e.suggest = None if raw.get("suggest") is None else str(raw["suggest"])
    e.message = raw.get("message")
    unless = raw.get("unless", [])
    e.unless = tuple([unless] if isinstance(unless, str) else unless)
    if raw.get("unless_regex"):
        e.unless_regex_source = str(raw["unless_regex"])
    if raw.get("severity"):
        e.severity = Severity.parse(raw["severity"])
    if raw.get("fix") is not None:
        if raw["fix"] not in FIX_POLICIES:
            raise RulePackError(f"{where}: fix must be one of {FIX_POLICIES}")
        e.fix = raw["fix"]
    e.since = _date(raw.get("since"), where, "since")
    e.until = _date(raw.get("until"), where, "until")
    e.confidence = raw.get("confidence")
    e.evidence = raw.get("evidence")
    ex = raw.get("examples") or {}
    if not isinstance(ex, dict):
        raise RulePackError(f"{where}: examples must be a mapping with hit and ok lists")
    ex.pop("__line__", None)
    e.examples_hit = [str(s) for s in ex.get("hit", [])]
    e.examples_ok = [str(s) for s in ex.get("ok", [])]
    e.examples_as_of = _date(ex.get("as_of"), where, "examples.as_of")
    return e


def load_pack_file(path: Path, *, shipped: bool = False) -> RulePack:
    """Parse one rule file. A user's file has its regexes compiled now, so a mistake shows at once;
    the shipped packs (checked by the test suite) compile lazily and may use the faster stdlib engine."""
    file = str(path)
    try:
        docs = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as e:
        raise RulePackError(f"{file}: cannot read: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f":{mark.line + 1}" if mark else ""
        raise RulePackError(f"{file}{at}: invalid YAML: {getattr(e, 'problem', e)}") from None
    if docs is None:
        return RulePack()
    if not isinstance(docs, dict):
        raise RulePackError(f"{file}: a rule file is a mapping with `rules:` and/or `entries:`")
    docs.pop("__line__", None)
    unknown = set(docs) - {"rules", "entries"}
    if unknown:
        raise RulePackError(f"{file}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    pack = RulePack()
    for raw in docs.get("rules") or []:
        h = _header(raw, file)
        if h.rule.code in pack.headers:
            raise RulePackError(f"{file}:{raw.get('__line__', 0)}: rule {h.rule.code} is defined twice")
        pack.headers[h.rule.code] = h
    pack.entries = [_entry(raw, file) for raw in docs.get("entries") or []]
    for e in pack.entries:
        e.shipped = shipped
    if not shipped:
        for e in pack.entries:
            e.compiled, e.unless_regex  # noqa: B018  (compiling is the validation)
    return pack


def validate(pack: RulePack) -> None:
    """Every entry must point at a known rule, and its examples belong in the docs."""
    for e in pack.entries:
        if e.code not in pack.headers:
            raise RulePackError(f"{e.where}: no rule header with this code (define it under `rules:`)")
    for e in pack.entries:
        rule = pack.headers[e.code].rule
        rule.examples_hit.extend(e.examples_hit)
        rule.examples_ok.extend(e.examples_ok)
        if rule.example_fix is None and e.pattern and e.suggest is not None:
            rule.example_fix = (e.pattern, e.suggest)
