"""`govproof audit --executor dask`: the same audit on a Dask cluster, on one machine or many.

Why Dask (``distributed``) and not Ray: pure-Python wheels for every platform govproof runs on
(Windows included) that install offline from a wheelhouse; a scheduler and workers started by its
own standard commands (``dask scheduler``, ``dask worker``); worker plugins, so the checks are
built once per worker process; and a scheduler that re-runs the tasks of a worker that died a set
number of times (``allowed-failures``) and then reports them as failed. Ray brings a large native
runtime and its own object store for what is here a plain task queue.

The driver (this process) cuts the tasks into batches, keeps about two batches per worker thread in
flight and yields each finished batch; the runner alone writes the SQLite store, so a batch is
recorded when its findings are committed, and a killed driver resumes where it stopped.
"""
from __future__ import annotations

import argparse
import logging
import time
from asyncio import CancelledError
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..config import Config
from ..loaders import Limits
from .sources import read_item
from .worker import DocResult, Task, unreadable

ALLOWED_FAILURES = 1     # a batch whose worker died is run once more; if it kills that one too, its documents
                         # are run one per task, and one that kills a worker twice is recorded as failed
CONNECT_TIMEOUT = 30     # seconds to reach a scheduler
_REFRESH = 2.0           # seconds between looks at how many worker threads the cluster has


class ExecutorError(Exception):
    """The cluster cannot be used: Dask missing, the scheduler unreachable, workers set up differently."""


class _WorkerDied(Exception):
    """A task's worker died twice while running it (Dask's KilledWorker); the message says where."""


@dataclass(frozen=True)
class DaskOptions:
    scheduler: str | None = None   # tcp://HOST:PORT of a running scheduler; None: a LocalCluster on this machine
    workers: int = 1               # LocalCluster worker processes, one thread each
    batch_size: int = 50
    send_data: bool = False        # send each document's bytes with its batch (workers that cannot read the paths)


@dataclass
class ClusterStats:
    """What the workers reported, for the summary and the benchmark."""

    batches: int = 0
    failed_batches: int = 0      # tasks whose worker died twice (a batch split up, or a document recorded as failed)
    builds: dict[str, int] = field(default_factory=dict)     # worker process → engines built in it
    warm_up: dict[str, float] = field(default_factory=dict)  # worker process → seconds to build its checks
    check_seconds: float = 0.0                               # time the workers spent checking, summed
    check_cpu: float = 0.0                                   # CPU seconds of that, summed


class DaskExecutor:
    """An :data:`~govproof.audit.executor.Executor` on a Dask cluster (connected, or started here, per call)."""

    def __init__(self, options: DaskOptions, log: Callable[[str], None] | None = None,
                 check: Callable | None = None):
        self.options = options
        self.log = log or (lambda message: None)
        self.check = check          # what each task runs; dask_worker.check_batch unless a test passes its own
        self.stats = ClusterStats()

    def __call__(self, tasks: Iterable[Task], config: Config, limits: Limits) -> Iterator[list[DocResult]]:
        client, cluster = self._connect()
        try:
            yield from self._run(client, tasks, config, limits)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _connect(self):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExecutorError("--executor dask 需要 Dask：pip install 'govproof[dask]'") from None
        o = self.options
        if o.scheduler:
            try:
                return Client(o.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
            except (OSError, TimeoutError, ValueError) as e:
                raise ExecutorError(f"无法连接 Dask 调度器 {o.scheduler}：{e}") from None
        # worker-saturation 1.0: a worker holds only the batch it runs, so a death re-runs only that batch
        with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                              "distributed.scheduler.worker-saturation": 1.0}):
            cluster = LocalCluster(n_workers=o.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        return Client(cluster, set_as_default=False), cluster

    def _run(self, client, tasks: Iterable[Task], config: Config, limits: Limits) -> Iterator[list[DocResult]]:
        from distributed import as_completed

        from .dask_worker import WarmUp, check_batch, profile

        expected = profile(config, limits)
        client.register_plugin(WarmUp(config, limits), name=f"govproof-warm-up-{expected}")
        threads = sum(client.nthreads().values())
        self.log(f"Dask 调度器 {client.scheduler.address}：{len(client.nthreads())} 个工作进程，"
                 f"{threads} 个线程，每批 {self.options.batch_size} 个文档")
        if not threads:
            self.log("调度器上还没有工作进程：任务将在工作进程加入后开始")
        check = self.check or check_batch
        batches = self._batches(tasks, limits)
        pending: dict[object, list[Task]] = {}
        running = as_completed(loop=client.loop)
        looked = time.monotonic()

        def submit(batch: list[Task]) -> None:
            future = client.submit(check, batch, config, limits, pure=False)
            pending[future] = batch
            running.add(future)

        def fill() -> None:
            while len(pending) < 2 * max(1, threads):
                batch = next(batches, None)
                if batch is None:
                    return
                submit(batch)

        fill()
        for future in running:
            batch = pending.pop(future)
            try:
                results = self._collect(future, expected)
            except _WorkerDied as e:
                self.stats.failed_batches += 1
                results = [] if len(batch) > 1 else [DocResult(batch[0].item, "error", error=(
                    f"检查该文档的工作进程退出，重跑一次后又退出{e}，未能检查"))]
                for task in batch if len(batch) > 1 else ():  # find the document that kills workers; check the rest
                    submit([task])
            if results:
                yield results
            if time.monotonic() - looked > _REFRESH:
                threads, looked = sum(client.nthreads().values()), time.monotonic()
            fill()

    def _batches(self, tasks: Iterable[Task], limits: Limits) -> Iterator[list[Task]]:
        source = iter(tasks)
        while batch := list(islice(source, self.options.batch_size)):
            yield [_with_data(t, limits) for t in batch] if self.options.send_data else batch

    def _collect(self, future, expected: str) -> list[DocResult]:
        from distributed import KilledWorker

        try:
            outcome = future.result()
        except KilledWorker as e:
            last = getattr(getattr(e, "last_worker", None), "address", "")
            raise _WorkerDied(f"（最后一次在 {last}）" if last else "") from None
        except (Exception, CancelledError) as e:
            raise ExecutorError(f"Dask 任务未能完成（{type(e).__name__}: {e}）；已完成的文档已保存，"
                                "再次运行同一命令即可继续") from None
        if outcome.profile != expected:
            raise ExecutorError(f"工作进程 {outcome.worker} 的 govproof 版本、规则数据或可选组件与本机不同，"
                                "结果不可比：请在所有工作节点安装与本机相同的 govproof 后再运行")
        s = self.stats
        s.batches += 1
        s.builds[outcome.worker] = outcome.builds
        s.warm_up[outcome.worker] = outcome.warm_up
        s.check_seconds += outcome.seconds
        s.check_cpu += outcome.cpu
        return outcome.results


def executor_from_args(args: argparse.Namespace, jobs: int,
                       log: Callable[[str], None] | None) -> tuple[DaskExecutor | None, str | None]:
    """The executor `govproof audit`'s flags ask for (None: the local one), or a usage problem to report."""
    if args.executor != "dask":
        problem = next((f"{flag} 只能与 --executor dask 一起使用" for flag, given in
                        (("--scheduler", args.scheduler), ("--send-data", args.send_data)) if given), None)
        return None, problem
    if args.batch_size < 1:
        return None, "--batch-size 至少为 1"
    options = DaskOptions(scheduler=args.scheduler, workers=jobs, batch_size=args.batch_size, send_data=args.send_data)
    return DaskExecutor(options, log=log), None


def _with_data(task: Task, limits: Limits) -> Task:
    """The task with its document's bytes read here, for workers that cannot read this machine's files."""
    item = task.item
    if item.data is not None or item.error:
        return task
    try:
        data = read_item(item, limits.max_file_bytes)
    except OSError as e:
        return replace(task, item=replace(item, error=unreadable(e)))
    return replace(task, item=replace(item, data=data))
