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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    InspectionView,
    MisrepresentationView,
    NoticeView,
    ObligationView,
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
    "BalancesView",
    "Breach",
    "BreachView",
    "BrokenLog",
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
    "Event",
    "EventLog",
    "EventOfDefault",
    "EventRecord",
    "Expense",
    "ExplorationResult",
    "InspectionView",
    "InvalidAction",
    "InvalidDealId",
    "InvalidSetting",
    "Marked",
    "MemoryLog",
    "Merge",
    "Misrepresentation",
    "MisrepresentationView",
    "NoteTerms",
    "NoticeRecord",
    "NoticeSpec",
    "NoticeView",
    "NpaError",
    "ObligationView",
    "Party",
    "Pay",
    "Payment",
    "PresentExpenses",
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
    "SectionCoverage",
    "SendNotice",
    "SettleClaim",
    "SettlementView",
    "Sign",
    "Snapshot",
    "Status",
    "Step",
    "StorageError",
    "StoreBusy",
    "TermSheet",
    "TermsAmended",
    "TermsError",
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
    "verify",
]
