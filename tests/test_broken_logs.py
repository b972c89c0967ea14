"""Broken logs (issue 10 item 4): a log that chains but cannot be trusted is refused, one line.

An event that chains soundly but cannot follow the events before it (a
delivery for a request nobody made, a move to a state that does not exist),
or is dated before the event it follows, makes the log a BrokenLog: `status`,
`act`, `timeline` and `verify` exit 1 with one line naming the seq (never 70
with a KeyError), and no action is appended to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forge import append, records, rewrite

from engine import Deal
from engine.cli import main
from engine.errors import BrokenLog
from engine.events import InstrumentDelivered, Signed
from engine.integrity import fold_log
from engine.ports import MemoryLog
from storage import SqliteStore

DEAL = "d"
SIGN = '{"type": "sign", "actor": "purchaser", "at": "1997-10-27T09:30"}'
UNKNOWN_REQUEST = {"type": "instrument_delivered", "v": 1, "at": "1997-10-27T09:10:00-05:00",
                   "request": "R9", "by": "company"}
BOGUS_STATE = {"type": "state_changed", "v": 1, "at": "1997-10-27T09:10:00-05:00",
               "trigger": "execute", "source": "Drafted", "dest": "Bogus"}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A database holding deal "d", signed by the Company at 09:00."""
    db = tmp_path / "npa.db"
    with SqliteStore(db, synchronous="OFF") as store:
        deal = Deal.create(store, DEAL)
        assert deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"}).accepted
    return db


def npa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`npa ARGS` in process: exit code, stdout, stderr."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def dated_back(path: Path) -> None:
    """Edit the Company's signature to 08:00 the next day, then chain a second one at
    09:00 the first day behind it: the log goes back in time."""
    log = records(path, DEAL)
    later = dict(log[1], at="1997-10-28T08:00:00-05:00")
    rewrite(path, DEAL, [log[0], later, dict(log[1], party="purchaser")])


BREAKAGES = {
    "a delivery for a request nobody made": (lambda p: append(p, DEAL, UNKNOWN_REQUEST),
                                             "seq 3: instrument_delivered cannot follow"),
    "a move to the state Bogus": (lambda p: append(p, DEAL, BOGUS_STATE),
                                  "seq 3: state_changed cannot follow"),
    "an event dated before the one it follows": (dated_back, "event 3 (signed) is dated "
                                                 "1997-10-27T09:00:00-05:00, before"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
@pytest.mark.parametrize("command", ["status", "act", "timeline", "verify"])
def test_a_log_that_chains_but_cannot_be_trusted_exits_1_with_one_line(
    name: str, command: str, path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command on such a log exits 1 naming the seq, and nothing is appended."""
    breakage, message = BREAKAGES[name]
    breakage(path)
    before = records(path, DEAL)
    extra = [SIGN] if command == "act" else []
    code, out, err = npa(capsys, command, DEAL, *extra, "--db", str(path))
    assert code == 1
    if command == "verify":
        assert out.startswith(message), out
    else:
        assert err.startswith(f"npa: error: deal 'd': {message}"), err
        assert err.count("\n") == 1
    assert records(path, DEAL) == before


def test_the_same_log_under_json_prints_an_error_object(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa status --json` on a broken log prints {"error": ...} with exit code 1."""
    import json

    append(path, DEAL, BOGUS_STATE)
    code, out, _ = npa(capsys, "status", DEAL, "--db", str(path), "--json")
    error = json.loads(out)["error"]
    assert (code, error["type"], error["exit_code"]) == (1, "BrokenLog", 1)


def test_a_held_deal_refuses_events_another_writer_appended_that_do_not_fold(
    path: Path,
) -> None:
    """A Deal loaded before an unfoldable event was appended refuses to act on top of it."""
    with SqliteStore(path) as store:
        deal = Deal.load(store, DEAL)
        append(path, DEAL, UNKNOWN_REQUEST)
        with pytest.raises(BrokenLog, match="seq 3: instrument_delivered cannot follow"):
            deal.act(SIGN)
        assert store.chain_problems(DEAL) == []  # the chain itself holds
        assert len(records(path, DEAL)) == 3
        assert deal.state.seq == 2


def test_a_memory_log_is_checked_the_same_way() -> None:
    """A Deal over events that cannot fold raises BrokenLog whatever holds them."""
    log = MemoryLog()
    created = Deal.create(log, DEAL).events[0]
    stray = InstrumentDelivered(at=None, request="R9", by="company")
    with pytest.raises(BrokenLog, match="seq 2: instrument_delivered cannot follow"):
        Deal(log, DEAL, [created, stray])


def test_events_another_writer_appended_are_checked_from_the_deal_s_clock() -> None:
    """Events that continue a log are in order only if none is before the log's last time."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    at = datetime(1997, 10, 27, 9, tzinfo=ZoneInfo("America/New_York"))
    before = fold_log(DEAL, [Deal.create(None, DEAL).events[0],
                             Signed(at=at.replace(hour=10), party="company")])
    with pytest.raises(BrokenLog, match=r"event 3 \(signed\) is dated .*T09:00.* \(and 1 more\)"):
        fold_log(DEAL, [Signed(at=at, party="purchaser"), Signed(at=at, party="x")], before)
    assert fold_log(DEAL, [Signed(at=at.replace(hour=10), party="purchaser")], before).seq == 3


def test_an_action_never_appends_events_dated_before_the_deal_s_clock(tmp_path: Path) -> None:
    """A log whose last event was moved past a deadline still pending (hashes recomputed,
    so it passes verify) does not get the deadline's event appended behind it: the action
    is refused as a broken log and nothing is written (issue 10 item 4, issue 9 item 2)."""
    from engine.demo import SIGNING_TO_OUTSTANDING

    path = tmp_path / "npa.db"
    with SqliteStore(path, synchronous="OFF") as store:
        deal = Deal.create(store, DEAL)
        for action in SIGNING_TO_OUTSTANDING:
            assert deal.act(action).accepted
        assert deal.act({"type": "request_inspection", "actor": "purchaser",
                         "at": "1997-11-20T10:00", "scope": "books"}).accepted
    log = records(path, DEAL)
    # The report for the third quarter of 1997 is due by 1997-11-24; the inspection, the
    # last event, is moved to December 1, past it, and nothing has fired the deadline.
    # (Moving the settlement itself no longer does: the Notes' deadlines count from their
    # issue, issue 9 item 2.)
    rewrite(path, DEAL, [*log[:-1], dict(log[-1], at="1997-12-01T10:00:00-05:00")])
    before = records(path, DEAL)
    with SqliteStore(path) as store:
        assert store.chain_problems(DEAL) == []
        deal = Deal.load(store, DEAL)
        with pytest.raises(BrokenLog, match=r"dated 1997-11-25T00:00:00-05:00, before the "
                                            r"event it follows \(1997-12-01T10:00:00-05:00\)"):
            deal.act({"type": "advance", "actor": "company", "at": "1997-12-02T10:00"})
    assert records(path, DEAL) == before
