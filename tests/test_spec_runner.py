"""Tests of `npa spec` (`features.runner`) and `npa steps` (`features.steps.vocabulary`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from engine.cli import cli
from features.runner import TargetError, render, run_files
from features.steps import REGISTRY, vocabulary

FEATURES = Path(__file__).resolve().parent.parent / "features"

PASSING = """\
Feature: A passing feature
  Example: Both signatures execute the agreement
    Given the 1997 deal
    When the Company signs on October 20, 1997 at 09:00
    And Purchaser signs on October 20, 1997 at 10:00
    Then the deal is ConditionsPending
"""

FAILING = """\
Feature: A failing feature
  Example: One signature is taken for two
    Given the 1997 deal
    When the Company signs on October 20, 1997 at 09:00
    Then the deal is ConditionsPending
    And the deal is Drafted
"""


def _timeless(report: dict[str, Any]) -> dict[str, Any]:
    """A report without its durations, which differ from run to run."""
    for scenario in report["scenarios"]:
        scenario["duration_ns"] = 0
        for step in scenario["steps"]:
            step["duration_ns"] = 0
    return report


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _shipped_steps() -> list[tuple[str, str]]:
    """Every (keyword, text) of every step of the shipped features, as the pickles give them."""
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler
    from gherkin.token_scanner import TokenScanner

    keywords = {"Context": "given", "Action": "when", "Outcome": "then"}
    steps = []
    for path in sorted(FEATURES.glob("*.feature")):
        document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        document["uri"] = str(path)
        for pickle in Compiler().compile(document):
            steps += [(keywords[step["type"]], step["text"]) for step in pickle["steps"]]
    return steps


#: Shipped scenarios the engine does not yet meet (tests/test_features.py marks them xfail).
#: (file name, scenario name) of each.
ENGINE_BUGS: list[tuple[str, str]] = []


def test_shipped_features_all_pass_but_the_known_engine_bugs() -> None:
    """Every shipped scenario passes under `npa spec`, but those the engine does not yet meet."""
    report = run_files([FEATURES])
    assert report["errors"] == []
    assert report["counts"]["undefined"] == 0
    failed = [(Path(s["file"]).name, s["name"]) for s in report["scenarios"]
              if s["status"] == "failed"]
    assert failed == ENGINE_BUGS
    assert report["counts"]["passed"] == len(report["scenarios"]) - len(ENGINE_BUGS) > 100
    assert report["ok"] is (not ENGINE_BUGS)
    assert len(report["files"]) == len(list(FEATURES.glob("*.feature")))


def test_every_shipped_step_has_exactly_one_definition() -> None:
    """No shipped step matches two definitions, so pytest-bdd and `npa spec` run the same one."""
    ambiguous = []
    for keyword, text in _shipped_steps():
        matches = [e.pattern for e in REGISTRY
                   if e.keyword == keyword and e.match(text) is not None]
        if len(matches) != 1:
            ambiguous.append((keyword, text, matches))
    assert ambiguous == []


def test_failing_step_reports_its_file_and_line(tmp_path: Path) -> None:
    """A failing step is reported with its text, file, line and a one-line error."""
    path = _write(tmp_path, "failing.feature", FAILING)
    report = run_files([path])
    [scenario] = report["scenarios"]
    assert scenario["status"] == "failed"
    assert (scenario["file"], scenario["line"]) == (str(path), 2)
    assert scenario["step"] == {"keyword": "Then ", "text": "the deal is ConditionsPending",
                                "file": str(path), "line": 5}
    assert scenario["error"] == "the deal is Drafted, not ConditionsPending"
    assert report["ok"] is False
    assert report["counts"] == {"passed": 0, "failed": 1, "undefined": 0, "empty": 0,
                                "skipped": 0}


def test_steps_after_a_failure_are_skipped(tmp_path: Path) -> None:
    """The steps after a failed step are skipped, not run."""
    report = run_files([_write(tmp_path, "failing.feature", FAILING)])
    statuses = [step["status"] for step in report["scenarios"][0]["steps"]]
    assert statuses == ["passed", "passed", "failed", "skipped"]


def test_undefined_step_is_reported_with_a_hint(tmp_path: Path) -> None:
    """A step that matches no definition is undefined, with its line and the closest patterns."""
    path = _write(tmp_path, "typo.feature", PASSING.replace("Purchaser signs", "Purchaser sings"))
    report = run_files([path])
    [scenario] = report["scenarios"]
    assert scenario["status"] == "undefined"
    assert scenario["step"]["line"] == 5
    assert scenario["step"]["text"] == "Purchaser sings on October 20, 1997 at 10:00"
    assert "<Party> signs on <Date> at <Time>" in scenario["hint"]
    assert report["counts"]["undefined"] == 1
    assert report["ok"] is False


def test_a_step_with_a_wrong_value_fails_and_says_why(tmp_path: Path) -> None:
    """A step of the right shape with an impossible date fails with a message naming it."""
    text = PASSING.replace("October 20, 1997 at 09:00", "February 30, 1998 at 09:00")
    report = run_files([_write(tmp_path, "date.feature", text)])
    [scenario] = report["scenarios"]
    assert scenario["status"] == "failed"
    assert scenario["error"] == "February 30, 1998 is not a date"


def test_syntax_error_in_one_file_does_not_stop_the_others(tmp_path: Path) -> None:
    """A file that does not parse is reported with its line, and the other files still run."""
    broken = _write(tmp_path, "a_broken.feature",
                    "Feature: Broken\n  Example: x\n    Given the 1997 deal\n"
                    "      | a |\n      | b | c |\n")
    good = _write(tmp_path, "b_good.feature", PASSING)
    report = run_files([tmp_path])
    [error] = report["errors"]
    assert (error["file"], error["line"]) == (str(broken), 5)
    assert error["message"] == ("the table row on line 5 has a different number of cells "
                                "from the rows above it")
    assert [s["file"] for s in report["scenarios"]] == [str(good)]
    assert report["counts"]["passed"] == 1
    assert report["ok"] is False


def test_scenarios_with_the_same_name_each_run(tmp_path: Path) -> None:
    """Two scenarios with the same name in one file both run, each with its own line."""
    text = PASSING + "\n" + FAILING.split("\n", 1)[1].replace(
        "One signature is taken for two", "Both signatures execute the agreement")
    report = run_files([_write(tmp_path, "twice.feature", text)])
    assert [(s["name"], s["line"], s["status"]) for s in report["scenarios"]] == [
        ("Both signatures execute the agreement", 2, "passed"),
        ("Both signatures execute the agreement", 8, "failed"),
    ]


def test_background_and_outline_rows_each_run(tmp_path: Path) -> None:
    """The Background runs before each scenario and each Examples row runs as its own scenario."""
    text = """\
Feature: Outline
  Background:
    Given the 1997 deal

  Scenario Outline: A party alone does not execute the agreement
    When <party> signs on October 20, 1997 at 09:00
    Then the deal is <state>

    Examples:
      | party       | state             |
      | the Company | Drafted           |
      | Purchaser   | ConditionsPending |
"""
    report = run_files([_write(tmp_path, "outline.feature", text)])
    assert [(s["line"], s["status"]) for s in report["scenarios"]] == [
        (11, "passed"), (12, "failed")]
    assert report["scenarios"][1]["step"]["line"] == 7


def test_a_refused_given_fails_the_scenario(tmp_path: Path) -> None:
    """An action under Given sets the scene: if the engine refuses it, the scenario fails there."""
    text = ("Feature: Given\n  Example: x\n    Given the 1997 deal\n"
            "    And LCI signs on October 20, 1997 at 09:00\n    Then the deal is Drafted\n")
    [scenario] = run_files([_write(tmp_path, "given.feature", text)])["scenarios"]
    assert (scenario["status"], scenario["step"]["line"]) == ("failed", 4)
    assert scenario["error"].startswith("the action was refused: signature page: ")


def test_an_invalid_action_fails_the_next_outcome_unless_expected(tmp_path: Path) -> None:
    """A When that is not a valid action fails the next Then, unless that Then expects it."""
    when = ("Feature: Invalid\n  Example: x\n    Given the 1997 deal\n"
            "    When Purchaser records that the representation in 2.1 was untrue"
            " on October 24, 1997 at 09:00\n")
    unexpected = _write(tmp_path, "a.feature", when + "    Then the deal is Drafted\n")
    expected = _write(tmp_path, "b.feature", when + "    Then the action is rejected as invalid\n"
                      "    And the deal is Drafted\n")
    first, second = run_files([unexpected, expected])["scenarios"]
    assert first["status"] == "failed"
    assert first["error"].startswith("the last action was not a valid action: section: ")
    assert second["status"] == "passed"


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    """A path that does not exist is bad input, not silently skipped."""
    with pytest.raises(TargetError, match="no file or directory"):
        run_files([tmp_path / "nowhere.feature"])


def test_render_prints_a_line_per_scenario_and_the_totals(tmp_path: Path) -> None:
    """`render` gives one line per scenario and closes with the counts."""
    _write(tmp_path, "a.feature", PASSING)
    _write(tmp_path, "b.feature", FAILING)
    text = render(run_files([tmp_path]))
    lines = [line for line in text.splitlines() if not line.startswith(("Feature:", " "))]
    assert lines[0].startswith("passed")
    assert lines[0].endswith("Both signatures execute the agreement")
    assert lines[1].startswith("failed") and "b.feature:2" in lines[1]
    assert lines[-3:] == ["2 scenarios (1 passed, 1 failed)",
                          "8 steps (6 passed, 1 failed, 1 skipped)",
                          "1 passed, 1 failed, 0 undefined"]


def test_npa_spec_exits_zero_when_every_scenario_passes(tmp_path: Path) -> None:
    """`npa spec` exits 0 when every scenario passes."""
    result = CliRunner().invoke(cli, ["spec", str(_write(tmp_path, "a.feature", PASSING))])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "1 passed, 0 failed, 0 undefined"


def test_npa_spec_exits_non_zero_on_a_failure(tmp_path: Path) -> None:
    """`npa spec` exits non-zero when a scenario fails, and names the step's line."""
    path = _write(tmp_path, "b.feature", FAILING)
    result = CliRunner().invoke(cli, ["spec", str(path)])
    assert result.exit_code == 1
    assert "failed    Then the deal is ConditionsPending  # line 5" in result.output


def test_npa_spec_json_is_the_report(tmp_path: Path) -> None:
    """`npa spec --json` prints the report as one JSON document."""
    path = _write(tmp_path, "a.feature", PASSING)
    result = CliRunner().invoke(cli, ["spec", "--json", str(path)])
    assert _timeless(json.loads(result.output)) == _timeless(run_files([path]))


def test_npa_spec_runs_the_shipped_features() -> None:
    """`npa spec features/` runs every shipped feature (exit 0 once no engine bug is left)."""
    result = CliRunner().invoke(cli, ["spec", str(FEATURES)])
    assert result.exit_code == (1 if ENGINE_BUGS else 0), result.output
    assert result.output.splitlines()[-1].endswith(f"{len(ENGINE_BUGS)} failed, 0 undefined")


def test_npa_steps_lists_the_vocabulary() -> None:
    """`npa steps --json` lists every step with its keyword, pattern and doc."""
    result = CliRunner().invoke(cli, ["steps", "--json"])
    assert result.exit_code == 0
    listed = json.loads(result.output)["steps"]
    assert listed == vocabulary()
    assert {"keyword": "then", "pattern": "the action is refused under <Section>"} in [
        {k: s[k] for k in ("keyword", "pattern")} for s in listed]
    assert all(s["doc"] for s in listed)


def test_a_star_step_matches_any_keyword(tmp_path: Path) -> None:
    """A "*" step is matched against the Given, When and Then steps alike."""
    text = "Feature: Stars\n  Example: x\n    * the 1997 deal\n    * the deal is Drafted\n"
    report = run_files([_write(tmp_path, "star.feature", text)])
    assert report["counts"] == {"passed": 1, "failed": 0, "undefined": 0, "empty": 0,
                                "skipped": 0}


def test_npa_spec_on_a_missing_path_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa spec` on a path that does not exist exits 2 with one line naming the path."""
    from engine.cli import main

    with pytest.raises(SystemExit) as code:
        main(["spec", str(tmp_path / "nowhere.feature")])
    err = capsys.readouterr().err
    assert code.value.code == 2
    assert err.startswith("npa: error: path: no file or directory ") and err.count("\n") == 1


def test_a_scenario_picked_twice_runs_once(tmp_path: Path) -> None:
    """`npa spec f:4 f:5` (two lines of one scenario), or a file and its directory: each
    scenario runs once, and the counts say so."""
    path = tmp_path / "one.feature"
    path.write_text("Feature: One\n  Scenario: Signing\n    Given the 1997 deal\n"
                    "    When the Company signs on October 20, 1997 at 09:00\n"
                    "    Then the deal is Drafted\n", encoding="utf-8")
    for given in ([f"{path}:4", f"{path}:5"], [tmp_path, path], [path, path]):
        report = run_files(given)
        assert report["counts"]["passed"] == 1 and len(report["scenarios"]) == 1, given
        assert len(report["features"]) == 1 and report["files"] == [str(path)]


def test_an_invariant_step_needs_a_deal(tmp_path: Path) -> None:
    """"Then every invariant holds" with no deal would pass having checked nothing: it fails
    as every other step before "Given the 1997 deal" does."""
    path = _write(tmp_path, "nodeal.feature", "Feature: No deal\n  Scenario: Nothing\n"
                  "    Then every invariant holds\n\n  Scenario: Nothing either\n"
                  "    Then money is conserved\n")
    report = run_files([path])
    assert [s["status"] for s in report["scenarios"]] == ["failed", "failed"]
    assert all("there is no deal yet" in s["error"] for s in report["scenarios"])


def test_a_data_table_or_doc_string_under_a_step_that_reads_none_fails(tmp_path: Path) -> None:
    """A table (or doc string) under a step that does not read one would be silently ignored,
    though the lawyer meant it to say something: the step fails, as Cucumber fails it."""
    table = PASSING.replace("at 10:00\n", "at 10:00\n      | by | the Purchaser |\n")
    doc = PASSING.replace("at 10:00\n", 'at 10:00\n      """\n      with a pen\n      """\n')
    for text, what in ((table, "data table"), (doc, "doc string")):
        report = run_files([_write(tmp_path, "extra.feature", text)])
        [scenario] = report["scenarios"]
        assert scenario["status"] == "failed", what
        assert scenario["step"]["line"] == 5
        assert scenario["error"] == (f"this step reads no {what}: remove the {what} under it, "
                                     "or use a step that reads one (npa steps)")
    reads = _write(tmp_path, "reads.feature", PASSING.replace(
        "    Given the 1997 deal\n", "    Given the deal made from this term sheet:\n"
        "      | notes.principal | 7500000.00 |\n"))
    assert run_files([reads])["counts"]["passed"] == 1


INVALID_WHEN = ("Feature: Invalid\n  Background:\n"
                "    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding\n"
                "  Example: x\n    When time passes to April 5, 1998 at 02:30\n")


@pytest.mark.parametrize(("after", "failing_line"), [
    ("", 5),                                                   # the scenario ends on it
    ("    And time passes to April 11, 1998 at 09:00\n", 6),   # another action follows
    ("    Then Purchaser holds $7,500,000.00 of Notes\n", 6),  # any outcome follows
])
def test_an_invalid_action_nothing_expected_never_passes(
        tmp_path: Path, after: str, failing_line: int) -> None:
    """02:30 on April 5, 1998 is no time in New York (the clocks went forward): the action
    is never taken, and the scenario fails, whatever follows it (it passed when the
    scenario ended on it, or went on to another action)."""
    report = run_files([_write(tmp_path, "gap.feature", INVALID_WHEN + after)])
    [scenario] = report["scenarios"]
    assert scenario["status"] == "failed", scenario
    assert scenario["step"]["line"] == failing_line
    assert "not a valid action: at: 1998-04-05 02:30 does not exist" in scenario["error"]
    expected = _write(tmp_path, "ok.feature", INVALID_WHEN + "    Then the action is rejected "
                      "as invalid\n    And Purchaser holds $7,500,000.00 of Notes\n")
    assert run_files([expected])["counts"]["passed"] == 1


def test_a_holder_name_the_vocabulary_cannot_read_bare_is_told_to_quote_it(
        tmp_path: Path) -> None:
    """"3M Company" is no capitalised words: the hint says a legal name may be quoted, and
    quoted it runs; `npa steps` lists every form a Date and a Time take."""
    from click.testing import CliRunner

    base = ("Feature: Names\n  Example: x\n    Given the 1997 deal, closed on October 27, "
            "1997, with the Notes outstanding\n    When Purchaser gives notice of a proposed "
            "transfer of $1,000,000.00 of Notes to {name}, under Rule 144, by hand, delivered "
            "on December 1, 1997 at 10:00\n    Then the action is accepted\n")
    bare = run_files([_write(tmp_path, "bare.feature", base.format(name="3M Company"))])
    [step] = [s for s in bare["scenarios"][0]["steps"] if s["status"] == "undefined"]
    assert "any legal name in double quotes" in step["suggestion"]["message"]
    quoted = run_files([_write(tmp_path, "quoted.feature", base.format(name='"3M Company"'))])
    assert quoted["counts"]["passed"] == 1
    listed = CliRunner().invoke(cli, ["steps"]).output
    assert "1997-10-27" in listed and "11:59 PM" in listed and "01:30 EDT" in listed
