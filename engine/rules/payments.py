"""Schedule 1 (ASSUMED) and 1.2: what the Company owes the Holders, and paying it.

Interest accrues on the principal outstanding at the term sheet's rate and
day count, and is payable on each interest date (moved to the next business
day, still counted to the unadjusted date); principal is payable at maturity,
or at once on acceleration. Payments to the Holders are split among them by
principal held. Principal unpaid after maturity or acceleration bears default
interest (`default_rate`, left out the note rate), not compounded. Principal is
paid only when due, unless the term sheet allows prepayment (`prepayment`):
then in whole or in part at any time, with interest accrued to the payment
date, no premium. A coupon may be paid ahead of its date: the next one only.
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
from engine.state import DealState, Status, interest_covered, late_interest


def installments(state: DealState) -> list[Payment]:
    """The interest payments of the schedule, in order."""
    return [p for p in state.schedule if p.kind == "interest"]


def _scheduled(state: DealState, day: date) -> Decimal:
    """The coupons payable by `day` (cumulative), or all due on acceleration."""
    if state.accelerated_at is not None:
        return state.accelerated_interest - state.accelerated_late
    return sum((p.amount for p in installments(state) if p.date <= day), ZERO)


def default_interest(state: DealState, at: datetime) -> Decimal:
    """Schedule 1, ASSUMED: default interest on unpaid principal accrued to `at`, paid or not."""
    return late_interest(state, new_york_date(at))


def interest_payable(state: DealState, at: datetime) -> Decimal:
    """All interest payable by `at`, paid or not (cumulative).

    An installment is payable from its (unadjusted) interest date; once the
    Notes are accelerated, everything accrued to the acceleration is payable.
    Default interest on principal unpaid after maturity or acceleration is
    payable as it accrues.
    """
    day = new_york_date(at)
    return _scheduled(state, day) + late_interest(state, day)


def interest_owed(state: DealState, at: datetime) -> Decimal:
    """Interest payable by `at` and not yet paid."""
    return max(interest_payable(state, at) - state.interest_paid, ZERO)


def interest_in_advance(state: DealState, at: datetime) -> Decimal:
    """Interest paid ahead of its date: paid beyond what is payable by `at`."""
    return max(state.interest_paid - interest_payable(state, at), ZERO)


def interest_overdue(state: DealState, at: datetime) -> Decimal:
    """Interest whose (adjusted) payment date has passed and is still unpaid, with the
    default interest accrued on principal overdue."""
    if state.accelerated_at is not None:
        return interest_owed(state, at)
    day = new_york_date(at)
    due = sum((p.amount for p in installments(state) if p.payment_date < day), ZERO)
    return max(due + late_interest(state, day) - state.interest_paid, ZERO)


def _next_installment(state: DealState, day: date) -> Payment | None:
    """The first coupon not yet payable on `day` (none once accelerated)."""
    if state.accelerated_at is not None:
        return None
    return next((p for p in installments(state) if p.date > day), None)


def interest_accrued(state: DealState, at: datetime) -> Decimal:
    """Interest accrued in the running period and not yet payable (paid ahead or not)."""
    if not state.schedule or not state.holders:
        return ZERO
    day = new_york_date(at)
    upcoming = _next_installment(state, day)
    if upcoming is None or upcoming.start is None:
        return ZERO
    return accrued_interest(state.terms.notes, state.principal_outstanding, upcoming.start, day)


def principal_owed(state: DealState, at: datetime) -> Decimal:
    """Principal payable by `at`: all of it at maturity or once accelerated."""
    if state.accelerated_at is not None or new_york_date(at) >= state.terms.notes.maturity:
        return state.principal_outstanding
    return ZERO


def due_on_acceleration(state: DealState, at: datetime) -> Decimal:
    """Schedule 1, ASSUMED: on acceleration, interest payable and accrued to that day, less
    what was paid ahead."""
    return max(interest_payable(state, at) + interest_accrued(state, at) - state.interest_paid,
               ZERO)


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


PREPAYMENT_WORDS = "principal is payable at maturity, {maturity}, or on acceleration: no prepayment"


def _interest_limit(state: DealState, action: Pay) -> tuple[Decimal, list[Reason]]:
    """The most a payment of interest may be, or why it may be nothing.

    Interest payable now, and the next coupon ahead of its date. A payment
    naming its coupon (`due`) pays that coupon only: the oldest not paid in
    full, or the next one ahead of its date.
    """
    day = new_york_date(action.at)
    upcoming = _next_installment(state, day)
    if action.due is None:
        ahead = ZERO if upcoming is None else sum(
            (p.amount for p in installments(state) if day < p.date <= upcoming.date), ZERO)
        limit = max(interest_payable(state, action.at) + ahead - state.interest_paid, ZERO)
        if limit == 0:
            return ZERO, [refusal("Schedule 1", "no interest is payable now")]
        return limit, []
    coupons = installments(state)
    named = next((p for p in coupons if p.date.isoformat() == action.due), None)
    if named is None:
        dates = ", ".join(p.date.isoformat() for p in coupons) or "none"
        return ZERO, [refusal("Schedule 1", f"no coupon falls due on {action.due} (the "
                                            f"interest dates are {dates})")]
    before = sum((p.amount for p in coupons if p.date < named.date), ZERO)
    through = before + named.amount
    if state.accelerated_at is not None and named.date > new_york_date(state.accelerated_at):
        return ZERO, [refusal("Schedule 1", f"the coupon of {action.due} was replaced by the "
                                            "interest accrued to the acceleration")]
    if state.interest_paid >= through:
        return ZERO, [refusal("Schedule 1", f"the coupon of {action.due} is paid")]
    if state.interest_paid < before:
        oldest = next(p for p in interest_covered_after(state))
        return ZERO, [refusal("Schedule 1", f"the coupon of {oldest.date.isoformat()} is not "
                                            "paid in full: interest is applied to the "
                                            "oldest coupon first")]
    if named.date > day and (upcoming is None or named.date > upcoming.date):
        return ZERO, [refusal("Schedule 1", f"only the next coupon may be paid ahead of its "
                                            f"date: the coupon of {action.due} is payable "
                                            f"from {action.due}")]
    return through - state.interest_paid, []


def interest_covered_after(state: DealState) -> list[Payment]:
    """The coupons interest paid does not yet cover in full, oldest first."""
    covered = set(interest_covered(state, state.interest_paid))
    return [p for p in installments(state) if p not in covered]


def principal_prepayable(state: DealState, at: datetime) -> Decimal:
    """Principal the Company may pay at `at`: what is payable, or, where the term sheet
    allows prepayment, all outstanding (none while interest is paid ahead)."""
    owed = principal_owed(state, at)
    if owed > 0 or not state.terms.notes.prepayment or not state.notes_alive:
        return owed
    return ZERO if interest_in_advance(state, at) > 0 else state.principal_outstanding


def _principal_limit(state: DealState, action: Pay) -> tuple[Decimal, list[Reason]]:
    """The most a payment of principal may be: what is due, or (prepayment allowed) all."""
    owed = principal_owed(state, action.at)
    if owed > 0:
        return owed, []
    notes = state.terms.notes
    if not notes.prepayment:
        return ZERO, [refusal("Schedule 1", PREPAYMENT_WORDS.format(
            maturity=notes.maturity.isoformat()))]
    ahead = interest_in_advance(state, action.at)
    if ahead > 0:
        return ZERO, [refusal("Schedule 1", f"{dollars(ahead)} of interest was paid ahead of "
                                            "its date on the principal outstanding; principal "
                                            "may be prepaid once that coupon's date has come")]
    return state.principal_outstanding, []


def _what(state: DealState, action: Pay) -> str:
    """What the most a payment may be is of, in words."""
    if action.due is not None:
        return f"left of the coupon of {action.due}"
    upcoming = _next_installment(state, new_york_date(action.at))
    if action.purpose == "interest" and upcoming is not None:
        return (f"of interest owed now and the next coupon, of {upcoming.date.isoformat()}, "
                "paid ahead of its date")
    return f"of {action.purpose} owed"


def pay_holders(state: DealState, action: Pay) -> Decision:
    """Schedule 1, ASSUMED: the Company pays interest or principal to the Holders.

    Never more than is owed: interest payable by now and unpaid, and the next
    coupon ahead of its date; principal only at maturity or once accelerated,
    or at any time when the term sheet allows prepayment (with interest
    accrued to the payment date, no premium). The payment is split among the
    Holders by principal held.
    """
    reasons: list[Reason] = []
    if action.actor != "company":
        reasons.append(refusal("Schedule 1", f"{action.purpose} is paid by the Company, not "
                                             f"{name_of(state, action.actor)}"))
    if not state.notes_alive:
        why = "the Notes are repaid" if state.status is Status.Repaid else \
            "the Notes are not yet outstanding"
        return refuse([*reasons, refusal("Schedule 1", f"nothing is owed: {why}")])
    limit, why_not = (_interest_limit(state, action) if action.purpose == "interest"
                      else _principal_limit(state, action))
    reasons += why_not
    if not why_not and action.amount > limit:
        reasons.append(refusal("Schedule 1", f"{dollars(action.amount)} is more than the "
                                             f"{dollars(limit)} {_what(state, action)}"))
    if action.amount <= 0:
        reasons.append(refusal("Schedule 1", "a payment must be more than nothing"))
    if reasons:
        return refuse(reasons)
    return accept(PaymentMade(at=action.at, purpose=action.purpose, amount=action.amount,
                              payer="company", payee="holders",
                              shares=shares(state, action.amount)))
