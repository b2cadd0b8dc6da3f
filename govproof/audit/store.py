"""The audit's results in one SQLite file: runs, documents, findings.

Each document (or batch of documents) is written with its findings in one transaction (WAL mode), so a run killed at any
moment keeps every document it finished, and starting it again skips exactly those.
A run holds its complete picture: a document unchanged since the run it is compared with has its
row and findings copied forward, so every run can be reported on its own.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator

from .worker import DocResult

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  settings TEXT NOT NULL,         -- version, checks and settings: a run resumes only with the same
  fingerprint TEXT NOT NULL,      -- settings + rule data: unchanged documents reuse results only with the same
  started TEXT NOT NULL,
  finished TEXT,
  status TEXT NOT NULL,          -- running | completed
  sessions INTEGER NOT NULL DEFAULT 1,
  options TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS documents (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,             -- relative path or URL
  section TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  hash TEXT,
  status TEXT NOT NULL,          -- checked | unchanged | error
  error TEXT,
  findings INTEGER NOT NULL DEFAULT 0,
  size INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0,
  links TEXT,                    -- same-site links of a fetched page (JSON list), to resume a crawl
  session INTEGER NOT NULL,      -- which start of the run checked it
  seconds REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  doc_key TEXT NOT NULL,
  code TEXT NOT NULL, name TEXT NOT NULL, severity TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, "column" INTEGER NOT NULL,
  text TEXT NOT NULL, suggestion TEXT, message TEXT NOT NULL, evidence TEXT,
  confidence REAL NOT NULL, fix_safe INTEGER NOT NULL, location TEXT NOT NULL,
  before TEXT NOT NULL DEFAULT '', after TEXT NOT NULL DEFAULT '', context_hash TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (run_id, doc_key) REFERENCES documents(run_id, key)
);
CREATE INDEX IF NOT EXISTS findings_by_doc ON findings(run_id, doc_key);
"""
_FINDING_COLS = ("code", "name", "severity", "start", "end", "line", "column", "text", "suggestion", "message",
                 "evidence", "confidence", "fix_safe", "location", "before", "after", "context_hash")


class StoreError(Exception):
    """The database cannot be opened or is not a govproof audit database."""


@dataclass(frozen=True)
class Run:
    id: int
    source: str
    settings: str
    fingerprint: str
    started: str
    finished: str | None
    status: str
    sessions: int
    options: dict[str, Any]


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str):
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: durable across a killed process
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{path}：由更新版本的 govproof 写入（数据库版本 {version}）")
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(runs)")}
            if not {"settings", "fingerprint", "sessions"} <= columns:
                raise StoreError(f"{path}：不是本版本 govproof 的审查数据库；请用另一个 --db")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}：无法用作审查数据库（{e}）") from None
        self.path = path

    def close(self) -> None:
        self.db.close()

    # --- runs ------------------------------------------------------------------
    def _run(self, row: tuple | None) -> Run | None:
        if row is None:
            return None
        return Run(*row[:8], options=json.loads(row[8]))

    _RUN_COLS = "id, source, settings, fingerprint, started, finished, status, sessions, options"

    def run(self, run_id: int) -> Run | None:
        return self._run(self.db.execute(f"SELECT {self._RUN_COLS} FROM runs WHERE id=?", (run_id,)).fetchone())

    def latest_run(self, source: str | None = None, completed: bool = False, before: int | None = None) -> Run | None:
        sql = f"SELECT {self._RUN_COLS} FROM runs WHERE 1=1"
        args: list[Any] = []
        if source is not None:
            sql += " AND source=?"
            args.append(source)
        if completed:
            sql += " AND status='completed'"
        if before is not None:
            sql += " AND id<?"
            args.append(before)
        return self._run(self.db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone())

    def start_run(self, source: str, settings: str, fingerprint: str, options: dict[str, Any],
                  resume: bool = True) -> tuple[Run, bool]:
        """The unfinished run of this source and settings, resumed (a new session), or a new run.

        A run resumed after its rule data changed gets an empty fingerprint: its results are mixed,
        so the next run checks every document again rather than reuse them.
        """
        last = self.latest_run(source)
        if resume and last and last.status == "running" and last.settings == settings:
            self.db.execute("UPDATE runs SET sessions=sessions+1, fingerprint=CASE WHEN fingerprint=? THEN fingerprint"
                            " ELSE '' END WHERE id=?", (fingerprint, last.id))
            return self.run(last.id), True  # type: ignore[return-value]
        with self.db:
            self.db.execute("BEGIN")
            if last and last.status == "running":  # abandoned with other settings: close it, keep its results
                self.db.execute("UPDATE runs SET status='abandoned' WHERE id=?", (last.id,))
            cur = self.db.execute(
                "INSERT INTO runs (source, settings, fingerprint, started, status, options) VALUES (?,?,?,?,?,?)",
                (source, settings, fingerprint, _now(), "running", json.dumps(options, ensure_ascii=False)))
        return self.run(cur.lastrowid), False  # type: ignore[arg-type,return-value]

    def finish_run(self, run_id: int) -> None:
        self.db.execute("UPDATE runs SET status='completed', finished=? WHERE id=?", (_now(), run_id))

    # --- documents ----------------------------------------------------------------
    def done(self, run_id: int) -> dict[str, tuple[int, list[str]]]:
        """Documents this run already holds: key → (depth, links)."""
        rows = self.db.execute("SELECT key, depth, links FROM documents WHERE run_id=?", (run_id,))
        return {k: (d, json.loads(links) if links else []) for k, d, links in rows}

    def hashes(self, run_id: int) -> dict[str, str]:
        rows = self.db.execute("SELECT key, hash FROM documents WHERE run_id=? AND status!='error' AND hash IS NOT NULL",
                               (run_id,))
        return dict(rows.fetchall())

    def add_batch(self, run_id: int, session: int, batch: list[DocResult], previous_run: int | None = None) -> list[int]:
        """Write documents and their findings in one transaction: all of them are recorded, or (killed meanwhile)
        none. An unchanged document copies its row and findings from ``previous_run``.

        Returns the number of findings each document has in this run.
        """
        with self.db:
            self.db.execute("BEGIN")
            return [self._insert(run_id, session, r, previous_run) for r in batch]

    def _insert(self, run_id: int, session: int, r: DocResult, previous_run: int | None) -> int:
        item = r.item
        links = json.dumps(list(item.links)) if item.links else None
        if r.status == "unchanged" and previous_run is not None:
            self.db.execute(
                "INSERT INTO documents (run_id, key, section, title, hash, status, error, findings, size, depth,"
                " links, session, seconds) SELECT ?, key, ?, title, hash, 'unchanged', NULL, findings, size, ?,"
                " ?, ?, 0 FROM documents WHERE run_id=? AND key=?",
                (run_id, item.section, item.depth, links, session, previous_run, item.key))
            cols = ", ".join(f'"{c}"' for c in _FINDING_COLS)
            cur = self.db.execute(
                f"INSERT INTO findings (run_id, doc_key, {cols}) SELECT ?, doc_key, {cols} FROM findings"
                " WHERE run_id=? AND doc_key=? ORDER BY id", (run_id, previous_run, item.key))
            return max(cur.rowcount, 0)
        self.db.execute(
            "INSERT INTO documents (run_id, key, section, title, hash, status, error, findings, size, depth, links,"
            " session, seconds) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (run_id, item.key, item.section, r.title, r.hash, r.status, r.error, len(r.findings), r.size,
             item.depth, links, session, r.seconds))
        self.db.executemany(
            f"INSERT INTO findings (run_id, doc_key, {', '.join(chr(34) + c + chr(34) for c in _FINDING_COLS)})"
            f" VALUES (?, ?, {', '.join('?' * len(_FINDING_COLS))})",
            [(run_id, item.key, *_finding_values(f)) for f in r.findings])
        return len(r.findings)

    def documents(self, run_id: int) -> list[dict[str, Any]]:
        cur = self.db.execute("SELECT key, section, title, hash, status, error, findings, size, session FROM documents"
                              " WHERE run_id=? ORDER BY key", (run_id,))
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur]

    def findings(self, run_id: int) -> Iterator[dict[str, Any]]:
        cols = ", ".join(f'"{c}"' for c in _FINDING_COLS)
        cur = self.db.execute(f"SELECT doc_key, {cols} FROM findings WHERE run_id=? ORDER BY doc_key, start, id",
                              (run_id,))
        names = ["doc_key", *_FINDING_COLS]
        for row in cur:
            d = dict(zip(names, row))
            d["location"] = json.loads(d["location"])
            d["fix_safe"] = bool(d["fix_safe"])
            yield d

    def finding_keys(self, run_id: int) -> Counter[tuple[str, str, str, str]]:
        """(document, code, text, context hash) of every finding: how runs are compared."""
        rows = self.db.execute("SELECT doc_key, code, text, context_hash FROM findings WHERE run_id=?", (run_id,))
        return Counter(rows.fetchall())

    def counts(self, run_id: int) -> dict[str, Any]:
        docs = dict(self.db.execute("SELECT status, COUNT(*) FROM documents WHERE run_id=? GROUP BY status",
                                    (run_id,)).fetchall())
        sev = dict(self.db.execute("SELECT severity, COUNT(*) FROM findings WHERE run_id=? GROUP BY severity",
                                   (run_id,)).fetchall())
        return {"documents": sum(docs.values()), "by_status": docs,
                "findings": sum(sev.values()), "by_severity": {s: sev.get(s, 0) for s in ("error", "warning", "info")}}


def _finding_values(f: dict[str, Any]) -> tuple:
    return (f["code"], f["name"], f["severity"], f["start"], f["end"], f["line"], f["column"], f["text"],
            f["suggestion"], f["message"], f["evidence"], f["confidence"], int(f["fix_safe"]),
            json.dumps(f["location"], ensure_ascii=False), f.get("before", ""), f.get("after", ""),
            f.get("context_hash", ""))
