"""npa, the command line: exit codes, one-line errors, nothing stored on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_run import npa
from click.testing import CliRunner

from engine.cli import cli
from engine.demo import SIGNING_TO_OUTSTANDING

NPA = Path(sys.executable).with_name("npa")
DEAL = "lexington-1997"
SIGN = {"type": "sign", "actor": "company", "at": "1997-10-27T09:00"}
CLOSE = {"type": "close", "actor": "company", "at": "1997-10-27T10:30"}
PROCEEDING = {"type": "record_proceeding", "actor": "court", "at": "1997-10-27T09:10",
              "description": "a suit to enjoin the sale"}
PAY = {"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00",
       "purpose": "purchase_price", "amount": "7500000.00"}
AMEND = {"type": "amend", "actor": "company", "at": "1997-10-27T09:10",
         "changes": {"closing_date": "1997-10-28"}, "signed_by": ["company", "purchaser"],
         "in_writing": True}
NOTES = {"type": "deliver_notes", "actor": "company", "at": "1997-10-27T11:00",
         "denominations": ["5000000.00", "2500000.00"]}

STATUS_KEYS = {"state", "as_of", "conditions", "obligations", "notices", "events_of_default",
               "holders", "balances", "claims", "missing"}

#: PRODUCT.md section 8: the catalogue types the engine implements today, with their fields.
CATALOGUE_FIELDS = {
    "sign": set(),
    "satisfy_condition": {"condition"},
    "waive_condition": {"condition"},
    "request_instrument": {"description"},
    "deliver_instrument": {"request"},
    "record_proceeding": {"description"},
    "resolve_proceeding": {"proceeding"},
    "record_misrepresentation": {"section", "description"},
    "close": set(),
    "deliver_notes": {"denominations"},
    "deliver_guarantee": set(),
    "pay": {"purpose", "amount", "claim"},
    "amend": {"changes", "signed_by", "in_writing"},
    "advance": set(),
}


def text(action: dict[str, Any]) -> str:
    """An action as the JSON text a user types."""
    return json.dumps(action)


def with_fields(action: dict[str, Any], **changes: Any) -> str:
    """An action's JSON text with some fields replaced."""
    return text({**action, **changes})


def without(action: dict[str, Any], field: str) -> str:
    """An action's JSON text with one field left out."""
    return text({key: value for key, value in action.items() if key != field})


def history(capsys: pytest.CaptureFixture[str], db: Path, deal: str = DEAL) -> Any:
    """What `npa timeline --json` prints: the deal's stored events."""
    code, out, err = npa(capsys, "timeline", deal, "--db", str(db), "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def status(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> Any:
    """What `npa status --json` prints."""
    code, out, err = npa(capsys, "status", DEAL, "--db", str(db), "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


def one_error_line(err: str) -> str:
    """The single line of an error on stderr; fails if there are more or none."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("npa: error: "), err
    return lines[0]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database file holding the 1997 deal, freshly made."""
    path = tmp_path / "deals.db"
    assert npa(capsys, "new", DEAL, "--db", str(path))[0] == 0
    return path


@pytest.fixture
def outstanding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database file holding the 1997 deal from signing to settlement: Outstanding."""
    path = tmp_path / "demo.db"
    scenario = tmp_path / "closing.json"
    scenario.write_text(json.dumps(SIGNING_TO_OUTSTANDING), encoding="utf-8")
    assert npa(capsys, "new", DEAL, "--db", str(path))[0] == 0
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(path))
    assert (code, err) == (0, "")
    return path


# --- new ---------------------------------------------------------------------


def test_new_makes_a_drafted_deal(tmp_path: Path) -> None:
    """`npa new` exits 0 and the deal it makes is Drafted with nothing signed."""
    path = str(tmp_path / "deals.db")
    made = CliRunner().invoke(cli, ["new", DEAL, "--db", path, "--json"])
    shown = CliRunner().invoke(cli, ["status", DEAL, "--db", path, "--json"])
    assert (made.exit_code, shown.exit_code) == (0, 0)
    assert json.loads(made.stdout) == json.loads(shown.stdout)
    assert (json.loads(shown.stdout)["state"], json.loads(shown.stdout)["signed"]) == (
        "Drafted", [])


def test_new_refuses_a_deal_that_exists(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Making the same deal twice exits 2 with one line naming the deal, and keeps the first."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "new", DEAL, "--db", str(db))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith("npa: error: deal: ")
    assert history(capsys, db) == before


@pytest.mark.parametrize("deal", ["has space", "", "x" * 65, "a/b", "é", "semi;colon"])
def test_new_refuses_a_bad_deal_id(
    deal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deal id outside 1-64 letters, digits, '.', '_', '-' exits 2 naming the deal."""
    code, out, err = npa(capsys, "new", deal, "--db", str(tmp_path / "deals.db"))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_new_refuses_a_deal_id_ending_in_a_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deal id with a trailing newline is not 1-64 of the allowed characters: exit 2."""
    path = tmp_path / "deals.db"
    code, _, err = npa(capsys, "new", "x\n", "--db", str(path))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_new_with_terms_changes_the_closing_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A term sheet's `[deal] closing_date` becomes the deal's Closing Date."""
    terms = tmp_path / "terms.toml"
    terms.write_text("[deal]\nclosing_date = 1997-11-03\n", encoding="utf-8")
    path = tmp_path / "deals.db"
    code, _, err = npa(capsys, "new", DEAL, "--terms", str(terms), "--db", str(path))
    assert (code, err) == (0, "")
    assert status(capsys, path)["closing_date"] == "1997-11-03"


def test_new_with_an_unknown_term_stores_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A term sheet with an unknown key exits 2 naming the key, and makes no deal."""
    terms = tmp_path / "terms.toml"
    terms.write_text('[deal]\ncolour = "red"\n', encoding="utf-8")
    code, out, err = npa(capsys, "new", "other", "--terms", str(terms), "--db", str(db))
    assert (code, out) == (2, "")
    assert "deal.colour" in one_error_line(err)
    code, _, err = npa(capsys, "timeline", "other", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_new_with_bad_terms_creates_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused term sheet leaves no database file behind."""
    terms = tmp_path / "terms.toml"
    terms.write_text("[deal]\nclosing_date = 12\n", encoding="utf-8")
    path = tmp_path / "deals.db"
    code, _, err = npa(capsys, "new", DEAL, "--terms", str(terms), "--db", str(path))
    assert code == 2
    assert "deal.closing_date" in one_error_line(err)
    assert not path.exists()


def test_new_with_a_missing_terms_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A term sheet that cannot be read exits 2 naming `terms`."""
    code, _, err = npa(capsys, "new", DEAL, "--terms", str(tmp_path / "none.toml"),
                       "--db", str(tmp_path / "deals.db"))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: terms: ")


# --- act ---------------------------------------------------------------------


def test_act_accepted_exits_0_with_the_result(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An accepted action exits 0 and `--json` prints the whole result: consequences, created."""
    code, out, err = npa(capsys, "act", DEAL, text(PROCEEDING), "--db", str(db), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "accepted": True,
        "state": "Drafted",
        "consequences": [{"event": "proceeding_recorded", "section": "5.1(e)",
                          "summary": "proceeding P1 recorded: a suit to enjoin the sale"}],
        "reasons": [],
        "created": {"proceeding": "P1"},
        "replayed": False,
    }


def test_act_accepted_is_stored(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An accepted action adds its events to the timeline."""
    before = history(capsys, db)
    assert npa(capsys, "act", DEAL, text(SIGN), "--db", str(db))[0] == 0
    after = history(capsys, db)
    assert after[:len(before)] == before
    assert [entry["event"] for entry in after[len(before):]] == ["signed"]


def test_act_refused_exits_1_with_reasons_from_the_agreement(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused action exits 1; each reason has a section, a message and the clause text."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "act", DEAL, text(CLOSE), "--db", str(db), "--json")
    assert (code, err) == (1, "")
    result = json.loads(out)
    assert (result["accepted"], result["state"], result["consequences"], result["created"]) == (
        False, "Drafted", [], {})
    assert result["reasons"]
    for reason in result["reasons"]:
        assert set(reason) == {"section", "message", "text", "page"}
        assert reason["section"] and reason["message"] and reason["text"]
    assert any("CLOSING DATE" in reason["text"] for reason in result["reasons"])
    assert history(capsys, db) == before


def test_act_refused_text_output_names_the_section(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without `--json` a refusal prints 'refused' and the section it rests on."""
    code, out, _ = npa(capsys, "act", DEAL, text(CLOSE), "--db", str(db))
    assert code == 1
    assert out.splitlines()[0] == "refused: Drafted"
    assert "2.1:" in out


BAD_ACTIONS = [
    ("malformed JSON", '{"type": "sign", "actor":', "action"),
    ("not an object", "[1, 2]", "action"),
    ("null", "null", "action"),
    ("unknown type", with_fields(SIGN, type="dance"), "type"),
    ("type not text", with_fields(SIGN, type=3), "type"),
    ("missing type", without(SIGN, "type"), "type"),
    ("unknown actor", with_fields(SIGN, actor="bob"), "actor"),
    ("actor not text", with_fields(SIGN, actor=["company"]), "actor"),
    ("holder with a bad name", with_fields(SIGN, actor="holder:Acme\nBank"), "actor"),
    ("holder name with spaces around it", with_fields(SIGN, actor="holder: Acme "), "actor"),
    ("holder name over 200 characters", with_fields(SIGN, actor="holder:" + "A" * 201), "actor"),
    ("empty holder name", with_fields(SIGN, actor="holder:"), "actor"),
    ("missing actor", without(SIGN, "actor"), "actor"),
    ("missing at", without(SIGN, "at"), "at"),
    ("missing condition", text({"type": "satisfy_condition", "actor": "company",
                                "at": "1997-10-27T09:10"}), "condition"),
    ("in_writing as text", with_fields(AMEND, in_writing="yes"), "in_writing"),
    ("signed_by not a list", with_fields(AMEND, signed_by="company"), "signed_by"),
    ("changes not an object", with_fields(AMEND, changes="closing_date"), "changes"),
    ("denominations not a list", with_fields(NOTES, denominations="7500000.00"),
     "denominations"),
    ("a denomination with fractions of a cent",
     with_fields(NOTES, denominations=["7499999.995", "0.005"]), "denominations[0]"),
    ("unparsable time", with_fields(SIGN, at="yesterday"), "at"),
    ("impossible date", with_fields(SIGN, at="1997-02-30T09:00"), "at"),
    ("time as a number", with_fields(SIGN, at=19971027), "at"),
    ("time as nested junk", with_fields(SIGN, at={"a": [1]}), "at"),
    ("time before 1900", with_fields(SIGN, at="1899-12-31T23:59"), "at"),
    ("time after 2100", with_fields(SIGN, at="2101-01-01T00:00"), "at"),
    ("fractions of a cent", with_fields(PAY, amount="7500000.001"), "amount"),
    ("negative amount", with_fields(PAY, amount="-1.00"), "amount"),
    ("amount over 10^12", with_fields(PAY, amount="1000000000000.01"), "amount"),
    ("amount in words", with_fields(PAY, amount="a lot"), "amount"),
    ("amount as true", with_fields(PAY, amount=True), "amount"),
    ("huge exponent", '{"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00", '
                      '"purpose": "purchase_price", "amount": 1e400}', "amount"),
    ("NaN amount", '{"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00", '
                   '"purpose": "purchase_price", "amount": NaN}', "amount"),
    ("unknown purpose", with_fields(PAY, purpose="gift"), "purpose"),
    ("action over 1 MiB", with_fields(SIGN, padding="x" * (1024 * 1024)), "action"),
    ("text over 10,000 characters", with_fields(PROCEEDING, description="x" * 10_001),
     "description"),
    ("unknown field", with_fields(SIGN, colour="red"), "colour"),
    ("unknown request", text({"type": "deliver_instrument", "actor": "company",
                              "at": "1997-10-27T09:10", "request": "R9"}), "request"),
    ("unknown proceeding", text({"type": "resolve_proceeding", "actor": "court",
                                 "at": "1997-10-27T09:10", "proceeding": "P9"}), "proceeding"),
    ("unknown condition", text({"type": "waive_condition", "actor": "purchaser",
                                "at": "1997-10-27T09:10", "condition": "9.9"}), "condition"),
    ("section with no representation", text({"type": "record_misrepresentation",
                                             "actor": "purchaser", "at": "1997-10-27T09:10",
                                             "section": "99", "description": "x"}), "section"),
    ("unamendable term", with_fields(AMEND, changes={"rate": "0.2"}), "changes.rate"),
    ("amended date not a date", with_fields(AMEND, changes={"closing_date": "soon"}),
     "changes.closing_date"),
    ("deeply nested JSON", "[" * 100_000 + "]" * 100_000, "action"),
]


@pytest.mark.parametrize(("action", "field"), [(a, f) for _, a, f in BAD_ACTIONS],
                         ids=[name for name, _, _ in BAD_ACTIONS])
def test_act_bad_input_exits_2_naming_the_field_and_stores_nothing(
    action: str, field: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad input exits 2 with one line 'npa: error: FIELD: ...' and leaves the log unchanged."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "act", DEAL, action, "--db", str(db))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith(f"npa: error: {field}: ")
    assert history(capsys, db) == before


def test_act_actor_with_a_trailing_newline_is_an_unknown_actor(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'company\\n' is not one of the actors: exit 2 naming `actor`."""
    code, _, err = npa(capsys, "act", DEAL, with_fields(SIGN, actor="company\n"), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: actor: ")


def test_act_lone_surrogate_in_text_is_bad_input(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text that is not valid Unicode ('\\ud800') exits 2 naming the field and stores nothing."""
    before = history(capsys, db)
    action = text(PROCEEDING).replace("a suit to enjoin the sale", "\\ud800")
    code, _, err = npa(capsys, "act", DEAL, action, "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: description: ")
    assert history(capsys, db) == before


def test_act_reads_a_json_number_exactly() -> None:
    """A JSON number is read exactly, so 1.5 in JSON is $1.50, never a float."""
    from engine.codec import parse_action

    parsed = parse_action(with_fields(PAY, amount=1.5))
    assert str(parsed.amount) == "1.50"  # type: ignore[attr-defined]


@pytest.mark.parametrize("deal", ["bad id!", "x" * 65, ""])
def test_act_bad_deal_id_exits_2(deal: str, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad deal id exits 2 naming `deal`."""
    code, out, err = npa(capsys, "act", deal, text(SIGN), "--db", str(db))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_act_unknown_deal_exits_2_and_stores_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An action on a deal the database does not hold exits 2 naming `deal`, making no deal."""
    code, out, err = npa(capsys, "act", "nobody", text(SIGN), "--db", str(db))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith("npa: error: deal: ")
    assert npa(capsys, "timeline", "nobody", "--db", str(db))[0] == 2


def test_act_reads_an_action_from_a_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`@FILE` reads the action from a file."""
    action = tmp_path / "sign.json"
    action.write_text(text(SIGN), encoding="utf-8")
    code, out, _ = npa(capsys, "act", DEAL, f"@{action}", "--db", str(db), "--json")
    assert (code, json.loads(out)["accepted"]) == (0, True)


def test_act_from_a_missing_file_exits_2(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`@FILE` naming no file exits 2 naming `action`."""
    code, _, err = npa(capsys, "act", DEAL, f"@{tmp_path / 'none.json'}", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: action: ")
    code, _, err = npa(capsys, "act", DEAL, "@", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: action: '@' names no file")


def test_act_reads_an_action_from_stdin(db: Path) -> None:
    """`-` reads the action from standard input."""
    result = CliRunner().invoke(cli, ["act", DEAL, "-", "--db", str(db), "--json"],
                                input=text(SIGN))
    assert (result.exit_code, json.loads(result.stdout)["accepted"]) == (0, True)


def test_act_bad_input_from_stdin_exits_2(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Malformed JSON on standard input exits 2 naming `action`."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"type": '))
    code, _, err = npa(capsys, "act", DEAL, "-", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: action: ")


def test_act_out_of_time_order_is_refused(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An action dated before the deal's clock exits 1 and changes nothing."""
    assert npa(capsys, "act", DEAL, text(PROCEEDING), "--db", str(db))[0] == 0
    before = history(capsys, db)
    code, out, _ = npa(capsys, "act", DEAL, text(SIGN), "--db", str(db), "--json")
    assert (code, json.loads(out)["accepted"]) == (1, False)
    assert history(capsys, db) == before


# --- run ---------------------------------------------------------------------


def test_run_a_json_array_of_accepted_actions_exits_0(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario given as a JSON array runs to the end: exit 0, the deal Outstanding."""
    scenario = tmp_path / "demo.json"
    scenario.write_text(json.dumps(SIGNING_TO_OUTSTANDING), encoding="utf-8")
    code, out, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db), "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert (result["state"], [r["accepted"] for r in result["results"]]) == (
        "Outstanding", [True] * len(SIGNING_TO_OUTSTANDING))
    assert status(capsys, db)["state"] == "Outstanding"


def test_run_json_lines_exits_0(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario given as one JSON object a line runs to the end: exit 0."""
    scenario = tmp_path / "demo.jsonl"
    scenario.write_text("\n".join(map(text, SIGNING_TO_OUTSTANDING)) + "\n", encoding="utf-8")
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert (code, err) == (0, "")
    assert status(capsys, db)["state"] == "Outstanding"


def test_run_stops_at_the_first_refused_action(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run stops at the first refused action: exit 1, its position named, earlier ones kept."""
    scenario = tmp_path / "refused.json"
    scenario.write_text(json.dumps([SIGN, CLOSE, PROCEEDING]), encoding="utf-8")
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert code == 1
    assert len(err.splitlines()) == 1
    assert re.search(r"\baction 2\b", err)
    assert [entry["event"] for entry in history(capsys, db)] == ["deal_created", "signed"]


def test_run_stops_at_the_first_invalid_action(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run stops at the first invalid action: exit 2, its position and field named."""
    scenario = tmp_path / "invalid.jsonl"
    lines = [text(SIGN), with_fields(SIGN, actor="purchaser", at="yesterday"), text(PROCEEDING)]
    scenario.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: action 2: at: ")
    assert [entry["event"] for entry in history(capsys, db)] == ["deal_created", "signed"]


def test_run_under_json_puts_the_invalid_action_in_its_document(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under --json a run prints one document: the results so far and the error that stopped
    it, as every --json error is given (type, message, field, exit_code); `error` is null
    when nothing invalid stopped it."""
    scenario = tmp_path / "invalid.jsonl"
    scenario.write_text("\n".join([text(SIGN), with_fields(SIGN, at="yesterday")]),
                        encoding="utf-8")
    code, out, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db), "--json")
    assert code == 2
    document = json.loads(out)
    assert [r["accepted"] for r in document["results"]] == [True]
    assert document["error"]["type"] == "InvalidAction"
    assert (document["error"]["field"], document["error"]["exit_code"]) == ("action 2: at", 2)
    assert one_error_line(err) == f"npa: error: {document['error']['message']}"
    scenario.write_text(json.dumps([PROCEEDING]), encoding="utf-8")
    code, out, _ = npa(capsys, "run", DEAL, str(scenario), "--db", str(db), "--json")
    assert (code, json.loads(out)["error"]) == (0, None)


def test_run_stopped_by_a_busy_store_names_the_action_and_says_what_was_stored(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run whose second action finds the store locked past the bound exits 75 naming
    action 2, prints the result of action 1, and does not claim nothing was written
    (issue 10 item 8)."""
    from storage import connection

    write, calls = connection.Connection.write, [0]

    def busy_on_the_second(self: Any, work: Any, after: Any = None) -> Any:
        calls[0] += 1
        if calls[0] == 2:
            self.busy()
        return write(self, work, after)

    monkeypatch.setattr(connection.Connection, "write", busy_on_the_second)
    scenario = tmp_path / "busy.json"
    scenario.write_text(json.dumps([SIGN, PROCEEDING]), encoding="utf-8")
    code, out, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db), "--json")
    assert code == 75
    document = json.loads(out)
    assert [r["accepted"] for r in document["results"]] == [True]
    assert (document["error"]["type"], document["error"]["exit_code"]) == ("StoreBusy", 75)
    assert one_error_line(err).startswith(
        "npa: error: action 2: nothing of it was written (action 1 was stored): the store ")
    monkeypatch.undo()
    assert [entry["event"] for entry in history(capsys, db)] == ["deal_created", "signed"]


def test_run_names_a_non_object_by_its_position(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario array holding something other than an action exits 2 naming its position."""
    scenario = tmp_path / "junk.json"
    scenario.write_text(json.dumps([SIGN, 5]), encoding="utf-8")
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: action 2: ")
    assert [entry["event"] for entry in history(capsys, db)] == ["deal_created", "signed"]


def test_run_names_a_malformed_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario line that is not JSON exits 2 naming its line."""
    scenario = tmp_path / "broken.jsonl"
    scenario.write_text(text(SIGN) + "\n{not json\n", encoding="utf-8")
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: scenario line 2: ")


def test_run_a_missing_scenario_exits_2(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario file that does not exist exits 2 naming `scenario`, storing nothing."""
    before = history(capsys, db)
    code, _, err = npa(capsys, "run", DEAL, str(tmp_path / "none.json"), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: scenario: ")
    assert history(capsys, db) == before


def test_run_a_scenario_over_1_mib_of_small_actions(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON-array scenario of small actions, over 1 MiB in all, runs: the bound is per action."""
    actions = [{**PROCEEDING, "description": f"suit {n} " + "x" * 9_000} for n in range(120)]
    scenario = tmp_path / "long.json"
    scenario.write_text(json.dumps(actions), encoding="utf-8")
    assert scenario.stat().st_size > 1024 * 1024
    code, _, err = npa(capsys, "run", DEAL, str(scenario), "--db", str(db))
    assert (code, err) == (0, "")
    assert len(status(capsys, db)["proceedings"]) == 120


# --- status, why-not, timeline ----------------------------------------------


def test_status_json_has_the_documented_keys(
    outstanding: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status --json` has every key PRODUCT.md section 8 names, and the settled deal's values."""
    shown = status(capsys, outstanding)
    assert set(shown) >= STATUS_KEYS
    assert (shown["state"], shown["as_of"], shown["holders"], shown["missing"]) == (
        "Outstanding", "1997-10-27T11:05:00-05:00", {"purchaser": "7500000.00"}, [])


def test_status_as_of_a_past_time_shows_the_deal_as_it_was(
    outstanding: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As of 09:02 on the Closing Date the deal was Drafted, signed only by the Company."""
    then = status(capsys, outstanding, "--as-of", "1997-10-27T09:02")
    assert (then["state"], then["as_of"], then["signed"], then["holders"]) == (
        "Drafted", "1997-10-27T09:02:00-05:00", ["company"], {})
    assert [r["section"] for r in then["missing"]] == ["signature page"]


def test_status_as_of_a_future_time_moves_only_the_moment(
    outstanding: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later `--as-of` before any deadline shows the same deal with `as_of` moved."""
    now = status(capsys, outstanding)
    later = status(capsys, outstanding, "--as-of", "1997-11-01T12:00")
    assert later["as_of"] == "1997-11-01T12:00:00-05:00"
    assert {**later, "as_of": now["as_of"], "balances": now["balances"]} == now


def test_status_as_of_stores_nothing(outstanding: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Asking for status in the past or the future leaves the log and the status unchanged."""
    before = (history(capsys, outstanding), status(capsys, outstanding))
    status(capsys, outstanding, "--as-of", "1997-10-27T09:02")
    status(capsys, outstanding, "--as-of", "2001-01-01T00:00")
    assert (history(capsys, outstanding), status(capsys, outstanding)) == before


@pytest.mark.parametrize("moment", ["tomorrow", "1899-01-01T00:00", "2101-01-01"])
def test_status_as_of_a_bad_time_exits_2(
    moment: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An `--as-of` that is not a time in 1900-2100 exits 2 naming `as-of`."""
    code, _, err = npa(capsys, "status", DEAL, "--db", str(db), "--as-of", moment)
    assert code == 2
    assert one_error_line(err).startswith("npa: error: as-of: ")


def test_status_of_an_unknown_deal_exits_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Status of a deal the database does not hold exits 2 naming `deal`."""
    code, _, err = npa(capsys, "status", "nobody", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_why_not_lists_what_stands_in_the_way(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """why-not of a closing before signing exits 1 with the reasons, storing nothing."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "why-not", DEAL, text(CLOSE), "--db", str(db), "--json")
    assert (code, err) == (1, "")
    shown = json.loads(out)
    assert (shown["allowed"], shown["state"]) == (False, "Drafted")
    assert shown["reasons"]
    assert all(set(r) == {"section", "message", "text", "page"} and r["text"]
               for r in shown["reasons"])
    assert history(capsys, db) == before


def test_why_not_exits_0_when_nothing_stands_in_the_way(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """why-not of an action that would be accepted exits 0 and does not take it."""
    before = history(capsys, db)
    code, out, _ = npa(capsys, "why-not", DEAL, text(SIGN), "--db", str(db), "--json")
    assert (code, json.loads(out)) == (0, {"allowed": True, "state": "Drafted", "reasons": [],
                                              "replayed": False})
    assert history(capsys, db) == before


def test_why_not_of_bad_input_exits_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """why-not of an ill-typed action exits 2 naming the field."""
    code, _, err = npa(capsys, "why-not", DEAL, with_fields(PAY, amount="1.001"), "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: amount: ")


def test_timeline_json_lists_every_event(
    outstanding: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`timeline --json` numbers the events from 1 and ends Outstanding."""
    entries = history(capsys, outstanding)
    assert [entry["seq"] for entry in entries] == list(range(1, len(entries) + 1))
    assert entries[0]["event"] == "deal_created"
    assert entries[-1]["state"] == "Outstanding"
    assert all({"seq", "at", "event", "section", "summary", "state"} <= set(e) for e in entries)


# --- actions, verify, diagram, demo -----------------------------------------


def test_actions_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    """`actions --json` lists every implemented catalogue type with fields, who and rests_on."""
    code, out, _ = npa(capsys, "actions", "--json")
    assert code == 0
    entries = {entry["type"]: entry for entry in json.loads(out)}
    assert set(CATALOGUE_FIELDS) <= set(entries)
    for kind, fields in CATALOGUE_FIELDS.items():
        names = {field["name"] for field in entries[kind]["fields"]}
        assert fields | {"actor", "at"} <= names, kind
        assert entries[kind]["who"], kind
        assert entries[kind]["rests_on"], kind


def test_actions_name_who_and_sections_as_the_catalogue_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The sections each action rests on are those of PRODUCT.md section 8."""
    _, out, _ = npa(capsys, "actions", "--json")
    rests_on = {entry["type"]: entry["rests_on"] for entry in json.loads(out)}
    assert {kind: rests_on[kind] for kind in CATALOGUE_FIELDS
            if kind != "record_misrepresentation"} == {
        "sign": ["signature page"],
        "satisfy_condition": ["5.1", "5.2"],
        "waive_condition": ["5.1", "5.2"],
        "request_instrument": ["5.1(h)", "5.2(f)"],
        "deliver_instrument": ["5.1(h)", "5.2(f)"],
        "record_proceeding": ["5.1(e)", "5.2(d)", "6.2(a)(i)"],
        "resolve_proceeding": ["5.1(e)", "5.2(d)"],
        "close": ["2.1", "5"],
        "deliver_notes": ["1.2", "2.2"],
        "deliver_guarantee": ["3.3", "5.1(c)"],
        "pay": ["1.2", "2.2", "Schedule 1", "8.9", "8.10"],
        "amend": ["8.4"],
        "advance": ["time passing"],
    }


def test_verify_a_sound_deal(outstanding: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`verify` of an untouched log exits 0 and says ok."""
    code, out, _ = npa(capsys, "verify", DEAL, "--db", str(outstanding), "--json")
    shown = json.loads(out)
    head = shown.pop("head")
    assert (code, shown) == (0, {"deal": DEAL, "ok": True, "problems": [], "anchor": None,
                                 "keyed": False, "sealed": False, "rebuilt": []})
    assert head["seq"] == 25 and re.fullmatch("[0-9a-f]{64}", head["hash"])


def test_verify_an_unknown_deal_exits_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`verify` of a deal the database does not hold exits 2 naming `deal`."""
    code, _, err = npa(capsys, "verify", "nobody", "--db", str(db))
    assert code == 2
    assert one_error_line(err).startswith("npa: error: deal: ")


def test_diagram_is_mermaid_with_default_quoted(tmp_path: Path) -> None:
    """`diagram` prints stateDiagram-v2 text in which the Default state has a safe id."""
    result = CliRunner().invoke(cli, ["diagram", "--db", str(tmp_path / "x.db")])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "stateDiagram-v2"
    assert '    state "Default" as s_Default' in lines
    ids = [token for line in lines[1:] for token in re.split(r"\s*-->\s*|\s*:\s*", line.strip())]
    assert "Default" not in ids
    assert not any(re.search(r"(^|-->\s*)Default\b", line.strip()) for line in lines)


def test_demo_runs_to_repaid(tmp_path: Path) -> None:
    """`demo` exits 0 and its timeline passes through Outstanding and ends Repaid."""
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db"), "--json"])
    shown = json.loads(result.stdout)
    assert (result.exit_code, shown["state"], shown["deal"]) == (0, "Repaid", DEAL)
    states = [entry["state"] for entry in shown["timeline"]]
    assert "Outstanding" in states and states[-1] == "Repaid" and "Default" not in states


def test_demo_default_path_defaults_accelerates_and_recovers(tmp_path: Path) -> None:
    """`demo --path default`: a missed coupon, Default, acceleration, then Repaid."""
    result = CliRunner().invoke(cli, ["demo", "--path", "default", "--json",
                                      "--db", str(tmp_path / "default.db")])
    shown = json.loads(result.stdout)
    events = [entry["event"] for entry in shown["timeline"]]
    assert (result.exit_code, shown["state"]) == (0, "Repaid")
    assert {"default_occurred", "accelerated"} <= set(events)
    assert events.index("default_occurred") < events.index("accelerated")


def test_demo_text_says_repaid(tmp_path: Path) -> None:
    """`demo` without `--json` prints the timeline and the final state."""
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0
    assert f"{DEAL} is Repaid" in result.stdout.splitlines()[-1]


# --- every command: --db and --json -----------------------------------------

#: Each printing command, with the arguments it needs on a database holding the demo deal.
PRINTING = {
    "new": ["new", "another"],
    "act": ["act", DEAL, text({"type": "advance", "actor": "company",
                               "at": "1997-11-01T00:00"})],
    "why-not": ["why-not", DEAL, text({"type": "advance", "actor": "company",
                                       "at": "1997-11-01T00:00"})],
    "run": ["run", DEAL, "SCENARIO"],
    "status": ["status", DEAL],
    "timeline": ["timeline", DEAL],
    "actions": ["actions"],
    "verify": ["verify", DEAL],
    "diagram": ["diagram"],
    "demo": ["demo"],
    "steps": ["steps"],
    "page": ["page", DEAL, "--out", "-", "--no-coverage"],
    "spec": ["spec", str(Path(__file__).resolve().parent.parent / "features"
                         / "8.7_brokers.feature")],
}


@pytest.mark.parametrize("name", sorted(PRINTING))
def test_every_printing_command_takes_db_and_json(
    name: str, outstanding: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each printing command accepts `--db` and `--json` and then prints one JSON document."""
    if name == "steps":
        pytest.importorskip("features.steps")
    scenario = tmp_path / "advance.json"
    scenario.write_text(json.dumps([{"type": "advance", "actor": "company",
                                     "at": "1997-11-02T00:00"}]), encoding="utf-8")
    db = str(tmp_path / "other.db") if name == "demo" else str(outstanding)
    args = [str(scenario) if arg == "SCENARIO" else arg for arg in PRINTING[name]]
    code, out, err = npa(capsys, *args, "--db", db, "--json")
    assert (code, err) == (0, "")
    json.loads(out)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_declares_db_and_json(name: str) -> None:
    """Every command has a `--db` option and a `--json` flag."""
    options = {opt for param in cli.commands[name].params for opt in param.opts}
    assert {"--db", "--json"} <= options


@pytest.mark.parametrize("args", [
    ["status", DEAL], ["timeline", DEAL], ["verify", DEAL], ["act", DEAL, text(SIGN)],
    ["why-not", DEAL, text(SIGN)], ["run", DEAL, "SCENARIO"],
], ids=lambda args: args[0])
def test_a_read_of_a_missing_database_exits_2_and_creates_nothing(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command on a deal in a database file that does not exist exits 2 and makes no file."""
    scenario = tmp_path / "sign.json"
    scenario.write_text(json.dumps([SIGN]), encoding="utf-8")
    path = tmp_path / "missing.db"
    args = [str(scenario) if arg == "SCENARIO" else arg for arg in args]
    code, out, err = npa(capsys, *args, "--db", str(path))
    assert (code, out) == (2, "")
    assert one_error_line(err).startswith("npa: error: ")
    assert list(tmp_path.iterdir()) == [scenario]


def test_a_file_that_is_not_a_database_gives_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `--db` file that is not SQLite gives one error line, never a traceback."""
    path = tmp_path / "junk.db"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    code, _, err = npa(capsys, "status", DEAL, "--db", str(path))
    assert code in (1, 2)
    one_error_line(err)


def test_an_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt option exits 2 with one line."""
    code, _, err = npa(capsys, "status", DEAL, "--colour")
    assert code == 2
    one_error_line(err)


# --- the real program --------------------------------------------------------


def shell(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed `npa` in a subprocess."""
    return subprocess.run([str(NPA), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60, check=False)


def test_npa_demo_from_the_shell(tmp_path: Path) -> None:
    """`npa demo` in a shell exits 0, writes nothing on stderr and ends Repaid."""
    done = shell("demo", "--db", str(tmp_path / "demo.db"), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert f"{DEAL} is Repaid" in done.stdout


def test_npa_bad_action_from_the_shell_has_no_traceback(tmp_path: Path) -> None:
    """A bad action in a shell exits 2 with one line on stderr and no traceback."""
    path = str(tmp_path / "deals.db")
    assert shell("new", DEAL, "--db", path, cwd=tmp_path).returncode == 0
    done = shell("act", DEAL, '{"type": "sign", "actor": "company", "at": "soon"}',
                 "--db", path, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == ["npa: error: at: not a time: 'soon'"]


def test_npa_missing_database_from_the_shell(tmp_path: Path) -> None:
    """`npa status` on a missing database exits 2 with one line and creates no file."""
    done = shell("status", DEAL, "--db", "missing.db", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "missing.db").exists()


def test_npa_default_database_is_in_the_working_directory(tmp_path: Path) -> None:
    """Without `--db`, `npa new` writes npa.db in the working directory."""
    done = shell("new", DEAL, cwd=tmp_path)
    assert done.returncode == 0
    assert (tmp_path / "npa.db").exists()


@pytest.mark.parametrize("typed", ["1_0", "١", " 5", "5 ", "0x5", "٣"])
@pytest.mark.parametrize("command", [
    ["explore", "--max-states", "3", "--depth"],
    ["explore", "--depth", "1", "--max-states"],
    ["coverage", "--depth"],
    ["events", "--limit"],
    ["events", "--after"],
    ["deals", "--limit"],
    ["simulate", "--seed", "1", "--quiet", "--paths"],
    ["simulate", "--paths", "2", "--quiet", "--seed"],
])
def test_a_whole_number_option_takes_only_the_digits_0_to_9(
        tmp_path: Path, command: list[str], typed: str) -> None:
    """Click's int reads what Python's does ("1_0" is ten, Arabic-Indic digits are numbers):
    a count or a position is written in the digits 0-9, or it is one line naming the
    option, exit 2."""
    result = CliRunner().invoke(cli, [*command, typed, "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2, result.output
    last = result.output.strip().splitlines()[-1]
    assert command[-1] in last and "digits 0-9" in last, result.output


@pytest.mark.parametrize("typed", ["nan", "NaN", "inf", "1_0", "١", " 1", "1 ", "1e-1",
                                   "0x1", "1,5", ""])
@pytest.mark.parametrize("command", [
    ["events", "--follow", "--limit", "1", "--interval"],
    ["--lock-timeout"],
])
def test_a_number_of_seconds_takes_only_the_digits_0_to_9(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str],
        typed: str) -> None:
    """Seconds are a decimal written in the digits 0-9: `--interval nan` passed click's
    FloatRange and ended in "internal error" (exit 70); " 1", "1_0", Arabic-Indic digits
    and "1e-1" were read as Python's float reads them."""
    tail = ["deals"] if command == ["--lock-timeout"] else []
    code, out, err = npa(capsys, *command, typed, *tail, "--db", str(tmp_path / "none.db"))
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1 and command[-1] in err, err
    assert "digits 0-9" in err or "range" in err, err


@pytest.mark.parametrize("typed", ["0.5", "1", "2.", ".25"])
def test_a_number_of_seconds_in_the_digits_0_to_9_is_taken(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    """The same options take what a person types: 0.5, 1, 2., .25."""
    code, _, err = npa(capsys, "--lock-timeout", typed, "new", "d", "--db", str(tmp_path / "d.db"))
    assert code == 0, err


@pytest.mark.parametrize(("args", "field"), [
    (["events", "--after", "-1"], "--after"),
    (["events", "--limit", "0"], "--limit"),
    (["events", "--follow", "--interval", "nan"], "--interval"),
    (["deals", "--bogus"], "--bogus"),
    (["status"], "deal"),
    (["no-such-command"], "command"),
])
def test_an_option_error_under_json_names_its_option(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        field: str) -> None:
    """Errors click finds in the command line are invalid input like any other: under
    --json a documented type and the option as typed (it was "ValueError", field null)."""
    code, out, err = npa(capsys, *args, "--json", "--db", str(tmp_path / "none.db"))
    assert code == 2 and len(err.splitlines()) == 1, err
    assert json.loads(out)["error"] == {"type": "InvalidOption", "field": field,
                                        "message": err.removeprefix("npa: error: ").strip(),
                                        "exit_code": 2}


def test_status_for_people_says_what_the_json_says_of_defaults_and_money(
        outstanding: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The first coupon unpaid and the Notes accelerated: the plain `npa status` printed the
    state, conditions, holders, notices and deadlines, and nothing of the Event of Default,
    the acceleration, the balances or what is overdue (PRODUCT.md 8: "events of default,
    holders, balances, claims")."""
    for action in ({"type": "advance", "actor": "company", "at": "1998-03-05T09:00"},
                   {"type": "accelerate", "actor": "purchaser", "at": "1998-03-05T11:00",
                    "notice": {"method": "registered_mail", "postmarked_at":
                               "1998-03-05T11:00"}}):
        assert npa(capsys, "act", DEAL, json.dumps(action), "--db", str(outstanding))[0] == 0
    code, out, _ = npa(capsys, "status", DEAL, "--as-of", "1998-03-11T12:00", "--db",
                       str(outstanding))
    assert code == 0
    assert "E1   Schedule 1 (b): interest not paid within 30 days" in out
    assert "accelerated: 1998-03-10T11:00:00-05:00 (Schedule 1)" in out
    assert "interest overdue 293125.00" in out and "principal payable 7500000.00" in out
    assert "default interest 2187.50" in out  # a day of it, 7,500,000 x 10.5% / 360
    assert "principal-2000-02-01 (Schedule 1): accelerated" in out
    assert "by registered mail:" in out


def test_why_not_quotes_the_whole_clause(
        outstanding: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A waiver by Purchaser alone is refused under 8.4: the quote went to 300 characters
    and stopped before "signed by the Company and Purchaser", the words it rests on."""
    from contract import clause_text

    waive = {"type": "amend", "actor": "purchaser", "at": "1997-11-03T10:00",
             "changes": {"closing_date": "1997-11-10"}, "in_writing": True,
             "signed_by": ["purchaser"]}
    code, out, _ = npa(capsys, "why-not", DEAL, json.dumps(waive), "--db", str(outstanding))
    assert code == 1
    assert clause_text("8.4") in " ".join(out.split()) or clause_text("8.4") in out


def test_why_not_gives_the_state_act_would_report(
        outstanding: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The 1998-02-01 coupon unpaid: an inspection on 1998-03-05 is allowed, and by then the
    deal is in Default (Event of Default (b) at 00:00), as `act` reports; why-not said
    Outstanding, the state before time was brought up to the action."""
    inspect = {"type": "request_inspection", "actor": "purchaser", "at": "1998-03-05T10:00",
               "scope": "properties"}
    code, out, _ = npa(capsys, "why-not", DEAL, json.dumps(inspect), "--db", str(outstanding),
                       "--json")
    assert (code, json.loads(out)["state"]) == (0, "Default")
    code, out, _ = npa(capsys, "act", DEAL, json.dumps(inspect), "--db", str(outstanding),
                       "--json")
    assert (code, json.loads(out)["state"]) == (0, "Default")
