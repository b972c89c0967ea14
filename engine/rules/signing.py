"""The signature page: the agreement binds once the Company and Purchaser have signed."""

from __future__ import annotations

from engine.actions import Sign
from engine.events import Signed
from engine.explain import Reason, refusal
from engine.rules.common import Decision, accept, name_of, refuse
from engine.state import DealState, Status


def sign(state: DealState, action: Sign) -> Decision:
    """Signature page: "the Company and Purchaser have each caused this Agreement
    to be duly executed and delivered".

    Each party signs once, while the agreement is still a draft.
    """
    if action.actor in state.signed:
        return refuse([refusal("signature page",
                               f"{name_of(state, action.actor)} has already signed")])
    if state.status is not Status.Drafted:
        return refuse([refusal("signature page", "the agreement has already been executed")])
    return accept(Signed(at=action.at, party=action.actor))


def both_signed(state: DealState) -> list[Reason]:
    """Signature page: executed only when both the Company and Purchaser have signed."""
    return [
        refusal("signature page", f"{name_of(state, party)} has not signed")
        for party in ("company", "purchaser")
        if party not in state.signed
    ]
