"""Clause coverage: for every section of the agreement, what cites it and what exercised it.

`coverage(paths, depth=...)` answers the lawyer's question "which clauses have
we never tested?". For every section and lettered paragraph of the agreement
(`contract.text.SECTIONS`) and every assumed term of Schedule 1, it lists:

- the rules that cite it (`engine.citations`: a scan of the rules' source);
- the scenarios that exercised it: a scenario exercises a section when one of
  its steps' actions produced an event, or a refusal, citing it or one of its
  paragraphs (the runner reports each scenario's `sections`);
- with a depth, whether exploration (`engine.explore`) reached it;
- for a section with no operative content (8.11, 8.14), why.

It ends with the operative sections that nothing exercises.

This module sits at the edge, beside the command line: it runs features
(`features.runner`), which the engine's core never imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from contract.printable import shown
from engine.citations import covers, rules_citing
from engine.errors import InvalidAction


@attrs.frozen
class SectionCoverage:
    """One section: its heading, the rules citing it, what exercised it."""

    section: str
    heading: str
    operative: bool
    #: Why a section is not operative (None when it is).
    reason: str | None
    rules: tuple[str, ...]
    #: The scenarios that exercised it: "file:line name".
    scenarios: tuple[str, ...]
    #: Whether exploration reached it (None when no exploration was run).
    explored: bool | None

    @property
    def exercised(self) -> bool:
        """Whether a scenario or the exploration exercised it."""
        return bool(self.scenarios) or bool(self.explored)

    def to_dict(self) -> dict[str, Any]:
        """The row as `npa coverage --json` prints it."""
        return {"section": self.section, "heading": self.heading, "operative": self.operative,
                "reason": self.reason, "rules": list(self.rules),
                "scenarios": list(self.scenarios), "explored": self.explored}


@attrs.frozen
class CoverageReport:
    """Every section's coverage, and the operative sections nothing exercises."""

    files: tuple[str, ...]
    errors: tuple[Mapping[str, Any], ...]
    scenarios: int
    depth: int | None
    sections: tuple[SectionCoverage, ...]
    never_exercised: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report as `npa coverage --json` prints it."""
        return {"files": list(self.files), "errors": [dict(e) for e in self.errors],
                "scenarios": self.scenarios, "depth": self.depth,
                "sections": [s.to_dict() for s in self.sections],
                "never_exercised": list(self.never_exercised)}


def _rows() -> list[tuple[str, str, bool, str | None]]:
    """Every section of the agreement, then the assumed terms of Schedule 1."""
    from contract import EVENTS_OF_DEFAULT, SECTIONS, clause

    rows = []
    for section in SECTIONS:
        c = clause(section)
        rows.append((section, c.heading, c.operative, c.why_not_operative))
    rows.append(("Schedule 1", "Form of Note (omitted from the filing: ASSUMED terms)",
                 True, None))
    rows += [(f"Schedule 1 ({k})", f"Event of Default: {v} (ASSUMED)", True, None)
             for k, v in EVENTS_OF_DEFAULT.items()]
    return rows


def shipped_features() -> Path:
    """The features that come with the package (features/*.feature)."""
    import features

    return Path(features.__file__).resolve().parent


def coverage(paths: Sequence[str | Path] | None = None, *,
             depth: int | None = None) -> CoverageReport:
    """Every section's rules, the scenarios of `paths` that exercised it and, with a depth,
    whether exploration to that depth reached it.

    Args:
        paths: .feature files and directories (default: the features shipped with npa).
        depth: explore the 1997 deal to this depth too (None: no exploration).

    Raises:
        InvalidAction: for paths that are not paths, or a depth that is not a whole
            number of moves (naming which).
        TargetError: for a path that names no file or directory (an NpaError).
    """
    from engine.exploration.search import MAX_DEPTH
    from features.runner import run_files

    if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int)
                              or not 0 <= depth <= MAX_DEPTH):
        raise InvalidAction(f"a whole number of moves, 0 to {MAX_DEPTH}, not "
                            f"{shown(depth, 40)}", field="depth")
    if isinstance(paths, str | Path):
        paths = [paths]
    if paths is not None and (not isinstance(paths, Iterable) or isinstance(paths, bytes)):
        raise InvalidAction(".feature files or directories, as str or Path", field="paths")
    if paths is not None:
        paths = list(paths)  # a generator is read once
    if paths is not None and not all(isinstance(p, str | Path) for p in paths):
        raise InvalidAction(".feature files or directories, as str or Path", field="paths")
    given = [Path(p) for p in paths] if paths else [shipped_features()]
    report = run_files(given)
    scenarios = [(f"{s['file']}:{s['line']} {s['name']}", s.get("sections", []))
                 for s in report["scenarios"]]
    explored: Iterable[str] | None = None
    if depth is not None:
        from engine.exploration.search import explore

        explored = set(explore(depth).sections_exercised)
    cited = rules_citing()
    rows = []
    for section, heading, operative, reason in _rows():
        by = tuple(name for name, sections in scenarios if covers(section, sections))
        reached = None if explored is None else covers(section, explored)
        rows.append(SectionCoverage(section, heading, operative, reason,
                                    cited.get(section, ()), by, reached))
    never = tuple(r.section for r in rows if r.operative and not r.exercised)
    return CoverageReport(files=tuple(report["files"]), errors=tuple(report["errors"]),
                          scenarios=len(scenarios), depth=depth, sections=tuple(rows),
                          never_exercised=never)


def render(data: Mapping[str, Any]) -> str:
    """`npa coverage` for people: a row per section, then what nothing exercises."""
    explored = data["depth"] is not None
    lines = [f"{'section':16} {'heading':44} {'rules':>5} {'scenarios':>9}"
             + ("  explored" if explored else "")]
    for error in data["errors"]:
        lines.insert(0, f"error {error['file']}: {error['message']}")
    for row in data["sections"]:
        heading = row["heading"] if len(row["heading"]) <= 44 else row["heading"][:41] + "..."
        if not row["operative"]:
            lines.append(f"{row['section']:16} {heading:44} not operative: {row['reason']}")
            continue
        mark = ("  yes" if row["explored"] else "  no") if explored else ""
        lines.append(f"{row['section']:16} {heading:44} {len(row['rules']):>5} "
                     f"{len(row['scenarios']):>9}{mark}")
    never = data["never_exercised"]
    lines.append(f"{data['scenarios']} scenarios from {len(data['files'])} files"
                 + (f", exploration to depth {data['depth']}" if explored else ""))
    lines.append(f"never exercised ({len(never)}): {', '.join(never) if never else 'none'}")
    return "\n".join(lines)
