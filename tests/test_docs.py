"""Documentation that tests check: the README, command help, and the features' quotes."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from contract import SECTIONS, clause_text
from engine.actions import ACTION_TYPES
from engine.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FEATURES = sorted((ROOT / "features").glob("*.feature"))


def squash(text: str) -> str:
    """Text with its whitespace collapsed, for comparing quotes."""
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_a_place_in_the_readme(name: str) -> None:
    """A command without help text or README documentation is not done."""
    command = cli.commands[name]
    assert command.help and command.help.strip()
    assert f"npa {name}" in README


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_takes_db_and_printing_ones_take_json(name: str) -> None:
    """`--db` on every command, `--json` on every command that prints."""
    options = {opt for param in cli.commands[name].params
               if isinstance(param, click.Option) for opt in param.opts}
    assert "--db" in options
    assert "--json" in options


def test_the_readme_lists_every_action_type() -> None:
    """The README's action table names every type the engine implements."""
    table = README.split("### Actions implemented so far")[1].split("\n\n|")[1].split("\n\n")[0]
    listed = set(re.findall(r"^\| `([a-z_]+)`(?: / `([a-z_]+)`)?", "|" + table, re.M))
    names = {name for pair in listed for name in pair if name}
    assert names == set(ACTION_TYPES)


def test_the_readme_gives_the_two_commands_first() -> None:
    """`make demo` and `make test` come before anything else."""
    first_section = README.split("\n## ")[1]
    assert "make demo" in first_section and "make test" in first_section


def test_the_readme_has_the_benchmark_figures() -> None:
    """The figures of `make bench` are in the README, as ratios."""
    bench = README.split("## Benchmarks")[1].split("\n## ")[0]
    assert "ratio" in bench and "BENCH-TABLE" not in bench


def _feature_section(path: Path) -> tuple[str, list[str]]:
    """The section a feature file is about, and the quotes in its description."""
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^Feature:\s*(.+)$", text, re.M)
    assert title, f"{path.name} has no Feature: title"
    heading = title.group(1)
    if heading.startswith("Schedule 1 "):
        section = "Schedule 1"
    else:
        section = "signature page" if "signature" in heading.lower() else heading.split()[0]
    description = text[title.end():].split("\n\n")[0]
    for keyword in ("Background:", "Rule:", "Example:", "Scenario:"):
        description = description.split(keyword)[0]
    quotes = re.findall(r"\"([^\"]+)\"", description.replace("\n", " "))
    return section, quotes


@pytest.mark.parametrize("path", FEATURES, ids=[p.name for p in FEATURES])
def test_every_feature_quotes_its_clause_exactly(path: Path) -> None:
    """A feature's title names a section and its description quotes that clause's words.

    Schedule 1 was omitted from the filing: its feature says its terms are
    ASSUMED, and whatever it quotes is somewhere in the agreement.
    """
    section, quotes = _feature_section(path)
    if section == "Schedule 1":
        assert "ASSUMED" in path.read_text(encoding="utf-8").split("Background:")[0]
        agreement = " ".join(squash(clause_text(key)) for key in SECTIONS)
        assert all(squash(quote) in agreement for quote in quotes), path.name
        return
    assert section in SECTIONS, f"{path.name}: {section} is not a section"
    assert quotes, f"{path.name} quotes nothing from {section}"
    for quote in quotes:
        assert squash(quote) in squash(clause_text(section)), (path.name, quote)


@pytest.mark.parametrize("path", FEATURES, ids=[p.name for p in FEATURES])
def test_every_feature_is_tagged_with_its_section(path: Path) -> None:
    """`pytest -m section_5_1` runs the 5.1 feature."""
    section, _ = _feature_section(path)
    slug = re.sub(r"[^0-9a-z]+", "_", section.lower()).strip("_")
    tag = {"signature page": "@signature_page", "Schedule 1": "@schedule_1"}.get(
        section, f"@section_{slug}")
    assert tag in path.read_text(encoding="utf-8").split("Feature:")[0]


def _runnable_snippets() -> list[str]:
    """The README's Python section's snippets marked `# runnable`, in order."""
    section = README.split("\n## Python\n")[1].split("\n## ")[0]
    blocks = re.findall(r"((?:^    .*\n|^\n)+)", section, re.M)
    snippets = []
    for block in blocks:
        code = "\n".join(line[4:] for line in block.splitlines())
        if code.lstrip().startswith("# runnable"):
            snippets.append(code)
    return snippets


def test_the_readme_python_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `# runnable` snippet of the README's Python section runs, in order, in one
    namespace, in a fresh directory (each asserts what it shows)."""
    snippets = _runnable_snippets()
    assert len(snippets) >= 6
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for snippet in snippets:
        exec(compile(snippet, "README.md", "exec"), namespace)


def _readme_block(command: str) -> list[str]:
    """The lines the README shows a command printing, after its `$ command` line."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"$ {command}")
    block = []
    for line in lines[start + 1:]:
        if not line.startswith("    ") or line.strip().startswith("$ "):
            break
        block.append(line[4:].rstrip())
    return block


def test_the_readme_monte_carlo_example_is_what_npa_prints(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The worked example of 10,000 paths is re-run and printed as the README shows it, but
    for the speed and the directory: its figures went stale once when the engine changed."""
    from cli_run import npa

    command = "npa simulate --paths 10000 --seed 1997 --workers 2 --discount 0.08 --out runs/base"
    shown = _readme_block(command)
    out_dir = tmp_path / "base"
    code, out, err = npa(capsys, *command.split()[1:-1], str(out_dir), "--quiet")
    assert code == 0, err

    def steady(line: str) -> str:
        return re.sub(r"\(\d[\d,]* paths/s\)", "(N paths/s)", line.replace(str(out_dir),
                                                                            "runs/base"))

    assert [steady(line) for line in out.rstrip().splitlines()] == [
        steady(line) for line in shown]
    one = _readme_block("npa simulate --paths 10000 --seed 1997 --path 26")
    code, out, err = npa(capsys, "simulate", "--paths", "10000", "--seed", "1997",
                         "--path", "26")
    assert code == 0, err
    printed = iter(line.rstrip() for line in out.splitlines())
    missing = [line for line in one if line.strip() != "..." and line not in printed]
    assert not missing, "the README's lines of path 26, in order"
