"""A shortest path that breaks an invariant, written as a feature a lawyer can run.

The path is taken again from its root, move by move, by the engine; each move
is written as the step of the vocabulary that takes it. The scene is set by
the root's Given steps; the moves that led up to the last one follow as
"And" steps (each was accepted); the last move is the "When" step; and the
invariant it broke is the "Then" step, where `npa spec` fails while the fault
is there, and which passes once it is gone.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.decide import decide
from engine.exploration.invariants import INVARIANTS
from engine.exploration.moves import Move, moves
from engine.exploration.result import Violation
from engine.exploration.roots import Line, Root
from engine.exploration.words import step_table, step_text

#: The step of the pseudo-invariant that no action ends in an error.
EVERY_INVARIANT = "every invariant holds"


def path_moves(root: Root, indices: Sequence[int]) -> list[Move]:
    """The moves of a path, taken again from its root (the last is not decided)."""
    state = root.state
    taken: list[Move] = []
    for number, index in enumerate(indices):
        move = moves(state)[index]
        taken.append(move)
        if number < len(indices) - 1:
            decision = decide(state, move.action)
            if decision.after is None:  # pragma: no cover - a path is of accepted moves
                raise RuntimeError(f"move {number + 1} of the path was refused on replay")
            state = decision.after
    return taken


def _line(keyword: str, line: Line) -> list[str]:
    out = [f"    {keyword} {line.text}"]
    if line.table:
        out += ["      | " + " | ".join(map(table_cell, row)) + " |" for row in line.table]
    return out


def table_cell(text: str) -> str:
    """A data table cell as Gherkin reads it back: its escapes are `\\\\`, `\\|` and `\\n`,
    so a backslash in a term (a TOML escape, a name) is doubled, not read as one."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")


def _move_line(move: Move) -> Line:
    table = step_table(move)
    return Line(step_text(move), tuple(map(tuple, table)) if table else None)


def _words_for(name: str) -> tuple[str, str]:
    for inv in INVARIANTS:
        if inv.name == name:
            return inv.words, inv.protects
    return EVERY_INVARIANT, "every action is accepted or refused, never an error"


def _safe(text: str) -> str:
    """A line of a feature's description that no Gherkin keyword or sign can take over."""
    return " ".join(text.split()).replace("#", "no.")


def feature_text(root: Root, path: Sequence[Move], words: str, protects: str, message: str,
                 number: int = 1) -> str:
    """The counterexample as a `.feature`: the root's scene, the path, the broken invariant."""
    lines = [f"Feature: Counterexample {number}: {words}",
             f"  Found by npa explore: the shortest path from the scene below that breaks "
             f"the invariant that {_safe(words)}.",
             f"  It protects {_safe(protects)}",
             f"  What went wrong: {_safe(message)}.",
             "",
             f"  Scenario: {_safe(message)[:120]}"]
    given = list(root.lines) + [_move_line(m) for m in path[:-1]]
    for i, line in enumerate(given):
        lines += _line("Given" if i == 0 else "And", line)
    if path:
        lines += _line("When", _move_line(path[-1]))
    lines.append(f"    Then {words}")
    return "\n".join(lines) + "\n"


def violation(root: Root, indices: Sequence[int], name: str, message: str,
              depth: int) -> Violation:
    """A violation with its shortest path, written as a feature."""
    path = path_moves(root, indices)
    words, protects = _words_for(name)
    steps = tuple(line.text for line in root.lines) + tuple(step_text(m) for m in path)
    return Violation(invariant=name, words=words, protects=protects, message=message,
                     depth=depth, root=root.name, steps=steps,
                     feature=feature_text(root, path, words, protects, message))


def at_root(root: Root, name: str, message: str) -> Violation:
    """A violation by one of the actions that set a root's scene: the scene is the path."""
    words, protects = _words_for(name)
    lines = [f"Feature: Counterexample 1: {words}",
             f"  Found by npa explore: setting the scene below breaks the invariant that "
             f"{_safe(words)}.",
             f"  It protects {_safe(protects)}",
             f"  What went wrong: {_safe(message)}.",
             "",
             f"  Scenario: {_safe(message)[:120]}"]
    for i, line in enumerate(root.lines):
        lines += _line("Given" if i == 0 else "And", line)
    lines.append(f"    Then {words}")
    return Violation(invariant=name, words=words, protects=protects, message=message,
                     depth=0, root=root.name, steps=tuple(line.text for line in root.lines),
                     feature="\n".join(lines) + "\n")
