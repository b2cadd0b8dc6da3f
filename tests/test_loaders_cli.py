"""A batch as a user runs it: Word, GBK web page and PDF checked; each bad file its own error; exit 2."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from test_loaders_html import PAGE
from wordfiles import draft_bytes

DATA = Path(__file__).parent / "data"


def test_bad_files_are_errors_and_the_others_are_checked(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a-draft.docx").write_bytes(draft_bytes())
    (folder / "b-notice.html").write_bytes(PAGE.encode("gbk"))
    shutil.copy(DATA / "notice.pdf", folder / "c-notice.pdf")
    (folder / "d-corrupt.docx").write_bytes(draft_bytes()[:4000])
    shutil.copy(DATA / "scanned.pdf", folder / "e-scanned.pdf")
    (folder / "f-huge.txt").write_text("请各单位按排专人。\n" * 20000, encoding="utf-8")
    (folder / "g-notice.ofd").write_bytes(b"PK\x03\x04")
    (tmp_path / "govproof.toml").write_text('select = ["S1"]\n[limits]\nmax_file_bytes = 100000\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "govproof", "check", str(folder), "--format", "json",
                           "--config", str(tmp_path / "govproof.toml")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    found = {name: [(x["text"], x["location"].get("page") or x["location"].get("source_line")
                     or x["location"]["paragraph"]) for x in f["findings"]] for name, f in files.items()}
    assert found["a-draft.docx"] == [("按排", 3), ("侯选人", 5), ("按排", None)]
    assert found["b-notice.html"] == [("按排", PAGE[:PAGE.index("请各单位按排")].count("\n") + 1),
                                      ("侯选人", PAGE[:PAGE.index("侯选人推荐")].count("\n") + 1)]
    assert found["c-notice.pdf"] == [("按排", 1), ("侯选人", 2)]
    errors = {name: f["error"] for name, f in files.items() if f["error"]}
    assert errors.keys() == {"d-corrupt.docx", "e-scanned.pdf", "f-huge.txt", "g-notice.ofd"}
    assert "不是有效的 Word .docx 文件" in errors["d-corrupt.docx"]
    assert "扫描版 PDF，没有文字层" in errors["e-scanned.pdf"]
    assert "超过上限 100,000" in errors["f-huge.txt"]
    assert "暂不支持 OFD" in errors["g-notice.ofd"]
