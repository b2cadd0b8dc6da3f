"""PDF: the text layer via pypdf (pure Python), page by page, with ``location.page`` for every finding.

Chinese PDFs break lines wherever the line is full, often inside a word, so a line that fills the
page width and does not end a sentence is joined to the next one. A PDF without a text layer (a
scan) is an error that says so, never a clean result.
"""
from __future__ import annotations

import io
import logging
import re
from typing import Any

from ..document import Document
from . import Limits, LoadError, register
from .guard import Deadline

_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WIDE_CHAR = re.compile(f"[{_WIDE}]")
# Gaps the text layer turns into spaces: between CJK characters (letter-spaced titles, justified lines) and between
# CJK and Latin/digits (Word's automatic spacing: "2024 年5 月").
_LAYOUT_SPACE = re.compile(f"(?<=[{_WIDE}])[ \\t]+(?=[{_WIDE}A-Za-z0-9])|(?<=[A-Za-z0-9])[ \\t]+(?=[{_WIDE}])")
_ENDS_SENTENCE = re.compile(r"[。！？：；!?:;][”’」』）)]*$")
_PAGE_NUMBER = re.compile(r"^(?:[-—–－ ]*\d{1,4}[-—–－ ]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百\d]+[章节条款]|附件|附：)")


def _require_pypdf() -> Any:
    try:
        import pypdf
    except ImportError:
        raise LoadError("读取 PDF 文件需要 pypdf：pip install pypdf") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable files are common; stay quiet
    return pypdf


def _width(line: str) -> int:
    """Printed width in half-width units: a CJK character is two."""
    return len(line) + len(_WIDE_CHAR.findall(line))


def _continues(line: str, nxt: str, full: int) -> bool:
    """A line that fills the page width and does not end a sentence runs on into the next (CJK on both sides)."""
    return bool(full >= 20 and _width(line) >= 0.85 * full and not _ENDS_SENTENCE.search(line)
                and nxt and _WIDE_CHAR.match(line[-1]) and _WIDE_CHAR.match(nxt[0]) and not _STARTS_ITEM.match(nxt))


def _unwrap(pages: list[tuple[int, list[str]]]) -> list[list[tuple[int, str]]]:
    """Group lines into paragraphs of (page, line), across line breaks and page breaks."""
    paragraphs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for k, (number, lines) in enumerate(pages):
        full = max(_width(x) for x in lines)
        following = pages[k + 1] if k + 1 < len(pages) and pages[k + 1][0] == number + 1 else None
        for i, line in enumerate(lines):
            current.append((number, line))
            nxt = lines[i + 1] if i + 1 < len(lines) else (following[1][0] if following else "")
            if not _continues(line, nxt, full):
                paragraphs.append(current)
                current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _without_running_lines(pages: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Drop page numbers ("— 3 —", "第3页") and running headers/footers (the same first or last line on several pages)."""
    edges: dict[str, int] = {}
    for _, lines in pages:
        for line in {lines[0], lines[-1]}:
            edges[line] = edges.get(line, 0) + 1
    running = {line for line, n in edges.items() if n >= 2 and len(pages) >= 3}
    out = []
    for number, lines in pages:
        kept = [x for i, x in enumerate(lines) if not _PAGE_NUMBER.match(x)
                and not (x in running and i in (0, len(lines) - 1))]
        if kept:
            out.append((number, kept))
    return out


def _has_images(page: Any) -> bool:
    try:
        resources = _resolve(page.get("/Resources")) or {}
        xobjects = _resolve(resources.get("/XObject")) or {}
        return any(_resolve(xobjects[name]).get("/Subtype") == "/Image" for name in xobjects)
    except Exception:  # a damaged resource dictionary says nothing either way
        return False


def _resolve(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _open(data: bytes) -> Any:
    pypdf = _require_pypdf()
    if b"%PDF" not in data[:1024]:
        raise LoadError("不是 PDF 文件", detail="no %PDF header")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
    except Exception as e:  # pypdf raises many kinds of error on damaged files
        raise LoadError("PDF 文件已损坏", detail=f"{type(e).__name__}: {str(e)[:100]}") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except pypdf.errors.DependencyError:
            raise LoadError("PDF 用 AES 加密，读取需要 cryptography：pip install 'govproof[pdf-aes]'") from None
        except Exception as e:
            raise LoadError("PDF 已加密，无法打开", detail=type(e).__name__) from None
        if not opened:
            raise LoadError("PDF 已加密，需要密码才能打开：请检查不加密的副本")
    return reader


@register(".pdf")
def load_pdf(data: bytes, path: str, limits: Limits) -> Document:
    deadline = Deadline(limits.max_seconds)
    reader = _open(data)
    try:
        pages = list(reader.pages)
    except Exception as e:
        raise LoadError("PDF 文件已损坏：无法读取页面", detail=type(e).__name__) from None
    if not pages:
        raise LoadError("PDF 没有页面")
    page_lines: list[tuple[int, list[str]]] = []
    empty_pages: list[int] = []
    scanned_pages = size = 0
    for number, page in enumerate(pages, 1):
        deadline.check()
        try:
            raw = page.extract_text() or ""
        except Exception as e:
            raise LoadError(f"PDF 文件已损坏：第 {number} 页无法读取", detail=type(e).__name__) from None
        lines = [x for x in (_LAYOUT_SPACE.sub("", x).strip() for x in raw.splitlines()) if x]
        if not lines:
            empty_pages.append(number)
            scanned_pages += _has_images(page)
            continue
        page_lines.append((number, lines))
        size += sum(len(x) for x in lines)
        if size > limits.max_text_chars:
            raise LoadError(f"提取出的文字超过上限 {limits.max_text_chars:,} 字（max_text_chars）")
    page_lines = _without_running_lines(page_lines)
    if not page_lines:  # nothing but page numbers and running heads
        empty_pages = list(range(1, len(pages) + 1))
    if len(empty_pages) == len(pages) or (scanned_pages and len(empty_pages) * 2 > len(pages)):
        if scanned_pages:
            what = "" if len(empty_pages) == len(pages) else f"（共 {len(pages)} 页，第 {_ranges(empty_pages)} 页没有文字）"
            raise LoadError(f"扫描版 PDF，没有文字层{what}：请先做文字识别（OCR）再检查")
        raise LoadError(f"PDF 没有文字层（{len(pages)} 页都没有文字）")
    parts: list[str] = []
    source_map: list[tuple[int, dict[str, Any]]] = []
    pos = 0
    for paragraph, lines in enumerate(_unwrap(page_lines), 1):
        last_page = None
        for number, line in lines:
            if number != last_page:  # a paragraph running on to the next page is on both
                source_map.append((pos, {"paragraph": paragraph, "table_cell": None, "page": number}))
                last_page = number
            parts.append(line)
            pos += len(line)
        parts.append("\n")
        pos += 1
    return Document(text="".join(parts)[:-1], path=path, encoding="utf-8", source_map=source_map,
                    meta={"format": "pdf", "pages": len(pages), "pages_without_text": empty_pages})


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
