"""Personal data that must not be published: ID numbers, mobile numbers, bank card numbers.

Every finding carries ``masked_text``, so reports never print the number they warn about
(DESIGN.md: D findings are masked everywhere they are written); start/end still locate it.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

import regex

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule

LAWS = ("《中华人民共和国个人信息保护法》第二十八条、第五十一条；《中华人民共和国政府信息公开条例》第十五条；"
        "GB/T 35273-2020《信息安全技术 个人信息安全规范》附录A、附录B")

ID_NUMBER = Rule(
    code="D101", name="id-number", severity=Severity.ERROR, fix="unsafe",
    summary="公开文本中出现公民身份号码（18位，校验位正确）",
    source=LAWS,
    doc="身份证件号码是个人敏感信息（GB/T 35273-2020 附录B），一旦公开即无法收回，可能被用于冒名办卡、诈骗。"
        "《政府信息公开条例》第十五条规定涉及个人隐私、公开会对第三方合法权益造成损害的政府信息不得公开。"
        "公示名单等确需出现时应去标识化，如 110105********1234。\n\n"
        "只报告真正可能是身份号码的18位数字：前两位是有效的省级行政区划代码、出生日期真实存在且不晚于文件日期、"
        "第18位校验码（GB 11643-1999）正确。报告、JSON、SARIF 中显示的都是打码后的号码。",
    examples_hit=["张三，身份证号码11010519491231002X，现住北京市朝阳区。"],
    examples_ok=["张三，身份证号码110105********002X，现住北京市朝阳区。", "统一社会信用代码：91110000717829452F",
                 "订单号110105194912310021。"],
)
MOBILE = Rule(
    code="D102", name="mobile-number", severity=Severity.WARNING, fix="unsafe",
    summary="公开文本中出现个人手机号码",
    source=LAWS,
    doc="手机号码能直接联系到个人，是个人信息（GB/T 35273-2020 附录A）。处罚决定、公示名单、信访答复中的当事人"
        "手机号码公开前应删除或打码（138****5678）。工作人员的办公手机确需公开的，可在行末写 "
        "`govproof: ignore D102`。只报告11位、号段为13～19开头、前后不连着其他数字的号码。",
    examples_hit=["举报人李某（联系电话13812345678）反映", "联系电话：138-1234-5678。"],
    examples_ok=["联系电话：0771-2801234。", "流水号20241381234567890", "举报人李某（联系电话138****5678）反映",
                 "全年完成营业收入15234567890元。"],
)
BANK_CARD = Rule(
    code="D103", name="bank-card-number", severity=Severity.ERROR, fix="unsafe",
    summary="公开文本中出现银行卡号（16～19位，Luhn 校验正确）",
    source=LAWS,
    doc="银行卡号属于金融账户信息，是《个人信息保护法》第二十八条所列的敏感个人信息。补贴发放名单等公开前"
        "应删除或打码（622202*********1234）。只报告16～19位、Luhn 校验正确的号码：以62开头（银联）的直接报告，"
        "以4、51～55、22～27、35、60、65开头的，需同一句中出现“卡号”“账号”“银行”等字样。",
    examples_hit=["补贴发放至其银行卡6222021234567890128。", "收款账号：4111 1111 1111 1111"],
    examples_ok=["补贴发放至其银行卡622202*********0128。", "项目编号4111111111111111。"],
)

_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
              50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID = regex.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
# Not an amount or a count: 15234567890元, ¥13912345678, 13812345678.5.
_MOBILE = regex.compile(r"(?<![0-9A-Za-z¥￥$.])(?:(?:\+|00)86[- ]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})"
                        r"(?![0-9]|-\d|\.\d|\s?[元万亿人个户吨米%‰度件次台辆套项份张条只头千百])")
_CARD = regex.compile(r"(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?|\d{4}(?:-\d{4}){3}(?:-\d{1,3})?)(?![0-9A-Za-z])")
_CARD_CONTEXT = regex.compile(r"卡号|账号|帐号|银行|账户|帐户|开户|银联|储蓄卡|借记卡|信用卡|收款|打款")
_OTHER_BRANDS = regex.compile(r"4|5[1-5]|2[2-7]|35|60|65")


def id_checksum_ok(number: str) -> bool:
    total = sum(int(c) * w for c, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for k, c in enumerate(reversed(digits)):
        d = int(c)
        if k % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(digits: str, keep_start: int, keep_end: int = 4) -> str:
    return digits[:keep_start] + "*" * (len(digits) - keep_start - keep_end) + digits[-keep_end:]


def _plausible_id(number: str, latest: dt.date) -> bool:
    if int(number[:2]) not in _PROVINCES or not id_checksum_ok(number):
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= latest


class PersonalDataCheck(Check):
    def rules(self) -> list[Rule]:
        return [ID_NUMBER, MOBILE, BANK_CARD]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        ids = list(self._ids(doc))
        taken = [(f.start, f.end) for f in ids]
        if ctx.is_selected(ID_NUMBER.code):
            yield from ids
        if ctx.is_selected(BANK_CARD.code):
            cards = [f for f in self._cards(doc) if not any(s < f.end and f.start < e for s, e in taken)]
            taken += [(f.start, f.end) for f in cards]
            yield from cards
        if ctx.is_selected(MOBILE.code):
            yield from (f for f in self._mobiles(doc) if not any(s < f.end and f.start < e for s, e in taken))

    @staticmethod
    def _masked(rule: Rule, start: int, end: int, raw: str, masked: str, message: str, confidence: float) -> Finding:
        f = rule.finding(start, end, raw, message, suggestion=masked, confidence=confidence)
        f.masked_text = masked
        return f

    def _ids(self, doc: Document) -> Iterator[Finding]:
        latest = max(doc.date, dt.date.today())
        for m in _ID.finditer(doc.text):
            number = m.group()
            if _plausible_id(number, latest):
                yield self._masked(ID_NUMBER, m.start(), m.end(), number, mask(number, 6),
                                   "疑似公民身份号码（校验码正确）：属于个人敏感信息，公开发布前应删除或打码", 0.95)

    def _cards(self, doc: Document) -> Iterator[Finding]:
        for m in _CARD.finditer(doc.text):
            digits = regex.sub(r"[ -]", "", m.group())
            if not 16 <= len(digits) <= 19 or not luhn_ok(digits):
                continue
            if not digits.startswith("62"):
                s, e = doc.sentence_at(m.start())
                if not _OTHER_BRANDS.match(digits) or not _CARD_CONTEXT.search(doc.text, s, max(e, m.end())):
                    continue
            yield self._masked(BANK_CARD, m.start(), m.end(), m.group(), mask(digits, 6),
                               "疑似银行卡号（Luhn 校验正确）：金融账户属于敏感个人信息，公开发布前应删除或打码", 0.85)

    def _mobiles(self, doc: Document) -> Iterator[Finding]:
        for m in _MOBILE.finditer(doc.text):
            digits = regex.sub(r"\D", "", m.group())[-11:]
            yield self._masked(MOBILE, m.start(), m.end(), m.group(), mask(digits, 3),
                               "疑似个人手机号码：属于个人信息，公开发布前应删除或打码（公开的办公电话可忽略本条）", 0.8)


def redact(text: str, as_of: dt.date | None = None) -> str:
    """``text`` with every ID, bank card and mobile number D101–D103 would report replaced by its masked form.

    For report code that prints context around any finding (a sentence may hold a number that no
    selected rule reported): nothing a report prints should republish the data.
    """
    doc = Document(text=text, as_of=as_of)
    everything = CheckContext(config=Config(), is_selected=lambda code: True)
    out, pos = [], 0
    for f in sorted(PersonalDataCheck().run(doc, everything), key=lambda f: f.start):
        out.append(text[pos:f.start])
        out.append(f.shown_text)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def build(config: Config) -> PersonalDataCheck:
    return PersonalDataCheck()
