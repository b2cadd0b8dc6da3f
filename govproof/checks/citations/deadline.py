"""C110: a reply dated after the statutory deadline, counted in official working days."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

import regex

from ...finding import Finding
from .analysis import Analysis
from .catalog import OVERDUE
from .letter import received_date
from .regulation import Provision

_EXTENDED = regex.compile(r"延长|延期")
# The clock stops or restarts: 补正 (counted from the corrected application), 征求意见 (time excluded; a third party's
# answer means one was consulted).
_CLOCK_CHANGES = regex.compile(r"补正|征求[^。；]{0,15}意见|第三方(?:不同意|同意|的?意见)")


def working_days(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Working days after ``start`` up to and including ``end``; True when the holiday calendar covered them all."""
    import chinese_calendar

    days, exact = 0, True
    d = start + dt.timedelta(days=1)
    while d <= end:
        try:
            work = chinese_calendar.is_workday(d)
        except NotImplementedError:
            work, exact = d.weekday() < 5, False
        days += work
        d += dt.timedelta(days=1)
    return days, exact


def check(a: Analysis) -> Iterator[Finding]:
    if not a.is_reply or a.doc.written_date is None:
        return
    text = a.doc.text
    if _CLOCK_CHANGES.search(text):
        return
    got = received_date(a)
    replied = a.doc.written_date
    if got is None or got.date >= replied or (replied - got.date).days > 366:
        return
    base = 20 if a.version == "2019" else 15
    extended = bool(_EXTENDED.search(text))
    limit = base * 2 if extended else base
    days, exact = working_days(got.date, replied)
    if days <= limit:
        return
    how = "按国家法定节假日安排计算" if exact else "所涉年份的节假日安排尚未收录，按周一至周五计算（未扣除法定节假日）"
    rule = (f"自收到申请之日起{base}个工作日内答复" + (f"，延长后最长{limit}个工作日" if extended else "，文中未说明延长答复期限"))
    when = f"{got.date.year}年{got.date.month}月{got.date.day}日"
    received = f"收到申请（{when}）" if not got.submitted else f"申请提交（{when}，收到日期可能稍晚）"
    msg = (f"{received}至答复（{replied.year}年{replied.month}月{replied.day}日）共{days}个工作日，"
           f"超过法定期限：{rule}。{how}")
    article = Provision(33, 2) if a.version == "2019" else Provision(24, 2)
    yield OVERDUE.finding(got.start, got.end, text[got.start:got.end], msg, evidence=a.regulation.quote(article),
                          confidence=0.7 if got.submitted else 0.95)
