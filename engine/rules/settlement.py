"""Sections 1.2 and 2.2: delivery against payment at the Closing.

"At the Closing ... the Company shall deliver instruments in such
denominations as Purchaser may request evidencing the Notes against payment
to the Company of the Purchase Price", LCI delivers its Guarantee (5.1(c)),
and "the Company shall pay Nomura Holding America, Inc." the Transaction Fee.
"""

from __future__ import annotations

from datetime import datetime

from engine.actions import DeliverGuarantee, DeliverNotes, Pay
from engine.clock import new_york_date
from engine.errors import InvalidAction
from engine.events import ConditionSatisfied, Event, GuaranteeDelivered, NotesDelivered, PaymentMade
from engine.explain import Reason, refusal
from engine.money import ZERO, dollars
from engine.periods import end_of_days
from engine.rules.common import Decision, accept, name_of, refuse
from engine.state import DealState, Status
from engine.views import ObligationView

PURPOSES = ("purchase_price", "transaction_fee", "interest", "principal", "expenses",
            "indemnity")

#: The fixed sums of the Closing: who pays, to whom, the section, the amount's name.
FIXED_SUMS = {
    "purchase_price": ("purchaser", "company", "1.2", "Purchase Price"),
    "transaction_fee": ("company", "purchaser", "2.2", "Transaction Fee"),
}
#: The settlement condition each settlement step meets.
MEETS = {"purchase_price": "5.2(c)", "transaction_fee": "5.1(g)"}


def at_the_closing(state: DealState, section: str, what: str) -> list[Reason]:
    """2.2: the exchange happens "At the Closing", once it has been held."""
    if state.status is Status.Closed:
        return []
    if state.status in (Status.Drafted, Status.ConditionsPending):
        return [refusal(section, f"{what} happens at the Closing, which has not been held")]
    return [refusal(section, f"settlement is complete: {what} has already happened")]


def deliver_notes(state: DealState, action: DeliverNotes) -> Decision:
    """2.2: the Notes, in denominations adding up to the principal of 1.1."""
    reasons = at_the_closing(state, "2.2", "delivery of the Notes")
    principal = state.terms.notes.principal
    if state.notes_delivered:
        reasons.append(refusal("2.2", "the Notes have already been delivered"))
    if any(amount <= 0 for amount in action.denominations):
        reasons.append(refusal("2.2", "every denomination must be a positive amount"))
    total = sum(action.denominations, ZERO)
    if total != principal:
        reasons.append(refusal("1.1", f"the denominations add up to {dollars(total)}, not the "
                                      f"{dollars(principal)} principal amount of the Notes"))
    if reasons:
        return refuse(reasons)
    events: list[Event] = [NotesDelivered(at=action.at, denominations=action.denominations)]
    if state.guarantee_delivered_at is not None:
        events.append(ConditionSatisfied(at=action.at, condition="5.1(c)", by=action.actor))
    return accept(*events)


def deliver_guarantee(state: DealState, action: DeliverGuarantee) -> Decision:
    """3.3, 5.1(c): LCI's Guarantee, delivered before the Closing or at it."""
    reasons: list[Reason] = []
    if state.status is Status.Drafted:
        reasons.append(refusal("5.1(c)", "the agreement has not been executed by both parties"))
    elif state.status not in (Status.ConditionsPending, Status.Closed):
        reasons.append(refusal("5.1(c)", "settlement is complete"))
    if state.guarantee_delivered_at is not None:
        reasons.append(refusal("5.1(c)", "LCI has already delivered the Guarantee"))
    if reasons:
        return refuse(reasons)
    events: list[Event] = [GuaranteeDelivered(at=action.at, by=action.actor)]
    if state.notes_delivered:
        events.append(ConditionSatisfied(at=action.at, condition="5.1(c)", by=action.actor))
    return accept(*events)


def pay(state: DealState, action: Pay) -> Decision:
    """1.2, 2.2: the fixed sums of the Closing, paid in full by the party that owes them.

    The Purchase Price is paid by Purchaser to the Company (1.2) and the
    Transaction Fee by the Company to Nomura Holding America, Inc. (2.2), each
    exactly. Interest, principal, expenses and indemnity are owed only once
    the Notes are outstanding, under terms the engine tracks from then on.
    """
    if action.purpose not in PURPOSES:
        raise InvalidAction(f"{action.purpose!r:.40} is not a purpose "
                            f"({', '.join(PURPOSES)})", field="purpose")
    if action.claim is not None and action.purpose != "indemnity":
        raise InvalidAction("a claim is named only with purpose indemnity", field="claim")
    if action.purpose in ("interest", "principal"):
        from engine.rules.payments import pay_holders

        return pay_holders(state, action)
    if action.purpose == "indemnity":
        from engine.rules.indemnity import pay_indemnity

        return pay_indemnity(state, action)
    if action.purpose == "expenses":
        from engine.rules.expenses import pay_expenses

        return pay_expenses(state, action)
    payer, payee, section, what = FIXED_SUMS[action.purpose]
    owed = (state.terms.deal.purchase_price if action.purpose == "purchase_price"
            else state.terms.deal.transaction_fee)
    if action.purpose == "transaction_fee" and fee_survives_the_waiver(state):
        reasons = []
    else:
        reasons = at_the_closing(state, section, f"payment of the {what}")
    if action.actor != payer:
        reasons.append(refusal(section, f"the {what} is paid by {name_of(state, payer)}, "
                                        f"not {name_of(state, action.actor)}"))
    if state.paid_for(action.purpose) > 0:
        reasons.append(refusal(section, f"the {what} has already been paid"))
    elif action.amount != owed:
        reasons.append(refusal(section, f"the {what} is {dollars(owed)}: "
                                        f"{dollars(action.amount)} does not match it"))
    if reasons:
        return refuse(reasons)
    events: list[Event] = [PaymentMade(at=action.at, purpose=action.purpose,
                                       amount=action.amount, payer=payer, payee=payee)]
    met = MEETS[action.purpose]
    if met not in state.marked:
        events.append(ConditionSatisfied(at=action.at, condition=met, by=action.actor))
    return accept(*events)


def fee_survives_the_waiver(state: DealState) -> bool:
    """2.2: "At the Closing ... the Company shall pay Nomura Holding America, Inc. a fee".

    Purchaser's waiver of 5.1(g) gives up the condition, not the Company's
    covenant: once the Closing has been held without the Fee, the Fee is
    still owed and may be paid at any time after (8.2: covenants survive the
    closing).
    """
    waived = state.marked.get("5.1(g)")
    return waived is not None and waived.status == "waived" and state.closed_at is not None


def transaction_fee_owed(state: DealState, at: datetime | None) -> ObligationView | None:
    """2.2: the Transaction Fee as an obligation of the Company, once the agreement binds.

    Due at the Closing: on the day it is held (the Closing Date while none is);
    overdue once that day has ended unpaid. Never "waived": waiving 5.1(g)
    leaves the covenant of 2.2 standing.
    """
    if state.status is Status.Drafted:
        return None
    fee = state.terms.deal.transaction_fee
    paid = state.paid_for("transaction_fee")
    due = new_york_date(state.closed_at) if state.closed_at is not None else state.closing_date
    if paid >= fee:
        status = "paid"
    elif state.closed_at is not None and at is not None and at >= end_of_days(due, 0):
        status = "overdue"
    else:
        status = "pending"
    return {"id": "transaction-fee", "section": "2.2", "due": due.isoformat(),
            "amount": str(fee), "status": status}


def settlement_complete(state: DealState) -> list[Reason]:
    """1.2, 2.2, 5.1(c), 5.1(g), 5.2(c): what settlement still needs, or nothing."""
    reasons: list[Reason] = []
    if not state.notes_delivered:
        reasons.append(refusal("5.1(c)", "the Company has not delivered the Notes"))
    if state.guarantee_delivered_at is None:
        reasons.append(refusal("5.1(c)", f"{name_of(state, 'guarantor')} has not delivered "
                                         "the Guarantee"))
    if state.paid_for("purchase_price") != state.terms.deal.purchase_price:
        reasons.append(refusal("5.2(c)", "Purchaser has not paid the Purchase Price"))
    fee_waived = state.marked.get("5.1(g)")
    if fee_waived is None and state.paid_for("transaction_fee") != state.terms.deal.transaction_fee:
        reasons.append(refusal("5.1(g)", "the Company has not paid the Transaction Fee"))
    return reasons
