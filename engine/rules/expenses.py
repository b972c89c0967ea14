"""8.9 Expenses: each party bears its own, but the Company pays Purchaser's counsel.

"The Company and Purchaser shall each bear its own expenses and legal fees
incurred with respect to this Agreement and the transactions contemplated
hereby; provided, however, that the Company will pay the reasonable legal fees
and out-of-pocket expenses of Robinson, Silverman, Pearce, Aronsohn & Berman
LLP, counsel to Purchaser, incurred by Purchaser in connection with the
preparation, execution and delivery hereof and of the Notes." Purchaser
presents them; the Company pays them (ASSUMED: within 30 days).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

from engine.actions import Pay, PresentExpenses
from engine.clock import iso, new_york_date
from engine.events import ExpensesPresented, PaymentMade
from engine.explain import Reason, refusal
from engine.money import ZERO, dollars
from engine.periods import end_of_days
from engine.rules.common import Decision, accept, next_id, refuse
from engine.state import DealState, Status

#: 8.9, ASSUMED: presented expenses are payable within 30 days.
EXPENSE_DAYS = 30


def executed(state: DealState, section: str = "8.10") -> list[Reason]:
    """Indemnities and expenses run once the agreement is executed, and survive the
    closing (8.2)."""
    if state.status is Status.Drafted:
        return [refusal(section, "the agreement is not yet executed by both parties")]
    return []


def present_expenses(state: DealState, action: PresentExpenses) -> Decision:
    """8.9: Purchaser presents the reasonable fees and out-of-pocket expenses of its
    counsel, which the Company pays (ASSUMED: within 30 days).

    The Company pays only those of the counsel 8.9 names, "incurred by
    Purchaser in connection with the preparation, execution and delivery
    hereof and of the Notes" (`preparation_execution_and_delivery`); every
    other expense each party bears itself.
    """
    reasons = executed(state, "8.9")
    if action.amount <= 0:
        reasons.append(refusal("8.9", "expenses presented are more than nothing"))
    reasons += preparation_execution_and_delivery(state, action)
    if reasons:
        return refuse(reasons)
    ident = next_id("X", state.expenses)
    due = end_of_days(new_york_date(action.at), EXPENSE_DAYS)
    return accept(ExpensesPresented(at=action.at, expense=ident, amount=action.amount,
                                    description=action.description, due=due,
                                    counsel=action.counsel or purchasers_counsel(state),
                                    incurred_at=action.incurred_at),
                  created={"expense": ident})


def purchasers_counsel(state: DealState) -> str | None:
    """8.9's "counsel to Purchaser": its copy recipient for notices under 8.5 (Robinson,
    Silverman, Pearce, Aronsohn & Berman LLP in 1997)."""
    copies = state.terms.parties["purchaser"].copies
    return copies[0].name if copies else None


def _words(text: str) -> tuple[str, ...]:
    """A name's words, in lower case, without punctuation ("&" is "and")."""
    return tuple(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


def preparation_execution_and_delivery(state: DealState,
                                       action: PresentExpenses) -> list[Reason]:
    """8.9: "the reasonable legal fees and out-of-pocket expenses of [Purchaser's counsel]
    ... incurred by Purchaser in connection with the preparation, execution and delivery
    hereof and of the Notes".

    Fees of any other counsel, and fees incurred after the Notes were
    delivered (enforcing, amending, claiming), are no expenses under 8.9:
    Purchaser bears them ("shall each bear its own"), or claims them as
    reasonable attorneys' fees among the Damages of 8.10.
    """
    reasons: list[Reason] = []
    counsel = purchasers_counsel(state)
    if action.counsel is not None and (counsel is None
                                       or _words(action.counsel) != _words(counsel)):
        reasons.append(refusal("8.9", f"the Company pays the fees of {counsel or 'counsel'}, "
                                      f"counsel to Purchaser, not of {action.counsel:.80}: "
                                      "each party bears its own expenses and legal fees"))
    when = action.incurred_at
    if when is not None and when > action.at:
        reasons.append(refusal("8.9", "expenses are presented once incurred, not before"))
    delivered = state.notes_delivered_at
    if when is not None and delivered is not None and when > delivered:
        reasons.append(refusal("8.9", f"fees incurred after the Notes were delivered "
                                      f"({iso(delivered)}) are not in connection with the "
                                      "preparation, execution and delivery of the Agreement "
                                      "and the Notes: they are Damages under 8.10 if a breach "
                                      "caused them, and otherwise Purchaser's own"))
    return reasons


def expenses_owed(state: DealState) -> Decimal:
    """The presented expenses of Purchaser's counsel not yet paid."""
    return sum((x.amount - x.paid for x in state.expenses.values()), ZERO)


def overdue_expenses(state: DealState, at: datetime) -> Decimal:
    """Presented expenses unpaid past their 30 days: a breach of 8.9."""
    return sum((x.amount - x.paid for x in state.expenses.values() if at >= x.due), ZERO)


def pay_expenses(state: DealState, action: Pay) -> Decision:
    """8.9: the Company pays presented expenses of Purchaser's counsel, no more than owed."""
    reasons: list[Reason] = []
    owed = expenses_owed(state)
    if action.actor != "company":
        reasons.append(refusal("8.9", "the Company pays the expenses of Purchaser's counsel"))
    if owed <= 0:
        reasons.append(refusal("8.9", "no expenses have been presented and left unpaid"))
    elif action.amount > owed:
        reasons.append(refusal("8.9", f"{dollars(action.amount)} is more than the "
                                      f"{dollars(owed)} of expenses presented and unpaid"))
    if action.amount <= 0:
        reasons.append(refusal("8.9", "a payment must be more than nothing"))
    if reasons:
        return refuse(reasons)
    return accept(PaymentMade(at=action.at, purpose="expenses", amount=action.amount,
                              payer="company", payee="purchaser"))
