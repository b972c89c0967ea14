"""The EventLog port and the in-memory log.

The engine core knows only this protocol: a store (SQLite in `storage`, or
the `MemoryLog` here for simulation) keeps each deal's events in order.
`Deal` is the only code that reads or appends.

A write is a `transact`: under the deal's write lock the store hands the
caller the events appended since it last read (and what it remembers of
the action's `request_id`), the caller decides, and whatever `Commit` it
returns is appended in the same transaction. Writers are thereby
serialized: nobody decides on a stale state, so nobody has to retry.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

import attrs

from contract.printable import shown
from engine.errors import (
    ConcurrencyConflict,
    DealExists,
    InvalidAction,
    InvalidDealId,
    UnknownDeal,
)
from engine.events import Event

T = TypeVar("T")

#: PRODUCT.md section 11: deal ids are 1 to 64 letters, digits, '.', '_', '-'.
DEAL_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

#: A zero-argument function giving the deal's status after the events, for query tables.
Snapshot = Callable[[], Mapping[str, Any]]


@attrs.frozen
class Accepted:
    """What a store remembers of an action accepted with a `request_id` (issue 11 item 6).

    `fingerprint` identifies the action (the SHA-256 of its canonical JSON
    without the request_id) and `result` is its result as `npa act --json`
    printed it, so that a retry gets the very same answer back.
    """

    fingerprint: str
    result: Mapping[str, Any]


@attrs.frozen
class Commit:
    """What a `transact` step asks the store to append, in the same transaction.

    Args:
        events: the new events, in order (at least one).
        snapshot: the deal's status after them, for the query tables.
        request: the action's request_id and what to remember of it, if it had one.
        previous: the status the decision was made on; a store whose query
            tables hold anything else refuses to write (they disagree with the log).
    """

    events: Sequence[Event]
    snapshot: Snapshot
    request: tuple[str, Accepted] | None = None
    previous: Snapshot | None = None


#: A decision under the write lock: given the events appended after the caller's
#: seq and what the store remembers of the request_id, a result and what to append.
Step = Callable[[Sequence[Event], Accepted | None], tuple[T, Commit | None]]


def check_deal_id(deal_id: object, field: str = "deal") -> str:
    """A valid deal id, or InvalidDealId naming the field (`deal` unless told)."""
    if not isinstance(deal_id, str) or not DEAL_ID.fullmatch(deal_id):
        raise InvalidDealId(
            f"{shown(deal_id, 80)} is not a deal id (1 to 64 letters, digits, '.', '_' or '-')",
            field=field,
        )
    return deal_id


def check_store(store: object) -> EventLog:
    """A store that keeps event logs, or InvalidAction naming the field `store`."""
    if not isinstance(store, EventLog):
        raise InvalidAction(f"expected an EventLog (a storage.SqliteStore, a MemoryLog), got "
                            f"{type(store).__name__}", field="store")
    return store


@runtime_checkable
class EventLog(Protocol):
    """Where a deal's events are kept, in order, one sequence per deal (seq from 1)."""

    def create(self, deal_id: str, events: Sequence[Event], snapshot: Snapshot) -> None:
        """Start a deal's log with its first events; DealExists if it has one."""
        ...

    def load(self, deal_id: str) -> list[Event]:
        """Every event of the deal in order; UnknownDeal if none, BrokenLog if untrusted."""
        ...

    def append(
        self, deal_id: str, expected_seq: int, events: Sequence[Event], snapshot: Snapshot
    ) -> None:
        """Append after `expected_seq` events, atomically; ConcurrencyConflict if it moved."""
        ...

    def transact(
        self, deal_id: str, seq: int, step: Step[T], request_id: str | None = None
    ) -> T:
        """Run `step` under the deal's write lock and append the Commit it returns.

        `step` gets the events after the first `seq` (those the caller has
        not seen) and, if `request_id` is given, what was remembered of an
        accepted action with that id; what it raises leaves nothing written.

        Raises:
            UnknownDeal: if the deal has no log.
            StoreBusy: if the write lock could not be had within the store's bound.
        """
        ...

    def exists(self, deal_id: str) -> bool:
        """Whether the deal has a log."""
        ...

    def deal_ids(self) -> list[str]:
        """Every deal in the store, sorted."""
        ...


class MemoryLog:
    """An EventLog held in memory: for simulation, tests and `Deal.create(None, ...)`."""

    def __init__(self) -> None:
        self._logs: dict[str, list[Event]] = {}
        self._requests: dict[tuple[str, str], Accepted] = {}
        self._lock = threading.Lock()

    def create(self, deal_id: str, events: Sequence[Event], snapshot: Snapshot) -> None:
        """Start a deal's log with its first events."""
        check_deal_id(deal_id)
        if deal_id in self._logs:
            raise DealExists(f"deal {deal_id!r} already exists", field="deal")
        self._logs[deal_id] = list(events)

    def load(self, deal_id: str) -> list[Event]:
        """Every event of the deal in order."""
        try:
            return list(self._logs[deal_id])
        except KeyError:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal") from None

    def append(
        self, deal_id: str, expected_seq: int, events: Sequence[Event], snapshot: Snapshot
    ) -> None:
        """Append after `expected_seq` events."""
        log = self._logs.get(deal_id)
        if log is None:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        if len(log) != expected_seq:
            raise ConcurrencyConflict(
                f"deal {deal_id!r} has {len(log)} events, expected {expected_seq}"
            )
        log.extend(events)

    def transact(
        self, deal_id: str, seq: int, step: Step[T], request_id: str | None = None
    ) -> T:
        """Run `step` on the events after `seq` and append what it commits, under a lock."""
        with self._lock:
            log = self._logs.get(deal_id)
            if log is None:
                raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
            prior = None if request_id is None else self._requests.get((deal_id, request_id))
            result, commit = step(log[seq:] if len(log) > seq else (), prior)
            if commit is not None and commit.events:
                log.extend(commit.events)
                if commit.request is not None:
                    self._requests[(deal_id, commit.request[0])] = commit.request[1]
            return result

    def exists(self, deal_id: str) -> bool:
        """Whether the deal has a log."""
        return deal_id in self._logs

    def deal_ids(self) -> list[str]:
        """Every deal held, sorted."""
        return sorted(self._logs)
