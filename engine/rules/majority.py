"""Holders of a majority in principal (Schedule 1, ASSUMED): who may act for the Holders.

Acceleration, waiver of an Event of Default and the notice of covenant breach
of Schedule 1 (c) each need "Holders of a majority in principal": Holders who
together hold more than half the principal outstanding. Several parts of the
agreement count them, so the count lives here, below all of them.

Holders act only for themselves. Schedule 1 and 8.4 want the writing of the
Holders of a majority, so each Holder takes the act by its own action: a Holder
whose principal alone is a majority takes it at once; one who holds less takes
it pending, and each other Holder joins it by taking the same action itself
(`accelerate`, `waive_default` naming the same Event of Default, a notice of
covenant breach naming the same breaches). The act takes effect when the
Holders who have taken it hold a majority, counted at that instant (after any
transfer since). Naming a Holder in `joined_by` is not that Holder acting: it
is accepted only for Holders who have already joined, and adds nothing to the
count. A party, LCI or the court holds no Notes and never counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import attrs

from engine.events import HolderJoined
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


def _together(state: DealState, group: Iterable[str]) -> str:
    """"Acme Bank and Purchaser hold $X of $Y principal" for these Holders."""
    names = list(dict.fromkeys(group))
    verb = "holds" if len(names) == 1 else "hold"
    return (f"{' and '.join(name_of(state, a) for a in names)} {verb} "
            f"{dollars(held_by(state, names))} of {dollars(state.principal_outstanding)} "
            "principal")


@attrs.frozen
class Joining:
    """A Holder's taking of an act of the Holders of a majority, as decided.

    `reasons` against it (then nothing else counts); else `complete` when the
    Holders who have taken it, this one with them, now hold a majority; `record`
    the event that records this Holder's taking of it (none when it alone is a
    majority and nobody took it before); `before` the Holders who took it first.
    """

    reasons: tuple[Reason, ...] = ()
    complete: bool = False
    record: tuple[HolderJoined, ...] = ()
    before: tuple[str, ...] = ()

    @property
    def created(self) -> dict[str, str]:
        """What the result names for a pending act: `{"pending": act}`."""
        if self.reasons or self.complete or not self.record:
            return {}
        return {"pending": self.record[0].act}


def holders_act(state: DealState, *, at: datetime, actor: str, act: str,
                joined_by: Iterable[str], section: str, what: str) -> Joining:
    """Schedule 1: `actor` takes, itself, the act named `act` of the Holders of a majority.

    Refused when the actor holds no Notes ("the Company cannot accelerate on
    behalf of the Holders"), when `joined_by` names a Holder that has not
    itself taken the act, or when the actor has already taken it and the
    Holders who have still hold no majority. Otherwise complete when the
    Holders who have taken it hold more than half the principal at `at`, and
    pending until then.
    """
    name = name_of(state, actor)
    reasons: list[Reason] = []
    if actor not in state.holders:
        reasons.append(refusal(section, f"{name} holds no Notes: only Holders of a majority in "
                                        f"principal may {what}, and {name} cannot {what} on "
                                        "behalf of the Holders"))
    before = tuple(h for h in state.joined.get(act, ()) if h != actor)
    missing = [h for h in dict.fromkeys(joined_by) if h != actor and h not in before]
    if missing:
        who = " and ".join(name_of(state, h) for h in missing)
        verb = "has" if len(missing) == 1 else "have"
        reasons.append(refusal(section, f"{who} {verb} not itself joined the {act}: naming a "
                                        "Holder is not that Holder acting; each Holder joins "
                                        "by its own action"))
    if reasons:
        return Joining(reasons=tuple(reasons))
    group = (*before, actor)
    complete = holders_of_a_majority(state, group)
    if actor in state.joined.get(act, ()) and not complete:
        return Joining(reasons=(refusal(section, f"{name} has already joined the {act}; "
                                                 f"{_together(state, group)}: not yet Holders "
                                                 "of a majority in principal"),))
    if complete and not before:
        return Joining(complete=True)
    record = HolderJoined(at=at, act=act, holder=actor, joined=group,
                          held=held_by(state, group), outstanding=state.principal_outstanding,
                          complete=complete)
    return Joining(complete=complete, record=(record,), before=before)
