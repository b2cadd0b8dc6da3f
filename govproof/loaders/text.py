"""Plain text and Markdown: the decoded content is the document, byte for byte."""
from __future__ import annotations

from ..document import Document
from . import Limits, LoadError, register
from .encoding import DecodeError, decode


# The formats whose decoded text is the file itself: the only ones `--fix` can write back.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")


@register(*TEXT_SUFFIXES)
def load_text(data: bytes, path: str, limits: Limits) -> Document:
    try:
        text, encoding, bom = decode(data)
    except DecodeError as e:
        raise LoadError(str(e), detail=e.detail) from None
    return Document(text=text, path=path, encoding=encoding, bom=bom)
