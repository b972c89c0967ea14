"""`npa explore` and `npa coverage` from the command line: output, files, exit codes, and
one line for every bad option."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import npa, one_error_line

FEATURES = Path(__file__).resolve().parent.parent / "features"


def _accelerate_without_majority(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fault: anyone may act as Holders of a majority in principal."""
    from engine.rules import majority

    monkeypatch.setattr(majority, "holders_of_a_majority", lambda state, group: True)


class TestExploreCommand:
    """`npa explore [--depth D] [--terms FILE] [--max-states N] [--workers K] [--out DIR]`."""

    def test_it_prints_the_counts_invariants_and_graph(self, capsys: Any) -> None:
        """Text for people: states, transitions, each invariant, the graph."""
        code, out, err = npa(capsys, "explore", "--depth", "1")
        assert (code, err) == (0, "")
        assert "distinct states" in out and "transitions" in out
        assert "ok     money is conserved" in out
        assert "\n      s_Outstanding --> s_Default : " in out  # one line each, not escaped

    def test_json_is_one_document_with_the_keys_of_the_issue(self, capsys: Any) -> None:
        """`--json`: states, transitions, states a second, the graph, invariants,
        violations, sections never exercised."""
        code, out, _ = npa(capsys, "explore", "--depth", "1", "--json")
        data = json.loads(out)
        assert code == 0 and data["ok"] is True
        assert {"states", "transitions", "states_per_second", "graph", "invariants",
                "violations", "sections_never_exercised", "complete"} <= set(data)
        assert data["graph"]["mermaid"].startswith("stateDiagram-v2")

    def test_out_writes_the_graph_and_the_summary(self, tmp_path: Path, capsys: Any) -> None:
        """`--out DIR`: graph.mmd and summary.json, the same as printed."""
        where = tmp_path / "run"
        code, out, _ = npa(capsys, "explore", "--depth", "1", "--out", str(where), "--json")
        assert code == 0
        assert sorted(p.name for p in where.iterdir()) == ["graph.mmd", "summary.json"]
        printed = json.loads(out)
        assert (where / "graph.mmd").read_text() == printed["graph"]["mermaid"]
        assert json.loads((where / "summary.json").read_text())["states"] == printed["states"]

    def test_max_states_stops_and_says_so(self, capsys: Any) -> None:
        """The limit stops the search cleanly; the output says it is incomplete."""
        code, out, _ = npa(capsys, "explore", "--depth", "3", "--max-states", "40")
        assert code == 0
        assert "stopped at --max-states 40: the exploration to depth 3 is incomplete" in out
        assert " 40 distinct states" in out

    def test_a_violation_exits_1_and_writes_its_counterexample(
            self, tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        """With a fault, exit 1, and `npa spec` runs the counterexample: it fails with the
        fault, and passes once the fault is gone."""
        _accelerate_without_majority(monkeypatch)
        code, out, _ = npa(capsys, "explore", "--depth", "2", "--out", str(tmp_path))
        assert code == 1
        assert "BROKEN" in out and "violation counterexample-1.feature" in out
        feature = tmp_path / "counterexample-1.feature"
        assert json.loads((tmp_path / "summary.json").read_text())["violations"][0]["file"] \
            == feature.name
        code, out, _ = npa(capsys, "spec", str(feature))
        assert code == 1 and "failed" in out
        monkeypatch.undo()
        code, out, _ = npa(capsys, "spec", str(feature))
        assert code == 0, out

    def test_a_term_sheet_of_its_own(self, tmp_path: Path, capsys: Any,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
        """`--terms`: another deal's dates and amounts; its counterexamples set the scene
        with the term sheet's table and run under `npa spec`."""
        terms = tmp_path / "acme.toml"
        terms.write_text('[deal]\nclosing_date = "2026-03-02"\npurchase_price = "1000000.00"\n'
                         'transaction_fee = "10000.00"\n[notes]\nprincipal = "1000000.00"\n'
                         'issue_date = "2026-03-02"\nmaturity = "2029-03-01"\n'
                         'first_interest_date = "2026-09-01"\n', encoding="utf-8")
        code, out, _ = npa(capsys, "explore", "--depth", "1", "--terms", str(terms), "--json")
        assert code == 0, out
        _accelerate_without_majority(monkeypatch)
        code, _, _ = npa(capsys, "explore", "--depth", "2", "--terms", str(terms), "--out",
                         str(tmp_path / "out"))
        assert code == 1
        feature = tmp_path / "out" / "counterexample-1.feature"
        text = feature.read_text()
        assert "Given the deal made from this term sheet:" in text
        assert '| notes.principal | "1000000.00" |' in text
        assert npa(capsys, "spec", str(feature))[0] == 1
        monkeypatch.undo()
        code, out, _ = npa(capsys, "spec", str(feature))
        assert code == 0, out

    def test_a_term_sheet_whose_notes_two_cannot_share_says_so(self, tmp_path: Path,
                                                               capsys: Any) -> None:
        """A one-cent note closes, but half of it cannot be transferred: the refusal says
        which scene of the explorer's failed, not that the Closing could not be held."""
        terms = tmp_path / "penny.toml"
        terms.write_text('[notes]\nprincipal = "0.01"\n', encoding="utf-8")
        code, _, err = npa(capsys, "explore", "--depth", "1", "--terms", str(terms))
        assert code == 2 and len(err.splitlines()) == 1
        assert err.startswith("npa: error: terms: the scene of two Holders (Purchaser "
                              "transferring half the Notes at the Closing) cannot be set on "
                              "this term sheet: 7.1: "), err

    @pytest.mark.parametrize(("args", "named"), [
        (["--depth", "-1"], "--depth"),
        (["--depth", "two"], "--depth"),
        (["--depth", "51"], "--depth"),
        (["--max-states", "0"], "--max-states"),
        (["--max-states", "many"], "--max-states"),
        (["--workers", "0"], "--workers"),
        (["--workers", "1.5"], "--workers"),
        (["--terms", "no-such-file.toml"], "terms"),
        (["--depth"], "--depth"),
        (["--unknown"], "--unknown"),
    ])
    def test_bad_input_to_every_option_is_one_line_and_exit_2(
            self, args: list[str], named: str, capsys: Any) -> None:
        """Bad input to any option: one line naming it, exit 2, no traceback."""
        code, out, err = npa(capsys, "explore", *args)
        assert code == 2 and out == ""
        assert named in one_error_line(err)

    def test_a_bad_term_sheet_is_one_line_naming_its_key(self, tmp_path: Path,
                                                         capsys: Any) -> None:
        """A term sheet with an unknown key: one line naming the key, exit 2."""
        terms = tmp_path / "bad.toml"
        terms.write_text('[notes]\nprincipal = "1000000.00"\nflavour = "mint"\n')
        code, _, err = npa(capsys, "explore", "--terms", str(terms))
        assert code == 2 and "flavour" in one_error_line(err)

    def test_out_that_is_a_file_is_one_line_and_exit_2(self, tmp_path: Path,
                                                       capsys: Any) -> None:
        """`--out` naming a file: one line naming the option, exit 2."""
        afile = tmp_path / "afile"
        afile.write_text("x")
        code, _, err = npa(capsys, "explore", "--depth", "0", "--out", str(afile))
        assert code == 2 and "--out" in one_error_line(err)

    def test_out_where_a_file_cannot_be_written_changes_nothing(self, tmp_path: Path,
                                                                capsys: Any) -> None:
        """A directory where summary.json should go: one line naming `out`, exit 2, and
        neither graph.mmd nor an earlier run's counterexample is touched (all or none)."""
        (tmp_path / "summary.json").mkdir()
        stale = tmp_path / "counterexample-7.feature"
        stale.write_text("kept")
        code, _, err = npa(capsys, "explore", "--depth", "0", "--out", str(tmp_path))
        assert code == 2 and one_error_line(err).startswith("npa: error: out: cannot write")
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "counterexample-7.feature", "summary.json"] and stale.read_text() == "kept"

    def test_an_empty_out_is_refused_not_the_working_directory(self, capsys: Any) -> None:
        """`--out ''` names no directory: refused before exploring, naming `out`."""
        code, _, err = npa(capsys, "explore", "--depth", "0", "--out", "")
        assert code == 2 and one_error_line(err).startswith("npa: error: out: ")

    @pytest.mark.parametrize("kwargs", [{"depth": 51}, {"depth": 10**30},
                                        {"depth": 0, "workers": 65},
                                        {"depth": 1, "workers": 10**30}])
    def test_python_bounds_depth_and_workers_as_the_cli_does(self, kwargs: Any) -> None:
        """`engine.explore` refuses what `npa explore` refuses (depth 0 to 50, 1 to 64
        processes), before forking anything: InvalidAction naming it."""
        from engine import InvalidAction, coverage, explore

        depth = kwargs.pop("depth")
        with pytest.raises(InvalidAction) as caught:
            explore(depth, **kwargs)
        assert caught.value.field == ("workers" if kwargs else "depth")
        if not kwargs:
            with pytest.raises(InvalidAction, match=r"^depth: "):
                coverage([], depth=depth)


def test_the_invariants_are_steps_of_the_vocabulary(capsys: Any) -> None:
    """`npa steps` lists a Then step for every invariant, and one for them all."""
    from engine.exploration.invariants import INVARIANTS

    code, out, _ = npa(capsys, "steps")
    listed = set(out.splitlines())
    assert code == 0
    for inv in INVARIANTS:
        assert f"then  {inv.words}" in listed
    assert "then  every invariant holds" in listed


class TestCoverageCommand:
    """`npa coverage [PATH...] [--depth D] [--json]`."""

    def test_it_lists_every_section_and_ends_with_those_never_exercised(
            self, tmp_path: Path, capsys: Any) -> None:
        """A row for every section, the non-operative ones with their reason, and the
        sections nothing exercises last."""
        feature = tmp_path / "opinion.feature"
        feature.write_text(OPINION)
        code, out, err = npa(capsys, "coverage", str(feature))
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[-1].startswith("never exercised (")
        assert any(line.startswith("8.11 ") and "not operative" in line for line in lines)
        row = next(line for line in lines if line.startswith("5.1(d) "))
        assert row.split()[-1] == "1"  # one scenario exercised it

    def test_json_gives_the_same(self, tmp_path: Path, capsys: Any) -> None:
        """`--json`: each section with its rules, scenarios, explored and reason."""
        feature = tmp_path / "opinion.feature"
        feature.write_text(OPINION)
        code, out, _ = npa(capsys, "coverage", str(feature), "--depth", "1", "--json")
        data = json.loads(out)
        assert code == 0
        rows = {row["section"]: row for row in data["sections"]}
        assert rows["5.1(d)"]["scenarios"] == [f"{feature}:5 The closing waits for the opinion"]
        assert rows["5.1(d)"]["rules"]
        assert rows["Schedule 1 (d)"]["explored"] is True
        assert rows["8.8"]["explored"] is False and "8.8" in data["never_exercised"]
        assert rows["8.14"]["reason"] and "8.14" not in data["never_exercised"]
        assert "5.1(d)" not in data["never_exercised"]

    @pytest.mark.parametrize(("args", "named"), [
        (["no-such.feature"], "path"),
        (["--depth", "-2"], "--depth"),
        (["--depth", "deep"], "--depth"),
    ])
    def test_bad_input_is_one_line_and_exit_2(self, args: list[str], named: str,
                                              capsys: Any) -> None:
        """A missing path or a bad depth: one line naming it, exit 2."""
        code, out, err = npa(capsys, "coverage", *args)
        assert code == 2 and out == ""
        assert named in one_error_line(err)


OPINION = """Feature: The opinion of counsel

  Background:
    Given the 1997 deal, signed by the Company and the Purchaser
  Scenario: The closing waits for the opinion
    Given every other condition of 5.1 and 5.2 is met
    When the Company closes on October 27, 1997 at 10:00
    Then the action is refused under 5.1(d)
"""
