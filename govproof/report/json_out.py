"""The JSON contract of DESIGN.md."""
from __future__ import annotations

import json

from .. import __version__
from . import FileResult, summary


def render_json(results: list[FileResult]) -> str:
    data = {
        "version": __version__,
        "files": [{"path": r.path, "error": r.error, "error_detail": r.error_detail,
                   "findings": [f.to_dict() for f in r.findings]} for r in results],
        "summary": summary(results),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
