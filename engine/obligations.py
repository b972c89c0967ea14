"""What the Company owes over time, as pure functions of the terms: 6.1 reports.

Section 6 binds the Company "from and after the Closing Date so long as any of
the Notes shall remain outstanding". 6.1(a): the annual report "within 100
days" after each fiscal year; 6.1(b): quarterly reports "within 55 days" after
each of the first three quarters. The fiscal year is the calendar year (3.8).
A report is owed when its deadline falls after the Closing Date, for periods
ending up to two years past maturity (Notes left unpaid at maturity are still
outstanding); none is owed once the Notes are repaid.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs

from engine.clock import new_york_date
from engine.periods import end_of_days

ANNUAL_DAYS = 100
QUARTERLY_DAYS = 55
QUARTER_ENDS = ((3, 31, "q1"), (6, 30, "q2"), (9, 30, "q3"))


@attrs.frozen
class ReportDue:
    """A report of 6.1: its id ("q3-1997", "annual-1997"), section, period and lapse."""

    id: str
    section: str
    period_end: date
    #: The first moment it is late: the end of the last day of its period of days.
    lapses_at: datetime

    @property
    def last_day(self) -> date:
        """The last day on which the report is on time."""
        return new_york_date(self.lapses_at) - timedelta(days=1)


#: How long past maturity unpaid Notes keep the reports of 6.1 owed.
YEARS_PAST_MATURITY = 2


def reports_owed(closing_date: date, maturity: date,
                 issued_at: datetime | None = None) -> tuple[ReportDue, ...]:
    """6.1(a) and (b): every report whose deadline falls after the Closing Date.

    For periods ending up to two years past maturity: section 6 binds "so long
    as any of the Notes shall remain outstanding", and Notes unpaid at
    maturity remain outstanding; no report is owed once they are repaid.

    `issued_at`, when the Notes were issued: section 6 binds "from and after
    the Closing Date so long as any of the Notes shall remain outstanding",
    and no Note is outstanding before it is issued, so a report whose
    deadline lapsed before the issue (settlement completed after the Closing
    Date) is not owed; the first owed is the first whose deadline is after it.
    """
    last = date(maturity.year + YEARS_PAST_MATURITY, maturity.month, min(maturity.day, 28))
    owed: list[ReportDue] = []
    for year in range(closing_date.year - 1, last.year + 1):
        for month, day, name in QUARTER_ENDS:
            end = date(year, month, day)
            owed.append(ReportDue(f"{name}-{year}", "6.1(b)", end,
                                  end_of_days(end, QUARTERLY_DAYS)))
        end = date(year, 12, 31)
        owed.append(ReportDue(f"annual-{year}", "6.1(a)", end, end_of_days(end, ANNUAL_DAYS)))
    return tuple(sorted(
        (r for r in owed if new_york_date(r.lapses_at) > closing_date and r.period_end < last
         and (issued_at is None or r.lapses_at > issued_at)),
        key=lambda r: (r.lapses_at, r.id)))
