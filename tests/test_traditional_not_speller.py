"""A traditional character is always S105's finding, never the statistical speller's, with or without the word LM."""
from __future__ import annotations

import pytest

from govproof import Config, check_text
from govproof.checks.variant_chars import RULE as S105
from optional import why_missing

SCORERS = [pytest.param("frequency", id="frequency"),
           pytest.param(None, id="word-lm", marks=pytest.mark.skipif(bool(why_missing("word LM")),
                                                                      reason=why_missing("word LM") or ""))]
SENTENCES = [*S105.examples_hit, "国务院办公廳印发了通知。", "各部门要認真落实整改要求。", "请于三日内報送材料。"]


@pytest.mark.parametrize("scorer", SCORERS)
@pytest.mark.parametrize("text", SENTENCES)
def test_traditional_character_is_s105_only(text, scorer):
    options = (("spelling.scorer", scorer),) if scorer else ()
    found = check_text(text, Config(options=options), as_of="2025-06-01")
    s105 = [(f.start, f.end) for f in found if f.code == "S105"]
    assert s105, f"no S105 in {text!r}"
    spelled = [f for f in found if f.code.startswith("S2") and any(s < f.end and f.start < e for s, e in s105)]
    assert not spelled, [(f.code, f.text, f.suggestion) for f in spelled]
