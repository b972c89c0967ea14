"""The one validation (issue 11 item 1, issue 10 items 6 and 7): an action object, a dict and
JSON text pass the same checks and bounds; bad input names its field and stores nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine import Deal, InvalidAction
from engine.actions import (
    Advance,
    NoticeSpec,
    Pay,
    ProposeTransfer,
    RecordProceeding,
    SendNotice,
    Sign,
)
from engine.clock import NEW_YORK
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.validation import MAX_ACTION_BYTES, parse_action

NY = NEW_YORK
AT = datetime(1997, 10, 27, 9, 10, tzinfo=NY)
#: A character that is four bytes in UTF-8 and twelve as an ASCII JSON escape.
GRIN = "\U0001f600"


def _signed() -> Deal:
    deal = Deal.create(None, "validation")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        assert deal.act(action).accepted
    return deal


def _refused_as_invalid(deal: Deal, action: Any, field: str) -> str:
    """Act, expect InvalidAction naming `field`, check nothing was stored; the message."""
    before = deal.events
    with pytest.raises(InvalidAction) as caught:
        deal.act(action)
    assert caught.value.field == field, caught.value
    assert deal.events == before
    return caught.value.message


# --- typed action objects go through the one validation -------------------------------


@pytest.mark.parametrize(("action", "field"), [
    (Pay(actor="purchaser", at=AT, purpose="purchase_price", amount=Decimal("100.001")),
     "amount"),
    (Pay(actor="purchaser", at=AT, purpose="purchase_price", amount=Decimal("NaN")), "amount"),
    (Pay(actor="purchaser", at=AT, purpose="purchase_price", amount=Decimal("sNaN")), "amount"),
    (Pay(actor="purchaser", at=AT, purpose="purchase_price", amount=7.5), "amount"),  # type: ignore[arg-type]
    (Pay(actor="purchaser", at=AT, purpose="purchase_price", amount="٧٥"), "amount"),  # type: ignore[arg-type]
    (RecordProceeding(actor="court", at=datetime(2150, 1, 1, tzinfo=NY), description="x"),
     "at"),
    (RecordProceeding(actor="court", at=AT, description=None), "description"),  # type: ignore[arg-type]
    (RecordProceeding(actor="court", at=AT, description=["a"]), "description"),  # type: ignore[arg-type]
    (RecordProceeding(actor="court", at=AT, description="x" * 20_000), "description"),
    (RecordProceeding(actor="court", at=AT, description="a\nb"), "description"),
    (RecordProceeding(actor="court", at="tomorrow", description="x"), "at"),  # type: ignore[arg-type]
    (RecordProceeding(actor="court", at=datetime(1998, 10, 25, 1, 30), description="x"), "at"),
    (Sign(actor=None, at=AT), "actor"),  # type: ignore[arg-type]
    (Sign(actor="holder: Acme", at=AT), "actor"),
    (SendNotice(actor="purchaser", at=AT, to="company", kind="other",
                notice=NoticeSpec(method="hand", delivered_at="soon")),  # type: ignore[arg-type]
     "notice.delivered_at"),
])
def test_an_action_object_with_a_bad_field_is_invalid_and_stores_nothing(
        action: Any, field: str) -> None:
    """An action object is checked like a dict: the bad field named, nothing stored."""
    _refused_as_invalid(_signed(), action, field)


def test_an_action_object_that_is_not_of_the_catalogue_is_invalid() -> None:
    """A subclass of an action is not an action the catalogue lists."""

    class Mine(Advance):
        pass

    _refused_as_invalid(_signed(), Mine(actor="company", at=AT), "type")


def test_a_valid_action_object_is_accepted_as_its_dict_would_be() -> None:
    """The same action as an object, a dict and JSON text decide the same."""
    as_object = RecordProceeding(actor="court", at=AT, description="a suit to enjoin the sale")
    as_dict = {"type": "record_proceeding", "actor": "court", "at": "1997-10-27T09:10",
               "description": "a suit to enjoin the sale"}
    results = []
    for given in (as_object, as_dict, json.dumps(as_dict), json.dumps(as_dict).encode()):
        deal = _signed()
        results.append(deal.act(given).to_dict())
        assert deal.events[-1] == _signed_then(as_dict).events[-1]
    assert all(result == results[0] for result in results)


def _signed_then(action: dict[str, Any]) -> Deal:
    deal = _signed()
    deal.act(action)
    return deal


def test_a_naive_time_on_an_object_is_new_york_time() -> None:
    """A naive datetime on an object is read as a naive time in JSON is: New York time."""
    parsed = parse_action(Advance(actor="company", at=datetime(1997, 10, 27, 9, 10)))
    assert parsed.at == AT and parsed.at.tzinfo is not None


def test_a_notice_given_as_a_dict_on_an_object_is_read_as_the_notice() -> None:
    """An object's nested notice is checked like a dict's, whichever form it takes."""
    spec = {"method": "hand", "delivered_at": "1997-10-27T09:10"}
    parsed = parse_action(SendNotice(actor="purchaser", at=AT, to="company", kind="other",
                                     notice=spec))  # type: ignore[arg-type]
    assert isinstance(parsed, SendNotice) and parsed.notice == NoticeSpec(
        method="hand", delivered_at=AT)


@pytest.mark.parametrize(("given", "field"), [
    (b"\xff\xfe not json", "action"),
    ({"type": "sign", "actor": "company", "at": "1997-10-27T09:10", 3: "x"}, "action"),
    ({"type": "record_proceeding", "actor": "court", "at": "1997-10-27T09:10",
      "description": b"bytes"}, "description"),
    ([{"type": "sign"}], "action"),
    (None, "action"),
    (42, "action"),
])
def test_input_that_is_no_action_at_all_is_invalid(given: Any, field: str) -> None:
    """Bytes that are not JSON, keys that are not text, bytes for text, a list: invalid."""
    _refused_as_invalid(_signed(), given, field)


# --- the 1 MiB limit counts bytes, and bounds what is stored ---------------------------


def _notice_with_copies(copies: list[str]) -> dict[str, Any]:
    return {"type": "send_notice", "actor": "purchaser", "at": "1997-10-27T12:00",
            "to": "company", "kind": "other",
            "notice": {"method": "hand", "delivered_at": "1997-10-27T12:00",
                       "copies": copies}}


def test_the_action_limit_counts_utf8_bytes_not_characters() -> None:
    """100 copies of 3,000 four-byte characters: 300,000 characters, 1.2 MB of UTF-8."""
    action = _notice_with_copies([GRIN * 3000] * 100)
    text = json.dumps(action, ensure_ascii=False)
    assert len(text) < MAX_ACTION_BYTES < len(text.encode())
    for given in (action, text, text.encode()):
        message = _refused_as_invalid(_signed(), given, "action")
        assert "1 MiB" in message


def test_an_action_just_under_the_limit_is_stored_in_no_more_than_its_own_size(
        tmp_path: Path) -> None:
    """An accepted action of almost 1 MiB of four-byte characters is stored as about as many
    bytes, not three times as many as ASCII escapes."""
    from storage import SqliteStore

    action = _notice_with_copies([GRIN * 2600] * 100)
    size = len(json.dumps(action, ensure_ascii=False).encode())
    assert MAX_ACTION_BYTES - 10_000 < size < MAX_ACTION_BYTES
    path = tmp_path / "deals.db"
    with SqliteStore(str(path)) as store:
        deal = Deal.create(store, "big")
        for step in SIGNING_TO_OUTSTANDING[:2]:
            assert deal.act(step).accepted
        assert deal.act(action).accepted
    [(stored,)] = sqlite3.connect(path).execute(
        "SELECT max(length(CAST(data AS BLOB))) FROM events").fetchall()
    assert stored < size * 1.01


# --- text that forges output, and digits that are not money ----------------------------


@pytest.mark.parametrize("text", ["paid\n   41  1998-02-02  the Company paid $7,500,000.00",
                                  "tab\there", "carriage\rreturn", "\x1b[2Jclear",
                                  "line\u2028separator", "right\u202eleft", "nul\x00"])
def test_text_with_control_characters_is_refused(text: str) -> None:
    """A description that would print lines or move the terminal is bad input."""
    message = _refused_as_invalid(_signed(), {
        "type": "record_proceeding", "actor": "court", "at": "1997-10-27T09:10",
        "description": text}, "description")
    assert message.startswith("text may not hold control characters: U+")


@pytest.mark.parametrize("amount", ["١٢٣", "７５００", "7500000.٠٠", "۷۵۰۰", "\u0967\u0966"])
def test_amounts_in_digits_other_than_ascii_are_not_money(amount: str) -> None:
    """Arabic-Indic, full-width and Devanagari digits are refused, though Decimal reads them."""
    _refused_as_invalid(_signed(), {"type": "pay", "actor": "purchaser",
                                    "at": "1997-10-27T11:00", "purpose": "purchase_price",
                                    "amount": amount}, "amount")


PRICE = {"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00",
         "purpose": "purchase_price"}


@pytest.mark.parametrize("written", ['"7.5E+6"', '"7500000e0"', '"75e5"', "7.5E+6", "7500000e0",
                                     "75e5", "7.5e6"])
def test_an_amount_written_with_an_exponent_is_refused_as_text_or_as_a_json_number(
        written: str) -> None:
    """The string "7.5E+6" and the JSON number 7.5E+6 are the same writing, and neither
    is how an amount is written (ASCII digits, an optional point and cents): both are
    refused, with the same words, naming `amount`."""
    text = json.dumps(PRICE)[:-1] + f', "amount": {written}}}'
    message = _refused_as_invalid(_signed(), text, "amount")
    assert message.startswith("write amounts in digits without an exponent"), message


@pytest.mark.parametrize("value", [Decimal("7500000.00").normalize(), Decimal("7.5E+6"),
                                   7_500_000, Decimal("7500000")])
def test_a_python_decimal_or_int_is_taken_by_value_whatever_its_exponent(value: Any) -> None:
    """A Decimal is a value, not writing: `normalize()` gives Decimal("7.5E+6"), and that
    is $7,500,000.00, the purchase price, on an object and in a dict alike."""
    for given in (Pay(actor="purchaser", at=datetime(1997, 10, 27, 11, 0, tzinfo=NY),
                      purpose="purchase_price", amount=value), {**PRICE, "amount": value}):
        deal = Deal.create(None, "by-value")
        for action in SIGNING_TO_OUTSTANDING[:10]:
            assert deal.act(action).accepted
        result = deal.act(given)
        assert result.accepted, result.reasons
        paid = [e for e in deal.events if type(e).__name__ == "PaymentMade"]
        assert [str(e.amount) for e in paid] == ["7500000.00"]  # type: ignore[attr-defined]


CLAIM = {"type": "assert_claim", "actor": "company", "at": "1997-10-27T09:00",
         "against": "purchaser", "section": "8.10(a)"}


@pytest.mark.parametrize(("extra", "field", "words"), [
    ({"damages": None}, "damages", "expected a list of objects (kind, amount"),
    ({"damages": [None]}, "damages[0]", "expected an object (kind, amount"),
    ({"damages": [{"kind": "loss"}]}, "damages[0].amount", "required field missing")])
def test_an_ill_typed_nested_field_says_what_it_expected_in_words(
        extra: dict[str, Any], field: str, words: str) -> None:
    """A list or an object of the wrong kind is named and described, never shown as the
    reader's own exception ("TypeError(...)", "not iterable")."""
    message = _refused_as_invalid(_signed(), {**CLAIM, **extra}, field)
    assert message.startswith(words) and "Error" not in message and "iterable" not in message


def test_a_json_key_given_twice_is_refused_naming_it() -> None:
    """{"amount": "1.00", "amount": "7500000.00"} could mean either: refused, naming the
    key, rather than taking the last one silently."""
    text = json.dumps(PRICE)[:-1] + ', "amount": "1.00", "amount": "7500000.00"}'
    message = _refused_as_invalid(_signed(), text, "amount")
    assert message == "given twice"


# --- holder names are legal names ------------------------------------------------------


@pytest.mark.parametrize("name", ["Special Fund, L.P.", "Nomura Holding America, Inc.",
                                  "Crédit Agricole S.A.", "野村證券", "A", "A" * 200,
                                  "O'Brien & Sons (Holdings) Ltd."])
def test_a_holder_name_is_any_legal_name(name: str) -> None:
    """1 to 200 printable characters, compared exactly."""
    parsed = parse_action({"type": "advance", "actor": f"holder:{name}",
                           "at": "1997-10-27T09:10"})
    assert parsed.actor == f"holder:{name}"


@pytest.mark.parametrize("name", ["", " Acme", "Acme ", "Ac\nme", "Ac\u200bme", "A" * 201,
                                  "Acme\t"])
def test_a_holder_name_that_is_not_a_legal_name_is_invalid(name: str) -> None:
    """Empty, spaced, with controls or format characters, or over 200: invalid."""
    with pytest.raises(InvalidAction) as caught:
        parse_action({"type": "advance", "actor": f"holder:{name}", "at": "1997-10-27T09:10"})
    assert caught.value.field == "actor"
    with pytest.raises(InvalidAction) as caught:
        parse_action(ProposeTransfer(actor="purchaser", at=AT, to_holder=name,
                                     principal=Decimal("100.00"), rule_144=True,
                                     opinion=False,
                                     notice=NoticeSpec(method="hand", delivered_at=AT)))
    assert caught.value.field == "to_holder"


def _hand(at: str) -> dict[str, str]:
    return {"method": "hand", "delivered_at": at}


def test_special_fund_lp_takes_a_transfer_and_acts_as_a_holder() -> None:
    """"Special Fund, L.P." end to end: a transfer proposed to it and completed, then it acts
    as `holder:Special Fund, L.P.`; a name differing only in case is another holder."""
    deal = Deal.create(None, "special-fund")
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    proposed = deal.act({"type": "propose_transfer", "actor": "purchaser",
                         "at": "1997-12-01T10:00", "to_holder": "Special Fund, L.P.",
                         "principal": "5000000.00", "rule_144": True, "opinion": False,
                         "notice": _hand("1997-12-01T10:00")})
    assert proposed.accepted, proposed.reasons
    transfer = proposed.created["transfer"]
    done = deal.act({"type": "complete_transfer", "actor": "purchaser",
                     "at": "1997-12-02T10:00", "transfer": transfer})
    assert done.accepted, done.reasons
    assert deal.status()["holders"] == {"purchaser": "2500000.00",
                                        "holder:Special Fund, L.P.": "5000000.00"}
    asks = deal.act({"type": "request_inspection", "actor": "holder:Special Fund, L.P.",
                     "at": "1997-12-03T10:00", "scope": "books"})
    assert asks.accepted, asks.reasons
    other = deal.act({"type": "request_inspection", "actor": "holder:special fund, l.p.",
                      "at": "1997-12-03T11:00", "scope": "books"})
    assert [r.message for r in other.reasons] == ["the holder special fund, l.p. holds no Notes"]


def test_the_timeline_shows_text_from_an_older_log_escaped_on_its_own_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Text stored before the rule (a line break, an escape) cannot forge a line of
    `npa timeline` or `npa status`: renderers for people escape it."""
    from engine.cli import main
    from engine.events import ProceedingRecorded
    from engine.status import snapshot_of
    from storage import SqliteStore

    db = tmp_path / "deals.db"
    forged = "a suit\n  41  2000-02-01  the Company paid $7,500,000.00 (principal)\x1b[2J"
    with SqliteStore(str(db)) as store:
        deal = Deal.create(store, "old")
        event = ProceedingRecorded(at=datetime(1997, 10, 27, 9, 0, tzinfo=NY), proceeding="P1",
                                   by="court", description=forged)
        store.append("old", len(deal.events), [event], lambda: snapshot_of(deal.state))
    for command in ("timeline", "status"):
        capsys.readouterr()
        main([command, "old", "--db", str(db)])
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\n  41  2000-02-01" not in out
    main(["timeline", "old", "--db", str(db)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1].endswith(
        "a suit\\n  41  2000-02-01  the Company paid $7,500,000.00 (principal)\\x1b[2J (5.1(e))")


def test_json_too_deep_to_read_says_so_in_whole_words() -> None:
    """100,000 nested "[" said "malformed JSON (maximum recursion depth exceeded while
    decoding a JSON array from a unicode stri)", cut mid-word: now in words, whole."""
    from engine.validation import parse_json, shown_reason

    with pytest.raises(InvalidAction) as caught:
        parse_json("[" * 100_000)
    assert str(caught.value) == "action: malformed JSON (nested too deeply to read)"
    long = ValueError("word " * 60)
    assert shown_reason(long).endswith("word ...") and len(shown_reason(long)) <= 124


@pytest.mark.parametrize("written", ["0.30000000000000004", "205625.10000000000001"])
def test_a_json_number_with_fractions_of_a_cent_is_shown_as_written(written: str) -> None:
    """A JSON number read as a Decimal is named in digits, not as Decimal('...')."""
    from engine.validation import parse_action

    text = ('{"type": "pay", "actor": "company", "at": "1998-02-02T10:00", '
            f'"purpose": "interest", "amount": {written}}}')
    with pytest.raises(InvalidAction) as raised:
        parse_action(text)
    assert str(raised.value).endswith(f"{written} has fractions of a cent")
    assert "Decimal(" not in str(raised.value)
