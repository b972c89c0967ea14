"""Time across deals: advance every deal with a deadline due by a moment (issue 11 item 8).

A deadline fires only when an action arrives on its deal (PRODUCT.md section
5: the engine never reads the wall clock). A platform that wants deadlines
to fire on time runs `tick(store, until)` (or `npa tick T`) from its own
scheduler: each deal whose next deadline is due by `until` gets an
`advance` to `until`, in its own transaction, so one deal's broken log or
busy lock does not stop the others. The store says which deals are due
(`store.due`, an index read); nothing is replayed for the others.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol, TypedDict, runtime_checkable

from engine.clock import parse_time, utc_iso
from engine.errors import InvalidAction, NpaError, StoreBusy
from engine.ports import EventLog, check_store
from engine.validation import check_actor
from engine.views import Consequence

__all__ = ["ErrorView", "Schedules", "TickResult", "tick"]


@runtime_checkable
class Schedules(Protocol):
    """A store that knows each deal's next deadline (`storage.SqliteStore`)."""

    def due(self, until: datetime | str | None = None, *, limit: int | None = None
            ) -> Any:
        """Each deal's next deadline due by `until`, earliest first."""
        ...

    def unscheduled(self) -> list[str]:
        """Deals whose next deadline the store has not indexed yet."""
        ...


class ErrorView(TypedDict):
    """Why one deal of a tick was not advanced: the error's type, line, field (None for a
    refusal) and exit code, the keys of every `--json` error."""

    type: str
    message: str
    field: str | None
    exit_code: int


class TickResult(TypedDict):
    """What a tick did to one deal: its `advance` result, or the error that stopped it."""

    deal: str
    due: str | None
    accepted: bool
    state: str | None
    consequences: list[Consequence]
    replayed: bool
    error: ErrorView | None


def tick(store: EventLog, until: datetime | str, *, actor: str = "company"
         ) -> list[TickResult]:
    """Advance every deal with a deadline due at or before `until` to `until`.

    Each deal is loaded and acted on (`advance`, with `request_id`
    "tick:UNTIL", so a tick retried after a crash is replayed, not applied
    twice) in its own transaction. A deal whose log is broken or whose advance
    is refused gets its error in its result; the others go on. A store whose
    write lock is not had within its bound (`StoreBusy`) stops the tick: the
    store has one lock, so the deals after it are not tried (each gets
    `StoreBusy`, "not tried"), and the whole tick may be tried again. Deals
    the store has not indexed yet (written by an earlier release) are indexed
    first from their replayed log (`rebuild_tables`).

    Args:
        store: a store that knows each deal's next deadline (`SqliteStore`).
        until: the moment time reaches (ISO 8601 or a datetime; no offset is New York).
        actor: who asks time to pass (recorded on the `clock_advanced` event).

    Returns:
        One result per deal that was due, in order of its due instant.

    Raises:
        InvalidAction: for a time that does not parse (naming `until`), an unknown
            actor, or a store that does not know deadlines (naming `store`).
    """
    from engine.actions import Advance
    from engine.deal import Deal, rebuild_tables

    check_store(store)
    moment = parse_time(until, "until")
    check_actor(actor)
    if not isinstance(store, Schedules):
        raise InvalidAction(f"a {type(store).__name__} keeps no index of deadlines: tick needs "
                            "a storage.SqliteStore", field="store")
    results: list[TickResult] = []
    for deal_id in store.unscheduled():
        try:
            rebuild_tables(store, deal_id)
        except NpaError as exc:
            results.append(_failed(deal_id, None, exc))
    request = f"tick:{utc_iso(moment)}"
    busy: StoreBusy | None = None
    for row in store.due(moment):
        deal_id = row["deal"]
        if busy is not None:
            # One write lock for the store: the next deal would wait the same bound in vain.
            results.append(_failed(deal_id, row["due"], StoreBusy(
                f"not tried: the store was busy ({busy})", field=busy.field)))
            continue
        try:
            deal = Deal.load(store, deal_id)
            result = deal.act(Advance(actor=actor, at=moment, request_id=request))
        except NpaError as exc:
            results.append(_failed(deal_id, row["due"], exc))
            if isinstance(exc, StoreBusy):
                busy = exc
            continue
        view = result.to_dict()
        results.append({"deal": deal_id, "due": row["due"], "accepted": result.accepted,
                        "state": view["state"], "consequences": view["consequences"],
                        "replayed": result.replayed,
                        "error": None if result.accepted else {
                            "type": "Refused", "exit_code": 1, "field": None,
                            "message": "; ".join(f"{r.section}: {r.message}"
                                                 for r in result.reasons)}})
    return results


def _failed(deal_id: str, due: str | None, exc: NpaError) -> TickResult:
    """A deal the tick could not advance."""
    return {"deal": deal_id, "due": due, "accepted": False, "state": None, "consequences": [],
            "replayed": False, "error": {"type": type(exc).__name__,
                                         "message": " ".join(str(exc).split()),
                                         "field": exc.field, "exit_code": exc.exit_code}}
