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

#: Names loaded from engine.simulation on first use (PEP 562), so that a command that
#: does not simulate does not import it.
_SIMULATION = frozenset({"BehaviourModel", "ModelError", "PathResult", "ScenarioResult",
                         "SimulationError", "SimulationResult", "run_scenario", "simulate",
                         "simulate_path"})


def __getattr__(name: str) -> Any:
    """The simulation names, imported when first asked for."""
    if name in _SIMULATION:
        import engine.simulation as simulation

        value = getattr(simulation, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'engine' has no attribute {name!r}")

__all__ = [
    "ActionResult",
    "BehaviourModel",
    "BrokenLog",
    "Deal",
    "DealExists",
    "EventLog",
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
    "run_scenario",
    "simulate",
    "simulate_path",
    "verify",
]
