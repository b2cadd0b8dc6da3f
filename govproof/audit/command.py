"""`govproof audit`: arguments and the command. Cheap to import; the work is imported when it runs."""
from __future__ import annotations

import argparse
import os
import sys
import traceback

DEFAULT_DB = "govproof-audit.db"


def add_audit_args(p: argparse.ArgumentParser) -> None:
    from ..run import add_run_args

    p.add_argument("source", nargs="?", metavar="SOURCE",
                   help="保存下来的网页文件夹（网站导出、wget --mirror 镜像）、WARC/WARC.gz 文件或 http(s) 网址；"
                        "省略时根据 --db 中最近一次运行生成报告")
    p.add_argument("--urls", metavar="FILE", help="抓取 FILE 中列出的网址（每行一个）")
    p.add_argument("--db", metavar="PATH", default=DEFAULT_DB, help=f"结果数据库（默认 ./{DEFAULT_DB}）")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="并行的工作进程数（默认：CPU 核数）")
    p.add_argument("--report", metavar="PATH", help="把 HTML 报告写到这里")
    p.add_argument("--csv", metavar="PATH", help="把结果写成 CSV（每处问题一行）")
    p.add_argument("--json", metavar="PATH", help="把结果写成 JSON")
    p.add_argument("--sarif", metavar="PATH", help="把结果写成 SARIF")
    add_run_args(p)
    p.add_argument("--restart", action="store_true", help="即使上次运行被中断，也重新开始一次新的运行")
    p.add_argument("--recheck", action="store_true", help="重新检查所有文档，包括上次以来内容未变的")
    p.add_argument("--max-depth", type=int, default=1, metavar="N", help="网址来源：沿同一网站的链接最多深入 N 层（默认 1）")
    p.add_argument("--rate", type=float, default=2.0, metavar="R", help="网址来源：每个网站每秒最多请求 R 次（默认 2）")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="网址来源：每次请求最多等待 S 秒（默认 20）")
    p.add_argument("--max-documents", type=int, default=10_000, metavar="N", help="网址来源：最多抓取 N 个文档（默认 10000）")
    p.add_argument("--max-size", type=float, default=50.0, metavar="MB", help="跳过大于此大小的文档（默认 50 MB）")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度条")
    add_executor_args(p)


def add_executor_args(p: argparse.ArgumentParser) -> None:
    """The flags that pick where the checks run (here, not in dask_executor: building the parser must not import
    the Dask driver for every `govproof check`)."""
    g = p.add_argument_group("分布式检查（pip install 'govproof[dask]'）")
    g.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local：本机的 --jobs 个工作进程（默认）；dask：交给 Dask 集群，只有本机写结果数据库")
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="已运行的 Dask 调度器（dask scheduler）地址；不给则在本机启动含 --jobs 个工作进程的 LocalCluster")
    g.add_argument("--batch-size", type=int, default=50, metavar="N",
                   help="--executor dask：每个任务检查的文档数，一批检查完才一起写入（默认 50）")
    g.add_argument("--send-data", action="store_true",
                   help="--executor dask：把文档内容随任务发给工作节点（工作节点读不到本机路径时使用）")


def run_audit(args: argparse.Namespace) -> int:
    from ..config import Config, ConfigError, discover_config
    from ..finding import Severity
    from ..loaders import Limits
    from ..run import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, console, explicit_config, overrides
    from .crawl import CrawlOptions
    from .dask_executor import ExecutorError, executor_from_args
    from .executor import default_jobs
    from .runner import DatabaseBusy, _Lock, open_source
    from .sources import SourceError
    from .store import Store, StoreError

    err = console(args.no_color, sys.stderr)
    out = console(args.no_color)
    jobs = args.jobs or default_jobs()
    if jobs < 1:
        print("govproof：--jobs 至少为 1", file=sys.stderr)
        return EXIT_ERROR
    executor, problem = executor_from_args(args, jobs, None if args.quiet else err.print)
    if problem:
        print(f"govproof：{problem}", file=sys.stderr)
        return EXIT_ERROR
    limits = Limits(max_file_bytes=int(args.max_size * 1024 * 1024))
    crawl = CrawlOptions(max_depth=args.max_depth, rate=args.rate, timeout=args.timeout,
                         max_bytes=limits.max_file_bytes, max_documents=args.max_documents)
    outputs = [p for p in (args.report, args.csv, args.json, args.sarif, args.write_baseline, args.db) if p]
    try:
        explicit = explicit_config(args)
        with _Lock(args.db):
            store = Store(args.db)
            try:
                base_dir = args.source if args.source and os.path.isdir(args.source) else os.getcwd()
                config: Config = (explicit or discover_config(os.path.abspath(base_dir))).merged(**overrides(args))
                if not args.source and not args.urls:
                    res = _report_only(args, store, out)
                    if res is None:
                        return EXIT_ERROR
                else:
                    source = open_source(args.source, args.urls, crawl, skip=tuple(outputs))
                    outcome = _run_with_progress(args, source, store, config, limits, jobs, err, executor)
                    if outcome is None:
                        return EXIT_ERROR
                    res, stats, resumed = outcome
                    from .progress import print_summary
                    print_summary(out, res, stats, _write_outputs(args, res, config), resumed)
            finally:
                store.close()
    except (SourceError, StoreError, DatabaseBusy, ExecutorError) as e:
        print(f"govproof：{e}", file=sys.stderr)
        return EXIT_ERROR
    except (ConfigError, KeyboardInterrupt):
        raise
    except Exception:  # the run could not go on (disk full, database damaged, a bug): 2, never 1
        traceback.print_exc()
        print("govproof：审查中止；已完成的部分保存在数据库中，再次运行同一命令即可继续", file=sys.stderr)
        return EXIT_ERROR
    worst = max((Severity.parse(f["severity"]) for f in res.findings), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= config.fail_on else EXIT_OK


def _run_with_progress(args, source, store, config, limits, jobs, console, executor=None):
    """The audit with its progress bar; None when interrupted (what was finished is kept)."""
    from .progress import AuditProgress, SessionStats
    from .runner import audit

    stats = SessionStats()
    bar: list[AuditProgress] = []
    base = {"findings": 0}

    def on_start(run, skipped, total):
        stats.skipped = skipped
        base["findings"] = store.counts(run.id)["findings"]
        if skipped:
            console.print(f"继续第 {run.id} 次运行：已完成的 {skipped:,} 个文档不再检查")
        bar.append(AuditProgress(console, stats, total, enabled=not args.quiet).__enter__())

    def on_result(result, n):
        s = result.status
        stats.checked += s == "checked"
        stats.unchanged += s == "unchanged"
        stats.failed += s == "error"
        stats.findings += n
        if source.crawler is not None:
            bar[0].set_total(max(source.crawler.discovered, stats.skipped + stats.processed))
        bar[0].advance(base["findings"])

    try:
        outcome = audit(source, store, config, limits, jobs, resume=not args.restart, recheck=args.recheck,
                        executor=executor, on_start=on_start,
                        on_result=on_result)
    except KeyboardInterrupt:
        if bar:
            bar[0].__exit__(None, None, None)
        console.print(f"已中断：完成的 {stats.processed:,} 个文档已保存；再次运行同一命令即可从中断处继续。")
        return None
    if bar:
        bar[0].__exit__(None, None, None)
    return outcome.results, stats, outcome.resumed


def _write_outputs(args, res, config=None) -> list[tuple[str, str]]:
    """The requested exports; SARIF describes the rules of ``config``'s checks (the defaults without one)."""
    from ..config import Config
    from ..run import rule_headers
    from . import export

    def write_sarif(res, path):
        export.write_sarif(res, path, rule_headers([config or Config()]))

    written = []
    for path, writer, label in ((args.report, export.write_report, "HTML 报告"), (args.csv, export.write_csv, "CSV"),
                                (args.json, export.write_json, "JSON"), (args.sarif, write_sarif, "SARIF")):
        if path:
            writer(res, path)
            written.append((label, path))
    if args.write_baseline:
        n = export.write_baseline(res, args.write_baseline)
        written.append((f"基线（{n} 处）", args.write_baseline))
    written.append(("结果数据库", args.db))
    return written


def _report_only(args, store, console):
    """No source: the requested reports from the database's last run (its results, or None when it has none)."""
    from .progress import SessionStats, print_summary
    from .results import load_results

    run = store.latest_run()
    if run is None:
        print(f"govproof：{args.db} 中还没有审查结果；请给出要审查的 SOURCE", file=sys.stderr)
        return None
    previous = store.latest_run(run.source, completed=True, before=run.id)
    res = load_results(store, run, previous)
    print_summary(console, res, SessionStats(), _write_outputs(args, res), False)
    return res
