"""Serialized writers, threads and a bounded lock (issue 10 items 8-9, issue 11 item 3).

Every action is decided under the store's write lock on the deal's latest
events, so writers in many processes or threads never lose a race and never
give up while the lock keeps changing hands; a lock held longer than the
bound (30 s unless configured) ends in StoreBusy, exit 75, nothing written.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_writer import ACT_AT, ROOT, go, spawn

from engine import Deal
from engine.errors import StoreBusy
from engine.ports import MemoryLog
from storage import SqliteStore
from storage.sqlite import LOCK_TIMEOUT, LOCK_TIMEOUT_ENV

DEAL = "busy"
NPA = Path(sys.executable).with_name("npa")


def proceeding(description: str) -> dict[str, Any]:
    """An action every writer may take in any order: all carry the same moment."""
    return {"type": "record_proceeding", "actor": "court", "at": ACT_AT,
            "description": description}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A database file holding a new deal."""
    db = tmp_path / "npa.db"
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    return db


def descriptions(store: SqliteStore) -> list[str]:
    """The description of every proceeding recorded on the deal, in log order."""
    return [getattr(e, "description", "") for e in store.load(DEAL)
            if type(e).__name__ == "ProceedingRecorded"]


def test_36_processes_acting_on_one_deal_are_all_accepted(path: Path) -> None:
    """36 writer processes of 2 actions each: all 72 accepted, each stored once, ids unique."""
    writers = [spawn(path, DEAL, number, 2, 0.001, "act") for number in range(36)]
    for process in writers:
        go(process)
    outcomes = [process.communicate(timeout=300) for process in writers]
    for process, (out, err) in zip(writers, outcomes, strict=True):
        assert process.returncode == 0, err[-2000:]
        assert len(out.splitlines()) == 2, out
    made = [line.split()[1] for out, _ in outcomes for line in out.splitlines()]
    assert sorted(made, key=lambda p: int(p[1:])) == [f"P{n}" for n in range(1, 73)]
    with SqliteStore(path) as store:
        assert store.chain_problems(DEAL) == []
        assert sorted(descriptions(store)) == sorted(
            f"w{w}-{i}" for w in range(36) for i in range(2))


def hold_the_lock(path: Path) -> sqlite3.Connection:
    """Another connection holding the database's exclusive lock."""
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")
    return blocker


def npa(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`npa ARGS` as its own process."""
    return subprocess.run([str(NPA), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.mark.parametrize("how", ["--lock-timeout", LOCK_TIMEOUT_ENV])
def test_a_lock_held_past_the_bound_exits_75_with_one_line_and_a_json_error(
    how: str, path: Path
) -> None:
    """`npa act` behind an exclusive lock held longer than the bound: exit 75, nothing stored."""
    options = ["--lock-timeout", "0.5"] if how == "--lock-timeout" else []
    env = {LOCK_TIMEOUT_ENV: "0.5"} if how == LOCK_TIMEOUT_ENV else {}
    blocker = hold_the_lock(path)
    try:
        done = npa(*options, "act", DEAL, json.dumps(proceeding("late")), "--db", str(path),
                   "--json", env=env)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert done.returncode == 75, done.stderr
    assert done.stderr.startswith("npa: error: the store ") and done.stderr.count("\n") == 1
    assert "for 0.5 s" in done.stderr
    assert json.loads(done.stdout)["error"] == {
        "type": "StoreBusy", "message": done.stderr[len("npa: error: "):].strip(),
        "field": None, "exit_code": 75}
    with SqliteStore(path) as store:
        assert descriptions(store) == []


def test_a_writer_waits_for_a_lock_released_within_the_bound(path: Path) -> None:
    """A lock held briefly by another connection delays the action; it is not refused."""
    blocker = hold_the_lock(path)
    release = threading.Timer(0.3, lambda: blocker.execute("ROLLBACK"))
    with SqliteStore(path, lock_timeout=20) as store:
        deal = Deal.load(store, DEAL)
        release.start()
        assert deal.act(proceeding("after the wait")).accepted
        release.join()
        assert descriptions(store) == ["after the wait"]
    blocker.close()


def test_the_bound_is_30_seconds_unless_configured(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default lock timeout is 30 s; NPA_LOCK_TIMEOUT and the argument override it."""
    monkeypatch.delenv(LOCK_TIMEOUT_ENV, raising=False)
    with SqliteStore(path) as store:
        assert store.lock_timeout == LOCK_TIMEOUT == 30.0
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "2.5")
    with SqliteStore(path) as store:
        assert store.lock_timeout == 2.5
    with SqliteStore(path, lock_timeout=7) as store:
        assert store.lock_timeout == 7.0


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "1e9", "1e-1", "1_0", "\u0661", "inf"])
def test_a_bad_lock_timeout_is_one_line_exit_2(value: str, path: Path) -> None:
    """NPA_LOCK_TIMEOUT that is not 0 to 86400 seconds, written in the digits 0-9 (as the
    --lock-timeout option takes it), exits 2 naming it."""
    done = npa("status", DEAL, "--db", str(path), env={LOCK_TIMEOUT_ENV: value})
    assert done.returncode == 2
    assert done.stderr.startswith(f"npa: error: {LOCK_TIMEOUT_ENV}: ")
    assert done.stderr.count("\n") == 1


@pytest.fixture(params=["sqlite-file", "memory"])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Deal]:
    """One Deal, over a SQLite file or held in memory, to be shared by threads."""
    if request.param == "memory":
        yield Deal.create(MemoryLog(), DEAL)
        return
    with SqliteStore(tmp_path / "npa.db", synchronous="OFF") as store:
        yield Deal.create(store, DEAL)


def test_8_threads_sharing_one_deal_get_all_400_actions_accepted(shared: Deal) -> None:
    """Eight threads each taking 50 actions on one shared Deal: 400 accepted, 400 stored."""
    results: list[bool] = []
    errors: list[BaseException] = []

    def work(thread: int) -> None:
        try:
            for index in range(50):
                results.append(shared.act(proceeding(f"t{thread}-{index}")).accepted)
        except BaseException as exc:  # a failure in a thread must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [True] * 400
    loaded = Deal.load(shared._store, DEAL)
    assert len(loaded.events) == len(shared.events) == 401
    assert sorted(loaded.state.proceedings) == sorted(f"P{n}" for n in range(1, 401))


def test_8_threads_each_with_its_own_deal_on_one_store_lose_nothing(tmp_path: Path) -> None:
    """Deals loaded per thread over one shared store catch up under the lock: none refused."""
    with SqliteStore(tmp_path / "npa.db", synchronous="OFF") as store:
        Deal.create(store, DEAL)
        outcomes: list[bool] = []

        def work(thread: int) -> None:
            mine = Deal.load(store, DEAL)
            outcomes.extend(mine.act(proceeding(f"t{thread}-{i}")).accepted for i in range(25))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert outcomes == [True] * 200
        assert store.chain_problems(DEAL) == []
        assert len(descriptions(store)) == 200


def test_a_store_made_in_one_thread_is_used_from_another(tmp_path: Path) -> None:
    """A SqliteStore opened in the main thread serves a worker thread's load and act."""
    with SqliteStore(tmp_path / "npa.db") as store:
        Deal.create(store, DEAL)
        seen: list[Any] = []
        worker = threading.Thread(target=lambda: seen.append(
            Deal.load(store, DEAL).act(proceeding("from a thread")).accepted))
        worker.start()
        worker.join()
        assert seen == [True]


def test_asyncio_to_thread_acts_on_a_shared_deal(shared: Deal) -> None:
    """Fifty `asyncio.to_thread(deal.act, ...)` gathered at once are all accepted."""

    async def main() -> list[bool]:
        done = await asyncio.gather(*(asyncio.to_thread(shared.act, proceeding(f"a{n}"))
                                      for n in range(50)))
        return [result.accepted for result in done]

    assert asyncio.run(main()) == [True] * 50
    assert len(shared.events) == 51


def test_store_busy_is_raised_in_process_with_nothing_written(path: Path) -> None:
    """In Python the lock bound is StoreBusy (exit code 75); the Deal is unchanged."""
    with SqliteStore(path, lock_timeout=0.2) as store:
        deal = Deal.load(store, DEAL)
        blocker = hold_the_lock(path)
        try:
            with pytest.raises(StoreBusy) as info:
                deal.act(proceeding("blocked"))
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert info.value.exit_code == 75
        assert deal.state.seq == 1
        assert deal.act(proceeding("then")).accepted


def calls_in(work: Any) -> int:
    """How many Python functions run while `work()` does, the engine's memo of New York
    dates and times emptied first (so that two counts compare the same work, whichever
    instants an earlier count happened to see)."""
    from engine import clock

    clock._iso.cache_clear()
    clock._new_york_date.cache_clear()
    counted = [0]

    def count(frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            counted[0] += 1

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return counted[0]


@pytest.mark.parametrize("kind", ["record_proceeding", "advance"])
def test_an_action_does_the_same_work_however_many_proceedings_are_open(kind: str) -> None:
    """Issue 10 item 9: an action on a deal with 2,000 open proceedings runs as many Python
    calls (inside the write lock and out) as on one with 10: its cost is flat."""
    counts = []
    for size in (10, 2000):
        with SqliteStore(":memory:") as store:
            deal = Deal.create(store, DEAL)
            for n in range(size):
                deal.act(proceeding(f"p{n}"))
            for warm in (False, True):  # the first of a kind imports its rules
                action = ({"type": "advance", "actor": "court",
                           "at": f"1997-10-27T09:0{int(warm)}"}
                          if kind == "advance" else proceeding("one more"))
                done = calls_in(lambda a=action, d=deal: d.act(a))
            counts.append(done)
    assert counts[1] == counts[0], counts


@pytest.mark.parametrize("side", ["3.6", "4.1"])
def test_an_action_does_the_same_work_however_many_misrepresentations_are_recorded(
        side: str) -> None:
    """Issue 10 item 9: the status stored after each action asks whether anything stands
    against 5.1(a) and 5.2(a); with 2,000 representations recorded untrue an action runs as
    many Python calls as with 10, rather than a refusal built for each."""
    counts = []
    for size in (10, 2000):
        with SqliteStore(":memory:") as store:
            deal = Deal.create(store, DEAL)
            for at in ("1997-10-20T09:00", "1997-10-20T09:01"):
                assert deal.act({"type": "sign", "actor": "company" if at.endswith("0")
                                 else "purchaser", "at": at}).accepted
            record = {"type": "record_misrepresentation", "actor": "purchaser",
                      "at": "1997-10-21T10:00", "section": side, "description": "untrue"}
            for _ in range(size):
                assert deal.act(record).accepted
            for warm in (False, True):  # the first of a kind imports its rules
                action = {"type": "advance", "actor": "court",
                          "at": f"1997-10-21T10:0{int(warm) + 1}"}
                done = calls_in(lambda a=action, d=deal: d.act(a))
            counts.append(done)
    assert counts[1] == counts[0], counts


def test_verify_while_another_writer_appends_finds_nothing_wrong(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10 items 3-4: verify compares the replayed log with the query tables as they
    stood together; an action another writer appends meanwhile is no disagreement (it was
    reported as "query tables differ ... in: events" under 36 writers)."""
    from engine.deal import verify
    from storage import chain

    decode, appended = chain.decode, []

    def and_another_writer_acts(deal_id: str, rows: Any) -> Any:
        events = decode(deal_id, rows)
        if not appended:
            appended.append(True)
            with SqliteStore(path) as other:
                assert Deal.load(other, DEAL).act(proceeding("meanwhile")).accepted
        return events

    monkeypatch.setattr(chain, "decode", and_another_writer_acts)
    with SqliteStore(path) as store:
        assert verify(store, DEAL) == []
        assert appended
