"""decide(state, action): the new events, or every reason against.

Order of checks: time order and authority apply to every action; then the
rule for the action's type; then the lifecycle, whose automatic triggers
(execution once both have signed, settlement once delivery against payment
is complete) fire after any accepted action whose events meet their guards.
Nothing here writes anything: `Deal` appends what `decide` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import actions as act
from engine.deadlines import fire_until
from engine.events import ClockAdvanced, Event, StateChanged
from engine.lifecycle import AUTOMATIC, TABLE, fire
from engine.rules import authority, closing, conditions, notices, settlement, signing
from engine.rules.common import Decision, accept, refuse
from engine.state import DealState, evolve

Rule = Callable[[DealState, Any], Decision]


def _advance(state: DealState, action: act.Advance) -> Decision:
    """Time passes: the clock moves to the action's time."""
    return accept(ClockAdvanced(at=action.at))


RULES: dict[type[act.Action], Rule] = {
    act.Sign: signing.sign,
    act.SatisfyCondition: conditions.satisfy_condition,
    act.WaiveCondition: conditions.waive_condition,
    act.RequestInstrument: conditions.request_instrument,
    act.DeliverInstrument: conditions.deliver_instrument,
    act.RecordProceeding: conditions.record_proceeding,
    act.ResolveProceeding: conditions.resolve_proceeding,
    act.RecordMisrepresentation: conditions.record_misrepresentation,
    act.Close: closing.close,
    act.Amend: closing.amend,
    act.DeliverNotes: settlement.deliver_notes,
    act.DeliverGuarantee: settlement.deliver_guarantee,
    act.Pay: settlement.pay,
    act.SendNotice: notices.send_notice,
    act.Advance: _advance,
}


def decide(state: DealState, action: act.Action) -> Decision:
    """The events that follow from an action in this state, or every reason against it.

    Raises:
        InvalidAction: when the action names something the deal does not have
            (an unknown request, proceeding or condition).
    """
    reasons = authority.in_time_order(state, action)
    if reasons:
        return refuse(reasons + authority.may_take(state, action))
    # Time has passed up to the action: every deadline due by then fires first.
    fired, state = fire_until(state, action.at)
    unauthorised = authority.may_take(state, action)
    if unauthorised:
        # The rules may rely on who the actor is: one without authority goes no further.
        return refuse(unauthorised)
    decision = RULES[type(action)](state, action)
    reasons += decision.reasons
    if isinstance(action, act.Close) and not reasons:
        _, guard_reasons = fire("close", state, action)
        reasons += guard_reasons
    if reasons:
        return refuse(reasons)
    events = fired + list(decision.events)
    after = state
    for event in decision.events:
        after = evolve(after, event)
    # What the action itself made due at once (a notice delivered by hand as it is sent).
    at_once, after = fire_until(after, action.at)
    events += at_once
    if isinstance(action, act.Close):
        moved = StateChanged(at=action.at, trigger="close", source=state.status.value,
                             dest="Closed")
        events.append(moved)
        after = evolve(after, moved)
    for move in _automatic(after, action):
        events.append(move)
        after = evolve(after, move)
    return Decision(events=tuple(events), created=decision.created, after=after)


def _automatic(state: DealState, action: act.Action) -> list[Event]:
    """The lifecycle moves that follow by themselves once their guards hold."""
    moves: list[Event] = []
    for row in TABLE:
        if row.trigger not in AUTOMATIC or row.source is not state.status:
            continue
        dest, _ = fire(row.trigger, state, action)
        if dest is not None:
            moved = StateChanged(at=action.at, trigger=row.trigger, source=state.status.value,
                                 dest=dest.value)
            moves.append(moved)
            state = evolve(state, moved)
    return moves
