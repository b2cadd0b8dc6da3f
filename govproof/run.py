"""The command layer `check` and `audit` share: their flags → Config, one document → FileResult, exit codes.

The CLI and the audit only parse arguments and print; what a run does with one document (load it, check it,
plan its fixes) and how the findings become an exit code is decided here, once.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from .config import Config, discover_config, load_config_file, split_codes
from .dates import parse_iso
from .finding import Finding, Severity

if TYPE_CHECKING:
    from rich.console import Console

    from .document import Document
    from .loaders import Limits
    from .report import FileResult
    from .rule import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_CHOICES = ("error", "warning", "info")


def add_run_args(p: argparse.ArgumentParser) -> None:
    """What to check and how to judge it: the flags `check` and `audit` share."""
    p.add_argument("--select", metavar="CODES", help="只检查这些规则代码或前缀，逗号分隔，如 S,C101")
    p.add_argument("--ignore", metavar="CODES", help="不检查这些规则代码或前缀")
    p.add_argument("--fail-on", choices=SEVERITY_CHOICES,
                   help="达到此级别（error 错误 / warning 警告 / info 提示）的问题使退出码为 1（默认 warning）")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="文中没有成文日期时，与日期有关的规则按此日期判断")
    p.add_argument("--profile", choices=["reply"], help="把每个文档都当作此类文档（reply：依申请公开答复书）")
    p.add_argument("--config", metavar="PATH", help="配置文件（govproof.toml 或 pyproject.toml）；默认从文件所在目录向上查找")
    p.add_argument("--baseline", metavar="PATH", help="不报告此基线文件中已接受的问题")
    p.add_argument("--write-baseline", metavar="PATH", help="把当前所有问题作为已接受的问题写入此基线文件")
    p.add_argument("--no-color", action="store_true", help="不用颜色输出（也可设环境变量 NO_COLOR=1）")


def explicit_config(args: argparse.Namespace) -> Config | None:
    """The explicit --config, if any; otherwise None and each file finds its own."""
    return load_config_file(args.config) if args.config else None


def overrides(args: argparse.Namespace) -> dict:
    """The shared flags as Config fields; unset flags are left out so config files decide."""
    o: dict = {}
    if args.select:
        o["select"] = split_codes(args.select)
    if args.ignore:
        o["ignore"] = split_codes(args.ignore)
    if args.fail_on:
        o["fail_on"] = Severity.parse(args.fail_on)
    if args.as_of:
        o["as_of"] = parse_iso(args.as_of)
    if args.profile:
        o["profile"] = args.profile
    if args.baseline:
        o["baseline"] = str(Path(args.baseline).resolve())
    return o


def config_for(path: str, explicit: Config | None, changes: dict) -> Config:
    """The settings for one input: --config, else the file found upward from it (the working folder for stdin)."""
    base = explicit or discover_config(str(Path(path).resolve().parent) if path != "-" else os.getcwd())
    return base.merged(**changes)


def console(no_color: bool, file=None) -> "Console":
    from rich.console import Console

    no_color = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(file=file or sys.stdout, no_color=no_color, color_system=None if no_color else "auto",
                   highlight=False, emoji=False, soft_wrap=True)


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Folders become the supported files inside them, in a stable order (fixed copies and backups left out)."""
    from .loaders import supported_suffixes

    out = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            suffixes = {s for s in supported_suffixes() if s}
            found = sorted(str(f) for f in Path(p).rglob("*") if f.is_file() and f.suffix.lower() in suffixes
                           and not f.name.endswith((".fixed" + f.suffix, ".bak")) and ".fixed." not in f.name)
            out.extend(found)
        else:
            out.append(p)
    return out


def rule_headers(configs: Iterable[Config]) -> "dict[str, Rule]":
    """The rules of the checks built for these settings, for reports that describe them (SARIF). The checks
    are the engines' own, cached, so nothing is built twice."""
    from .engine import engine_for

    rules: dict = {}
    for config in configs:
        rules.update(engine_for(config).rules)
    return rules


def check_bytes(data: bytes, name: str, config: Config, limits: "Limits") -> tuple["Document", list[Finding]]:
    """Load and check one document given as bytes (stdin, an audit's page); LoadError when it cannot be read."""
    from .api import check_document
    from .loaders import load_bytes

    doc = load_bytes(data, name, limits=limits, as_of=config.as_of, profile=config.profile)
    return doc, check_document(doc, config)


def file_result(path: str, load: Callable[[], "Document"], config: Config,
                checking: AbstractContextManager = nullcontext()) -> "FileResult":
    """``load()``'s document checked, as a FileResult that carries the error instead of raising: an unreadable
    file or a bug in one check must not lose the batch (CLI) or the server (serve). ``checking`` is held while
    the checks run."""
    from .api import check_document
    from .loaders import LoadError
    from .report import FileResult

    try:
        doc = load()
        with checking:
            findings = check_document(doc, config)
    except LoadError as e:
        return FileResult(path=path, error=str(e), error_detail=e.detail)
    except Exception as e:
        return FileResult(path=path, error="检查时出现内部错误（请报告此问题）", error_detail=f"{type(e).__name__}: {e}")
    return FileResult(path=path, findings=findings, doc=doc)


def check_one(path: str, config: Config, *, fix: bool = False, unsafe: bool = False) -> "FileResult":
    """One input ("-" is stdin) → its FileResult; never raises for a bad file. With ``fix``, the corrected text
    and the findings the fix leaves are planned too."""
    from .fix import apply_edits, choose_edits
    from .loaders import Limits, load_bytes, load_path

    limits = Limits.from_config(config)
    if path == "-":
        result = file_result(path, lambda: load_bytes(sys.stdin.buffer.read(), "-", limits=limits,
                                                      as_of=config.as_of, profile=config.profile), config)
    else:
        result = file_result(path, lambda: load_path(path, limits=limits, as_of=config.as_of,
                                                     profile=config.profile), config)
    if fix and result.doc is not None:
        edits = choose_edits(result.findings, unsafe=unsafe)
        result.fixed_text = apply_edits(result.doc.text, edits)
        result.fixed = edits
    return result


def exit_code(results: Iterable["FileResult"], thresholds: Iterable[Severity], *, fixes_written: bool = False) -> int:
    """2 when a file could not be checked; else 1 when a finding reaches its file's threshold (the fail-on of
    the settings it was checked with); else 0.

    With ``fixes_written`` (--fix), the findings the fix corrected no longer count; a --diff changes nothing, so
    every finding counts.
    """
    judged = list(zip(results, thresholds, strict=True))
    if any(r.error for r, _ in judged):
        return EXIT_ERROR
    for r, threshold in judged:
        applied = {id(f) for f in r.fixed} if fixes_written else set()
        if any(f.severity >= threshold for f in r.findings if id(f) not in applied):
            return EXIT_FINDINGS
    return EXIT_OK
