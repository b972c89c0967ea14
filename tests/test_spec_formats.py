"""`npa spec --format`: progress, cucumber-json (checked against a JSON Schema of
Cucumber's report and read by Cucumber's own HTML reporter) and junit (checked
against an XML Schema of JUnit XML)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from cli_run import npa
from click.testing import CliRunner

from engine.cli import cli
from features.formats import cucumber_json, junit, progress
from features.runner import run_files

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent
REPORTER = ROOT / ".venv" / "reporters" / "node_modules" / "cucumber-html-reporter"

MIXED = """\
@section_2_1
Feature: Mixed results
  Some words.

  Background:
    Given the 1997 deal

  Example: Passes
    When the Company signs on October 20, 1997 at 09:00
    Then the deal is Drafted

  @wip
  Example: Fails
    When the Company signs on October 20, 1997 at 09:00
    Then the deal is Repaid
    And the deal is Drafted

  Example: Undefined <&> "quoted"
    When Purchasr signs on October 20, 1997 at 09:00

  Example: Empty

  Example: Denominations
    Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding
    Then the deal is Outstanding
"""


@pytest.fixture
def report(tmp_path: Path) -> dict[str, Any]:
    """A run with a passed, a failed, an undefined and an empty scenario, and a broken file."""
    (tmp_path / "a.feature").write_text(MIXED, encoding="utf-8")
    (tmp_path / "b.feature").write_text("Feature: Broken\n  Whereas\n  Example: x\n"
                                        "    Given the 1997 deal\n      | a |\n      | b | c |\n",
                                        encoding="utf-8")
    return run_files([tmp_path])


def _schema_errors(document: Any) -> list[str]:
    import jsonschema

    schema = json.loads((DATA / "cucumber-json.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_progress_prints_a_mark_a_step(report: dict[str, Any]) -> None:
    """Progress prints . F - U for each step and _ for an empty scenario, then the totals."""
    lines = progress(report).splitlines()
    assert lines[0] == ".....F-.U_..."
    assert lines[-1] == "2 passed, 1 failed, 1 undefined, 1 empty, 1 error"


def test_cucumber_json_fits_the_schema_of_cucumbers_report(report: dict[str, Any]) -> None:
    """The cucumber-json format validates against the JSON Schema of Cucumber's report."""
    document = json.loads(cucumber_json(report))
    assert _schema_errors(document) == []
    [feature] = document
    assert (feature["name"], feature["tags"]) == ("Mixed results",
                                                  [{"name": "@section_2_1", "line": 1}])
    statuses = {e["name"]: [s["result"]["status"] for s in e["steps"]]
                for e in feature["elements"]}
    assert statuses["Fails"] == ["passed", "passed", "failed", "skipped"]
    assert statuses['Undefined <&> "quoted"'] == ["passed", "undefined"]
    assert statuses["Empty"] == []
    assert [s.get("isBackground", False) for s in feature["elements"][0]["steps"]] == [
        True, False, False]
    failed = feature["elements"][1]["steps"][2]["result"]
    assert failed["error_message"] == "the deal is Drafted, not Repaid"
    assert feature["elements"][1]["tags"] == [{"name": "@section_2_1", "line": 1},
                                              {"name": "@wip", "line": 12}]


def test_the_schema_check_fails_on_a_broken_report(report: dict[str, Any]) -> None:
    """The schema is a real check: a report missing a step's result or with a bad status fails."""
    document = json.loads(cucumber_json(report))
    del document[0]["elements"][0]["steps"][0]["result"]
    document[0]["elements"][1]["steps"][0]["result"]["status"] = "green"
    assert len(_schema_errors(document)) == 2


def _run_reporter(tmp_path: Path, document: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "cucumber.json"
    source.write_text(document, encoding="utf-8")
    script = (
        "require('cucumber-html-reporter').generate({theme: 'bootstrap', jsonFile: "
        f"{json.dumps(str(source))}, output: {json.dumps(str(tmp_path / 'report.html'))}, "
        "reportSuiteAsScenarios: true, launchReport: false, storeScreenshots: false});")
    env = {**os.environ, "NODE_PATH": str(REPORTER.parent)}
    return subprocess.run(["node", "-e", script], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


@pytest.mark.skipif(shutil.which("node") is None or not REPORTER.exists(),
                    reason="Cucumber's HTML reporter is not installed (make test installs it "
                    "with npm)")
def test_cucumbers_own_html_reporter_reads_the_report(
    report: dict[str, Any], tmp_path: Path
) -> None:
    """cucumber-html-reporter turns the report into its page, with each scenario and error."""
    done = _run_reporter(tmp_path, cucumber_json(report))
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Fails" in page and "the deal is Drafted, not Repaid" in page
    broken = _run_reporter(tmp_path, json.dumps([{"elements": []}]))
    assert broken.returncode != 0


def _junit_errors(text: str) -> list[str]:
    import xmlschema

    schema = xmlschema.XMLSchema(str(DATA / "junit.xsd"))
    return [str(e.reason) for e in schema.iter_errors(text)]


def test_junit_fits_the_schema_ci_systems_read(report: dict[str, Any]) -> None:
    """The junit format validates against the JUnit XML Schema, with the right counts."""
    text = junit(report)
    assert _junit_errors(text) == []
    root = ET.fromstring(text)
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "6", "failures": "2", "errors": "1", "skipped": "1"}
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["Fails"].find("failure").get("message") == (  # type: ignore[union-attr]
        "the deal is Drafted, not Repaid")
    assert cases['Undefined <&> "quoted"'].find("failure").get("type") == (  # type: ignore[union-attr]
        "undefined")
    assert cases["Empty"].find("skipped") is not None
    assert cases["the file is read and parsed"].find("error") is not None


def test_the_junit_check_fails_on_broken_xml(report: dict[str, Any]) -> None:
    """The XML Schema is a real check: a testcase with two failures and no name fails it."""
    text = junit(report).replace('<testcase classname="Mixed results" name="Passes"',
                                 '<testcase classname="Mixed results"', 1)
    text = text.replace("</failure>", "</failure><failure/>", 1)
    assert len(_junit_errors(text)) >= 2


def test_junit_keeps_user_text_from_forging_markup(tmp_path: Path) -> None:
    """Names with markup and control characters come out escaped, in well-formed XML."""
    text = "Feature: <b>x</b> \x01\n  Example: ]]></testcase><testcase name=\"x\">\n" \
           "    Given the 1997 deal\n"
    path = tmp_path / "x.feature"
    path.write_text(text, encoding="utf-8")
    xml = junit(run_files([path]))
    assert _junit_errors(xml) == []
    [case] = ET.fromstring(xml).iter("testcase")
    assert case.get("name") == ']]></testcase><testcase name="x">'


def test_npa_spec_format_option_chooses_the_format(tmp_path: Path) -> None:
    """`--format junit` prints XML, `--format cucumber-json` a JSON list, `--json` the report."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["spec", "--format", "junit", str(path)]).output.startswith("<?xml")
    assert isinstance(json.loads(runner.invoke(
        cli, ["spec", "--format", "cucumber-json", str(path)]).output), list)
    assert "counts" in json.loads(runner.invoke(cli, ["spec", "--json", str(path)]).output)


def test_formats_with_a_file_are_written_beside_the_one_shown(tmp_path: Path) -> None:
    """As in Cucumber, `--format junit:FILE` writes a file while another format is shown."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    xml, report = tmp_path / "junit.xml", tmp_path / "cucumber.json"
    result = CliRunner().invoke(cli, ["spec", str(path), "--format", "progress",
                                      "--format", f"junit:{xml}",
                                      "--format", f"cucumber-json:{report}"])
    assert result.exit_code == 1
    assert result.output.startswith(".....F-.U_...\n")
    assert _junit_errors(xml.read_text(encoding="utf-8")) == []
    assert _schema_errors(json.loads(report.read_text(encoding="utf-8"))) == []


def test_text_of_a_feature_cannot_forge_lines_in_the_pretty_output(tmp_path: Path) -> None:
    """A control character in a scenario's name or a step is shown escaped, on its line."""
    path = tmp_path / "x.feature"
    path.write_text("Feature: x\n  Example: a \x1b[2J name\n    Given the 1997 deal\x0b\n",
                    encoding="utf-8")
    report = run_files([path])
    shown = CliRunner().invoke(cli, ["spec", str(path)]).output
    for text in (progress(report), shown):
        assert "\x1b" not in text and "\x0b" not in text
    assert "a \\x1b[2J name" in shown


# --- bad --format and --tags input: one line, exit 2, nothing written -------------------


class _Run:
    """What `npa spec ARGS` did, through `main` as from the shell."""

    def __init__(self, capsys: pytest.CaptureFixture[str], *args: str) -> None:
        self.exit_code, out, err = npa(capsys, "spec", *args)
        self.output = out + err


def test_a_report_that_cannot_be_written_leaves_no_other_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """All or none: the second --format FILE cannot be written, so the first, which could,
    is not written either (no half set of reports for a CI job to pick up)."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    first = tmp_path / "first.xml"
    result = _Run(capsys, str(path), "--format", f"junit:{first}",
                   "--format", f"json:{tmp_path / 'missing' / 'x.json'}")
    assert result.exit_code == 2 and "cannot write" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.feature"]


@pytest.mark.parametrize("same", [False, True])
def test_a_report_is_not_written_over_a_feature_file_of_the_run_nor_twice(
        tmp_path: Path, same: bool, capsys: pytest.CaptureFixture[str]) -> None:
    """A report named as the feature being run, or one file named by two formats, is
    refused before anything is written: the feature file is kept as it was."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    other = tmp_path / "r.json"
    given = ["--format", f"json:{other}", "--format", f"junit:{other}"] if same else [
        "--format", f"json:{path}"]
    result = _Run(capsys, str(path), *given)
    assert result.exit_code == 2, result.output
    assert ("named by two formats" if same else "is a feature file of this run") in result.output
    assert path.read_text(encoding="utf-8") == MIXED and not other.exists()


def test_json_and_another_format_on_the_terminal_are_two_formats_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` is `--format json`: with `--format pretty` too, two formats would print
    to the terminal, refused as Cucumber refuses it; with only the default, JSON alone."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    refused = _Run(capsys, str(path), "--json", "--format", "pretty")
    assert refused.exit_code == 2 and "only one format may print to the terminal" in \
        refused.output
    assert "counts" in json.loads(_Run(capsys, str(path), "--json").output)
    assert "counts" in json.loads(_Run(capsys, str(path), "--json", "--format", "json").output)


def test_a_dry_run_with_undefined_steps_does_not_say_every_step_matched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The banner counts what matched nothing; it says "every step matched" only when so."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    result = _Run(capsys, str(path), "--dry-run")
    assert "dry run: none run; 1 step matched no step of the vocabulary" in result.output
    assert "every step matched" not in result.output
    passing = tmp_path / "p.feature"
    passing.write_text(MIXED.split("  @wip")[0], encoding="utf-8")
    assert "dry run: every step matched, none run" in _Run(capsys, str(passing), "--dry-run").output


@pytest.mark.parametrize("tags", [" or ".join(f"@t{i}" for i in range(1000)),
                                  "not " * 1000 + "@a"])
def test_a_tag_expression_too_deep_to_read_is_one_line_naming_tags(
        tmp_path: Path, tags: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid but enormous expression overflows the reader's recursion: one line naming
    `tags`, exit 2, not an internal error."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    result = _Run(capsys, str(path), "--tags", tags)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("npa: error: tags: ") and result.output.count("\n") == 1


def test_a_long_tag_expression_that_can_be_read_is_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """300 alternatives read fine: only what overflows is refused."""
    path = tmp_path / "a.feature"
    path.write_text(MIXED, encoding="utf-8")
    tags = " or ".join(["@wip", *(f"@t{i}" for i in range(300))])
    result = _Run(capsys, str(path), "--tags", tags, "--json")
    assert [s["name"] for s in json.loads(result.output)["scenarios"]] == ["Fails"]


def test_a_dry_run_with_a_value_that_cannot_be_does_not_say_every_step_matched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """February 30 matches its step but fails the dry run: the banner says so (it said
    "every step matched" above "1 failed")."""
    path = tmp_path / "n.feature"
    path.write_text("Feature: n\n  Example: bad date\n"
                    "    Given the 1997 deal, signed by the Company and the Purchaser\n"
                    "    When time passes to February 30, 1998\n", encoding="utf-8")
    result = _Run(capsys, str(path), "--dry-run")
    assert result.exit_code == 1
    assert "dry run: none run; 1 step matched with a value that cannot be" in result.output
    assert "every step matched" not in result.output
