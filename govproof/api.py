"""The public Python API: check_text and check_path."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .config import Config, discover_config
from .document import Document
from .engine import engine_for
from .finding import Finding
from .loaders import Limits, load_path


def check_document(doc: Document, config: Config | None = None) -> list[Finding]:
    return engine_for(config or Config()).check(doc)


def check_text(text: str, config: Config | None = None, *, as_of: dt.date | str | None = None,
               path: str = "-", profile: str | None = None) -> list[Finding]:
    """Check a string; offsets in the findings index into ``text``."""
    config = config or Config()
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    doc = Document(text=text, path=path, as_of=as_of or config.as_of, profile=profile or config.profile)
    return check_document(doc, config)


def check_path(path: str | Path, config: Config | None = None, *, as_of: dt.date | str | None = None,
               limits: Limits | None = None) -> list[Finding]:
    """Load a file (any supported format) and check it; raises LoadError when it cannot be read.

    Without ``config``, settings are discovered from govproof.toml / pyproject.toml above the file.
    """
    p = Path(path)
    config = config or discover_config(str(p.resolve().parent))
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    doc = load_path(p, limits=limits or Limits.from_config(config), as_of=as_of or config.as_of, profile=config.profile)
    return check_document(doc, config)
