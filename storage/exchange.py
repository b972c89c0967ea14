"""A deal's log as JSON lines, out of one store and into another (issue 11 item 11).

Each line is one event as stored: `{"deal", "seq", "type", "v", "at", "data",
"prev_hash", "hash"}`, where `data` is the event's canonical JSON text exactly
as the log holds it (so its version is the one it was written with, and its
SHA-256 link can be recomputed) and `hash` chains it to the line before
(`storage.chain.link_hash`). MACs are not exported: they are made with the
source store's key, which never leaves it.

An import checks every line (its shape, the sequence, each link, that each
record matches its columns and decodes), then that the events fold (time
order, every event able to follow the ones before), and optionally that the
file extends a head noted at the source (`--head SEQ:HASH`, as `npa verify`
prints it); only then is the log stored, in one transaction, rows as they
were. A keyed store *re-keys* what it imports: the rows get MACs made with its
own key, so the deal is sealed in its new store. Under `as_id` the first
event (deal_created) takes the new id and every link is made afresh; the
events themselves are unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TypedDict

from engine.codec import canonical, to_record
from engine.errors import BrokenLog, InvalidAction
from engine.events import Event
from engine.ports import check_deal_id
from storage.chain import GENESIS, link_hash, record_problems

__all__ = ["KEYS", "ImportReport", "export_deal", "lines_of", "read_lines"]

#: The keys of every line, in the order they are written.
KEYS = ("deal", "seq", "type", "v", "at", "data", "prev_hash", "hash")
#: A stored row of the export: seq, type, v, at, data, prev_hash, hash (as `chain.Row`, no MAC).
Line = tuple[int, str, int, "str | None", str, str, str]


class ImportReport(TypedDict):
    """What an import stored: the new deal, the id it was exported as, and its head."""

    deal: str
    exported_as: str
    events: int
    head: dict[str, Any]
    source_head: dict[str, Any]


def lines_of(deal_id: str, rows: Sequence[Sequence[Any]]) -> list[str]:
    """The export lines of a deal's stored rows (seq, type, v, at, data, prev_hash, hash...)."""
    return [json.dumps(dict(zip(KEYS, (deal_id, *row[:7]), strict=True)), ensure_ascii=False)
            for row in rows]


def export_deal(deal: Any) -> list[str]:
    """The export lines of any `Deal`, one held in memory (`Deal.create(None, ...)`) too: its
    events encoded as a store would write them, chained from the start."""
    rows: list[Line] = []
    head = GENESIS
    for seq, event in enumerate(deal.events, start=1):
        record = to_record(event)
        data = canonical(record)
        digest = link_hash(head, deal.id, seq, data)
        rows.append((seq, record["type"], record["v"], record.get("at"), data, head, digest))
        head = digest
    return lines_of(deal.id, rows)


def read_lines(lines: Iterable[str] | str) -> tuple[str, list[Line]]:
    """The deal id and rows of an export, each line checked: its shape, its place in the
    sequence, its link, and that its record matches its columns and decodes.

    Raises:
        BrokenLog: naming the first line that is wrong, and why.
        InvalidAction: naming `lines`, for lines that are not text.
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    try:
        given = iter(lines)
    except TypeError:
        raise InvalidAction(f"an export is lines of text, not {type(lines).__name__}",
                            field="lines") from None
    deal_id: str | None = None
    rows: list[Line] = []
    prev = GENESIS
    for number, text in enumerate(given, start=1):
        if not isinstance(text, str):
            raise InvalidAction(f"line {number} is {type(text).__name__}, not text",
                                field="lines")
        if not text.strip():
            continue
        where = f"line {number}"
        try:
            item = json.loads(text)
        except ValueError:
            raise BrokenLog(f"{where}: not a JSON object") from None
        if not isinstance(item, dict) or set(item) != set(KEYS):
            raise BrokenLog(f"{where}: an export line has exactly the keys {', '.join(KEYS)}")
        seq, kind, version, at, data = (item[k] for k in ("seq", "type", "v", "at", "data"))
        if (type(seq) is not int or not isinstance(kind, str) or type(version) is not int
                or not (at is None or isinstance(at, str)) or not isinstance(data, str)
                or not isinstance(item["prev_hash"], str) or not isinstance(item["hash"], str)
                or not isinstance(item["deal"], str)):
            raise BrokenLog(f"{where}: a field has the wrong type")
        if deal_id is None:
            deal_id = item["deal"]
            check_deal_id(deal_id)
        elif item["deal"] != deal_id:
            raise BrokenLog(f"{where}: deal {item['deal']!r:.70}, not {deal_id!r}: an export "
                            "holds one deal")
        if seq != len(rows) + 1:
            raise BrokenLog(f"{where}: seq {seq}, expected {len(rows) + 1}: the sequence has "
                            "a gap")
        if item["prev_hash"] != prev:
            raise BrokenLog(f"{where}: prev_hash is not the hash of the line before")
        if link_hash(prev, deal_id, seq, data) != item["hash"]:
            raise BrokenLog(f"{where}: hash does not match the event's data (the line was "
                            "changed)")
        problems = record_problems(data, kind, version, at)
        if problems:
            raise BrokenLog(f"{where}: {problems[0]}")
        rows.append((seq, kind, version, at, data, prev, item["hash"]))
        prev = item["hash"]
    if deal_id is None or not rows:
        raise BrokenLog("line 1: the file holds no events")
    return deal_id, rows


def renamed(rows: list[Line], deal_id: str, as_id: str) -> list[tuple[str, int, str | None, str]]:
    """The rows ready to store under `as_id` (type, v, at, data): the first event takes
    the new id.

    Raises:
        BrokenLog: if the first event is not the deal's deal_created.
    """
    ready = [(kind, version, at, data) for _, kind, version, at, data, _, _ in rows]
    if as_id == deal_id:
        return ready
    first = json.loads(rows[0][4])
    if first.get("type") != "deal_created" or first.get("deal_id") != deal_id:
        raise BrokenLog(f"line 1: the first event is not deal {deal_id!r}'s deal_created")
    first["deal_id"] = as_id
    kind, version, at, _ = ready[0]
    ready[0] = (kind, version, at, canonical(first))
    return ready


def events_of(deal_id: str, rows: Sequence[tuple[str, int, str | None, str]]) -> list[Event]:
    """The events the rows hold (BrokenLog for one that does not decode)."""
    from storage.chain import decode

    return decode(deal_id, [(seq, kind, version, at, data, "", "", None)
                            for seq, (kind, version, at, data) in enumerate(rows, start=1)])
