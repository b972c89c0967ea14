"""`npa explore` and `engine.explore`: every path up to a depth, its invariants and its
counterexamples, on the real engine."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from engine import ExplorationResult, InvalidAction, explore
from engine import actions as act
from engine import events as ev
from engine.clock import iso
from engine.codec import converter
from engine.decide import decide
from engine.explain import Reason
from engine.exploration import invariants as inv
from engine.exploration.key import KEYER, freeze, state_key
from engine.exploration.moves import Move, moments, moves
from engine.exploration.roots import Line, Root, roots
from engine.exploration.search import explore as search
from engine.exploration.words import STEPS, step_table, step_text
from engine.rules.common import accept
from engine.state import DealState, Status
from features.runner import run_files

#: The depth `make test` explores the 1997 deal to.
DEPTH = 2


@pytest.fixture(scope="module")
def explored() -> ExplorationResult:
    """The 1997 deal explored to the depth of `make test`, once for the module."""
    return explore(DEPTH)


def _root(name: str) -> Root:
    return next(r for r in roots() if r.name == name)


def _child(state: DealState, step: str, pick: Callable[[Move], bool] = lambda m: True
           ) -> tuple[Move, DealState]:
    move = next(m for m in moves(state) if m.step == step and pick(m))
    decision = decide(state, move.action)
    assert decision.after is not None, decision.reasons
    return move, decision.after


# --- the canonical key -------------------------------------------------------------


class TestKey:
    """States are known by what the deal is, not by ids or the order of events."""

    def test_two_notices_sent_in_either_order_make_one_state(self) -> None:
        """A notice of default and a change of address, sent at one moment either way
        round, give the same state (their ids N1 and N2 swap)."""
        start = _root("outstanding").state
        first, a = _child(start, "notice")
        second, b = _child(start, "new_address")
        ab = decide(a, second.action).after
        ba = decide(b, first.action).after
        assert ab is not None and ba is not None
        assert ab.notices["N1"].kind != ba.notices["N1"].kind
        assert state_key(ab) == state_key(ba)

    def test_the_number_of_events_does_not_count(self) -> None:
        """Time passing to the deal's own clock adds an event but changes nothing."""
        start = _root("outstanding").state
        assert start.clock is not None
        after = decide(start, act.Advance(actor="company", at=start.clock)).after
        assert after is not None and after.seq == start.seq + 1
        assert state_key(after) == state_key(start)

    def test_different_deals_have_different_keys(self) -> None:
        """A notice by hand and the same notice by registered mail are different states."""
        start = _root("outstanding").state
        by_hand = _child(start, "notice", lambda m: m.action.notice.method == "hand")[1]
        by_mail = _child(start, "notice",
                         lambda m: m.action.notice.method == "registered_mail")[1]
        assert state_key(by_hand) != state_key(by_mail)

    def test_a_key_built_from_the_parent_equals_one_built_afresh(self) -> None:
        """Reusing the parent's parts for the fields a child shares gives the same key."""
        for root in roots():
            parts = state_key(root.state)
            for move in moves(root.state):
                after = decide(root.state, move.action).after
                if after is not None:
                    assert KEYER.parts(after, root.state, parts) == state_key(after), move.step

    def test_every_field_of_a_record_counts_new_ones_too(self) -> None:
        """Two claims that differ only in a field the key names nowhere differ in key."""
        state = _child(_root("outstanding").state, "claim")[1]
        claim = state.claims["C1"]
        field = attrs.fields(type(claim))[-1]
        changed = attrs.evolve(claim, **{field.name: Decimal("1.00")
                                         if getattr(claim, field.name) != Decimal("1.00")
                                         else Decimal("2.00")})
        assert state_key(_with(state, claims={"C1": changed})) != state_key(state)

    def test_a_field_the_key_does_not_know_is_keyed_by_its_contents(self) -> None:
        """A field added to DealState later is keyed by its contents, whatever it holds."""
        assert freeze({"a": [1, 2], "b": {"c": Decimal("1.00")}}) == \
            freeze({"b": {"c": Decimal("1.00")}, "a": (1, 2)})
        assert freeze({"a": 1}) != freeze({"a": 2})


# --- the moves and their words ----------------------------------------------------------


def _first_of_each_kind() -> dict[str, tuple[Root, list[Move], Move]]:
    """For every kind of move, one path to a state where it is a move (at most one move)."""
    found: dict[str, tuple[Root, list[Move], Move]] = {}
    for root in roots():
        for move in moves(root.state):
            found.setdefault(move.step, (root, [], move))
        for move in moves(root.state):
            after = decide(root.state, move.action).after
            if after is None:
                continue
            for later in moves(after):
                found.setdefault(later.step, (root, [move], later))
    return found


def _run_line(world: Any, line: Line, keyword: str) -> None:
    from features.steps import find

    found = find(line.text, keyword)
    assert found is not None, f"no step of the vocabulary reads: {line.text}"
    entry, args = found
    entry.run(world, args, [list(row) for row in line.table] if line.table else None)


def _after(state: DealState, move: Move) -> DealState:
    decided = decide(state, move.action)
    assert decided.after is not None, (move.step, decided.reasons)
    return decided.after


def _line(move: Move) -> Line:
    table = step_table(move)
    return Line(step_text(move), tuple(map(tuple, table)) if table else None)


class TestMoves:
    """Every move is an action of the catalogue, at a moment that matters, in words."""

    def test_the_moments_are_now_and_around_the_next_deadline(self) -> None:
        """After the Closing the next boundary is the end of the quarterly report's 55 days:
        moves are taken at 23:59 on November 24, 1997, at midnight, and a minute after."""
        now, later = moments(_root("outstanding").state)
        assert iso(now) == "1997-10-27T11:00:00-05:00"
        assert [iso(m) for m in later] == ["1997-11-24T23:59:00-05:00",
                                           "1997-11-25T00:00:00-05:00",
                                           "1997-11-25T00:01:00-05:00"]

    def test_the_roots_are_the_scenes_the_given_steps_set(self) -> None:
        """Each root's Given steps, run in a feature, make the very same deal."""
        from features.steps import World

        for root in roots():
            world = World()
            for line in root.lines:
                _run_line(world, line, "given")
            assert state_key(world.deal.state) == state_key(root.state), root.name
            assert len(world.deal.events) == len(root.log), root.name

    def test_every_kind_of_move_reads_as_a_step_that_takes_it(self) -> None:
        """The words of each kind of move, run through the vocabulary, take exactly the
        move's action, and lead to the explorer's own state."""
        from features.steps import World

        for step, (root, path, move) in sorted(_first_of_each_kind().items()):
            world = World()
            for line in root.lines:
                _run_line(world, line, "given")
            state = root.state
            for taken in [*path, move]:
                _run_line(world, _line(taken), "when")
                assert world.result is not None, step
                assert converter.unstructure(world.history[-1].action) == \
                    converter.unstructure(taken.action), step
                decided = decide(state, taken.action)
                state = decided.after or state
                assert state_key(world.deal.state) == state_key(state), step

    def test_moves_shared_between_states_are_the_moves_made_afresh(self) -> None:
        """A family's moves, made once for what it reads of a state, are the moves it makes
        for every state that agrees on that: checked on every state two moves deep."""

        def shown(found: list[Move]) -> list[Any]:
            return [(m.step, m.words, converter.unstructure(m.action)) for m in found]

        frontier = [r.state for r in roots()]
        for _ in range(2):
            following = []
            for state in frontier:
                assert shown(moves(state)) == shown(moves(state, fresh=True))
                following += [d.after for d in (decide(state, m.action) for m in moves(state))
                              if d.after is not None]
            frontier = following[::7]

    def test_holders_of_half_each_join_the_acceleration(self) -> None:
        """In the `shared` scene (half each) after an Event of Default: Purchaser's
        acceleration is a move that leaves it pending; Acme Bank's, plain or naming
        Purchaser, is then a move that accelerates; the Company naming Purchaser is one
        that is refused."""
        state = _root("shared").state
        state = _after(state, next(m for m in moves(state) if m.step == "misrepresentation"))
        first = next(m for m in moves(state) if m.step == "accelerate"
                     and m.action.actor == "purchaser" and m.action.notice.method == "hand")
        pending = _after(state, first)
        assert pending.joined == {"acceleration": ("purchaser",)}
        assert pending.accelerated_at is None
        joins = [m for m in moves(pending) if m.step in ("accelerate", "accelerate_joined")
                 and m.action.actor != "purchaser"]
        outcomes = {(m.step, m.action.actor): decide(pending, m.action) for m in joins}
        assert outcomes[("accelerate_joined", "company")].accepted is False
        for key in (("accelerate", "holder:Acme Bank"), ("accelerate_joined", "holder:Acme Bank")):
            after = outcomes[key].after
            assert after is not None and after.accelerated_at is not None, key

    def test_the_domains_reach_every_kind_of_move(self) -> None:
        """Every wording of the moves is used by some move within one move of a root."""
        assert set(_first_of_each_kind()) == set(STEPS)


# --- the exploration ---------------------------------------------------------------------


class TestExplore:
    """Breadth first from four scenes, states deduplicated, invariants on every move."""

    def test_the_1997_deal_to_the_depth_of_make_test_breaks_no_invariant(
            self, explored: ExplorationResult) -> None:
        """No sequence of two moves from any scene breaks an invariant."""
        assert explored.violations == ()
        assert explored.invalid_moves == ()
        assert explored.complete and explored.depth_reached == DEPTH
        assert explored.roots == ("outstanding", "shared", "signed", "made")

    def test_it_reaches_every_lifecycle_state(self, explored: ExplorationResult) -> None:
        """Within two moves the deal is signed, closed, in default and Repaid (insolvency
        accelerates; the principal is then paid)."""
        reached = {state for edge, _ in explored.edges for state in edge}
        assert reached == {s.value for s in Status}
        edges = dict(explored.edges)
        assert edges[("Drafted", "ConditionsPending")] > 0
        assert edges[("Outstanding", "Default")] > 0
        assert edges[("Default", "Repaid")] > 0

    def test_the_counts_add_up(self, explored: ExplorationResult) -> None:
        """Every move tried is accepted or refused; every transition is on an edge."""
        assert explored.moves == explored.transitions + explored.refused
        assert sum(n for _, n in explored.edges) == explored.transitions
        assert explored.states > explored.transitions // 4 > 0

    def test_workers_give_the_same_result(self, explored: ExplorationResult) -> None:
        """Two processes find the same states, transitions, graph and sections."""
        shared = explore(DEPTH, workers=2)
        same = ("states", "transitions", "refused", "moves", "edges", "mermaid",
                "sections_exercised", "violations", "depth_reached")
        assert {k: getattr(shared, k) for k in same} == {k: getattr(explored, k) for k in same}

    def test_exact_keys_find_the_same_states_as_their_hashes(
            self, explored: ExplorationResult) -> None:
        """No two states of the run share a hash: whole keys count the same states."""
        assert search(DEPTH, exact=True).states == explored.states

    @pytest.mark.parametrize("workers", [1, 2])
    def test_max_states_stops_cleanly_and_says_so(self, workers: int) -> None:
        """The search stops at the limit, says it is incomplete, whatever the workers."""
        result = explore(3, max_states=300, workers=workers)
        assert result.states == 300
        assert not result.complete
        assert result.stopped == ("stopped at --max-states 300: the exploration to depth 3 "
                                  "is incomplete")

    def test_a_limit_the_exploration_does_not_pass_leaves_it_complete(
            self, explored: ExplorationResult) -> None:
        """The search stops only at a state past the limit: a limit equal to the whole
        count is a complete exploration; one less is not; a limit below the number of
        roots keeps that many roots, and says it stopped."""
        whole = explore(1)
        assert explore(1, max_states=whole.states).complete
        short = explore(1, max_states=whole.states - 1)
        assert (short.states, short.complete) == (whole.states - 1, False)
        for limit in (1, 2):
            few = explore(1, max_states=limit)
            assert (few.states, few.complete) == (limit, False)
            assert few.stopped == (f"stopped at --max-states {limit}: the exploration to "
                                   "depth 1 is incomplete")

    def test_the_same_limit_gives_the_same_partial_result_with_workers(self) -> None:
        """Stopping at a limit is deterministic: the same counts with one or two workers."""
        one, two = explore(3, max_states=500), explore(3, max_states=500, workers=2)
        assert (one.transitions, one.refused, one.edges) == (two.transitions, two.refused,
                                                             two.edges)

    @pytest.mark.parametrize("kwargs", [{"depth": -1}, {"depth": "2"}, {"depth": True},
                                        {"depth": 1, "max_states": 0},
                                        {"depth": 1, "workers": 0},
                                        {"depth": 1, "terms": {"notes": {}}}])
    def test_bad_arguments_are_refused(self, kwargs: dict[str, Any]) -> None:
        """A depth, limit or number of workers out of range is InvalidAction naming it
        (an NpaError, exit 2, and a ValueError as before)."""
        depth = kwargs.pop("depth")
        with pytest.raises(InvalidAction, match=r"^(depth|max_states|workers|terms):") as caught:
            explore(depth, **kwargs)
        assert caught.value.field in ("depth", "max_states", "workers", "terms")
        assert isinstance(caught.value, ValueError) and caught.value.exit_code == 2

    def test_the_graph_is_mermaid_with_the_count_of_each_edge(
            self, explored: ExplorationResult) -> None:
        """Each edge of the reachable lifecycle is drawn with its number of transitions."""
        for (source, dest), count in explored.edges:
            assert f"s_{source} --> s_{dest} : {count}" in explored.mermaid
        assert 'state "Default" as s_Default' in explored.mermaid

    def test_the_sections_never_exercised_are_cited_by_rules(
            self, explored: ExplorationResult) -> None:
        """The sections never exercised are sections some rule cites, and none exercised."""
        from engine.citations import cited_sections, covers

        never = set(explored.sections_never_exercised)
        assert never <= set(cited_sections())
        assert not any(covers(s, explored.sections_exercised) for s in never)
        assert "Schedule 1 (d)" in explored.sections_exercised
        assert "Schedule 1 (a)" in never  # principal unpaid at maturity: far deeper


MERMAID = Path(__file__).resolve().parent.parent / ".venv" / "mermaid"


@pytest.mark.skipif(shutil.which("node") is None
                    or not (MERMAID / "node_modules" / "mermaid").is_dir(),
                    reason="mermaid's parser is installed by `make test` (needs npm)")
def test_the_explored_graph_is_valid_mermaid(explored: ExplorationResult) -> None:
    """mermaid's own parser reads the graph of an exploration as a state diagram."""
    script = MERMAID / "mermaid_parse.mjs"
    shutil.copyfile(Path(__file__).resolve().parent / "mermaid_parse.mjs", script)
    result = subprocess.run(["node", str(script), explored.mermaid], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "stateDiagram"


# --- the checker can fail: faults injected into the engine ------------------------------


def _spec(feature: str, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "counterexample.feature"
    path.write_text(feature, encoding="utf-8")
    return run_files([path])


def _then_line(feature: str) -> int:
    return next(i for i, line in enumerate(feature.splitlines(), start=1)
                if line.strip().startswith("Then "))


def _found(result: ExplorationResult, name: str) -> inv.Invariant | Any:
    found = [v for v in result.violations if v.invariant == name]
    assert found, [(v.invariant, v.message) for v in result.violations]
    return found[0]


def _minority_accelerates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any Holder of some principal may act as Holders of a majority."""
    from engine.rules import majority

    monkeypatch.setattr(majority, "holders_of_a_majority",
                        lambda state, group: majority.held_by(state, group) > 0)


def _joined_by_counts_who_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10's bug put back: the Holders an action names in `joined_by` are counted as
    though they had joined it themselves."""
    import attrs as _attrs

    from engine.rules import majority

    real = majority.holders_act

    def lenient(state: DealState, **kwargs: Any) -> Any:
        named = tuple(kwargs["joined_by"])
        joined = {**state.joined, kwargs["act"]: (*state.joined.get(kwargs["act"], ()),
                                                  *named)}
        return real(_attrs.evolve(state, joined=joined), **kwargs)

    monkeypatch.setattr(majority, "holders_act", lenient)
    from engine.rules import default, sending

    monkeypatch.setattr(default, "holders_act", lenient)
    monkeypatch.setattr(sending, "holders_act", lenient)


def _paid_after_repaid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Interest or principal is accepted once the Notes are Repaid."""
    from engine.rules import payments

    real = payments.pay_holders

    def pay(state: DealState, action: act.Pay) -> Any:
        if state.status is Status.Repaid and action.actor == "company":
            return accept(ev.PaymentMade(at=action.at, purpose=action.purpose,
                                         amount=action.amount, payer="company",
                                         payee="holders"))
        return real(state, action)

    monkeypatch.setattr(payments, "pay_holders", pay)


def _default_without_cause(monkeypatch: pytest.MonkeyPatch) -> None:
    """Events of Default are recorded without their cause."""
    from engine.rules import default

    real = default.default_occurs
    monkeypatch.setattr(default, "default_occurs", lambda *a, **k: attrs.evolve(
        real(*a, **k), cause=None))


def _refusal_changes_the_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusing a signature after execution marks, in place, a condition waived."""
    from engine.rules import signing
    from engine.state import Marked

    real = signing.sign

    def sign(state: DealState, action: act.Sign) -> Any:
        decision = real(state, action)
        if not decision.accepted:
            state.marked["5.1(h)"] = Marked("waived", "purchaser", action.at)  # type: ignore[index]
        return decision

    monkeypatch.setattr(signing, "sign", sign)
    from engine import decide as decide_module

    monkeypatch.setitem(decide_module.RULES, act.Sign, sign)


def _refusal_without_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal of the signature page quotes nothing."""
    from engine.rules import signing

    monkeypatch.setattr(signing, "refusal", lambda section, message: Reason(section, message, ""))


def _event_dated_earlier(monkeypatch: pytest.MonkeyPatch) -> None:
    """Time passing is recorded a day before it happened."""
    from engine import decide as decide_module

    monkeypatch.setitem(decide_module.RULES, act.Advance, lambda state, action: accept(
        ev.ClockAdvanced(at=action.at - timedelta(days=1))))


FAULTS = [
    # (the fault, the invariant it breaks, the depth at which exploration finds it)
    (_minority_accelerates, "acceleration_needs_default_and_majority", 2),
    (_joined_by_counts_who_it_names, "acceleration_needs_default_and_majority", 2),
    (_paid_after_repaid, "repaid_is_final", 3),
    (_default_without_cause, "every_default_has_a_cause", 1),
    (_refusal_changes_the_state, "a_refused_action_changes_nothing", 1),
    (_refusal_without_words, "every_refusal_cites_a_section", 1),
    (_event_dated_earlier, "events_in_time_order", 1),
]


@pytest.mark.parametrize(("fault", "name", "depth"), FAULTS,
                         ids=[f"{f[1]}-{f[0].__name__.strip('_')}" for f in FAULTS])
def test_exploration_finds_each_injected_fault(
        fault: Callable[[pytest.MonkeyPatch], None], name: str, depth: int,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With a fault in the engine, exploration finds it at the depth stated, and its
    counterexample fails under `npa spec` at the invariant's line; without the fault the
    same feature passes."""
    fault(monkeypatch)
    result = search(depth, until_violation=True)
    violation = _found(result, name)
    assert violation.depth == depth
    report = _spec(violation.feature, tmp_path)
    (scenario,) = report["scenarios"]
    assert scenario["status"] == "failed", scenario
    assert scenario["step"]["line"] == _then_line(violation.feature)
    monkeypatch.undo()
    assert _spec(violation.feature, tmp_path)["ok"], violation.feature


def _refusal_changes_what_time_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusing time's passing adds, in place, a notice to the notices of the state the
    deadlines due by then made (a notice has just taken effect): not to the state the move
    was decided on, which the moves at that instant share."""
    from engine import decide as decide_module
    from engine.explain import refusal
    from engine.rules.common import refuse

    def advance(state: DealState, action: act.Advance) -> Any:
        fresh = [n for n in state.notices.values()
                 if n.took_effect and n.effective_at == action.at]
        if fresh:
            state.notices["N99"] = attrs.evolve(fresh[0], id="N99")  # type: ignore[index]
            return refuse([refusal("time passing", "refused, having changed the state")])
        return decide_module._advance(state, action)

    monkeypatch.setitem(decide_module.RULES, act.Advance, advance)


def test_a_decision_that_changes_the_state_time_made_is_found(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The moves of a state at one instant share what the deadlines due by then made of it;
    that state is keyed again after the moves, so a decision that changed it in place is
    found (and only that check finds it: with it switched off, nothing is)."""
    from engine.exploration import search as search_module

    _refusal_changes_what_time_made(monkeypatch)
    found = [(v.invariant, v.depth) for v in search(2, until_violation=True).violations]
    assert found == [("a_refused_action_changes_nothing", 2)]
    monkeypatch.setattr(search_module._Fired, "changed", lambda self: False)
    assert not search(2).violations


def test_the_deadlines_due_at_an_instant_fire_once_for_the_moves_at_it() -> None:
    """`_Fired` gives every move at one instant the very same events and state, and keys the
    state it made, which shows a change made to it in place."""
    from engine.deal import Deal
    from engine.exploration.search import _Fired

    deal = Deal.create(None, "fired")
    at = "1998-01-05T09:00"
    assert deal.act({"type": "send_notice", "actor": "purchaser", "at": at, "to": "company",
                     "kind": "other", "notice": {"method": "registered_mail",
                                                 "postmarked_at": at}}).accepted
    state = deal.state
    due = state.deadlines[0].due
    fire = _Fired(state, state_key(state))
    fired, made = fire(state, due)
    assert made is not state and fired
    assert all(n.took_effect for n in made.notices.values())
    assert not any(n.took_effect for n in state.notices.values())
    assert fire(state, due) == (fired, made)
    assert fire(state, due)[1] is made
    assert not fire.changed()
    made.notices["N99"] = next(iter(made.notices.values()))  # type: ignore[index]
    assert fire.changed()
    assert state_key(state) == fire.parts  # the state the moves were decided on is intact


def test_a_fault_is_not_found_at_a_smaller_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    """The payment after Repaid needs three moves: two find nothing."""
    _paid_after_repaid(monkeypatch)
    assert explore(2).violations == ()


def test_a_counterexample_reads_as_a_scenario(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scene's Given, the moves before the last as And, the last as When, the invariant
    as Then."""
    _default_without_cause(monkeypatch)
    violation = _found(search(1, until_violation=True), "every_default_has_a_cause")
    lines = [line.strip() for line in violation.feature.splitlines()]
    assert lines[0] == "Feature: Counterexample 1: every Event of Default has a cause in the log"
    steps = [line for line in lines if line.split(" ")[0] in ("Given", "And", "When", "Then")]
    assert steps[0] == ("Given the 1997 deal, closed on October 27, 1997, with the Notes "
                        "outstanding")
    assert steps[1].startswith("When ")
    assert steps[-1] == "Then every Event of Default has a cause in the log"


# --- each invariant, on a move made wrong by hand -----------------------------------------


def _seen(step: str = "misrepresentation", root: str = "outstanding") -> inv.Seen:
    start = _root(root).state
    move = next(m for m in moves(start) if m.step == step)
    decision = decide(start, move.action)
    after = decision.after or start
    return inv.Seen(start, move.action, decision.accepted, decision.reasons, decision.events,
                    after, state_key(start), state_key(start),
                    lambda: [*_root(root).log, *decision.events])


class TestInvariants:
    """Each invariant holds on real moves and fails on one made wrong."""

    def test_each_holds_on_the_moves_of_every_root(self) -> None:
        """No invariant reports anything on any move of any root."""
        for root in roots():
            for move in moves(root.state):
                decision = decide(root.state, move.action)
                seen = inv.Seen(root.state, move.action, decision.accepted, decision.reasons,
                                decision.events, decision.after or root.state,
                                log=lambda r=root, d=decision: [*r.log, *d.events])
                assert inv.check_all(seen) == [], move.step

    def test_money_is_conserved_fails_on_a_payment_left_out(self) -> None:
        """A balance that moved without a payment is money not conserved."""
        seen = _seen()
        wrong = attrs.evolve(seen, after=_with(seen.after, paid={**seen.after.paid,
                                                                   "interest": Decimal("1.00")}))
        assert "interest paid went from $0.00 to $1.00" in (inv.money_is_conserved(wrong) or "")

    def test_money_is_conserved_fails_on_a_claim_paid_without_a_payment(self) -> None:
        """Only a claim's record changed (nothing paid, no balance moved): the claims are
        still checked against the payments of indemnity."""
        from engine.state import Claim

        seen = _seen()
        claim = Claim("C1", "purchaser", "company", "3.6", (), "N1", seen.after.clock,
                      paid=Decimal("5.00"))
        wrong = attrs.evolve(seen, after=_with(seen.after, claims={"C1": claim}))
        assert wrong.after.paid is seen.before.paid
        assert "the claims record $5.00 paid" in (inv.money_is_conserved(wrong) or "")

    def test_repaid_means_nothing_is_owed_fails_with_principal_outstanding(self) -> None:
        """Repaid with principal still held is a violation."""
        seen = _seen()
        wrong = attrs.evolve(seen, after=_with(seen.after, status=Status.Repaid))
        assert "principal outstanding" in (inv.repaid_means_nothing_is_owed(wrong) or "")

    def test_every_default_has_a_cause_fails_on_a_section_4_cause(self) -> None:
        """An Event of Default (d) on Purchaser's representation has no cause under (d)."""
        seen = _seen()
        made = dict(seen.after.misrepresentations)
        made["M1"] = attrs.evolve(made["M1"], section="4.1")
        wrong = attrs.evolve(seen, after=_with(seen.after, misrepresentations=made))
        assert "no representation of section 3" in (inv.every_default_has_a_cause(wrong) or "")

    def test_every_default_has_a_cause_fails_on_an_allegation(self) -> None:
        """An Event of Default (d) on Purchaser's record alone is no proof (issue 9 item 10)."""
        seen = _seen()
        made = dict(seen.after.misrepresentations)
        made["M1"] = attrs.evolve(made["M1"], by="purchaser")
        wrong = attrs.evolve(seen, after=_with(seen.after, misrepresentations=made))
        assert "an allegation by purchaser" in (inv.every_default_has_a_cause(wrong) or "")
        assert inv.every_default_has_a_cause(seen) is None

    def test_acceleration_fails_without_a_default(self) -> None:
        """An acceleration with no Event of Default continuing is a violation."""
        seen = _seen("insolvency")
        accelerated = [e for e in seen.events if isinstance(e, ev.Accelerated)]
        wrong = attrs.evolve(seen, after=_with(seen.after, defaults={}), events=tuple(accelerated))
        assert "no Event of Default" in (inv.acceleration_needs_default_and_majority(wrong) or "")

    def test_acceleration_fails_when_a_named_holder_did_not_act(self) -> None:
        """A notice of acceleration counting a Holder who never took it is a violation,
        though that Holder holds every Note (issue 10, item 1)."""
        seen = _seen("insolvency")
        sent = ev.NoticeSent(at=seen.action.at, notice="N9", sender="company", to="company",
                             kind="acceleration", method="hand", address=None, copies=None,
                             delivered_at=seen.action.at, postmarked_at=None,
                             confirmed_at=None, effective_at=seen.action.at, defects=(),
                             joined_by=("purchaser",))
        wrong = attrs.evolve(seen, events=(sent,),
                             action=act.Accelerate(actor="company", at=seen.action.at,
                                                   notice=act.NoticeSpec(method="hand")))
        assert "counted Purchaser as joining it" in (
            inv.acceleration_needs_default_and_majority(wrong) or "")

    def test_a_waiver_fails_when_a_named_holder_did_not_sign(self) -> None:
        """A waiver counting a Holder who never signed it is a violation; one by a Holder of
        a minority alone is one too."""
        seen = _seen()
        waived = ev.DefaultWaived(at=seen.action.at, event_of_default="E1",
                                  by=("company", "purchaser"))
        wrong = attrs.evolve(seen, events=(waived,), action=act.WaiveDefault(
            actor="company", at=seen.action.at, event_of_default="E1"))
        assert "counted Purchaser, who had not signed it" in (
            inv.waiver_needs_majority(wrong) or "")
        holders = {"purchaser": Decimal("3750000.00"), "holder:acme": Decimal("3750000.00")}
        minority = attrs.evolve(seen, before=_with(seen.before, holders=holders),
                                events=(attrs.evolve(waived, by=("purchaser",)),),
                                action=act.WaiveDefault(actor="purchaser", at=seen.action.at,
                                                        event_of_default="E1"))
        assert "(no majority), was accepted" in (inv.waiver_needs_majority(minority) or "")
        assert inv.waiver_needs_majority(seen) is None

    def test_repaid_is_final_fails_when_repaid_moves_on(self) -> None:
        """A Repaid deal that becomes anything else is a violation."""
        seen = _seen()
        wrong = attrs.evolve(seen, before=_with(seen.before, status=Status.Repaid))
        assert inv.repaid_is_final(wrong) == "a Repaid deal became Default"

    def test_a_refused_action_that_adds_an_event_is_a_violation(self) -> None:
        """A refusal with events, or one that changed its state, changes something."""
        seen = _seen("sign")
        assert not seen.accepted
        assert inv.a_refused_action_changes_nothing(attrs.evolve(
            seen, events=(ev.ClockAdvanced(at=seen.action.at),)))
        assert inv.a_refused_action_changes_nothing(attrs.evolve(seen, key_after_deciding=()))

    def test_a_refusal_without_its_clause_is_a_violation(self) -> None:
        """A refusal that quotes the wrong words does not quote its text."""
        seen = _seen("sign")
        reason = seen.reasons[0]
        wrong = attrs.evolve(seen, reasons=(Reason(reason.section, reason.message, "words"),))
        assert "does not quote its text" in (inv.every_refusal_cites_a_section(wrong) or "")

    def test_an_event_before_the_clock_is_a_violation(self) -> None:
        """An event dated before the deal's clock is out of time order."""
        seen = _seen()
        early = ev.ClockAdvanced(at=seen.before.clock - timedelta(minutes=1))  # type: ignore[operator]
        assert inv.events_in_time_order(attrs.evolve(seen, events=(early,)))

    def test_the_status_as_of_fails_on_a_log_that_lost_an_event(self) -> None:
        """A log missing the last event before the action does not replay to the status."""
        seen = _seen("advance")
        log = list(seen.log())  # type: ignore[misc]
        assert inv.status_as_of_equals_replay(seen) is None
        lost = [e for e in log if not isinstance(e, ev.GuaranteeDelivered)]
        wrong = attrs.evolve(seen, log=lambda: lost)
        assert "differs from the replay" in (inv.status_as_of_equals_replay(wrong) or "")


def _with(state: DealState, **changes: Any) -> DealState:
    fresh: DealState = object.__new__(DealState)
    fresh.__dict__.update(state.__dict__)
    fresh.__dict__.update(changes)
    return fresh


def test_moves_are_taken_at_whole_minutes_held_as_instants() -> None:
    """Moves carry instants in UTC, as the engine holds them, at whole minutes."""
    for move in moves(_root("outstanding").state):
        at: datetime = move.action.at
        assert at.tzinfo is UTC and at.second == 0


@pytest.mark.parametrize("cell", ['"Nomura \\\\ Holding"', "a|b", "back\\slash", "\\|", "\\n", ""])
def test_a_counterexample_table_cell_reads_back_as_written(cell: str) -> None:
    """Gherkin reads `\\\\`, `\\|` and `\\n` in a table cell as escapes: a term whose TOML
    value holds a backslash (a name, an escape) is written so that the counterexample's
    "Given the deal made from this term sheet:" reads the very value back."""
    from gherkin.parser import Parser

    from engine.exploration.counterexample import table_cell

    text = ("Feature: f\n  Scenario: s\n    Given the deal made from this term sheet:\n"
            f"      | term | value |\n      | parties.purchaser.name | {table_cell(cell)} |\n")
    step = Parser().parse(text)["feature"]["children"][0]["scenario"]["steps"][0]
    assert step["dataTable"]["rows"][1]["cells"][1]["value"] == cell


def test_explore_takes_a_term_sheet_as_toml_text_as_simulate_does() -> None:
    """`engine.simulate(terms=...)` takes TOML text; so does `engine.explore` (it refused it),
    and a bad sheet is a TermsError naming its key."""
    from contract import TermsError, load_terms

    text = '[deal]\nclosing_date = 1997-10-28\n'
    assert explore(0, terms=text).states == explore(0, terms=load_terms(text)).states
    with pytest.raises(TermsError) as caught:
        explore(0, terms="[notes]\nrate = '2'\n")
    assert caught.value.field == "notes.rate"
