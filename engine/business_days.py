"""Business days: which days a payment may be made on, and the next such day.

Schedule 1, ASSUMED (PRODUCT.md section 3): the Notes are paid on New York
banking days, and a payment date that is not one moves to the next one. A term
sheet names one of three calendars:

- "new-york": Monday to Friday less the Federal Reserve's holidays, the days
  the Federal Reserve Banks (and Fedwire) are closed: New Year's Day, Martin
  Luther King Jr.'s Birthday (from 1986), Washington's Birthday, Memorial Day,
  Juneteenth (from 2022), Independence Day, Labor Day, Columbus Day, Veterans
  Day, Thanksgiving Day and Christmas Day. A holiday on a Sunday is observed
  on the Monday after; one on a Saturday is observed on no weekday (the Fed
  stays open on the Friday before, unlike the federal government). Good Friday
  is a banking day. The rules are computed here, not taken from a library:
  `holidays.financial_holidays("XFED")` has no holidays at all for 1997 and
  1998, and `holidays.US()` moves Saturday holidays to Friday.
- "weekends": Monday to Friday.
- "none": every day.

Everything here is a pure function of the date; the holidays of a year are
worked out once and kept.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["CALENDARS", "federal_reserve_holidays", "following", "is_business_day"]

#: The calendars a term sheet may name, in the order of `contract.BUSINESS_DAYS`.
CALENDARS: tuple[str, ...] = ("new-york", "weekends", "none")

_MONDAY, _THURSDAY, _SATURDAY, _SUNDAY = 0, 3, 5, 6
_ONE_DAY = timedelta(days=1)
_HOLIDAYS: dict[int, frozenset[date]] = {}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based) given weekday of the month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    """The last given weekday of the month."""
    after = date(year + month // 12, month % 12 + 1, 1)
    last = after - _ONE_DAY
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date | None:
    """A fixed-date holiday as the Federal Reserve observes it.

    Sunday moves to Monday; Saturday is not observed at all (the Federal
    Reserve's practice, unlike the federal government's Friday).
    """
    weekday = day.weekday()
    if weekday == _SUNDAY:
        return day + _ONE_DAY
    if weekday == _SATURDAY:
        return None
    return day


def federal_reserve_holidays(year: int) -> frozenset[date]:
    """The weekdays of `year` on which the Federal Reserve Banks are closed.

    The Federal Reserve's holiday schedule (Schedule 1, ASSUMED: New York
    banking days): New Year's Day, MLK Day (third Monday of January, from 1986),
    Washington's Birthday (third Monday of February), Memorial Day (last Monday
    of May), Juneteenth (June 19, from 2022), Independence Day, Labor Day (first
    Monday of September), Columbus Day (second Monday of October), Veterans Day
    (November 11), Thanksgiving (fourth Thursday of November), Christmas Day. A
    fixed-date holiday on a Sunday is observed on Monday, on a Saturday not at
    all. The Monday holidays date from 1971, Veterans Day is back on November
    11 from 1978 and MLK Day starts in 1986: the set is right for every year
    from 1986 on (PRODUCT.md asks for 1990 on), with no one-off closings.
    """
    cached = _HOLIDAYS.get(year)
    if cached is not None:
        return cached
    fixed = [date(year, 1, 1), date(year, 7, 4), date(year, 11, 11), date(year, 12, 25)]
    if year >= 2022:
        fixed.append(date(year, 6, 19))
    days = {observed for observed in map(_observed, fixed) if observed is not None}
    if year >= 1986:
        days.add(_nth_weekday(year, 1, _MONDAY, 3))
    days.add(_nth_weekday(year, 2, _MONDAY, 3))
    days.add(_last_weekday(year, 5, _MONDAY))
    days.add(_nth_weekday(year, 9, _MONDAY, 1))
    days.add(_nth_weekday(year, 10, _MONDAY, 2))
    days.add(_nth_weekday(year, 11, _THURSDAY, 4))
    holidays = frozenset(days)
    _HOLIDAYS[year] = holidays
    return holidays


def is_business_day(day: date, convention: str) -> bool:
    """Whether payments can be made on `day` under the named calendar.

    "new-york": a New York banking day, Monday to Friday less the Federal
    Reserve's holidays (`federal_reserve_holidays`); "weekends": Monday to
    Friday; "none": every day. Which calendar the Notes use is Schedule 1,
    ASSUMED ("new-york").

    Raises:
        ValueError: the calendar is unknown.
    """
    if convention == "none":
        return True
    if convention == "new-york":
        return day.weekday() < _SATURDAY and day not in federal_reserve_holidays(day.year)
    if convention == "weekends":
        return day.weekday() < _SATURDAY
    raise ValueError(
        f"unknown business-day calendar {convention!r}: expected one of {', '.join(CALENDARS)}"
    )


def following(day: date, convention: str) -> date:
    """The first business day on or after `day` (the "following" convention).

    ISDA 2006 4.12(a) "Following": a date that is not a business day moves to
    the next day that is. Schedule 1, ASSUMED: a payment date that is not a New
    York banking day is paid on the next one, with no extra interest.

    Raises:
        ValueError: the calendar is unknown.
    """
    while not is_business_day(day, convention):
        day += _ONE_DAY
    return day
