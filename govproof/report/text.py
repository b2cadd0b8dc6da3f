"""The terminal report: file:line:col, code, message, and the sentence as a coloured inline diff."""
from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..finding import Finding, Severity
from . import SEVERITY_ZH, FileResult
from .context import excerpt
from .where import describe

_SEV_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_lines(r: FileResult, f: Finding, color: bool) -> list[Text]:
    head = Text()
    head.append(f"{r.path}:{f.line}:{f.column}: ", style="bold")
    if r.doc is not None and r.doc.source_map:  # Word, PDF, web page: say where in the reviewer's terms
        head.append(f"〔{describe(f.location)}〕 ")
    head.append(f.code, style=_SEV_STYLE[f.severity])
    head.append(f" [{SEVERITY_ZH[f.severity]}] ", style=_SEV_STYLE[f.severity])
    head.append(f.message)
    lines = [head]
    if r.doc is None:
        return lines
    before, after = excerpt(r.doc, f, r.findings)
    old = Text("  - " + before)
    if color:
        old.append(f.shown_text, style="bold red strike")
    else:
        old.append(f"[-{f.shown_text}-]")
    old.append(after)
    lines.append(old)
    if f.masked_text is not None:  # personal data: the masked line twice would say nothing; say what to do
        lines.append(Text(f"  处理：发布前删除，或遮盖为“{f.masked_text}”", style="green" if color else ""))
    elif f.suggestion is not None:
        new = Text("  + " + before)
        if color:
            new.append(f.suggestion or "（删除）", style="bold green")
        else:
            new.append("{+" + f.suggestion + "+}")
        new.append(after)
        lines.append(new)
    if f.evidence:
        ev = f.evidence if len(f.evidence) <= 240 else f.evidence[:240] + "…"
        lines.append(Text(f"    依据：{ev}", style="dim"))
    return lines


def print_report(results: list[FileResult], console: Console, *, quiet: bool = False, verbose: bool = False) -> None:
    color = console.color_system is not None
    for r in results:
        if r.error:
            console.print(Text(f"{r.path}: 无法检查：{r.error}", style="bold red"))
            if verbose and r.error_detail:
                console.print(Text(f"  技术原因：{r.error_detail}", style="dim"))
            continue
        for f in r.findings:
            lines = finding_lines(r, f, color)
            for line in (lines[:1] if quiet else lines):
                console.print(line, soft_wrap=True)
            if not quiet:
                console.print()
    if not quiet:
        print_summary(results, console)


def print_summary(results: list[FileResult], console: Console) -> None:
    findings = [f for r in results for f in r.findings]
    sev = Counter(f.severity for f in findings)
    errors = sum(1 for r in results if r.error)
    line = Text(f"共检查 {len(results)} 个文件，发现 {len(findings)} 处问题")
    line.append(f"（错误 {sev[Severity.ERROR]}，警告 {sev[Severity.WARNING]}，提示 {sev[Severity.INFO]}）")
    if errors:
        line.append(f"；{errors} 个文件无法检查", style="bold red")
    console.print(line)
    if not findings:
        return
    safe = sum(1 for f in findings if f.fix_safe and f.suggestion is not None)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("规则")
    table.add_column("名称")
    table.add_column("级别")
    table.add_column("数量", justify="right")
    by_code = Counter(f.code for f in findings)
    first = {f.code: f for f in reversed(findings)}
    for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        f = first[code]
        table.add_row(code, f.name, SEVERITY_ZH[f.severity], str(n))
    console.print(table)
    if safe:
        console.print(Text(f"其中 {safe} 处可用 --fix 自动改正（另有不确定的修改可加 --unsafe-fixes）。", style="dim"))
