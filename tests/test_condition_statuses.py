"""5.1 and 5.2: the statuses the query tables store are worked out again whenever what
they read changes (`condition_statuses` reuses the last deal's when nothing it reads was
replaced: bench row 3, issue 11 item 13)."""

from __future__ import annotations

import attrs

from contract import CONDITIONS
from engine.decide import decide
from engine.exploration.moves import moves
from engine.exploration.roots import roots
from engine.rules.conditions import condition, condition_status, condition_statuses
from engine.state import DealState


def _fresh(state: DealState) -> dict[str, str]:
    return {c.section: condition_status(state, c) for c in CONDITIONS}


def test_each_move_from_every_root_gets_the_statuses_of_its_own_state() -> None:
    checked, changed = 0, 0
    for root in roots():
        parent = root.state
        for move in moves(parent):
            decision = decide(parent, move.action)
            if not decision.accepted or decision.after is None:
                continue
            child = decision.after
            # The parent's statuses are the last ones worked out, as after a stored action.
            assert condition_statuses(parent) == _fresh(parent)
            assert condition_statuses(child) == _fresh(child), move.step
            checked += 1
            changed += _fresh(child) != _fresh(parent)
    # The roots' moves satisfy, waive, record proceedings and misrepresentations: many of
    # them change a status, and each such change was seen at once.
    assert checked > 50 and changed > 10, (checked, changed)


def test_a_state_whose_marks_changed_is_not_given_the_last_statuses() -> None:
    state = next(r.state for r in roots() if any(
        condition(s).kind == "delivery" for s in r.state.marked))
    section = next(s for s in state.marked if condition(s).kind == "delivery")
    assert condition_statuses(state)[section] in ("satisfied", "waived")
    fields = {f.name: getattr(state, f.name) for f in attrs.fields(DealState)}
    unmarked = DealState(**{**fields, "marked": {k: v for k, v in state.marked.items()
                                                 if k != section}})
    assert condition_statuses(unmarked)[section] == "pending"
