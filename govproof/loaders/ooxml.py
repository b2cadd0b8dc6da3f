"""The text of a Word document, paragraph by paragraph, with each character traced to its XML element.

One walker serves both the .docx loader (text + locations) and the annotator (which must put
comments and tracked changes on exactly the characters a finding names), so the two always agree
on offsets. Reading order: body paragraphs and tables, then footnotes and endnotes, then headers
and footers; text boxes follow the paragraph they are anchored in. Deleted text (w:del) and field
codes are not text; inserted text (w:ins) is. Equations are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .wordml import w

# What the loader (word.py) and the annotator (report/annotate.py) use; the rest is the walk's own business.
__all__ = ["Block", "Piece", "block_pieces", "iter_blocks", "joined", "paragraph_pieces"]

_RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


# Containers inside a paragraph whose runs are part of its text.
_INLINE_CONTAINERS = {w(t) for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                                     "moveTo", "dir", "bdo")}
_RUN_TEXT = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-", w("ptab"): "\t"}


@dataclass
class Piece:
    """One text-bearing child of a run (w:t, w:tab, w:br...) and the characters it contributes."""

    elem: Any
    run: Any
    text: str


@dataclass
class Block:
    """One paragraph: its pieces in order and where a reviewer finds it."""

    p: Any
    location: dict[str, Any]
    pieces: list[Piece] = field(default_factory=list)
    label: str = ""  # Word's automatic number ("一、"), the first piece when present; no run holds it

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def in_body(self) -> bool:
        return "part" not in self.location


def block_pieces(p: Any, label: str, deleted: Any = frozenset(), inserted: Any = frozenset()) -> list[Piece]:
    """The automatic number's label (a piece without a run) followed by the paragraph's own pieces."""
    return ([Piece(None, None, label)] if label else []) + paragraph_pieces(p, deleted, inserted)


def paragraph_pieces(p: Any, deleted: Any = frozenset(), inserted: Any = frozenset()) -> list[Piece]:
    """The paragraph's text pieces in order.

    ``deleted``/``inserted`` are w:del/w:ins elements added by the annotator: its deletions still
    count as text and its insertions do not, so offsets stay those of the checked text.
    """
    pieces: list[Piece] = []

    def walk(parent: Any, in_deleted: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                for item in child:
                    if item.tag == w("t") or (in_deleted and item.tag == w("delText")):
                        if item.text:
                            pieces.append(Piece(item, child, item.text))
                    elif item.tag in _RUN_TEXT:
                        if item.tag == w("br") and item.get(w("type")) == "page":
                            continue  # a page break is layout, not a character of the text
                        pieces.append(Piece(item, child, _RUN_TEXT[item.tag]))
            elif tag == w("del") and child in deleted:
                walk(child, True)
            elif tag in _INLINE_CONTAINERS and child not in inserted:
                walk(child, in_deleted)

    walk(p, False)
    return pieces


class _BodyCounter:
    """Numbers paragraphs and tables in reading order, as a reviewer scrolling the document meets them."""

    def __init__(self, numbering: Any = None) -> None:
        self.paragraph = 0
        self.table = 0
        self.numbering = numbering


def _walk_container(container: Any, loc: Callable[[], dict[str, Any]], counter: _BodyCounter,
                    out: list[Block], tick: Callable[[], None], cell: tuple[int, str] | None = None) -> None:
    label_of = counter.numbering.label if counter.numbering is not None else (lambda p: "")
    for child in container:
        tag = child.tag
        if tag == w("p"):
            location = loc()
            if "part" not in location:
                counter.paragraph += 1
                location["paragraph"] = counter.paragraph
                if cell is not None:
                    location["table"], location["table_cell"] = cell
            label = label_of(child)
            out.append(Block(child, location, block_pieces(child, label), label))
            if len(out) % 200 == 0:
                tick()
            for box in _text_boxes(child):  # read after the paragraph they are anchored in
                _walk_container(box, _part_location("textbox", anchor_paragraph=location.get("paragraph")),
                                counter, out, tick)
        elif tag == w("tbl"):
            counter.table += 1
            table_no = counter.table
            rows = [tr for tr in child.iter(w("tr")) if _owner(tr, "tbl") is child]
            for r, tr in enumerate(rows, 1):
                col = 1
                for tc in (tc for tc in tr.iter(w("tc")) if _owner(tc, "tr") is tr):
                    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
                    _walk_container(tc, loc, counter, out, tick, (table_no, f"{r},{col}"))
                    col += int(span.get(w("val"), "1")) if span is not None and span.get(w("val"), "1").isdigit() else 1
        elif tag in (w("sdt"), w("sdtContent"), w("customXml")):
            _walk_container(child, loc, counter, out, tick, cell)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: Any) -> list[Any]:
    """Text boxes anchored in paragraph ``p`` (not in nested boxes; the VML fallback copy of a box is skipped)."""
    boxes = []
    for box in p.iter(w("txbxContent")):
        node, fallback = box.getparent(), False
        while node is not None and node is not p:
            if node.tag == _MC_FALLBACK:
                fallback = True
            if node.tag in (w("p"), w("txbxContent")):
                break
            node = node.getparent()
        if node is p and not fallback:
            boxes.append(box)
    return boxes


def _owner(el: Any, tag: str) -> Any:
    """The nearest w:tbl (or w:tr) above ``el``: rows and cells of nested tables, and those wrapped in content
    controls, are each reached once, through their own table."""
    node = el.getparent()
    while node is not None and node.tag != w(tag):
        node = node.getparent()
    return node


def _body_location() -> dict[str, Any]:
    return {"paragraph": None, "table_cell": None, "page": None}


def _part_location(part: str, **extra: Any) -> Callable[[], dict[str, Any]]:
    return lambda: {"paragraph": None, "table_cell": None, "page": None, "part": part, **extra}


def _related_element(document: Any, reltype: str) -> Any | None:
    """The root element of a part related to the main document (footnotes, endnotes), parsed if generic."""
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == _RT_BASE + reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else parse_xml(part.blob)
    return None


def _notes(document: Any, kind: str, counter: _BodyCounter, out: list[Block], tick: Callable[[], None]) -> None:
    root = _related_element(document, kind + "s")
    if root is None:
        return
    for note in root.iterchildren(w(kind)):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        _walk_container(note, _part_location(kind, note=int(note.get(w("id"), "0"))), counter, out, tick)


def _headers_footers(document: Any, counter: _BodyCounter, out: list[Block], tick: Callable[[], None]) -> None:
    seen: set[int] = set()
    body = document.element.body
    for kind in ("header", "footer"):
        for section_no, sect in enumerate(body.iter(w("sectPr")), 1):
            for ref in sect.iterchildren(w(kind + "Reference")):
                rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                part = document.part.related_parts.get(rid) if rid else None
                if part is None or id(part) in seen:
                    continue
                seen.add(id(part))
                _walk_container(part.element, _part_location(kind, section=section_no,
                                                             type=ref.get(w("type"), "default")), counter, out, tick)


def iter_blocks(document: Any, tick: Callable[[], None] = lambda: None) -> Iterator[Block]:
    """Every paragraph of a python-docx Document in reading order (body, notes, headers, footers)."""
    from .numbering import Numbering

    counter = _BodyCounter(Numbering(_related_element(document, "numbering"), _related_element(document, "styles")))
    out: list[Block] = []
    _walk_container(document.element.body, _body_location, counter, out, tick)
    counter.numbering = None  # automatic numbers are read in the body only
    _notes(document, "footnote", counter, out, tick)
    _notes(document, "endnote", counter, out, tick)
    _headers_footers(document, counter, out, tick)
    return iter(out)


def joined(blocks: list[Block]) -> tuple[str, list[int]]:
    """The document text ("\\n" between paragraphs) and each block's start offset."""
    starts, parts, pos = [], [], 0
    for b in blocks:
        starts.append(pos)
        t = b.text
        parts.append(t)
        pos += len(t) + 1
    return "\n".join(parts), starts
