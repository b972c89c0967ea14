"""The world a scenario runs in: its deal, the result of its last action, and what it
created.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from engine.clock import NEW_YORK, parse_time
from engine.errors import InvalidAction
from features.steps.registry import GIVEN
from features.steps.types import ZONES, StepError


@dataclass
class World:
    """One scenario's deal, the result of its last action, and its last invalid action.

    It also keeps the ids of what the scenario's actions created: requested
    instruments, proceedings, notices, transfers, claims and expenses, so
    that a later step can say "the requested instrument", "the notice" (the
    last notice sent), "the transfer" (the last transfer proposed), "the
    claim" (the last claim asserted) or "the expenses" (the last presented).
    """

    named: frozenset[str] = frozenset()
    deal: Any = None
    result: Any = None
    error: Exception | None = None
    error_seen: bool = False
    keyword: str = GIVEN
    clock: str | None = None
    requests: list[str] = field(default_factory=list)
    proceedings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    transfers: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    expenses: list[str] = field(default_factory=list)
    #: The last action taken (or, for a why-not check, captured without being taken).
    action: dict[str, Any] | None = None
    #: When a list, actions are captured here instead of taken (a why-not check).
    capture: list[dict[str, Any]] | None = None
    #: Deliveries dated the Closing Date (the officers' certificates, 5.1(b), 5.2(b)) that
    #: "every condition ... is met" leaves for the Closing itself: (party, condition).
    at_the_closing: list[tuple[str, str]] = field(default_factory=list)
    #: Every action the scenario took, as the invariants look at it (engine.exploration).
    history: list[Any] = field(default_factory=list)
    #: The sections the results of its actions cited: their events' and their refusals'.
    sections: list[str] = field(default_factory=list)

    def need_deal(self) -> Any:
        """The scenario's deal; a step before "Given the 1997 deal" cannot run."""
        if self.deal is None:
            raise StepError('there is no deal yet: begin with "Given the 1997 deal"')
        return self.deal

    def act(self, action: dict[str, Any]) -> Any:
        """Take an action: under Given it must be accepted, under When it may be refused."""
        from engine import InvalidAction

        deal = self.need_deal()
        # An invalid action nobody expected ("Then the action is rejected as invalid") fails
        # the next action as it fails the next Then: it was never taken.
        self.outcome()
        if self.capture is not None:
            self.capture.append(action)
            return None
        self.action = action
        self.result, self.error, self.error_seen = None, None, False
        before, key_before, count = deal.state, _key(deal.state), len(deal.events)
        try:
            result = deal.act(action)
        except InvalidAction as exc:
            if self.keyword == GIVEN:
                raise StepError(f"not a valid action: {exc}") from None
            self.error = exc
            return None
        self.result = result
        self._saw(action, result, before, key_before, count)
        if result.accepted:
            self.clock = action["at"]
            self.requests += [v for k, v in result.created.items() if k == "request"]
            self.proceedings += [v for k, v in result.created.items() if k == "proceeding"]
            self.notices += [v for k, v in result.created.items() if k == "notice"]
            self.transfers += [v for k, v in result.created.items() if k == "transfer"]
            self.claims += [v for k, v in result.created.items() if k == "claim"]
            self.expenses += [v for k, v in result.created.items() if k == "expense"]
        elif self.keyword == GIVEN:
            raise AssertionError(f"the action was refused: {reasons_in_words(result)}")
        return result

    def attempt(self, action: dict[str, Any]) -> Any:
        """Take an action that may be refused without failing the step (a certificate the
        Closing delivers first): kept for the invariants and the sections like any other,
        leaving the step's own result alone."""
        deal = self.need_deal()
        self.outcome()
        before, key_before, count = deal.state, _key(deal.state), len(deal.events)
        result = deal.act(action)
        self._saw(action, result, before, key_before, count)
        return result

    def _saw(self, action: dict[str, Any], result: Any, before: Any, key_before: Any,
             count: int) -> None:
        """Keep the action as the invariants look at it, and the sections its result cites."""
        from engine.citations import cited_by
        from engine.codec import parse_action
        from engine.exploration.invariants import Seen

        deal = self.deal
        events = deal.events[count:] if result.accepted else ()
        total = len(deal.events)
        self.history.append(Seen(before, parse_action(action), result.accepted,
                                 tuple(result.reasons), tuple(events), deal.state,
                                 key_before, _key(before),
                                 lambda: deal.events[:total]))
        cited = cited_by(deal.state, events, result.reasons)
        self.sections += sorted(cited - set(self.sections))

    def status(self) -> dict[str, Any]:
        """The deal's status as a platform reads it."""
        status: dict[str, Any] = self.need_deal().status()
        return status

    def outcome(self) -> None:
        """Before a Then: an invalid last action fails the scenario unless it was expected."""
        if self.error is not None and not self.error_seen:
            raise AssertionError(f"the last action was not a valid action: {self.error}")


def _key(state: Any) -> Any:
    from engine.exploration.key import state_key

    return state_key(state)


def reasons_in_words(result: Any) -> str:
    return "; ".join(f"{r.section}: {r.message}" for r in result.reasons) or "no reason given"


def at_time(date: str, time: str) -> str:
    """A step's date and time as the ISO time an action carries.

    Without a zone it is New York wall time, read by the engine as any naive time
    is (one in the repeated or skipped daylight-saving hour is invalid input that
    asks for an offset). "EDT" and "EST" must be New York's zone on that date and
    time; an offset ("-05:00") or "UTC" is taken as written.

    Raises:
        StepError: for EDT or EST at a moment New York was not on it.
    """
    clock, _, zone = time.partition("|")
    if not zone:
        return f"{date}T{clock}"
    offset = ZONES.get(zone, zone)
    text = f"{date}T{clock}{offset}"
    if zone in ("EDT", "EST"):
        moment = datetime.datetime.fromisoformat(text)
        if moment.astimezone(NEW_YORK).utcoffset() != moment.utcoffset():
            other = "EST" if zone == "EDT" else "EDT"
            raise StepError(f"{date} at {clock} {zone} is no time in New York: it is on "
                            f"{other} then")
    return text


def moment(date: str, time: str) -> datetime.datetime:
    """A step's date and time as the instant it names, for comparing with what the engine
    says (in UTC inside; New York time is only how a feature writes it).

    Raises:
        StepError: for a time that names no single instant (see `at_time`).
    """
    try:
        return parse_time(at_time(date, time))
    except InvalidAction as exc:
        raise StepError(f"{date} at {time.replace('|', ' ')}: {exc.message}") from None


def together(world: World, holder: str, others: tuple[str, ...],
             action: Callable[[str], dict[str, Any]]) -> None:
    """Holders take an act of the Holders of a majority together (Schedule 1): each of the
    `others` takes it by its own action first, then `holder`, naming them in `joined_by`
    (naming a Holder is not that Holder acting: each signs for itself). The first of them
    that is refused, or invalid, is the result."""
    for other in others:
        world.act(action(other))
        if world.result is None or not world.result.accepted:
            return
    last = action(holder)
    if others:
        last["joined_by"] = list(others)
    world.act(last)


def majority(world: World) -> tuple[str, tuple[str, ...]]:
    """The Holders of a majority in principal now: the fewest Holders, largest first, whose
    principal is more than half of all outstanding; the first acts, the others join it."""
    holders = {name: Decimal(v) for name, v in world.status()["holders"].items()}
    total = sum(holders.values(), Decimal(0))
    chosen: list[str] = []
    held = Decimal(0)
    for name in sorted(holders, key=lambda n: (-holders[n], n)):
        chosen.append(name)
        held += holders[name]
        if held * 2 > total:
            return chosen[0], tuple(chosen[1:])
    raise StepError("no Notes are outstanding: there are no Holders of a majority in principal")
