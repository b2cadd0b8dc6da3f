"""Shared helpers: run the CLI as a user would, in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "关于做好2025年政务公开工作的通知.txt"


def run_cli(*args: str, stdin: bytes | None = None, cwd: str | Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "govproof", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=120)


def run_json(*args: str, **kw) -> tuple[int, dict]:
    p = run_cli("check", "--format", "json", *args, **kw)
    return p.returncode, json.loads(p.stdout.decode("utf-8"))


@pytest.fixture
def cli():
    return run_cli
