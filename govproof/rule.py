"""Rules and the checks that implement them (the list of checks is govproof.registry).

A code names one rule (one message, one fix policy), never one word-list entry:
users extend a rule's data without new codes (ruff's model).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from .finding import Finding, Severity

if TYPE_CHECKING:
    from .config import Config
    from .document import Document

FAMILIES: dict[str, str] = {
    "S": "错别字",
    "T": "规范表述",
    "C": "政府信息公开条例引用",
    "P": "标点符号（GB/T 15834）",
    "N": "数字与日期（GB/T 15835）",
    "F": "公文格式（GB/T 9704）",
    "D": "个人信息",
}

FIX_POLICIES = ("safe", "unsafe", "none")


@dataclass
class Rule:
    """What `govproof rules` lists and `govproof explain` prints."""

    code: str
    name: str
    severity: Severity
    summary: str
    fix: str = "none"
    source: str = ""
    doc: str = ""
    default_enabled: bool = True
    examples_hit: list[str] = field(default_factory=list)
    examples_ok: list[str] = field(default_factory=list)
    # Filled for data-driven rules: an example suggestion for the docs page.
    example_fix: tuple[str, str] | None = None
    # On one span, the finding of the higher priority wins (curated data over statistical guesses).
    priority: int = 0
    # Optional components (keys of govproof.components.OPTIONAL) the rule's examples need: without them the
    # rule still runs but finds less, its examples are not asserted, and its docs page says so.
    needs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.code) != 4 or self.code[0] not in FAMILIES or not self.code[1:].isdigit():
            raise ValueError(f"rule code {self.code!r} is not a family letter ({''.join(FAMILIES)}) and three digits")
        if self.fix not in FIX_POLICIES:
            raise ValueError(f"rule {self.code}: fix must be one of {FIX_POLICIES}, not {self.fix!r}")

    @property
    def family(self) -> str:
        return self.code[0]

    def finding(self, start: int, end: int, text: str, message: str, *, suggestion: str | None = None,
                evidence: str | None = None, confidence: float = 1.0, severity: Severity | None = None,
                fix_safe: bool | None = None) -> Finding:
        """A Finding of this rule; fix safety follows the rule's policy unless told otherwise."""
        if fix_safe is None:
            fix_safe = self.fix == "safe" and suggestion is not None
        return Finding(code=self.code, name=self.name, severity=severity or self.severity, start=start, end=end,
                       text=text, message=message, suggestion=suggestion, evidence=evidence,
                       confidence=confidence, fix_safe=fix_safe)


@dataclass
class CheckContext:
    """What a check may know about the run besides the document."""

    config: "Config"
    is_selected: Callable[[str], bool]
    # findings of the checks that ran before this one (registry order): a curated rule's sure typo tells the
    # statistical checker that a sentence was typed carelessly
    earlier: list[Finding] = field(default_factory=list)


class Check(ABC):
    """A pure function of a Document: no I/O, no global state, no output formats."""

    @abstractmethod
    def rules(self) -> list[Rule]:
        ...

    @abstractmethod
    def run(self, doc: "Document", ctx: CheckContext) -> Iterable[Finding]:
        ...
