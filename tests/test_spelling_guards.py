"""Precision guards of the statistical speller and its fallback scorer (no kenlm, no Debian LM).

Every sentence here was written for these tests. The clean ones hold words that the checker once took
for typos on clean prose (提质→提示, 还未→还有, 易地→异地); each must stay silent with either scorer, and the ones the LM flagged before the
guard must still be flagged with the guard switched off, so the test can fail (十九大和, 扶贫办主任 are
protected spans instead: protect.py). The fallback runs on
jieba's dictionary (a default dependency) and is tested always; LM tests skip without the LM.
"""
from __future__ import annotations

import pytest

from govproof.api import check_text
from govproof.checks.spelling import lm as lm_module
from govproof.checks.spelling.lexicon import common_words, inside_guarded, jieba_words
from govproof.checks.spelling.lm import FrequencyLM, find_lm_path, kenlm_available, load_lm, modern_frequencies
from govproof.config import Config

HAVE_LM = bool(find_lm_path()) and kenlm_available()
needs_lm = pytest.mark.skipif(not HAVE_LM, reason="word LM absent: apt-get install libime-data-language-model; "
                                                    "pip install kenlm")
FALLBACK = (("spelling.scorer", "frequency"),)
NO_GUARD = (("spelling.guard_threshold", 0.0),)


def fixes(text: str, options: tuple = ()) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text, Config(select=("S2",), options=options),
                                                      as_of="2025-06-01")]


CLEAN = [
    "推动传统制造业提质增效，加快数字化转型。",
    "截至目前，部分项目还未完成竣工验收。",
    "统筹做好疫情防控和经济社会发展工作。",
    "依照党章党规严肃追究相关人员责任。",
    "进一步厘清部门职责边界，理顺工作关系。",
    "负责研究拟订本地区产业发展规划。",
    "对确需易地安置的群众，做好后续扶持工作。",
    "地方各级人民政府及其有关部门应当加强监督检查。",
    "经依法批准，同意转用农用地三十公顷。",
    "城镇住户人均可支配收入稳步增长。",
    "做好重要民生商品保供工作，压实属地责任。",
    "对未经批准擅自开工的项目，依法予以查处。",
    "深入学习贯彻党的十九大和十九届历次全会精神。",   # 十九大 is a number word (十九大和 → 十九太和 before)
    "县扶贫办主任、信访办副主任参加会议。",            # X办主任 (办主任 → 班主任 before)
]


def test_lexicon_holds_official_words_jieba_lacks():
    right = common_words()
    assert {"提质", "还未"} <= right
    assert all(2 <= len(w) <= 4 for w in right)
    guarded = jieba_words(10)
    assert {"防控", "用房", "拟订"} <= guarded and "机志" not in guarded
    assert jieba_words(300) < guarded


@needs_lm
def test_without_the_reviewed_list_the_lm_flags_its_words(monkeypatch):
    from govproof.checks.spelling.checker import load_model

    monkeypatch.setattr(load_model(None), "right_words", frozenset())
    assert ("还未", "还有") in fixes("截至目前，部分项目还未完成竣工验收。")


def test_guard_covers_a_span_inside_a_word_not_one_crossing_its_edge():
    words = frozenset({"用房"})
    assert inside_guarded("办公用房管理", 2, 4, words)       # the span is the word
    assert inside_guarded("办公用房管理", 3, 4, words)       # inside it
    assert not inside_guarded("办公用房管理", 3, 5, words)   # crosses its edge: a typo may make a word with its neighbour
    assert not inside_guarded("办公用户管理", 2, 4, words)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_prose_is_silent_with_the_fallback(text):
    assert fixes(text, FALLBACK) == []


@needs_lm
@pytest.mark.parametrize("text", CLEAN)
def test_clean_prose_is_silent_with_the_lm(text):
    assert fixes(text) == []


@needs_lm
@pytest.mark.parametrize("text, wrong", [
    ("对确需易地安置的群众，做好后续扶持工作。", "易地"),      # a jieba word: needs strong evidence
])
def test_without_the_guard_the_lm_flags_these(text, wrong):
    assert wrong in {w for w, _ in fixes(text, NO_GUARD)}


def corrected(text: str, options: tuple = ()) -> str:
    found = check_text(text, Config(select=("S2",), options=options), as_of="2025-06-01")
    for f in sorted(found, key=lambda f: -f.start):
        text = text[:f.start] + (f.suggestion or f.text) + text[f.end:]
    return text


@pytest.mark.parametrize("text, right", [
    ("进一步完善工作机志，切实提高行政效率。", "进一步完善工作机制，切实提高行政效率。"),
    ("各单位要认真贯切落实会议精神。", "各单位要认真贯彻落实会议精神。"),
    ("切实加强组织领导，精心按排部署。", "切实加强组织领导，精心安排部署。"),
    ("进一步优化营商坏境。", "进一步优化营商环境。"),
    ("不断提高行政效律。", "不断提高行政效率。"),
])
def test_fallback_still_corrects_non_words(text, right):
    assert corrected(text, FALLBACK) == right


def test_fallback_knows_modern_words():
    table = modern_frequencies()
    assert {"还未", "管控"} <= table.keys()
    assert all(-9.0 < v < 0.0 for v in table.values())
    path = lm_module.jieba_dict_path()
    if path is None:
        pytest.skip("jieba not installed")
    unigrams = FrequencyLM(path).unigram_table()
    assert unigrams["还未"] == pytest.approx(table["还未"])
    assert unigrams["的"] > unigrams["还未"]


def test_environment_variable_forces_the_fallback(monkeypatch):
    monkeypatch.setenv(lm_module.SCORER_ENV, "frequency")
    load_lm.cache_clear()
    try:
        assert load_lm().kind == "frequency"
        assert "GOVPROOF_SCORER=frequency" in (lm_module.describe_active() or "")
    finally:
        load_lm.cache_clear()
