"""What every rule needs: the parties' names, the decision shape, id allocation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from engine.events import Event
from engine.explain import Reason
from engine.state import DealState


@attrs.frozen
class Decision:
    """What follows from an action: new events and ids made, or every reason against."""

    events: tuple[Event, ...] = ()
    reasons: tuple[Reason, ...] = ()
    created: Mapping[str, str] = attrs.field(factory=dict)
    #: The state the events fold to, once `decide` has folded them (None before).
    after: DealState | None = None

    @property
    def accepted(self) -> bool:
        """Whether the action is accepted (no reason stands against it)."""
        return not self.reasons


def accept(*events: Event, created: Mapping[str, str] | None = None) -> Decision:
    """An accepted decision with its events."""
    return Decision(events=events, created=created or {})


def refuse(reasons: Sequence[Reason]) -> Decision:
    """A refused decision with every reason against."""
    return Decision(reasons=tuple(reasons))


def name_of(state: DealState, actor: str) -> str:
    """An actor as the agreement names it: "the Company", "Purchaser", "LCI"."""
    party = state.terms.parties.get(actor)
    if party is not None:
        return party.defined_term
    if actor.startswith("holder:"):
        return f"the holder {actor.removeprefix('holder:')}"
    return f"the {actor}"


def next_id(prefix: str, existing: Mapping[str, object]) -> str:
    """The next id of a kind: R1, R2, ... for requests; P1 for proceedings."""
    return f"{prefix}{len(existing) + 1}"
