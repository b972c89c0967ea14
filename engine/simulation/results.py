"""What a path came to: its figures (one row of paths.csv) and, when asked, its detail."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from engine import actions as act
from engine.clock import iso
from engine.deal import ActionResult
from engine.simulation.cash import CashFlow


@attrs.frozen
class Attempt:
    """One action a path tried, and what the engine made of it."""

    action: act.Action
    result: ActionResult

    def to_dict(self) -> dict[str, Any]:
        """The attempt as JSON: the action as a platform would send it, and its result."""
        from engine.codec import action_to_dict

        return {"action": _plain(action_to_dict(self.action)),
                "accepted": self.result.accepted, "state": self.result.state,
                "reasons": [r.to_dict() for r in self.result.reasons]}


def _plain(data: Any) -> Any:
    """An action's dict without the optional fields left empty (None)."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


@attrs.frozen
class PathResult:
    """What became of one path: its figures (one row of paths.csv) and, when asked, its detail.

    Money is Decimal; `cash_to_holders` is interest and principal paid on the
    Notes, `cash_to_holders_pv` its present value, `loss` full performance
    less cash to Holders (present value). `actions` counts the attempts
    (accepted or refused), `events` the deal's events at the end, prefix
    included. `attempts`, `timeline` and `cash_flows` are filled by
    `simulate_path` only.
    """

    path: int
    seed: int
    final_state: str
    event_of_default: bool
    accelerated: bool
    insolvent: bool
    first_default_at: datetime | None
    days_in_default: float
    cash_to_holders: Decimal
    cash_to_holders_pv: Decimal
    loss: Decimal
    indemnity_paid: Decimal
    actions: int
    events: int
    refused: int
    attempts: tuple[Attempt, ...] = ()
    timeline: tuple[dict[str, Any], ...] = ()
    cash_flows: tuple[CashFlow, ...] = ()

    def row(self) -> list[str]:
        """The path's row of paths.csv, in the order of `CSV_COLUMNS`."""
        return [str(self.path), self.final_state, _flag(self.event_of_default),
                _flag(self.accelerated), _flag(self.insolvent),
                iso(self.first_default_at) if self.first_default_at else "",
                f"{self.days_in_default:.4f}", str(self.cash_to_holders),
                str(self.cash_to_holders_pv), str(self.loss), str(self.indemnity_paid),
                str(self.actions), str(self.events)]

    def to_dict(self) -> dict[str, Any]:
        """The path as JSON: its figures, and its detail when it has any."""
        data: dict[str, Any] = dict(zip(CSV_COLUMNS, self.row(), strict=True))
        data.update(path=self.path, seed=self.seed, event_of_default=self.event_of_default,
                    accelerated=self.accelerated, insolvent=self.insolvent,
                    first_default_at=data["first_default_at"] or None,
                    days_in_default=round(self.days_in_default, 4), actions=self.actions,
                    events=self.events, refused=self.refused)
        if self.attempts:
            data["attempts"] = [a.to_dict() for a in self.attempts]
            data["timeline"] = list(self.timeline)
            data["cash_flows"] = [c.to_dict() for c in self.cash_flows]
        return data


#: The columns of paths.csv, one row a path (a public contract: issue 12).
CSV_COLUMNS = ("path", "final_state", "event_of_default", "accelerated", "insolvent",
               "first_default_at", "days_in_default", "cash_to_holders", "cash_to_holders_pv",
               "loss", "indemnity_paid", "actions", "events")


def _flag(value: bool) -> str:
    return "true" if value else "false"
