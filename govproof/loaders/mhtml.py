"""Single-file web archives (.mht/.mhtml): what browsers and Word's "single file web page" save.

The page is the archive's first text/html part, decoded from quoted-printable or base64 with its
charset, then read like any saved page. Source lines would point into the decoded part, not the
file, so findings carry paragraph numbers only.
"""
from __future__ import annotations

import email
import email.policy

from ..document import Document
from . import Limits, LoadError, register


def html_part(data: bytes) -> bytes:
    """The first text/html part's bytes, with a <meta charset> added when the MIME header names one."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:4096].lower():
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload
    raise LoadError("这个 .mht 存档里没有网页")


@register(".mht", ".mhtml")
def load_mhtml(data: bytes, path: str, limits: Limits) -> Document:
    from .webpage import load_html

    if b"mime-version" not in data[:4096].lower() and b"content-type" not in data[:4096].lower():
        raise LoadError("不是 .mht 网页存档", detail="no MIME header")
    doc = load_html(html_part(data), path, limits)
    for _, location in doc.source_map:
        location.pop("source_line", None)
    doc.meta["format"] = "mhtml"
    return doc
