"""pytest-bdd's side of the vocabulary: every registered step bound into a test module.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, MutableMapping
from typing import Any

from features.steps.registry import GIVEN, REGISTRY, THEN, WHEN, Step, conditions_named
from features.steps.types import TYPES
from features.steps.world import World

_TEXTS_KEY: Any = None


def _texts_key() -> Any:
    """The pytest stash key under which a scenario's step texts are kept."""
    global _TEXTS_KEY
    if _TEXTS_KEY is None:
        import pytest

        _TEXTS_KEY = pytest.StashKey[tuple[str, ...]]()
    return _TEXTS_KEY


def remember_scenario(request: Any, texts: Iterable[str]) -> None:
    """Keep a scenario's step texts for its World (from `pytest_bdd_before_scenario`)."""
    request.node.stash[_texts_key()] = tuple(texts)


def _bound(entry: Step) -> Callable[..., None]:
    """The step function as pytest-bdd calls it: the world fixture and the parsed arguments."""

    @functools.wraps(entry.func)
    def run(world: World, **kwargs: Any) -> None:
        entry.begin(world)
        entry.func(world, **kwargs)

    return run


def register_pytest_bdd(namespace: MutableMapping[str, Any]) -> None:
    """Bind every step of the registry, and a `world` fixture, into a test module.

    Call it at the top level of the module as `register_pytest_bdd(globals())`:
    pytest-bdd puts each step definition in its caller's module.
    """
    import pytest
    from pytest_bdd import given, parsers, then, when

    if sys._getframe(1).f_globals is not namespace:
        raise RuntimeError("call register_pytest_bdd(globals()) at a test module's top level")

    @pytest.fixture
    def world(request: pytest.FixtureRequest) -> World:
        """A fresh World for each scenario, told which conditions the scenario names."""
        return World(named=conditions_named(request.node.stash.get(_texts_key(), ())))

    namespace["world"] = world
    decorators = {GIVEN: given, WHEN: when, THEN: then}
    for entry in REGISTRY:
        # stacklevel 2: pytest-bdd puts the definition in the caller of this function.
        parser = parsers.parse(entry.parser.name, extra_types=dict(TYPES), case_sensitive=True)
        decorators[entry.keyword](parser, stacklevel=2)(_bound(entry))
