"""Authority and time order: who may take an action, and when.

PRODUCT.md section 11: every action checks that its actor may take it, a
`holder:<name>` must hold Notes at that time, and one party never acts for
another. Section 5: actions are processed in time order.
"""

from __future__ import annotations

from engine.actions import Action, SendNotice
from engine.clock import iso
from engine.explain import TIME_ORDER, Reason, refusal
from engine.rules.common import name_of
from engine.state import DealState


def may_take(state: DealState, action: Action) -> list[Reason]:
    """Whether the actor is one the action's catalogue entry allows.

    A holder other than Purchaser holds Notes only by transfer (section 7): one
    that holds none is refused under 7.1, and also under the rule of the right
    it tried to use. The remedies of Schedule 1 (acceleration, waiver of an
    Event of Default, the notice of covenant breach of Schedule 1 (c)) belong to
    Holders of a majority in principal, so a holder with no Notes is refused
    under Schedule 1 as well as 7.1; a right of the
    Holders of 6.2(a) cites its own paragraph.
    """
    actor = action.actor
    unheld = actor.startswith("holder:") and actor not in state.holders
    if not unheld and (action.ACTORS is None or actor in action.ACTORS):
        return []  # most actions: the actor may take it (nothing to word)
    section = action.cites()
    what = action.TYPE.replace('_', ' ')
    if isinstance(action, SendNotice) and action.kind == "covenant_breach":
        section, what = "Schedule 1 (c)", "give notice of covenant breach"
    if unheld:
        name = name_of(state, actor)
        if section.startswith("Schedule 1"):
            return [refusal(section, f"{name} holds no Notes: only Holders of a majority in "
                                     f"principal may {what}"),
                    refusal("7.1", f"{name} holds no Notes")]
        own = type(action).cites is not Action.cites
        return [refusal(section if own else "7.1", f"{name} holds no Notes")]
    return [refusal(section, f"{name_of(state, actor)} may not "
                             f"{action.TYPE.replace('_', ' ')}: only {action.WHO}")]


def in_time_order(state: DealState, action: Action) -> list[Reason]:
    """PRODUCT.md section 5, the engine's time-order rule: an action dated before the deal's
    clock (its latest recorded instant) is refused.

    The refusal cites the time-order rule itself, not the section the action rests
    on: an out-of-order notice breaks no part of 8.5. Instants are compared, so a
    time in the repeated autumn hour is ordered by when it happened.
    """
    if state.clock is None or action.at >= state.clock:
        return []
    return [refusal(TIME_ORDER,
                    f"this action is dated {iso(action.at)}, before the deal's clock at "
                    f"{iso(state.clock)}: actions are taken in time order")]
