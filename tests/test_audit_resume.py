"""kill -9 in the middle of an audit, then start it again: nothing finished is redone, no finding is lost."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from audit_site import AS_OF, numbered_notices, rows
from govproof.cli import main

PAGES = 300
TYPO_EVERY = 3  # every third page has one 按排


def _count(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")
def test_kill_and_resume_loses_nothing_and_redoes_nothing(tmp_path, capsys):
    site, db = tmp_path / "site", tmp_path / "audit.db"
    numbered_notices(site, PAGES, TYPO_EVERY)
    cmd = [sys.executable, "-m", "govproof", "audit", str(site), "--db", str(db), "--jobs", "2", "--select", "S101",
           "--as-of", AS_OF, "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = dict(rows(db, "SELECT key, findings FROM documents"))
    assert 20 <= len(before) < PAGES, "the run was not interrupted half-way"
    assert rows(db, "SELECT status FROM runs") == [("running",)]
    findings_before = rows(db, "SELECT doc_key, text, start FROM findings ORDER BY doc_key, start")

    code = main(["audit", str(site), "--db", str(db), "--jobs", "2", "--select", "S101", "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert code == 1 and "续跑" in out and f"此前已完成 {len(before)}" in out
    assert rows(db, "SELECT id, status, sessions FROM runs") == [(1, "completed", 2)]
    by_session = dict(rows(db, "SELECT session, COUNT(*) FROM documents GROUP BY session"))
    assert by_session == {1: len(before), 2: PAGES - len(before)}          # done twice: none
    after = dict(rows(db, "SELECT key, findings FROM documents"))
    assert len(after) == PAGES and all(after[k] == n for k, n in before.items())
    # findings lost: none — every page's typo is there exactly once, the first session's untouched
    expected = {f"s{i % 5}/p{i:04d}.txt" for i in range(0, PAGES, TYPO_EVERY)}
    found = rows(db, "SELECT doc_key FROM findings")
    assert sorted(k for (k,) in found) == sorted(expected)
    kept = rows(db, "SELECT doc_key, text, start FROM findings WHERE doc_key IN (SELECT key FROM documents WHERE session=1)"
                    " ORDER BY doc_key, start")
    assert kept == findings_before
