"""`npa spec`: run Gherkin files against the step vocabulary, without pytest.

Each file is parsed with gherkin-official; its pickles (Background and
Scenario Outlines expanded) run one by one, each on a fresh `World`, each
step matched against `features.steps.REGISTRY` (the first entry of the step's
keyword that matches wins). As Cucumber does:

- a syntax error is reported for its file, in one plain sentence with its
  line, and the other files still run; a file with no scenarios is a warning;
- scenarios with the same name each run; a scenario with no steps is empty,
  not passed;
- the steps after a failed or undefined step are skipped, but every
  undefined step of a scenario is reported, each with a suggestion;
- `tags` (a Cucumber tag expression) and `FILE:LINE` pick the scenarios to
  run; `dry_run` parses and matches every step without running any.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from contract.printable import shown
from features.parsing import Parsed, TargetError, Unreadable, error, parse, picked, targets
from features.steps import Step, StepError, World, conditions_named, find
from features.suggest import hints, suggest

#: Pickle step types and the keyword whose steps they match; "*" steps match any.
KEYWORDS: Mapping[str, str | None] = {
    "Context": "given",
    "Action": "when",
    "Outcome": "then",
    "Unknown": None,
}

#: A scenario's statuses, in the order the totals give them.
STATUSES = ("passed", "failed", "undefined", "empty", "skipped")

STEP_STATUSES = ("passed", "failed", "undefined", "skipped")


def tag_filter(expression: str | None) -> Any:
    """A Cucumber tag expression ("@section_5_1 and not @slow"), parsed.

    Raises:
        TargetError: the expression does not parse (field "tags").
    """
    if expression is None or not expression.strip():
        return None
    from cucumber_tag_expressions import parse as parse_tags
    from cucumber_tag_expressions.parser import TagExpressionError

    try:
        parsed = parse_tags(expression)
        parsed.evaluate([])  # an expression too deep to evaluate fails here, not mid-run
        return parsed
    except TagExpressionError as exc:
        raise TargetError(f"{shown(expression, 80)} is not a tag expression ({exc})",
                          "tags") from None
    except RecursionError:
        raise TargetError(f"the tag expression is nested too deeply to read "
                          f"({len(expression.split())} words): fewer tags and operators, "
                          "or a tag the scenarios share", "tags") from None


def run_files(paths: Sequence[str | Path], *, tags: str | None = None,
              dry_run: bool = False) -> dict[str, Any]:
    """Run every scenario of the files (a directory stands for its .feature files).

    Args:
        paths: files, directories, or `FILE:LINE` to run the scenario at a line.
        tags: a Cucumber tag expression; only the scenarios it accepts run.
        dry_run: parse and match every step, run none.

    Returns:
        {"ok", "files", "features", "scenarios", "counts", "steps", "errors",
        "warnings", "dry_run", "tags"}: `ok` is False when a scenario failed
        or has an undefined step, or a file could not be read or parsed; each
        scenario has its name, file, line and status, every step with its
        status, and for a failed or undefined one the step, the error or a hint.

    Raises:
        TargetError: a path that does not exist, a `FILE:LINE` that picks no
            scenario, or a tag expression that does not parse.
    """
    wanted = tag_filter(tags)
    found, errors = targets(paths)
    warnings: list[dict[str, Any]] = []
    features: list[dict[str, Any]] = []
    scenarios: list[dict[str, Any]] = []
    files: list[str] = []
    seen_files: set[Path] = set()
    ran: set[tuple[Path, str]] = set()  # each scenario (or Examples row) once a run
    for target in found:
        same = Path(target.path).resolve()
        first_time = same not in seen_files
        if first_time:
            seen_files.add(same)
            files.append(str(target.path))
        try:
            parsed = parse(target.path)
        except Unreadable as exc:
            errors.extend(exc.errors)
            continue
        if parsed.feature is None:
            warnings.append(error(target.path, None, "the file has no Feature"))
            continue
        if not parsed.pickles:
            warnings.append(error(target.path, parsed.feature["location"]["line"],
                                  "the feature has no scenarios"))
        chosen = [pk for pk in parsed.pickles if picked(parsed, pk, target.lines)]
        if target.lines and not chosen:
            where = ", ".join(str(n) for n in target.lines)
            raise TargetError(f"{target.given}: no scenario at line {where}")
        if wanted is not None:
            chosen = [pk for pk in chosen
                      if wanted.evaluate([t["name"] for t in pk.get("tags", [])])]
        chosen = [pk for pk in chosen if (same, pk["id"]) not in ran]
        ran.update((same, pk["id"]) for pk in chosen)
        if first_time:
            features.append(_feature_entry(target.path, parsed))
        scenarios += [_run_pickle(target.path, parsed, pk, dry_run) for pk in chosen]
    counts = {status: sum(1 for s in scenarios if s["status"] == status)
              for status in STATUSES}
    step_counts = {status: sum(1 for s in scenarios for st in s["steps"]
                               if st["status"] == status) for status in STEP_STATUSES}
    return {
        "ok": not errors and counts["failed"] == 0 and counts["undefined"] == 0,
        "files": files,
        "features": features,
        "scenarios": scenarios,
        "counts": counts,
        "steps": step_counts,
        "errors": errors,
        "warnings": warnings,
        "dry_run": dry_run,
        "tags": tags,
    }


def _feature_entry(path: Path, parsed: Parsed) -> dict[str, Any]:
    """What a report says of a feature: for the formats that group scenarios by feature."""
    feature = parsed.feature or {}
    return {"file": str(path), "name": feature.get("name", ""),
            "keyword": feature.get("keyword", "Feature"),
            "line": feature.get("location", {}).get("line", 1),
            "description": (feature.get("description") or "").strip(),
            "tags": [{"name": t["name"], "line": t["location"]["line"]}
                     for t in feature.get("tags", [])]}


# --- running -----------------------------------------------------------------


def _run_pickle(path: Path, parsed: Parsed, pickle: Mapping[str, Any],
                dry_run: bool) -> dict[str, Any]:
    """Run one scenario on a fresh World; after a failed or undefined step, only match."""
    texts = [each["text"] for each in pickle["steps"]]
    world = World(named=conditions_named(texts))
    node = parsed.nodes.get(pickle["astNodeIds"][0], {})
    report: dict[str, Any] = {
        "name": pickle["name"],
        "file": str(path),
        "line": pickle["location"]["line"],
        "keyword": node.get("keyword", "Scenario"),
        "description": node.get("description", ""),
        "rule": node.get("rule"),
        "feature": (parsed.feature or {}).get("name", ""),
        "tags": [tag["name"] for tag in pickle.get("tags", [])],
        "tag_lines": [{"name": tag["name"],
                       "line": parsed.nodes.get(tag["astNodeId"], {}).get("line")}
                      for tag in pickle.get("tags", [])],
        "status": "empty" if not pickle["steps"] else ("skipped" if dry_run else "passed"),
        "steps": [],
        "step": None,
        "error": None,
        "hint": [],
        "undefined": [],
        "duration_ns": 0,
    }
    going = not dry_run
    #: The last invalid action a step took, and that step's entry.
    invalid: tuple[Exception | None, dict[str, Any] | None] = (None, None)
    for each in pickle["steps"]:
        step_node = parsed.nodes.get(each["astNodeIds"][0], {"line": None, "keyword": ""})
        entry: dict[str, Any] = {"keyword": step_node["keyword"], "text": each["text"],
                                 "file": str(path), "line": step_node["line"],
                                 "status": "skipped", "location": None, "duration_ns": 0,
                                 "background": bool(step_node.get("background"))}
        table = each.get("argument", {}).get("dataTable")
        rows = [[c["value"] for c in row["cells"]] for row in table["rows"]] if table else None
        if rows is not None:
            entry["rows"] = rows
        report["steps"].append(entry)
        keyword = KEYWORDS.get(each.get("type", "Unknown"))
        try:
            found = _find(each["text"], keyword)
        except StepError as exc:
            found, entry["error"] = None, _one_line(exc)
        if "error" in entry:
            entry["status"] = "failed"
            _first_problem(report, entry, "failed", entry["error"])
            going = False
            continue
        if found is None:
            entry["status"] = "undefined"
            entry["hint"] = hints(each["text"])
            suggestion = suggest(each["text"], keyword)
            entry["suggestion"] = suggestion.to_dict() if suggestion else None
            report["undefined"].append({k: entry[k] for k in
                                        ("keyword", "text", "line", "hint", "suggestion")})
            _first_problem(report, entry, "undefined", None)
            going = False
            continue
        definition, args = found
        entry["location"] = _location(definition)
        extra = _unread_argument(each, definition)
        if extra is not None and going:
            entry["status"], entry["error"] = "failed", extra
            _first_problem(report, entry, "failed", extra)
            going = False
            continue
        if not going:
            continue
        started = time.perf_counter_ns()
        try:
            definition.run(world, args, rows)
            entry["status"] = "passed"
            if world.error is not None and world.error is not invalid[0]:
                invalid = (world.error, entry)
        except Exception as exc:  # a step's failure is reported, never raised
            entry["status"], entry["error"] = "failed", _one_line(exc)
            _first_problem(report, entry, "failed", entry["error"])
            going = False
        entry["duration_ns"] = time.perf_counter_ns() - started
        report["duration_ns"] += entry["duration_ns"]
    if going and invalid[1] is not None and not world.error_seen:
        # The scenario ended on an invalid action nothing expected: it was never taken, so
        # its step fails (a scenario would otherwise pass with an action silently dropped).
        entry = invalid[1]
        entry["status"] = "failed"
        entry["error"] = _one_line(AssertionError(f"not a valid action: {world.error}"))
        _first_problem(report, entry, "failed", entry["error"])
    # The sections its steps' actions exercised (their events and refusals): `npa coverage`.
    report["sections"] = list(dict.fromkeys(world.sections))
    return report


def _unread_argument(step: Mapping[str, Any], definition: Any) -> str | None:
    """What a step carries that its definition does not read (a data table under a step
    that takes none, or any doc string: no step reads one), said as Cucumber fails it."""
    argument = step.get("argument", {})
    if "docString" in argument:
        what = "doc string"
    elif "dataTable" in argument and not definition.takes_table:
        what = "data table"
    else:
        return None
    return f"this step reads no {what}: remove the {what} under it, or use a step that " \
           "reads one (npa steps)"


def _first_problem(report: dict[str, Any], entry: Mapping[str, Any], status: str,
                   message: str | None) -> None:
    """Mark the scenario failed or undefined at its first bad step; a later one changes nothing."""
    if report["step"] is not None:
        return
    report["status"] = status
    report["step"] = {k: entry[k] for k in ("keyword", "text", "file", "line")}
    report["error"] = message
    if status == "undefined":
        report["hint"] = entry["hint"]


def _location(definition: Step) -> str:
    """Where a step is defined, as `module.py:line`, for the reports that name it."""
    try:
        source = Path(inspect.getsourcefile(definition.func) or "")
        line = inspect.getsourcelines(definition.func)[1]
    except (OSError, TypeError):  # pragma: no cover - every step is a Python function
        return definition.func.__qualname__
    return f"features/steps/{source.name}:{line}"


def _find(text: str, keyword: str | None) -> tuple[Step, dict[str, Any]] | None:
    """The step for a text: of its own keyword, or of any keyword for a "*" step."""
    if keyword is not None:
        return find(text, keyword)
    for each in ("given", "when", "then"):
        found = find(text, each)
        if found is not None:
            return found
    return None


def _one_line(exc: BaseException) -> str:
    """An error as one line; an unexpected exception keeps its type's name."""
    text = " ".join(str(exc).split())
    if isinstance(exc, AssertionError | StepError):
        return text or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def feature_files(paths: Iterable[Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    """The .feature files named or found under the paths given, and the errors of those
    that name none."""
    found, errors = targets(list(paths))
    return list(dict.fromkeys(t.path for t in found)), errors


def render(report: Mapping[str, Any]) -> str:
    """The report for people (the pretty format)."""
    from features.formats import pretty

    return pretty(report)


__all__ = ["STATUSES", "TargetError", "feature_files", "hints", "render", "run_files",
           "tag_filter"]
