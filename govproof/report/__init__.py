"""Output formats for the results of a run. Each takes FileResults and returns text."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Document
from ..finding import Finding, Severity

if TYPE_CHECKING:
    from ..rule import Rule

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass
class FileResult:
    """One checked input: its findings, or why it could not be checked (``error`` in Chinese for the reviewer,
    ``error_detail`` the technical reason); with --fix/--diff, the corrected text and the findings it applies."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    doc: Document | None = None
    error_detail: str | None = None
    fixed_text: str | None = None
    fixed: list[Finding] = field(default_factory=list)


def summary(results: list[FileResult]) -> dict[str, Any]:
    by_sev: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            by_sev[str(f.severity)] += 1
            by_code[f.code] += 1
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "findings": sum(by_sev.values()),
        "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_code": dict(sorted(by_code.items())),
    }


def render(results: list[FileResult], fmt: str, rules: "dict[str, Rule] | None" = None) -> str:
    """The report in ``fmt``; SARIF describes each rule it reports from ``rules`` (the run's rule headers)."""
    if fmt == "json":
        from .json_out import render_json
        return render_json(results)
    if fmt == "sarif":
        from .sarif import render_sarif
        return render_sarif(results, rules or {})
    if fmt == "html":
        from .html import render_html
        return render_html(results)
    raise ValueError(f"没有报告格式 {fmt}")
