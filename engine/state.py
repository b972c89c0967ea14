"""The deal's state: a fold of its events.

`evolve(state, event)` is the only way a state changes, and `replay(events)`
folds a whole log. Nothing here decides anything: `engine.decide` does.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from contract import DEFAULT_TERMS, Address, TermSheet, terms_from_dict
from engine import events as ev


class Status(enum.Enum):
    """The lifecycle states of PRODUCT.md section 4."""

    Drafted = "Drafted"
    ConditionsPending = "ConditionsPending"
    Closed = "Closed"
    Outstanding = "Outstanding"
    Default = "Default"
    Repaid = "Repaid"


@attrs.frozen
class Marked:
    """A condition marked satisfied or waived, by whom and when."""

    status: str
    by: str
    at: datetime | None


@attrs.frozen
class Request:
    """A request for another instrument under 5.1(h) or 5.2(f)."""

    id: str
    by: str
    description: str
    requested_at: datetime | None
    delivered_at: datetime | None = None


@attrs.frozen
class Proceeding:
    """A proceeding seeking to enjoin or prevent the transactions (5.1(e), 5.2(d))."""

    id: str
    by: str
    description: str
    recorded_at: datetime | None
    resolved_at: datetime | None = None


@attrs.frozen
class Misrepresentation:
    """A representation or warranty recorded as untrue (5.1(a), 5.2(a))."""

    id: str
    by: str
    section: str
    of_party: str
    description: str
    at: datetime | None


@attrs.frozen
class Deadline:
    """Something time-bound the deal tracks: when it falls due, and under which section."""

    due: datetime
    key: str
    kind: str
    section: str
    description: str


@attrs.frozen
class NoticeRecord:
    """A notice as sent (8.5), and whether it has taken effect."""

    id: str
    kind: str
    sender: str
    to: str
    method: str
    sent_at: datetime | None
    effective_at: datetime | None
    defects: tuple[str, ...]
    took_effect: bool = False


@attrs.frozen(slots=False)
class DealState:
    """Everything the rules need to know about one deal, as of its last event.

    Frozen, and kept in a `__dict__` rather than slots so that the fold can
    make the next state with two dictionary updates (see `evolve`).
    """

    deal_id: str = ""
    terms: TermSheet = DEFAULT_TERMS
    status: Status = Status.Drafted
    seq: int = 0
    clock: datetime | None = None
    signed: frozenset[str] = frozenset()
    marked: Mapping[str, Marked] = attrs.field(factory=dict)
    requests: Mapping[str, Request] = attrs.field(factory=dict)
    proceedings: Mapping[str, Proceeding] = attrs.field(factory=dict)
    misrepresentations: Mapping[str, Misrepresentation] = attrs.field(factory=dict)
    closing_date: date = DEFAULT_TERMS.deal.closing_date
    amendments: tuple[ev.TermsAmended, ...] = ()
    closed_at: datetime | None = None
    denominations: tuple[Decimal, ...] = ()
    guarantee_delivered_at: datetime | None = None
    paid: Mapping[str, Decimal] = attrs.field(factory=dict)
    holders: Mapping[str, Decimal] = attrs.field(factory=dict)
    addresses: Mapping[str, Address] = attrs.field(factory=dict)
    notices: Mapping[str, NoticeRecord] = attrs.field(factory=dict)
    #: Pending deadlines, sorted by (due, key): the first is the next to fall due.
    deadlines: tuple[Deadline, ...] = ()
    #: Changes of address waiting on their notice: notice id -> (party, lines, fax).
    address_changes: Mapping[str, tuple[str, tuple[str, ...] | None, str | None]] = attrs.field(
        factory=dict)

    @property
    def notes_delivered(self) -> bool:
        """Whether the Notes have been delivered (1.2, 2.2)."""
        return bool(self.denominations)

    def paid_for(self, purpose: str) -> Decimal:
        """What has been paid so far for a purpose."""
        return self.paid.get(purpose, Decimal("0.00"))


#: A fold step's changes to the state's fields (one `attrs.evolve` applies them all).
_Handler = Callable[[DealState, Any], dict[str, Any]]
_HANDLERS: dict[type[ev.Event], _Handler] = {}


def _on(cls: type[ev.Event]) -> Callable[[_Handler], _Handler]:
    """Register how an event changes the state."""

    def register(fn: _Handler) -> _Handler:
        _HANDLERS[cls] = fn
        return fn

    return register


def evolve(state: DealState, event: ev.Event) -> DealState:
    """The state after one more event: the fold's step."""
    changes = _HANDLERS[type(event)](state, event)
    clock = state.clock if event.at is None or (
        state.clock is not None and state.clock >= event.at) else event.at
    # attrs.evolve would rebuild all the fields through __init__ (about 10 us a step,
    # most of a replay); a frozen state's fields are copied and changed at C speed.
    after: DealState = object.__new__(DealState)
    fields = after.__dict__
    fields.update(state.__dict__)
    fields.update(changes)
    fields["seq"] = state.seq + 1
    fields["clock"] = clock
    return after


def replay(events: Iterable[ev.Event], state: DealState | None = None) -> DealState:
    """The state a log of events folds to."""
    current = state if state is not None else DealState()
    for event in events:
        current = evolve(current, event)
    return current


@_on(ev.DealCreated)
def _created(state: DealState, e: ev.DealCreated) -> dict[str, Any]:
    terms = terms_from_dict(e.terms)
    addresses = {role: party.address for role, party in terms.parties.items()
                 if party.address is not None}
    return dict(deal_id=e.deal_id, terms=terms,
                        closing_date=terms.deal.closing_date, addresses=addresses)


@_on(ev.Signed)
def _signed(state: DealState, e: ev.Signed) -> dict[str, Any]:
    return dict(signed=state.signed | {e.party})


@_on(ev.ConditionSatisfied)
def _satisfied(state: DealState, e: ev.ConditionSatisfied) -> dict[str, Any]:
    return dict(marked={**state.marked,
                                       e.condition: Marked("satisfied", e.by, e.at)})


@_on(ev.ConditionWaived)
def _waived(state: DealState, e: ev.ConditionWaived) -> dict[str, Any]:
    return dict(marked={**state.marked,
                                       e.condition: Marked("waived", e.by, e.at)})


@_on(ev.InstrumentRequested)
def _requested(state: DealState, e: ev.InstrumentRequested) -> dict[str, Any]:
    request = Request(e.request, e.by, e.description, e.at)
    return dict(requests={**state.requests, e.request: request})


@_on(ev.InstrumentDelivered)
def _delivered(state: DealState, e: ev.InstrumentDelivered) -> dict[str, Any]:
    request = attrs.evolve(state.requests[e.request], delivered_at=e.at)
    return dict(requests={**state.requests, e.request: request})


@_on(ev.ProceedingRecorded)
def _proceeding(state: DealState, e: ev.ProceedingRecorded) -> dict[str, Any]:
    proceeding = Proceeding(e.proceeding, e.by, e.description, e.at)
    return dict(proceedings={**state.proceedings, e.proceeding: proceeding})


@_on(ev.ProceedingResolved)
def _resolved(state: DealState, e: ev.ProceedingResolved) -> dict[str, Any]:
    proceeding = attrs.evolve(state.proceedings[e.proceeding], resolved_at=e.at)
    return dict(proceedings={**state.proceedings, e.proceeding: proceeding})


@_on(ev.MisrepresentationRecorded)
def _misrepresentation(state: DealState, e: ev.MisrepresentationRecorded) -> dict[str, Any]:
    record = Misrepresentation(e.misrepresentation, e.by, e.section, e.of_party,
                               e.description, e.at)
    return dict(misrepresentations={**state.misrepresentations,
                                                   e.misrepresentation: record})


@_on(ev.TermsAmended)
def _amended(state: DealState, e: ev.TermsAmended) -> dict[str, Any]:
    closing = e.changes.get("closing_date")
    return dict(
        amendments=(*state.amendments, e),
        closing_date=date.fromisoformat(closing) if closing else state.closing_date,
    )


@_on(ev.ClosingHeld)
def _closed(state: DealState, e: ev.ClosingHeld) -> dict[str, Any]:
    return dict(closed_at=e.at)


@_on(ev.NotesDelivered)
def _notes(state: DealState, e: ev.NotesDelivered) -> dict[str, Any]:
    return dict(denominations=e.denominations)


@_on(ev.GuaranteeDelivered)
def _guarantee(state: DealState, e: ev.GuaranteeDelivered) -> dict[str, Any]:
    return dict(guarantee_delivered_at=e.at)


@_on(ev.PaymentMade)
def _paid(state: DealState, e: ev.PaymentMade) -> dict[str, Any]:
    return dict(paid={**state.paid,
                                     e.purpose: state.paid_for(e.purpose) + e.amount})


@_on(ev.StateChanged)
def _moved(state: DealState, e: ev.StateChanged) -> dict[str, Any]:
    dest = Status(e.dest)
    holders = state.holders
    if dest is Status.Outstanding and not holders:
        # 1.2: the Notes are issued to Purchaser, which holds all the principal.
        holders = {"purchaser": state.terms.notes.principal}
    return dict(status=dest, holders=holders)


@_on(ev.ClockAdvanced)
def _advanced(state: DealState, e: ev.ClockAdvanced) -> dict[str, Any]:
    return {}


def with_deadline(state: DealState, deadline: Deadline) -> tuple[Deadline, ...]:
    """The pending deadlines with one more, kept in order of (due, key)."""
    pending = list(state.deadlines)
    bisect.insort(pending, deadline, key=lambda d: (d.due, d.key))
    return tuple(pending)


def without_deadline(state: DealState, key: str) -> tuple[Deadline, ...]:
    """The pending deadlines less the one with `key` (usually the first)."""
    if state.deadlines and state.deadlines[0].key == key:
        return state.deadlines[1:]
    return tuple(d for d in state.deadlines if d.key != key)


@_on(ev.NoticeSent)
def _notice_sent(state: DealState, e: ev.NoticeSent) -> dict[str, Any]:
    record = NoticeRecord(e.notice, e.kind, e.sender, e.to, e.method, e.at, e.effective_at,
                          e.defects)
    deadlines = state.deadlines
    changes = state.address_changes
    if e.kind == "change_of_address" and e.effective_at is not None:
        changes = {**changes, e.notice: (e.sender, e.new_address, e.new_fax)}
    if e.effective_at is not None:
        deadlines = with_deadline(state, Deadline(
            due=e.effective_at, key=f"notice:{e.notice}", kind="notice_effective",
            section="8.5", description=f"notice {e.notice} ({e.kind.replace('_', ' ')}) "
                                       "takes effect"))
    return dict(notices={**state.notices, e.notice: record},
                        deadlines=deadlines, address_changes=changes)


@_on(ev.NoticeTookEffect)
def _notice_effective(state: DealState, e: ev.NoticeTookEffect) -> dict[str, Any]:
    record = attrs.evolve(state.notices[e.notice], took_effect=True)
    return dict(notices={**state.notices, e.notice: record},
                        deadlines=without_deadline(state, f"notice:{e.notice}"))


@_on(ev.AddressChanged)
def _address_changed(state: DealState, e: ev.AddressChanged) -> dict[str, Any]:
    current = state.addresses[e.party]
    changed = attrs.evolve(current, lines=e.lines if e.lines is not None else current.lines,
                           fax=e.fax if e.fax is not None else current.fax)
    changes = {k: v for k, v in state.address_changes.items() if k != e.notice}
    return dict(addresses={**state.addresses, e.party: changed},
                        address_changes=changes)
