"""The executable Note Purchase Agreement: the names a platform needs.

    from engine import Deal
    from storage import SqliteStore

    store = SqliteStore("deals.db")
    deal = Deal.create(store, "lexington-1997")
    result = deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    result.accepted, result.reasons
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def __getattr__(name: str) -> object:
    """The result types, imported when first asked for (`import engine` stays cheap)."""
    if name == "ExplorationResult":
        from engine.exploration.result import ExplorationResult

        return ExplorationResult
    if name == "CoverageReport":
        from engine.clause_coverage import CoverageReport

        return CoverageReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ActionResult",
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
    "NpaError",
    "Reason",
    "Status",
    "StorageError",
    "StoreBusy",
    "UnknownDeal",
    "coverage",
    "explore",
    "verify",
]
