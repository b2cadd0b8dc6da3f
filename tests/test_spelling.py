"""The statistical spelling checker (S201/S202): real typos found and corrected, correct prose left alone.

Tests that need the word language model (kenlm + Debian's libime-data-language-model, installed by
.ci/run) skip with the reason when it is absent; the tables and the protection mask are tested always.
"""
from __future__ import annotations

import pytest

from govproof.api import check_text
from govproof.checks.spelling.candidates import NEAR_SOUND, SHAPE, SOUND, fuzzy, load_confusions
from govproof.checks.spelling.completions import MASK, build_completions, sound_keys
from govproof.checks.spelling.lm import segment
from govproof.checks.spelling.protect import protected_mask
from govproof.config import Config
from govproof.document import Document
from optional import REQUIRED, requires, skip_without

S2 = Config(select=("S2",))
needs_lm = requires("word LM")


@pytest.fixture(scope="module")
def model():
    """The LM and tables, loaded once for the module."""
    skip_without("word LM")
    from govproof.checks.spelling.checker import load_model

    return load_model(None)


def fixes(text: str, config: Config = S2) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text, config, as_of="2025-06-01")]


# --- tables ----------------------------------------------------------------
def test_fuzzy_pinyin_merges_ime_confusions():
    assert fuzzy("zhi") == fuzzy("zi")
    assert fuzzy("ying") == fuzzy("yin")
    assert fuzzy("nan") == fuzzy("lan")
    assert fuzzy("shang") == fuzzy("san")
    assert fuzzy("ba") != fuzzy("pa")


def test_confusion_kinds():
    conf = load_confusions()
    assert conf.kind("侯", "候") == SOUND
    assert conf.kind("栺", "指") == SOUND
    assert conf.kind("制", "治") == SOUND
    assert conf.kind("资", "兹") == SOUND
    assert conf.kind("是", "四") == NEAR_SOUND      # shi ~ si
    assert conf.kind("己", "已") in (SOUND, SHAPE)
    assert conf.kind("目", "日") == SHAPE
    assert conf.kind("国", "猫") is None


def test_completions_find_words_one_character_away():
    conf = load_confusions()
    table = build_completions(["安排", "审计", "候选人"], conf.syllables)
    assert "安" in table[MASK + "排"] and "安" in conf.allowed("按")   # 按排 → 安排: completes a word, sounds alike
    assert "候" in table[MASK + "选人"] and "候" in conf.allowed("侯")  # 侯选人 → 候选人: looks alike
    hits = [w for k in sound_keys("神迹", conf.syllables) for w in table.get(k, "").split(",") if w]
    assert "审计" in hits


# --- protection ------------------------------------------------------------
def _protected(text: str, part: str) -> bool:
    mask = protected_mask(Document(text=text))
    i = text.index(part)
    return all(mask[i:i + len(part)])


@pytest.mark.parametrize("text,part", [
    ("组长由办公室主任高雨担任。", "高雨"),
    ("请王建伟同志负责联络。", "王建伟"),
    ("主讲人：刘志伟（省社会科学院）、陈立（市档案馆）。", "刘志伟"),
    ("课题组成员张建军（华东政法大学）参与调研。", "张建军"),
    ("开州区长沙镇齐圣村党委书记", "齐圣"),
    ("依据《关于加强政务公开工作的意建》执行。", "意建"),
    ("详见国办发〔2024〕5号文件。", "国办发〔2024〕5号"),
    ("网址为 https://www.gov.cn/zhengce 。", "https://www.gov.cn/zhengce"),
    ("第三十二条规定", "第三十二条"),
    ("推进一网通办和接诉即办。", "一网通办"),
])
def test_protected_spans(text, part):
    assert _protected(text, part)


@pytest.mark.parametrize("text,part", [
    ("由县级以上人民政府农业农村主管部门负责。", "政府农业"),    # 农村 is a common noun, not a village's name
    ("加快建设自由贸易试验区。", "贸易"),
    ("推进合肥片区和芜湖片区协同发展。", "合肥"),
    ("实施美丽乡村建设行动。", "美丽"),
])
def test_characters_before_a_common_area_noun_are_checked(text, part):
    mask = protected_mask(Document(text=text))
    i = text.index(part)
    assert not any(mask[i:i + len(part)])


def test_a_listed_area_noun_is_kept_as_written():
    text = "保障主产区和主销区粮食供应。"
    mask = protected_mask(Document(text=text))
    i = text.index("主销区")
    assert all(mask[i:i + 3]) and not any(mask[:i - 4])


def test_ordinary_prose_is_not_protected():
    text = "各单位要加强信息报送工作。"
    assert not any(protected_mask(Document(text=text)))


# --- the LM -----------------------------------------------------------------
def test_segmentation_follows_the_model_vocabulary(model):
    assert segment("请各单位安排专人负责信息报送", model.lm) == ["请", "各", "单位", "安排", "专人", "负责", "信息", "报送"]


@needs_lm
@pytest.mark.parametrize("text,wrong,right", [
    ("做好人大代表侯选人推荐工作。", "侯选人", "候选人"),
    ("请各单位按排专人负责信息报送。", "按排", "安排"),
    # typos that no word list of the project holds
    ("进一步完善工作机志，切实提高行政效率。", "机志", "机制"),
    ("加快推进项目建设近度。", "近度", "进度"),
    ("严格执行财务管理制渡。", "制渡", "制度"),
    ("各区县要积极配和，确保按时完成。", "配和", "配合"),
    ("县级人民政府教育行政部门应当加强对义务教育工作的栺导。", "栺导", "指导"),
])
def test_typos_found_and_corrected(model, text, wrong, right):
    assert (wrong, right) in fixes(text)


@needs_lm
def test_findings_keep_length_and_carry_confidence(model):
    found = check_text("进一步完善工作机志，切实提高行政效律。", S2)
    assert found
    for f in found:
        assert len(f.suggestion) == len(f.text) == f.end - f.start
        assert 0.0 < f.confidence <= 1.0
        assert f.fix_safe == (f.code == "S201" and f.confidence >= 0.9)


@needs_lm
def test_whole_sentence_rule_packs_together(model):
    """With every S rule, the three sentences of the issue are all corrected."""
    text = "请各单位按排专人负责信息报送。\n做好人大代表侯选人推荐工作。\n问题整改的很彻底。\n"
    got = {(f.text, f.suggestion) for f in check_text(text, Config(select=("S",)))}
    assert {("按排", "安排"), ("侯选人", "候选人"), ("的", "得")} <= got


CLEAN_PROSE = """\
各地区、各部门要深入贯彻落实党中央、国务院决策部署，坚持以人民为中心的发展思想，进一步推进政务公开标准化规范化建设。
要围绕稳就业、保民生、促发展等重点工作，及时准确发布政策信息，做好政策解读和回应关切，切实提高政府工作透明度。
各级行政机关应当建立健全政府信息公开工作制度，明确工作机构和人员，加强对本行政区域内政府信息公开工作的指导和监督。
对申请人提出的政府信息公开申请，行政机关应当依法在规定期限内予以答复；不能当场答复的，应当自收到申请之日起二十个工作日内予以答复。
市人民政府办公室负责组织实施本办法，各区县人民政府和市政府各部门要结合实际制定具体措施，确保各项任务落到实处。
加强基层政务公开队伍建设，定期开展业务培训，提升工作人员依法公开、主动服务的意识和能力。
推动政务服务事项网上办理，优化营商环境，让企业和群众办事更加便捷高效。
"""


@needs_lm
def test_correct_government_prose_stays_silent(model):
    assert fixes(CLEAN_PROSE) == []


@needs_lm
@pytest.mark.parametrize("text", [
    "组长由办公室主任高雨担任。",
    "请张建伟同志负责联络。",
    "依据《关于进一步加强政务公开工作的意建》执行。",
    "开州区长沙镇齐圣村党委书记",
    "本办法自2025年1月1日起施行，国办发〔2024〕5号同时废止。",
])
def test_names_titles_numbers_untouched(model, text):
    assert fixes(text) == []


@needs_lm
def test_whitelist_and_options_are_honoured(model):
    text = "进一步完善工作机志。"
    assert ("机志", "机制") in fixes(text)
    assert fixes(text, Config(select=("S2",), whitelist=("机志",))) == []
    assert fixes(text, Config(select=("S2",), options=(("spelling.threshold", 1.01),
                                                        ("spelling.second_threshold", 1.01)))) == []
    assert fixes(text, Config(select=("S2",), options=(("spelling.enabled", False),))) == []


def test_missing_configured_model_is_reported_not_fatal(capsys):
    config = Config(select=("S2",), options=(("spelling.lm", "/nonexistent/model.klm"),))
    assert check_text("进一步完善工作机志。", config) == []
    assert "spelling.lm" in capsys.readouterr().err


# --- optional backends (S203) -------------------------------------------------
def _backend_config(name: str, model: str) -> Config:
    return Config(select=("S2",), options=(("spelling.backend", name), ("spelling.backend_model", model),
                                           ("spelling.threshold", 1.01), ("spelling.second_threshold", 1.01)))


def test_backend_findings_are_reported_outside_protected_spans(monkeypatch):
    from govproof.checks.spelling import backends

    monkeypatch.setattr(backends, "load_backend", lambda name, model: lambda s: s.replace("按", "安"))
    text = "请各单位按排专人负责。依据《按排办法》执行。"
    found = check_text(text, _backend_config("pycorrector-kenlm", "unused.klm"))
    assert [(f.code, f.start, f.suggestion, f.fix_safe) for f in found] == [("S203", 4, "安", False)]


def test_backend_without_its_model_says_so_and_downloads_nothing(capsys):
    found = check_text("请各单位按排专人负责。", _backend_config("pycorrector-kenlm", "/nonexistent/char.klm"))
    assert found == []
    err = capsys.readouterr().err
    assert "未进行 S203 检查" in err and ("不存在" in err or "未安装" in err)


def test_pycorrector_kenlm_backend_runs_offline_on_a_tiny_model(tmp_path):
    skip_without("kenlm")
    from govproof.checks.spelling.backends import BackendError, load_backend

    arpa = tmp_path / "tiny.arpa"
    unigrams = ["-1.0\t<unk>\t0", "0\t<s>\t-0.3", "-1.0\t</s>\t0", "-0.7\t安\t-0.3", "-0.7\t排\t-0.3",
                "-2.5\t按\t-0.3"]
    bigrams = ["-0.1\t安 排", "-0.3\t<s> 安", "-0.3\t排 </s>"]
    arpa.write_text("\\data\\\nngram 1=6\nngram 2=3\n\n\\1-grams:\n" + "\n".join(unigrams) + "\n\n\\2-grams:\n"
                    + "\n".join(bigrams) + "\n\n\\end\\\n", encoding="utf-8")
    try:
        correct = load_backend("pycorrector-kenlm", str(arpa))
    except BackendError as e:
        if REQUIRED:  # CI installs pycorrector and what its kenlm corrector imports: a skip there hides a broken install
            raise
        pytest.skip(str(e))
    out = correct("请各单位按排专人负责。")
    assert len(out) == len("请各单位按排专人负责。")


def test_macbert_backend_on_a_tiny_self_built_model(tmp_path):
    torch = pytest.importorskip("torch", reason="torch absent: the MacBERT backend is optional")
    transformers = pytest.importorskip("transformers")
    from govproof.checks.spelling.backends import load_backend

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "安", "排", "按", "工", "作"]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt")).save_pretrained(tmp_path)
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=8, num_hidden_layers=1,
                                     num_attention_heads=1, intermediate_size=8)
    model = transformers.BertForMaskedLM(config)
    with torch.no_grad():  # bias the output towards 安 wherever the input is 按
        model.cls.predictions.decoder.bias.zero_()
        model.cls.predictions.decoder.bias[vocab.index("安")] = 50.0
    model.save_pretrained(tmp_path)
    assert load_backend("macbert", str(tmp_path))("按排") == "安安"
