"""Citations of 《中华人民共和国政府信息公开条例》 and what reply letters must say (family C).

Cheap to import: the regulation data and tables load on first use.
"""
from __future__ import annotations

from typing import Iterable

from ...config import Config
from ...document import Document
from ...finding import Finding
from ...rule import Check, CheckContext, Rule
from .catalog import ALL


class CitationCheck(Check):
    def rules(self) -> list[Rule]:
        return list(ALL)

    def run(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        from . import deadline, letter, names, outdated, periods, provisions, quotes
        from .analysis import Analysis

        a = Analysis(doc)
        for module in (provisions, outdated, periods, names, quotes, letter, deadline):
            yield from module.check(a)


def build(config: Config) -> CitationCheck:
    return CitationCheck()
