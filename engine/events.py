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


@attrs.frozen
class Event:
    """Something that happened to a deal at a moment."""

    TAG: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1
    at: datetime | None


@event("deal_created")
@attrs.frozen
class DealCreated(Event):
    """A deal was made from the template with a term sheet (stored whole)."""

    deal_id: str
    terms: dict[str, Any]


@event("signed")
@attrs.frozen
class Signed(Event):
    """A party signed the agreement (signature page)."""

    party: str


@event("condition_satisfied")
@attrs.frozen
class ConditionSatisfied(Event):
    """A condition of 5.1 or 5.2 was met, by delivery or at the Closing."""

    condition: str
    by: str


@event("condition_waived")
@attrs.frozen
class ConditionWaived(Event):
    """The party a condition protects waived it ("at the option of", 5.1, 5.2)."""

    condition: str
    by: str


@event("instrument_requested")
@attrs.frozen
class InstrumentRequested(Event):
    """A party reasonably requested another instrument (5.1(h), 5.2(f))."""

    request: str
    by: str
    description: str


@event("instrument_delivered")
@attrs.frozen
class InstrumentDelivered(Event):
    """The requested instrument was delivered (5.1(h), 5.2(f))."""

    request: str
    by: str


@event("proceeding_recorded")
@attrs.frozen
class ProceedingRecorded(Event):
    """A proceeding to enjoin or prevent the transactions was recorded (5.1(e), 5.2(d))."""

    proceeding: str
    by: str
    description: str


@event("proceeding_resolved")
@attrs.frozen
class ProceedingResolved(Event):
    """A recorded proceeding ended or was dismissed (5.1(e), 5.2(d))."""

    proceeding: str
    by: str


@event("misrepresentation_recorded")
@attrs.frozen
class MisrepresentationRecorded(Event):
    """A representation or warranty was recorded as untrue (5.1(a), 5.2(a))."""

    misrepresentation: str
    by: str
    section: str
    of_party: str
    description: str


@event("terms_amended")
@attrs.frozen
class TermsAmended(Event):
    """The agreement was amended by a written instrument signed by both (8.4)."""

    changes: dict[str, str]
    signed_by: tuple[str, ...]


@event("closing_held")
@attrs.frozen
class ClosingHeld(Event):
    """The Closing was held (2.1)."""

    by: str


@event("notes_delivered")
@attrs.frozen
class NotesDelivered(Event):
    """The Company delivered the Notes in these denominations (1.2, 2.2)."""

    denominations: tuple[Decimal, ...]


@event("guarantee_delivered")
@attrs.frozen
class GuaranteeDelivered(Event):
    """LCI delivered its Guarantee of the Notes (3.3, 5.1(c))."""

    by: str


@event("payment_made")
@attrs.frozen
class PaymentMade(Event):
    """A party paid an amount for a purpose (1.2, 2.2)."""

    purpose: str
    amount: Decimal
    payer: str
    payee: str


@event("state_changed")
@attrs.frozen
class StateChanged(Event):
    """The lifecycle moved from one state to another by a trigger of the machine."""

    trigger: str
    source: str
    dest: str


@event("clock_advanced")
@attrs.frozen
class ClockAdvanced(Event):
    """Time passed to this moment with nothing else happening."""


@event("notice_sent")
@attrs.frozen
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


@event("notice_took_effect")
@attrs.frozen
class NoticeTookEffect(Event):
    """A duly given notice took effect (8.5), at `at`."""

    notice: str


@event("address_changed")
@attrs.frozen
class AddressChanged(Event):
    """A party's address for notices changed, by its own notice taking effect (8.5)."""

    party: str
    notice: str
    lines: tuple[str, ...] | None
    fax: str | None
