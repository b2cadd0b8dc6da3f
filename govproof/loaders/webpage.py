"""Saved web pages: the page's main content and title, each paragraph traced to its source line.

Built on lxml's HTML parser (libxml2: fast, tolerant of broken markup, and it knows each element's
source line) with a readability-style choice of the main content: text is scored to its paragraph's
parent and grandparent, link-heavy blocks lose, and navigation, scripts and boilerplate blocks are
dropped. Charset comes from a BOM, the page's <meta>, then detection (GBK pages are common).
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from ..document import Document
from . import Limits, LoadError, register
from .encoding import DecodeError, decode
from .guard import Deadline

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
                           rb"""|^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WESTERN = {"iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii"}
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "csgb2312", "euc-cn", "gb18030", "ms936", "windows-936"}

_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
              "option", "button", "input", "textarea", "nav", "aside", "map", "audio", "video", "head"}
_BLOCK_TAGS = {"p", "div", "td", "th", "tr", "table", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
               "h6", "pre", "blockquote", "section", "article", "main", "header", "footer", "center", "form",
               "fieldset", "address", "figure", "figcaption", "caption", "tbody", "thead", "tfoot", "body", "hr", "br"}
# class/id words (English and the pinyin abbreviations Chinese government CMSs use) of non-content blocks
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|copyright|share|sharing|bdshare|sidebar|"
    r"toolbar|search|login|pagination|pager|related|recommend|comments?|advert|ads|qrcode|erweima|weixin|wechat|"
    r"fontsize|skip|dqwz|wzdt|yqlj|bqxx|dh)(?:$|[\s_-])", re.I)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_WS = re.compile(r"[ \t\n\r\f\v\xa0\u3000]+")
_PROBE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]{1,8}")


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM, then a declared charset that actually decodes, then detection."""
    m = _META_CHARSET.search(data[:8192])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = (m.group(1) or m.group(2)).decode("ascii").lower()
        codec = "gb18030" if declared in _GB_ALIASES else declared
        if codec not in _WESTERN:  # a Western single-byte charset decodes any bytes: trust detection instead
            try:
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass  # pages often declare gb2312 and are UTF-8, or the reverse: detect instead
    try:
        text, encoding, _bom = decode(data)
    except DecodeError as e:
        raise LoadError("网页文字无法解码", detail=str(e)) from None
    return text, encoding


class _Lines:
    """Source line of a text node: its first word searched in the source forward from the last match."""

    def __init__(self, source: str, start_line: int = 1):
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.pos = self.starts[min(max(start_line, 1), len(self.starts)) - 1]

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def locate(self, text: str, hint: int | None) -> int:
        if hint is not None and hint <= len(self.starts):
            self.pos = max(self.pos, self.starts[hint - 1])
        m = _PROBE.search(text)
        if m:
            found = self.source.find(m.group(0), self.pos, self.pos + 20000 + len(text) * 4)
            if found != -1:
                self.pos = found + len(m.group(0))
                return self._line_of(found) - text.count("\n", 0, m.start())
        return hint or self._line_of(self.pos)


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _han(text: str | None) -> int:
    return len(_HAN.findall(text)) if text else 0


def _is_boilerplate(el: Any) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if names.strip() and _BOILERPLATE.search(names):
        return True
    style = el.get("style", "").replace(" ", "").lower()
    return "display:none" in style or el.get("hidden") is not None


def _block_of(el: Any) -> Any:
    while el is not None and _tag(el) not in _BLOCK_TAGS:
        el = el.getparent()
    return el


def _in_link(el: Any) -> bool:
    while el is not None:
        if _tag(el) == "a":
            return True
        el = el.getparent()
    return False


def _text_nodes(root: Any) -> Iterator[tuple[Any, str]]:
    """(element the text sits in, text) in document order, skipping dropped elements."""
    for el in root.iter():
        if not isinstance(el.tag, str) or _tag(el) in _DROP_TAGS:
            continue
        if el.text:
            yield el, el.text
        for child in el:
            if child.tail:
                yield el, child.tail


def _main_content(body: Any) -> tuple[Any, dict[Any, tuple[int, int]]]:
    """The element holding the page's main text: text scores go to its paragraph block, the block's
    parent, and half to the grandparent; link-heavy candidates lose; on a tie the deeper one wins."""
    scores: dict[Any, float] = {}
    for el, text in _text_nodes(body):
        h = _han(text)
        if h < 2 or _in_link(el):
            continue
        block = _block_of(el)
        parent = block.getparent() if block is not None else None
        grand = parent.getparent() if parent is not None else None
        for weight, node in ((1.0, block), (1.0, parent), (0.5, grand)):
            if node is not None:
                scores[node] = scores.get(node, 0.0) + weight * h
    counts: dict[Any, tuple[int, int]] = {}
    _count_han(body, False, counts)
    best, best_key = body, (-1.0, 0)
    for node, score in scores.items():
        total, links = counts.get(node, (0, 0))
        key = (score * (1 - links / total if total else 0), _depth(node))
        if key > best_key:
            best, best_key = node, key
    if counts.get(best, (0, 0))[0] < 20:
        return body, counts
    node = best
    for _ in range(3):  # the text may continue in a sibling block a level or two up: take the common parent
        parent = node.getparent()
        if parent is None or node is body:
            break
        if any(sib is not node and scores.get(sib, 0.0) >= 0.25 * best_key[0] and _link_share(counts, sib) < 0.3
               for sib in parent):
            best = parent
        node = parent
    return best, counts


def _link_share(counts: dict[Any, tuple[int, int]], el: Any) -> float:
    total, links = counts.get(el, (0, 0))
    return links / total if total else 1.0


def _count_han(el: Any, in_link: bool, counts: dict[Any, tuple[int, int]]) -> tuple[int, int]:
    """(Han characters, of which inside links) for ``el`` and, recorded in ``counts``, every descendant."""
    in_link = in_link or _tag(el) == "a"
    total = links = 0
    if isinstance(el.tag, str) and _tag(el) not in _DROP_TAGS:
        total = _han(el.text)
        for child in el:
            t, k = _count_han(child, in_link, counts)
            h = _han(child.tail)
            total += t + h
            links += k + (h if in_link else 0)
        if in_link:
            links = total
    counts[el] = (total, links)
    return total, links


def _depth(el: Any) -> int:
    d = 0
    while el is not None:
        d += 1
        el = el.getparent()
    return d


class _Builder:
    """Paragraph text with whitespace folded the way a browser shows it, and a source line per piece."""

    def __init__(self) -> None:
        self.paragraphs: list[list[tuple[str, int]]] = []
        self.current: list[tuple[str, int]] = []

    def add(self, text: str, line: int) -> None:
        self.current.append((text, line))

    def end(self) -> None:
        if self.current:
            self.paragraphs.append(self.current)
            self.current = []

    @staticmethod
    def fold(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """Collapse whitespace; a line break between two wide (CJK) characters disappears (CSS Text 3)."""
        out: list[tuple[str, int]] = []
        raw = "".join(t for t, _ in pieces)
        starts, pos = [], 0
        for t, _ in pieces:
            starts.append(pos)
            pos += len(t)

        def line_at(offset: int) -> int:
            i = bisect.bisect_right(starts, offset) - 1
            t, line = pieces[i]
            return line + t.count("\n", 0, offset - starts[i])

        pos = 0
        for m in _WS.finditer(raw):
            if m.start() > pos:
                out.append((raw[pos:m.start()], line_at(pos)))
            before = raw[m.start() - 1] if m.start() > 0 else ""
            after = raw[m.end()] if m.end() < len(raw) else ""
            ws = m.group(0)
            if before and after and not ("\n" in ws and _WIDE.match(before) and _WIDE.match(after)
                                         and not set(ws) & {"\xa0", "\u3000"}):
                out.append((" ", line_at(m.start())))
            pos = m.end()
        if pos < len(raw):
            out.append((raw[pos:], line_at(pos)))
        return out


def _extract(root: Any, counts: dict[Any, tuple[int, int]], lines: _Lines, builder: _Builder,
             deadline: Deadline) -> None:
    count = 0
    root_han = counts.get(root, (0, 0))[0]

    def boilerplate(el: Any) -> bool:
        """A menu, share bar or footer inside the content: link-heavy or small, never a block of real text."""
        total, links = counts.get(el, (0, 0))
        return _is_boilerplate(el) and (links * 2 > total or total * 4 < root_han)

    def visit(el: Any) -> None:
        nonlocal count
        tag = _tag(el)
        if tag in _DROP_TAGS or (tag and el is not root and boilerplate(el)):
            return
        block = tag in _BLOCK_TAGS
        if block:
            builder.end()
        if isinstance(el.tag, str) and el.text:
            builder.add(el.text, lines.locate(el.text, el.sourceline))
        for child in el:
            if isinstance(child.tag, str):
                visit(child)
            elif _is_marker(child):  # <!-- govproof: ignore S101 --> keeps working in extracted text
                builder.add(f" {child.text.strip()} ", child.sourceline or lines.locate("", None))
            if child.tail:
                builder.add(child.tail, lines.locate(child.tail, None))
        if block:
            builder.end()
        count += 1
        if count % 500 == 0:
            deadline.check()

    visit(root)
    builder.end()


def _is_marker(node: Any) -> bool:
    from lxml import etree

    return node.tag is etree.Comment and "govproof:" in (node.text or "")


_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|tit|bt|biaoti|headline|article-?title)(?:$|[\s_-])", re.I)
_DOC_TITLE_END = re.compile(r"(?:通知|决定|意见|办法|规定|公告|通告|通报|报告|批复|函|方案|规划|细则|纪要|答复书|告知书|决定书|公示|条例|"
                            r"要点|总结|的复函|的请示)$")


def _page_title(tree: Any, body: Any, root: Any) -> tuple[str, int] | None:
    """The article's title: a declared ArticleTitle, else the heading just before the content, else <title>."""
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() in ("articletitle", "title") and meta.get("content", "").strip():
            return _WS.sub(" ", meta.get("content")).strip(), meta.sourceline or 1
    page_title = ""
    for t in tree.iter("title"):
        page_title = _WS.sub(" ", t.text_content()).strip()
        if page_title:
            head = re.split(r"\s*(?:_|\||｜|--|——| - )\s*", page_title)[0]
            fallback = (head if _han(head) >= 4 else page_title), t.sourceline or 1
            break
    else:
        fallback = None
    heading = None
    for el in body.iter():
        if el is root:
            break
        if not isinstance(el.tag, str) or _in_link(el):
            continue
        tag = _tag(el)
        if tag in ("h1", "h2", "h3", "b", "strong", "font") or _TITLE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            text = _WS.sub(" ", el.text_content()).strip()
            if 4 <= _han(text) and len(text) <= 80 and (text in page_title or _DOC_TITLE_END.search(text)):
                heading = text, el.sourceline or 1
    return heading or fallback


@register(".html", ".htm", ".shtml", ".xhtml")
def load_html(data: bytes, path: str, limits: Limits) -> Document:
    try:
        import lxml.html
        from lxml import etree
    except ImportError:
        raise LoadError("读取网页需要 lxml：pip install lxml") from None
    deadline = Deadline(limits.max_seconds)
    source, encoding = decode_page(data)
    source = _XML_DECL.sub(lambda m: "\n" * m.group(0).count("\n"), source, count=1)
    if not source.strip():
        raise LoadError("网页是空的")
    try:
        tree = lxml.html.document_fromstring(source, parser=lxml.html.HTMLParser(huge_tree=False, no_network=True))
    except (etree.ParserError, ValueError) as e:
        raise LoadError("无法解析网页", detail=str(e)) from None
    deadline.check()
    body = tree.find("body") if tree.find("body") is not None else tree
    root, counts = _main_content(body)
    builder = _Builder()
    _extract(root, counts, _Lines(source, root.sourceline or 1), builder, deadline)
    paragraphs = [p for p in (_Builder.fold(raw) for raw in builder.paragraphs) if "".join(t for t, _ in p).strip()]
    for node in tree.iter(etree.Comment):
        if _is_marker(node) and "ignore-file" in node.text:
            paragraphs.insert(0, [(node.text.strip(), node.sourceline or 1)])
    title = _page_title(tree, body, root)
    if title and (not paragraphs or title[0].replace(" ", "") not in
                  "".join(t for p in paragraphs[:5] for t, _ in p).replace(" ", "")):
        paragraphs.insert(0, [(title[0], title[1])])
    text_parts: list[str] = []
    source_map: list[tuple[int, dict[str, Any]]] = []
    pos = 0
    for n, pieces in enumerate(paragraphs, 1):
        last_line = None
        for t, line in pieces:
            if line != last_line:
                source_map.append((pos, {"paragraph": n, "table_cell": None, "page": None, "source_line": line}))
                last_line = line
            text_parts.append(t)
            pos += len(t)
        text_parts.append("\n")
        pos += 1
    text = "".join(text_parts).rstrip("\n")
    if not text.strip():
        raise LoadError("网页中没有找到正文文字")
    meta = {"format": "html", "title": title[0] if title else None}
    return Document(text=text, path=path, encoding=encoding, source_map=source_map, meta=meta)
