"""A platform's code, as it would be written against the installed package: checked by
`mypy --strict` from outside the repository (tests/test_types.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from contract import TermSheet, load_terms
from engine import (
    ActionResult,
    Advance,
    Deal,
    DealStatus,
    EventRecord,
    InvalidAction,
    NoticeSpec,
    NpaError,
    Pay,
    ResultView,
    SendNotice,
    Status,
    TickResult,
    TimelineEntry,
    tick,
)
from engine.clock import NEW_YORK
from storage import SqliteStore
from storage.exchange import export_deal
from storage.sqlite import DealRow, DueView, FeedEvent


def run(path: str, terms_text: str | None) -> None:
    """Make a deal, act on it with objects and dicts, and read what comes back."""
    terms: TermSheet | None = load_terms(terms_text) if terms_text else None
    with SqliteStore(path) as store:
        deal = Deal.create(store, "typed", terms)
        result: ActionResult = deal.act({"type": "sign", "actor": "company",
                                         "at": "1997-10-27T09:00"})
        state: Status = result.state
        as_json: ResultView = result.to_dict()
        accepted: bool = as_json["accepted"]
        try:
            deal.act(Pay(actor="purchaser", at=datetime(1997, 10, 27, 11, tzinfo=NEW_YORK),
                         purpose="purchase_price", amount=Decimal("7500000.00")))
        except InvalidAction as exc:
            field: str | None = exc.field
            print(field)
        deal.act(SendNotice(actor="purchaser", at=datetime(1997, 10, 27, 12, tzinfo=NEW_YORK),
                            to="company", kind="other",
                            notice=NoticeSpec(method="hand",
                                              delivered_at=datetime(1997, 10, 27, 12,
                                                                    tzinfo=NEW_YORK))))
        deal.act(Advance(actor="company", at=datetime(1997, 10, 28, tzinfo=NEW_YORK)))
        status: DealStatus = deal.status()
        principal: str = status["balances"]["principal_outstanding"]
        holders: dict[str, str] = status["holders"]
        first_notice_from: str = status["notices"][0]["from"]
        entries: list[TimelineEntry] = deal.timeline()
        seq: int = entries[-1]["seq"]
        records: list[EventRecord] = deal.records()
        version: int = records[0]["v"]
        print(state, accepted, principal, holders, first_notice_from, seq, version)
        # The platform's side (issue 11 items 7-11): the feed, time, deals, refresh, export.
        feed: list[FeedEvent] = store.events_since(0, limit=100)
        position: int = feed[-1]["position"]
        section: str = feed[-1]["section"]
        due: list[DueView] = store.due("1998-06-01T00:00")
        ticked: list[TickResult] = tick(store, "1998-06-01T00:00")
        error_line: str | None = ticked[0]["error"]["message"] if ticked and ticked[0][
            "error"] else None
        rows: list[DealRow] = store.deals("Outstanding", limit=10)
        fresh: int = deal.refresh()
        lines: list[str] = store.export("typed")
        saved: str = store.import_log(export_deal(Deal.create(None, "what-if")))["deal"]
        print(position, section, due, error_line, rows, fresh, lines[:1], saved)


if __name__ == "__main__":
    try:
        run("typed.db", None)
    except NpaError as exc:
        print(exc)
