"""Deal: the only code that loads and appends a deal's events.

One action goes like this: the codec parses it (bad input raises
`InvalidAction`, nothing stored); the deal's events fold into a `DealState`;
`decide` returns reasons or new events; only then are the events appended,
in one transaction, and folded in. A refused action changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, cast, runtime_checkable

import attrs

from contract import DEFAULT_TERMS, TermsError, TermSheet, terms_to_dict
from engine.actions import Action
from engine.clock import iso, parse_time
from engine.codec import parse_action, to_record
from engine.deadlines import fire_until
from engine.decide import decide
from engine.errors import ConcurrencyConflict, StoreBusy
from engine.events import DealCreated, Event
from engine.explain import Reason
from engine.ports import EventLog, MemoryLog, Snapshot, check_deal_id, check_store
from engine.state import DealState, Status, evolve, replay, times_in_order
from engine.status import describe, snapshot_of, status_of
from engine.views import Consequence, DealStatus, EventRecord, ResultView, TimelineEntry

#: How often an append that lost a race re-reads the log and decides again.
RETRIES = 50


@attrs.frozen
class ActionResult:
    """What became of an action: accepted with its consequences, or refused with reasons."""

    accepted: bool
    #: The deal's lifecycle state after the action (a `StrEnum`: equal to its name).
    state: Status
    consequences: tuple[Consequence, ...] = ()
    reasons: tuple[Reason, ...] = ()
    created: Mapping[str, str] = attrs.field(factory=dict)

    def to_dict(self) -> ResultView:
        """The result as `npa act --json` prints it."""
        return {
            "accepted": self.accepted,
            "state": self.state.value,
            "consequences": list(self.consequences),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "created": dict(self.created),
        }


@runtime_checkable
class Verifiable(Protocol):
    """A store that keeps a hash chain and query tables that can be re-checked."""

    def chain_problems(self, deal_id: str) -> list[str]:
        """Problems with the deal's sequence or hash chain; empty when sound."""
        ...

    def stored_status(self, deal_id: str) -> dict[str, Any] | None:
        """The status the query tables hold for the deal."""
        ...


class Deal:
    """One deal under the agreement: act on it, ask why not, read its status.

    Make one with `Deal.create` or `Deal.load`; pass `store=None` for a deal
    held only in memory (simulation).
    """

    def __init__(self, store: EventLog, deal_id: str, events: Sequence[Event]) -> None:
        self._store = store
        self._id = deal_id
        self._events = list(events)
        self._state = replay(self._events)

    @classmethod
    def create(
        cls, store: EventLog | None, deal_id: str, terms: TermSheet | None = None
    ) -> Deal:
        """A new deal from the template, with the 1997 term sheet unless `terms` is given.

        Raises:
            InvalidDealId: for an id outside 1-64 letters, digits, '.', '_', '-'.
            DealExists: when the store already has a deal with that id.
        """
        check_deal_id(deal_id)
        log = check_store(store) if store is not None else MemoryLog()
        if terms is not None and not isinstance(terms, TermSheet):
            raise TermsError("terms", f"must be a TermSheet (contract.load_terms), not "
                                      f"{type(terms).__name__}")
        first = DealCreated(at=None, deal_id=deal_id, terms=terms_to_dict(terms or DEFAULT_TERMS))
        state = evolve(DealState(), first)
        log.create(deal_id, [first], _snapshot(state))
        return cls(log, deal_id, [first])

    @classmethod
    def load(cls, store: EventLog, deal_id: str) -> Deal:
        """The deal as its stored log folds: the same status as when it was last saved.

        Raises:
            UnknownDeal: when the store has no such deal.
            BrokenLog: when its sequence or hash chain does not hold.
        """
        check_deal_id(deal_id)
        log = check_store(store)
        return cls(log, deal_id, log.load(deal_id))

    @property
    def id(self) -> str:
        """The deal's id."""
        return self._id

    @property
    def state(self) -> DealState:
        """The deal's state as of its last event."""
        return self._state

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event of the deal, in order."""
        return tuple(self._events)

    def act(self, action: Action | Mapping[str, Any] | str) -> ActionResult:
        """Take an action: accepted and stored with its consequences, or refused.

        Raises:
            InvalidAction: for input that is not a valid action (nothing stored).
        """
        parsed = parse_action(action)
        for _ in range(RETRIES):
            decision = decide(self._state, parsed)
            if not decision.accepted:
                return ActionResult(False, self._state.status, reasons=decision.reasons)
            after = decision.after or replay(decision.events, self._state)
            consequences: list[Consequence] = []
            for event in decision.events:
                text, section = describe(after, event)
                consequences.append({"event": event.TAG, "section": section, "summary": text})
            try:
                self._store.append(self._id, self._state.seq, decision.events,
                                   _snapshot(after))
            except ConcurrencyConflict:
                self._reload()
                continue
            self._events.extend(decision.events)
            self._state = after
            return ActionResult(True, after.status, tuple(consequences),
                                created=decision.created)
        raise StoreBusy(f"deal {self._id!r} kept changing under this action; try again")

    def why_not(self, action: Action | Mapping[str, Any] | str) -> list[Reason]:
        """Every reason the action would be refused now, without taking it."""
        return list(decide(self._state, parse_action(action)).reasons)

    def status(self, as_of: datetime | str | None = None) -> DealStatus:
        """The deal's status (the dict of `npa status --json`), now or as of a time.

        A past `as_of` shows the deal as it was then; a later one as it will
        be if nothing else happens. Nothing is stored.
        """
        if as_of is None:
            return status_of(self._state)
        moment = parse_time(as_of, "as_of")
        state = self._state
        if state.clock is not None and moment < state.clock:
            state = replay(e for e in self._events if e.at is None or e.at <= moment)
        # Whatever falls due by then fires, as it would if time simply passed.
        _, then = fire_until(state, moment)
        return status_of(then, moment)

    def timeline(self) -> list[TimelineEntry]:
        """The event history: one entry per event, with its summary and section."""
        entries: list[TimelineEntry] = []
        state = DealState()
        for seq, event in enumerate(self._events, start=1):
            text, section = describe(state, event)
            state = evolve(state, event)
            entries.append({"seq": seq, "at": iso(event.at) if event.at else None,
                            "event": event.TAG, "section": section, "summary": text,
                            "state": state.status.value})
        return entries

    def records(self) -> list[EventRecord]:
        """Every event as the plain record the codec stores (read one back, typed, with
        `engine.codec.from_record`)."""
        return [cast(EventRecord, to_record(event)) for event in self._events]

    def _reload(self) -> None:
        """Re-read the log after another writer appended to it."""
        self._events = self._store.load(self._id)
        self._state = replay(self._events)


def _snapshot(state: DealState) -> Snapshot:
    """What a store writes to its query tables, computed only if it asks."""
    return lambda: snapshot_of(state)


def verify(store: EventLog, deal_id: str) -> list[str]:
    """Re-check a stored deal: sequence, hash chain, time order (`times_in_order`), and that
    replay gives the stored status.

    Returns:
        Every problem found, one line each; empty when the log is sound.
    """
    check_deal_id(deal_id)
    check_store(store)
    problems: list[str] = []
    if isinstance(store, Verifiable):
        problems += store.chain_problems(deal_id)
    if problems:
        return problems
    deal = Deal.load(store, deal_id)
    # PRODUCT.md section 5: the log is in time order; no event precedes the one before it.
    problems += times_in_order(deal.events)
    if isinstance(store, Verifiable):
        stored = store.stored_status(deal_id)
        replayed = json.loads(json.dumps(snapshot_of(deal.state)))
        if stored != replayed:
            keys = sorted(k for k in set(stored or {}) | set(replayed)
                          if (stored or {}).get(k) != replayed.get(k))
            problems.append(f"query tables differ from the replayed log in: {', '.join(keys)}")
    return problems
