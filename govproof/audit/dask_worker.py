"""What runs inside a Dask worker process: the checks built once per process, then batches of documents.

Imported by reference on the workers, so they need the same govproof (and its data and optional
components) as the machine that starts the audit; :func:`profile` lets the driver verify that.
"""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass

from distributed import WorkerPlugin

from ..config import Config
from ..loaders import Limits
from .worker import DocResult, Task, check_item

_profiles: dict[tuple[Config, Limits], str] = {}
_warm_up_seconds = 0.0  # how long this process took to build its checks


@dataclass
class BatchOutcome:
    """A checked batch, with what the driver needs to trust it and to measure the workers."""

    results: list[DocResult]
    worker: str                 # host:pid of the process that checked it
    builds: int                 # engines built in that process so far (1 when checks load once per process)
    profile: str                # the worker's fingerprint of rules, settings and optional components
    seconds: float = 0.0        # time spent checking the batch in the worker
    warm_up: float = 0.0        # seconds the process spent building its checks (once)
    cpu: float = 0.0            # CPU seconds of the checking thread for the batch


def profile(config: Config, limits: Limits) -> str:
    """Findings depend on the version, settings, rule data and which optional components (the LM) are present:
    the same on the driver and every worker, or the results of one audit would not be comparable."""
    key = (config, limits)
    if key not in _profiles:
        import hashlib

        from ..components import report
        from .runner import fingerprint

        present = ",".join(f"{c.name}={value is not None}" for c, value in report())
        _profiles[key] = hashlib.sha256(f"{fingerprint(config, limits)}|{present}".encode()).hexdigest()[:24]
    return _profiles[key]


class WarmUp(WorkerPlugin):
    """Runs once in each worker process as it joins (restarted workers too): build and warm up the checks."""

    def __init__(self, config: Config, limits: Limits):
        self.config, self.limits = config, limits

    def setup(self, worker=None) -> None:
        global _warm_up_seconds
        from .executor import warm_up

        t0 = time.perf_counter()
        warm_up(self.config)
        profile(self.config, self.limits)
        _warm_up_seconds = time.perf_counter() - t0


def check_batch(tasks: list[Task], config: Config, limits: Limits) -> BatchOutcome:
    """Check each document of the batch; never raises for a bad document (see :func:`check_item`)."""
    from ..engine import engine_for

    t0, c0 = time.perf_counter(), time.thread_time()
    results = [check_item(task, config, limits) for task in tasks]
    return BatchOutcome(results, f"{socket.gethostname()}:{os.getpid()}", engine_for.cache_info().misses,
                        profile(config, limits), time.perf_counter() - t0, _warm_up_seconds, time.thread_time() - c0)
