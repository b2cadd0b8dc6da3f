"""Caches added for speed change no finding: a run repeated in a document is rated once per protection mask, and
segmentation is cached per unigram table."""
from __future__ import annotations

from govproof.api import check_text
from govproof.checks.spelling.lm import segment
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
