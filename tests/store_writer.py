"""A writer process for tests/test_sqlite_store.py: appends to one deal, printing each acked seq.

Usage: python tests/store_writer.py DB DEAL WRITER COUNT [PAUSE]

Once the store is open it prints "ready" and waits for a line on stdin, so
that a test can start several writers at the same moment. It then appends
COUNT ClockAdvanced events, one per transaction, each at a moment unique to
WRITER and its index. On ConcurrencyConflict it reloads the deal
and tries again, as `Deal` does. After each acknowledged append it prints
the seq it wrote and flushes, so a test that kills it knows what was acked,
then pauses PAUSE seconds (default 0), as a platform does other work between
actions; without a pause one writer tends to win the lock for its whole run.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from engine.errors import ConcurrencyConflict
from engine.events import ClockAdvanced
from storage import SqliteStore

START = datetime(1997, 10, 27, tzinfo=ZoneInfo("America/New_York"))


def snapshot() -> dict[str, Any]:
    """A fixed status for the query tables."""
    return {"state": "Closed", "conditions": {}}


def moment(writer: int, index: int) -> datetime:
    """The time stamped on the index-th event of this writer: unique across writers."""
    return START + timedelta(minutes=writer * 100_000 + index)


def main(path: str, deal_id: str, writer: int, count: int, pause: float = 0.0) -> None:
    """Append `count` events to the deal, retrying on conflicts, acking each seq."""
    with SqliteStore(path) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        seq = len(store.load(deal_id))
        for index in range(count):
            while True:
                try:
                    store.append(deal_id, seq, [ClockAdvanced(at=moment(writer, index))], snapshot)
                except ConcurrencyConflict:
                    seq = len(store.load(deal_id))
                    continue
                seq += 1
                print(seq, flush=True)
                break
            if pause:
                time.sleep(pause)


if __name__ == "__main__":
    pause = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), pause)
