"""The 错别字 family working together: the curated rules (S1xx) and the statistical checker (S2) on one sentence.

A sure curated typo gives S2 its second, more lenient look at the sentence (typos come in clusters); S2 leaves
the spans a curated rule reported alone; S111 does not take words that wordfreq or the reviewed list know.
"""
from __future__ import annotations

import pytest

from govproof import Config, check_text
from optional import requires

AS_OF = "2025-06-01"
needs_lm = requires("word LM")


def found(text: str, select: str = "S") -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.suggestion) for f in check_text(text, Config(select=(select,)), as_of=AS_OF)]


@needs_lm
@pytest.mark.parametrize("text,curated,weak", [
    ("各镇要英地制宜，不断完善疫勤防控预案。", ("S110", "英地制宜", "因地制宜"), ("S201", "疫勤", "疫情")),
    ("认真落实中央部暑要求，及时报送工作近度。", ("S111", "部暑", "部署"), ("S201", "近度", "进度")),
])
def test_a_sure_curated_typo_gives_s2_its_second_look(text, curated, weak):
    pytest.importorskip("jieba", reason="S110/S111 need jieba's dictionary")
    assert found(text) == [curated, weak]
    # with the curated typo corrected, the weaker one is below S2's first threshold and goes unreported
    assert found(text.replace(curated[1], curated[2])) == []


@needs_lm
def test_s2_leaves_a_span_the_curated_rule_reported():
    pytest.importorskip("jieba", reason="S111 needs jieba's dictionary")
    text = "认真落实中央部暑要求。"
    assert ("S201", "部暑", "部属") in found(text, "S2")   # S2 alone reads 部暑 as 部属
    assert found(text) == [("S111", "部暑", "部署")]       # together: one finding, the curated one


def test_near_word_asks_the_reviewed_list_for_words_jieba_and_wordfreq_lack():
    from govproof.checks.lexicon.check import _known_elsewhere
    from govproof.checks.spelling.lm import modern_frequencies

    assert "包保" not in modern_frequencies()            # neither jieba's common words nor wordfreq: the list decides
    assert _known_elsewhere("落实包保责任", 2)
    assert not _known_elsewhere("落实包宝责任", 2)


def test_near_word_leaves_pairs_wordfreq_counts_often():
    pytest.importorskip("jieba", reason="S111 needs jieba's dictionary")
    from govproof.checks.lexicon.check import MODERN_WORD_ZIPF, _known_elsewhere
    from govproof.checks.spelling.lm import modern_frequencies

    table = modern_frequencies()
    assert table["跟据"] + 9.0 < MODERN_WORD_ZIPF    # a web typo wordfreq holds rarely stays reportable
    assert ("S111", "跟据", "根据") in found("跟据有关规定办理。", "S111")
    assert not _known_elsewhere("跟据有关规定", 0)


@needs_lm
@pytest.mark.parametrize("text,wrong", [
    ("对整改不到位的问题，坚决不予销号。", "予销"),     # 不予销号 is not 不注销号
    ("坚持项目为王，全年实施重点项目120个。", "为王"),  # 项目为王 is not 项目为主
])
def test_clean_prose_false_alarms_stay_fixed(text, wrong):
    assert [f for f in found(text) if f[1] == wrong] == []
