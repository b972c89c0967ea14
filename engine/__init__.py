"""The executable Note Purchase Agreement: the names a platform needs.

    from engine import Deal
    from storage import SqliteStore

    store = SqliteStore("deals.db")
    deal = Deal.create(store, "lexington-1997")
    result = deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    result.accepted, result.reasons

Everything that appears in a public signature is exported here (issue 11 item
4): `Deal` and its results, every action class of the catalogue with `Action`,
`NoticeSpec` and `Damage`, the state and its `Status`, the store protocol, the
errors (all `NpaError`), and the typed views of what `status()`, `timeline()`,
`records()` and the results give (`engine.views`).

The credit analyst's names (`simulate`, `simulate_path`, `run_scenario` and
their result classes, from `engine.simulation`) and the scheduler's (`tick` and its
result types, from `engine.ticks`) load on first use.
"""


from __future__ import annotations

from typing import TYPE_CHECKING, Any

from contract import Address, DealTerms, NoteTerms, Party, TermSheet
from engine.actions import (
    Accelerate,
    AcceptOpinion,
    AcknowledgeClaim,
    Action,
    AdjudicateClaim,
    Advance,
    Amend,
    AssertClaim,
    Close,
    CompleteTransfer,
    ConsentToSettlement,
    Damage,
    DeclareInsolvency,
    DeliverGuarantee,
    DeliverInstrument,
    DeliverNotes,
    DeliverReport,
    DisputeClaim,
    Merge,
    NoticeSpec,
    Pay,
    PresentExpenses,
    ProposeTransfer,
    RecordBreach,
    RecordMisrepresentation,
    RecordProceeding,
    RejectOpinion,
    RemedyBreach,
    RequestInspection,
    RequestInstrument,
    ResolveProceeding,
    SatisfyCondition,
    SendNotice,
    SettleClaim,
    Sign,
    WaiveCondition,
    WaiveDefault,
    WithdrawClaim,
)
from engine.deal import (
    ActionResult,
    Deal,
    Verifiable,
    verify,
)
from engine.errors import (
    BrokenLog,
    ConcurrencyConflict,
    DealExists,
    InvalidAction,
    InvalidDealId,
    InvalidOption,
    InvalidSetting,
    NpaError,
    StorageError,
    StoreBusy,
    TermsError,
    UnknownDeal,
)
from engine.events import DamageItem, Event, TermsAmended
from engine.explain import Reason
from engine.ports import (
    Accepted,
    Commit,
    EventLog,
    MemoryLog,
    Snapshot,
    Step,
)
from engine.schedule import Payment
from engine.sharing import HolderPayment, Part
from engine.state import (
    Breach,
    Claim,
    Deadline,
    DealState,
    EventOfDefault,
    Expense,
    Marked,
    Misrepresentation,
    NoticeRecord,
    Proceeding,
    Report,
    Request,
    Status,
    Transfer,
)
from engine.views import (
    AddressView,
    AmendmentView,
    BalancesView,
    BreachView,
    ClaimView,
    ConsentView,
    Consequence,
    DamageView,
    DeadlineView,
    DealStatus,
    DefaultView,
    EventRecord,
    HolderPaymentView,
    InspectionView,
    InstallmentShare,
    MisrepresentationView,
    NoticeView,
    ObligationView,
    PendingActView,
    ProceedingView,
    ReasonView,
    RequestView,
    ResultView,
    SettlementView,
    TimelineEntry,
    TransferView,
    WhyNotView,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from contract import TermSheet
    from engine.clause_coverage import CoverageReport, SectionCoverage
    from engine.exploration.result import ExplorationResult, Violation
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
    from engine.simulation.cash import CashFlow
    from engine.simulation.model import Dist
    from engine.simulation.results import Attempt
    from engine.simulation.summary import (
        CashToHolders,
        Distribution,
        FullPerformance,
        MoneyDistribution,
        Probabilities,
    )
    from engine.ticks import ErrorView, Schedules, TickResult, tick


def explore(depth: int, *, terms: TermSheet | str | None = None,
            max_states: int | None = None, workers: int = 1) -> ExplorationResult:
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


#: The classes in the analyst's result types, each loaded from its module on first use.
_RESULT_PARTS = {
    "CashFlow": "engine.simulation.cash",
    "Dist": "engine.simulation.model",
    "Attempt": "engine.simulation.results",
    "CashToHolders": "engine.simulation.summary",
    "Distribution": "engine.simulation.summary",
    "FullPerformance": "engine.simulation.summary",
    "MoneyDistribution": "engine.simulation.summary",
    "Probabilities": "engine.simulation.summary",
    # the scheduler's names: `npa act` does not tick
    "ErrorView": "engine.ticks",
    "Schedules": "engine.ticks",
    "TickResult": "engine.ticks",
    "tick": "engine.ticks",
}


def __getattr__(name: str) -> Any:
    """The names loaded on first use (`import engine` stays cheap): the simulation's, and
    the exploration's result types."""
    if name in _RESULT_PARTS:
        import importlib

        value = getattr(importlib.import_module(_RESULT_PARTS[name]), name)
        globals()[name] = value
        return value
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
    if name == "SectionCoverage":
        from engine.clause_coverage import SectionCoverage

        return SectionCoverage
    if name == "Violation":
        from engine.exploration.result import Violation

        return Violation
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Accelerate",
    "AcceptOpinion",
    "Accepted",
    "AcknowledgeClaim",
    "Action",
    "ActionResult",
    "Address",
    "AddressView",
    "AdjudicateClaim",
    "Advance",
    "Amend",
    "AmendmentView",
    "AssertClaim",
    "Attempt",
    "BalancesView",
    "BehaviourModel",
    "Breach",
    "BreachView",
    "BrokenLog",
    "CashFlow",
    "CashToHolders",
    "Claim",
    "ClaimView",
    "Close",
    "Commit",
    "CompleteTransfer",
    "ConcurrencyConflict",
    "ConsentToSettlement",
    "ConsentView",
    "Consequence",
    "CoverageReport",
    "Damage",
    "DamageItem",
    "DamageView",
    "Deadline",
    "DeadlineView",
    "Deal",
    "DealExists",
    "DealState",
    "DealStatus",
    "DealTerms",
    "DeclareInsolvency",
    "DefaultView",
    "DeliverGuarantee",
    "DeliverInstrument",
    "DeliverNotes",
    "DeliverReport",
    "DisputeClaim",
    "Dist",
    "Distribution",
    "ErrorView",
    "Event",
    "EventLog",
    "EventOfDefault",
    "EventRecord",
    "Expense",
    "ExplorationResult",
    "FullPerformance",
    "HolderPayment",
    "HolderPaymentView",
    "InspectionView",
    "InstallmentShare",
    "InvalidAction",
    "InvalidDealId",
    "InvalidOption",
    "InvalidSetting",
    "Marked",
    "MemoryLog",
    "Merge",
    "Misrepresentation",
    "MisrepresentationView",
    "ModelError",
    "MoneyDistribution",
    "NoteTerms",
    "NoticeRecord",
    "NoticeSpec",
    "NoticeView",
    "NpaError",
    "ObligationView",
    "Part",
    "Party",
    "PathResult",
    "Pay",
    "Payment",
    "PendingActView",
    "PresentExpenses",
    "Probabilities",
    "Proceeding",
    "ProceedingView",
    "ProposeTransfer",
    "Reason",
    "ReasonView",
    "RecordBreach",
    "RecordMisrepresentation",
    "RecordProceeding",
    "RejectOpinion",
    "RemedyBreach",
    "Report",
    "Request",
    "RequestInspection",
    "RequestInstrument",
    "RequestView",
    "ResolveProceeding",
    "ResultView",
    "SatisfyCondition",
    "ScenarioResult",
    "Schedules",
    "SectionCoverage",
    "SendNotice",
    "SettleClaim",
    "SettlementView",
    "Sign",
    "SimulationError",
    "SimulationResult",
    "Snapshot",
    "Status",
    "Step",
    "StorageError",
    "StoreBusy",
    "TermSheet",
    "TermsAmended",
    "TermsError",
    "TickResult",
    "TimelineEntry",
    "Transfer",
    "TransferView",
    "UnknownDeal",
    "Verifiable",
    "Violation",
    "WaiveCondition",
    "WaiveDefault",
    "WhyNotView",
    "WithdrawClaim",
    "coverage",
    "explore",
    "run_scenario",
    "simulate",
    "simulate_path",
    "tick",
    "verify",
]
