"""Steps for what became of an action: accepted, refused under a section, invalid,
and the deal's state.
"""

from __future__ import annotations

from features.steps.registry import THEN, step
from features.steps.types import StepError, p
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
