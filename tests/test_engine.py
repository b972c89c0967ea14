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
    assert sections(act(ready, "close", "company", f"{DAY}T10:00")) == [
        "2.1", "5.1(b)", "5.2(b)"]
    deliver_certificates(ready, "1997-10-29T09:00")
    assert act(ready, "close", "company", "1997-10-29T10:00").accepted


# --- 5.1(b), 5.2(b): officer's certificates "dated the Closing Date" -------------------

CERTIFICATES = (("company", "5.1(b)"), ("purchaser", "5.2(b)"))


def deliver_certificates(deal: Deal, at: str) -> None:
    """Both officers' certificates, delivered at `at` (and accepted)."""
    for party, condition in CERTIFICATES:
        assert act(deal, "satisfy_condition", party, at, condition=condition).accepted


@pytest.fixture
def early() -> Deal:
    """The 1997 deal signed a week before the Closing Date, with every delivery made but
    the officers' certificates, and the Guarantee delivered."""
    deal = Deal.create(None, "t")
    act(deal, "sign", "company", "1997-10-20T09:00")
    act(deal, "sign", "purchaser", "1997-10-20T09:01")
    for minute, (party, condition) in enumerate(ALL_DELIVERIES, start=10):
        if condition not in ("5.1(b)", "5.2(b)"):
            assert act(deal, "satisfy_condition", party, f"1997-10-20T09:{minute}",
                       condition=condition).accepted
    assert act(deal, "deliver_guarantee", "guarantor", "1997-10-20T09:30").accepted
    return deal


@pytest.mark.parametrize(("party", "condition"), CERTIFICATES)
@pytest.mark.parametrize("day", ["1997-10-24", "1997-10-28"])
def test_a_certificate_not_delivered_on_the_closing_date_does_not_meet_its_condition(
        early: Deal, party: str, condition: str, day: str) -> None:
    """5.1(b), 5.2(b): "a certificate ... dated the Closing Date": one delivered before or
    after it is refused, and the condition stays pending."""
    result = act(early, "satisfy_condition", party, f"{day}T09:00", condition=condition)
    assert [(r.section, r.message) for r in result.reasons] == [
        (condition, f"the officer's certificate is dated the Closing Date, 1997-10-27: one "
                    f"delivered on {day} does not meet {condition}")]
    assert early.status()["conditions"][condition] == "pending"


def test_certificates_delivered_on_the_closing_date_let_the_closing_proceed(
        early: Deal) -> None:
    """5.1(b), 5.2(b): delivered on October 27, 1997, they meet their conditions."""
    deliver_certificates(early, f"{DAY}T09:00")
    assert act(early, "close", "company", f"{DAY}T10:00").state == "Closed"


def test_a_certificate_for_a_closing_date_later_moved_does_not_serve_the_new_date(
        ready: Deal) -> None:
    """5.1(b), 8.4: certificates dated October 27 no longer serve once the Closing Date is
    moved to October 29; each party delivers a new one dated the new date."""
    act(ready, "amend", "company", f"{DAY}T09:40", changes={"closing_date": "1997-10-29"},
        signed_by=["company", "purchaser"], in_writing=True)
    status = ready.status()
    assert (status["conditions"]["5.1(b)"], status["conditions"]["5.2(b)"]) == (
        "pending", "pending")
    assert [(m["section"], m["message"]) for m in status["missing"]][-2:] == [
        ("5.1(b)", "the officer's certificate delivered on 1997-10-27 is not dated the "
                   "Closing Date, now 1997-10-29 (8.4): 5.1(b) needs one dated it"),
        ("5.2(b)", "the officer's certificate delivered on 1997-10-27 is not dated the "
                   "Closing Date, now 1997-10-29 (8.4): 5.2(b) needs one dated it")]
    early = act(ready, "satisfy_condition", "company", "1997-10-28T09:00", condition="5.1(b)")
    assert sections(early) == ["5.1(b)"]
    assert sections(act(ready, "close", "company", "1997-10-29T10:00")) == ["5.1(b)", "5.2(b)"]
    deliver_certificates(ready, "1997-10-29T10:05")
    assert act(ready, "close", "company", "1997-10-29T10:10").accepted
    assert ready.status()["conditions"]["5.1(b)"] == "satisfied"


def test_a_waived_certificate_serves_whatever_the_closing_date(early: Deal) -> None:
    """5.1: Purchaser's waiver of 5.1(b) is not a certificate, and no date makes it stale."""
    act(early, "waive_condition", "purchaser", "1997-10-24T09:00", condition="5.1(b)")
    act(early, "amend", "company", "1997-10-24T09:10", changes={"closing_date": "1997-10-29"},
        signed_by=["company", "purchaser"], in_writing=True)
    assert early.status()["conditions"]["5.1(b)"] == "waived"
    act(early, "satisfy_condition", "purchaser", "1997-10-29T09:00", condition="5.2(b)")
    assert act(early, "close", "company", "1997-10-29T10:00").accepted


# --- 5.1(a), 5.2(a): representations "deemed to be made again on" the Closing Date ------

def test_a_waiver_of_5_1_a_does_not_cover_a_misrepresentation_recorded_after_it(
        ready: Deal) -> None:
    """5.1(a): waived at 09:40, then 3.6 recorded untrue at 09:45: the representation made
    again at the Closing is untrue, and the Closing waits for a new waiver."""
    act(ready, "waive_condition", "purchaser", f"{DAY}T09:40", condition="5.1(a)")
    assert ready.status()["conditions"]["5.1(a)"] == "waived"
    act(ready, "record_misrepresentation", "purchaser", f"{DAY}T09:45", section="3.6",
        description="undisclosed litigation")
    assert ready.status()["conditions"]["5.1(a)"] == "pending"
    refused = act(ready, "close", "company", f"{DAY}T10:00")
    assert [(r.section, r.message) for r in refused.reasons] == [
        ("5.1(a)", "the Company's representation in 3.6 is recorded as untrue (M1: "
                   "undisclosed litigation), after Purchaser waived 5.1(a)")]
    assert act(ready, "waive_condition", "purchaser", f"{DAY}T10:01",
               condition="5.1(a)").accepted
    assert act(ready, "close", "company", f"{DAY}T10:02").accepted
    assert ready.status()["conditions"]["5.1(a)"] == "waived"


def test_a_waiver_of_5_1_a_does_not_cover_what_is_recorded_after_it_in_the_same_minute(
        ready: Deal) -> None:
    """5.1(a): 3.6 recorded untrue at 09:40, waived at 09:40, then 3.9 recorded untrue at
    09:40: the waiver covers 3.6, given before it, not 3.9, recorded after it (issue 9
    item 1)."""
    act(ready, "record_misrepresentation", "purchaser", f"{DAY}T09:40", section="3.6",
        description="undisclosed litigation")
    assert act(ready, "waive_condition", "purchaser", f"{DAY}T09:40",
               condition="5.1(a)").accepted
    act(ready, "record_misrepresentation", "purchaser", f"{DAY}T09:40", section="3.9",
        description="restated accounts")
    assert ready.status()["conditions"]["5.1(a)"] == "pending"
    refused = act(ready, "close", "company", f"{DAY}T10:00")
    assert [(r.section, r.message) for r in refused.reasons] == [
        ("5.1(a)", "the Company's representation in 3.9 is recorded as untrue (M2: "
                   "restated accounts), after Purchaser waived 5.1(a)")]


def test_a_waiver_of_5_2_a_covers_what_was_recorded_when_it_was_given(ready: Deal) -> None:
    """5.2(a): 4.1 recorded untrue, then waived by the Company: a second waiver is refused
    while nothing new is recorded, and the Closing proceeds."""
    act(ready, "record_misrepresentation", "company", f"{DAY}T09:40", section="4.1",
        description="not for its own account")
    act(ready, "waive_condition", "company", f"{DAY}T09:41", condition="5.2(a)")
    again = act(ready, "waive_condition", "company", f"{DAY}T09:42", condition="5.2(a)")
    assert [(r.section, r.message) for r in again.reasons] == [
        ("5.2(a)", "5.2(a) is already waived")]
    assert act(ready, "close", "company", f"{DAY}T10:00").accepted


# --- 5.1(e), 5.2(d): a proceeding recorded by the court is resolved by the court --------

@pytest.mark.parametrize("actor", ["company", "purchaser"])
def test_only_the_court_resolves_a_proceeding_it_recorded(ready: Deal, actor: str) -> None:
    """5.1(e), 5.2(d): neither party clears a court's proceeding and closes a minute later."""
    act(ready, "record_proceeding", "court", f"{DAY}T09:40", description="motion to enjoin")
    result = act(ready, "resolve_proceeding", actor, f"{DAY}T09:41", proceeding="P1")
    assert [(r.section, r.message) for r in result.reasons] == [
        ("5.1(e)", "proceeding P1 was recorded by the court: only the court resolves it "
                   "(5.1(e), 5.2(d))")]
    assert sections(act(ready, "close", "company", f"{DAY}T09:42")) == ["5.1(e)", "5.2(d)"]


def test_a_proceeding_a_party_recorded_is_resolved_by_it_or_the_court(ready: Deal) -> None:
    """5.1(e): Purchaser's record of a threatened proceeding is not the Company's to clear."""
    act(ready, "record_proceeding", "purchaser", f"{DAY}T09:40", description="threatened suit")
    by_company = act(ready, "resolve_proceeding", "company", f"{DAY}T09:41", proceeding="P1")
    assert [r.message for r in by_company.reasons] == [
        "proceeding P1 was recorded by Purchaser: only it or the court resolves it "
        "(5.1(e), 5.2(d))"]
    assert act(ready, "resolve_proceeding", "purchaser", f"{DAY}T09:42",
               proceeding="P1").accepted
    act(ready, "record_proceeding", "company", f"{DAY}T09:43", description="threatened suit")
    assert act(ready, "resolve_proceeding", "court", f"{DAY}T09:44", proceeding="P2").accepted
    assert act(ready, "close", "company", f"{DAY}T10:00").accepted


# --- 8.4: a waiver of a condition is a written instrument signed by both ---------------

def test_an_oral_waiver_is_refused_under_8_4(signed: Deal) -> None:
    """8.4: "Neither this Agreement nor any term hereof may be ... waived ... orally"."""
    result = act(signed, "waive_condition", "purchaser", f"{DAY}T09:10", condition="5.1(d)",
                 in_writing=False)
    assert [(r.section, r.message) for r in result.reasons] == [
        ("8.4", "no term may be amended or waived orally: the waiver of 5.1(d) must be a "
                "written instrument")]
    assert signed.status()["conditions"]["5.1(d)"] == "pending"


@pytest.mark.parametrize(("signed_by", "missing"), [
    (["purchaser"], "the Company"), (["company"], "Purchaser"), ([], "the Company")])
def test_a_waiver_not_signed_by_both_is_refused_under_8_4(
        signed: Deal, signed_by: list[str], missing: str) -> None:
    """8.4: "only by a written instrument signed by the Company and Purchaser"; 5.1's
    "at the option of Purchaser" makes it Purchaser's choice, not its signature alone."""
    result = act(signed, "waive_condition", "purchaser", f"{DAY}T09:10", condition="5.1(d)",
                 in_writing=True, signed_by=signed_by)
    assert f"the written instrument is not signed by {missing}" in [
        r.message for r in result.reasons]
    assert set(sections(result)) == {"8.4"}


def test_a_waiver_in_writing_signed_by_both_is_recorded_with_its_signatures(
        signed: Deal) -> None:
    """8.4: the waiver's form is recorded, and the timeline says who signed it."""
    result = act(signed, "waive_condition", "company", f"{DAY}T09:10", condition="5.2(e)",
                 in_writing=True, signed_by=["purchaser", "company"])
    assert result.consequences == ({
        "event": "condition_waived", "section": "5.2(e)",
        "summary": "5.2(e) waived by the Company in writing, signed by Purchaser and the "
                   "Company"},)
    assert signed.events[-1].signed_by == ("purchaser", "company")


def test_a_waiver_that_says_nothing_of_its_form_is_taken_to_be_in_writing_signed_by_both(
        signed: Deal) -> None:
    """The stated default: left out, `in_writing` is true and `signed_by` is both parties,
    so scripts written before 8.4 was checked keep working."""
    assert act(signed, "waive_condition", "purchaser", f"{DAY}T09:10",
               condition="5.1(d)").accepted
    assert signed.events[-1].signed_by == ("company", "purchaser")
    from engine.actions import catalogue

    entry = next(e for e in catalogue() if e["type"] == "waive_condition")
    fields: Any = entry["fields"]
    defaults = {f["name"]: f.get("default") for f in fields}
    assert defaults["in_writing"] == ("left out: true, the waiver is taken to be a written "
                                      "instrument (8.4); false is an oral waiver, refused "
                                      "under 8.4")
    assert defaults["signed_by"] == ('left out: ["company", "purchaser"], taken to be signed '
                                     'by both; 8.4 needs both signatures')


@pytest.mark.parametrize(("fields", "field"), [
    ({"signed_by": ["company", "bank"]}, "signed_by"),
    ({"signed_by": "company"}, "signed_by"),
    ({"in_writing": "yes"}, "in_writing"),
])
def test_a_waiver_with_a_malformed_form_is_invalid(
        signed: Deal, fields: dict[str, Any], field: str) -> None:
    """Bad input names its field, and nothing is stored."""
    before = signed.events
    with pytest.raises(InvalidAction) as error:
        act(signed, "waive_condition", "purchaser", f"{DAY}T09:10", condition="5.1(d)",
            **fields)
    assert error.value.field == field
    assert signed.events == before


def test_an_amendment_to_a_closing_date_already_past_is_refused(ready: Deal) -> None:
    """2.1: the Closing "shall be held on" the date agreed; on October 27 the parties
    cannot agree to hold it on October 26, which no action can reach any more (issue 9
    item 1)."""
    result = act(ready, "amend", "company", f"{DAY}T09:40",
                 changes={"closing_date": "1997-10-26"}, signed_by=["company", "purchaser"],
                 in_writing=True)
    assert [(r.section, r.message) for r in result.reasons] == [
        ("2.1", "the Closing cannot be held on 1997-10-26, a day already past (the "
                "amendment is made on 1997-10-27)")]
    assert ready.state.closing_date.isoformat() == DAY
    assert act(ready, "amend", "company", f"{DAY}T09:41", changes={"closing_date": DAY},
               signed_by=["company", "purchaser"], in_writing=True).accepted


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


def fee(deal: Deal, as_of: str | None = None) -> dict[str, Any]:
    """The Transaction Fee as status lists it among the obligations."""
    found: dict[str, Any] = next(o for o in deal.status(as_of)["obligations"]
                                 if o["id"] == "transaction-fee")
    return found


@pytest.fixture
def settled_without_the_fee(ready: Deal) -> Deal:
    """Purchaser waived 5.1(g); closed and settled on the Closing Date, the Fee unpaid."""
    act(ready, "waive_condition", "purchaser", f"{DAY}T09:40", condition="5.1(g)")
    act(ready, "close", "company", f"{DAY}T10:00")
    act(ready, "deliver_notes", "company", f"{DAY}T11:00", denominations=["7500000.00"])
    act(ready, "pay", "purchaser", f"{DAY}T11:00", purpose="purchase_price",
        amount="7500000.00")
    assert ready.state.status is Status.Outstanding
    return ready


def test_waiving_5_1_g_leaves_the_transaction_fee_owed(settled_without_the_fee: Deal) -> None:
    """2.2: "the Company shall pay Nomura Holding America, Inc. a fee": the waiver gives up
    the condition, not the covenant; the Fee is an obligation, overdue after the Closing."""
    deal = settled_without_the_fee
    assert fee(deal) == {"id": "transaction-fee", "section": "2.2", "due": DAY,
                         "amount": "75000.00", "status": "pending"}
    assert fee(deal, "1997-10-28T00:00")["status"] == "overdue"
    assert deal.status()["conditions"]["5.1(g)"] == "waived"


def test_the_transaction_fee_may_be_paid_after_the_waiver(settled_without_the_fee: Deal) -> None:
    """2.2, 8.2: paid on November 3, 1997, the Fee is accepted, once, and exactly."""
    deal = settled_without_the_fee
    wrong = act(deal, "pay", "company", "1997-11-03T10:00", purpose="transaction_fee",
                amount="7500.00")
    assert [r.message for r in wrong.reasons] == [
        "the Transaction Fee is $75,000.00: $7,500.00 does not match it"]
    paid = act(deal, "pay", "company", "1997-11-03T10:00", purpose="transaction_fee",
               amount="75000.00")
    assert (paid.accepted, paid.state) == (True, "Outstanding")
    assert [c["event"] for c in paid.consequences] == ["payment_made"]
    assert fee(deal)["status"] == "paid"
    assert deal.status()["conditions"]["5.1(g)"] == "waived"
    again = act(deal, "pay", "company", "1997-11-04T10:00", purpose="transaction_fee",
                amount="75000.00")
    assert [r.message for r in again.reasons] == ["the Transaction Fee has already been paid"]
    assert replay(deal.events) == deal.state


def test_the_transaction_fee_is_an_obligation_from_the_signing(signed: Deal) -> None:
    """2.2: owed at the Closing, on the Closing Date while none is held; still not payable
    before it."""
    assert fee(signed) == {"id": "transaction-fee", "section": "2.2", "due": DAY,
                           "amount": "75000.00", "status": "pending"}
    assert fee(signed, "1997-12-01T00:00")["status"] == "pending"


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
    """transitions' MachineError never reaches a user. On a draft the first reasons say
    that nothing under the agreement happens before both parties sign (signature page)."""
    deal = Deal.create(None, "t")
    dest, reasons = fire("settle", deal.state, parse_time("1997-10-27T10:00"))
    assert dest is None
    assert [(r.section, r.message) for r in reasons] == [
        ("signature page", "the Company has not signed"),
        ("signature page", "Purchaser has not signed"),
        ("2.2", "the deal is Drafted: this may happen only when it is Closed")]


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
