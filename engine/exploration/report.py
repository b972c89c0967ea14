"""An exploration for people and for files: `npa explore`'s text, and `--out DIR`."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from contract import TermSheet, load_terms_file
from engine.errors import InvalidAction
from engine.exploration.result import ExplorationResult, lifecycle_mermaid


def read_terms(path: str | None) -> TermSheet | None:
    """The term sheet in a TOML file, or None for the 1997 deal's.

    Raises:
        TermsError: it cannot be read, or is no valid term sheet (naming its key).
    """
    return None if path is None else load_terms_file(path)


def out_dir(path: str | None) -> Path | None:
    """The directory `--out` names, made if it is not there.

    Raises:
        InvalidAction: it cannot be a directory (naming `out`).
    """
    if path is None:
        return None
    if not isinstance(path, str) or not path.strip():
        raise InvalidAction("a directory to write graph.mmd, summary.json and the "
                            "counterexamples in, not an empty path", field="out")
    where = Path(path)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidAction(f"cannot make the directory {path} ({exc.__class__.__name__})",
                            field="out") from None
    try:  # before the exploration, not after it: a directory it cannot write in
        handle, probe = tempfile.mkstemp(dir=where, prefix=".npa-", suffix=".tmp")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise InvalidAction(f"cannot write in {path} "
                            f"({exc.strerror or exc.__class__.__name__})", field="out") from None
    return where


def write_out(result: ExplorationResult, where: Path) -> list[Path]:
    """`graph.mmd`, `summary.json` and one `counterexample-N.feature` per violation, all or
    none: each is written beside its name first and put in place only when all were, and
    the counterexamples of an earlier run in the directory are removed (the directory
    describes this run).

    Raises:
        InvalidAction: a file cannot be written (naming `out`); nothing is changed.
    """
    files = {where / "graph.mmd": result.mermaid,
             where / "summary.json": json.dumps(result.to_dict(), indent=2) + "\n"}
    for v in result.violations:
        files[where / f"counterexample-{v.number}.feature"] = v.feature
    ready: list[tuple[str, Path]] = []
    path = where
    try:
        for path, text in files.items():
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(path))
            handle, temporary = tempfile.mkstemp(dir=where, prefix=".npa-", suffix=".tmp")
            ready.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
        for old in where.glob("counterexample-*.feature"):
            if old not in files:
                old.unlink()
        for temporary, path in ready:
            os.replace(temporary, path)
        ready = []
    except OSError as exc:
        raise InvalidAction(f"cannot write {path} "
                            f"({exc.strerror or exc.__class__.__name__})", field="out") from None
    finally:
        for temporary, _ in ready:
            Path(temporary).unlink(missing_ok=True)
    return list(files)


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
