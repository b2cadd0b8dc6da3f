"""The C rules on labelled reply-letter sentences and letters (tests/data/citations_cases.yaml), both ways."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govproof import Config, check_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "citations_cases.yaml").read_text("utf-8"))["cases"]
CONFIG = Config(select=("C",))


def run(case: dict):
    return check_text(case["text"], CONFIG, as_of=str(case.get("as_of", "2025-06-01")), profile=case.get("profile"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    found = run(case)
    got = sorted(f.code for f in found)
    assert got == sorted(case["expect"]), "\n".join(f"{f.code} {f.text!r}→{f.suggestion!r}: {f.message}" for f in found)
    for code, expected in (case.get("suggest") or {}).items():
        assert [f.suggestion for f in found if f.code == code][0] == expected
    for f in found:
        assert case["text"][f.start:f.end] == f.text


def test_the_set_is_big_enough_and_covers_every_rule_both_ways():
    from govproof.checks.citations.catalog import ALL

    assert len(CASES) >= 60
    silent = [c for c in CASES if not c["expect"]]
    assert len(silent) >= 25
    for rule in ALL:
        assert any(rule.code in c["expect"] for c in CASES), f"no case hits {rule.code}"


def test_example_letter_shows_the_mistakes_it_was_written_with():
    path = Path(__file__).resolve().parents[1] / "examples" / "答复书-有误.txt"
    from govproof import check_path

    found = check_path(path, CONFIG)
    assert sorted(f.code for f in found) == ["C102", "C103", "C104", "C106", "C106", "C109", "C110"]
    by_code = {f.code: f for f in found}
    assert (by_code["C102"].text, by_code["C102"].suggestion) == ("第二十一条第（三）项", "第三十六条第（四）项")
    assert (by_code["C103"].text, by_code["C103"].suggestion) == ("第十四条", "第十五条")
    assert "共30个工作日" in by_code["C110"].message
