"""Where output goes and what it says: --diff owns standard output, personal data says what to do, new files
get the permissions of any new file."""
from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import run_cli

TEXT = "请各单位按排专人负责信息报送。\n"
ID = "11010519491231002X"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_diff_prints_only_the_diff_on_stdout(draft):
    p = run_cli("check", "--diff", "--select", "S101", str(draft))
    out, err = p.stdout.decode(), p.stderr.decode()
    assert out.startswith("--- a/") and "+请各单位安排专人负责信息报送。" in out
    assert "S101" not in out and "共检查" not in out   # the report is on stderr
    assert "S101" in err and "共检查 1 个文件" in err
    assert p.returncode == 1                            # a diff changes nothing: the finding still counts


def test_diff_with_json_keeps_stdout_a_diff_and_exit_codes(draft, tmp_path):
    p = run_cli("check", "--diff", "--format", "json", "--select", "S101", str(draft))
    assert p.stdout.decode().startswith("--- a/") and p.returncode == 1
    report = tmp_path / "r.json"
    p = run_cli("check", "--diff", "--format", "json", "--output", str(report), "--select", "S101", str(draft))
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["findings"] == 1
    assert p.stdout.decode().startswith("--- a/")
    clean = tmp_path / "clean.txt"
    clean.write_text("请各单位安排专人负责。\n", encoding="utf-8")
    p = run_cli("check", "--diff", "--select", "S101", str(clean))
    assert p.returncode == 0 and p.stdout == b""
    assert run_cli("check", "--diff", str(tmp_path / "missing.txt")).returncode == 2


def test_personal_data_says_mask_or_delete_not_two_equal_lines(tmp_path):
    f = tmp_path / "letter.txt"
    f.write_text(f"申请人身份证号码{ID}。\n", encoding="utf-8")
    out = run_cli("check", "--select", "D", str(f)).stdout.decode()
    assert ID not in out
    assert "处理：发布前删除，或遮盖为“110105********002X”" in out
    assert "  + " not in out
    finding = json.loads(run_cli("check", "--format", "json", "--select", "D", str(f)).stdout)["files"][0]["findings"][0]
    assert finding["suggestion"] == finding["text"] == "110105********002X"


@pytest.mark.skipif(not hasattr(os, "umask") or os.name != "posix", reason="POSIX permissions")
def test_fixed_copy_and_report_follow_the_umask(draft, tmp_path):
    report = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run_cli("check", "--fix", "--select", "S101", str(draft))
        run_cli("check", "--format", "json", "--output", str(report), str(draft))
    finally:
        os.umask(old)
    for made in (tmp_path / "draft.fixed.txt", report):
        assert stat.S_IMODE(made.stat().st_mode) == 0o644, made
