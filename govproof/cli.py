"""`govproof` on the command line: check, rules, explain, doctor (audit registers itself). Parsing and printing
only: what a run does is govproof.run."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .cli_parser import ChineseArgumentParser
from .config import ConfigError
from .run import (EXIT_ERROR, EXIT_OK, add_run_args, check_one, config_for, console, exit_code, expand_paths,
                  explicit_config, overrides, rule_headers)


def _add_check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="要检查的文件或文件夹；- 表示读取标准输入")
    p.add_argument("--format", choices=["text", "json", "sarif", "html"], default="text",
                   help="报告格式：text 文本（默认）、json、sarif、html")
    p.add_argument("--output", "-o", metavar="PATH", help="把报告（加 --fix 时为改正后的副本）写到这里")
    add_run_args(p)
    p.add_argument("--diff", action="store_true", help="在标准输出打印改正前后的差异（unified diff），不改动文件")
    p.add_argument("--fix", action="store_true", help="写出改正后的副本 NAME.fixed.EXT（只用安全修正）")
    p.add_argument("--unsafe-fixes", action="store_true", help="与 --fix/--diff 同用：也采用需人工确认的修正")
    p.add_argument("--in-place", action="store_true", help="与 --fix 同用：直接改写原文件（保留备份 NAME.EXT.bak）")
    p.add_argument("--annotate", metavar="OUT.docx", help="写出 Word 文件的副本，在每处问题加批注"
                   "（加 --fix 时安全修正写成修订）；原文件不会被修改")
    p.add_argument("--quiet", "-q", action="store_true", help="只列出问题：不显示上下文和汇总")
    p.add_argument("--verbose", "-v", action="store_true", help="文件无法检查时，同时显示技术原因")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="govproof", description="政务信息校对与合规检查（离线）")
    parser.add_argument("--version", action="store_true", help="显示版本和已启用的可选组件")
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令")
    _add_check_args(sub.add_parser("check", help="检查文件并列出问题", description="检查文件并列出问题"))
    rules = sub.add_parser("rules", help="列出规则", description="列出规则，或为每条规则写一页说明")
    rules.add_argument("--family", help="只列一个类别：S T C P N F D")
    rules.add_argument("--format", choices=["text", "json"], default="text", help="输出格式：text 表格（默认）或 json")
    rules.add_argument("--docs", metavar="DIR", help="在 DIR 中为每条规则写一页 Markdown 说明")
    explain = sub.add_parser("explain", help="显示一条规则的说明", description="显示一条规则的说明")
    explain.add_argument("code", metavar="CODE", help="规则代码，如 S101")
    sub.add_parser("doctor", help="显示已安装、已启用的可选组件", description="显示已安装、已启用的可选组件")
    # Further subcommands (e.g. audit) register here with set_defaults(run=fn), fn(args) -> exit code.
    from .audit.command import add_audit_args, run_audit
    audit = sub.add_parser("audit", help="检查整个网站（文件夹、WARC、网址清单）：可断点续查，保留历史，生成 HTML 报告",
                           description="检查整个网站（文件夹、WARC、网址清单）：可断点续查，保留历史，生成 HTML 报告")
    add_audit_args(audit)
    audit.set_defaults(run=run_audit)
    from .serve.command import add_serve_args, run_serve
    serve_about = "在本机打开网页校对：粘贴或上传文稿，逐条接受或拒绝建议，下载改正稿或带批注的 Word 文件"
    serve = sub.add_parser("serve", help=serve_about, description=serve_about)
    add_serve_args(serve)
    serve.set_defaults(run=run_serve)
    return parser


def _check_usage(args: argparse.Namespace, paths: list[str]) -> None:
    """Refuse flag combinations that cannot be honoured, before anything is checked."""
    if args.in_place and not args.fix:
        raise ConfigError("--in-place 需要与 --fix 同用")
    if args.annotate:
        from .report.annotate import validate_cli_args
        validate_cli_args(args, paths)
    if args.fix and args.output and len(paths) != 1:
        raise ConfigError("--fix 与 --output 同用时只能检查一个文件")


def run_check(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    _check_usage(args, paths)
    explicit = explicit_config(args)
    changes = overrides(args)
    configs = [config_for(path, explicit, changes) for path in paths]
    results = [check_one(path, config, fix=args.fix or args.diff, unsafe=args.unsafe_fixes)
               for path, config in zip(paths, configs)]

    if args.write_baseline:
        from . import baseline
        n = baseline.write(args.write_baseline, [(r.doc, r.findings) for r in results if r.doc])
        print(f"已将 {n} 处问题写入基线 {args.write_baseline}", file=sys.stderr)

    _emit_report(args, results, rule_headers(configs))
    if args.annotate:
        from .report.annotate import write_for_cli
        if not write_for_cli(args, results[0]):
            return EXIT_ERROR
    if args.diff:
        from .report.diff import print_diffs
        print_diffs(results, console(args.no_color))
    if args.fix and not args.annotate:
        for r in results:
            if r.fixed_text is not None:
                _write_fixed(args, r, r.fixed_text)
    return exit_code(results, [c.fail_on for c in configs], fixes_written=args.fix)


def _emit_report(args: argparse.Namespace, results: list, rules: dict) -> None:
    """Where the report goes: --output (unless that names --fix's copy), else standard output — except that a
    diff or a fixed standard input owns standard output, and then a text report goes to standard error."""
    from .report import render
    from .report.text import print_report

    to_file = args.output and (not args.fix or args.annotate)  # with --annotate, --output is the report
    stdout_taken = args.diff or (args.fix and "-" in args.paths)
    if args.format == "text":
        if to_file:
            with open(args.output, "w", encoding="utf-8") as fh:
                print_report(results, console(True, fh), quiet=args.quiet, verbose=args.verbose)
        else:
            print_report(results, console(args.no_color, sys.stderr if stdout_taken else None),
                         quiet=args.quiet, verbose=args.verbose)
        return
    if to_file:
        Path(args.output).write_text(render(results, args.format, rules), encoding="utf-8")
    elif not stdout_taken:
        sys.stdout.write(render(results, args.format, rules))


def _write_fixed(args: argparse.Namespace, r, text: str) -> None:
    from .fix import fixed_path, replace_in_place, write_atomic
    from .loaders.encoding import encode
    from .loaders.text import TEXT_SUFFIXES

    if r.path == "-":
        sys.stdout.write(text)
        return
    src = Path(r.path)
    if src.suffix.lower() not in TEXT_SUFFIXES:
        print(f"{r.path}: --fix 只能改写纯文本文件（.txt/.md）；Word 文件请用 --annotate", file=sys.stderr)
        return
    data = encode(text, r.doc.encoding, r.doc.bom)
    if args.in_place:
        backup = replace_in_place(src, data)
        print(f"{r.path}: 已改正并原地保存（备份 {backup.name}）", file=sys.stderr)
    else:
        target = Path(args.output) if args.output else fixed_path(src)
        write_atomic(target, data)
        print(f"{r.path}: 改正后的文件已写入 {target}", file=sys.stderr)


def run_rules(args: argparse.Namespace) -> int:
    import json

    from .registry import all_rules
    from .rule import FAMILIES

    rules = all_rules()
    if args.family:
        fam = args.family.upper()
        if fam not in FAMILIES:
            raise ConfigError(f"没有类别 {args.family}：可选 {' '.join(FAMILIES)}")
        rules = {c: r for c, r in rules.items() if r.family == fam}
    if args.docs:
        from .ruledoc import render_markdown
        out = Path(args.docs)
        out.mkdir(parents=True, exist_ok=True)
        for code, rule in rules.items():
            (out / f"{code}.md").write_text(render_markdown(rule), encoding="utf-8")
        print(f"已在 {out} 写入 {len(rules)} 页规则说明")
        return EXIT_OK
    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "severity": str(r.severity), "fix": r.fix,
                           "summary": r.summary, "enabled": r.default_enabled} for r in rules.values()],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.table import Table

    from .report import SEVERITY_ZH
    table = Table(title=f"govproof 规则（{len(rules)} 条）")
    table.add_column("代码", no_wrap=True)
    table.add_column("名称", no_wrap=True, min_width=max((len(r.name) for r in rules.values()), default=4))
    table.add_column("级别", no_wrap=True)
    table.add_column("修正", no_wrap=True)
    table.add_column("说明", overflow="fold", ratio=1)
    fix_zh = {"safe": "安全", "unsafe": "需确认", "none": "—"}
    for r in rules.values():
        table.add_row(r.code, r.name, SEVERITY_ZH[r.severity], fix_zh[r.fix], r.summary)
    console(False).print(table, soft_wrap=False)
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    from rich.markdown import Markdown

    from .registry import all_rules
    from .ruledoc import render_markdown

    rule = all_rules().get(args.code.upper())
    if rule is None:
        print(f"govproof：没有规则 {args.code}；`govproof rules` 列出全部规则", file=sys.stderr)
        return EXIT_ERROR
    text = render_markdown(rule)
    if sys.stdout.isatty():
        console(False).print(Markdown(text))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run_doctor(args: argparse.Namespace | None = None) -> int:
    from . import components
    from .registry import all_rules

    print(f"govproof {__version__}（Python {sys.version.split()[0]}）")
    rules = all_rules()
    print(f"规则 {len(rules)} 条（{'，'.join(f'{fam} {sum(1 for c in rules if c[0] == fam)}' for fam in 'STCPNFD')}）")
    for comp, status in components.report():
        mark = f"已启用（{status}）" if status else f"未安装，安装：{comp.install}"
        print(f"  {comp.name:<22} {mark}\n  {'':<22} {comp.purpose}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.version:
            return run_doctor()
        if args.command == "check":
            return run_check(args)
        if args.command == "rules":
            return run_rules(args)
        if args.command == "explain":
            return run_explain(args)
        if args.command == "doctor":
            return run_doctor(args)
        if getattr(args, "run", None):
            return args.run(args)
        parser.print_help()
        return EXIT_ERROR
    except ValueError as e:  # ConfigError, and bad values (a date, a severity) found while setting up
        print(f"govproof：{e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
