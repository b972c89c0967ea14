"""8.10 Indemnification, with 8.2 Survival (8.9 Expenses are in `expenses`).

8.10(a): the Company indemnifies Purchaser against Damages "arising from,
relating to or resulting from any misrepresentation or breach of warranty or
agreement of the Company contained in this Agreement or in any certificate
delivered by the Company at the Closing"; (b) Purchaser indemnifies the
Company likewise. Damages include "reasonable attorneys' fees, settlement
costs incurred with the prior written consent of the indemnifying party" and
costs of investigating. 8.2: the representations, warranties, covenants and
agreements survive the closing, so claims run after repayment too.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from contract import UnknownSection, agreements_of, clause, condition, representations_of
from engine.actions import (
    DAMAGE_KINDS,
    AcknowledgeClaim,
    AdjudicateClaim,
    AssertClaim,
    ConsentToSettlement,
    DisputeClaim,
    Pay,
    SettleClaim,
    WithdrawClaim,
)
from engine.errors import InvalidAction
from engine.events import (
    ClaimAdjudicated,
    ClaimAnswered,
    ClaimAsserted,
    ClaimSettled,
    ClaimWithdrawn,
    DamageItem,
    Event,
    PaymentMade,
    SettlementConsented,
)
from engine.explain import Reason, refusal
from engine.money import ZERO, dollars
from engine.rules.common import Decision, accept, name_of, next_id, refuse
from engine.rules.conditions import serves_the_closing_date
from engine.rules.expenses import executed, overdue_expenses
from engine.rules.notices import give_notice
from engine.state import Claim, DealState

#: The certificate each party delivers at the Closing (8.10: "any certificate delivered").
CERTIFICATES = {"company": "5.1(b)", "purchaser": "5.2(b)"}
OPEN = ("asserted", "acknowledged", "disputed")


def indemnified_sections(state: DealState, party: str) -> tuple[str, ...]:
    """8.10: the sections holding a party's representations, warranties and agreements,
    and the certificate it delivered at the Closing."""
    sections = representations_of(party) + agreements_of(party)
    certificate = CERTIFICATES[party]
    marked = state.marked.get(certificate)
    if (marked is not None and marked.status == "satisfied"
            and serves_the_closing_date(state, condition(certificate), marked)):
        sections += (certificate,)
    return sections


def covers(section: str, sections: tuple[str, ...]) -> bool:
    """Whether `section` is one of `sections` or a paragraph of one."""
    return any(section == s or section.startswith(s + "(") for s in sections)


def nothing_of_the_party(state: DealState, section: str, party: str) -> Reason:
    """8.10: the refusal of a claim on a section that is not one of the party's.

    A section whose paragraphs hold some of the party's (8.7, for 8.7(a)) is
    not called one that holds none: the refusal names the paragraphs.
    """
    inside = list(dict.fromkeys(s for s in indemnified_sections(state, party)
                                if s.startswith((f"{section}(", f"{section}."))))
    whose = name_of(state, party)
    if not inside:
        return refusal("8.10", f"{section} holds no representation, warranty or agreement "
                               f"of {whose}")
    shown = ", ".join(inside[:5]) + (", ..." if len(inside) > 5 else "")
    return refusal("8.10", f"{section} holds {whose}'s representations, warranties or "
                           f"agreements in its paragraphs {shown}: a claim names the one "
                           "breached")


def claimed(claim: Claim) -> Decimal:
    """The Damages a claim lists, in all."""
    return sum((d.amount for d in claim.damages), ZERO)


def incurred(claim: Claim, damage: DamageItem) -> datetime | None:
    """When an item of Damages was incurred: as the claim says, or else when it was made."""
    return damage.incurred_at if damage.incurred_at is not None else claim.asserted_at


def with_prior_written_consent(claim: Claim, damage: DamageItem) -> bool:
    """8.10(a): "settlement costs incurred with the prior written consent of the
    indemnifying party".

    Settlement costs count when the claim says they were incurred with a
    consent given before it (`consented`), or when the indemnifying party's
    `consent_to_settlement` came before they were incurred. A consent given
    after they were incurred never makes them count: it was not prior.
    """
    if damage.kind != "settlement_costs" or damage.consented:
        return True
    when = incurred(claim, damage)
    return claim.consented_at is not None and when is not None and claim.consented_at <= when


def eligible(claim: Claim) -> Decimal:
    """8.10(a): the Damages that count: settlement costs only with prior written consent."""
    return sum((d.amount for d in claim.damages if with_prior_written_consent(claim, d)),
               ZERO)


def agreed_settlement(claim: Claim) -> bool:
    """8.10: whether the claim was settled with the indemnifying party's consent."""
    return claim.settled is not None and claim.consented_at is not None


def indemnifiable(claim: Claim) -> Decimal:
    """What the indemnifying party owes on a claim, as it stands.

    A settlement both sides agreed is owed as agreed; one the claimant made
    alone, on a claim the indemnifying party acknowledged, is owed up to the
    Damages that count.
    """
    if claim.withdrawn_at is not None:
        return ZERO
    if claim.adjudicated is not None:
        return claim.adjudicated
    if claim.settled is not None:
        return claim.settled if agreed_settlement(claim) else min(claim.settled,
                                                                   eligible(claim))
    if claim.answer == "acknowledged":
        return eligible(claim)
    return ZERO


def claim_status(state: DealState, claim: Claim) -> str:
    """Where a claim stands: notice pending, asserted, acknowledged or disputed,
    settled or adjudicated (failed when for nothing), paid, withdrawn, or not asserted
    (its notice was not duly given)."""
    notice = state.notices[claim.notice]
    owed = indemnifiable(claim)
    if claim.withdrawn_at is not None:
        return "withdrawn"
    if notice.effective_at is None:
        return "not asserted"
    if not notice.took_effect:
        return "notice pending"
    if claim.adjudicated is not None and claim.adjudicated == 0:
        return "failed"
    if owed > 0 and claim.paid >= owed:
        return "paid"
    if claim.adjudicated is not None:
        return "adjudicated"
    if claim.settled is not None:
        return "settled"
    return claim.answer or "asserted"


def _claim(state: DealState, ident: str) -> Claim:
    """The claim with that id, or InvalidAction naming the field."""
    claim = state.claims.get(ident)
    if claim is None:
        raise InvalidAction(f"no claim {ident!r:.40} in this deal", field="claim")
    return claim


def assert_claim(state: DealState, action: AssertClaim) -> Decision:
    """8.10, by notice under 8.5: a claim names the section breached and lists its Damages.

    The Company answers for its own representations, warranties and
    agreements (and its Closing certificate), Purchaser for its own; LCI gives
    no indemnity under 8.10.
    """
    try:
        clause(action.section)
    except UnknownSection:
        raise InvalidAction(f"{action.section!r:.40} is not a section of the agreement",
                            field="section") from None
    if action.against not in ("company", "purchaser", "guarantor"):
        raise InvalidAction(f"{action.against!r:.40} is not a party (company or purchaser)",
                            field="against")
    if not action.damages:
        raise InvalidAction("a claim lists its Damages", field="damages")
    for i, damage in enumerate(action.damages):
        if damage.kind not in DAMAGE_KINDS:
            raise InvalidAction(f"{damage.kind!r:.40} is not a kind of Damages "
                                f"({', '.join(DAMAGE_KINDS)})", field=f"damages[{i}].kind")
        if damage.amount <= 0:
            raise InvalidAction("an item of Damages is an amount of more than $0.00",
                                field=f"damages[{i}].amount")
    reasons = executed(state)
    if action.against == "guarantor":
        reasons.append(refusal("8.10", "LCI gives no indemnity under 8.10: only the Company "
                                       "and Purchaser indemnify each other"))
    elif action.against == action.actor:
        reasons.append(refusal("8.10", "a party does not claim against itself"))
    elif not covers(action.section, indemnified_sections(state, action.against)):
        reasons.append(nothing_of_the_party(state, action.section, action.against))
    elif (action.section == "8.9" and action.against == "company"
          and not overdue_expenses(state, action.at)):
        reasons.append(refusal("8.9", "no presented expenses are overdue: the Company has not "
                                      "broken 8.9"))
    if reasons:
        return refuse(reasons)
    sent = give_notice(state, at=action.at, sender=action.actor, to=action.against,
                       kind="claim", spec=action.notice)
    ident = next_id("C", state.claims)
    damages = tuple(DamageItem(d.kind, d.amount, d.consented, d.incurred_at)
                    for d in action.damages)
    return accept(
        sent,
        ClaimAsserted(at=action.at, claim=ident, claimant=action.actor, against=action.against,
                      section=action.section, damages=damages, notice=sent.notice),
        created={"claim": ident, "notice": sent.notice},
    )


def _indemnifier(state: DealState, claim: Claim, actor: str, verb: str) -> list[Reason]:
    """Only the indemnifying party answers, consents to settlement, or pays."""
    if actor == claim.against:
        return []
    return [refusal("8.10", f"only {name_of(state, claim.against)}, the indemnifying party, "
                            f"{verb} claim {claim.id}")]


def _open(state: DealState, claim: Claim, allowed: tuple[str, ...] = OPEN) -> list[Reason]:
    """A refusal unless the claim stands in one of the `allowed` states."""
    status = claim_status(state, claim)
    if status in allowed:
        return []
    if status == "notice pending":  # "claim C1 is notice pending" read badly
        return [refusal("8.10", f"claim {claim.id} is not asserted yet: its notice has not "
                                "taken effect (notice pending)")]
    return [refusal("8.10", f"claim {claim.id} is {status}")]


def answer_claim(state: DealState, action: AcknowledgeClaim | DisputeClaim) -> Decision:
    """8.10: the indemnifying party acknowledges or disputes an asserted claim; a claim
    it disputed it may still acknowledge later, not the other way round.

    Schedule 1 (d), ASSUMED: the Company acknowledging that a section 3
    representation was untrue is an Event of Default while Notes are outstanding.
    """
    claim = _claim(state, action.claim)
    answer = "acknowledged" if isinstance(action, AcknowledgeClaim) else "disputed"
    reasons = _indemnifier(state, claim, action.actor, "answers")
    reasons += _open(state, claim, ("asserted", "disputed") if answer == "acknowledged"
                     else ("asserted",))
    if reasons:
        return refuse(reasons)
    events: list[Event] = [ClaimAnswered(at=action.at, claim=claim.id, answer=answer)]
    if answer == "acknowledged":
        events += misrepresentation_default(state, action.at, claim)
    return accept(*events)


def consent_to_settlement(state: DealState, action: ConsentToSettlement) -> Decision:
    """8.10(a): "settlement costs incurred with the prior written consent of the
    indemnifying party".

    The indemnifying party's written consent to settle the claim, for up to
    `amount` (left out: up to the Damages claimed). It is its side of a
    settlement (`settle_claim`), and prior consent to the settlement costs
    incurred from then on; never to those incurred before it.
    """
    claim = _claim(state, action.claim)
    reasons = _indemnifier(state, claim, action.actor, "consents to settling")
    reasons += _open(state, claim)
    if claim.consented_at is not None:
        reasons.append(refusal("8.10(a)", f"consent to settle claim {claim.id} was already "
                                          "given"))
    if action.amount is not None and not 0 < action.amount <= claimed(claim):
        reasons.append(refusal("8.10", f"a consent to settle is for more than nothing and no "
                                       f"more than the {dollars(claimed(claim))} claimed"))
    if reasons:
        return refuse(reasons)
    return accept(SettlementConsented(at=action.at, claim=claim.id, amount=action.amount))


def settle_claim(state: DealState, action: SettleClaim) -> Decision:
    """8.10: the claimant records a claim settled, for no more than it claimed.

    A settlement is an agreement of both sides: the indemnifying party's
    consent to settlement (`consent_to_settlement`, for up to its amount)
    must come first, unless it acknowledged the claim, when the claimant
    may alone accept less than it is owed.
    """
    claim = _claim(state, action.claim)
    reasons = _open(state, claim)
    if action.actor != claim.claimant:
        reasons.append(refusal("8.10", f"claim {claim.id} is {name_of(state, claim.claimant)}'s"
                                       " to settle"))
    if not 0 < action.amount <= claimed(claim):
        reasons.append(refusal("8.10", f"a settlement is for more than nothing and no more "
                                       f"than the {dollars(claimed(claim))} claimed"))
    reasons += a_settlement_of_both_sides(state, claim, action.amount)
    reasons += _not_below_paid(claim, action.amount, "a settlement")
    if reasons:
        return refuse(reasons)
    return accept(ClaimSettled(at=action.at, claim=claim.id, amount=action.amount))


def a_settlement_of_both_sides(state: DealState, claim: Claim, amount: Decimal) -> list[Reason]:
    """8.10: the claimant alone settles only what the indemnifying party acknowledged."""
    against = name_of(state, claim.against)
    if claim.consented_at is None:
        if claim.answer == "acknowledged":
            return []
        answer = "disputes" if claim.answer == "disputed" else "has not answered"
        return [refusal("8.10", f"a settlement is an agreement of both sides: {against}, "
                                f"the indemnifying party, {answer} claim {claim.id} and has "
                                "not consented to settle it")]
    if claim.consent_amount is not None and amount > claim.consent_amount:
        return [refusal("8.10", f"{against} consented to settle claim {claim.id} for no more "
                                f"than {dollars(claim.consent_amount)}")]
    return []


def adjudicate_claim(state: DealState, action: AdjudicateClaim) -> Decision:
    """8.1(b), 8.10: a court decides a claim; an amount of 0 means it failed.

    The court awards no more than the Damages that count (settlement costs
    only with prior written consent). Schedule 1 (d), ASSUMED: a section 3
    representation adjudicated untrue is an Event of Default while Notes are
    outstanding; a claim that fails makes none.
    """
    claim = _claim(state, action.claim)
    reasons = _open(state, claim)
    if action.amount > eligible(claim):
        reasons.append(refusal("8.10", f"{dollars(action.amount)} is more than the "
                                       f"{dollars(eligible(claim))} of Damages that count"))
    reasons += _not_below_paid(claim, action.amount, "an award")
    if reasons:
        return refuse(reasons)
    events: list[Event] = [ClaimAdjudicated(at=action.at, claim=claim.id, amount=action.amount)]
    if action.amount > 0:
        events += misrepresentation_default(state, action.at, claim)
    return accept(*events)


def _not_below_paid(claim: Claim, amount: Decimal, what: str) -> list[Reason]:
    """A claim is never left paid more than it is owed."""
    if amount >= claim.paid:
        return []
    return [refusal("8.10", f"{dollars(claim.paid)} has already been paid on claim {claim.id}: "
                            f"{what} cannot be for less")]


def withdraw_claim(state: DealState, action: WithdrawClaim) -> Decision:
    """8.10: the claimant may withdraw a claim at any point before payment."""
    claim = _claim(state, action.claim)
    reasons: list[Reason] = []
    if action.actor != claim.claimant:
        reasons.append(refusal("8.10", f"claim {claim.id} is {name_of(state, claim.claimant)}'s"
                                       " to withdraw"))
    if claim.withdrawn_at is not None:
        reasons.append(refusal("8.10", f"claim {claim.id} is already withdrawn"))
    elif claim_status(state, claim) == "not asserted":
        reasons.append(refusal("8.10", f"claim {claim.id} is not asserted"))
    if claim.paid > 0:
        reasons.append(refusal("8.10", f"claim {claim.id} has been paid on"))
    if reasons:
        return refuse(reasons)
    return accept(ClaimWithdrawn(at=action.at, claim=claim.id))


def pay_indemnity(state: DealState, action: Pay) -> Decision:
    """8.10: the indemnifying party pays a claim, never more than is indemnifiable."""
    if action.claim is None:
        raise InvalidAction("an indemnity payment names its claim", field="claim")
    claim = _claim(state, action.claim)
    reasons = _indemnifier(state, claim, action.actor, "pays")
    status = claim_status(state, claim)
    owed = indemnifiable(claim) - claim.paid
    if status == "failed":
        reasons.append(refusal("8.10", f"claim {claim.id} failed: nothing is indemnifiable"))
    elif owed <= 0:
        reasons.append(refusal("8.10", f"nothing is indemnifiable on claim {claim.id} now "
                                       f"({status})"))
    elif action.amount > owed:
        reasons.append(refusal("8.10", f"{dollars(action.amount)} is more than the "
                                       f"{dollars(owed)} indemnifiable on claim {claim.id}"))
    if action.amount <= 0:
        reasons.append(refusal("8.10", "a payment must be more than nothing"))
    if reasons:
        return refuse(reasons)
    return accept(PaymentMade(at=action.at, purpose="indemnity", amount=action.amount,
                              payer=claim.against, payee=claim.claimant, claim=claim.id))


def misrepresentation_default(state: DealState, at: datetime, claim: Claim) -> list[Event]:
    """Schedule 1 (d), ASSUMED: a section 3 representation found untrue (the claim
    acknowledged or adjudicated) is an Event of Default while Notes are outstanding, once
    for each representation (engine.rules.untrue)."""
    from engine.rules.untrue import proved_untrue

    if claim.against != "company":
        return []
    return list(proved_untrue(state, at, claim.section, claim.id,
                              f"{claim.section} (claim {claim.id})"))
