"""Shared by the tests of the form families: run selected codes, apply safe fixes."""
from __future__ import annotations

import datetime as dt

from govproof import Config, check_text
from govproof.finding import Finding
from govproof.fix import apply_edits, choose_edits

AS_OF = dt.date(2025, 6, 1)


def findings(text: str, select: str) -> list[Finding]:
    return check_text(text, Config(select=tuple(select.split(","))), as_of=AS_OF)


def codes(text: str, select: str) -> list[str]:
    return [f.code for f in findings(text, select)]


def fixed(text: str, select: str) -> str:
    """The text after --fix (safe fixes only), run until nothing more changes, as a user re-running would."""
    for _ in range(3):
        new = apply_edits(text, choose_edits(findings(text, select)))
        if new == text:
            break
        text = new
    return text
