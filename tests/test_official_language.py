"""规范表述 (T): dates decide renamed agencies and repealed laws; the law-name check is exact about what is near."""
from __future__ import annotations

import datetime as dt
import json

from govproof import Config, check_text
from govproof.checks.law_names import known_names, nearest_real_name, one_edit_apart
from govproof.cli import main

T = Config(select=("T",))


def _found(text: str, as_of: dt.date | None = None, config: Config = T) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.suggestion) for f in check_text(text, config, as_of=as_of)]


def test_written_date_in_the_text_decides_whether_an_old_agency_name_is_outdated():
    body = "请将有关材料报送国土资源部。\n\n"
    assert _found(body + "2017年6月1日\n", as_of=dt.date(2025, 1, 1)) == []
    assert _found(body + "2019年6月1日\n", as_of=dt.date(2015, 1, 1)) == [("T201", "国土资源部", "自然资源部")]


def test_banking_regulator_names_follow_both_reforms():
    text = "人民银行、商务部、保监会等负责。"
    assert _found(text, as_of=dt.date(2017, 12, 1)) == []
    assert _found(text, as_of=dt.date(2020, 1, 1)) == [("T201", "保监会", "银保监会")]
    assert _found(text, as_of=dt.date(2024, 1, 1)) == [("T201", "保监会", "金融监管总局")]
    assert _found("人民银行、银保监会指导。", as_of=dt.date(2023, 5, 17)) == []
    assert _found("人民银行、银保监会指导。", as_of=dt.date(2023, 5, 18)) == [("T201", "银保监会", "金融监管总局")]


def test_a_sentence_about_the_reform_itself_is_not_reported():
    assert _found("将国土资源部的职责整合，组建自然资源部。", as_of=dt.date(2025, 1, 1)) == []
    assert _found("根据原环境保护部发布的标准执行。", as_of=dt.date(2025, 1, 1)) == []


def test_civil_code_replaced_nine_laws_on_2021_01_01():
    text = "根据《中华人民共和国合同法》第五十二条，该合同无效。"
    assert _found(text, as_of=dt.date(2020, 12, 31)) == []
    found = _found(text, as_of=dt.date(2021, 1, 1))
    assert found == [("T301", "《中华人民共和国合同法》", "《中华人民共和国民法典》")]
    assert _found("依照《中华人民共和国劳动合同法》解除合同。", as_of=dt.date(2025, 1, 1)) == []


def test_correct_abbreviations_of_places_and_organs_are_not_reported():
    text = "广西、内蒙古、新疆、西藏、宁夏各地和全国人大常委会、全国政协、香港特区政府"
    assert _found(text, as_of=dt.date(2025, 1, 1)) == []
    assert _found("广西省南宁市", as_of=dt.date(2025, 1, 1)) == [("T102", "广西省", "广西壮族自治区")]


def test_one_edit_apart_names_the_changed_span():
    assert one_edit_apart("政府釆购法", "政府采购法") == (2, 3)          # substitution
    assert one_edit_apart("劳动同法", "劳动合同法") == (2, 2)            # missing character
    assert one_edit_apart("安全产生法", "安全生产法") == (2, 4)          # swapped neighbours
    assert one_edit_apart("劳动合同法", "劳动合同法") is None
    assert one_edit_apart("行政许可法", "行政诉讼法") is None             # two apart


def test_nearest_real_name_is_unique_and_ignores_numerals():
    names = known_names()
    assert len(names) > 900 and "民法典" in names and "噪声污染防治法" in names
    assert nearest_real_name("个人信息保户法", names) == "个人信息保护法"
    assert nearest_real_name("劳动同法", names) is None                 # 劳动法 and 劳动合同法: ambiguous
    assert nearest_real_name("刑法修正案（十三）", names) is None


def test_law_title_check_leaves_real_names_and_abbreviations_alone():
    text = "学习《保密法》《环保法》《国际私法》和《中华人民共和国教师法》《中华人民共和国律师法》。"
    assert _found(text, config=Config(select=("T302",))) == []
    found = _found("依照《中华人民共和国政府釆购法》组织采购。", config=Config(select=("T302",)))
    assert found == [("T302", "政府釆购法", "政府采购法")]


def test_rules_command_lists_the_t_family(capsys):
    assert main(["rules", "--family", "T", "--format", "json"]) == 0
    listed = {r["code"] for r in json.loads(capsys.readouterr().out)}
    assert {"T101", "T102", "T201", "T301", "T302", "T401", "T402", "T403", "T501", "T502"} <= listed


def test_laws_named_by_the_repealed_law_rules_are_known_names():
    """T302 must not call a repealed law's real name a typo, and T301 must point at names that exist."""
    import regex
    from govproof.checks.rulepack import load_pack

    names = known_names()
    for e in load_pack((), ()).entries:
        if e.code != "T301":
            continue
        for text in [*e.examples_hit, e.suggest or ""]:
            for title in regex.findall(r"《([^《》]+)》", text):
                core = title.removeprefix("中华人民共和国")
                assert core in names or core.replace("（试行）", "") in names, f"{e.where}: {title} not in law-names.tsv"
