"""P family on realistic notice text: what must be reported, what must not, and the safe fixes."""
from __future__ import annotations

from form_helpers import codes, findings, fixed

NOTICE = (
    "各区县人民政府,市政府各部门:\n"
    "为深入贯彻《中华人民共和国政府信息公开条例》(国务院令第711号),进一步提升政务公开质量,现将有关事项通知如下:\n"
    "一.总体要求\n"
    "坚持“公开为常态、不公开为例外”的原则.\n"
)


def test_halfwidth_marks_in_a_notice_are_fixed_to_fullwidth():
    assert fixed(NOTICE, "P") == (
        "各区县人民政府，市政府各部门：\n"
        "为深入贯彻《中华人民共和国政府信息公开条例》（国务院令第711号），进一步提升政务公开质量，现将有关事项通知如下：\n"
        "一、总体要求\n"
        "坚持“公开为常态、不公开为例外”的原则。\n"
    )
    assert all(f.fix_safe for f in findings(NOTICE, "P101"))


def test_halfwidth_marks_that_belong_to_numbers_addresses_and_english_are_left_alone():
    text = ("2023年，全市主动公开政府信息12.5万条，同比增长15.3%，共计10,000余条；推进会于9:30开始，比例为1:2。\n"
            "网址为https://www.example.gov.cn/zwgk/index.html?id=5，邮箱zwgk@example.gov.cn。\n"
            "English version: The Municipal Government will publish the annual report before March 31.\n"
            "1.每季度开展1次自查；\n"
            "详见[政务公开专栏](https://www.example.gov.cn/zwgk)。\n"
            "阿依古丽.买买提同志任副主任。\n")
    assert codes(text, "P101") == []


def test_halfwidth_brackets_pair_with_fullwidth_ones():
    text = "县(市、区)人民政府要加强领导（见附件1)。"
    assert [f.text for f in findings(text, "P101")] == ["(", ")", ")"]
    assert fixed(text, "P101") == "县（市、区）人民政府要加强领导（见附件1）。"


def test_doubled_and_conflicting_marks():
    text = "请各单位高度重视，，认真组织实施；。特此通知。。"
    found = findings(text, "P102")
    assert [(f.text, f.fix_safe) for f in found] == [("，，", True), ("；。", False), ("。。", True)]
    assert fixed(text, "P102") == "请各单位高度重视，认真组织实施；。特此通知。"


def test_unpaired_quotes_and_brackets_are_found_in_their_paragraph():
    text = ("会议强调：“要把群众的事当作自己的事。\n"
            "根据《中华人民共和国政府信息公开条例规定，制定本办法。\n"
            "（三）有较规范完善的管理办法、考核鉴定工作制度和工作流程。\n"
            "1）报名时间：3月1日至3月15日。\n")
    found = findings(text, "P103")
    assert [(f.text, f.line) for f in found] == [("“", 1), ("《", 2)]


def test_a_quotation_over_several_paragraphs_opens_each_and_closes_once():
    text = "文件指出：\n“一是加强组织领导；\n“二是完善工作机制；\n“三是强化督促检查。”\n"
    assert codes(text, "P103") == []


def test_titles_nested_in_titles_take_single_title_marks():
    text = "现将《关于印发《政府信息公开工作考核办法》的通知》转发给你们。"
    assert fixed(text, "P104") == "现将《关于印发〈政府信息公开工作考核办法〉的通知》转发给你们。"
    quote = "他说：“大家要记住“为人民服务”这句话。”"
    assert [f.fix_safe for f in findings(quote, "P104")] == [False, False]


def test_dunhao_between_titles_and_quotes_is_removed():
    text = "根据《中华人民共和国建筑法》、《中华人民共和国防震减灾法》等法律，坚持“凡提必审”、“凡进必审”。"
    assert fixed(text, "P105") == "根据《中华人民共和国建筑法》《中华人民共和国防震减灾法》等法律，坚持“凡提必审”“凡进必审”。"
    kept = "《中华人民共和国民法典》（2020年）、《中华人民共和国行政许可法》均有规定。"
    assert codes(kept, "P105") == []


def test_ellipsis_and_dash_forms():
    text = "调研组走访了甲村、乙村...形成了报告。我们的任务--全面建成小康社会。报名时间为3月1日~3月15日。"
    assert fixed(text, "P106,P107") == "调研组走访了甲村、乙村……形成了报告。我们的任务——全面建成小康社会。报名时间为3月1日～3月15日。"
    etc = findings("涉及教育、医疗、就业……等民生领域。", "P106")
    assert [(f.text, f.suggestion, f.fix_safe) for f in etc] == [("……", "", False)]


def test_stray_space_inside_a_sentence_but_not_in_layout():
    prose = "各单位要高度重视，认真 组织实施。"
    assert [f.text for f in findings(prose, "P108")] == [" "]
    layout = ("第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本条例。\n"
              "勠力同心谋新篇 砥砺前行开新局\n"
              "联系人：王　伟，电话：0771-2801234。\n"
              "XX市人民政府办公室　　　　2024年3月5日\n"
              "姓名　性别　职务\n")
    assert codes(layout, "P108") == []


def test_straight_quotes_around_chinese_become_curly_when_their_pairing_is_certain():
    text = '按照"公开为常态、不公开为例外"的原则，落实"放管服"改革。'
    assert fixed(text, "P101") == "按照“公开为常态、不公开为例外”的原则，落实“放管服”改革。"
    odd = '他说"公开"两个字，后面没有了。"'
    english = 'The "open data" policy applies, 见附件。<a href="http://www.example.gov.cn">链接</a>'
    assert codes(odd, "P101") == [] and codes(english, "P101") == []
