"""F900: a suppression that no longer suppresses anything (the engine does the bookkeeping)."""
from __future__ import annotations

from typing import Iterable

from ..config import Config
from ..document import Document
from ..finding import Finding, Severity
from ..rule import Check, CheckContext, Rule

UNUSED_SUPPRESSION = Rule(
    code="F900", name="unused-suppression", severity=Severity.INFO,
    summary="无效的忽略标记",
    fix="none",
    source="govproof 自身约定（参照 ruff RUF100）",
    doc="`govproof: ignore` 标记所在行（或下一行）没有被它忽略的问题。问题已改正后应删除该标记，"
        "以免今后掩盖新的问题。",
    examples_hit=["会议于下午召开。 <!-- govproof: ignore S101 -->", "会议于下午召开。 # govproof: ignore"],
    examples_ok=["请各单位按排专人负责。 <!-- govproof: ignore S101 -->"],
)


class SuppressionCheck(Check):
    def rules(self) -> list[Rule]:
        return [UNUSED_SUPPRESSION]

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        return ()


def build(config: Config) -> SuppressionCheck:
    return SuppressionCheck()
