"""What a reply decides: the situations (rules/ogi/situations.yaml) stated in a sentence or paragraph."""
from __future__ import annotations

import regex

from ...document import Document
from .tables import Situation, situations

# `并非信访事项`, `不属于商业秘密`: a negated signal states nothing.
_NEGATION = regex.compile(r"(?:不属于|不涉及|并非|不是|不存在|未涉及|无)$")
# Who speaks: a reply addresses the applicant and speaks for the agency; the regulation's own text does neither.
REPLY_VOICE = regex.compile(
    r"您|你(?:单位|公司|们)?(?:的|于|申请|提出)|贵(?:单位|公司)|(?<!非)(?<!属于)本机关|本单位|"
    r"我(?:局|委|办|府|厅|部|署|院|单位|中心|机关|司|处)|本(?:局|委|办|府|厅|部|署|院|中心|司|处)")


def situations_in(text: str, start: int, end: int) -> list[Situation]:
    """The situations whose signals occur, un-negated, in text[start:end]."""
    found = []
    for s in situations():
        for pat in s.signals:
            if any(not _NEGATION.search(text, max(start, m.start() - 4), m.start()) for m in pat.finditer(text, start, end)):
                found.append(s)
                break
    specific = [s for s in found if not s.fallback]
    return specific or found


# A guide or notice states decisions about an applicant (`…的，依据第三十六条第（四）项告知申请人…`), or decides
# in so many words (`对涉及国家秘密的信息，依据第十五条不予公开`).
_DECIDING = regex.compile(r"申请人|申请公开的|所申请|不予公开|予以公开|不予提供|不予处理|不予重复处理|不作为政府信息公开申请处理")


def states_a_decision(doc: Document, start: int, end: int) -> bool:
    """The passage speaks of deciding an application: a reply's voice, or a guide's or notice's rule about applicants."""
    return bool(REPLY_VOICE.search(doc.text, start, end) or _DECIDING.search(doc.text, start, end))
