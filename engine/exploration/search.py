"""Every path up to a depth: breadth first from the roots, states told apart by their key.

Level by level, every state of the frontier is expanded: each of its moves is
decided by the engine (`engine.decide.decide`), on the state itself (states
are immutable: they are forked, never replayed), and every invariant is
checked on what followed. An accepted move leads to a state; a state whose
canonical key was seen before is not explored again. A refused move must
change nothing: its decision adds no event, and the state it was decided on
is keyed afresh after all its moves, to show that no decision changed it.
The moves of one state decided at one instant share what time passing up to
that instant made of the state (`_Fired`, which keys each such state again
after all the moves too).

Breadth first, so the first path found to a broken invariant is a shortest
one. A state that breaks an invariant is counted but not explored further.

States are told apart by a 64-bit hash of their canonical key (exact keys
are kept with `exact=True`, which the tests use to check that no two states
of a run share a hash).

With `workers` > 1 each level's frontier is split into chunks, expanded by
forked processes that see the frontier as it was at the fork, and merged in
the frontier's own order, move by move: the same states, the same first
paths, the same counts, whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import attrs

from contract import TermSheet, load_terms
from contract.printable import shown
from engine.citations import cited_by
from engine.deadlines import fire_until
from engine.decide import decide
from engine.errors import InvalidAction
from engine.events import Event
from engine.exploration.invariants import INVARIANTS, SAMPLE, Seen, by_name
from engine.exploration.key import KEYER, Parts, state_key
from engine.exploration.moves import Move, moves
from engine.exploration.result import ExplorationResult, Violation, lifecycle_mermaid
from engine.exploration.roots import Root, roots
from engine.state import DealState, Status

#: The pseudo-invariant of a decision that ends in an error instead of an answer.
ERROR = "the_engine_answers_every_action"


class Outcome(NamedTuple):
    """What one move of one state came to, as a worker reports it (a named tuple: one is
    made for every move tried)."""

    #: The move's place among the state's moves.
    tried: int
    accepted: bool
    key: Hashable = None
    edge: tuple[str, str] | None = None
    broken: tuple[tuple[str, str], ...] = ()
    #: In-process only: the state it led to, its key parts and its events.
    child: tuple[DealState, Parts, tuple[Event, ...]] | None = None


@attrs.frozen(eq=False)
class Expanded:
    """One state of the frontier expanded: each move's outcome, and what it exercised."""

    node: int
    outcomes: tuple[Outcome, ...]
    sections: frozenset[str]
    invalid: tuple[str, ...] = ()


@attrs.frozen(eq=False)
class Frontier:
    """A state waiting to be expanded: its node, state, key parts and depth."""

    node: int
    state: DealState
    parts: Parts
    depth: int


class _Graph:
    """Every node found: its parent, the move that led to it, its root; and the events of
    the nodes that are expanded (to rebuild a path's log)."""

    def __init__(self, starts: Sequence[Root], terms: TermSheet | None = None) -> None:
        self.roots = list(starts)
        self.terms = terms
        self.parent: list[int] = []
        self.move: list[int] = []
        self.root: list[int] = []
        self.events: dict[int, tuple[Event, ...]] = {}

    def add(self, parent: int, move: int, root: int) -> int:
        self.parent.append(parent)
        self.move.append(move)
        self.root.append(root)
        return len(self.parent) - 1

    def path(self, node: int) -> tuple[int, list[int]]:
        """The root index and the move indices from the root to the node."""
        indices: list[int] = []
        while self.parent[node] >= 0:
            indices.append(self.move[node])
            node = self.parent[node]
        return self.root[node], indices[::-1]

    def log(self, node: int) -> list[Event]:
        """The node's whole log: its root's, then each expanded ancestor's events."""
        chain: list[tuple[Event, ...]] = []
        while self.parent[node] >= 0:
            chain.append(self.events[node])
            node = self.parent[node]
        out = list(self.roots[self.root[node]].log)
        for events in reversed(chain):
            out.extend(events)
        return out


#: What forked workers read: set before each level's pool is made.
_LEVEL: dict[str, Any] = {}


class _Fired:
    """`fire_until` on one state, remembered for each instant its moves are decided at
    (every move at that instant starts from the same deadlines fired), and each state it
    made keyed, so that `changed` can show afterwards that no decision changed one."""

    def __init__(self, state: DealState, parts: Parts) -> None:
        self.state = state
        self.parts = parts
        self._at: dict[datetime, tuple[list[Event], DealState]] = {}
        self._keys: list[tuple[DealState, Parts]] = []

    def __call__(self, state: DealState, at: datetime) -> tuple[list[Event], DealState]:
        if state is not self.state:  # pragma: no cover - decide passes its own state
            return fire_until(state, at)
        got = self._at.get(at)
        if got is None:
            got = self._at[at] = fire_until(state, at)
            if got[1] is not state:
                self._keys.append((got[1], KEYER.parts(got[1], state, self.parts)))
        return got

    def changed(self) -> bool:
        """Whether a decision changed a state time passing made (in its own objects: those
        it shares with the state it came from are checked with that state)."""
        return any(KEYER.parts(made, self.state, self.parts) != parts
                   for made, parts in self._keys)


def _expand(item: Frontier, graph: _Graph, keep_children: bool, exact: bool) -> Expanded:
    """Decide every move of one state and check every invariant on each."""
    state = item.state
    outcomes: list[Outcome] = []
    sections: set[str] = set()
    invalid: list[str] = []
    tried = moves(state)
    fire = _Fired(state, item.parts)
    source = state.status.value
    spot = item.node * 61
    for index, move in enumerate(tried):
        try:
            decision = decide(state, move.action, bring=fire)
        except InvalidAction as exc:
            invalid.append(f"{move.step}: {exc}")
            continue
        except Exception as exc:  # a bug of the engine: reported as a violation
            outcomes.append(Outcome(index, False, broken=(
                (ERROR, f"deciding the action raised {type(exc).__name__}: {exc}"),)))
            continue
        sample = (spot + index) % SAMPLE == 0
        reasons = decision.reasons
        if reasons:  # refused
            seen = Seen(state, move.action, False, reasons, (), state)
            broken = _check(seen, sample)
            sections.update([r.section for r in reasons])
            outcomes.append(Outcome(index, False, None, None, broken))
            continue
        after = decision.after
        assert after is not None
        parts = KEYER.parts(after, state, item.parts)
        log = (lambda d=decision: [*graph.log(item.node), *d.events]) if sample else None
        seen = Seen(state, move.action, True, (), decision.events, after, log=log)
        broken = _check(seen, sample)
        sections |= cited_by(after, decision.events)
        key: Hashable = parts if exact else hash(parts)
        child = (after, parts, decision.events) if keep_children else None
        outcomes.append(Outcome(index, True, key, (source, _VALUE[after.status]), broken,
                                child))
    if state_key(state) != item.parts or fire.changed():
        outcomes = _blame(item, graph, outcomes)
    return Expanded(item.node, tuple(outcomes), frozenset(sections), tuple(invalid))


#: Each lifecycle state's name (an enum's `value` is a property, looked up each time).
_VALUE = {status: status.value for status in Status}

_ON_ACCEPTED = tuple(inv for inv in INVARIANTS if inv.sample == 1 and inv.on_accepted)
_ON_REFUSED = tuple(inv for inv in INVARIANTS if inv.sample == 1 and inv.on_refused)
_SAMPLED = tuple(inv for inv in INVARIANTS if inv.sample > 1)


def _check(seen: Seen, sample: bool) -> tuple[tuple[str, str], ...]:
    """Every invariant the move broke: each that looks at such a move, the costly ones on
    a sample."""
    checks = _ON_ACCEPTED if seen.accepted else _ON_REFUSED
    if sample:
        checks = checks + tuple(i for i in _SAMPLED
                                if (i.on_accepted if seen.accepted else i.on_refused))
    broken = []
    for inv in checks:
        wrong = inv.check(seen)
        if wrong:
            broken.append((inv.name, wrong))
    return tuple(broken)


def _blame(item: Frontier, graph: _Graph, outcomes: list[Outcome]) -> list[Outcome]:
    """A decision changed the state it was decided on (or one time passing made of it):
    find which, deciding the moves again in order on a fresh copy."""
    fresh = _rebuild(graph, item.node)
    before = state_key(fresh)
    fire = _Fired(fresh, before)
    for index, move in enumerate(moves(fresh)):
        try:
            decision = decide(fresh, move.action, bring=fire)
        except Exception:  # reported by the first pass already
            continue
        if state_key(fresh) != before or fire.changed():
            what = "refused" if not decision.accepted else "accepted"
            wrong = (by_name("a_refused_action_changes_nothing").name,
                     f"deciding this {what} action changed the state it was decided on")
            return [o._replace(broken=(*o.broken, wrong)) if o.tried == index else o
                    for o in outcomes]
    return outcomes


def _rebuild(graph: _Graph, node: int) -> DealState:
    """A node's state, decided afresh along its path from its root, itself made afresh (a
    decision that changed a state in place may have changed the root's own objects)."""
    root, path = graph.path(node)
    state = roots(graph.terms)[root].state
    for index in path:
        decision = decide(state, moves(state)[index].action)
        assert decision.after is not None
        state = decision.after
    return state


def _work(indices: list[int]) -> list[tuple[int, Expanded]]:
    """A forked worker's share of a level: the frontier items at these positions."""
    frontier: list[Frontier] = _LEVEL["frontier"]
    graph: _Graph = _LEVEL["graph"]
    return [(i, _expand(frontier[i], graph, False, _LEVEL["exact"])) for i in indices]


def _chunks(size: int, workers: int) -> list[list[int]]:
    """The positions of a frontier in chunks, several per worker, in order."""
    count = max(1, min(size, workers * 8))
    step = -(-size // count)
    return [list(range(i, min(size, i + step))) for i in range(0, size, step)]


#: The deepest exploration and the most processes `explore` takes (as `npa explore` does):
#: the state space grows about fourfold a level, so depth 50 is already past any machine.
MAX_DEPTH = 50
MAX_WORKERS = 64


def explore(depth: int, *, terms: TermSheet | str | None = None,
            max_states: int | None = None,
            workers: int = 1, exact: bool = False, until_violation: bool = False,
            seconds: float | None = None) -> ExplorationResult:
    """Every sequence of the parties' moves up to `depth`, from each root.

    Args:
        depth: how many moves a path may have after its root (0: the roots alone).
        terms: a term sheet, or its TOML text (default: the 1997 deal's).
        max_states: stop, and say so, once this many distinct states are found.
        workers: processes that share each level's frontier (same result for any).
        exact: tell states apart by their whole key instead of its hash.
        until_violation: stop, and say so, at the first broken invariant.
        seconds: stop, and say so, after this long (the benchmark's "depth reached in
            60 s"; a result cut short by time depends on the machine).

    Raises:
        InvalidAction: for a depth, max_states or workers out of range, or terms that are
            no term sheet (naming which), or a term sheet whose own Closing cannot be held
            (or whose Notes cannot be shared by two Holders, a scene explored from).
    """
    if isinstance(depth, bool) or not isinstance(depth, int) or not 0 <= depth <= MAX_DEPTH:
        raise InvalidAction(f"a whole number of moves, 0 to {MAX_DEPTH}, not "
                            f"{shown(depth, 40)}", field="depth")
    if max_states is not None and (isinstance(max_states, bool) or not isinstance(
            max_states, int) or max_states < 1):
        raise InvalidAction(f"a whole number, 1 or more, not {shown(max_states, 40)}",
                            field="max_states")
    if isinstance(workers, bool) or not isinstance(workers, int) or \
            not 1 <= workers <= MAX_WORKERS:
        raise InvalidAction(f"a whole number of processes, 1 to {MAX_WORKERS}, not "
                            f"{shown(workers, 40)}", field="workers")
    if isinstance(terms, str):  # TOML text, as `engine.simulate` takes it
        terms = load_terms(terms)
    if terms is not None and not isinstance(terms, TermSheet):
        raise InvalidAction("a contract.TermSheet, TOML text, or None, not "
                            f"{type(terms).__name__}", field="terms")
    started = time.perf_counter()
    starts = roots(terms)
    graph = _Graph(starts, terms)
    tally = _Tally(graph, {}, max_states, depth, exact, until_violation)
    frontier: list[Frontier] = []
    for number, root in enumerate(starts):
        parts = state_key(root.state)
        key: Hashable = parts if exact else hash(parts)
        if key not in tally.seen and tally.full():
            break  # a limit below the number of roots: that many roots
        tally.root_seen(number, root)
        if key in tally.seen:
            continue
        node = graph.add(-1, -1, number)
        tally.seen[key] = node
        frontier.append(Frontier(node, root.state, parts, 0))
    level = 0
    while frontier and level < depth and not tally.stopped:
        following: list[Frontier] = []
        for result in _level(frontier, graph, workers, exact):
            following += tally.merge(result, level + 1)
            if seconds is not None and time.perf_counter() - started > seconds:
                tally.stopped = f"stopped after {seconds:g} s at depth {level + 1}"
            if tally.stopped:
                break
        frontier = following
        level += 1
    elapsed = time.perf_counter() - started
    return tally.result(terms, starts, elapsed, workers)


def _level(frontier: list[Frontier], graph: _Graph, workers: int,
           exact: bool) -> Iterator[tuple[Frontier, Expanded]]:
    """Expand a level in order, in process or in forked workers (merged in order, and
    abandoned as soon as the caller stops reading)."""
    if workers == 1 or len(frontier) < 2:
        for item in frontier:
            yield item, _expand(item, graph, True, exact)
        return
    _LEVEL.update(frontier=frontier, graph=graph, exact=exact)
    context = multiprocessing.get_context("fork")
    pool = context.Pool(workers)
    try:
        for chunk in pool.imap(_work, _chunks(len(frontier), workers)):
            for result in chunk:
                yield frontier[result[0]], result[1]
    finally:
        pool.terminate()
        pool.join()
        _LEVEL.clear()


class _Tally:
    """The merge of each expanded state's results, in frontier order, and the counts."""

    def __init__(self, graph: _Graph, seen: dict[Hashable, int], limit: int | None,
                 depth: int, exact: bool, until_violation: bool) -> None:
        self.graph = graph
        self.seen = seen
        self.limit = limit
        self.depth = depth
        self.exact = exact
        self.until_violation = until_violation
        self.stopped: str | None = None
        self.moves = self.transitions = self.refused = 0
        self.edges: Counter[tuple[str, str]] = Counter()
        self.sections: set[str] = set()
        self.first: dict[str, Violation] = {}
        self.counts: Counter[str] = Counter()
        self.invalid: list[str] = []
        self.depth_reached = 0

    def root_seen(self, number: int, root: Root) -> None:
        """The actions that set a root's scene are checked like any other move."""
        from engine.exploration.counterexample import at_root

        self.sections |= root.sections
        for name, message in root.broken:
            self.counts[name] += 1
            if name not in self.first:
                self.first[name] = at_root(root, name, message)

    def merge(self, pair: tuple[Frontier, Expanded], depth: int) -> list[Frontier]:
        """Fold one expanded state in: new nodes, its part of the next frontier, counts,
        violations; stop at the limit of states, or at the first violation if asked."""
        item, result = pair
        following: list[Frontier] = []
        self.sections |= result.sections
        self.invalid += result.invalid
        tried: list[Move] | None = None
        for outcome in result.outcomes:
            if outcome.accepted and outcome.key not in self.seen and self.full():
                break  # a state past the limit: the search stops before it
            self.moves += 1
            for name, message in outcome.broken:
                self.counts[name] += 1
                if name not in self.first:
                    self.first[name] = self._violation(item.node, outcome.tried, name,
                                                       message, depth)
                if self.until_violation:
                    self.stopped = "stopped at the first broken invariant"
            if not outcome.accepted:
                self.refused += 1
                continue
            self.transitions += 1
            assert outcome.edge is not None
            self.edges[outcome.edge] += 1
            if outcome.key in self.seen:
                continue
            node = self.graph.add(item.node, outcome.tried, self.graph.root[item.node])
            self.seen[outcome.key] = node
            self.depth_reached = max(self.depth_reached, depth)
            if depth < self.depth and not outcome.broken:
                if outcome.child is None:
                    if tried is None:
                        tried = moves(item.state)
                    outcome = outcome._replace(child=_decided(item, tried[outcome.tried]))
                assert outcome.child is not None
                state, parts, events = outcome.child
                self.graph.events[node] = events
                following.append(Frontier(node, state, parts, depth))
            if self.stopped:
                break
        return following

    def full(self) -> bool:
        """Whether the limit of states is reached: then a new state stops the search (so a
        limit equal to the whole count leaves it complete), and it says so."""
        if self.limit is None or len(self.seen) < self.limit:
            return False
        self.stopped = (f"stopped at --max-states {self.limit}: the exploration to "
                        f"depth {self.depth} is incomplete")
        return True

    def _violation(self, node: int, index: int, name: str, message: str,
                   depth: int) -> Violation:
        from engine.exploration.counterexample import violation

        root, path = self.graph.path(node)
        return violation(self.graph.roots[root], [*path, index], name, message, depth)

    def result(self, terms: TermSheet | None, starts: Sequence[Root], elapsed: float,
               workers: int) -> ExplorationResult:
        from engine.citations import cited_sections, covers

        states = len(self.seen)
        violations = tuple(
            attrs.evolve(v, count=self.counts[v.invariant], number=i + 1,
                         feature=v.feature.replace("Counterexample 1:", f"Counterexample {i + 1}:",
                                                   1))
            for i, v in enumerate(sorted(self.first.values(), key=_order)))
        cited = cited_sections()
        never = tuple(s for s in cited if not covers(s, self.sections))
        names = {inv.name: inv for inv in INVARIANTS}
        checked = [{"name": inv.name, "words": inv.words, "protects": inv.protects,
                    "sampled": inv.sample > 1, "broken": self.counts[inv.name]}
                   for inv in names.values()]
        return ExplorationResult(
            depth=self.depth, terms=None if terms is None else "term sheet", workers=workers,
            roots=tuple(r.name for r in starts), states=states, transitions=self.transitions,
            refused=self.refused, moves=self.moves, seconds=elapsed,
            states_per_second=states / elapsed if elapsed > 0 else 0.0,
            depth_reached=self.depth_reached, complete=not self.stopped,
            stopped=self.stopped,
            edges=tuple(sorted(self.edges.items())),
            starts=tuple(dict.fromkeys(r.state.status.value for r in starts)),
            mermaid=lifecycle_mermaid(self.edges, tuple(r.state.status.value for r in starts)),
            invariants=tuple(checked), violations=violations,
            sections_exercised=tuple(sorted(self.sections)),
            sections_never_exercised=never, invalid_moves=tuple(self.invalid[:20]),
        )


def _order(v: Violation) -> tuple[int, int]:
    names = [inv.name for inv in INVARIANTS] + [ERROR]
    return (names.index(v.invariant) if v.invariant in names else len(names), v.depth)


def _decided(item: Frontier, move: Move) -> tuple[DealState, Parts, tuple[Event, ...]]:
    """A child state decided again in the parent process (workers send only keys)."""
    decision = decide(item.state, move.action)
    assert decision.after is not None
    return decision.after, KEYER.parts(decision.after, item.state, item.parts), decision.events
