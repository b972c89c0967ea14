"""8.10 Indemnification, with 8.2 Survival and 8.9 Expenses, as the engine runs them.

Each test states one rule of the semantics as built (engine/rules/indemnity.py):
who may claim against whom and on what, the life of a claim from its notice
to its payment, the Damages that count, survival after repayment, Schedule 1
(d) from a claim, the expenses of Purchaser's counsel, and bad input through
`npa`. Most start from the 1997 deal taken to Outstanding on the Closing Date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_run import npa

from engine import ActionResult, Deal, InvalidAction
from engine.clock import parse_time
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.state import replay

#: The Damages of the demo's claim: $225,000.00 claimed, $200,000.00 counting without
#: consent to the settlement costs.
DAMAGES: list[dict[str, Any]] = [
    {"kind": "losses", "amount": "150000.00"},
    {"kind": "attorneys_fees", "amount": "40000.00"},
    {"kind": "investigation_costs", "amount": "10000.00"},
    {"kind": "settlement_costs", "amount": "25000.00"},
]


def listed(at: str, consented_at: str | None = None) -> list[dict[str, Any]]:
    """The Damages as status lists them, for a claim made at `at` (New York time, with
    its offset): each incurred then, the settlement costs counting only after a consent
    given by then."""
    return [{**item, "consented": False, "incurred_at": at,
             "counts": item["kind"] != "settlement_costs" or (consented_at or "~") <= at}
            for item in DAMAGES]


#: A claim answered before its notice of claim takes effect (8.5).
PENDING = ("8.10", "claim C1 is not asserted yet: its notice has not taken effect "
                   "(notice pending)")


#: The Damages of a claim made on 1997-11-03 at 10:00, as status lists them.
LISTED = listed("1997-11-03T10:00:00-05:00")
D_TEXT = "a representation in section 3 proved untrue in a material respect when made"
DEAL = "lexington-1997"


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


def claim(deal: Deal, at: str, section: str = "3.6", actor: str = "purchaser",
          against: str = "company", damages: list[dict[str, Any]] | None = None,
          notice: dict[str, str] | None = None) -> ActionResult:
    """A claim under 8.10, by hand at `at` unless another notice is given."""
    return act(deal, "assert_claim", actor, at, against=against, section=section,
               damages=DAMAGES if damages is None else damages,
               notice=hand(at) if notice is None else notice)


def shown(deal: Deal, ident: str = "C1", as_of: str | None = None) -> dict[str, Any]:
    """A claim as status lists it, now or as of a time."""
    entry: dict[str, Any] = next(c for c in deal.status(as_of)["claims"] if c["id"] == ident)
    return entry


def standing(deal: Deal, ident: str = "C1", as_of: str | None = None) -> str:
    """Where a claim stands, now or as of a time."""
    status: str = shown(deal, ident, as_of)["status"]
    return status


def money(deal: Deal, ident: str = "C1") -> tuple[str, str, str]:
    """A claim's (claimed, indemnifiable, paid)."""
    entry = shown(deal, ident)
    return entry["claimed"], entry["indemnifiable"], entry["paid"]


def pay(deal: Deal, at: str, amount: str, claim_id: str | None = "C1",
        actor: str = "company", purpose: str = "indemnity") -> ActionResult:
    """A payment on a claim (or of expenses), by the Company unless said otherwise."""
    fields: dict[str, Any] = {"purpose": purpose, "amount": amount}
    if claim_id is not None:
        fields["claim"] = claim_id
    return act(deal, "pay", actor, at, **fields)


def defaults(deal: Deal) -> list[tuple[str, str, str]]:
    """Each Event of Default as (id, kind, description)."""
    return [(e["id"], e["kind"], e["description"]) for e in deal.status()["events_of_default"]]


def obligation(deal: Deal, ident: str, as_of: str | None = None) -> dict[str, Any]:
    """One obligation as status lists it, now or as of a time."""
    found: dict[str, Any] = next(o for o in deal.status(as_of)["obligations"]
                                 if o["id"] == ident)
    return found


def rebuilt(deal: Deal) -> bool:
    """Whether folding the deal's events afresh gives its state."""
    return replay(deal.events) == deal.state


def deal_after(steps: int) -> Deal:
    """The 1997 deal after the first `steps` actions of signing to Outstanding."""
    made = Deal.create(None, "indemnity")
    for action in SIGNING_TO_OUTSTANDING[:steps]:
        assert made.act(action).accepted, action
    return made


@pytest.fixture
def deal() -> Deal:
    """The 1997 deal, signed, closed and settled: the Notes Outstanding since 1997-10-27."""
    return deal_after(len(SIGNING_TO_OUTSTANDING))


@pytest.fixture
def asserted(deal: Deal) -> Deal:
    """Purchaser's claim C1 under 3.6 for $225,000.00, delivered by hand on 1997-11-03."""
    assert claim(deal, "1997-11-03T10:00").accepted
    return deal


@pytest.fixture
def repaid() -> Deal:
    """The 1997 deal as it should go, to repayment at maturity."""
    made = Deal.create(None, "repaid")
    for action in STORIES["repaid"]():
        assert made.act(action).accepted, action
    return made


# --- who may claim, against whom, on what ----------------------------------------


def test_no_claim_before_both_parties_have_signed() -> None:
    """8.10: with only the Company's signature the agreement binds no one to indemnify."""
    drafted = deal_after(1)
    result = claim(drafted, "1997-10-27T09:01")
    assert refusals(result) == [("8.10", "the agreement is not yet executed by both parties")]
    assert drafted.status()["claims"] == []


def test_a_claim_once_signed_is_sent_by_notice_and_asserted() -> None:
    """8.10 and 8.5: signed, ConditionsPending, Purchaser claims by hand: C1 by notice N1."""
    signed = deal_after(2)
    result = claim(signed, "1997-10-27T09:10")
    assert (result.accepted, result.state, result.created) == (
        True, "ConditionsPending", {"claim": "C1", "notice": "N1"})
    assert result.consequences == (
        {"event": "notice_sent", "section": "8.5",
         "summary": "notice N1 (claim) sent by Purchaser to the Company by hand, takes effect "
                    "1997-10-27T09:10:00-05:00"},
        {"event": "claim_asserted", "section": "8.10",
         "summary": "Purchaser claimed $225,000.00 from the Company under 3.6 (C1, notice N1)"},
        {"event": "notice_took_effect", "section": "8.5", "summary": "notice N1 took effect"})
    assert signed.status()["claims"] == [
        {"id": "C1", "claimant": "purchaser", "against": "company", "section": "3.6",
         "status": "asserted", "claimed": "225000.00", "indemnifiable": "0.00", "paid": "0.00",
         "notice": "N1", "consent_to_settlement": None,
         "damages": listed("1997-10-27T09:10:00-05:00")}]


def test_lci_gives_no_indemnity(deal: Deal) -> None:
    """8.10: only the Company and Purchaser indemnify; a claim against the guarantor is refused."""
    result = claim(deal, "1997-11-03T10:00", against="guarantor")
    assert refusals(result) == [("8.10", "LCI gives no indemnity under 8.10: only the Company "
                                         "and Purchaser indemnify each other")]


@pytest.mark.parametrize("party", ["purchaser", "company"])
def test_a_party_does_not_claim_against_itself(deal: Deal, party: str) -> None:
    """8.10: each party indemnifies the other, never itself."""
    section = "3.6" if party == "company" else "4.1"
    result = claim(deal, "1997-11-03T10:00", section=section, actor=party, against=party)
    assert refusals(result) == [("8.10", "a party does not claim against itself")]


@pytest.mark.parametrize(("actor", "against", "section", "whose"), [
    ("purchaser", "company", "4.1", "the Company"),
    ("purchaser", "company", "8.7(b)", "the Company"),
    ("purchaser", "company", "8.10(b)", "the Company"),
    ("purchaser", "company", "8.11", "the Company"),
    ("purchaser", "company", "8.6", "the Company"),
    ("purchaser", "company", "7.1", "the Company"),
    ("company", "purchaser", "3.1", "Purchaser"),
    ("company", "purchaser", "8.7(a)", "Purchaser"),
    ("company", "purchaser", "7.2(b)", "Purchaser"),
    ("company", "purchaser", "8.15", "Purchaser"),
    ("company", "purchaser", "8.11", "Purchaser"),
])
def test_a_claim_on_a_section_holding_nothing_of_the_party_claimed_against_is_refused(
        deal: Deal, actor: str, against: str, section: str, whose: str) -> None:
    """8.10: a party answers only for its own representations, warranties and agreements."""
    result = claim(deal, "1997-11-03T10:00", section=section, actor=actor, against=against)
    assert refusals(result) == [
        ("8.10", f"{section} holds no representation, warranty or agreement of {whose}")]


@pytest.mark.parametrize(("actor", "against", "section", "paragraphs"), [
    ("purchaser", "company", "8.7", "8.7(a)"),
    ("company", "purchaser", "8.7", "8.7(b)"),
    ("purchaser", "company", "7.2", "7.2(a), 7.2(b)"),
    ("purchaser", "company", "8.10", "8.10(a)"),
    ("purchaser", "company", "3", "3.1, 3.2, 3.3, 3.4, 3.5, ..."),
])
def test_a_claim_on_a_section_whose_paragraphs_hold_the_party_s_names_the_paragraph(
        deal: Deal, actor: str, against: str, section: str, paragraphs: str) -> None:
    """8.10: 8.7 holds the Company's representation in 8.7(a): the refusal says so, and
    does not call 8.7 a section with none of the Company's (issue 9 item 6)."""
    whose = "the Company's" if against == "company" else "Purchaser's"
    result = claim(deal, "1997-11-03T10:00", section=section, actor=actor, against=against)
    assert refusals(result) == [
        ("8.10", f"{section} holds {whose} representations, warranties or agreements in "
                 f"its paragraphs {paragraphs}: a claim names the one breached")]


@pytest.mark.parametrize("section", ["3.1", "3.6", "3.7(b)", "3.19", "8.7(a)", "1.1", "1.2",
                                     "2.1", "2.2", "6", "6.1", "6.1(a)", "6.2", "6.2(a)(i)",
                                     "6.3", "7.2(a)", "7.2(b)", "7.3", "8.10(a)", "8.13"])
def test_the_company_answers_for_its_representations_and_agreements(
        deal: Deal, section: str) -> None:
    """8.10(a): sections 3.1-3.19, 8.7(a), its agreements (1.1, 1.2, 2.1, 2.2, 6, 6.1-6.3,
    7.2(a), 7.2(b), 7.3, 8.9, 8.10(a), 8.13), and their paragraphs."""
    result = claim(deal, "1997-11-03T10:00", section=section)
    assert (result.accepted, result.created) == (True, {"claim": "C1", "notice": "N1"})
    assert (shown(deal)["section"], standing(deal)) == (section, "asserted")


@pytest.mark.parametrize("section", ["4.1", "4.3", "4.4", "8.7(b)", "1.2", "2.1", "2.2",
                                     "7.1", "7.3", "8.8", "8.9", "8.10(b)", "8.13"])
def test_purchaser_answers_for_its_representations_and_agreements(
        deal: Deal, section: str) -> None:
    """8.10(b): sections 4.1-4.4, 8.7(b), and its agreements: 1.2, 2.1, 2.2, 4.3, 7.1, 7.3
    ("agrees to comply"), 8.8, 8.9 ("shall each bear its own expenses"), 8.10(b), 8.13."""
    result = claim(deal, "1997-11-03T10:00", section=section, actor="company",
                   against="purchaser")
    assert (result.accepted, result.created) == (True, {"claim": "C1", "notice": "N1"})
    assert (shown(deal)["against"], standing(deal)) == ("purchaser", "asserted")


def test_the_closing_certificates_count_only_once_delivered() -> None:
    """8.10: "any certificate delivered ... at the Closing": 5.1(b) and 5.2(b) once delivered."""
    signed = deal_after(2)
    company_certificate = claim(signed, "1997-10-27T09:10", section="5.1(b)")
    purchaser_certificate = claim(signed, "1997-10-27T09:10", section="5.2(b)",
                                  actor="company", against="purchaser")
    assert refusals(company_certificate) == [
        ("8.10", "5.1(b) holds no representation, warranty or agreement of the Company")]
    assert refusals(purchaser_certificate) == [
        ("8.10", "5.2(b) holds no representation, warranty or agreement of Purchaser")]
    for action in SIGNING_TO_OUTSTANDING[2:6]:
        assert signed.act(action).accepted
    assert claim(signed, "1997-10-27T09:55", section="5.1(b)").created == {
        "claim": "C1", "notice": "N1"}
    assert claim(signed, "1997-10-27T09:55", section="5.2(b)", actor="company",
                 against="purchaser").created == {"claim": "C2", "notice": "N2"}
    wrong_side = claim(signed, "1997-10-27T09:55", section="5.1(b)", actor="company",
                       against="purchaser")
    assert refusals(wrong_side) == [
        ("8.10", "5.1(b) holds no representation, warranty or agreement of Purchaser")]


def test_a_certificate_for_a_closing_date_since_moved_founds_no_claim() -> None:
    """8.10, 5.1(b): a certificate dated a Closing Date the parties then moved will not be
    the one delivered at the Closing."""
    signed = deal_after(3)
    assert act(signed, "amend", "company", "1997-10-27T09:31",
               changes={"closing_date": "1997-10-29"}, signed_by=["company", "purchaser"],
               in_writing=True).accepted
    result = claim(signed, "1997-10-27T09:40", section="5.1(b)")
    assert refusals(result) == [
        ("8.10", "5.1(b) holds no representation, warranty or agreement of the Company")]


def test_a_waived_certificate_was_never_delivered() -> None:
    """8.10: Purchaser waiving 5.1(b) is no delivery of the officer's certificate."""
    signed = deal_after(2)
    assert act(signed, "waive_condition", "purchaser", "1997-10-27T09:20",
               condition="5.1(b)").accepted
    result = claim(signed, "1997-10-27T09:30", section="5.1(b)")
    assert refusals(result) == [
        ("8.10", "5.1(b) holds no representation, warranty or agreement of the Company")]


@pytest.mark.parametrize(("change", "field"), [
    ({"section": "99.1"}, "section"),
    ({"section": "3.20"}, "section"),
    ({"section": "3.6(z)"}, "section"),
    ({"against": "bob"}, "against"),
    ({"damages": []}, "damages"),
    ({"damages": [{"kind": "gains", "amount": "1.00"}]}, "damages[0].kind"),
    ({"damages": [DAMAGES[0], {"kind": "losses", "amount": "-1.00"}]}, "damages[1].amount"),
    ({"damages": [{"kind": "losses", "amount": "1.001"}]}, "damages[0].amount"),
    ({"damages": [DAMAGES[0], {"kind": "losses", "amount": "0.00"}]}, "damages[1].amount"),
    ({"damages": [{"kind": "losses", "amount": "1000000000000.01"}]}, "damages[0].amount"),
    ({"damages": [{"kind": "losses", "amount": "1.00", "colour": "red"}]},
     "damages[0].colour"),
])
def test_a_malformed_claim_is_invalid_and_stores_nothing(
        deal: Deal, change: dict[str, Any], field: str) -> None:
    """Bad input raises InvalidAction naming its field, and nothing is stored."""
    before = deal.events
    action = {"type": "assert_claim", "actor": "purchaser", "at": "1997-11-03T10:00",
              "against": "company", "section": "3.6", "damages": DAMAGES,
              "notice": hand("1997-11-03T10:00"), **change}
    with pytest.raises(InvalidAction) as error:
        deal.act(action)
    assert error.value.field == field
    assert deal.events == before


# --- the life of a claim -------------------------------------------------------


def test_a_claim_by_mail_is_asserted_when_its_notice_takes_effect(deal: Deal) -> None:
    """8.5: postmarked 1997-11-05 16:00, the claim is pending until 1997-11-10 16:00."""
    result = claim(deal, "1997-11-05T10:00", notice=by_mail("1997-11-05T16:00"))
    assert [c["summary"] for c in result.consequences] == [
        "notice N1 (claim) sent by Purchaser to the Company by registered mail, takes effect "
        "1997-11-10T16:00:00-05:00",
        "Purchaser claimed $225,000.00 from the Company under 3.6 (C1, notice N1)"]
    assert deal.status("1997-11-04T00:00")["claims"] == []
    assert [standing(deal, as_of=moment) for moment in (
        None, "1997-11-07T00:00", "1997-11-10T15:59", "1997-11-10T16:00", "1998-01-01T00:00")
            ] == ["notice pending", "notice pending", "notice pending", "asserted", "asserted"]
    events = deal.events
    deal.status("1998-01-01T00:00")
    assert deal.events == events


def test_a_claim_is_answered_only_once_its_notice_takes_effect(deal: Deal) -> None:
    """8.10: a claim whose notice is still in the mail cannot be acknowledged or disputed."""
    claim(deal, "1997-11-05T10:00", notice=by_mail("1997-11-05T16:00"))
    early = act(deal, "acknowledge_claim", "company", "1997-11-10T15:59", claim="C1")
    assert refusals(early) == [PENDING]
    on_time = act(deal, "dispute_claim", "company", "1997-11-10T16:00", claim="C1")
    assert [c["summary"] for c in on_time.consequences] == [
        "notice N1 took effect", "the Company disputed claim C1"]
    assert standing(deal) == "disputed"
    assert standing(deal, as_of="1997-11-10T15:59") == "notice pending"
    assert rebuilt(deal)


@pytest.mark.parametrize("type_", ["consent_to_settlement", "settle_claim", "adjudicate_claim"])
def test_nothing_moves_a_claim_before_its_notice_takes_effect(deal: Deal, type_: str) -> None:
    """8.10: consent, settlement and adjudication wait for the claim to be asserted."""
    claim(deal, "1997-11-05T10:00", notice=by_mail("1997-11-05T16:00"))
    actor = {"consent_to_settlement": "company", "settle_claim": "purchaser",
             "adjudicate_claim": "court"}[type_]
    extra = {} if type_ == "consent_to_settlement" else {"amount": "100.00"}
    result = act(deal, type_, actor, "1997-11-07T10:00", claim="C1", **extra)
    assert refusals(result)[0] == PENDING


@pytest.mark.parametrize("type_", ["acknowledge_claim", "dispute_claim"])
def test_only_the_indemnifying_party_answers_a_claim(asserted: Deal, type_: str) -> None:
    """8.10: the Company, claimed against, answers; Purchaser cannot answer its own claim."""
    result = act(asserted, type_, "purchaser", "1997-11-04T10:00", claim="C1")
    assert refusals(result) == [
        ("8.10", "only the Company, the indemnifying party, answers claim C1")]
    assert standing(asserted) == "asserted"


def test_the_company_answers_a_claim_against_purchaser_only_as_claimant(deal: Deal) -> None:
    """8.10(b): on the Company's claim under 4.1, Purchaser answers and pays."""
    claim(deal, "1997-11-03T10:00", section="4.1", actor="company", against="purchaser",
          damages=[DAMAGES[0]])
    by_company = act(deal, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert refusals(by_company) == [
        ("8.10", "only Purchaser, the indemnifying party, answers claim C1")]
    assert act(deal, "acknowledge_claim", "purchaser", "1997-11-04T10:00", claim="C1").accepted
    wrong_payer = pay(deal, "1997-11-05T10:00", "150000.00")
    assert refusals(wrong_payer) == [
        ("8.10", "only Purchaser, the indemnifying party, pays claim C1")]
    assert pay(deal, "1997-11-05T10:00", "150000.00", actor="purchaser").accepted
    assert (standing(deal), money(deal)) == ("paid", ("150000.00", "150000.00", "150000.00"))
    assert rebuilt(deal)


@pytest.mark.parametrize(("first", "then", "status"), [
    ("acknowledge_claim", "dispute_claim", "acknowledged"),
    ("acknowledge_claim", "acknowledge_claim", "acknowledged"),
    ("dispute_claim", "dispute_claim", "disputed"),
])
def test_an_answer_stands_once_given(asserted: Deal, first: str, then: str,
                                     status: str) -> None:
    """8.10: an acknowledgment is final, and a claim is disputed only once."""
    assert act(asserted, first, "company", "1997-11-04T10:00", claim="C1").accepted
    again = act(asserted, then, "company", "1997-11-05T10:00", claim="C1")
    assert refusals(again) == [("8.10", f"claim C1 is {status}")]
    assert standing(asserted) == status


def test_a_disputed_claim_may_still_be_acknowledged(asserted: Deal) -> None:
    """8.10: the Company that disputed a claim may later acknowledge it, and then owes it."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    result = act(asserted, "acknowledge_claim", "company", "1997-11-05T10:00", claim="C1")
    assert [c["event"] for c in result.consequences] == [
        "claim_answered", "default_occurred", "state_changed"]
    assert (standing(asserted), money(asserted)) == (
        "acknowledged", ("225000.00", "200000.00", "0.00"))
    assert rebuilt(asserted)


def test_an_acknowledged_claim_owes_the_damages_that_count(asserted: Deal) -> None:
    """8.10(a): acknowledged, the $25,000.00 of settlement costs without consent do not count."""
    result = act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert result.consequences[0] == {"event": "claim_answered", "section": "8.10",
                                      "summary": "the Company acknowledged claim C1"}
    assert shown(asserted) == {
        "id": "C1", "claimant": "purchaser", "against": "company", "section": "3.6",
        "status": "acknowledged", "claimed": "225000.00", "indemnifiable": "200000.00",
        "paid": "0.00", "notice": "N1", "consent_to_settlement": None, "damages": LISTED}


def test_settlement_costs_marked_consented_count(deal: Deal) -> None:
    """8.10(a): an item of settlement costs with the prior written consent counts in full."""
    consented: list[dict[str, Any]] = [*DAMAGES[:3], {**DAMAGES[3], "consented": True}]
    claim(deal, "1997-11-03T10:00", damages=consented)
    act(deal, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert money(deal) == ("225000.00", "225000.00", "0.00")
    assert shown(deal)["damages"][3] == {"kind": "settlement_costs", "amount": "25000.00",
                                         "consented": True,
                                         "incurred_at": "1997-11-03T10:00:00-05:00",
                                         "counts": True}


def test_consent_after_the_settlement_costs_were_incurred_never_makes_them_count(
        asserted: Deal) -> None:
    """8.10(a): "incurred with the prior written consent": a consent after the $25,000.00
    of settlement costs were incurred (with the claim) is not prior, and they stay out."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert money(asserted) == ("225000.00", "200000.00", "0.00")
    result = act(asserted, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1")
    assert result.consequences == ({
        "event": "settlement_consented", "section": "8.10(a)",
        "summary": "the Company consented in writing to settle claim C1; it is not prior "
                   "consent to the $25,000.00 of settlement costs incurred before it, which "
                   "do not count"},)
    assert money(asserted) == ("225000.00", "200000.00", "0.00")
    assert shown(asserted)["damages"][3]["counts"] is False


def test_settlement_costs_incurred_after_the_consent_count(deal: Deal) -> None:
    """8.10(a): costs the claim says are incurred on 1997-11-20, after the Company's consent
    of 1997-11-05, were incurred with its prior written consent."""
    later = [*DAMAGES[:3], {**DAMAGES[3], "incurred_at": "1997-11-20T10:00"}]
    claim(deal, "1997-11-03T10:00", damages=later)
    consent = act(deal, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1",
                  amount="225000.00")
    assert consent.consequences[0]["summary"] == (
        "the Company consented in writing to settle claim C1 for up to $225,000.00; it is "
        "prior written consent to the $25,000.00 incurred after it")
    assert deal.timeline()[-1]["summary"] == consent.consequences[0]["summary"]
    act(deal, "acknowledge_claim", "company", "1997-11-21T10:00", claim="C1")
    assert money(deal) == ("225000.00", "225000.00", "0.00")
    assert shown(deal)["damages"][3] == {
        "kind": "settlement_costs", "amount": "25000.00", "consented": False,
        "incurred_at": "1997-11-20T10:00:00-05:00", "counts": True}
    assert shown(deal)["consent_to_settlement"] == {"at": "1997-11-05T10:00:00-05:00",
                                                    "amount": "225000.00"}


def test_a_consent_after_costs_incurred_later_than_the_claim_is_still_not_prior(
        deal: Deal) -> None:
    """8.10(a): incurred on 1997-11-04, the costs were incurred before the consent of
    1997-11-05, however the claim was made."""
    later = [*DAMAGES[:3], {**DAMAGES[3], "incurred_at": "1997-11-04T10:00"}]
    claim(deal, "1997-11-03T10:00", damages=later)
    act(deal, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1")
    act(deal, "acknowledge_claim", "company", "1997-11-06T10:00", claim="C1")
    assert money(deal) == ("225000.00", "200000.00", "0.00")


def test_costs_incurred_the_minute_the_consent_is_given_count_and_are_called_so(
        deal: Deal) -> None:
    """8.10(a): the engine counts costs incurred at the very minute of the consent as
    incurred with it (README decisions), and the timeline says "at or after", not "after"."""
    same = [*DAMAGES[:3], {**DAMAGES[3], "incurred_at": "1997-11-05T10:00"}]
    claim(deal, "1997-11-03T10:00", damages=same)
    consent = act(deal, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1")
    assert consent.consequences[0]["summary"] == (
        "the Company consented in writing to settle claim C1; it is prior written consent "
        "to the $25,000.00 incurred at or after it")
    act(deal, "acknowledge_claim", "company", "1997-11-06T10:00", claim="C1")
    assert money(deal) == ("225000.00", "225000.00", "0.00")


def test_consent_to_settlement_is_given_by_the_indemnifying_party_once(asserted: Deal) -> None:
    """8.10(a): Purchaser cannot consent for the Company; the Company consents only once."""
    by_claimant = act(asserted, "consent_to_settlement", "purchaser", "1997-11-04T10:00",
                      claim="C1")
    assert refusals(by_claimant) == [
        ("8.10", "only the Company, the indemnifying party, consents to settling claim C1")]
    assert act(asserted, "consent_to_settlement", "company", "1997-11-04T10:00",
               claim="C1").accepted
    again = act(asserted, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1")
    assert refusals(again) == [("8.10(a)", "consent to settle claim C1 was already given")]


def test_the_claimant_alone_cannot_settle_a_disputed_claim(asserted: Deal) -> None:
    """8.10: a settlement is an agreement of both sides; the Company disputes and has not
    consented, so Purchaser's settlement is refused and the claim stays disputed."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    result = act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
                 amount="225000.00")
    assert refusals(result) == [
        ("8.10", "a settlement is an agreement of both sides: the Company, the indemnifying "
                 "party, disputes claim C1 and has not consented to settle it")]
    assert (standing(asserted), money(asserted)) == (
        "disputed", ("225000.00", "0.00", "0.00"))


def test_the_claimant_alone_cannot_settle_an_unanswered_claim(asserted: Deal) -> None:
    """8.10: nor one the Company has not answered."""
    result = act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
                 amount="100000.00")
    assert refusals(result) == [
        ("8.10", "a settlement is an agreement of both sides: the Company, the indemnifying "
                 "party, has not answered claim C1 and has not consented to settle it")]


def test_consent_after_the_settlement_is_refused(asserted: Deal) -> None:
    """8.10(a): once settled, the claim takes no consent; the costs stay out."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
               amount="225000.00").accepted
    late = act(asserted, "consent_to_settlement", "company", "1997-11-06T10:00", claim="C1")
    assert refusals(late) == [("8.10", "claim C1 is settled")]
    assert (standing(asserted), money(asserted)) == (
        "settled", ("225000.00", "200000.00", "0.00"))
    too_much = pay(asserted, "1997-11-07T10:00", "225000.00")
    assert refusals(too_much) == [
        ("8.10", "$225,000.00 is more than the $200,000.00 indemnifiable on claim C1")]


def test_a_settlement_is_for_no_more_than_the_consent(asserted: Deal) -> None:
    """8.10: the Company consents to settle for up to $150,000.00: not for $150,000.01."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    act(asserted, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1",
        amount="150000.00")
    over = act(asserted, "settle_claim", "purchaser", "1997-11-06T10:00", claim="C1",
               amount="150000.01")
    assert refusals(over) == [
        ("8.10", "the Company consented to settle claim C1 for no more than $150,000.00")]
    assert act(asserted, "settle_claim", "purchaser", "1997-11-06T10:00", claim="C1",
               amount="150000.00").accepted
    assert money(asserted) == ("225000.00", "150000.00", "0.00")


@pytest.mark.parametrize("amount", ["0.00", "225000.01"])
def test_a_consent_to_settle_is_for_more_than_nothing_and_no_more_than_claimed(
        asserted: Deal, amount: str) -> None:
    """8.10: a consent for nothing, or for more than the $225,000.00 claimed, is refused."""
    result = act(asserted, "consent_to_settlement", "company", "1997-11-05T10:00",
                 claim="C1", amount=amount)
    assert refusals(result) == [("8.10", "a consent to settle is for more than nothing and no "
                                         "more than the $225,000.00 claimed")]


def test_a_settlement_with_prior_consent_is_indemnifiable_in_full(asserted: Deal) -> None:
    """8.10: disputed, consent given, settled for $225,000.00: both sides agreed it, so all
    of it is indemnifiable, though $25,000.00 of settlement costs would not count alone."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    act(asserted, "consent_to_settlement", "company", "1997-11-05T10:00", claim="C1")
    result = act(asserted, "settle_claim", "purchaser", "1997-11-06T10:00", claim="C1",
                 amount="225000.00")
    assert result.consequences == ({"event": "claim_settled", "section": "8.10",
                                    "summary": "claim C1 settled for $225,000.00"},)
    assert (standing(asserted), money(asserted)) == (
        "settled", ("225000.00", "225000.00", "0.00"))


def test_a_settlement_below_the_damages_that_count_is_what_is_owed(asserted: Deal) -> None:
    """8.10: settled for $180,000.00, the Company owes $180,000.00."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
        amount="180000.00")
    assert (standing(asserted), money(asserted)) == (
        "settled", ("225000.00", "180000.00", "0.00"))


@pytest.mark.parametrize("amount", ["0.00", "225000.01", "1000000.00"])
def test_a_settlement_is_for_more_than_nothing_and_no_more_than_claimed(
        asserted: Deal, amount: str) -> None:
    """8.10: a settlement of nothing, or of more than the $225,000.00 claimed, is refused."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    result = act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
                 amount=amount)
    assert refusals(result) == [("8.10", "a settlement is for more than nothing and no more "
                                         "than the $225,000.00 claimed")]
    assert standing(asserted) == "acknowledged"


def test_a_settlement_of_everything_claimed_is_accepted(asserted: Deal) -> None:
    """8.10: the whole $225,000.00 claimed is the upper bound, and within it."""
    act(asserted, "consent_to_settlement", "company", "1997-11-04T10:00", claim="C1")
    assert act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
               amount="225000.00").accepted


def test_a_negative_settlement_is_invalid(asserted: Deal) -> None:
    """A negative amount is bad input naming `amount`."""
    with pytest.raises(InvalidAction) as error:
        act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
            amount="-1.00")
    assert error.value.field == "amount"


def test_only_the_claimant_settles_and_only_once(asserted: Deal) -> None:
    """8.10: the claim is Purchaser's to settle; a settled claim is not settled again."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    by_company = act(asserted, "settle_claim", "company", "1997-11-05T10:00", claim="C1",
                     amount="100.00")
    assert refusals(by_company) == [("8.10", "claim C1 is Purchaser's to settle")]
    act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1", amount="100.00")
    again = act(asserted, "settle_claim", "purchaser", "1997-11-06T10:00", claim="C1",
                amount="200.00")
    assert refusals(again) == [("8.10", "claim C1 is settled")]


def test_a_court_awards_no_more_than_the_damages_that_count(asserted: Deal) -> None:
    """8.10: without consent the court may award up to $200,000.00, not a cent more."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    over = act(asserted, "adjudicate_claim", "court", "1997-11-20T10:00", claim="C1",
               amount="200000.01")
    assert refusals(over) == [
        ("8.10", "$200,000.01 is more than the $200,000.00 of Damages that count")]
    result = act(asserted, "adjudicate_claim", "court", "1997-11-20T10:00", claim="C1",
                 amount="200000.00")
    assert result.consequences[0] == {"event": "claim_adjudicated", "section": "8.10",
                                      "summary": "claim C1 adjudicated: $200,000.00"}
    assert (standing(asserted), money(asserted)) == (
        "adjudicated", ("225000.00", "200000.00", "0.00"))


def test_a_court_may_award_consented_settlement_costs(deal: Deal) -> None:
    """8.10(a): with costs incurred after the consent, all $225,000.00 count and may be
    awarded."""
    claim(deal, "1997-11-03T10:00",
          damages=[*DAMAGES[:3], {**DAMAGES[3], "incurred_at": "1997-11-10T10:00"}])
    act(deal, "consent_to_settlement", "company", "1997-11-04T10:00", claim="C1")
    assert act(deal, "adjudicate_claim", "court", "1997-11-20T10:00", claim="C1",
               amount="225000.00").accepted
    assert money(deal) == ("225000.00", "225000.00", "0.00")


def test_only_a_court_adjudicates_a_claim(asserted: Deal) -> None:
    """8.1 and 8.10: neither party decides its own claim."""
    result = act(asserted, "adjudicate_claim", "purchaser", "1997-11-20T10:00", claim="C1",
                 amount="100.00")
    assert refusals(result) == [("8.1", "Purchaser may not adjudicate claim: only court")]


def test_a_claim_adjudicated_for_nothing_fails_and_nothing_is_paid(asserted: Deal) -> None:
    """8.10: an award of $0.00 is a failed claim: no payment, and no Event of Default."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    result = act(asserted, "adjudicate_claim", "court", "1997-11-20T10:00", claim="C1",
                 amount="0.00")
    assert result.consequences == ({"event": "claim_adjudicated", "section": "8.10",
                                    "summary": "claim C1 failed in court"},)
    assert (standing(asserted), money(asserted)) == ("failed", ("225000.00", "0.00", "0.00"))
    refused = pay(asserted, "1997-11-21T10:00", "1.00")
    assert refusals(refused) == [("8.10", "claim C1 failed: nothing is indemnifiable")]
    assert defaults(asserted) == []
    again = act(asserted, "adjudicate_claim", "court", "1997-11-22T10:00", claim="C1",
                amount="100.00")
    assert refusals(again) == [("8.10", "claim C1 is failed")]


def test_a_claim_may_be_withdrawn_before_any_payment(asserted: Deal) -> None:
    """8.10: settled but unpaid, Purchaser withdraws; nothing is owed and nothing moves it."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert act(asserted, "settle_claim", "purchaser", "1997-11-05T10:00", claim="C1",
               amount="100000.00").accepted
    result = act(asserted, "withdraw_claim", "purchaser", "1997-11-06T10:00", claim="C1")
    assert result.consequences == ({"event": "claim_withdrawn", "section": "8.10",
                                    "summary": "claim C1 withdrawn"},)
    assert (standing(asserted), money(asserted)) == ("withdrawn",
                                                     ("225000.00", "0.00", "0.00"))
    assert refusals(pay(asserted, "1997-11-07T10:00", "1.00")) == [
        ("8.10", "nothing is indemnifiable on claim C1 now (withdrawn)")]
    assert refusals(act(asserted, "withdraw_claim", "purchaser", "1997-11-07T10:00",
                        claim="C1")) == [("8.10", "claim C1 is already withdrawn")]
    assert refusals(act(asserted, "adjudicate_claim", "court", "1997-11-07T10:00",
                        claim="C1", amount="1.00")) == [("8.10", "claim C1 is withdrawn")]


def test_a_claim_paid_on_cannot_be_withdrawn(asserted: Deal) -> None:
    """8.10: once the Company has paid anything on it, the claim stays."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    pay(asserted, "1997-11-05T10:00", "1.00")
    result = act(asserted, "withdraw_claim", "purchaser", "1997-11-06T10:00", claim="C1")
    assert refusals(result) == [("8.10", "claim C1 has been paid on")]
    assert standing(asserted) == "acknowledged"


def test_only_the_claimant_withdraws_a_claim(asserted: Deal) -> None:
    """8.10: the Company cannot withdraw Purchaser's claim."""
    result = act(asserted, "withdraw_claim", "company", "1997-11-04T10:00", claim="C1")
    assert refusals(result) == [("8.10", "claim C1 is Purchaser's to withdraw")]


def test_a_pending_claim_may_be_withdrawn(deal: Deal) -> None:
    """8.10: a claim whose notice is still in the mail may be withdrawn, and stays withdrawn."""
    claim(deal, "1997-11-05T10:00", notice=by_mail("1997-11-05T16:00"))
    assert act(deal, "withdraw_claim", "purchaser", "1997-11-06T10:00", claim="C1").accepted
    assert [standing(deal, as_of=moment) for moment in (None, "1997-11-11T00:00")] == [
        "withdrawn", "withdrawn"]


# --- a notice not duly given -------------------------------------------------------


@pytest.fixture
def emailed(deal: Deal) -> Deal:
    """Purchaser's claim C1 under 3.6 sent by e-mail: not a way of giving notice under 8.5."""
    result = claim(deal, "1997-11-03T10:00", notice={"method": "email"})
    assert result.created == {"claim": "C1", "notice": "N1"}
    return deal


def test_a_claim_by_email_is_not_asserted(emailed: Deal) -> None:
    """8.5: the e-mailed notice has no effect, so the claim is never asserted."""
    assert [standing(emailed, as_of=moment) for moment in (None, "1999-01-01T00:00")] == [
        "not asserted", "not asserted"]
    assert emailed.status()["notices"][0]["status"] == "no effect"
    assert money(emailed) == ("225000.00", "0.00", "0.00")


@pytest.mark.parametrize(("type_", "actor", "extra"), [
    ("acknowledge_claim", "company", {}),
    ("dispute_claim", "company", {}),
    ("consent_to_settlement", "company", {}),
    ("settle_claim", "purchaser", {"amount": "100.00"}),
    ("adjudicate_claim", "court", {"amount": "100.00"}),
])
def test_nothing_follows_a_claim_not_asserted(
        emailed: Deal, type_: str, actor: str, extra: dict[str, str]) -> None:
    """8.10: every later action on a claim whose notice was not duly given is refused."""
    result = act(emailed, type_, actor, "1997-11-10T10:00", claim="C1", **extra)
    assert refusals(result)[0] == ("8.10", "claim C1 is not asserted")


def test_nothing_is_paid_on_a_claim_not_asserted(emailed: Deal) -> None:
    """8.10: nothing is indemnifiable on a claim that was never asserted."""
    result = pay(emailed, "1997-11-10T10:00", "1.00")
    assert refusals(result) == [("8.10", "nothing is indemnifiable on claim C1 now "
                                         "(not asserted)")]


def test_a_claim_not_asserted_is_not_withdrawn_either(emailed: Deal) -> None:
    """8.10: withdrawal is a later action too, refused like the rest."""
    result = act(emailed, "withdraw_claim", "purchaser", "1997-11-10T10:00", claim="C1")
    assert refusals(result) == [("8.10", "claim C1 is not asserted")]
    assert standing(emailed) == "not asserted"


# --- paying an indemnity -----------------------------------------------------------


def test_an_indemnity_paid_in_part_and_then_in_full_is_paid(asserted: Deal) -> None:
    """8.10: $120,000.00 then $80,000.00 of the $200,000.00 acknowledged: the claim is paid."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    first = pay(asserted, "1997-11-10T10:00", "120000.00")
    assert first.consequences == ({"event": "payment_made", "section": "8.10",
                                   "summary": "the Company paid $120,000.00 (indemnity) to "
                                              "Purchaser"},)
    assert (standing(asserted), money(asserted)) == (
        "acknowledged", ("225000.00", "200000.00", "120000.00"))
    over = pay(asserted, "1997-11-11T10:00", "80000.01")
    assert refusals(over) == [
        ("8.10", "$80,000.01 is more than the $80,000.00 indemnifiable on claim C1")]
    assert pay(asserted, "1997-11-11T10:00", "80000.00").accepted
    assert (standing(asserted), money(asserted)) == (
        "paid", ("225000.00", "200000.00", "200000.00"))
    after = pay(asserted, "1997-11-12T10:00", "0.01")
    assert refusals(after) == [("8.10", "nothing is indemnifiable on claim C1 now (paid)")]
    assert rebuilt(asserted)


def test_a_settlement_below_what_was_already_paid_is_refused(asserted: Deal) -> None:
    """8.10: never more paid than indemnifiable, so no settlement for less than was paid."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    pay(asserted, "1997-11-05T10:00", "150000.00")
    result = act(asserted, "settle_claim", "purchaser", "1997-11-06T10:00", claim="C1",
                 amount="100000.00")
    assert ([r.section for r in result.reasons], money(asserted)) == (
        ["8.10"], ("225000.00", "200000.00", "150000.00"))


def test_only_the_indemnifying_party_pays_a_claim(asserted: Deal) -> None:
    """8.10: Purchaser cannot pay the Company's indemnity to itself."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    result = pay(asserted, "1997-11-10T10:00", "100.00", actor="purchaser")
    assert refusals(result) == [
        ("8.10", "only the Company, the indemnifying party, pays claim C1")]


@pytest.mark.parametrize(("answer", "status"), [(None, "asserted"),
                                                ("dispute_claim", "disputed")])
def test_nothing_is_paid_on_a_claim_asserted_or_disputed(
        asserted: Deal, answer: str | None, status: str) -> None:
    """8.10: until acknowledged, settled or adjudicated nothing is indemnifiable."""
    if answer:
        act(asserted, answer, "company", "1997-11-04T10:00", claim="C1")
    result = pay(asserted, "1997-11-10T10:00", "100.00")
    assert refusals(result) == [
        ("8.10", f"nothing is indemnifiable on claim C1 now ({status})")]


def test_a_payment_of_nothing_is_refused(asserted: Deal) -> None:
    """8.10: a payment must be for more than nothing."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    result = pay(asserted, "1997-11-10T10:00", "0.00")
    assert refusals(result) == [("8.10", "a payment must be more than nothing")]


@pytest.mark.parametrize("claim_id", [None, "C9"])
def test_an_indemnity_payment_names_a_claim_of_the_deal(
        asserted: Deal, claim_id: str | None) -> None:
    """A payment of indemnity with no claim, or an unknown one, is bad input naming `claim`."""
    act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    before = asserted.events
    with pytest.raises(InvalidAction) as error:
        pay(asserted, "1997-11-10T10:00", "100.00", claim_id=claim_id)
    assert error.value.field == "claim"
    assert asserted.events == before


@pytest.mark.parametrize(("type_", "actor", "extra"), [
    ("acknowledge_claim", "company", {}),
    ("dispute_claim", "company", {}),
    ("consent_to_settlement", "company", {}),
    ("settle_claim", "purchaser", {"amount": "1.00"}),
    ("adjudicate_claim", "court", {"amount": "1.00"}),
    ("withdraw_claim", "purchaser", {}),
])
def test_an_action_on_an_unknown_claim_is_invalid(
        asserted: Deal, type_: str, actor: str, extra: dict[str, str]) -> None:
    """A claim id the deal does not have is bad input naming `claim`."""
    before = asserted.events
    with pytest.raises(InvalidAction) as error:
        act(asserted, type_, actor, "1997-11-04T10:00", claim="C2", **extra)
    assert (error.value.field, asserted.events) == ("claim", before)


# --- 8.2 survival: claims after repayment ---------------------------------------------


def test_a_claim_runs_to_payment_after_repayment_and_the_deal_stays_repaid(
        repaid: Deal) -> None:
    """8.2: the representations survive; a claim in 2000 is asserted, acknowledged and paid."""
    result = claim(repaid, "2000-03-01T10:00", damages=[DAMAGES[0]])
    assert (result.accepted, result.state, result.created) == (
        True, "Repaid", {"claim": "C1", "notice": "N1"})
    acknowledged = act(repaid, "acknowledge_claim", "company", "2000-03-02T10:00", claim="C1")
    assert [c["event"] for c in acknowledged.consequences] == ["claim_answered"]
    assert pay(repaid, "2000-03-03T10:00", "50000.00").state == "Repaid"
    assert pay(repaid, "2000-03-04T10:00", "100000.00").accepted
    status = repaid.status()
    assert (status["state"], status["events_of_default"]) == ("Repaid", [])
    assert status["claims"] == [
        {"id": "C1", "claimant": "purchaser", "against": "company", "section": "3.6",
         "status": "paid", "claimed": "150000.00", "indemnifiable": "150000.00",
         "paid": "150000.00", "notice": "N1", "consent_to_settlement": None,
         "damages": listed("2000-03-01T10:00:00-05:00")[:1]}]
    assert status["balances"]["principal_outstanding"] == "0.00"
    assert rebuilt(repaid)


def test_the_indemnity_story_ends_repaid_with_c1_paid() -> None:
    """engine.demo's indemnity story: Repaid, C1 paid $180,000.00 of $225,000.00 claimed."""
    told = Deal.create(None, "indemnity")
    for action in STORIES["indemnity"]():
        assert told.act(action).accepted, action
    status = told.status()
    assert status["state"] == "Repaid"
    assert status["claims"] == [
        {"id": "C1", "claimant": "purchaser", "against": "company", "section": "3.6",
         "status": "paid", "claimed": "225000.00", "indemnifiable": "180000.00",
         "paid": "180000.00", "notice": "N1",
         "consent_to_settlement": {"at": "2000-04-12T10:00:00-04:00", "amount": None},
         "damages": listed("2000-03-01T10:00:00-05:00")}]
    assert obligation(told, "expenses-X1") == {
        "id": "expenses-X1", "section": "8.9", "due": "1997-11-27", "amount": "85000.00",
        "status": "paid"}
    assert status["events_of_default"] == []
    assert rebuilt(told)


def test_the_indemnity_storys_claim_over_time() -> None:
    """C1 by mail on 2000-03-01: pending to 03-06 16:00, asserted, disputed, settled, paid."""
    told = Deal.create(None, "indemnity")
    for action in STORIES["indemnity"]():
        told.act(action)
    assert [standing(told, as_of=moment) for moment in (
        "2000-03-06T15:59", "2000-03-06T16:00", "2000-03-08T11:00", "2000-04-12T10:00",
        "2000-04-20T15:00", "2000-04-28T10:00")] == [
        "notice pending", "asserted", "disputed", "disputed", "settled", "paid"]
    assert told.status("2000-02-29T00:00")["claims"] == []
    assert [shown(told, as_of=moment)["indemnifiable"] for moment in (
        "2000-03-08T11:00", "2000-04-20T15:00")] == ["0.00", "180000.00"]
    assert [told.status(moment)["state"] for moment in (
        "2000-03-01T10:00", "2000-04-28T10:00")] == ["Repaid", "Repaid"]


# --- Schedule 1 (d): a section 3 representation found untrue ---------------------------


def test_an_acknowledged_section_3_claim_is_event_of_default_d(asserted: Deal) -> None:
    """Schedule 1 (d), ASSUMED: the Company acknowledging 3.6 untrue, Notes Outstanding."""
    result = act(asserted, "acknowledge_claim", "company", "1997-11-04T10:00", claim="C1")
    assert [(c["event"], c["summary"]) for c in result.consequences] == [
        ("claim_answered", "the Company acknowledged claim C1"),
        ("default_occurred", f"Event of Default E1: {D_TEXT}: 3.6 (claim C1)"),
        ("state_changed", "the deal moved from Outstanding to Default")]
    assert asserted.status()["events_of_default"] == [
        {"id": "E1", "kind": "d", "section": "Schedule 1 (d)", "assumed": True,
         "description": f"{D_TEXT}: 3.6 (claim C1)",
         "occurred_at": "1997-11-04T10:00:00-05:00", "status": "continuing",
         "ended_at": None}]
    assert result.state == "Default"
    assert rebuilt(asserted)


def test_a_section_3_claim_adjudicated_for_something_is_event_of_default_d(
        asserted: Deal) -> None:
    """Schedule 1 (d), ASSUMED: a court finding 3.6 untrue, for $1.00, while Outstanding."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    result = act(asserted, "adjudicate_claim", "court", "1997-11-20T10:00", claim="C1",
                 amount="1.00")
    assert [c["event"] for c in result.consequences] == [
        "claim_adjudicated", "default_occurred", "state_changed"]
    assert defaults(asserted) == [("E1", "d", f"{D_TEXT}: 3.6 (claim C1)")]
    assert result.state == "Default"


def test_event_of_default_d_comes_once_for_each_representation(deal: Deal) -> None:
    """Schedule 1 (d): a second claim on 3.6 makes none; one on 3.7(b) makes its own."""
    claim(deal, "1997-11-03T10:00")
    act(deal, "acknowledge_claim", "company", "1997-11-03T11:00", claim="C1")
    claim(deal, "1997-11-04T10:00")
    second = act(deal, "acknowledge_claim", "company", "1997-11-04T11:00", claim="C2")
    assert [c["event"] for c in second.consequences] == ["claim_answered"]
    act(deal, "adjudicate_claim", "court", "1997-11-05T10:00", claim="C1", amount="150000.00")
    claim(deal, "1997-11-06T10:00", section="3.7(b)")
    act(deal, "acknowledge_claim", "company", "1997-11-06T11:00", claim="C3")
    assert defaults(deal) == [("E1", "d", f"{D_TEXT}: 3.6 (claim C1)"),
                              ("E2", "d", f"{D_TEXT}: 3.7(b) (claim C3)")]
    assert rebuilt(deal)


def test_no_event_of_default_d_from_a_claim_on_a_recorded_misrepresentation(
        deal: Deal) -> None:
    """Schedule 1 (d): 3.6 already recorded untrue (E1), a claim on 3.6 makes no second one."""
    act(deal, "record_misrepresentation", "company", "1997-11-03T09:00", section="3.6",
        description="undisclosed litigation")
    claim(deal, "1997-11-03T10:00")
    result = act(deal, "acknowledge_claim", "company", "1997-11-03T11:00", claim="C1")
    assert [c["event"] for c in result.consequences] == ["claim_answered"]
    assert defaults(deal) == [("E1", "d", f"{D_TEXT}: 3.6, undisclosed litigation")]


@pytest.mark.parametrize(("type_", "actor", "amount", "status"), [
    ("settle_claim", "purchaser", "180000.00", "settled"),
    ("adjudicate_claim", "court", "0.00", "failed"),
])
def test_a_settled_or_failed_claim_is_no_event_of_default(
        asserted: Deal, type_: str, actor: str, amount: str, status: str) -> None:
    """Schedule 1 (d): a settlement finds nothing untrue, nor does a claim that fails."""
    act(asserted, "dispute_claim", "company", "1997-11-04T10:00", claim="C1")
    act(asserted, "consent_to_settlement", "company", "1997-11-10T10:00", claim="C1")
    result = act(asserted, type_, actor, "1997-11-20T10:00", claim="C1", amount=amount)
    assert (result.state, defaults(asserted), standing(asserted)) == ("Outstanding", [], status)


@pytest.mark.parametrize(("section", "actor", "against"), [
    ("6.1", "purchaser", "company"),
    ("8.7(a)", "purchaser", "company"),
    ("4.1", "company", "purchaser"),
])
def test_only_the_companys_section_3_makes_event_of_default_d(
        deal: Deal, section: str, actor: str, against: str) -> None:
    """Schedule 1 (d) names section 3: a covenant, 8.7(a) or Purchaser's 4.1 make none."""
    claim(deal, "1997-11-03T10:00", section=section, actor=actor, against=against)
    result = act(deal, "acknowledge_claim", against, "1997-11-04T10:00", claim="C1")
    assert (result.accepted, result.state, defaults(deal)) == (True, "Outstanding", [])


def test_no_event_of_default_d_once_repaid(repaid: Deal) -> None:
    """Schedule 1 (d): after repayment an acknowledged 3.6 claim leaves the deal Repaid."""
    claim(repaid, "2000-03-01T10:00")
    result = act(repaid, "acknowledge_claim", "company", "2000-03-02T10:00", claim="C1")
    assert (result.state, defaults(repaid), standing(repaid)) == (
        "Repaid", [], "acknowledged")


def test_no_event_of_default_d_before_the_notes_are_outstanding() -> None:
    """Schedule 1 (d): signed but not closed, an acknowledged 3.6 claim makes none."""
    signed = deal_after(2)
    claim(signed, "1997-10-27T09:10")
    result = act(signed, "acknowledge_claim", "company", "1997-10-27T09:20", claim="C1")
    assert (result.state, defaults(signed)) == ("ConditionsPending", [])


# --- 8.9 Expenses --------------------------------------------------------------------


def present(deal: Deal, at: str = "1997-10-28T10:00", amount: str = "85000.00",
            actor: str = "purchaser") -> ActionResult:
    """Purchaser presents its counsel's fees and expenses (8.9)."""
    return act(deal, "present_expenses", actor, at, amount=amount,
               description="Robinson, Silverman: the Agreement and the Notes")


def test_presented_expenses_are_due_within_30_days(deal: Deal) -> None:
    """8.9, ASSUMED 30 days: presented 1997-10-28, the last day is 1997-11-27."""
    result = present(deal)
    assert (result.created, result.consequences) == (
        {"expense": "X1"},
        ({"event": "expenses_presented", "section": "8.9",
          "summary": "Purchaser presented $85,000.00 of its counsel's fees and expenses (X1): "
                     "Robinson, Silverman: the Agreement and the Notes"},))
    assert obligation(deal, "expenses-X1") == {
        "id": "expenses-X1", "section": "8.9", "due": "1997-11-27", "amount": "85000.00",
        "status": "pending"}
    assert [obligation(deal, "expenses-X1", moment)["status"] for moment in (
        "1997-11-27T23:59", "1997-11-28T00:00", "1998-06-01T00:00")] == [
        "pending", "overdue", "overdue"]


def test_the_company_pays_presented_expenses(deal: Deal) -> None:
    """8.9: paid on 1997-11-10, the expenses are paid and never fall overdue."""
    present(deal)
    result = pay(deal, "1997-11-10T10:00", "85000.00", claim_id=None, purpose="expenses")
    assert result.consequences == ({"event": "payment_made", "section": "8.9",
                                    "summary": "the Company paid $85,000.00 (expenses) to "
                                               "Purchaser"},)
    assert [obligation(deal, "expenses-X1", moment)["status"] for moment in (
        None, "1997-11-28T00:00")] == ["paid", "paid"]


def test_expenses_paid_in_part_stay_overdue_until_paid_in_full(deal: Deal) -> None:
    """8.9: $5,000.00 after the 30 days leaves them overdue; the other $80,000.00 pays them."""
    present(deal)
    pay(deal, "1997-11-29T10:00", "5000.00", claim_id=None, purpose="expenses")
    assert obligation(deal, "expenses-X1")["status"] == "overdue"
    pay(deal, "1997-11-30T10:00", "80000.00", claim_id=None, purpose="expenses")
    assert obligation(deal, "expenses-X1")["status"] == "paid"
    assert rebuilt(deal)


def test_no_more_expenses_are_paid_than_were_presented(deal: Deal) -> None:
    """8.9: nothing presented, nothing payable; never more than presented and unpaid."""
    early = pay(deal, "1997-10-28T09:00", "1.00", claim_id=None, purpose="expenses")
    assert refusals(early) == [("8.9", "no expenses have been presented and left unpaid")]
    present(deal)
    over = pay(deal, "1997-11-10T10:00", "85000.01", claim_id=None, purpose="expenses")
    assert refusals(over) == [("8.9", "$85,000.01 is more than the $85,000.00 of expenses "
                                      "presented and unpaid")]
    pay(deal, "1997-11-10T10:00", "85000.00", claim_id=None, purpose="expenses")
    again = pay(deal, "1997-11-11T10:00", "1.00", claim_id=None, purpose="expenses")
    assert refusals(again) == [("8.9", "no expenses have been presented and left unpaid")]


def test_only_the_company_pays_the_expenses_of_purchasers_counsel(deal: Deal) -> None:
    """8.9: "the Company will pay": Purchaser paying them is refused."""
    present(deal)
    result = pay(deal, "1997-11-10T10:00", "85000.00", claim_id=None, purpose="expenses",
                 actor="purchaser")
    assert refusals(result) == [("8.9", "the Company pays the expenses of Purchaser's counsel")]


def test_only_purchaser_presents_expenses_and_for_something(deal: Deal) -> None:
    """8.9: the Company presents nothing to itself; a presentation of $0.00 is refused."""
    assert refusals(present(deal, actor="company")) == [
        ("8.9", "the Company may not present expenses: only purchaser")]
    assert refusals(present(deal, amount="0.00")) == [
        ("8.9", "expenses presented are more than nothing")]


def test_expenses_are_presented_only_once_signed() -> None:
    """8.9: before both signatures there is no agreement to present expenses under."""
    drafted = deal_after(1)
    before = drafted.events
    result = present(drafted, at="1997-10-27T09:01")
    assert refusals(result) == [("8.9", "the agreement is not yet executed by both parties")]
    assert drafted.events == before


def test_a_claim_under_8_9_waits_for_expenses_overdue(deal: Deal) -> None:
    """8.9 and 8.10(a): only unpaid expenses past their 30 days are a breach to claim for."""
    nothing = claim(deal, "1997-10-28T09:00", section="8.9", damages=[DAMAGES[1]])
    reason = ("8.9", "no presented expenses are overdue: the Company has not broken 8.9")
    assert refusals(nothing) == [reason]
    present(deal)
    assert refusals(claim(deal, "1997-11-27T23:59", section="8.9",
                          damages=[DAMAGES[1]])) == [reason]
    result = claim(deal, "1997-11-28T00:00", section="8.9", damages=[DAMAGES[1]])
    assert (result.accepted, result.created) == (True, {"claim": "C1", "notice": "N1"})
    assert (shown(deal)["section"], standing(deal)) == ("8.9", "asserted")
    assert rebuilt(deal)


def test_no_claim_under_8_9_once_the_expenses_are_paid(deal: Deal) -> None:
    """8.9: expenses paid in time leave nothing overdue to claim for."""
    present(deal)
    pay(deal, "1997-11-10T10:00", "85000.00", claim_id=None, purpose="expenses")
    result = claim(deal, "1997-12-01T10:00", section="8.9", damages=[DAMAGES[1]])
    assert refusals(result) == [
        ("8.9", "no presented expenses are overdue: the Company has not broken 8.9")]


def test_a_presentation_names_the_counsel_8_9_names(deal: Deal) -> None:
    """8.9: the Company pays the fees of "Robinson, Silverman, Pearce, Aronsohn & Berman
    LLP, counsel to Purchaser", however written ("&" or "and", any case or punctuation);
    those of other counsel Purchaser bears."""
    other = act(deal, "present_expenses", "purchaser", "1997-10-28T10:00", amount="20000.00",
                description="second opinion", counsel="Cravath, Swaine & Moore")
    assert refusals(other) == [
        ("8.9", "the Company pays the fees of Robinson, Silverman, Pearce, Aronsohn & Berman "
                "LLP, counsel to Purchaser, not of Cravath, Swaine & Moore: each party bears "
                "its own expenses and legal fees")]
    named = act(deal, "present_expenses", "purchaser", "1997-10-28T10:00", amount="1.00",
                description="closing", counsel="robinson silverman pearce aronsohn and berman llp")
    assert named.accepted
    same = act(deal, "present_expenses", "purchaser", "1997-10-28T10:00", amount="85000.00",
               description="closing", counsel="Robinson Silverman Pearce Aronsohn & Berman LLP")
    assert same.accepted
    assert deal.events[-1].counsel == "Robinson Silverman Pearce Aronsohn & Berman LLP"
    left_out = present(deal, at="1997-10-29T10:00")
    assert [x["amount"] for x in deal.status()["obligations"] if x["section"] == "8.9"] == [
        "1.00", "85000.00", "85000.00"]
    assert left_out.accepted
    assert deal.events[-1].counsel == "Robinson, Silverman, Pearce, Aronsohn & Berman LLP"


def test_fees_incurred_after_the_notes_were_delivered_are_not_expenses_under_8_9(
        deal: Deal) -> None:
    """8.9: "in connection with the preparation, execution and delivery hereof and of the
    Notes": fees incurred after the Notes were delivered (11:00 on the Closing Date) are
    refused; up to then they are accepted."""
    later = act(deal, "present_expenses", "purchaser", "1998-03-10T10:00", amount="30000.00",
                description="enforcement", incurred_at="1998-03-09T17:00")
    assert refusals(later) == [
        ("8.9", "fees incurred after the Notes were delivered (1997-10-27T11:00:00-05:00) are "
                "not in connection with the preparation, execution and delivery of the "
                "Agreement and the Notes: they are Damages under 8.10 if a breach caused "
                "them, and otherwise Purchaser's own")]
    on_time = act(deal, "present_expenses", "purchaser", "1998-03-10T10:00",
                  amount="85000.00", description="closing", incurred_at="1997-10-27T11:00")
    assert on_time.accepted
    assert deal.events[-1].incurred_at == parse_time("1997-10-27T11:00")


def test_fees_not_yet_incurred_are_not_presented(deal: Deal) -> None:
    """8.9: expenses "incurred by Purchaser": a presentation of fees yet to come is refused."""
    result = act(deal, "present_expenses", "purchaser", "1997-10-28T10:00", amount="1000.00",
                 description="closing", incurred_at="1997-10-29T10:00")
    assert ("8.9", "expenses are presented once incurred, not before") in refusals(result)


def test_later_counsel_fees_are_claimed_as_damages_under_8_10(deal: Deal) -> None:
    """8.9 and 8.10(a): the fees of enforcing 6.1 after a missed report are reasonable
    attorneys' fees among the Damages of a claim, not expenses under 8.9."""
    result = claim(deal, "1998-05-01T10:00", section="6.1",
                   damages=[{"kind": "attorneys_fees", "amount": "30000.00",
                             "incurred_at": "1998-04-20T10:00"}])
    assert result.accepted
    act(deal, "acknowledge_claim", "company", "1998-05-02T10:00", claim="C1")
    assert money(deal) == ("30000.00", "30000.00", "0.00")


def test_purchaser_bearing_its_own_expenses_is_an_agreement_of_purchaser(deal: Deal) -> None:
    """8.9: "The Company and Purchaser shall each bear its own expenses": the Company may
    claim on it, with no presented expenses overdue."""
    result = claim(deal, "1997-11-03T10:00", section="8.9", actor="company",
                   against="purchaser", damages=[DAMAGES[0]])
    assert (result.accepted, shown(deal)["against"]) == (True, "purchaser")


# --- bad input through npa ---------------------------------------------------------


def history(capsys: pytest.CaptureFixture[str], db: Path) -> Any:
    """What `npa timeline --json` prints: the deal's stored events."""
    code, out, err = npa(capsys, "timeline", DEAL, "--db", str(db), "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A SQLite file holding the 1997 deal, signed by both, with Purchaser's claim C1 asserted."""
    path = tmp_path / "deals.db"
    assert npa(capsys, "new", DEAL, "--db", str(path))[0] == 0
    for action in [*SIGNING_TO_OUTSTANDING[:2],
                   {"type": "assert_claim", "actor": "purchaser", "at": "1997-10-27T09:10",
                    "against": "company", "section": "3.6", "damages": DAMAGES,
                    "notice": hand("1997-10-27T09:10")}]:
        code, _, err = npa(capsys, "act", DEAL, json.dumps(action), "--db", str(path))
        assert (code, err) == (0, "")
    return path


CLAIM = {"type": "assert_claim", "actor": "purchaser", "at": "1997-10-27T09:20",
         "against": "company", "section": "3.6", "damages": DAMAGES,
         "notice": hand("1997-10-27T09:20")}
AT = "1997-10-27T09:20"
BAD_CLAIM_INPUT: list[Any] = [
    ("unknown damage kind", {**CLAIM, "damages": [{"kind": "gains", "amount": "1.00"}]},
     "damages[0].kind"),
    ("negative amount", {**CLAIM, "damages": [{"kind": "losses", "amount": "-1.00"}]},
     "damages[0].amount"),
    ("negative amount as a number", {**CLAIM, "damages": [DAMAGES[0],
                                                          {"kind": "losses", "amount": -5}]},
     "damages[1].amount"),
    ("sub-cent amount", {**CLAIM, "damages": [{"kind": "losses", "amount": "1.001"}]},
     "damages[0].amount"),
    ("amount over 10^12", {**CLAIM, "damages": [{"kind": "losses",
                                                 "amount": "1000000000000.01"}]},
     "damages[0].amount"),
    ("missing amount", {**CLAIM, "damages": [{"kind": "losses"}]}, "damages[0].amount"),
    ("consented as text", {**CLAIM, "damages": [{**DAMAGES[3], "consented": "yes"}]},
     "damages[0].consented"),
    ("unknown field in a damage", {**CLAIM, "damages": [{**DAMAGES[0], "colour": "red"}]},
     "damages[0].colour"),
    ("empty damages", {**CLAIM, "damages": []}, "damages"),
    ("missing damages", {k: v for k, v in CLAIM.items() if k != "damages"}, "damages"),
    pytest.param({**CLAIM, "damages": "lots"}, "damages", id="damages as text"),
    ("unknown section", {**CLAIM, "section": "99.1"}, "section"),
    ("unknown against", {**CLAIM, "against": "bob"}, "against"),
    ("missing notice", {k: v for k, v in CLAIM.items() if k != "notice"}, "notice"),
    ("acknowledge an unknown claim", {"type": "acknowledge_claim", "actor": "company",
                                      "at": AT, "claim": "C9"}, "claim"),
    ("dispute an unknown claim", {"type": "dispute_claim", "actor": "company", "at": AT,
                                  "claim": "C9"}, "claim"),
    ("consent on an unknown claim", {"type": "consent_to_settlement", "actor": "company",
                                     "at": AT, "claim": "C9"}, "claim"),
    ("settle an unknown claim", {"type": "settle_claim", "actor": "purchaser", "at": AT,
                                 "claim": "C9", "amount": "1.00"}, "claim"),
    ("adjudicate an unknown claim", {"type": "adjudicate_claim", "actor": "court", "at": AT,
                                     "claim": "C9", "amount": "1.00"}, "claim"),
    ("withdraw an unknown claim", {"type": "withdraw_claim", "actor": "purchaser", "at": AT,
                                   "claim": "C9"}, "claim"),
    ("pay an unknown claim", {"type": "pay", "actor": "company", "at": AT,
                              "purpose": "indemnity", "amount": "1.00", "claim": "C9"},
     "claim"),
    ("pay an indemnity naming no claim", {"type": "pay", "actor": "company", "at": AT,
                                          "purpose": "indemnity", "amount": "1.00"}, "claim"),
    ("a claim named on a payment of expenses", {"type": "pay", "actor": "company", "at": AT,
                                                "purpose": "expenses", "amount": "1.00",
                                                "claim": "C1"}, "claim"),
    ("settle for a negative amount", {"type": "settle_claim", "actor": "purchaser", "at": AT,
                                      "claim": "C1", "amount": "-1.00"}, "amount"),
    ("expenses of a sub-cent", {"type": "present_expenses", "actor": "purchaser", "at": AT,
                                "amount": "1.001", "description": "fees"}, "amount"),
]


@pytest.mark.parametrize(("action", "field"), [
    pytest.param(*case[1:], id=case[0]) if type(case) is tuple else case
    for case in BAD_CLAIM_INPUT])
def test_npa_bad_claim_input_exits_2_naming_the_field_and_stores_nothing(
        action: dict[str, Any], field: str, db: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Bad input exits 2 with one line 'npa: error: FIELD: ...' and the timeline unchanged."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "act", DEAL, json.dumps(action), "--db", str(db))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"npa: error: {field}: "), err
    assert history(capsys, db) == before


def test_npa_refused_claim_exits_1_and_stores_nothing(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A claim against LCI exits 1 with its reason under 8.10, and nothing is stored."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "act", DEAL, json.dumps({**CLAIM, "against": "guarantor"}),
                         "--db", str(db), "--json")
    assert (code, err) == (1, "")
    assert [(r["section"], r["message"]) for r in json.loads(out)["reasons"]] == [
        ("8.10", "LCI gives no indemnity under 8.10: only the Company and Purchaser "
                 "indemnify each other")]
    assert history(capsys, db) == before


def test_npa_accepted_claim_exits_0_and_is_stored(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second claim exits 0, creates C2 and adds its notice and claim to the timeline."""
    before = history(capsys, db)
    code, out, err = npa(capsys, "act", DEAL, json.dumps(CLAIM), "--db", str(db), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["created"] == {"claim": "C2", "notice": "N2"}
    after = history(capsys, db)
    assert after[:len(before)] == before
    assert [entry["event"] for entry in after[len(before):]] == [
        "notice_sent", "claim_asserted", "notice_took_effect"]
