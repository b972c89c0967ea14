"""Scripted simulation: a scenario of actions run on an in-memory deal, nothing stored.

Every action is fed to the engine in order. A refused action is recorded
with its reasons, changes nothing, and the scenario goes on (a simulation
shows what the engine makes of each attempt); an action that is not valid
input stops it with `InvalidAction` naming its position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from contract import TermSheet
from engine.actions import Action
from engine.deal import Deal
from engine.errors import InvalidAction
from engine.simulation.cash import CashFlow, cash_flows
from engine.simulation.plan import DEAL_ID


@attrs.frozen
class ScenarioResult:
    """What a scenario came to: each action's result, the timeline, the cash flows, the
    final status."""

    state: str
    results: tuple[dict[str, Any], ...]
    timeline: tuple[dict[str, Any], ...]
    cash_flows: tuple[CashFlow, ...]
    status: Mapping[str, Any]

    @property
    def refused(self) -> int:
        """How many actions the engine refused."""
        return sum(1 for r in self.results if not r["accepted"])

    def to_dict(self) -> dict[str, Any]:
        """The document of `npa simulate --scenario FILE --json`."""
        return {"state": self.state, "refused": self.refused, "results": list(self.results),
                "timeline": list(self.timeline),
                "cash_flows": [c.to_dict() for c in self.cash_flows],
                "status": dict(self.status)}


def run_scenario(actions: Iterable[Action | Mapping[str, Any] | str], *,
                 terms: TermSheet | None = None) -> ScenarioResult:
    """Run a scenario's actions in order on a deal held only in memory.

    Args:
        actions: each an action (a dict as `npa act` takes, JSON text, or an Action).
        terms: the term sheet (the 1997 one if None).

    Raises:
        InvalidAction: naming the action's position and field, for bad input; naming
            `actions` for something that is not a sequence of actions (a bare str too).
    """
    from engine.codec import parse_action

    if isinstance(actions, str | bytes | Mapping) or not isinstance(actions, Iterable):
        raise InvalidAction(f"a list of actions (dicts, JSON texts or Actions), not "
                            f"{type(actions).__name__}", field="actions")
    deal = Deal.create(None, DEAL_ID, terms)
    results = []
    for position, given in enumerate(actions, start=1):
        try:
            action = parse_action(given)
        except InvalidAction as exc:
            raise InvalidAction(exc.message, field=f"action {position}: {exc.field}") from None
        try:
            result = deal.act(action)
        except InvalidAction as exc:
            raise InvalidAction(exc.message, field=f"action {position}: {exc.field}") from None
        results.append({"position": position, "type": action.TYPE, **result.to_dict()})
    return ScenarioResult(state=deal.state.status.value, results=tuple(results),
                          timeline=tuple(dict(entry) for entry in deal.timeline()),
                          cash_flows=tuple(cash_flows(deal.events)), status=deal.status())
