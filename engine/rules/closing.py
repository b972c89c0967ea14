"""Sections 2.1 and 8.4: when the Closing is held, and how its date may change.

The Closing is held on October 27, 1997 (the Closing Date) "or such other
date as the parties may mutually agree upon in writing"; under 8.4 no term
changes but "by a written instrument signed by the Company and Purchaser".
"""

from __future__ import annotations

from datetime import date, datetime

from contract import CONDITIONS, PRE_CLOSING, closing_date_problem
from engine.actions import Amend, Close
from engine.clock import new_york_date, parse_date
from engine.errors import InvalidAction
from engine.events import ClosingHeld, ConditionSatisfied, TermsAmended
from engine.explain import Reason, refusal
from engine.rules.common import Decision, accept, refuse
from engine.rules.conditions import unmet
from engine.rules.writing import known_signatories, written_instrument
from engine.state import DealState, Status

#: The terms an amendment may change, with how each new value is read.
AMENDABLE = {"closing_date": "2.1"}
SIGNATORIES = ("company", "purchaser")


def on_the_closing_date(state: DealState, at: datetime) -> list[Reason]:
    """2.1 Closing Date: the Closing is held on the Closing Date, or an agreed one (8.4)."""
    day = new_york_date(at)
    if day == state.closing_date:
        return []
    agreed = " (as amended under 8.4)" if state.amendments else ""
    return [refusal("2.1", f"the Closing is held on the Closing Date, "
                           f"{state.closing_date.isoformat()}{agreed}, not on {day.isoformat()}")]


def closing_date_passed(state: DealState) -> list[Reason]:
    """2.1: once the Closing Date is past, only a date agreed in writing (8.4) can close."""
    if state.clock is None or new_york_date(state.clock) <= state.closing_date:
        return []
    return [refusal("2.1", f"the Closing Date, {state.closing_date.isoformat()}, has passed: "
                           "the Closing needs another date agreed in writing (8.4)")]


def pre_closing_conditions(state: DealState) -> list[Reason]:
    """5.1 and 5.2: every pre-closing condition satisfied or waived by the party it protects."""
    reasons: list[Reason] = []
    for cond in CONDITIONS:
        if cond.section in PRE_CLOSING:
            reasons.extend(unmet(state, cond))
    return reasons


def close(state: DealState, action: Close) -> Decision:
    """2.1 and section 5: a party holds the Closing (the lifecycle guard does the rest).

    The conditions met by the absence of anything against them (5.1(a), (e),
    (h) and 5.2(a), (d), (f)) are judged at the Closing and recorded as
    satisfied then: what is recorded afterwards no longer moves them.
    """
    judged = [
        ConditionSatisfied(at=action.at, condition=cond.section, by=action.actor)
        for cond in CONDITIONS
        if cond.kind == "absence" and cond.section not in state.marked
    ]
    return accept(ClosingHeld(at=action.at, by=action.actor), *judged)


def closing_guard(state: DealState, at: datetime) -> list[Reason]:
    """Everything the Closing needs: the right day and every pre-closing condition."""
    return on_the_closing_date(state, at) + pre_closing_conditions(state)


def amend(state: DealState, action: Amend) -> Decision:
    """8.4 Entire Agreement; Amendment: only by a written instrument signed by both.

    A term may not be "amended, waived, discharged or terminated orally, but
    only by a written instrument signed by the Company and Purchaser". The
    terms an amendment may change are those of `AMENDABLE` (the Closing Date
    of 2.1, "or such other date as the parties may mutually agree upon in
    writing").
    """
    changes = _read_changes(action)
    reasons = written_instrument(state, action.in_writing, action.signed_by, SIGNATORIES)
    if "closing_date" in changes and state.status not in (Status.Drafted,
                                                          Status.ConditionsPending):
        reasons.append(refusal("2.1", "the Closing has been held: its date can no longer "
                                      "be changed"))
    elif "closing_date" in changes:
        reasons += a_day_still_to_come(changes["closing_date"], action.at)
        reasons += fits_the_notes(state, changes["closing_date"])
    if reasons:
        return refuse(reasons)
    return accept(TermsAmended(at=action.at, changes=changes,
                               signed_by=tuple(dict.fromkeys(action.signed_by))))


def a_day_still_to_come(day: str, at: datetime) -> list[Reason]:
    """2.1: the Closing "shall be held on" the date agreed: a day already past when the
    parties agree it is one on which no action can hold it any more."""
    today = new_york_date(at)
    if day >= today.isoformat():
        return []
    return [refusal("2.1", f"the Closing cannot be held on {day}, a day already past (the "
                           f"amendment is made on {today.isoformat()})")]


def fits_the_notes(state: DealState, day: str) -> list[Reason]:
    """2.1 and the term sheet: the agreed Closing Date passes the check the term-sheet
    loader makes of a Closing Date (`contract.closing_date_problem`, the one function
    both call): in 1900-2100 and not after the Notes' maturity."""
    problem = closing_date_problem(date.fromisoformat(day), state.terms.notes)
    if problem is None:
        return []
    return [refusal("2.1", f"the Closing Date cannot be moved to {day}: "
                           f"deal.closing_date {problem}")]


def _read_changes(action: Amend) -> dict[str, str]:
    """The amendment's changes, each term known and each value well formed."""
    if not action.changes:
        raise InvalidAction("an amendment must change at least one term", field="changes")
    known_signatories(action.signed_by)
    changes: dict[str, str] = {}
    for term, value in action.changes.items():
        if term not in AMENDABLE:
            raise InvalidAction(f"{term!r:.40} is not a term that can be amended "
                                f"(known: {', '.join(AMENDABLE)})", field=f"changes.{term}")
        changes[term] = parse_date(value, f"changes.{term}").isoformat()
    return changes


__all__ = ["amend", "close", "closing_guard", "pre_closing_conditions"]
