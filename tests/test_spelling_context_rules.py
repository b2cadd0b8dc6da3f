"""S102 complements and S103 word pairs on whole sentences of official prose, beyond each entry's own examples:
the fix a reviewer gets, the 的 of attribution left alone, and the project's clean-prose set left untouched."""
from __future__ import annotations

from pathlib import Path

import pytest

from govproof import Config, check_text
from govproof.fix import apply_edits, choose_edits

AS_OF = "2025-06-01"
S1 = Config(select=("S1",))
CLEAN_PROSE = sorted((Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "clean-prose").glob("*.txt"))


def fixed(text: str, *, unsafe: bool = True) -> str:
    return apply_edits(text, choose_edits(check_text(text, S1, as_of=AS_OF), unsafe=unsafe))


# --- S102: verb + 的 + degree or result complement ------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("个别单位惠民政策落实的不到位，群众意见较大。", "个别单位惠民政策落实得不到位，群众意见较大。"),
    ("有的党组织对意识形态工作抓的不紧、管的不严。", "有的党组织对意识形态工作抓得不紧、管得不严。"),
    ("会上，分管领导把要求说的很清楚。", "会上，分管领导把要求说得很清楚。"),
    ("今年的各项目标任务完成的较好，但整改推进的还不够快。", "今年的各项目标任务完成得较好，但整改推进得还不够快。"),
    ("全区“我为群众办实事”活动开展的有声有色。", "全区“我为群众办实事”活动开展得有声有色。"),
    ("党员干部把为民服务的宗旨体现的淋漓尽致。", "党员干部把为民服务的宗旨体现得淋漓尽致。"),
    ("培养忠诚干净担当、靠的住、能干事的干部队伍。", "培养忠诚干净担当、靠得住、能干事的干部队伍。"),
    ("改革成果要经的起实践检验，让群众看的见、摸的着。", "改革成果要经得起实践检验，让群众看得见、摸得着。"),
    ("思想认识要跟的上形势发展，", "思想认识要跟得上形势发展，"),
    ("省里的文件精神传达的不够及时。", "省里的文件精神传达得不够及时。"),          # verbs of issue 12's second step
    ("一季度的惠农补贴兑付的比较快。", "一季度的惠农补贴兑付得比较快。"),
    ("突发事件信息发布的很及时。", "突发事件信息发布得很及时。"),
])
def test_complement_after_verb_takes_de_of_degree(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "我们做的工作，群众看在眼里。",
    "这是我们落实的一项重要举措。",
    "工作中存在的不足，我们将认真整改。",
    "弥补了基层管理的不足。",
    "群众反映的不实信息已及时澄清。",
    "这是推动高质量发展的更高要求。",
    "他说的不准确，我们再核实。",
    "全市落实的最好的是东湖街道。",
    "这些变化真的实实在在。",
    "请核对申请人登记的住址。",
    "原告对此次对的起诉不服。",
    "这是我们打过的硬仗。",
    "这些事归街道管的很少。",
    "由他分管的很多工作都走在前列。",
])
def test_de_of_attribution_is_left_alone(text):
    assert [f.code for f in check_text(text, Config(select=("S102",)), as_of=AS_OF)] == []


@pytest.mark.parametrize("text,expected", [
    ("各乡镇要认真的开展防汛隐患排查。", "各乡镇要认真地开展防汛隐患排查。"),
    ("必须积极稳妥的推进城中村改造。", "必须积极稳妥地推进城中村改造。"),
    ("要主动及时的回应社会关切。", "要主动及时地回应社会关切。"),
    ("并扎实的做到应保尽保。", "并扎实地做到应保尽保。"),
])
def test_adverbial_after_a_modal_takes_di(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "这项改革发挥了积极的推动作用。",
    "进行了深入的调查研究，形成了报告。",
    "要坚持积极的宣传导向。",
    "各项政策得到了全面的落实。",
    "要建立有效的防范机制。",
    "全面的提升需要一个过程。",
    "工作需要全面的提升。",
])
def test_attributive_before_a_verbal_noun_is_left_alone(text):
    assert [f.code for f in check_text(text, Config(select=("S102",)), as_of=AS_OF)] == []


def test_saying_verbs_are_reported_but_not_fixed_automatically():
    found = check_text("会上领导说的很清楚。", Config(select=("S102",)), as_of=AS_OF)
    assert [(f.text, f.suggestion, f.fix_safe) for f in found] == [("的", "得", False)]


# --- S103: both forms are words; the context decides -----------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("行政机关收到申请后，应当在20个工作日内做出答复。", "行政机关收到申请后，应当在20个工作日内作出答复。"),
    ("申报截至日期为2025年6月30日，逾期不予受理。", "申报截止日期为2025年6月30日，逾期不予受理。"),
    ("截止至6月底，全区共受理申请86件。", "截至6月底，全区共受理申请86件。"),
    ("做好节日期间生活必须品保供稳价工作。", "做好节日期间生活必需品保供稳价工作。"),
    ("各部门要抓紧制订配套政策，", "各部门要抓紧制定配套政策，"),
    ("其它人员未经许可不得进入机房。", "其他人员未经许可不得进入机房。"),
    ("支持社会力量举办非盈利性养老机构。", "支持社会力量举办非营利性养老机构。"),
    ("介于上述情况，本机关决定延期答复。", "鉴于上述情况，本机关决定延期答复。"),
    ("用人单位应当依法为职工交纳社会保险费。", "用人单位应当依法为职工缴纳社会保险费。"),
    ("严禁截流、挪用专项资金。", "严禁截留、挪用专项资金。"),
    ("本办法自2025年7月1日起实行。", "本办法自2025年7月1日起施行。"),
    ("即要抓好疫情防控，又要稳住经济大盘。", "既要抓好疫情防控，又要稳住经济大盘。"),
    ("新华社授权发布《关于深化改革的决定》。", "新华社受权发布《关于深化改革的决定》。"),
    ("到2030年，全县居民人均收入比2020年翻一翻。", "到2030年，全县居民人均收入比2020年翻一番。"),
    ("县委做出了全面推进城乡融合发展的战略部署。", "县委作出了全面推进城乡融合发展的战略部署。"),
    ("值班人员擅离岗位，以至发生了较大火灾事故。", "值班人员擅离岗位，以致发生了较大火灾事故。"),
    ("可以向县信访部门反应相关情况。", "可以向县信访部门反映相关情况。"),
    ("新建的便民服务中心已正式起用。", "新建的便民服务中心已正式启用。"),
    ("着力提升城市品味。", "着力提升城市品位。"),
    ("到2035年基本建成法制国家、法制政府、法制社会。", "到2035年基本建成法治国家、法治政府、法治社会。"),
])
def test_word_pair_is_corrected_by_its_context(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize("text", [
    "截至6月30日，全区共受理政府信息公开申请120件。",
    "报名截止时间为6月30日17时。",
    "企业做出了一批新产品，把群众满意当做出发点。",
    "这是每名干部所必须遵守的纪律，必须严格执行。",
    "制订年度培训计划和实施方案。",
    "抓紧制订落实政策的工作方案。",
    "其它事项另行通知。",
    "公司上半年实现盈利1200万元。",
    "其数值介于上述两个标准之间。",
    "党员应当按月交纳党费。",
    "自2025年1月1日起实行新的收费标准。",
    "辨证施治是中医的基本原则。",
    "重点考查团队协作能力。",
    "接到通知立即要求各单位自查，又要求限期上报。",
    "经国务院授权发布有关规定。",
    "会前请把材料再翻一翻。",
    "车间做出了一批合格的样品。",
    "雪越下越大，以至看不清路面。",
    "群众对新政策反应积极。",
    "大胆起用敢于担当的干部。",
    "在老街品味地道小吃。",
    "法制史是法学的一门基础课。",
    "维护社会主义法制的统一和尊严。",
])
def test_word_pair_is_left_alone_where_it_is_right(text):
    assert [f.code for f in check_text(text, Config(select=("S103",)), as_of=AS_OF)] == []


def test_qita_for_people_is_one_spelling_finding_not_also_the_style_hint():
    found = check_text("其它人员不得进入。", as_of=AS_OF)
    assert [(f.code, f.text, f.suggestion) for f in found] == [("S103", "其它", "其他")]


def test_zuochu_is_a_warning_by_the_norm_not_an_error():
    found = check_text("依法做出处理决定。", Config(select=("S103",)), as_of=AS_OF)
    assert [(f.text, f.suggestion, f.severity.name) for f in found] == [("做出", "作出", "WARNING")]


# --- the project's own clean prose ----------------------------------------------------------------------
def test_clean_prose_set_is_there():
    assert len(CLEAN_PROSE) >= 8 and sum(len(p.read_text(encoding="utf-8")) for p in CLEAN_PROSE) > 5000


@pytest.mark.parametrize("path", CLEAN_PROSE, ids=lambda p: p.stem)
def test_spelling_rule_packs_raise_nothing_on_clean_prose(path):
    text = path.read_text(encoding="utf-8")
    assert [(f.code, f.text) for f in check_text(text, S1)] == []
