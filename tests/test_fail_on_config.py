"""fail-on from a config file found upward decides the exit code as an explicit --config one does."""
from conftest import run_cli
from govproof.cli import main

WARNING_ONLY = "请各单位安排专人负责信息报送,谢谢。\n"  # P101 (halfwidth comma): a warning, no error


def _folder(tmp_path, name, config: str | None):
    d = tmp_path / name
    d.mkdir()
    if config is not None:
        (d / "pyproject.toml").write_text(config, encoding="utf-8")
    (d / "a.txt").write_text(WARNING_ONLY, encoding="utf-8")
    return d


def test_check_uses_each_files_own_fail_on(tmp_path):
    lenient = _folder(tmp_path, "lenient", '[tool.govproof]\nfail-on = "error"\n')
    strict = _folder(tmp_path, "strict", None)
    doc = str(lenient / "a.txt")
    p = run_cli("check", "--format", "json", doc)
    assert '"P101"' in p.stdout.decode("utf-8") and p.returncode == 0
    assert run_cli("check", "--config", str(lenient / "pyproject.toml"), str(strict / "a.txt")).returncode == 0
    assert run_cli("check", doc, "--fail-on", "warning").returncode == 1
    assert run_cli("check", doc, str(strict / "a.txt")).returncode == 1   # the strict file's warning counts


def test_audit_uses_the_fail_on_found_above_the_folder(tmp_path, capsys):
    site = _folder(tmp_path, "site", '[tool.govproof]\nfail-on = "error"\n')
    db = str(tmp_path / "audit.db")
    assert main(["audit", str(site), "--db", db, "--jobs", "1", "--select", "P101", "--quiet"]) == 0
    assert main(["audit", str(site), "--db", db, "--jobs", "1", "--select", "P101", "--quiet",
                 "--fail-on", "warning", "--recheck"]) == 1
    assert main(["audit", "--db", db, "--fail-on", "warning"]) == 1   # report only: its findings, the flag
    capsys.readouterr()
