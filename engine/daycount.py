"""Day counts: the fraction of a year between two dates, exactly.

The term sheet names one of five conventions (PRODUCT.md section 3; which one
the Notes use is Schedule 1, ASSUMED: 30/360). Each is defined by the 2006
ISDA Definitions, section 4.16:

- "30/360": the 30/360 bond basis, 4.16(f);
- "30E/360": the Eurobond basis, 4.16(g);
- "ACT/360": actual days over 360, 4.16(e);
- "ACT/365": actual days over 365 ("Actual/365 (Fixed)"), 4.16(d);
- "ACT/ACT": actual/actual (ISDA), 4.16(b): the days in a leap year over
  366, the others over 365.

Fractions are exact (`fractions.Fraction`): money is rounded once, at the cent,
by whoever multiplies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use: fractions compiles a pattern at import
    from fractions import Fraction

__all__ = ["CONVENTIONS", "day_count_ratio", "year_fraction"]


def _thirty_360(start: date, end: date) -> tuple[int, int]:
    """ISDA 2006 4.16(f), 30/360 bond basis: D1 31 -> 30; D2 31 -> 30 when D1 is 30 or 31."""
    d1, d2 = start.day, end.day
    if d1 == 31:
        d1 = 30
    if d2 == 31 and d1 == 30:
        d2 = 30
    return 360 * (end.year - start.year) + 30 * (end.month - start.month) + d2 - d1, 360


def _thirty_e_360(start: date, end: date) -> tuple[int, int]:
    """ISDA 2006 4.16(g), 30E/360 (Eurobond basis): D1 31 -> 30; D2 31 -> 30."""
    d1, d2 = min(start.day, 30), min(end.day, 30)
    return 360 * (end.year - start.year) + 30 * (end.month - start.month) + d2 - d1, 360


def _act_360(start: date, end: date) -> tuple[int, int]:
    """ISDA 2006 4.16(e), Actual/360: actual days over 360."""
    return (end - start).days, 360


def _act_365(start: date, end: date) -> tuple[int, int]:
    """ISDA 2006 4.16(d), Actual/365 (Fixed): actual days over 365."""
    return (end - start).days, 365


def _is_leap(year: int) -> bool:
    """Whether the Gregorian year has 366 days."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _act_act(start: date, end: date) -> tuple[int, int]:
    """ISDA 2006 4.16(b), Actual/Actual (ISDA).

    The days falling in a leap year over 366 plus the days in the other years
    over 365, the period split at each January 1 (start counted, end not).
    """
    leap = plain = 0
    cursor = start
    while cursor.year < end.year:
        next_year = date(cursor.year + 1, 1, 1)
        days = (next_year - cursor).days
        if _is_leap(cursor.year):
            leap += days
        else:
            plain += days
        cursor = next_year
    days = (end - cursor).days
    if _is_leap(cursor.year):
        leap += days
    else:
        plain += days
    return leap * 365 + plain * 366, 365 * 366


_RATIOS: dict[str, Callable[[date, date], tuple[int, int]]] = {
    "30/360": _thirty_360,
    "30E/360": _thirty_e_360,
    "ACT/360": _act_360,
    "ACT/365": _act_365,
    "ACT/ACT": _act_act,
}

#: The conventions a term sheet may name, in the order of `contract.DAY_COUNTS`.
CONVENTIONS: tuple[str, ...] = tuple(_RATIOS)


def day_count_ratio(convention: str, start: date, end: date) -> tuple[int, int]:
    """The year fraction as an unreduced (numerator, denominator) pair of ints.

    The same value as `year_fraction`, for callers that multiply it into money
    with integer arithmetic (faster than `Fraction`, just as exact).

    Raises:
        ValueError: the convention is unknown, or `end` is before `start`.
    """
    try:
        ratio = _RATIOS[convention]
    except KeyError:
        raise ValueError(
            f"unknown day count {convention!r}: expected one of {', '.join(CONVENTIONS)}"
        ) from None
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return ratio(start, end)


def year_fraction(convention: str, start: date, end: date) -> Fraction:
    """The fraction of a year from `start` to `end` under the named day count, exactly.

    Conventions (2006 ISDA Definitions 4.16): "30/360" the bond basis, 4.16(f)
    (D1 = 31 becomes 30; D2 = 31 becomes 30 when D1 is then 30); "30E/360",
    4.16(g) (any 31st becomes 30); "ACT/360", 4.16(e); "ACT/365" (fixed),
    4.16(d); "ACT/ACT" (ISDA), 4.16(b): days in leap years over 366, the
    others over 365. Which one the Notes use is Schedule 1, ASSUMED (30/360).

    Args:
        convention: one of `CONVENTIONS`.
        start: the first day of the period (counted).
        end: the last day of the period (not counted); not before `start`.

    Returns:
        The exact fraction, never negative; 0 for an empty period, and under
        30/360 and 30E/360 also for the 30th to the 31st of a month, as ISDA's
        formulas give.

    Raises:
        ValueError: the convention is unknown, or `end` is before `start`.
    """
    from fractions import Fraction

    numerator, denominator = day_count_ratio(convention, start, end)
    return Fraction(numerator, denominator)
