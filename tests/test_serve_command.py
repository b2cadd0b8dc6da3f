"""`govproof serve` on the command line: where it listens, what it says on start, and a real server process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="govproof serve needs the serve extra: pip install 'govproof[serve]'")
uvicorn = pytest.importorskip("uvicorn", reason="govproof serve runs on uvicorn (the serve extra)")

from serve_helpers import free_port  # noqa: E402

from govproof.cli import main  # noqa: E402
from govproof.serve.command import is_loopback  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def started(monkeypatch):
    """Run `govproof serve` up to the point where uvicorn would take over; record what it was given."""
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
                                         ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                         ("example.gov.cn", False)])
def test_loopback_hosts(host, local):
    assert is_loopback(host) is local


def test_default_binds_to_loopback_and_says_so(started, capsys):
    assert main(["serve"]) == 0
    [call] = started
    assert (call["host"], call["port"]) == ("127.0.0.1", 8765)
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8765/" in err and "只在本机" in err and "警告" not in err
    assert "20 MB" in err


def test_all_interfaces_prints_a_warning_and_accepts_any_host_name(started, capsys):
    from starlette.testclient import TestClient

    assert main(["serve", "--host", "0.0.0.0", "--port", "9000", "--max-upload-mb", "1"]) == 0
    [call] = started
    assert (call["host"], call["port"]) == ("0.0.0.0", 9000)
    err = capsys.readouterr().err
    assert "警告" in err and "其他计算机" in err and "没有登录验证" in err
    api = TestClient(call["app"], base_url="http://192.168.1.5")
    assert api.get("/").status_code == 200
    big = api.post("/api/check", files={"file": ("大.txt", b"a" * (1024 * 1024 + 1))})
    assert big.status_code == 413 and "1 MB" in big.json()["error"]


@pytest.mark.parametrize("args, words", [(["--port", "0"], "端口无效"), (["--max-upload-mb", "0"], "必须大于 0")])
def test_bad_arguments_exit_2_in_chinese(started, capsys, args, words):
    assert main(["serve", *args]) == 2
    assert words in capsys.readouterr().err and not started


def test_missing_extra_names_the_install_command(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == 2
    assert "pip install 'govproof[serve]'" in capsys.readouterr().err


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "监听地址" in out and "上传内容的大小上限" in out


def test_a_real_server_process_serves_the_page_with_its_config_and_stops(tmp_path):
    settings = tmp_path / "govproof.toml"
    settings.write_text('select = ["S1"]\n', encoding="utf-8")  # no statistical speller: a quick start
    port = free_port()
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "govproof", "serve", "--port", str(port), "--config", str(settings)],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    assert "govproof 政务信息校对" in page.read().decode("utf-8")
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode("utf-8")
                assert time.monotonic() < deadline, "the server did not start in 120 s"
                time.sleep(0.3)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=urllib.parse.urlencode({"text": "按排，整改的很彻底,"}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert [f["code"] for f in json.load(answer)["files"][0]["findings"]] == ["S101", "S102"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    text = err.decode("utf-8")
    assert f"http://127.0.0.1:{port}/" in text and "只在本机" in text


def test_doctor_reports_the_serve_extra(capsys):
    assert main(["doctor"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("serve"))
    assert f"starlette {__import__('starlette').__version__}" in line and "uvicorn" in line


def test_another_loopback_address_accepts_its_own_name(started, capsys):
    from starlette.testclient import TestClient

    assert main(["serve", "--host", "127.0.0.2"]) == 0
    [call] = started
    assert "http://127.0.0.2:8765/" in capsys.readouterr().err
    api = TestClient(call["app"])
    assert api.get("/", headers={"host": "127.0.0.2:8765"}).status_code == 200
    assert api.get("/", headers={"host": "evil.example"}).status_code == 400
