"""The engine as the API sees it: selection, user data, suppressions, baseline, de-duplication."""
import datetime as dt
from pathlib import Path

import pytest

from govproof import Config, check_text
from govproof.checks.rulepack import load_pack
from govproof.engine import deduplicate
from govproof.finding import Finding, Severity
from govproof.rulepack_format import RulePackError, load_pack_file

DATA = Path(__file__).parent / "data"
USER_RULES = Config(rule_files=(str(DATA / "extra-rules.yaml"),))


def codes(findings):
    return [(f.code, f.text, f.suggestion) for f in findings]


def test_findings_slice_the_text_and_carry_line_and_column():
    text = "第一段。\n请各单位按排专人负责信息报送。"
    [f] = check_text(text, Config(select=("S101",)))
    assert text[f.start:f.end] == f.text == "按排"
    assert (f.line, f.column, f.suggestion, f.fix_safe) == (2, 5, "安排", True)
    assert f.location["paragraph"] == 2


def test_unless_context_keeps_correct_usage_silent():
    assert check_text("按排名先后顺序公布结果。", Config(select=("S101",))) == []


def test_select_and_ignore_by_prefix():
    text = "请各单位按排专人登录网上办事大厅。"
    assert {f.code for f in check_text(text, USER_RULES)} == {"S101", "T901"}
    assert {f.code for f in check_text(text, USER_RULES.merged(select=("T9",)))} == {"T901"}
    assert {f.code for f in check_text(text, USER_RULES.merged(ignore=("T",)))} == {"S101"}


def test_user_regex_rule_with_hit_group_and_lookahead():
    found = check_text("请查阅办事指南。请查阅办事指南目录。", USER_RULES.merged(select=("T901",)))
    assert codes(found) == [("T901", "办事指南", "服务指南")]
    assert found[0].fix_safe is False  # the rule's fix policy is unsafe


def test_whitelist_and_extra_pairs_from_config():
    cfg = Config(select=("S101",), extra_pairs=(("帐号", "账号"),))
    assert codes(check_text("请妥善保管帐号。", cfg)) == [("S101", "帐号", "账号")]
    assert check_text("请妥善保管帐号。", cfg.merged(whitelist=("帐号",))) == []


def test_inline_suppressions_and_unused_ones():
    cfg = Config(select=("S101", "F900"))
    same_line = "请各单位按排专人负责。 <!-- govproof: ignore S101 -->"
    assert check_text(same_line, cfg) == []
    next_line = "# govproof: ignore-next-line\n请各单位按排专人负责。\n请各单位按排专人负责。"
    assert [f.line for f in check_text(next_line, cfg)] == [3]
    whole_file = "govproof: ignore-file S1\n按排专人。\n侯选人名单。"
    assert check_text(whole_file, cfg) == []
    unused = check_text("会议于下午召开。 <!-- govproof: ignore S101 -->", cfg)
    assert [f.code for f in unused] == ["F900"]
    other_code = check_text("请各单位按排专人负责。 # govproof: ignore S102", cfg.merged(select=("S1", "F900")))
    assert sorted(f.code for f in other_code) == ["F900", "S101"]
    not_judged = check_text("请各单位按排专人负责。 # govproof: ignore T9", cfg)
    assert [f.code for f in not_judged] == ["S101"]  # T9 was not selected: its marker cannot be judged


def test_rule_dates_follow_the_document_date(tmp_path):
    pack_dir = tmp_path / "dated-rules.yaml"
    pack_dir.write_text(
        "rules:\n  - {code: T902, name: dated, severity: warning, summary: x, message: 过时}\n"
        "entries:\n  - {code: T902, pattern: 旧机构名, since: 2018-03-17}\n", encoding="utf-8")
    cfg = Config(select=("T902",), rule_files=(str(pack_dir),))
    assert check_text("报送旧机构名备案。", cfg, as_of="2018-01-01") == []
    assert len(check_text("报送旧机构名备案。", cfg, as_of="2019-01-01")) == 1
    signed = "报送旧机构名备案。\n\n二〇一七年五月四日\n"
    assert check_text(signed, cfg, as_of="2024-01-01") == []  # the 成文日期 wins over --as-of


def _f(code, start, end, text, sugg, sev=Severity.ERROR, conf=0.9):
    return Finding(code=code, name="x", severity=sev, start=start, end=end, text=text, message="", suggestion=sugg,
                   confidence=conf)


def test_deduplicate_one_span_one_finding_and_nested_same_fix():
    found = [_f("S201", 0, 1, "侯", "候", conf=0.7), _f("S101", 0, 3, "侯选人", "候选人"),
             _f("S101", 5, 7, "按排", "安排"), _f("S205", 5, 7, "按排", "按牌", sev=Severity.WARNING)]
    kept = deduplicate(found)
    assert [(f.code, f.start) for f in kept] == [("S101", 0), ("S101", 5)]


def test_deduplicate_prefers_the_more_specific_rule():
    curated_first = {"S101": 1, "S105": 1, "S201": 0}
    same_span = [_f("S201", 0, 2, "按排", "安排", conf=0.99), _f("S101", 0, 2, "按排", "安排", conf=0.9)]
    assert [f.code for f in deduplicate(same_span, curated_first)] == ["S101"]
    nested = [_f("S201", 0, 2, "檢查", "检查", conf=0.99), _f("S105", 0, 1, "檢", "检", conf=0.9)]
    assert [(f.code, f.text) for f in deduplicate(nested, curated_first)] == [("S105", "檢")]


@pytest.mark.parametrize("body,message", [
    ("rules:\n  - {code: S1, name: x, severity: error, summary: x, message: x}\n", "rule S1: rule code"),
    ("rules:\n  - {code: S990, name: x, severity: fatal, summary: x, message: x}\n", "没有级别"),
    ("entries:\n  - {code: S101, regex: '(unclosed', suggest: x}\n", "invalid regex"),
    ("entries:\n  - {code: S101, pattern: a, regex: b}\n", "exactly one of pattern"),
    ("entries:\n  - {code: S101, pattern: a, sugest: b}\n", "unknown key(s) sugest"),
    ("rules: [\n", "invalid YAML"),
])
def test_rule_file_errors_name_file_rule_and_line(tmp_path, body, message):
    f = tmp_path / "bad.yaml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(RulePackError) as e:
        load_pack_file(f)
    assert str(f) in str(e.value) and message in str(e.value)
    if "invalid YAML" not in message:
        assert ":2: rule" in str(e.value)


def test_entry_pointing_at_unknown_rule_is_an_error(tmp_path):
    f = tmp_path / "orphan.yaml"
    f.write_text("entries:\n  - {code: T999, pattern: 某词}\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r"orphan.yaml:2: rule T999: no rule header"):
        load_pack((str(f),), ())


def test_catastrophic_user_regex_times_out_instead_of_hanging(tmp_path, capsys, monkeypatch):
    import govproof.checks.rulepack as rp
    monkeypatch.setattr(rp, "REGEX_TIMEOUT_S", 0.2)
    f = tmp_path / "slow.yaml"
    f.write_text("rules:\n  - {code: T903, name: slow, severity: info, summary: x, message: x}\n"
                 "entries:\n  - {code: T903, regex: '(a|aa)+$'}\n", encoding="utf-8")
    found = check_text("a" * 60 + "b", Config(select=("T903",), rule_files=(str(f),)))
    assert found == []
    assert "timed out" in capsys.readouterr().err


def test_dated_rule_on_an_undated_text_is_only_a_hint(tmp_path):
    pack = tmp_path / "dated.yaml"
    pack.write_text(
        "rules:\n  - {code: T904, name: dated, severity: error, fix: safe, summary: x, message: 已更名}\n"
        "entries:\n  - {code: T904, pattern: 旧机构名, suggest: 新机构名, since: 2018-03-17}\n", encoding="utf-8")
    cfg = Config(select=("T904",), rule_files=(str(pack),))
    [guess] = check_text("报送旧机构名备案。", cfg)
    assert guess.severity == Severity.INFO and not guess.fix_safe and "未找到成文日期" in guess.message
    [known] = check_text("报送旧机构名备案。", cfg, as_of="2024-01-01")
    assert known.severity == Severity.ERROR and known.fix_safe


def test_shipped_patterns_read_the_same_in_the_stdlib_engine():
    """Shipped regexes may run on `re` (faster); its \\p{Han} must be the `regex` module's."""
    import re
    import unicodedata

    import regex

    from govproof.rulepack_format import _compile, _to_stdlib
    han = re.compile(_to_stdlib(r"\p{Han}"))
    differ = [hex(c) for c in range(0x2E80, 0x10000)
              if unicodedata.category(chr(c)) != "Cn"
              and bool(han.match(chr(c))) != bool(regex.match(r"\p{Han}", chr(c)))]
    assert differ == []
    fast = _compile(r"(?<w>(?<c>\p{Han})(?!\g<c>{2})\p{Han}{2,7})\g<w>", "test", shipped=True)
    assert isinstance(fast, re.Pattern) and fast.search("要进一步进一步加强").group(0) == "进一步进一步"
    nested_set = _compile(r"[\p{Han}--[的]]", "test", shipped=True)
    assert isinstance(nested_set, regex.Pattern)  # V1 set operations stay with `regex`


def test_trigger_windows_find_exactly_what_whole_text_matching_finds():
    """Regexes run only on lines holding their trigger literal; that must never change a finding."""
    from govproof.checks.rulepack import RulePackCheck
    from govproof.document import Document
    from govproof.rule import CheckContext

    pack = load_pack((), ())
    text = "\n".join(t for e in pack.entries for t in e.examples_hit + e.examples_ok)
    ctx = CheckContext(config=Config(), is_selected=lambda code: True)
    fast = RulePackCheck(pack)
    slow = RulePackCheck(pack)
    slow._windows = lambda doc, e, triggered: [(0, len(doc.text))]  # type: ignore[method-assign]

    def spans(check):
        return sorted((f.code, f.start, f.end, f.suggestion) for f in check.run(Document(text=text, as_of=dt.date(2025, 6, 1)), ctx))
    assert spans(fast) == spans(slow)
    assert sum(1 for e in pack.entries if e.triggers) > 100  # the speed-up is in use

