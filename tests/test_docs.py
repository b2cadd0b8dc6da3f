"""Every rule has a docs page in docs/rules, generated from the registry and kept in step with it."""
from pathlib import Path

import pytest

from govproof.registry import all_rules
from govproof.ruledoc import render_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
RULES = all_rules()


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_page_is_current(code):
    page = DOCS / f"{code}.md"
    assert page.is_file(), f"no docs page for {code}: run `govproof rules --docs docs/rules`"
    assert page.read_text(encoding="utf-8") == render_markdown(RULES[code]), (
        f"docs/rules/{code}.md is out of date: run `govproof rules --docs docs/rules`")


def test_no_page_for_a_rule_that_does_not_exist():
    assert {p.stem for p in DOCS.glob("*.md")} <= set(RULES)
