"""The engine's rules, section by section: what the contract allows and refuses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from contract import DEFAULT_TERMS, clause_text
from engine import Deal, InvalidAction, Status
from engine.clock import parse_time
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.lifecycle import MACHINE, TABLE, fire, mermaid
from engine.state import replay

DAY = "1997-10-27"
ALL_DELIVERIES = [
    ("company", "5.1(b)"), ("company", "5.1(d)"), ("company", "5.1(f)"),
    ("purchaser", "5.2(b)"), ("purchaser", "5.2(e)"),
]


def act(deal: Deal, type_: str, actor: str, at: str, **fields: Any) -> Any:
    """Take an action given as keyword fields."""
    return deal.act({"type": type_, "actor": actor, "at": at, **fields})


def sections(result: Any) -> list[str]:
    """The sections a refusal cites, in order."""
    return [reason.section for reason in result.reasons]


@pytest.fixture
def signed() -> Deal:
    """The 1997 deal, signed by both."""
    deal = Deal.create(None, "t")
    act(deal, "sign", "company", f"{DAY}T09:00")
    act(deal, "sign", "purchaser", f"{DAY}T09:01")
    return deal


@pytest.fixture
def ready(signed: Deal) -> Deal:
    """Signed, with every pre-closing delivery made and the Guarantee delivered."""
    for minute, (party, condition) in enumerate(ALL_DELIVERIES, start=10):
        assert act(signed, "satisfy_condition", party, f"{DAY}T09:{minute}",
                   condition=condition).accepted
    assert act(signed, "deliver_guarantee", "guarantor", f"{DAY}T09:30").accepted
    return signed


@pytest.fixture
def closed(ready: Deal) -> Deal:
    """Closed on the Closing Date."""
    assert act(ready, "close", "company", f"{DAY}T10:00").accepted
    return ready


def test_one_signature_does_not_execute_the_agreement() -> None:
    """The signature page needs both the Company and Purchaser."""
    deal = Deal.create(None, "t")
    result = act(deal, "sign", "company", f"{DAY}T09:00")
    assert result.accepted and result.state == "Drafted"
    assert deal.status()["missing"][0]["message"] == "Purchaser has not signed"


def test_both_signatures_move_the_deal_to_conditions_pending(signed: Deal) -> None:
    """Once both have signed, the deal waits on the conditions of section 5."""
    assert signed.state.status is Status.ConditionsPending


def test_a_party_cannot_sign_twice() -> None:
    """Each party signs once."""
    deal = Deal.create(None, "t")
    act(deal, "sign", "company", f"{DAY}T09:00")
    result = act(deal, "sign", "company", f"{DAY}T09:01")
    assert not result.accepted and sections(result) == ["signature page"]


def test_the_guarantor_may_not_sign_the_agreement() -> None:
    """LCI is not a party to the agreement: only the Company and Purchaser sign."""
    result = act(Deal.create(None, "t"), "sign", "guarantor", f"{DAY}T09:00")
    assert not result.accepted
    assert result.reasons[0].message == "LCI may not sign: only company, purchaser"


def test_every_refusal_quotes_its_clause(signed: Deal) -> None:
    """A refusal carries the text of the section it cites, from contract/."""
    result = act(signed, "close", "purchaser", f"{DAY}T10:00")
    assert result.reasons
    for reason in result.reasons:
        assert reason.text == clause_text(reason.section)


def test_close_waits_for_every_pre_closing_condition(signed: Deal) -> None:
    """Closing needs 5.1(b), (d), (f) and 5.2(b), (e) delivered (or waived)."""
    result = act(signed, "close", "company", f"{DAY}T10:00")
    assert sections(result) == ["5.1(b)", "5.1(d)", "5.1(f)", "5.2(b)", "5.2(e)"]
    assert signed.state.status is Status.ConditionsPending


def test_close_waits_for_opinion_of_counsel(signed: Deal) -> None:
    """5.1(d): without the Company counsel's opinion, no Closing."""
    for minute, (party, condition) in enumerate(ALL_DELIVERIES, start=10):
        if condition != "5.1(d)":
            act(signed, "satisfy_condition", party, f"{DAY}T09:{minute}", condition=condition)
    result = act(signed, "close", "company", f"{DAY}T10:00")
    assert sections(result) == ["5.1(d)"]


def test_purchaser_may_waive_the_opinion_and_close(signed: Deal) -> None:
    """5.1: the conditions are "at the option of Purchaser", who may waive one."""
    for minute, (party, condition) in enumerate(ALL_DELIVERIES, start=10):
        if condition != "5.1(d)":
            act(signed, "satisfy_condition", party, f"{DAY}T09:{minute}", condition=condition)
    assert act(signed, "waive_condition", "purchaser", f"{DAY}T09:40",
               condition="5.1(d)").accepted
    assert act(signed, "close", "company", f"{DAY}T10:00").state == "Closed"
    assert signed.status()["conditions"]["5.1(d)"] == "waived"


def test_only_the_protected_party_may_waive(signed: Deal) -> None:
    """The Company may not waive a condition of 5.1, nor Purchaser one of 5.2."""
    by_company = act(signed, "waive_condition", "company", f"{DAY}T09:10", condition="5.1(d)")
    by_purchaser = act(signed, "waive_condition", "purchaser", f"{DAY}T09:11",
                       condition="5.2(b)")
    assert sections(by_company) == ["5.1"]
    assert sections(by_purchaser) == ["5.2"]


def test_the_exchange_itself_cannot_be_waived(signed: Deal) -> None:
    """5.1(c) and 5.2(c) are the purchase and sale of 1.2 and cannot be waived."""
    result = act(signed, "waive_condition", "purchaser", f"{DAY}T09:10", condition="5.1(c)")
    assert sections(result) == ["1.2"]


def test_only_the_company_delivers_its_officers_certificate(signed: Deal) -> None:
    """5.1(b) is met by the Company's delivery, not by Purchaser's say-so."""
    result = act(signed, "satisfy_condition", "purchaser", f"{DAY}T09:10",
                 condition="5.1(b)")
    assert sections(result) == ["5.1(b)"]


def test_an_unknown_condition_is_invalid(signed: Deal) -> None:
    """A condition that section 5 does not have is bad input naming the field."""
    with pytest.raises(InvalidAction) as error:
        act(signed, "satisfy_condition", "company", f"{DAY}T09:10", condition="5.3(a)")
    assert error.value.field == "condition"


def test_a_pending_proceeding_blocks_the_closing_until_resolved(ready: Deal) -> None:
    """5.1(e), 5.2(d): no Closing while a proceeding to enjoin it is pending."""
    recorded = act(ready, "record_proceeding", "court", f"{DAY}T09:40",
                   description="motion to enjoin the sale")
    assert recorded.created == {"proceeding": "P1"}
    assert sections(act(ready, "close", "company", f"{DAY}T10:00")) == ["5.1(e)", "5.2(d)"]
    act(ready, "resolve_proceeding", "court", f"{DAY}T10:05", proceeding="P1")
    assert act(ready, "close", "company", f"{DAY}T10:10").accepted


def test_an_undelivered_request_blocks_the_closing(ready: Deal) -> None:
    """5.1(h): instruments Purchaser reasonably requested must be delivered first."""
    made = act(ready, "request_instrument", "purchaser", f"{DAY}T09:40",
               description="good standing certificate")
    assert made.created == {"request": "R1"}
    assert sections(act(ready, "close", "company", f"{DAY}T10:00")) == ["5.1(h)"]
    wrong = act(ready, "deliver_instrument", "purchaser", f"{DAY}T10:01", request="R1")
    assert sections(wrong) == ["5.1(h)"]
    assert act(ready, "deliver_instrument", "company", f"{DAY}T10:02", request="R1").accepted
    assert act(ready, "close", "company", f"{DAY}T10:03").accepted


def test_a_misrepresentation_fails_the_other_sides_condition(ready: Deal) -> None:
    """5.1(a): an untrue representation of the Company in section 3 fails Purchaser's condition."""
    made = act(ready, "record_misrepresentation", "purchaser", f"{DAY}T09:40",
               section="3.6", description="undisclosed litigation")
    assert made.created == {"misrepresentation": "M1"}
    assert ready.status()["conditions"]["5.1(a)"] == "pending"
    assert ready.status()["conditions"]["5.2(a)"] == "satisfied"
    assert sections(act(ready, "close", "company", f"{DAY}T10:00")) == ["5.1(a)"]
    act(ready, "waive_condition", "purchaser", f"{DAY}T10:01", condition="5.1(a)")
    assert act(ready, "close", "company", f"{DAY}T10:02").accepted


def test_a_section_with_no_representation_is_invalid(ready: Deal) -> None:
    """Only sections 3, 4 and 8.7 hold representations and warranties."""
    with pytest.raises(InvalidAction) as error:
        act(ready, "record_misrepresentation", "company", f"{DAY}T09:40", section="6.1",
            description="x")
    assert error.value.field == "section"


def test_the_closing_is_held_only_on_the_closing_date(ready: Deal) -> None:
    """2.1: the Closing is held on October 27, 1997, not the day after."""
    result = act(ready, "close", "company", "1997-10-28T10:00")
    assert sections(result) == ["2.1"]


def test_the_closing_date_is_new_york_time(ready: Deal) -> None:
    """A time given with another offset is read in New York (23:30 in London is 18:30 here)."""
    assert act(ready, "close", "company", "1997-10-27T23:30:00+00:00").accepted


def test_an_amendment_signed_by_both_moves_the_closing_date(ready: Deal) -> None:
    """2.1 and 8.4: "such other date as the parties may mutually agree upon in writing"."""
    amended = act(ready, "amend", "company", f"{DAY}T09:40",
                  changes={"closing_date": "1997-10-29"},
                  signed_by=["company", "purchaser"], in_writing=True)
    assert amended.accepted
    assert sections(act(ready, "close", "company", f"{DAY}T10:00")) == ["2.1"]
    assert act(ready, "close", "company", "1997-10-29T10:00").accepted


def test_an_oral_or_one_sided_amendment_is_refused(ready: Deal) -> None:
    """8.4: not orally, and only by a written instrument signed by both."""
    result = act(ready, "amend", "purchaser", f"{DAY}T09:40",
                 changes={"closing_date": "1997-10-29"}, signed_by=["purchaser"],
                 in_writing=False)
    assert sections(result) == ["8.4", "8.4"]
    assert ready.state.closing_date.isoformat() == DAY


def test_settlement_is_delivery_against_payment(closed: Deal) -> None:
    """1.2, 2.2: Notes, Guarantee, Purchase Price and Fee complete, the Notes are Outstanding."""
    act(closed, "deliver_notes", "company", f"{DAY}T11:00",
        denominations=["5000000.00", "2500000.00"])
    act(closed, "pay", "purchaser", f"{DAY}T11:00", purpose="purchase_price",
        amount="7500000.00")
    assert closed.state.status is Status.Closed
    done = act(closed, "pay", "company", f"{DAY}T11:05", purpose="transaction_fee",
               amount="75000.00")
    assert done.state == "Outstanding"
    assert closed.status()["holders"] == {"purchaser": "7500000.00"}


def test_denominations_must_add_up_to_the_principal(closed: Deal) -> None:
    """1.1: the Notes are $7,500,000 aggregate principal amount."""
    result = act(closed, "deliver_notes", "company", f"{DAY}T11:00",
                 denominations=["5000000.00"])
    assert sections(result) == ["1.1"]


def test_the_purchase_price_is_paid_by_purchaser_in_full(closed: Deal) -> None:
    """1.2: the Purchase Price comes from Purchaser, exactly."""
    wrong_party = act(closed, "pay", "company", f"{DAY}T11:00", purpose="purchase_price",
                      amount="7500000.00")
    wrong_amount = act(closed, "pay", "purchaser", f"{DAY}T11:00", purpose="purchase_price",
                       amount="7499999.99")
    assert [r.message for r in wrong_party.reasons] == [
        "the Purchase Price is paid by Purchaser, not the Company"]
    assert [r.message for r in wrong_amount.reasons] == [
        "the Purchase Price is $7,500,000.00: $7,499,999.99 does not match it"]


def test_nothing_is_paid_before_the_closing(ready: Deal) -> None:
    """2.2: the Transaction Fee is paid "At the Closing"."""
    result = act(ready, "pay", "company", f"{DAY}T09:40", purpose="transaction_fee",
                 amount="75000.00")
    assert sections(result) == ["2.2"]


def test_a_waived_fee_is_not_needed_to_settle(ready: Deal) -> None:
    """5.1(g) is Purchaser's to waive; settlement then needs no Transaction Fee."""
    act(ready, "waive_condition", "purchaser", f"{DAY}T09:40", condition="5.1(g)")
    act(ready, "close", "company", f"{DAY}T10:00")
    act(ready, "deliver_notes", "company", f"{DAY}T11:00", denominations=["7500000.00"])
    result = act(ready, "pay", "purchaser", f"{DAY}T11:00", purpose="purchase_price",
                 amount="7500000.00")
    assert result.state == "Outstanding"


def test_a_deal_that_never_closes_says_what_is_missing(signed: Deal) -> None:
    """No termination clause: the deal stays ConditionsPending and lists what it needs."""
    act(signed, "advance", "company", "1998-06-01T00:00")
    status = signed.status()
    assert status["state"] == "ConditionsPending"
    assert [m["section"] for m in status["missing"]] == [
        "2.1", "5.1(b)", "5.1(d)", "5.1(f)", "5.2(b)", "5.2(e)"]


def test_an_action_before_the_clock_is_refused(signed: Deal) -> None:
    """Actions are taken in time order; a refused one changes nothing."""
    before = signed.events
    result = act(signed, "satisfy_condition", "company", "1997-10-26T09:00",
                 condition="5.1(b)")
    assert not result.accepted and signed.events == before


def test_a_holder_with_no_notes_may_not_act(signed: Deal) -> None:
    """A transferee acts only while it holds Notes (section 7)."""
    result = act(signed, "advance", "holder:acme", f"{DAY}T09:10")
    assert sections(result) == ["7.1"]


def test_why_not_lists_every_obstacle_without_acting(signed: Deal) -> None:
    """why-not gives the reasons of a refusal and stores nothing."""
    before = signed.events
    reasons = signed.why_not({"type": "close", "actor": "company", "at": "1997-10-28T10:00"})
    assert [r.section for r in reasons] == ["2.1", "5.1(b)", "5.1(d)", "5.1(f)", "5.2(b)",
                                            "5.2(e)"]
    assert signed.events == before


def test_status_as_of_a_past_time_shows_the_deal_then() -> None:
    """status --as-of a past time replays the log up to it."""
    deal = Deal.create(None, "t")
    for action in SIGNING_TO_OUTSTANDING:
        deal.act(action)
    then = deal.status("1997-10-27T09:02")
    assert then["state"] == "Drafted" and then["signed"] == ["company"]
    assert deal.status("1997-11-01T00:00")["state"] == "Outstanding"
    nothing_else_happens = deal.status("1999-01-01T00:00")
    assert nothing_else_happens["state"] == "Default"
    assert [e["kind"] for e in nothing_else_happens["events_of_default"]] == ["b", "b"]


def test_replay_rebuilds_the_state() -> None:
    """State is a fold of events: replaying them gives the same status."""
    deal = Deal.create(None, "t")
    for action in SIGNING_TO_OUTSTANDING:
        deal.act(action)
    assert replay(deal.events) == deal.state


def test_the_machine_is_shared_and_has_no_auto_transitions() -> None:
    """One Machine for every deal, with only the table's triggers."""
    assert set(MACHINE.events) == {row.trigger for row in TABLE}
    assert not MACHINE.models


def test_a_trigger_from_the_wrong_state_is_a_reason_not_an_error() -> None:
    """transitions' MachineError never reaches a user."""
    deal = Deal.create(None, "t")
    dest, reasons = fire("settle", deal.state, parse_time("1997-10-27T10:00"))
    assert dest is None and reasons[0].section == "2.2"


def test_the_diagram_declares_default_with_an_alias() -> None:
    """mermaid reads `default` as a keyword: every state gets an alias."""
    text = mermaid()
    assert 'state "Default" as s_Default' in text
    assert all(not line.strip().startswith("Default") for line in text.splitlines())


def test_terms_travel_with_the_deal() -> None:
    """A deal made with its own term sheet keeps it through replay."""
    import attrs

    terms = attrs.evolve(DEFAULT_TERMS, deal=attrs.evolve(
        DEFAULT_TERMS.deal, transaction_fee=Decimal("50000.00")))
    deal = Deal.create(None, "t", terms)
    assert replay(deal.events).terms.deal.transaction_fee == Decimal("50000.00")


def test_every_fold_step_keeps_exactly_the_states_fields() -> None:
    """The fold's fast path adds no field the state does not declare, and drops none."""
    import attrs

    from engine.state import DealState

    deal = Deal.create(None, "t")
    for action in SIGNING_TO_OUTSTANDING:
        deal.act(action)
    deal.act({"type": "send_notice", "actor": "company", "at": "1997-10-28T09:00",
              "to": "purchaser", "kind": "change_of_address", "new_fax": "(212) 555-0100",
              "notice": {"method": "hand", "delivered_at": "1997-10-28T09:00"}})
    declared = {field.name for field in attrs.fields(DealState)}
    state = DealState()
    for event in deal.events:
        state = replay([event], state)
        assert set(vars(state)) == declared, type(event).__name__


def test_every_event_type_has_its_line_in_the_timeline() -> None:
    """`describe` names every event type, so no event shows in the timeline as a bare tag."""
    import re
    from pathlib import Path

    from engine.events import EVENT_TYPES

    source = (Path(__file__).resolve().parent.parent / "engine" / "status.py").read_text()
    described = set(re.findall(r"case ev\.(\w+)\(\):", source))
    assert {cls.__name__ for cls in EVENT_TYPES.values()} <= described
