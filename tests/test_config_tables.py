"""Settings tables ([tool.govproof.spelling], [spelling]) in either config file: read, hashable, applied."""
from govproof.config import load_config_file

from conftest import run_json

NOTICE = "关于做好信息报送工作的通知\n请各单位按排专人负责信息报送。\n做好人大代表侯选人推荐工作。\n"


def _notice(tmp_path):
    f = tmp_path / "通知.txt"
    f.write_text(NOTICE, encoding="utf-8")
    return f


def test_govproof_toml_with_tool_govproof_tables_is_read_like_pyproject(tmp_path):
    (tmp_path / "govproof.toml").write_text(
        '[tool.govproof]\nselect = ["S101"]\nwhitelist = ["侯选人"]\n'
        '[tool.govproof.spelling]\nthreshold = 0.8\n', encoding="utf-8")
    rc, out = run_json(str(_notice(tmp_path)))
    assert out["files"][0]["error"] is None
    assert rc == 1 and [x["text"] for x in out["files"][0]["findings"]] == ["按排"]
    config = load_config_file(tmp_path / "govproof.toml")
    assert config.select == ("S101",) and config.option("spelling.threshold") == 0.8


def test_tables_with_lists_and_subtables_keep_the_config_hashable(tmp_path):
    (tmp_path / "govproof.toml").write_text(
        'select = ["S101"]\n[spelling]\nthreshold = 0.8\nwords = ["甲", "乙"]\n[spelling.extra]\nlevel = 2\n',
        encoding="utf-8")
    config = load_config_file(tmp_path / "govproof.toml")
    hash(config)
    assert config.option("spelling.words") == ("甲", "乙") and config.option("spelling.extra.level") == 2
    rc, out = run_json(str(_notice(tmp_path)))
    assert out["files"][0]["error"] is None
    assert rc == 1 and [x["text"] for x in out["files"][0]["findings"]] == ["按排", "侯选人"]


def test_pyproject_spelling_table_is_applied(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govproof]\nselect = ["S101"]\n[tool.govproof.spelling]\nthreshold = 0.8\nwords = ["甲"]\n',
        encoding="utf-8")
    rc, out = run_json(str(_notice(tmp_path)))
    assert out["files"][0]["error"] is None and rc == 1
    assert load_config_file(tmp_path / "pyproject.toml").option("spelling.words") == ("甲",)
