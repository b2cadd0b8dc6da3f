"""D family: ID, mobile and bank card numbers are found, and no report republishes them."""
from __future__ import annotations

import json

from form_helpers import codes, findings

from govproof.checks.personal_data import redact
from govproof.cli import main

ID, MOBILE, CARD = "11010519491231002X", "13812345678", "6222021234567890128"
DECISION = (f"当事人：李某，男，身份证号码{ID}，联系电话{MOBILE}。\n"
            f"违法所得已退至其银行卡{CARD}。\n"
            "本机关地址：XX市人民路1号，联系电话：0771-2801234。\n")


def test_each_number_is_found_with_a_masked_text_and_suggestion():
    found = {f.code: f for f in findings(DECISION, "D")}
    assert sorted(found) == ["D101", "D102", "D103"]
    assert (found["D101"].shown_text, found["D101"].suggestion) == ("110105********002X", "110105********002X")
    assert found["D102"].shown_text == "138****5678"
    assert found["D103"].shown_text == "622202*********0128"
    for f in found.values():
        assert DECISION[f.start:f.end] in (ID, MOBILE, CARD)
        assert not f.fix_safe and f.severity >= 2


def test_numbers_that_are_not_personal_data_are_left_alone():
    text = ("统一社会信用代码：91110000717829452F；订单号110105194912310021；流水号20241381234567890；"
            "项目编号4111111111111111；已打码的号码110105********002X、138****5678；"
            "出生日期在未来的编号110105209912310010；更长的数字13812345678901。")
    assert codes(text, "D") == []


def test_visa_or_mastercard_numbers_need_card_context():
    assert codes("收款账号：4111 1111 1111 1111", "D103") == ["D103"]
    assert codes("合同编号4111111111111111。", "D103") == []


def test_json_text_is_masked_while_start_and_end_locate_the_number(tmp_path, capsys):
    path = tmp_path / "decision.txt"
    path.write_text(DECISION, encoding="utf-8")
    main(["check", "--select", "D", "--format", "json", str(path)])
    out = capsys.readouterr().out
    assert ID not in out and MOBILE not in out and CARD not in out
    for f in json.loads(out)["files"][0]["findings"]:
        raw = DECISION[f["start"]:f["end"]]
        assert raw in (ID, MOBILE, CARD) and f["text"] != raw and f["text"].endswith(raw[-4:])


def test_sarif_and_terminal_reports_show_the_masked_number(tmp_path, capsys):
    path = tmp_path / "decision.txt"
    path.write_text(f"当事人身份证号码{ID}。\n", encoding="utf-8")
    main(["check", "--select", "D", "--format", "sarif", str(path)])
    main(["check", "--select", "D", "--no-color", str(path)])
    out = capsys.readouterr().out
    assert ID not in out and "110105********002X" in out


def test_redact_masks_every_number_in_a_context_string():
    assert redact(f"手机{MOBILE}，身份证{ID}，卡号{CARD}。") == \
        "手机138****5678，身份证110105********002X，卡号622202*********0128。"
