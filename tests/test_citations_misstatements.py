"""C112: every entry of rules/ogi/misstatements.yaml names a provision that really says what the entry claims
(its examples run in tests/test_citations_outdated.py, with C104's)."""
from __future__ import annotations

import yaml

from govproof import Config, check_text
from govproof.checks.citations import outdated
from govproof.checks.citations.formatting import parse_spec
from govproof.checks.citations.regulation import load
from govproof.data import data_dir

ROWS = yaml.safe_load((data_dir("rules") / "ogi" / "misstatements.yaml").read_text("utf-8"))["misstatements"]


def test_entries_quote_real_provisions():
    reg = load("2019")
    for r in ROWS:
        p = parse_spec(str(r["now"]))
        assert reg.exists(p) and r["says_now"] in reg.text(p), r["id"]
    assert len(outdated.entries("misstatements.yaml")) == len(ROWS)


def test_finding_quotes_the_provision_and_is_not_an_outdated_rule():
    found = check_text("【政府信息公开】第三方逾期未提出意见的，视为同意公开。", Config(select=("C",)), as_of="2025-06-01")
    assert [f.code for f in found] == ["C112"]
    assert "第三十二条" in found[0].evidence and "第三方逾期未提出意见的，由行政机关" in found[0].evidence
