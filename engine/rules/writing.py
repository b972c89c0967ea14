"""8.4: nothing is amended, waived, discharged or terminated orally.

"Neither this Agreement nor any term hereof may be amended, waived,
discharged or terminated orally, but only by a written instrument signed by
the Company and Purchaser." Every act that changes or gives up a term (an
amendment, a waiver) is checked here: it is a written instrument, and those
whose signatures it needs have signed it.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.errors import InvalidAction
from engine.explain import Reason, refusal
from engine.rules.common import name_of
from engine.state import DealState


def written_instrument(
    state: DealState,
    in_writing: bool,
    signed_by: Iterable[str],
    signatories: Iterable[str],
    what: str = "the amendment",
) -> list[Reason]:
    """8.4: a refusal unless `what` is in writing and signed by every one of `signatories`."""
    reasons: list[Reason] = []
    if not in_writing:
        reasons.append(refusal("8.4", f"no term may be amended or waived orally: {what} must "
                                      "be a written instrument"))
    signed = set(signed_by)
    for party in signatories:
        if party not in signed:
            reasons.append(refusal("8.4", f"the written instrument is not signed by "
                                          f"{name_of(state, party)}"))
    return reasons


#: Who can sign an instrument under this agreement: its parties, and LCI (the guarantor).
PARTIES = ("company", "purchaser", "guarantor")


def known_signatories(signed_by: Iterable[str], field: str = "signed_by") -> None:
    """Every signatory named is a party, or InvalidAction naming the field."""
    for party in signed_by:
        if party not in PARTIES:
            raise InvalidAction(f"{party!r:.40} is not a party (company, purchaser or "
                                "guarantor)", field=field)
