"""The executable Note Purchase Agreement: the names a platform needs.

    from engine import Deal
    from storage import SqliteStore

    store = SqliteStore("deals.db")
    deal = Deal.create(store, "lexington-1997")
    result = deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    result.accepted, result.reasons

The credit analyst's names (`simulate`, `simulate_path`, `run_scenario` and
their result classes, from `engine.simulation`) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.deal import ActionResult, Deal, verify
from engine.errors import (
    BrokenLog,
    DealExists,
    InvalidAction,
    InvalidDealId,
    InvalidSetting,
    NpaError,
    StorageError,
    StoreBusy,
    UnknownDeal,
)
from engine.explain import Reason
from engine.ports import EventLog, MemoryLog
from engine.state import Status

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from contract import TermSheet
    from engine.clause_coverage import CoverageReport
    from engine.exploration.result import ExplorationResult
    from engine.simulation import (
        BehaviourModel,
        ModelError,
        PathResult,
        ScenarioResult,
        SimulationError,
        SimulationResult,
        run_scenario,
        simulate,
        simulate_path,
    )


def explore(depth: int, *, terms: TermSheet | None = None, max_states: int | None = None,
            workers: int = 1) -> ExplorationResult:
    """Every sequence of the parties' moves up to `depth`: states, invariants, counterexamples.

    See `engine.exploration.search.explore` (loaded on first use).
    """
    from engine.exploration.search import explore as run

    return run(depth, terms=terms, max_states=max_states, workers=workers)


def coverage(paths: Sequence[str | Path] | None = None, *,
             depth: int | None = None) -> CoverageReport:
    """Every section's rules, scenarios and (with a depth) explored paths.

    See `engine.clause_coverage.coverage` (loaded on first use).
    """
    from engine.clause_coverage import coverage as run

    return run(paths, depth=depth)


#: Names loaded from engine.simulation on first use (PEP 562), so that a command that
#: does not simulate does not import it.
_SIMULATION = frozenset({"BehaviourModel", "ModelError", "PathResult", "ScenarioResult",
                         "SimulationError", "SimulationResult", "run_scenario", "simulate",
                         "simulate_path"})


def __getattr__(name: str) -> Any:
    """The names loaded on first use (`import engine` stays cheap): the simulation's, and
    the exploration's result types."""
    if name in _SIMULATION:
        import engine.simulation as simulation

        value = getattr(simulation, name)
        globals()[name] = value
        return value
    if name == "ExplorationResult":
        from engine.exploration.result import ExplorationResult

        return ExplorationResult
    if name == "CoverageReport":
        from engine.clause_coverage import CoverageReport

        return CoverageReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ActionResult",
    "BehaviourModel",
    "BrokenLog",
    "CoverageReport",
    "Deal",
    "DealExists",
    "EventLog",
    "ExplorationResult",
    "InvalidAction",
    "InvalidDealId",
    "InvalidSetting",
    "MemoryLog",
    "ModelError",
    "NpaError",
    "PathResult",
    "Reason",
    "ScenarioResult",
    "SimulationError",
    "SimulationResult",
    "Status",
    "StorageError",
    "StoreBusy",
    "UnknownDeal",
    "coverage",
    "explore",
    "run_scenario",
    "simulate",
    "simulate_path",
    "verify",
]
