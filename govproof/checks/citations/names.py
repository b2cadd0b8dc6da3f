"""C105 (the regulation's name written wrongly) and C106 (short name before the full name in a reply)."""
from __future__ import annotations

from typing import Iterator

import regex

from ...finding import Finding, Severity
from . import letter_kind
from .analysis import Analysis
from .attribution import FULL_NAME, SHORT_NAME, is_ogi_title
from .catalog import SHORT_NAME as SHORT_RULE
from .catalog import WRONG_NAME
from .parser import N

_VERSION_NOTE = regex.compile(r"[（(][^（）()]{0,20}[）)]$")
_UNBRACKETED = regex.compile(r"(?<![《〈‘“\"'])(?:中华人民共和国)?政府信息公开条例(?![》〉’”\"'])")
_EVIDENCE = f"准确名称：《{FULL_NAME}》（2019年4月3日国务院令第711号修订）"
# The name used as the legal basis of what the sentence does: `根据政府信息公开条例第三十三条`, `依据新修订的政府信息公开条例`.
_BASIS_BEFORE = regex.compile(r"(?:根据|依据|依照|按照|遵照|违反|适用|对照|参照|据)[^，。；：\n]{0,8}$")
_BASIS_AFTER = regex.compile(rf"\s*(?:[（(][^（）()]{{0,20}}[）)])?\s*第\s*{N}\s*条")


def check(a: Analysis) -> Iterator[Finding]:
    yield from _wrong_titles(a)
    yield from _unbracketed(a)
    if letter_kind.is_formal(a.doc):
        yield from _short_names(a)


def _wrong_titles(a: Analysis) -> Iterator[Finding]:
    text = a.doc.text
    for r in a.refs:
        if r.kind != "title" or not is_ogi_title(r.name):
            continue
        core = _VERSION_NOTE.sub("", r.name).strip()
        if core in (FULL_NAME, SHORT_NAME):
            continue
        note = r.name[len(core):] if r.name.startswith(core) else ""
        yield WRONG_NAME.finding(r.start, r.end, text[r.start:r.end],
                                 f"条例名称有误：“{text[r.start:r.end]}”应为《{FULL_NAME}》",
                                 suggestion=f"《{FULL_NAME}{note}》", evidence=_EVIDENCE)


def _first_mention(a: Analysis) -> int:
    """Where the regulation is first named, in 《》 or not (len(text) when never)."""
    text = a.doc.text
    spots = [r.start for r in a.refs if r.kind == "title" and r.law == "ogi"]
    m = _UNBRACKETED.search(text)
    if m:
        spots.append(m.start())
    return min(spots, default=len(text))


_LABEL_BEFORE = regex.compile(r"[>|｜/·•»›\\_][ \t\u3000]*$")
_LABEL_AFTER = regex.compile(r"[ \t\u3000]*(?:$|[|｜<·•«‹(._-])", regex.M)


def _in_path(text: str, start: int, end: int) -> bool:
    """A file name (`行政法规/政府信息公开条例(2019-04-03).md`) or a menu label (`首页 > 政府信息公开条例`), not prose."""
    return bool(_LABEL_BEFORE.search(text, max(0, start - 4), start) or _LABEL_AFTER.match(text, end))


def _unbracketed(a: Analysis) -> Iterator[Finding]:
    doc, text = a.doc, a.doc.text
    first = _first_mention(a)
    for m in _UNBRACKETED.finditer(text):
        if doc.in_region(m.start(), m.end(), ("title", "url", "code")) or _in_path(text, m.start(), m.end()):
            continue
        ps, pe = a.paragraph(m.start())
        if text[ps:pe].strip(" \t\u3000#") == m.group(0):
            continue   # the heading of the regulation itself
        full = m.group(0).startswith("中华人民共和国") or m.start() == first
        name = FULL_NAME if full else SHORT_NAME
        severity, why = _bare_name_weight(a, m.start(), m.end())
        yield WRONG_NAME.finding(m.start(), m.end(), m.group(0), f"法规名称应加书名号：《{name}》。{why}",
                                 suggestion=f"《{name}》", evidence=_EVIDENCE, severity=severity)


def _bare_name_weight(a: Analysis, start: int, end: int) -> tuple[Severity, str]:
    """How much a name without 书名号 matters: as a legal basis an error, in a 公文 a warning, in other prose a hint."""
    text = a.doc.text
    if _BASIS_BEFORE.search(text, max(0, start - 12), start) or _BASIS_AFTER.match(text, end):
        return Severity.ERROR, "作为依据引用的法规须写准确名称并加书名号"
    if letter_kind.is_formal(a.doc):
        return Severity.WARNING, "公文中提及法规名称应加书名号（GB/T 15834—2011 第4.15条）"
    return Severity.INFO, "提示：按 GB/T 15834—2011 第4.15条，法规名称应加书名号；行文中的提及不影响文件效力"


def _short_names(a: Analysis) -> Iterator[Finding]:
    """In a formal document: the first mention is the full name; 《条例》 only after `（以下简称《条例》）`."""
    text = a.doc.text
    # an unintroduced 《条例》 after another 条例 was named is not attributed, but still needs the introduction
    titles = [r for r in a.refs if r.kind == "title" and (r.law == "ogi" or (r.name == "条例" and r.law is None))]
    if not any(r.law == "ogi" for r in titles):
        return
    first = titles[0]
    if first.name == SHORT_NAME:
        yield SHORT_RULE.finding(first.start, first.end, text[first.start:first.end],
                                 f"正式公文首次提及条例应使用全称《{FULL_NAME}》",
                                 suggestion=f"《{FULL_NAME}》", evidence=_EVIDENCE)
    # `（以下简称《条例》）`, also after a note in the same brackets: `（2019年修订，以下简称《条例》）`
    introduced = regex.search(r"[（(](?:[^（）()\n]{0,20}?[，,、；;]\s*)?(?:以下|下)(?:简)?称\s*[“\"《]?条例", text)
    for r in titles:
        if r.name != "条例":
            continue
        if introduced and introduced.start() < r.start:
            return
        full_before = any(t.name != "条例" and t.start < r.start for t in titles)
        if full_before:
            # the full name was given: 《条例》 can only mean it, unless the document names another 条例 too
            ambiguous = r.law is None or any(x.kind == "title" and x.law == "other" and x.name.endswith("条例")
                                             for x in a.refs)
            msg = ("使用简称《条例》前，应在首次出现的全称后注明“（以下简称《条例》）”" +
                   ("：文中还提到其他条例，简称可能指代不明" if ambiguous else "（提示：文中只提到这一部条例，指代明确）"))
            yield SHORT_RULE.finding(r.start, r.end, text[r.start:r.end], msg, evidence=_EVIDENCE,
                                     severity=None if ambiguous else Severity.INFO)
        else:
            msg = f"首次提及条例应写全称《{FULL_NAME}》，需要简称的注明“（以下简称《条例》）”"
            yield SHORT_RULE.finding(r.start, r.end, text[r.start:r.end], msg,
                                     suggestion=f"《{FULL_NAME}》（以下简称《条例》）", evidence=_EVIDENCE)
        return
