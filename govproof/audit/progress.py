"""What the user watches during an audit (a progress bar) and reads at the end (a one-screen summary)."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .results import RunResults

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class SessionStats:
    """This start of the run: what it did itself (a resumed run also holds earlier sessions' documents)."""

    skipped: int = 0          # already done by an earlier session of this run
    checked: int = 0
    unchanged: int = 0
    failed: int = 0
    findings: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def processed(self) -> int:
        return self.checked + self.unchanged + self.failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0


class AuditProgress:
    """A rich progress bar: documents done / total, rate, ETA, findings so far, failures."""

    def __init__(self, console: Console, stats: SessionStats, total: int | None, enabled: bool = True):
        self.stats = stats
        self.progress = Progress(
            SpinnerColumn(), TextColumn("检查"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} 文档/秒"), TextColumn("剩余"), TimeRemainingColumn(),
            TextColumn("问题 {task.fields[findings]:,}  未能检查 {task.fields[failed]:,}"),
            console=console, disable=not enabled, transient=False)
        self.task = self.progress.add_task("audit", total=total, completed=stats.skipped, rate=0.0, findings=0,
                                           failed=0)

    def __enter__(self) -> "AuditProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def set_total(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, findings_before: int) -> None:
        s = self.stats
        self.progress.update(self.task, advance=1, rate=s.rate, findings=findings_before + s.findings,
                             failed=s.failed)


def _duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}小时{m}分{s}秒" if h else f"{m}分{s}秒" if m else f"{seconds:.1f}秒"


def print_summary(console: Console, res: RunResults, stats: SessionStats, outputs: list[tuple[str, str]],
                  resumed: bool) -> None:
    run = res.run
    docs = res.documents
    status = Counter(d["status"] for d in docs)
    findings = res.findings
    sev = Counter(f["severity"] for f in findings)
    head = Text(f"govproof audit 第 {run.id} 次运行", style="bold")
    head.append(f"（续跑，第 {run.sessions} 段）" if resumed else "")
    head.append(f"  {run.source}", style="dim")
    console.print(head)
    console.print(f"文档 {len(docs):,}：本次检查 {stats.checked:,}，内容未变沿用上次结果 {status['unchanged']:,}，"
                  f"未能检查 {status['error']:,}"
                  + (f"，此前已完成 {stats.skipped:,}" if stats.skipped else "")
                  + f"（用时 {_duration(stats.elapsed)}，{stats.rate:.1f} 文档/秒）")
    console.print(Text(f"问题 {len(findings):,}：错误 {sev['error']:,}，警告 {sev['warning']:,}，提示 {sev['info']:,}"))
    if res.previous is not None:
        states = res.state_counts()
        console.print(Text(
            f"与第 {res.previous.id} 次运行相比：{len(res.changed)} 个文档有改动，新增文档 {len(res.added)}，"
            f"删除文档 {len(res.removed)}；新增问题 {states['new']}，已修正 {len(res.fixed)}，仍存在 {states['open']}",
            style="bold"))
        new_by = Counter(f["doc_key"] for f in findings if f["state"] == "new")
        fixed_by = Counter(f["doc_key"] for f in res.fixed)
        touched = sorted(set(new_by) | set(fixed_by) | set(res.changed))
        for key in touched[:8]:
            console.print(Text(f"  {key}  +{new_by[key]} −{fixed_by[key]}"))
        if len(touched) > 8:
            console.print(Text(f"  …另有 {len(touched) - 8} 个文档，见报告"))
    if findings:
        table = Table(box=None, pad_edge=False, show_header=True, header_style="bold", title_justify="left")
        for col in ("规则", "名称", "级别", "数量"):
            table.add_column(col, justify="right" if col == "数量" else "left")
        by_code = Counter(f["code"] for f in findings)
        first = {f["code"]: f for f in reversed(findings)}
        for code, n in by_code.most_common(8):
            table.add_row(code, first[code]["name"], _SEV_ZH.get(first[code]["severity"], ""), f"{n:,}")
        console.print(table)
        sections = Counter(d["section"] for d in docs for _ in d["findings"])
        if len(sections) > 1:
            top = "，".join(f"{s or '（根）'} {n:,}" for s, n in sections.most_common(5))
            console.print(Text(f"问题最多的栏目：{top}"))
    failed = res.failed
    if failed:
        console.print(Text(f"未能检查的文件（{len(failed)}）：", style="bold red"))
        for d in failed[:5]:
            console.print(Text(f"  {d['key']}：{d['error']}"))
        if len(failed) > 5:
            console.print(Text(f"  …其余 {len(failed) - 5} 个见报告"))
    for label, path in outputs:
        console.print(Text(f"{label}：{path}"))
