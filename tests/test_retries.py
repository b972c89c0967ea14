"""Safe retries (issue 11 item 6): an action's `request_id` makes a retry harmless.

An action whose request_id was already accepted on the deal is not applied
again: its first result comes back with `"replayed": true`, exit 0, nothing
stored. The same request_id with another action is invalid input naming
`request_id`. A refused action is not remembered, so it may be retried.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from store_writer import ROOT, go, spawn

from engine import Deal, EventLog, InvalidAction, MemoryLog
from engine.actions import RecordProceeding
from engine.cli import main
from storage import SqliteStore

DEAL = "retry"
NPA = Path(sys.executable).with_name("npa")
PAY = {"type": "record_proceeding", "actor": "court", "at": "1997-10-27T08:00",
       "description": "a suit to enjoin the sale", "request_id": "req-1"}


@pytest.fixture(params=["memory", "sqlite-file"])
def log(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EventLog]:
    """A store of each kind holding a new deal."""
    store: EventLog = MemoryLog() if request.param == "memory" else SqliteStore(
        tmp_path / "npa.db", synchronous="OFF")
    Deal.create(store, DEAL)
    yield store
    if isinstance(store, SqliteStore):
        store.close()


def test_a_retried_action_returns_its_first_result_replayed_and_stores_nothing(
    log: EventLog,
) -> None:
    """The second act with the same request_id is the first result, replayed: true."""
    deal = Deal.load(log, DEAL)
    first = deal.act(PAY)
    again = deal.act(PAY)
    assert first.accepted and not first.replayed
    assert again.to_dict() == {**first.to_dict(), "replayed": True}
    assert len(log.load(DEAL)) == 2
    other = Deal.load(log, DEAL)
    assert other.act(json.dumps(PAY)).to_dict() == again.to_dict()
    assert len(log.load(DEAL)) == 2


def test_the_same_request_id_for_another_action_is_invalid_input(log: EventLog) -> None:
    """A request_id already accepted names `request_id` when reused for something else."""
    deal = Deal.load(log, DEAL)
    deal.act(PAY)
    with pytest.raises(InvalidAction, match="already accepted") as info:
        deal.act({**PAY, "description": "another suit"})
    assert info.value.field == "request_id"
    assert len(log.load(DEAL)) == 2


def test_a_refused_action_is_not_remembered_and_may_be_retried(log: EventLog) -> None:
    """A request_id refused once (out of time order) is accepted when retried in order."""
    deal = Deal.load(log, DEAL)
    assert deal.act({"type": "advance", "actor": "company", "at": "1997-10-27T09:00"}).accepted
    early = {**PAY, "request_id": "late", "at": "1997-10-27T08:00"}
    assert not deal.act(early).accepted
    assert deal.act({**early, "at": "1997-10-27T09:30"}).accepted


def test_a_request_id_belongs_to_one_deal(log: EventLog) -> None:
    """Two deals may each accept an action with the same request_id."""
    Deal.create(log, "other")
    assert not Deal.load(log, DEAL).act(PAY).replayed
    assert not Deal.load(log, "other").act(PAY).replayed


def test_a_typed_action_carries_a_request_id(log: EventLog) -> None:
    """A RecordProceeding built in Python with request_id= is replayed like its JSON twin."""
    at = datetime(1997, 10, 27, 8, tzinfo=ZoneInfo("America/New_York"))
    typed = RecordProceeding("court", at, description=PAY["description"], request_id="req-1")
    deal = Deal.load(log, DEAL)
    assert not deal.act(typed).replayed
    assert deal.act(PAY).replayed


@pytest.mark.parametrize("bad", ["", "x" * 129, "line\nbreak", "tab\there", 7, ["a"]])
def test_a_request_id_is_1_to_128_printable_characters(bad: Any, log: EventLog) -> None:
    """Anything else is invalid input naming `request_id`, and nothing is stored."""
    with pytest.raises(InvalidAction) as info:
        Deal.load(log, DEAL).act({**PAY, "request_id": bad})
    assert info.value.field == "request_id"
    assert len(log.load(DEAL)) == 1


def test_the_longest_and_oddest_request_ids_are_accepted(log: EventLog) -> None:
    """128 printable characters, spaces and accents included, are a request_id."""
    for rid in ("x" * 128, "order 17 / réf. ü", "1"):
        assert Deal.load(log, DEAL).act({**PAY, "request_id": rid,
                                         "description": rid}).accepted


def npa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    """`npa ARGS --json` in process: exit code and the JSON printed."""
    capsys.readouterr()
    try:
        main([*args, "--json"])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def test_npa_act_and_run_replay_a_retry_with_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa act` twice and `npa run` of the same scenario twice store each action once."""
    db = str(tmp_path / "npa.db")
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    code, first = npa(capsys, "act", DEAL, json.dumps(PAY), "--db", db)
    assert (code, first["replayed"]) == (0, False)
    code, again = npa(capsys, "act", DEAL, json.dumps(PAY), "--db", db)
    assert (code, again) == (0, {**first, "replayed": True})
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps([
        PAY, {**PAY, "request_id": "req-2", "description": "a second suit"}]), encoding="utf-8")
    code, ran = npa(capsys, "run", DEAL, str(scenario), "--db", db)
    assert (code, [r["replayed"] for r in ran["results"]]) == (0, [True, False])
    code, rerun = npa(capsys, "run", DEAL, str(scenario), "--db", db)
    assert (code, [r["replayed"] for r in rerun["results"]]) == (0, [True, True])
    with SqliteStore(db) as store:
        assert len(store.load(DEAL)) == 3


def test_npa_act_says_in_words_that_a_retry_was_replayed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json, a replayed result says so: it is not shown as an action applied
    again (issue 11 item 6)."""
    db = str(tmp_path / "npa.db")
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    lines = []
    for _ in range(2):
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(["act", DEAL, json.dumps(PAY), "--db", db])
        assert done.value.code == 0
        lines.append(capsys.readouterr().out.splitlines()[0])
    assert lines == [
        "accepted: Drafted",
        "accepted: Drafted (replayed: an action with this request_id was already accepted; "
        "nothing new was applied or stored)"]


def test_why_not_says_what_act_would_do_with_a_known_request_id(log: EventLog) -> None:
    """why-not answers as act: an accepted request_id retried meets nothing (act replays
    it), and reused for another action is invalid input naming request_id; nothing stored.
    (It said a retry was refused, "the court has already ...", and the other action
    allowed, which act rejects.)"""
    deal = Deal.load(log, DEAL)
    first = deal.act(PAY)
    again = {**PAY, "description": "another suit"}
    assert deal.why_not(PAY) == []
    replayed = deal.replay_of(PAY)
    assert replayed is not None and replayed.to_dict() == {**first.to_dict(), "replayed": True}
    with pytest.raises(InvalidAction, match="already accepted") as info:
        deal.why_not(again)
    assert info.value.field == "request_id"
    assert deal.replay_of({**again, "request_id": "fresh"}) is None
    assert deal.why_not({**again, "request_id": "fresh"}) == []
    assert len(log.load(DEAL)) == 2


def test_npa_why_not_with_a_known_request_id_answers_as_npa_act(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa why-not` of a retry: exit 0, "replayed": true; of another action under the same
    request_id: exit 2 naming request_id, as `npa act`."""
    db = str(tmp_path / "npa.db")
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    _, first = npa(capsys, "act", DEAL, json.dumps(PAY), "--db", db)
    code, seen = npa(capsys, "why-not", DEAL, json.dumps(PAY), "--db", db, "--json")
    assert (code, seen) == (0, {"allowed": True, "state": first["state"], "reasons": [],
                                "replayed": True})
    other = json.dumps({**PAY, "description": "another suit"})
    for command in ("why-not", "act"):
        with pytest.raises(SystemExit) as done:
            main([command, DEAL, other, "--db", db])
        assert done.value.code == 2
        assert capsys.readouterr().err.startswith("npa: error: request_id: ")
    with pytest.raises(SystemExit) as done:
        main(["why-not", DEAL, json.dumps(PAY), "--db", db])
    assert done.value.code == 0
    assert "already accepted; act would give its result again" in capsys.readouterr().out
    with SqliteStore(db) as store:
        assert len(store.load(DEAL)) == 2


def test_npa_actions_lists_request_id_for_every_type(capsys: pytest.CaptureFixture[str]) -> None:
    """The catalogue shows the optional `request_id` field on every action type."""
    code, entries = npa(capsys, "actions")
    assert code == 0
    for entry in entries:
        fields = {f["name"]: f for f in entry["fields"]}
        assert fields["request_id"]["required"] is False, entry["type"]


KILL_AFTER_COMMIT = """
import os, signal, sys
from engine.deal import Deal
from storage import SqliteStore, connection

committed = connection.Connection.write

def and_then_die(self, work, after=None):
    result = committed(self, work, after)
    os.kill(os.getpid(), signal.SIGKILL)  # committed, never acknowledged
    return result

with SqliteStore(sys.argv[1]) as store:
    deal = Deal.load(store, sys.argv[2])
    connection.Connection.write = and_then_die
    deal.act(sys.argv[3])
print("acknowledged", flush=True)
"""


def test_a_writer_killed_between_commit_and_acknowledgement_is_retried_once(
    tmp_path: Path,
) -> None:
    """SIGKILL after the commit, before any answer: the retry is replayed, one event stored."""
    db = tmp_path / "npa.db"
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILL_AFTER_COMMIT, str(db), DEAL,
                             json.dumps(PAY)], capture_output=True, text=True, env=env,
                            timeout=60)
    assert (killed.returncode, killed.stdout) == (-signal.SIGKILL, "")
    retry = subprocess.run([str(NPA), "act", DEAL, json.dumps(PAY), "--db", str(db), "--json"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert retry.returncode == 0, retry.stderr
    shown = json.loads(retry.stdout)
    assert (shown["accepted"], shown["replayed"], shown["created"]) == (
        True, True, {"proceeding": "P1"})
    with SqliteStore(db) as store:
        assert [e.TAG for e in store.load(DEAL)] == ["deal_created", "proceeding_recorded"]


def test_writers_killed_at_random_moments_and_retried_store_each_action_once(
    tmp_path: Path,
) -> None:
    """Three writers of 60 request_ids each, SIGKILLed mid-run and then retried whole:
    every request_id is stored exactly once, and each acked one keeps its first result."""
    db = tmp_path / "npa.db"
    with SqliteStore(db) as store:
        Deal.create(store, DEAL)
    acked: dict[str, str] = {}
    for writer, wait in enumerate((0.0, 0.004, 0.013)):
        process = spawn(db, DEAL, writer, 60, 0.0, "act")
        go(process)
        assert process.stdout is not None
        for _ in range(5 + 7 * writer):
            process.stdout.readline()
        time.sleep(wait)
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        for line in out.splitlines():
            if line.count(" ") == 2:
                rid, made, _ = line.split()
                acked[rid] = made
        retry = spawn(db, DEAL, writer, 60, 0.0, "act")
        go(retry)
        again, err = retry.communicate(timeout=120)
        assert retry.returncode == 0, err
        for line in again.splitlines():
            rid, made, replayed = line.split()
            if rid in acked:
                assert (made, replayed) == (acked[rid], "True")
            acked.setdefault(rid, made)
    with SqliteStore(db) as store:
        assert store.chain_problems(DEAL) == []
        stored = Counter(getattr(e, "description", None) for e in store.load(DEAL)[1:])
    assert stored == Counter({f"w{w}-{i}": 1 for w in range(3) for i in range(60)})
