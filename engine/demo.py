"""The 1997 deal as it happened: the script `npa demo` runs (PRODUCT.md section 8)."""

from __future__ import annotations

from typing import Any

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
