"""The check pipeline behind the page and the API: a Submission in, the CLI's FileResult out; the
reviewer's decisions in, a corrected text or a Word copy with comments and tracked changes out.

Nothing is kept between requests: a download sends the document again with the decisions, and the
same check (deterministic) names the same findings by the same ids.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..config import Config
from ..finding import Finding
from ..fix import apply_edits, choose_edits, fixable
from ..loaders import Limits, load_bytes
from ..loaders.encoding import encode
from ..loaders.text import TEXT_SUFFIXES
from ..report import FileResult, summary
from ..report.annotate import AnnotateError, annotate_docx
from ..report.where import describe
from ..rule import FAMILIES
from ..run import file_result
from .forms import RequestError, Submission


def finding_ids(findings: list[Finding]) -> list[str]:
    """Stable names for a result's findings (code and span), unique within the document."""
    seen: dict[str, int] = {}
    ids = []
    for f in findings:
        key = f"{f.code}-{f.start}-{f.end}"
        seen[key] = seen.get(key, 0) + 1
        ids.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return ids


@dataclass
class Download:
    filename: str
    media_type: str
    data: bytes


@dataclass
class Reviewer:
    """Checks submissions with the server's settings; one check at a time (the checks share loaded models)."""

    config: Config
    limits: Limits
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def config_for(self, sub: Submission) -> Config:
        return self.config.merged(select=sub.select, ignore=sub.ignore, as_of=sub.as_of, profile=sub.profile)

    def check(self, sub: Submission) -> FileResult:
        config = self.config_for(sub)
        return file_result(sub.name, lambda: load_bytes(sub.data, sub.name, limits=self.limits, as_of=config.as_of,
                                                        profile=config.profile), config, checking=self._lock)

    def warm_up(self) -> None:
        """Build the checks and load the models before the first reviewer waits for them."""
        self.check(Submission(name="-", data="请各单位按排专人负责。".encode("utf-8")))


def page_payload(result: FileResult) -> dict[str, Any]:
    """What the page draws: the document's text, its findings with ids, where each is, and the rules' names."""
    findings = []
    for fid, f in zip(finding_ids(result.findings), result.findings):
        findings.append({**f.to_dict(), "id": fid, "family": f.family, "family_name": FAMILIES.get(f.family, ""),
                         "where": describe(f.location), "fixable": fixable(f, unsafe=True)})
    doc = result.doc
    return {"path": result.path, "error": result.error, "text": doc.text if doc else "",
            "is_word": bool(doc and doc.meta.get("docx_bytes")), "findings": findings,
            "summary": summary([result])}


def _decided(result: FileResult, ids: frozenset[str]) -> list[Finding]:
    return [f for fid, f in zip(finding_ids(result.findings), result.findings) if fid in ids]


def _stem(name: str) -> str:
    return "粘贴的文本" if name == "-" else (PurePosixPath(name).stem or "文档")


def corrected_text(result: FileResult, sub: Submission) -> Download:
    """The text with the accepted suggestions applied; a text file keeps its encoding and line endings."""
    assert result.doc is not None
    edits = choose_edits(_decided(result, sub.accepted), unsafe=True)
    text = apply_edits(result.doc.text, edits)
    if sub.name != "-" and sub.suffix in TEXT_SUFFIXES and sub.suffix:
        return Download(f"{_stem(sub.name)}.fixed{sub.suffix}", "text/plain",
                        encode(text, result.doc.encoding, result.doc.bom))
    return Download(f"{_stem(sub.name)}.fixed.txt", "text/plain; charset=utf-8", text.encode("utf-8"))


def reviewed_docx(result: FileResult, sub: Submission, limits: Limits) -> Download:
    """A copy of the Word file: accepted suggestions as tracked changes, a comment on every finding not rejected."""
    assert result.doc is not None
    data = result.doc.meta.get("docx_bytes")
    if data is None:
        raise RequestError("只有 Word（.docx）文件可以下载带批注和修订的副本；其他格式请下载改正后的文本")
    kept = [f for fid, f in zip(finding_ids(result.findings), result.findings) if fid not in sub.rejected]
    fixes = choose_edits(_decided(result, sub.accepted - sub.rejected), unsafe=True)
    try:
        done = annotate_docx(data, result.doc.text, kept, fixes, limits)
    except AnnotateError as e:
        raise RequestError(f"无法生成 Word 副本：{e}", 422) from None
    return Download(f"{_stem(sub.name)}.reviewed.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", done.data)
