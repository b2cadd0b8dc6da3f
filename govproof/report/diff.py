"""--diff: the corrections as a unified diff per file, personal data masked like everywhere else."""
from __future__ import annotations

import difflib

from rich.console import Console
from rich.text import Text

from ..checks.personal_data import redact
from . import FileResult

_STYLE = {"+": "green", "-": "red", "@": "cyan"}


def print_diffs(results: list[FileResult], console: Console) -> None:
    for r in results:
        if r.doc is None or r.fixed_text is None or r.fixed_text == r.doc.text:
            continue
        name = r.path.lstrip("/")
        diff = difflib.unified_diff(r.doc.text.splitlines(keepends=True), r.fixed_text.splitlines(keepends=True),
                                    fromfile=f"a/{name}", tofile=f"b/{name}")
        for line in diff:
            line = redact(line.rstrip("\r\n"))  # a diff must not republish personal data
            console.print(Text(line, style=_STYLE.get(line[:1], "")), soft_wrap=True)
