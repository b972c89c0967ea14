"""What an exploration found: counts, the lifecycle graph, violations, sections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from engine.state import Status


@attrs.frozen
class Violation:
    """A broken invariant, the shortest path that shows it, and that path as a feature."""

    invariant: str
    words: str
    protects: str
    message: str
    #: How many moves after the root the path has.
    depth: int
    root: str
    #: The path's steps, in the vocabulary's words (the last one broke the invariant).
    steps: tuple[str, ...]
    #: The path as a runnable feature that fails at the invariant's step.
    feature: str
    #: How many moves in the whole exploration broke this invariant.
    count: int = 1
    number: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The violation as `summary.json` holds it."""
        return {"invariant": self.invariant, "step": self.words, "protects": self.protects,
                "message": self.message, "depth": self.depth, "root": self.root,
                "steps": list(self.steps), "count": self.count,
                "file": f"counterexample-{self.number}.feature"}


@attrs.frozen
class ExplorationResult:
    """Every path up to a depth: distinct states, transitions, the reachable lifecycle
    graph, each invariant and its violations, and the sections exercised and not."""

    depth: int
    terms: str | None
    workers: int
    roots: tuple[str, ...]
    #: Distinct states (canonical keys), the roots included.
    states: int
    #: Accepted moves, from every expanded state (to new states or known ones).
    transitions: int
    refused: int
    moves: int
    seconds: float
    states_per_second: float
    depth_reached: int
    complete: bool
    stopped: str | None
    #: (from, to) lifecycle states and how many transitions went that way.
    edges: tuple[tuple[tuple[str, str], int], ...]
    #: The lifecycle states the roots are in (where the graph starts).
    starts: tuple[str, ...]
    mermaid: str
    invariants: tuple[Mapping[str, Any], ...]
    violations: tuple[Violation, ...]
    sections_exercised: tuple[str, ...]
    sections_never_exercised: tuple[str, ...]
    invalid_moves: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether no invariant was broken."""
        return not self.violations

    def to_dict(self) -> dict[str, Any]:
        """The result as `npa explore --json` prints it (and `summary.json` holds)."""
        return {
            "ok": self.ok,
            "depth": self.depth,
            "depth_reached": self.depth_reached,
            "complete": self.complete,
            "stopped": self.stopped,
            "terms": self.terms,
            "workers": self.workers,
            "roots": list(self.roots),
            "states": self.states,
            "transitions": self.transitions,
            "refused": self.refused,
            "moves": self.moves,
            "seconds": round(self.seconds, 3),
            "states_per_second": round(self.states_per_second, 1),
            "graph": {"starts": list(self.starts),
                      "edges": [{"from": a, "to": b, "count": n} for (a, b), n in self.edges],
                      "mermaid": self.mermaid},
            "invariants": [dict(i) for i in self.invariants],
            "violations": [v.to_dict() for v in self.violations],
            "sections_exercised": list(self.sections_exercised),
            "sections_never_exercised": list(self.sections_never_exercised),
            "invalid_moves": list(self.invalid_moves),
        }


def lifecycle_mermaid(edges: Mapping[tuple[str, str], int], starts: tuple[str, ...]) -> str:
    """The reachable lifecycle graph as mermaid stateDiagram-v2 text, each edge with its
    count of transitions, from the states exploration started in; every state is aliased
    (mermaid reads `default` as a keyword, mermaid issue #325)."""
    reached = {s for edge in edges for s in edge} | set(starts)
    lines = ["stateDiagram-v2"]
    lines += [f'    state "{s.value}" as s_{s.value}' for s in Status if s.value in reached]
    lines += [f"    [*] --> s_{s.value}" for s in Status if s.value in starts]
    order = [s.value for s in Status]
    for (source, dest), count in sorted(edges.items(),
                                        key=lambda e: (order.index(e[0][0]),
                                                       order.index(e[0][1]))):
        lines.append(f"    s_{source} --> s_{dest} : {count}")
    return "\n".join(lines) + "\n"
