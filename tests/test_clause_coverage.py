"""Clause coverage (`engine.coverage`) and the scan of which rules cite which sections."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from contract import SECTIONS
from engine import CoverageReport, InvalidAction, NpaError, coverage
from engine.citations import (
    ENGINE,
    _summary_sections,
    cited_by,
    covers,
    literal_refusal_sections,
    rules_citing,
)
from features.runner import run_files

OPINION = """Feature: The opinion of counsel

  Scenario: The closing waits for the opinion
    Given the 1997 deal, signed by the Company and the Purchaser
    And every other condition of 5.1 and 5.2 is met
    When the Company closes on October 27, 1997 at 10:00
    Then the action is refused under 5.1(d)
"""


@pytest.fixture
def opinion(tmp_path: Path) -> Path:
    """A lawyer's feature with one scenario: the Closing refused for want of the opinion."""
    path = tmp_path / "opinion.feature"
    path.write_text(OPINION, encoding="utf-8")
    return path


class TestCitations:
    """Which rules cite which sections: read from the engine's source."""

    def test_the_scan_finds_every_section_written_into_a_refusal(self) -> None:
        """Every literal section of a `refusal("...")`, as a plain text search finds it
        (the scan's own module, whose docstrings show such calls, aside)."""
        texts = {m.group(1) for path in ENGINE.rglob("*.py") if path.name != "citations.py"
                 for m in re.finditer(r'refusal\(\s*"([^"]+)"', path.read_text("utf-8"))}
        assert texts <= literal_refusal_sections()
        assert "2.1" in literal_refusal_sections()

    def test_a_rule_cites_what_its_docstring_names_and_what_it_refuses_under(self) -> None:
        """satisfy_condition names 5.1(b), (d), (f); close's row of the lifecycle cites 2.1."""
        cited = rules_citing()
        assert "rules.conditions.satisfy_condition" in cited["5.1(d)"]
        assert "lifecycle.TABLE[close]" in cited["2.1"]
        assert "rules.signing.sign" in cited["signature page"]

    def test_shorthand_paragraphs_count(self) -> None:
        """ "5.1(b), (d), (f) and 5.2(b), (e)" names five paragraphs; unknown ones none."""
        known = frozenset({"5.1(b)", "5.1(d)", "5.1(f)", "5.2(b)", "5.2(e)", "8.5"})
        assert _summary_sections("5.1(b), (d), (f) and 5.2(b), (e): met when delivered; "
                                 "9.9 is no section", known) == \
            ["5.1(b)", "5.2(b)", "5.1(d)", "5.1(f)", "5.2(e)"]

    def test_a_paragraph_exercises_its_section_not_the_other_way_round(self) -> None:
        """5.1(d) exercises 5.1; 5.1 does not exercise 5.1(d); 8.10 does not exercise 8.1."""
        assert covers("5.1", {"5.1(d)"}) and covers("Schedule 1", {"Schedule 1 (b)"})
        assert not covers("5.1(d)", {"5.1"})
        assert not covers("8.1", {"8.10"}) and not covers("5.1", {"5.10"})

    def test_an_action_cites_its_events_sections_and_what_they_are_about(self) -> None:
        """A misrepresentation recorded cites 5.1(a) and the representation it is about."""
        from engine import Deal

        deal = Deal.create(None, "c")
        before = len(deal.events)
        deal.act({"type": "record_misrepresentation", "actor": "purchaser",
                  "at": "1997-10-20T09:00", "section": "3.6", "description": "litigation"})
        assert cited_by(deal.state, deal.events[before:]) == {"5.1(a)", "3.6"}


class TestCoverage:
    """For every section: the rules, the scenarios, the exploration, the reason."""

    def test_every_section_of_the_agreement_has_a_row(self, opinion: Path) -> None:
        """Each section of contract.text.SECTIONS, then Schedule 1 and its (a)-(e)."""
        report = coverage([opinion])
        assert isinstance(report, CoverageReport)
        sections = [row.section for row in report.sections]
        assert sections[:len(SECTIONS)] == list(SECTIONS)
        assert sections[len(SECTIONS):] == ["Schedule 1", *(f"Schedule 1 ({k})" for k in "abcde")]

    def test_a_scenario_exercises_what_its_actions_cite(self, opinion: Path) -> None:
        """The refusal under 5.1(d) exercises 5.1(d) and 5.1; nothing exercises 8.8."""
        report = coverage([opinion])
        rows = {row.section: row for row in report.sections}
        name = f"{opinion}:3 The closing waits for the opinion"
        assert rows["5.1(d)"].scenarios == (name,) and rows["5.1"].scenarios == (name,)
        assert rows["8.8"].scenarios == () and "8.8" in report.never_exercised
        assert "5.1(d)" not in report.never_exercised
        assert rows["5.1(d)"].explored is None  # no exploration asked

    def test_a_section_with_no_operative_content_has_its_reason(self, opinion: Path) -> None:
        """8.11 and 8.14 say why they are not operative, and are not 'never exercised'."""
        report = coverage([opinion])
        rows = {row.section: row for row in report.sections}
        for section in ("8.11", "8.14"):
            assert not rows[section].operative and rows[section].reason
            assert section not in report.never_exercised

    def test_the_checker_can_fail_without_the_scenario(self, tmp_path: Path) -> None:
        """A feature that never closes leaves 5.1(d) never exercised."""
        path = tmp_path / "signing.feature"
        path.write_text("Feature: Signing\n\n  Scenario: Both sign\n"
                        "    Given the 1997 deal\n"
                        "    When the Company signs on October 20, 1997 at 09:00\n"
                        "    Then the deal is Drafted\n", encoding="utf-8")
        report = coverage([path])
        assert "5.1(d)" in report.never_exercised
        assert "signature page" not in report.never_exercised

    @pytest.mark.parametrize("depth", [-1, "2", True, 1.5])
    def test_bad_depth_is_refused(self, opinion: Path, depth: Any) -> None:
        """A depth that is not a whole number of moves is InvalidAction naming it."""
        with pytest.raises(InvalidAction, match=r"^depth:") as caught:
            coverage([opinion], depth=depth)
        assert caught.value.field == "depth"

    def test_one_path_may_be_given_alone_and_paths_must_be_paths(self, opinion: Path) -> None:
        """A single path is read as one path; anything else is InvalidAction naming paths."""
        assert coverage(str(opinion)).scenarios == 1
        with pytest.raises(InvalidAction, match=r"^paths:"):
            coverage([3])  # type: ignore[list-item]

    def test_a_file_named_twice_is_counted_once(self, opinion: Path) -> None:
        """A directory and a file in it (`npa coverage features/ my.feature`), or one file
        twice: each scenario is run and counted once, so the counts are the lawyer's own."""
        once = coverage([opinion])
        twice = coverage([opinion.parent, opinion, str(opinion)])
        assert (twice.scenarios, twice.files) == (once.scenarios, once.files) == (
            1, (str(opinion),))
        assert {r.section: r.scenarios for r in twice.sections} == {
            r.section: r.scenarios for r in once.sections}

    def test_a_path_that_names_nothing_is_an_npa_error_naming_path(self, tmp_path: Path) -> None:
        """A missing file is a documented error (one line, exit 2), not a bare ValueError."""
        with pytest.raises(NpaError, match="no file or directory") as caught:
            coverage([tmp_path / "nonexistent.feature"])
        assert caught.value.field == "path" and caught.value.exit_code == 2


def test_the_runner_reports_the_sections_each_scenario_exercised(opinion: Path) -> None:
    """`run_files` gives each scenario the sections its actions' results cited."""
    (scenario,) = run_files([opinion])["scenarios"]
    assert scenario["sections"][0] == "signature page"
    assert {"5.1(f)", "5.2(e)", "5.1(d)"} <= set(scenario["sections"])
    assert len(scenario["sections"]) == len(set(scenario["sections"]))


def test_a_feature_saved_with_a_byte_order_mark_is_read(opinion: Path) -> None:
    """Editors on Windows save UTF-8 with a byte order mark; Gherkin's own readers skip it,
    and so do `npa spec` and `npa coverage` (it read as an error on line 1)."""
    opinion.write_bytes(b"\xef\xbb\xbf" + opinion.read_bytes())
    report = run_files([opinion])
    assert report["errors"] == [] and report["counts"]["passed"] == 1
    assert coverage([opinion]).scenarios == 1


def test_npa_coverage_exits_1_when_a_file_could_not_be_read(
        opinion: Path, tmp_path: Path) -> None:
    """A coverage report missing a file's scenarios would undercount what was exercised: it
    is still printed, with the file's error, and the exit is 1 (as `npa spec`'s is)."""
    from click.testing import CliRunner

    from engine.cli import cli

    broken = tmp_path / "broken.feature"
    broken.write_text("Feature: x\n  Scenario: y\n    Given the 1997 deal\n  Nonsense here\n",
                      encoding="utf-8")
    runner = CliRunner()
    good = runner.invoke(cli, ["coverage", str(opinion)])
    bad = runner.invoke(cli, ["coverage", str(opinion), str(broken)])
    as_json = runner.invoke(cli, ["coverage", "--json", str(opinion), str(broken)])
    assert good.exit_code == 0, good.output
    assert bad.exit_code == 1 and f"error {broken}" in bad.output
    assert as_json.exit_code == 1 and '"errors"' in as_json.output


@pytest.mark.parametrize("paths", [42, b"features", object()])
def test_coverage_of_what_is_no_list_of_paths_names_paths(paths: Any) -> None:
    """`engine.coverage(42)` raised a bare TypeError: it is InvalidAction naming paths."""
    with pytest.raises(InvalidAction) as caught:
        coverage(paths)
    assert caught.value.field == "paths"


def test_coverage_takes_paths_from_a_generator(opinion: Path) -> None:
    """Paths given by a generator are all counted (they were consumed by the check)."""
    assert coverage(p for p in [opinion]).scenarios == 1
