"""Cash flows read from a deal's events, and their present value.

A cash flow is a `PaymentMade` event: its date, who paid whom, for what, how
much. Cash to the Holders is interest and principal paid on the Notes; the
Transaction Fee, expenses (8.9) and indemnity (8.10) are counted apart.

Present value: each cash flow is discounted at an annual rate r, compounded
annually, over the ACT/365 years t from the Closing Date to the New York
date of the payment: amount x (1 + r)^-t, summed exactly and rounded once to
the cent (half even). Full performance is the schedule of the Notes
(Schedule 1, ASSUMED), each payment on its payment date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import attrs

from contract import TermSheet
from engine.clock import iso, new_york_date
from engine.events import Event, PaymentMade
from engine.money import CENT, ZERO
from engine.schedule import Payment, issued_schedule

#: The purposes whose payments are cash to the Holders on the Notes.
TO_HOLDERS = frozenset({"interest", "principal"})

_ONE = Decimal(1)
_YEAR = Decimal(365)


@attrs.frozen
class CashFlow:
    """One payment: when, from whom to whom, for what and how much (a `PaymentMade`)."""

    at: datetime
    payer: str
    payee: str
    purpose: str
    amount: Decimal
    claim: str | None = None

    @property
    def date(self) -> date:
        """The New York date of the payment."""
        return new_york_date(self.at)

    def to_dict(self) -> dict[str, Any]:
        """The cash flow as JSON: date, at, from, to, purpose, amount (a decimal string)."""
        data = {"date": self.date.isoformat(), "at": iso(self.at), "from": self.payer,
                "to": self.payee, "purpose": self.purpose, "amount": str(self.amount)}
        if self.claim is not None:
            data["claim"] = self.claim
        return data


def cash_flows(events: Iterable[Event]) -> list[CashFlow]:
    """Every payment among the events, in order."""
    return [CashFlow(e.at, e.payer, e.payee, e.purpose, e.amount, e.claim)
            for e in events if isinstance(e, PaymentMade) and e.at is not None]


class Discount:
    """Discount factors (1 + r)^-t, t in ACT/365 years from the Closing Date, one per date."""

    def __init__(self, rate: Decimal, closing_date: date) -> None:
        self.rate = rate
        self.closing_date = closing_date
        self._factors: dict[date, Decimal] = {}

    def factor(self, day: date) -> Decimal:
        """The discount factor of a payment on `day`."""
        factor = self._factors.get(day)
        if factor is None:
            if self.rate == 0:
                factor = _ONE
            else:
                years = Decimal((day - self.closing_date).days) / _YEAR
                factor = (_ONE + self.rate) ** -years
            self._factors[day] = factor
        return factor

    def present_value(self, flows: Iterable[tuple[date, Decimal]]) -> Decimal:
        """The present value of (date, amount) flows, rounded once to the cent."""
        total = sum((amount * self.factor(day) for day, amount in flows), ZERO)
        return total.quantize(CENT, rounding=ROUND_HALF_EVEN)


def full_performance(terms: TermSheet,
                     schedule: Sequence[Payment] | None = None) -> list[tuple[date, Decimal]]:
    """Every payment of the Notes' schedule on its payment date: what full performance pays.

    The schedule is that of the Notes as issued (`schedule`, the deal's own once they are;
    by default those issued on the Closing Date, as every path's are): a Closing after the
    term sheet's issue date accrues the first interest from the Closing, not the issue date.
    """
    if schedule is None:
        schedule = issued_schedule(terms.notes, terms.deal.closing_date)
    return [(p.payment_date, p.amount) for p in schedule]
