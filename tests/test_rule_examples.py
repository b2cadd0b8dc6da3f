"""Every entry of every shipped rule pack: its `hit` examples must produce its code, its `ok` examples must not."""
from __future__ import annotations

import datetime as dt

import pytest

from govproof import Config, check_text
from govproof.checks.rulepack import load_pack
from optional import skip_without

PACK = load_pack((), ())
CASES = [
    pytest.param(e, text, kind, id=f"{e.code}-{e.file.rsplit('/', 1)[-1]}:{e.line}-{kind}{i}")
    for e in PACK.entries
    for kind, texts in (("hit", e.examples_hit), ("ok", e.examples_ok))
    for i, text in enumerate(texts)
]
DEFAULT_AS_OF = dt.date(2025, 6, 1)


@pytest.mark.parametrize("entry,text,kind", CASES)
def test_entry_example(entry, text, kind):
    config = Config(select=(entry.code,))
    findings = check_text(text, config, as_of=entry.examples_as_of or DEFAULT_AS_OF)
    codes = [f.code for f in findings]
    if kind == "hit":
        assert entry.code in codes, f"{entry.where}: expected {entry.code} in {text!r}"
    else:
        assert entry.code not in codes, (
            f"{entry.where}: {entry.code} must not fire on {text!r}: "
            + "; ".join(f"{f.text}→{f.suggestion}" for f in findings))


def test_every_entry_has_examples_both_ways():
    missing = [e.where for e in PACK.entries if not e.examples_hit or not e.examples_ok]
    assert not missing, "entries without hit and ok examples:\n" + "\n".join(missing)


def test_every_rule_header_is_used():
    used = {e.code for e in PACK.entries}
    assert set(PACK.headers) <= used, f"rules with no entries: {sorted(set(PACK.headers) - used)}"


def _rules_outside_packs():
    from govproof.registry import all_rules
    return [r for code, r in all_rules().items() if code not in PACK.headers]


PY_CASES = [
    pytest.param(rule, text, kind, id=f"{rule.code}-{kind}{i}")
    for rule in _rules_outside_packs()
    for kind, texts in (("hit", rule.examples_hit), ("ok", rule.examples_ok))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize("rule,text,kind", PY_CASES)
def test_python_rule_example(rule, text, kind):
    """Rules implemented in Python carry their examples on the Rule: they feed the docs page and run here.

    All rules run, as in a default check, since some (F900) judge what the others found. A rule whose results
    depend on an optional component (Rule.needs) is asserted only where that component is installed.
    """
    for name in rule.needs:
        skip_without(name)
    codes = [f.code for f in check_text(text, Config(select=(*Config().select, rule.code)), as_of=DEFAULT_AS_OF)]
    if kind == "hit":
        assert rule.code in codes, f"{rule.code}: expected a finding in {text!r}"
    else:
        assert rule.code not in codes, f"{rule.code}: must not fire on {text!r}"


def test_every_rule_is_documented_with_examples_both_ways():
    from govproof.registry import all_rules
    problems = []
    for code, rule in all_rules().items():
        if not rule.summary or not rule.source:
            problems.append(f"{code}: needs summary and source (shown by `govproof explain {code}`)")
        if not rule.examples_hit or not rule.examples_ok:
            problems.append(f"{code}: needs examples_hit and examples_ok (on the Rule, or in its pack entries)")
    assert not problems, "\n".join(problems)
