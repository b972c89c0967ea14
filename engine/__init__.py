"""The executable Note Purchase Agreement: the names a platform needs.

    from engine import Deal
    from storage import SqliteStore

    store = SqliteStore("deals.db")
    deal = Deal.create(store, "lexington-1997")
    result = deal.act({"type": "sign", "actor": "company", "at": "1997-10-27T09:00"})
    result.accepted, result.reasons
"""

from engine.deal import ActionResult, Deal, verify
from engine.errors import (
    BrokenLog,
    ConcurrencyConflict,
    DealExists,
    InvalidAction,
    InvalidDealId,
    InvalidOption,
    NpaError,
    StorageError,
    StoreBusy,
    TermsError,
    UnknownDeal,
)
from engine.explain import Reason
from engine.ports import EventLog, MemoryLog
from engine.state import Status

__all__ = [
    "ActionResult",
    "BrokenLog",
    "ConcurrencyConflict",
    "Deal",
    "DealExists",
    "EventLog",
    "InvalidAction",
    "InvalidDealId",
    "InvalidOption",
    "MemoryLog",
    "NpaError",
    "Reason",
    "Status",
    "StorageError",
    "StoreBusy",
    "TermsError",
    "UnknownDeal",
    "verify",
]
