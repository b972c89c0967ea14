"""`npa spec` as Cucumber users expect it: undefined and skipped steps, suggestions,
tags, FILE:LINE, dry runs, empty scenarios, parse errors, and `npa steps`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import cli, main
from features.runner import TargetError, run_files
from features.steps import TYPES
from features.steps.accepts import accepts

TYPOS = """\
@demo
Feature: Typos
  Example: A lawyer's slips
    Given the 1997 deal
    When Purchasr signs on October 20, 1997 at 09:00
    And the Company signs on October 20, 1997 at half past ten
    And Acme Bank claims indemnity from the Company under 3.1 by hand, delivered on \
October 20, 1997 at 10:00, for losses of $5.00
    Then the deal is Drafted
    And the deal is Drafty

  @slow
  Example: Nothing to say

  Example: Signed by both
    Given the 1997 deal
    When the Company signs on October 20, 1997 at 09:00
    And Purchaser signs on October 20, 1997 at 10:00
    Then the deal is ConditionsPending

  Scenario Outline: One signature
    Given the 1997 deal
    When <party> signs on October 20, 1997 at 09:00
    Then the deal is Drafted

    Examples:
      | party       |
      | the Company |
      | Purchaser   |
"""


def _write(tmp_path: Path, text: str, name: str = "typos.feature") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _scenario(report: dict[str, object], name: str) -> dict[str, object]:
    [found] = [s for s in report["scenarios"] if s["name"] == name]  # type: ignore[attr-defined]
    return found  # type: ignore[no-any-return]


def test_every_undefined_step_is_reported_and_the_rest_skipped(tmp_path: Path) -> None:
    """Each undefined step of a scenario is reported, not only the first; the rest are skipped."""
    report = run_files([_write(tmp_path, TYPOS)])
    slips = _scenario(report, "A lawyer's slips")
    assert slips["status"] == "undefined"
    assert [s["status"] for s in slips["steps"]] == [  # type: ignore[attr-defined]
        "passed", "undefined", "undefined", "undefined", "skipped", "undefined"]
    assert [u["line"] for u in slips["undefined"]] == [5, 6, 7, 9]  # type: ignore[attr-defined]


def test_a_misspelt_party_names_the_placeholder_and_what_it_accepts(tmp_path: Path) -> None:
    """"Purchasr" is reported as not a <Party>, with the closest step and the parties accepted."""
    slips = _scenario(run_files([_write(tmp_path, TYPOS)]), "A lawyer's slips")
    suggestion = slips["undefined"][0]["suggestion"]  # type: ignore[index]
    assert suggestion["pattern"] == "<Party> signs on <Date> at <Time>"
    assert suggestion["placeholders"] == [{"placeholder": "<Party>", "value": "Purchasr",
                                           "accepts": list(accepts("Party"))}]
    assert "Purchaser" in accepts("Party")
    assert suggestion["message"].startswith(
        'the words match "<Party> signs on <Date> at <Time>", but "Purchasr" is not a <Party>')


def test_a_time_in_other_words_names_the_time_placeholder(tmp_path: Path) -> None:
    """A time the vocabulary cannot read is reported as not a <Time>, with the forms it takes."""
    slips = _scenario(run_files([_write(tmp_path, TYPOS)]), "A lawyer's slips")
    [misfit] = slips["undefined"][1]["suggestion"]["placeholders"]  # type: ignore[index]
    assert (misfit["placeholder"], misfit["value"]) == ("<Time>", "half past ten")
    assert misfit["accepts"] == list(accepts("Time"))


def test_a_transferee_as_claimant_names_the_party_placeholder(tmp_path: Path) -> None:
    """Only a party may claim indemnity: "Acme Bank" as claimant is named as not a <Party>."""
    slips = _scenario(run_files([_write(tmp_path, TYPOS)]), "A lawyer's slips")
    suggestion = slips["undefined"][2]["suggestion"]  # type: ignore[index]
    assert suggestion["pattern"].startswith("<Party> claims indemnity from <Party>")
    assert [(m["placeholder"], m["value"]) for m in suggestion["placeholders"]] == [
        ("<Party>", "Acme Bank")]


def test_a_step_under_the_wrong_keyword_is_named(tmp_path: Path) -> None:
    """A Then written as a Given is undefined, and the suggestion says it is a Then step."""
    text = "Feature: x\n  Example: y\n    Given the 1997 deal\n    Given the deal is Drafted\n"
    [scenario] = run_files([_write(tmp_path, text)])["scenarios"]
    suggestion = scenario["undefined"][0]["suggestion"]
    assert suggestion["keyword"] == "then"
    assert suggestion["message"] == ('there is such a step, "the deal is <State>", '
                                     "but it is a Then step")


def test_pretty_output_shows_every_step_of_a_scenario_that_did_not_pass(tmp_path: Path) -> None:
    """The pretty format lists the skipped and undefined steps, each suggestion under its step."""
    result = CliRunner().invoke(cli, ["spec", str(_write(tmp_path, TYPOS))])
    assert result.exit_code == 1
    out = result.output
    assert "skipped   Then the deal is Drafted  # line 8" in out
    assert "undefined And the deal is Drafty  # line 9" in out
    assert '"Drafty" is not a <State>, which accepts Drafted; ConditionsPending' in out
    assert out.splitlines()[-1] == "3 passed, 0 failed, 1 undefined, 1 empty"


def test_an_empty_scenario_is_reported_empty_not_passed(tmp_path: Path) -> None:
    """A scenario with no steps is empty; it does not count as passed, nor fail the run."""
    report = run_files([_write(tmp_path, TYPOS)], tags="@slow")
    [scenario] = report["scenarios"]
    assert (scenario["name"], scenario["status"]) == ("Nothing to say", "empty")
    assert report["counts"]["empty"] == 1 and report["counts"]["passed"] == 0
    assert report["ok"] is True


def test_a_file_with_no_scenarios_is_a_warning(tmp_path: Path) -> None:
    """A feature without scenarios is a warning naming the file, not an error or a pass."""
    path = _write(tmp_path, "Feature: Nothing yet\n  Some words.\n")
    report = run_files([path])
    assert report["warnings"] == [{"file": str(path), "line": 1,
                                   "message": "the feature has no scenarios"}]
    assert report["errors"] == [] and report["scenarios"] == []
    result = CliRunner().invoke(cli, ["spec", str(path)])
    assert f"warning    {path}:1  the feature has no scenarios" in result.output


def test_a_parse_error_is_one_plain_sentence_with_its_line(tmp_path: Path) -> None:
    """A line Gherkin cannot read is one sentence with file and line, no token list."""
    path = _write(tmp_path, "Feature: x\n  Example: y\n    Given the 1997 deal\n"
                  "    Whereas the parties agree\n")
    [error] = run_files([path])["errors"]
    assert (error["file"], error["line"]) == (str(path), 4)
    assert error["message"].startswith(
        'line 4 reads "Whereas the parties agree", which cannot stand there: Gherkin expects ')
    assert "#" not in error["message"] and "\n" not in error["message"]


def test_tags_pick_scenarios_with_cucumber_tag_expressions(tmp_path: Path) -> None:
    """`--tags` takes Cucumber's tag expressions, with tags inherited from the feature."""
    path = _write(tmp_path, TYPOS)
    assert [s["name"] for s in run_files([path], tags="@demo and not @slow")["scenarios"]] == [
        "A lawyer's slips", "Signed by both", "One signature", "One signature"]
    assert run_files([path], tags="@nothing")["scenarios"] == []


def test_a_bad_tag_expression_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tag expression that does not parse is bad input: one line naming --tags, exit 2."""
    with pytest.raises(SystemExit) as code:
        main(["spec", str(_write(tmp_path, TYPOS)), "--tags", "@a and"])
    err = capsys.readouterr().err
    assert code.value.code == 2
    assert err.startswith("npa: error: tags: '@a and' is not a tag expression") and \
        err.count("\n") == 1


def test_file_line_runs_one_scenario(tmp_path: Path) -> None:
    """`FILE:LINE` runs the scenario at that line: its title, one of its steps, or one row."""
    path = _write(tmp_path, TYPOS)
    assert [s["name"] for s in run_files([f"{path}:14"])["scenarios"]] == ["Signed by both"]
    assert [s["name"] for s in run_files([f"{path}:16"])["scenarios"]] == ["Signed by both"]
    assert [s["line"] for s in run_files([f"{path}:20"])["scenarios"]] == [27, 28]
    assert [s["line"] for s in run_files([f"{path}:28"])["scenarios"]] == [28]
    assert [s["line"] for s in run_files([f"{path}:14:28"])["scenarios"]] == [14, 28]


def test_file_line_at_no_scenario_is_bad_input(tmp_path: Path) -> None:
    """A line that holds no scenario is bad input, naming the path and the line."""
    path = _write(tmp_path, TYPOS)
    with pytest.raises(TargetError, match="no scenario at line 13"):
        run_files([f"{path}:13"])
    result = CliRunner().invoke(cli, ["spec", f"{path}:13"])
    assert result.exit_code != 0


def test_dry_run_matches_every_step_and_runs_none(tmp_path: Path) -> None:
    """`--dry-run` parses and matches: a failing scenario is skipped, an undefined step found."""
    failing = _write(tmp_path, "Feature: x\n  Example: y\n    Given the 1997 deal\n"
                     "    Then the deal is Repaid\n", "failing.feature")
    report = run_files([failing], dry_run=True)
    [scenario] = report["scenarios"]
    assert scenario["status"] == "skipped"
    assert [s["status"] for s in scenario["steps"]] == ["skipped", "skipped"]
    assert all(s["location"].startswith("features/steps/") for s in scenario["steps"])
    assert report["ok"] is True and report["dry_run"] is True
    typos = run_files([_write(tmp_path, TYPOS)], dry_run=True)
    assert typos["counts"]["undefined"] == 1 and typos["ok"] is False
    result = CliRunner().invoke(cli, ["spec", "--dry-run", str(failing)])
    assert result.exit_code == 0 and "dry run" in result.output


def test_npa_spec_db_writes_nothing(tmp_path: Path) -> None:
    """`npa spec --db FILE` runs in memory: the file is not created."""
    db = tmp_path / "spec.db"
    result = CliRunner().invoke(cli, ["spec", "--db", str(db), str(_write(tmp_path, TYPOS))])
    assert result.exit_code == 1
    assert not db.exists()


def test_npa_steps_lists_what_each_placeholder_accepts() -> None:
    """`npa steps` lists every placeholder type with the values or forms it accepts."""
    data = json.loads(CliRunner().invoke(cli, ["steps", "--json"]).output)
    kinds = {k["placeholder"]: k["accepts"] for k in data["placeholders"]}
    assert set(kinds) == {f"<{name}>" for name in TYPES}
    assert all(kinds.values())
    assert kinds["<Party>"][:5] == ["the Company", "the Purchaser", "Purchaser", "LCI",
                                    "the court"]
    assert "Nomura Holding America, Inc." in kinds["<Party>"]
    assert "by facsimile" in kinds["<Method>"] and "Default" in kinds["<State>"]
    text = CliRunner().invoke(cli, ["steps"]).output
    assert "Placeholders:" in text and "  <NoticeKind>\n      " in text


def test_every_placeholder_value_listed_is_accepted() -> None:
    """Each value a closed placeholder lists is one its converter takes."""
    from features.steps.accepts import FORMS, fits

    for name in TYPES:
        if name in FORMS and name not in ("Party", "State"):
            continue
        for value in accepts(name):
            assert fits(name, value), (name, value)
            TYPES[name](value)


THENS = """\
Feature: Then messages
  Background:
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding

  Example: a
    Then the annual report for 1997 is due by April 11, 1998
  Example: b
    Then the interest due on February 1, 1998 is $393,750.00, payable on February 1, 1998
  Example: c
    Then the Closing Date is October 28, 1997
  Example: d
    When Purchaser presents its counsel's fees and expenses of $1,000.00 on November 3, 1997 \
at 10:00
    Then the expenses are due by December 1, 1997
  Example: e
    When time passes to March 6, 1998
    Then an Event of Default under Schedule 1 (b) occurred on March 5, 1998 at 00:01
  Example: f
    Then the interest due on February 1, 1998 is paid
  Example: g
    Then the Company owes $5.00 of interest and $0.00 of principal
  Example: h
    Then the quarterly report for the quarter ended September 30, 1997 is furnished late
"""


def test_a_failing_then_says_expected_and_actual_in_the_steps_own_words(tmp_path: Path) -> None:
    """Each failing Then names dates as the step does ("April 10, 1998") and both values."""
    report = run_files([_write(tmp_path, THENS)])
    errors = {s["name"]: s["error"] for s in report["scenarios"]}
    assert all(s["status"] == "failed" for s in report["scenarios"])
    for error in errors.values():
        assert not re.search(r"\d{4}-\d{2}-\d{2}|annual-\d{4}|q\d-\d{4}", error), error
    assert errors["a"] == ("the annual report for 1997 is due by April 10, 1998, "
                           "not April 11, 1998")
    assert errors["b"] == ("the interest due on February 1, 1998 is $205,625.00, payable on "
                           "February 2, 1998, not $393,750.00, payable on February 1, 1998")
    assert errors["c"] == "the Closing Date is October 27, 1997, not October 28, 1997"
    assert errors["g"].endswith("not $5.00 of interest and $0.00 of principal")
