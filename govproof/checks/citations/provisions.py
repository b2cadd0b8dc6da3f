"""C101 (no such provision), C102 (2007 numbering), C103 (provision does not fit the decision)."""
from __future__ import annotations

from typing import Iterator

import regex

from ...finding import Finding
from .analysis import Analysis
from .catalog import MISMATCH, NONEXISTENT, REPEALED_NUMBERING
from .decisions import situations_in, states_a_decision
from .formatting import Style, format_provision
from .parser import Chain, Element
from .regulation import Provision, load
from .tables import Situation, counterparts, situations


def check(a: Analysis) -> Iterator[Finding]:
    for chain in a.ogi_chains:
        missing = [e for e in chain.elements if not e.implied and not a.regulation.exists(e.provision)]
        if a.doc.in_region(chain.start, chain.end, ("quote",)):
            # quoted words (an earlier letter's title, the applicant's request) may be from either version's time
            other = load("2007" if a.version == "2019" else "2019")
            missing = [e for e in missing if not other.exists(e.provision)]
        for e in missing:
            yield _missing(a, chain, e)
        if not missing:
            f = _old_number_for_topic(a, chain) or _fit(a, chain)
            if f:
                yield f


def _suggestion(a: Analysis, chain: Chain, e: Element, new: Provision) -> str | None:
    """The replacement for the element's own span, written in the document's style; None when it cannot be exact."""
    shared = sum(1 for x in chain.elements if (x.start, x.end) == (e.start, e.end)) > 1
    if shared or not e.has_article:
        return None
    return format_provision(new, e.style)


def _label(e: Element, a: Analysis) -> str:
    return a.doc.text[e.start:e.end]


def _missing(a: Analysis, chain: Chain, e: Element) -> Finding:
    reg = a.regulation
    _, why = reg.resolve(e.provision)
    text = _label(e, a)
    if a.version == "2019":
        old = load("2007")
        old_full, _ = old.resolve(e.provision)
        if old_full is not None:
            f = _repealed(a, chain, e, old_full)
            if f:
                return f
    art = reg.articles.get(e.provision.article)
    evidence = reg.quote(Provision(e.provision.article)) if art else (
        f"《中华人民共和国政府信息公开条例》（{reg.order}，{reg.version}年版）共{reg.article_count()}条")
    msg = f"《中华人民共和国政府信息公开条例》中没有“{text}”：{why}"
    p = e.provision
    as_item = Provision(p.article, None, p.paragraph)
    if p.paragraph is not None and p.item is None and reg.exists(as_item):
        # 第三十六条第（四）款: 项 written as 款
        style = Style(e.style.arabic, "paren" if regex.search(r"[（(]", text) else "bare")
        right = format_provision(as_item, style)
        suggestion = right if e.has_article and _suggestion(a, chain, e, as_item) else None
        return NONEXISTENT.finding(e.start, e.end, text, f"{msg}；此处应是“项”：{right}",
                                   suggestion=suggestion, evidence=reg.quote(as_item))
    return NONEXISTENT.finding(e.start, e.end, text, msg, evidence=evidence)


def _repealed(a: Analysis, chain: Chain, e: Element, old_full: Provision) -> Finding | None:
    """A citation that does not exist in 2019 but does in 2007."""
    old = load("2007")
    new = a.regulation
    text = _label(e, a)
    decided = a.decision_at(e.start)
    stated = [s for s in decided if s.accepts("2007", old_full) and s.primary("2019")]
    if decided and not stated and any(s.cite.get("2007") for s in decided):
        return None   # the 2007 provision is about something else than the decision stated: just a wrong number
    targets = counterparts(old_full)
    if len(stated) == 1:
        # the counterpart that fits the stated situation (21(2) → 36(3)), else the situation's own provision
        fitting = tuple(t for t in targets or () if stated[0].accepts("2019", t))
        targets = fitting if len(fitting) == 1 else (stated[0].primary("2019"),)
    if targets is None:
        return None
    evidence = old.quote(old_full)
    if not targets:
        msg = f"“{text}”是2007年版条例的条文序号，该条款在2019年修订时已删除，现行条例没有对应规定"
        return REPEALED_NUMBERING.finding(e.start, e.end, text, msg, evidence=evidence)
    names = "、".join(format_provision(t) for t in targets)
    evidence += "\n" + "\n".join(new.quote(t) for t in targets)
    if len(targets) == 1:
        msg = (f"“{text}”是2007年版条例（已于2019年5月15日被修订）的条文序号，现行条例对应的是{names}")
        return REPEALED_NUMBERING.finding(e.start, e.end, text, msg, evidence=evidence,
                                          suggestion=_suggestion(a, chain, e, targets[0]))
    msg = (f"“{text}”是2007年版条例（已于2019年5月15日被修订）的条文序号，现行条例分别规定在{names}，"
           "请按答复情形选择")
    return REPEALED_NUMBERING.finding(e.start, e.end, text, msg, evidence=evidence)


# The clause a citation belongs to ends at the nearest 。；：or line break on either side.
_CLAUSE_END = regex.compile(r"[。；;：:\n]")


_COMMA = regex.compile(r"[，,]")


def _clause(a: Analysis, chain: Chain) -> tuple[int, int]:
    """The citation's own clause with at most one comma-clause either side (`…无关，根据第十三条的规定，本机关不予提供`),
    cut where another citation of the regulation begins or ends."""
    text = a.doc.text
    start = max((m.end() for m in _CLAUSE_END.finditer(text, a.sentence(chain.start)[0], chain.start)), default=0)
    end = m.start() if (m := _CLAUSE_END.search(text, chain.end)) else len(text)
    before = [m.end() for m in _COMMA.finditer(text, start, chain.start)]
    after = [m.start() for m in _COMMA.finditer(text, chain.end, end)]
    start = before[-2] if len(before) >= 2 else start
    end = after[1] if len(after) >= 2 else end
    for other in a.ogi_chains:
        if other is not chain and start <= other.end <= chain.start:
            start = other.end
        if other is not chain and chain.end <= other.start < end:
            end = other.start
    return start, end


def _old_number_for_topic(a: Analysis, chain: Chain) -> Finding | None:
    """`第二十四条的规定，本机关应在20个工作日内答复`, `第十三条规定的申请条件`: the clause names what the citation is
    for, the number is the 2007 article of that topic and the 2019 article of that number is about something else.
    Judged on the clause alone, so a correct citation of the decision in the same sentence does not hide it.
    A 2019 article that grounds another decision (商业秘密 citing 第十四条) is left to C103."""
    if a.version != "2019" or a.is_regulation_text or a.doc.in_region(chain.start, chain.end, ("quote",)):
        return None
    own = situations_in(a.doc.text, *_clause(a, chain))
    for e in chain.elements:
        if e.implied or any(s.accepts("2019", e.provision) for s in own) or _owner("2019", e.provision):
            continue   # right, or the 2019 article grounds another decision (C103 says which fits)
        topic = next((s for s in own if s.marks("2007", e.provision) and s.primary("2019")), None)
        if topic is None:
            continue
        right = topic.primary("2019")
        text = _label(e, a)
        msg = (f"本句所引“{text}”是2007年版条例中“{topic.name}”的条文序号（已于2019年修订时改变），"
               f"现行条例应引用{format_provision(right)}")
        evidence = f"{load('2007').quote(e.provision)}\n应引{a.regulation.quote(right)}"
        return REPEALED_NUMBERING.finding(e.start, e.end, text, msg, evidence=evidence,
                                          suggestion=_suggestion(a, chain, e, right))
    return None


# words of an answer other than a refusal, in a paragraph that also refuses
_ANOTHER_ANSWER = regex.compile(r"提供|其余|其他部分|部分公开|区分处理|不存在|未制作|未获取|不属于本机关|已(?:经)?(?:主动)?(?:公开|公布)|重复|告知您")


def _wrong_item_in_list(a: Analysis, chain: Chain, stated: list[Situation]) -> Finding | None:
    """`国家秘密…根据第十四条、第三十六条第（四）项的规定，不予公开`: the list grounds a refusal, but one of its
    第三十六条 items is the answer for another situation that the paragraph does not state (信息不存在).
    Only for refusals (every situation stated answers with 第三十六条第（三）项): other answers are often given
    together (已公开 and 不存在 for parts of one request) in words the situations table may not know."""
    version, doc = a.version, a.doc
    refusal = Provision(36, None, 3)
    if version != "2019" or not all(s.accepts(version, refusal) for s in stated):
        return None
    para = a.paragraph(chain.start)
    if _ANOTHER_ANSWER.search(doc.text, *para) or any(e.provision.article == 37 for e in chain.elements):
        return None   # a part is answered otherwise (其余部分提供给您), however the table words it
    around = situations_in(doc.text, *para)
    items = [p for s in stated for p in (*s.cite.get(version, ()), *s.also.get(version, ()))
             if p.article == 36 and p.item is not None]
    for e in chain.elements:
        p = e.provision
        if e.implied or p.article != 36 or p.item is None or any(s.accepts(version, p) for s in stated):
            continue
        owner = _owner(version, p)
        if owner is None or owner in around:
            continue
        right = items[0] if len(set(items)) == 1 else None
        text = _label(e, a)
        names = "、".join(f"“{s.name}”" for s in stated)
        msg = (f"本段答复的情形是{names}，所引“{text}”规定的是“{owner.name}”，与答复结论不符"
               + (f"，应引用{format_provision(right)}" if right else ""))
        evidence = f"所引{a.regulation.quote(p)}" + (f"\n应引{a.regulation.quote(right)}" if right else "")
        return MISMATCH.finding(e.start, e.end, text, msg, evidence=evidence,
                                suggestion=_suggestion(a, chain, e, right) if right else None)
    return None


def _owner(version: str, p: Provision) -> Situation | None:
    for s in situations():
        if s.marks(version, p):
            return s
    return None


def _fit(a: Analysis, chain: Chain) -> Finding | None:
    """The decision stated around the citation has its own provision; say so when the citation names another's."""
    doc = a.doc
    if doc.in_region(chain.start, chain.end, ("quote",)):
        return None
    para = a.paragraph(chain.start)
    if a.is_regulation_text or not (a.is_reply or states_a_decision(doc, *para)):
        return None
    stated = [s for s in a.decision_at(chain.start) if s.primary(a.version)]
    version = a.version
    cited = list(chain.elements)
    if not stated:
        return None
    if any(s.accepts(version, e.provision) for s in stated for e in cited):
        return _wrong_item_in_list(a, chain, stated)
    # The citing sentence names what it cites for (`根据第三十三条第二款，本机关应在20个工作日内答复`), or, naming
    # nothing, cites a side topic of the letter (`也可以依照第五十一条投诉、举报`): not the decision's ground.
    own = situations_in(doc.text, *a.sentence(chain.start))
    if any((s.side or not s.fallback) and s.accepts(version, e.provision) for s in own for e in cited):
        return None
    if not own and any(s.side and s.marks(version, e.provision) for s in situations() for e in cited):
        return None
    # Another citation in the sentence already grounds the decision: this one cites something else (a deadline…).
    sentence = a.sentence(chain.start)
    for other in a.ogi_chains:
        if other is not chain and sentence[0] <= other.start < sentence[1] and any(
                s.accepts(version, e.provision) for s in stated for e in other.elements):
            return None
    # A suggestion only when one provision is right for every situation stated; else the reviewer chooses.
    rights = list(dict.fromkeys(s.primary(version) for s in stated))
    common = [p for p in rights if all(t.accepts(version, p) for t in stated)]
    if len(common) > 1:
        common = [s.primary(version) for s in stated if not s.step and s.primary(version) in common]
    right = common[0] if len(common) == 1 else None
    first = next((e for e in cited if not e.implied), cited[0])
    owner = next((o for o in (_owner(version, e.provision) for e in cited) if o), None)
    reg = a.regulation
    text = _label(first, a)
    where = "本句" if situations_in(doc.text, *a.sentence(chain.start)) else "本段"
    names = "、".join(f"“{s.name}”" for s in stated)
    should = (f"应引用{format_provision(right)}" if right else
              "应分别引用" + "、".join(format_provision(p) for p in rights))
    shown = [right] if right else rights
    if owner is not None and not all(s.only_repealed for s in stated):
        msg = f"{where}答复的情形是{names}，所引“{text}”规定的是“{owner.name}”，{should}"
        evidence = f"所引{reg.quote(first.provision)}\n" + "\n".join(f"应引{reg.quote(p)}" for p in shown)
        return MISMATCH.finding(first.start, first.end, text, msg, evidence=evidence,
                                suggestion=_suggestion(a, chain, first, right) if right else None)
    # a loose topic alone (the reply period) is judged on the citation's own clause: _old_number_for_topic
    if version == "2019" and not all(s.only_repealed for s in stated) and any(
            s.accepts("2007", e.provision) for s in stated for e in cited):
        old = load("2007")
        msg = f"“{text}”是2007年版条例中{names}的依据（条文序号已于2019年修订时改变），现行条例{should}"
        evidence = f"{old.quote(first.provision)}\n" + "\n".join(f"应引{reg.quote(p)}" for p in shown)
        return REPEALED_NUMBERING.finding(first.start, first.end, text, msg, evidence=evidence,
                                          suggestion=_suggestion(a, chain, first, right) if right else None)
    if right is not None and reg.exists(first.provision) and first.provision.article == right.article and (
            first.provision.paragraph is not None or first.provision.item is not None):
        # the right article, the wrong 款 or 项 (延长答复期限 citing 第三十三条第一款, which is 当场答复)
        msg = f"{where}答复的情形是{names}，所引“{text}”是同一条的另一款（项），{should}"
        evidence = f"所引{reg.quote(first.provision)}\n应引{reg.quote(right)}"
        return MISMATCH.finding(first.start, first.end, text, msg, evidence=evidence,
                                suggestion=_suggestion(a, chain, first, right))
    return None
