"""SqliteStore: the append-only, hash-chained event log in SQLite, via sqlite-utils.

PRODUCT.md section 11. Each write is one `BEGIN IMMEDIATE` transaction
holding the read of what other writers appended, the decision (`transact`),
the events and the query-table rows, so writers on one deal in any number
of processes or threads are serialized and a refused or failed write leaves
nothing behind. The write lock is waited for at most `lock_timeout` seconds
in all (30 unless configured); then `StoreBusy` (exit 75). Each event row
stores the SHA-256 of its predecessor's hash, the deal, its seq and its
canonical JSON (`storage.chain`), and with a key an HMAC (`storage.keys`).
The database refuses UPDATE and DELETE on the log (`storage.migrations`).

One connection serves every thread that uses the store, one at a time,
behind a lock. Every SQLite error is translated at this boundary: a lock
not had in time is `StoreBusy`, a racing append `ConcurrencyConflict`,
anything else `StorageError`; `sqlite3` exceptions never reach a caller.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypedDict, TypeVar

from contract.printable import shown
from engine.codec import canonical, to_record
from engine.errors import (
    BrokenLog,
    ConcurrencyConflict,
    DealExists,
    InvalidAction,
    InvalidSetting,
    NpaError,
    StorageError,
    UnknownDeal,
)
from engine.events import Event
from engine.ports import Accepted, Snapshot, Step, check_deal_id
from storage import chain, keys, schema, tables
from storage.chain import GENESIS, link_hash
from storage.connection import LOCK_TIMEOUT, LOCK_TIMEOUT_ENV, Connection, lock_timeout_from

if TYPE_CHECKING:
    from sqlite_utils import Database

    from storage.exchange import ImportReport

__all__ = ["FEED_LIMIT", "GENESIS", "LOCK_TIMEOUT", "LOCK_TIMEOUT_ENV", "DealRow", "DueView",
           "FeedEvent", "SqliteStore", "StorageError", "link_hash"]

T = TypeVar("T")

_SYNCHRONOUS = frozenset({"OFF", "NORMAL", "FULL", "EXTRA"})
_PRIMARY_KEY_CLASHES = frozenset({1555, 2067})  # SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
_TEXTS = 64  # the most deals whose last written status text a store remembers

# Each row takes the next global position of the store (the change feed, migration 0007):
# `position` is the table's INTEGER PRIMARY KEY (migration 0009), so SQLite gives a row
# without one the largest position plus one (rows are never deleted); writes are
# serialized by BEGIN IMMEDIATE, so positions follow the order of commits.
_INSERT = (
    "INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash, mac) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FEED = ("SELECT position, deal_id, seq, type, v, at, data FROM events WHERE position > ? "
         "ORDER BY position LIMIT ?")
_FEED_OF = ("SELECT position, deal_id, seq, type, v, at, data FROM events "
            "WHERE deal_id = ? AND position > ? ORDER BY position LIMIT ?")
#: The most events one read of the feed returns.
FEED_LIMIT = 10_000
_COLUMNS = "seq, type, v, at, data, prev_hash, hash, mac"
_LAST = "SELECT seq, hash, mac FROM events WHERE deal_id = ? ORDER BY seq DESC LIMIT 1"
# The same, the deal's query-table row (seq, head, head MAC, status) and its next deadline
# as `next_due` holds it (whether there is a row, then its values), in one statement.
_LAST_AND_ROW = ("SELECT events.seq, hash, mac, deals.seq, head, head_mac, status, "
                 "next_due.deal_id IS NOT NULL, due, kind, section, what, pending FROM events "
                 "LEFT JOIN deals USING (deal_id) LEFT JOIN next_due USING (deal_id) "
                 "WHERE deal_id = ? ORDER BY events.seq DESC LIMIT 1")
_ROWS = f"SELECT {_COLUMNS} FROM events WHERE deal_id = ? ORDER BY seq"
_FROM = f"SELECT {_COLUMNS} FROM events WHERE deal_id = ? AND seq >= ? ORDER BY seq"
_REQUEST = "SELECT fingerprint, result FROM requests WHERE deal_id = ? AND request_id = ?"
_REMEMBER = ("INSERT INTO requests (deal_id, request_id, fingerprint, seq, result) "
             "VALUES (?, ?, ?, ?, ?)")

_Row = tuple[str, int, str | None, str]  # type, v, at, data: an event ready to chain


class FeedEvent(TypedDict):
    """One event of the change feed (`events_since`, `npa events --json`)."""

    position: int
    deal: str
    seq: int
    type: str
    v: int
    at: str | None
    section: str
    data: dict[str, Any]


class DueView(TypedDict):
    """A deal's next deadline (`due`, `npa due --json`); `due` is a UTC instant."""

    deal: str
    due: str
    what: str
    kind: str
    section: str
    pending: int


class DealRow(TypedDict):
    """A deal as `deals()` and `npa deals --json` list it."""

    deal: str
    state: str
    events: int


class SqliteStore:
    """An EventLog in one SQLite file (or ":memory:"), with its query tables.

    Safe to share between threads: one connection serves them one at a time.

    Args:
        path: the database file; created with its schema if new.
        synchronous: the `PRAGMA synchronous` mode; FULL survives a power cut.
        lock_timeout: the most seconds a write waits, in all, for the write lock
            held by other writers; None takes NPA_LOCK_TIMEOUT, else 30.
        key: the key of a keyed chain (HMAC-SHA256), at least 16 bytes; None takes
            the file named by NPA_KEY_FILE, else NPA_KEY, else no key. Never stored.

    Raises:
        InvalidSetting: for an unknown synchronous mode, a lock timeout out of
            range, or a key that is too short or cannot be read.
        StorageError: if the file cannot be opened as this store's database.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = "npa.db",
        *,
        synchronous: str = "FULL",
        lock_timeout: float | None = None,
        key: bytes | str | None = None,
    ) -> None:
        mode = synchronous.upper() if isinstance(synchronous, str) else ""
        if mode not in _SYNCHRONOUS:
            raise InvalidSetting(f"synchronous must be one of {sorted(_SYNCHRONOUS)}, "
                                 f"not {shown(synchronous)}", field="synchronous")
        if not isinstance(path, str | os.PathLike) or "\x00" in os.fspath(path):
            raise InvalidSetting(f"a store's path is a file name, not {type(path).__name__}",
                                 field="path")
        self._key = keys.resolve_key(key)
        self.path = os.fspath(path)
        # deal -> (seq, hash) of its last event as this store last read or wrote it
        self._heads: dict[str, tuple[int, str]] = {}
        self._written: tuple[str, int, str] | None = None  # the head a write is making
        # deal -> the last snapshot this store wrote for it and that snapshot's stored text,
        # so that the next write's check of the query tables (`_agrees`) need not make the
        # same text again when it is handed the same snapshot (at most _TEXTS deals).
        self._texts: dict[str, tuple[Mapping[str, Any], str]] = {}
        self._link = Connection(self.path, lock_timeout_from(lock_timeout))
        self._conn = self._link.conn
        try:
            self._db: Database | None = None
            self._link.read(lambda: self._set_pragmas(mode))
            if not self._link.read(lambda: schema.current(self._conn)):
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    @property
    def keyed(self) -> bool:
        """Whether this store was given a key: its writes carry MACs, its reads check them."""
        return self._key is not None

    @property
    def lock_timeout(self) -> float:
        """The most seconds a write waits for the write lock, in all."""
        return self._link.lock_timeout

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over this store's connection (made when first asked).

        Not guarded by the store's lock: use it from one thread, for inspection.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    def _migrate(self) -> None:
        """Apply the schema steps this database lacks, through sqlite-utils' Migrations."""
        from storage import migrations

        if self._link.read(lambda: migrations.pending(self.db)):
            self._link.write(lambda: migrations.migrate(self.db))

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
            StoreBusy: if the write lock could not be had within the bound.
        """
        check_deal_id(deal_id)
        rows = _encode(events)
        if not rows:
            raise ValueError("a deal's log starts with at least one event")

        def write() -> None:
            found = self._conn.execute(
                "SELECT 1 FROM events WHERE deal_id = ? LIMIT 1", (deal_id,)
            ).fetchone()
            if found is not None:
                raise DealExists(f"deal {deal_id!r} already exists", field="deal")
            clash = DealExists(f"deal {deal_id!r} already exists", field="deal")
            self._insert(deal_id, 0, GENESIS, rows, snapshot, clash)

        self._write(write)

    def append(
        self, deal_id: str, expected_seq: int, events: Sequence[Event], snapshot: Snapshot
    ) -> None:
        """Append after `expected_seq` events in one transaction; ConcurrencyConflict if it moved.

        The low-level write: `transact` is what `Deal` uses, deciding under the lock.

        Raises:
            UnknownDeal: if the deal has no log.
            ConcurrencyConflict: if the deal's last seq is not `expected_seq`
                (another writer got there first): re-read and decide again.
            InvalidSetting: if the deal is sealed with a key this store lacks.
            StoreBusy: if the write lock could not be had within the bound.
        """
        rows = _encode(events)

        def write() -> None:
            seq, head, mac = self._last(deal_id)
            if seq != expected_seq:
                raise ConcurrencyConflict(
                    f"deal {deal_id!r} has {seq} events, expected {expected_seq}"
                )
            if rows:
                self._may_write(deal_id, mac)
                clash = ConcurrencyConflict(
                    f"deal {deal_id!r} moved past {expected_seq} events during the append"
                )
                self._insert(deal_id, seq, head, rows, snapshot, clash)

        self._write(write)

    def transact(
        self, deal_id: str, seq: int, step: Step[T], request_id: str | None = None
    ) -> T:
        """Decide and append under one BEGIN IMMEDIATE: see `engine.ports.EventLog.transact`.

        Inside the lock: the events after `seq` are read and checked as a load
        checks them (sequence, links, MACs with a key), the request_id looked up,
        `step` run, and its Commit appended only if the deal's query tables
        still agree with the log (the head and the status it was decided on).

        Raises:
            UnknownDeal: if the deal has no log.
            BrokenLog: if the events after `seq` do not chain on, the log is
                shorter than `seq`, or the query tables disagree with the log.
            InvalidSetting: if the deal is sealed with a key this store lacks.
            StoreBusy: if the write lock could not be had within the bound.
        """

        def write() -> T:
            top, head, mac, row, known_next = self._last_and_row(deal_id)
            newer = self._newer(deal_id, seq, top, head) if top != seq else ()
            if top == seq:
                self._same_head(deal_id, seq, head)
            prior = None if request_id is None else self._prior(deal_id, request_id)
            result, commit = step(newer, prior)
            if commit is None or not commit.events:
                return result
            self._may_write(deal_id, mac)
            self._agrees(deal_id, top, head, row, commit.previous)
            clash = ConcurrencyConflict(f"deal {deal_id!r} moved during the append")
            self._insert(deal_id, top, head, _encode(commit.events), commit.snapshot, clash,
                         known_next)
            if commit.request is not None:
                rid, accepted = commit.request
                remembered = self._conn.execute(
                    _REMEMBER, (deal_id, rid, accepted.fingerprint, top + 1,
                                canonical(accepted.result))).rowcount
                if remembered != 1:
                    raise StorageError(f"deal {deal_id!r}: the database did not store the "
                                       f"request_id {rid!r:.60} (a trigger the store did not "
                                       "make? run npa verify); nothing was written")
            return result

        return self._write(write)

    def _last(self, deal_id: str) -> tuple[int, str, str | None]:
        """The deal's last event row: seq, hash, MAC; UnknownDeal if it has none."""
        last = self._conn.execute(_LAST, (deal_id,)).fetchone()
        if last is None:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        return last[0], last[1], last[2]

    def _last_and_row(self, deal_id: str) -> tuple[
            int, str, str | None, tuple[int, str, str | None, str] | None, tuple[Any, ...]]:
        """`_last`, the deal's query-table row as `tables.recorded` gives it (or None), and
        its `next_due` row as `tables.write` compares it (() when it has none)."""
        last = self._conn.execute(_LAST_AND_ROW, (deal_id,)).fetchone()
        if last is None:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        row = None if last[3] is None else (last[3], last[4], last[5], last[6])
        return last[0], last[1], last[2], row, last[8:] if last[7] else ()

    def _same_head(self, deal_id: str, seq: int, head: str) -> None:
        """The event at `seq` is still the one this store last saw there."""
        seen = self._heads.get(deal_id)
        if seen is not None and seen[0] == seq and seen[1] != head:
            raise BrokenLog(f"deal {deal_id!r}: seq {seq}: the event was replaced since it "
                            "was read; nothing was written (run npa verify)")

    def _newer(self, deal_id: str, seq: int, top: int, head: str) -> list[Event]:
        """The events after `seq`, checked to run on from the row at `seq`."""
        if top < seq:
            raise BrokenLog(f"deal {deal_id!r}: the log ends at seq {top} but the deal was "
                            f"read with {seq} events: events were removed; nothing was "
                            "written (run npa verify)")
        rows = self._conn.execute(_FROM, (deal_id, max(seq, 1))).fetchall()
        prev = GENESIS
        if seq > 0:
            anchor, rows = rows[0], rows[1:]
            prev = anchor[6]
            if anchor[0] != seq:
                raise BrokenLog(f"deal {deal_id!r}: seq {seq} is missing from the log")
            self._same_head(deal_id, seq, prev)
        if chain.sound(deal_id, rows, self._key, prev, seq + 1) != head:
            found, _ = chain.problems(deal_id, rows, self._key, prev, seq + 1)
            raise BrokenLog(f"deal {deal_id!r}: {(found or ['the log changed'])[0]}; "
                            "nothing was written (run npa verify)")
        return chain.decode(deal_id, rows)

    def _prior(self, deal_id: str, request_id: str) -> Accepted | None:
        """What was remembered of the action accepted on the deal with this request_id."""
        row = self._conn.execute(_REQUEST, (deal_id, request_id)).fetchone()
        if row is None:
            return None
        return Accepted(row[0], json.loads(row[1]))

    def _may_write(self, deal_id: str, mac: str | None) -> None:
        """A deal sealed with a key is written only by a store that has it."""
        if self._key is None and mac is not None:
            raise InvalidSetting(
                f"deal {deal_id!r} is sealed with a key (its events carry HMACs): give the key "
                f"({keys.KEY_FILE_ENV} or {keys.KEY_ENV}) to write to it; nothing was written",
                field=keys.KEY_ENV)

    def _agrees(self, deal_id: str, seq: int, head: str,
                row: tuple[int, str, str | None, str] | None, previous: Snapshot | None) -> None:
        """The deal's query-table row (as read in this transaction) records the log's head
        and (if known) this status."""
        recorded = None if row is None else row[:3]
        wrong = chain.head_problems(deal_id, seq, head, recorded, self._key)
        if (not wrong and previous is not None and row is not None
                and row[3] != self._text_of(deal_id, previous())):
            wrong = ["the query tables' status is not the one the log folds to"]
        if wrong:
            raise BrokenLog(f"deal {deal_id!r}: {wrong[0]}; the query tables disagree with "
                            "the log, so nothing was written (run npa verify)")

    def _text_of(self, deal_id: str, status: Mapping[str, Any]) -> str:
        """The stored text of a snapshot: the one remembered if it is the very snapshot this
        store last wrote for the deal (snapshots are never changed once made)."""
        known = self._texts.get(deal_id)
        if known is not None and known[0] is status:
            return known[1]
        return tables.stored_text(status)

    def _insert(
        self,
        deal_id: str,
        seq: int,
        head: str,
        rows: list[_Row],
        snapshot: Snapshot,
        clash: NpaError,
        known_next: tuple[Any, ...] | None = None,
    ) -> None:
        """Chain and insert the rows after (seq, head), then rebuild the query tables
        (`known_next`: the deal's `next_due` row as read in this transaction, if it was)."""
        params = []
        key = self._key
        for kind, version, at, data in rows:
            seq += 1
            digest = link_hash(head, deal_id, seq, data)
            mac = None if key is None else keys.event_mac(key, digest)
            params.append((deal_id, seq, kind, version, at, data, head, digest, mac))
            head = digest
        try:
            stored = (self._conn.execute(_INSERT, params[0]) if len(params) == 1
                      else self._conn.executemany(_INSERT, params)).rowcount
        except sqlite3.IntegrityError as exc:
            if getattr(exc, "sqlite_errorcode", None) in _PRIMARY_KEY_CLASHES:
                raise clash from None
            raise
        if stored != len(params):
            # A trigger nobody made (RAISE(IGNORE)) can make the database skip a row in
            # silence: never acknowledge an action whose events were not all stored.
            raise StorageError(f"deal {deal_id!r}: the database stored {stored} of the "
                               f"{len(params)} event rows it was given (a trigger the store "
                               "did not make? run npa verify); nothing was written")
        sealed = None if key is None else keys.head_mac(key, deal_id, seq, head)
        status = snapshot()
        text = tables.stored_text(status)
        tables.write(self._conn, deal_id, seq, head, status, sealed, text, known_next)
        if len(self._texts) >= _TEXTS and deal_id not in self._texts:
            self._texts.clear()  # a store writing to many deals keeps memory flat
        self._texts[deal_id] = (status, text)
        self._written = (deal_id, seq, head)

    def _write(self, work: Callable[[], T]) -> T:
        """One write transaction; the head it made is remembered once it is committed."""
        self._written = None

        def remember() -> None:
            if self._written is not None:
                self._saw(*self._written)

        return self._link.write(work, remember)

    def load(self, deal_id: str) -> list[Event]:
        """Every event of the deal in order, after checking its sequence and hash chain.

        With a key, every event's MAC and the head's MAC are checked too.

        Raises:
            UnknownDeal: if the deal has no log.
            BrokenLog: naming the deal and the first bad seq, if the sequence
                has a gap, the chain (or a MAC) does not hold, the log stops short
                of the deal's recorded head, or a record cannot be read.
        """
        return self.load_with_status(deal_id)[0]

    def load_with_status(self, deal_id: str) -> tuple[list[Event], dict[str, Any] | None]:
        """The deal's events, checked as `load` checks them, and the status its query
        tables held at the same moment (one read transaction): what `verify` compares,
        so that an action another writer appends meanwhile is no disagreement.

        Raises:
            UnknownDeal, BrokenLog: as `load`.
        """
        rows, end, status = self._sound_rows(deal_id)
        events = chain.decode(deal_id, rows)
        with self._link.lock:
            self._saw(deal_id, rows[-1][0], end)
        return events, None if status is None else json.loads(status)

    def _sound_rows(self, deal_id: str) -> tuple[list[Any], str, str | None]:
        """The deal's rows, read in one transaction, whose chain (and MACs, with a key)
        holds up to its recorded head: (rows, the head hash, the stored status text).

        Raises:
            UnknownDeal, BrokenLog: as `load`.
        """
        check_deal_id(deal_id)
        rows, last, status = self._read(deal_id)
        if not rows:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        end = chain.sound(deal_id, rows, self._key)
        if end is None or chain.head_problems(deal_id, rows[-1][0], end, last, self._key):
            self._refuse(deal_id)
        return rows, end, status

    def _saw(self, deal_id: str, seq: int, head: str) -> None:
        """Remember the deal's latest head as read or written (the later of two)."""
        seen = self._heads.get(deal_id)
        if seen is None or seen[0] <= seq:
            self._heads[deal_id] = (seq, head)

    def _refuse(self, deal_id: str) -> NoReturn:
        """Raise BrokenLog with the first problem the full check finds."""
        problems = self.chain_problems(deal_id, triggers=False)
        problems = problems or ["the log changed while it was read"]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BrokenLog(f"deal {deal_id!r}: {problems[0]}{more}")

    def chain_problems(self, deal_id: str, *, triggers: bool = True,
                       anchor: tuple[int, str] | None = None) -> list[str]:
        """Every problem with the deal's sequence, hash chain, records, MACs and head; [] if sound.

        Args:
            deal_id: the deal.
            triggers: also report append-only triggers that are gone or altered.
            anchor: a head noted earlier (seq, hash) that the log must still extend.

        Raises:
            UnknownDeal: if the deal has no log.
        """
        check_deal_id(deal_id)
        if anchor is not None:
            anchor = _anchor(anchor)
        rows, last, _ = self._read(deal_id)
        if not rows:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        problems, end = chain.problems(deal_id, rows, self._key)
        problems += chain.head_problems(deal_id, rows[-1][0], end, last, self._key)
        if anchor is not None:
            problems += chain.anchor_problems(rows, anchor)
        if triggers:
            problems += [f"the append-only trigger {name} is missing or altered: the database "
                         "no longer refuses changes to the log"
                         for name in self._link.read(lambda: schema.missing_triggers(self._conn))]
            problems += [f"a trigger the store did not make is on the {table} table ({name}): "
                         "it can change or drop what is stored"
                         for name, table in self._link.read(self._planted_triggers)]
        return problems

    def _planted_triggers(self) -> list[tuple[str, str]]:
        """Triggers (name, table) in the database that its schema steps did not make, or
        made otherwise."""
        from storage import migrations

        made = migrations.triggers_made()
        found = self._conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        return [(name, table) for name, table, sql in found
                if name not in schema.APPEND_ONLY and made.get(name) != sql]

    def rebuild_tables(self, deal_id: str, head: tuple[int, str], snapshot: Snapshot) -> None:
        """Rewrite the deal's query-table row from a replay of its log, whose head is `head`.

        For `npa verify --rebuild-tables`, once the log itself has been checked:
        refused if the log moved on meanwhile, or if the deal is sealed and this
        store has no key.

        Raises:
            BrokenLog: if the log's last event is no longer `head`.
            InvalidSetting: if the deal is sealed with a key this store lacks.
        """

        def write() -> None:
            seq, digest, mac = self._last(deal_id)
            if (seq, digest) != head:
                raise BrokenLog(f"deal {deal_id!r}: the log moved on while it was checked; "
                                "nothing was rebuilt")
            self._may_write(deal_id, mac)
            sealed = None if self._key is None else keys.head_mac(self._key, deal_id, seq, digest)
            tables.write(self._conn, deal_id, seq, digest, snapshot(), sealed)

        self._write(write)

    def head(self, deal_id: str) -> tuple[int, str]:
        """The deal's last seq and hash as stored: the anchor `npa verify` prints.

        Raises:
            UnknownDeal: if the deal has no log.
        """
        check_deal_id(deal_id)
        last = self._link.read(lambda: self._conn.execute(_LAST, (deal_id,)).fetchone())
        if last is None:
            raise UnknownDeal(f"no deal {deal_id!r}", field="deal")
        return last[0], last[1]

    def sealed(self, deal_id: str) -> bool:
        """Whether the deal's last event carries a MAC (it was written with a key)."""
        check_deal_id(deal_id)
        last = self._link.read(lambda: self._conn.execute(_LAST, (deal_id,)).fetchone())
        return last is not None and last[2] is not None

    def _read(self, deal_id: str) -> tuple[list[Any], chain.Head | None, str | None]:
        """The deal's rows, its recorded head and its stored status text, in one read
        transaction."""

        def read() -> tuple[list[Any], chain.Head | None, str | None]:
            self._conn.execute("BEGIN")
            try:
                rows = self._conn.execute(_ROWS, (deal_id,)).fetchall()
                row = tables.recorded(self._conn, deal_id)
                if row is not None:
                    status = tables.with_next(self._conn, deal_id, json.loads(row[3]))
            finally:
                self._conn.execute("ROLLBACK")
            if row is None:
                return rows, None, None
            return rows, row[:3], canonical(status)

        return self._link.read(read)

    def events_after(self, deal_id: str, seq: int) -> list[Event]:
        """The deal's events after its first `seq`, checked to run on from the event at
        `seq` as this store last saw it (what `Deal.refresh` reads: only the new ones).

        Raises:
            UnknownDeal: if the deal has no log.
            BrokenLog: if they do not chain on, or the log is shorter than `seq`.
        """
        check_deal_id(deal_id)
        seq = _count(seq, "seq", 0)

        def read() -> list[Event]:
            self._conn.execute("BEGIN")
            try:
                top, head, _ = self._last(deal_id)
                if top == seq:
                    self._same_head(deal_id, seq, head)
                    return []
                return self._newer(deal_id, seq, top, head)
            finally:
                self._conn.execute("ROLLBACK")

        return self._link.read(read)

    def events_since(self, position: int = 0, limit: int = 1000, *,
                     deal: str | None = None) -> list[FeedEvent]:
        """The change feed: stored events after a global position, in position order.

        Each is `{"position", "deal", "seq", "type", "v", "at", "section", "data"}`:
        `data` is the event's record (upcast to this release's version) without its
        type and version. Pass the last position seen to read on. The feed reads the
        rows as stored; `npa verify` is what checks their chain.

        Args:
            position: the last position already read (0 for the start).
            limit: at most this many events (1 to 10,000).
            deal: only this deal's events.

        Raises:
            InvalidAction: for a position or limit out of range, naming it.
            BrokenLog: for a stored event that cannot be read.
        """
        from engine.codec import from_record, upgrade
        from engine.status import section_of

        position = _count(position, "after", 0)
        limit = _count(limit, "limit", 1, FEED_LIMIT)
        if deal is not None:
            check_deal_id(deal)
            rows = self._link.read(
                lambda: self._conn.execute(_FEED_OF, (deal, position, limit)).fetchall())
        else:
            rows = self._link.read(lambda: self._conn.execute(_FEED, (position, limit)).fetchall())
        feed: list[FeedEvent] = []
        for at_position, deal_id, seq, kind, _version, at, data in rows:
            try:
                record = upgrade(json.loads(data))
                section = section_of(from_record(record))
            except Exception as exc:  # a row that will not read is a broken log
                raise BrokenLog(f"deal {deal_id!r}: seq {seq} (position {at_position}) cannot "
                                f"be read: {chain._one_line(exc)}") from None
            fields = {k: v for k, v in record.items() if k not in ("type", "v")}
            feed.append({"position": at_position, "deal": deal_id, "seq": seq, "type": kind,
                         "v": record["v"], "at": at, "section": section, "data": fields})
        return feed

    def last_position(self) -> int:
        """The position of the store's latest event (0 for an empty store)."""
        found = self._link.read(
            lambda: self._conn.execute("SELECT MAX(position) FROM events").fetchone())
        return int(found[0] or 0)

    def due(self, until: datetime | str | None = None, *, limit: int | None = None
            ) -> list[DueView]:
        """Each deal's next deadline due at or before `until` (every deal's next one if
        None), earliest first: `{"deal", "due", "what", "kind", "section", "pending"}`.

        Read from the `next_due` table, which every write keeps, so it costs an
        index read however many deals the store holds. `pending` counts the deal's
        pending deadlines; `npa status DEAL` lists them all. Deals last written by a
        release before this table are not listed (`unscheduled()` names them).

        Raises:
            InvalidAction: for a time that does not parse (naming `until`) or a bad limit.
        """
        from engine.clock import parse_time, utc_iso

        bound = None if until is None else utc_iso(parse_time(until, "until"))
        count = None if limit is None else _count(limit, "limit", 1)
        rows = self._link.read(lambda: tables.due(self._conn, bound, count))
        return [{"deal": deal_id, "due": due, "what": what, "kind": kind, "section": section,
                 "pending": pending} for deal_id, due, kind, section, what, pending in rows]

    def unscheduled(self) -> list[str]:
        """Deals whose next deadline is not in the `next_due` table: last written by a
        release before it. `engine.tick` indexes them first (`rebuild_tables`)."""
        return self._link.read(lambda: tables.unscheduled(self._conn))

    def deals(self, state: str | None = None, *, limit: int | None = None,
              after: str | None = None) -> list[DealRow]:
        """The deals in the store in id order: `{"deal", "state", "events"}`, from the query
        tables (no replay).

        Args:
            state: only deals in this lifecycle state ("Outstanding", ...).
            limit: at most this many.
            after: only ids after this one (the last id of the previous page).

        Raises:
            InvalidAction: for an unknown state (naming `state`), a bad limit or id.
        """
        from engine.state import Status

        if state is not None and (not isinstance(state, str)
                                  or state not in {s.value for s in Status}):
            raise InvalidAction(f"{shown(state, 40)} is not a state of the lifecycle "
                                f"({', '.join(s.value for s in Status)})", field="state")
        if after is not None:
            check_deal_id(after, "after")
        count = None if limit is None else _count(limit, "limit", 1)
        rows = self._link.read(lambda: tables.deals(self._conn, state, after, count))
        return [{"deal": deal_id, "state": at_state, "events": seq}
                for deal_id, at_state, seq in rows]

    def export(self, deal_id: str) -> list[str]:
        """The deal's log as JSON lines, rows as stored, after checking it as `load` does
        (`storage.exchange`; `npa export`).

        Raises:
            UnknownDeal, BrokenLog: as `load`.
        """
        from engine.integrity import fold_log
        from storage.exchange import lines_of

        rows, _, _ = self._sound_rows(deal_id)
        fold_log(deal_id, chain.decode(deal_id, rows))
        return lines_of(deal_id, rows)

    def import_log(self, lines: Iterable[str] | str, as_id: str | None = None, *,
                   head: tuple[int, str] | str | None = None) -> ImportReport:
        """Store an exported log (`storage.exchange`, `npa import`) after checking it all.

        Every line is checked (shape, sequence, links, records), then that the events
        fold, and with `head` that the file extends that head as the source's `npa
        verify` printed it. Nothing is stored unless all holds. The rows are stored as
        they were (same versions, same text); with a key they get this store's MACs.

        Args:
            lines: the export's lines (or its whole text).
            as_id: store the deal under this id instead of the one it was exported as.
            head: a head of the source the file must extend: (seq, hash) or "SEQ:HASH".

        Raises:
            BrokenLog: naming the first line that is wrong, or why the events do not fold.
            DealExists: if this store already has a deal with that id.
            InvalidDealId: for an `as_id` outside the bounds.
            InvalidAction: for `lines` that are not text, or a malformed `head`.
        """
        from engine.deal import parse_head
        from engine.integrity import fold_log
        from engine.status import snapshot_of
        from storage import exchange

        anchor = None if head is None else parse_head(head)
        if as_id is not None:
            check_deal_id(as_id, "as_id")
        source, rows = exchange.read_lines(lines)
        if anchor is not None:
            wrong = chain.anchor_problems(rows, anchor)
            if wrong:
                raise BrokenLog(f"deal {source!r}: {wrong[0]}; nothing was imported")
        target = as_id if as_id is not None else source
        ready = exchange.renamed(rows, source, target)
        state = fold_log(target, exchange.events_of(target, ready))
        shown = snapshot_of(state)

        def write() -> None:
            found = self._conn.execute(
                "SELECT 1 FROM events WHERE deal_id = ? LIMIT 1", (target,)).fetchone()
            clash = DealExists(f"deal {target!r} already exists", field="deal")
            if found is not None:
                raise clash
            self._insert(target, 0, GENESIS, ready, lambda: shown, clash)

        self._write(write)
        seq, digest = self.head(target)
        return {"deal": target, "exported_as": source, "events": len(rows),
                "head": {"seq": seq, "hash": digest},
                "source_head": {"seq": rows[-1][0], "hash": rows[-1][6]}}

    def exists(self, deal_id: str) -> bool:
        """Whether the deal has a log."""
        check_deal_id(deal_id)
        return self._link.read(
            lambda: (
                self._conn.execute(
                    "SELECT 1 FROM events WHERE deal_id = ? LIMIT 1", (deal_id,)
                ).fetchone()
                is not None
            )
        )

    def deal_ids(self) -> list[str]:
        """Every deal in the store, sorted."""
        return self._link.read(lambda: tables.deal_ids(self._conn))

    def stored_status(self, deal_id: str) -> dict[str, Any] | None:
        """The deal's status as the query tables hold it, or None for no such deal."""
        check_deal_id(deal_id)
        return self._link.read(lambda: tables.status(self._conn, deal_id))

    def stored_conditions(self, deal_id: str) -> dict[str, str]:
        """Each condition's status (section -> pending/satisfied/waived) as stored."""
        check_deal_id(deal_id)
        return self._link.read(lambda: tables.conditions(self._conn, deal_id))

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._link.close()

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


# The largest integer SQLite stores or binds: a position, seq or limit past it is out of range.
SQLITE_MAX = 2**63 - 1


def _count(value: object, field: str, least: int, most: int = SQLITE_MAX) -> int:
    """A whole number in range, or InvalidAction naming the field."""
    if type(value) is not int or not least <= value <= most:
        bound = f"{least:,} to {most:,}"
        raise InvalidAction(f"expected a whole number {bound}, got {shown(value, 40)}",
                            field=field)
    return value


def _anchor(value: object) -> tuple[int, str]:
    """A head noted earlier, (seq, hash) as `head` gives it, or InvalidAction naming anchor."""
    if (isinstance(value, (tuple, list)) and len(value) == 2
            and type(value[0]) is int and 1 <= value[0] <= SQLITE_MAX
            and isinstance(value[1], str)):
        return value[0], value[1]
    raise InvalidAction(f"expected (seq, hash) as head() gives it, got {shown(value, 40)}",
                        field="anchor")


def _encode(events: Sequence[Event]) -> list[_Row]:
    """Each event's type, version, time and canonical JSON, ready to chain."""
    rows = []
    for event in events:
        record = to_record(event)
        rows.append((record["type"], record["v"], record.get("at"), canonical(record)))
    return rows
