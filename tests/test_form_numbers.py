"""N family on realistic notice text: short years, mixed numerals, widths, ranges, dates and weekdays."""
from __future__ import annotations

from form_helpers import codes, findings, fixed

SIGNED = "\nXX县人民政府办公室\n{date}\n"
BODY = "关于做好2024年春节期间安全生产工作的通知\n各乡镇人民政府，县政府各部门：\n请认真贯彻落实。"


def test_short_year_only_in_a_date_and_with_an_unsafe_century_guess():
    found = findings("24年3月起，全市推行“一网通办”；该厂于98年5月建成投产。", "N101")
    assert [(f.text, f.suggestion, f.fix_safe) for f in found] == [("24", "2024", False), ("98", "1998", False)]
    assert codes("工作满10年3个月的职工，可于2024年3月申请。国办发〔24〕5号", "N101") == []


def test_digits_mixed_with_qian_bai_become_arabic_and_units_are_left_alone():
    text = "项目总投资3千万元，全年接待游客1.5千万人次，发放补贴5百元；线路全长35千米，装机容量10千瓦。"
    assert fixed(text, "N102") == "项目总投资3000万元，全年接待游客1500万人次，发放补贴500元；线路全长35千米，装机容量10千瓦。"


def test_fullwidth_digits_become_halfwidth():
    assert fixed("投入占主营业务收入比重突破１.５％，其中超过３％的企业达到１０家。", "N103") == \
        "投入占主营业务收入比重突破1.5％，其中超过3％的企业达到10家。"


def test_ranges_keep_both_percent_signs_and_units():
    text = "今年新增就业人数同比增长20-30%，降幅控制在15～30%以内，每户补助3～5万元。"
    assert fixed(text, "N104") == "今年新增就业人数同比增长20%～30%，降幅控制在15%～30%以内，每户补助3万～5万元。"
    assert codes("2023-2025年完成改造，抽查比例为10%～20%，电话0771-2801234。", "N104") == []


def test_approximate_numbers_drop_the_dunhao_but_enumerations_keep_it():
    assert fixed("每个乡镇安排三、四个工作人员驻村，全村有五、六十户参加。", "N105") == \
        "每个乡镇安排三四个工作人员驻村，全村有五六十户参加。"
    assert codes("第三、四季度任务更重，三、四年级学生参加，第一、二批名单已公布。", "N105") == []


def test_impossible_dates():
    text = "请于2月30日前报送；2023年2月29日召开会议；自2024年13月1日起施行；2024年2月29日、4月30日不受影响。"
    assert [f.text for f in findings(text, "N106")] == ["2月30日", "2023年2月29日", "2024年13月1日"]


def test_weekday_that_does_not_match_the_date_gets_the_right_one():
    text = "定于2024年11月25日（星期二）上午9时召开会议，11月26日（周二）下午分组讨论，11月28日（周五）返程。"
    found = findings(text, "N107")
    assert [(f.text, f.suggestion, f.fix_safe) for f in found] == [("星期二", "星期一", False), ("周五", "周四", False)]


def test_weekday_without_a_year_in_reach_is_not_judged():
    assert codes("2月2日（星期六）、2月3日（星期日）上班。", "N107") == []


def test_written_date_forms_under_gbt9704():
    for written in ("2024年03月05日", "二〇二四年三月五日", "2024.3.5", "2024-03-05"):
        text = BODY + SIGNED.format(date=written)
        assert fixed(text, "N108") == BODY + SIGNED.format(date="2024年3月5日"), written
    assert codes(BODY + SIGNED.format(date="2024年3月5日"), "N108") == []
    old = BODY.replace("2024", "2010") + SIGNED.format(date="二〇一〇年一月五日")
    assert codes(old, "N108") == []
