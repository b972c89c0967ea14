"""Steps for the invariants of engine.exploration: what no sequence of moves may break.

Each invariant of `engine.exploration.invariants` is a Then step in its own
words ("Then money is conserved"), checked on every action the scenario took
(each as it was taken: the state before, the engine's answer, the events it
added, the state after); "Then every invariant holds" checks them all. A
counterexample written by `npa explore` ends with the step of the invariant
its last move broke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from features.steps.registry import THEN, step
from features.steps.types import p
from features.steps.world import World


def _broken(world: World, invariants: Iterable[object]) -> list[str]:
    """What the scenario's actions broke, action by action, each with its invariant (with
    no deal there is nothing to check: the step fails rather than pass having checked
    nothing)."""
    world.need_deal()
    world.outcome()
    wrong: list[str] = []
    for number, seen in enumerate(world.history, start=1):
        for inv in invariants:
            message = inv.check(seen)  # type: ignore[attr-defined]
            if message:
                what = seen.action.TYPE.replace("_", " ")
                wrong.append(f"{inv.words} is broken by action {number} ({what}): "  # type: ignore[attr-defined]
                             f"{message}")
    return wrong


def _holds(inv: object) -> Callable[[World], None]:
    def check(world: World) -> None:
        wrong = _broken(world, [inv])
        if wrong:
            raise AssertionError("; ".join(wrong))

    check.__name__ = f"invariant_{inv.name}"  # type: ignore[attr-defined]
    check.__doc__ = (f"On every action the scenario took: {inv.protects}")  # type: ignore[attr-defined]
    return check


def _register() -> None:
    from engine.exploration.invariants import INVARIANTS

    for inv in INVARIANTS:
        step(THEN, p(inv.words))(_holds(inv))


_register()


@step(THEN, p("every invariant holds"))
def every_invariant_holds(world: World) -> None:
    """Every invariant of the exploration (`npa explore`) holds on every action the
    scenario took: money is conserved, Repaid means nothing is owed, every Event of Default
    has a cause, acceleration comes from Holders of a majority after an Event of Default,
    Repaid is final, a refused action changes nothing, every refusal cites a section and
    quotes its text, no event is dated before the one it follows, and the status as of any
    earlier time equals the replay of the log up to it."""
    from engine.exploration.invariants import INVARIANTS

    wrong = _broken(world, INVARIANTS)
    if wrong:
        raise AssertionError("; ".join(wrong))
