"""Check one document of an audit, in whichever process the executor runs it.

The result is plain data (no Document), small enough to send back to the main process, with
each finding's context cut out here, where the text is at hand.
"""
from __future__ import annotations

import ctypes
import hashlib
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..loaders import Limits
from .sources import Item, read_item


@dataclass
class Task:
    item: Item
    previous_hash: str | None = None  # the document's hash in the run compared with; equal → not checked again


@dataclass
class DocResult:
    item: Item
    status: str                       # checked | unchanged | error
    hash: str | None = None
    title: str = ""
    error: str | None = None
    size: int = 0
    seconds: float = 0.0
    findings: list[dict[str, Any]] = field(default_factory=list)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - runs in a signal handler
    raise _Timeout()


def unreadable(e: OSError) -> str:
    """The error of a document whose bytes cannot be read, wherever they are read (a worker, the Dask driver)."""
    return f"无法读取（{e.strerror or e}）"


def check_item(task: Task, config: Config, limits: Limits) -> DocResult:
    """Never raises for a bad document: every failure becomes status "error" with a one-line reason."""
    from ..loaders import LoadError

    t0 = time.perf_counter()
    item = task.item
    if item.error:
        return DocResult(item, "error", error=item.error)
    try:
        data = read_item(item, limits.max_file_bytes)
    except OSError as e:
        return DocResult(item, "error", error=unreadable(e))
    size = len(data)
    if size > limits.max_file_bytes:
        return DocResult(item, "error", size=size, error=f"文件超过上限 {limits.max_file_bytes:,} 字节")
    digest = hashlib.sha256(data).hexdigest()
    if task.previous_hash == digest:
        return DocResult(item, "unchanged", hash=digest, size=size)
    try:
        with _time_limit(limits.max_seconds):
            title, findings = _check_bytes(data, item.name, config, limits)
    except LoadError as e:
        return DocResult(item, "error", hash=digest, size=size, error=str(e), seconds=time.perf_counter() - t0)
    except _Timeout:
        return DocResult(item, "error", hash=digest, size=size, seconds=time.perf_counter() - t0,
                         error=f"检查超时（上限 {limits.max_seconds:g} 秒），已跳过")
    except RecursionError:
        return DocResult(item, "error", hash=digest, size=size, error="文档嵌套层次过深，无法读取")
    except MemoryError:
        return DocResult(item, "error", hash=digest, size=size, error="读取时内存不足")
    except Exception as e:  # a bug in one check must not lose the night's run
        return DocResult(item, "error", hash=digest, size=size,
                         error=f"检查时出现内部错误（{type(e).__name__}: {e}）")
    return DocResult(item, "checked", hash=digest, title=title, size=size, findings=findings,
                     seconds=time.perf_counter() - t0)


def _check_bytes(data: bytes, name: str, config: Config, limits: Limits) -> tuple[str, list[dict[str, Any]]]:
    from ..baseline import key
    from ..run import check_bytes
    from ..report.context import excerpt, masked_span

    doc, found = check_bytes(data, name, config, limits)
    masked = [f for f in found if f.masked_text is not None]
    out = []
    for f in found:
        before, after = excerpt(doc, f, masked)
        row = f.to_dict()
        row.update(before=before, after=after, context_hash=key(doc, f)[2])
        out.append(row)
    # the first paragraph names the document (通知, 答复书, a page's title); personal data in it stays masked
    title = masked_span(doc, *doc.paragraphs[0], masked) if doc.paragraphs else ""
    return " ".join(title.split())[:200], out


class _time_limit:
    """A per-document time limit: SIGALRM in the main thread (POSIX); elsewhere (a Dask worker's task thread)
    a timer that raises in the checking thread, which takes effect when it next runs Python code."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.alarm = hasattr(signal, "setitimer") and seconds > 0 and threading.current_thread() is threading.main_thread()
        self.timer: _ThreadTimer | None = None

    def __enter__(self):
        if self.alarm:
            self.previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        elif self.seconds > 0:
            self.timer = _ThreadTimer(self.seconds)
        return self

    def __exit__(self, *exc):
        if self.alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        elif self.timer is not None and self.timer.stop() and exc[0] is None:
            raise _Timeout()
        return False


class _ThreadTimer:
    """Raises _Timeout in the thread that made it after ``seconds``, unless stopped first."""

    def __init__(self, seconds: float):
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.live, self.fired = True, False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            if self.live:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), ctypes.py_object(_Timeout))

    def stop(self) -> bool:
        """Whether the time ran out; a timeout not yet delivered is withdrawn (the caller raises it)."""
        with self.lock:
            self.live = False
            self.timer.cancel()
            if self.fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)
            return self.fired
