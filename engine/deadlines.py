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
    fired: list[ev.Event] = []
    while state.deadlines and state.deadlines[0].due <= until:
        deadline = state.deadlines[0]
        for event in FIRES[deadline.kind](state, deadline):
            fired.append(event)
            state = evolve(state, event)
        if state.deadlines and state.deadlines[0] == deadline:
            raise RuntimeError(f"deadline {deadline.key} fired but is still pending")
    return fired, state


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
