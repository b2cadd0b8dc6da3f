"""The package's edges stay untangled: only the entry points import the CLI, and no two modules of one package
import each other (directly or round a loop), counting imports inside functions and under TYPE_CHECKING."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "govproof"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The govproof modules ``name`` imports anywhere in its code."""
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else (node.module or "")
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in modules else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in modules and m != name}


def test_only_the_entry_points_import_the_cli():
    modules = _modules()
    users = sorted(n for n, p in modules.items() if "govproof.cli" in _imports(n, p, modules))
    assert users == ["govproof.__main__"], users


def test_no_import_loop_between_modules_of_one_package():
    modules = _modules()
    modules_only = {n: p for n, p in modules.items() if p.name != "__init__.py"}
    graph = {n: {m for m in _imports(n, p, modules) if m in modules_only
                 and m.rsplit(".", 1)[0] == n.rsplit(".", 1)[0]} for n, p in modules_only.items()}
    loops = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in graph[node]:
            if nxt == trail[0]:
                loops.append(" → ".join(trail + [nxt]))
            elif nxt not in trail and nxt > trail[0]:   # each loop once, from its smallest module
                visit(nxt, trail + [nxt])

    for start in sorted(graph):
        visit(start, [start])
    assert not loops, "\n".join(loops)
