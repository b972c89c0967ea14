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
    TimelineEntry,
)
from engine.clock import NEW_YORK
from storage import SqliteStore


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


if __name__ == "__main__":
    try:
        run("typed.db", None)
    except NpaError as exc:
        print(exc)
