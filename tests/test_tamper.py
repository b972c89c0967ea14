"""Tamper evidence (issue 10 item 3): which attacks on the database file each check catches.

The attacker of `tests/forge.py` can write the file: it drops and restores
the append-only triggers, recomputes every SHA-256 link and rebuilds the
deal's query-table row, so the plain chain check passes. What catches it is
an anchor (a head noted outside the database, `verify --head SEQ:HASH`) or a
key (HMAC-SHA256, never stored in the database). The matrix below is the
README's table, as a test.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from forge import append, edit_status, records, rewrite
from test_broken_logs import npa

from engine import Deal
from engine.demo import STORIES
from engine.errors import BrokenLog, InvalidSetting, StorageError
from storage import SqliteStore
from storage.keys import KEY_ENV, KEY_FILE_ENV

DEAL = "lexington-1997"
KEY = b"a key the platform keeps apart!!"
#: The actions of the repaid story after which the rollback attacker copies the file.
COPIED_AFTER = 12


def build(path: Path, key: bytes | None, copy: Path | None = None) -> tuple[int, str]:
    """The repaid story stored in `path` (copied to `copy` part-way); its honest head."""
    story = STORIES["repaid"]()
    with SqliteStore(path, synchronous="OFF", key=key) as store:
        deal = Deal.create(store, DEAL)
        for number, action in enumerate(story, start=1):
            assert deal.act(action).accepted
            if copy is not None and number == COPIED_AFTER:
                store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                shutil.copyfile(path, copy)
        return store.head(DEAL)


def forge_an_event(path: Path, copy: Path) -> None:
    """Append a forged interest payment of $1,000,000 after the last event."""
    forged = dict(next(r for r in reversed(records(path, DEAL)) if r.get("purpose") == "interest"))
    forged.update(at="2000-02-02T10:00:00-05:00", amount="1000000.00")
    append(path, DEAL, forged)


def pay_one_dollar(path: Path, copy: Path) -> None:
    """Rewrite the principal payment of $7,500,000.00 at maturity to $1.00."""
    log = records(path, DEAL)
    for record in log:
        if record.get("purpose") == "principal":
            record.update(amount="1.00", shares={"purchaser": "1.00"})
    rewrite(path, DEAL, log)


def truncate(path: Path, copy: Path) -> None:
    """Remove the principal payment and the repayment: the notes look unpaid."""
    rewrite(path, DEAL, records(path, DEAL)[:-2])


def swap(path: Path, copy: Path) -> None:
    """Swap the delivery of the Notes and the payment of the Purchase Price (same minute)."""
    log = records(path, DEAL)
    first = next(i for i, r in enumerate(log) if r["type"] == "notes_delivered")
    second = next(i for i, r in enumerate(log) if r.get("purpose") == "purchase_price")
    assert log[first]["at"] == log[second]["at"]
    log[first], log[second] = log[second], log[first]
    rewrite(path, DEAL, log)


def roll_back(path: Path, copy: Path) -> None:
    """Put back a copy of the whole file taken part-way through the story."""
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(copy, path)


Attack = Callable[[Path, Path], None]
#: attack -> (caught by a plain verify, by verify --head, by verify with the key)
MATRIX: dict[str, tuple[Attack, bool, bool, bool]] = {
    "an appended forged event": (forge_an_event, False, False, True),
    "the principal payment rewritten to $1.00": (pay_one_dollar, False, True, True),
    "a truncation": (truncate, False, True, True),
    "a swap of two events": (swap, False, True, True),
    "a rollback to an earlier copy of the file": (roll_back, False, True, False),
}


def problems(path: Path, key: bytes | None, head: tuple[int, str] | None) -> list[str]:
    """What verify finds, with or without the key and an anchor."""
    from engine.deal import verify

    with SqliteStore(path, key=key) as store:
        return verify(store, DEAL, head)


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("check", ["plain", "anchored", "keyed"])
def test_each_attack_is_caught_by_exactly_the_checks_the_readme_promises(
    name: str, check: str, tmp_path: Path
) -> None:
    """Each attack, hashes recomputed, passes or fails each check as the matrix says."""
    attack, *caught = MATRIX[name]
    expected = caught[["plain", "anchored", "keyed"].index(check)]
    key = KEY if check == "keyed" else None
    path, copy = tmp_path / "npa.db", tmp_path / "copy.db"
    head = build(path, key, copy)
    anchor = head if check == "anchored" else None
    assert problems(path, key, anchor) == []
    attack(path, copy)
    found = problems(path, key, anchor)
    assert bool(found) == expected, found
    if expected:
        assert all("\n" not in line for line in found)


def test_a_caught_attack_makes_load_and_act_refuse_and_write_nothing(tmp_path: Path) -> None:
    """With the key, a rewritten payment makes Deal.load raise BrokenLog naming the seq."""
    path = tmp_path / "npa.db"
    build(path, KEY)
    pay_one_dollar(path, path)
    with SqliteStore(path, key=KEY) as store, pytest.raises(
            BrokenLog, match=r"seq 40: MAC does not match.*\(and 1 later events\)"):
        Deal.load(store, DEAL)


def test_the_plain_check_still_catches_an_attacker_who_does_not_rehash(tmp_path: Path) -> None:
    """A payment rewritten without recomputing the chain is caught with no key or anchor."""
    path = tmp_path / "npa.db"
    build(path, None)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TRIGGER events_no_update")
    raw.execute("UPDATE events SET data = replace(data, '7500000.00', '1.00') WHERE seq = 40")
    raw.close()
    found = problems(path, None, None)
    assert "seq 40: hash does not match the stored event" in found


def test_verify_reports_append_only_triggers_that_were_dropped(tmp_path: Path) -> None:
    """Dropping a trigger is itself reported, though every event is intact."""
    path = tmp_path / "npa.db"
    build(path, None)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TRIGGER events_no_delete")
    raw.close()
    assert problems(path, None, None) == [
        "the append-only trigger events_no_delete is missing or altered: the database no "
        "longer refuses changes to the log"]


#: A trigger an attacker plants: the database silently skips storing a payment.
SKIP_PAYMENTS = ("CREATE TRIGGER quietly BEFORE INSERT ON events WHEN NEW.type = "
                 "'payment_made' BEGIN SELECT RAISE(IGNORE); END")


def test_verify_reports_a_trigger_planted_on_the_log(tmp_path: Path) -> None:
    """A trigger nobody made on events, requests or deals is reported, though every event
    is intact: it can make the database drop what it is asked to store (issue 10 item 3)."""
    path = tmp_path / "npa.db"
    build(path, None)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(SKIP_PAYMENTS)
    raw.close()
    assert problems(path, None, None) == [
        "a trigger the store did not make is on the events table (quietly): it can change "
        "or drop what is stored"]


def test_an_action_the_database_silently_drops_is_not_acknowledged(tmp_path: Path) -> None:
    """With a planted RAISE(IGNORE) trigger, the write fails and nothing is committed: an
    action is never reported accepted unless its events are stored (issue 10 item 3)."""
    path = tmp_path / "npa.db"
    with SqliteStore(path, synchronous="OFF") as store:
        deal = Deal.create(store, DEAL)
        for action in STORIES["repaid"]()[:10]:
            assert deal.act(action).accepted
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(SKIP_PAYMENTS)
    raw.close()
    with SqliteStore(path) as store:
        deal = Deal.load(store, DEAL)
        with pytest.raises(StorageError, match="stored 1 of the 2 event rows"):
            deal.act(STORIES["repaid"]()[10])
        assert len(store.load(DEAL)) == len(deal.events)
        assert store.chain_problems(DEAL, triggers=False) == []


def test_edited_query_tables_are_reported_and_never_overwritten(tmp_path: Path) -> None:
    """A status edited in the deals table is found by verify and stops the next action."""
    path = tmp_path / "npa.db"
    build(path, None)
    edit_status(path, DEAL, principal_paid="0.00")
    assert problems(path, None, None) == [
        "query tables differ from the replayed log in: principal_paid"]
    with SqliteStore(path) as store:
        deal = Deal.load(store, DEAL)
        with pytest.raises(BrokenLog, match="the query tables disagree with the log"):
            deal.act({"type": "advance", "actor": "company", "at": "2000-03-01T10:00"})
        assert len(store.load(DEAL)) == 41
        assert store.stored_status(DEAL)["principal_paid"] == "0.00"


def test_a_status_edited_after_this_store_wrote_it_stops_its_next_action(
        tmp_path: Path) -> None:
    """The store remembers the status text it wrote (so as not to make it again for the
    next write's check), but still compares it with the row as stored: an edit made
    between two actions of the same Deal on the same store stops the second."""
    path = tmp_path / "npa.db"
    build(path, None)
    with SqliteStore(path) as store:
        deal = Deal.load(store, DEAL)
        assert deal.act({"type": "advance", "actor": "company",
                         "at": "2000-03-01T10:00"}).accepted
        edit_status(path, DEAL, principal_paid="0.00")
        with pytest.raises(BrokenLog, match="the query tables disagree with the log"):
            deal.act({"type": "advance", "actor": "company", "at": "2000-03-01T11:00"})
        assert len(store.load(DEAL)) == 42
        assert len(deal.events) == 42


def test_verify_rebuild_tables_puts_back_a_status_edited_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa verify --rebuild-tables` rewrites tables that alone disagree; then writes resume."""
    path = tmp_path / "npa.db"
    seq, digest = build(path, KEY)
    edit_status(path, DEAL, principal_paid="0.00", state="Outstanding")
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    args = ["--key-file", str(key_file), "verify", DEAL, "--db", str(path)]
    assert npa(capsys, *args)[0] == 1
    code, out, _ = npa(capsys, *args, "--rebuild-tables")
    assert (code, out.splitlines()) == (0, [
        "query tables rebuilt from the log (they differed in: principal_paid, state)",
        f"{DEAL}: sound; head {seq}:{digest}; events and head checked with the key "
        "(HMAC-SHA256)"])
    with SqliteStore(path, key=KEY) as store:
        assert Deal.load(store, DEAL).act(
            {"type": "advance", "actor": "company", "at": "2000-03-01T10:00"}).accepted


def test_verify_rebuild_tables_leaves_a_broken_log_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the log itself is broken, `--rebuild-tables` rewrites nothing and exits 1."""
    path = tmp_path / "npa.db"
    build(path, KEY)
    pay_one_dollar(path, path)
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    code, _, err = npa(capsys, "--key-file", str(key_file), "verify", DEAL, "--db", str(path),
                       "--rebuild-tables")
    assert code == 1
    assert "the log itself is not sound, so its query tables were not rebuilt" in err


def test_a_sealed_deal_is_read_without_the_key_but_never_written(tmp_path: Path) -> None:
    """Without the key a sealed deal loads by its SHA-256 chain; a write is refused (exit 2)."""
    path = tmp_path / "npa.db"
    build(path, KEY)
    with SqliteStore(path) as store:
        deal = Deal.load(store, DEAL)
        assert store.sealed(DEAL) and not store.keyed
        with pytest.raises(InvalidSetting, match="sealed with a key") as info:
            deal.act({"type": "advance", "actor": "company", "at": "2000-03-01T10:00"})
        assert info.value.exit_code == 2
        assert len(store.load(DEAL)) == 41


def test_a_wrong_key_or_a_deal_written_without_one_is_a_broken_log(tmp_path: Path) -> None:
    """Another key fails every MAC; a key given for an unsealed deal finds no MAC."""
    sealed, unsealed = tmp_path / "sealed.db", tmp_path / "unsealed.db"
    build(sealed, KEY)
    build(unsealed, None)
    with SqliteStore(sealed, key=b"another key of 32 bytes........") as store, pytest.raises(
            BrokenLog, match=r"seq 1: MAC does not match.*\(and 40 later events\)"):
        store.load(DEAL)
    with SqliteStore(unsealed, key=KEY) as store, pytest.raises(
            BrokenLog, match=r"seq 1: has no MAC: it was not written with the key"):
        store.load(DEAL)


def test_the_key_is_never_stored_in_the_database(tmp_path: Path) -> None:
    """No byte sequence of the key appears in the database file or its WAL."""
    path = tmp_path / "npa.db"
    build(path, KEY)
    for file in tmp_path.iterdir():
        assert KEY not in file.read_bytes()


def test_the_key_comes_from_the_environment_or_a_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NPA_KEY_FILE, else NPA_KEY, is used when no key is passed; a short key is refused."""
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY + b"\n")
    monkeypatch.setenv(KEY_FILE_ENV, str(key_file))
    assert SqliteStore(tmp_path / "a.db").keyed
    monkeypatch.delenv(KEY_FILE_ENV)
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    path = tmp_path / "b.db"
    build(path, None)
    with SqliteStore(path, key=KEY) as store:
        assert store.sealed(DEAL) and store.load(DEAL)
    monkeypatch.setenv(KEY_ENV, "short")
    with pytest.raises(InvalidSetting, match="at least 16 bytes") as info:
        SqliteStore(tmp_path / "c.db")
    assert info.value.field == KEY_ENV


def test_npa_verify_prints_the_head_and_fails_when_the_log_no_longer_extends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa verify` prints SEQ:HASH; after a rehashed truncation `--head` exits 1."""
    path = tmp_path / "npa.db"
    seq, digest = build(path, None)
    code, out, _ = npa(capsys, "verify", DEAL, "--db", str(path))
    assert (code, out) == (0, f"{DEAL}: sound; head {seq}:{digest}; no key: SHA-256 chain "
                              "only\n")
    truncate(path, path)
    assert npa(capsys, "verify", DEAL, "--db", str(path))[0] == 0
    code, out, _ = npa(capsys, "verify", DEAL, "--db", str(path), "--head", f"{seq}:{digest}")
    assert code == 1
    assert out.splitlines()[0] == ("seq 41: the log ends at seq 39, before the anchored "
                                   "head at seq 41: events were removed")


def test_npa_verify_checks_macs_with_a_key_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`npa --key-file F verify` checks the MACs and says so; a forged event exits 1."""
    path, key_file = tmp_path / "npa.db", tmp_path / "key"
    key_file.write_bytes(KEY)
    build(path, KEY)
    code, out, _ = npa(capsys, "--key-file", str(key_file), "verify", DEAL, "--db", str(path))
    assert code == 0 and out.rstrip().endswith("events and head checked with the key "
                                               "(HMAC-SHA256)")
    forge_an_event(path, path)
    code, out, _ = npa(capsys, "--key-file", str(key_file), "verify", DEAL, "--db", str(path))
    assert code == 1
    assert out.splitlines()[:2] == [
        "seq 42: has no MAC: it was not written with the key",
        "seq 42: the deal's head MAC does not match: the head was changed without the key "
        "(events appended, removed or rewritten)"]


@pytest.mark.parametrize("head", ["41", "x:y", "0:" + "0" * 64, "41:" + "A" * 63])
def test_a_malformed_head_is_invalid_input(
    head: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--head` that is not SEQ:HASH exits 2 with one line naming `head`."""
    path = tmp_path / "npa.db"
    build(path, None)
    code, out, err = npa(capsys, "verify", DEAL, "--db", str(path), "--head", head)
    assert (code, out) == (2, "")
    assert err.startswith("npa: error: head: ") and err.count("\n") == 1
