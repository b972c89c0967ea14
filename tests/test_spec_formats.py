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
