"""A decoded document: its text plus everything checks need to read it well."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

import regex

from .dates import find_document_date

Span = tuple[int, int]

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")

_SENTENCE_END = regex.compile(r"[。！？!?；;]+[”’」』）)]*|\n+|…{2}(?![”’])")
# Regions that most checks must not read as Chinese prose.
_SKIP_PATTERNS: dict[str, regex.Pattern[str]] = {
    "url": regex.compile(r"(?:https?|ftp)://[^\s，。；、“”‘’《》（）<>\"]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s，。；、“”《》（）<>\"]*", regex.I),
    "email": regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    "latin": regex.compile(r"[A-Za-z][A-Za-z0-9'’\-]*(?:[ \t,.;:!?()\"-]+[A-Za-z0-9][A-Za-z0-9'’\-]*){2,}[.!?]?"),
    "code": regex.compile(r"```.*?```|`[^`\n]+`", regex.S),
    "title": regex.compile(r"《[^《》\n]{1,120}》"),
    "quote": regex.compile(r"“[^“”\n]{1,300}”"),
}
# 发文字号 (机关代字〔2024〕5号, also the wrong brackets): found from the bracketed year, then
# extended back over the 机关代字, because a pattern starting with a character class is slow.
_DOCNUM_TAIL = regex.compile(r"[〔\[［【(（]\s*(?:19|20)?\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号")
_DOCNUM_HEAD = regex.compile(r"[\p{Han}A-Za-z]{1,12}$")


def _docnum_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _DOCNUM_TAIL.finditer(text):
        lo = max(spans[-1][1] if spans else 0, m.start() - 12)
        head = _DOCNUM_HEAD.search(text, lo, m.start())
        if head:
            spans.append((head.start(), m.end()))
    return spans


def _find_spans(kind: str, text: str) -> list[Span]:
    if kind == "docnum":
        return _docnum_spans(text)
    if kind == "email" and "@" not in text:
        return []
    return [m.span() for m in _SKIP_PATTERNS[kind].finditer(text)]


REGION_KINDS = (*_SKIP_PATTERNS, "docnum")


@dataclass
class Document:
    """Text plus a map back to the source.

    ``text`` is exactly what the loader decoded (BOM excluded, line endings kept),
    so ``text[f.start:f.end] == f.text`` for every finding.
    """

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    bom: bool = False
    as_of: dt.date | None = None
    profile: str | None = None
    # (start offset, location) pairs in offset order, from loaders that know more than lines.
    source_map: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    # --- positions -----------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets where lines start; \r\n, \r and \n each end a line."""
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column in code points) of an offset."""
        idx = bisect.bisect_right(self.line_starts, offset) - 1
        return idx + 1, offset - self.line_starts[idx] + 1

    def location(self, offset: int) -> dict[str, Any]:
        loc: dict[str, Any] = {"paragraph": None, "table_cell": None, "page": None}
        if self.source_map:
            idx = bisect.bisect_right(self._starts("source_map"), offset) - 1
            if idx >= 0:
                loc.update(self.source_map[idx][1])
        else:
            loc["paragraph"] = self.paragraph_index(offset)
        return loc

    def _starts(self, spans: str) -> list[int]:
        """Start offsets of ``source_map``, ``paragraphs`` or ``sentences`` (computed once), for bisect."""
        cache: dict[str, list[int]] = self.__dict__.setdefault("_starts_cache", {})
        if spans not in cache:
            cache[spans] = [s for s, _ in getattr(self, spans)]
        return cache[spans]

    # --- structure -----------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines, which is how plain-text and extracted documents hold paragraphs."""
        spans = []
        for m in regex.finditer(r"[^\r\n]+", self.text):
            if m.group(0).strip():
                spans.append(m.span())
        return spans

    def paragraph_index(self, offset: int) -> int | None:
        idx = bisect.bisect_right(self._starts("paragraphs"), offset) - 1
        if idx >= 0 and offset <= self.paragraphs[idx][1]:
            return idx + 1
        return None

    @cached_property
    def sentences(self) -> list[Span]:
        spans = []
        for ps, pe in self.paragraphs:
            start = ps
            for m in _SENTENCE_END.finditer(self.text, ps, pe):
                if m.end() > start:
                    spans.append((start, m.end()))
                start = m.end()
            if start < pe:
                spans.append((start, pe))
        return spans

    def sentence_at(self, offset: int) -> Span:
        idx = bisect.bisect_right(self._starts("sentences"), offset) - 1
        if idx >= 0 and offset < self.sentences[idx][1]:
            return self.sentences[idx]
        line = bisect.bisect_right(self.line_starts, offset) - 1
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        return self.line_starts[line], end

    def iter_lines(self) -> Iterator[tuple[int, str]]:
        """(start offset, line text without its line ending)."""
        for m in regex.finditer(r"[^\r\n]*", self.text):
            if m.start() == m.end() and m.start() > 0 and self.text[m.start() - 1] not in "\r\n":
                continue
            yield m.start(), m.group(0)

    @cached_property
    def title(self) -> str:
        """The first non-blank paragraph: where 通知, 答复书 and the like name themselves."""
        for s, e in self.paragraphs:
            return self.text[s:e].strip()
        return ""

    # --- regions to skip ----------------------------------------------
    @cached_property
    def _skip_regions(self) -> dict[str, list[Span]]:
        return {}

    def regions(self, kind: str) -> list[Span]:
        """Spans of one kind of region (see REGION_KINDS), found on first use."""
        spans = self._skip_regions.get(kind)
        if spans is None:
            if kind not in REGION_KINDS:
                raise KeyError(f"unknown region kind {kind!r}")
            spans = self._skip_regions[kind] = _find_spans(kind, self.text)
        return spans

    def in_region(self, start: int, end: int, kinds: tuple[str, ...] = ("url", "email", "latin", "code")) -> bool:
        """True when [start, end) overlaps a region of one of ``kinds``."""
        for kind in kinds:
            spans = self.regions(kind)
            idx = bisect.bisect_right(spans, (end, end)) - 1
            while idx >= 0:
                s, e = spans[idx]
                if e <= start:
                    break
                if s < end and start < e:
                    return True
                idx -= 1
        return False

    # --- time ----------------------------------------------------------
    @cached_property
    def written_date(self) -> dt.date | None:
        """The 成文日期 found in the text, if any."""
        return find_document_date(self.text)

    @property
    def date_assumed(self) -> bool:
        """No 成文日期 and no --as-of: time-dependent rules are judging against today."""
        return self.written_date is None and self.as_of is None

    @cached_property
    def date(self) -> dt.date:
        """The date time-dependent rules use: 成文日期, else --as-of, else today."""
        return self.written_date or self.as_of or dt.date.today()
