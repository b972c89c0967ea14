"""A writer process for the storage tests: appends to one deal, printing each acked seq.

Usage: python tests/store_writer.py DB DEAL WRITER COUNT [PAUSE [MODE]]

Once the store is open it prints "ready" and waits for a line on stdin, so
that a test can start several writers at the same moment. It then writes
COUNT times, one transaction each, and after each acknowledged write prints
what it wrote and flushes, so a test that kills it knows what was acked; then
it pauses PAUSE seconds (default 0), as a platform does other work between
actions; without a pause one writer tends to win the lock for its whole run.

MODE "append" (the default) appends ClockAdvanced events with the low-level
`SqliteStore.append`, each at a moment unique to WRITER and its index,
reloading on ConcurrencyConflict; it prints the seq it wrote. MODE "act"
takes real actions through `Deal.act` (decided under the write lock):
`record_proceeding` by the court, each with the request_id
"w<WRITER>-<index>" and that as its description; it prints the request_id,
the id of the proceeding made and whether the result was a replay. With
MODE "act", COUNT may be followed by the indexes to write (a retry).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from engine.deal import Deal
from engine.errors import ConcurrencyConflict
from engine.events import ClockAdvanced
from storage import SqliteStore

ROOT = Path(__file__).resolve().parent.parent
START = datetime(1997, 10, 27, tzinfo=ZoneInfo("America/New_York"))
#: The moment every "act" writer's actions carry: all at once, so any order is in time order.
ACT_AT = "1997-10-27T08:00"


def snapshot() -> dict[str, Any]:
    """A fixed status for the query tables."""
    return {"state": "Closed", "conditions": {}}


def moment(writer: int, index: int) -> datetime:
    """The time stamped on the index-th event of this writer: unique across writers."""
    return START + timedelta(minutes=writer * 100_000 + index)


def request_id(writer: int, index: int) -> str:
    """The request_id of a writer's index-th action."""
    return f"w{writer}-{index}"


def append(store: SqliteStore, deal_id: str, writer: int, count: int, pause: float) -> None:
    """Append `count` events to the deal, retrying on conflicts, acking each seq."""
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


def act(store: SqliteStore, deal_id: str, writer: int, indexes: list[int], pause: float) -> None:
    """Record one proceeding per index through Deal.act, acking each request_id."""
    deal = Deal.load(store, deal_id)
    for index in indexes:
        rid = request_id(writer, index)
        result = deal.act({"type": "record_proceeding", "actor": "court", "at": ACT_AT,
                           "description": rid, "request_id": rid})
        if not result.accepted:
            print(f"refused {rid} {result.reasons}", flush=True)
            raise SystemExit(1)
        print(rid, result.created["proceeding"], result.replayed, flush=True)
        if pause:
            time.sleep(pause)


def spawn(path: Path, deal_id: str, writer: int, count: int, pause: float = 0.0,
          mode: str = "append", *indexes: int) -> subprocess.Popen[str]:
    """Start this script as its own process, open and waiting for a line to go (for tests)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, __file__, str(path), deal_id, str(writer), str(count), str(pause),
         mode, *map(str, indexes)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    return process


def go(process: subprocess.Popen[str]) -> None:
    """Let a waiting writer start."""
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()


def main(argv: list[str]) -> None:
    """Open the store, wait for the go line, then write."""
    path, deal_id, writer, count = argv[0], argv[1], int(argv[2]), int(argv[3])
    pause = float(argv[4]) if len(argv) > 4 else 0.0
    mode = argv[5] if len(argv) > 5 else "append"
    with SqliteStore(path) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        if mode == "act":
            indexes = [int(i) for i in argv[6:]] or list(range(count))
            act(store, deal_id, writer, indexes, pause)
        else:
            append(store, deal_id, writer, count, pause)


if __name__ == "__main__":
    main(sys.argv[1:])
