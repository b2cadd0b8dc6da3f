"""`govproof serve` through Starlette's test client: the JSON contract, limits, bad uploads, downloads, safety."""
from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="govproof serve needs the serve extra: pip install 'govproof[serve]'")
pytest.importorskip("multipart", reason="govproof serve reads uploads with python-multipart (the serve extra)")

import docx  # noqa: E402
from serve_helpers import accepted_text, example_docx, example_text  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from govproof.cli import main as cli_main  # noqa: E402
from govproof.config import Config  # noqa: E402
from govproof.loaders import LoadError, load_bytes  # noqa: E402
from govproof.serve.app import ServeSettings, create_app  # noqa: E402
from govproof.serve.forms import upload_name  # noqa: E402
from govproof.serve.rulepage import markdown_to_html  # noqa: E402

AS_OF = "2025-06-01"
NO_LM = "S2"  # the statistical speller's figures depend on which LM is installed; these tests are about the server


def client(**settings) -> TestClient:
    return TestClient(create_app(ServeSettings(Config(), **settings)), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def api() -> TestClient:
    return client()


def test_api_check_returns_exactly_the_cli_json(api, tmp_path, capsys):
    path = tmp_path / "通知.txt"
    path.write_text(example_text(), encoding="utf-8")
    cli_main(["check", str(path), "--format", "json", "--as-of", AS_OF, "--ignore", NO_LM])
    expected = json.loads(capsys.readouterr().out)
    r = api.post("/api/check", files={"file": ("通知.txt", path.read_bytes(), "text/plain")},
                 data={"as_of": AS_OF, "ignore": NO_LM})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    got = r.json()
    assert got["files"][0]["path"] == "通知.txt"
    expected["files"][0]["path"] = "通知.txt"
    assert got == expected
    assert got["summary"]["findings"] >= 5  # the example's planted mistakes are found, not an empty contract


def test_pasted_text_offsets_index_the_text_and_options_apply(api):
    text = "请各单位按排专人负责,确保整改的很彻底。"
    r = api.post("/api/check", data={"text": text, "select": "S", "ignore": NO_LM, "as_of": AS_OF})
    assert r.status_code == 200
    findings = r.json()["files"][0]["findings"]
    assert r.json()["files"][0]["path"] == "-"
    assert {f["code"][0] for f in findings} == {"S"}  # the half-width comma (P101) is not selected
    assert [text[f["start"]:f["end"]] for f in findings] == [f["text"] for f in findings]
    assert "按排" in [f["text"] for f in findings]
    r = api.post("/api/check", data={"text": text, "select": "P", "as_of": AS_OF})
    assert [f["code"] for f in r.json()["files"][0]["findings"]] == ["P101"]


def test_profile_reply_turns_on_reply_letter_rules(api):
    letter = "张三：\n你申请公开的信息不存在。\n特此告知。\n"
    plain = api.post("/api/check", data={"text": letter, "select": "C", "as_of": AS_OF}).json()
    reply = api.post("/api/check", data={"text": letter, "select": "C", "as_of": AS_OF, "profile": "reply"}).json()
    assert not any(f["code"] == "C108" for f in plain["files"][0]["findings"])
    assert any(f["code"] == "C108" for f in reply["files"][0]["findings"])


@pytest.mark.parametrize("fields, status, words", [
    ({}, 400, "没有可检查的内容"),
    ({"text": "   "}, 400, "没有可检查的内容"),
    ({"text": "正文", "as_of": "2025-13-01"}, 400, "as_of"),
    ({"text": "正文", "select": "X,S"}, 400, "规则代码"),
    ({"text": "正文", "profile": "letter"}, 400, "profile"),
    ({"text": "正文", "accepted": "{not json"}, 400, "JSON"),
])
def test_bad_options_are_answered_in_chinese(api, fields, status, words):
    r = api.post("/api/check", data=fields)
    assert r.status_code == status
    assert words in r.json()["error"]


def test_a_body_that_is_not_a_form_is_refused(api):
    r = api.post("/api/check", json={"text": "请各单位按排专人负责。"})
    assert r.status_code == 415
    assert "multipart/form-data" in r.json()["error"]


def _load_error(name: str, data: bytes) -> str:
    """What `govproof check` reports for this file: the loader's own one-line message."""
    with pytest.raises(LoadError) as e:
        load_bytes(data, name)
    return str(e.value)


@pytest.mark.parametrize("name, data", [
    ("损坏.docx", b"PK\x03\x04 this is not really a zip"),
    ("截断.docx", example_docx()[:3000]),
    ("二进制.txt", b"\x00\x01\x02\x03" * 100),
    ("编码.txt", bytes(range(128, 256)) * 4),  # no encoding reads it as text
    ("坏的.pdf", b"%PDF-1.4\n garbage"),
])
def test_bad_uploads_are_that_files_error(api, name, data):
    r = api.post("/api/check", files={"file": (name, data)})
    assert r.status_code == 422
    body = r.json()
    assert body["files"][0]["path"] == name and body["files"][0]["findings"] == []
    assert body["files"][0]["error"] == _load_error(name, data)
    assert body["summary"]["files_with_errors"] == 1


@pytest.mark.parametrize("name", ["程序.exe", "旧文件.doc", "无后缀"])
def test_unsupported_file_types_are_refused_by_name(api, name):
    r = api.post("/api/check", files={"file": (name, b"whatever")})
    assert r.status_code == 415
    assert "不支持的文件类型" in r.json()["error"] and ".docx" in r.json()["error"]


def test_oversize_upload_is_413_from_its_declared_length():
    small = client(upload_limit=10_000)
    r = small.post("/api/check", files={"file": ("大.txt", "按排".encode("utf-8") * 5000)})
    assert r.status_code == 413
    assert r.json()["error"] == "上传内容超过 9.76562 KB 的限制"


def test_oversize_chunked_upload_is_413_while_it_streams():
    small = client(upload_limit=10_000)

    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
        for _ in range(50):
            yield "按排".encode("utf-8") * 200

    r = small.post("/api/check", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413


def test_the_default_limit_is_20_mb(api):
    r = api.post("/api/check", content=b"", headers={"content-type": "multipart/form-data; boundary=b",
                                                     "content-length": str(20 * 1024 * 1024 + 1)})
    assert r.status_code == 413
    assert "20 MB" in r.json()["error"]


def test_an_upload_under_the_limit_never_touches_a_temporary_file(api, monkeypatch):
    big = ("请各单位安排专人负责。\n" * 120_000 + "按排").encode("utf-8")  # 3.9 MB: Starlette would spool it to disk
    assert len(big) > 2 * 1024 * 1024

    def refuse(*args, **kwargs):
        raise AssertionError("a document was about to be written to disk")

    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    r = api.post("/api/check", files={"file": ("大.txt", big)}, data={"select": "S101"})
    assert r.status_code == 200
    assert [f["text"] for f in r.json()["files"][0]["findings"]] == ["按排"]


def test_upload_names_never_become_paths(api):
    assert upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert upload_name("C:\\Users\\张三\\通知.docx") == "通知.docx"
    assert upload_name("..\\..\\.bashrc") == "bashrc"
    r = api.post("/api/check", files={"file": ("../../../../etc/hosts.txt", "按排".encode("utf-8"))})
    assert r.json()["files"][0]["path"] == "hosts.txt"


@pytest.mark.parametrize("url", ["/static/../../pyproject.toml", "/static/%2e%2e%2fpyproject.toml",
                                 "/static/index.html", "/static/__init__.py", "/rules/..%2f..%2fREADME",
                                 "/rules/S999"])
def test_requests_cannot_name_files(api, url):
    assert api.get(url).status_code == 404


def test_unknown_addresses_and_methods_are_answered_in_chinese(api):
    assert api.get("/nothing").json() == {"error": "没有这个地址"}
    r = api.get("/api/check")
    assert r.status_code == 405 and r.json() == {"error": "这个地址不接受此请求方法"}


def test_page_assets_and_security_headers(api):
    page = api.get("/")
    assert page.status_code == 200 and "govproof 政务信息校对" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "http" not in page.text.replace("http-equiv", "")  # no CDN: every asset is the server's own
    js = api.get("/static/app.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in js.text and "insertAdjacentHTML" not in js.text  # text reaches the page as text only
    assert api.get("/static/app.css").status_code == 200


@pytest.mark.parametrize("host, status", [("evil.example", 400), ("evil.example:8765", 400), ("127.0.0.1.evil.example", 400),
                                          ("[::2]:8765", 400), ("", 400), ("localhost:8765", 200), ("127.0.0.1", 200),
                                          ("[::1]:8765", 200), ("LOCALHOST", 200)])
def test_another_host_name_is_refused_on_a_loopback_server(api, host, status):
    r = api.get("/", headers={"host": host})
    assert r.status_code == status
    if status == 400:
        assert "只接受发往本机地址" in r.json()["error"]


def test_rule_page_is_the_explain_text_escaped():
    page = client().get("/rules/s101")
    assert page.status_code == 200
    assert "<h1>S101 common-wrong-word</h1>" in page.text and "按排" in page.text
    assert markdown_to_html("- <script>x</script> `a<b`") == "<ul>\n<li>&lt;script&gt;x&lt;/script&gt; <code>a&lt;b</code></li>\n</ul>"


def test_review_payload_gives_the_page_ids_and_text(api):
    text = "请各单位按排专人负责。\n<script>alert(1)</script>"
    r = api.post("/api/review", data={"text": text, "select": "S1"})
    body = r.json()
    assert body["text"] == text and body["is_word"] is False
    [f] = body["findings"]
    assert (f["id"], f["code"], f["fixable"], f["where"]) == ("S101-4-6", "S101", True, "第1段")


def _review(api, files, **data):
    return api.post("/api/review", files=files, data={"as_of": AS_OF, "ignore": NO_LM, **data}).json()


def test_text_download_applies_only_the_accepted_suggestions(api):
    text = "请各单位按排专人负责。\n做好人大代表侯选人推荐工作。\n"
    data = text.encode("gb18030")
    files = {"file": ("通知.txt", data)}
    ids = [f["id"] for f in _review(api, files)["findings"]]
    assert len(ids) == 2
    r = api.post("/api/download/text", files=files,
                 data={"ignore": NO_LM, "as_of": AS_OF, "accepted": json.dumps(ids[:1]), "rejected": json.dumps(ids[1:])})
    assert r.status_code == 200
    assert "filename*=UTF-8''%E9%80%9A%E7%9F%A5.fixed.txt" in r.headers["content-disposition"]
    assert r.content.decode("gb18030") == "请各单位安排专人负责。\n做好人大代表侯选人推荐工作。\n"  # encoding kept



def test_docx_download_tracks_accepted_changes_and_drops_rejected_comments(api):
    files = {"file": ("通知.docx", example_docx())}
    findings = _review(api, files)["findings"]
    by_text = {f["text"]: f for f in findings}
    accept, reject = by_text["按排"], by_text["侯选人"]
    r = api.post("/api/download/docx", files=files, data={
        "ignore": NO_LM, "as_of": AS_OF, "accepted": json.dumps([accept["id"]]), "rejected": json.dumps([reject["id"]])})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    out = docx.Document(io.BytesIO(r.content))
    body = "\n".join(accepted_text(p) for p in out.paragraphs)
    assert "安排专人负责" in body and "按排" not in body
    assert "侯选人" in body  # rejected: left as written
    comments = [c.text for c in out.comments]
    assert len(comments) == len(findings) - 1
    assert any(c.startswith("S101") and "已按建议作为修订改正" in c and "安排" in c for c in comments)
    assert not any("侯选人" in c for c in comments)


def test_docx_download_needs_a_word_file(api):
    r = api.post("/api/download/docx", data={"text": "请各单位按排专人负责。"})
    assert r.status_code == 400 and "Word" in r.json()["error"]


def test_download_of_a_file_that_cannot_be_read_is_its_error(api):
    r = api.post("/api/download/docx", files={"file": ("坏.docx", b"PK\x03\x04 nope")})
    assert r.status_code == 422 and r.json()["error"] == _load_error("坏.docx", b"PK\x03\x04 nope")


def test_every_upload_format_is_read_by_its_loader(api):
    pdf = (Path(__file__).parent / "data" / "notice.pdf").read_bytes()
    page = ("<html><head><meta charset=gbk><title>通知</title></head><body><nav>首页</nav><div class=content>"
            "<p>请各单位按排专人负责信息报送，确保信息及时、准确发布。</p><p>做好人大代表侯选人推荐工作的信息公开。</p>"
            "</div></body></html>").encode("gbk")
    for name, data in [("notice.pdf", pdf), ("通知.html", page), ("通知.docx", example_docx()),
                        ("通知.md", "# 通知\n\n请各单位按排专人负责。\n".encode("utf-8"))]:
        r = api.post("/api/check", files={"file": (name, data)}, data={"select": "S1"})
        assert r.status_code == 200, name
        texts = [f["text"] for f in r.json()["files"][0]["findings"]]
        assert "按排" in texts, name
    pages = [f["location"]["page"] for f in api.post("/api/check", files={"file": ("notice.pdf", pdf)},
                                                       data={"select": "S1"}).json()["files"][0]["findings"]]
    assert pages == [1, 2]


@pytest.mark.parametrize("content_type, body", [("multipart/form-data", b"no boundary"),
                                                ("multipart/form-data; boundary=x", b"garbage")])
def test_a_broken_form_is_400_in_chinese(api, content_type, body):
    r = api.post("/api/check", content=body, headers={"content-type": content_type})
    assert r.status_code == 400 and r.json()["error"].startswith("表单格式有误")
