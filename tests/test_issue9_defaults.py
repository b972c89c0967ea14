"""Issue 9 items 2, 4, 8, 9, 10 and 14: what is owed, breached or in default, and when.

Item 2: nothing is owed, breached or in default before the Notes are issued
(settlement complete); interest accrues from the issue; the Closing Date is
checked once, by the loader and an 8.4 amendment alike. Item 4: 6.3 governs
only a merger the Company does not survive. Item 8: 8.6, a waived Event of
Default leaves its breach to found another. Items 9 and 10: Schedule 1 (d),
proved untrue, once for each representation. Item 14: 6.2(a)(i) notice of
covenant breaches and proceedings.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from contract import DEFAULT_TERMS, TermsError, closing_date_problem, load_terms
from engine import ActionResult, Deal, MemoryLog, verify
from engine.clock import parse_time
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.obligations import reports_owed
from engine.schedule import issued_schedule, payment_schedule
from engine.state import times_in_order

#: SIGNING_TO_OUTSTANDING up to the Closing (the Guarantee delivered, the Closing held).
TO_CLOSING = SIGNING_TO_OUTSTANDING[:9]
SETTLEMENT = SIGNING_TO_OUTSTANDING[9:]


def act(deal: Deal, type_: str, actor: str, at: str, **fields: Any) -> ActionResult:
    """Take an action given as keyword fields."""
    return deal.act({"type": type_, "actor": actor, "at": at, **fields})


def settled_at(at: str, log: MemoryLog | None = None) -> Deal:
    """The 1997 deal closed on the Closing Date and settled (delivery against payment) at `at`."""
    deal = Deal.create(log, "late")
    for action in TO_CLOSING:
        assert deal.act(action).accepted, action
    for action in SETTLEMENT:
        assert deal.act({**action, "at": at}).accepted, action
    return deal


@pytest.fixture
def deal() -> Deal:
    """The 1997 deal, Outstanding on the Closing Date."""
    made = Deal.create(None, "d")
    for action in SIGNING_TO_OUTSTANDING:
        assert made.act(action).accepted
    return made


def kinds(deal: Deal) -> list[tuple[str, str]]:
    """Each Event of Default as (id, kind)."""
    return [(e["id"], e["kind"]) for e in deal.status()["events_of_default"]]


# --- item 2: from the issue ------------------------------------------------------


def test_a_late_settlement_fires_no_deadline_from_before_the_issue() -> None:
    """Settled on 1998-03-10, the deal fires neither the q3-1997 report nor the 1998-02-01
    coupon: no breach or Event of Default, and the log stays in time order."""
    log = MemoryLog()
    deal = settled_at("1998-03-10T10:00", log)
    result = act(deal, "advance", "purchaser", "1998-03-11T10:00")
    assert result.state == "Outstanding"
    assert deal.state.breaches == {} and deal.state.defaults == {}
    assert times_in_order(deal.events) == []
    assert verify(log, "late") == []
    assert deal.state.issued_at == parse_time("1998-03-10T10:00")


def test_a_late_issue_accrues_interest_from_the_day_of_issue() -> None:
    """The first coupon kept is 1998-08-01, counted on 30/360 from 1998-03-10 (141 days)."""
    deal = settled_at("1998-03-10T10:00")
    first = deal.state.schedule[0]
    assert (first.date, first.start, first.amount) == (
        date(1998, 8, 1), date(1998, 3, 10), Decimal("308437.50"))
    assert [p.date for p in deal.state.schedule if p.kind == "interest"] == [
        date(1998, 8, 1), date(1999, 2, 1), date(1999, 8, 1), date(2000, 2, 1)]


def test_the_first_reports_after_a_late_issue_are_those_due_after_it() -> None:
    """The q3-1997 report (last day 1997-11-24) is not owed; annual-1997 (1998-04-10) is."""
    deal = settled_at("1998-03-10T10:00")
    assert "q3-1997" not in deal.state.reports
    assert next(iter(deal.state.reports)) == "annual-1997"
    assert act(deal, "advance", "purchaser", "1998-04-11T00:00").accepted
    assert [b.section for b in deal.state.breaches.values()] == ["6.1(a)"]


def test_accrued_interest_after_a_late_issue_counts_from_the_issue(deal: Deal) -> None:
    """On acceleration the interest accrued runs from the day of issue, not from the term
    sheet's issue_date: 30 days of 30/360 from 1998-03-10 to 1998-04-10."""
    late = settled_at("1998-03-10T10:00")
    assert act(late, "declare_insolvency", "court", "1998-04-10T10:00").accepted
    assert late.state.accelerated_interest == Decimal("65625.00")


def test_notes_issued_after_maturity_owe_principal_from_the_day_of_issue() -> None:
    """Settled on 2000-03-10 (after maturity, 2000-02-01): no interest, the principal due at
    the end of the day of issue, an Event of Default (a) only after it."""
    deal = settled_at("2000-03-10T10:00")
    assert [(p.kind, p.payment_date) for p in deal.state.schedule] == [
        ("principal", date(2000, 3, 10))]
    assert act(deal, "advance", "purchaser", "2000-03-10T23:59").state == "Outstanding"
    assert act(deal, "advance", "purchaser", "2000-03-11T00:00").state == "Default"
    assert kinds(deal) == [("E1", "a")]
    assert times_in_order(deal.events) == []


def test_issued_schedule_on_the_issue_date_is_the_term_sheets() -> None:
    """Issued on (or before) the term sheet's issue_date, the schedule is unchanged."""
    notes = DEFAULT_TERMS.notes
    assert issued_schedule(notes, date(1997, 10, 27)) == payment_schedule(notes)
    assert issued_schedule(notes, date(1997, 10, 1)) == payment_schedule(notes)


def test_reports_owed_leaves_out_those_lapsed_before_the_issue() -> None:
    """`reports_owed` with the issue: only reports whose deadline is after it."""
    owed = reports_owed(date(1997, 10, 27), date(2000, 2, 1),
                        parse_time("1997-11-25T00:00"))
    assert owed[0].id == "annual-1997"
    assert reports_owed(date(1997, 10, 27), date(2000, 2, 1))[0].id == "q3-1997"


def test_status_as_of_a_late_settlement_shows_no_default() -> None:
    """As of any time after a late issue, no Event of Default dated before it."""
    deal = settled_at("1998-03-10T10:00")
    assert act(deal, "advance", "purchaser", "1998-06-01T10:00").accepted
    then = deal.status("1998-03-10T10:00")
    assert then["state"] == "Outstanding" and then["events_of_default"] == []


def test_the_closing_date_check_is_one_function_for_loader_and_amendment() -> None:
    """`closing_date_problem` refuses a Closing Date after maturity or outside 1900-2100;
    the loader raises it, an 8.4 amendment is refused with the same words."""
    notes = DEFAULT_TERMS.notes
    assert closing_date_problem(date(2000, 2, 1), notes) is None
    problem = closing_date_problem(date(2000, 2, 2), notes)
    assert problem == "2000-02-02 must not be after notes.maturity 2000-02-01"
    with pytest.raises(TermsError, match=r"must not be after notes\.maturity"):
        load_terms("[deal]\nclosing_date = 2000-02-02\n")
    deal = Deal.create(None, "amend")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        assert deal.act(action).accepted
    result = act(deal, "amend", "company", "1997-10-27T12:00",
                 changes={"closing_date": "2000-02-02"}, signed_by=["company", "purchaser"],
                 in_writing=True)
    assert not result.accepted
    assert [(r.section, r.message) for r in result.reasons] == [
        ("2.1", f"the Closing Date cannot be moved to 2000-02-02: deal.closing_date {problem}")]
    assert deal.state.closing_date == date(1997, 10, 27)


def test_an_amended_closing_date_is_where_the_reports_start() -> None:
    """Reports are owed from the Closing Date as amended under 8.4, not the term sheet's."""
    deal = Deal.create(None, "moved")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        assert deal.act(action).accepted
    assert act(deal, "amend", "company", "1997-10-27T12:00",
               changes={"closing_date": "1997-12-01"}, signed_by=["company", "purchaser"],
               in_writing=True).accepted
    for action in SIGNING_TO_OUTSTANDING[2:]:
        assert deal.act({**action, "at": action["at"].replace("1997-10-27", "1997-12-01")}
                        ).accepted, action
    assert "q3-1997" not in deal.state.reports
    assert deal.state.schedule[0].start == date(1997, 12, 1)


# --- item 4: 6.3 only when the Company does not survive -----------------------------


@pytest.mark.parametrize("assumes", [True, False])
def test_a_merger_the_company_survives_is_no_breach_of_6_3(deal: Deal, assumes: bool) -> None:
    """"in which the Company is not the surviving corporation": Lexington Precision
    Corporation surviving, with or without an assumption, is no breach."""
    result = act(deal, "merge", "company", "1997-11-10T10:00",
                 surviving_corporation="Lexington Precision Corporation",
                 assumes_obligations=assumes)
    assert result.accepted and result.created == {}
    assert deal.state.breaches == {}
    assert deal.state.successor is None
    assert deal.status()["company"] == "Lexington Precision Corporation"


def test_a_merger_into_another_corporation_is_still_a_breach_without_assumption(
        deal: Deal) -> None:
    """6.3 still binds a merger into another corporation that does not assume."""
    result = act(deal, "merge", "company", "1997-11-10T10:00",
                 surviving_corporation="Acme Corporation", assumes_obligations=False)
    assert result.created == {"breach": "B1"}


def test_after_a_merger_the_surviving_corporation_is_the_company_that_survives(
        deal: Deal) -> None:
    """Acme Corporation, having assumed, is the Company: its own later merger that it survives
    is no breach of 6.3."""
    assert act(deal, "merge", "company", "1997-11-10T10:00",
               surviving_corporation="Acme Corporation", assumes_obligations=True).accepted
    result = act(deal, "merge", "company", "1997-11-20T10:00",
                 surviving_corporation="Acme Corporation", assumes_obligations=False)
    assert result.created == {} and deal.state.breaches == {}


# --- item 8: 8.6, a waiver covers only the default it names --------------------------


def hand(at: str) -> dict[str, str]:
    """A notice delivered by hand at `at`."""
    return {"method": "hand", "delivered_at": at}


def breach_in_default(deal: Deal) -> None:
    """The q3-1997 report missed (B1), notice on 1997-11-26, E1 (c) on 1997-12-27."""
    assert act(deal, "send_notice", "purchaser", "1997-11-26T10:00", to="company",
               kind="covenant_breach", notice=hand("1997-11-26T10:00")).accepted
    assert act(deal, "advance", "purchaser", "1997-12-27T10:00").state == "Default"
    assert kinds(deal) == [("E1", "c")]


def test_a_waived_breach_still_unremedied_after_a_new_notice_is_a_new_event(
        deal: Deal) -> None:
    """The waiver of E1 leaves B1 continuing; a new notice starts a new 30 days, and B1
    unremedied then is E2."""
    breach_in_default(deal)
    assert act(deal, "waive_default", "purchaser", "1998-01-05T10:00",
               event_of_default="E1").state == "Outstanding"
    sent = act(deal, "send_notice", "purchaser", "1998-01-06T10:00", to="company",
               kind="covenant_breach", breaches=["B1"], notice=hand("1998-01-06T10:00"))
    assert "30 days to remedy breach B1 run to 1998-02-06T00:00:00-05:00" in [
        c["summary"] for c in sent.consequences]
    assert act(deal, "advance", "purchaser", "1998-02-05T23:59").state == "Outstanding"
    assert act(deal, "advance", "purchaser", "1998-02-06T00:00").state == "Default"
    assert kinds(deal) == [("E1", "c"), ("E2", "c")]
    assert deal.state.defaults["E2"].cause == "B1"
    assert deal.state.defaults["E2"].occurred_at == parse_time("1998-02-06T00:00")


def test_a_notice_of_a_breach_whose_event_continues_is_refused(deal: Deal) -> None:
    """Naming B1 while E1 on it continues: nothing to start, refused under Schedule 1 (c);
    left unnamed, with no other breach, likewise."""
    breach_in_default(deal)
    named = act(deal, "send_notice", "purchaser", "1997-12-29T10:00", to="company",
                kind="covenant_breach", breaches=["B1"], notice=hand("1997-12-29T10:00"))
    assert [(r.section, r.message) for r in named.reasons] == [
        ("Schedule 1 (c)", "breach B1 is already Event of Default E1, which continues")]
    unnamed = act(deal, "send_notice", "purchaser", "1997-12-29T10:00", to="company",
                  kind="covenant_breach", notice=hand("1997-12-29T10:00"))
    assert [r.section for r in unnamed.reasons] == ["Schedule 1 (c)"]


def test_a_notice_before_the_event_ends_without_a_second_event(deal: Deal) -> None:
    """Two notices of B1 before the first 30 days end: one Event of Default while it
    continues (the second cure period finds E1 continuing)."""
    assert act(deal, "send_notice", "purchaser", "1997-11-26T10:00", to="company",
               kind="covenant_breach", notice=hand("1997-11-26T10:00")).accepted
    assert act(deal, "send_notice", "purchaser", "1997-11-28T10:00", to="company",
               kind="covenant_breach", notice=hand("1997-11-28T10:00")).accepted
    assert act(deal, "advance", "purchaser", "1997-12-30T10:00").accepted
    assert kinds(deal) == [("E1", "c")]


# --- items 9 and 10: Schedule 1 (d), proved untrue, once per representation ----------


def misrepresent(deal: Deal, actor: str, at: str, section: str = "3.6") -> ActionResult:
    """A representation recorded untrue by `actor`."""
    return act(deal, "record_misrepresentation", actor, at, section=section,
               description="undisclosed litigation")


def test_the_same_misrepresentation_recorded_twice_is_one_event_of_default(deal: Deal) -> None:
    """Item 9: 3.6 admitted twice, then adjudicated: one Event of Default (d)."""
    assert misrepresent(deal, "company", "1997-11-03T10:00").created == {
        "misrepresentation": "M1", "event_of_default": "E1"}
    assert misrepresent(deal, "company", "1997-11-04T10:00").created == {
        "misrepresentation": "M2"}
    assert misrepresent(deal, "court", "1997-11-05T10:00").created == {
        "misrepresentation": "M3"}
    assert kinds(deal) == [("E1", "d")]


def test_one_event_of_default_per_representation_even_after_its_waiver(deal: Deal) -> None:
    """The representation proved untrue once is one Event of Default; proving it again after
    the waiver makes no new one (the waiver named that untruth)."""
    misrepresent(deal, "company", "1997-11-03T10:00")
    assert act(deal, "waive_default", "purchaser", "1997-11-04T10:00",
               event_of_default="E1").accepted
    assert misrepresent(deal, "court", "1997-11-05T10:00").created == {
        "misrepresentation": "M2"}
    assert deal.status()["state"] == "Outstanding"


def test_two_representations_proved_untrue_are_two_events(deal: Deal) -> None:
    """3.6 and 3.9: two Events of Default (d)."""
    misrepresent(deal, "company", "1997-11-03T10:00")
    misrepresent(deal, "company", "1997-11-04T10:00", "3.9")
    assert kinds(deal) == [("E1", "d"), ("E2", "d")]


def test_purchasers_allegation_is_no_event_of_default(deal: Deal) -> None:
    """Item 10: Purchaser's record of 3.6 after the Closing is an allegation: recorded, no
    Event of Default."""
    result = misrepresent(deal, "purchaser", "1997-11-03T10:00")
    assert result.accepted and result.created == {"misrepresentation": "M1"}
    assert result.state == "Outstanding"
    assert deal.status()["misrepresentations"][0]["id"] == "M1"


@pytest.mark.parametrize("actor", ["company", "court"])
def test_an_admission_or_adjudication_proves_the_representation_untrue(
        deal: Deal, actor: str) -> None:
    """Item 10: the Company's own record (admission) or the court's (adjudication)."""
    result = misrepresent(deal, actor, "1997-11-03T10:00")
    assert result.created == {"misrepresentation": "M1", "event_of_default": "E1"}
    assert result.state == "Default"


def test_an_allegation_then_an_acknowledged_claim_is_one_event(deal: Deal) -> None:
    """The allegation (M1), then the Company acknowledging a claim on 3.6: E1 from the claim;
    the Company admitting it as well afterwards makes no second."""
    misrepresent(deal, "purchaser", "1997-11-03T10:00")
    assert act(deal, "assert_claim", "purchaser", "1997-11-04T10:00", against="company",
               section="3.6", damages=[{"kind": "losses", "amount": "100000.00"}],
               notice=hand("1997-11-04T10:00")).accepted
    assert act(deal, "acknowledge_claim", "company", "1997-11-05T10:00", claim="C1").accepted
    assert kinds(deal) == [("E1", "d")] and deal.state.defaults["E1"].cause == "C1"
    misrepresent(deal, "company", "1997-11-06T10:00")
    assert kinds(deal) == [("E1", "d")]


def test_before_the_closing_any_party_record_fails_5_1_a() -> None:
    """Item 10 leaves 5.1(a) as it was: Purchaser's record before the Closing stops it."""
    deal = Deal.create(None, "pre")
    for action in SIGNING_TO_OUTSTANDING[:8]:
        assert deal.act(action).accepted
    assert misrepresent(deal, "purchaser", "1997-10-27T10:10").accepted
    closing = deal.act(SIGNING_TO_OUTSTANDING[8])
    assert not closing.accepted and "5.1(a)" in [r.section for r in closing.reasons]


def test_a_holder_may_not_record_a_misrepresentation(deal: Deal) -> None:
    """Who may record: either party or the court; LCI may not."""
    result = misrepresent(deal, "guarantor", "1997-11-03T10:00")
    assert not result.accepted


# --- item 14: 6.2(a)(i), notice of violations and of actions commenced ---------------


def notices_owed(deal: Deal) -> dict[str, str]:
    """The 6.2(a)(i) obligations, id to status."""
    return {o["id"]: o["status"] for o in deal.status()["obligations"]
            if o["section"] == "6.2(a)(i)"}


def test_a_covenant_breach_needs_notice_though_no_event_of_default(deal: Deal) -> None:
    """(A) "any material violation or default ... of its covenants": the missed q3-1997
    report (B1) is owed notice at once, before any Event of Default."""
    assert act(deal, "advance", "purchaser", "1997-11-25T10:00").accepted
    assert notices_owed(deal) == {"notice-B1": "pending"}
    assert act(deal, "send_notice", "company", "1997-11-25T11:00", to="purchaser",
               kind="default", notice=hand("1997-11-25T11:00")).accepted
    assert notices_owed(deal) == {"notice-B1": "given"}


def test_the_commencement_of_an_action_needs_notice(deal: Deal) -> None:
    """(B) "the commencement of any action or proceeding against the Company": recorded
    after the Closing, it is owed notice; it moves no condition and no Event of Default."""
    result = act(deal, "record_proceeding", "court", "1997-11-10T10:00",
                 description="a supplier sues the Company")
    assert result.accepted and result.created == {"proceeding": "P1"}
    assert notices_owed(deal) == {"notice-P1": "pending"}
    assert deal.state.defaults == {}
    assert act(deal, "send_notice", "company", "1997-11-11T10:00", to="purchaser",
               kind="default", notice=hand("1997-11-11T10:00")).accepted
    assert notices_owed(deal) == {"notice-P1": "given"}


def test_an_action_commenced_after_the_closing_is_resolved_when_it_ends(deal: Deal) -> None:
    """A proceeding recorded after the issue moves no condition (6.2(a)(i)(B)), so the court
    that recorded it may resolve it later; the Company cannot clear the court's."""
    act(deal, "record_proceeding", "court", "1997-11-10T10:00",
        description="a supplier sues the Company")
    by_company = act(deal, "resolve_proceeding", "company", "1997-12-01T10:00", proceeding="P1")
    assert not by_company.accepted
    assert act(deal, "resolve_proceeding", "court", "1997-12-01T10:00",
               proceeding="P1").accepted
    assert deal.state.proceedings["P1"].resolved_at is not None


def test_a_proceeding_before_the_closing_owes_no_notice_of_6_2() -> None:
    """Section 6 binds "from and after the Closing Date": a proceeding of 5.1(e) recorded
    before the Closing is no 6.2(a)(i) obligation."""
    deal = Deal.create(None, "pre")
    for action in SIGNING_TO_OUTSTANDING[:2]:
        assert deal.act(action).accepted
    assert act(deal, "record_proceeding", "court", "1997-10-27T09:10",
               description="an injunction sought").accepted
    assert notices_owed(deal) == {}


def test_a_notice_before_the_breach_is_not_notice_of_it(deal: Deal) -> None:
    """The notice must come at or after the violation it reports."""
    assert act(deal, "send_notice", "company", "1997-11-20T10:00", to="purchaser",
               kind="default", notice=hand("1997-11-20T10:00")).accepted
    assert act(deal, "advance", "purchaser", "1997-11-25T10:00").accepted
    assert notices_owed(deal) == {"notice-B1": "pending"}
