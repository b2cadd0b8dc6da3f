"""Run audit tasks across worker processes on this machine.

Deliberately small and self-contained: ``run_tasks(tasks, jobs, config, limits)`` yields one
:class:`DocResult` per task, in completion order. The runner takes any :data:`Executor`: this one
through :func:`local_executor`, a Dask cluster through :mod:`govproof.audit.dask_executor`.
A worker that dies (a crash inside a parser library) costs only the document it was reading: the
pool is rebuilt and the documents that were in flight are retried one at a time, so the one that
kills a worker again is reported as an error and the others are checked.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import platform
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from ..config import Config
from ..loaders import Limits
from .worker import DocResult, Task, check_item

# Checks tasks and yields finished batches of results; the caller records each batch in one transaction.
Executor = Callable[[Iterable[Task], Config, Limits], Iterator[list[DocResult]]]

_config: Config | None = None
_limits: Limits = Limits()


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _init(config: Config, limits: Limits) -> None:
    global _config, _limits
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _die_with_parent()
    _config, _limits = config, limits
    warm_up(config)  # already done before fork on Linux: then this finds everything cached


def _die_with_parent() -> None:
    """Linux: a worker whose audit was killed (kill -9) exits too instead of lingering."""
    if platform.system() != "Linux":
        return
    try:
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _run(task: Task | None) -> DocResult | None:
    """One document; None only starts the worker."""
    if task is None:
        return None
    assert _config is not None
    return check_item(task, _config, _limits)


def _context(config: Config) -> multiprocessing.context.BaseContext:
    """Linux: fork, after building the checks here once, so workers share them (word lists, language models)
    copy-on-write and start at once. Elsewhere (no fork, or fork unsafe as on macOS): spawn."""
    if platform.system() == "Linux":
        warm_up(config)
        gc.freeze()  # keep the collector from touching (and so copying) the shared objects in every worker
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def warm_up(config: Config) -> None:
    """Build the checks and let them load what they load lazily (models, tables) by checking one sentence."""
    from ..document import Document
    from ..engine import engine_for

    try:
        engine_for(config).check(Document(text="各单位要按照要求做好政府信息公开工作。\n", as_of=config.as_of))
    except Exception:  # a check that fails here fails per document later, where it is reported
        pass


class _Pool:
    def __init__(self, jobs: int, config: Config, limits: Limits):
        self.args = (jobs, config, limits)
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        jobs, config, limits = self.args
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(config), initializer=_init,
                                   initargs=(config, limits))

    def renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new()

    def submit(self, task: Task | None) -> Future:
        return self.pool.submit(_run, task)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


def local_executor(jobs: int) -> Executor:
    """This machine's worker processes, each document its own batch (committed as soon as it is checked)."""
    def run(tasks: Iterable[Task], config: Config, limits: Limits) -> Iterator[list[DocResult]]:
        return ([result] for result in run_tasks(tasks, jobs, config, limits))
    return run


def run_tasks(tasks: Iterable[Task], jobs: int, config: Config, limits: Limits = Limits()) -> Iterator[DocResult]:
    """Check every task with ``jobs`` worker processes, keeping a few tasks per worker in flight."""
    window = max(2, jobs * 4)
    pool = _Pool(max(1, jobs), config, limits)
    pool.submit(None).result()  # start the workers now, before a crawl's download thread exists
    pending: dict[Future, Task] = {}
    source = iter(tasks)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < window:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                pending[pool.submit(task)] = task
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list[Task] = []
            for fut in done:
                task = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken.append(task)
            if broken:
                suspects = broken + list(pending.values())
                pending.clear()
                pool.renew()
                yield from _isolate(pool, suspects)
    except BaseException:
        pool.close(cancel=True)
        raise
    pool.close()


def _isolate(pool: _Pool, suspects: list[Task]) -> Iterator[DocResult]:
    """Retry the documents that were in flight when a worker died, one at a time."""
    for task in suspects:
        try:
            yield pool.submit(task).result()
        except BrokenProcessPool:
            pool.renew()
            yield DocResult(task.item, "error", error="读取此文档时工作进程意外退出（worker process died）")
