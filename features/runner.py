"""`npa spec`: run Gherkin files against the step vocabulary, without pytest.

Each file is parsed with gherkin-official; its pickles (Background and
Scenario Outlines expanded) run one by one, each on a fresh `World`, each
step matched against `features.steps.REGISTRY` (the first entry of the step's
keyword that matches wins). A syntax error is reported for its file and the
other files still run; scenarios with the same name each run; the steps after
a failed or undefined step are skipped.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from gherkin.errors import ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_scanner import TokenScanner

from features.steps import REGISTRY, StepError, World, conditions_named, find

#: Pickle step types and the keyword whose steps they match; "*" steps match any.
KEYWORDS: Mapping[str, str | None] = {
    "Context": "given",
    "Action": "when",
    "Outcome": "then",
    "Unknown": None,
}


def feature_files(paths: Iterable[Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    """The .feature files named or found (recursively, in order) under the paths given."""
    files: list[Path] = []
    errors: list[dict[str, Any]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.feature"))
            if not found:
                errors.append(_error(path, None, "no .feature files in this directory"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            errors.append(_error(path, None, "no such file or directory"))
    return files, errors


def run_files(paths: list[Path]) -> dict[str, Any]:
    """Run every scenario of the files (a directory stands for its .feature files).

    Returns:
        {"ok", "files", "scenarios", "counts", "errors"}: `ok` is False when a
        scenario failed or has an undefined step, or a file could not be read
        or parsed; each scenario has its name, file, line and status, and for
        a failed or undefined one the step, the error or a hint.
    """
    files, errors = feature_files(paths)
    scenarios: list[dict[str, Any]] = []
    for path in files:
        try:
            pickles, locations = _compile(path)
        except _Unreadable as exc:
            errors.extend(exc.errors)
            continue
        scenarios += [_run_pickle(path, pickle, locations) for pickle in pickles]
    counts = {status: sum(1 for s in scenarios if s["status"] == status)
              for status in ("passed", "failed", "undefined")}
    return {
        "ok": not errors and counts["failed"] == 0 and counts["undefined"] == 0,
        "files": [str(path) for path in files],
        "scenarios": scenarios,
        "counts": counts,
        "errors": errors,
    }


def render(report: Mapping[str, Any]) -> str:
    """The report for people: a line per scenario, details of failures, then the totals."""
    lines = []
    for error in report["errors"]:
        where = error["file"] + (f":{error['line']}" if error["line"] else "")
        lines.append(f"error      {where}  {error['message']}")
    for scenario in report["scenarios"]:
        lines.append(f"{scenario['status']:10} {scenario['file']}:{scenario['line']}  "
                     f"{scenario['name']}")
        step = scenario["step"]
        if scenario["status"] == "failed":
            lines.append(f"    line {step['line']}: {step['keyword']}{step['text']}")
            lines.append(f"    {scenario['error']}")
        elif scenario["status"] == "undefined":
            lines.append(f"    line {step['line']}: no step matches "
                         f"{step['keyword']}{step['text']}")
            lines += [f"    did you mean: {hint}" for hint in scenario["hint"]]
    counts = report["counts"]
    total = f"{counts['passed']} passed, {counts['failed']} failed, {counts['undefined']} undefined"
    if report["errors"]:
        total += f", {len(report['errors'])} error{'s' if len(report['errors']) > 1 else ''}"
    lines.append(total)
    return "\n".join(lines)


# --- parsing -----------------------------------------------------------------


class _Unreadable(Exception):
    """A file that cannot be read or parsed, with one error entry per problem."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _error(path: Path, line: int | None, message: str) -> dict[str, Any]:
    return {"file": str(path), "line": line, "message": " ".join(message.split())}


def _compile(path: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The file's pickles, and every AST node's keyword and line by id."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Unreadable([_error(path, None, f"cannot read the file ({exc})")]) from None
    try:
        document = Parser().parse(TokenScanner(text))
    except ParserError as exc:
        problems = getattr(exc, "errors", None) or [exc]
        raise _Unreadable([
            _error(path, (getattr(p, "location", None) or {}).get("line"),
                   _without_location(str(p)))
            for p in problems
        ]) from None
    with_uri: Any = {**document, "uri": str(path)}
    pickles: list[dict[str, Any]] = [dict(pickle) for pickle in Compiler().compile(with_uri)]
    return pickles, dict(_nodes(with_uri.get("feature") or {}))


def _without_location(message: str) -> str:
    """A gherkin error message without its "(line:column): " prefix."""
    return message.split("): ", 1)[1] if message.startswith("(") and "): " in message else message


def _nodes(node: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every step, scenario and example row of a feature, by id, with its keyword and line."""
    for child in node.get("children", []):
        for kind in ("background", "scenario", "rule"):
            part = child.get(kind)
            if part is None:
                continue
            if kind == "rule":
                yield from _nodes(part)
                continue
            yield part["id"], {"line": part["location"]["line"], "keyword": part["keyword"]}
            for step in part.get("steps", []):
                yield step["id"], {"line": step["location"]["line"], "keyword": step["keyword"]}
            for examples in part.get("examples", []):
                for row in examples.get("tableBody", []):
                    yield row["id"], {"line": row["location"]["line"], "keyword": ""}


# --- running -----------------------------------------------------------------


def _run_pickle(path: Path, pickle: Mapping[str, Any],
                nodes: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Run one scenario on a fresh World; the first failed or undefined step ends it."""
    texts = [step["text"] for step in pickle["steps"]]
    world = World(named=conditions_named(texts))
    report: dict[str, Any] = {
        "name": pickle["name"],
        "file": str(path),
        "line": pickle["location"]["line"],
        "tags": [tag["name"] for tag in pickle.get("tags", [])],
        "status": "passed",
        "steps": [],
        "step": None,
        "error": None,
        "hint": [],
    }
    for step in pickle["steps"]:
        node = nodes.get(step["astNodeIds"][0], {"line": None, "keyword": ""})
        entry = {"keyword": node["keyword"], "text": step["text"], "file": str(path),
                 "line": node["line"], "status": "skipped"}
        report["steps"].append(entry)
        if report["status"] != "passed":
            continue
        entry["status"] = status = _run_step(world, step, report)
        if status != "passed":
            report["status"] = status
            report["step"] = {k: entry[k] for k in ("keyword", "text", "file", "line")}
    # The sections its steps' actions exercised (their events and refusals): `npa coverage`.
    report["sections"] = list(dict.fromkeys(world.sections))
    return report


def _run_step(world: World, step: Mapping[str, Any], report: dict[str, Any]) -> str:
    """Run one step; on failure or an undefined step, say why in the scenario's report."""
    keyword = KEYWORDS.get(step.get("type", "Unknown"))
    try:
        found = _find(step["text"], keyword)
    except StepError as exc:
        report["error"] = _one_line(exc)
        return "failed"
    if found is None:
        report["hint"] = hints(step["text"])
        return "undefined"
    entry, args = found
    table = step.get("argument", {}).get("dataTable")
    rows = [[cell["value"] for cell in row["cells"]] for row in table["rows"]] if table else None
    try:
        entry.run(world, args, rows)
    except Exception as exc:  # a step's failure is reported, never raised
        report["error"] = _one_line(exc)
        return "failed"
    return "passed"


def _find(text: str, keyword: str | None) -> Any:
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


def hints(text: str, count: int = 3) -> list[str]:
    """The vocabulary's patterns closest to a step that matches none of them."""
    examples: dict[str, str] = {}
    for entry in REGISTRY:
        examples.setdefault(entry.example, entry.pattern)
    close = difflib.get_close_matches(text, list(examples), n=count, cutoff=0.4)
    if not close:
        close = difflib.get_close_matches(text, list(examples), n=1, cutoff=0.0)
    return list(dict.fromkeys(examples[example] for example in close))


__all__ = ["feature_files", "hints", "render", "run_files"]
