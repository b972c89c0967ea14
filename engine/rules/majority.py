"""Holders of a majority in principal (Schedule 1, ASSUMED): who may act for the Holders.

Acceleration, waiver of an Event of Default and the notice of covenant breach
of Schedule 1 (c) each need "Holders of a majority in principal": Holders who
together hold more than half the principal outstanding. Several parts of the
agreement count them, so the count lives here, below all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from engine.explain import Reason, refusal
from engine.money import ZERO, dollars
from engine.rules.common import name_of
from engine.state import DealState


def held_by(state: DealState, actors: Iterable[str]) -> Decimal:
    """The principal these Holders hold together (each counted once)."""
    return sum((state.holders.get(a, ZERO) for a in set(actors)), ZERO)


def holders_of_a_majority(state: DealState, actors: Iterable[str]) -> bool:
    """Schedule 1: whether these Holders together hold more than half the principal."""
    held = held_by(state, actors)
    return state.principal_outstanding > 0 and held * 2 > state.principal_outstanding


def majority_reasons(state: DealState, actors: Iterable[str], section: str) -> list[Reason]:
    """A refusal unless these Holders hold a majority in principal."""
    group = sorted(set(actors))
    if holders_of_a_majority(state, group):
        return []
    held = held_by(state, group)
    verb = "holds" if len(group) == 1 else "hold"
    return [refusal(section, f"{' and '.join(name_of(state, a) for a in group)} {verb} "
                             f"{dollars(held)} of {dollars(state.principal_outstanding)} "
                             "principal: not Holders of a majority in principal")]
