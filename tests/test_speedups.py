"""Shortcuts taken for speed change no finding: a run repeated in a document is rated once per protection mask,
segmentation is cached per unigram table, S111 judges a repeated run once, and the protection patterns run only on
lines holding their trigger."""
from __future__ import annotations

from govproof.api import check_text
from govproof.checks.spelling.lm import segment
from govproof.checks.spelling.protect import _PLACE, _PLACE_TRIGGER, _line_matches, _patterns
from govproof.document import Document
from govproof.config import Config
from optional import requires

S2 = Config(select=("S2",))


class _TableLM:
    """Just what ``segment`` reads of a model: its unigram lookup, swapped as ``use_unigrams`` does."""

    def __init__(self, table: dict[str, float]):
        self.unigram = table.get


@requires("word LM")
def test_repeated_run_inside_a_title_is_judged_by_its_own_protection():
    # the same written run twice: inside 《》 (protected, never rewritten) and in the body (a typo)
    title_first = "《进一步完善工作机志》印发后，进一步完善工作机志，切实提高行政效率。"
    body_first = "进一步完善工作机志，切实提高行政效率。《进一步完善工作机志》已印发。"
    assert [(f.start, f.suggestion) for f in check_text(title_first, S2)] == [(22, "机制")]
    assert [(f.start, f.suggestion) for f in check_text(body_first, S2)] == [(7, "机制")]


def test_segmentation_follows_a_new_unigram_table():
    lm = _TableLM({"工作": -2.0, "机制": -2.0})
    assert segment("工作机制", lm) == ["工作", "机制"]
    lm.unigram = {"工作": -2.0, "机制": -2.0, "工作机制": -1.0}.get
    assert segment("工作机制", lm) == ["工作机制"]
    words = segment("工作机制", lm)
    words.append("。")  # a caller's own list: changing it leaves the cached segmentation alone
    assert segment("工作机制", lm) == ["工作机制"]


def test_protection_patterns_find_the_same_spans_line_by_line():
    text = ("办公室主任：王明同志\r\n华为技术有限公司与长沙镇齐圣村签约\r申请人李华担任联络\n"
            "本辖区各地区全市推进\n李华主任\n区长高雨担任组长，市场监督管理局有限公司\n主讲人张建军（华东政法大学）")
    doc = Document(text=text)
    spans = 0
    for trigger, pattern in (*_patterns(), (_PLACE_TRIGGER, _PLACE)):
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _line_matches(doc, trigger, pattern)] == whole
        spans += len(whole)
    assert spans >= 7


def test_a_run_repeated_in_a_document_is_reported_each_time():
    text = "认真落实中央部暑要求。\n各单位认真落实中央部暑要求。\n认真落实中央部暑要求。"
    found = [(f.code, f.start, f.suggestion) for f in check_text(text, Config(select=("S111",)))]
    assert found == [("S111", 6, "部署"), ("S111", 21, "部署"), ("S111", 33, "部署")]
