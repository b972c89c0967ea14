"""The codec: events to plain records and back, with fixed tags and versions.

A record is a JSON-safe dict: `{"type": tag, "v": version, ...fields}`.
Times are ISO 8601 with their offset, amounts decimal strings. A record of an
older version is upgraded on read by the steps in `UPCASTERS`, in order, so
a log written by an earlier release still loads; a release registers a step
with `@upcaster(tag, from_version)`. The steps of this release's events are
at the end of this module.
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
from engine.errors import BrokenLog, InvalidSetting
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

Upcast = Callable[[Record], Record]


def upcaster(tag: str, from_version: int) -> Callable[[Upcast], Upcast]:
    """Register the step that reads a `tag` record of `from_version` as the next version.

    The step gets the stored record (a dict, `type` and `v` included) and returns
    the record as the next version writes it; `v` is set to `from_version + 1`
    for it. Steps chain: a v1 record of a type now at v3 goes through the v1 and
    the v2 steps. Stored rows are never rewritten (their hashes cover their
    text): each read upcasts. Register a step when a release bumps an event's
    version (`@event(tag, version=N)`), in the module that defines the event::

        @upcaster("clock_advanced", 1)
        def _actor_unknown(record):
            return {**record, "actor": None}

    Raises:
        InvalidSetting: naming `upcaster`, for a tag no event has, a version below 1
            or not below the event's current one, or a step registered twice (a bug
            in a release).
    """
    cls = EVENT_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise InvalidSetting(f"no event type {tag!r:.60}", field="upcaster")
    if type(from_version) is not int or not 1 <= from_version < cls.VERSION:
        raise InvalidSetting(f"{tag} is at version {cls.VERSION}: a step reads versions 1 "
                             f"to {cls.VERSION - 1}, not {from_version!r:.40}", field="upcaster")

    def register(step: Upcast) -> Upcast:
        if (tag, from_version) in UPCASTERS:
            raise InvalidSetting(f"an upcast of {tag} version {from_version} is registered "
                                 "twice", field="upcaster")

        def versioned(record: Record) -> Record:
            upgraded = dict(step(dict(record)))
            upgraded["v"] = from_version + 1
            return upgraded

        UPCASTERS[(tag, from_version)] = versioned
        return step

    return register


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
    return _CANONICAL.encode(record)


#: What `json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`
#: makes for each call, made once (an encoder keeps no state between calls).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
    "Upcast",
    "action_to_dict",
    "canonical",
    "converter",
    "from_record",
    "parse_action",
    "parse_json",
    "to_record",
    "upcaster",
    "upgrade",
]


# --- upcasts of this release's events -------------------------------------------


@upcaster("clock_advanced", 1)
def _clock_advanced_v1(record: Record) -> Record:
    """clock_advanced v2 records who asked time to pass (`actor`); v1 did not say: None."""
    return {**record, "actor": None}
