"""The registry: which checks exist, built for a Config, and the rules they define.

Every check is named here as "module:factory" (a factory takes the Config and returns a Check); modules are
imported only when checks are built, so listing them costs nothing. Add a new check to CHECK_FACTORIES.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .rule import Check, Rule

if TYPE_CHECKING:
    from .config import Config

# Modules must be cheap to import: heavy imports belong inside run().
CHECK_FACTORIES: list[str] = [
    "govproof.checks.rulepack:build",
    "govproof.checks.suppression:build",
    "govproof.checks.lexicon.check:build",    # before S2: its sure typos give S2's second look (CheckContext.earlier)
    "govproof.checks.spelling.checker:build",
    "govproof.checks.variant_chars:build",
    "govproof.checks.law_names:build",
    "govproof.checks.citations:build",
    "govproof.checks.punctuation:build",
    "govproof.checks.spaces:build",
    "govproof.checks.numbers:build",
    "govproof.checks.docnum:build",
    "govproof.checks.headings:build",
    "govproof.checks.personal_data:build",
]


def load_checks(config: "Config") -> list[Check]:
    checks = []
    for spec in CHECK_FACTORIES:
        module, _, attr = spec.partition(":")
        checks.append(getattr(importlib.import_module(module), attr)(config))
    return checks


def rules_of(checks: list[Check]) -> dict[str, Rule]:
    """The rules the given checks define, by code, in code order; a code defined twice is a bug."""
    rules: dict[str, Rule] = {}
    for check in checks:
        for r in check.rules():
            if r.code in rules and rules[r.code] is not r:
                raise ValueError(f"rule code {r.code} is defined twice ({rules[r.code].name}, {r.name})")
            rules[r.code] = r
    return dict(sorted(rules.items()))


def all_rules(config: "Config | None" = None) -> dict[str, Rule]:
    from .config import Config

    return rules_of(load_checks(config or Config()))
