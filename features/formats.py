"""The formats of `npa spec --format`: pretty and progress for people, json (the
report itself), cucumber-json (Cucumber's own JSON report, which its standard
reporters read) and junit (the XML that CI systems read).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from typing import Any

FORMATS = ("pretty", "progress", "json", "cucumber-json", "junit")


# --- for people ----------------------------------------------------------------


def _where(entry: Mapping[str, Any]) -> str:
    return str(entry["file"]) + (f":{entry['line']}" if entry.get("line") else "")


def _problems(report: Mapping[str, Any]) -> list[str]:
    lines = [f"error      {_where(e)}  {e['message']}" for e in report["errors"]]
    lines += [f"warning    {_where(w)}  {w['message']}" for w in report.get("warnings", [])]
    return lines


def _step_lines(step: Mapping[str, Any]) -> list[str]:
    lines = [f"    {step['status']:9} {step['keyword']}{step['text']}"
             + (f"  # line {step['line']}" if step["status"] != "passed" else "")]
    if step.get("error"):
        lines.append(f"              {step['error']}")
    if step["status"] == "undefined":
        suggestion = step.get("suggestion")
        if suggestion:
            lines.append(f"              {suggestion['message']}")
        if not suggestion or (suggestion.get("keyword") is None and not suggestion["placeholders"]):
            lines += [f"              did you mean: {hint}" for hint in step.get("hint", [])
                      if not suggestion or hint != suggestion["pattern"]]
    return lines


def totals(report: Mapping[str, Any]) -> list[str]:
    """The closing lines: scenarios and steps by status, then "N passed, N failed, N undefined"."""
    counts, steps = report["counts"], report.get("steps", {})

    def tally(what: str, found: Mapping[str, int]) -> str:
        total = sum(found.values())
        parts = ", ".join(f"{n} {status}" for status, n in found.items() if n)
        return f"{total} {what}{'' if total == 1 else 's'}" + (f" ({parts})" if parts else "")

    last = f"{counts['passed']} passed, {counts['failed']} failed, {counts['undefined']} undefined"
    for extra in ("empty", "skipped"):
        if counts.get(extra):
            last += f", {counts[extra]} {extra}"
    if report["errors"]:
        last += f", {len(report['errors'])} error{'s' if len(report['errors']) > 1 else ''}"
    lines = [tally("scenario", counts)]
    if steps:
        lines.append(tally("step", steps))
    return [*lines, last]


def _printable(report: Mapping[str, Any]) -> Any:
    """The report with every string escaped for a terminal (issue 10 item 7): no text of a
    feature file can print a line of its own or move the terminal."""
    from contract.printable import escape

    def shown(value: Any) -> Any:
        if isinstance(value, str):
            return escape(value)
        if isinstance(value, Mapping):
            return {k: shown(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [shown(v) for v in value]
        return value

    return shown(report)


def pretty(report: Mapping[str, Any]) -> str:
    """Each scenario with its status and place; each step of a scenario that did not pass."""
    report = _printable(report)
    lines = _problems(report)
    if report.get("dry_run"):
        steps = report.get("steps", {})
        undefined, failed = steps.get("undefined", 0), steps.get("failed", 0)
        wrong = [f"{undefined} step{'' if undefined == 1 else 's'} matched no step of the "
                 "vocabulary"] if undefined else []
        wrong += [f"{failed} step{'' if failed == 1 else 's'} matched with a value that "
                  "cannot be (see below)"] if failed else []
        lines.append("dry run: every step matched, none run" if not wrong else
                     "dry run: none run; " + "; ".join(wrong))
    feature = None
    for scenario in report["scenarios"]:
        if scenario.get("feature") != feature or feature is None:
            feature = scenario.get("feature")
            lines.append(f"Feature: {feature}  # {scenario['file']}")
        lines.append(f"{scenario['status']:10} {scenario['file']}:{scenario['line']}  "
                     f"{scenario['name']}")
        if scenario["status"] == "empty":
            lines.append("    the scenario has no steps")
        if scenario["status"] in ("failed", "undefined"):
            for step in scenario["steps"]:
                lines += _step_lines(step)
    return "\n".join([*lines, *totals(report)])


_MARKS = {"passed": ".", "failed": "F", "undefined": "U", "skipped": "-"}


def progress(report: Mapping[str, Any]) -> str:
    """A mark a step (. F U -, and _ for an empty scenario), then the failures and totals."""
    report = _printable(report)
    marks = "".join("_" if not s["steps"] else "".join(_MARKS[st["status"]] for st in s["steps"])
                    for s in report["scenarios"])
    lines = [marks, *_problems(report)]
    for scenario in report["scenarios"]:
        if scenario["status"] in ("failed", "undefined", "empty"):
            lines.append(f"{scenario['status']:10} {scenario['file']}:{scenario['line']}  "
                         f"{scenario['name']}")
            lines += [line for step in scenario["steps"] if step["status"] in
                      ("failed", "undefined") for line in _step_lines(step)]
    return "\n".join([*lines, *totals(report)])


def as_json(report: Mapping[str, Any]) -> str:
    """The report itself, as one JSON document."""
    return json.dumps(report, indent=2, default=str)


# --- Cucumber's JSON report ------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cucumber_step(step: Mapping[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {"status": step["status"], "duration": step.get("duration_ns", 0)}
    if step.get("error"):
        result["error_message"] = step["error"]
    if step["status"] == "undefined" and step.get("suggestion"):
        result["error_message"] = f"Undefined step. {step['suggestion']['message']}"
    entry: dict[str, Any] = {"keyword": step["keyword"], "name": step["text"],
                             "line": step["line"] or 0, "arguments": [], "result": result}
    if step.get("location"):
        entry["match"] = {"location": step["location"]}
    if step.get("background"):
        entry["isBackground"] = True
    if step.get("rows") is not None:
        entry["arguments"] = [{"rows": [{"cells": row} for row in step["rows"]]}]
    return entry


def cucumber_json(report: Mapping[str, Any]) -> str:
    """Cucumber's JSON report (as cucumber-js writes it): a list of features, each with its
    scenarios ("elements") and their steps with status, duration in nanoseconds and error.
    """
    features: list[dict[str, Any]] = []
    by_file: dict[str, dict[str, Any]] = {}
    for feature in report.get("features", []):
        entry = {"uri": feature["file"], "id": _slug(feature["name"]) or _slug(feature["file"]),
                 "keyword": feature["keyword"], "name": feature["name"],
                 "description": feature["description"], "line": feature["line"],
                 "tags": feature["tags"], "elements": []}
        by_file[feature["file"]] = entry
        features.append(entry)
    for scenario in report["scenarios"]:
        feature = by_file[scenario["file"]]
        ident = f"{feature['id']};{_slug(scenario['name'])}"
        feature["elements"].append({
            "id": ident, "keyword": scenario["keyword"], "name": scenario["name"],
            "description": scenario["description"], "line": scenario["line"],
            "type": "scenario",
            "tags": [{"name": t["name"], "line": t["line"] or scenario["line"]}
                     for t in scenario.get("tag_lines", [])],
            "steps": [_cucumber_step(step) for step in scenario["steps"]],
        })
    return json.dumps(features, indent=2)


# --- JUnit XML ---------------------------------------------------------------------


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: Any) -> str:
    """Text XML 1.0 can hold (control characters dropped); ElementTree escapes the rest."""
    return _NOT_XML.sub("", str(text))


def _seconds(ns: int) -> str:
    return f"{ns / 1e9:.6f}"


def _steps_text(scenario: Mapping[str, Any]) -> str:
    return "\n".join(f"{st['keyword']}{st['text']} ... {st['status']}"
                     + (f" ({st['error']})" if st.get("error") else "")
                     for st in scenario["steps"])


def _testcase(scenario: Mapping[str, Any]) -> ET.Element:
    case = ET.Element("testcase", {
        "classname": _x(scenario.get("feature") or scenario["file"]),
        "name": _x(scenario["name"]), "file": _x(scenario["file"]),
        "line": str(scenario["line"]), "time": _seconds(scenario.get("duration_ns", 0))})
    status = scenario["status"]
    step = scenario.get("step") or {}
    if status == "failed":
        failure = ET.SubElement(case, "failure", {
            "message": _x(scenario["error"] or "failed"), "type": "failed"})
        failure.text = _x(f"line {step.get('line')}: {step.get('keyword', '')}"
                          f"{step.get('text', '')}\n{scenario['error']}")
    elif status == "undefined":
        texts = "; ".join(f"line {u['line']}: {u['keyword']}{u['text']}"
                          for u in scenario["undefined"])
        failure = ET.SubElement(case, "failure", {
            "message": _x(f"undefined step: {texts}"), "type": "undefined"})
        failure.text = _x("\n".join(
            f"{u['keyword']}{u['text']}: "
            + (u["suggestion"]["message"] if u.get("suggestion") else "no step is close")
            for u in scenario["undefined"]))
    elif status in ("empty", "skipped"):
        ET.SubElement(case, "skipped", {"message": _x(
            "the scenario has no steps" if status == "empty" else "dry run: not run")})
    out = ET.SubElement(case, "system-out")
    out.text = _x(_steps_text(scenario))
    return case


def _suites(report: Mapping[str, Any]) -> Iterator[ET.Element]:
    by_file: dict[str, list[Mapping[str, Any]]] = {}
    for scenario in report["scenarios"]:
        by_file.setdefault(scenario["file"], []).append(scenario)
    names = {f["file"]: f["name"] for f in report.get("features", [])}
    for file, scenarios in by_file.items():
        suite = ET.Element("testsuite", {
            "name": _x(names.get(file) or file), "file": _x(file),
            "tests": str(len(scenarios)),
            "failures": str(sum(s["status"] in ("failed", "undefined") for s in scenarios)),
            "errors": "0",
            "skipped": str(sum(s["status"] in ("empty", "skipped") for s in scenarios)),
            "time": _seconds(sum(s.get("duration_ns", 0) for s in scenarios))})
        suite.extend(_testcase(s) for s in scenarios)
        yield suite
    for problem in report["errors"]:
        suite = ET.Element("testsuite", {"name": _x(problem["file"]), "file": _x(problem["file"]),
                                         "tests": "1", "failures": "0", "errors": "1",
                                         "skipped": "0", "time": _seconds(0)})
        case = ET.SubElement(suite, "testcase", {"classname": _x(problem["file"]),
                                                 "name": "the file is read and parsed",
                                                 "time": _seconds(0)})
        ET.SubElement(case, "error", {"message": _x(problem["message"]),
                                      "type": "parse error"}).text = _x(
            f"{_where(problem)}: {problem['message']}")
        yield suite


def junit(report: Mapping[str, Any]) -> str:
    """JUnit XML: a testsuite per feature file, a testcase per scenario."""
    suites = list(_suites(report))
    root = ET.Element("testsuites", {
        "name": "npa spec",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
        "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
        "skipped": str(sum(int(s.get("skipped", "0")) for s in suites)),
        "time": _seconds(sum(s.get("duration_ns", 0) for s in report["scenarios"]))})
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


RENDERERS: Mapping[str, Callable[[Mapping[str, Any]], str]] = {
    "pretty": pretty,
    "progress": progress,
    "json": as_json,
    "cucumber-json": cucumber_json,
    "junit": junit,
}


class FormatError(ValueError):
    """A `--format` that names no format, two for the terminal, or a file not writable."""


def outputs(specs: tuple[str, ...] | list[str]) -> list[tuple[str, str | None]]:
    """Each `--format NAME[:FILE]` as (name, file or None for the terminal), as Cucumber
    takes them: several formats, at most one of them on the terminal.

    Raises:
        FormatError: an unknown format, or two formats for the terminal.
    """
    found: list[tuple[str, str | None]] = []
    for spec in specs:
        name, colon, path = spec.partition(":")
        if name not in RENDERERS:
            raise FormatError(f"{name!r} is not a format: {', '.join(FORMATS)} "
                              "(FORMAT or FORMAT:FILE)")
        if colon and not path:
            raise FormatError(f"{spec!r} names no file after the colon")
        found.append((name, path or None))
    if sum(1 for _, path in found if path is None) > 1:
        raise FormatError("only one format may print to the terminal; give the others a "
                          "file (junit:report.xml)")
    return found


def write_outputs(report: Mapping[str, Any], chosen: list[tuple[str, str | None]]) -> str | None:
    """Write each format with a file; the text for the terminal, if one has none. All or
    none: each report is written beside its file first and put in place only when every
    one was written, so a file that cannot be written leaves no other report behind. A
    report may not be written over a feature file the run read, nor two to one file.

    Raises:
        FormatError: a file cannot be written, is a feature file of the run, or is named
            twice.
    """
    import os
    import tempfile
    from pathlib import Path

    read = {Path(f).resolve() for f in report.get("files", ())}
    shown = None
    ready: list[tuple[str, str]] = []
    targets: set[Path] = set()
    try:
        for name, path in chosen:
            text = RENDERERS[name](report)
            if path is None:
                shown = text
                continue
            target = Path(path).resolve()
            if target in read:
                raise FormatError(f"{path} is a feature file of this run: a report is not "
                                  "written over it")
            if target in targets:
                raise FormatError(f"{path} is named by two formats")
            targets.add(target)
            try:
                if target.is_dir():
                    raise IsADirectoryError(21, "Is a directory")
                handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".npa-",
                                                     suffix=".tmp")
                ready.append((temporary, path))
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text + "\n")
            except OSError as exc:
                raise FormatError(f"cannot write {path} "
                                  f"({exc.strerror or exc.__class__.__name__})") from None
        for temporary, path in ready:
            os.replace(temporary, path)
        ready = []
    finally:
        for temporary, _ in ready:
            Path(temporary).unlink(missing_ok=True)
    return shown


__all__ = ["FORMATS", "RENDERERS", "FormatError", "cucumber_json", "junit", "outputs",
           "pretty", "progress", "totals", "write_outputs"]
