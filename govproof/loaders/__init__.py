"""Turn a file into a Document. One loader per format, chosen by suffix.

Every loader raises :class:`LoadError` with a one-line reason a user can act on;
the CLI reports it against the file and goes on with the others.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..document import Document

if TYPE_CHECKING:
    from ..config import Config


class LoadError(Exception):
    """A file that cannot be checked: the message says why in one Chinese line for the reviewer; ``detail`` keeps
    the technical reason (exception, byte offset) for ``--verbose`` and JSON ``error_detail``."""

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile or accidental input from exhausting the machine."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_text_chars: int = 5_000_000
    max_zip_entries: int = 5000
    max_zip_ratio: float = 200.0
    max_unzipped_bytes: int = 256 * 1024 * 1024
    max_seconds: float = 120.0

    @classmethod
    def from_config(cls, config: "Config") -> "Limits":
        """[tool.govproof.limits] max_file_bytes = ..., etc. override the defaults."""
        values = {}
        for name, default in cls().__dict__.items():
            value = config.option(f"limits.{name}", None)
            if value is not None:
                values[name] = type(default)(value)
        return cls(**values)


Loader = Callable[[bytes, str, Limits], Document]
_LOADERS: dict[str, Loader] = {}


def register(*suffixes: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        for s in suffixes:
            _LOADERS[s.lower()] = fn
        return fn
    return deco


def supported_suffixes() -> list[str]:
    _import_loaders()
    return sorted(_LOADERS)


def _import_loaders() -> None:
    from . import text  # noqa: F401  (registers .txt/.md)
    # Office, web and PDF loaders import their libraries (python-docx, lxml, pypdf) only when a file
    # of theirs is loaded, and raise LoadError naming the package to pip install when it is missing.
    from . import legacy, mhtml, pdf, webpage, word  # noqa: F401


def load_bytes(data: bytes, path: str, *, limits: Limits = Limits(), as_of: dt.date | None = None,
               profile: str | None = None) -> Document:
    suffix = Path(path).suffix.lower() if path != "-" else ".txt"
    from . import text  # noqa: F401  (plain text needs no other loader: keep `check draft.txt` quick)
    if suffix not in _LOADERS:
        _import_loaders()
    loader = _LOADERS.get(suffix) or _LOADERS[".txt"]
    if len(data) > limits.max_file_bytes:
        raise LoadError(_too_big(len(data), limits))
    doc = loader(data, path, limits)
    if len(doc.text) > limits.max_text_chars:
        raise LoadError(f"提取出的文字有 {len(doc.text):,} 字，超过上限 {limits.max_text_chars:,} 字（max_text_chars）")
    if not doc.text.strip():
        raise LoadError("文件是空的，没有可检查的文字")
    doc.path = path
    doc.as_of = as_of
    doc.profile = profile
    return doc


def _too_big(size: int, limits: Limits) -> str:
    return f"文件有 {size:,} 字节，超过上限 {limits.max_file_bytes:,} 字节（max_file_bytes）"


def load_path(path: str | Path, *, limits: Limits = Limits(), as_of: dt.date | None = None,
              profile: str | None = None) -> Document:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise LoadError(_too_big(size, limits))
        data = p.read_bytes()
    except IsADirectoryError:
        raise LoadError("这是文件夹，不是文件") from None
    except FileNotFoundError:
        raise LoadError("文件不存在", detail="no such file") from None
    except PermissionError:
        raise LoadError("没有读取这个文件的权限", detail="permission denied") from None
    except OSError as e:
        raise LoadError("无法读取文件", detail=e.strerror or str(e)) from None
    return load_bytes(data, str(path), limits=limits, as_of=as_of, profile=profile)
