"""The review page's assets ship inside the wheel (the page must work offline, from an installed package)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSETS = sorted(p.name for p in (ROOT / "govproof" / "serve" / "static").iterdir())


def test_assets_are_the_pages_own_files():
    assert ASSETS == ["app.css", "app.js", "index.html"]


def test_a_built_wheel_contains_the_page_assets(tmp_path):
    wheel = pytest.importorskip("hatchling.builders.wheel", reason="building the wheel needs hatchling (the build backend)")
    [built] = wheel.WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(built).namelist())
    for name in ASSETS:
        assert f"govproof/serve/static/{name}" in names
    assert "govproof/serve/app.py" in names
