"""Word .docx: body paragraphs and tables in reading order, notes, headers and footers.

The text joins paragraphs with "\\n"; ``source_map`` gives each paragraph's number (and table cell),
so a finding's ``location`` tells a reviewer where to look in Word.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from ..document import Document
from . import Limits, LoadError, register
from .guard import OLE_MAGIC, Deadline, is_encrypted_office, open_zip
from .ooxml import Block, iter_blocks, joined


def _require_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise LoadError("读取 Word 文件需要 python-docx：pip install python-docx") from None
    return docx


def open_word(data: bytes, limits: Limits) -> Any:
    """A python-docx Document from bytes, after the zip-bomb checks; LoadError for anything unreadable."""
    if is_encrypted_office(data):
        raise LoadError("Word 文件有密码保护（已加密）：请另存一份不加密的副本再检查")
    if data.startswith(OLE_MAGIC):
        raise LoadError("这是旧版 Word .doc 文件，扩展名却是 .docx：请改名为 .doc")
    zf = open_zip(data, limits, "Word .docx")
    if "word/document.xml" not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
        raise LoadError("不是 Word .docx 文件", detail="zip without word/document.xml")
    docx = _require_docx()
    data = _as_plain_document(zf, data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # hostile or broken packages fail in many ways inside python-docx and lxml
        raise LoadError("Word .docx 文件已损坏", detail=f"{type(e).__name__}: {str(e)[:120]}") from None


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                     b"application/vnd.ms-word.document.macroEnabled.main+xml",
                     b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


def _as_plain_document(zf: zipfile.ZipFile, data: bytes) -> bytes:
    """Templates (.dotx) and macro-enabled files (.docm) declare another main part type, which python-docx
    refuses; the same package relabelled as a plain document reads the same. Macros are never run."""
    try:
        types = zf.read("[Content_Types].xml")
    except KeyError:
        return data
    if not any(t in types for t in _OTHER_MAIN_TYPES):
        return data
    for t in _OTHER_MAIN_TYPES:
        types = types.replace(t, _MAIN)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as relabelled:
        for info in zf.infolist():
            relabelled.writestr(info, types if info.filename == "[Content_Types].xml" else zf.read(info))
    return out.getvalue()


def read_blocks(document: Any, limits: Limits) -> list[Block]:
    deadline = Deadline(limits.max_seconds)
    try:
        return list(iter_blocks(document, deadline.check))
    except LoadError:
        raise
    except Exception as e:  # parts python-docx leaves unparsed (footnotes) are parsed here, damaged or not
        raise LoadError("Word .docx 文件已损坏", detail=f"{type(e).__name__}: {str(e)[:120]}") from None


@dataclass
class WordText:
    """A Word document opened for editing, its paragraphs and their text: the annotator's view of the same walk
    the loader makes, so offsets agree."""

    document: Any
    blocks: list[Block]
    text: str
    starts: list[int]   # offset of each block's first character in ``text``


def open_for_editing(data: bytes, limits: Limits) -> WordText:
    document = open_word(data, limits)
    blocks = read_blocks(document, limits)
    text, starts = joined(blocks)
    return WordText(document, blocks, text, starts)


def document_from_blocks(blocks: list[Block], path: str) -> Document:
    text, starts = joined(blocks)
    source_map = [(start, block.location) for start, block in zip(starts, blocks)]
    return Document(text=text, path=path, encoding="utf-8", source_map=source_map, meta={"format": "docx"})


@register(".docx", ".docm", ".dotx", ".dotm")
def load_docx(data: bytes, path: str, limits: Limits) -> Document:
    document = open_word(data, limits)
    doc = document_from_blocks(read_blocks(document, limits), path)
    doc.meta["docx_bytes"] = data  # what --annotate copies; the input file itself is never written
    return doc
