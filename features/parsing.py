"""Reading .feature files for `npa spec`: the files a path names, `FILE:LINE`
targets, parse errors as plain sentences, and every node's line and keyword.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_scanner import TokenScanner

from contract.errors import NpaError


class TargetError(NpaError, ValueError):
    """A path or `FILE:LINE` given to `npa spec` that names nothing to run."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, field: str = "path") -> None:
        super().__init__(message, field=field)


@dataclass
class Target:
    """A .feature file to run, and the lines that pick its scenarios (all when empty)."""

    path: Path
    lines: tuple[int, ...] = ()
    given: str = ""


@dataclass
class Parsed:
    """A parsed file: its feature, its pickles, and every node's keyword and line by id."""

    feature: dict[str, Any] | None
    pickles: list[dict[str, Any]]
    nodes: dict[str, dict[str, Any]]
    selectors: dict[str, set[int]] = field(default_factory=dict)


class Unreadable(Exception):
    """A file that cannot be read or parsed, with one error entry per problem."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


_FILE_LINE = re.compile(r"(?P<file>.+?)((?::\d+)+)")


def targets(paths: Sequence[str | Path]) -> tuple[list[Target], list[dict[str, Any]]]:
    """The .feature files named or found (recursively, in order) under the paths given.

    A path may end in `:LINE` (or `:LINE:LINE`) to run only the scenarios at
    those lines. A directory without .feature files is an error of the report;
    a path that does not exist raises `TargetError`.
    """
    found: list[Target] = []
    errors: list[dict[str, Any]] = []
    for given in paths:
        text = str(given)
        path, lines = Path(text), tuple[int, ...]()
        match = _FILE_LINE.fullmatch(text)
        if not path.exists() and match and Path(match["file"]).exists():
            path = Path(match["file"])
            lines = tuple(int(n) for n in match[2].strip(":").split(":"))
            if path.is_dir():
                raise TargetError(f"{text}: a line number needs a .feature file, not a directory")
        if path.is_dir():
            files = sorted(path.rglob("*.feature"))
            if not files:
                errors.append(error(path, None, "no .feature files in this directory"))
            found += [Target(f, (), text) for f in files]
        elif path.is_file():
            found.append(Target(path, lines, text))
        else:
            raise TargetError(f"no file or directory {text}")
    return found, errors


def error(path: Path, line: int | None, message: str) -> dict[str, Any]:
    """An entry of the report's errors (or warnings): file, line and one plain sentence."""
    return {"file": str(path), "line": line, "message": " ".join(message.split())}


def parse(path: Path) -> Parsed:
    """The file's feature and pickles (Background and Scenario Outlines expanded).

    Raises:
        Unreadable: the file cannot be read, or is not Gherkin; each problem
            is one plain sentence with its line.
    """
    try:
        # utf-8-sig: a byte order mark (as editors on Windows write) is skipped, as
        # Cucumber's own readers skip it.
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise Unreadable([error(path, None, f"cannot read the file: {reason}")]) from None
    try:
        document = Parser().parse(TokenScanner(text))
    except ParserError as exc:
        problems = exc.errors if isinstance(exc, CompositeParserException) else [exc]
        raise Unreadable([error(path, *plain_parse_error(p)) for p in problems]) from None
    with_uri: Any = {**document, "uri": str(path)}
    pickles: list[dict[str, Any]] = [dict(pickle) for pickle in Compiler().compile(with_uri)]
    feature = with_uri.get("feature")
    nodes: dict[str, dict[str, Any]] = {}
    selectors: dict[str, set[int]] = {}
    if feature:
        for ident, node in _nodes(feature, None):
            nodes[ident] = node
        selectors = _selectors(feature)
    return Parsed(feature, pickles, nodes, selectors)


#: What each token type of the Gherkin grammar is, in words.
_TOKENS: Mapping[str, str] = {
    "#EOF": "the end of the file",
    "#Language": "a # language: line",
    "#TagLine": "a tag",
    "#FeatureLine": "Feature:",
    "#RuleLine": "Rule:",
    "#BackgroundLine": "Background:",
    "#ScenarioLine": "Scenario: (or Example:)",
    "#ExamplesLine": "Examples:",
    "#StepLine": "a step (Given, When, Then, And, But or *)",
    "#DocStringSeparator": 'a doc string (""")',
    "#TableRow": "a table row (| ... |)",
    "#Other": "a line of description",
}


def _expected(kinds: str) -> str:
    words = [_TOKENS[k.strip()] for k in kinds.split(",") if k.strip() in _TOKENS]
    if not words:
        return "something else"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def plain_parse_error(problem: BaseException) -> tuple[int | None, str]:
    """A gherkin parse error as its line and one plain sentence (not a list of token types)."""
    location = getattr(problem, "location", None) or {}
    line = location.get("line")
    message = str(problem)
    if message.startswith("(") and "): " in message:
        message = message.split("): ", 1)[1]
    got = re.fullmatch(r"expected: (.*), got '(.*)'", message, re.DOTALL)
    if got:
        return line, (f'line {line} reads "{got[2]}", which cannot stand there: '
                      f"Gherkin expects {_expected(got[1])}")
    eof = re.fullmatch(r"unexpected end of file, expected: (.*)", message, re.DOTALL)
    if eof:
        return line, f"the file ends too soon: Gherkin expects {_expected(eof[1])}"
    if message.startswith("inconsistent cell count"):
        return line, f"the table row on line {line} has a different number of cells from the " \
                     "rows above it"
    if message.startswith("Language not supported"):
        return line, f"{message.split(': ', 1)[-1]!r} is not a language Gherkin knows"
    return line, f"line {line}: {message}" if line else message


def _tag_entries(tags: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for tag in tags:
        yield tag["id"], {"line": tag["location"]["line"], "keyword": "", "name": tag["name"]}


def _nodes(node: Mapping[str, Any], rule: Mapping[str, Any] | None
           ) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every step, scenario, tag and example row of a feature, by id, with its keyword and line."""
    yield from _tag_entries(node.get("tags", []))
    for child in node.get("children", []):
        for kind in ("background", "scenario", "rule"):
            part = child.get(kind)
            if part is None:
                continue
            if kind == "rule":
                yield from _nodes(part, part)
                continue
            yield from _tag_entries(part.get("tags", []))
            yield part["id"], {"line": part["location"]["line"], "keyword": part["keyword"],
                               "name": part.get("name", ""),
                               "description": (part.get("description") or "").strip(),
                               "rule": rule.get("name") if rule else None}
            for each in part.get("steps", []):
                yield each["id"], {"line": each["location"]["line"], "keyword": each["keyword"],
                                   "background": kind == "background"}
            for examples in part.get("examples", []):
                yield from _tag_entries(examples.get("tags", []))
                for row in examples.get("tableBody", []):
                    yield row["id"], {"line": row["location"]["line"], "keyword": ""}


def _selectors(feature: Mapping[str, Any]) -> dict[str, set[int]]:
    """For each scenario and example row id, the lines of the file that pick it (`FILE:LINE`).

    A scenario is picked by its own line, its tags' lines and its steps'
    lines; an Examples row by its own line, or by its block's Examples line
    or header; a Rule line picks every scenario in the rule.
    """
    found: dict[str, set[int]] = {}

    def walk(node: Mapping[str, Any], inherited: set[int]) -> None:
        for child in node.get("children", []):
            if "rule" in child:
                rule = child["rule"]
                walk(rule, inherited | {rule["location"]["line"]})
                continue
            scenario = child.get("scenario")
            if scenario is None:
                continue
            own = inherited | {scenario["location"]["line"]}
            own |= {t["location"]["line"] for t in scenario.get("tags", [])}
            own |= {s["location"]["line"] for s in scenario.get("steps", [])}
            found[scenario["id"]] = own
            for examples in scenario.get("examples", []):
                block = {examples["location"]["line"]}
                block |= {t["location"]["line"] for t in examples.get("tags", [])}
                if examples.get("tableHeader"):
                    block.add(examples["tableHeader"]["location"]["line"])
                for row in examples.get("tableBody", []):
                    found[row["id"]] = {row["location"]["line"]} | block | own

    walk(feature, set())
    return found


def picked(parsed: Parsed, pickle: Mapping[str, Any], lines: tuple[int, ...]) -> bool:
    """Whether a `FILE:LINE` target's lines pick this pickle (every pickle when none)."""
    if not lines:
        return True
    ident = pickle["astNodeIds"][-1]
    return bool(parsed.selectors.get(ident, set()) & set(lines))


__all__ = ["Parsed", "Target", "TargetError", "Unreadable", "error", "parse", "picked",
           "plain_parse_error", "targets"]
