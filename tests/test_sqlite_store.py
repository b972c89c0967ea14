"""SqliteStore beyond the EventLog contract: integrity, durability, concurrency, upgrades."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from store_writer import go, spawn

from engine import codec
from engine.errors import BrokenLog, ConcurrencyConflict, StoreBusy
from engine.events import ClockAdvanced, DealCreated, Event, Signed
from storage import SqliteStore, StorageError, schema
from storage.sqlite import GENESIS, link_hash

ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "store_writer.py"
AT = datetime(1997, 10, 27, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def status(state: str = "Draft", **conditions: str) -> dict[str, Any]:
    """A status as the engine would give it, for the query tables."""
    return {"state": state, "conditions": conditions or {"5.1(d)": "pending"}}


def created(deal_id: str = "d") -> DealCreated:
    """The first event of a deal."""
    return DealCreated(at=None, deal_id=deal_id, terms={"principal": "7500000.00"})


def signatures(count: int) -> list[Event]:
    """Count events of one kind, a minute apart."""
    return [Signed(at=AT + timedelta(minutes=n), party=f"p{n}") for n in range(count)]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where a test's database file lives."""
    return tmp_path / "npa.db"


@pytest.fixture
def store(path: Path) -> Iterator[SqliteStore]:
    """A file store holding deal "d" of five events."""
    with SqliteStore(path) as opened:
        opened.create("d", [created(), *signatures(4)], status)
        yield opened


def tamper(path: Path, sql: str, *parameters: Any) -> None:
    """Run SQL on the file as an attacker would: with raw sqlite3, the triggers dropped for
    the change and then put back as they were."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TRIGGER IF EXISTS events_no_update")
    raw.execute("DROP TRIGGER IF EXISTS events_no_delete")
    raw.execute(sql, parameters)
    for trigger in schema.APPEND_ONLY_EVENTS.values():
        raw.execute(trigger)
    raw.close()


def append_raw(store: SqliteStore, deal_id: str, records: list[dict[str, Any]]) -> None:
    """Chain records onto the deal as an earlier release would have written them."""
    conn = store.db.conn
    row = conn.execute(
        "SELECT seq, hash FROM events WHERE deal_id = ? ORDER BY seq DESC LIMIT 1", (deal_id,)
    ).fetchone()
    seq, head = row if row else (0, GENESIS)
    for record in records:
        seq += 1
        data = codec.canonical(record)
        digest = link_hash(head, deal_id, seq, data)
        conn.execute(
            "INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (deal_id, seq, record["type"], record["v"], record.get("at"), data, head, digest),
        )
        head = digest
    conn.execute(
        "INSERT OR REPLACE INTO deals (deal_id, state, seq, head, status) "
        "VALUES (?, 'Draft', ?, ?, '{}')", (deal_id, seq, head)
    )


def test_the_database_refuses_update_on_events(store: SqliteStore) -> None:
    """An UPDATE on the log is aborted by the database itself."""
    with pytest.raises(sqlite3.IntegrityError, match="events are append-only"):
        store.db.conn.execute("UPDATE events SET data = '{}' WHERE seq = 2")
    assert len(store.load("d")) == 5


def test_the_database_refuses_delete_on_events(store: SqliteStore) -> None:
    """A DELETE on the log is aborted by the database itself."""
    with pytest.raises(sqlite3.IntegrityError, match="events are append-only"):
        store.db.conn.execute("DELETE FROM events WHERE deal_id = 'd'")
    assert len(store.load("d")) == 5


def test_altered_data_makes_load_raise_broken_log_naming_the_seq(
    store: SqliteStore, path: Path
) -> None:
    """A row whose data was changed behind the triggers breaks the chain at that seq."""
    tamper(path, "UPDATE events SET data = replace(data, 'p1', 'p9') WHERE seq = 3")
    with pytest.raises(BrokenLog, match=r"deal 'd': seq 3: hash does not match") as info:
        store.load("d")
    assert "\n" not in str(info.value)
    assert store.chain_problems("d") == ["seq 3: hash does not match the stored event"]


def test_a_rehashed_row_breaks_the_link_to_the_next(store: SqliteStore, path: Path) -> None:
    """Recomputing a tampered row's hash still breaks the next row's prev_hash."""
    data = store.db.execute("SELECT data FROM events WHERE seq = 3").fetchone()[0]
    forged = data.replace("p1", "p9")
    prev = store.db.execute("SELECT hash FROM events WHERE seq = 2").fetchone()[0]
    tamper(
        path,
        "UPDATE events SET data = ?, hash = ? WHERE seq = 3",
        forged,
        link_hash(prev, "d", 3, forged),
    )
    with pytest.raises(BrokenLog, match=r"seq 4: prev_hash"):
        store.load("d")
    assert store.chain_problems("d") == ["seq 4: prev_hash is not the hash of the event before it"]


def test_a_gap_in_the_sequence_is_detected(store: SqliteStore, path: Path) -> None:
    """A deleted event in the middle is reported at the seq after the gap."""
    tamper(path, "DELETE FROM events WHERE seq = 3")
    with pytest.raises(BrokenLog, match=r"deal 'd': seq 4: expected seq 3"):
        store.load("d")
    assert store.chain_problems("d")[:2] == [
        "seq 4: expected seq 3, the sequence has a gap",
        "seq 4: prev_hash is not the hash of the event before it",
    ]


def test_a_truncated_tail_is_detected(store: SqliteStore, path: Path) -> None:
    """Deleting the last events leaves a sound chain that stops short of the deal's head."""
    tamper(path, "DELETE FROM events WHERE seq >= 4")
    with pytest.raises(BrokenLog, match="seq 3: the log ends here but the deal's head is at seq 5"):
        store.load("d")


def test_a_record_of_an_unknown_type_makes_load_raise_broken_log(store: SqliteStore) -> None:
    """A soundly chained record that no event class knows is refused, naming its seq."""
    append_raw(store, "d", [{"type": "comet_struck", "v": 1, "at": None}])
    with pytest.raises(BrokenLog, match=r"deal 'd': seq 6 cannot be read: .*comet_struck"):
        store.load("d")
    assert store.chain_problems("d") == ["seq 6: cannot be read: unknown event type 'comet_struck'"]


def test_a_file_store_uses_wal_and_synchronous_full(store: SqliteStore) -> None:
    """Every open sets WAL, synchronous FULL (2) and foreign keys on the connection."""
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_synchronous_mode_can_be_chosen_and_is_checked(path: Path) -> None:
    """synchronous=NORMAL is set as asked, and an unknown mode is refused."""
    with SqliteStore(path, synchronous="normal") as opened:
        assert opened.db.execute("PRAGMA synchronous").fetchone()[0] == 1
    with pytest.raises(ValueError, match="synchronous"):
        SqliteStore(path, synchronous="FULL; DROP TABLE events")


def test_the_schema_is_strict_and_money_is_never_real(store: SqliteStore) -> None:
    """The events and query tables are STRICT and have no REAL column; conditions is a view."""
    for name in ("events", "deals"):
        assert store.db.table(name).schema.rstrip().endswith("STRICT")
        assert "REAL" not in store.db.table(name).schema
    assert "conditions" in store.db.view_names()


def test_migrations_are_recorded_and_applied_once(store: SqliteStore, path: Path) -> None:
    """Reopening a database applies no step twice and keeps its data."""
    with SqliteStore(path) as again:
        assert len(again.load("d")) == 5
    names = [row[0] for row in store.db.execute("SELECT name FROM _sqlite_migrations")]
    assert names == list(schema.STEPS)
    assert names[:4] == ["0001_events", "0002_events_append_only", "0003_query_tables",
                         "0004_conditions_view"]


def test_the_query_tables_follow_the_snapshot(store: SqliteStore) -> None:
    """Each write replaces the deal's row and its conditions with the latest snapshot."""
    assert store.stored_status("d") == status()
    assert store.stored_conditions("d") == {"5.1(d)": "pending"}
    later = status("ConditionsPending", **{"5.1(a)": "satisfied", "5.1(d)": "waived"})
    store.append("d", 5, [ClockAdvanced(at=AT)], lambda: later)
    assert store.stored_status("d") == later
    assert store.stored_conditions("d") == {"5.1(a)": "satisfied", "5.1(d)": "waived"}
    row = store.db.execute("SELECT state, seq FROM deals WHERE deal_id = 'd'").fetchone()
    assert row == ("ConditionsPending", 6)
    assert store.stored_status("nobody") is None
    assert store.stored_conditions("nobody") == {}


def test_a_stale_append_leaves_the_query_tables_unchanged(store: SqliteStore) -> None:
    """A conflicting append writes no event and no query-table row, and takes no snapshot."""
    taken: list[str] = []

    def snapshot() -> dict[str, Any]:
        taken.append("called")
        return status("Closed")

    with pytest.raises(ConcurrencyConflict):
        store.append("d", 4, [ClockAdvanced(at=AT)], snapshot)
    assert taken == []
    assert store.stored_status("d") == status()
    assert store.stored_conditions("d") == {"5.1(d)": "pending"}
    assert len(store.load("d")) == 5


def test_a_failing_snapshot_rolls_back_the_events_too(store: SqliteStore) -> None:
    """If the query tables cannot be written, the events of that append are not kept either."""

    def broken() -> dict[str, Any]:
        return {"conditions": {}}

    with pytest.raises(TypeError, match="state"):
        store.append("d", 5, [ClockAdvanced(at=AT)], broken)
    assert len(store.load("d")) == 5
    assert store.stored_status("d") == status()
    assert store.chain_problems("d") == []


def test_an_older_event_version_is_upgraded_on_read(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-0 record written by an earlier release loads as today's event."""

    def rename_signer(record: dict[str, Any]) -> dict[str, Any]:
        upgraded = {key: value for key, value in record.items() if key != "signer"}
        return {**upgraded, "party": record["signer"], "v": 1}

    monkeypatch.setitem(codec.UPCASTERS, ("signed", 0), rename_signer)
    append_raw(
        store,
        "d",
        [{"type": "signed", "v": 0, "at": "1997-10-27T16:00:00-04:00", "signer": "guarantor"}],
    )
    assert store.load("d")[-1] == Signed(
        at=datetime.fromisoformat("1997-10-27T16:00:00-04:00"), party="guarantor"
    )
    assert store.chain_problems("d") == []


def test_four_processes_appending_to_one_deal_lose_nothing(path: Path) -> None:
    """Four writers of 100 appends each leave exactly 400 contiguous events and a sound chain."""
    with SqliteStore(path) as opened:
        opened.create("race", [created("race")], status)
    writers = [spawn(path, "race", number, 100, pause=0.001) for number in range(4)]
    for process in writers:
        go(process)
    outcomes = [process.communicate(timeout=60) for process in writers]
    for process, (out, err) in zip(writers, outcomes, strict=True):
        assert process.returncode == 0, err
        assert "OperationalError" not in err
        assert len(out.split()) == 100
    acked = [[int(seq) for seq in out.split()] for out, _ in outcomes]
    assert sorted(seq for seqs in acked for seq in seqs) == list(range(2, 402))
    assert any(seqs[-1] - seqs[0] > 99 for seqs in acked), "the writers never interleaved"
    with SqliteStore(path) as opened:
        events = opened.load("race")
        assert opened.chain_problems("race") == []
    moments = {event.at for event in events[1:]}
    assert len(events) == 401
    assert len(moments) == 400


OPEN_AND_CREATE = """
import sys
from engine.events import DealCreated
from storage import SqliteStore
print("ready", flush=True)
sys.stdin.readline()
with SqliteStore(sys.argv[1]) as store:
    store.create(sys.argv[2], [DealCreated(at=None, deal_id=sys.argv[2], terms={})],
                 lambda: {"state": "Draft", "conditions": {}})
"""


def test_four_processes_opening_a_new_file_at_once_share_one_schema(path: Path) -> None:
    """Processes that create the same new database together each get the schema, applied once."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_CREATE, str(path), f"deal-{number}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for number in range(4)
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    outcomes = [process.communicate("go\n", timeout=30) for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, outcomes
    with SqliteStore(path) as opened:
        assert opened.deal_ids() == ["deal-0", "deal-1", "deal-2", "deal-3"]
        applied = opened.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == len(schema.STEPS)


def test_a_writer_killed_mid_append_keeps_every_acknowledged_event(path: Path) -> None:
    """SIGKILL during a loop of appends leaves a sound log holding every acked seq."""
    with SqliteStore(path) as opened:
        opened.create("kill", [created("kill")], status)
    for round_, wait in enumerate((0.0, 0.003, 0.011)):
        process = spawn(path, "kill", round_, 1_000_000)
        go(process)
        assert process.stdout is not None
        for _ in range(15 + 10 * round_):
            process.stdout.readline()
        time.sleep(wait)
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=10)
        assert process.returncode == -signal.SIGKILL
        acked = [int(line) for line in out.split("\n") if line.strip().isdigit()]
        with SqliteStore(path) as opened:
            events = opened.load("kill")
            assert opened.chain_problems("kill") == []
        assert not acked or acked[-1] <= len(events) <= acked[-1] + 1


def test_a_write_lock_held_past_the_bound_ends_in_store_busy(path: Path) -> None:
    """A write lock held by another connection longer than the lock timeout gives StoreBusy
    (exit 75) after waiting that long, not OperationalError, and nothing is written."""
    with SqliteStore(path, lock_timeout=0.3) as opened:
        opened.create("d", [created()], status)
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            started = time.monotonic()
            with pytest.raises(StoreBusy, match=r"stayed locked .* for 0.3 s") as info:
                opened.append("d", 1, [ClockAdvanced(at=AT)], status)
            assert time.monotonic() - started >= 0.3
            assert "\n" not in str(info.value)
            assert info.value.exit_code == 75
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert len(opened.load("d")) == 1
        opened.append("d", 1, [ClockAdvanced(at=AT)], status)
        assert len(opened.load("d")) == 2


def test_a_file_that_is_not_a_database_raises_storage_error(path: Path) -> None:
    """Opening a file of garbage gives a StorageError, not a sqlite3 exception."""
    path.write_bytes(b"this is not a database, " * 100)
    with pytest.raises(StorageError, match="not a database"):
        SqliteStore(path)


def test_a_closed_store_raises_storage_error(path: Path) -> None:
    """Using a store after close gives a StorageError, not a sqlite3 exception."""
    opened = SqliteStore(path)
    opened.close()
    with pytest.raises(StorageError):
        opened.load("d")


def test_the_stored_data_is_the_canonical_record(store: SqliteStore) -> None:
    """Each row's data is the codec's canonical JSON and its columns agree with it."""
    rows = store.db.execute("SELECT type, v, at, data FROM events WHERE deal_id = 'd'").fetchall()
    for kind, version, at, data in rows:
        record = json.loads(data)
        assert codec.canonical(record) == data
        assert (record["type"], record["v"], record["at"]) == (kind, version, at)


def test_the_light_schema_check_names_every_migration_step() -> None:
    """storage.schema.STEPS is exactly the steps storage.migrations declares, in order."""
    from storage import migrations, schema

    assert migrations.MIGRATIONS.name == schema.SET
    assert tuple(step.name for step in migrations.MIGRATIONS._migrations) == schema.STEPS


def test_a_current_database_opens_without_importing_sqlite_utils(tmp_path: Path) -> None:
    """Once the schema is in place, opening the store spares the sqlite-utils import."""
    import subprocess
    import sys

    path = tmp_path / "light.db"
    SqliteStore(path).close()
    code = ("import sys; from storage import SqliteStore; SqliteStore(sys.argv[1]).close(); "
            "print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "False"
