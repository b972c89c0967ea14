"""The codec: events to plain records and back, with fixed tags and versions.

A record is a JSON-safe dict: `{"type": tag, "v": version, ...fields}`.
Times are ISO 8601 with their offset, amounts decimal strings. A record of an
older version is upgraded on read by the steps in `UPCASTERS`, in order, so
a log written by an earlier release still loads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import cattrs

from engine.actions import Action
from engine.clock import utc_iso
from engine.errors import BrokenLog
from engine.events import EVENT_TYPES, Event

Record = dict[str, Any]

converter = cattrs.Converter()
converter.register_unstructure_hook(datetime, utc_iso)


def _stored_time(value: Any, _: Any) -> datetime:
    """A stored time, read as the instant it names (in UTC), whatever offset it was written
    with: records of earlier releases carry New York offsets, and read the same."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"a stored time without an offset: {value!r}")
    return moment.astimezone(UTC)


converter.register_structure_hook(datetime, _stored_time)
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, lambda value, _: Decimal(value))

#: Upgrade steps: (tag, version) -> a function from that version's record to the next's.
UPCASTERS: dict[tuple[str, int], Callable[[Record], Record]] = {}


def to_record(event: Event) -> Record:
    """An event as a plain record with its tag and version."""
    record: Record = {"type": event.TAG, "v": event.VERSION}
    record.update(converter.unstructure(event))
    return record


def upgrade(record: Record) -> Record:
    """Bring a record of an older version up to its event's current version."""
    tag = record.get("type")
    cls = EVENT_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise BrokenLog(f"unknown event type {tag!r}")
    version = record.get("v", 1)
    while version < cls.VERSION:
        step = UPCASTERS.get((cls.TAG, version))
        if step is None:
            raise BrokenLog(f"no upgrade for {cls.TAG} version {version}")
        record = step(record)
        version = record["v"]
    if version > cls.VERSION:
        raise BrokenLog(f"{cls.TAG} version {version} is newer than this release knows")
    return record


def from_record(record: Mapping[str, Any]) -> Event:
    """The event a record holds, upgraded to the current version."""
    current = upgrade(dict(record))
    cls = EVENT_TYPES[current["type"]]
    fields = {key: value for key, value in current.items() if key not in ("type", "v")}
    try:
        event: Event = converter.structure(fields, cls)
    except Exception as exc:  # a record that does not fit its class is a broken log
        raise BrokenLog(f"{cls.TAG} record does not fit: {exc}") from None
    return event


def canonical(record: Mapping[str, Any]) -> str:
    """The canonical JSON text of a record: sorted keys, no spaces, text as UTF-8.

    Text is written as itself, not as ASCII escapes, so a stored row is no larger
    than the action it came from (an astral character escaped is 12 bytes, issue
    10 item 6). Rows written before, with escapes, keep their own text: hashes
    are checked over the stored text and never re-serialised.
    """
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# --- actions: the one validation lives in engine.validation; these names stay here too ---

from engine.validation import (  # noqa: E402  (below the events' codec, which it does not need)
    MAX_ACTION_BYTES,
    MAX_TEXT,
    parse_action,
    parse_json,
)


def action_to_dict(action: Action) -> dict[str, Any]:
    """An action as the JSON object a platform would send (times as UTC instants)."""
    data: dict[str, Any] = {"type": action.TYPE}
    data.update(converter.unstructure(action))
    return {key: value for key, value in data.items() if value is not None}


__all__ = [
    "MAX_ACTION_BYTES",
    "MAX_TEXT",
    "UPCASTERS",
    "Record",
    "action_to_dict",
    "canonical",
    "converter",
    "from_record",
    "parse_action",
    "parse_json",
    "to_record",
    "upgrade",
]
