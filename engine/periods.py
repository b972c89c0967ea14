"""Periods and moments: how the agreement's time words become exact instants.

PRODUCT.md section 5: periods counted in days ("within 100 days", "within 30
days") end at the end of the last day, New York time; 8.5's "five days
following the time of postmark" is the same wall-clock time five calendar
days later, whatever daylight saving did in between. Both are computed on
New York's calendar and returned as instants in UTC (`engine.clock`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from engine.clock import NEW_YORK, start_of_day


def end_of_days(start: date, days: int) -> datetime:
    """The first instant after a period of `days` days following `start`.

    A report due "within 100 days" after December 31, 1997 may be delivered
    up to 1998-04-10 23:59:59; the period is over at 1998-04-11 00:00, New
    York time (New York's midnight is never in a daylight-saving hour).
    """
    return start_of_day(start + timedelta(days=days + 1))


def same_wall_time_days_later(moment: datetime, days: int) -> datetime:
    """The same New York wall-clock time `days` calendar days later (8.5, by mail).

    A daylight-saving change in between does not move it by an hour. The
    engine computes this time itself, so it never refuses one: a wall time
    that does not exist on the later day (the spring-forward gap) is read as
    the clocks read it, an hour later (02:30 is 03:30 EDT); one that happens
    twice (fall back) is its first occurrence (01:30 EDT, not 01:30 EST).
    """
    local = moment.astimezone(NEW_YORK)
    later = datetime.combine(local.date() + timedelta(days=days),
                             local.time().replace(tzinfo=None, fold=0), tzinfo=NEW_YORK)
    return later.astimezone(UTC)
