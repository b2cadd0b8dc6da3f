"""A rule's documentation page, in the same order every time (ruff / textlint): what, why, examples, fix, source."""
from __future__ import annotations

from .components import OPTIONAL
from .finding import Severity
from .rule import FAMILIES, Rule

_FIX_ZH = {"safe": "安全修正：`--fix` 会自动改正。",
           "unsafe": "不确定的修正：只有加 `--unsafe-fixes` 才会自动改正，请人工确认。",
           "none": "无自动修正：需要人工判断后修改。"}
_SEV_ZH = {Severity.ERROR: "错误（error）", Severity.WARNING: "警告（warning）", Severity.INFO: "提示（info）"}


def _examples(texts: list[str]) -> list[str]:
    """One bullet per one-line example; a multi-line example (headings, letters) as a text block."""
    out = []
    for t in texts[:6]:
        if "\n" in t:
            out += ["", "```text", t.strip("\n"), "```", ""]
        else:
            out.append(f"- {t}")
    return out


def render_markdown(rule: Rule) -> str:
    parts = [f"# {rule.code} {rule.name}", "",
             f"- 类别：{rule.family}（{FAMILIES[rule.family]}）",
             f"- 级别：{_SEV_ZH[rule.severity]}",
             f"- 默认启用：{'是' if rule.default_enabled else '否（需 --select ' + rule.code + '）'}",
             "", "## 检查什么", "", rule.summary, ""]
    if rule.doc:
        parts += ["## 为什么", "", rule.doc.strip(), ""]
    if rule.examples_hit or rule.example_fix:
        parts += ["## 会报告的写法", ""]
        parts += _examples(rule.examples_hit)
        if rule.example_fix:
            parts += ["", f"例：“{rule.example_fix[0]}” → “{rule.example_fix[1]}”"]
        parts.append("")
    if rule.examples_ok:
        parts += ["## 不会报告的写法", ""] + _examples(rule.examples_ok) + [""]
    if rule.needs:
        parts += ["## 依赖的可选组件", ""]
        parts += [f"- {OPTIONAL[n].purpose}（安装：`{OPTIONAL[n].install}`）" for n in rule.needs]
        parts += ["", "缺少时本规则仍会运行，但查出的问题会少一些，上面的例句未必报告；`govproof doctor` 显示当前状态。", ""]
    parts += ["## 自动修正", "", _FIX_ZH[rule.fix], ""]
    if rule.source:
        parts += ["## 依据", "", rule.source, ""]
    parts += ["## 如何忽略", "",
              f"在该行末尾或上一行写 `govproof: ignore {rule.code}`（Markdown/HTML 中写作 "
              f"`<!-- govproof: ignore {rule.code} -->`），或用 `--ignore {rule.code}`。", ""]
    return "\n".join(parts)
