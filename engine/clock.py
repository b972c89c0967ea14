"""Time as the actions give it: New York time unless an offset says otherwise.

PRODUCT.md section 5: every action carries the time it happened (`at`);
a time without an offset is New York local time (America/New_York, with its
daylight saving rules as of the date). The engine never reads the wall clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from engine.errors import InvalidAction

NEW_YORK = ZoneInfo("America/New_York")
EARLIEST = datetime(1900, 1, 1, tzinfo=NEW_YORK)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=NEW_YORK)

_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$"
)


def parse_time(value: object, field: str = "at") -> datetime:
    """Read an ISO 8601 time; no offset means New York time.

    Raises:
        InvalidAction: naming `field`, for anything that is not such a time
            or lies outside 1900-2100.
    """
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=NEW_YORK)
    else:
        if not isinstance(value, str):
            raise InvalidAction(f"expected a time like 1997-10-27T09:00, got {value!r:.40}",
                                field=field)
        text = value.strip()
        if not _ISO.match(text):
            raise InvalidAction(f"not a time: {text!r:.40}", field=field)
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise InvalidAction(f"not a time: {text!r:.40} ({exc})", field=field) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=NEW_YORK)
    if not EARLIEST <= moment <= LATEST:
        raise InvalidAction("times must lie between 1900 and 2100", field=field)
    return moment.astimezone(NEW_YORK)


def parse_date(value: object, field: str) -> date:
    """Read an ISO date (YYYY-MM-DD)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise InvalidAction(f"expected a date like 1997-10-27, got {value!r:.40}", field=field)
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidAction(f"not a date: {value!r} ({exc})", field=field) from None
    if not 1900 <= day.year <= 2100:
        raise InvalidAction("dates must lie between 1900 and 2100", field=field)
    return day


def new_york_date(moment: datetime) -> date:
    """The calendar date in New York at that moment."""
    return moment.astimezone(NEW_YORK).date()


def iso(moment: datetime) -> str:
    """A moment as ISO 8601 in New York time, to the second."""
    return moment.astimezone(NEW_YORK).isoformat(timespec="seconds")
