"""The rules import downward only: no part of the agreement imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "engine" / "rules"


def _imports(path: Path) -> set[str]:
    """Every engine.rules module a rules module imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("engine.rules."):
                found.add(node.module.removeprefix("engine.rules."))
            elif node.module == "engine.rules":
                found.update(alias.name for alias in node.names)
    return found - {path.stem}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in the graph, or [] when it has none."""
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = 1
        trail.append(name)
        for other in sorted(graph.get(name, ())):
            if state.get(other) == 1:
                return [*trail[trail.index(other):], other]
            if other not in state and (found := visit(other)):
                return found
        trail.pop()
        state[name] = 2
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_the_rules_import_downward_only() -> None:
    """No module of engine/rules imports, even inside a function, one that imports it back."""
    graph = {path.stem: _imports(path) for path in RULES.glob("*.py")}
    assert _cycle(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    """The check itself fails on a graph with a circle in it."""
    assert _cycle({"covenants": {"default"}, "default": {"notices"},
                   "notices": {"covenants"}}) == ["covenants", "default", "notices", "covenants"]
