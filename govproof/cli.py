"""`govproof` on the command line: check, rules, explain, doctor."""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .config import Config, ConfigError, discover_config, load_config_file, split_codes
from .dates import parse_iso
from .finding import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _add_check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check; - reads standard input")
    p.add_argument("--format", choices=["text", "json", "sarif", "html"], default="text", help="report format")
    p.add_argument("--output", "-o", metavar="PATH", help="write the report (or, with --fix, the corrected copy) here")
    add_run_args(p)
    p.add_argument("--diff", action="store_true", help="print the corrections as a unified diff; change nothing")
    p.add_argument("--fix", action="store_true", help="write a corrected copy NAME.fixed.EXT (safe fixes only)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff, also apply fixes that need review")
    p.add_argument("--in-place", action="store_true", help="with --fix, replace the file (keeps NAME.EXT.bak)")
    p.add_argument("--annotate", metavar="OUT.docx", help="write a copy of the Word file with a comment at each finding"
                   " (with --fix: safe fixes as tracked changes); the input is never modified")
    p.add_argument("--quiet", "-q", action="store_true", help="findings only: no context, no summary")


def add_run_args(p: argparse.ArgumentParser) -> None:
    """What to check and how to judge it: the flags `check` and `audit` share."""
    p.add_argument("--select", metavar="CODES", help="only these codes or prefixes, e.g. S,C101")
    p.add_argument("--ignore", metavar="CODES", help="skip these codes or prefixes")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that makes the exit code 1 (default warning)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="date for time-dependent rules when a document has no 成文日期")
    p.add_argument("--profile", choices=["reply"], help="treat every document as this kind (reply: 依申请公开答复书)")
    p.add_argument("--config", metavar="PATH", help="settings file (govproof.toml or pyproject.toml); default: found upward")
    p.add_argument("--baseline", metavar="PATH", help="do not report findings accepted in this baseline file")
    p.add_argument("--write-baseline", metavar="PATH", help="accept every current finding into this baseline file")
    p.add_argument("--no-color", action="store_true", help="plain output (also: NO_COLOR=1)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govproof", description="政务信息校对与合规检查（离线）")
    parser.add_argument("--version", action="store_true", help="version and active components")
    sub = parser.add_subparsers(dest="command")
    _add_check_args(sub.add_parser("check", help="check files and print findings"))
    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--family", help="one family letter: S T C P N F D")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--docs", metavar="DIR", help="write one Markdown page per rule into DIR")
    explain = sub.add_parser("explain", help="a rule's documentation")
    explain.add_argument("code")
    sub.add_parser("doctor", help="which optional components are installed and active")
    # Further subcommands (e.g. audit) register here with set_defaults(run=fn), fn(args) -> exit code.
    from .audit.command import add_audit_args, run_audit
    audit = sub.add_parser("audit", help="check a whole site (folder, WARC, URLs): resumable, with history and an HTML report")
    add_audit_args(audit)
    audit.set_defaults(run=run_audit)
    from .serve.command import add_serve_args, run_serve
    serve = sub.add_parser("serve", help="在本机打开网页校对：粘贴或上传文稿，逐条接受或拒绝建议，下载改正稿或带批注的 Word 文件")
    add_serve_args(serve)
    serve.set_defaults(run=run_serve)
    return parser


def _console(no_color: bool, file=None):
    from rich.console import Console
    no_color = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(file=file or sys.stdout, no_color=no_color, color_system=None if no_color else "auto",
                   highlight=False, emoji=False, soft_wrap=True)


def _base_config(args: argparse.Namespace) -> Config | None:
    """The explicit --config, if any; otherwise None and each file finds its own."""
    return load_config_file(args.config) if args.config else None


def _overrides(args: argparse.Namespace) -> dict:
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


def _expand(paths: Sequence[str]) -> list[str]:
    """Folders become the supported files inside them, in a stable order."""
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


def run_check(args: argparse.Namespace) -> int:
    from .engine import engine_for
    from .fix import apply_edits, choose_edits
    from .loaders import Limits, LoadError, load_bytes, load_path
    from .report import FileResult

    if args.in_place and not args.fix:
        raise ConfigError("--in-place needs --fix")
    paths = _expand(args.paths)
    if args.annotate:
        from .annotate import validate_cli_args
        validate_cli_args(args, paths)
    if args.fix and args.output and len(paths) != 1:
        raise ConfigError("--fix with --output takes exactly one input file")
    explicit = _base_config(args)
    overrides = _overrides(args)
    results: list[FileResult] = []
    fixed_texts: dict[int, str] = {}
    remaining_codes: list = []
    for path in paths:
        base = explicit or discover_config(str(Path(path).resolve().parent) if path != "-" else os.getcwd())
        config = base.merged(**overrides)
        try:
            if path == "-":
                doc = load_bytes(sys.stdin.buffer.read(), "-", as_of=config.as_of, profile=config.profile)
            else:
                doc = load_path(path, limits=Limits.from_config(config), as_of=config.as_of, profile=config.profile)
        except LoadError as e:
            results.append(FileResult(path=path, error=str(e)))
            continue
        try:
            findings = engine_for(config).check(doc)
        except Exception as e:  # a bug in one check must not lose the batch
            results.append(FileResult(path=path, error=f"internal error while checking: {type(e).__name__}: {e}"))
            continue
        result = FileResult(path=path, findings=findings, doc=doc)
        results.append(result)
        if args.fix or args.diff:
            edits = choose_edits(findings, unsafe=args.unsafe_fixes)
            fixed_texts[len(results) - 1] = apply_edits(doc.text, edits)
            if args.fix:
                applied = {id(f) for f in edits}
                remaining_codes.extend(f for f in findings if id(f) not in applied)
        else:
            remaining_codes.extend(findings)

    if args.write_baseline:
        from . import baseline
        n = baseline.write(args.write_baseline, [(r.doc, r.findings) for r in results if r.doc])
        print(f"已将 {n} 处问题写入基线 {args.write_baseline}", file=sys.stderr)

    _emit_report(args, results)
    if args.annotate:
        from .annotate import write_for_cli
        if not write_for_cli(args, results[0]):
            return EXIT_ERROR
    if args.diff:
        _print_diffs(args, results, fixed_texts)
    if args.fix and not args.annotate:
        for i, text in fixed_texts.items():
            _write_fixed(args, results[i], text)

    if any(r.error for r in results):
        return EXIT_ERROR
    fail_on = overrides.get("fail_on") or (explicit.fail_on if explicit else None) or Severity.WARNING
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in remaining_codes) else EXIT_OK


def _emit_report(args: argparse.Namespace, results: list) -> None:
    from .report import render

    to_file = args.output and (not args.fix or args.annotate)  # with --annotate, --output is the report
    if args.format == "text":
        if to_file:
            with open(args.output, "w", encoding="utf-8") as fh:
                _print_text(results, _console(True, fh), args.quiet)
        else:
            _print_text(results, _console(args.no_color, sys.stderr if (args.fix and "-" in args.paths) else None), args.quiet)
        return
    out = render(results, args.format)
    if to_file:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)


def _print_text(results: list, console, quiet: bool) -> None:
    from .report.text import print_report
    print_report(results, console, quiet=quiet)


def _print_diffs(args: argparse.Namespace, results: list, fixed: dict[int, str]) -> None:
    console = _console(args.no_color, sys.stderr if args.format != "text" else None)
    from rich.text import Text

    from .checks.personal_data import redact
    for i, new in fixed.items():
        r = results[i]
        if new == r.doc.text:
            continue
        diff = difflib.unified_diff(r.doc.text.splitlines(keepends=True), new.splitlines(keepends=True),
                                    fromfile=f"a/{r.path.lstrip('/')}", tofile=f"b/{r.path.lstrip('/')}")
        for line in diff:
            line = redact(line.rstrip("\r\n"))  # a diff must not republish personal data
            style = "green" if line.startswith("+") else "red" if line.startswith("-") else "cyan" if line.startswith("@@") else None
            console.print(Text(line, style=style or ""), soft_wrap=True)


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
    from .rule import FAMILIES, all_rules

    rules = all_rules()
    if args.family:
        fam = args.family.upper()
        if fam not in FAMILIES:
            raise ConfigError(f"unknown family {args.family!r}: one of {' '.join(FAMILIES)}")
        rules = {c: r for c, r in rules.items() if r.family == fam}
    if args.docs:
        from .ruledoc import render_markdown
        out = Path(args.docs)
        out.mkdir(parents=True, exist_ok=True)
        for code, rule in rules.items():
            (out / f"{code}.md").write_text(render_markdown(rule), encoding="utf-8")
        print(f"wrote {len(rules)} pages to {out}")
        return EXIT_OK
    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "severity": str(r.severity), "fix": r.fix,
                           "summary": r.summary, "enabled": r.default_enabled} for r in rules.values()],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.table import Table
    table = Table(title=f"govproof 规则（{len(rules)} 条）")
    for col in ("代码", "名称", "级别", "修正", "说明"):
        table.add_column(col)
    fix_zh = {"safe": "安全", "unsafe": "需确认", "none": "—"}
    for r in rules.values():
        table.add_row(r.code, r.name, str(r.severity), fix_zh[r.fix], r.summary)
    _console(False).print(table)
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    from rich.markdown import Markdown
    from .rule import all_rules
    from .ruledoc import render_markdown

    rule = all_rules().get(args.code.upper())
    if rule is None:
        print(f"govproof: no rule {args.code!r}; `govproof rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    text = render_markdown(rule)
    if sys.stdout.isatty():
        _console(False).print(Markdown(text))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run_doctor(args: argparse.Namespace | None = None) -> int:
    from . import components
    from .rule import all_rules

    print(f"govproof {__version__} (Python {sys.version.split()[0]})")
    rules = all_rules()
    print(f"rules: {len(rules)} ({', '.join(f'{fam} {sum(1 for c in rules if c[0] == fam)}' for fam in 'STCPNFD')})")
    for comp, status in components.report():
        mark = f"active ({status})" if status else f"not installed — {comp.install}"
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
    except ConfigError as e:
        print(f"govproof: {e}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as e:
        print(f"govproof: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
