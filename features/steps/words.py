"""The engine's values in the words and date format a feature uses, so a failing Then
says expected and actual as the step does ("February 1, 1998", "the annual
report for 1997").
"""

from __future__ import annotations

import datetime
import re

from features.steps.types import MONTHS

_QUARTERS = {"q1": "March 31", "q2": "June 30", "q3": "September 30"}


def date_words(iso: str) -> str:
    """A date of the engine's ("1998-02-01") as a feature writes it ("February 1, 1998")."""
    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def report_words(report: str) -> str:
    """A report of 6.1 by the engine's id ("q3-1997") as a feature names it."""
    found = re.fullmatch(r"(annual|q[123])-(\d{4})", report)
    if found is None:
        return f"report {report}"
    kind, year = found.groups()
    if kind == "annual":
        return f"the annual report for {year}"
    return f"the quarterly report for the quarter ended {_QUARTERS[kind]}, {year}"
