"""The registry of everything time-bound, and how time passing fires it.

Each kind of deadline registers what happens when it falls due. The deal's
state keeps its pending deadlines in order of their due time; moving the
clock to a moment fires every deadline due by then, in time order, each as
its own events in the log. Notice effectiveness (8.5) is the first kind;
reports, payments, grace and cure periods join it as the notes' life is
modelled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from engine import events as ev
from engine.state import Deadline, DealState, evolve

Firing = Callable[[DealState, Deadline], list[ev.Event]]
OnEffect = Callable[[DealState, str, datetime], list[ev.Event]]

#: What each kind of deadline does when it falls due.
FIRES: dict[str, Firing] = {}

#: What a notice of each kind does when it takes effect, besides taking effect
#: (a change of address now; an acceleration, a cure period, a transfer later).
ON_EFFECT: dict[str, OnEffect] = {}


def on_effect(kind: str) -> Callable[[OnEffect], OnEffect]:
    """Register what a kind of notice does when it takes effect (8.5)."""

    def register(fn: OnEffect) -> OnEffect:
        ON_EFFECT[kind] = fn
        return fn

    return register


def fires(kind: str) -> Callable[[Firing], Firing]:
    """Register what a kind of deadline does when it falls due."""

    def register(fn: Firing) -> Firing:
        FIRES[kind] = fn
        return fn

    return register


def fire_until(state: DealState, until: datetime) -> tuple[list[ev.Event], DealState]:
    """Fire every deadline due at or before `until`, earliest first.

    Returns:
        The events the deadlines produced, in order, and the state after them.

    Raises:
        RuntimeError: if a kind's firing leaves its own deadline pending (a bug
            that would otherwise loop for ever).
    """
    if not state.deadlines or state.deadlines[0].due > until:
        return [], state  # nothing is due (most actions): not even the import below
    from engine.lifecycle import follow

    fired: list[ev.Event] = []
    while state.deadlines and state.deadlines[0].due <= until:
        deadline = state.deadlines[0]
        for event in FIRES[deadline.kind](state, deadline):
            fired.append(event)
            state = evolve(state, event)
        if state.deadlines and state.deadlines[0] is deadline:
            raise RuntimeError(f"deadline {deadline.key} fired but is still pending")
        # What follows happens at the deadline's own time (a default, a cure, a move).
        after, state = follow(state, deadline.due)
        fired += after
    return fired, state


def passed(deadline: Deadline) -> ev.DeadlinePassed:
    """The event that records a deadline falling due."""
    return ev.DeadlinePassed(at=deadline.due, key=deadline.key, kind=deadline.kind,
                             section=deadline.section)


@fires("report_due")
def report_lapses(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """6.1: a report not furnished in its period of days is a covenant breach (not yet
    an Event of Default: Schedule 1 (c) needs notice and 30 days more)."""
    from engine.rules.covenants import breach_occurs

    report = state.reports[deadline.key.removeprefix("report:")]
    events: list[ev.Event] = [passed(deadline)]
    if report.delivered_at is None:
        events.append(breach_occurs(state, deadline.due, report.section,
                                    f"report {report.id} not furnished by "
                                    f"{report.last_day.isoformat()}",
                                    cause=f"report:{report.id}"))
    return events


@fires("interest_due")
def interest_falls_overdue(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """Schedule 1, ASSUMED: interest unpaid at the end of its payment date is overdue."""
    return [passed(deadline)]


@fires("interest_grace")
def interest_grace_ends(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """Schedule 1 (b), ASSUMED: interest not paid within 30 days after it is due."""
    from engine.rules.default import KINDS, default_occurs
    from engine.rules.payments import interest_covered_through

    day = deadline.key.removeprefix("grace:")
    events: list[ev.Event] = [passed(deadline)]
    if not interest_covered_through(state, day):
        events.append(default_occurs(state, deadline.due, "b",
                                     f"{KINDS['b']}: the interest of {day}",
                                     cause=f"interest:{day}"))
    return events


@fires("principal_due")
def principal_unpaid(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """Schedule 1 (a), ASSUMED: principal not paid when due."""
    from engine.rules.default import KINDS, default_occurs

    events: list[ev.Event] = [passed(deadline)]
    if state.principal_outstanding > 0:
        day = deadline.key.removeprefix("principal:")
        events.append(default_occurs(state, deadline.due, "a",
                                     f"{KINDS['a']}: the principal due {day}",
                                     cause=deadline.key))
    return events


@fires("cure_period")
def cure_period_ends(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """Schedule 1 (c), ASSUMED: a breach still unremedied 30 days after the notice.

    8.6: one Event of Default for each breach at a time; once it is waived, the
    breach still unremedied 30 days after a new notice is a new one.
    """
    from engine.rules.covenants import default_on
    from engine.rules.default import KINDS, default_occurs

    _, breach_id, notice_id = deadline.key.split(":")
    breach = state.breaches[breach_id]
    events: list[ev.Event] = [passed(deadline)]
    if breach.continuing and default_on(state, breach_id) is None:
        events.append(default_occurs(state, deadline.due, "c",
                                     f"{KINDS['c']}: breach {breach_id} of {breach.section}, "
                                     f"notice {notice_id}", cause=breach_id))
    return events


@fires("notice_effective")
def notice_takes_effect(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """8.5: a duly given notice takes effect at its time, with what its kind does then."""
    notice_id = deadline.key.removeprefix("notice:")
    events: list[ev.Event] = [ev.NoticeTookEffect(at=deadline.due, notice=notice_id)]
    then = ON_EFFECT.get(state.notices[notice_id].kind)
    if then is not None:
        events += then(state, notice_id, deadline.due)
    return events


@on_effect("change_of_address")
def address_changes(state: DealState, notice_id: str, at: datetime) -> list[ev.Event]:
    """8.5: "such other address or facsimile number as a party may have specified by
    notice": the sender's address book entry changes when its notice takes effect."""
    party, lines, fax = state.address_changes[notice_id]
    return [ev.AddressChanged(at=at, party=party, notice=notice_id, lines=lines, fax=fax)]


@fires("expenses_due")
def expenses_fall_overdue(state: DealState, deadline: Deadline) -> list[ev.Event]:
    """8.9 (ASSUMED: 30 days): presented expenses unpaid are a breach of agreement, which
    can found a claim under 8.10."""
    return [passed(deadline)]


@on_effect("covenant_breach")
def cure_period_starts(state: DealState, notice_id: str, at: datetime) -> list[ev.Event]:
    """Schedule 1 (c): the 30 days run from the notice of each named breach taking effect."""
    from engine.rules.covenants import cure_period_ends, default_on

    return [ev.CurePeriodStarted(at=at, breach=breach, notice=notice_id,
                                 ends_at=cure_period_ends(at))
            for breach in state.notice_particulars.get(notice_id, ())
            if state.breaches[breach].continuing and default_on(state, breach) is None]


@on_effect("acceleration")
def acceleration_by_notice(state: DealState, notice_id: str, at: datetime) -> list[ev.Event]:
    """Schedule 1: the Holders' acceleration takes effect with its notice."""
    from engine.rules.default import acceleration_takes_effect

    return acceleration_takes_effect(state, at, notice_id)
