"""Time as the actions give it: instants, read and shown in New York time.

PRODUCT.md section 5: every action carries the time it happened (`at`); a
time without an offset is New York local time (America/New_York, with its
daylight saving rules as of the date). The engine never reads the wall clock.

Inside the engine every time is an instant, held in UTC: comparing, sorting,
subtracting and storing work on the instant. Two times in one `ZoneInfo`
compare by their wall clocks and ignore `fold` (PEP 495), so 01:10 EST on
1998-10-25 would sort before 01:45 EDT that morning, though it comes 25
minutes later; in UTC it cannot. New York wall time is only for reading a
time without an offset and for showing one (`iso`, `new_york_date`).

A New York wall time without an offset that falls in the hour repeated when
daylight saving ends is ambiguous, and one in the hour skipped when it begins
does not exist: both are invalid input asking for an offset (`WallTimeError`
names the field). Times the engine computes itself from a wall clock (8.5's
"five days following the time of postmark") follow the clocks instead: see
`engine.periods.same_wall_time_days_later`.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from contract.printable import shown
from engine.errors import InvalidAction

NEW_YORK = ZoneInfo("America/New_York")
EARLIEST = datetime(1900, 1, 1, tzinfo=NEW_YORK).astimezone(UTC)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=NEW_YORK).astimezone(UTC)

_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?",
    re.ASCII,
)


def wall_time_problem(local: datetime) -> str | None:
    """Why a naive New York wall time names no single instant, or None when it names one.

    The hour repeated in autumn happens twice (fold 0 and 1 give different
    offsets); a time in the hour skipped in spring never happens (read at
    fold 0 and fold 1 it lands on two different instants, neither of which
    shows that wall time).
    """
    first = local.replace(tzinfo=NEW_YORK, fold=0)
    second = local.replace(tzinfo=NEW_YORK, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    shown = local.strftime("%Y-%m-%d %H:%M")
    if first.astimezone(UTC).astimezone(NEW_YORK).replace(tzinfo=None) == local:
        return (f"{shown} happens twice in New York (the hour repeated when daylight "
                "saving ends): give an offset, -04:00 (EDT) or -05:00 (EST)")
    return (f"{shown} does not exist in New York (the hour skipped when daylight saving "
            "begins): give an offset, -05:00 (EST) or -04:00 (EDT)")


def new_york_instant(local: datetime, field: str = "at") -> datetime:
    """The instant a naive New York wall time names, in UTC.

    Raises:
        InvalidAction: naming `field`, for a wall time in the repeated autumn
            hour or the skipped spring hour (it names no single instant).
    """
    first = local.replace(tzinfo=NEW_YORK, fold=0)
    if first.utcoffset() != local.replace(tzinfo=NEW_YORK, fold=1).utcoffset():
        # The two readings differ only in the hours daylight saving repeats or skips.
        raise InvalidAction(wall_time_problem(local) or "", field=field)
    return first.astimezone(UTC)


def instant(moment: datetime, field: str = "at") -> datetime:
    """A datetime as the engine holds it: an instant in UTC; naive means New York time.

    An aware datetime in a zone (a `ZoneInfo`) is taken as PEP 495 reads it
    (`fold=1` is the second 01:30 of the repeated hour), except a wall time
    that never happens in its zone, which is refused.

    Raises:
        InvalidAction: naming `field`, for a naive wall time that names no
            single instant, or one outside 1900-2100.
    """
    try:
        if moment.tzinfo is None or moment.utcoffset() is None:
            utc = new_york_instant(moment.replace(tzinfo=None), field)
        else:
            utc = moment.astimezone(UTC)
            if utc.astimezone(moment.tzinfo).replace(tzinfo=None, fold=0) != moment.replace(
                    tzinfo=None, fold=0):
                raise InvalidAction(
                    f"{moment.replace(tzinfo=None):%Y-%m-%d %H:%M} does not exist in "
                    f"{moment.tzinfo} (the hour skipped when daylight saving begins): "
                    "give an offset", field=field)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, InvalidAction):
            raise

        raise InvalidAction("times must lie between 1900 and 2100", field=field) from None
    if not EARLIEST <= utc <= LATEST:
        raise InvalidAction("times must lie between 1900 and 2100", field=field)
    return utc


def parse_time(value: object, field: str = "at") -> datetime:
    """Read an ISO 8601 time (or a datetime); no offset means New York time.

    Returns:
        The instant, in UTC.

    Raises:
        InvalidAction: naming `field`, for anything that is not such a time,
            lies outside 1900-2100, or is a New York wall time without an
            offset that happens twice or never (the daylight-saving hours).
    """
    if isinstance(value, datetime):
        return instant(value, field)
    if not isinstance(value, str):
        raise InvalidAction(f"expected a time like 1997-10-27T09:00, got {_show(value)}",
                            field=field)
    text = value.strip()
    if not _ISO.fullmatch(text):
        raise InvalidAction(f"not a time: {_show(text)}", field=field)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidAction(f"not a time: {_show(text)} ({exc})", field=field) from None
    return instant(moment, field)


def parse_date(value: object, field: str) -> date:
    """Read an ISO date (YYYY-MM-DD) in 1900-2100."""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise InvalidAction(f"not a date: {shown(value)} ({exc})", field=field) from None
    else:
        raise InvalidAction(f"expected a date like 1997-10-27, got {_show(value)}",
                            field=field)
    if not 1900 <= day.year <= 2100:
        raise InvalidAction("dates must lie between 1900 and 2100", field=field)
    return day


def start_of_day(day: date) -> datetime:
    """The instant a New York calendar day begins (midnight is never a daylight-saving hour)."""
    return new_york_instant(datetime(day.year, day.month, day.day))


def new_york_date(moment: datetime) -> date:
    """The calendar date in New York at that instant (remembered for the instants seen
    last: a deal asks the same few again and again; only instants held in UTC, as the
    engine holds them, are remembered: two New York wall times an hour apart in the
    repeated autumn hour compare equal)."""
    if moment.tzinfo is UTC:
        return _new_york_date(moment)
    return moment.astimezone(NEW_YORK).date()


@functools.lru_cache(maxsize=4096)
def _new_york_date(moment: datetime) -> date:
    return moment.astimezone(NEW_YORK).date()


def new_york(moment: datetime) -> datetime:
    """An instant as New York wall time, for reading it (hour, weekday) or showing it."""
    return moment.astimezone(NEW_YORK)


def iso(moment: datetime) -> str:
    """An instant as ISO 8601 in New York time with its offset, to the second.

    The offset tells the two 01:30s of the repeated autumn hour apart:
    1998-10-25T01:30:00-04:00 comes an hour before 1998-10-25T01:30:00-05:00. (Instants
    held in UTC, as the engine holds them, are remembered, as `new_york_date` says.)
    """
    if moment.tzinfo is UTC:
        return _iso(moment)
    return moment.astimezone(NEW_YORK).isoformat(timespec="seconds")


@functools.lru_cache(maxsize=4096)
def _iso(moment: datetime) -> str:
    return moment.astimezone(NEW_YORK).isoformat(timespec="seconds")


def utc_iso(moment: datetime) -> str:
    """An instant as ISO 8601 in UTC (how the engine stores it)."""
    if moment.tzinfo is UTC:  # as the engine holds every instant: nothing to convert
        return moment.isoformat()
    return moment.astimezone(UTC).isoformat()


def _show(value: object) -> str:
    """A user's value on one short line, for an error message."""
    return shown(value, 42)
