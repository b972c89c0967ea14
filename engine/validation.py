"""The one validation: every action, in whatever form it comes, against one set of bounds.

PRODUCT.md sections 8 and 11, issue 11 item 1: JSON text, a dict, an action
object (`engine.actions`) and a Gherkin step all reach `parse_action`, which
checks every field the same way and builds a fresh, frozen action; bad input
raises `InvalidAction` naming the field, before anything is decided or stored.
An action object is not trusted for being one: its fields are read back into
plain values and checked like a dict's (attrs does not check types).

The bounds:

- an action is at most 1 MiB of JSON, counted in UTF-8 bytes (`MAX_ACTION_BYTES`),
  nested at most `MAX_DEPTH` deep;
- text fields hold at most 10,000 characters (`MAX_TEXT`), and no
  control characters (`contract.printable`: line breaks, tabs, escapes, line
  separators, bidirectional overrides, lone surrogates);
- lists at most 100 entries (10,000 denominations);
- amounts: ASCII digits, at most two decimals, at most 10^12 (`engine.money`);
- times: ISO 8601 in 1900-2100, a New York wall time that names one instant
  (`engine.clock`);
- actors: `company`, `purchaser`, `guarantor`, `court` or `holder:<name>`, the
  name a legal name of 1 to 200 printable characters without spaces around
  it, compared exactly ("holder:Special Fund, L.P.").
"""

from __future__ import annotations

import functools
import json
import types
import typing
import weakref
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.v import transform_error

from contract.printable import control_character, holder_name_problem, shown
from engine.actions import ACTION_TYPES, Action, Damage, NoticeSpec
from engine.clock import parse_time
from engine.errors import InvalidAction
from engine.money import WrittenWithExponent, parse_money

MAX_ACTION_BYTES = 1024 * 1024
MAX_TEXT = 10_000
#: Entries in a list of text or an object of text; denominations may be more.
MAX_ENTRIES = 100
MAX_AMOUNTS = 10_000
#: No action nests deeper than a damage in `damages` or a copy in a notice's `copies`.
MAX_DEPTH = 8

#: The actors that are not holders by name.
PARTY_ACTORS = ("company", "purchaser", "guarantor", "court")
#: Fields that name an actor, or a list of actors, besides `actor`.
_ACTOR_FIELDS = ("to", "against")
_ACTOR_LISTS = ("joined_by", "signed_by")


def check_actor(value: object, field: str = "actor") -> str:
    """An actor: a party, the court, or `holder:<name>` with a legal name.

    Raises:
        InvalidAction: naming `field`, for anything else.
    """
    if isinstance(value, str):
        if value in PARTY_ACTORS:
            return value
        if value.startswith("holder:"):
            problem = holder_name_problem(value.removeprefix("holder:"))
            if problem is None:
                return value
            raise InvalidAction(problem, field=field)
    raise InvalidAction(f"unknown actor {_show(value)} (company, purchaser, guarantor, "
                        "court or holder:<name>)", field=field)


def check_holder(value: str, field: str = "to_holder") -> str:
    """A transferee: `purchaser`, or a holder's legal name with or without `holder:`.

    Raises:
        InvalidAction: naming `field`, for a name that is not a legal name.
    """
    name = value.removeprefix("holder:")
    if name == "purchaser":
        return "purchaser"
    problem = holder_name_problem(name)
    if problem is not None:
        raise InvalidAction(problem, field=field)
    return f"holder:{name}"


def check_text(value: object, field: str = "") -> str:
    """A text field's value: a string of at most 10,000 characters without controls.

    Raises:
        InvalidAction: naming `field`, for anything else.
    """
    if not isinstance(value, str):
        raise InvalidAction(f"expected text, got {type(value).__name__}", field=field or None)
    if len(value) > MAX_TEXT:
        raise InvalidAction(f"text is longer than {MAX_TEXT} characters", field=field or None)
    problem = control_character(value)
    if problem is not None:
        raise InvalidAction(problem, field=field or None)
    return value


_actions = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _text(value: Any, _: Any) -> str:
    return check_text(value)


def _flag(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidAction(f"expected true or false, got {_show(value)}")
    return value


def _amount(value: Any, _: Any) -> Decimal:
    return parse_money(value, "")


def _moment(value: Any, _: Any) -> datetime:
    return parse_time(value, "")


def _amounts(value: Any, _: Any) -> tuple[Decimal, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidAction(f"expected a list of amounts, got {type(value).__name__}")
    if len(value) > MAX_AMOUNTS:
        raise InvalidAction(f"at most {MAX_AMOUNTS} amounts")
    return tuple(parse_money(item, f"[{i}]") for i, item in enumerate(value))


def _texts(value: Any, _: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidAction(f"expected a list of text, got {type(value).__name__}")
    if len(value) > MAX_ENTRIES:
        raise InvalidAction(f"at most {MAX_ENTRIES} entries")
    return tuple(check_text(item, f"[{i}]") for i, item in enumerate(value))


def _text_map(value: Any, _: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InvalidAction(f"expected an object, got {type(value).__name__}")
    if len(value) > MAX_ENTRIES:
        raise InvalidAction(f"at most {MAX_ENTRIES} entries")
    return {check_text(k): check_text(v, str(k)[:40]) for k, v in value.items()}


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
        first = min(exc.extra_fields, key=lambda k: (not isinstance(k, str), shown(k)))
        name = first if isinstance(first, str) else shown(first)
        return f"{name}\x00unknown field (see `npa actions`)"
    return f"expected {_expected(_type)}"


def _expected(kind: Any) -> str:
    """What a field of type `kind` holds, in words, for a value cattrs could not read."""
    origin = typing.get_origin(kind)
    if origin is tuple or origin is list:
        args = [a for a in typing.get_args(kind) if a is not Ellipsis]
        if args and attrs.has(args[0]):
            return f"a list of objects ({', '.join(f.name for f in attrs.fields(args[0]))})"
        return f"a list of {_expected(args[0]) if args else 'values'}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_expected(a) for a in typing.get_args(kind) if a is not type(None))
    if attrs.has(kind):
        return f"an object ({', '.join(f.name for f in attrs.fields(kind))})"
    return getattr(kind, "__name__", "a value of another kind")


#: The actions `parse_action` built, by identity. Each has passed every bound and is
#: frozen, so it is returned as it is when read again: a simulation feeds the same
#: checked action to thousands of deals (issue 12). Any other object is checked.
_CHECKED: weakref.WeakValueDictionary[int, Action] = weakref.WeakValueDictionary()


def parse_action(data: Any) -> Action:
    """The action that JSON text, a dict or an action object describes, checked.

    Returns:
        A new, frozen action whose every field has passed the bounds above (or the
        very action given, when this function built it).

    Raises:
        InvalidAction: naming the field, for anything that is not a valid action.
    """
    if isinstance(data, Action):
        if _CHECKED.get(id(data)) is data:
            return data
        data = _fields_of(data)
    elif isinstance(data, str | bytes):
        data = parse_json(data)
    elif isinstance(data, Mapping):
        data = dict(data)
        if _too_big(data):
            raise InvalidAction("an action is at most 1 MiB of JSON (UTF-8)", field="action")
    if not isinstance(data, dict):
        raise InvalidAction("an action is a JSON object", field="action")
    for key in data:
        if not isinstance(key, str):
            raise InvalidAction(f"field names are text, not {type(key).__name__}",
                                field="action")
    kind = data.get("type")
    if kind is None:
        raise InvalidAction("required field missing", field="type")
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidAction(f"unknown action type {_show(kind)} (see `npa actions`)",
                            field="type")
    if data.get("actor") is None:
        raise InvalidAction("required field missing", field="actor")
    check_actor(data["actor"])
    fields = {key: value for key, value in data.items() if key != "type"}
    for name in _list_fields(cls.TYPE):
        if fields.get(name) is not None and not isinstance(fields[name], list | tuple):
            raise InvalidAction(f"expected a list, got {type(fields[name]).__name__}",
                                field=name)
    try:
        parsed: Action = _actions.structure(fields, cls)
    except cattrs.ClassValidationError as exc:
        message, field = _first_problem(exc)
        raise InvalidAction(message, field=field) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps nesting shallow
        raise InvalidAction("nested too deeply", field="action") from None
    _check_names(parsed)
    _CHECKED[id(parsed)] = parsed
    return parsed


def _first_problem(exc: cattrs.ClassValidationError) -> tuple[str, str]:
    """The first problem cattrs found, as (message, field path)."""
    message = transform_error(exc, path="", format_exception=_format)[0]
    text, _, path = message.rpartition(" @ ")
    path = path.lstrip(".")
    if "\x00" in text:
        inner, text = text.split("\x00", 1)
        joint = "" if inner.startswith("[") or not path else "."
        path = f"{path}{joint}{inner}"
    return text, path or "action"


def _check_names(action: Action) -> None:
    """The fields that name actors or holders name them as actors are named."""
    for name in _ACTOR_FIELDS:
        value = getattr(action, name, None)
        if isinstance(value, str) and value.startswith("holder:"):
            check_actor(value, name)
    for name in _ACTOR_LISTS:
        for index, value in enumerate(getattr(action, name, None) or ()):
            if value.startswith("holder:"):
                check_actor(value, f"{name}[{index}]")
    to_holder = getattr(action, "to_holder", None)
    if isinstance(to_holder, str):
        check_holder(to_holder)
    due = getattr(action, "due", None)
    if isinstance(due, str):
        check_due(due, getattr(action, "purpose", None))


def check_due(value: str, purpose: object) -> date:
    """A payment's `due`: the interest date of the coupon it pays, as YYYY-MM-DD.

    Raises:
        InvalidAction: naming `due`, for text that is no calendar date in
            1900-2100, or a `due` on a payment that is not of interest.
    """
    if purpose != "interest":
        raise InvalidAction("names the coupon a payment of interest pays; it is for "
                            "purpose interest only", field="due")
    day = None
    if len(value) == 10 and value[4] == value[7] == "-" and \
            (value[:4] + value[5:7] + value[8:]).isascii() and \
            (value[:4] + value[5:7] + value[8:]).isdigit():
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None or not 1900 <= day.year <= 2100:
        raise InvalidAction(f"expected an interest date YYYY-MM-DD in 1900-2100, got "
                            f"{_show(value)}", field="due")
    return day


def _fields_of(action: Action) -> dict[str, Any]:
    """An action object's fields as the plain values a dict would hold, to be checked."""
    cls = type(action)
    if ACTION_TYPES.get(cls.TYPE) is not cls:
        raise InvalidAction(f"{cls.__name__} is not an action of the catalogue "
                            "(see `npa actions`)", field="type")
    data: dict[str, Any] = {"type": cls.TYPE}
    for field in attrs.fields(cls):
        data[field.name] = _plain(getattr(action, field.name), 1)
    if _too_big(data):
        raise InvalidAction("an action is at most 1 MiB of JSON (UTF-8)", field="action")
    return data


def _plain(value: Any, depth: int) -> Any:
    """A field's value with the engine's own records (a notice, a damage) as dicts."""
    if depth > MAX_DEPTH:
        raise InvalidAction("nested too deeply", field="action")
    if isinstance(value, NoticeSpec | Damage):
        return {f.name: _plain(getattr(value, f.name), depth + 1)
                for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(item, depth + 1) for item in value]
    return value


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


def utf8_size(text: str) -> int:
    """The bytes `text` takes in UTF-8 (a lone surrogate counted as three)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def parse_json(text: str | bytes, limit: int = MAX_ACTION_BYTES) -> Any:
    """JSON text to plain values, with numbers read exactly as Decimals.

    Raises:
        InvalidAction: for text over `limit` bytes of UTF-8 (1 MiB, one action),
            nested deeper than the interpreter allows, or not JSON.
    """
    size = len(text) if isinstance(text, bytes) else (
        len(text) if len(text) > limit else utf8_size(text))
    if size > limit:
        raise InvalidAction(f"at most {_mib(limit)} of JSON (UTF-8)", field="action")
    try:
        return json.loads(text, parse_float=_json_number, object_pairs_hook=_once_each)
    except InvalidAction:
        raise
    except RecursionError:
        raise InvalidAction("malformed JSON (nested too deeply to read)",
                            field="action") from None
    except ValueError as exc:
        raise InvalidAction(f"malformed JSON ({shown_reason(exc)})", field="action") from None


def shown_reason(exc: Exception, limit: int = 120) -> str:
    """A parser's reason in one line, cut at a word with "..." when it is long."""
    text = " ".join(str(exc).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " ..."


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once: a key given twice could mean
    either value, so it is refused, naming the key (it is not the last one silently)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidAction("given twice", field=key[:80])
            seen.add(key)
    return data


def _json_number(text: str) -> Decimal:
    """A JSON number with a fraction or an exponent, read exactly; one written with an
    exponent is marked, so that an amount so written is refused (`parse_money`)."""
    return WrittenWithExponent(text) if "e" in text or "E" in text else Decimal(text)


def _mib(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"


#: A dict whose values are all scalars or short strings, this many at most, is far under
#: 1 MiB (64 x 4,096 characters x 4 bytes = 1 MiB): it needs no walk.
_FEW_VALUES = 64
_SHORT_TEXT = 4096


def _too_big(data: dict[str, Any]) -> bool:
    """Whether an action given as a dict would be over 1 MiB of UTF-8 JSON."""
    if len(data) <= _FEW_VALUES and all(
            type(key) is str and len(key) < _SHORT_TEXT and (
                len(value) < _SHORT_TEXT if type(value) is str
                else type(value) in _SCALARS or not isinstance(value, _CONTAINERS))
            for key, value in data.items()):
        return False
    return _json_size(data, MAX_ACTION_BYTES, 0) > MAX_ACTION_BYTES


#: Values `_too_big` passes at a glance, and those (or their subclasses) it must walk.
_SCALARS = frozenset({int, float, bool, type(None), Decimal})
_CONTAINERS = (str, list, tuple, dict, Mapping)


def _json_size(value: Any, budget: int, depth: int) -> int:
    """About the bytes `value` takes as UTF-8 JSON, counting no further than past `budget`.

    Strings count their UTF-8 bytes and quotes, containers their separators,
    other values their text. Nesting past `MAX_DEPTH` is left to the structure
    checks, which refuse it; cycles cannot outgrow the budget.
    """
    if isinstance(value, str):
        return utf8_size(value) + 2
    if depth > MAX_DEPTH * 4:
        return budget + 1  # deeper than any action can be, and possibly a cycle
    if isinstance(value, Mapping):
        total = 2
        for key, item in value.items():
            total += _json_size(str(key), budget, depth + 1) + 1
            total += _json_size(item, budget - total, depth + 1) + 1
            if total > budget:
                return total
        return total
    if isinstance(value, list | tuple):
        total = 2
        for item in value:
            total += _json_size(item, budget - total, depth + 1) + 1
            if total > budget:
                return total
        return total
    if value is None or isinstance(value, bool):
        return 5
    if isinstance(value, int):  # str() refuses ints of over 4,300 digits: count them instead
        return value.bit_length() * 30103 // 100_000 + 2
    try:
        return len(str(value))
    except Exception:  # what str() cannot show is refused by the structure checks anyway
        return 16


def _show(value: object) -> str:
    """A user's value on one short line, for an error message."""
    return shown(value, 62)
