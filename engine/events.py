"""Events: what happened to a deal, in the past tense, each frozen.

A deal's state is the fold of its events (`engine.state.evolve`). Each event
class carries a fixed tag and a version: the codec stores both, so a log
written by an earlier release is upgraded on read (`engine.codec`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import attrs

from engine.plain import Plain

E = TypeVar("E", bound="Event")

EVENT_TYPES: dict[str, type[Event]] = {}


def event(tag: str, version: int = 1) -> Callable[[type[E]], type[E]]:
    """Register an event class under a fixed tag and its current version."""

    def register(cls: type[E]) -> type[E]:
        if tag in EVENT_TYPES:
            raise TypeError(f"event tag {tag!r} registered twice")
        cls.TAG = tag
        cls.VERSION = version
        EVENT_TYPES[tag] = cls
        return cls

    return register


@attrs.frozen(repr=False, eq=False)
class Event(Plain):
    """Something that happened to a deal at a moment."""

    TAG: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1
    at: datetime | None


@event("deal_created")
@attrs.frozen(repr=False, eq=False)
class DealCreated(Event):
    """A deal was made from the template with a term sheet (stored whole)."""

    deal_id: str
    terms: dict[str, Any]


@event("signed")
@attrs.frozen(repr=False, eq=False)
class Signed(Event):
    """A party signed the agreement (signature page)."""

    party: str


@event("condition_satisfied")
@attrs.frozen(repr=False, eq=False)
class ConditionSatisfied(Event):
    """A condition of 5.1 or 5.2 was met, by delivery or at the Closing."""

    condition: str
    by: str


@event("condition_waived")
@attrs.frozen(repr=False, eq=False)
class ConditionWaived(Event):
    """The party a condition protects waived it ("at the option of", 5.1, 5.2), by a
    written instrument signed by `signed_by` (8.4; empty in logs written before it was
    recorded)."""

    condition: str
    by: str
    signed_by: tuple[str, ...] = ()


@event("instrument_requested")
@attrs.frozen(repr=False, eq=False)
class InstrumentRequested(Event):
    """A party reasonably requested another instrument (5.1(h), 5.2(f))."""

    request: str
    by: str
    description: str


@event("instrument_delivered")
@attrs.frozen(repr=False, eq=False)
class InstrumentDelivered(Event):
    """The requested instrument was delivered (5.1(h), 5.2(f))."""

    request: str
    by: str


@event("proceeding_recorded")
@attrs.frozen(repr=False, eq=False)
class ProceedingRecorded(Event):
    """A proceeding to enjoin or prevent the transactions was recorded (5.1(e), 5.2(d))."""

    proceeding: str
    by: str
    description: str


@event("proceeding_resolved")
@attrs.frozen(repr=False, eq=False)
class ProceedingResolved(Event):
    """A recorded proceeding ended or was dismissed (5.1(e), 5.2(d))."""

    proceeding: str
    by: str


@event("misrepresentation_recorded")
@attrs.frozen(repr=False, eq=False)
class MisrepresentationRecorded(Event):
    """A representation or warranty was recorded as untrue (5.1(a), 5.2(a))."""

    misrepresentation: str
    by: str
    section: str
    of_party: str
    description: str


@event("terms_amended")
@attrs.frozen(repr=False, eq=False)
class TermsAmended(Event):
    """The agreement was amended by a written instrument signed by both (8.4)."""

    changes: dict[str, str]
    signed_by: tuple[str, ...]


@event("closing_held")
@attrs.frozen(repr=False, eq=False)
class ClosingHeld(Event):
    """The Closing was held (2.1)."""

    by: str


@event("notes_delivered")
@attrs.frozen(repr=False, eq=False)
class NotesDelivered(Event):
    """The Company delivered the Notes in these denominations (1.2, 2.2)."""

    denominations: tuple[Decimal, ...]


@event("guarantee_delivered")
@attrs.frozen(repr=False, eq=False)
class GuaranteeDelivered(Event):
    """LCI delivered its Guarantee of the Notes (3.3, 5.1(c))."""

    by: str


@event("payment_made")
@attrs.frozen(repr=False, eq=False)
class PaymentMade(Event):
    """A party paid an amount for a purpose (1.2, 2.2)."""

    purpose: str
    amount: Decimal
    payer: str
    payee: str
    #: How a payment to the Holders is split among them by principal held.
    shares: dict[str, Decimal] = attrs.field(factory=dict)
    #: The claim an indemnity payment is made on (8.10).
    claim: str | None = None


@event("state_changed")
@attrs.frozen(repr=False, eq=False)
class StateChanged(Event):
    """The lifecycle moved from one state to another by a trigger of the machine."""

    trigger: str
    source: str
    dest: str


@event("clock_advanced", version=2)
@attrs.frozen(repr=False, eq=False)
class ClockAdvanced(Event):
    """Time passed to this moment with nothing else happening.

    Version 2 records `actor`, who asked time to pass (the `advance` action's
    actor; `npa tick` names one too); a version 1 record reads with None
    (`engine.codec`'s upcast).
    """

    actor: str | None = attrs.field(default=None, kw_only=True)


@event("notice_sent")
@attrs.frozen(repr=False, eq=False)
class NoticeSent(Event):
    """A notice was sent (8.5): how, where, when it takes effect, and its defects.

    `effective_at` is None for a notice that is not duly given under 8.5: it
    is recorded with its `defects` and has no effect.
    """

    notice: str
    sender: str
    to: str
    kind: str
    method: str
    address: str | None
    copies: tuple[str, ...] | None
    delivered_at: datetime | None
    postmarked_at: datetime | None
    confirmed_at: datetime | None
    effective_at: datetime | None
    defects: tuple[str, ...]
    new_address: tuple[str, ...] | None = None
    new_fax: str | None = None
    #: The breaches a covenant-breach notice names (None: every continuing one).
    breaches: tuple[str, ...] | None = None
    #: The Holders who took the act (Schedule 1) by their own actions before the sender,
    #: each recorded as `holder_joined`: with the sender, Holders of a majority.
    joined_by: tuple[str, ...] = ()


@event("notice_took_effect")
@attrs.frozen(repr=False, eq=False)
class NoticeTookEffect(Event):
    """A duly given notice took effect (8.5), at `at`."""

    notice: str


@event("address_changed")
@attrs.frozen(repr=False, eq=False)
class AddressChanged(Event):
    """A party's address for notices changed, by its own notice taking effect (8.5)."""

    party: str
    notice: str
    lines: tuple[str, ...] | None
    fax: str | None


@event("deadline_passed")
@attrs.frozen(repr=False, eq=False)
class DeadlinePassed(Event):
    """A tracked deadline fell due (a report, a grace or cure period, a payment)."""

    key: str
    kind: str
    section: str


@event("report_delivered")
@attrs.frozen(repr=False, eq=False)
class ReportDelivered(Event):
    """The Company furnished a report of 6.1 to the Holders."""

    report: str


@event("breach_occurred")
@attrs.frozen(repr=False, eq=False)
class BreachOccurred(Event):
    """A covenant or agreement of the Company was broken (section 6)."""

    breach: str
    section: str
    description: str
    cause: str | None = None


@event("breach_remedied")
@attrs.frozen(repr=False, eq=False)
class BreachRemedied(Event):
    """A covenant breach was remedied (the report delivered, the fact cured)."""

    breach: str


@event("default_occurred")
@attrs.frozen(repr=False, eq=False)
class DefaultOccurred(Event):
    """An Event of Default occurred (Schedule 1, ASSUMED: (a)-(e))."""

    event_of_default: str
    kind: str
    description: str
    cause: str | None = None


@event("default_cured")
@attrs.frozen(repr=False, eq=False)
class DefaultCured(Event):
    """A continuing Event of Default ended by cure before acceleration."""

    event_of_default: str


@event("default_waived")
@attrs.frozen(repr=False, eq=False)
class DefaultWaived(Event):
    """Holders of a majority waived one Event of Default in writing (Schedule 1, 8.6)."""

    event_of_default: str
    by: tuple[str, ...]


@event("holder_joined")
@attrs.frozen(repr=False, eq=False)
class HolderJoined(Event):
    """A Holder took, itself, an act of the Holders of a majority in principal (Schedule 1):
    the acceleration, the waiver of one Event of Default, or the notice of covenant breach
    of Schedule 1 (c), each by its own action.

    `act` names the act ("acceleration", "waiver of E1", "notice of covenant breach of
    B1"); `joined` is every Holder who has taken it so far, this one last; `held` what
    they hold together at this instant, of `outstanding`. The act takes effect when the
    Holders who have taken it hold more than half (`complete`); until then it is pending.
    """

    act: str
    holder: str
    joined: tuple[str, ...]
    held: Decimal
    outstanding: Decimal
    complete: bool


@event("accelerated")
@attrs.frozen(repr=False, eq=False)
class Accelerated(Event):
    """All principal and accrued interest became due at once (Schedule 1, ASSUMED)."""

    principal: Decimal
    interest: Decimal
    notice: str | None = None


@event("inspection_requested")
@attrs.frozen(repr=False, eq=False)
class InspectionRequested(Event):
    """A Holder asked to inspect properties (6.2(a)(ii)) or books (6.2(a)(iii))."""

    by: str
    scope: str


@event("merged")
@attrs.frozen(repr=False, eq=False)
class Merged(Event):
    """The Company merged into another corporation (6.3)."""

    surviving_corporation: str
    assumes_obligations: bool


@event("transfer_proposed")
@attrs.frozen(repr=False, eq=False)
class TransferProposed(Event):
    """A Holder gave notice of a proposed transfer of Notes (7.3)."""

    transfer: str
    holder: str
    to_holder: str
    principal: Decimal
    rule_144: bool
    opinion: bool
    legend_not_required: bool
    notice: str


@event("opinion_decided")
@attrs.frozen(repr=False, eq=False)
class OpinionDecided(Event):
    """The Company accepted or rejected the opinion of counsel of a transfer (7.3)."""

    transfer: str
    accepted: bool


@event("transfer_completed")
@attrs.frozen(repr=False, eq=False)
class TransferCompleted(Event):
    """Notes passed to the transferee, with or without the restrictive legend (7.2, 7.3)."""

    transfer: str
    legend: bool


@event("cure_period_started")
@attrs.frozen(repr=False, eq=False)
class CurePeriodStarted(Event):
    """A notice of covenant breach took effect: 30 days to remedy (Schedule 1 (c))."""

    breach: str
    notice: str
    ends_at: datetime


@attrs.frozen(repr=False, eq=False)
class DamageItem(Plain):
    """One item of Damages as claimed (8.10), and when it was incurred (None: when the
    claim was made)."""

    kind: str
    amount: Decimal
    consented: bool = False
    incurred_at: datetime | None = None


@event("claim_asserted")
@attrs.frozen(repr=False, eq=False)
class ClaimAsserted(Event):
    """A claim for indemnification was sent by notice (8.10, 8.5)."""

    claim: str
    claimant: str
    against: str
    section: str
    damages: tuple[DamageItem, ...]
    notice: str


@event("claim_answered")
@attrs.frozen(repr=False, eq=False)
class ClaimAnswered(Event):
    """The indemnifying party acknowledged or disputed a claim (8.10)."""

    claim: str
    answer: str


@event("settlement_consented")
@attrs.frozen(repr=False, eq=False)
class SettlementConsented(Event):
    """The indemnifying party consented in writing to settling a claim, for up to `amount`
    (None: any amount up to the Damages claimed) (8.10(a))."""

    claim: str
    amount: Decimal | None = None


@event("claim_settled")
@attrs.frozen(repr=False, eq=False)
class ClaimSettled(Event):
    """A claim was settled for an amount (8.10)."""

    claim: str
    amount: Decimal


@event("claim_adjudicated")
@attrs.frozen(repr=False, eq=False)
class ClaimAdjudicated(Event):
    """A court decided a claim: the amount indemnifiable, 0 when it failed (8.1, 8.10)."""

    claim: str
    amount: Decimal


@event("claim_withdrawn")
@attrs.frozen(repr=False, eq=False)
class ClaimWithdrawn(Event):
    """The claimant withdrew a claim (8.10)."""

    claim: str


@event("expenses_presented")
@attrs.frozen(repr=False, eq=False)
class ExpensesPresented(Event):
    """Purchaser presented its counsel's fees and expenses, which the Company pays (8.9)."""

    expense: str
    amount: Decimal
    description: str
    due: datetime
    #: The counsel whose fees they are, and when they were incurred (None: not said).
    counsel: str | None = None
    incurred_at: datetime | None = None
