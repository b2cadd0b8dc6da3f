"""Where the shipped rule packs and word lists live, in a wheel and in a checkout."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``rules`` or ``dictionaries``: inside the wheel (``govproof/_data``) or at the repo root."""
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PKG.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"govproof data folder {name!r} not found (looked in {installed} and {checkout})")


def read_word_list(path: Path) -> list[str]:
    """One entry a line; blank lines and ``#`` comments are skipped."""
    words = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def load_yaml(path: Path) -> object:
    """A data table in YAML, parsed by libyaml when it is installed (several times faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
