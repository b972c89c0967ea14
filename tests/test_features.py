"""The features of `features/`, run by pytest-bdd on the shared step vocabulary.

Every .feature file under `features/` (the `bdd_features_base_dir`) is bound
here and only here, so each scenario runs exactly once; the steps come from
`features.steps`, the same vocabulary `npa spec` uses. The flat tests below
check that each feature reads as STYLE.md section 4 asks: titled by its
section and heading, tagged with it, quoting the clause's opening words.
Schedule 1 (Form of Note) was omitted from the filing: its feature states
assumed terms, so it says ASSUMED instead of quoting a clause of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner
from pytest_bdd import scenarios

from contract.clauses import clause
from contract.text import SECTIONS, clause_text, opening_words
from features.steps import register_pytest_bdd

FEATURES = Path(__file__).resolve().parent.parent / "features"

#: Schedule 1 is not in the filed text: its feature's title, and the word it must say.
SCHEDULE_1 = "Schedule 1"
SCHEDULE_1_TITLE = "Schedule 1 Form of Note (assumed terms)"

register_pytest_bdd(globals())

_BEFORE = set(globals())
scenarios(".")
BOUND = sorted(name for name in set(globals()) - _BEFORE if name.startswith("test_"))

#: Scenarios written as the contract means them that the engine does not yet meet.
#: Name of the bound test -> "engine bug: ..."; each is marked xfail(strict=True).
ENGINE_BUGS: dict[str, str] = {}
for _name, _reason in ENGINE_BUGS.items():
    globals()[_name] = pytest.mark.xfail(strict=True, reason=_reason)(globals()[_name])


def _features() -> list[tuple[Path, dict[str, Any]]]:
    """Every shipped feature file with its parsed Feature."""
    return [(path, Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))["feature"])
            for path in sorted(FEATURES.glob("*.feature"))]


def _section(feature: dict[str, Any]) -> str:
    """The section a feature is tagged with: @section_5_1 is "5.1"."""
    [tag] = [t["name"] for t in feature["tags"]]
    if tag == "@signature_page":
        return "signature page"
    if tag == "@schedule_1":
        return SCHEDULE_1
    return tag.removeprefix("@section_").replace("_", ".")


def _scenarios(feature: dict[str, Any]) -> list[dict[str, Any]]:
    """Every scenario of a feature, inside Rules or not."""
    found = []
    for child in feature["children"]:
        if "scenario" in child:
            found.append(child["scenario"])
        for grandchild in child.get("rule", {}).get("children", []):
            if "scenario" in grandchild:
                found.append(grandchild["scenario"])
    return found


def _words(text: str) -> str:
    return " ".join(text.split())


def test_each_scenario_is_bound_once() -> None:
    """pytest-bdd binds one test per scenario of the shipped features."""
    assert len(BOUND) == sum(len(_scenarios(f)) for _, f in _features()) > 100


def test_scenario_names_are_unique_in_each_file() -> None:
    """No two scenarios of a file share a name (pytest-bdd would run only the last)."""
    for path, feature in _features():
        names = [s["name"] for s in _scenarios(feature)]
        assert len(names) == len(set(names)), path.name


def test_each_feature_is_titled_and_tagged_by_its_section() -> None:
    """The title is the section number and heading, and the file is named for it."""
    for path, feature in _features():
        section = _section(feature)
        if section == SCHEDULE_1:
            assert feature["name"] == SCHEDULE_1_TITLE
            assert path.name.startswith("schedule_1_")
            continue
        heading = clause(section).heading
        title = heading if section == "signature page" else f"{section} {heading}"
        assert feature["name"] == title
        prefix = "signature_page" if section == "signature page" else section + "_"
        assert path.name.startswith(prefix)


def _opening(section: str) -> str:
    """A clause's opening words; for one that opens with its paragraph (a), that paragraph's."""
    return opening_words(section) or opening_words(f"{section}(a)")


def test_each_feature_quotes_its_clause_exactly() -> None:
    """The description quotes the clause's opening words, and every quote is in the clause."""
    for path, feature in _features():
        section = _section(feature)
        quotes = [_words(q) for q in re.findall(r'"([^"]+)"', feature["description"])]
        if section == SCHEDULE_1:
            assert "ASSUMED" in feature["description"], path.name
            agreement = [_words(clause_text(key)) for key in SECTIONS]
            assert all(any(q in text for text in agreement) for q in quotes), path.name
            continue
        assert quotes, path.name
        assert _words(_opening(section)).startswith(quotes[0]), path.name
        for quote in quotes:
            assert quote in _words(clause_text(section)), (path.name, quote)


def test_each_lettered_condition_is_a_rule() -> None:
    """5.1 and 5.2 have a Rule for each lettered paragraph, titled with its letter and heading."""
    for _, feature in _features():
        section = _section(feature)
        if section not in ("5.1", "5.2"):
            continue
        rules = [child["rule"]["name"] for child in feature["children"] if "rule" in child]
        letters = "abcdefgh" if section == "5.1" else "abcdef"
        assert rules == [f"({x}) {clause(f'{section}({x})').heading}" for x in letters]
