"""Plain text and Markdown: the decoded content is the document, byte for byte."""
from __future__ import annotations

from ..document import Document
from . import Limits, LoadError, register
from .encoding import DecodeError, decode


@register(".txt", ".md", ".markdown", ".text", "")
def load_text(data: bytes, path: str, limits: Limits) -> Document:
    try:
        text, encoding, bom = decode(data)
    except DecodeError as e:
        raise LoadError(str(e)) from None
    return Document(text=text, path=path, encoding=encoding, bom=bom)
