"""Deal: the only code that loads and appends a deal's events.

One action goes like this: the codec parses it (bad input raises
`InvalidAction`, nothing stored); the deal's events fold into a `DealState`;
`decide` returns reasons or new events; only then are the events appended,
in one transaction, and folded in. A refused action changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, cast, runtime_checkable

import attrs

from contract import DEFAULT_TERMS, TermsError, TermSheet, terms_to_dict
from engine.actions import Action
from engine.clock import iso, parse_time
from engine.codec import action_to_dict, canonical, parse_action, to_record
from engine.deadlines import fire_until
from engine.decide import decide
from engine.errors import BrokenLog, InvalidAction
from engine.events import DealCreated, Event
from engine.explain import Reason
from engine.integrity import fold_log
from engine.ports import (
    Accepted,
    Commit,
    EventLog,
    MemoryLog,
    Snapshot,
    check_deal_id,
    check_store,
)
from engine.state import DealState, Status, evolve, replay, times_in_order
from engine.status import describe, snapshot_of, status_of
from engine.views import Consequence, DealStatus, EventRecord, ResultView, TimelineEntry


@attrs.frozen
class ActionResult:
    """What became of an action: accepted with its consequences, or refused with reasons.

    `replayed` is true when the action carried a `request_id` already
    accepted on the deal: this is that first result again, and nothing new
    was applied or stored.
    """

    accepted: bool
    #: The deal's lifecycle state after the action (a `StrEnum`: equal to its name).
    state: Status
    consequences: tuple[Consequence, ...] = ()
    reasons: tuple[Reason, ...] = ()
    created: Mapping[str, str] = attrs.field(factory=dict)
    replayed: bool = False

    def to_dict(self) -> ResultView:
        """The result as `npa act --json` prints it."""
        return {
            "accepted": self.accepted,
            "state": self.state.value,
            "consequences": list(self.consequences),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "created": dict(self.created),
            "replayed": self.replayed,
        }

    @classmethod
    def replay_of(cls, result: Mapping[str, Any]) -> ActionResult:
        """The accepted result a store remembered for a request_id, marked replayed."""
        return cls(True, Status(result["state"]),
                   tuple(cast(Consequence, dict(c)) for c in result.get("consequences", ())),
                   created=dict(result.get("created", {})), replayed=True)


def fingerprint(action: Action) -> str:
    """What identifies an action across retries: the SHA-256 of its canonical JSON,
    request_id left out."""
    data = action_to_dict(action)
    data.pop("request_id", None)
    return hashlib.sha256(canonical(data).encode()).hexdigest()


def _replayed(action: Action, prior: Accepted) -> ActionResult:
    """The first result of the action accepted with this action's request_id, replayed;
    InvalidAction when that was another action."""
    if prior.fingerprint != fingerprint(action):
        raise InvalidAction(f"{action.request_id!r:.60} was already accepted on this "
                            "deal for another action", field="request_id")
    return ActionResult.replay_of(prior.result)


@runtime_checkable
class Verifiable(Protocol):
    """A store that keeps a hash chain and query tables that can be re-checked."""

    def chain_problems(self, deal_id: str, *, triggers: bool = True,
                       anchor: tuple[int, str] | None = None) -> list[str]:
        """Problems with the deal's sequence, chain, MACs, head, triggers; empty when sound."""
        ...

    def stored_status(self, deal_id: str) -> dict[str, Any] | None:
        """The status the query tables hold for the deal."""
        ...

    def head(self, deal_id: str) -> tuple[int, str]:
        """The deal's last seq and hash: what an anchor records."""
        ...


class Deal:
    """One deal under the agreement: act on it, ask why not, read its status.

    Make one with `Deal.create` or `Deal.load`; pass `store=None` for a deal
    held only in memory (simulation). A Deal may be shared by threads: its
    actions are taken one at a time, and each is decided under the store's
    write lock on the deal's latest events (see the README, "Threads").
    """

    def __init__(self, store: EventLog, deal_id: str, events: Sequence[Event]) -> None:
        self._store = store
        self._id = deal_id
        self._events = list(events)
        self._state = fold_log(deal_id, self._events)
        self._shown = _snapshot(self._state)
        # Held only while the events and state change, never while waiting for the store.
        self._lock = threading.Lock()

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
            BrokenLog: when its sequence or hash chain does not hold, an event is
                dated before the one it follows, or an event cannot be folded.
        """
        check_deal_id(deal_id)
        log = check_store(store)
        return cls(log, deal_id, log.load(deal_id))

    def fork(self) -> Deal:
        """A copy of this deal held only in memory, to act on apart (simulation).

        The copy shares the state, which is immutable, and holds a copy of
        the event list: nothing is replayed, and acting on either deal leaves
        the other as it was.
        """
        log = MemoryLog()
        log.create(self._id, self._events, self._shown)
        twin = Deal.__new__(Deal)
        with self._lock:
            twin.__dict__.update(self.__dict__)
            twin._events = list(self._events)
        twin._store = log
        twin._lock = threading.Lock()
        return twin

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

        The action is decided under the store's write lock, on the deal's
        events as stored at that moment (those another writer appended are
        folded in first), so concurrent writers are serialized and none has
        to retry. An action whose `request_id` was already accepted on the
        deal is not applied again: its first result comes back, replayed.

        Raises:
            InvalidAction: for input that is not a valid action, or a request_id
                already accepted for another action (nothing stored).
            BrokenLog: when the stored log or its query tables cannot be trusted.
            StoreBusy: when the store's write lock could not be had in time.
        """
        parsed = parse_action(action)
        seq = self._state.seq
        done: list[tuple[DealState, Sequence[Event], Snapshot]] = []

        def step(newer: Sequence[Event], prior: Accepted | None
                 ) -> tuple[ActionResult, Commit | None]:
            return self._decide(parsed, seq, newer, prior, done)

        result = self._store.transact(self._id, seq, step, parsed.request_id)
        if done:
            after, events, shown = done[0]
            with self._lock:
                # Unless a later action (in another thread) already folded these in.
                if self._state.seq == after.seq - len(events):
                    self._events.extend(events)
                    self._state = after
                    self._shown = shown
        return result

    def _decide(self, parsed: Action, seq: int, newer: Sequence[Event], prior: Accepted | None,
                done: list[tuple[DealState, Sequence[Event], Snapshot]]
                ) -> tuple[ActionResult, Commit | None]:
        """Under the store's write lock: catch up, replay a known request_id, or decide.

        `newer` holds the events stored after the first `seq`; those this Deal
        already has (another thread's action on it) are skipped.
        """
        with self._lock:
            fresh = newer[self._state.seq - seq:]
            if fresh:
                self._catch_up(fresh)
            state, shown_before = self._state, self._shown
        if prior is not None:
            return _replayed(parsed, prior), None
        decision = decide(state, parsed)
        if not decision.accepted:
            return ActionResult(False, state.status, reasons=decision.reasons), None
        late = ([] if isinstance(self._store, MemoryLog)
                else times_in_order(decision.events, state.clock, state.seq + 1))
        if late:
            # Only a stored log that was changed (or an engine bug) leaves a deadline due
            # before the clock: never write behind its last event (PRODUCT.md section 5).
            # A deal held in memory is left as it is, for exploration's invariant
            # (events_in_time_order) to find the bug.
            raise BrokenLog(f"deal {self._id!r}: {late[0]}: the log does not hold together "
                            "(run npa verify); nothing was written")
        after = decision.after or replay(decision.events, state)
        consequences: list[Consequence] = []
        for event in decision.events:
            text, section = describe(after, event)
            consequences.append({"event": event.TAG, "section": section, "summary": text})
        result = ActionResult(True, after.status, tuple(consequences),
                              created=decision.created)
        shown = _snapshot(after)
        done.append((after, decision.events, shown))
        request = None
        if parsed.request_id is not None:
            request = (parsed.request_id, Accepted(fingerprint(parsed), result.to_dict()))
        return result, Commit(decision.events, shown, request, shown_before)

    def refresh(self) -> int:
        """Bring this Deal up to date with its store: fold in the events others appended.

        A Deal shows the log as it last read or wrote it; another `Deal` object or
        another process acting on the same deal meanwhile makes it stale (its next
        `act` catches up first). `refresh` reads only the new events (checked to run
        on from the last one this Deal holds, as a load checks them).

        Returns:
            How many new events were folded in (0 when it was up to date).

        Raises:
            BrokenLog: when the new events do not chain on, or the log was cut short.
            UnknownDeal: when the store no longer has the deal.
        """
        with self._lock:
            seq = self._state.seq
        reader = getattr(self._store, "events_after", None)
        if reader is not None:
            newer: Sequence[Event] = reader(self._id, seq)
        else:
            stored = self._store.load(self._id)
            if len(stored) < seq:
                raise BrokenLog(f"deal {self._id!r}: the log ends at seq {len(stored)} but "
                                f"the deal was read with {seq} events: events were removed")
            newer = stored[seq:]
        with self._lock:
            # Another thread's action on this Deal may have folded some in meanwhile.
            fresh = newer[self._state.seq - seq:]
            if fresh:
                self._catch_up(fresh)
        return len(fresh)

    def why_not(self, action: Action | Mapping[str, Any] | str) -> list[Reason]:
        """Every reason the action would be refused now, without taking it.

        An action whose `request_id` was already accepted on the deal meets nothing:
        `act` would give its first result again (see `replay_of`).

        Raises:
            InvalidAction: for input that is not a valid action, or a request_id already
                accepted for another action (as `act` raises).
        """
        parsed = parse_action(action)
        if self.replay_of(parsed) is not None:
            return []
        return list(decide(self._state, parsed).reasons)

    def replay_of(self, action: Action | Mapping[str, Any] | str) -> ActionResult | None:
        """The result `act` would give again, marked replayed, for an action whose
        `request_id` was already accepted on the deal; None for any other action. Nothing
        is stored (the store is read under its write lock, as `act` reads it).

        Raises:
            InvalidAction: for input that is not a valid action, or a request_id already
                accepted for another action.
        """
        parsed = parse_action(action)
        if parsed.request_id is None:
            return None

        def look(newer: Sequence[Event], prior: Accepted | None
                 ) -> tuple[ActionResult | None, Commit | None]:
            return (None if prior is None else _replayed(parsed, prior)), None

        return self._store.transact(self._id, self._state.seq, look, parsed.request_id)

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

    def _catch_up(self, newer: Sequence[Event]) -> None:
        """Fold in events another writer appended (checked as a load checks them)."""
        state = fold_log(self._id, newer, self._state)
        self._events.extend(newer)
        self._state = state
        self._shown = _snapshot(state)


def _snapshot(state: DealState) -> Snapshot:
    """What a store writes to its query tables, computed only if it asks, and only once."""
    made: list[Mapping[str, Any]] = []

    def snapshot() -> Mapping[str, Any]:
        if not made:
            made.append(snapshot_of(state))
        return made[0]

    return snapshot


_HEAD = r"^([0-9]{1,12}):([0-9a-f]{64})$"


def parse_head(text: str | tuple[int, str]) -> tuple[int, str]:
    """A head as `npa verify` prints it, SEQ:HASH (the hash in 64 lowercase hex digits),
    or as `store.head` gives it, (seq, hash).

    Raises:
        InvalidAction: naming the field `head`.
    """
    if (isinstance(text, tuple) and len(text) == 2 and type(text[0]) is int
            and isinstance(text[1], str)):
        text = f"{text[0]}:{text[1]}"
    found = re.fullmatch(_HEAD, text.strip().lower()) if isinstance(text, str) else None
    if found is None or int(found.group(1)) < 1:
        raise InvalidAction(f"expected SEQ:HASH as `npa verify` prints it, got {text!r:.80}",
                            field="head")
    return int(found.group(1)), found.group(2)


def verify(store: EventLog, deal_id: str, head: tuple[int, str] | str | None = None
           ) -> list[str]:
    """Re-check a stored deal: sequence, hash chain (and MACs with a key), the append-only
    triggers, time order, that it folds, and that replay gives the stored status.

    Args:
        store: the store.
        deal_id: the deal.
        head: an anchor (seq and hash, or "SEQ:HASH") from an earlier verify: the log
            must still extend it.

    Returns:
        Every problem found, one line each; empty when the log is sound.
    """
    check_deal_id(deal_id)
    check_store(store)
    anchor = None if head is None else parse_head(head)
    problems: list[str] = []
    if isinstance(store, Verifiable):
        problems += store.chain_problems(deal_id, anchor=anchor)
    elif anchor is not None:
        problems.append("this store keeps no hash chain: an anchored head cannot be checked")
    if any(p.startswith("seq ") for p in problems):
        return problems
    stored: dict[str, Any] | None = None
    try:
        together = getattr(store, "load_with_status", None)
        if together is not None:
            # The log and its tables as they stood at one moment: another writer's
            # action meanwhile is no disagreement.
            events, stored = together(deal_id)
        else:
            events = store.load(deal_id)
            if isinstance(store, Verifiable):
                stored = store.stored_status(deal_id)
        # PRODUCT.md section 5: the log is in time order; no event precedes the one before it.
        late = times_in_order(events)
        if late:
            return [*problems, *late]
        deal = Deal(store, deal_id, events)
    except BrokenLog as exc:
        prefix = f"deal {deal_id!r}: "
        message = exc.message[len(prefix):] if exc.message.startswith(prefix) else exc.message
        return [*problems, message]
    if isinstance(store, Verifiable):
        replayed = json.loads(json.dumps(snapshot_of(deal.state)))
        if stored != replayed:
            absent = object()  # a key missing on one side differs even from None
            keys = sorted(k for k in set(stored or {}) | set(replayed)
                          if (stored or {}).get(k, absent) != replayed.get(k, absent))
            problems.append(f"query tables differ from the replayed log in: {', '.join(keys)}")
    return problems


#: The start of the one problem `rebuild_tables` mends.
_TABLES_DIFFER = "query tables differ from the replayed log in: "


def rebuild_tables(store: EventLog, deal_id: str) -> list[str]:
    """Rewrite a deal's query tables from its log, when they are all that is wrong with it.

    A write refuses a deal whose query tables disagree with its log (the
    evidence stays until someone looks); after `verify` has shown what
    differs (a status edited by hand, or written by an earlier release), this
    puts the replayed status back. Nothing is done if the log itself has any
    problem: the log is the record, the tables only a view of it.

    Returns:
        The keys of the status that differed (empty if none did).

    Raises:
        BrokenLog: if the log has problems other than its query tables.
    """
    problems = verify(store, deal_id)
    if any(not p.startswith(_TABLES_DIFFER) for p in problems):
        raise BrokenLog(f"deal {deal_id!r}: {problems[0]}; the log itself is not sound, so "
                        "its query tables were not rebuilt")
    if not problems or not isinstance(store, Verifiable):
        return []
    deal = Deal.load(store, deal_id)
    rebuild = getattr(store, "rebuild_tables", None)
    if rebuild is None:
        return []
    rebuild(deal_id, store.head(deal_id), _snapshot(deal.state))
    return problems[0][len(_TABLES_DIFFER):].split(", ")


def verify_report(store: EventLog, deal_id: str, head: tuple[int, str] | None = None
                  ) -> dict[str, Any]:
    """What `npa verify --json` prints: the problems, the head to anchor, how it was checked.

    `keyed` says whether MACs were checked (the store has a key); `sealed`
    whether the deal's events carry MACs at all.
    """
    anchor = None if head is None else parse_head(head)
    # The head is read before the log is checked: what is printed is then a prefix of what
    # was verified, even when another writer appends meanwhile.
    seq, digest = store.head(deal_id) if isinstance(store, Verifiable) else (0, "")
    problems = verify(store, deal_id, anchor)
    return {"deal": deal_id, "ok": not problems, "problems": problems,
            "head": {"seq": seq, "hash": digest} if digest else None,
            "anchor": {"seq": anchor[0], "hash": anchor[1]} if anchor else None,
            "keyed": bool(getattr(store, "keyed", False)),
            "sealed": bool(getattr(store, "sealed", lambda _: False)(deal_id))}
