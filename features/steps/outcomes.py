"""Steps for what became of an action: accepted, refused under a section, invalid,
and the deal's state.
"""

from __future__ import annotations

import re
from typing import Any

from features.steps.registry import THEN, WHEN, find, step
from features.steps.types import TYPES, StepError, p
from features.steps.world import World, reasons_in_words


@step(THEN, p("the deal is {state:State}"))
def the_deal_is(world: World, state: str) -> None:
    """The deal's lifecycle state is that one."""
    world.outcome()
    actual = world.status()["state"]
    if actual != state:
        refused = ""
        if world.result is not None and not world.result.accepted:
            refused = f" (the last action was refused: {reasons_in_words(world.result)})"
        raise AssertionError(f"the deal is {actual}, not {state}{refused}")


@step(THEN, p("the action is accepted"))
def the_action_is_accepted(world: World) -> None:
    """The last action was accepted."""
    world.outcome()
    if world.result is None:
        raise StepError("no action has been taken")
    if not world.result.accepted:
        raise AssertionError(f"the action was refused: {reasons_in_words(world.result)}")


@step(THEN, p("the action is refused under {section:Section}"))
def the_action_is_refused(world: World, section: str) -> None:
    """The last action was refused, and one of its reasons cites that section."""
    world.outcome()
    if world.result is None:
        raise StepError("no action has been taken")
    if world.result.accepted:
        raise AssertionError(f"the action was accepted (the deal is {world.result.state}), "
                             f"not refused under {section}")
    cited = [reason.section for reason in world.result.reasons]
    if section not in cited:
        raise AssertionError(f"the action was refused under {', '.join(cited)}, not "
                             f"{section}: {reasons_in_words(world.result)}")


@step(THEN, p("the action is rejected as invalid"))
def the_action_is_invalid(world: World) -> None:
    """The last action was not a valid action at all (bad input: nothing was stored)."""
    if world.error is None:
        raise AssertionError("the last action was a valid action")
    world.error_seen = True


#: The one outcome that looks at an invalid action instead of failing on it.
the_action_is_invalid.expects_invalid = True  # type: ignore[attr-defined]


# --- the same in other words, and what a party may or may not do -----------------------


@step(THEN, p("the deal is in {state:State}"))
def the_deal_is_in(world: World, state: str) -> None:
    """The deal's lifecycle state is that one ("the deal is in Default")."""
    the_deal_is(world, state)


@step(THEN, p("the deal is in default"))
def the_deal_is_in_default(world: World) -> None:
    """The deal is in Default: an Event of Default continues (Schedule 1, ASSUMED)."""
    the_deal_is(world, "Default")


@step(THEN, p("the action is refused"))
def the_action_is_refused_for_any_reason(world: World) -> None:
    """The last action was refused, whatever the section."""
    world.outcome()
    if world.result is None:
        raise StepError("no action has been taken")
    if world.result.accepted:
        raise AssertionError(f"the action was accepted (the deal is {world.result.state})")


@step(THEN, p("the action is refused under {section:Section} and {more:Sections}"))
@step(THEN, p("the action is refused under {section:Section}, {more:Sections}"))
def the_action_is_refused_under_each(world: World, section: str,
                                     more: tuple[str, ...]) -> None:
    """The last action was refused, and its reasons cite every one of those sections."""
    for each in (section, *more):
        the_action_is_refused(world, each)


def _the_action_named(world: World, types: tuple[str, ...]) -> None:
    """Before a Then on "the waiver" (or closing, ...): the last action was one."""
    from features.steps.types import ACTION_NOUNS

    world.outcome()
    if world.action is None or world.result is None:
        raise StepError("no action has been taken")
    if world.action["type"] not in types:
        noun = next(n for n, t in ACTION_NOUNS.items() if t == types)
        raise StepError(f"the last action was not a {noun} but {world.action['type']}")


@step(THEN, p("the {types:ActionNoun} is refused under {section:Section}"))
def the_named_action_is_refused(world: World, types: tuple[str, ...], section: str) -> None:
    """The last action, a waiver (or closing, payment, notice, transfer, claim,
    acceleration, amendment, delivery...), was refused under that section."""
    _the_action_named(world, types)
    the_action_is_refused(world, section)


@step(THEN, p("the {types:ActionNoun} is refused"))
def the_named_action_is_refused_for_any_reason(world: World, types: tuple[str, ...]) -> None:
    """The last action, a waiver (or closing, payment, ...), was refused."""
    _the_action_named(world, types)
    the_action_is_refused_for_any_reason(world)


@step(THEN, p("the {types:ActionNoun} is accepted"))
def the_named_action_is_accepted(world: World, types: tuple[str, ...]) -> None:
    """The last action, a waiver (or closing, payment, ...), was accepted."""
    _the_action_named(world, types)
    the_action_is_accepted(world)


def _third_person(verb: str) -> str:
    """A verb as the steps write it after a party: close is closes, satisfy satisfies."""
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_UNDER = re.compile(r"(?P<doing>.*?) under (?P<sections>[^ ].*)")


def _why_not(world: World, who: str, doing: str) -> tuple[str, list[Any], list[str]]:
    """The action "<who> <does> ..." would be, and what stands in its way, without taking it.

    Returns the words of the action, the reasons, and the sections asked for after
    "under", if any.
    """
    world.outcome()
    deal = world.need_deal()
    asked: list[str] = []
    found_under = _UNDER.fullmatch(doing)
    if found_under is not None:
        try:
            asked = list(TYPES["Sections"](found_under["sections"]))
            doing = found_under["doing"]
        except (StepError, ValueError, KeyError):
            asked = []
    verb, _, rest = doing.partition(" ")
    text = f"{who} {_third_person(verb)} {rest}".strip()
    try:
        found = find(text, WHEN)
    except StepError:
        raise
    if found is None:
        raise StepError(f'"{text}" is not an action the vocabulary knows')
    definition, args = found
    # The check takes nothing: what the step would do first (the officers' certificates a
    # Closing delivers before it is held) is done on a copy of the deal held apart, and the
    # scenario's deal, clock, certificates, history and sections are left as they were.
    captured: list[dict[str, Any]] = []
    saved = (world.capture, world.keyword, world.deal, list(world.at_the_closing),
             len(world.history), list(world.sections))
    world.capture = captured
    world.deal = apart = deal.fork()
    try:
        definition.run(world, args, None)
    finally:
        (world.capture, world.keyword, world.deal, world.at_the_closing, history,
         world.sections) = saved
        del world.history[history:]
    if not captured:
        raise StepError(f'"{text}" takes no action to check')
    return text, list(apart.why_not(captured[0])), asked


@step(THEN, p("{who} cannot {doing}"))
def cannot(world: World, who: str, doing: str) -> None:
    """Something stands in the way of the action, which is not taken (a why-not check).

    "the Company cannot close on October 28, 1997 at 10:00"; with "under
    2.1" after it, a reason must cite that section.
    """
    text, reasons, asked = _why_not(world, who, doing)
    if not reasons:
        raise AssertionError(f"nothing stands in the way: {text} would be accepted")
    cited = [r.section for r in reasons]
    missing = [s for s in asked if s not in cited]
    if missing:
        raise AssertionError(f"{text} would be refused under {', '.join(cited)}, not "
                             f"{', '.join(missing)}: "
                             + "; ".join(f"{r.section}: {r.message}" for r in reasons))


@step(THEN, p("{who} may {doing}"))
def may(world: World, who: str, doing: str) -> None:
    """Nothing stands in the way of the action, which is not taken (a why-not check):
    "Purchaser may waive condition 5.1(d) on October 24, 1997 at 09:00"."""
    if doing.startswith("not "):
        cannot(world, who, doing.removeprefix("not "))
        return
    text, reasons, _ = _why_not(world, who, doing)
    if reasons:
        raise AssertionError(f"{text} would be refused: "
                             + "; ".join(f"{r.section}: {r.message}" for r in reasons))
