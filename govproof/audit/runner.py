"""One audit from start to finish: pick the source, resume or start a run, check, store, compare."""
from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import __version__
from ..config import Config
from ..finding import Severity
from ..loaders import Limits
from .crawl import CrawlOptions, Crawler, in_background, read_url_list
from .executor import Executor, local_executor
from .results import RunResults, load_results
from .sources import Item, SourceError, folder_items, warc_items
from .store import Run, Store
from .worker import Task

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class Source:
    """What to audit, with a stable id so later runs of the same source are compared with this one."""

    id: str
    items: Callable[[dict[str, tuple[int, list[str]]]], Iterable[Item]]  # given the documents already done
    total: int | None = None              # known up front for folders and WARC files
    crawler: Crawler | None = None


def open_source(source: str | None, urls_file: str | None, crawl: CrawlOptions, skip: tuple[str, ...] = ()) -> Source:
    if urls_file or (source and source.lower().startswith(("http://", "https://"))):
        try:
            import httpx  # noqa: F401
        except ImportError:
            raise SourceError("抓取网址需要 httpx：pip install 'govproof[audit]'") from None
        seeds = read_url_list(urls_file) if urls_file else []
        if source:
            seeds.insert(0, source)
        sid = f"urls:{os.path.abspath(urls_file)}" if urls_file else f"url:{source}"

        def crawled(done: dict[str, tuple[int, list[str]]]) -> Iterator[Item]:
            crawler = Crawler(seeds, crawl, done)
            src.crawler = crawler
            return in_background(crawler)

        src = Source(id=sid, items=crawled)
        return src
    if not source:
        raise SourceError("没有要审查的内容：请给出文件夹、WARC 文件、网址或 --urls FILE")
    p = Path(source)
    if p.is_dir():
        items = folder_items(p, skip)
        return Source(id=f"dir:{p.resolve()}", items=lambda done: items, total=len(items))
    if p.is_file() and p.name.lower().endswith(WARC_SUFFIXES):
        items = warc_items(p)
        return Source(id=f"warc:{p.resolve()}", items=lambda done: items, total=len(items))
    if not p.exists():
        raise SourceError(f"{source}：文件或文件夹不存在")
    raise SourceError(f"{source}：不是文件夹、WARC 文件（.warc、.warc.gz）或 http(s) 网址")


def settings_fingerprint(config: Config, limits: Limits) -> str:
    """Version, the checks built and every setting that changes findings (not --fail-on)."""
    from ..registry import CHECK_FACTORIES

    h = hashlib.sha256(__version__.encode())
    h.update(repr(dataclasses.replace(config, fail_on=Severity.WARNING, source=None)).encode())
    h.update(repr((limits, CHECK_FACTORIES)).encode())
    return h.hexdigest()[:24]


def fingerprint(config: Config, limits: Limits) -> str:
    """Changes whenever the same bytes could give different findings: settings, rule packs, word lists.

    (Edits to govproof's own code without a version change are not seen: audit with --recheck after them.)
    """
    from ..data import data_dir

    h = hashlib.sha256(settings_fingerprint(config, limits).encode())
    files: list[Path] = []
    for name in ("rules", "dictionaries"):
        try:
            files += sorted(f for f in data_dir(name).rglob("*") if f.is_file())
        except FileNotFoundError:
            pass
    files += [Path(f) for f in (*config.rule_files, *config.whitelist_files, *config.pair_files,
                                *([config.baseline] if config.baseline else []))]
    for f in files:
        h.update(str(f.name).encode())
        try:
            h.update(hashlib.sha256(f.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:24]


class DatabaseBusy(Exception):
    pass


class _Lock:
    """One audit per database at a time; the kernel drops the lock when the process dies (even kill -9)."""

    def __init__(self, db: str):
        self.path = db + ".lock"
        self.fh = None

    def __enter__(self) -> "_Lock":
        self.fh = open(self.path, "a+")
        try:
            import fcntl
        except ImportError:  # Windows: no advisory lock; two audits on one database are the user's to avoid
            return self
        try:  # a POSIX record lock belongs to this process: forked workers do not inherit it
            fcntl.lockf(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            raise DatabaseBusy(f"另一个 govproof audit 正在使用 {self.path[:-5]}") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.fh:
            self.fh.close()


@dataclass
class Outcome:
    results: RunResults
    resumed: bool
    completed: bool


def audit(source: Source, store: Store, config: Config, limits: Limits, jobs: int, *, resume: bool = True,
          recheck: bool = False, executor: Executor | None = None,
          on_start: Callable[[Run, int, int | None], None] | None = None,
          on_result: Callable[[object, int], None] | None = None) -> Outcome:
    """Check every document of ``source`` not already in the run, writing each batch as it finishes.

    ``executor`` runs the checks (default: ``jobs`` processes on this machine); only this process writes ``store``.
    """
    fp = fingerprint(config, limits)
    run, resumed = store.start_run(source.id, settings_fingerprint(config, limits), fp,
                                   {"jobs": jobs, "select": list(config.select), "ignore": list(config.ignore)},
                                   resume=resume)
    previous = store.latest_run(source.id, completed=True, before=run.id)
    reuse = previous is not None and previous.fingerprint == fp and not recheck
    old_hashes = store.hashes(previous.id) if reuse else {}
    done = store.done(run.id)
    items = source.items(done)
    skipped = len(done)
    if on_start:
        on_start(run, skipped, source.total)
    tasks = _new_tasks(items, done, old_hashes)
    for batch in (executor or local_executor(jobs))(tasks, config, limits):
        counts = store.add_batch(run.id, run.sessions, batch, previous.id if reuse else None)
        if on_result:
            for result, n in zip(batch, counts):
                on_result(result, n)
    store.finish_run(run.id)
    run = store.run(run.id)  # type: ignore[assignment]
    return Outcome(load_results(store, run, previous), resumed, True)


def _new_tasks(items: Iterable[Item], done: dict, old_hashes: dict[str, str]) -> Iterator[Task]:
    """Each document once: those already in the run (an earlier session) or already sent are left out."""
    sent: set[str] = set()
    for item in items:
        if item.key in done or item.key in sent:
            continue
        sent.add(item.key)
        yield Task(item, old_hashes.get(item.key))
