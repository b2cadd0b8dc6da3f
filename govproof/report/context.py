"""The words around a finding, for reports that show it in context without the whole document.

Personal data (family D) found anywhere in the excerpt is replaced by its mask, so a
neighbouring finding's context never republishes what another finding masks.
"""
from __future__ import annotations

from ..document import Document
from ..finding import Finding

CONTEXT_CHARS = 40


def excerpt(doc: Document, f: Finding, masked: list[Finding] = (), width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """(before, after): the rest of the finding's sentence, at most ``width`` characters each side."""
    s, e = doc.sentence_at(f.start)
    s, e = max(s, f.start - width), min(max(e, f.end), f.end + width)
    before = masked_span(doc, s, f.start, masked).lstrip()
    after = masked_span(doc, f.end, e, masked).rstrip("\r\n")
    if s > 0 and before and doc.text[s - 1] not in "\r\n":
        before = "…" + before
    return " ".join(before.split("\n")), " ".join(after.split("\n"))


def display_text(doc: Document) -> str:
    """The document's text with every personal number masked, whether or not D rules were selected.

    Masks keep the length, so offsets into doc.text slice this text too.
    """
    shown = doc.meta.get("display_text")
    if shown is None:
        from ..checks.personal_data import redact

        shown = doc.meta["display_text"] = redact(doc.text, as_of=doc.as_of)
        assert len(shown) == len(doc.text), "masks must keep the text's length"
    return shown


def masked_span(doc: Document, start: int, end: int, masked: list[Finding]) -> str:
    """doc.text[start:end] with every masked finding overlapping it shown as its mask
    (and any other personal number masked too)."""
    text = display_text(doc)
    parts, pos = [], start
    for m in sorted((m for m in masked if m.masked_text is not None and m.start < end and start < m.end),
                    key=lambda m: m.start):
        if m.start > pos:
            parts.append(text[pos:m.start])
        if m.end > pos:
            parts.append(m.masked_text or "")
            pos = m.end
    if pos < end:
        parts.append(text[pos:end])
    return "".join(parts)
