"""A deal's hash chain and its keyed MACs: how each row is linked, and every way to check it.

Each event row stores `prev_hash`, the `hash` of the row before it (GENESIS
for the first), and `hash`, the SHA-256 of that, the deal, its seq and its
canonical JSON (`link_hash`). Anyone can recompute the chain: it proves a log
whole, not who wrote it. With a key (`storage.keys`) each row also stores
`mac`, which only the key's holder can make, and the deal's query-table row a
MAC of its head. An anchor (a seq and hash noted outside the database, as
`npa verify` prints it) catches a rewrite or truncation without any key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from engine.codec import from_record
from engine.errors import BrokenLog
from engine.events import Event
from storage import keys

__all__ = ["GENESIS", "Row", "anchor_problems", "decode", "head_problems", "link_hash",
           "problems", "sound"]

#: The prev_hash of a deal's first event.
GENESIS = "0" * 64

#: A stored event row: seq, type, v, at, data, prev_hash, hash, mac.
Row = tuple[int, str, int, "str | None", str, str, str, "str | None"]
#: A deal's head as its query-table row records it: seq, head hash, head MAC.
Head = tuple[int, str, "str | None"]


def link_hash(prev_hash: str, deal_id: str, seq: int, data: str) -> str:
    """The hex SHA-256 that chains an event's stored data to its predecessor."""
    return hashlib.sha256(f"{prev_hash}\n{deal_id}\n{seq}\n{data}".encode()).hexdigest()


def sound(deal_id: str, rows: Sequence[Sequence[Any]], key: bytes | None,
          prev: str = GENESIS, expected: int = 1) -> str | None:
    """The last hash if the rows run on from (expected - 1, prev) and every link and MAC
    holds; None at the first that does not (then `problems` says what it is)."""
    sha256 = hashlib.sha256
    for seq, _, _, _, data, prev_hash, digest, mac in rows:
        if (seq != expected or prev_hash != prev
                or sha256(f"{prev}\n{deal_id}\n{seq}\n{data}".encode()).hexdigest() != digest):
            return None
        if key is not None and not keys.same(mac, keys.event_mac(key, digest)):
            return None
        prev, expected = digest, seq + 1
    return prev


def problems(deal_id: str, rows: Sequence[Sequence[Any]], key: bytes | None,
             prev: str = GENESIS, expected: int = 1) -> tuple[list[str], str]:
    """Every problem with the rows' sequence, links, records and (with a key) MACs; and
    the last hash. MAC failures are reported at the first, with a count of the rest."""
    found: list[str] = []
    bad_macs: list[int] = []
    for seq, kind, version, at, data, prev_hash, digest, mac in rows:
        if seq != expected:
            found.append(f"seq {seq}: expected seq {expected}, the sequence has a gap")
        if prev_hash != prev:
            found.append(f"seq {seq}: prev_hash is not the hash of the event before it")
        if link_hash(prev_hash, deal_id, seq, data) != digest:
            found.append(f"seq {seq}: hash does not match the stored event")
        found.extend(f"seq {seq}: {problem}"
                     for problem in record_problems(data, kind, version, at))
        if key is not None and not keys.same(mac, keys.event_mac(key, digest)):
            bad_macs.append(seq)
        prev, expected = digest, seq + 1
    if bad_macs:
        first = next(row for row in rows if row[0] == bad_macs[0])
        why = ("has no MAC: it was not written with the key" if first[7] is None
               else "MAC does not match: forged, or written with another key")
        more = f" (and {len(bad_macs) - 1} later events)" if len(bad_macs) > 1 else ""
        found.append(f"seq {bad_macs[0]}: {why}{more}")
    return found, prev


def head_problems(deal_id: str, end: int, last_hash: str, head: Head | None,
                  key: bytes | None) -> list[str]:
    """What is wrong with the deal's recorded head against the log's last row (seq, hash)."""
    if head is None:
        return ["the deals table has no row for the deal"]
    seq, digest, mac = head
    if seq != end:
        return [f"seq {end}: the log ends here but the deal's head is at seq {seq}"]
    if digest != last_hash:
        return [f"seq {end}: the deal's head hash is not the last event's hash"]
    if key is not None and not keys.same(mac, keys.head_mac(key, deal_id, seq, digest)):
        return [f"seq {end}: the deal's head MAC does not match: the head was changed "
                "without the key (events appended, removed or rewritten)"]
    return []


def anchor_problems(rows: Sequence[Sequence[Any]], anchor: tuple[int, str]) -> list[str]:
    """Whether the log still extends a head noted earlier (its seq and hash)."""
    seq, digest = anchor
    end = rows[-1][0] if rows else 0
    at = next((row for row in rows if row[0] == seq), None)
    if at is None:
        return [f"seq {seq}: the log ends at seq {end}, before the anchored head at seq "
                f"{seq}: events were removed"]
    if at[6] != digest:
        return [f"seq {seq}: the log no longer extends the anchored head {seq}:{digest[:16]}"
                f"...: it was rewritten at or before seq {seq}"]
    return []


def decode(deal_id: str, rows: Sequence[Sequence[Any]]) -> list[Event]:
    """The events the rows hold.

    Raises:
        BrokenLog: naming the first row that cannot be read.
    """
    loads = json.loads
    events: list[Event] = []
    try:
        for row in rows:
            events.append(from_record(loads(row[4])))
    except Exception as exc:  # any record that will not decode makes the log untrusted
        seq = rows[len(events)][0]
        raise BrokenLog(f"deal {deal_id!r}: seq {seq} cannot be read: {_one_line(exc)}") from None
    return events


def record_problems(data: str, kind: str, version: int, at: str | None) -> list[str]:
    """What is wrong with one stored record: unreadable, or its columns disagree with it."""
    try:
        record = json.loads(data)
        from_record(record)
    except Exception as exc:  # reported, not raised: verify lists every problem
        return [f"cannot be read: {_one_line(exc)}"]
    if (record.get("type"), record.get("v"), record.get("at")) != (kind, version, at):
        return ["the type, v or at column does not match the stored record"]
    return []


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__
