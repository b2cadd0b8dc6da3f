"""C104 / C111: time limits written in any document (20个工作日, 十五日, 1个月) against the regulation in force.

Data: rules/ogi/time_limits.yaml (which step a period belongs to, and what the regulation allows for it).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ...data import data_dir, load_yaml
from ...finding import Finding
from .analysis import Analysis
from .catalog import OUTDATED_RULE, WRONG_PERIOD
from .formatting import parse_spec
from .numerals import chinese_to_int, int_to_chinese
from .regulation import Provision, load

PERIOD = regex.compile(
    r"(?<![\d０-９.年月第])(?P<num>\d{1,3}|[０-９]{1,3}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?P<unit>个工作日|工作日|个自然日|自然日|个月|个星期|星期|周|日|天)")
_CLAUSE_EDGE = regex.compile(r"[，,。；;：:（）()\n！？]")
_WORKING_DAYS_PER = {"calendar": 5 / 7, "week": 5.0, "month": 21.0}
_EXTENDING = regex.compile(r"延长|延期")
_ANSWER = regex.compile(r"\s*答\s*[：:]")
# a 办事指南 names its subject in a field, not always in its title (`事项名称：政府信息依申请公开`)
_ITEM_NAME = regex.compile(r"^\s*(?:事项|服务事项|办理事项|业务)名称\s*[：:][^\n]*", regex.M)
_LABEL_CHARS = 12   # `法定办结时限：`, `征求第三方意见期限：`: a field's name, not a sentence


@dataclass(frozen=True)
class Limit:
    days: int
    provision: Provision


@dataclass(frozen=True)
class Step:
    id: str
    name: str
    clause: "regex.Pattern[str]"
    exclude: "regex.Pattern[str] | None"
    binding: str                      # cap | right
    sum_ok: bool                      # with 延长 in the sentence, the total (答复 + 延长) is lawful too
    states: "regex.Pattern[str] | None"
    limits: dict[str, Limit]
    context: "regex.Pattern[str] | None" = None   # the paragraph or the title must match
    promise: "regex.Pattern[str] | None" = None   # an office's promise or a count: the 2007 number only if stated
    near: "regex.Pattern[str] | None" = None      # with `topic`: a clause that only points at the step
    topic: "regex.Pattern[str] | None" = None     # ... whose sentence names it


@dataclass(frozen=True)
class Table:
    context: "regex.Pattern[str]"     # a paragraph (or title) about 政府信息公开
    elsewhere: "regex.Pattern[str]"   # a sentence about another procedure with its own periods
    history: "regex.Pattern[str]"
    skip: "regex.Pattern[str]"
    steps: tuple[Step, ...]


def _opt(pattern: str | None) -> "regex.Pattern[str] | None":
    return regex.compile(pattern) if pattern else None


@lru_cache(maxsize=1)
def table() -> Table:
    raw = load_yaml(data_dir("rules") / "ogi" / "time_limits.yaml")
    steps = tuple(Step(r["id"], r["name"], regex.compile(r["clause"]), _opt(r.get("not")),
                       r["binding"], bool(r.get("sum_ok")), _opt(r.get("states")),
                       {v: Limit(int(x["days"]), parse_spec(str(x["provision"]))) for v, x in r["limits"].items()},
                       _opt(r.get("context")), _opt(r.get("promise")), _opt(r.get("near")), _opt(r.get("topic")))
                  for r in raw["steps"])
    return Table(*(regex.compile(raw[k]) for k in ("context", "elsewhere", "history", "skip")), steps)


def _clause(text: str, m: "regex.Match[str]") -> str:
    """The clause around the period, the period written as `#` (what the table's regexes read).

    A period right after an opening bracket, or after a short label and a colon, keeps its label: `答复（15个工作日）`,
    `法定时限：15个工作日`, `答复期限：自收到申请之日起20日`.
    """
    start, end = m.span()
    edges = [e for e in _CLAUSE_EDGE.finditer(text, max(0, start - 80), start)]
    if edges and edges[-1].group() in "（(" and not text[edges[-1].end():start].strip():
        edges.pop()
    elif edges and edges[-1].group() in "：:":
        label_start = edges[-2].end() if len(edges) > 1 else max(0, start - 80)
        if not text[edges[-1].end():start].strip() or edges[-1].start() - label_start <= _LABEL_CHARS:
            edges.pop()
    lo = edges[-1].end() if edges else max(0, start - 80)
    stop = min(len(text), end + 80)
    e = _CLAUSE_EDGE.search(text, end, stop)
    if e and e.start() == end and e.group() in "）)":   # `法定期限（15个工作日）内答复`: read on past the bracket
        e = _CLAUSE_EDGE.search(text, e.end(), stop)
    return text[lo:start] + "#" + text[end:e.start() if e else stop]


def _step_of(t: Table, clause: str, sentence: str, where: str) -> Step | None:
    """The first step whose clause regex matches, else the first whose `near` matches and whose `topic` is in the
    sentence (a step's `context`, if any, must be in ``where``, the title and paragraph)."""
    usable = [s for s in t.steps if not (s.exclude is not None and s.exclude.search(clause))
              and (s.context is None or s.context.search(where))]
    for step in usable:
        if step.clause.search(clause):
            return step
    for step in usable:
        if step.near is not None and step.near.search(clause) and step.topic.search(sentence):
            return step
    return None


def _topic_text(a: Analysis, sentence: tuple[int, int]) -> str:
    """The sentence (or paragraph); for an FAQ answer (`答：…`) with the question before it, which names the subject."""
    text = a.doc.text
    own = text[slice(*sentence)]
    if not _ANSWER.match(own):
        return own
    start = a.paragraph(sentence[0])[0]
    before = [p for p in a.doc.paragraphs if p[1] <= start]
    return (text[slice(*before[-1])] + "\n" if before else "") + own


def _is_total(t: Table, version: str, m: "regex.Match[str]", text: str, sentence: tuple[int, int]) -> bool:
    """`确需延长的，最长不超过40个工作日`: the reply period and its extension together, in working days."""
    total = next((s.limits.get(version) for s in t.steps if s.id == "total"), None)
    return (total is not None and "工作日" in m.group("unit") and chinese_to_int(m.group("num")) == total.days
            and bool(_EXTENDING.search(text, *sentence)))


def _kind(unit: str) -> str:
    if "工作日" in unit:
        return "working"
    return {"个月": "month", "个星期": "week", "星期": "week", "周": "week"}.get(unit, "calendar")


def check(a: Analysis) -> Iterator[Finding]:
    if not a.about_ogi:
        return
    t, doc, text = table(), a.doc, a.doc.text
    item = _ITEM_NAME.search(text)
    subject = doc.title + ("\n" + item.group(0) if item else "")
    whole = a.is_reply or bool(t.context.search(subject))
    for m in PERIOD.finditer(text):
        if doc.in_region(m.start(), m.end(), ("quote", "title", "url")):
            continue
        paragraph = text[slice(*a.paragraph(m.start()))]
        # an FAQ answer (`答：…`) is about what its question names
        if not (whole or t.context.search(_topic_text(a, a.paragraph(m.start())))):
            continue
        sentence = a.sentence(m.start())
        if t.history.search(text, *sentence) or t.elsewhere.search(text, *sentence):
            continue
        clause = _clause(text, m)
        if t.skip.search(clause):
            continue
        step = _step_of(t, clause, _topic_text(a, sentence), subject + "\n" + paragraph)
        if step is None or a.version not in step.limits:
            continue
        if step.sum_ok and _is_total(t, a.version, m, text, sentence):
            continue
        f = _judge(a, step, m, clause, text[sentence[0]:m.start()])
        if f is not None:
            yield f


def _judge(a: Analysis, step: Step, m: "regex.Match[str]", clause: str, lead: str) -> Finding | None:
    """``lead``: the sentence up to the period (`收到申请后，本机关将在15个工作日内答复` states the rule)."""
    version = a.version
    limit = step.limits[version]
    n, kind = chinese_to_int(m.group("num")), _kind(m.group("unit"))
    arabic = not regex.match(r"[一二两三四五六七八九十]", m.group("num"))
    stated = step.binding == "right" or (
        step.states is not None and bool(step.states.search(clause) or step.states.search(lead)))
    other = "2007" if version == "2019" else "2019"
    was = step.limits.get(other)
    written = m.group(0)
    right = f"{limit.days if arabic else int_to_chinese(limit.days)}个工作日"
    law = limit.provision.label()
    evidence = a.regulation.quote(limit.provision)
    if kind == "working":
        if n == limit.days:
            return None
        plain = step.promise is not None and not (step.promise.search(clause) or step.promise.search(lead))
        if version == "2019" and was is not None and n == was.days and (stated or plain):
            num = m.span("num")
            msg = (f"现行条例规定{step.name}的期限是{limit.days}个工作日（{law}），"
                   f"{was.days}个工作日是2007年版条例的规定")
            return OUTDATED_RULE.finding(num[0], num[1], m.group("num"), msg,
                                         suggestion=right.removesuffix("个工作日"),
                                         evidence=f"{evidence}\n{load(other).quote(was.provision)}")
        if step.binding == "cap" and n < limit.days and not _quotes_the_law(lead):
            return None
        problem = (f"超过了条例规定的{limit.days}个工作日" if n > limit.days else f"与条例规定的{limit.days}个工作日不符")
    else:
        legal_number = n == limit.days or (was is not None and n == was.days)
        if step.binding == "cap" and not legal_number and n * _WORKING_DAYS_PER[kind] <= limit.days:
            return None   # `3日内答复`, `一周内答复`: an office's own shorter promise, not the law misstated
        unit = {"calendar": "自然日", "week": "周", "month": "月"}[kind]
        problem = f"条例规定的是{limit.days}个工作日，“{written}”按{unit}计算，与条例不符"
    note = ""
    if version == "2007" and was is not None and n == was.days:
        note = f"；{was.days}个工作日是2019年修订后的规定（2019年5月15日起施行），本文件日期适用2007年版"
    msg = f"{step.name}：“{written}”{problem}（{law}）{note}"
    return WRONG_PERIOD.finding(m.start(), m.end(), written, msg, suggestion=right if stated else None,
                                evidence=evidence)


# `按照《条例》规定，…应当…10个工作日内公开`: a shorter period given as the regulation's own rule misstates it; an
# office's own promise (结合实际, 承诺, 本机关…) stays a promise.
_LAW_SAYS = regex.compile(r"(?:按照|依照|根据|依据)《?(?:中华人民共和国)?政府信息公开条例》?(?:的)?规定[，,][^。；]*应当")
_OWN_PROMISE = regex.compile(r"结合|实际|承诺|力争|争取|要求|压缩|缩短|提速|本(?:机关|单位|局|区|市|县|部门|委)|各(?:单位|部门)")


def _quotes_the_law(lead: str) -> bool:
    return bool(_LAW_SAYS.search(lead)) and not _OWN_PROMISE.search(lead)
