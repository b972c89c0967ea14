"""Whether a stored log can be trusted as a deal's history: in time order, and foldable.

A store checks that its rows chain (`storage.sqlite`); this module checks
what the chain cannot: that no event is dated before the event it follows
(`engine.state.times_in_order`; PRODUCT.md section 5: the engine processes
actions in time order, so an honest log never goes back in time), and that
every event folds onto the state before it (an `instrument_delivered` for a
request nobody made, a `state_changed` to a state that does not exist,
cannot). Either failure makes the log a `BrokenLog`: one line, exit 1, and
nothing is appended to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.errors import BrokenLog
from engine.events import Event
from engine.state import DealState, evolve, times_in_order

__all__ = ["fold_log"]


def fold_log(deal_id: str, events: Sequence[Event], state: DealState | None = None) -> DealState:
    """The state the events fold to, after checking their time order and that each folds.

    Args:
        deal_id: the deal, for the error line.
        events: the events in log order (the whole log, or those after `state`).
        state: the state they continue, if not the start of the log.

    Raises:
        BrokenLog: naming the deal and the first bad seq.
    """
    current = state if state is not None else DealState()
    first = current.seq + 1
    late = times_in_order(events, current.clock, first)
    if late:
        more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
        raise BrokenLog(f"deal {deal_id!r}: {late[0]}{more}")
    for seq, event in enumerate(events, start=first):
        try:
            current = evolve(current, event)
        except Exception as exc:  # an event that cannot follow the state before it
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise BrokenLog(f"deal {deal_id!r}: seq {seq}: {event.TAG} cannot follow the "
                            f"events before it ({type(exc).__name__}: {detail:.120})") from None
    return current
