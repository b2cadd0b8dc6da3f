"""`govproof audit --executor dask` against `--executor local`: documents/s for 1 and 2 workers on the same folder,
the distributed path's overhead per document, checks built per worker process, how fast the driver can record
results (the ceiling on workers), and a projection to 10^6 pages.

The folder is generated as in benchmarks/audit_bench.py (government pages, UTF-8 and GBK, 2 % damaged; nothing is
committed, no shared data is read). Every audit runs as the CLI in a subprocess; the Dask runs start their own
LocalCluster (`--executor dask --jobs N`: N worker processes, one thread each, on 127.0.0.1).

    python benchmarks/audit_dask_bench.py [--pages 5000] [--batch-size 50] [--ignore S2] [--hours 8]

Needs the dask extra (pip install 'govproof[dask]').
"""
from __future__ import annotations

import argparse
import math
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from audit_bench import build_site  # noqa: E402

PROJECTED_PAGES = 10**6


class TreeCPU:
    """CPU seconds of a process and all its descendants, sampled (a cluster's workers are not always waited for,
    so the kernel's child accounting misses them); each process's last 0.1 s may be missed."""

    def __init__(self, pid: int):
        import psutil

        self.root, self.last = psutil.Process(pid), {}
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except Exception:  # the root has exited
                return
            for proc in procs:
                try:
                    t = proc.cpu_times()
                    self.last[proc.pid] = t.user + t.system
                except Exception:
                    pass
            self._stop.wait(0.1)

    def stop(self) -> float:
        self._stop.set()
        self.thread.join()
        return sum(self.last.values())


def audit(site: Path, db: Path, jobs: int, executor: str, extra: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of every process: driver, scheduler, workers) of one complete audit."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "govproof", "audit", str(site), "--db", str(db), "--jobs", str(jobs), "--quiet",
           "--as-of", "2025-06-01", "--executor", executor, *extra]
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    cpu = TreeCPU(p.pid)
    _, err = p.communicate()
    secs = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit(f"audit failed ({p.returncode}): {err.decode('utf-8', 'replace')[-2000:]}")
    return secs, cpu.stop()


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def worker_figures(site: Path, workers: int, batch_size: int, ignore: str | None) -> str:
    """Run the executor in this process to read what the workers report: builds and warm-up per process."""
    from govproof.audit.dask_executor import DaskExecutor, DaskOptions
    from govproof.audit.sources import folder_items
    from govproof.audit.worker import Task
    from govproof.config import Config
    from govproof.loaders import Limits

    config = Config(as_of=date(2025, 6, 1), ignore=tuple(ignore.split(",")) if ignore else ())
    tasks = [Task(item) for item in folder_items(site)]
    executor = DaskExecutor(DaskOptions(workers=workers, batch_size=batch_size))
    start = time.perf_counter()
    done = sum(len(batch) for batch in executor(tasks, config, Limits()))
    wall = time.perf_counter() - start
    s = executor.stats
    builds = ", ".join(str(n) for n in s.builds.values())
    warm = ", ".join(f"{w:.1f}" for w in s.warm_up.values())
    busy = s.check_seconds / (wall * workers)
    return (f"{done:,} documents in {s.batches} batches on {len(s.builds)} worker processes: checks built per process"
            f" {builds} (once, not per task); warm-up per process {warm} s; checking took"
            f" {s.check_cpu / done * 1000:.1f} CPU-ms per document in the workers; workers busy checking {busy:.0%}"
            f" of the run's wall clock (cluster start-up and warm-up included)")


def driver_ceiling(db: Path, batch_size: int) -> float:
    """Documents/s the driver records (batches of findings into SQLite, one transaction each): the upper bound on
    what any number of workers can deliver to one audit database."""
    from govproof.audit.sources import Item
    from govproof.audit.store import Store
    from govproof.audit.worker import DocResult

    src = Store(str(db))
    run = src.latest_run()
    by_doc: dict[str, list[dict]] = {}
    for f in src.findings(run.id):
        by_doc.setdefault(f["doc_key"], []).append(f)
    results = [DocResult(Item(key=d["key"], name=d["key"], section=d["section"]), d["status"], hash=d["hash"],
                         title=d["title"], error=d["error"], size=d["size"], findings=by_doc.get(d["key"], []))
               for d in src.documents(run.id)]
    src.close()
    out = db.with_name("ceiling.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    dst = Store(str(out))
    new, _ = dst.start_run("bench", "s", "f", {})
    start = time.perf_counter()
    for i in range(0, len(results), batch_size):
        dst.add_batch(new.id, 1, results[i:i + batch_size])
    secs = time.perf_counter() - start
    dst.close()
    return len(results) / secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--ignore", metavar="CODES",
                    help="passed to govproof audit, e.g. S2 to leave out the statistical speller")
    ap.add_argument("--hours", type=float, default=8.0, help="the time window for the worker-count projection")
    args = ap.parse_args()
    extra = ["--ignore", args.ignore] if args.ignore else []
    print(f"rules: {'all but ' + args.ignore if args.ignore else 'all'}; batch size {args.batch_size}")
    work = Path(tempfile.mkdtemp(prefix="govproof-dask-bench-"))
    try:
        site, tiny = work / "site", work / "tiny"
        made = build_site(site, args.pages, 0)
        build_site(tiny, 3, 0)
        print(f"site: {made}")
        runs: dict[tuple[str, int], dict[str, float]] = {}
        for executor in ("local", "dask"):
            for jobs in (1, 2):
                dask_args = ["--batch-size", str(args.batch_size)] if executor == "dask" else []
                start_wall, start_cpu = audit(tiny, work / "tiny.db", jobs, executor, extra + dask_args)
                wall, cpu = audit(site, work / f"{executor}{jobs}.db", jobs, executor, extra + dask_args)
                total = rows(work / f"{executor}{jobs}.db", "SELECT COUNT(*) FROM documents")[0][0]
                r = runs[(executor, jobs)] = {"wall": wall, "cpu": cpu, "steady": max(wall - start_wall, 1e-9),
                                              "steady_cpu": max(cpu - start_cpu, 1e-9), "startup": start_wall}
                label = f"--executor {executor} --jobs {jobs}" + (f" ({jobs} worker{'s' if jobs > 1 else ''})"
                                                                   if executor == "dask" else "")
                print(f"{label}: {total / wall:.1f} documents/s wall clock ({wall:.1f} s); start-up {start_wall:.1f} s;"
                      f" {total / r['steady']:.1f} documents/s after start-up; {total / r['steady_cpu']:.1f} documents"
                      f" per CPU-second of all processes after start-up")
        same = "SELECT doc_key, code, start, text, message FROM findings ORDER BY 1, 2, 3, 4"
        ref = rows(work / "local1.db", same)
        differ = [f"{e} --jobs {j}" for e, j in runs if rows(work / f"{e}{j}.db", same) != ref]
        print(f"findings: {len(ref):,} in --executor local --jobs 1; "
              + (f"DIFFERENT in {', '.join(differ)}" if differ else "identical in the other three runs"))
        d1, l1 = runs[("dask", 1)], runs[("local", 1)]
        print(f"overhead of the distributed path (1 worker against --jobs 1, start-up excluded): "
              f"{(d1['steady'] - l1['steady']) / total * 1000:+.2f} ms wall, "
              f"{(d1['steady_cpu'] - l1['steady_cpu']) / total * 1000:+.2f} CPU-ms per document; "
              f"cluster start-up {d1['startup'] - l1['startup']:+.1f} s against the local pool")
        print(worker_figures(site, 2, args.batch_size, args.ignore))
        ceiling = driver_ceiling(work / "dask2.db", args.batch_size)
        print(f"driver ceiling: records {ceiling:,.0f} documents/s into SQLite (batches of {args.batch_size})")

        per_worker = total / d1["steady_cpu"]          # one dedicated core per worker, all overheads counted
        wall_rate = total / d1["steady"]
        scaling = (total / runs[("dask", 2)]["steady"]) / (2 * wall_rate)
        print(f"2 workers reach {scaling:.0%} of twice the 1-worker wall-clock rate on this machine (after start-up)")
        hours = args.hours
        need = math.ceil(PROJECTED_PAGES / (hours * 3600 * per_worker))
        useful = int(ceiling // per_worker)
        print(f"projection for 10^6 pages at {per_worker:.1f} documents per CPU-second (the distributed path, every"
              f" process counted): {PROJECTED_PAGES / per_worker / 3600:.1f} core-hours; {need} workers (one core"
              f" each) finish in {PROJECTED_PAGES / (need * per_worker) / 3600:.1f} h (≤ {hours:g} h); one driver"
              f" records for up to ~{useful} such workers ({PROJECTED_PAGES / ceiling / 60:.0f} min of writing in all);"
              f" at this machine's wall-clock rate ({wall_rate:.1f} documents/s per worker)"
              f" {PROJECTED_PAGES / wall_rate / 3600:.1f} h on one worker")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
