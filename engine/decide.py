"""decide(state, action): the new events, or every reason against.

Order of checks: time order and authority apply to every action; then the
rule for the action's type; then the lifecycle, whose automatic triggers
(execution once both have signed, settlement once delivery against payment
is complete) fire after any accepted action whose events meet their guards.
Nothing here writes anything: `Deal` appends what `decide` returns.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from engine import actions as act
from engine.deadlines import fire_until
from engine.events import ClockAdvanced, Event, StateChanged
from engine.lifecycle import fire, follow
from engine.rules import (
    authority,
    closing,
    conditions,
    default,
    settlement,
    signing,
)
from engine.rules.common import Decision, accept, refuse
from engine.state import DealState, evolve

Rule = Callable[[DealState, Any], Decision]
#: How time is brought up to an action: `engine.deadlines.fire_until` or the same, remembered.
Fire = Callable[[DealState, datetime], tuple[list[Event], DealState]]


def _advance(state: DealState, action: act.Advance) -> Decision:
    """Time passes: the clock moves to the action's time."""
    return accept(ClockAdvanced(at=action.at, actor=action.actor))


#: The rule for each action type: a function, or "module:function" in engine.rules for
#: a part of the agreement loaded when first used (fewer imports for each `npa` command).
RULES: dict[type[act.Action], Rule | str] = {
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
    act.SendNotice: "sending:send_notice",
    act.DeliverReport: "reports:deliver_report",
    act.Accelerate: default.accelerate,
    act.WaiveDefault: default.waive_default,
    act.DeclareInsolvency: default.declare_insolvency,
    act.RequestInspection: "covenants:request_inspection",
    act.RecordBreach: "covenants:record_breach",
    act.RemedyBreach: "covenants:remedy_breach",
    act.Merge: "covenants:merge",
    act.ProposeTransfer: "transfers:propose_transfer",
    act.AcceptOpinion: "transfers:decide_opinion",
    act.RejectOpinion: "transfers:decide_opinion",
    act.CompleteTransfer: "transfers:complete_transfer",
    act.AssertClaim: "indemnity:assert_claim",
    act.AcknowledgeClaim: "indemnity:answer_claim",
    act.DisputeClaim: "indemnity:answer_claim",
    act.ConsentToSettlement: "indemnity:consent_to_settlement",
    act.SettleClaim: "indemnity:settle_claim",
    act.AdjudicateClaim: "indemnity:adjudicate_claim",
    act.WithdrawClaim: "indemnity:withdraw_claim",
    act.PresentExpenses: "expenses:present_expenses",
    act.Advance: _advance,
}


def rule_for(kind: type[act.Action]) -> Rule:
    """The rule for an action type, importing its part of the agreement on first use."""
    rule = RULES[kind]
    if isinstance(rule, str):
        module, name = rule.split(":")
        rule = getattr(importlib.import_module(f"engine.rules.{module}"), name)
        RULES[kind] = rule
    return rule


def decide(state: DealState, action: act.Action, *, bring: Fire = fire_until) -> Decision:
    """The events that follow from an action in this state, or every reason against it.

    `bring` brings the state up to the action's time (every deadline due by then fires
    first): `fire_until` itself, or one that remembers what it gave for a state and a
    time, for a caller deciding many actions on one state (exploration). It must not
    change the list it returns, nor be given a state that changed since.

    Raises:
        InvalidAction: when the action names something the deal does not have
            (an unknown request, proceeding or condition).
    """
    reasons = authority.in_time_order(state, action)
    if reasons:
        return refuse(reasons + authority.may_take(state, action))
    # Time has passed up to the action: every deadline due by then fires first.
    fired, state = bring(state, action.at)
    unauthorised = authority.may_take(state, action)
    if unauthorised:
        # The rules may rely on who the actor is: one without authority goes no further.
        return refuse(unauthorised)
    decision = rule_for(type(action))(state, action)
    reasons += decision.reasons
    if isinstance(action, act.Close) and not reasons:
        _, guard_reasons = fire("close", state, action.at)
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
    then, after = follow(after, action.at)
    events += then
    return Decision(events=tuple(events), created=decision.created, after=after)
