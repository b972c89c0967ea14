"""The registry of steps: each with its keyword, parser and function; `find` matches a
step's text against it, for pytest-bdd and for `npa spec` alike.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from features.steps.types import CONDITION, TEXT_EXAMPLE, TYPES, StepError, StepPattern

if TYPE_CHECKING:
    from features.steps.world import World


@dataclass(frozen=True)
class Step:
    """One entry of the vocabulary: a keyword, a parser and the function it runs."""

    keyword: str
    parser: StepPattern
    func: Callable[..., None]
    about: Callable[[Mapping[str, Any]], set[str]] | None = None

    @property
    def pattern(self) -> str:
        """The step as a person writes it: "<Party> signs on <Date> at <Time>"."""
        text = re.sub(r"\{\w+:(\w+)\}", r"<\1>", self.parser.name)
        return re.sub(r"\{\w+\}", "<text>", text)

    @property
    def example(self) -> str:
        """The step with example values, to compare a misspelt step with."""
        text = re.sub(r"\{\w+:(\w+)\}", lambda m: TYPES[m.group(1)].example,  # type: ignore[attr-defined]
                      self.parser.name)
        return re.sub(r"\{\w+\}", TEXT_EXAMPLE, text)

    @property
    def doc(self) -> str:
        """What the step does, from its function's docstring."""
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def takes_table(self) -> bool:
        """Whether the step reads a data table."""
        return "datatable" in inspect.signature(self.func).parameters

    def match(self, text: str) -> dict[str, Any] | None:
        """The step's arguments if `text` is this step, else None.

        Raises:
            StepError: the text has this step's shape but a value is wrong
                ("February 30, 1998").
        """
        found = self.parser.parser.parse(text, evaluate_result=False)
        if found is None:
            return None
        try:
            return dict(found.evaluate_result().named)
        except StepError:
            raise
        except ValueError as exc:  # pragma: no cover - converters raise StepError
            raise StepError(str(exc)) from None

    def conditions(self, args: Mapping[str, Any]) -> set[str]:
        """The conditions of 5.1 and 5.2 that the step, with these arguments, names."""
        if self.about is not None:
            return self.about(args)
        named: set[str] = set()
        for value in args.values():
            values = value if isinstance(value, tuple) else (value,)
            named |= {v for v in values if isinstance(v, str) and CONDITION.fullmatch(v)}
        return named

    def begin(self, world: World) -> None:
        """Before the step runs (in `npa spec` and under pytest-bdd alike): its keyword is
        the world's, and an outcome first fails on an invalid last action nothing expected."""
        world.keyword = self.keyword
        if self.keyword == THEN and not getattr(self.func, "expects_invalid", False):
            world.outcome()

    def run(self, world: World, args: Mapping[str, Any], table: list[list[str]] | None) -> None:
        """Run the step on a world, with its arguments and data table."""
        self.begin(world)
        kwargs = dict(args)
        if self.takes_table:
            kwargs["datatable"] = table if table is not None else []
        self.func(world, **kwargs)


REGISTRY: list[Step] = []


GIVEN, WHEN, THEN = "given", "when", "then"


ACTION = (GIVEN, WHEN)


def step(
    keywords: str | tuple[str, ...],
    parser: StepPattern,
    *,
    about: Callable[[Mapping[str, Any]], set[str]] | None = None,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a step function under one keyword or several ("given", "when", "then")."""

    def register(func: Callable[..., None]) -> Callable[..., None]:
        for keyword in (keywords,) if isinstance(keywords, str) else keywords:
            REGISTRY.append(Step(keyword, parser, func, about))
        return func

    return register


def find(text: str, keyword: str | None) -> tuple[Step, dict[str, Any]] | None:
    """The first registered step of that keyword (any keyword if None) that `text` is.

    Raises:
        StepError: the text has a step's shape but one of its values is wrong.
    """
    for entry in REGISTRY:
        if keyword is not None and entry.keyword != keyword:
            continue
        args = entry.match(text)
        if args is not None:
            return entry, args
    return None


def conditions_named(texts: Iterable[str]) -> frozenset[str]:
    """The conditions of 5.1 and 5.2 that any of these step texts names.

    This is what "every other condition of 5.1 and 5.2 is met" leaves out.
    """
    named: set[str] = set()
    for text in texts:
        try:
            found = find(text, None)
        except StepError:
            continue
        if found is not None:
            named |= found[0].conditions(found[1])
    return frozenset(named)


def vocabulary() -> list[dict[str, str]]:
    """Every step a feature may use: its keyword, its pattern and what it does."""
    return [{"keyword": entry.keyword, "pattern": entry.pattern, "doc": entry.doc}
            for entry in REGISTRY]
