"""C104 / C111 time limits: every step of rules/ogi/time_limits.yaml fires on its `hit` examples, not on its `ok` ones."""
from __future__ import annotations

import pytest

from govproof import Config, check_text
from govproof.checks.citations import periods
from govproof.checks.citations.regulation import load
from govproof.data import data_dir, load_yaml

RAW = load_yaml(data_dir("rules") / "ogi" / "time_limits.yaml")
CASES = [pytest.param(text, kind, id=f"{r['id']}-{kind}{i}")
         for r in RAW["steps"] for kind in ("hit", "ok") for i, text in enumerate(r["examples"][kind])]
CONFIG = Config(select=("C104", "C111"))


def found(text: str, as_of: str = "2025-06-01"):
    # a sentence about 政府信息公开 on its own: say so, as the document around it would
    return check_text("【政府信息公开】" + text, CONFIG, as_of=as_of)


@pytest.mark.parametrize("text,kind", CASES)
def test_time_limit_example(text, kind):
    got = found(text)
    assert bool(got) == (kind == "hit"), [(f.code, f.text, f.message) for f in got]
    for f in got:
        assert f.evidence and "工作日" in f.evidence


def test_every_limit_quotes_words_of_its_provision():
    bad = []
    for r in RAW["steps"]:
        for version, x in r["limits"].items():
            p = periods.parse_spec(str(x["provision"]))
            if x["says"] not in load(version).text(p):
                bad.append(f"{r['id']} {version}: {p.label()} does not say {x['says']!r}")
    assert not bad, "\n".join(bad)
    assert len(periods.table().steps) == len(RAW["steps"])


def test_the_2007_number_is_c104_and_keeps_the_numeral_style():
    arabic = found("本机关应当自收到政府信息公开申请之日起15个工作日内予以答复。")
    chinese = found("本机关应当自收到政府信息公开申请之日起十五个工作日内予以答复。")
    assert [(f.code, f.text, f.suggestion) for f in arabic] == [("C104", "15", "20")]
    assert [(f.code, f.text, f.suggestion) for f in chinese] == [("C104", "十五", "二十")]


def test_wrong_unit_and_excess_are_c111_with_the_article():
    [f] = found("本机关应当自收到申请之日起二十日内予以答复。")
    assert (f.code, f.text, f.suggestion) == ("C111", "二十日", "二十个工作日")
    assert "第三十三条第二款" in f.message and "20个工作日内予以答复" in f.evidence
    [f] = found("经本机关负责人同意，延长答复期限30个工作日。")
    assert (f.code, f.suggestion) == ("C111", None)   # an actual extension: the office chooses the number


def test_a_period_right_for_another_step_is_not_an_error():
    assert not found("第三方应当自收到征求意见书之日起15个工作日内提出意见，本机关自收到申请之日起20个工作日内予以答复。")
    assert not found("本机关已书面征求第三方意见，请第三方在收到征求意见书之日起15个工作日内提出意见。")
    assert not found("请您在收到本告知书之日起15个工作日内补正，逾期不补正的视为放弃申请。")


def test_before_the_revision_the_2007_limits_apply():
    assert not found("本机关应当自收到申请之日起15个工作日内予以答复。", as_of="2018-06-01")
    [f] = found("本机关应当自收到申请之日起20个工作日内予以答复。", as_of="2018-06-01")
    assert f.code == "C111" and "2007年版" in f.message and "第二十四条第二款" in f.message
    # the 2007 text set no period for the third party: not judged
    assert not found("第三方应当在10个工作日内提出意见。", as_of="2018-06-01")
