"""6.1 Basic Financial Information: the reports the Company furnishes to the Holders.

(a) the annual report "within 100 days" after each fiscal year; (b) the
quarterly reports "within 55 days" after each of the first three quarters.
A report not furnished in time is a covenant breach (not yet an Event of
Default: Schedule 1 (c) needs notice and 30 days); furnishing it late
remedies the breach.
"""

from __future__ import annotations

import re

from engine.actions import DeliverReport
from engine.clock import new_york_date
from engine.errors import InvalidAction
from engine.events import BreachRemedied, Event, ReportDelivered
from engine.explain import refusal
from engine.rules.common import Decision, accept, refuse
from engine.state import DealState

REPORT_ID = re.compile(r"^(annual-\d{4}|q[1-3]-\d{4})$")


def deliver_report(state: DealState, action: DeliverReport) -> Decision:
    """6.1: the Company furnishes a report owed to the Holders; late, it remedies the breach."""
    if not REPORT_ID.fullmatch(action.report):
        raise InvalidAction(f"{action.report!r:.40} is not a report of 6.1 (annual-1997, "
                            "q1-1998, q2-1998, q3-1998, ...)", field="report")
    report = state.reports.get(action.report)
    section = "6.1(a)" if action.report.startswith("annual") else "6.1(b)"
    if not state.notes_alive:
        return refuse([refusal(section, "no report is owed: the covenants of section 6 bind "
                                        "only while Notes are outstanding")])
    if report is None:
        return refuse([refusal(section, f"report {action.report} is not owed: its deadline "
                                        "does not fall while the Notes are outstanding")])
    if report.delivered_at is not None:
        return refuse([refusal(section, f"report {report.id} has already been furnished")])
    if new_york_date(action.at) <= report.period_end:
        return refuse([refusal(section, f"the period of report {report.id} ends on "
                                        f"{report.period_end.isoformat()}: it is furnished "
                                        "after")])
    events: list[Event] = [ReportDelivered(at=action.at, report=report.id)]
    events += [BreachRemedied(at=action.at, breach=b.id) for b in state.breaches.values()
               if b.cause == f"report:{report.id}" and b.continuing]
    return accept(*events)
