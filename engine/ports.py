"""The EventLog port and the in-memory log.

The engine core knows only this protocol: a store (SQLite in `storage`, or
the `MemoryLog` here for simulation) keeps each deal's events in order.
`Deal` is the only code that reads or appends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from contract.printable import shown
from engine.errors import (
    ConcurrencyConflict,
    DealExists,
    InvalidAction,
    InvalidDealId,
    UnknownDeal,
)
from engine.events import Event

#: PRODUCT.md section 11: deal ids are 1 to 64 letters, digits, '.', '_', '-'.
DEAL_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

#: A zero-argument function giving the deal's status after the events, for query tables.
Snapshot = Callable[[], Mapping[str, Any]]


def check_deal_id(deal_id: object) -> str:
    """A valid deal id, or InvalidDealId naming the field `deal`."""
    if not isinstance(deal_id, str) or not DEAL_ID.fullmatch(deal_id):
        raise InvalidDealId(
            f"{shown(deal_id, 80)} is not a deal id (1 to 64 letters, digits, '.', '_' or '-')",
            field="deal",
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

    def exists(self, deal_id: str) -> bool:
        """Whether the deal has a log."""
        return deal_id in self._logs

    def deal_ids(self) -> list[str]:
        """Every deal held, sorted."""
        return sorted(self._logs)
