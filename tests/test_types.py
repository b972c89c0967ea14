"""Types a platform gets (issue 11 item 4): TypedDicts for status, timeline, records and
results; `ActionResult.state` a `Status`; every name in a public signature exported; and a
typed client checked by `mypy --strict` against the package as a platform installs it."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any, get_type_hints

import attrs
import pytest

import engine
from engine import Deal, Status
from engine.actions import ACTION_TYPES
from engine.codec import from_record, to_record
from engine.demo import STORIES
from engine.views import DealStatus, EventRecord, ResultView, TimelineEntry

CLIENT = Path(__file__).parent / "typed_client"


def _conforms(value: Any, hint: Any, path: str) -> list[str]:
    """Where `value` does not have the shape `hint` describes (TypedDicts, lists, unions)."""
    if hint is Any:
        return []
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        hints = get_type_hints(hint)
        problems = [f"{path}.{key}: missing" for key in hint.__required_keys__
                    if key not in value]
        problems += [f"{path}.{key}: not in {hint.__name__}" for key in value
                     if key not in hints]
        for key, item in value.items():
            if key in hints:
                problems += _conforms(item, hints[key], f"{path}.{key}")
        return problems
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_conforms(value, option, path) for option in args]
        return [] if any(not found for found in options) else options[0]
    if origin is typing.NotRequired:
        return _conforms(value, args[0], path)
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} not one of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [p for i, item in enumerate(value) for p in _conforms(item, args[0],
                                                                      f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        return [p for k, item in value.items() for p in _conforms(item, args[1],
                                                                   f"{path}.{k}")]
    if hint is type(None):
        return [] if value is None else [f"{path}: not null"]
    if hint is int and isinstance(value, bool):
        return [f"{path}: a boolean, not an int"]
    return [] if isinstance(value, hint) else [f"{path}: {type(value).__name__}, not {hint}"]


def _story_deal(story: str) -> Deal:
    deal = Deal.create(None, f"typed-{story}")
    for action in STORIES[story]():
        assert deal.act(action).accepted
    return deal


@pytest.mark.parametrize("story", sorted(STORIES))
def test_status_timeline_records_and_results_have_the_shapes_their_types_say(
        story: str) -> None:
    """Along each demo story, what the engine gives matches its TypedDict exactly."""
    deal = Deal.create(None, f"shapes-{story}")
    for action in STORIES[story]():
        result = deal.act(action)
        assert _conforms(result.to_dict(), ResultView, "result") == []
        assert isinstance(result.state, Status) and result.state == result.to_dict()["state"]
        assert _conforms(deal.status(), DealStatus, "status") == []
    assert _conforms(deal.timeline(), list[TimelineEntry], "timeline") == []
    # A record holds its event's own fields besides these three: `from_record` reads them.
    for record in deal.records():
        assert _conforms({key: record[key] for key in EventRecord.__required_keys__},
                         EventRecord, "record") == []
        assert to_record(from_record(record)) == record
    assert _conforms(deal.status(as_of="1997-10-27T09:01"), DealStatus, "as_of") == []


def test_the_shape_checker_finds_a_value_of_the_wrong_type() -> None:
    """The checker above can fail: a number where a decimal string belongs, an extra key."""
    status: dict[str, Any] = dict(_story_deal("repaid").status())
    status["balances"] = {**status["balances"], "principal_outstanding": 0}
    status["surprise"] = True
    assert _conforms(status, DealStatus, "status") == [
        "status.surprise: not in DealStatus",
        "status.balances.principal_outstanding: int, not <class 'str'>"]


def _names_in(hint: Any) -> set[type]:
    """The classes a type hint mentions, generics and unions opened."""
    found: set[type] = set()
    stack = [hint]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and not typing.get_args(item):
            found.add(item)
        stack.extend(typing.get_args(item))
        origin = typing.get_origin(item)
        if isinstance(origin, type):
            found.add(origin)
    return found


def test_every_class_in_a_public_signature_is_exported() -> None:
    """Every class of ours that a public function, method or field names is in engine.__all__
    (Action and each action class, NoticeSpec, DealState, ConcurrencyConflict...)."""
    ours = ("engine", "contract", "storage")
    exported = {getattr(engine, name) for name in engine.__all__}
    assert set(ACTION_TYPES.values()) <= exported
    missing: set[str] = set()
    for name in engine.__all__:
        obj = getattr(engine, name)
        members = [obj]
        if inspect.isclass(obj):
            members += [m for n, m in vars(obj).items() if not n.startswith("_")
                        and callable(m)]
            if attrs.has(obj):
                members.append(obj.__init__)
        for member in members:
            try:
                hints = get_type_hints(member)
            except (NameError, TypeError):
                continue
            for hint in hints.values():
                for cls in _names_in(hint):
                    if cls.__module__.split(".")[0] in ours and cls not in exported \
                            and not cls.__name__.startswith("_"):
                        missing.add(f"{cls.__module__}.{cls.__name__} (in {name})")
    assert sorted(missing) == [], "\n".join(sorted(missing))


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """mypy --strict over the typed client and the wrong one, run from outside the repository
    with the installed package (as a platform has it), and nothing else on its path."""
    folder = tmp_path_factory.mktemp("client")
    for name in ("client.py", "wrong.py"):
        (folder / name).write_text((CLIENT / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--python-executable", sys.executable, "client.py", "wrong.py"],
        cwd=folder, capture_output=True, text=True, timeout=600, check=False)
    return done.stdout + done.stderr


def test_a_typed_client_passes_mypy_strict_against_the_installed_package(
        mypy_output: str) -> None:
    """The client finds every package (no import-not-found) and type-checks clean."""
    assert "import-not-found" not in mypy_output, mypy_output
    assert not [line for line in mypy_output.splitlines() if line.startswith("client.py")], \
        mypy_output


def test_mypy_strict_rejects_reading_an_amount_as_an_int(mypy_output: str) -> None:
    """The three wrong reads are each a type error, on their lines."""
    errors = re.findall(r"^wrong\.py:(\d+): error: (.*)$", mypy_output, re.MULTILINE)
    assert [int(line) for line, _ in errors] == [10, 11, 12], mypy_output
    assert 'expression has type "str", variable has type "int"' in errors[0][1]
    assert '"Status", variable has type "int"' in errors[1][1]
    assert 'has no key "no_such_key"' in errors[2][1]
