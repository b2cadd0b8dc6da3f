"""Inline suppressions: `govproof: ignore [CODES]`, `ignore-next-line`, `ignore-file`.

A marker alone on its line (bare, or wrapped as `<!-- … -->`, `# …`, `// …`) applies to the
next non-blank line; a marker at the end of a line of text applies to that line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .document import Document

_MARKER = regex.compile(r"govproof:\s*(ignore(?:-next-line|-file)?)\b[ \t]*([A-Za-z0-9, \t]*)")
_WRAPPERS = regex.compile(r"^\s*(?:<!--|#+|//|%|;)?\s*|\s*(?:-->)?\s*$")


@dataclass
class Suppression:
    start: int
    end: int
    codes: tuple[str, ...]          # empty: every code
    first_line: int                 # 1-based lines it covers; whole file when last_line is 0
    last_line: int
    used: bool = field(default=False)

    def covers(self, code: str, line: int) -> bool:
        if self.last_line and not (self.first_line <= line <= self.last_line):
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


def parse(doc: Document) -> list[Suppression]:
    if "govproof:" not in doc.text:
        return []
    lines = list(doc.iter_lines())
    result = []
    for i, (offset, line) in enumerate(lines):
        m = _MARKER.search(line)
        if not m:
            continue
        kind = m.group(1)
        codes = tuple(c.strip().upper() for c in regex.split(r"[,\s]+", m.group(2)) if c.strip())
        start, end = offset + m.start(), offset + m.end()
        alone = not _WRAPPERS.sub("", line.replace(m.group(0), "")).strip()
        if kind == "ignore-file":
            result.append(Suppression(start, end, codes, 1, 0))
            continue
        if kind == "ignore-next-line" or alone:
            target = next((j for j in range(i + 1, len(lines)) if lines[j][1].strip()), i)
            result.append(Suppression(start, end, codes, target + 1, target + 1))
        else:
            result.append(Suppression(start, end, codes, i + 1, i + 1))
    return result
