"""`govproof audit` on a generated site: documents per second (--jobs 1, --jobs 2, unchanged re-run),
peak memory, and a kill -9 + resume run (documents done twice, findings lost).

The site is generated into a temporary folder (nothing is committed, no shared data is read):
N government web pages (UTF-8 and GBK) with typos sprinkled in, attachments (.docx via python-docx,
.pdf from tests/data/notice.pdf) when those loaders are installed, and 2 % of all files corrupt,
truncated or mis-encoded.

    python benchmarks/audit_bench.py [--pages 5000] [--attachments 200] [--ignore CODES] [--keep DIR]

Linux only for the memory figures (read from /proc); the rest runs anywhere.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ["zwgk/tzgg", "zwgk/zcwj", "xwdt/gzdt", "xwdt/tpxw", "hdjl/zxts", "bmfw"]
SENTENCES = [
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，各单位要明确专人负责，及时、准确发布政府信息。",
    "会议要求，各部门要切实做好节日期间值班值守工作，确保信息畅通。",
    "请各单位按排专人负责信息报送工作，于每月5日前报送上月工作情况。",       # S101 按排
    "做好人大代表侯选人推荐工作，严格按照法定程序进行。",                   # S101 侯选人
    "各乡镇要加强组织领导，细化工作措施，确保各项任务落到实处。",
    "本通知自印发之日起施行，由市人民政府办公室负责解释。",
    "联系电话：0571-12345678，联系人：市政府办公室综合处。",
    "坚持以人民为中心的发展思想，切实保障人民群众的知情权、参与权和监督权。",
]


def page(i: int, rng: random.Random) -> str:
    paras = "".join(f"<p>　　{rng.choice(SENTENCES)}</p>\n" for _ in range(rng.randint(6, 30)))
    nav = "".join(f'<li><a href="/{s}/">栏目{j}</a></li>' for j, s in enumerate(SECTIONS))
    return (f'<!DOCTYPE html><html><head><meta charset="{{charset}}"><title>关于做好第{i}项工作的通知_某某市人民政府'
            f'</title></head><body><ul class="nav">{nav}</ul><div class="main"><h1>关于做好第{i}项工作的通知</h1>'
            f'<div id="zoom">{paras}</div></div><div class="footer">主办单位：某某市人民政府办公室</div></body></html>')


def supported() -> set[str]:
    from govproof.loaders import supported_suffixes
    return set(supported_suffixes())


def build_site(root: Path, pages: int, attachments: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    made: Counter[str] = Counter()
    files: list[Path] = []
    for i in range(pages):
        d = root / SECTIONS[i % len(SECTIONS)]
        d.mkdir(parents=True, exist_ok=True)
        f = d / f"t{i:05d}.html"
        enc = "gbk" if i % 3 == 0 else "utf-8"
        f.write_bytes(page(i, rng).replace("{charset}", enc).encode(enc))
        files.append(f)
        made["html"] += 1
    suffixes = supported()
    att = root / "zwgk" / "files"
    att.mkdir(parents=True, exist_ok=True)
    docx_mod = None
    if ".docx" in suffixes:
        try:
            import docx as docx_mod  # type: ignore[no-redef]
        except ImportError:
            docx_mod = None
    pdf = ROOT / "tests" / "data" / "notice.pdf"
    for j in range(attachments):
        if j % 2 == 0 and docx_mod is not None:
            d = docx_mod.Document()
            for _ in range(rng.randint(5, 40)):
                d.add_paragraph(rng.choice(SENTENCES))
            buf = io.BytesIO()
            d.save(buf)
            f = att / f"a{j:04d}.docx"
            f.write_bytes(buf.getvalue())
            made["docx"] += 1
        elif ".pdf" in suffixes and pdf.exists():
            f = att / f"a{j:04d}.pdf"
            shutil.copyfile(pdf, f)
            made["pdf"] += 1
        else:
            f = att / f"a{j:04d}.txt"
            f.write_text("\n".join(rng.choice(SENTENCES) for _ in range(20)), encoding="utf-8")
            made["txt"] += 1
        files.append(f)
    # 2 % damaged: truncated mid-file, re-encoded without saying so, or replaced by binary noise
    for k, f in enumerate(rng.sample(files, max(1, len(files) * 2 // 100))):
        data = f.read_bytes()
        if k % 3 == 0:
            f.write_bytes(data[: max(1, len(data) // 3)])
            made["truncated"] += 1
        elif k % 3 == 1 and f.suffix == ".html":
            f.write_bytes(data.decode("gbk" if b'charset="gbk"' in data else "utf-8").encode("utf-16-le"))
            made["mis-encoded"] += 1
        else:
            f.write_bytes(bytes(rng.randrange(256) for _ in range(2048)))
            made["noise"] += 1
    return dict(made)


class PeakMemory:
    """Samples the process tree under a pid: the largest single RSS and the largest total PSS (shared pages split)."""

    def __init__(self, pid: int):
        self.pid, self.max_rss, self.max_pss = pid, 0, 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
        return out

    @staticmethod
    def _kb(pid: int, path: str, field: str) -> int:
        try:
            with open(f"/proc/{pid}/{path}") as fh:
                for line in fh:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            self.max_rss = max([self.max_rss] + [self._kb(p, "status", "VmRSS:") for p in tree])
            self.max_pss = max(self.max_pss, sum(self._kb(p, "smaps_rollup", "Pss:") for p in tree))
            self._stop.wait(0.1)

    def stop(self) -> str:
        self._stop.set()
        self.thread.join()
        if not self.max_rss:
            return "n/a (no /proc)"
        return f"largest process {self.max_rss / 1024:.0f} MB RSS, all processes {self.max_pss / 1024:.0f} MB PSS"


EXTRA: list[str] = []  # --ignore CODES passed on to every audit


def audit_cmd(site: Path, db: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "govproof", "audit", str(site), "--db", str(db), "--jobs", str(jobs), "--quiet",
            "--as-of", "2025-06-01", *EXTRA]


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed_run(site: Path, db: Path, jobs: int) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the audit and its workers, peak memory)."""
    start, cpu = time.perf_counter(), _cpu()
    proc = subprocess.Popen(audit_cmd(site, db, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    mem = PeakMemory(proc.pid)
    out, err = proc.communicate()
    secs = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"audit failed ({proc.returncode}): {err.decode('utf-8', 'replace')[-2000:]}")
    return secs, _cpu() - cpu, mem.stop()


def last_run(db: Path) -> int:
    return query(db, "SELECT MAX(id) FROM runs")[0][0]


def query(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def kill_and_resume(site: Path, db: Path, reference: Path, total: int) -> None:
    proc = subprocess.Popen(audit_cmd(site, db, 2), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        try:
            n = query(db, "SELECT COUNT(*) FROM documents")[0][0]
        except sqlite3.Error:
            n = 0
        if n >= total * 2 // 5:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill = {k for (k,) in query(db, "SELECT key FROM documents")}
    print(f"kill -9 after {len(at_kill):,} of {total:,} documents were stored")
    secs, _, _ = timed_run(site, db, 2)
    after = query(db, "SELECT key, session FROM documents")
    redone = sum(1 for k, s in after if k in at_kill and s != 1)
    missing = total - len(after)
    ref = Counter(query(reference, f"SELECT doc_key, code, start, text FROM findings WHERE run_id={last_run(reference)}"))
    got = Counter(query(db, "SELECT doc_key, code, start, text FROM findings"))
    print(f"resumed in {secs:.1f} s: documents done twice: {redone}; documents missing: {missing}; "
          f"findings lost: {sum((ref - got).values())}; findings extra: {sum((got - ref).values())} "
          f"(against the uninterrupted --jobs 2 run's {sum(ref.values()):,})")


def report_figures(db: Path, report: Path) -> None:
    """The HTML report of the whole site: time to write it, its size, and (with chromium) that it opens."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "govproof", "audit", "--db", str(db), "--report", str(report)],
                   stdout=subprocess.DEVNULL, check=False)
    secs = time.perf_counter() - start
    line = f"HTML report: {report.stat().st_size / 1e6:.1f} MB written in {secs:.1f} s"
    browser = shutil.which("chromium")
    if browser:
        start = time.perf_counter()
        p = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", f"--user-data-dir={report.parent / 'chromium'}",
                            "--dump-dom", report.resolve().as_uri()], capture_output=True, timeout=600)
        head = p.stdout[:400].decode("utf-8", "replace")
        shown = head.split('data-shown="')[1].split('"')[0] if 'data-shown="' in head else "?"
        ready = 'data-ready="1"' in head
        line += (f"; headless chromium loaded it in {time.perf_counter() - start:.1f} s showing {shown} findings"
                 + ("" if ready else " (its script did NOT finish)"))
    print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--attachments", type=int, default=200)
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    ap.add_argument("--ignore", metavar="CODES", help="passed to govproof audit, e.g. S2 to leave out the statistical speller")
    args = ap.parse_args()
    if args.ignore:
        EXTRA.extend(["--ignore", args.ignore])
        print(f"rules: all but {args.ignore}")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govproof-audit-bench-"))
    try:
        site = work / "site"
        if site.exists():
            shutil.rmtree(site)
        made = build_site(site, args.pages, args.attachments)
        print(f"site: {made} in {site}")
        for name in ("j1.db", "j2.db", "kill.db"):
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(f"{work / name}{suffix}").unlink(missing_ok=True)
        for jobs in (1, 2):
            db = work / f"j{jobs}.db"
            secs, cpu, mem = timed_run(site, db, jobs)
            total = query(db, "SELECT COUNT(*) FROM documents")[0][0]
            status = dict(query(db, "SELECT status, COUNT(*) FROM documents GROUP BY status"))
            findings = query(db, "SELECT COUNT(*) FROM findings")[0][0]
            print(f"--jobs {jobs}: {total:,} documents in {secs:.1f} s = {total / secs:.1f} documents/s wall clock "
                  f"(start-up included; {total / cpu:.1f} documents per CPU-second); {findings:,} findings; "
                  f"could not check: {status.get('error', 0)}; peak memory: {mem}")
        secs, cpu, mem = timed_run(site, work / "j2.db", 2)
        status = dict(query(work / "j2.db", f"SELECT status, COUNT(*) FROM documents WHERE run_id={last_run(work / 'j2.db')}"
                                            " GROUP BY status"))
        print(f"re-run, nothing changed (--jobs 2): {total / secs:.1f} documents/s wall clock ({status}); "
              f"peak memory: {mem}")
        report_figures(work / "j2.db", work / "report.html")
        kill_and_resume(site, work / "kill.db", work / "j2.db", total)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
