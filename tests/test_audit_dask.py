"""`govproof audit --executor dask` on a LocalCluster of 2 worker processes on 127.0.0.1, started here: the same
results as `--executor local`, a worker killed mid-run, the driver killed and resumed, a batch that kills its worker
every time, the checks built once per worker process."""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date

import pytest

from audit_site import AS_OF, build_site, numbered_notices, rows
from conftest import EXAMPLE
from govproof.cli import main

distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'govproof[dask]'")

from govproof.audit.dask_executor import DaskExecutor, DaskOptions  # noqa: E402
from govproof.audit.dask_worker import check_batch  # noqa: E402
from govproof.audit.sources import folder_items  # noqa: E402
from govproof.audit.worker import Task  # noqa: E402
from govproof.config import Config  # noqa: E402
from govproof.loaders import Limits  # noqa: E402

DOCS = ("SELECT key, section, title, hash, status, error, findings FROM documents ORDER BY key")
FINDINGS = ('SELECT doc_key, code, severity, start, "end", line, "column", text, suggestion, message, evidence,'
            " confidence, fix_safe, location, before, after, context_hash FROM findings ORDER BY doc_key, start, code")
TYPO_EVERY = 3
CONFIG = Config(select=("S101",), as_of=date.fromisoformat(AS_OF))


@pytest.fixture(scope="module")
def cluster():
    """What `dask scheduler` + 2 × `dask worker --nthreads 1` give, with the settings the README asks for."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}):
        c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    yield c
    c.close()


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


def _expected_typos(pages: int) -> list[str]:
    return sorted(f"s{i % 5}/p{i:04d}.txt" for i in range(0, pages, TYPO_EVERY))


def _dask(cluster, *args: str) -> list[str]:
    return ["--executor", "dask", "--scheduler", cluster.scheduler_address, *args]


def _wait_for(db, n: int, proc: subprocess.Popen | None = None, limit: float = 120) -> int:
    deadline = time.monotonic() + limit
    count = 0
    while time.monotonic() < deadline and (proc is None or proc.poll() is None):
        try:
            count = rows(db, "SELECT COUNT(*) FROM documents")[0][0]
        except Exception:  # the database is being created
            count = 0
        if count >= n:
            break
        time.sleep(0.005)
    return count


def test_same_results_as_the_local_executor(cluster, tmp_path, capsys):
    site = build_site(tmp_path / "site")
    shutil.copy(EXAMPLE, site / "zwgk" / EXAMPLE.name)
    (site / "zwgk" / "gbk.txt").write_bytes("请各单位按排专人负责，联系电话13800138000。\n".encode("gbk"))
    common = ["--as-of", AS_OF, "--ignore", "S2", "--quiet"]
    local = main(["audit", str(site), "--db", str(tmp_path / "local.db"), "--jobs", "1", *common])
    dask = main(["audit", str(site), "--db", str(tmp_path / "dask.db"), *_dask(cluster, "--batch-size", "2"), *common])
    capsys.readouterr()
    assert local == dask == 1
    docs = rows(tmp_path / "local.db", DOCS)
    findings = rows(tmp_path / "local.db", FINDINGS)
    assert len(docs) == 9 and len({f[1][0] for f in findings}) >= 3     # several rule families, not one
    assert rows(tmp_path / "dask.db", DOCS) == docs
    assert rows(tmp_path / "dask.db", FINDINGS) == findings
    # the same content with the bytes sent along (workers that cannot read the paths)
    main(["audit", str(site), "--db", str(tmp_path / "sent.db"), *_dask(cluster, "--send-data"), *common])
    assert rows(tmp_path / "sent.db", FINDINGS) == findings


def test_a_worker_killed_mid_run_still_records_every_document_once(cluster, client, tmp_path, capsys):
    pages = 300
    site, db = numbered_notices(tmp_path / "site", pages, TYPO_EVERY), tmp_path / "audit.db"
    victim = sorted(client.run(os.getpid).values())[0]
    killed_at: list[int] = []

    def kill_when_started():
        killed_at.append(_wait_for(db, 10))
        os.kill(victim, signal.SIGKILL)

    killer = threading.Thread(target=kill_when_started)
    killer.start()
    code = main(["audit", str(site), "--db", str(db), "--select", "S101", "--as-of", AS_OF, "--quiet",
                 *_dask(cluster, "--batch-size", "3")])
    killer.join()
    capsys.readouterr()
    assert code == 1
    assert 10 <= killed_at[0] < pages, "the worker was not killed half-way"
    assert rows(db, "SELECT status, COUNT(*) FROM documents GROUP BY status") == [("checked", pages)]
    assert sorted(k for (k,) in rows(db, "SELECT doc_key FROM findings")) == _expected_typos(pages)
    assert rows(db, "SELECT status FROM runs") == [("completed",)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")
def test_driver_killed_and_resumed_redoes_nothing_and_loses_nothing(cluster, tmp_path, capsys):
    pages = 300
    site, db = numbered_notices(tmp_path / "site", pages, TYPO_EVERY), tmp_path / "audit.db"
    args = ["audit", str(site), "--db", str(db), "--select", "S101", "--as-of", AS_OF, "--quiet",
            *_dask(cluster, "--batch-size", "4")]
    proc = subprocess.Popen([sys.executable, "-m", "govproof", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _wait_for(db, 20, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = dict(rows(db, "SELECT key, findings FROM documents"))
    assert 20 <= len(before) < pages, "the driver was not killed half-way"
    assert len(before) % 4 == 0                                   # whole batches only
    findings_before = rows(db, FINDINGS)

    assert main(args) == 1
    out = capsys.readouterr().out
    assert f"此前已完成 {len(before)}" in out
    assert rows(db, "SELECT id, status, sessions FROM runs") == [(1, "completed", 2)]
    by_session = dict(rows(db, "SELECT session, COUNT(*) FROM documents GROUP BY session"))
    assert by_session == {1: len(before), 2: pages - len(before)}          # done twice: none
    assert sorted(k for (k,) in rows(db, "SELECT doc_key FROM findings")) == _expected_typos(pages)
    kept = rows(db, FINDINGS.replace("FROM findings", "FROM findings WHERE doc_key IN"
                                     " (SELECT key FROM documents WHERE session=1)"))
    assert kept == findings_before


def test_own_local_cluster_builds_the_checks_once_per_worker_process(tmp_path):
    site = numbered_notices(tmp_path / "site", 40, TYPO_EVERY)
    tasks = [Task(item) for item in folder_items(site)]
    executor = DaskExecutor(DaskOptions(workers=2, batch_size=2))
    results = [r for batch in executor(tasks, CONFIG, Limits()) for r in batch]
    assert sorted(r.item.key for r in results) == sorted(t.item.key for t in tasks)
    stats = executor.stats
    assert stats.batches == 20 and 1 <= len(stats.builds) <= 2
    assert all(n == 1 for n in stats.builds.values())                    # one build per process, not per task


def test_a_document_that_kills_its_worker_every_time_is_found_and_recorded_as_failed(cluster, tmp_path):
    site = numbered_notices(tmp_path / "site", 12, TYPO_EVERY)
    (site / "s0" / "poison.txt").write_text("这个文件让检查它的进程退出。\n", encoding="utf-8")
    tasks = [Task(item) for item in folder_items(site)]

    def dies_on_poison(batch, config, limits):
        if any(t.item.key.endswith("poison.txt") for t in batch):
            os._exit(1)
        return check_batch(batch, config, limits)

    executor = DaskExecutor(DaskOptions(scheduler=cluster.scheduler_address, batch_size=3), check=dies_on_poison)
    results = {r.item.key: r for batch in executor(tasks, CONFIG, Limits())
               for r in batch}
    assert len(results) == len(tasks)
    failed = {k for k, r in results.items() if r.status == "error"}
    assert failed == {"s0/poison.txt"}          # its batch ran twice, then one document per task
    assert "工作进程退出，重跑一次后又退出" in results["s0/poison.txt"].error
    assert executor.stats.failed_batches >= 2


def test_dask_flags_without_dask_executor_are_a_usage_error(tmp_path, capsys):
    code = main(["audit", str(tmp_path), "--db", str(tmp_path / "a.db"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert code == 2 and "--scheduler 只能与 --executor dask 一起使用" in capsys.readouterr().err
