"""The codec: events to plain records and back, with fixed tags and versions.

A record is a JSON-safe dict: `{"type": tag, "v": version, ...fields}`.
Times are ISO 8601 with their offset, amounts decimal strings. A record of an
older version is upgraded on read by the steps in `UPCASTERS`, in order, so
a log written by an earlier release still loads.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.v import transform_error

from engine.actions import ACTION_TYPES, Action
from engine.clock import parse_time, utc_iso
from engine.errors import BrokenLog, InvalidAction
from engine.events import EVENT_TYPES, Event
from engine.money import parse_money

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
    """The canonical JSON text of a record: sorted keys, no spaces, ASCII."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


# --- actions: JSON in, frozen actions out; bad input names its field ---------

MAX_ACTION_BYTES = 1024 * 1024
MAX_TEXT = 10_000
_ACTOR = re.compile(r"^(company|purchaser|guarantor|court|holder:[A-Za-z0-9._-]{1,64})$")

_actions = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _text(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise InvalidAction(f"expected text, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise InvalidAction(f"text is longer than {MAX_TEXT} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidAction("text is not valid Unicode (a lone surrogate)") from None
    return value


def _flag(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidAction(f"expected true or false, got {value!r:.40}")
    return value


def _amount(value: Any, _: Any) -> Decimal:
    return parse_money(value, "")


def _moment(value: Any, _: Any) -> datetime:
    return parse_time(value, "")


def _amounts(value: Any, _: Any) -> tuple[Decimal, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidAction(f"expected a list of amounts, got {type(value).__name__}")
    if len(value) > 10_000:
        raise InvalidAction("at most 10000 amounts")
    return tuple(parse_money(item, f"[{i}]") for i, item in enumerate(value))


def _texts(value: Any, _: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidAction(f"expected a list of text, got {type(value).__name__}")
    if len(value) > 100:
        raise InvalidAction("at most 100 entries")
    return tuple(_text(item, str) for item in value)


def _text_map(value: Any, _: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InvalidAction(f"expected an object, got {type(value).__name__}")
    if len(value) > 100:
        raise InvalidAction("at most 100 entries")
    return {_text(k, str): _text(v, str) for k, v in value.items()}


_actions.register_structure_hook(str, _text)
_actions.register_structure_hook(bool, _flag)
_actions.register_structure_hook(Decimal, _amount)
_actions.register_structure_hook(datetime, _moment)
_actions.register_structure_hook_func(lambda t: t == tuple[Decimal, ...], _amounts)
_actions.register_structure_hook_func(lambda t: t == tuple[str, ...], _texts)
_actions.register_structure_hook_func(lambda t: t == dict[str, str], _text_map)


def _format(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, InvalidAction):
        if exc.field:
            return f"{exc.field}\x00{exc.message}"
        return exc.message
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"{sorted(exc.extra_fields)[0]}\x00unknown field (see `npa actions`)"
    return f"invalid value ({exc})"


def parse_action(data: Any) -> Action:
    """The action a JSON object describes.

    Raises:
        InvalidAction: naming the field, for anything that is not a valid action.
    """
    if isinstance(data, Action):
        return data
    if isinstance(data, str | bytes):
        data = parse_json(data)
    elif isinstance(data, dict) and _too_big(data):
        raise InvalidAction("an action is at most 1 MiB of JSON", field="action")
    if not isinstance(data, dict):
        raise InvalidAction("an action is a JSON object", field="action")
    kind = data.get("type")
    if kind is None:
        raise InvalidAction("required field missing", field="type")
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidAction(f"unknown action type {kind!r:.60} (see `npa actions`)",
                            field="type")
    actor = data.get("actor")
    if actor is None:
        raise InvalidAction("required field missing", field="actor")
    if not isinstance(actor, str) or not _ACTOR.fullmatch(actor):
        raise InvalidAction(f"unknown actor {actor!r:.60} (company, purchaser, guarantor, "
                            "court or holder:<name>)", field="actor")
    fields = {key: value for key, value in data.items() if key != "type"}
    for name in _list_fields(cls.TYPE):
        if fields.get(name) is not None and not isinstance(fields[name], list):
            raise InvalidAction(f"expected a list, got {type(fields[name]).__name__}",
                                field=name)
    try:
        parsed: Action = _actions.structure(fields, cls)
    except cattrs.ClassValidationError as exc:
        message = transform_error(exc, path="", format_exception=_format)[0]
        text, _, path = message.rpartition(" @ ")
        path = path.lstrip(".")
        if "\x00" in text:
            inner, text = text.split("\x00", 1)
            joint = "" if inner.startswith("[") or not path else "."
            path = f"{path}{joint}{inner}"
        raise InvalidAction(text, field=path or "action") from None
    return parsed


@functools.cache
def _list_fields(kind: str) -> tuple[str, ...]:
    """The fields of an action type that hold a list (tuples in the class), found on
    first use."""
    cls = ACTION_TYPES[kind]
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in attrs.fields(cls)
                 if typing.get_origin(hints[f.name]) is tuple
                 or tuple in typing.get_args(hints[f.name])
                 or any(typing.get_origin(a) is tuple for a in typing.get_args(hints[f.name])))


def parse_json(text: str | bytes, limit: int = MAX_ACTION_BYTES) -> Any:
    """JSON text to plain values, with numbers read exactly as Decimals.

    Raises:
        InvalidAction: for text over `limit` (1 MiB, one action) or that is not JSON.
    """
    if len(text) > limit:
        raise InvalidAction(f"at most {limit // (1024 * 1024)} MiB of JSON", field="action")
    try:
        return json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError) as exc:
        raise InvalidAction(f"malformed JSON ({str(exc).splitlines()[0]:.80})",
                            field="action") from None


def _short(value: Any) -> bool:
    """A scalar, or a string under 1000 characters."""
    return not isinstance(value, str | list | dict) or (isinstance(value, str)
                                                        and len(value) < 1000)


def _too_big(data: dict[str, Any]) -> bool:
    """Whether an action given as an object would be over 1 MiB as JSON."""
    if all(_short(value) or (isinstance(value, list) and len(value) < 1000
                             and all(_short(item) for item in value))
           for value in data.values()):
        return False  # under 1000 short values of under 1000 short items: far from 1 MiB
    try:
        return len(json.dumps(data, default=str)) > MAX_ACTION_BYTES
    except (ValueError, RecursionError):
        return False  # structure checks will name what is wrong with it


def action_to_dict(action: Action) -> dict[str, Any]:
    """An action as the JSON object a platform would send."""
    data: dict[str, Any] = {"type": action.TYPE}
    data.update(converter.unstructure(action))
    return {key: value for key, value in data.items() if value is not None}
