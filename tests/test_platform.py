"""What a platform builds on (issue 11 items 7 to 11): the change feed, time across deals,
finding deals, fresh reads, export and import, and upcasts. CLI and Python."""

from __future__ import annotations

import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_run import npa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database, Migrations

from engine import Deal, InvalidAction, tick
from engine.codec import UPCASTERS, canonical, from_record, upcaster
from engine.deal import verify
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.errors import BrokenLog, DealExists, InvalidSetting, NpaError
from engine.events import ClockAdvanced
from storage import SqliteStore, schema
from storage.exchange import export_deal
from storage.migrations import EVENTS_0009, MIGRATIONS
from storage.sqlite import FEED_LIMIT

ROOT = Path(__file__).resolve().parent.parent
#: Any value a caller might pass.
anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from([2**63 - 1, 2**63, -(2**63) - 1, 10**30])
    | st.binary(max_size=10) | st.sampled_from(["d", "1998-06-01T00:00", "company",
                                                 "Outstanding", '{"deal": "d"}']),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5)
#: 1998-06-01: the first quarter's report deadline (1997-11-25) has passed by then.
LATER = "1998-06-01T00:00"


def outstanding(store: SqliteStore, deal_id: str) -> Deal:
    """A deal signed, closed and settled: Outstanding, with its deadlines pending."""
    deal = Deal.create(store, deal_id)
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    return deal


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store file with two Outstanding deals, a and b."""
    path = tmp_path / "npa.db"
    with SqliteStore(path) as store:
        outstanding(store, "a")
        outstanding(store, "b")
    return path


# --- 7. the change feed ---------------------------------------------------------------


def test_every_event_has_a_global_position_in_commit_order(db: Path) -> None:
    """Positions run 1, 2, 3 ... across deals in the order the events were stored."""
    with SqliteStore(db) as store:
        feed = store.events_since(0, limit=10_000)
        size = len(store.load("a"))
        assert [e["position"] for e in feed] == list(range(1, 2 * size + 1))
        assert [e["deal"] for e in feed] == ["a"] * size + ["b"] * size
        assert [e["seq"] for e in feed[:size]] == list(range(1, size + 1))
        first = feed[0]
        assert set(first) == {"position", "deal", "seq", "type", "v", "at", "section", "data"}
        assert first["type"] == "deal_created" and first["section"] == "preamble"
        assert first["data"]["deal_id"] == "a"
        # The sections are the timeline's, without replaying the deal.
        assert [e["section"] for e in feed[:size]] == [
            t["section"] for t in Deal.load(store, "a").timeline()]
        assert store.last_position() == 2 * size


def test_the_feed_reads_on_from_a_position_with_a_limit_and_per_deal(db: Path) -> None:
    """after + limit page through the feed; a deal's events alone on request."""
    with SqliteStore(db) as store:
        page = store.events_since(3, limit=2)
        assert [e["position"] for e in page] == [4, 5]
        only_b = store.events_since(0, limit=5, deal="b")
        assert {e["deal"] for e in only_b} == {"b"} and only_b[0]["seq"] == 1
        Deal.load(store, "a").act({"type": "advance", "actor": "company", "at": LATER})
        new = store.events_since(store.last_position() - 1)
        assert len(new) == 1 and new[0]["deal"] == "a"


@pytest.mark.parametrize(("given", "field"), [
    ({"position": -1}, "after"), ({"limit": 0}, "limit"), ({"limit": 10_001}, "limit"),
    ({"position": "3"}, "after"), ({"limit": True}, "limit"), ({"position": 2**63}, "after"),
    ({"position": 10**30}, "after")])
def test_a_bad_position_or_limit_is_invalid_input(db: Path, given: dict[str, Any],
                                                  field: str) -> None:
    """Out of range or of the wrong type: InvalidAction naming it. A position past the
    largest integer SQLite holds (2**63 - 1) is out of range, not an OverflowError."""
    with SqliteStore(db) as store, pytest.raises(InvalidAction) as caught:
        store.events_since(**given)
    assert caught.value.field == field


def test_the_largest_position_sqlite_holds_is_read_and_finds_nothing(db: Path) -> None:
    """2**63 - 1 is a position SQLite can compare: nothing is after it."""
    with SqliteStore(db) as store:
        assert store.events_since(2**63 - 1) == []


@pytest.mark.parametrize("call", [
    lambda store: store.due(None, limit=2**63), lambda store: store.deals(limit=2**63),
    lambda store: store.deals(limit=10**40), lambda store: store.events_after("a", 2**63)])
def test_counts_past_what_sqlite_holds_are_invalid_input(db: Path, call: Any) -> None:
    """A limit or seq of 2**63 or more: InvalidAction naming it, not an OverflowError."""
    with SqliteStore(db) as store, pytest.raises(InvalidAction, match="9,223,372,036,854,775,807"):
        call(store)


def test_a_page_after_a_bad_id_names_after(db: Path) -> None:
    """`deals(after=...)` names `after`, not `deal`, for an id that is not one."""
    with SqliteStore(db) as store:
        for bad in ("bad id", 5, ""):
            with pytest.raises(NpaError) as caught:
                store.deals(after=bad)  # type: ignore[arg-type]
            assert caught.value.field == "after"


def test_an_existing_database_migrates_and_its_events_get_positions(tmp_path: Path) -> None:
    """A database written by the release before (six schema steps) opens, and its events
    take positions in the order they were written; the append-only triggers are as made."""
    path = tmp_path / "old.db"
    build_old_release_db(path)
    with SqliteStore(path) as store:
        feed = store.events_since(0)
        assert [(e["deal"], e["seq"]) for e in feed] == [("x", 1), ("x", 2), ("y", 1),
                                                          ("x", 3)]
        assert [e["position"] for e in feed] == [1, 2, 3, 4]
        assert store.chain_problems("x") == []  # the triggers are back, word for word
        # Not indexed yet for `due`: verify says so, --rebuild-tables mends it.
        assert store.unscheduled() == ["x", "y"]
        assert verify(store, "x") == [
            "query tables differ from the replayed log in: next_deadline"]
        from engine.deal import rebuild_tables

        assert rebuild_tables(store, "x") == ["next_deadline"]
        assert verify(store, "x") == [] and store.unscheduled() == ["y"]
        # New events go after the old ones.
        Deal.load(store, "y").act({"type": "sign", "actor": "company",
                                   "at": "1997-10-27T09:00"})
        assert store.events_since(4)[0]["position"] == 5


KEY = b"a key of sixteen bytes or more"
_EVENT_COLUMNS = "deal_id, seq, type, v, at, data, prev_hash, hash, mac, position"


def test_a_store_of_the_release_before_gets_positions_as_its_rowid(tmp_path: Path) -> None:
    """A file at schema step 0008 (a unique index on `position`) opens: step 0009 rebuilds
    the events table with `position` as its INTEGER PRIMARY KEY, every row kept with its
    position, MAC and text; the triggers, the (deal_id, seq) key, the feed, verify, export
    and import work as before, new events take the next position, VACUUM keeps them."""
    path = tmp_path / "0008.db"
    model = build_0008_db(path)
    before = sqlite3.connect(path)
    rows = before.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY position").fetchall()
    assert "events_by_position" in {name for (name,) in before.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    before.close()
    with SqliteStore(path, key=KEY) as store:
        raw = store._conn
        assert raw.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY position"
                           ).fetchall() == rows
        assert store.events_since(0, limit=FEED_LIMIT) == model.events_since(0, limit=FEED_LIMIT)
        assert store.last_position() == model.last_position() == len(rows)
        assert raw.execute("SELECT sql FROM sqlite_master WHERE name = 'events'"
                           ).fetchone() == (EVENTS_0009,)
        assert [name for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'events' AND type = 'index'")
        ] == ["sqlite_autoindex_events_1"]  # (deal_id, seq); no index on position
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%before%'"
                           ).fetchone() == (0,)  # the old table is gone
        for deal_id in ("a", "b"):
            assert store.chain_problems(deal_id) == []  # the triggers too, word for word
            assert verify(store, deal_id) == []
        for sql in ("UPDATE events SET data = '{}' WHERE position = 1",
                    "DELETE FROM events WHERE position = 1"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                raw.execute(sql)
        with pytest.raises(sqlite3.IntegrityError):  # the (deal_id, seq) key holds
            raw.execute(f"INSERT INTO events ({_EVENT_COLUMNS}) SELECT deal_id, seq, type, v, "
                        "at, data, prev_hash, hash, mac, NULL FROM events WHERE position = 1")
        deal = Deal.load(store, "a")
        assert deal.act({"type": "advance", "actor": "company",
                         "at": "1997-12-01T09:00"}).accepted
        added = store.events_since(len(rows))
        assert [e["position"] for e in added] == list(range(len(rows) + 1,
                                                            len(rows) + 1 + len(added)))
        assert added and all(e["deal"] == "a" for e in added)
        store.import_log(store.export("b"), as_id="c")
        assert verify(store, "c") == []
        feed = store.events_since(0, limit=FEED_LIMIT)
    vacuumed = sqlite3.connect(path)
    vacuumed.execute("VACUUM")
    vacuumed.close()
    with SqliteStore(path, key=KEY) as store:
        assert store.events_since(0, limit=FEED_LIMIT) == feed
        assert all(verify(store, deal_id) == [] for deal_id in ("a", "b", "c"))
    model.close()


def test_a_new_store_has_the_events_table_of_step_0009(tmp_path: Path) -> None:
    """A new store and a migrated one hold the same events table, `position` its rowid."""
    with SqliteStore(tmp_path / "new.db") as store:
        assert store._conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'"
                                   ).fetchone() == (EVENTS_0009,)
        pk = [(name, key) for _, name, _, _, _, key
              in store._conn.execute("PRAGMA table_info(events)") if key]
        assert pk == [("position", 1)]


def build_0008_db(path: Path) -> SqliteStore:
    """A keyed store file as the release before this one left it (steps 0001-0008): two
    deals acted on in turn, their rows inserted as that release did (each taking
    MAX(position) + 1, under a unique index on position), their query-table rows and next
    deadlines. Returns the same deals in a current in-memory store, to compare with."""
    model = SqliteStore(":memory:", key=KEY)
    a, b = Deal.create(model, "a"), Deal.create(model, "b")
    for action in SIGNING_TO_OUTSTANDING:
        assert a.act(action).accepted and b.act(action).accepted
    conn = sqlite3.connect(path)
    MIGRATIONS.apply(Database(conn), stop_before="0009_positions_as_rowid")
    for row in model._conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY position"):
        conn.execute("INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash, "
                     "mac, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "(SELECT COALESCE(MAX(position), 0) + 1 FROM events))", row[:-1])
    for table in ("deals", "next_due"):
        for row in model._conn.execute(f"SELECT * FROM {table}"):
            conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
    conn.commit()
    conn.close()
    return model


def written_btrees(path: Path, act: Any) -> set[str]:
    """The tables and indexes whose pages the commit of `act()` wrote to the WAL (empty when
    it began): each frame is a 24-byte header, its page number first, then the page."""
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        act()
        wal = Path(f"{path}-wal").read_bytes()
        size = int.from_bytes(wal[8:12], "big")
        numbers = {int.from_bytes(wal[at:at + 4], "big")
                   for at in range(32, len(wal) - 23, 24 + size)}
        names = dict(raw.execute("SELECT pageno, name FROM dbstat"))
    finally:
        raw.close()
    return {names.get(number, f"page {number}") for number in numbers}


def test_an_action_writes_the_log_and_the_deals_row_and_nothing_else(tmp_path: Path) -> None:
    """The commit of an accepted action that leaves the next deadline as it was writes the
    pages of the events table, its (deal_id, seq) key and the deals row: not the
    `next_due` table or its index, and there is no index on position to write (issue 11
    item 13: each page is more to sync). The header page, when the file grows, aside."""
    path = tmp_path / "npa.db"
    with SqliteStore(path) as store:
        deal = outstanding(store, "a")
        before = store.due()
        clock = deal.state.clock
        assert clock is not None and before
        for minutes in range(1, 6):
            action = {"type": "advance", "actor": "company",
                      "at": (clock + timedelta(minutes=minutes)).isoformat()}
            written = written_btrees(path, functools.partial(deal.act, action))
            assert written - {"sqlite_schema"} == {"events", "sqlite_autoindex_events_1",
                                                   "deals"}
        assert store.due() == before and verify(store, "a") == []


def build_old_release_db(path: Path) -> None:
    """A store as the previous release left it: steps 0001-0006, rows without positions,
    deals rows without next deadlines, and clock_advanced events of version 1."""
    old = Migrations("npa.storage")
    for step in MIGRATIONS._migrations[:6]:
        old(name=step.name)(step.fn)
    conn = sqlite3.connect(path)
    old.apply(Database(conn))
    heads: dict[str, tuple[int, str]] = {}
    fresh = SqliteStore(":memory:")
    x, y = Deal.create(fresh, "x"), Deal.create(fresh, "y")
    x.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    records = {"x": [*x.records(), {"type": "clock_advanced", "v": 1,
                                    "at": "1997-10-27T15:00:00+00:00"}],
               "y": y.records()}
    from storage.chain import GENESIS, link_hash

    order = [("x", 0), ("x", 1), ("y", 0), ("x", 2)]
    for deal_id, index in order:
        record = dict(records[deal_id][index])
        seq, head = heads.get(deal_id, (0, GENESIS))
        data = canonical(record)
        digest = link_hash(head, deal_id, seq + 1, data)
        conn.execute("INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (deal_id, seq + 1, record["type"], record["v"], record.get("at"), data,
                      head, digest))
        heads[deal_id] = (seq + 1, digest)
    from engine.integrity import fold_log
    from engine.status import snapshot_of

    for deal_id, (seq, head) in heads.items():
        events = [from_record(r) for r in records[deal_id]]
        status = snapshot_of(fold_log(deal_id, events))
        del status["next_deadline"]  # the release before did not have it
        conn.execute("INSERT INTO deals (deal_id, state, seq, head, status) VALUES (?, ?, ?, ?, ?)",
                     (deal_id, status["state"], seq, head, canonical(status)))
    conn.commit()
    conn.close()
    fresh.close()


def test_npa_events_prints_the_feed_as_one_json_document(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`npa events --json`: the events and the last position, to read on from."""
    code, out, _ = npa(capsys, "events", "--after", "2", "--limit", "3", "--db", str(db),
                       "--json")
    data = json.loads(out)
    assert code == 0 and [e["position"] for e in data["events"]] == [3, 4, 5]
    assert data["position"] == 5
    code, out, _ = npa(capsys, "events", "b", "--limit", "1", "--db", str(db), "--json")
    assert json.loads(out)["events"][0]["deal"] == "b"
    code, out, _ = npa(capsys, "events", "--limit", "2", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 2 and "deal_created (preamble)" in out


@pytest.mark.parametrize("args", [["--after", "-1"], ["--limit", "0"], ["--limit", "x"],
                                  ["no-such-deal"], ["bad id!"], ["--interval", "0"],
                                  ["--after", "9223372036854775808"],
                                  ["a", "--after", str(10**30)]])
def test_npa_events_bad_options_are_one_line(db: Path, capsys: pytest.CaptureFixture[str],
                                             args: list[str]) -> None:
    """Exit 2 for a bad option or id, 2 for no such deal; one line, no traceback."""
    code, _out, err = npa(capsys, "events", *args, "--db", str(db))
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("npa: error:")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_npa_events_follow_streams_new_events_until_stopped(db: Path, stop: int) -> None:
    """A follower started at the end sees an event appended by another process, one JSON
    object a line, and stops on SIGINT or SIGTERM (a supervisor's stop) with exit 0."""
    with SqliteStore(db) as store:
        last = store.last_position()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    follower = subprocess.Popen(
        [sys.executable, "-c", "from engine.cli import entry; entry()", "events", "--after",
         str(last), "--follow", "--interval", "0.05", "--db", str(db), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        with SqliteStore(db) as store:
            Deal.load(store, "b").act({"type": "advance", "actor": "company", "at": LATER})
            added = len(store.events_since(last))
        assert follower.stdout is not None
        lines = [json.loads(follower.stdout.readline()) for _ in range(added)]
        assert [e["position"] for e in lines] == list(range(last + 1, last + added + 1))
        assert {e["deal"] for e in lines} == {"b"}
    finally:
        follower.send_signal(stop)
        _, err = follower.communicate(timeout=30)
    assert follower.returncode == 0, err


# --- 8. time across deals -------------------------------------------------------------


def test_due_lists_each_deals_next_deadline_from_the_index(db: Path) -> None:
    """store.due: deal, due (UTC), what, kind, section, pending; by a moment or all."""
    with SqliteStore(db) as store:
        rows = store.due()
        assert [r["deal"] for r in rows] == ["a", "b"]
        first = rows[0]
        assert first["due"].endswith("+00:00") and first["section"] and first["what"]
        assert first["pending"] == len(Deal.load(store, "a").state.deadlines)
        assert store.due("1997-10-28T00:00") == []
        assert len(store.due(LATER)) == 2
        with pytest.raises(InvalidAction, match="until"):
            store.due("tomorrow")


def test_due_stays_current_with_each_write(db: Path) -> None:
    """After a deal is advanced past its deadline, its row names the next one."""
    with SqliteStore(db) as store:
        before = store.due()[0]["due"]
        Deal.load(store, "a").act({"type": "advance", "actor": "company", "at": LATER})
        rows = {r["deal"]: r for r in store.due()}
        assert rows["a"]["due"] > LATER > before == rows["b"]["due"]
        status = Deal.load(store, "a").status()
        assert rows["a"]["what"] == status["deadlines"][0]["description"]


def test_tick_advances_both_deals_each_in_its_own_transaction(db: Path) -> None:
    """engine.tick moves every due deal to the moment, and a retry is replayed."""
    with SqliteStore(db) as store:
        held = Deal.load(store, "a")
        results = tick(store, LATER)
        assert [(r["deal"], r["accepted"], r["error"]) for r in results] == [
            ("a", True, None), ("b", True, None)]
        assert all(r["consequences"] for r in results)
        for deal_id in ("a", "b"):
            deal = Deal.load(store, deal_id)
            assert deal.state.clock is not None and deal.state.clock.isoformat().startswith(
                "1998-06-01T04:00")
            assert isinstance(deal.events[-1], ClockAdvanced)
            assert deal.events[-1].actor == "company"
        assert store.due(LATER) == []
        assert tick(store, LATER) == []
        # A Deal held across the tick was stale; refresh reads what the tick appended.
        assert held.refresh() > 0 and held.state.seq == Deal.load(store, "a").state.seq


def test_one_deals_broken_log_does_not_stop_the_tick_of_another(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Deal a's last event is rewritten in the file: the tick reports a as not advanced
    (BrokenLog, exit 1 for the command) and still advances b."""
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("DROP TRIGGER events_no_update")
    raw.execute("UPDATE events SET data = replace(data, 'company', 'purchaser') "
                "WHERE deal_id = 'a' AND seq = 2")
    raw.execute(schema.APPEND_ONLY_EVENTS["events_no_update"])
    raw.close()
    code, out, _err = npa(capsys, "tick", LATER, "--db", str(db), "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    a, b = data["deals"]
    assert a["deal"] == "a" and a["error"]["type"] == "BrokenLog" and a["accepted"] is False
    assert set(a["error"]) == {"type", "message", "field", "exit_code"}, "every --json error's"
    assert b["deal"] == "b" and b["accepted"] and b["error"] is None and b["consequences"]
    code, out, _ = npa(capsys, "tick", "1998-06-02T00:00", "--db", str(db))
    assert code == 1 and out.startswith("a: not advanced: deal 'a': seq 2")


def test_a_tick_on_a_busy_store_waits_once_and_asks_to_be_tried_again(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the store's write lock past the bound. The first due deal waits
    for it and is not advanced (StoreBusy); the store has one write lock, so the others are
    not made to wait again and are reported not advanced for the same reason; nothing is
    written, and `npa tick` exits 75, try again, as every busy command does."""
    from storage import connection

    waits = [0]
    write = connection.Connection.write

    def counted(self: Any, work: Any, after: Any = None) -> Any:
        waits[0] += 1
        return write(self, work, after)

    monkeypatch.setattr(connection.Connection, "write", counted)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = npa(capsys, "--lock-timeout", "0.2", "tick", LATER, "--db", str(db),
                             "--json")
        with SqliteStore(db, lock_timeout=0.2) as store:
            results = tick(store, LATER)
    finally:
        holder.rollback()
        holder.close()
    data = json.loads(out)
    assert code == 75 and data["ok"] is False, err
    assert [(r["deal"], r["error"]["type"], r["error"]["exit_code"])
            for r in data["deals"]] == [("a", "StoreBusy", 75), ("b", "StoreBusy", 75)]
    assert "not tried" in data["deals"][1]["error"]["message"]
    assert [r["error"]["type"] for r in results if r["error"]] == ["StoreBusy", "StoreBusy"]
    assert waits[0] == 2, "one wait for the lock a tick, not one a deal"
    monkeypatch.undo()
    with SqliteStore(db) as store:
        assert len(store.due(LATER)) == 2, "nothing was written"
    code, _, _ = npa(capsys, "tick", LATER, "--db", str(db))
    assert code == 0


def test_npa_due_and_tick_print_text_and_json(db: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """`npa due` lists, `npa tick` advances and prints consequences, `npa due` is then
    empty by that moment."""
    code, out, _ = npa(capsys, "due", "--until", LATER, "--db", str(db), "--json")
    data = json.loads(out)
    assert code == 0 and [r["deal"] for r in data["due"]] == ["a", "b"]
    code, out, _ = npa(capsys, "due", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 2 and "(6.1" in out
    code, out, _ = npa(capsys, "tick", LATER, "--db", str(db))
    assert code == 0 and out.startswith("a: Default") and "\nb: Default" in out
    code, out, _ = npa(capsys, "due", "--until", LATER, "--db", str(db), "--json")
    assert json.loads(out)["due"] == []
    code, out, _ = npa(capsys, "tick", LATER, "--db", str(db))
    assert code == 0 and out.strip() == f"nothing due by {LATER}"


@pytest.mark.parametrize("args", [["due", "--until", "soon"], ["tick", "soon"], ["tick"],
                                  ["tick", LATER, "--actor", "nobody"],
                                  ["due", "--limit", "0"]])
def test_due_and_tick_bad_options_are_one_line_exit_2(
        db: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    """A time that does not parse, a missing T, an unknown actor: one line, exit 2."""
    code, _, err = npa(capsys, *args, "--db", str(db))
    assert code == 2 and len(err.strip().splitlines()) == 1


# --- 9. finding deals -----------------------------------------------------------------


def test_deals_by_state_with_pages(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """store.deals and `npa deals`: id order, a state filter, --limit and --after."""
    with SqliteStore(db) as store:
        Deal.create(store, "c")
        assert [r["deal"] for r in store.deals()] == ["a", "b", "c"]
        assert [r["deal"] for r in store.deals("Outstanding")] == ["a", "b"]
        assert store.deals("Drafted") == [{"deal": "c", "state": "Drafted", "events": 1}]
        assert [r["deal"] for r in store.deals(limit=1, after="a")] == ["b"]
        with pytest.raises(InvalidAction, match="state"):
            store.deals("Bogus")
    code, out, _ = npa(capsys, "deals", "--state", "Outstanding", "--limit", "1", "--after",
                       "a", "--db", str(db), "--json")
    with SqliteStore(db) as store:
        events = len(store.load("b"))
    assert code == 0 and json.loads(out) == [{"deal": "b", "state": "Outstanding",
                                              "events": events}]
    code, _, err = npa(capsys, "deals", "--state", "Bogus", "--db", str(db))
    assert code == 2 and "state" in err
    code, _, err = npa(capsys, "deals", "--after", "bad id", "--db", str(db))
    assert code == 2 and err.startswith("npa: error: after: ")
    code, _, err = npa(capsys, "deals", "--db", str(db.parent / "none.db"))
    assert code == 2 and not (db.parent / "none.db").exists()


# --- 10. fresh reads ------------------------------------------------------------------


def test_refresh_brings_a_held_deal_up_to_date_reading_only_new_events(db: Path) -> None:
    """A Deal held while another acts is stale; refresh folds in only the new events."""
    with SqliteStore(db) as store, SqliteStore(db) as other:
        held = Deal.load(store, "a")
        seq = held.state.seq
        Deal.load(other, "a").act({"type": "pay", "actor": "company", "at": "1998-02-02T10:00",
                                   "purpose": "interest", "amount": "205625.00"})
        paid = Deal.load(store, "a").status()["balances"]
        assert held.status()["balances"] != paid  # stale: it has not seen the payment
        assert held.state.seq == seq
        assert held.refresh() == len(other.load("a")) - seq
        assert held.status() == Deal.load(store, "a").status()
        assert held.refresh() == 0


def test_refresh_refuses_a_log_that_was_cut_short(db: Path) -> None:
    """Events removed under a held Deal: refresh raises BrokenLog."""
    with SqliteStore(db) as store:
        held = Deal.load(store, "a")
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("DROP TRIGGER events_no_delete")
    raw.execute("DELETE FROM events WHERE deal_id = 'a' AND seq > 3")
    raw.execute(schema.APPEND_ONLY_EVENTS["events_no_delete"])
    raw.close()
    with SqliteStore(db) as store:
        held._store = store  # the held deal reads through a live store
        with pytest.raises(BrokenLog):
            held.refresh()


def test_refresh_on_a_memory_deal_is_a_no_op() -> None:
    """A deal held only in memory is its own log: nothing to read."""
    deal = Deal.create(None, "what-if")
    assert deal.refresh() == 0


# --- 11. export and import, upcasts ---------------------------------------------------


def test_export_then_import_keeps_the_log_and_its_head(db: Path, tmp_path: Path) -> None:
    """Same rows, same versions, same hashes: the source's anchor holds in the new store."""
    with SqliteStore(db) as store:
        lines = store.export("a")
        head = store.head("a")
        status = Deal.load(store, "a").status()
    assert all(set(json.loads(line)) == {"deal", "seq", "type", "v", "at", "data",
                                          "prev_hash", "hash"} for line in lines)
    with SqliteStore(tmp_path / "other.db") as other:
        report = other.import_log(lines, head=head)
        assert report["head"] == {"seq": head[0], "hash": head[1]}
        assert Deal.load(other, "a").status() == status
        assert verify(other, "a", head) == []
        with pytest.raises(DealExists):
            other.import_log(lines)
        renamed = other.import_log(lines, "a-copy")
        assert renamed["deal"] == "a-copy" and renamed["head"]["hash"] != head[1]
        assert Deal.load(other, "a-copy").state.deal_id == "a-copy"
        assert verify(other, "a-copy") == []


def test_a_tampered_line_is_one_line_and_nothing_is_stored(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One changed event in the file: exit 1 naming the line; the target store stays empty."""
    source = tmp_path / "a.jsonl"
    code, _, _ = npa(capsys, "export", "a", "--out", str(source), "--db", str(db))
    assert code == 0
    lines = source.read_text().splitlines()
    at = next(n for n, line in enumerate(lines) if n and "7500000.00" in line)
    forged = json.loads(lines[at])
    forged["data"] = forged["data"].replace("7500000.00", "1.00")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([*lines[:at], json.dumps(forged), *lines[at + 1:]]) + "\n")
    target = tmp_path / "target.db"
    code, _, err = npa(capsys, "import", str(bad), "--db", str(target))
    assert code == 1 and err.strip().splitlines() == [
        f"npa: error: line {at + 1}: hash does not match the event's data (the line was "
        "changed)"]
    assert not target.exists(), "a failed import onto a new path leaves no database"
    # A good copy whose hashes were all recomputed still fails against the source's head.
    code, out, _ = npa(capsys, "verify", "a", "--db", str(db), "--json")
    head = json.loads(out)["head"]
    truncated = tmp_path / "short.jsonl"
    truncated.write_text("\n".join(lines[:5]) + "\n")
    code, _, err = npa(capsys, "import", str(truncated), "--head",
                       f"{head['seq']}:{head['hash']}", "--db", str(target))
    assert code == 1 and "events were removed" in err
    code, out, _ = npa(capsys, "import", str(source), "--as", "copy", "--db", str(target),
                       "--json")
    assert code == 0 and json.loads(out)["deal"] == "copy"


@pytest.mark.parametrize("content", ["", "not json\n", '{"deal": "a"}\n'])
def test_a_failed_import_or_create_onto_a_new_path_makes_no_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    """`npa import` and `npa new` may make the database they are given; when they fail
    they leave none (nor its -wal or -shm), as every other command leaves none."""
    export = tmp_path / "export.jsonl"
    export.write_text(content)
    target = tmp_path / "new.db"
    code, _, err = npa(capsys, "import", str(export), "--db", str(target))
    assert code in (1, 2) and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl"]
    terms = tmp_path / "terms.toml"
    terms.write_text(content + "rate = [\n")
    code, _, err = npa(capsys, "new", "d", "--terms", str(terms), "--db", str(target))
    assert code == 2 and err.startswith("npa: error: terms"), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl", "terms.toml"]


def test_a_failed_import_into_an_existing_database_keeps_it(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only a database the command made is removed: an existing one stays, as it was."""
    export = tmp_path / "export.jsonl"
    export.write_text("not json\n")
    code, _, _ = npa(capsys, "import", str(export), "--db", str(db))
    assert code == 1
    with SqliteStore(db) as store:
        assert store.deal_ids() == ["a", "b"]


@pytest.mark.parametrize("line", ["not json", "[]", '{"deal": "a"}'])
def test_a_garbled_export_is_a_broken_log_naming_the_line(tmp_path: Path, line: str) -> None:
    """Whatever is wrong with a line, it is named, and nothing is stored."""
    with SqliteStore(tmp_path / "t.db") as store:
        with pytest.raises(BrokenLog, match=r"^line 1: "):
            store.import_log([line])
        assert store.deal_ids() == []


def test_an_unfoldable_export_is_refused(tmp_path: Path) -> None:
    """A chain that holds but cannot be replayed (a what-if deal edited and re-chained) is
    refused: import replays before it stores."""
    deal = Deal.create(None, "w")
    deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    deal.act({"type": "advance", "actor": "company", "at": "1997-10-28T09:00"})
    rows = [json.loads(line) for line in export_deal(deal)]
    # Re-chain with the advance moved before the signature (time order broken).
    from storage.chain import GENESIS, link_hash

    early = json.loads(rows[2]["data"])
    early["at"] = "1997-10-26T14:00:00+00:00"
    rows[2]["data"], rows[2]["at"] = canonical(early), early["at"]
    prev = GENESIS
    for row in rows:
        row["prev_hash"], row["hash"] = prev, link_hash(prev, "w", row["seq"], row["data"])
        prev = row["hash"]
    with SqliteStore(tmp_path / "t.db") as store:
        with pytest.raises(BrokenLog, match="before the event it follows"):
            store.import_log([json.dumps(r) for r in rows])
        assert store.deal_ids() == []


def test_a_what_if_deal_is_saved_through_an_export(tmp_path: Path) -> None:
    """Deal.create(None, ...) held in memory, exported and imported: the same deal, stored."""
    sim = Deal.create(None, "what-if")
    for action in SIGNING_TO_OUTSTANDING:
        assert sim.act(action).accepted
    with SqliteStore(tmp_path / "t.db") as store:
        store.import_log(export_deal(sim))
        saved = Deal.load(store, "what-if")
        assert saved.status() == sim.status()
        assert verify(store, "what-if") == []


def test_a_keyed_store_re_keys_an_import(db: Path, tmp_path: Path) -> None:
    """The file carries no MACs; a keyed store seals what it imports with its own key."""
    with SqliteStore(db) as store:
        lines = store.export("a")
    key = b"k" * 32
    with SqliteStore(tmp_path / "keyed.db", key=key) as keyed:
        keyed.import_log(lines)
        assert keyed.sealed("a") and verify(keyed, "a") == []
        relines = keyed.export("a")
    assert all("mac" not in json.loads(line) for line in relines)
    with SqliteStore(tmp_path / "keyed.db", key=b"o" * 32) as wrong:
        assert verify(wrong, "a") != []


def test_npa_export_json_is_one_document(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`npa export DEAL --json`: the deal, its head and the lines as objects."""
    code, out, _ = npa(capsys, "export", "a", "--db", str(db), "--json")
    data = json.loads(out)
    assert code == 0 and data["events"] == len(data["lines"]) == data["head"]["seq"]
    code, out, _ = npa(capsys, "export", "a", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == data["events"]
    code, _, err = npa(capsys, "export", "nope", "--db", str(db))
    assert code == 2 and len(err.splitlines()) == 1
    code, _, err = npa(capsys, "import", str(db.parent / "missing.jsonl"), "--db", str(db))
    assert code == 2 and "file" in err
    code, _, err = npa(capsys, "import", "-", "--as", "bad id", "--db", str(db))
    assert code == 2 and "deal" in err


def test_clock_advanced_v1_rows_are_upcast_on_read(tmp_path: Path) -> None:
    """A row written as clock_advanced v1 (no actor) reads as v2 with actor None, through
    the registered step; without it, the row is a broken log."""
    path = tmp_path / "old.db"
    build_old_release_db(path)
    with SqliteStore(path) as store:
        last = store.load("x")[-1]
        assert isinstance(last, ClockAdvanced) and last.actor is None
        assert Deal.load(store, "x").records()[-1]["v"] == 2
        feed = store.events_since(3)
        assert feed[0]["type"] == "clock_advanced" and feed[0]["v"] == 2
        assert feed[0]["data"]["actor"] is None
    step = UPCASTERS.pop(("clock_advanced", 1))
    try:
        with SqliteStore(path) as store, pytest.raises(BrokenLog, match="no upgrade"):
            store.load("x")
    finally:
        UPCASTERS[("clock_advanced", 1)] = step


def test_upcaster_registers_a_step_and_refuses_a_wrong_one() -> None:
    """The decorator checks its tag and version, and sets the record's next version."""
    with pytest.raises(InvalidSetting, match="no event type"):
        upcaster("no_such_event", 1)
    with pytest.raises(InvalidSetting, match="version"):
        upcaster("clock_advanced", 2)
    with pytest.raises(InvalidSetting, match="twice"):
        upcaster("clock_advanced", 1)(lambda record: record)
    step = UPCASTERS[("clock_advanced", 1)]
    assert step({"type": "clock_advanced", "v": 1, "at": None})["v"] == 2


def test_tick_needs_a_store_that_knows_deadlines() -> None:
    """A MemoryLog keeps no index of deadlines: tick says so, naming the store."""
    from engine.ports import MemoryLog

    with pytest.raises(InvalidAction, match="store"):
        tick(MemoryLog(), LATER)


def test_the_feed_follow_interval_is_documented() -> None:
    """The README names the --follow interval the CLI uses."""
    from engine.cli import FOLLOW_INTERVAL

    readme = (ROOT / "README.md").read_text()
    assert f"every {FOLLOW_INTERVAL:g} s" in readme



def test_the_cli_imports_none_of_the_heavy_libraries() -> None:
    """`import engine.cli` (what `npa act` loads before it acts) leaves the plotting,
    rich-text, distributed, Gherkin and test libraries unimported."""
    heavy = ("matplotlib", "rich", "distributed", "dask", "gherkin", "pytest_bdd", "pytest",
             "numpy", "hypothesis", "sqlite_utils", "tomllib", "importlib.resources",
             "fractions", "engine.ticks")
    probe = ("import sys, engine.cli, engine.deal, storage; "
             f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]", done.stdout


def test_an_accepted_npa_act_parses_no_agreement(tmp_path: Path) -> None:
    """`npa act` of an accepted action (the first `sign`) reads no clause text: the
    lifecycle's guards build refusals after every action, and their quotes are taken on
    first read of `Reason.text` only. Nor does it load what it does not need."""
    db = tmp_path / "deals.db"
    with SqliteStore(db) as store:
        Deal.create(store, "d")
    sign = json.dumps({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    lazy = ("importlib.resources", "fractions", "engine.ticks", "tomllib", "sqlite_utils")
    probe = ("import sys\n"
             "import contract._parse as parse\n"
             "from engine.cli import main\n"
             "try:\n"
             f"    main(['act', 'd', {sign!r}, '--db', {str(db)!r}])\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(parse.agreement.cache_info().misses,\n"
             f"      [m for m in {lazy!r} if m in sys.modules], file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "accepted" in done.stdout, done.stdout + done.stderr
    assert done.stderr.strip() == "0 []", done.stderr


@settings(max_examples=80, deadline=None)
@given(anything, anything, anything)
def test_the_platform_methods_take_anything(first: Any, second: Any, third: Any) -> None:
    """The feed, due, deals, refresh's read, export, import, tick and upcaster raise only
    NpaErrors (one line each) whatever they are given."""
    with SqliteStore(":memory:") as store:
        Deal.create(store, "d")
        calls = [
            lambda: store.events_since(first, second, deal=third),
            lambda: store.events_since(first),
            lambda: store.events_after(first, second),
            lambda: store.events_after("d", first),
            lambda: store.due(first, limit=second),
            lambda: store.due(first),
            lambda: store.deals(first, limit=second, after=third),
            lambda: store.deals(first),
            lambda: store.export(first),
            lambda: store.import_log(first, second, head=third),
            lambda: store.import_log(first),
            lambda: store.import_log(store.export("d"), first),
            lambda: tick(store, first, actor=second),
            lambda: tick(first, second),
            lambda: upcaster(first, second),
        ]
        for call in calls:
            try:
                call()
            except NpaError as exc:
                assert "\n" not in str(exc) and exc.exit_code in (1, 2)
