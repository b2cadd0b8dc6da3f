"""C108 (a reply letter lacks a required element) and C109 (wrong 行政复议 / 行政诉讼 period)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

from ...dates import ARABIC_DATE, CHINESE_DATE, parse_date_match
from ...finding import Finding
from . import letter_kind
from .analysis import Analysis
from .catalog import MISSING_ELEMENT, REMEDY_PERIOD
from .decisions import situations_in
from .tables import situations
from .numerals import chinese_to_int
from .regulation import Provision

_RECEIVED = regex.compile(r"收到|收悉|受理|签收")
_SUBMITTED = regex.compile(r"提交|提出|递交|寄送|申请")
_SHORT_DATE = regex.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DECISION = regex.compile(r"予以公开|不予公开|部分公开|不予提供|不予处理|不予受理|提供|邮寄给您|主动公开|不存在|不属于|现告知|特此告知")
_PERIOD = regex.compile(r"(?P<num>\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?P<unit>个工作日|个月|日|天|月)内?")
_AFTER = regex.compile(r"[^。；，,\n]{0,6}?(?:的)?(?:期限|时限)(?:为|是)?(?P<rest>[^。；，,\n]{0,12})")
_REMEDY = regex.compile(r"行政复议|行政诉讼|提起诉讼|向人民法院起诉")
LITIGATION_6_MONTHS = dt.date(2015, 5, 1)   # 行政诉讼法 2014 修正：起诉期限由三个月改为六个月


@dataclass(frozen=True)
class Received:
    start: int
    end: int
    date: dt.date
    submitted: bool   # the date is when the applicant sent it (提交/提出); receipt may be later


_SENT = regex.compile(r"[^，。；]{0,12}?(?:提交|提出|递交|寄出|寄送|邮寄)")
_GOT = regex.compile(r"收到|签收|受理")


def received_date(a: Analysis) -> Received | None:
    """The date the application was received, from a sentence saying so (收到/收悉/受理, else 提交).

    With several dates in the sentence (提交 then 签收) the latest is the receipt.
    """
    doc, text = a.doc, a.doc.text
    best: Received | None = None
    for s, e in doc.sentences:
        line = text[s:e].strip()
        if ARABIC_DATE.fullmatch(line) or CHINESE_DATE.fullmatch(line):
            continue
        strong = bool(_RECEIVED.search(text, s, e))
        if not strong and not _SUBMITTED.search(text, s, e):
            continue
        dates = _dates_in(text, s, e, doc.date)
        if not dates:
            continue
        start, end, date = max(dates, key=lambda d: d[2])
        sent = bool(_SENT.match(text, end, e)) and not _GOT.search(text, end, min(e, end + 14))
        r = Received(start, end, date, submitted=sent or not strong)
        if strong:
            return r
        best = best or r
    return best


def _dates_in(text: str, s: int, e: int, context: dt.date) -> list[tuple[int, int, dt.date]]:
    found = []
    for pat in (ARABIC_DATE, CHINESE_DATE):
        for m in pat.finditer(text, s, e):
            d = parse_date_match(m)
            if d:
                found.append((m.start(), m.end(), d))
    if found:
        return found
    for m in _SHORT_DATE.finditer(text, s, e):
        try:
            d = dt.date(context.year, int(m.group(1)), int(m.group(2)))
        except ValueError:
            continue
        if d > context:
            d = d.replace(year=d.year - 1)
        found.append((m.start(), m.end(), d))
    return found


def check(a: Analysis) -> Iterator[Finding]:
    if a.about_ogi:
        yield from _periods(a)
    if a.is_reply:
        yield from _missing(a)


def _anchor(a: Analysis) -> tuple[int, int]:
    span = letter_kind.title_line(a.doc)
    if span:
        return span
    return a.doc.paragraphs[0] if a.doc.paragraphs else (0, 0)


def _remedy_periods(a: Analysis) -> list[tuple[str, "regex.Match[str] | None", int]]:
    """(kind, the period written before it or None, position) for each 行政复议 / 行政诉讼 named."""
    text = a.doc.text
    out = []
    for m in _REMEDY.finditer(text):
        kind = "复议" if m.group(0) == "行政复议" else "诉讼"
        lo = max(0, m.start() - 60)
        stop = max(text.rfind(c, lo, m.start()) for c in "。；\n")
        lo = max(lo, stop + 1)
        prev = [r for r in _REMEDY.finditer(text, lo, m.start())]
        if prev:
            lo = prev[-1].end()
        periods = list(_PERIOD.finditer(text, lo, m.start()))
        if not periods:
            # `申请行政复议的期限为60日`: the period after the name, in the same clause
            after = _AFTER.match(text, m.end())
            periods = [p for p in [_PERIOD.search(text, after.start("rest"), after.end())] if p] if after else []
        out.append((kind, periods[-1] if periods else None, m.start()))
    return out


def _periods(a: Analysis) -> Iterator[Finding]:
    text = a.doc.text
    for kind, period, pos in _remedy_periods(a):
        if period is None:
            continue
        n, unit = chinese_to_int(period.group("num")), period.group("unit")
        clause = text[period.start():pos]
        arabic = period.group("num").isdigit()
        if kind == "复议":
            if unit in ("日", "天") and n != 60:
                right = "60日" if arabic else "六十日"
            elif unit in ("个月", "月") and n not in (2,):
                right = "60日" if arabic else "六十日"
            else:
                continue
            law = "申请行政复议的期限是自知道该行政行为之日起六十日（《中华人民共和国行政复议法》第二十条，2023年修订前为第九条）"
        else:
            if "复议决定" in text[max(0, period.start() - 30):pos] or "复议" in clause:
                continue
            months = 6 if a.doc.date >= LITIGATION_6_MONTHS else 3
            if unit in ("个月", "月") and n != months:
                right = f"{months}个月" if arabic else f"{'六' if months == 6 else '三'}个月"
            elif unit in ("日", "天") and n not in (15, 180) and months == 6:
                right = "6个月" if arabic else "六个月"
            else:
                continue
            law = ("直接提起行政诉讼的期限是自知道或者应当知道作出行政行为之日起六个月（《中华人民共和国行政诉讼法》第四十六条）"
                   if months == 6 else "起诉期限是三个月（1989年《中华人民共和国行政诉讼法》第三十九条）")
        span = (period.start(), period.start() + len(period.group("num")) + len(period.group("unit")))
        written = text[span[0]:span[1]]
        yield REMEDY_PERIOD.finding(span[0], span[1], written, f"救济期限有误：“{written}”应为“{right}”。{law}",
                                    suggestion=right, evidence=a.regulation.quote(_remedy_article(a)))


def _remedy_article(a: Analysis) -> Provision:
    return Provision(51) if a.version == "2019" else Provision(33, 2)


def _cites_a_ground(a: Analysis) -> bool:
    """A provision that grounds a decision is cited (第三十六条第（四）项…): the letter states one, however worded."""
    return any(s.marks(a.version, e.provision) for c in a.ogi_chains for e in c.elements for s in situations()
               if s.id not in ("remedy", "fee", "deadline"))


def _missing(a: Analysis) -> Iterator[Finding]:
    text = a.doc.text
    start, end = _anchor(a)
    title = text[start:end]
    needed: list[str] = []
    if received_date(a) is None:
        needed.append("收到申请的日期（答复期限自收到申请之日起计算）")
    procedural = letter_kind.is_procedural(a.doc)
    if not procedural:
        decided = [s for s in situations_in(text, 0, len(text)) if s.id not in ("remedy", "fee")]
        if not decided and not _DECISION.search(text) and not _cites_a_ground(a):
            needed.append("答复结论（公开、不予公开、信息不存在等）")
    if not a.ogi_chains:
        needed.append("所依据的《中华人民共和国政府信息公开条例》具体条款")
    if not procedural:
        periods = _remedy_periods(a)
        for kind, label, period_text in (("复议", "申请行政复议", "60日"), ("诉讼", "提起行政诉讼", "6个月")):
            named = [p for k, p, _ in periods if k == kind]
            if not named:
                needed.append(f"救济途径：{label}（收到答复之日起{period_text}内）")
            elif not any(named):
                needed.append(f"{label}的期限（收到答复之日起{period_text}内）")
    if not needed:
        return
    reg = a.regulation
    grounds = [Provision(33, 2) if reg.version == "2019" else Provision(24, 2)] if needed[0].startswith("收到") else []
    if any(n.startswith(("答复结论", "所依据")) for n in needed):
        grounds.append(Provision(36 if reg.version == "2019" else 21))
    if any("行政" in n for n in needed):
        grounds.append(Provision(51 if reg.version == "2019" else 33, None if reg.version == "2019" else 2))
    evidence = "\n".join(reg.quote(p, limit=160) for p in grounds)
    yield MISSING_ELEMENT.finding(start, end, title, "答复书缺少：" + "；".join(needed), evidence=evidence)
