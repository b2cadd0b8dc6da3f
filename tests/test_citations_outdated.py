"""C104 and C112: every entry of rules/ogi/outdated.yaml and misstatements.yaml fires on its `hit` examples and stays
silent on its `ok` ones."""
from __future__ import annotations

import pytest
import yaml

from govproof import Config, check_text
from govproof.data import data_dir

TABLES = {"C104": "outdated", "C112": "misstatements"}   # code → table (rules/ogi/<name>.yaml, top-level key)
ROWS = yaml.safe_load((data_dir("rules") / "ogi" / "outdated.yaml").read_text("utf-8"))["outdated"]
CASES = [pytest.param(code, text, kind, id=f"{r['id']}-{kind}{i}")
         for code, name in TABLES.items()
         for r in yaml.safe_load((data_dir("rules") / "ogi" / f"{name}.yaml").read_text("utf-8"))[name]
         for kind in ("hit", "ok") for i, text in enumerate(r["examples"][kind])]
CONFIG = Config(select=("C104",))


@pytest.mark.parametrize("code,text,kind", CASES)
def test_table_example(code, text, kind):
    # a sentence about 政府信息公开 on its own: say so, as the document around it would
    found = check_text("【政府信息公开】" + text, Config(select=(code,)), as_of="2025-06-01")
    assert bool(found) == (kind == "hit"), [(f.text, f.message) for f in found]


def test_before_the_revision_the_old_rules_were_the_law():
    for r in ROWS:
        for text in r["examples"]["hit"]:
            assert not check_text("【政府信息公开】" + text, CONFIG, as_of="2018-06-01")


def test_suggestion_keeps_the_numeral_style():
    arabic = check_text("本机关应当自收到政府信息公开申请之日起15个工作日内予以答复。", CONFIG, as_of="2025-06-01")
    chinese = check_text("本机关应当自收到政府信息公开申请之日起十五个工作日内予以答复。", CONFIG, as_of="2025-06-01")
    assert [f.suggestion for f in arabic] == ["20"] and [f.suggestion for f in chinese] == ["二十"]
