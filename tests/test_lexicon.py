"""S110 (near-misses of fixed expressions) and S111 (non-words near a frequent word) on real sentences,
the shipped lexicon and component data, and the guards that keep them quiet on clean prose."""
from __future__ import annotations

from pathlib import Path

import pytest

from govproof import Config, check_text
from govproof.checks.lexicon.confusable import COMPONENT, confusion
from govproof.checks.lexicon.expressions import Expression, Lexicon, load_lexicon, parse_lexicon
from govproof.data import data_dir, read_word_list
from govproof.fix import apply_edits, choose_edits

AS_OF = "2025-06-01"
NOTICES = Path(__file__).resolve().parent / "data" / "clean-notices.txt"


def found(text: str, code: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text, Config(select=(code,)), as_of=AS_OF) if f.code == code]


# --- S110 fixed expressions ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,wrong,right", [
    ("各街道要按步就班推进老旧小区改造。", "按步就班", "按部就班"),           # 成语, same sound
    ("全体党员干部要不忘出心、牢记使命，勇于担当。", "不忘出心", "不忘初心"),   # 提法
    ("我区持续推进放官服，压减审批时限。", "放官服", "放管服"),                 # three characters, middle one
    ("统筹推进五位一休总体布局，协调推进四个全面战略布局。", "五位一休", "五位一体"),  # shape: 休/体
    ("区市场监督管里局对辖区超市开展专项检查。", "市场监督管里局", "市场监督管理局"),  # organ name
    ("根据国家统记局发布的数据，全年增长5.2%。", "国家统记局", "国家统计局"),
    ("各镇要因地治宜，制定具体实施方案。", "因地治宜", "因地制宜"),
    ("办理群众诉求要有条不稳、件件落实。", "有条不稳", "有条不紊"),
    ("增强四个意识、坚定四个自信、做到两个维户。", "两个维户", "两个维护"),
    ("县退役军人事物局走访慰问烈属。", "退役军人事物局", "退役军人事务局"),  # long names outweigh the word 事物
    ("按时缴存住房公基金。", "住房公基金", "住房公积金"),
    ("申请人为某某科技股分有限公司。", "股分有限公司", "股份有限公司"),      # inside a company name
    ("始终坚持人民至上、生名至上。", "生名至上", "生命至上"),
    ("坚决防止发生规模性反贫。", "规模性反贫", "规模性返贫"),                  # entries added for issue 12's kinds
    ("建设宜居宜业合美乡村。", "宜居宜业合美乡村", "宜居宜业和美乡村"),
    ("部分企业举步维坚。", "举步维坚", "举步维艰"),
    ("规划要高屋建翎。", "高屋建翎", "高屋建瓴"),
    ("县气像局发布暴雨蓝色预警。", "气像局", "气象局"),
    ("坚决扛起防汛抗汗政治责任。", "防汛抗汗", "防汛抗旱"),
])
def test_fixed_expression_near_misses(text, wrong, right):
    assert (wrong, right) in found(text, "S110")


@pytest.mark.parametrize("text", [
    "各街道要按部就班推进老旧小区改造。",
    "持续深化放管服改革，压减审批时限。",
    "根据国家有关规定，现将有关事项通知如下。",   # 国家有关 is one character from 国家机关, but 有关 is a word
    "河长值班表每周更新一次。",                   # 河长制 with 值 for 制, but 值班 is a word
    "财政具有保障基本公共服务的职能。",           # 财政局 with 具 for 局 at its edge
    "全面推进四个方面的工作。",                   # 方/全 are not confusable
    "学习《放官服改革读本》第三章。",             # titles are quoted as written
    "一脉相传的优良作风。",                       # another entry-like word, not a near miss
])
def test_fixed_expressions_leave_correct_text_alone(text):
    assert found(text, "S110") == []


def test_finding_spans_messages_and_fix_safety():
    text = "全体党员要不忘出心。深化放官服改革。"
    by_text = {f.text: f for f in check_text(text, Config(select=("S110",)), as_of=AS_OF)}
    four, three = by_text["不忘出心"], by_text["放官服改革"]
    for f in (four, three):
        assert text[f.start:f.end] == f.text and len(f.suggestion) == len(f.text)
    assert four.fix_safe and four.confidence >= 0.9
    assert "固定提法" in four.message and "“出”与“初”同音" in four.message
    assert "固定表述词表" in four.evidence
    fixed = apply_edits(text, choose_edits(check_text(text, Config(select=("S110",)), as_of=AS_OF), unsafe=False))
    assert "不忘初心" in fixed


def test_two_entries_fitting_one_window_give_no_finding():
    lexicon = Lexicon([Expression("甲乙丙丁", "提法"), Expression("甲乙丙顶", "提法")])
    misses = list(lexicon.near_misses("甲乙丙定"))
    assert len(misses) == 2  # both fit: the check then reports neither (ambiguous)


def test_a_new_slogan_is_one_line_of_data():
    lexicon = Lexicon(parse_lexicon(["[提法]", "新质生产力"]))
    [miss] = lexicon.near_misses("加快发展新质生产利。")
    assert (miss.start, miss.expression.text, miss.position) == (4, "新质生产力", 4)
    assert list(lexicon.near_misses("加快发展新质生产力。")) == []


def test_lexicon_file_is_well_formed():
    path = data_dir("dictionaries") / "expressions" / "fixed-expressions.txt"
    header = path.read_text(encoding="utf-8").split("\n[", 1)[0]
    assert "来源" in header and "未取自任何评测集" in header
    entries = [e.text for e in load_lexicon().expressions]
    assert len(entries) == len(set(entries)) > 500
    assert {e.category for e in load_lexicon().expressions} == {"提法", "成语", "机构", "名称"}
    with pytest.raises(ValueError):
        parse_lexicon(["[提法]", "六稳"])


def test_shared_component_data():
    assert confusion("暑", "署") is not None
    assert confusion("切", "彻") is not None and confusion("休", "体") is not None
    assert confusion("憾", "撼") is not None
    assert confusion("部", "步") == "sound"
    assert confusion("方", "全") is None
    lines = read_word_list(data_dir("dictionaries") / "hanzi" / "shared-components.txt")
    assert all(":" in line for line in lines)
    assert COMPONENT == "component"


# --- S111 non-words near a frequent word --------------------------------------------------------------------
@pytest.mark.parametrize("text,wrong,right", [
    ("要全面贯切落实党中央决策部署。", "贯切", "贯彻"),
    ("认真落实上级部暑要求，按时报送材料。", "部暑", "部署"),
    ("多方筹错资金。", "筹错", "筹措"),               # official-prose words jieba counts rarely
    ("着力破除体制机制瓶劲。", "瓶劲", "瓶颈"),
    ("认真做好会议筹倍工作。", "筹倍", "筹备"),
    ("对非法经营场所依法予以取谛。", "取谛", "取缔"),
])
def test_near_word_typos(text, wrong, right):
    pytest.importorskip("jieba", reason="S111 needs jieba's dictionary")
    assert (wrong, right) in found(text, "S111")


@pytest.mark.parametrize("text", [
    "要全面贯彻落实党中央决策部署。",
    "对拒不整改的会员单位予以除名。",     # 除名 is a rare word, not a typo of 著名
    "既要治标，也要治本。",
    "严格控制领导职数。",
    "会议由李建伟主持。",                 # a given name is no typo
    "各区县要抓好落实。",
    "多方筹措资金。",
    "对工作不力的严肃问责。",
    "着力补齐民生短板，做好兜底保障。",
])
def test_near_word_leaves_correct_text_alone(text):
    pytest.importorskip("jieba", reason="S111 needs jieba's dictionary")
    assert found(text, "S111") == []


def test_near_word_gives_way_to_the_lexicon():
    pytest.importorskip("jieba", reason="S111 needs jieba's dictionary")
    codes = [f.code for f in check_text("各镇要英地制宜推进。", Config(select=("S11",)), as_of=AS_OF)]
    assert codes == ["S110"]


def test_clean_notices_give_no_lexicon_finding():
    lines = [line for line in NOTICES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    findings = check_text("\n".join(lines), Config(select=("S110", "S111")), as_of=AS_OF)
    assert [(f.code, f.text, f.suggestion) for f in findings] == []


def test_whitelisted_words_are_never_reported():
    text = "本站转载的《按步就班》栏目文章：按步就班。"
    config = Config(select=("S110",), whitelist=("按步就班",))
    assert check_text(text, config, as_of=AS_OF) == []


def test_official_words_count_as_frequent_and_are_well_formed():
    from govproof.checks.lexicon.near_words import WORD_MIN, official_words, with_official_words

    words = official_words()
    assert len(words) > 400 and {"筹措", "瓶颈", "问责"} <= words
    merged = with_official_words({"筹措": 282, "部署": 50000})
    assert merged["筹措"] == WORD_MIN and merged["部署"] == 50000 and merged["问责"] == WORD_MIN
    header = (data_dir("dictionaries") / "expressions" / "official-words.txt").read_text(encoding="utf-8")
    assert "来源" in header and "未取自任何评测集" in header


def test_official_words_table_follows_each_frequency_table():
    """A freed table's id may be reused by the next one: the merged copy must be the new table's, not a stale one."""
    from govproof.checks.lexicon.near_words import with_official_words

    assert with_official_words({"甲乙": 5})["甲乙"] == 5
    assert with_official_words({"甲乙": 7})["甲乙"] == 7
