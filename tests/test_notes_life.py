"""The life of the Notes: payments, Events of Default, acceleration, covenants and transfers.

Each test starts from the 1997 deal taken from signing to Outstanding on the
Closing Date (engine.demo.SIGNING_TO_OUTSTANDING) and states one rule of the
engine's reading of Schedule 1 (ASSUMED), sections 6 and 7.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal
from typing import Any

import pytest

from engine import ActionResult, Deal, InvalidAction
from engine.clock import parse_time
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.events import Accelerated, PaymentMade
from engine.state import replay

#: What the repaid story does once the Notes are outstanding: each report five days
#: early, each coupon on its payment date, the principal at maturity.
LIFE = STORIES["repaid"]()[len(SIGNING_TO_OUTSTANDING):]
PRINCIPAL = Decimal("7500000.00")
RATE = Decimal("0.105")
CENT = Decimal("0.01")
FIRST_COUPON = "205625.00"
COUPON = "393750.00"
B_DESCRIPTION = "interest not paid within 30 days after it is due: the interest of 1998-02-01"
E_DESCRIPTION = "bankruptcy or insolvency of the Company"


def act(deal: Deal, type_: str, actor: str, at: str, **fields: Any) -> ActionResult:
    """Take an action given as keyword fields."""
    return deal.act({"type": type_, "actor": actor, "at": at, **fields})


def refusals(result: ActionResult) -> list[tuple[str, str]]:
    """A refusal's reasons as (section, message), in order."""
    return [(reason.section, reason.message) for reason in result.reasons]


def hand(at: str) -> dict[str, str]:
    """A notice delivered by hand at `at` (8.5: effective upon delivery)."""
    return {"method": "hand", "delivered_at": at}


def by_mail(at: str) -> dict[str, str]:
    """A notice by registered mail postmarked at `at` (8.5: effective five days later)."""
    return {"method": "registered_mail", "postmarked_at": at}


def pay(deal: Deal, at: str, purpose: str, amount: str, actor: str = "company") -> ActionResult:
    """A payment of interest or principal."""
    return act(deal, "pay", actor, at, purpose=purpose, amount=amount)


def advance(deal: Deal, at: str) -> ActionResult:
    """Time passes to `at` with nothing else happening."""
    return act(deal, "advance", "purchaser", at)


def as_agreed(deal: Deal, until: str, but: Collection[str] = ()) -> None:
    """Every report furnished and every payment made as the repaid story does, before `until`.

    `but` leaves out the reports (by id) and payments (by purpose) it names.
    """
    for action in LIFE:
        what = action.get("report") or action["purpose"]
        if action["at"] < until and what not in but:
            assert deal.act(action).accepted, action


def transfer(deal: Deal, at: str, to: str, principal: str, by: str = "purchaser") -> None:
    """A Holder transfers Notes: notice by hand with an opinion the Company accepts (7.3)."""
    made = act(deal, "propose_transfer", by, at, to_holder=to, principal=principal,
               rule_144=False, opinion=True, notice=hand(at))
    assert act(deal, "accept_opinion", "company", at, transfer=made.created["transfer"]).accepted
    assert act(deal, "complete_transfer", by, at, transfer=made.created["transfer"]).accepted


def last_payment(deal: Deal) -> PaymentMade:
    """The deal's latest payment."""
    return next(e for e in reversed(deal.events) if isinstance(e, PaymentMade))


def obligation(deal: Deal, ident: str, as_of: str | None = None) -> str:
    """The status of one obligation, now or as of a time."""
    status: str = next(o["status"] for o in deal.status(as_of)["obligations"]
                       if o["id"] == ident)
    return status


def event_of_default(ident: str, kind: str, description: str, occurred_at: str,
                     status: str = "continuing", ended_at: str | None = None) -> dict[str, Any]:
    """An Event of Default as status lists it."""
    return {"id": ident, "kind": kind, "section": f"Schedule 1 ({kind})", "assumed": True,
            "description": description, "occurred_at": occurred_at, "status": status,
            "ended_at": ended_at}


def accrued(days: int) -> str:
    """Interest on the whole principal for `days` days of a 360-day year, to the cent."""
    return str((PRINCIPAL * RATE * days / 360).quantize(CENT))


@pytest.fixture
def deal() -> Deal:
    """The 1997 deal, signed, closed and settled: the Notes Outstanding since 1997-10-27."""
    made = Deal.create(None, "life")
    for action in SIGNING_TO_OUTSTANDING:
        assert made.act(action).accepted
    return made


@pytest.fixture
def missed_coupon(deal: Deal) -> Deal:
    """The first coupon (1998-02-01, payable Monday 02-02) unpaid past its 30 days' grace."""
    as_agreed(deal, "1998-03-05T09:00", but=("interest",))
    advance(deal, "1998-03-05T09:00")
    assert deal.status()["state"] == "Default"
    return deal


# --- Schedule 1: paying interest and principal --------------------------------


def test_interest_is_paid_on_its_payment_date_to_the_holders(deal: Deal) -> None:
    """The first coupon, $205,625.00 (94 days at 10.5% on 30/360), paid Monday 1998-02-02."""
    as_agreed(deal, "1998-02-01")
    result = pay(deal, "1998-02-02T10:00", "interest", FIRST_COUPON)
    assert result.consequences == ({"event": "payment_made", "section": "Schedule 1",
                                    "summary": "the Company paid $205,625.00 (interest) to "
                                               "the Holders"},)
    assert last_payment(deal) == PaymentMade(
        at=parse_time("1998-02-02T10:00"), purpose="interest", amount=Decimal(FIRST_COUPON),
        payer="company", payee="holders", shares={"purchaser": Decimal(FIRST_COUPON)})
    assert accrued(94) == FIRST_COUPON
    assert obligation(deal, "interest-1998-02-01") == "paid"


def test_interest_is_payable_from_its_unadjusted_date(deal: Deal) -> None:
    """Schedule 1: interest of Sunday 1998-02-01 may be paid that day, before Monday."""
    assert pay(deal, "1998-02-01T10:00", "interest", FIRST_COUPON).accepted


def test_before_its_date_no_more_than_the_next_coupon_may_be_paid(deal: Deal) -> None:
    """Issue 9 item 13: the next coupon may be paid ahead of its date, and no more."""
    result = pay(deal, "1998-01-31T10:00", "interest", "205625.01")
    assert refusals(result) == [
        ("Schedule 1", "$205,625.01 is more than the $205,625.00 of interest owed now and the "
                       "next coupon, of 1998-02-01, paid ahead of its date")]


def test_more_than_is_owed_is_refused(deal: Deal) -> None:
    """Never more than is owed: a cent over the coupon is refused."""
    # The coupon owed, 205,625.00, and the next one ahead of its date, 393,750.00.
    result = pay(deal, "1998-02-02T10:00", "interest", "599375.01")
    assert refusals(result) == [
        ("Schedule 1", "$599,375.01 is more than the $599,375.00 of interest owed now and the "
                       "next coupon, of 1998-08-01, paid ahead of its date")]


def test_principal_before_maturity_is_refused_there_is_no_prepayment(deal: Deal) -> None:
    """Principal is payable only at maturity (2000-02-01) or once accelerated."""
    result = pay(deal, "1999-12-01T10:00", "principal", "100.00")
    assert refusals(result) == [
        ("Schedule 1", "principal is payable at maturity, 2000-02-01, or on acceleration: "
                       "no prepayment")]


def test_only_the_company_pays_interest(deal: Deal) -> None:
    """Purchaser cannot pay the Company's interest."""
    result = pay(deal, "1998-02-02T10:00", "interest", FIRST_COUPON, actor="purchaser")
    assert refusals(result) == [("Schedule 1", "interest is paid by the Company, not Purchaser")]


def test_nothing_is_paid_before_the_notes_are_outstanding() -> None:
    """Before settlement no interest is owed."""
    closed = Deal.create(None, "closed")
    for action in SIGNING_TO_OUTSTANDING[:-3]:
        closed.act(action)
    result = pay(closed, "1997-10-27T11:00", "interest", "1.00")
    assert refusals(result) == [("Schedule 1", "nothing is owed: the Notes are not yet "
                                               "outstanding")]


def test_interest_may_be_paid_in_part_and_the_rest_falls_overdue(deal: Deal) -> None:
    """Partial payments are allowed; what is left is overdue after the payment date."""
    as_agreed(deal, "1998-02-01")
    assert pay(deal, "1998-02-02T10:00", "interest", "100000.00").accepted
    assert obligation(deal, "interest-1998-02-01") == "pending"
    assert obligation(deal, "interest-1998-02-01", "1998-02-03T00:00") == "overdue"
    assert deal.status("1998-02-03T00:00")["balances"]["interest_overdue"] == "105625.00"
    assert pay(deal, "1998-02-20T10:00", "interest", "105625.00").accepted
    assert obligation(deal, "interest-1998-02-01") == "paid"
    assert deal.status("1998-03-06T00:00")["events_of_default"] == []


def test_partial_payments_are_applied_to_the_oldest_interest_first(deal: Deal) -> None:
    """Two coupons unpaid: a payment of the first coupon's amount covers the first only."""
    as_agreed(deal, "1998-02-01")
    assert pay(deal, "1998-02-02T10:00", "interest", "5625.00").accepted
    assert pay(deal, "1998-08-03T10:00", "interest", "200000.00").accepted
    assert [obligation(deal, f"interest-{day}") for day in ("1998-02-01", "1998-08-01")] == [
        "paid", "pending"]
    assert deal.status()["balances"]["interest_payable"] == COUPON


def test_payments_are_split_among_the_holders_by_principal_held(deal: Deal) -> None:
    """After 2,500,000 goes to acme, a coupon goes two thirds to Purchaser, one third to acme."""
    as_agreed(deal, "1998-08-01")
    transfer(deal, "1998-06-01T10:00", "acme", "2500000.00")
    pay(deal, "1998-08-03T10:00", "interest", COUPON)
    assert last_payment(deal).shares == {"purchaser": Decimal("262500.00"),
                                         "holder:acme": Decimal("131250.00")}


def test_a_split_that_does_not_divide_is_exact_to_the_cent(deal: Deal) -> None:
    """Three equal Holders of $100.00: 33.34 to the first by name, 33.33 each to the others."""
    as_agreed(deal, "1998-02-01")
    transfer(deal, "1998-01-05T10:00", "acme", "2500000.00")
    transfer(deal, "1998-01-05T10:01", "bob", "2500000.00")
    pay(deal, "1998-02-02T10:00", "interest", "100.00")
    shares = last_payment(deal).shares
    assert shares == {"purchaser": Decimal("33.33"), "holder:acme": Decimal("33.34"),
                      "holder:bob": Decimal("33.33")}
    assert sum(shares.values()) == Decimal("100.00")


def test_the_leftover_cent_goes_to_the_largest_holding(deal: Deal) -> None:
    """Two thirds and one third of $100.00: 66.67 and 33.33, adding up to the payment."""
    as_agreed(deal, "1998-02-01")
    transfer(deal, "1998-01-05T10:00", "acme", "2500000.00")
    pay(deal, "1998-02-02T10:00", "interest", "100.00")
    shares = last_payment(deal).shares
    assert shares == {"purchaser": Decimal("66.67"), "holder:acme": Decimal("33.33")}
    assert sum(shares.values()) == Decimal("100.00")


def test_principal_repaid_to_several_holders_ends_every_holding(deal: Deal) -> None:
    """At maturity the principal goes to each Holder by principal held, and none holds more."""
    transfer(deal, "1997-11-03T10:00", "acme", "2500000.00")
    as_agreed(deal, "2000-02-01T10:30")
    pay(deal, "2000-02-01T10:30", "principal", "7500000.00")
    assert last_payment(deal).shares == {
        "purchaser": Decimal("5000000.00"), "holder:acme": Decimal("2500000.00")}
    assert deal.status()["holders"] == {}
    assert deal.status()["state"] == "Repaid"


def test_interest_owed_after_the_principal_goes_to_the_holders_as_they_were(deal: Deal) -> None:
    """The last coupon paid after the principal still goes to the Holders, pro rata."""
    transfer(deal, "1997-11-03T10:00", "acme", "2500000.00")
    as_agreed(deal, "2000-02-01T10:00")
    pay(deal, "2000-02-01T10:00", "principal", "7500000.00")
    result = pay(deal, "2000-02-01T10:30", "interest", COUPON)
    assert result.state == "Repaid"
    assert last_payment(deal).shares == {"purchaser": Decimal("262500.00"),
                           "holder:acme": Decimal("131250.00")}


# --- Schedule 1 (a)-(e): Events of Default -------------------------------------


def test_interest_unpaid_30_days_after_its_payment_date_is_event_of_default_b(
        deal: Deal) -> None:
    """(b): the coupon payable 1998-02-02 and unpaid at the end of 1998-03-04 is a default."""
    as_agreed(deal, "1998-02-01")
    assert deal.status("1998-03-04T23:59")["state"] == "Outstanding"
    then = deal.status("1998-03-05T00:00")
    assert then["state"] == "Default"
    assert then["events_of_default"] == [
        event_of_default("E1", "b", B_DESCRIPTION, "1998-03-05T00:00:00-05:00")]


def test_principal_unpaid_at_the_end_of_maturity_is_event_of_default_a(deal: Deal) -> None:
    """(a): principal not paid by the end of 2000-02-01 is an Event of Default at midnight."""
    as_agreed(deal, "2000-02-02", but=("principal",))
    assert deal.status("2000-02-01T23:59")["state"] == "Outstanding"
    advance(deal, "2000-02-02T00:00")
    assert deal.status()["events_of_default"] == [
        event_of_default("E1", "a", "principal not paid when due: the principal due 2000-02-01",
                         "2000-02-02T00:00:00-05:00")]
    assert deal.status()["state"] == "Default"
    result = pay(deal, "2000-02-03T10:00", "principal", "7500000.00")
    assert [c["event"] for c in result.consequences] == ["payment_made"]
    # Issue 9 item 7: two days of default interest, 7,500,000 x 10.5% x 2/360 = 4,375.00,
    # are still owed: (a) ends, and the Notes are Repaid, only once they are paid.
    assert deal.status()["balances"]["default_interest"] == "4375.00"
    assert result.state == "Default"
    result = pay(deal, "2000-02-03T10:30", "interest", "4375.00")
    assert [c["event"] for c in result.consequences] == [
        "payment_made", "default_cured", "state_changed"]
    assert result.state == "Repaid"


def test_a_breach_unremedied_30_days_after_notice_is_event_of_default_c(deal: Deal) -> None:
    """(c): q3-1997 missed, notice from the Holders on 1997-12-01, still missing 1998-01-01."""
    advance(deal, "1997-11-30T00:00")
    notice = act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
                 kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    assert notice.created == {"notice": "N1"}
    assert [c["summary"] for c in notice.consequences] == [
        "notice N1 (covenant breach) sent by Purchaser to the Company by hand, takes effect "
        "1997-12-01T10:00:00-05:00",
        "notice N1 took effect",
        "30 days to remedy breach B1 run to 1998-01-01T00:00:00-05:00"]
    assert deal.status("1997-12-31T23:59")["events_of_default"] == []
    assert deal.status("1998-01-01T00:00")["events_of_default"] == [
        event_of_default("E1", "c", "a covenant of section 6 broken and still unremedied 30 "
                                    "days after written notice from Holders of a majority in "
                                    "principal: breach B1 of 6.1(b), notice N1",
                         "1998-01-01T00:00:00-05:00")]


def test_a_section_3_representation_untrue_is_event_of_default_d_at_once(deal: Deal) -> None:
    """(d): a representation of the Company in section 3 admitted untrue by the Company
    (its own record) is proved: an Event of Default at once."""
    result = act(deal, "record_misrepresentation", "company", "1997-11-03T10:00",
                 section="3.6", description="undisclosed litigation")
    assert result.created == {"misrepresentation": "M1", "event_of_default": "E1"}
    assert result.state == "Default"
    assert deal.status()["events_of_default"] == [
        event_of_default("E1", "d", "a representation in section 3 proved untrue in a "
                                    "material respect when made: 3.6, undisclosed litigation",
                         "1997-11-03T10:00:00-05:00")]


def test_a_purchasers_representation_untrue_is_no_event_of_default(deal: Deal) -> None:
    """(d) is the Company's section 3 only: Purchaser's section 4 is not an Event of Default."""
    result = act(deal, "record_misrepresentation", "company", "1997-11-03T10:00",
                 section="4.1", description="not an accredited investor")
    assert result.created == {"misrepresentation": "M1"}
    assert result.state == "Outstanding"


def test_insolvency_is_event_of_default_e_and_accelerates_at_once(deal: Deal) -> None:
    """(e): the court's declaration is an Event of Default and accelerates without notice."""
    as_agreed(deal, "1997-12-15")
    result = act(deal, "declare_insolvency", "court", "1997-12-15T10:00")
    assert result.created == {"event_of_default": "E1"}
    assert [(c["event"], c["summary"]) for c in result.consequences] == [
        ("default_occurred", f"Event of Default E1: {E_DESCRIPTION}"),
        ("accelerated", "the Notes accelerated: $7,500,000.00 of principal and $105,000.00 of "
                        "interest due at once"),
        ("state_changed", "the deal moved from Outstanding to Default")]
    status = deal.status()
    assert (status["accelerated"], status["accelerated_at"]) == (
        True, "1997-12-15T10:00:00-05:00")
    assert status["events_of_default"] == [
        event_of_default("E1", "e", E_DESCRIPTION, "1997-12-15T10:00:00-05:00")]
    # 48 days of 30/360 from 1997-10-27: (12 - 10) * 30 + (15 - 27).
    assert accrued((12 - 10) * 30 + (15 - 27)) == "105000.00"


def test_only_a_court_declares_insolvency_and_only_once(deal: Deal) -> None:
    """Purchaser cannot declare the Company insolvent; a second declaration is refused."""
    by_purchaser = act(deal, "declare_insolvency", "purchaser", "1997-12-15T10:00")
    assert [r.section for r in by_purchaser.reasons] == ["Schedule 1"]
    act(deal, "declare_insolvency", "court", "1997-12-15T10:00")
    again = act(deal, "declare_insolvency", "court", "1997-12-16T10:00")
    assert refusals(again) == [("Schedule 1", "the Company's insolvency is already declared")]


def test_default_returns_to_outstanding_when_the_overdue_interest_is_paid(
        missed_coupon: Deal) -> None:
    """Outstanding -> Default -> Outstanding: before acceleration, paying the interest cures (b)."""
    result = pay(missed_coupon, "1998-03-06T10:00", "interest", FIRST_COUPON)
    assert [c["summary"] for c in result.consequences] == [
        "the Company paid $205,625.00 (interest) to the Holders",
        "Event of Default E1 cured",
        "the deal moved from Default to Outstanding"]
    assert missed_coupon.status()["events_of_default"] == [
        event_of_default("E1", "b", B_DESCRIPTION, "1998-03-05T00:00:00-05:00", "cured",
                         "1998-03-06T10:00:00-05:00")]


def test_delay_never_waives_an_event_of_default(missed_coupon: Deal) -> None:
    """Time passing does not end an Event of Default."""
    advance(missed_coupon, "1998-07-31T00:00")
    assert missed_coupon.status()["events_of_default"] == [
        event_of_default("E1", "b", B_DESCRIPTION, "1998-03-05T00:00:00-05:00")]
    assert missed_coupon.status()["state"] == "Default"


def test_a_waiver_ends_only_the_event_of_default_it_names(missed_coupon: Deal) -> None:
    """8.6: waiving (d) leaves (b) continuing, and the deal in Default."""
    act(missed_coupon, "record_misrepresentation", "company", "1998-03-06T10:00",
        section="3.6", description="undisclosed litigation")
    result = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                 event_of_default="E2")
    assert result.state == "Default"
    assert [(e["id"], e["status"]) for e in missed_coupon.status()["events_of_default"]] == [
        ("E1", "continuing"), ("E2", "waived")]


def test_waiving_every_continuing_event_returns_to_outstanding(missed_coupon: Deal) -> None:
    """Schedule 1: every Event of Default waived, and no acceleration: Outstanding again."""
    result = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                 event_of_default="E1")
    assert [c["summary"] for c in result.consequences] == [
        "Event of Default E1 waived by Purchaser", "the deal moved from Default to Outstanding"]
    assert missed_coupon.status()["events_of_default"] == [
        event_of_default("E1", "b", B_DESCRIPTION, "1998-03-05T00:00:00-05:00", "waived",
                         "1998-03-07T10:00:00-05:00")]


def test_a_waived_or_cured_event_cannot_be_waived_again(missed_coupon: Deal) -> None:
    """8.6: an Event of Default that has ended is not waived a second time."""
    act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00", event_of_default="E1")
    again = act(missed_coupon, "waive_default", "purchaser", "1998-03-08T10:00",
                event_of_default="E1")
    assert refusals(again) == [("8.6", "Event of Default E1 has already ended (waived)")]


def test_a_waiver_from_holders_of_a_minority_is_pending(missed_coupon: Deal) -> None:
    """Holding 2,500,000 of 7,500,000, Purchaser alone cannot waive: its waiver is pending
    until acme signs it too, by its own action, and then the event ends."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "5000000.00")
    named = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                event_of_default="E1", joined_by=["holder:acme"])
    assert refusals(named) == [("Schedule 1", "the holder acme has not itself joined the "
                                              "waiver of E1: naming a Holder is not that "
                                              "Holder acting; each Holder joins by its own "
                                              "action")]
    alone = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                event_of_default="E1")
    assert alone.accepted and alone.state == "Default" and alone.created == {
        "pending": "waiver of E1"}
    assert [(c["section"], c["summary"]) for c in alone.consequences] == [(
        "Schedule 1", "Purchaser joined the waiver of E1, which is pending: Purchaser holds "
                      "$2,500,000.00 of $7,500,000.00 principal, not yet Holders of a "
                      "majority in principal")]
    joined = act(missed_coupon, "waive_default", "holder:acme", "1998-03-07T10:05",
                 event_of_default="E1", joined_by=["purchaser"])
    assert joined.accepted and joined.state == "Outstanding"
    assert missed_coupon.status()["events_of_default"][0]["status"] == "waived"


def test_an_oral_waiver_of_an_event_of_default_is_refused(missed_coupon: Deal) -> None:
    """8.4: no term may be "waived ... orally"; Schedule 1: "waived in writing by Holders
    of a majority". Left out, `in_writing` is true (old scripts keep working)."""
    before = missed_coupon.events
    oral = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
               event_of_default="E1", in_writing=False)
    assert refusals(oral) == [("8.4", "no term may be amended or waived orally: the waiver "
                                      "of Event of Default E1 must be a written instrument")]
    assert missed_coupon.events == before
    written = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                  event_of_default="E1", in_writing=True, signed_by=["purchaser"])
    assert written.accepted and written.state == "Outstanding"


def test_a_waiver_names_as_signatories_only_holders_who_signed_it(missed_coupon: Deal) -> None:
    """Schedule 1, 8.4: `signed_by` names the Holders who signed the waiver by their own
    action; naming another (or the Company) as a signatory is refused, and nothing
    changes."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "5000000.00")
    before = missed_coupon.events
    named = act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
                event_of_default="E1", signed_by=["purchaser", "holder:acme"])
    assert refusals(named) == [("Schedule 1", "the holder acme has not itself signed the "
                                              "waiver of Event of Default E1: naming a "
                                              "Holder is not that Holder signing")]
    assert missed_coupon.events == before
    with pytest.raises(InvalidAction) as error:
        act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
            event_of_default="E1", signed_by=["purchaser", "bogus"])
    assert error.value.field == "signed_by[1]"
    assert missed_coupon.events == before
    act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00", event_of_default="E1")
    both = act(missed_coupon, "waive_default", "holder:acme", "1998-03-07T10:05",
               event_of_default="E1", signed_by=["holder:acme", "purchaser"])
    assert both.accepted and both.state == "Outstanding"


def test_no_waiver_once_the_notes_are_accelerated(missed_coupon: Deal) -> None:
    """A waiver ends an Event of Default only before acceleration."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=hand("1998-03-10T11:00"))
    result = act(missed_coupon, "waive_default", "purchaser", "1998-03-11T10:00",
                 event_of_default="E1")
    assert refusals(result) == [("Schedule 1", "the Notes have been accelerated: a waiver "
                                               "ends an Event of Default only before")]


def test_waiving_an_event_the_deal_does_not_have_is_invalid(missed_coupon: Deal) -> None:
    """An unknown Event of Default is bad input naming its field."""
    with pytest.raises(InvalidAction) as error:
        act(missed_coupon, "waive_default", "purchaser", "1998-03-07T10:00",
            event_of_default="E9")
    assert error.value.field == "event_of_default"


# --- Schedule 1: acceleration --------------------------------------------------


def test_acceleration_by_hand_makes_everything_due_at_once(missed_coupon: Deal) -> None:
    """Accelerated 1998-03-10: the coupon 205,625.00 plus 39 days accrued 85,312.50 = 290,937.50."""
    result = act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
                 notice=hand("1998-03-10T11:00"))
    assert result.created == {"notice": "N1"}
    assert [c["event"] for c in result.consequences] == [
        "notice_sent", "notice_took_effect", "accelerated"]
    assert accrued((3 - 2) * 30 + (10 - 1)) == "85312.50"
    status = missed_coupon.status()
    assert (status["accelerated"], status["accelerated_at"]) == (
        True, "1998-03-10T11:00:00-05:00")
    assert status["balances"] == {
        "principal_outstanding": "7500000.00", "interest_accrued": "0.00",
        "interest_overdue": "290937.50", "interest_payable": "290937.50",
        "principal_payable": "7500000.00", "interest_paid": "0.00", "principal_paid": "0.00",
        "default_interest": "0.00", "default_rate": "0.105", "interest_paid_in_advance": "0.00",
        "principal_prepayable": "7500000.00", "assumed": True}


def test_acceleration_by_mail_takes_effect_only_with_its_notice(missed_coupon: Deal) -> None:
    """8.5: posted 1998-03-10, the acceleration takes effect 1998-03-15, and nothing before."""
    result = act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
                 notice=by_mail("1998-03-10T11:00"))
    assert [c["event"] for c in result.consequences] == ["notice_sent"]
    assert missed_coupon.status()["accelerated"] is False
    assert missed_coupon.status("1998-03-15T10:59")["accelerated"] is False
    assert refusals(pay(missed_coupon, "1998-03-12T10:00", "principal", "100.00")) == [
        ("Schedule 1", "principal is payable at maturity, 2000-02-01, or on acceleration: "
                       "no prepayment")]
    later = advance(missed_coupon, "1998-03-16T00:00")
    assert [c["event"] for c in later.consequences] == [
        "notice_took_effect", "accelerated", "clock_advanced"]
    accelerated = next(e for e in missed_coupon.events if isinstance(e, Accelerated))
    # Interest accrued to 1998-03-15, 44 days of 30/360, on top of the missed coupon.
    assert accelerated.interest == Decimal(FIRST_COUPON) + Decimal(accrued(44))
    assert missed_coupon.status()["accelerated_at"] == "1998-03-15T11:00:00-05:00"


def test_an_acceleration_notice_taking_effect_after_the_cure_does_nothing(
        missed_coupon: Deal) -> None:
    """The acceleration takes effect with its notice only if an Event of Default still continues."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=by_mail("1998-03-10T11:00"))
    pay(missed_coupon, "1998-03-12T10:00", "interest", FIRST_COUPON)
    advance(missed_coupon, "1998-03-16T00:00")
    assert (missed_coupon.status()["accelerated"], missed_coupon.status()["state"]) == (
        False, "Outstanding")


def test_acceleration_needs_a_continuing_event_of_default(deal: Deal) -> None:
    """No Event of Default, nothing to accelerate on."""
    result = act(deal, "accelerate", "purchaser", "1997-11-10T11:00",
                 notice=hand("1997-11-10T11:00"))
    assert refusals(result) == [("Schedule 1", "no Event of Default continues: there is "
                                               "nothing to accelerate on")]


def test_acceleration_needs_holders_of_a_majority(missed_coupon: Deal) -> None:
    """The Company is no Holder: it cannot accelerate, and naming Purchaser, who holds
    every Note, does not make it one (issue 10, item 1)."""
    for joined_by in ([], ["purchaser"]):
        result = act(missed_coupon, "accelerate", "company", "1998-03-10T11:00",
                     notice=hand("1998-03-10T11:00"), joined_by=joined_by)
        assert not result.accepted
        assert ("Schedule 1", "the Company holds no Notes: only Holders of a majority in "
                              "principal may accelerate, and the Company cannot accelerate on "
                              "behalf of the Holders") in refusals(result)
        assert result.reasons[0].text.startswith("Schedule 1 (Form of Note)")
    assert missed_coupon.status()["accelerated"] is False


@pytest.mark.parametrize("actor", ["company", "guarantor", "court", "holder:acme"])
def test_nobody_acts_for_the_holders_by_naming_them(missed_coupon: Deal, actor: str) -> None:
    """Issue 10, item 1: with Purchaser holding every Note, neither the Company, LCI, the
    court nor a holder of none can waive the Event of Default or accelerate by naming
    Purchaser in `joined_by`; the deal stays in Default."""
    waived = act(missed_coupon, "waive_default", actor, "1998-03-10T11:00",
                 event_of_default="E1", joined_by=["purchaser"])
    accelerated = act(missed_coupon, "accelerate", actor, "1998-03-10T11:00",
                      notice=hand("1998-03-10T11:00"), joined_by=["purchaser"])
    assert not waived.accepted and not accelerated.accepted
    assert all(r.section == "Schedule 1" for r in (*waived.reasons, *accelerated.reasons)
               if r.section != "7.1")
    assert missed_coupon.status()["state"] == "Default"
    assert missed_coupon.status()["accelerated"] is False


def test_holders_join_an_acceleration_one_by_one(missed_coupon: Deal) -> None:
    """Three Holders, none a majority: the acceleration is pending with the first, still
    pending when the Holders who have joined hold exactly half, and given with the
    notice of the one whose joining makes a majority, naming the others."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "2500000.00")
    transfer(missed_coupon, "1998-03-06T10:01", "bob", "2000000.00")
    first = act(missed_coupon, "accelerate", "holder:bob", "1998-03-10T11:00",
                notice=hand("1998-03-10T11:00"))
    assert first.accepted and first.created == {"pending": "acceleration"}
    assert missed_coupon.status()["pending_holder_acts"] == [
        {"act": "acceleration", "joined": ["holder:bob"], "held": "2000000.00",
         "principal_outstanding": "7500000.00"}]
    again = act(missed_coupon, "accelerate", "holder:bob", "1998-03-10T11:01",
                notice=hand("1998-03-10T11:01"))
    assert refusals(again) == [("Schedule 1", "the holder bob has already joined the "
                                              "acceleration; the holder bob holds "
                                              "$2,000,000.00 of $7,500,000.00 principal: not "
                                              "yet Holders of a majority in principal")]
    last = act(missed_coupon, "accelerate", "holder:acme", "1998-03-10T11:02",
               notice=hand("1998-03-10T11:02"), joined_by=["holder:bob"])
    assert last.accepted and missed_coupon.status()["accelerated"] is True
    assert missed_coupon.status()["pending_holder_acts"] == []
    sent = [e for e in missed_coupon.events if e.TAG == "notice_sent"][-1]
    assert (sent.sender, sent.joined_by) == ("holder:acme", ("holder:bob",))
    assert missed_coupon.state.joined == {}


def test_holders_are_counted_when_the_last_joins(missed_coupon: Deal) -> None:
    """Counted at that instant, after transfers: acme joins and then transfers all its
    Notes; bob's joining is no majority with it, carol's (the transferee) is."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "2500000.00")
    transfer(missed_coupon, "1998-03-06T10:01", "bob", "2000000.00")
    assert act(missed_coupon, "accelerate", "holder:acme", "1998-03-10T11:00",
               notice=hand("1998-03-10T11:00")).accepted
    transfer(missed_coupon, "1998-03-10T11:05", "carol", "2500000.00", by="holder:acme")
    bob = act(missed_coupon, "accelerate", "holder:bob", "1998-03-10T11:10",
              notice=hand("1998-03-10T11:10"))
    assert bob.created == {"pending": "acceleration"}
    assert missed_coupon.status()["accelerated"] is False
    carol = act(missed_coupon, "accelerate", "holder:carol", "1998-03-10T11:15",
                notice=hand("1998-03-10T11:15"))
    assert carol.accepted and missed_coupon.status()["accelerated"] is True


def test_a_pending_acceleration_lapses_with_the_default(missed_coupon: Deal) -> None:
    """Once no Event of Default continues, what was joined toward acceleration on it is
    moot: a later default starts afresh."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "5000000.00")
    assert act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
               notice=hand("1998-03-10T11:00")).created == {"pending": "acceleration"}
    assert pay(missed_coupon, "1998-03-11T10:00", "interest", FIRST_COUPON).state == \
        "Outstanding"
    assert missed_coupon.state.joined == {}


def test_the_notes_are_accelerated_only_once(missed_coupon: Deal) -> None:
    """A second acceleration is refused."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=hand("1998-03-10T11:00"))
    again = act(missed_coupon, "accelerate", "purchaser", "1998-03-11T11:00",
                notice=hand("1998-03-11T11:00"))
    assert refusals(again) == [("Schedule 1", "the Notes are already accelerated")]


def test_after_acceleration_paying_the_coupon_does_not_cure(missed_coupon: Deal) -> None:
    """No cure back to Outstanding once accelerated: the deal stays in Default until repaid."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=hand("1998-03-10T11:00"))
    result = pay(missed_coupon, "1998-03-12T10:00", "interest", FIRST_COUPON)
    assert result.state == "Default"
    assert [e["status"] for e in missed_coupon.status()["events_of_default"]] == ["continuing"]
    # The 85,312.50 accrued to the acceleration, and two days of default interest on the
    # principal: 7,500,000 x 10.5% x 2/360 = 4,375.00 (issue 9 item 7).
    assert missed_coupon.status()["balances"]["interest_payable"] == "89687.50"


def test_the_accelerated_notes_paid_in_full_are_repaid(missed_coupon: Deal) -> None:
    """Paying the accelerated interest and all the principal makes the deal Repaid."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=hand("1998-03-10T11:00"))
    # 290,937.50 due on acceleration, and default interest from 1998-03-10 to 1998-04-01,
    # 21 days of 30/360: 7,500,000 x 10.5% x 21/360 = 45,937.50 (issue 9 item 7).
    assert refusals(pay(missed_coupon, "1998-04-01T10:00", "interest", "336875.01")) == [
        ("Schedule 1", "$336,875.01 is more than the $336,875.00 of interest owed")]
    pay(missed_coupon, "1998-04-01T10:00", "interest", "336875.00")
    result = pay(missed_coupon, "1998-04-02T10:00", "principal", "7500000.00")
    # One more day of default interest, 2,187.50, is owed: not yet Repaid.
    assert result.state == "Default"
    assert missed_coupon.status()["balances"]["interest_payable"] == "2187.50"
    result = pay(missed_coupon, "1998-04-02T10:30", "interest", "2187.50")
    assert result.state == "Repaid"


# --- Repaid: final ------------------------------------------------------------


@pytest.fixture
def repaid() -> Deal:
    """The 1997 deal as it should go, to repayment at maturity."""
    made = Deal.create(None, "repaid")
    for action in STORIES["repaid"]():
        assert made.act(action).accepted, action
    return made


def test_the_notes_paid_as_agreed_are_repaid_with_nothing_left(repaid: Deal) -> None:
    """Every coupon and the principal paid: Repaid, nothing outstanding, nothing pending."""
    status = repaid.status()
    assert status["state"] == "Repaid"
    assert status["balances"] == {
        "principal_outstanding": "0.00", "interest_accrued": "0.00", "interest_overdue": "0.00",
        "interest_payable": "0.00", "principal_payable": "0.00", "interest_paid": "1780625.00",
        "principal_paid": "7500000.00", "default_interest": "0.00", "default_rate": "0.105",
        "interest_paid_in_advance": "0.00", "principal_prepayable": "0.00", "assumed": True}
    assert (status["holders"], status["deadlines"], status["events_of_default"]) == ({}, [], [])
    assert Decimal(FIRST_COUPON) + 4 * Decimal(COUPON) == Decimal("1780625.00")


def test_once_repaid_nothing_more_is_payable(repaid: Deal) -> None:
    """Repaid is final: a further payment is refused."""
    result = pay(repaid, "2000-03-01T10:00", "interest", "1.00")
    assert refusals(result) == [("Schedule 1", "nothing is owed: the Notes are repaid")]


def test_once_repaid_no_report_is_owed(repaid: Deal) -> None:
    """Section 6 binds only while Notes are outstanding: the 1999 annual report is not owed."""
    assert obligation(repaid, "annual-1999", "2000-06-01T00:00") == "not owed"
    result = act(repaid, "deliver_report", "company", "2000-03-01T10:00", report="annual-1999")
    assert refusals(result) == [("6.1(a)", "no report is owed: the covenants of section 6 "
                                           "bind only while Notes are outstanding")]
    assert repaid.status("2000-06-01T00:00")["breaches"] == []


def test_once_repaid_nothing_else_happens_to_the_notes(repaid: Deal) -> None:
    """No insolvency, inspection, transfer or merger reaches repaid Notes."""
    at = "2000-03-01T10:00"
    results = [
        act(repaid, "declare_insolvency", "court", at),
        act(repaid, "request_inspection", "purchaser", at, scope="books"),
        act(repaid, "propose_transfer", "purchaser", at, to_holder="acme",
            principal="100.00", rule_144=True, opinion=False, notice=hand(at)),
        act(repaid, "merge", "company", at, surviving_corporation="Acme Corp",
            assumes_obligations=True),
    ]
    assert [r.accepted for r in results] == [False, False, False, False]
    assert repaid.status()["state"] == "Repaid"


def test_once_repaid_each_coupon_is_paid_or_superseded() -> None:
    """Accelerated, then repaid in full: each coupon is paid or superseded, now and later."""
    story = Deal.create(None, "default")
    for action in STORIES["default"]():
        story.act(action)
    for as_of in (None, "1999-01-01T00:00"):
        assert [o["status"] for o in story.status(as_of)["obligations"]
                if o["section"] == "Schedule 1"] == [
            "paid", "superseded", "superseded", "superseded", "superseded", "paid"]



# --- 6.1 Basic Financial Information -------------------------------------------


def test_a_report_furnished_in_time_is_delivered(deal: Deal) -> None:
    """6.1(b): the third-quarter report of 1997, due within 55 days, furnished on 1997-11-19."""
    result = act(deal, "deliver_report", "company", "1997-11-19T09:00", report="q3-1997")
    assert result.consequences == ({"event": "report_delivered", "section": "6.1",
                                    "summary": "the Company furnished report q3-1997"},)
    assert obligation(deal, "q3-1997", "1998-01-01T00:00") == "delivered"
    assert deal.status("1998-01-01T00:00")["breaches"] == []


def test_a_report_furnished_on_its_last_day_at_23_59_is_on_time(deal: Deal) -> None:
    """6.1(b): "within 55 days" runs to the end of 1997-11-24, New York time."""
    act(deal, "deliver_report", "company", "1997-11-24T23:59", report="q3-1997")
    assert obligation(deal, "q3-1997", "1997-12-01T00:00") == "delivered"
    assert deal.status("1997-12-01T00:00")["breaches"] == []


def test_a_missed_report_is_a_breach_from_midnight_not_an_event_of_default(deal: Deal) -> None:
    """Not furnished by 1997-11-24: a breach of 6.1(b) at 00:00 on 11-25, the deal Outstanding."""
    assert obligation(deal, "q3-1997", "1997-11-24T23:59") == "pending"
    assert deal.status("1997-11-24T23:59")["breaches"] == []
    then = deal.status("1997-11-25T00:00")
    assert then["breaches"] == [{"id": "B1", "section": "6.1(b)",
                                 "description": "report q3-1997 not furnished by 1997-11-24",
                                 "occurred_at": "1997-11-25T00:00:00-05:00",
                                 "status": "continuing"}]
    assert (then["state"], then["events_of_default"]) == ("Outstanding", [])
    assert obligation(deal, "q3-1997", "1997-11-25T00:00") == "missed"


def test_furnishing_a_missed_report_remedies_the_breach(deal: Deal) -> None:
    """6.1: the report furnished late remedies its breach."""
    result = act(deal, "deliver_report", "company", "1997-12-02T09:00", report="q3-1997")
    assert [c["summary"] for c in result.consequences][-2:] == [
        "the Company furnished report q3-1997", "breach B1 remedied"]
    assert [b["status"] for b in deal.status()["breaches"]] == ["remedied"]
    assert obligation(deal, "q3-1997") == "delivered late"


def test_the_annual_report_is_due_within_100_days(deal: Deal) -> None:
    """6.1(a): the annual report of 1997 is on time through 1998-04-10."""
    as_agreed(deal, "1998-04-01", but=("annual-1997",))
    assert obligation(deal, "annual-1997", "1998-04-10T23:59") == "pending"
    assert deal.status("1998-04-11T00:00")["breaches"] == [
        {"id": "B1", "section": "6.1(a)",
         "description": "report annual-1997 not furnished by 1998-04-10",
         "occurred_at": "1998-04-11T00:00:00-04:00", "status": "continuing"}]


def test_a_report_for_a_period_not_yet_ended_is_refused(deal: Deal) -> None:
    """The first-quarter report of 1998 is furnished after 1998-03-31."""
    result = act(deal, "deliver_report", "company", "1998-03-31T16:00", report="q1-1998")
    assert refusals(result) == [("6.1(b)", "the period of report q1-1998 ends on 1998-03-31: "
                                           "it is furnished after")]


def test_a_report_not_owed_or_already_furnished_is_refused(deal: Deal) -> None:
    """q2-1997 fell due before the Closing; q3-1997 is furnished only once."""
    early = act(deal, "deliver_report", "company", "1997-11-19T09:00", report="q2-1997")
    assert refusals(early) == [("6.1(b)", "report q2-1997 is not owed: its deadline does not "
                                          "fall while the Notes are outstanding")]
    act(deal, "deliver_report", "company", "1997-11-19T09:00", report="q3-1997")
    again = act(deal, "deliver_report", "company", "1997-11-20T09:00", report="q3-1997")
    assert refusals(again) == [("6.1(b)", "report q3-1997 has already been furnished")]


def test_only_the_company_furnishes_reports(deal: Deal) -> None:
    """Purchaser cannot furnish the Company's report."""
    result = act(deal, "deliver_report", "purchaser", "1997-11-19T09:00", report="q3-1997")
    assert refusals(result) == [("6.1", "Purchaser may not deliver report: only company")]


def test_a_report_that_6_1_does_not_have_is_invalid(deal: Deal) -> None:
    """There is no fourth-quarter report: bad input naming `report`."""
    with pytest.raises(InvalidAction) as error:
        act(deal, "deliver_report", "company", "1997-11-19T09:00", report="q4-1997")
    assert error.value.field == "report"


def test_a_breach_remedied_within_the_30_days_is_no_event_of_default(deal: Deal) -> None:
    """(c): the late report furnished inside the 30 days after notice: no Event of Default."""
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    act(deal, "deliver_report", "company", "1997-12-15T09:00", report="q3-1997")
    later = deal.status("1998-01-15T00:00")
    assert (later["state"], later["events_of_default"]) == ("Outstanding", [])


def test_a_report_furnished_after_the_event_of_default_cures_it(deal: Deal) -> None:
    """(c) cured before acceleration: the breach remedied, the deal Outstanding again."""
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    result = act(deal, "deliver_report", "company", "1998-01-05T09:00", report="q3-1997")
    assert [c["summary"] for c in result.consequences][-4:] == [
        "the Company furnished report q3-1997", "breach B1 remedied",
        "Event of Default E1 cured", "the deal moved from Default to Outstanding"]
    assert [e["status"] for e in deal.status()["events_of_default"]] == ["cured"]


def test_two_breaches_named_in_one_notice_are_two_events_of_default(deal: Deal) -> None:
    """(c): each breach still continuing 30 days after the notice is its own Event of Default."""
    act(deal, "record_breach", "purchaser", "1997-11-26T10:00", section="6.2(b)(iv)",
        description="insurance lapsed")
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    events = deal.status("1998-01-01T00:00")["events_of_default"]
    assert [(e["id"], e["kind"], e["occurred_at"]) for e in events] == [
        ("E1", "c", "1998-01-01T00:00:00-05:00"), ("E2", "c", "1998-01-01T00:00:00-05:00")]
    assert [e["description"].rsplit(": ", 1)[1] for e in events] == [
        "breach B1 of 6.1(b), notice N1", "breach B2 of 6.2(b)(iv), notice N1"]


def test_a_notice_naming_one_breach_starts_its_30_days_only(deal: Deal) -> None:
    """(c): the notice names B2; B1, not named, never becomes an Event of Default."""
    act(deal, "record_breach", "purchaser", "1997-11-26T10:00", section="6.2(b)(iv)",
        description="insurance lapsed")
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", breaches=["B2"], notice=hand("1997-12-01T10:00"))
    events = deal.status("1998-01-01T00:00")["events_of_default"]
    assert [e["description"].rsplit(": ", 1)[1] for e in events] == [
        "breach B2 of 6.2(b)(iv), notice N1"]


def test_a_6_3_breach_remedied_after_its_event_of_default_cures_it(deal: Deal) -> None:
    """(c) for any covenant of section 6: the merger breach remedied by the Company cures it."""
    act(deal, "merge", "company", "1997-11-03T10:00", surviving_corporation="Acme Corp",
        assumes_obligations=False)
    act(deal, "deliver_report", "company", "1997-11-19T09:00", report="q3-1997")
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    assert advance(deal, "1998-01-02T10:00").state == "Default"
    result = act(deal, "remedy_breach", "company", "1998-01-03T10:00", breach="B1")
    assert [c["summary"] for c in result.consequences] == [
        "breach B1 remedied", "Event of Default E1 cured",
        "the deal moved from Default to Outstanding"]


def test_a_notice_of_breach_naming_no_breach_is_refused(deal: Deal) -> None:
    """(c): a notice of covenant breach that names none (breaches: []) is refused."""
    result = act(deal, "send_notice", "purchaser", "1997-11-20T10:00", to="company",
                 kind="covenant_breach", breaches=[], notice=hand("1997-11-20T10:00"))
    assert [r.section for r in result.reasons] == ["Schedule 1 (c)"]


def test_a_notice_of_breach_comes_from_holders_of_a_majority(deal: Deal) -> None:
    """(c): after transferring half, Purchaser alone cannot give it: its notice is pending
    until acme gives the same notice itself."""
    transfer(deal, "1997-11-20T10:00", "acme", "3750000.00")
    alone = act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
                kind="covenant_breach", notice=hand("1997-12-01T10:00"))
    assert alone.accepted and alone.created == {"pending": "notice of covenant breach of B1"}
    assert not [n for n in deal.state.notices.values() if n.kind == "covenant_breach"]
    named = act(deal, "send_notice", "holder:acme", "1997-12-01T10:00", to="company",
                kind="covenant_breach", joined_by=["purchaser", "holder:bob"],
                notice=hand("1997-12-01T10:00"))
    assert refusals(named)[-1][0] == "Schedule 1 (c)"
    assert "the holder bob has not itself joined" in refusals(named)[-1][1]
    joined = act(deal, "send_notice", "holder:acme", "1997-12-01T10:00", to="company",
                 kind="covenant_breach", joined_by=["purchaser"],
                 notice=hand("1997-12-01T10:00"))
    assert joined.accepted
    assert deal.state.notices[joined.created["notice"]].sender == "holder:acme"


def test_a_notice_of_breach_needs_a_continuing_breach(deal: Deal) -> None:
    """(c): no breach continues, or the one named is already remedied: refused."""
    none = act(deal, "send_notice", "purchaser", "1997-11-20T10:00", to="company",
               kind="covenant_breach", notice=hand("1997-11-20T10:00"))
    assert refusals(none) == [("Schedule 1 (c)", "no covenant breach continues")]
    act(deal, "deliver_report", "company", "1997-12-01T09:00", report="q3-1997")
    named = act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
                kind="covenant_breach", breaches=["B1"], notice=hand("1997-12-01T10:00"))
    assert refusals(named) == [("Schedule 1 (c)", "breach B1 is already remedied")]


def test_a_notice_of_breach_naming_an_unknown_breach_is_invalid(deal: Deal) -> None:
    """A breach the deal does not have is bad input naming `breaches`."""
    with pytest.raises(InvalidAction) as error:
        act(deal, "send_notice", "purchaser", "1997-11-20T10:00", to="company",
            kind="covenant_breach", breaches=["B7"], notice=hand("1997-11-20T10:00"))
    assert error.value.field == "breaches"


def test_the_30_days_run_from_a_mailed_notice_taking_effect(deal: Deal) -> None:
    """(c) and 8.5: posted 1997-12-01, effective 12-06, the 30 days end with 1998-01-05."""
    act(deal, "send_notice", "purchaser", "1997-12-01T10:00", to="company",
        kind="covenant_breach", notice=by_mail("1997-12-01T10:00"))
    assert deal.status("1998-01-05T23:59")["events_of_default"] == []
    assert [e["occurred_at"] for e in deal.status("1998-01-06T00:00")["events_of_default"]] == [
        "1998-01-06T00:00:00-05:00"]


# --- 6.2 Inspection; breaches the engine cannot see -----------------------------


def test_the_company_owes_prompt_notice_of_an_event_of_default(missed_coupon: Deal) -> None:
    """6.2(a)(i): notice-E1 is pending until the Company sends its notice of default."""
    assert missed_coupon.status()["obligations"][-1] == {
        "id": "notice-E1", "section": "6.2(a)(i)", "due": "promptly", "status": "pending"}
    act(missed_coupon, "send_notice", "company", "1998-03-05T15:00", to="purchaser",
        kind="default", notice=hand("1998-03-05T15:00"))
    assert obligation(missed_coupon, "notice-E1") == "given"


def test_a_notice_of_default_not_duly_given_does_not_answer_6_2_a_i(missed_coupon: Deal) -> None:
    """6.2(a)(i) asks for written notice: one by e-mail is no notice under 8.5."""
    act(missed_coupon, "send_notice", "company", "1998-03-05T15:00", to="purchaser",
        kind="default", notice={"method": "email"})
    assert obligation(missed_coupon, "notice-E1") == "pending"


def test_properties_are_inspected_only_during_an_event_of_default(deal: Deal) -> None:
    """6.2(a)(ii): "during the continuance of an Event of Default"."""
    before = act(deal, "request_inspection", "purchaser", "1998-02-10T10:00",
                 scope="properties")
    assert refusals(before) == [("6.2(a)(ii)", "properties are inspected only \"during the "
                                               "continuance of an Event of Default\"")]
    during = act(deal, "request_inspection", "purchaser", "1998-03-06T10:00",
                 scope="properties")
    assert during.accepted and during.state == "Default"
    assert deal.status()["inspections"] == [
        {"by": "purchaser", "scope": "properties", "at": "1998-03-06T10:00:00-05:00"}]


@pytest.mark.parametrize(("at", "accepted"), [
    ("1997-12-01T09:00", True),    # Monday, opening
    ("1997-12-01T16:59", True),
    ("1997-12-01T08:59", False),
    ("1997-12-01T17:00", False),
    ("1997-11-29T10:00", False),   # Saturday
    ("1997-11-30T10:00", False),   # Sunday
])
def test_books_are_examined_at_reasonable_times(deal: Deal, at: str, accepted: bool) -> None:
    """6.2(a)(iii): a New York business day, 9:00 to 17:00, Event of Default or not."""
    result = act(deal, "request_inspection", "purchaser", at, scope="books")
    assert refusals(result) == ([] if accepted else [
        ("6.2(a)(iii)", "books are examined at reasonable times: a business day between 9:00 "
                        "and 17:00 New York time")])


@pytest.mark.parametrize("at", ["1997-11-27T10:00",    # Thanksgiving Day
                                "1997-12-25T10:00",    # Christmas Day
                                "1998-01-19T10:00"])   # Martin Luther King Jr.'s Birthday
def test_books_are_not_examined_on_a_new_york_holiday(deal: Deal, at: str) -> None:
    """6.2(a)(iii) at reasonable times: a New York holiday is not a business day."""
    result = act(deal, "request_inspection", "purchaser", at, scope="books")
    assert [r.section for r in result.reasons] == ["6.2(a)(iii)"]


def test_only_a_holder_inspects(deal: Deal) -> None:
    """6.2(a)(iii) is a right of the Holders: not of the Company, nor of a holder of nothing."""
    company = act(deal, "request_inspection", "company", "1997-12-01T10:00", scope="books")
    assert refusals(company) == [("6.2(a)(iii)", "the Company is not a Holder")]
    stranger = act(deal, "request_inspection", "holder:acme", "1997-12-01T10:00", scope="books")
    assert refusals(stranger) == [("6.2(a)(iii)", "the holder acme holds no Notes")]


def test_an_inspection_of_anything_else_is_invalid(deal: Deal) -> None:
    """6.2(a) has properties and books: anything else is bad input naming `scope`."""
    with pytest.raises(InvalidAction) as error:
        act(deal, "request_inspection", "purchaser", "1997-12-01T10:00", scope="emails")
    assert error.value.field == "scope"


def test_a_recorded_breach_is_remedied_by_the_company(deal: Deal) -> None:
    """6.2(b): a breach the engine cannot see is recorded, then remedied by the Company once."""
    made = act(deal, "record_breach", "purchaser", "1997-11-10T10:00", section="6.2(b)(iv)",
               description="insurance lapsed")
    assert made.created == {"breach": "B1"}
    assert made.state == "Outstanding"
    assert refusals(act(deal, "remedy_breach", "purchaser", "1997-11-11T10:00",
                        breach="B1")) == [("6", "Purchaser may not remedy breach: only company")]
    assert act(deal, "remedy_breach", "company", "1997-11-11T10:00", breach="B1").accepted
    assert deal.status()["breaches"] == [
        {"id": "B1", "section": "6.2(b)(iv)", "description": "insurance lapsed",
         "occurred_at": "1997-11-10T10:00:00-05:00", "status": "remedied"}]
    again = act(deal, "remedy_breach", "company", "1997-11-12T10:00", breach="B1")
    assert refusals(again) == [("6.2(b)(iv)", "breach B1 is already remedied")]


def test_a_missed_report_is_remedied_only_by_furnishing_it(deal: Deal) -> None:
    """6.1: remedy_breach is refused for a missed report; deliver it instead."""
    result = act(deal, "remedy_breach", "company", "1997-12-02T10:00", breach="B1")
    assert refusals(result) == [("6.1", "breach B1 is remedied by furnishing report q3-1997")]


def test_a_breach_is_recorded_only_by_a_party_or_holder_under_section_6(deal: Deal) -> None:
    """LCI records no breach; a section outside 6 is bad input naming `section`."""
    lci = act(deal, "record_breach", "guarantor", "1997-12-01T10:00", section="6.2(b)(iv)",
              description="insurance lapsed")
    assert refusals(lci) == [("6.2(b)(iv)", "LCI is neither a party nor a Holder")]
    with pytest.raises(InvalidAction) as error:
        act(deal, "record_breach", "purchaser", "1997-12-01T10:00", section="5.1(a)",
            description="x")
    assert error.value.field == "section"


def test_a_breach_of_a_covenant_binds_only_while_the_notes_are_outstanding() -> None:
    """Section 6 binds "from and after the Closing Date": none is recorded before."""
    signed = Deal.create(None, "signed")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        signed.act(action)
    result = act(signed, "record_breach", "purchaser", "1997-10-27T09:10", section="6.3",
                 description="x")
    assert refusals(result) == [("6.3", "the covenants of section 6 bind only while Notes are "
                                        "outstanding")]


# --- 6.3 Obligations upon Merger or Consolidation --------------------------------


def test_a_merger_whose_survivor_assumes_the_obligations_is_no_breach(deal: Deal) -> None:
    """6.3: the Surviving Corporation that assumes the obligations becomes the Company."""
    result = act(deal, "merge", "company", "1997-11-03T10:00",
                 surviving_corporation="Acme Corp", assumes_obligations=True)
    assert result.created == {}
    assert [c["summary"] for c in result.consequences][-1] == (
        "the Company merged into Acme Corp, which assumed its obligations")
    assert deal.status()["company"] == "Acme Corp"
    assert deal.status()["breaches"] == []


def test_a_merger_whose_survivor_does_not_assume_is_a_breach_of_6_3(deal: Deal) -> None:
    """6.3: without the assumption, a breach; the Company stays the Company."""
    result = act(deal, "merge", "company", "1997-11-03T10:00",
                 surviving_corporation="Acme Corp", assumes_obligations=False)
    assert result.created == {"breach": "B1"}
    assert deal.status()["breaches"] == [
        {"id": "B1", "section": "6.3",
         "description": "Acme Corp did not assume the Company's obligations",
         "occurred_at": "1997-11-03T10:00:00-05:00", "status": "continuing"}]
    assert deal.status()["company"] == "Lexington Precision Corporation"


# --- Section 7: transfers ---------------------------------------------------------


def test_a_transfer_completes_after_its_notice_and_the_accepted_opinion(deal: Deal) -> None:
    """7.3: notice by mail effective 1997-12-08, opinion accepted: acme holds 2,500,000."""
    made = act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
               principal="2500000.00", rule_144=False, opinion=True,
               notice=by_mail("1997-12-03T10:00"))
    assert made.created == {"transfer": "T1", "notice": "N1"}
    early = act(deal, "complete_transfer", "purchaser", "1997-12-04T10:00", transfer="T1")
    assert refusals(early) == [
        ("7.3", "the notice of transfer T1 takes effect only later: \"Prior to any proposed "
                "transfer\""),
        ("7.3", "the opinion of counsel is not yet accepted by the Company")]
    act(deal, "accept_opinion", "company", "1997-12-04T10:00", transfer="T1")
    assert act(deal, "complete_transfer", "purchaser", "1997-12-08T10:00",
               transfer="T1").accepted
    status = deal.status()
    assert (status["holders"], status["legends"]) == (
        {"purchaser": "5000000.00", "holder:acme": "2500000.00"},
        {"purchaser": True, "holder:acme": True})
    assert status["transfers"] == [
        {"id": "T1", "from": "purchaser", "to": "holder:acme", "principal": "2500000.00",
         "rule_144": False, "opinion": True, "opinion_accepted": True, "notice": "N1",
         "status": "complete"}]


@pytest.mark.parametrize(("fields", "expected"), [
    ({"principal": "7500000.01"},
     [("7.1", "Purchaser holds $7,500,000.00: it cannot transfer $7,500,000.01")]),
    ({"principal": "0.00"}, [("7.1", "Purchaser holds $7,500,000.00: it cannot transfer $0.00")]),
    ({"opinion": False},
     [("7.3", "the notice must be accompanied by a written opinion of counsel, except under "
              "Rule 144")]),
    ({"to_holder": "purchaser"}, [("7.1", "a holder cannot transfer Notes to itself")]),
    # A party named by its id or its legal name is that party, never a new Holder.
    ({"to_holder": "Nomura Holding America, Inc."},
     [("7.1", "a holder cannot transfer Notes to itself")]),
    ({"to_holder": "company"}, [("7.1", "the Company, which issued the Notes, cannot become "
                                        "a Holder of the Notes by a transfer")]),
    ({"to_holder": "Lexington Precision Corporation"},
     [("7.1", "the Company, which issued the Notes, cannot become a Holder of the Notes by a "
              "transfer")]),
    ({"to_holder": "holder:Lexington Precision Corporation"},
     [("7.1", "the Company, which issued the Notes, cannot become a Holder of the Notes by a "
              "transfer")]),
    ({"to_holder": "guarantor"}, [("7.1", "LCI, which guarantees them, cannot become a Holder "
                                          "of the Notes by a transfer")]),
    ({"to_holder": "court"}, [("7.1", "the court, which is no party to the Notes, cannot "
                                      "become a Holder of the Notes by a transfer")]),
    ({"opinion": False, "rule_144": True, "legend_not_required": True},
     [("7.3", "only an opinion of counsel can say the legend is not required")]),
    ({"actor": "company"}, [("7.1", "the Company holds no Notes")]),
    ({"actor": "holder:bob"}, [("7.1", "the holder bob holds no Notes")]),
])
def test_a_proposed_transfer_is_refused_under_its_section(
        deal: Deal, fields: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    """7.1: never more than held, nor to oneself; 7.3: an opinion of counsel unless Rule 144."""
    action = {"type": "propose_transfer", "actor": "purchaser", "at": "1997-12-03T10:00",
              "to_holder": "acme", "principal": "1000000.00", "rule_144": False,
              "opinion": True, "notice": hand("1997-12-03T10:00"), **fields}
    assert refusals(deal.act(action)) == expected


def test_no_notes_are_transferred_before_they_are_outstanding() -> None:
    """7.1: before settlement there are no Notes to transfer."""
    signed = Deal.create(None, "signed")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        signed.act(action)
    result = act(signed, "propose_transfer", "purchaser", "1997-10-27T09:10", to_holder="acme",
                 principal="100.00", rule_144=True, opinion=False,
                 notice=hand("1997-10-27T09:10"))
    assert refusals(result) == [("7.1", "no Notes are outstanding to transfer"),
                                ("7.1", "Purchaser holds no Notes")]


def test_a_transfer_is_refused_when_its_opinion_is_rejected(deal: Deal) -> None:
    """7.3: an opinion not reasonably satisfactory to the Company stops the transfer."""
    act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
        principal="100.00", rule_144=False, opinion=True, notice=hand("1997-12-03T10:00"))
    act(deal, "reject_opinion", "company", "1997-12-04T10:00", transfer="T1")
    result = act(deal, "complete_transfer", "purchaser", "1997-12-05T10:00", transfer="T1")
    assert refusals(result) == [("7.3", "the opinion of counsel is rejected by the Company")]
    again = act(deal, "accept_opinion", "company", "1997-12-05T10:00", transfer="T1")
    assert refusals(again) == [("7.3", "the opinion of transfer T1 was already rejected")]


def test_a_transfer_is_completed_only_by_its_holder_and_only_once(deal: Deal) -> None:
    """7.3: the transferring Holder completes it; a second completion is refused (7.1)."""
    act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
        principal="100.00", rule_144=True, opinion=False, notice=hand("1997-12-03T10:00"))
    other = act(deal, "complete_transfer", "company", "1997-12-03T10:01", transfer="T1")
    assert refusals(other) == [("7.3", "transfer T1 is Purchaser's to complete")]
    act(deal, "complete_transfer", "purchaser", "1997-12-03T10:02", transfer="T1")
    again = act(deal, "complete_transfer", "purchaser", "1997-12-03T10:03", transfer="T1")
    assert refusals(again) == [("7.1", "transfer T1 is already complete")]


def test_under_rule_144_there_is_no_opinion_to_decide(deal: Deal) -> None:
    """7.3: a Rule 144 transfer carries no opinion for the Company to accept."""
    act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
        principal="100.00", rule_144=True, opinion=False, notice=hand("1997-12-03T10:00"))
    result = act(deal, "accept_opinion", "company", "1997-12-03T10:01", transfer="T1")
    assert refusals(result) == [("7.3", "transfer T1 is under Rule 144: there is no opinion "
                                        "to decide on")]


def test_a_transfer_whose_notice_was_not_duly_given_never_completes(deal: Deal) -> None:
    """7.3 and 8.5: a notice of transfer by e-mail has no effect."""
    act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
        principal="100.00", rule_144=True, opinion=False, notice={"method": "email"})
    result = act(deal, "complete_transfer", "purchaser", "1997-12-10T10:00", transfer="T1")
    assert [r.section for r in result.reasons] == ["7.3"]
    assert result.reasons[0].message.startswith("the notice of transfer T1 was not duly given (")


def test_a_holder_cannot_complete_two_transfers_of_more_than_it_holds(deal: Deal) -> None:
    """7.1: the second of two proposed transfers of 5,000,000 finds only 2,500,000 left."""
    for minute in ("00", "01"):
        act(deal, "propose_transfer", "purchaser", f"1997-12-03T10:{minute}", to_holder="acme",
            principal="5000000.00", rule_144=True, opinion=False,
            notice=hand(f"1997-12-03T10:{minute}"))
    act(deal, "complete_transfer", "purchaser", "1997-12-03T10:02", transfer="T1")
    result = act(deal, "complete_transfer", "purchaser", "1997-12-03T10:03", transfer="T2")
    assert refusals(result) == [("7.1", "Purchaser no longer holds $5,000,000.00")]


@pytest.mark.parametrize(("how", "legend"), [
    ({"rule_144": False, "opinion": True}, True),
    ({"rule_144": True, "opinion": False}, False),
    ({"rule_144": False, "opinion": True, "legend_not_required": True}, False),
])
def test_the_transferees_certificate_bears_the_legend_unless_rule_144_or_the_opinion_says_not(
        deal: Deal, how: dict[str, bool], legend: bool) -> None:
    """7.2 and 7.3: the legend stays unless Rule 144 applies or the opinion says it need not."""
    act(deal, "propose_transfer", "purchaser", "1997-12-03T10:00", to_holder="acme",
        principal="100.00", notice=hand("1997-12-03T10:00"), **how)
    if how["opinion"]:
        act(deal, "accept_opinion", "company", "1997-12-03T10:01", transfer="T1")
    assert act(deal, "complete_transfer", "purchaser", "1997-12-03T10:02",
               transfer="T1").accepted
    assert deal.status()["legends"] == {"purchaser": True, "holder:acme": legend}


def test_a_holder_that_transfers_all_its_notes_is_no_longer_a_holder(deal: Deal) -> None:
    """7.1: Purchaser sells all 7,500,000 under Rule 144 and may no longer examine the books."""
    act(deal, "propose_transfer", "purchaser", "1997-11-03T10:00", to_holder="acme",
        principal="7500000.00", rule_144=True, opinion=False, notice=hand("1997-11-03T10:00"))
    act(deal, "complete_transfer", "purchaser", "1997-11-03T10:00", transfer="T1")
    assert deal.status()["holders"] == {"holder:acme": "7500000.00"}
    result = act(deal, "request_inspection", "purchaser", "1997-11-04T10:00", scope="books")
    assert refusals(result) == [("6.2(a)(iii)", "Purchaser is not a Holder")]


def test_the_legends_are_those_of_the_holders_certificates(deal: Deal) -> None:
    """7.2: once Purchaser holds no Notes, no certificate of Purchaser bears a legend."""
    act(deal, "propose_transfer", "purchaser", "1997-11-03T10:00", to_holder="acme",
        principal="7500000.00", rule_144=True, opinion=False, notice=hand("1997-11-03T10:00"))
    act(deal, "complete_transfer", "purchaser", "1997-11-03T10:00", transfer="T1")
    assert deal.status()["legends"] == {"holder:acme": False}


def test_the_transferee_acts_as_a_holder(deal: Deal) -> None:
    """Once it holds Notes, holder:acme examines the books and transfers on in its turn."""
    transfer(deal, "1997-12-03T10:00", "acme", "2500000.00")
    assert act(deal, "request_inspection", "holder:acme", "1997-12-04T10:00",
               scope="books").accepted
    transfer(deal, "1997-12-05T10:00", "carol", "500000.00", by="holder:acme")
    assert deal.status()["holders"] == {"purchaser": "5000000.00", "holder:acme": "2000000.00",
                                        "holder:carol": "500000.00"}


def test_holders_of_a_majority_follow_the_holdings(missed_coupon: Deal) -> None:
    """With 5,000,000 of 7,500,000 Purchaser is a majority; with exactly half it is not."""
    transfer(missed_coupon, "1998-03-06T10:00", "acme", "2500000.00")
    assert missed_coupon.why_not({"type": "accelerate", "actor": "purchaser",
                                  "at": "1998-03-07T10:00",
                                  "notice": hand("1998-03-07T10:00")}) == []
    transfer(missed_coupon, "1998-03-06T10:01", "acme", "1250000.00")
    assert missed_coupon.status()["holders"] == {"purchaser": "3750000.00",
                                                 "holder:acme": "3750000.00"}
    half = act(missed_coupon, "accelerate", "purchaser", "1998-03-07T10:00",
               notice=hand("1998-03-07T10:00"), joined_by=["purchaser"])
    assert half.accepted and half.created == {"pending": "acceleration"}
    assert missed_coupon.status()["accelerated"] is False
    acme_half = act(missed_coupon, "waive_default", "holder:acme", "1998-03-07T10:00",
                    event_of_default="E1")
    assert acme_half.created == {"pending": "waiver of E1"}
    together = act(missed_coupon, "accelerate", "holder:acme", "1998-03-07T10:00",
                   notice=hand("1998-03-07T10:00"), joined_by=["purchaser"])
    assert together.accepted and missed_coupon.status()["accelerated"] is True


# --- status ---------------------------------------------------------------------


def test_status_shows_the_life_of_the_notes(deal: Deal) -> None:
    """Once Outstanding: the schedule, the reports, the Holders, the balances."""
    status = deal.status()
    assert {k: status[k] for k in ("state", "holders", "legends", "transfers",
                                   "events_of_default", "breaches", "accelerated",
                                   "accelerated_at", "company", "inspections")} == {
        "state": "Outstanding", "holders": {"purchaser": "7500000.00"},
        "legends": {"purchaser": True}, "transfers": [], "events_of_default": [],
        "breaches": [], "accelerated": False, "accelerated_at": None,
        "company": "Lexington Precision Corporation", "inspections": []}
    assert [(o["id"], o["due"], o.get("amount"), o["status"])
            for o in status["obligations"] if o["section"] == "Schedule 1"] == [
        ("interest-1998-02-01", "1998-02-02", FIRST_COUPON, "pending"),
        ("interest-1998-08-01", "1998-08-03", COUPON, "pending"),
        ("interest-1999-02-01", "1999-02-01", COUPON, "pending"),
        ("interest-1999-08-01", "1999-08-02", COUPON, "pending"),
        ("interest-2000-02-01", "2000-02-01", COUPON, "pending"),
        ("principal-2000-02-01", "2000-02-01", "7500000.00", "pending")]
    assert [(o["id"], o["due"]) for o in status["obligations"]
            if o["section"] not in ("Schedule 1", "2.2")] == [
                  ("q3-1997", "1997-11-24"), ("annual-1997", "1998-04-10"),
                  ("q1-1998", "1998-05-25"), ("q2-1998", "1998-08-24"),
                  ("q3-1998", "1998-11-24"), ("annual-1998", "1999-04-10"),
                  ("q1-1999", "1999-05-25"), ("q2-1999", "1999-08-24"),
                  ("q3-1999", "1999-11-24"), ("annual-1999", "2000-04-09"),
                  # Notes left unpaid at maturity remain outstanding (section 6).
                  ("q1-2000", "2000-05-25"), ("q2-2000", "2000-08-24"),
                  ("q3-2000", "2000-11-24"), ("annual-2000", "2001-04-10"),
                  ("q1-2001", "2001-05-25"), ("q2-2001", "2001-08-24"),
                  ("q3-2001", "2001-11-24"), ("annual-2001", "2002-04-10")]
    assert all(o["assumed"] for o in status["obligations"] if o["section"] == "Schedule 1")


def test_a_coupon_goes_from_pending_to_overdue_to_paid(deal: Deal) -> None:
    """Pending through its payment date, overdue from the end of it, paid once paid."""
    assert obligation(deal, "interest-1998-02-01", "1998-02-02T23:59") == "pending"
    assert obligation(deal, "interest-1998-02-01", "1998-02-03T00:00") == "overdue"
    pay(deal, "1998-02-10T10:00", "interest", FIRST_COUPON)
    assert obligation(deal, "interest-1998-02-01") == "paid"
    assert obligation(deal, "interest-1998-08-01") == "pending"


def test_acceleration_supersedes_the_coupons_to_come(missed_coupon: Deal) -> None:
    """The missed coupon and the principal are accelerated; later coupons are superseded."""
    act(missed_coupon, "accelerate", "purchaser", "1998-03-10T11:00",
        notice=hand("1998-03-10T11:00"))
    for as_of in (None, "1999-06-01T00:00"):
        assert [o["status"] for o in missed_coupon.status(as_of)["obligations"]
                if o["section"] == "Schedule 1"] == [
            "accelerated", "superseded", "superseded", "superseded", "superseded",
            "accelerated"]


@pytest.mark.parametrize(("as_of", "days"), [
    ("1997-12-15T12:00", (12 - 10) * 30 + (15 - 27)),      # 48 days from the issue date
    ("1998-05-16T12:00", (5 - 2) * 30 + (16 - 1)),         # 105 days from 1998-02-01
    ("1999-12-31T12:00", (12 - 8) * 30 + (31 - 1)),        # 150 days from 1999-08-01
])
def test_interest_accrued_is_30_360_from_the_last_interest_date(
        deal: Deal, as_of: str, days: int) -> None:
    """Schedule 1 (ASSUMED) 30/360: principal x 10.5% x days / 360, to the cent."""
    as_agreed(deal, as_of[:10])
    assert deal.status(as_of)["balances"]["interest_accrued"] == accrued(days)


def test_the_balances_after_a_missed_coupon(deal: Deal) -> None:
    """On 1998-02-20: the coupon overdue and payable, 19 days accruing since 1998-02-01."""
    assert deal.status("1998-02-20T12:00")["balances"] == {
        "principal_outstanding": "7500000.00", "interest_accrued": accrued(19),
        "interest_overdue": FIRST_COUPON, "interest_payable": FIRST_COUPON,
        "principal_payable": "0.00", "interest_paid": "0.00", "principal_paid": "0.00",
        "default_interest": "0.00", "default_rate": "0.105", "interest_paid_in_advance": "0.00",
        "principal_prepayable": "0.00", "assumed": True}
    assert accrued(19) == "41562.50"


def test_status_as_of_a_future_date_fires_deadlines_without_storing(deal: Deal) -> None:
    """The deal as it will be if nothing else happens; the log is untouched."""
    events = deal.events
    later = deal.status("1998-03-05T00:00")
    assert (later["state"], [e["id"] for e in later["events_of_default"]],
            [b["id"] for b in later["breaches"]]) == ("Default", ["E1"], ["B1"])
    assert deal.events == events
    now = deal.status()
    assert (now["state"], now["events_of_default"], now["breaches"]) == ("Outstanding", [], [])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_each_story_ends_repaid_and_replays_to_the_same_state(story: str) -> None:
    """engine.demo's stories run to Repaid, and folding their events rebuilds the state."""
    told = Deal.create(None, story)
    for action in STORIES[story]():
        assert told.act(action).accepted, action
        assert replay(told.events) == told.state
    assert told.status()["state"] == "Repaid"


def test_the_repaid_story_is_41_events() -> None:
    """The whole life to Repaid, as `npa demo` runs it: 27 actions, 41 events."""
    told = Deal.create(None, "repaid")
    actions = STORIES["repaid"]()
    for action in actions:
        told.act(action)
    assert (len(actions), len(told.events)) == (27, 41)
