"""An audit run written out: the HTML report to hand on, CSV for spreadsheets, JSON, SARIF, a baseline."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..finding import Finding, Severity
from .results import RunResults

_CSV_COLUMNS = ["document", "section", "title", "status", "error", "code", "name", "severity", "line", "column",
                "text", "suggestion", "message", "state"]


def _write(path: str, text: str, encoding: str = "utf-8") -> None:
    from ..fix import write_atomic

    write_atomic(Path(path), text.encode(encoding))


def _cell(value: Any) -> Any:
    """Spreadsheet-safe: text from pages that starts like a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def write_csv(res: RunResults, path: str) -> None:
    """One row per finding, plus one row per document that could not be checked (UTF-8 with BOM, for Excel)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(_CSV_COLUMNS)
    for d in res.documents:
        base = [d["key"], d["section"], d["title"], d["status"], d["error"]]
        if d["status"] == "error":
            w.writerow([_cell(v) for v in base + [""] * 9])
        for f in d["findings"]:
            w.writerow([_cell(v) for v in base + [f["code"], f["name"], f["severity"], f["line"], f["column"],
                                                 f["text"], f["suggestion"], f["message"], f["state"]]])
    _write(path, buf.getvalue(), "utf-8-sig")


def _public(f: dict[str, Any]) -> dict[str, Any]:
    keep = ("code", "name", "severity", "start", "end", "line", "column", "text", "suggestion", "message", "evidence",
            "confidence", "fix_safe", "location")
    out = {k: f[k] for k in keep}
    out["context"] = {"before": f["before"], "after": f["after"]}
    if f.get("state"):
        out["state"] = f["state"]
    return out


def render_json(res: RunResults) -> str:
    """The JSON contract of `check` (files / findings / summary), with the audit's own fields added."""
    from ..report import summary

    files = [{"path": d["key"], "error": d["error"], "section": d["section"], "title": d["title"],
              "status": d["status"], "hash": d["hash"], "findings": [_public(f) for f in d["findings"]]}
             for d in res.documents]
    data: dict[str, Any] = {
        "version": __version__,
        "run": {"id": res.run.id, "source": res.run.source, "started": res.run.started, "finished": res.run.finished,
                "status": res.run.status, "previous_run": res.previous.id if res.previous else None},
        "files": files,
        "summary": summary(file_results(res)),
    }
    if res.previous:
        states = res.state_counts()
        data["changes"] = {"new": states["new"], "fixed": len(res.fixed), "open": states["open"],
                           "documents_changed": res.changed, "documents_added": res.added,
                           "documents_removed": res.removed}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(res: RunResults, path: str) -> None:
    _write(path, render_json(res))


def to_finding(f: dict[str, Any]) -> Finding:
    return Finding(code=f["code"], name=f["name"], severity=Severity.parse(f["severity"]), start=f["start"],
                   end=f["end"], text=f["text"], message=f["message"], suggestion=f["suggestion"],
                   evidence=f["evidence"], confidence=f["confidence"], fix_safe=f["fix_safe"], line=f["line"],
                   column=f["column"], location=f["location"])


def file_results(res: RunResults) -> list:
    from ..report import FileResult

    return [FileResult(path=d["key"], error=d["error"], findings=[to_finding(f) for f in d["findings"]])
            for d in res.documents]


def write_sarif(res: RunResults, path: str, rules: dict[str, Any]) -> None:
    from ..report.sarif import render_sarif

    _write(path, render_sarif(file_results(res), rules))


def render_report(res: RunResults) -> str:
    from ..report.html import ReportModel, ShownDocument, ShownFinding, render_page

    def shown(f: dict[str, Any]) -> ShownFinding:
        return ShownFinding(code=f["code"], name=f["name"], severity=f["severity"], line=f["line"],
                            column=f["column"], text=f["text"], message=f["message"], suggestion=f["suggestion"],
                            evidence=f["evidence"], before=f["before"], after=f["after"], state=f.get("state", ""))

    run = res.run
    root = Path(run.source[4:]) if run.source.startswith("dir:") else None
    docs = [ShownDocument(key=d["key"], section=d["section"], title=d["title"], status=d["status"], error=d["error"],
                          findings=[shown(f) for f in d["findings"]], href=(root / d["key"]).as_uri() if root else None)
            for d in res.documents]
    when = lambda stamp: stamp.replace("T", " ")  # noqa: E731
    facts = [("检查对象", run.source), ("运行", f"第 {run.id} 次（{when(run.started)} 开始，"
                                          f"{when(run.finished) + ' 完成' if run.finished else '未完成'}）")]
    if res.previous:
        facts.append(("对比", f"与第 {res.previous.id} 次运行（{when(res.previous.started)}）相比："
                            f"{len(res.changed)} 个文档有改动，新增 {len(res.added)} 个，删除 {len(res.removed)} 个"))
    facts.append(("工具", f"govproof {__version__}"))
    model = ReportModel(title="govproof 网站内容检查报告", documents=docs, facts=facts,
                        fixed=[(f["doc_key"], shown(f)) for f in res.fixed], compared=res.previous is not None)
    return render_page(model)


def write_report(res: RunResults, path: str) -> None:
    _write(path, render_report(res))


def write_baseline(res: RunResults, path: str) -> int:
    """Accept every current finding (the same file format as `govproof check --write-baseline`)."""
    entries = [{"path": d["key"], "code": f["code"], "text": f["text"], "context": f["context_hash"]}
               for d in res.documents for f in d["findings"]]
    _write(path, json.dumps({"version": 1, "accepted": entries}, ensure_ascii=False, indent=1) + "\n")
    return len(entries)
