"""What statistical correction must never touch: names, titles, numbers, URLs, document numbers, English, listed terms.

The result is a mask over the document's text (1 = protected). Precision first: protecting a few
characters too many only costs a miss, while "correcting" a person's or a place's name is the
complaint users make most about statistical spell checkers.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ...data import data_dir, read_word_list
from ...document import Document, Span

# Regions the Document already finds; 《》 titles are quoted names of laws and documents, kept as written.
SKIP_KINDS = ("url", "email", "latin", "code", "title")

_TITLES = ("同志|先生|女士|主任|书记|局长|处长|科长|部长|省长|市长|县长|区长|镇长|乡长|村长|厅长|司长|院长|校长|所长"
           "|主席|委员|代表|经理|董事长|总经理|教授|组长|队长|社长|站长|馆长|秘书长|会长")
_BEFORE_NAME = _TITLES + "|成员|申请人|被申请人|联系人|负责人|记者|通讯员|法定代表人|委托代理人|经办人|承办人"
_NAME_END = r"(?=[，。、；：:,;）)\s]|同志|担任|任|为|等|在|的|和|与|及|$)"
_PLACE_SUFFIX = r"(?:省|市|县|区|镇|乡|村|街道|社区|自治州|自治县|自治区|旗|盟)(?![场级民域内外委属直际划容貌长面])"
# Characters that make "本辖区", "各地区", "全市" ordinary words rather than place names.
_NOT_IN_NAMES = "本各全该此其个的和与及等在为对向从由第我每所某"
_ORG_SUFFIX = (r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|银行|医院|大学|学院|中学|小学|幼儿园|协会|学会"
               r"|研究院|研究所|基金会|事务所|合作社|出版社|报社|电视台)")
# What an author's or a speaker's affiliation in brackets ends with: the name before it is a person's.
_AFFILIATION = _ORG_SUFFIX[:-1] + "|中心|委员会|办公室|局|厅|委|院|所|校|站|馆)"
_HAN_NUMBER = regex.compile(r"第[〇零一二三四五六七八九十百千]+[条款项章节编号批次]"
                            r"|[〇零一二三四五六七八九十两]+[级类次批个项条款名位种型期轮档等届层段部件号大]"  # 一级, 二类, 二十大
                            r"|第?[〇零一二三四五六七八九十百千万亿两]{2,}")
_DOCNUM_BRACKET = regex.compile(r"[〔\[［【(（]\s*(?:19|20)?\d{2}\s*[〕\]］】)）]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...]:
    """(trigger, pattern) pairs: a match needs its trigger (the title, suffix or word it is recognised by) in the
    same line, so the pattern, slow because it starts with any Chinese character, runs only on those lines."""
    folder = data_dir("dictionaries") / "spelling"
    names = [n for line in read_word_list(folder / "surnames.txt") for n in line.split()]
    surname = "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"
    return (
        (regex.compile(f"(?:{_TITLES})"),
         regex.compile(rf"{surname}\p{{Han}}{{1,2}}(?=(?:{_TITLES}))")),                    # 王明同志, 李华主任
        (regex.compile(f"(?:{_BEFORE_NAME})"),
         regex.compile(rf"(?<=(?:{_BEFORE_NAME})[：:]?){surname}\p{{Han}}{{1,2}}{_NAME_END}")),  # 主任高雨担任
        (regex.compile(r"[（(]"),
         regex.compile(rf"{surname}\p{{Han}}{{1,2}}(?=[（(][^）)\n]{{2,30}}?{_AFFILIATION}[）)])")),  # 王建伟（某某大学）
        (regex.compile(_ORG_SUFFIX),
         regex.compile(rf"\p{{Han}}{{2,4}}(?={_ORG_SUFFIX})")),                                 # 华为技术有限公司
    )


_PLACE_TRIGGER = regex.compile(_PLACE_SUFFIX)
_PLACE = regex.compile(rf"(?:(?![{_NOT_IN_NAMES}])\p{{Han}}){{2}}(?=(?P<suffix>{_PLACE_SUFFIX}))")  # 长沙镇, 齐圣村


@lru_cache(maxsize=1)
def area_nouns() -> frozenset[str]:
    """Common nouns that end in a place suffix (农村, 试验区): what precedes them is no place name."""
    return frozenset(read_word_list(data_dir("dictionaries") / "spelling" / "area-nouns.txt"))


def _place_names(doc: Document) -> Iterator[Span]:
    """The two characters before a place suffix (齐圣村, 海淀区); where a listed common noun is there instead (农业农村, 试验区,
    乡村), only that noun."""
    text, nouns = doc.text, area_nouns()
    for m in _line_matches(doc, _PLACE_TRIGGER, _PLACE):
        end = m.end() + len(m.group("suffix"))
        # 农村 / 试验区 end a noun; in 美丽乡村 the "suffix" 乡 starts one. The noun itself is right as listed (主销区).
        spans = ((m.end() - 1, end), (m.start(), end), (m.end(), m.end() + 2))
        noun = next((span for span in spans if text[span[0]:span[1]] in nouns), None)
        yield noun or m.span()


def _line_matches(doc: Document, trigger: regex.Pattern[str], pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
    """The matches ``pattern.finditer(doc.text)`` gives, searched line by line in the lines holding ``trigger``:
    the same matches, because no pattern matches across a line break."""
    text, starts = doc.text, doc.line_starts
    done = -1
    for t in trigger.finditer(text):
        k = bisect.bisect_right(starts, t.start()) - 1
        if k != done:
            done = k
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            yield from pattern.finditer(text, starts[k], end)


@lru_cache(maxsize=1)
def protected_terms() -> tuple[str, ...]:
    return tuple(read_word_list(data_dir("dictionaries") / "spelling" / "protected-terms.txt"))


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """The characters S105 rewrites: no homophone or look-alike check may claim them."""
    from ..variant_chars import load_tables

    return frozenset(load_tables()[0])


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def protected_mask(doc: Document, extra_terms: Iterable[str] = ()) -> bytearray:
    """1 for every character of ``doc.text`` that statistical correction must leave alone."""
    text = doc.text
    mask = bytearray(len(text))
    for kind in SKIP_KINDS:
        for s, e in doc.regions(kind):
            _mark(mask, s, e)
    for s, e in doc.regions("docnum"):
        bracket = _DOCNUM_BRACKET.search(text, s, e)
        _mark(mask, max(s, bracket.start() - 4) if bracket else s, e)  # 国办发〔2024〕5号; the words before stay checked
    for m in _HAN_NUMBER.finditer(text):
        _mark(mask, *m.span())
    for trigger, pattern in _patterns():
        for m in _line_matches(doc, trigger, pattern):
            _mark(mask, *m.span())
    for s, e in _place_names(doc):
        _mark(mask, s, e)
    # a traditional character is S105's to fix, never a homophone typo
    for term in (*traditional_chars().intersection(text), *protected_terms(), *extra_terms):
        i = text.find(term)
        while i != -1:
            _mark(mask, i, i + len(term))
            i = text.find(term, i + 1)
    return mask
