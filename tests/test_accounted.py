"""Every section and Schedule of the agreement accounted for (issue 9 item 21).

Each key of the agreement and each of its Schedules is modelled by the
engine or listed with the reason it is not; `contract.unaccounted` is the
check, and `npa sections` shows the whole account.
"""

from __future__ import annotations

import json
import re

import pytest

from contract import Account, account, accounts, schedules, unaccounted
from contract.accounted import _MODELLED, _NOT_MODELLED, keys
from contract.text import SECTIONS
from engine.actions import ACTION_TYPES
from engine.cli import main


def npa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `npa ARGS` in process: its exit code and standard output."""
    capsys.readouterr()
    try:
        main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    else:
        code = 0
    return code, capsys.readouterr().out


def test_every_section_and_schedule_is_modelled_or_listed_with_its_reason() -> None:
    """No key of the agreement, and no Schedule, is left unaccounted for."""
    assert unaccounted() == ()
    assert keys() == (*SECTIONS, *(f"Schedule {n}" for n in range(1, 9)))
    assert all(a.how for a in accounts())


def test_the_check_fails_on_a_section_neither_modelled_nor_listed() -> None:
    """Leaving 8.12 out of both tables, as the engine once did, is found."""
    without = {k: v for k, v in _NOT_MODELLED.items() if k != "8.12"}
    assert unaccounted(not_modelled=without) == ("8.12",)


def test_the_check_fails_on_a_schedule_left_out() -> None:
    """Schedule 8, on which 5.1(d) relies, cannot go missing either."""
    without = {k: v for k, v in _NOT_MODELLED.items() if k != "Schedule 8"}
    assert unaccounted(not_modelled=without) == ("Schedule 8",)


def test_the_check_fails_on_a_section_said_to_be_both() -> None:
    """A section both modelled and listed as not modelled says two things: found."""
    both = {**_NOT_MODELLED, "8.9": "a second opinion"}
    assert unaccounted(not_modelled=both) == ("8.9",)


def test_sections_once_unaccounted_now_say_how_they_stand() -> None:
    """8.3 is modelled through its successors and assigns; 8.12, 8.13 and 8.15 are listed
    with their reasons; 8.11 and 8.14 are not operative."""
    assert account("8.3").modelled
    assert "`merge`" in account("8.3").how and "`complete_transfer`" in account("8.3").how
    for section in ("8.12", "8.13", "8.15"):
        found = account(section)
        assert (found.modelled, found.operative) == (False, True), section
    assert account("8.12") == Account(
        "8.12", "Severability", False, True,
        "whether a provision is unenforceable is for a court; no action records it, and if "
        "one were found, the other provisions stand, as the engine keeps them")
    assert [(a.section, a.operative) for a in accounts() if not a.operative] == [
        ("8.11", False), ("8.14", False)]


def test_schedules_are_read_from_the_filing_with_the_sections_that_cite_them() -> None:
    """The eight Schedules of the table of contents, each with the section naming it."""
    assert [(s.key, s.title, s.cited_by) for s in schedules()] == [
        ("Schedule 1", "Form of Note", ("1.1",)),
        ("Schedule 2", "List of Subsidiaries and Investments", ("3.3",)),
        ("Schedule 3", "Pending or Threatened Legal Actions or Proceedings", ("3.6",)),
        ("Schedule 4", "Changes", ("3.10",)),
        ("Schedule 5", "Certain Liens", ("3.14",)),
        ("Schedule 6", "Labor Relations", ("3.15",)),
        ("Schedule 7", "Existing Indebtedness", ("3.18",)),
        ("Schedule 8", "Form of Opinion of Counsel to the Company", ("5.1(d)",)),
    ]


def test_omitted_schedules_are_listed_as_unknown_and_schedule_1_as_assumed() -> None:
    """Schedule 1's terms are assumed and modelled; 2 to 8 were omitted from the filing."""
    assert account("Schedule 1").modelled
    assert "ASSUMED" in account("Schedule 1").how
    for number in range(2, 9):
        found = account(f"Schedule {number}")
        assert not found.modelled
        assert found.how.startswith("omitted from the filing")
    assert "5.1(d)" in account("Schedule 8").how


def test_modelled_sections_name_actions_the_engine_has() -> None:
    """Every action named in a modelled section's account is in the catalogue."""
    named = {name for how in _MODELLED.values() for name in re.findall(r"`([a-z_]+)`", how)}
    assert named
    assert named - set(ACTION_TYPES) == set()


def test_every_section_an_action_rests_on_is_modelled() -> None:
    """What an action rests on, the engine models."""
    for kind, cls in ACTION_TYPES.items():
        for section in cls.RESTS_ON:
            if section in keys():
                assert account(section).modelled, (kind, section)


def test_npa_sections_lists_every_section_and_schedule(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`npa sections --json` is the whole account; the text form marks each line."""
    code, out = npa(capsys, "sections", "--json")
    listed = json.loads(out)
    assert code == 0
    assert [entry["section"] for entry in listed] == list(keys())
    assert listed[-1] == account("Schedule 8").to_dict()
    code, out = npa(capsys, "sections")
    lines = {line.split()[0] + (" " + line.split()[1] if line.startswith("Schedule") else ""):
             line for line in out.splitlines()}
    assert code == 0
    assert "not modelled  Severability:" in lines["8.12"]
    assert "not operative Titles:" in lines["8.11"]
    assert "modelled      Successors and Assigns:" in lines["8.3"]
    assert "not modelled  Form of Opinion of Counsel to the Company:" in lines["Schedule 8"]
