"""The lifecycle: one `transitions` Machine shared by every deal (PRODUCT.md section 4).

The table below is the lifecycle; each row names its section and its guard.
The machine is built once with `model=None` and fired unbound on a small
throwaway model, so a deal costs nothing to create and `transitions` never
holds a reference to it (LIBRARIES.md). `auto_transitions=False`: no
`to_<state>()` trigger may bypass a guard.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import attrs
from transitions import EventData, Machine, MachineError

from engine import events as ev
from engine.explain import Reason, refusal
from engine.rules.closing import closing_guard
from engine.rules.default import (
    a_default_continues,
    all_paid,
    cures,
    every_default_ended,
    insolvency_accelerates,
)
from engine.rules.settlement import settlement_complete
from engine.rules.signing import both_signed
from engine.state import DealState, Status, evolve

Guard = Callable[[DealState, datetime], list[Reason]]


@attrs.frozen
class Transition:
    """One row of the lifecycle table."""

    trigger: str
    source: Status
    dest: Status
    section: str
    guard: Guard
    when: str


TABLE: tuple[Transition, ...] = (
    Transition("execute", Status.Drafted, Status.ConditionsPending, "signature page",
               lambda state, _: both_signed(state),
               "both the Company and Purchaser have signed"),
    Transition("close", Status.ConditionsPending, Status.Closed, "2.1",
               closing_guard,
               "on the Closing Date, every condition of 5.1 and 5.2 satisfied or waived"),
    Transition("settle", Status.Closed, Status.Outstanding, "2.2",
               lambda state, _: settlement_complete(state),
               "Notes and Guarantee delivered against the Purchase Price; Transaction Fee paid"),
    Transition("default", Status.Outstanding, Status.Default, "Schedule 1",
               a_default_continues, "an Event of Default occurs (Schedule 1, ASSUMED)"),
    Transition("repay", Status.Outstanding, Status.Repaid, "Schedule 1", all_paid,
               "all principal and interest due is paid"),
    Transition("repay", Status.Default, Status.Repaid, "Schedule 1", all_paid,
               "all principal and interest due is paid"),
    Transition("cure", Status.Default, Status.Outstanding, "Schedule 1",
               every_default_ended,
               "every continuing Event of Default cured or waived, and no acceleration"),
)

#: Triggers that fire by themselves once their guard holds, after any accepted action
#: and after every deadline that falls due.
AUTOMATIC = ("execute", "settle", "default", "cure", "repay")


class _Run:
    """The throwaway model one firing works on: the state, and the reasons gathered."""

    def __init__(self, deal: DealState) -> None:
        self.state: Status = deal.status
        self.deal = deal
        self.reasons: list[Reason] = []


def _guard(row: Transition) -> Callable[[EventData], bool]:
    """A transitions condition that records the guard's reasons on the model."""

    def check(event: EventData) -> bool:
        run = event.model
        assert isinstance(run, _Run)
        reasons = row.guard(run.deal, event.kwargs["at"])
        run.reasons.extend(reasons)
        return not reasons

    return check


MACHINE = Machine(
    model=None,
    states=Status,
    initial=Status.Drafted,
    transitions=[
        {"trigger": row.trigger, "source": row.source, "dest": row.dest,
         "conditions": [_guard(row)]}
        for row in TABLE
    ],
    auto_transitions=False,
    send_event=True,
)

_BY_TRIGGER = {row.trigger: row for row in TABLE}
#: The automatic moves out of each state, in the table's order.
_AUTOMATIC_FROM = {status: tuple(row for row in TABLE
                                 if row.trigger in AUTOMATIC and row.source is status)
                   for status in Status}


def fire(trigger: str, deal: DealState, at: datetime) -> tuple[Status | None, list[Reason]]:
    """Fire a trigger on a deal: its new status, or every reason it may not move.

    A trigger not allowed from the deal's state (`MachineError`) and a guard
    that fails both come back as reasons, never as an exception.
    """
    row = _BY_TRIGGER[trigger]
    run = _Run(deal)
    try:
        moved = MACHINE.events[trigger].trigger(run, at=at)
    except MachineError:
        sources = [r.source.value for r in TABLE if r.trigger == trigger]
        reasons = [refusal(row.section, f"the deal is {deal.status.value}: this may happen "
                                        f"only when it is {' or '.join(sources)}")]
        if deal.status is Status.Drafted:
            # Nothing under the agreement happens before it is executed (signature page).
            reasons[:0] = both_signed(deal)
        return None, reasons
    if not moved:
        return None, run.reasons
    return run.state, []


def follow(state: DealState, at: datetime) -> tuple[list[ev.Event], DealState]:
    """What follows by itself at `at`: cures, insolvency's acceleration, lifecycle moves.

    Run after every accepted action and after every deadline that falls due,
    at its own time, so the log says when each thing happened.
    """
    events: list[ev.Event] = []
    for step in (cures, insolvency_accelerates):
        for event in step(state, at):
            events.append(event)
            state = evolve(state, event)
    moved = True
    while moved:
        moved = False
        for row in _AUTOMATIC_FROM[state.status]:
            if row.guard(state, at):
                continue  # the guard would refuse: no need to ask the machine
            dest, _ = fire(row.trigger, state, at)
            if dest is not None:
                change = ev.StateChanged(at=at, trigger=row.trigger,
                                         source=state.status.value, dest=dest.value)
                events.append(change)
                state = evolve(state, change)
                moved = True
                break
    return events, state


def mermaid() -> str:
    """The lifecycle as mermaid stateDiagram-v2 text that mermaid's parser accepts.

    Every state is declared with an alias (`state "Default" as s_Default`):
    mermaid reads `default` as a keyword in any case (mermaid issue #325).
    """
    lines = ["stateDiagram-v2"]
    lines += [f'    state "{s.value}" as s_{s.value}' for s in Status]
    lines.append(f"    [*] --> s_{Status.Drafted.value}")
    for row in TABLE:
        label = f"{row.trigger} ({row.section})".replace(":", " ")
        lines.append(f"    s_{row.source.value} --> s_{row.dest.value} : {label}")
    return "\n".join(lines) + "\n"
