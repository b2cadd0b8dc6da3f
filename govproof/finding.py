"""The one record every check produces, shaped by the JSON contract in DESIGN.md."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that ``--fail-on`` can compare with ``>=``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"没有级别 {value}：可选 error（错误）、warning（警告）、info（提示）") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass
class Finding:
    """A problem at ``text[start:end]`` of a document's decoded text.

    ``line``/``column`` and ``location`` are filled in by the engine from the
    Document, so checks only deal in offsets.
    """

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    evidence: str | None = None
    confidence: float = 1.0
    fix_safe: bool = False
    line: int = 0
    column: int = 0
    location: dict[str, Any] = field(default_factory=lambda: {"paragraph": None, "table_cell": None, "page": None})
    masked_text: str | None = None

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def shown_text(self) -> str:
        """What a report may print: personal data (family D) is masked everywhere."""
        return self.masked_text if self.masked_text is not None else self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.shown_text,
            "suggestion": self.suggestion,
            "message": self.message,
            "evidence": self.evidence,
            "confidence": round(float(self.confidence), 3),
            "fix_safe": bool(self.fix_safe),
            "location": dict(self.location),
        }
