"""Word .docx: body paragraphs and tables in reading order, notes, headers and footers.

The text joins paragraphs with "\\n"; ``source_map`` gives each paragraph's number (and table cell),
so a finding's ``location`` tells a reviewer where to look in Word.
"""
from __future__ import annotations

import io
from typing import Any

from ..document import Document
from . import Limits, LoadError, register
from .guard import OLE_MAGIC, Deadline, is_encrypted_office, open_zip
from .ooxml import Block, iter_blocks, joined


def _require_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise LoadError("reading Word files needs python-docx: pip install python-docx") from None
    return docx


def open_word(data: bytes, limits: Limits) -> Any:
    """A python-docx Document from bytes, after the zip-bomb checks; LoadError for anything unreadable."""
    if is_encrypted_office(data):
        raise LoadError("password-protected (encrypted) Word file: save an unprotected copy to check it")
    if data.startswith(OLE_MAGIC):
        raise LoadError("this is a legacy Word .doc file with a .docx name: rename it to .doc")
    zf = open_zip(data, limits, "Word .docx")
    if "word/document.xml" not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
        raise LoadError("not a Word .docx file (a zip without word/document.xml)")
    docx = _require_docx()
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # hostile or broken packages fail in many ways inside python-docx and lxml
        raise LoadError(f"corrupt Word .docx file ({type(e).__name__}: {str(e)[:120]})") from None


def read_blocks(document: Any, limits: Limits) -> list[Block]:
    deadline = Deadline(limits.max_seconds)
    return list(iter_blocks(document, deadline.check))


def document_from_blocks(blocks: list[Block], path: str) -> Document:
    text, starts = joined(blocks)
    source_map = [(start, block.location) for start, block in zip(starts, blocks)]
    return Document(text=text, path=path, encoding="utf-8", source_map=source_map, meta={"format": "docx"})


@register(".docx", ".docm", ".dotx")
def load_docx(data: bytes, path: str, limits: Limits) -> Document:
    document = open_word(data, limits)
    doc = document_from_blocks(read_blocks(document, limits), path)
    doc.meta["docx_bytes"] = data  # what --annotate copies; the input file itself is never written
    return doc
