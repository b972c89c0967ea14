"""Periods and moments: how the agreement's time words become exact New York times.

PRODUCT.md section 5: periods counted in days ("within 100 days", "within 30
days") end at the end of the last day, New York time; 8.5's "five days
following the time of postmark" is the same wall-clock time five calendar
days later, whatever daylight saving did in between.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from engine.clock import NEW_YORK


def end_of_days(start: date, days: int) -> datetime:
    """The first moment after a period of `days` days following `start`.

    A report due "within 100 days" after December 31, 1997 may be delivered
    up to 1998-04-10 23:59:59; the period is over at 1998-04-11 00:00.
    """
    return datetime.combine(start + timedelta(days=days + 1), time(0), tzinfo=NEW_YORK)


def same_wall_time_days_later(moment: datetime, days: int) -> datetime:
    """The same New York wall-clock time `days` calendar days later (8.5, by mail).

    A daylight-saving change in between does not move it by an hour. A wall
    time that does not exist on the later day (the spring-forward gap) is
    read as the clocks do, an hour later; one that happens twice (fall back)
    is its first occurrence.
    """
    local = moment.astimezone(NEW_YORK)
    later = datetime.combine(local.date() + timedelta(days=days), local.time().replace(
        tzinfo=None), tzinfo=NEW_YORK)
    return later.astimezone(UTC).astimezone(NEW_YORK)
