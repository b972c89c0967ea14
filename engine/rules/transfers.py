"""Section 7: Restrictions on Transferability of Securities.

7.1: "The Notes shall not be transferable except upon compliance with the
conditions specified in this Section 7." 7.3: before any transfer the holder
gives written notice to the Company, accompanied (except under Rule 144) by
an opinion of counsel reasonably satisfactory to the Company. 7.2 and 7.3:
the transferee's certificate bears the restrictive legend, unless the sale
is under Rule 144 or the opinion says the legend is not required.
"""

from __future__ import annotations

from engine.actions import AcceptOpinion, CompleteTransfer, ProposeTransfer, RejectOpinion
from engine.errors import InvalidAction
from engine.events import OpinionDecided, TransferCompleted, TransferProposed
from engine.explain import Reason, refusal
from engine.money import dollars
from engine.rules.common import Decision, accept, name_of, next_id, refuse
from engine.rules.notices import give_notice
from engine.state import DealState, Transfer
from engine.validation import check_holder

#: What each party of the agreement is to the Notes, when a transfer names it.
_NOT_A_TRANSFEREE = {"company": "which issued the Notes", "guarantor": "which guarantees them",
                     "court": "which is no party to the Notes"}


def transferee(state: DealState, to_holder: str) -> str:
    """Whom a transfer names: a party of the agreement when it names one by its id
    (`company`, `guarantor`, `court`) or by its legal name ("Nomura Holding America, Inc."
    is Purchaser, not a new Holder of that name), else the Holder of that legal name."""
    named = check_holder(to_holder)
    bare = to_holder.removeprefix("holder:")
    if not to_holder.startswith("holder:") and bare in ("company", "guarantor", "court"):
        return bare
    for role, party in state.terms.parties.items():
        if party.name == bare:
            return role
    return named


def transferable_to(state: DealState, to: str) -> list[Reason]:
    """7.1 (ASSUMED: section 7 is silent on it): Notes are transferred to a new Holder or
    to Purchaser, never to the Company that issued them, LCI that guarantees them, or the
    court; the Company acquiring its own Notes would be a payment, not a transfer."""
    why = _NOT_A_TRANSFEREE.get(to)
    if why is None:
        return []
    return [refusal("7.1", f"{name_of(state, to)}, {why}, cannot become a Holder of the "
                           "Notes by a transfer")]


def propose_transfer(state: DealState, action: ProposeTransfer) -> Decision:
    """7.3 Notice of Proposed Transfers: notice to the Company, with an opinion or Rule 144."""
    to_holder = transferee(state, action.to_holder)
    held = state.holders.get(action.actor)
    reasons: list[Reason] = transferable_to(state, to_holder)
    if not state.notes_alive:
        reasons.append(refusal("7.1", "no Notes are outstanding to transfer"))
    if held is None:
        reasons.append(refusal("7.1", f"{name_of(state, action.actor)} holds no Notes"))
    elif not 0 < action.principal <= held:
        reasons.append(refusal("7.1", f"{name_of(state, action.actor)} holds {dollars(held)}: "
                                      f"it cannot transfer {dollars(action.principal)}"))
    if to_holder == action.actor:
        reasons.append(refusal("7.1", "a holder cannot transfer Notes to itself"))
    if not action.rule_144 and not action.opinion:
        reasons.append(refusal("7.3", "the notice must be accompanied by a written opinion of "
                                      "counsel, except under Rule 144"))
    if action.legend_not_required and not action.opinion:
        reasons.append(refusal("7.3", "only an opinion of counsel can say the legend is not "
                                      "required"))
    if reasons:
        return refuse(reasons)
    sent = give_notice(state, at=action.at, sender=action.actor, to="company", kind="transfer",
                       spec=action.notice)
    transfer = next_id("T", state.transfers)
    return accept(
        sent,
        TransferProposed(at=action.at, transfer=transfer, holder=action.actor,
                         to_holder=to_holder, principal=action.principal,
                         rule_144=action.rule_144, opinion=action.opinion,
                         legend_not_required=action.legend_not_required, notice=sent.notice),
        created={"transfer": transfer, "notice": sent.notice},
    )


def _transfer(state: DealState, ident: str) -> Transfer:
    """The transfer with that id, or InvalidAction naming the field."""
    transfer = state.transfers.get(ident)
    if transfer is None:
        raise InvalidAction(f"no transfer {ident!r:.40} in this deal", field="transfer")
    return transfer


def decide_opinion(state: DealState, action: AcceptOpinion | RejectOpinion) -> Decision:
    """7.3: the Company finds the opinion of counsel reasonably satisfactory, or not."""
    transfer = _transfer(state, action.transfer)
    reasons: list[Reason] = []
    if not transfer.opinion:
        reasons.append(refusal("7.3", f"transfer {transfer.id} is under Rule 144: there is no "
                                      "opinion to decide on"))
    if transfer.opinion_accepted is not None:
        verdict = "accepted" if transfer.opinion_accepted else "rejected"
        reasons.append(refusal("7.3", f"the opinion of transfer {transfer.id} was already "
                                      f"{verdict}"))
    if transfer.completed_at is not None:
        reasons.append(refusal("7.3", f"transfer {transfer.id} is complete"))
    if reasons:
        return refuse(reasons)
    return accept(OpinionDecided(at=action.at, transfer=transfer.id,
                                 accepted=isinstance(action, AcceptOpinion)))


def complete_transfer(state: DealState, action: CompleteTransfer) -> Decision:
    """7.1, 7.3: completed once the notice is effective and the opinion accepted (or Rule 144).

    The transferee becomes a Holder of that principal; its certificate bears
    the legend of 7.2 unless Rule 144 applies or the opinion says it need not.
    """
    transfer = _transfer(state, action.transfer)
    notice = state.notices[transfer.notice]
    reasons: list[Reason] = []
    if action.actor != transfer.holder:
        owner = name_of(state, transfer.holder)
        reasons.append(refusal("7.3", f"transfer {transfer.id} is {owner}'s to complete"))
    if transfer.completed_at is not None:
        reasons.append(refusal("7.1", f"transfer {transfer.id} is already complete"))
    if notice.effective_at is None:
        reasons.append(refusal("7.3", f"the notice of transfer {transfer.id} was not duly "
                                      f"given ({'; '.join(notice.defects)})"))
    elif not notice.took_effect:
        reasons.append(refusal("7.3", f"the notice of transfer {transfer.id} takes effect only "
                                      "later: \"Prior to any proposed transfer\""))
    if not transfer.rule_144 and transfer.opinion_accepted is not True:
        verdict = "rejected" if transfer.opinion_accepted is False else "not yet accepted"
        reasons.append(refusal("7.3", f"the opinion of counsel is {verdict} by the Company"))
    held = state.holders.get(transfer.holder)
    if held is None or held < transfer.principal:
        reasons.append(refusal("7.1", f"{name_of(state, transfer.holder)} no longer holds "
                                      f"{dollars(transfer.principal)}"))
    if not state.notes_alive:
        reasons.append(refusal("7.1", "no Notes are outstanding to transfer"))
    if reasons:
        return refuse(reasons)
    legend = not (transfer.rule_144 or transfer.legend_not_required)
    return accept(TransferCompleted(at=action.at, transfer=transfer.id, legend=legend))
