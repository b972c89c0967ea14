"""The Notes' payment schedule: interest dates, amounts, and principal at maturity.

Schedule 1 (Form of Note) was omitted from the filing, so every rule here is
Schedule 1, ASSUMED, as the term sheet states it (PRODUCT.md section 3):

- interest dates are the cycle anchor (`cycle_anchor`, or else
  `first_interest_date`) plus whole cycles, each counted from the anchor with
  month ends clipped (January 31 plus one month is February 28 or 29, plus two
  months March 31), from `first_interest_date` up to maturity, and maturity
  itself is the last;
- a last broken period (from the last cycle date before maturity to maturity)
  is paid on its own under a "short" stub, and merged into the period before
  under a "long" one;
- the first period accrues from `issue_date`; each period's interest is
  principal x rate x the day count's year fraction (`engine.daycount`), from
  the exact fraction rounded to the cent, half up;
- a payment date that is not a business day (`engine.business_days`) is paid
  on the next one ("following"), with interest still counted to the
  unadjusted date;
- all principal is paid at maturity (adjusted the same way).

For the 1997 deal: $205,625.00 on 1998-02-01 (paid Monday 1998-02-02) for 94
days of 30/360 from the Closing on 1997-10-27, then $393,750.00 on each of
1998-08-01 (paid 1998-08-03), 1999-02-01, 1999-08-01 (paid 1999-08-02) and
2000-02-01, with the $7,500,000.00 principal on 2000-02-01.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

import attrs

from contract.terms import NoteTerms, cycle_months
from engine.business_days import following
from engine.daycount import day_count_ratio

__all__ = [
    "InterestPeriod",
    "Payment",
    "accrued_interest",
    "accrued_interest_on",
    "after_prepayment",
    "interest_periods",
    "issued_schedule",
    "payment_schedule",
    "schedule_to_json",
]

Kind = Literal["interest", "principal"]

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ZERO = Decimal("0.00")


@attrs.frozen
class InterestPeriod:
    """One interest period: accrues from `start` up to `end`, its unadjusted interest date."""

    start: dt.date
    end: dt.date


@attrs.frozen
class Payment:
    """One scheduled payment of the Notes (Schedule 1, ASSUMED).

    `date` is the scheduled (unadjusted) date, `payment_date` the business day
    it is paid on; interest is counted to `date`. `start` and `end` are the
    accrual period of an interest payment (`end` is `date`), None for principal.
    """

    date: dt.date
    payment_date: dt.date
    kind: Kind
    amount: Decimal
    start: dt.date | None = None
    end: dt.date | None = None


def _add_months(day: dt.date, months: int) -> dt.date | None:
    """The day so many months on, clipped to the month's end; None past the year 9999."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if year > 9999:
        return None
    last = _MONTH_DAYS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    return day.replace(year=year, month=month, day=min(day.day, last))


def _interest_dates(notes: NoteTerms) -> list[dt.date]:
    """The unadjusted interest dates, first to maturity (Schedule 1, ASSUMED).

    The anchor plus whole cycles, each counted from the anchor, from
    `first_interest_date` up to maturity, then maturity. Under a "long" stub
    a broken last period is merged into the one before, dropping the cycle
    date before maturity, unless that date is `first_interest_date`: the
    first interest date the term sheet names is always paid.
    """
    first, maturity = notes.first_interest_date, notes.maturity
    anchor = notes.cycle_anchor or first
    months = cycle_months(notes.interest_cycle)
    # Start the count at the cycle that falls in the first interest date's
    # month (the earlier ones are all before it).
    count = ((first.year - anchor.year) * 12 + first.month - anchor.month) // months
    dates: list[dt.date] = []
    while True:
        day = _add_months(anchor, count * months)
        if day is None or day >= maturity:
            break
        if day >= first:
            dates.append(day)
        count += 1
    broken = day != maturity
    if broken and notes.stub == "long" and len(dates) > 1:
        dates.pop()
    dates.append(maturity)
    return dates


def interest_periods(notes: NoteTerms) -> tuple[InterestPeriod, ...]:
    """The interest periods, the first from `issue_date` (Schedule 1, ASSUMED).

    Each ends on its unadjusted interest date (see `payment_schedule`); the
    next one starts there.
    """
    periods = []
    start = notes.issue_date
    for end in _interest_dates(notes):
        periods.append(InterestPeriod(start, end))
        start = end
    return tuple(periods)


def _interest(notes: NoteTerms, principal: Decimal, start: dt.date, end: dt.date,
              rate: Decimal | None = None) -> Decimal:
    """principal x rate x year fraction, rounded from the exact value to the cent, half up.

    `rate` is the note rate unless given (the default rate on unpaid principal)."""
    days, year = day_count_ratio(notes.day_count, start, end)
    p_num, p_den = principal.as_integer_ratio()
    r_num, r_den = (notes.rate if rate is None else rate).as_integer_ratio()
    numerator = 100 * p_num * r_num * days
    denominator = p_den * r_den * year
    # half up, as Decimal's ROUND_HALF_UP: halves go away from zero
    cents = (2 * abs(numerator) + denominator) // (2 * denominator)
    return Decimal(-cents if numerator < 0 else cents).scaleb(-2)


def payment_schedule(notes: NoteTerms, principal: Decimal | None = None) -> tuple[Payment, ...]:
    """Every payment of the Notes, in date order: interest, then principal at maturity.

    Schedule 1, ASSUMED (PRODUCT.md section 3): interest dates from
    `_interest_dates` (the anchor plus whole cycles counted from the anchor,
    month ends clipped; "short" or "long" last stub); the first period accrues
    from `issue_date`; each amount is principal x rate x the day count's year
    fraction (ISDA 2006 4.16, `engine.daycount`), rounded to the cent half up
    from the exact value; each date moves to the next business day
    ("following", ISDA 2006 4.12(a)) with interest still counted to the
    unadjusted date; all principal is paid at maturity.

    Args:
        notes: the term sheet's [notes].
        principal: the principal the interest is counted on (and repaid);
            the term sheet's principal when left out.

    Returns:
        The interest payments, then the principal payment on maturity.
    """
    amount = notes.principal if principal is None else principal
    calendar = notes.business_days
    payments = []
    start = notes.issue_date
    for end in _interest_dates(notes):
        payments.append(Payment(end, following(end, calendar), "interest",
                                _interest(notes, amount, start, end), start, end))
        start = end
    maturity = notes.maturity
    payments.append(Payment(maturity, following(maturity, calendar), "principal",
                            amount.quantize(_ZERO, ROUND_HALF_UP)))
    return tuple(payments)


def issued_schedule(notes: NoteTerms, issued_on: dt.date) -> tuple[Payment, ...]:
    """The schedule of Notes issued on `issued_on`: interest only from the issue.

    1.2: the Company issues the Notes "in consideration of the payment by
    Purchaser of the Purchase Price"; the Notes exist, and bear interest,
    from then (Schedule 1, ASSUMED: interest "from the date hereof", the date
    the Note is issued). Issued on or before the term sheet's `issue_date`,
    this is `payment_schedule`. Issued later (settlement completed after the
    Closing Date), the first period accrues from the day of issue, an
    interest date on or before it carries nothing and is left out, and the
    principal, due at maturity, is payable no earlier than the day of issue
    (the next business day from it).
    """
    start = max(notes.issue_date, issued_on)
    if start == notes.issue_date:
        return payment_schedule(notes)
    calendar = notes.business_days
    amount = notes.principal
    payments = []
    for end in _interest_dates(notes):
        if end <= start:
            continue
        payments.append(Payment(end, following(end, calendar), "interest",
                                _interest(notes, amount, start, end), start, end))
        start = end
    maturity = notes.maturity
    payments.append(Payment(maturity, following(max(maturity, issued_on), calendar),
                            "principal", amount.quantize(_ZERO, ROUND_HALF_UP)))
    return tuple(payments)


def accrued_interest(notes: NoteTerms, principal: Decimal, start: dt.date,
                     upto: dt.date, rate: Decimal | None = None) -> Decimal:
    """Interest on `principal` from `start` to `upto`, as one (part) period.

    The same rule as each scheduled payment (Schedule 1, ASSUMED): principal x
    rate x the term sheet's day count (ISDA 2006 4.16) from `start` to `upto`,
    rounded to the cent half up. Zero when `upto` is not after `start`. `rate`
    is the note rate unless given (`NoteTerms.late_rate` for default interest).
    """
    if upto <= start:
        return _ZERO
    return _interest(notes, principal, start, upto, rate)


def after_prepayment(schedule: Sequence[Payment], notes: NoteTerms, before: Decimal,
                     after: Decimal, day: dt.date) -> tuple[Payment, ...]:
    """The schedule once principal `before` is prepaid down to `after` on `day`.

    Schedule 1, ASSUMED (PRODUCT.md section 3, "no prepayment unless the term
    sheet allows it"; issue 9 item 16): the principal prepaid is paid "with
    interest accrued to the payment date", no premium. So a new interest
    payment falls due on `day` itself (payable the next business day when `day`
    is none, as every payment date): the interest on the amount prepaid from
    the start of the running period to `day` (none on an interest date); each
    coupon after `day` is counted again on the principal left, and the
    principal payment at maturity is what is left. A coupon that comes to
    nothing is dropped; the principal payment stays, at 0.00 once all is
    prepaid. Two prepayments on one day make one interest payment of both
    accruals. Payments dated on or before `day`
    are as they were: they were payable already.
    """
    prepaid = before - after
    out: list[Payment] = []
    for payment in schedule:
        if payment.date <= day:
            out.append(payment)
            continue
        if payment.kind == "principal":
            # Kept when nothing is left (0.00): the Notes were issued, and it shows paid.
            out.append(attrs.evolve(payment, amount=after.quantize(_ZERO, ROUND_HALF_UP)))
            continue
        assert payment.start is not None and payment.end is not None
        if payment.start < day:
            accrued = _interest(notes, prepaid, payment.start, day)
            if accrued > 0:
                if out and out[-1].kind == "interest" and out[-1].date == day:
                    out[-1] = attrs.evolve(out[-1], amount=out[-1].amount + accrued)
                else:
                    # Payable from `day`; a day that is no business day moves to the next
                    # one, as every payment date does (PRODUCT.md 3).
                    out.append(Payment(day, following(day, notes.business_days), "interest",
                                       accrued, payment.start, day))
        amount = _interest(notes, after, payment.start, payment.end)
        if amount > 0:
            out.append(attrs.evolve(payment, amount=amount))
    return tuple(out)


def accrued_interest_on(notes: NoteTerms, day: dt.date,
                        principal: Decimal | None = None) -> Decimal:
    """Interest accrued on `day` and not yet scheduled: from the period's start to `day`.

    The period is the one running on `day` (its start on or before `day`, its
    unadjusted interest date after it). Zero on an interest date itself,
    before `issue_date` and from maturity on: the schedule holds what is due.
    Schedule 1, ASSUMED, as `payment_schedule`.
    """
    amount = notes.principal if principal is None else principal
    start = notes.issue_date
    if day <= start:
        return _ZERO
    for end in _interest_dates(notes):
        if day < end:
            return _interest(notes, amount, start, day)
        start = end
    return _ZERO


def schedule_to_json(payments: Sequence[Payment]) -> list[dict[str, Any]]:
    """The schedule as `npa schedule DEAL --json` prints it (PRODUCT.md section 3).

    One dict a payment: `date` (unadjusted) and `payment_date` (adjusted) as
    ISO dates; `kind` ("interest" or "principal"); `amount` as an integer number
    of cents, as PRODUCT.md says ("amount (cents)"), with `amount_dollars`, the
    same amount as a dollars-and-cents string ("205625.00") like every other
    amount in the JSON; `start` and `end`, the accrual period of an interest
    payment (null for principal); and `assumed`: true, for the schedule rests
    on Schedule 1, ASSUMED.
    """
    rows = []
    for payment in payments:
        cents = payment.amount.scaleb(2)
        if cents != cents.to_integral_value():
            raise ValueError(f"{payment.amount} has fractions of a cent")
        rows.append({
            "date": payment.date.isoformat(),
            "payment_date": payment.payment_date.isoformat(),
            "kind": payment.kind,
            "amount": int(cents),
            "amount_dollars": format(payment.amount.quantize(_ZERO, ROUND_HALF_UP), "f"),
            "start": None if payment.start is None else payment.start.isoformat(),
            "end": None if payment.end is None else payment.end.isoformat(),
            "assumed": True,
        })
    return rows
