"""C107: words quoted as a provision's text that are not in that provision."""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from typing import Iterator

import regex

from ...finding import Finding
from .analysis import Analysis
from .catalog import MISQUOTE
from .formatting import format_provision
from .regulation import Provision, Regulation

# `第三十六条第（四）项“…”的规定`, `第十六条规定：“…”`
_LEAD = regex.compile(r"(?:之|的)?(?:相关|有关)?(?:规定|明确规定|明确|载明|指出)?\s*[:：，,]?\s*[“\"]([^“”\"\n]{1,400})[”\"]")
_MARKER = regex.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")
_STRIP = regex.compile(r"[\p{P}\p{S}\s]+")
_ELLIPSIS = regex.compile(r"…+|\.{3,}|⋯+")
MIN_CHARS = 8


def normalize(s: str) -> str:
    """Compare words, not punctuation or width: NFKC, no item markers, no punctuation or spaces."""
    return _STRIP.sub("", _MARKER.sub("", unicodedata.normalize("NFKC", s)))


def _found(quote: str, body: str) -> bool:
    """Every part of the quote (split at ……) occurs in the body, in order."""
    pos = 0
    for part in _ELLIPSIS.split(quote):
        part = normalize(part)
        if not part:
            continue
        i = body.find(part, pos)
        if i < 0:
            return False
        pos = i + len(part)
    return True


def _source_of(reg: Regulation, quote: str) -> Provision | None:
    """The most specific provision whose text holds the whole quote."""
    for number, art in reg.articles.items():
        if not _found(quote, normalize(reg.text(Provision(number)))):
            continue
        for pi, para in enumerate(art["paragraphs"], 1):
            for ii in range(1, len(para["items"]) + 1):
                if _found(quote, normalize(reg.text(Provision(number, pi, ii)))):
                    return Provision(number, None if len(art["paragraphs"]) == 1 else pi, ii)
            if len(art["paragraphs"]) > 1 and _found(quote, normalize(reg.text(Provision(number, pi)))):
                return Provision(number, pi)
        return Provision(number)
    return None


def check(a: Analysis) -> Iterator[Finding]:
    text, reg = a.doc.text, a.regulation
    for chain in a.ogi_chains:
        m = _LEAD.match(text, chain.end)
        if not m:
            continue
        quote = m.group(1)
        words = normalize(quote)
        if len(words) < MIN_CHARS:
            continue
        cited = [e.provision for e in chain.elements if reg.exists(e.provision)]
        if not cited:
            continue
        if _found(quote, "".join(normalize(reg.text(p)) for p in cited)):
            continue
        source = _source_of(reg, quote)
        if source is not None and any(source.covers(p) for p in cited):
            continue   # the quote runs over the article's lead-in and the cited item
        qs, qe = m.span(1)
        names = "、".join(format_provision(p) for p in cited)
        evidence = "\n".join(reg.quote(p) for p in cited)
        if source is not None:
            msg = f"引号中的文字不是{names}的原文，出自{format_provision(source)}"
            evidence += "\n引文出处：" + reg.quote(source)
        else:
            body = normalize("".join(reg.text(p) for p in cited))
            ratio = SequenceMatcher(None, words, body, autojunk=False)
            matched = sum(b.size for b in ratio.get_matching_blocks())
            share = matched / len(words)
            msg = (f"引号中的文字与{names}原文不一致（约{share:.0%}的字相符），作为条文原文引用时应与原文一致"
                   if share >= 0.5 else f"引号中的文字在{names}中找不到，作为条文原文引用时应与原文一致")
        yield MISQUOTE.finding(qs, qe, quote, msg, evidence=evidence)
