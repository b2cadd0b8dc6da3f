"""Optional components: what is installed, what is active, and how to get the rest (`govproof doctor`)."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Component:
    name: str
    purpose: str
    probe: Callable[[], str | None]   # a description when available, None when not
    install: str


def module_probe(name: str) -> Callable[[], str | None]:
    def probe() -> str | None:
        if importlib.util.find_spec(name) is None:
            return None
        try:
            from importlib.metadata import version
            return version(name)
        except Exception:
            return "installed"
    return probe


# One entry per optional component; add yours here.
COMPONENTS: list[Component] = [
    Component("python-docx", "读取 .docx 文件", module_probe("docx"), "pip install 'govproof[office]'"),
    Component("warcio", "govproof audit 读取 WARC 网页存档", module_probe("warcio"), "pip install 'govproof[audit]'"),
    Component("httpx", "govproof audit 按网址清单抓取网页", module_probe("httpx"), "pip install 'govproof[audit]'"),
]


def report() -> list[tuple[Component, str | None]]:
    return [(c, c.probe()) for c in COMPONENTS]
