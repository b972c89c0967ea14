"""Packaging (issue 11 item 5): runtime dependencies are compatible ranges without the test
stack, the exact versions CI uses are in constraints.txt that `make` installs with, and
`npa spec` runs with neither pytest nor pytest-bdd importable."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
TEST_STACK = {"pytest", "pytest-bdd", "hypothesis", "pytest-benchmark", "mypy", "ruff",
              "quantlib"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0].strip().lower().replace("_",
                                                                                        "-")


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_runtime_dependencies_are_ranges_without_the_test_stack() -> None:
    """No exact pin, no pytest or pytest-bdd among what a platform installs; each has a lower
    bound; gherkin-official and parse (what `npa spec` needs at run time) are there."""
    runtime = PROJECT["dependencies"]
    names = {_name(r) for r in runtime}
    assert not names & TEST_STACK
    assert {"transitions", "attrs", "cattrs", "sqlite-utils", "gherkin-official", "parse",
            "click", "tzdata"} <= names
    for requirement in runtime:
        assert "==" not in requirement and ">=" in requirement, requirement


def test_the_dev_extra_holds_the_test_stack() -> None:
    """What only tests need is in the dev extra."""
    assert {_name(r) for r in PROJECT["optional-dependencies"]["dev"]} >= {
        "pytest", "pytest-bdd", "hypothesis", "mypy", "ruff"}


def test_constraints_pin_every_dependency_exactly_and_make_uses_them() -> None:
    """constraints.txt pins each runtime and dev dependency to one version, inside its range,
    and the Makefile installs with it (and with an editable install type checkers can see)."""
    from packaging.requirements import Requirement

    pins = _constraints()
    for requirement in [*PROJECT["dependencies"], *PROJECT["optional-dependencies"]["dev"]]:
        parsed = Requirement(requirement)
        name = parsed.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert parsed.specifier.contains(pins[name]), f"{name}=={pins[name]} is not {parsed}"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt" in makefile and "editable_mode=compat" in makefile


def test_the_installed_versions_are_the_constrained_ones() -> None:
    """What this environment runs is what constraints.txt says (CI tests what it pins)."""
    from importlib.metadata import version

    for name, pinned in _constraints().items():
        assert version(name) == pinned, name


BLOCK = ("import sys\n"
         "class _Blocked:\n"
         "    def find_spec(self, name, path=None, target=None):\n"
         "        if name.split('.')[0] in ('pytest', 'pytest_bdd', '_pytest'):\n"
         "            raise ImportError(f'{name} is not installed here')\n"
         "sys.meta_path.insert(0, _Blocked())\n"
         "from engine.cli import main\n"
         "main(sys.argv[1:])\n")


def _npa_without_pytest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCK, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


def test_npa_spec_runs_the_features_without_pytest_or_pytest_bdd() -> None:
    """A lawyer's `npa spec` works where only the runtime dependencies are installed."""
    done = _npa_without_pytest("spec", "features/8.5_notices.feature",
                               "features/5.1_conditions_of_purchaser.feature", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["counts"]["passed"] > 10


def test_the_blocker_really_blocks_pytest() -> None:
    """The check above can fail: with the blocker, importing pytest-bdd is an error."""
    done = subprocess.run([sys.executable, "-c", BLOCK.replace(
        "from engine.cli import main\nmain(sys.argv[1:])\n", "import pytest_bdd\n")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode != 0 and "pytest_bdd is not installed here" in done.stderr


def test_npa_steps_lists_the_vocabulary_without_pytest() -> None:
    """`npa steps` too."""
    done = _npa_without_pytest("steps", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert len(listed["steps"] if isinstance(listed, dict) else listed) > 50
