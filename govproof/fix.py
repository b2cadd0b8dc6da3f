"""Applying suggestions: non-overlapping edits, written atomically, encoding and line endings kept."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from .finding import Finding


def fixable(f: Finding, unsafe: bool) -> bool:
    return f.suggestion is not None and f.suggestion != f.text and (f.fix_safe or unsafe)


def choose_edits(findings: Sequence[Finding], unsafe: bool = False) -> list[Finding]:
    """The edits to make: never two that overlap; on overlap, safe beats unsafe, then confidence."""
    candidates = sorted((f for f in findings if fixable(f, unsafe)),
                        key=lambda f: (not f.fix_safe, -f.confidence, f.start))
    chosen: list[Finding] = []
    for f in candidates:
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def apply_edits(text: str, edits: Sequence[Finding]) -> str:
    out, pos = [], 0
    for f in sorted(edits, key=lambda f: f.start):
        out.append(text[pos:f.start])
        out.append(f.suggestion or "")
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def fixed_path(path: Path) -> Path:
    """NAME.fixed.EXT beside the input."""
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:  # a new file gets the permissions of any new file (umask), not mkstemp's private 0600
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def replace_in_place(path: Path, data: bytes) -> Path:
    """Keep NAME.EXT.bak, then replace the file atomically. Returns the backup's path."""
    backup = path.with_name(path.name + ".bak")
    shutil.copy2(path, backup)
    write_atomic(path, data)
    return backup
