"""One SQLite connection shared by every thread of a store, and a bounded wait for its locks.

Issue 10 item 8, issue 11 item 3. The connection is opened with
`check_same_thread=False` and guarded by one re-entrant lock, so threads take
turns on it. A write runs in `BEGIN IMMEDIATE` (the database's write lock,
taken before anything is read, so a decision is never made on a state another
writer is changing); waiting for that lock, this store's and the database's
together, lasts at most `lock_timeout` seconds, then `StoreBusy` (exit 75)
with nothing written. Every SQLite error is translated here: `sqlite3`
exceptions never reach a caller.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import NoReturn, TypeVar

from engine.errors import InvalidSetting, StorageError, StoreBusy

T = TypeVar("T")

#: The bound on waiting for the write lock, in seconds, unless the store or NPA_LOCK_TIMEOUT
#: says otherwise (issue 10 item 8).
LOCK_TIMEOUT = 30.0
LOCK_TIMEOUT_ENV = "NPA_LOCK_TIMEOUT"
_LONGEST_TIMEOUT = 24 * 3600.0
#: Seconds as `--lock-timeout` takes them: ASCII digits, an optional fraction, no exponent.
_SECONDS = re.compile(r"\+?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_FIRST_PAUSE, _LONGEST_PAUSE = 0.002, 0.1


def lock_timeout_from(value: float | None) -> float:
    """The write-lock bound: the value given, else NPA_LOCK_TIMEOUT, else 30 seconds.

    Raises:
        InvalidSetting: for a bound that is not a number of seconds from 0 to a day.
    """
    field = "lock_timeout"
    if value is None:
        text = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
        if not text:
            return LOCK_TIMEOUT
        field = LOCK_TIMEOUT_ENV
        if not _SECONDS.fullmatch(text):
            raise InvalidSetting(f"expected a number of seconds written in the digits 0-9, "
                                 f"got {text!r:.40}", field=field)
        value = float(text)
    if (isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value)
            or not 0 <= value <= _LONGEST_TIMEOUT):
        raise InvalidSetting(f"a lock timeout is 0 to {_LONGEST_TIMEOUT:.0f} seconds, "
                             f"not {value!r:.40}", field=field)
    return float(value)


class Connection:
    """A store's connection, its lock, and the bound on waiting for other writers.

    Args:
        path: the database file, or ":memory:".
        lock_timeout: the most seconds a write waits for the write lock, in all.

    Raises:
        StorageError: if the file cannot be opened.
    """

    def __init__(self, path: str, lock_timeout: float) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.lock = threading.RLock()
        try:
            self.conn = sqlite3.connect(path, timeout=lock_timeout, isolation_level=None,
                                        check_same_thread=False)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open {path!r}: {one_line(exc)}") from None
        self._waits = lock_timeout  # what SQLite's busy handler is set to wait

    def write(self, work: Callable[[], T], after: Callable[[], None] | None = None) -> T:
        """Run `work` in a BEGIN IMMEDIATE transaction: commit it, or roll it all back.

        `after` runs once the commit is done, still holding this store's lock.

        Raises:
            StoreBusy: if the write lock was not had within the lock timeout.
            StorageError: for any other SQLite failure.
        """
        deadline = time.monotonic() + self.lock_timeout
        if not self.lock.acquire(timeout=self.lock_timeout):
            self.busy()
        try:
            self._begin(deadline)
            try:
                result = work()
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    # the original error matters; SQLite ends the transaction anyway
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
            if after is not None:
                after()
            return result
        except sqlite3.Error as exc:
            raise StorageError(f"{self.path}: {one_line(exc)}") from None
        finally:
            self.lock.release()

    def read(self, work: Callable[[], T]) -> T:
        """Run `work` under this store's lock, retrying while the database is busy until the
        lock timeout; translate every SQLite error."""
        deadline = time.monotonic() + self.lock_timeout
        pause = _FIRST_PAUSE
        if not self.lock.acquire(timeout=self.lock_timeout):
            self.busy()
        try:
            while True:
                try:
                    return work()
                except sqlite3.OperationalError as exc:
                    if not is_busy(exc):
                        raise StorageError(f"{self.path}: {one_line(exc)}") from None
                except sqlite3.Error as exc:
                    raise StorageError(f"{self.path}: {one_line(exc)}") from None
                if time.monotonic() + pause > deadline:
                    self.busy()
                time.sleep(pause)
                pause = min(pause * 2, _LONGEST_PAUSE)
        finally:
            self.lock.release()

    def _begin(self, deadline: float) -> None:
        """BEGIN IMMEDIATE, waiting for other writers until the deadline."""
        while True:
            self._wait_at_most(max(deadline - time.monotonic(), 0.0))
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise StorageError(f"{self.path}: {one_line(exc)}") from None
            if time.monotonic() >= deadline:
                self.busy()
            time.sleep(_FIRST_PAUSE)

    def _wait_at_most(self, seconds: float) -> None:
        """Let SQLite's busy handler wait this long for a lock (set only when it changes)."""
        if abs(seconds - self._waits) > 0.001:
            self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
            self._waits = seconds

    def busy(self) -> NoReturn:
        """StoreBusy: the write lock was not had within the bound."""
        raise StoreBusy(
            f"the store {self.path} stayed locked by another writer for "
            f"{self.lock_timeout:g} s (the lock timeout); nothing was written, try again"
        )

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()


def is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc)
    return "locked" in text or "busy" in text


def one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__
