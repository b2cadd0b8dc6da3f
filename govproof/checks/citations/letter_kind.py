"""Is this document a reply letter (依申请公开答复书, 告知书)? Its title says so, or --profile reply."""
from __future__ import annotations

import regex

from ...document import Document

_TITLE = regex.compile(
    r"^[#\s]*[\p{Han}（）()〔〕\[\]0-9０-９《》“”、]{0,40}(?:答复书|告知书|答复函|答复意见书|补正通知书|答复通知书|告知函)\s*$")
_PROCEDURAL = regex.compile(r"补正|延期|延长|征求")


_OGI = regex.compile(r"信息公开|公开申请|依申请")


def title_line(doc: Document) -> tuple[int, int] | None:
    """The paragraph that names the document as a reply to a 政府信息公开 application (one of the first four).

    A 行政处罚事先告知书 is a 告知书 too: the title or the letter must be about 信息公开.
    """
    for s, e in doc.paragraphs[:4]:
        if _TITLE.match(doc.text[s:e].strip()):
            if _OGI.search(doc.text, s, e) or _OGI.search(doc.text[:3000]):
                return s, e
            return None
    return None


def is_reply(doc: Document) -> bool:
    return doc.profile == "reply" or title_line(doc) is not None


def is_procedural(doc: Document) -> bool:
    """A 补正 / 延期 / 征求意见 notice: a step on the way, not the final decision."""
    span = title_line(doc)
    return span is not None and bool(_PROCEDURAL.search(doc.text, *span))


_FORMAL_TITLE = regex.compile(r"^[#\s]*(?:[\p{Han}]{2,30})?关于[^\n]{2,80}的(?:通知|意见|决定|通报|报告|批复|函|方案|办法|规定|请示|答复)\s*$")


def is_formal(doc: Document) -> bool:
    """A 公文 (its title is `关于…的通知` and the like, or a 发文字号 heads it) or a reply letter."""
    if is_reply(doc):
        return True
    head = doc.paragraphs[:5]
    if any(_FORMAL_TITLE.match(doc.text[s:e].strip()) for s, e in head[:3]):
        return True
    return bool(head) and any(s < head[-1][1] for s, _ in doc.regions("docnum"))
