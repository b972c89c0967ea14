"""Issue 9 items 7, 13 and 16 (Schedule 1, ASSUMED): default interest on principal unpaid
after maturity or acceleration; the next coupon paid ahead of its date and payments that
name their coupon; prepayment where the term sheet allows it.

Every figure is worked by hand in the test: 30/360, $7,500,000.00 at 10.5%, so a day of
interest on the whole principal is 7,500,000 x 0.105 / 360 = 2,187.50.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from contract import DEFAULT_TERMS, TermsError, dump_toml, load_terms, terms_to_dict
from contract.terms import terms_from_dict
from engine import ActionResult, Deal, InvalidAction
from engine.cli import main
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.state import replay

PRINCIPAL = Decimal("7500000.00")
DAY = Decimal("2187.50")  # 7,500,000 x 0.105 / 360
LIFE = STORIES["repaid"]()[len(SIGNING_TO_OUTSTANDING):]


def make(terms: str | None = None) -> Deal:
    """The deal (the 1997 one, or on that term sheet), Outstanding since 1997-10-27."""
    deal = Deal.create(None, "pay", load_terms(terms) if terms else None)
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted, action
    return deal


def pay(deal: Deal, at: str, purpose: str, amount: str, **more: Any) -> ActionResult:
    """The Company pays."""
    return deal.act({"type": "pay", "actor": "company", "at": at, "purpose": purpose,
                     "amount": amount, **more})


def messages(result: ActionResult) -> list[tuple[str, str]]:
    """A refusal's reasons as (section, message)."""
    return [(r.section, r.message) for r in result.reasons]


def balances(deal: Deal, as_of: str | None = None) -> dict[str, Any]:
    """The deal's balances, now or as of a time."""
    found: dict[str, Any] = deal.status(as_of)["balances"]
    return found


def every_coupon(deal: Deal, after: str = "", before: str = "9999") -> None:
    """Every report and coupon of the repaid story (between those times), the principal
    left unpaid."""
    for action in LIFE:
        if action.get("purpose") != "principal" and after <= action["at"] < before:
            assert deal.act(action).accepted, action


def to_acme(deal: Deal, at: str, day: str) -> None:
    """Purchaser transfers a quarter of the Notes, 1,875,000.00, to Acme Bank under Rule 144."""
    made = deal.act({"type": "propose_transfer", "actor": "purchaser", "at": f"{day}T10:00",
                     "to_holder": "acme", "principal": "1875000.00", "rule_144": True,
                     "opinion": False,
                     "notice": {"method": "hand", "delivered_at": f"{day}T10:00"}})
    assert made.accepted, made.reasons
    done = deal.act({"type": "complete_transfer", "actor": "purchaser", "at": at,
                     "transfer": made.created["transfer"]})
    assert done.accepted, done.reasons


# --- item 7: interest after maturity and acceleration ---------------------------------


def test_principal_paid_a_year_late_bears_a_years_interest() -> None:
    """2000-02-01 to 2001-02-01 is 360 days of 30/360: 7,500,000 x 10.5% = 787,500.00, and
    the Notes are Repaid only once it is paid."""
    deal = make()
    every_coupon(deal)
    assert balances(deal, "2001-02-01T09:00")["default_interest"] == "787500.00"
    assert balances(deal, "2001-02-01T09:00")["interest_payable"] == "787500.00"
    paid = pay(deal, "2001-02-01T10:00", "principal", "7500000.00")
    assert paid.accepted and paid.state == "Default"
    assert balances(deal)["interest_payable"] == "787500.00"
    assert pay(deal, "2001-02-01T10:30", "interest", "787500.01").reasons
    done = pay(deal, "2001-02-01T11:00", "interest", "787500.00")
    assert done.state == "Repaid"
    assert [e["status"] for e in deal.status()["events_of_default"]] == ["cured"]


def test_default_interest_is_not_compounded() -> None:
    """Two years late: twice a year's interest, 1,575,000.00, and not a cent on the unpaid
    interest of the first year."""
    deal = make()
    every_coupon(deal)
    assert balances(deal, "2002-02-01T09:00")["default_interest"] == "1575000.00"


def test_default_interest_runs_on_the_principal_left_after_each_payment() -> None:
    """2,500,000 paid 2000-05-01 (90 days on 7,500,000: 196,875.00), the rest 2000-08-01 (90
    days on 5,000,000: 5,000,000 x 10.5% x 90/360 = 131,250.00): 328,125.00 in all."""
    deal = make()
    every_coupon(deal)
    assert pay(deal, "2000-05-01T10:00", "principal", "2500000.00").accepted
    assert balances(deal)["default_interest"] == "196875.00"
    assert pay(deal, "2000-08-01T10:00", "principal", "5000000.00").accepted
    assert balances(deal)["default_interest"] == "328125.00"
    assert balances(deal, "2001-08-01T10:00")["default_interest"] == "328125.00"
    assert pay(deal, "2000-08-01T11:00", "interest", "328125.00").state == "Repaid"


def test_a_default_rate_of_the_term_sheet_applies_instead_of_the_note_rate() -> None:
    """default_rate 0.125: a year on 7,500,000 is 937,500.00; the coupons stay at 10.5%."""
    deal = make('[notes]\ndefault_rate = "0.125"\n')
    every_coupon(deal)
    assert balances(deal, "2001-02-01T09:00")["default_interest"] == "937500.00"
    assert balances(deal)["default_rate"] == "0.125"
    assert balances(make())["default_rate"] == "0.105"


def test_principal_paid_on_the_adjusted_maturity_bears_no_default_interest() -> None:
    """Maturity on Sunday 2000-01-30 is paid Monday 01-31 "with no extra interest"; paid
    Tuesday 02-01 it bears interest from 01-30: one day of 30/360 (30th to the 1st), 2,187.50."""
    terms = '[notes]\nmaturity = 2000-01-30\n'
    on_time, late = make(terms), make(terms)
    for deal in (on_time, late):
        for action in LIFE:
            if action.get("purpose") != "principal" and action["at"] < "2000-01-30":
                assert deal.act(action).accepted, action
        coupon = next(o for o in deal.status()["obligations"]
                      if o["id"] == "interest-2000-01-30")
        assert pay(deal, "2000-01-31T09:00", "interest", coupon["amount"]).accepted
    assert pay(on_time, "2000-01-31T10:00", "principal", "7500000.00").state == "Repaid"
    assert balances(late, "2000-01-31T23:00")["default_interest"] == "0.00"
    assert balances(late, "2000-02-01T09:00")["default_interest"] == str(DAY)


def test_after_acceleration_the_principal_bears_interest_from_that_day() -> None:
    """Accelerated 1998-03-10 (290,937.50 due then); by 1998-04-01, 21 days: 45,937.50."""
    deal = make()
    assert deal.act({"type": "advance", "actor": "purchaser", "at": "1998-03-05T09:00"}).accepted
    assert deal.act({"type": "accelerate", "actor": "purchaser", "at": "1998-03-10T11:00",
                     "notice": {"method": "hand", "delivered_at": "1998-03-10T11:00"}}).accepted
    assert balances(deal)["default_interest"] == "0.00"
    later = balances(deal, "1998-04-01T09:00")
    assert later["default_interest"] == str(21 * DAY) == "45937.50"
    assert later["interest_payable"] == str(Decimal("290937.50") + 21 * DAY)


def test_default_interest_is_shared_by_the_holders_as_they_held() -> None:
    """A quarter held by Acme Bank: of a year's default interest, 787,500.00, it gets
    196,875.00, paid after the principal went to each by its holding."""
    deal = make()
    every_coupon(deal, before="1997-11-20")
    to_acme(deal, "1997-11-21T10:00", "1997-11-20")
    every_coupon(deal, after="1997-11-20")
    pay(deal, "2001-02-01T10:00", "principal", "7500000.00")
    pay(deal, "2001-02-01T11:00", "interest", "787500.00")
    last = deal.status()["payments_to_holders"][-1]
    assert last["shares"] == {"purchaser": "590625.00", "holder:acme": "196875.00"}
    assert [(p["obligation"], p["due"], p["amount"]) for p in last["parts"]] == [
        ("default-interest", "2000-02-01", "787500.00")]


def test_a_payment_after_acceleration_is_applied_to_the_coupons_then_default_interest() -> None:
    """The default story's 336,875.00 on 1998-04-01: the missed coupon 205,625.00, the
    85,312.50 accrued to the acceleration (of the coupon of 1998-08-01), then 45,937.50 of
    default interest from 1998-03-10."""
    deal = Deal.create(None, "story")
    for action in STORIES["default"]():
        assert deal.act(action).accepted, action
    first = deal.status()["payments_to_holders"][0]
    assert [(p["obligation"], p["due"], p["amount"]) for p in first["parts"]] == [
        ("interest-1998-02-01", "1998-02-01", "205625.00"),
        ("interest-1998-08-01", "1998-08-01", "85312.50"),
        ("default-interest", "1998-03-10", "45937.50")]
    assert deal.status()["state"] == "Repaid"
    assert balances(deal)["default_interest"] == "175729.17"


def test_replay_gives_the_same_default_interest() -> None:
    """The fold: default interest counted at each principal payment replays the same."""
    deal = make()
    every_coupon(deal)
    pay(deal, "2000-05-01T10:00", "principal", "2500000.00")
    again = replay(deal.events)
    assert (again.late_interest, again.late_marked) == (deal.state.late_interest,
                                                         deal.state.late_marked)


# --- item 13: the next coupon ahead of its date; payments naming their coupon ---------


def test_the_sunday_coupon_may_be_paid_on_the_friday_before() -> None:
    """1998-02-01 is a Sunday: paid Friday 1998-01-30, the coupon is paid, and no (b)."""
    deal = make()
    result = pay(deal, "1998-01-30T10:00", "interest", "205625.00")
    assert result.accepted
    assert balances(deal)["interest_paid_in_advance"] == "205625.00"
    assert balances(deal)["interest_accrued"] == str(93 * DAY)  # still accruing, 93 days
    assert balances(deal, "1998-02-01T10:00")["interest_paid_in_advance"] == "0.00"
    assert deal.status("1998-03-06T00:00")["events_of_default"] == []


def test_no_more_than_the_next_coupon_may_be_paid_ahead() -> None:
    """On 1998-01-30 the next coupon, 205,625.00, is the most: the one of 1998-08-01 waits."""
    deal = make()
    assert messages(pay(deal, "1998-01-30T10:00", "interest", "205625.01")) == [
        ("Schedule 1", "$205,625.01 is more than the $205,625.00 of interest owed now and the "
                       "next coupon, of 1998-02-01, paid ahead of its date")]
    assert pay(deal, "1998-01-30T10:00", "interest", "205625.00").accepted
    assert messages(pay(deal, "1998-01-31T10:00", "interest", "393750.00",
                        due="1998-08-01")) == [
        ("Schedule 1", "only the next coupon may be paid ahead of its date: the coupon of "
                       "1998-08-01 is payable from 1998-08-01")]


def test_a_payment_naming_its_coupon_pays_that_coupon_and_no_more() -> None:
    """`due`: the oldest coupon not paid in full, and no more than is left of it."""
    deal = make()
    assert pay(deal, "1998-02-02T10:00", "interest", "5625.00", due="1998-02-01").accepted
    assert messages(pay(deal, "1998-02-02T10:00", "interest", "200000.01",
                        due="1998-02-01")) == [
        ("Schedule 1", "$200,000.01 is more than the $200,000.00 left of the coupon of "
                       "1998-02-01")]
    assert messages(pay(deal, "1998-02-02T10:00", "interest", "1.00", due="1998-08-01")) == [
        ("Schedule 1", "the coupon of 1998-02-01 is not paid in full: interest is applied to "
                       "the oldest coupon first")]
    assert messages(pay(deal, "1998-02-02T10:00", "interest", "1.00", due="1998-03-01")) == [
        ("Schedule 1", "no coupon falls due on 1998-03-01 (the interest dates are 1998-02-01, "
                       "1998-08-01, 1999-02-01, 1999-08-01, 2000-02-01)")]
    assert pay(deal, "1998-02-02T10:00", "interest", "200000.00", due="1998-02-01").accepted
    assert messages(pay(deal, "1998-02-02T10:00", "interest", "1.00", due="1998-02-01")) == [
        ("Schedule 1", "the coupon of 1998-02-01 is paid")]
    # Without `due`, the same payment goes on to the next coupon, ahead of its date.
    assert pay(deal, "1998-02-02T10:00", "interest", "1.00").accepted


@pytest.mark.parametrize(("fields", "words"), [
    ({"purpose": "principal", "amount": "1.00", "due": "2000-02-01"}, "purpose interest only"),
    ({"purpose": "interest", "amount": "1.00", "due": "1998-02-30"}, "YYYY-MM-DD"),
    ({"purpose": "interest", "amount": "1.00", "due": "Feb 1 1998"}, "YYYY-MM-DD"),
    ({"purpose": "interest", "amount": "1.00", "due": "２０００-02-01"}, "YYYY-MM-DD"),
    ({"purpose": "interest", "amount": "1.00", "due": 19980201}, ""),
])
def test_a_bad_due_is_invalid_input_naming_the_field(fields: dict[str, Any], words: str) -> None:
    """`due` is an interest date YYYY-MM-DD, on a payment of interest: else exit 2."""
    deal = make()
    before = len(deal.events)
    with pytest.raises(InvalidAction) as error:
        deal.act({"type": "pay", "actor": "company", "at": "1998-02-02T10:00", **fields})
    assert error.value.field == "due" and words in error.value.message
    assert len(deal.events) == before


def test_a_bad_due_from_the_command_line_is_one_line_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    try:
        main(["new", "acme", "--db", db])
    except SystemExit as made:
        assert made.code in (0, None)
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["act", "acme", '{"type": "pay", "actor": "company", "at": "1998-02-02T10:00", '
              '"purpose": "interest", "amount": "1.00", "due": "1998-13-01"}', "--db", db])
    err = capsys.readouterr().err
    assert done.value.code == 2 and len(err.splitlines()) == 1 and "due" in err


def test_acceleration_after_a_coupon_paid_ahead_counts_what_was_paid() -> None:
    """The coupon of 1998-08-01 paid ahead on 1998-02-02 with the first; the Company declared
    insolvent, accelerated (e) 1998-03-10: due then is what accrued since 02-01 (39 days,
    85,312.50) less the 393,750.00 paid ahead: nothing (the rest paid ahead is not repaid)."""
    deal = make()
    assert pay(deal, "1998-02-02T10:00", "interest", "599375.00").accepted
    assert deal.act({"type": "declare_insolvency", "actor": "court",
                     "at": "1998-03-10T11:00"}).accepted
    assert deal.status()["accelerated"]
    assert balances(deal)["interest_payable"] == "0.00"


# --- item 16: prepayment --------------------------------------------------------------


def test_without_the_term_sheet_allowing_it_principal_is_not_prepaid() -> None:
    deal = make()
    assert messages(pay(deal, "1998-05-01T10:00", "principal", "1000000.00")) == [
        ("Schedule 1", "principal is payable at maturity, 2000-02-01, or on acceleration: "
                       "no prepayment")]
    assert balances(deal)["principal_prepayable"] == "0.00"


def test_a_part_prepaid_pays_its_interest_to_the_day_and_the_rest_bears_the_coupons() -> None:
    """2,500,000 prepaid 1998-05-01: its interest from 02-01, 90 days, 2,500,000 x 10.5% x
    90/360 = 65,625.00, is due that day; the coupon of 1998-08-01 is on the 5,000,000 left,
    5,000,000 x 10.5% / 2 = 262,500.00; the principal at maturity is 5,000,000.00."""
    deal = make('[notes]\nprepayment = true\n')
    assert pay(deal, "1998-02-02T10:00", "interest", "205625.00").accepted
    assert balances(deal)["principal_prepayable"] == "7500000.00"
    assert pay(deal, "1998-05-01T10:00", "principal", "2500000.00").accepted
    owed = {o["id"]: (o["amount"], o["status"]) for o in deal.status()["obligations"]
            if o["section"] == "Schedule 1"}
    assert owed["interest-1998-05-01"] == ("65625.00", "pending")
    assert owed["interest-1998-08-01"] == ("262500.00", "pending")
    assert owed["interest-2000-02-01"] == ("262500.00", "pending")
    assert owed["principal-2000-02-01"] == ("5000000.00", "pending")
    assert balances(deal)["interest_payable"] == "65625.00"
    assert balances(deal, "1998-07-01T10:00")["interest_accrued"] == str(
        (Decimal("5000000") * Decimal("0.105") * 150 / 360).quantize(Decimal("0.01")))
    # Unpaid, the interest of the prepayment is overdue after its day, (b) 30 days on.
    assert [d["kind"] for d in deal.status()["deadlines"]
            if d["due"].startswith(("1998-05-02", "1998-06-01"))] == [
        "interest_due", "interest_grace"]
    assert pay(deal, "1998-05-01T11:00", "interest", "65625.00").accepted
    assert not [d for d in deal.status()["deadlines"] if "1998-05-01" in d["description"]]


def test_the_interest_of_a_prepayment_on_a_saturday_is_payable_on_the_monday() -> None:
    """1,000,000 prepaid Saturday, September 26, 1998: its interest from 08-01, 55 days of
    30/360, 16,041.67, is payable from that day and, the day being no business day, on
    Monday the 28th (PRODUCT.md 3: "a payment date that is not one moves to the next one"):
    overdue from the 29th, Event of Default (b) at the end of the 30th day after the 28th,
    1998-10-29 00:00 (it fell on 1998-10-27, two days early)."""
    deal = make('[notes]\nprepayment = true\n')
    assert pay(deal, "1998-02-02T10:00", "interest", "205625.00").accepted
    assert pay(deal, "1998-08-03T10:00", "interest", "393750.00").accepted
    assert pay(deal, "1998-09-26T10:00", "principal", "1000000.00").accepted
    [row] = [p for p in deal.state.schedule if p.date == date(1998, 9, 26)]
    assert (row.payment_date, row.amount) == (date(1998, 9, 28), Decimal("16041.67"))
    due = {d["kind"]: d["due"] for d in deal.status()["deadlines"]
           if "1998-09-26" in d["description"]}
    assert due == {"interest_due": "1998-09-29T00:00:00-04:00",
                   "interest_grace": "1998-10-29T00:00:00-05:00"}


def test_prepaid_in_whole_the_notes_are_repaid_once_the_interest_to_the_day_is_paid() -> None:
    """All 7,500,000 prepaid 1998-05-01: 90 days from 02-01, 196,875.00, then Repaid."""
    deal = make('[notes]\nprepayment = true\n')
    pay(deal, "1998-02-02T10:00", "interest", "205625.00")
    assert pay(deal, "1998-05-01T10:00", "principal", "7500000.00").state == "Outstanding"
    assert balances(deal)["interest_payable"] == str(90 * DAY) == "196875.00"
    assert pay(deal, "1998-05-01T11:00", "interest", "196875.00").state == "Repaid"
    assert deal.status()["deadlines"] == []


def test_a_prepayment_is_shared_among_the_holders_by_principal_held() -> None:
    deal = make('[notes]\nprepayment = true\n')
    to_acme(deal, "1997-11-21T10:00", "1997-11-20")
    assert pay(deal, "1997-12-01T10:00", "principal", "1000000.00").accepted
    assert deal.status()["holders"] == {"purchaser": "4875000.00", "holder:acme": "1625000.00"}


def test_no_prepayment_while_a_coupon_is_paid_ahead() -> None:
    deal = make('[notes]\nprepayment = true\n')
    pay(deal, "1998-01-30T10:00", "interest", "205625.00")
    assert messages(pay(deal, "1998-01-30T11:00", "principal", "1000000.00")) == [
        ("Schedule 1", "$205,625.00 of interest was paid ahead of its date on the principal "
                       "outstanding; principal may be prepaid once that coupon's date has come")]
    assert pay(deal, "1998-02-01T11:00", "principal", "1000000.00").accepted


def test_no_more_principal_than_is_outstanding_is_prepaid() -> None:
    deal = make('[notes]\nprepayment = true\n')
    assert messages(pay(deal, "1998-01-30T11:00", "principal", "7500000.01")) == [
        ("Schedule 1", "$7,500,000.01 is more than the $7,500,000.00 of principal owed")]


# --- the term sheet's keys ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "key", "words"), [
    ('[notes]\nprepayment = "yes"\n', "notes.prepayment", "true or false"),
    ("[notes]\nprepayment = 1\n", "notes.prepayment", "true or false"),
    ('[notes]\ndefault_rate = "1.5"\n', "notes.default_rate", "[0, 1)"),
    ('[notes]\ndefault_rate = "-0.01"\n', "notes.default_rate", "[0, 1)"),
    ('[notes]\ndefault_rate = "ten"\n', "notes.default_rate", "decimal"),
    ("[notes]\ndefault_rate = true\n", "notes.default_rate", "decimal"),
])
def test_the_new_keys_are_checked_naming_the_key(text: str, key: str, words: str) -> None:
    with pytest.raises(TermsError) as error:
        load_terms(text)
    assert str(error.value).startswith(key) or key in str(error.value)
    assert words in str(error.value)


def test_the_new_keys_round_trip_and_old_stored_terms_still_load() -> None:
    terms = load_terms('[notes]\nprepayment = true\ndefault_rate = "0.125"\n')
    assert (terms.notes.prepayment, terms.notes.default_rate) == (True, Decimal("0.125"))
    assert load_terms(dump_toml(terms)) == terms
    assert terms_from_dict(terms_to_dict(terms)) == terms
    older = terms_to_dict(DEFAULT_TERMS)
    del older["notes"]["prepayment"], older["notes"]["default_rate"]
    assert terms_from_dict(older) == DEFAULT_TERMS
    assert (DEFAULT_TERMS.notes.prepayment, DEFAULT_TERMS.notes.late_rate) == (
        False, Decimal("0.105"))


def _stored_outstanding(tmp_path: Path, deal_id: str, terms: str | None = None
                        ) -> tuple[Path, Any, Deal]:
    """A deal in a database file, from signing to Outstanding: the file, store and deal."""
    from storage import SqliteStore

    db = tmp_path / "d.db"
    store = SqliteStore(str(db))
    deal = Deal.create(store, deal_id, load_terms(terms) if terms else None)
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    return db, store, deal


def _schedule_printed(capsys: pytest.CaptureFixture[str], db: Path, deal_id: str,
                      *flags: str) -> str:
    """What `npa schedule DEAL [flags]` prints (it exits 0)."""
    capsys.readouterr()
    try:
        main(["schedule", deal_id, *flags, "--db", str(db)])
    except SystemExit as done:
        assert done.code in (0, None)
    return capsys.readouterr().out


def test_npa_schedule_shows_the_schedule_a_prepayment_counted_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After 2,500,000 prepaid on 1998-05-01, `npa schedule --json` lists the 65,625.00 due
    that day and the coupons on the 5,000,000 left."""
    import json

    db, store, deal = _stored_outstanding(tmp_path, "pre", "[notes]\nprepayment = true\n")
    assert pay(deal, "1998-05-01T10:00", "principal", "2500000.00").accepted
    store.close()
    rows = json.loads(_schedule_printed(capsys, db, "pre", "--json"))
    assert [(r["date"], r["kind"], r["amount_dollars"]) for r in rows] == [
        ("1998-02-01", "interest", "205625.00"),
        ("1998-05-01", "interest", "65625.00"),
        ("1998-08-01", "interest", "262500.00"),
        ("1999-02-01", "interest", "262500.00"),
        ("1999-08-01", "interest", "262500.00"),
        ("2000-02-01", "interest", "262500.00"),
        ("2000-02-01", "principal", "5000000.00")]
    assert [r["status"] for r in rows][:3] == ["overdue", "pending", "pending"]


def test_npa_schedule_of_accelerated_notes_says_so_as_status_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The first coupon missed, the Notes accelerated on 1998-03-10: `npa schedule` listed
    the later coupons and the principal at maturity as if nothing had happened; each row now
    has its status, as `status` gives it (overdue, accelerated, superseded)."""
    import json

    db, store, deal = _stored_outstanding(tmp_path, "acc")
    assert deal.act({"type": "advance", "actor": "company", "at": "1998-03-05T09:00"}).accepted
    assert deal.act({"type": "accelerate", "actor": "purchaser", "at": "1998-03-10T11:00",
                     "notice": {"method": "hand", "delivered_at": "1998-03-10T11:00"}}).accepted
    store.close()
    rows = json.loads(_schedule_printed(capsys, db, "acc", "--json"))
    statuses = {o["id"]: o["status"] for o in deal.status()["obligations"]}
    assert [r["status"] for r in rows] == [statuses[f"{r['kind']}-{r['date']}"] for r in rows]
    assert [r["status"] for r in rows][1:] == ["superseded"] * 4 + ["accelerated"]
    text = _schedule_printed(capsys, db, "acc")
    assert "payable 1998-08-03" in text and text.rstrip().endswith("accelerated")


def test_notes_bearing_no_interest_have_no_coupon_to_fall_overdue() -> None:
    """Schedule 1, ASSUMED: interest unpaid at the end of its payment date is overdue, and 30
    days on an Event of Default (b). At a rate of 0 every coupon is 0.00 and paid by nothing:
    time passing its dates says nothing of interest, no deadline waits on it, and the
    principal alone repays the Notes."""
    deal = make('[notes]\nrate = "0"\n')
    assert not [d for d in deal.status()["deadlines"] if "interest" in str(d)]
    passed = deal.act({"type": "advance", "actor": "company", "at": "1998-08-10T10:00"})
    assert passed.accepted
    assert not [c for c in passed.consequences if c["section"].startswith("Schedule 1")]
    assert pay(deal, "2000-02-01T10:00", "principal", "7500000.00").accepted
    assert deal.status()["state"] == "Repaid"
