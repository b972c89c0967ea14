"""The 1997 deal's stories, as scripts of actions: what `npa demo` runs (PRODUCT.md section 8).

`repaid` (the default) runs it from signing to repayment; `default` a missed
coupon, the Holders' acceleration by notice, and the recovery; `indemnity` the
expenses of 8.9 and, after repayment, a claim under 8.10 from its notice to its
payment (8.2: the representations survive).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from contract import DEFAULT_TERMS, TermSheet

#: From signing to Outstanding on the Closing Date, October 27, 1997.
SIGNING_TO_OUTSTANDING: list[dict[str, Any]] = [
    {"type": "sign", "actor": "company", "at": "1997-10-27T09:00"},
    {"type": "sign", "actor": "purchaser", "at": "1997-10-27T09:05"},
    {"type": "satisfy_condition", "actor": "company", "at": "1997-10-27T09:30",
     "condition": "5.1(b)"},
    {"type": "satisfy_condition", "actor": "company", "at": "1997-10-27T09:35",
     "condition": "5.1(d)"},
    {"type": "satisfy_condition", "actor": "company", "at": "1997-10-27T09:40",
     "condition": "5.1(f)"},
    {"type": "satisfy_condition", "actor": "purchaser", "at": "1997-10-27T09:45",
     "condition": "5.2(b)"},
    {"type": "satisfy_condition", "actor": "purchaser", "at": "1997-10-27T09:50",
     "condition": "5.2(e)"},
    {"type": "deliver_guarantee", "actor": "guarantor", "at": "1997-10-27T10:00"},
    {"type": "close", "actor": "company", "at": "1997-10-27T10:30"},
    {"type": "deliver_notes", "actor": "company", "at": "1997-10-27T11:00",
     "denominations": ["5000000.00", "2500000.00"]},
    {"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00",
     "purpose": "purchase_price", "amount": "7500000.00"},
    {"type": "pay", "actor": "company", "at": "1997-10-27T11:05",
     "purpose": "transaction_fee", "amount": "75000.00"},
]


def _at(day: date, clock: str = "10:00") -> str:
    """A New York time on a day, as an action writes it."""
    return f"{day.isoformat()}T{clock}"


def to_repayment(terms: TermSheet = DEFAULT_TERMS) -> list[dict[str, Any]]:
    """The 1997 deal as it should go: every report on time, every payment on its date.

    Each report of 6.1 is furnished five days before its last day; each
    interest payment (Schedule 1, ASSUMED) on its payment date; principal at
    maturity. The last payment makes the deal Repaid.
    """
    from engine.obligations import reports_owed
    from engine.schedule import payment_schedule

    life: list[tuple[str, dict[str, Any]]] = []
    for report in reports_owed(terms.deal.closing_date, terms.notes.maturity):
        day = report.last_day - timedelta(days=5)
        if day >= terms.notes.maturity:
            continue  # repaid at maturity: no report is owed after
        life.append((_at(day, "09:00"), {"type": "deliver_report", "actor": "company",
                                         "report": report.id}))
    for payment in payment_schedule(terms.notes):
        clock = "10:00" if payment.kind == "interest" else "10:30"
        life.append((_at(payment.payment_date, clock),
                     {"type": "pay", "actor": "company", "purpose": payment.kind,
                      "amount": str(payment.amount)}))
    life.sort(key=lambda item: item[0])
    return SIGNING_TO_OUTSTANDING + [{**action, "at": at} for at, action in life]


#: A missed coupon, the grace period, acceleration by notice, and recovery.
DEFAULT_STORY: list[dict[str, Any]] = [
    *SIGNING_TO_OUTSTANDING,
    {"type": "deliver_report", "actor": "company", "at": "1997-11-19T09:00",
     "report": "q3-1997"},
    # The coupon of February 1, 1998 (payable Monday, February 2) is not paid.
    {"type": "advance", "actor": "purchaser", "at": "1998-03-05T09:00"},
    # 6.2(a)(i): the Company's prompt written notice of the default.
    {"type": "send_notice", "actor": "company", "at": "1998-03-05T15:00", "to": "purchaser",
     "kind": "default", "notice": {"method": "hand", "delivered_at": "1998-03-05T15:00"}},
    # Schedule 1: Holders of a majority accelerate by written notice (8.5, by hand).
    {"type": "accelerate", "actor": "purchaser", "at": "1998-03-10T11:00",
     "notice": {"method": "hand", "delivered_at": "1998-03-10T11:00"}},
    {"type": "request_inspection", "actor": "purchaser", "at": "1998-03-12T10:00",
     "scope": "properties"},
    # Recovery: the interest first (the 290,937.50 due on acceleration and 21 days of
    # default interest, 45,937.50), then the principal in two instalments, then the
    # default interest run on since 1998-04-01 (Schedule 1, ASSUMED).
    {"type": "pay", "actor": "company", "at": "1998-04-01T10:00", "purpose": "interest",
     "amount": "336875.00"},
    {"type": "pay", "actor": "company", "at": "1998-05-15T10:00", "purpose": "principal",
     "amount": "5000000.00"},
    {"type": "pay", "actor": "company", "at": "1998-07-01T10:00", "purpose": "principal",
     "amount": "2500000.00"},
    {"type": "pay", "actor": "company", "at": "1998-07-01T10:30", "purpose": "interest",
     "amount": "129791.67"},
]

#: 8.9: Purchaser's counsel's fees presented after the Closing and paid by the Company.
EXPENSES: list[dict[str, Any]] = [
    {"type": "present_expenses", "actor": "purchaser", "at": "1997-10-28T10:00",
     "amount": "85000.00", "description": "Robinson, Silverman, Pearce, Aronsohn & Berman "
     "LLP: preparation, execution and delivery of the Agreement and the Notes"},
    {"type": "pay", "actor": "company", "at": "1997-11-10T10:00", "purpose": "expenses",
     "amount": "85000.00"},
]

#: 8.10 and 8.2: after repayment, Purchaser learns that the representation of 3.6
#: (litigation) was untrue, and claims by registered mail; the claim is disputed,
#: settled with the Company's prior written consent, and paid; the deal stays Repaid.
CLAIM_AFTER_REPAYMENT: list[dict[str, Any]] = [
    {"type": "assert_claim", "actor": "purchaser", "at": "2000-03-01T10:00",
     "against": "company", "section": "3.6",
     "damages": [{"kind": "losses", "amount": "150000.00"},
                 {"kind": "attorneys_fees", "amount": "40000.00"},
                 {"kind": "investigation_costs", "amount": "10000.00"},
                 {"kind": "settlement_costs", "amount": "25000.00"}],
     "notice": {"method": "registered_mail", "postmarked_at": "2000-03-01T16:00"}},
    {"type": "dispute_claim", "actor": "company", "at": "2000-03-08T11:00", "claim": "C1"},
    {"type": "consent_to_settlement", "actor": "company", "at": "2000-04-12T10:00",
     "claim": "C1"},
    {"type": "settle_claim", "actor": "purchaser", "at": "2000-04-20T15:00", "claim": "C1",
     "amount": "180000.00"},
    {"type": "pay", "actor": "company", "at": "2000-04-28T10:00", "purpose": "indemnity",
     "amount": "180000.00", "claim": "C1"},
]


def indemnity_story() -> list[dict[str, Any]]:
    """The repaid story with the expenses of 8.9, then a claim under 8.10 after repayment."""
    life = to_repayment()[len(SIGNING_TO_OUTSTANDING):] + EXPENSES
    life.sort(key=lambda action: str(action["at"]))
    return [*SIGNING_TO_OUTSTANDING, *life, *CLAIM_AFTER_REPAYMENT]


STORIES: dict[str, Callable[[], list[dict[str, Any]]]] = {
    "repaid": to_repayment,
    "default": lambda: DEFAULT_STORY,
    "indemnity": indemnity_story,
}
