"""The typed views a platform reads: the shapes of `status()`, `timeline()`, `records()`
and the results, as TypedDicts (issue 11 item 4).

They are what `json.loads` of `npa status --json` (and the rest) gives, so a
platform's mypy checks its reading of them: amounts are decimal strings
(`"7500000.00"`), times ISO 8601 in New York time with their offset, states
the lifecycle's names. `x: int = deal.status()["balances"]["principal_outstanding"]`
is a type error: it is a `str`.
"""

# No `from __future__ import annotations` here: under it, Python 3.11's TypedDict cannot see
# NotRequired in a string annotation, and would call every key required.
from typing import Literal, NotRequired, TypedDict

__all__ = [
    "AddressView",
    "AmendmentView",
    "BalancesView",
    "BreachView",
    "ClaimView",
    "ConsentView",
    "Consequence",
    "DamageView",
    "DeadlineView",
    "DealStatus",
    "DefaultView",
    "EventRecord",
    "HolderPaymentView",
    "InspectionView",
    "InstallmentShare",
    "MisrepresentationView",
    "NoticeView",
    "ObligationView",
    "ProceedingView",
    "ReasonView",
    "RequestView",
    "ResultView",
    "SettlementView",
    "TimelineEntry",
    "TransferView",
    "WhyNotView",
]

#: A lifecycle state's name (PRODUCT.md section 4), as JSON writes `Status`.
StateName = Literal["Drafted", "ConditionsPending", "Closed", "Outstanding", "Default",
                    "Repaid"]


class ReasonView(TypedDict):
    """One obstacle: the section, a one-line message and the clause as the agreement prints it."""

    section: str
    message: str
    text: str
    #: The clause's anchor on the page of `npa page` ("#section-5-1-d").
    page: str


class Consequence(TypedDict):
    """One thing that followed from an accepted action: the event, its section, a summary."""

    event: str
    section: str
    summary: str


class ResultView(TypedDict):
    """`act --json` and `ActionResult.to_dict()`."""

    accepted: bool
    state: str
    consequences: list[Consequence]
    reasons: list[ReasonView]
    created: dict[str, str]
    #: True when a `request_id` already accepted was sent again (nothing applied).
    replayed: bool


class WhyNotView(TypedDict):
    """`why-not --json`: whether the action is allowed now, and every reason against it."""

    allowed: bool
    state: str
    reasons: list[ReasonView]
    #: True when the action's request_id was already accepted: act would replay its result.
    replayed: bool


class TimelineEntry(TypedDict):
    """One event of `timeline()`: its place, time, type, section, summary, and the state after."""

    seq: int
    at: str | None
    event: str
    section: str
    summary: str
    state: str


class EventRecord(TypedDict):
    """One event of `records()` as the codec stores it: its tag, version and UTC time.

    The event's own fields follow under their names (see `engine.events`); read
    them typed with `engine.codec.from_record(record)`, which gives the event.
    """

    type: str
    v: int
    at: str | None


class SettlementView(TypedDict):
    """Delivery against payment (1.2, 2.2)."""

    notes_delivered: bool
    denominations: list[str]
    guarantee_delivered: bool
    purchase_price_paid: str
    transaction_fee_paid: str


class RequestView(TypedDict):
    """An instrument requested under 5.1(h) or 5.2(f)."""

    id: str
    by: str
    description: str
    status: str


class ProceedingView(TypedDict):
    """A proceeding recorded under 5.1(e) or 5.2(d)."""

    id: str
    by: str
    description: str
    status: str


class MisrepresentationView(TypedDict):
    """A representation recorded as untrue (5.1(a), 5.2(a), Schedule 1 (d))."""

    id: str
    section: str
    of: str
    by: str
    description: str


class AmendmentView(TypedDict):
    """An amendment in writing signed by both (8.4)."""

    at: str | None
    changes: dict[str, str]
    signed_by: list[str]


class ObligationView(TypedDict):
    """What the Company owes: a payment, a report, expenses or a notice, with its due date."""

    id: str
    section: str
    due: str
    status: str
    amount: NotRequired[str]
    assumed: NotRequired[bool]


class DeadlineView(TypedDict):
    """A pending deadline: when it falls due, its kind, section and description."""

    due: str
    kind: str
    section: str
    description: str


#: A notice under 8.5, with when it took (or takes) effect and its defects. ("from" is a
#: Python keyword, so this TypedDict is written in its functional form.)
NoticeView = TypedDict("NoticeView", {
    "id": str,
    "kind": str,
    "from": str,
    "to": str,
    "method": str,
    "sent_at": str | None,
    "effective_at": str | None,
    "status": str,
    "defects": list[str],
})


class AddressView(TypedDict):
    """A party's current address for notices (8.5)."""

    lines: list[str]
    attention: str | None
    fax: str | None


class DefaultView(TypedDict):
    """An Event of Default (Schedule 1, ASSUMED)."""

    id: str
    kind: str
    section: str
    assumed: bool
    description: str
    occurred_at: str | None
    status: str
    ended_at: str | None


class BreachView(TypedDict):
    """A covenant breach (section 6)."""

    id: str
    section: str
    description: str
    occurred_at: str | None
    status: str


#: A transfer of Notes under section 7 (functional form for its "from" key).
TransferView = TypedDict("TransferView", {
    "id": str,
    "from": str,
    "to": str,
    "principal": str,
    "rule_144": bool,
    "opinion": bool,
    "opinion_accepted": bool | None,
    "notice": str,
    "status": str,
})


class BalancesView(TypedDict):
    """Principal and interest, each a decimal string (Schedule 1, ASSUMED)."""

    principal_outstanding: str
    interest_accrued: str
    interest_overdue: str
    interest_payable: str
    principal_payable: str
    interest_paid: str
    principal_paid: str
    #: Default interest on principal unpaid after maturity or acceleration, accrued to
    #: the moment, paid or not (counted in interest_payable); and its rate.
    default_interest: str
    default_rate: str
    #: Interest paid ahead of its date (the next coupon paid early).
    interest_paid_in_advance: str
    #: Principal the Company may pay now: what is payable, or all of it where the
    #: term sheet allows prepayment.
    principal_prepayable: str
    assumed: bool


class InspectionView(TypedDict):
    """A Holder's request to inspect (6.2(a)(ii), (iii))."""

    by: str
    scope: str
    at: str | None


class DamageView(TypedDict):
    """One item of Damages (8.10): when it was incurred, and whether it counts (8.10(a))."""

    kind: str
    amount: str
    consented: bool
    incurred_at: str | None
    counts: bool


class ConsentView(TypedDict):
    """The indemnifying party's prior written consent to settle (8.10(a))."""

    at: str | None
    amount: str | None


class ClaimView(TypedDict):
    """A claim for indemnification (8.10)."""

    id: str
    claimant: str
    against: str
    section: str
    status: str
    claimed: str
    indemnifiable: str
    paid: str
    notice: str
    consent_to_settlement: ConsentView | None
    damages: list[DamageView]


class InstallmentShare(TypedDict):
    """One installment a payment went to, and each Holder's share of it."""

    obligation: str
    due: str
    amount: str
    shares: dict[str, str]


class PendingActView(TypedDict):
    """An act of the Holders of a majority (Schedule 1) that waits on more Holders: who has
    taken it, and what they hold now."""

    act: str
    joined: list[str]
    held: str
    principal_outstanding: str


class HolderPaymentView(TypedDict):
    """A payment of interest or principal to the Holders, with each Holder's share."""

    at: str | None
    purpose: str
    amount: str
    shares: dict[str, str]
    parts: list[InstallmentShare]
    assumed: bool


class DealStatus(TypedDict):
    """`status()` and `npa status --json` (PRODUCT.md section 8)."""

    deal: str
    state: str
    as_of: str | None
    clock: str | None
    events: int
    signed: list[str]
    closing_date: str
    conditions: dict[str, str]
    pre_closing: list[str]
    settlement: SettlementView
    requests: list[RequestView]
    proceedings: list[ProceedingView]
    misrepresentations: list[MisrepresentationView]
    amendments: list[AmendmentView]
    missing: list[ReasonView]
    obligations: list[ObligationView]
    deadlines: list[DeadlineView]
    notices: list[NoticeView]
    addresses: dict[str, AddressView]
    events_of_default: list[DefaultView]
    breaches: list[BreachView]
    holders: dict[str, str]
    legends: dict[str, bool]
    transfers: list[TransferView]
    balances: BalancesView
    accelerated: bool
    accelerated_at: str | None
    company: str
    inspections: list[InspectionView]
    claims: list[ClaimView]
    payments_to_holders: list[HolderPaymentView]
    pending_holder_acts: list[PendingActView]
