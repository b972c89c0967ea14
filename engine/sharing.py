"""Each Holder's share of each payment of the Notes (Schedule 1, ASSUMED; PRODUCT.md
section 6: "After transfers, payments are split among Holders by principal held").

A payment of interest is applied to the installments oldest first, so one
payment may pay parts of several; each part is split among the Holders in
the proportions of the payment's own shares, to the cent, and the parts of
each Holder add up to its share of the payment exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

import attrs

from engine.schedule import Payment

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@attrs.frozen
class Part:
    """The part of a payment applied to one installment, and each Holder's share of it."""

    obligation: str
    due: str
    amount: Decimal
    shares: Mapping[str, Decimal]


@attrs.frozen
class HolderPayment:
    """A payment to the Holders: when, of what, how much, and the parts it paid."""

    at: datetime | None
    purpose: str
    amount: Decimal
    shares: Mapping[str, Decimal]
    parts: tuple[Part, ...]


def _split(amount: Decimal, weights: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """An amount split by weights, rounded down to the cent, the cents left to the largest."""
    total = sum(weights.values(), ZERO)
    if total <= 0:
        return {}
    split = {name: (amount * w / total).quantize(CENT, rounding=ROUND_DOWN)
             for name, w in weights.items()}
    left = amount - sum(split.values(), ZERO)
    for name in sorted(weights, key=lambda n: (-weights[n], n)):
        if left <= 0:
            break
        split[name] += CENT
        left -= CENT
    return split


def interest_parts(schedule: Sequence[Payment], paid_before: Decimal,
                   amount: Decimal, scheduled: Decimal | None = None,
                   late_from: str = "") -> list[tuple[str, str, Decimal]]:
    """The installments a payment of interest pays, oldest first: (id, due date, amount).

    `scheduled`, when given, is all the interest the coupons can come to (less once the
    Notes are accelerated: the interest accrued to then); interest paid beyond it is
    default interest on principal unpaid after maturity or acceleration (Schedule 1,
    ASSUMED), the part "default-interest", due from `late_from`.
    """
    parts: list[tuple[str, str, Decimal]] = []
    start, end, running = paid_before, paid_before + amount, ZERO
    cap = end if scheduled is None else min(end, max(scheduled, start))
    last: Payment | None = None
    for payment in schedule:
        if payment.kind != "interest":
            continue
        last = payment
        low, running = running, running + payment.amount
        overlap = min(cap, running) - max(start, low)
        if overlap > 0:
            day = payment.date.isoformat()
            parts.append((f"interest-{day}", day, overlap))
    beyond = cap - max(start, running)
    if beyond > 0 and last is not None:
        day = last.date.isoformat()
        parts.append((f"interest-{day}", day, beyond))
    if end > cap:
        parts.append(("default-interest", late_from, end - cap))
    return parts


def holder_payment(at: datetime | None, purpose: str, amount: Decimal,
                   shares: Mapping[str, Decimal],
                   parts: Sequence[tuple[str, str, Decimal]]) -> HolderPayment:
    """A payment with each Holder's share of each of its parts."""
    split: list[Part] = []
    given = {name: ZERO for name in shares}
    for index, (obligation, due, part) in enumerate(parts):
        if index == len(parts) - 1:
            mine = {name: share - given[name] for name, share in shares.items()}
        else:
            mine = _split(part, shares)
            for name, value in mine.items():
                given[name] += value
        split.append(Part(obligation, due, part, mine))
    return HolderPayment(at, purpose, amount, dict(shares), tuple(split))


__all__ = ["HolderPayment", "Part", "holder_payment", "interest_parts"]
