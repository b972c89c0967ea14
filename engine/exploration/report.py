"""An exploration for people and for files: `npa explore`'s text, and `--out DIR`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from contract import TermSheet, load_terms_file
from engine import outfiles
from engine.exploration.result import ExplorationResult, lifecycle_mermaid


def read_terms(path: str | None) -> TermSheet | None:
    """The term sheet in a TOML file, or None for the 1997 deal's.

    Raises:
        TermsError: it cannot be read, or is no valid term sheet (naming its key).
    """
    return None if path is None else load_terms_file(path)


def out_dir(path: str | None) -> Path | None:
    """The directory `--out` names, made if it is not there, checked before exploring.

    Raises:
        InvalidAction: it cannot be a directory to write in (naming `out`).
    """
    if path is None:
        return None
    return outfiles.out_dir(path, ("graph.mmd", "summary.json"),
                            "graph.mmd, summary.json and the counterexamples")


def write_out(result: ExplorationResult, where: Path) -> list[Path]:
    """`graph.mmd`, `summary.json` and one `counterexample-N.feature` per violation, all or
    none (`engine.outfiles`); the counterexamples of an earlier run in the directory are
    removed (the directory describes this run).

    Raises:
        InvalidAction: a file cannot be written (naming `out`); nothing is changed.
    """
    staged = outfiles.Staged(where)
    try:
        staged.write("graph.mmd", result.mermaid)
        staged.write("summary.json", json.dumps(result.to_dict(), indent=2) + "\n")
        for v in result.violations:
            staged.write(f"counterexample-{v.number}.feature", v.feature)
    except BaseException:
        staged.discard()
        raise
    return staged.commit(stale=where.glob("counterexample-*.feature"))


def render(data: Mapping[str, Any]) -> str:
    """`npa explore` for people: the counts, each invariant, each violation, the graph."""
    lines = [f"explored to depth {data['depth']} from {len(data['roots'])} scenes "
             f"({', '.join(data['roots'])}), depth reached {data['depth_reached']}",
             f"  {data['states']} distinct states, {data['transitions']} transitions, "
             f"{data['refused']} refused moves ({data['moves']} tried) in {data['seconds']} s: "
             f"{data['states_per_second']:.0f} states a second"]
    if data["stopped"]:
        lines.append(f"  {data['stopped']}")
    lines.append("invariants:")
    for inv in data["invariants"]:
        mark = "ok    " if not inv["broken"] else f"BROKEN {inv['broken']}x"
        sampled = " (checked on a sample of moves)" if inv["sampled"] else ""
        lines.append(f"  {mark} {inv['words']}{sampled}")
    for v in data["violations"]:
        lines.append(f"violation {v['file']}: {v['step']}")
        lines.append(f"  {v['message']} (depth {v['depth']}, from {v['root']})")
        lines += [f"    {step}" for step in v["steps"]]
    for note in data["invalid_moves"]:
        lines.append(f"  move the engine took as invalid input: {note}")
    lines.append("lifecycle graph (transitions on each edge):")
    # Drawn again from the edges: the text for people has every string escaped, newlines too.
    graph = lifecycle_mermaid({(e["from"], e["to"]): e["count"] for e in data["graph"]["edges"]},
                              tuple(data["graph"]["starts"]))
    lines += ["  " + line for line in graph.rstrip("\n").splitlines()]
    never = data["sections_never_exercised"]
    lines.append(f"sections a rule cites that no explored move exercised ({len(never)}): "
                 + (", ".join(never) if never else "none"))
    return "\n".join(lines)
