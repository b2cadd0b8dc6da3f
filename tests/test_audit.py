"""govproof audit on a folder of saved pages: progress, summary, store, re-runs, baseline, exports, WARC."""
from __future__ import annotations

import csv
import io
import json
import time

import pytest

from audit_site import AS_OF, EXPECTED, build_site, page, rows
from govproof.cli import main
from optional import skip_without

ARGS = ["--select", "S101", "--as-of", AS_OF, "--jobs", "2"]


def audit(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["audit", *args, *ARGS])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path):
    return build_site(tmp_path / "site")


def test_first_run_stores_every_document_and_prints_a_summary(site, tmp_path, capsys):
    db = tmp_path / "audit.db"
    code, out, err = audit(capsys, str(site), "--db", str(db), "--report", str(tmp_path / "r.html"))
    assert code == 1                                     # completed, with errors at or above --fail-on
    assert "检查" in err and "7/7" in err               # the progress bar: done / total
    assert "文档 7" in out and "问题 4" in out and "S101" in out
    assert "未能检查的文件（1）" in out and "xwdt/broken.docx" in out
    docs = dict(rows(db, "SELECT key, findings FROM documents"))
    assert "xwdt/style.css" not in docs and len(docs) == 7
    assert {k: n for k, n in docs.items() if n} == EXPECTED
    texts = sorted(t for (t,) in rows(db, "SELECT text FROM findings"))
    assert texts == ["侯选人", "按排", "按排", "按排"]
    status, error = rows(db, "SELECT status, error FROM documents WHERE key='xwdt/broken.docx'")[0]
    assert status == "error" and "docx" in error
    assert rows(db, "SELECT section FROM documents WHERE key='zwgk/tzgg/notice-1.html'") == [("zwgk",)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count('<tr class="finding"') == 4 and "xwdt/broken.docx" in html
    assert f'href="{(site / "zwgk/tzgg/notice-1.html").as_uri()}"' in html   # opens the saved page


def test_second_run_reports_exactly_the_edited_pages(site, tmp_path, capsys):
    db = tmp_path / "audit.db"
    audit(capsys, str(site), "--db", str(db))
    # fix one typo, add one, leave everything else untouched
    (site / "zwgk/tzgg/notice-2.html").write_text(page("notice-2", ["做好人大代表候选人推荐工作。", "请各单位按排专人负责。"]),
                                                  encoding="utf-8")
    (site / "xwdt/news-2.html").write_text(page("news-2", ["会议听取了工作汇报，并按排部署下一步工作。"]), encoding="utf-8")
    code, out, _ = audit(capsys, str(site), "--db", str(db), "--json", str(tmp_path / "r.json"))
    assert code == 1
    assert "2 个文档有改动" in out and "新增问题 1，已修正 1，仍存在 3" in out
    assert "xwdt/news-2.html  +1 −0" in out and "zwgk/tzgg/notice-2.html  +0 −1" in out
    statuses = dict(rows(db, "SELECT key, status FROM documents WHERE run_id=2"))
    assert sorted(k for k, s in statuses.items() if s == "checked") == ["xwdt/news-2.html", "zwgk/tzgg/notice-2.html"]
    assert sum(1 for s in statuses.values() if s == "unchanged") == 4   # the broken file is tried again
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["changes"]["new"] == 1 and data["changes"]["fixed"] == 1 and data["changes"]["open"] == 3
    assert sorted(data["changes"]["documents_changed"]) == ["xwdt/news-2.html", "zwgk/tzgg/notice-2.html"]
    states = {(f["path"], g["text"]): g.get("state") for f in data["files"] for g in f["findings"] for f in [f]}
    assert states[("xwdt/news-2.html", "按排")] == "new" and states[("zwgk/tzgg/notice-1.html", "按排")] == "open"
    # unchanged documents kept their findings, copied into the new run
    assert rows(db, "SELECT COUNT(*) FROM findings WHERE run_id=2") == [(4,)]


def test_deleted_page_and_unchanged_rerun(site, tmp_path, capsys):
    db = tmp_path / "audit.db"
    audit(capsys, str(site), "--db", str(db))
    (site / "xwdt/news-1.html").unlink()
    _, out, _ = audit(capsys, str(site), "--db", str(db))
    assert "0 个文档有改动，新增文档 0，删除文档 1；新增问题 0，已修正 1，仍存在 3" in out
    _, out, _ = audit(capsys, str(site), "--db", str(db))
    assert "本次检查 0，内容未变沿用上次结果 5" in out


def test_baseline_written_from_a_run_is_honoured(site, tmp_path, capsys):
    db, bl = tmp_path / "audit.db", tmp_path / "baseline.json"
    audit(capsys, str(site), "--db", str(db), "--write-baseline", str(bl))
    assert len(json.loads(bl.read_text(encoding="utf-8"))["accepted"]) == 4
    code, out, _ = audit(capsys, str(site), "--db", str(db), "--baseline", str(bl))
    assert code == 0 and "问题 0" in out


def test_exit_code_follows_fail_on_and_bad_sources(site, tmp_path, capsys):
    db = str(tmp_path / "audit.db")
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text("本通知自印发之日起施行。\n", encoding="utf-8")
    assert audit(capsys, str(clean), "--db", db)[0] == 0
    assert audit(capsys, str(tmp_path / "missing"), "--db", db)[0] == 2
    notwarc = tmp_path / "x.bin"
    notwarc.write_bytes(b"\x00")
    assert audit(capsys, str(notwarc), "--db", db)[0] == 2


def test_exports_csv_json_sarif_and_report_only(site, tmp_path, capsys):
    db = tmp_path / "audit.db"
    audit(capsys, str(site), "--db", str(db))
    code, out, _ = audit(capsys, "--db", str(db), "--csv", str(tmp_path / "r.csv"), "--sarif", str(tmp_path / "r.sarif"),
                         "--json", str(tmp_path / "r.json"))
    assert code == 1 and "CSV" in out
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")        # BOM: Excel on Windows opens it as UTF-8
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r["text"] for r in table if r["code"]) == ["侯选人", "按排", "按排", "按排"]
    assert [r["document"] for r in table if r["status"] == "error"] == ["xwdt/broken.docx"]
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 4
    assert sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith("xwdt/broken.docx")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == 4 and data["summary"]["files_with_errors"] == 1
    f = next(g for d in data["files"] for g in d["findings"] if g["text"] == "侯选人")
    assert f["suggestion"] == "候选人" and f["context"]["before"].endswith("做好人大代表")


def test_csv_neutralises_formulas_from_pages(tmp_path, capsys):
    site = tmp_path / "s"
    site.mkdir()
    (site / "=cmd.txt").write_text("=HYPERLINK(\"x\")\n请按排专人负责。\n", encoding="utf-8")
    audit(capsys, str(site), "--db", str(tmp_path / "a.db"), "--csv", str(tmp_path / "r.csv"))
    table = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert table[0]["document"] == "'=cmd.txt" and table[0]["title"].startswith("'=HYPERLINK")


def test_warc_input(tmp_path, capsys):
    skip_without("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def record(writer, url, body: bytes, ctype="text/html; charset=utf-8", status="200 OK"):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    for name, gz in (("site.warc.gz", True), ("site.warc", False)):
        path = tmp_path / name
        with open(path, "wb") as fh:
            w = WARCWriter(fh, gzip=gz)
            record(w, "http://www.example.gov.cn/zwgk/a.html", page("a", ["请各单位按排专人负责。"]).encode())
            record(w, "http://www.example.gov.cn/zwgk/b.html", page("b", ["旧的侯选人版本。"]).encode())
            record(w, "http://www.example.gov.cn/zwgk/b.html", page("b", ["做好候选人推荐工作。"]).encode())  # recrawl wins
            record(w, "http://www.example.gov.cn/logo.png", b"\x89PNG", ctype="image/png")
            record(w, "http://www.example.gov.cn/gone.html", b"not found", status="404 Not Found")
            record(w, "http://www.example.gov.cn/files/c.txt", "附件：按排表\n".encode("gbk"), ctype="text/plain")
        db = tmp_path / f"{name}.db"
        code, out, _ = audit(capsys, str(path), "--db", str(db))
        assert code == 1 and "文档 3" in out
        docs = dict(rows(db, "SELECT key, findings FROM documents"))
        assert docs == {"http://www.example.gov.cn/zwgk/a.html": 1, "http://www.example.gov.cn/zwgk/b.html": 0,
                        "http://www.example.gov.cn/files/c.txt": 1}
        assert rows(db, "SELECT DISTINCT section FROM documents ORDER BY 1") == [
            ("www.example.gov.cn/files",), ("www.example.gov.cn/zwgk",)]


def _dies_on_bad(task, config, limits):
    import os

    from govproof.audit.worker import check_item
    if task.item.key == "bad.txt":
        os._exit(3)  # what a crash inside a parser library looks like from outside
    return check_item(task, config, limits)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the patched worker reaches the pool through fork")
def test_executor_survives_a_dying_worker(tmp_path, monkeypatch):
    from govproof.audit import executor
    from govproof.audit.sources import folder_items
    from govproof.audit.worker import Task
    from govproof.config import Config

    for name in ("a.txt", "bad.txt", "c.txt", "d.txt", "e.txt"):
        (tmp_path / name).write_text("请各单位按排专人负责。\n", encoding="utf-8")
    monkeypatch.setattr(executor, "check_item", _dies_on_bad)
    results = {r.item.key: r for r in executor.run_tasks((Task(i) for i in folder_items(tmp_path)), 2,
                                                          Config(select=("S101",)))}
    assert sorted(results) == ["a.txt", "bad.txt", "c.txt", "d.txt", "e.txt"]
    assert results["bad.txt"].status == "error" and "worker process died" in results["bad.txt"].error
    assert all(r.status == "checked" and len(r.findings) == 1 for k, r in results.items() if k != "bad.txt")


def test_time_limit_applies_off_the_main_thread_too(tmp_path):
    """Dask runs tasks in a worker thread, where SIGALRM cannot reach: the limit must hold there as well."""
    import threading

    from govproof.audit.sources import folder_items
    from govproof.audit.worker import Task, check_item
    from govproof.config import Config
    from govproof.loaders import Limits

    (tmp_path / "long.txt").write_text("请各单位按排专人负责，确保各项任务按期完成。\n" * 20000, encoding="utf-8")
    (tmp_path / "short.txt").write_text("请各单位按排专人负责。\n", encoding="utf-8")
    items = {i.key: i for i in folder_items(tmp_path)}
    config = Config(select=("S101",))
    results = {}

    def work():
        results["long"] = check_item(Task(items["long.txt"]), config, Limits(max_seconds=0.05))
        time.sleep(0.1)  # a timeout that fired late must not land in the next document
        results["short"] = check_item(Task(items["short.txt"]), config, Limits(max_seconds=30))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert results["long"].status == "error" and "检查超时（上限 0.05 秒）" in results["long"].error
    assert results["short"].status == "checked" and len(results["short"].findings) == 1
