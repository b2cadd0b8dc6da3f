"""F family: 发文字号, heading numbering and doubled words, on whole notices and on excerpts."""
from __future__ import annotations

from form_helpers import codes, findings, fixed

NOTICE = """XX市人民政府办公室关于开展政务公开专项检查的通知
X政办发[2024]第05号
各区县人民政府，市政府各部门：
根据《国务院办公厅关于印发2024年政务公开工作要点的通知》（国办发(2024)11号）要求，现将有关事项通知如下：
一、检查内容
（一）主动公开情况
1.公开目录是否完整；
2.公开时限是否符合规定；
4.解读材料是否同步发布。
（三）依申请公开情况
二、检查方式
（一）自查
（一）抽查
四、工作要求
各单位要进一步进一步提高认识，切实加强对政务公开工作的的组织领导。
"""


def test_document_numbers_are_fixed_to_gbt9704_form():
    fixed_text = fixed(NOTICE, "F101,F103")
    assert "X政办发〔2024〕5号" in fixed_text and "国办发〔2024〕11号" in fixed_text
    short = findings("依据京政发〔24〕12号文件执行。", "F102")
    assert [(f.text, f.suggestion, f.fix_safe) for f in short] == [("〔24〕", "〔2024〕", False)]


def test_numbers_that_only_look_like_document_numbers_are_left_alone():
    text = "案号为（2024）京0105行初123号；依据国务院令第711号；详见国办发〔2024〕5号。"
    assert codes(text, "F101,F102,F103") == []


def test_heading_numbers_that_skip_repeat_or_start_wrong():
    found = [(f.text, f.message) for f in findings(NOTICE, "F104")]
    assert [t for t, _ in found] == ["4.", "（三）", "（一）", "四、"]
    assert "缺少“3.”" in found[0][1]
    assert "缺少“（二）”" in found[1][1]
    assert "重复" in found[2][1]
    assert "缺少“三、”" in found[3][1]


def test_child_level_before_its_parent_in_the_same_section():
    text = "一、总体要求\n1.指导思想\n（一）基本原则\n（二）工作目标\n二、主要任务\n1.加强领导\n2.完善机制\n"
    assert [f.text for f in findings(text, "F105")] == ["1."]


def test_headings_with_spaces_or_fullwidth_digits_and_lists_under_articles_are_accepted():
    variants = "一、总体要求\n１．指导思想\n２. 基本原则\n二 、主要任务\n（ 一 ）加强领导\n（二）完善机制\n"
    law = ("第十九条 对涉及公众利益调整的政府信息，行政机关应当主动公开。\n"
           "第二十条 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：\n"
           "（一）行政法规、规章和规范性文件；\n（二）机关职能、机构设置；\n"
           "第二十一条 除本条例第二十条规定的政府信息外，设区的市级、县级人民政府应当主动公开下列内容：\n"
           "（一）市政建设；\n（二）社会救助。\n")
    excerpt = "（三）有较规范完善的管理办法、考核鉴定工作制度和工作流程。"
    for text in (variants, law, excerpt, "十三、加强改革任务落实和总结评估"):
        assert codes(text, "F104,F105") == [], text


def test_doubled_words_but_not_reduplication_names_or_aabb():
    assert fixed(NOTICE, "F106").endswith("各单位要进一步提高认识，切实加强对政务公开工作的组织领导。\n")
    ok = ("大家常常看看、天天学，人人参与，一一落实，层层压实，步步推进，认认真真、的的确确办好实事；"
          "为实现这一目的的各项措施要落实到位；合同标的的金额为100万元；获奖人员：王丽丽、李娜娜。")
    assert codes(ok, "F106") == []


def test_safe_fixes_of_all_form_families_leave_nothing_safe_to_fix_and_add_no_new_problem():
    text = ("XX县人民政府办公室关于开展安全生产大检查的通知\n"
            "X政办发[2024]第05号\n"
            "各乡镇人民政府,县政府各部门:\n"
            "根据《国务院安全生产委员会关于开展安全生产大检查的通知》、《XX省安全生产条例》等要求，分三、四个阶段进行。\n"
            "一.检查内容\n"
            "检查企业20-30%，项目总投资3千万元以上的企业全部检查，共１２个乡镇。。\n"
            "要进一步进一步加强对人员密集场所的的检查...确保不留死角。\n"
            "县人民政府办公室\n"
            "二〇二四年三月五日\n")
    before = {f.code for f in findings(text, "P,N,F")}
    after_text = fixed(text, "P,N,F")
    after = findings(after_text, "P,N,F")
    assert not [f for f in after if f.fix_safe]
    assert {f.code for f in after} <= before
    assert after_text.splitlines()[1:6] == [
        "X政办发〔2024〕5号",
        "各乡镇人民政府，县政府各部门：",
        "根据《国务院安全生产委员会关于开展安全生产大检查的通知》《XX省安全生产条例》等要求，分三四个阶段进行。",
        "一、检查内容",
        "检查企业20%～30%，项目总投资3000万元以上的企业全部检查，共12个乡镇。",
    ]
    assert after_text.endswith("要进一步加强对人员密集场所的检查……确保不留死角。\n县人民政府办公室\n2024年3月5日\n")


def test_the_attachment_list_after_the_last_section_is_not_part_of_its_numbering():
    text = ("三、保障措施\n1.加强组织领导。\n2.强化督促检查。\n"
            "附件：1.2024年政务公开工作任务分解表\n      2.政府信息公开工作年度报告格式\n")
    assert codes(text, "F104,F105") == []
