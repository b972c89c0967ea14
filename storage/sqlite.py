"""SqliteStore: the append-only, hash-chained event log in SQLite, via sqlite-utils.

PRODUCT.md section 11. Each `create` or `append` is one `BEGIN IMMEDIATE`
transaction holding the sequence check, the events and the query-table
rows, so writers on one deal in any number of processes are serialized and
a refused or failed write leaves nothing behind. Each event row stores the
SHA-256 of its predecessor's hash, the deal, its seq and its canonical JSON
(`link_hash`), hashed as stored so that checking never re-serialises. The
database refuses UPDATE and DELETE on the log (`storage.migrations`).

Every SQLite error is translated at this boundary: a lock held past every
retry is `StoreBusy`, a racing append `ConcurrencyConflict`, anything else
`StorageError`; `sqlite3` exceptions never reach a caller.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar

from contract.printable import shown
from engine.codec import canonical, from_record, to_record
from engine.errors import (
    BrokenLog,
    ConcurrencyConflict,
    DealExists,
    InvalidOption,
    NpaError,
    StorageError,
    StoreBusy,
    UnknownDeal,
)
from engine.events import Event
from engine.ports import Snapshot, check_deal_id
from storage import schema, tables

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["GENESIS", "SqliteStore", "StorageError", "link_hash"]

T = TypeVar("T")

#: The prev_hash of a deal's first event.
GENESIS = "0" * 64

_SYNCHRONOUS = frozenset({"OFF", "NORMAL", "FULL", "EXTRA"})
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_PRIMARY_KEY_CLASHES = frozenset({1555, 2067})  # SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
_FIRST_PAUSE, _LONGEST_PAUSE = 0.002, 0.1

_INSERT = (
    "INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_LAST = "SELECT seq, hash FROM events WHERE deal_id = ? ORDER BY seq DESC LIMIT 1"
_CHAIN = "SELECT seq, data, prev_hash, hash FROM events WHERE deal_id = ? ORDER BY seq"
_ROWS = "SELECT seq, type, v, at, data, prev_hash, hash FROM events WHERE deal_id = ? ORDER BY seq"

_Row = tuple[str, int, str | None, str]  # type, v, at, data: an event ready to chain


def _check_options(path: object, synchronous: object, busy_timeout: object,
                   retries: object) -> str:
    """The synchronous mode, once every argument of a store is one it can use.

    Raises:
        InvalidOption: naming the argument (a ValueError, as the API always said).
    """
    if not isinstance(path, str | os.PathLike) or "\x00" in os.fspath(path):
        raise InvalidOption(f"expected a file name, got {type(path).__name__}", field="path")
    mode = synchronous.upper() if isinstance(synchronous, str) else None
    if mode not in _SYNCHRONOUS:
        raise InvalidOption(f"synchronous must be one of {sorted(_SYNCHRONOUS)}, not "
                            f"{shown(synchronous)}", field="synchronous")
    for name, value in (("busy_timeout", busy_timeout), ("retries", retries)):
        if not isinstance(value, int | float) or isinstance(value, bool) or not (
                0 <= value < 10**9):
            raise InvalidOption(f"{name} must be a number from 0 to 10^9, not {shown(value)}",
                                field=name)
    return mode


def link_hash(prev_hash: str, deal_id: str, seq: int, data: str) -> str:
    """The hex SHA-256 that chains an event's stored data to its predecessor."""
    return hashlib.sha256(f"{prev_hash}\n{deal_id}\n{seq}\n{data}".encode()).hexdigest()


class SqliteStore:
    """An EventLog in one SQLite file (or ":memory:"), with its query tables.

    Args:
        path: the database file; created with its schema if new.
        synchronous: the `PRAGMA synchronous` mode; FULL survives a power cut.
        busy_timeout: seconds SQLite itself waits for another writer's lock.
        retries: further attempts, with a short growing pause, before StoreBusy.

    Raises:
        ValueError: for an unknown synchronous mode or negative limits.
        StorageError: if the file cannot be opened as this store's database.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = "npa.db",
        *,
        synchronous: str = "FULL",
        busy_timeout: float = 5.0,
        retries: int = 50,
    ) -> None:
        mode = _check_options(path, synchronous, busy_timeout, retries)
        self.path = os.fspath(path)
        self._retries = retries
        try:
            self._conn = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open {self.path!r}: {_one_line(exc)}") from None
        try:
            self._db: Database | None = None
            self._retry(lambda: self._set_pragmas(mode))
            if not self._retry(lambda: schema.current(self._conn)):
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over this store's connection (made when first asked)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    def _migrate(self) -> None:
        """Apply the schema steps this database lacks, through sqlite-utils' Migrations."""
        from storage import migrations

        if self._retry(lambda: migrations.pending(self.db)):
            self._retry(lambda: self._in_write(lambda: migrations.migrate(self.db)))

    def _set_pragmas(self, synchronous: str) -> None:
        """WAL (for a file), the synchronous mode and foreign keys, on this connection."""
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(f"PRAGMA synchronous={synchronous}")
        self._conn.execute("PRAGMA foreign_keys=ON")

    def create(self, deal_id: str, events: Sequence[Event], snapshot: Snapshot) -> None:
        """Start a deal's log with its first events; DealExists if it has one.

        Raises:
            InvalidDealId: for an id outside PRODUCT.md section 11's bounds.
            DealExists: if the deal already has events.
            ValueError: if `events` is empty (a log starts with an event).
            StoreBusy: if other writers held the lock through every retry.
        """
        check_deal_id(deal_id)
        rows = _encode(events)
        if not rows:
            raise ValueError("a deal's log starts with at least one event")
        status: list[Mapping[str, Any]] = []

        def write() -> None:
            found = self._conn.execute(
                "SELECT 1 FROM events WHERE deal_id = ? LIMIT 1", (deal_id,)
            ).fetchone()
            if found is not None:
                raise DealExists(f"deal {deal_id!r} already exists", field="deal")
            clash = DealExists(f"deal {deal_id!r} already exists", field="deal")
            self._insert(deal_id, 0, GENESIS, rows, snapshot, status, clash)

        self._retry(lambda: self._in_write(write))

    def append(
        self, deal_id: str, expected_seq: int, events: Sequence[Event], snapshot: Snapshot
    ) -> None:
        """Append after `expected_seq` events in one transaction; ConcurrencyConflict if it moved.

        Raises:
            UnknownDeal: if the deal has no log.
            ConcurrencyConflict: if the deal's last seq is not `expected_seq`
                (another writer got there first): re-read and decide again.
            StoreBusy: if other writers held the lock through every retry.
        """
        rows = _encode(events)
        status: list[Mapping[str, Any]] = []

        def write() -> None:
            last = self._conn.execute(_LAST, (deal_id,)).fetchone()
            if last is None:
                raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
            seq, head = last
            if seq != expected_seq:
                raise ConcurrencyConflict(
                    f"deal {deal_id!r} has {seq} events, expected {expected_seq}"
                )
            if rows:
                clash = ConcurrencyConflict(
                    f"deal {deal_id!r} moved past {expected_seq} events during the append"
                )
                self._insert(deal_id, seq, head, rows, snapshot, status, clash)

        self._retry(lambda: self._in_write(write))

    def _insert(
        self,
        deal_id: str,
        seq: int,
        head: str,
        rows: list[_Row],
        snapshot: Snapshot,
        status: list[Mapping[str, Any]],
        clash: NpaError,
    ) -> None:
        """Chain and insert the rows after (seq, head), then rebuild the query tables."""
        params = []
        for kind, version, at, data in rows:
            seq += 1
            digest = link_hash(head, deal_id, seq, data)
            params.append((deal_id, seq, kind, version, at, data, head, digest))
            head = digest
        try:
            self._conn.executemany(_INSERT, params)
        except sqlite3.IntegrityError as exc:
            if getattr(exc, "sqlite_errorcode", None) in _PRIMARY_KEY_CLASHES:
                raise clash from None
            raise
        if not status:  # computed once, even if the transaction is retried
            status.append(snapshot())
        tables.write(self._conn, deal_id, seq, head, status[0])

    def load(self, deal_id: str) -> list[Event]:
        """Every event of the deal in order, after checking its sequence and hash chain.

        Raises:
            UnknownDeal: if the deal has no log.
            BrokenLog: naming the deal and the first bad seq, if the sequence
                has a gap, the chain does not hold, the log stops short of the
                deal's recorded head, or a record cannot be read.
        """
        check_deal_id(deal_id)
        rows, last = self._retry(lambda: self._read_chain(deal_id))
        if not rows:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        sha256 = hashlib.sha256
        prev = GENESIS
        for expected, (seq, data, prev_hash, digest) in enumerate(rows, 1):
            if (
                seq != expected
                or prev_hash != prev
                or sha256(f"{prev}\n{deal_id}\n{seq}\n{data}".encode()).hexdigest() != digest
            ):
                self._refuse(deal_id)
            prev = digest
        if last != (len(rows), prev):
            self._refuse(deal_id)
        loads = json.loads
        events: list[Event] = []
        try:
            for _, data, _, _ in rows:
                events.append(from_record(loads(data)))
        except Exception as exc:  # any record that will not decode makes the log untrusted
            raise BrokenLog(
                f"deal {deal_id!r}: seq {len(events) + 1} cannot be read: {_one_line(exc)}"
            ) from None
        return events

    def _read_chain(self, deal_id: str) -> tuple[list[Any], tuple[int, str] | None]:
        """The deal's (seq, data, prev_hash, hash) rows and its recorded head, in one read."""
        return self._snapshot_read(_CHAIN, deal_id)

    def _refuse(self, deal_id: str) -> NoReturn:
        """Raise BrokenLog with the first problem the full check finds."""
        problems = self.chain_problems(deal_id) or ["the log changed while it was read"]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BrokenLog(f"deal {deal_id!r}: {problems[0]}{more}")

    def chain_problems(self, deal_id: str) -> list[str]:
        """Every problem with the deal's sequence, hash chain, records and head; [] if sound.

        Raises:
            UnknownDeal: if the deal has no log.
        """
        check_deal_id(deal_id)
        rows, last = self._retry(lambda: self._read_rows(deal_id))
        if not rows:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        problems: list[str] = []
        prev, expected = GENESIS, 1
        for seq, kind, version, at, data, prev_hash, digest in rows:
            if seq != expected:
                problems.append(f"seq {seq}: expected seq {expected}, the sequence has a gap")
            if prev_hash != prev:
                problems.append(f"seq {seq}: prev_hash is not the hash of the event before it")
            if link_hash(prev_hash, deal_id, seq, data) != digest:
                problems.append(f"seq {seq}: hash does not match the stored event")
            problems.extend(
                f"seq {seq}: {problem}" for problem in _record_problems(data, kind, version, at)
            )
            prev, expected = digest, seq + 1
        end = rows[-1][0]
        if last is None:
            problems.append("the deals table has no row for the deal")
        elif last != (end, prev):
            problems.append(
                f"seq {end}: the log ends here but the deal's head is at seq {last[0]}"
                if last[0] != end
                else f"seq {end}: the deal's head hash is not the last event's hash"
            )
        return problems

    def _read_rows(self, deal_id: str) -> tuple[list[Any], tuple[int, str] | None]:
        """Every column of the deal's event rows and its recorded head, in one read."""
        return self._snapshot_read(_ROWS, deal_id)

    def _snapshot_read(self, sql: str, deal_id: str) -> tuple[list[Any], tuple[int, str] | None]:
        """The deal's rows by `sql` and its head from the deals table, in one read transaction."""
        self._conn.execute("BEGIN")
        try:
            rows = self._conn.execute(sql, (deal_id,)).fetchall()
            last = tables.head(self._conn, deal_id)
        finally:
            self._conn.execute("ROLLBACK")
        return rows, last

    def exists(self, deal_id: str) -> bool:
        """Whether the deal has a log."""
        check_deal_id(deal_id)
        return self._retry(
            lambda: (
                self._conn.execute(
                    "SELECT 1 FROM events WHERE deal_id = ? LIMIT 1", (deal_id,)
                ).fetchone()
                is not None
            )
        )

    def deal_ids(self) -> list[str]:
        """Every deal in the store, sorted."""
        return self._retry(lambda: tables.deal_ids(self._conn))

    def stored_status(self, deal_id: str) -> dict[str, Any] | None:
        """The deal's status as the query tables hold it, or None for no such deal."""
        check_deal_id(deal_id)
        return self._retry(lambda: tables.status(self._conn, deal_id))

    def stored_conditions(self, deal_id: str) -> dict[str, str]:
        """Each condition's status (section -> pending/satisfied/waived) as stored."""
        return self._retry(lambda: tables.conditions(self._conn, deal_id))

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Self:
        """The store itself, closed when the block ends."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    def _in_write(self, work: Callable[[], T]) -> T:
        """Run `work` in a BEGIN IMMEDIATE transaction: commit it, or roll it all back."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                # the original error matters; SQLite ends the transaction anyway
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise
        return result

    def _retry(self, work: Callable[[], T]) -> T:
        """Run `work`, retrying while the database is busy; translate every SQLite error."""
        pause = _FIRST_PAUSE
        for attempt in range(self._retries + 1):
            try:
                return work()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise StorageError(f"{self.path}: {_one_line(exc)}") from None
            except sqlite3.Error as exc:
                raise StorageError(f"{self.path}: {_one_line(exc)}") from None
            if attempt < self._retries:
                time.sleep(pause * random.uniform(0.5, 1.5))
                pause = min(pause * 2, _LONGEST_PAUSE)
        raise StoreBusy(
            f"the store {self.path} stayed locked by another writer through "
            f"{self._retries} retries; nothing was written, try again"
        )


def _encode(events: Sequence[Event]) -> list[_Row]:
    """Each event's type, version, time and canonical JSON, ready to chain."""
    rows = []
    for event in events:
        record = to_record(event)
        rows.append((record["type"], record["v"], record.get("at"), canonical(record)))
    return rows


def _record_problems(data: str, kind: str, version: int, at: str | None) -> list[str]:
    """What is wrong with one stored record: unreadable, or its columns disagree with it."""
    try:
        record = json.loads(data)
        from_record(record)
    except Exception as exc:  # reported, not raised: verify lists every problem
        return [f"cannot be read: {_one_line(exc)}"]
    if (record.get("type"), record.get("v"), record.get("at")) != (kind, version, at):
        return ["the type, v or at column does not match the stored record"]
    return []


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc)
    return "locked" in text or "busy" in text


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__
