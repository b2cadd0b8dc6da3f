"""SARIF 2.1.0, for code-scanning dashboards and CI annotations."""
from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..rule import Rule
from . import FileResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    if path.lower().startswith(("http://", "https://")):  # documents an audit fetched
        return path
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def render_sarif(results: list[FileResult], rules: dict[str, Rule]) -> str:
    """``rules``: the headers of the rules the run used (a code missing there is described by its code alone)."""
    used = sorted({f.code for r in results for f in r.findings})
    rule_index = {code: i for i, code in enumerate(used)}
    driver_rules = []
    for code in used:
        rule = rules.get(code)
        entry = {"id": code, "name": rule.name if rule else code,
                 "shortDescription": {"text": rule.summary if rule else code},
                 "help": {"text": f"govproof explain {code}"}}
        if rule:
            entry["defaultConfiguration"] = {"level": _LEVEL[str(rule.severity)]}
        driver_rules.append(entry)
    sarif_results = []
    for r in results:
        for f in r.findings:
            end_line, end_col = (r.doc.position(f.end) if r.doc else (f.line, f.column + len(f.text)))
            res = {
                "ruleId": f.code, "ruleIndex": rule_index[f.code], "level": _LEVEL[str(f.severity)],
                "message": {"text": f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": end_line,
                               "endColumn": end_col, "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.shown_text}}}}],
                "properties": {"confidence": f.confidence, "fixSafe": f.fix_safe},
            }
            if f.suggestion is not None:
                res["fixes"] = [{"description": {"text": f.message}, "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(r.path)},
                    "replacements": [{"deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                      "insertedContent": {"text": f.suggestion}}]}]}]
            sarif_results.append(res)
    notifications = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"}} for r in results if r.error]
    run = {
        "tool": {"driver": {"name": "govproof", "version": __version__, "informationUri": "https://pypi.org/project/govproof/",
                            "rules": driver_rules}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
