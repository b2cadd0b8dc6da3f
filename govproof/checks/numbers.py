"""Numbers and dates that need arithmetic or a calendar (GB/T 15835-2011, GB/T 9704-2012).

N101 short years, N102 digits mixed with 十百千, N103 full-width digits, N106 impossible dates,
N107 a weekday that does not match its date, N108 the form of the 成文日期.
"""
from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Iterable, Iterator

import regex

from ..config import Config
from ..dates import CHINESE_DATE, chinese_small_number
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule
from .cjk import CN_DIGIT, TO_HALFWIDTH_DIGITS, inside, markup_comments

GBT15835 = "GB/T 15835-2011《出版物上数字用法》"
SKIP = ("url", "email", "latin", "code")

SHORT_YEAR = Rule(
    code="N101", name="short-year", severity=Severity.WARNING, fix="unsafe",
    summary="年份简写（24年3月）",
    source=f"{GBT15835} 第5章（年份不应简写）；GB/T 9704-2012（成文日期、发文字号的年份标全称）",
    doc="年份应写全：“2024年3月”不写作“24年3月”，“1998年”不写作“98年”。只在“××年×月”这种日期里报告，"
        "“工作满10年3个月”之类的时长不报告。建议的世纪按文件日期推断，需人工确认。",
    examples_hit=["24年3月起，全市推行“一网通办”。", "该厂于98年5月建成投产。"],
    examples_ok=["2024年3月起，全市推行“一网通办”。", "工作满10年3个月的职工可以申请。"],
)
MIXED_NUMBER = Rule(
    code="N102", name="mixed-number", severity=Severity.WARNING, fix="safe",
    summary="阿拉伯数字与“十、百、千”混写（3千万）",
    source=f"{GBT15835} 第5章（多位数：阿拉伯数字只与“万”“亿”连用）",
    doc="阿拉伯数字可以与“万”“亿”连用（3000万、1.2亿），但不能与“十、百、千”连用：“3千万元”应写作"
        "“3000万元”（或全用汉字“三千万元”）。千米、千克、千瓦等计量单位中的“千”不报告。",
    examples_hit=["项目总投资3千万元。", "全年接待游客1.5千万人次。", "发放补贴5百元。"],
    examples_ok=["项目总投资3000万元。", "线路全长35千米。", "装机容量10千瓦。", "项目总投资三千万元。"],
)
FULLWIDTH_DIGIT = Rule(
    code="N103", name="fullwidth-digit", severity=Severity.WARNING, fix="safe",
    summary="全角阿拉伯数字（２０２４）",
    source=f"{GBT15835}（阿拉伯数字的书写形式）；公文与网页排版惯例（阿拉伯数字用半角）",
    doc="阿拉伯数字应使用半角形式。全角数字（２０２４）在网页上显得字距松散，也会让检索、统计失效。",
    examples_hit=["全市共有１２个乡镇。", "２０２４年３月１日起施行。"],
    examples_ok=["全市共有12个乡镇。"],
)
IMPOSSIBLE_DATE = Rule(
    code="N106", name="impossible-date", severity=Severity.ERROR, fix="none",
    summary="不存在的日期（2月30日、13月、4月31日）",
    source=f"{GBT15835}（时间的表示）；公历历法",
    doc="月份只有1～12月，各月天数不同，平年2月只有28天。不存在的日期多是笔误，需核对原始材料后改正。",
    examples_hit=["请于2月30日前报送材料。", "2023年2月29日召开会议。", "自2024年13月1日起施行。", "二〇二四年四月三十一日"],
    examples_ok=["请于2月28日前报送材料。", "2024年2月29日召开会议。", "二〇二四年四月三十日"],
)
WEEKDAY = Rule(
    code="N107", name="weekday-mismatch", severity=Severity.ERROR, fix="unsafe",
    summary="日期与星期不符（2024年11月25日（星期二））",
    source="公历历法；GB/T 15835-2011（时间的表示）",
    doc="日期后括注的星期与日历不符时，读者无法判断哪一个是对的，会议、报名等事项可能因此错过。"
        "没写年份的日期按它前面最近的完整日期推算年份（月日更早的算下一年）；前面没有完整日期的，"
        "按文末成文日期的年份及下一年推算，两年都对不上才报告；找不到年份的不判断。"
        "建议改正星期，但也可能是日期写错了，需人工确认。",
    examples_hit=["定于2024年11月25日（星期二）上午9时召开会议。", "报名截止时间为2025年1月6日星期五。",
                  "2024年2月10日至17日放假调休，共8天。2月4日（星期六）上班。"],
    examples_ok=["定于2024年11月25日（星期一）上午9时召开会议。", "定于11月25日（周一）召开会议。",
                 "2019年春节放假安排：2月4日至10日放假调休，共7天。2月2日（星期六）上班。",
                 "2月2日（星期六）、2月3日（星期日）上班。"],
)
WRITTEN_DATE = Rule(
    code="N108", name="written-date-form", severity=Severity.WARNING, fix="safe",
    summary="成文日期格式不规范（2024年03月05日、二〇二四年三月五日、2024.3.5）",
    source="GB/T 9704-2012《党政机关公文格式》7.3.5（发文机关署名、成文日期和印章）",
    doc="GB/T 9704-2012 规定：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位"
        "（即1不编为01）。2012年7月1日以前的公文按旧标准用汉字数字，不报告。"
        "只检查文末单独成行的日期（落款日期）。",
    examples_hit=["关于做好2024年春节期间安全生产工作的通知\n各乡镇人民政府：\n请认真贯彻落实。\n县人民政府办公室\n2024年03月05日",
                  "关于做好2024年春节期间安全生产工作的通知\n各乡镇人民政府：\n请认真贯彻落实。\n县人民政府办公室\n二〇二四年三月五日",
                  "关于做好春节期间安全生产工作的通知\n各乡镇人民政府：\n请认真贯彻落实。\n县人民政府办公室\n2024.3.5"],
    examples_ok=["关于做好2024年春节期间安全生产工作的通知\n各乡镇人民政府：\n请认真贯彻落实。\n县人民政府办公室\n2024年3月5日",
                 "关于做好2010年春节期间安全生产工作的通知\n各乡镇人民政府：\n请认真贯彻落实。\n县人民政府办公室\n二〇一〇年一月五日"],
)

_SHORT_YEAR = regex.compile(r"(?<![\d０-９.．/\-〔\[【（(第])(?<y>\d{2})年(?<m>\d{1,2})月(?!份?[个以])")
_MIXED = regex.compile(r"(?<![\d.．])(?<n>\d+(?:\.\d+)?)(?<u>[十百千])(?:(?<big>[万亿])|(?=[元人个家户余多名项次岁吨辆套件台间]))")
_MULT = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = regex.compile(r"[０-９]+(?:[．.][０-９]+)?")
_YMD = regex.compile(r"(?<![\d０-９])(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?")
_MD = regex.compile(r"(?<![\d０-９年.．/\-])(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")
_WEEKDAY = regex.compile(r"\s*[（(]?\s*(?<w>(?:星期|周|礼拜)[一二三四五六日天])\s*[）)]?")
_WEEKDAY_NUM = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_ZH = "一二三四五六日"
_DOTTED_DATE_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?<y>(?:19|20)\d{2})(?<s>[./\-])(?<m>\d{1,2})(?P=s)(?<d>\d{1,2})[ \t\u3000]*$")
_DATE_LINE = regex.compile(
    r"(?m)^[ \t\u3000]*(?:(?<y>(?:19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日|"
    r"(?<cy>[〇○零Ｏ一二三四五六七八九]{4})年(?<cm>[一二三四五六七八九十]{1,3})月(?<cd>[一二三四五六七八九十]{1,3})日)[ \t\u3000]*$")
GBT9704_IN_FORCE = dt.date(2012, 7, 1)


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


class NumberCheck(Check):
    def rules(self) -> list[Rule]:
        return [SHORT_YEAR, MIXED_NUMBER, FULLWIDTH_DIGIT, IMPOSSIBLE_DATE, WEEKDAY, WRITTEN_DATE]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        steps = [(SHORT_YEAR, self._short_years), (MIXED_NUMBER, self._mixed), (FULLWIDTH_DIGIT, self._fullwidth),
                 (IMPOSSIBLE_DATE, self._impossible), (WEEKDAY, self._weekdays), (WRITTEN_DATE, self._written_date)]
        comments = markup_comments(doc.text)
        for rule, step in steps:
            if ctx.is_selected(rule.code):
                yield from (f for f in step(doc)
                            if not doc.in_region(f.start, f.end, SKIP) and not inside(comments, f.start, f.end))

    def _short_years(self, doc: Document) -> Iterator[Finding]:
        century_cut = doc.date.year % 100 + 5
        for m in _SHORT_YEAR.finditer(doc.text):
            if not 1 <= int(m["m"]) <= 12:
                continue
            yy = int(m["y"])
            full = (2000 if yy <= century_cut else 1900) + yy
            s, e = m.span("y")
            yield SHORT_YEAR.finding(s, e, m["y"], f"年份不能简写，“{m['y']}年”应写全（如“{full}年”）",
                                     suggestion=str(full), confidence=0.85)

    def _mixed(self, doc: Document) -> Iterator[Finding]:
        for m in _MIXED.finditer(doc.text):
            value = Decimal(m["n"]) * _MULT[m["u"]]
            digits = format(value.normalize(), "f")
            suggestion = digits + (m["big"] or "")
            s, e = m.span()
            yield MIXED_NUMBER.finding(s, e, m.group(), f"阿拉伯数字不能与“{m['u']}”连用，“{m.group()}”应写作“{suggestion}”",
                                       suggestion=suggestion)

    def _fullwidth(self, doc: Document) -> Iterator[Finding]:
        for m in _FULLWIDTH.finditer(doc.text):
            fixed = m.group().translate(TO_HALFWIDTH_DIGITS).replace("．", ".")
            yield FULLWIDTH_DIGIT.finding(m.start(), m.end(), m.group(), f"全角数字“{m.group()}”应改为半角“{fixed}”",
                                          suggestion=fixed)

    def _impossible(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        covered: set[int] = set()     # ends of full dates: their month-day tail is not checked again
        for m in _YMD.finditer(text):
            y, mo = int(m["y"]), int(m["m"])
            d = int(m["d"]) if m["d"] else 1
            covered.add(m.end())
            if not (1 <= mo <= 12) or (m["d"] and not _valid(y, mo, d)):
                yield self._bad_date(m.start(), m.end(), m.group(), mo, d if m["d"] else None, y)
        for m in _MD.finditer(text):
            if m.end() in covered:
                continue
            mo, d = int(m["m"]), int(m["d"])
            if not (1 <= mo <= 12 and _valid(2024, mo, d)):   # a leap year: 2月29日 may be right
                yield self._bad_date(m.start(), m.end(), m.group(), mo, d, None)
        for m in CHINESE_DATE.finditer(text):
            try:
                y = int("".join(str(CN_DIGIT.get(c, 0)) for c in m.group(1)))
                mo, d = chinese_small_number(m.group(2)), chinese_small_number(m.group(3))
            except KeyError:
                continue
            if not (1 <= mo <= 12) or not _valid(y, mo, d):
                yield self._bad_date(m.start(), m.end(), m.group(), mo, d, y)

    @staticmethod
    def _bad_date(s: int, e: int, text: str, mo: int, d: int | None, y: int | None) -> Finding:
        if not 1 <= mo <= 12:
            why = f"没有{mo}月"
        elif y is not None and mo == 2 and d == 29:
            why = f"{y}年不是闰年，2月没有29日"
        else:
            why = f"{mo}月没有{d}日"
        return IMPOSSIBLE_DATE.finding(s, e, text, f"日期“{text}”不存在：{why}")

    def _weekdays(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        seen: set[int] = set()
        full_dates = [(m.start(), (int(m["y"]), int(m["m"]), int(m["d"] or 1))) for m in _YMD.finditer(text)]
        for pattern, with_year in ((_YMD, True), (_MD, False)):
            for m in pattern.finditer(text):
                if m.start() in seen or (with_year and not m["d"]):
                    continue
                w = _WEEKDAY.match(text, m.end())
                if not w:
                    continue
                seen.update(range(m.start(), m.end()))
                mo, d = int(m["m"]), int(m["d"])
                if with_year:
                    years = [int(m["y"])]
                else:
                    years = self._year_candidates(doc, full_dates, m.start(), mo, d)
                    if not years:
                        continue
                dates = [dt.date(y, mo, d) for y in years if _valid(y, mo, d)]
                said = _WEEKDAY_NUM[w["w"][-1]]
                if not dates or any(x.weekday() == said for x in dates):
                    continue
                real = _WEEKDAY_ZH[dates[0].weekday()]
                prefix = w["w"][:-1]
                s, e = w.span("w")
                when = m.group() if with_year else f"{dates[0].year}年{m.group()}"
                yield WEEKDAY.finding(s, e, w["w"], f"{when}是星期{real}，不是{w['w']}（请核对日期和星期）",
                                      suggestion=prefix + real, evidence=f"{dates[0].isoformat()} 星期{real}")

    @staticmethod
    def _year_candidates(doc: Document, full_dates: list[tuple[int, tuple[int, int, int]]], pos: int,
                         mo: int, d: int) -> list[int]:
        """A date without a year follows the last full date before it (into the next year if it comes
        earlier in the calendar); failing that, the 成文日期's year or the next one."""
        ref = next((ymd for p, ymd in reversed(full_dates) if p < pos), None)
        if ref is not None:
            return [ref[0] if (mo, d) >= ref[1:] else ref[0] + 1]
        if doc.written_date:
            return [doc.written_date.year, doc.written_date.year + 1]
        return []

    def _written_date(self, doc: Document) -> Iterator[Finding]:
        paragraphs = doc.paragraphs
        if len(paragraphs) < 3 or doc.date < GBT9704_IN_FORCE:
            return
        tail_start = paragraphs[max(0, len(paragraphs) - 4)][0]
        last = None
        for m in _DATE_LINE.finditer(doc.text, tail_start):
            last = m
        for m in _DOTTED_DATE_LINE.finditer(doc.text, tail_start):
            if last is None or m.start() > last.start():
                last = m
        if last is None:
            return
        if last.groupdict().get("cy"):
            y = int("".join(str(CN_DIGIT.get(c, 0)) for c in last["cy"]))
            mo, d = chinese_small_number(last["cm"]), chinese_small_number(last["cd"])
            s, e = last.span("cy")[0], last.span("cd")[1] + 1
        else:
            y, mo, d = int(last["y"]), int(last["m"]), int(last["d"])
            s = last.span("y")[0]
            e = last.span("d")[1] + (1 if "s" not in last.groupdict() else 0)
        if not _valid(y, mo, d):
            return
        right = f"{y}年{mo}月{d}日"
        written = doc.text[s:e]
        if written != right:
            yield WRITTEN_DATE.finding(s, e, written, f"成文日期应用阿拉伯数字标全年月日、月日不编虚位，写作“{right}”",
                                       suggestion=right)


def build(config: Config) -> NumberCheck:
    return NumberCheck()
