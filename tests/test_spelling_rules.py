"""The spelling rule packs S101–S105 beyond their per-entry examples: tricky 的/地/得 sentences, the S105 check's
judgement of traditional passages, the shipped tables, and a --fix round trip on a whole paragraph."""
from __future__ import annotations

import pytest

from govproof import Config, check_text
from govproof.checks.rulepack import load_pack
from govproof.checks.variant_chars import load_tables
from govproof.fix import apply_edits, choose_edits

AS_OF = "2025-06-01"
S1 = Config(select=("S1",))


def findings(text: str, code: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text, Config(select=(code,)), as_of=AS_OF) if f.code == code]


# --- S102 的地得 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("这次专项检查问题整改的很彻底。", "整改得很彻底"),
    ("各项惠民政策落实的非常到位，群众满意。", "落实得非常到位"),
    ("全市经济发展的越来越快", "发展得越来越快"),
    ("请各部门认真的做好汛期值班工作。", "认真地做好"),
    ("这些做法很值的借鉴。", "值得借鉴"),
    ("城市环境变的更加整洁。", "变得更加"),
])
def test_de_di_de_errors_are_fixed(text, expected):
    found = check_text(text, Config(select=("S102",)), as_of=AS_OF)
    assert found, text
    assert expected in apply_edits(text, choose_edits(found, unsafe=True))


@pytest.mark.parametrize("text", [
    "这次调研的目的很明确，就是摸清底数。",
    "有的很积极，有的还在观望。",
    "他反映的情况真的很重要。",
    "别的单位也有类似做法，似的说法不准确。",
    "这的确是一个好办法。",
    "我们落实的很多举措取得了实效。",
    "这是一次学习的很好机会。",
    "政府提供的非常好的服务得到群众认可。",
    "相关经费的十分之一用于培训。",
    "这是发展的非常时期，也是改革的关键阶段。",
    "经过严格的把关，材料全部合格。",
    "发挥了积极的推动作用。",
    "认真的工作态度值得肯定。",
    "这是一成不变的很多规矩之一。",
    "土地价值的评估方法值得研究。",
    "取得明显的成效。",
    "他睡觉的时候手机关机。",
    "采取的积极措施效果明显。",
    "我们所做的很不够。",
])
def test_de_di_de_stays_silent_on_correct_sentences(text):
    assert findings(text, "S102") == []


def test_de_di_de_ambiguous_verbs_are_not_safe_fixes():
    found = check_text("这项工作他们做的很扎实。", Config(select=("S102",)), as_of=AS_OF)
    assert [(f.text, f.suggestion, f.fix_safe) for f in found] == [("的", "得", False)]


# --- S105 traditional characters --------------------------------------------------------------------------
def test_stray_traditional_characters_are_fixed_one_run_at_a_time():
    text = "各单位要认真组织自查，並于6月底前將报告報送市政府辦公室。"
    assert findings(text, "S105") == [("並", "并"), ("將", "将"), ("報", "报"), ("辦", "办")]


def test_adjacent_traditional_characters_form_one_finding():
    assert findings("我们对有关報導进行了核实。", "S105") == [("報導", "报导")]


def test_titles_and_standard_characters_are_left_alone():
    assert findings("参阅《說文解字》和《論語》的有关条目。", "S105") == []
    assert findings("乾坤朗朗，著作等身，宫商角徵羽，於姓族人。", "S105") == []


def test_quoted_traditional_passage_is_left_but_stray_character_outside_is_flagged():
    text = ("来函引用了香港特别行政区的规定：“本署對於申請人之請求，應於十五個工作日內答覆。”"
            "我们對此进行了研究。")
    assert findings(text, "S105") == [("對", "对")]


def test_traditional_sentence_inside_simplified_paragraph_is_left_alone():
    text = "台湾地区来函原文如下。本會已收到您的申請，將儘快處理。请各单位知悉。"
    assert findings(text, "S105") == []


def test_whole_traditional_document_gets_nothing():
    text = ("為推動政府資訊公開，本機關依法受理民眾之申請。\n"
            "申請人應載明姓名、住址及所需資訊之內容，並於收到通知後繳納費用。\n")
    assert findings(text, "S105") == []


def test_traditional_table_is_one_to_one_and_excludes_standard_characters():
    table, simplified_only = load_tables()
    assert len(table) > 2000
    assert all(t != s and len(t) == 1 and len(s) == 1 for t, s in table.items())
    assert not set(table) & set("乾著徵於藉瞭夥覆昇甦陞祕")
    assert table["檢"] == "检" and table["與"] == "与" and table["國"] == "国"
    assert not set(table.values()) & set(table), "a fix must never produce another flagged character"
    assert {"国", "这", "们", "说"} <= simplified_only and not {"床", "群", "峰"} & simplified_only


# --- the packs as data ------------------------------------------------------------------------------------
def test_packs_hold_their_codes_and_sizes():
    pack = load_pack((), ())
    counts = {code: sum(e.code == code for e in pack.entries) for code in ("S101", "S102", "S103", "S104")}
    assert counts["S101"] >= 150 and counts["S104"] >= 150 and counts["S102"] >= 5 and counts["S103"] >= 15
    assert "GF 1001-2001" in pack.headers["S104"].rule.source


def test_no_literal_is_claimed_by_two_spelling_rules_or_suggests_itself():
    pack = load_pack((), ())
    seen: dict[str, str] = {}
    for e in pack.entries:
        if e.pattern is None or not e.code.startswith("S1"):
            continue
        assert e.suggest != e.pattern, e.where
        assert e.pattern not in seen, f"{e.where}: {e.pattern} also in {seen[e.pattern]}"
        seen[e.pattern] = e.where


# --- fix round trip ---------------------------------------------------------------------------------------
PARAGRAPH = ("各乡镇要按排专人负责，做好人大代表侯选人推荐工作，再接再励，确保问题整改的很彻底。"
             "对群众反映的问题要及时答覆，截止目前已办结的，要將结果书面告知申请人。")
FIXED = ("各乡镇要安排专人负责，做好人大代表候选人推荐工作，再接再厉，确保问题整改得很彻底。"
         "对群众反映的问题要及时答复，截至目前已办结的，要将结果书面告知申请人。")


def test_fix_round_trip_on_a_paragraph():
    found = check_text(PARAGRAPH, S1, as_of=AS_OF)
    assert {f.code for f in found} == {"S101", "S102", "S103", "S104", "S105"}
    fixed = apply_edits(PARAGRAPH, choose_edits(found))
    assert fixed == FIXED
    assert check_text(fixed, S1, as_of=AS_OF) == []


def test_clean_government_prose_gets_no_spelling_rule_finding():
    text = ("为进一步做好政府信息公开工作，现将有关事项通知如下。各单位要认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "按照规定的时限和程序答复申请人。截至目前，全市共受理申请1200件，按期答复率达到100%。"
            "要切实加强组织领导，明确责任分工，确保各项工作落到实处，以更加扎实的作风推动工作取得新成效。"
            "严格执行保密审查制度，严禁泄露国家秘密。本通知自印发之日起施行，其间如有问题请及时反映。")
    assert check_text(text, S1, as_of=AS_OF) == []
