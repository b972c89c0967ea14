"""Schedule 1 (ASSUMED) and 1.2: what the Company owes the Holders, and paying it.

Interest accrues on the principal outstanding at the term sheet's rate and
day count, and is payable on each interest date (moved to the next business
day, still counted to the unadjusted date); principal is payable at maturity,
or at once on acceleration. Payments to the Holders are split among them by
principal held. No prepayment: principal is paid only when due.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal

from engine.actions import Pay
from engine.clock import new_york_date
from engine.events import PaymentMade
from engine.explain import Reason, refusal
from engine.money import CENT, ZERO, dollars
from engine.rules.common import Decision, accept, name_of, refuse
from engine.schedule import Payment, accrued_interest
from engine.state import DealState, Status, interest_covered


def installments(state: DealState) -> list[Payment]:
    """The interest payments of the schedule, in order."""
    return [p for p in state.schedule if p.kind == "interest"]


def interest_payable(state: DealState, at: datetime) -> Decimal:
    """All interest payable by `at`, paid or not (cumulative).

    An installment is payable from its (unadjusted) interest date; once the
    Notes are accelerated, everything accrued to the acceleration is payable.
    """
    if state.accelerated_at is not None:
        return state.accelerated_interest
    day = new_york_date(at)
    return sum((p.amount for p in installments(state) if p.date <= day), ZERO)


def interest_owed(state: DealState, at: datetime) -> Decimal:
    """Interest payable by `at` and not yet paid."""
    return max(interest_payable(state, at) - state.interest_paid, ZERO)


def interest_overdue(state: DealState, at: datetime) -> Decimal:
    """Interest whose (adjusted) payment date has passed and is still unpaid."""
    if state.accelerated_at is not None:
        return interest_owed(state, at)
    day = new_york_date(at)
    due = sum((p.amount for p in installments(state) if p.payment_date < day), ZERO)
    return max(due - state.interest_paid, ZERO)


def interest_accrued(state: DealState, at: datetime) -> Decimal:
    """Interest accrued since the last interest date and not yet payable."""
    if state.accelerated_at is not None or not state.schedule or not state.holders:
        return ZERO
    day = new_york_date(at)
    start = state.terms.notes.issue_date
    for p in installments(state):
        # The first period starts at the issue (engine.schedule.issued_schedule).
        start = p.start or start
        if p.date > day:
            return accrued_interest(state.terms.notes, state.principal_outstanding,
                                    start, day) if day > start else ZERO
        start = p.date
    return ZERO


def principal_owed(state: DealState, at: datetime) -> Decimal:
    """Principal payable by `at`: all of it at maturity or once accelerated."""
    if state.accelerated_at is not None or new_york_date(at) >= state.terms.notes.maturity:
        return state.principal_outstanding
    return ZERO


def due_on_acceleration(state: DealState, at: datetime) -> Decimal:
    """Schedule 1, ASSUMED: on acceleration, interest payable and accrued to that day."""
    return interest_owed(state, at) + interest_accrued(state, at)


def shares(state: DealState, amount: Decimal) -> dict[str, Decimal]:
    """A payment split among the Holders by principal held, to the cent.

    Each Holder gets its proportion rounded down to the cent; the cents left
    over go one at a time to the largest holdings first (then by name), so
    the shares add up to the payment exactly. Interest still owed after the
    principal is repaid goes to the Holders as they were just before.
    """
    holdings = state.holders or state.repaid_holders
    total = sum(holdings.values(), ZERO)
    if total <= 0:
        return {}
    split = {name: (amount * held / total).quantize(CENT, rounding=ROUND_DOWN)
             for name, held in holdings.items()}
    left = amount - sum(split.values(), ZERO)
    for name in sorted(holdings, key=lambda n: (-holdings[n], n)):
        if left <= 0:
            break
        split[name] += CENT
        left -= CENT
    return split


def interest_covered_through(state: DealState, day: str) -> bool:
    """Whether interest paid covers the installment of that (unadjusted) date and all before."""
    return any(p.date.isoformat() == day for p in interest_covered(state, state.interest_paid))


def nothing_owed(state: DealState, at: datetime) -> bool:
    """Whether all principal is repaid and no interest is payable and unpaid."""
    return state.principal_outstanding == 0 and interest_owed(state, at) == 0


def describe_owed(state: DealState, at: datetime) -> str:
    """What the Company owes the Holders now, in words."""
    return (f"{dollars(interest_owed(state, at))} of interest and "
            f"{dollars(principal_owed(state, at))} of principal")


def next_interest_date(state: DealState, at: datetime) -> date | None:
    """The next interest date after `at`, if any."""
    day = new_york_date(at)
    return next((p.date for p in installments(state) if p.date > day), None)


def pay_holders(state: DealState, action: Pay) -> Decision:
    """Schedule 1, ASSUMED: the Company pays interest or principal to the Holders.

    Never more than is owed: interest payable by now and unpaid; principal
    only at maturity or once accelerated (no prepayment). The payment is
    split among the Holders by principal held.
    """
    reasons: list[Reason] = []
    if action.actor != "company":
        reasons.append(refusal("Schedule 1", f"{action.purpose} is paid by the Company, not "
                                             f"{name_of(state, action.actor)}"))
    if not state.notes_alive:
        why = "the Notes are repaid" if state.status is Status.Repaid else \
            "the Notes are not yet outstanding"
        return refuse([*reasons, refusal("Schedule 1", f"nothing is owed: {why}")])
    owed = (interest_owed(state, action.at) if action.purpose == "interest"
            else principal_owed(state, action.at))
    if owed == 0:
        if action.purpose == "interest":
            upcoming = next_interest_date(state, action.at)
            when = f"; the next is payable on {upcoming.isoformat()}" if upcoming else ""
            reasons.append(refusal("Schedule 1", f"no interest is payable now{when}"))
        else:
            reasons.append(refusal("Schedule 1", "principal is payable at maturity, "
                                                 f"{state.terms.notes.maturity.isoformat()}, "
                                                 "or on acceleration: no prepayment"))
    elif action.amount > owed:
        reasons.append(refusal("Schedule 1", f"{dollars(action.amount)} is more than the "
                                             f"{dollars(owed)} of {action.purpose} owed"))
    if action.amount <= 0:
        reasons.append(refusal("Schedule 1", "a payment must be more than nothing"))
    if reasons:
        return refuse(reasons)
    return accept(PaymentMade(at=action.at, purpose=action.purpose, amount=action.amount,
                              payer="company", payee="holders",
                              shares=shares(state, action.amount)))
