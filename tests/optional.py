"""Tests that need an optional component skip with the reason when it is absent, so a plain install passes.

CI installs every component and sets GOVPROOF_REQUIRE_OPTIONAL=1 (.ci/run): there a missing component is not a
skip but a failure, so the optional tests cannot silently stop running.
"""
from __future__ import annotations

import os

import pytest

from govproof import components

REQUIRED = os.environ.get("GOVPROOF_REQUIRE_OPTIONAL") == "1"


def why_missing(name: str) -> str | None:
    """The reason to skip a test needing ``name``, or None when it may run (present, or required by CI)."""
    return None if REQUIRED else components.missing(name)


def requires(name: str) -> pytest.MarkDecorator:
    """Mark a test that needs the optional component ``name`` (a key of govproof.components.OPTIONAL)."""
    reason = why_missing(name)
    return pytest.mark.skipif(reason is not None, reason=reason or "")


def skip_without(name: str, *, module: bool = False) -> None:
    """Inside a test or fixture (or, with ``module``, at a test module's top): skip when ``name`` is missing."""
    reason = why_missing(name)
    if reason:
        pytest.skip(reason, allow_module_level=module)
