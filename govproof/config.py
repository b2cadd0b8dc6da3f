"""Settings from `[tool.govproof]` in pyproject.toml or a govproof.toml, found upward from the file checked."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .dates import parse_iso
from .finding import Severity

ALL_FAMILIES = ["S", "T", "C", "P", "N", "F", "D"]


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    """Everything a run can be told. Paths are absolute once loaded from a file."""

    select: tuple[str, ...] = tuple(ALL_FAMILIES)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    as_of: dt.date | None = None
    profile: str | None = None
    whitelist: tuple[str, ...] = ()
    whitelist_files: tuple[str, ...] = ()
    extra_pairs: tuple[tuple[str, str], ...] = ()
    pair_files: tuple[str, ...] = ()
    rule_files: tuple[str, ...] = ()
    baseline: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
    source: str | None = None

    def option(self, key: str, default: Any = None) -> Any:
        """Check-specific settings (e.g. spelling.threshold) without a field each."""
        return dict(self.options).get(key, default)

    def merged(self, **overrides: Any) -> "Config":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def is_selected(self, code: str, default_enabled: bool = True) -> bool:
        if any(code.startswith(p) for p in self.ignore):
            return False
        if not default_enabled:
            return code in self.select
        return any(code.startswith(p) for p in self.select)

    @property
    def all_whitelist(self) -> frozenset[str]:
        words = set(self.whitelist)
        for f in self.whitelist_files:
            words.update(_read_list(f))
        return frozenset(words)

    @property
    def all_extra_pairs(self) -> tuple[tuple[str, str], ...]:
        pairs = list(self.extra_pairs)
        for f in self.pair_files:
            for line in _read_list(f):
                parts = line.replace("→", "\t").replace(",", "\t").split()
                if len(parts) != 2:
                    raise ConfigError(f"{f}：每行应为“错误写法<TAB>正确写法”，这一行是：{line}")
                pairs.append((parts[0], parts[1]))
        return tuple(pairs)


@lru_cache(maxsize=64)
def _read_list(path: str) -> tuple[str, ...]:
    from .data import read_word_list

    try:
        return tuple(read_word_list(Path(path)))
    except OSError as e:
        raise ConfigError(f"无法读取词表 {path}（{e.strerror or e}）") from None


def split_codes(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = tuple(c.strip().upper() for c in items if c.strip())
    for c in codes:
        if not (c[0] in ALL_FAMILIES and (len(c) == 1 or c[1:].isdigit())):
            raise ConfigError(f"{c} 不是规则代码或前缀（例如 S、S1、S101）")
    return codes


def _from_table(table: dict[str, Any], base: Path, source: str) -> Config:
    known = {f.name.replace("_", "-") for f in fields(Config)} | {f.name for f in fields(Config)}
    kwargs: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in table.items():
        k = key.replace("-", "_")
        if isinstance(value, dict):  # [tool.govproof.spelling] → options "spelling.x"
            options.update(_dotted(key, value))
            continue
        if key not in known:
            raise ConfigError(f"{source}：没有这项设置：{key}")
        if k in ("select", "ignore"):
            kwargs[k] = split_codes(value)
        elif k == "fail_on":
            kwargs[k] = Severity.parse(value)
        elif k == "as_of":
            kwargs[k] = value if isinstance(value, dt.date) else parse_iso(str(value))
        elif k in ("whitelist_files", "pair_files", "rule_files"):
            kwargs[k] = tuple(str((base / p).resolve()) for p in value)
        elif k == "baseline":
            kwargs[k] = str((base / value).resolve())
        elif k == "whitelist":
            kwargs[k] = tuple(value)
        elif k == "extra_pairs":
            if isinstance(value, dict):
                kwargs[k] = tuple(value.items())
            else:
                kwargs[k] = tuple(tuple(p) for p in value)
        else:
            kwargs[k] = value
    return Config(options=tuple(sorted(options.items())), source=source, **kwargs)


def _dotted(prefix: str, table: dict[str, Any]) -> dict[str, Any]:
    """A settings table as options "prefix.key", nested tables joined with dots and lists made tuples, so a
    Config stays hashable (engines are cached per Config)."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            out.update(_dotted(name, value))
        else:
            out[name] = _frozen(value)
    return out


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def load_config_file(path: str | Path) -> Config:
    p = Path(path).resolve()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"无法读取配置文件 {path}（{e.strerror or e}）") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}：TOML 格式错误（{e}）") from None
    # pyproject.toml keeps its settings under [tool.govproof]; a govproof.toml may too (as in the README's example)
    tool = data.get("tool")
    nested = tool.get("govproof") if isinstance(tool, dict) else None
    if p.name == "pyproject.toml":
        table = nested or {}
    else:
        table = data if nested is None else nested
    return _from_table(table, p.parent, str(p))


@lru_cache(maxsize=256)
def discover_config(start_dir: str) -> Config:
    """govproof.toml, or a pyproject.toml with [tool.govproof], in start_dir or above."""
    d = Path(start_dir).resolve()
    for folder in (d, *d.parents):
        own = folder / "govproof.toml"
        if own.is_file():
            return load_config_file(own)
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "govproof" in data.get("tool", {}):
                return load_config_file(py)
    return Config()
