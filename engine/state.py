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
from engine.business_days import following
from engine.clock import iso, new_york_date
from engine.plain import Plain
from engine.schedule import (
    Payment,
    accrued_interest,
    after_prepayment,
    issued_schedule,
    payment_schedule,
)
from engine.sharing import HolderPayment, holder_payment, interest_parts


class Status(enum.StrEnum):
    """The lifecycle states of PRODUCT.md section 4 (a `StrEnum`: `Status.Closed == "Closed"`)."""

    Drafted = "Drafted"
    ConditionsPending = "ConditionsPending"
    Closed = "Closed"
    Outstanding = "Outstanding"
    Default = "Default"
    Repaid = "Repaid"


#: The acts of Schedule 1 that Holders of a majority in principal take, by name: what a
#: Holder's own action joins (`DealState.joined`).
ACCELERATION = "acceleration"
#: Nothing, to the cent (a constant: a sum over the Holders starts here after every action).
_ZERO = Decimal("0.00")


def waiver_act(event_of_default: str) -> str:
    """The name of the act of waiving one Event of Default (Schedule 1, 8.6)."""
    return f"waiver of {event_of_default}"


def breach_notice_act(breaches: Iterable[str]) -> str:
    """The name of the act of giving notice of these covenant breaches (Schedule 1 (c))."""
    return "notice of covenant breach of " + ", ".join(sorted(breaches))


@attrs.frozen(repr=False, eq=False)
class Marked(Plain):
    """A condition marked satisfied or waived, by whom and when.

    `covers`: for a waiver, the misrepresentations and claims on record when
    it was given (5.1(a), 5.2(a): it gives up those, in log order, not what
    is recorded after it, even in the same minute).
    """

    status: str
    by: str
    at: datetime | None
    covers: frozenset[str] = frozenset()


@attrs.frozen(repr=False, eq=False)
class Request(Plain):
    """A request for another instrument under 5.1(h) or 5.2(f)."""

    id: str
    by: str
    description: str
    requested_at: datetime | None
    delivered_at: datetime | None = None


@attrs.frozen(repr=False, eq=False)
class Proceeding(Plain):
    """A proceeding seeking to enjoin or prevent the transactions (5.1(e), 5.2(d))."""

    id: str
    by: str
    description: str
    recorded_at: datetime | None
    resolved_at: datetime | None = None


@attrs.frozen(repr=False, eq=False)
class Misrepresentation(Plain):
    """A representation or warranty recorded as untrue (5.1(a), 5.2(a))."""

    id: str
    by: str
    section: str
    of_party: str
    description: str
    at: datetime | None


@attrs.frozen(repr=False, eq=False)
class Deadline(Plain):
    """Something time-bound the deal tracks: when it falls due, and under which section."""

    due: datetime
    key: str
    kind: str
    section: str
    description: str


@attrs.frozen(repr=False, eq=False)
class NoticeRecord(Plain):
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


@attrs.frozen(repr=False, eq=False)
class Breach(Plain):
    """A covenant or agreement of the Company broken (section 6), and whether remedied."""

    id: str
    section: str
    description: str
    occurred_at: datetime | None
    cause: str | None = None
    remedied_at: datetime | None = None

    @property
    def continuing(self) -> bool:
        """Whether the breach is still unremedied."""
        return self.remedied_at is None


@attrs.frozen(repr=False, eq=False)
class EventOfDefault(Plain):
    """An Event of Default (Schedule 1, ASSUMED) and how it ended, if it has."""

    id: str
    kind: str
    description: str
    occurred_at: datetime | None
    cause: str | None = None
    ended_at: datetime | None = None
    ended_by: str | None = None

    @property
    def continuing(self) -> bool:
        """Whether it is neither cured nor waived."""
        return self.ended_at is None

    @property
    def section(self) -> str:
        """The assumed term it rests on: "Schedule 1 (b)"."""
        return f"Schedule 1 ({self.kind})"


@attrs.frozen(repr=False, eq=False)
class Report(Plain):
    """A report of 6.1 owed to the Holders, and when it was furnished."""

    id: str
    section: str
    period_end: date
    last_day: date
    lapses_at: datetime
    delivered_at: datetime | None = None


@attrs.frozen(repr=False, eq=False)
class Transfer(Plain):
    """A proposed transfer of Notes under section 7, and where it stands."""

    id: str
    holder: str
    to_holder: str
    principal: Decimal
    rule_144: bool
    opinion: bool
    legend_not_required: bool
    notice: str
    proposed_at: datetime | None
    opinion_accepted: bool | None = None
    completed_at: datetime | None = None


@attrs.frozen(repr=False, eq=False)
class Claim(Plain):
    """A claim for indemnification under 8.10, and where it stands."""

    id: str
    claimant: str
    against: str
    section: str
    damages: tuple[ev.DamageItem, ...]
    notice: str
    asserted_at: datetime | None
    answer: str | None = None
    consented_at: datetime | None = None
    settled: Decimal | None = None
    adjudicated: Decimal | None = None
    withdrawn_at: datetime | None = None
    paid: Decimal = Decimal("0.00")
    #: The most the indemnifying party consented to settle for (None: up to the claim).
    consent_amount: Decimal | None = None


@attrs.frozen(repr=False, eq=False)
class Expense(Plain):
    """Fees and expenses of Purchaser's counsel presented to the Company (8.9)."""

    id: str
    amount: Decimal
    description: str
    presented_at: datetime | None
    due: datetime
    paid: Decimal = Decimal("0.00")


@attrs.frozen(slots=False, repr=False, eq=False)
class DealState(Plain):
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
    #: When the Notes were issued: settlement complete, delivery against payment (1.2, 2.2).
    issued_at: datetime | None = None
    denominations: tuple[Decimal, ...] = ()
    notes_delivered_at: datetime | None = None
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
    #: What a notice does when it takes effect, by notice id: its kind's particulars
    #: (the breaches a covenant-breach notice names; who accelerates; which transfer).
    notice_particulars: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: The payment schedule (Schedule 1, ASSUMED), fixed when the Notes are issued.
    schedule: tuple[Payment, ...] = ()
    interest_paid: Decimal = Decimal("0.00")
    principal_paid: Decimal = Decimal("0.00")
    reports: Mapping[str, Report] = attrs.field(factory=dict)
    breaches: Mapping[str, Breach] = attrs.field(factory=dict)
    defaults: Mapping[str, EventOfDefault] = attrs.field(factory=dict)
    accelerated_at: datetime | None = None
    repaid_at: datetime | None = None
    #: Interest that became due on acceleration (accrued and unpaid then).
    accelerated_interest: Decimal = Decimal("0.00")
    #: Default interest (Schedule 1, ASSUMED) counted up to `late_marked`, the day of the
    #: last principal payment made while principal was overdue; see `late_interest`.
    late_interest: Decimal = Decimal("0.00")
    late_marked: date | None = None
    #: The default interest accrued when the Notes were accelerated (after maturity),
    #: already counted in `accelerated_interest`.
    accelerated_late: Decimal = Decimal("0.00")
    transfers: Mapping[str, Transfer] = attrs.field(factory=dict)
    #: Whether each Holder's certificates bear the restrictive legend of 7.2.
    legends: Mapping[str, bool] = attrs.field(factory=dict)
    #: The holdings just before the principal was repaid in full: who is paid interest
    #: still owed after that.
    repaid_holders: Mapping[str, Decimal] = attrs.field(factory=dict)
    #: The Surviving Corporation that assumed the Company's obligations (6.3).
    successor: str | None = None
    inspections: tuple[tuple[str, str, datetime | None], ...] = ()
    claims: Mapping[str, Claim] = attrs.field(factory=dict)
    expenses: Mapping[str, Expense] = attrs.field(factory=dict)
    #: Each payment of interest or principal to the Holders, with each Holder's share of
    #: each installment it paid (engine.sharing).
    holder_payments: tuple[HolderPayment, ...] = ()
    #: The acts of the Holders of a majority (Schedule 1) still pending: each act's name
    #: ("acceleration", "waiver of E1", ...) to the Holders who have taken it themselves.
    joined: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    @property
    def principal_outstanding(self) -> Decimal:
        """The principal of the Notes not yet repaid (zero before they are issued)."""
        return sum(self.holders.values(), _ZERO)

    @property
    def notes_alive(self) -> bool:
        """Whether Notes are outstanding (section 6: "so long as any of the Notes shall
        remain outstanding"): Outstanding or Default, not yet Repaid."""
        return self.status in (Status.Outstanding, Status.Default)

    @property
    def continuing_defaults(self) -> list[EventOfDefault]:
        """Every Event of Default neither cured nor waived."""
        return [e for e in self.defaults.values() if e.continuing]

    @property
    def notes_delivered(self) -> bool:
        """Whether the Notes have been delivered (1.2, 2.2)."""
        return bool(self.denominations)

    def paid_for(self, purpose: str) -> Decimal:
        """What has been paid so far for a purpose."""
        return self.paid.get(purpose, _ZERO)


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


def times_in_order(events: Iterable[ev.Event], clock: datetime | None = None,
                   first: int = 1) -> list[str]:
    """Every event of a log dated before the event it follows: empty when the times hold.

    Actions are taken in time order (PRODUCT.md section 5) and every deadline
    fires at its own time, so each dated event is at or after the last dated
    one before it (undated events, such as the deal's creation, are passed
    over). One line for each event out of order, naming its position.

    Args:
        events: the events, in log order.
        clock: for events that continue a log, the latest time before them.
        first: the position of the first of `events` in its log.
    """
    problems: list[str] = []
    last: datetime | None = clock
    for seq, event in enumerate(events, start=first):
        if event.at is None:
            continue
        if last is not None and event.at < last:
            problems.append(f"event {seq} ({event.TAG}) is dated {iso(event.at)}, "
                            f"before the event it follows ({iso(last)})")
        else:
            last = event.at
    return problems


def replay(events: Iterable[ev.Event], state: DealState | None = None) -> DealState:
    """The state a log of events folds to."""
    current = state if state is not None else DealState()
    for event in events:
        current = evolve(current, event)
    return current


#: The last deal creation folded and the term sheet it holds: a log folded again (a
#: replay for `status(as_of=...)`, exploration's checks, a fork's checks) starts with the
#: very same event, whose terms need not be read again. (One item, replaced whole, so
#: that threads always read a matching pair; events are never changed once made.)
_LAST_CREATED: list[tuple[object, object, TermSheet]] = []


@_on(ev.DealCreated)
def _created(state: DealState, e: ev.DealCreated) -> dict[str, Any]:
    last = _LAST_CREATED[0] if _LAST_CREATED else None
    if last is not None and last[0] is e and last[1] is e.terms:
        terms = last[2]
    else:
        terms = terms_from_dict(e.terms)
        _LAST_CREATED[:] = [(e, e.terms, terms)]
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
    covers = frozenset(state.misrepresentations) | frozenset(state.claims)
    return dict(marked={**state.marked,
                                       e.condition: Marked("waived", e.by, e.at, covers)})


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
    return dict(denominations=e.denominations, notes_delivered_at=e.at)


@_on(ev.GuaranteeDelivered)
def _guarantee(state: DealState, e: ev.GuaranteeDelivered) -> dict[str, Any]:
    return dict(guarantee_delivered_at=e.at)


@_on(ev.PaymentMade)
def _paid(state: DealState, e: ev.PaymentMade) -> dict[str, Any]:
    changes: dict[str, Any] = dict(paid={**state.paid,
                                         e.purpose: state.paid_for(e.purpose) + e.amount})
    if e.purpose in ("interest", "principal"):
        changes["holder_payments"] = (*state.holder_payments, _holder_payment(state, e))
    if e.purpose == "interest":
        total = state.interest_paid + e.amount
        changes["interest_paid"] = total
        settled = {f"{kind}:{p.date.isoformat()}" for p in interest_covered(state, total)
                   for kind in ("interest", "grace")}
        changes["deadlines"] = tuple(d for d in state.deadlines if d.key not in settled)
    elif e.purpose == "indemnity" and e.claim is not None:
        claim = state.claims[e.claim]
        changes["claims"] = {**state.claims,
                             claim.id: attrs.evolve(claim, paid=claim.paid + e.amount)}
    elif e.purpose == "expenses":
        changes["expenses"], settled = _apply_expenses(state, e.amount)
        changes["deadlines"] = tuple(d for d in state.deadlines if d.key not in settled)
    elif e.purpose == "principal":
        changes.update(_principal_paid(state, e))
    return changes


def late_start(state: DealState) -> date:
    """Schedule 1, ASSUMED: the day unpaid principal starts bearing default interest.

    Maturity (the unadjusted date the last coupon counts to), or the day of
    the acceleration when that came first.
    """
    maturity = state.terms.notes.maturity
    if state.accelerated_at is not None:
        return min(new_york_date(state.accelerated_at), maturity)
    return maturity


def late_applies(state: DealState, day: date) -> bool:
    """Whether principal unpaid on `day` bears default interest (Schedule 1, ASSUMED).

    After the day of an acceleration; or after maturity's payment date, for a
    maturity that is no business day is paid on the next one "with no extra
    interest", and principal paid by then bears none.
    """
    if state.accelerated_at is not None and day > new_york_date(state.accelerated_at):
        return True
    notes = state.terms.notes
    return day > following(notes.maturity, notes.business_days)


def late_interest(state: DealState, day: date) -> Decimal:
    """Default interest accrued to `day`, paid or not (Schedule 1, ASSUMED; issue 9 item 7).

    Unpaid principal bears interest at `default_rate` (left out: the note
    rate) from maturity or acceleration until paid, not compounded: simple
    interest on the principal outstanding, on the term sheet's day count, each
    stretch between principal payments rounded to the cent half up.
    """
    total = state.late_interest
    principal = state.principal_outstanding
    if state.schedule and principal > 0 and late_applies(state, day):
        notes = state.terms.notes
        total += accrued_interest(notes, principal, state.late_marked or late_start(state), day,
                                  rate=notes.late_rate)
    return total


def _principal_paid(state: DealState, e: ev.PaymentMade) -> dict[str, Any]:
    """A payment of principal: each Holder's principal goes down by its share; default
    interest is counted to the day; a prepayment counts the schedule again."""
    from engine.periods import end_of_days
    day = new_york_date(e.at) if e.at is not None else state.terms.notes.maturity
    changes: dict[str, Any] = {"principal_paid": state.principal_paid + e.amount}
    holders = {name: held - e.shares.get(name, Decimal("0.00"))
               for name, held in state.holders.items()
               if held - e.shares.get(name, Decimal("0.00")) > 0}
    changes["holders"] = holders
    deadlines = state.deadlines
    if late_applies(state, day):
        changes["late_interest"] = late_interest(state, day)
        changes["late_marked"] = day
    elif state.accelerated_at is None and day < state.terms.notes.maturity:
        # A prepayment (the term sheet allows it): the schedule is counted again.
        before, after = state.principal_outstanding, sum(holders.values(), Decimal("0.00"))
        schedule = after_prepayment(state.schedule, state.terms.notes, before, after, day)
        old_keys, new_keys = _payment_keys(state.schedule), _payment_keys(schedule)
        pending = [d for d in deadlines if d.key not in old_keys - new_keys]
        for p in schedule:
            if p.kind == "interest" and f"interest:{p.date.isoformat()}" not in old_keys:
                for deadline in _interest_deadlines(p, end_of_days):
                    bisect.insort(pending, deadline, key=lambda d: (d.due, d.key))
        deadlines = tuple(pending)
        changes["schedule"] = schedule
    if not holders:
        changes["repaid_holders"] = dict(state.holders)
        deadlines = tuple(d for d in deadlines if not d.key.startswith("principal:"))
    changes["deadlines"] = deadlines
    return changes


def _payment_keys(schedule: Iterable[Payment]) -> set[str]:
    """The keys of the deadlines of a schedule's payments."""
    return {f"{kind}:{p.date.isoformat()}" for p in schedule
            for kind in (("interest", "grace") if p.kind == "interest" else ("principal",))}


def _interest_deadlines(p: Payment, end_of_days: Callable[[date, int], datetime]
                        ) -> list[Deadline]:
    """An interest payment's deadlines: overdue after its payment date, (b) 30 days on; a
    coupon of 0.00 (notes bearing no interest) owes nothing, so nothing waits on it."""
    if p.amount == 0:
        return []
    day = p.date.isoformat()
    return [Deadline(end_of_days(p.payment_date, 0), f"interest:{day}", "interest_due",
                     "Schedule 1", f"interest of {day} unpaid is overdue from now"),
            Deadline(end_of_days(p.payment_date, 30), f"grace:{day}", "interest_grace",
                     "Schedule 1 (b)", f"interest of {day} unpaid is an Event of Default "
                     "from now")]


def _holder_payment(state: DealState, e: ev.PaymentMade) -> HolderPayment:
    """The payment with each Holder's share of each installment it pays."""
    if e.purpose == "interest":
        coupons = sum((p.amount for p in state.schedule if p.kind == "interest"),
                      Decimal("0.00"))
        if state.accelerated_at is not None:
            coupons = state.accelerated_interest - state.accelerated_late
        parts = interest_parts(state.schedule, state.interest_paid, e.amount, coupons,
                               late_start(state).isoformat())
    else:
        due = next((p.date.isoformat() for p in state.schedule if p.kind == "principal"), "")
        parts = [(f"principal-{due}", due, e.amount)]
    return holder_payment(e.at, e.purpose, e.amount, e.shares, parts)


def interest_covered(state: DealState, paid: Decimal) -> list[Payment]:
    """The interest installments that `paid` covers in full, oldest first."""
    covered = []
    running = Decimal("0.00")
    for payment in state.schedule:
        if payment.kind != "interest":
            continue
        running += payment.amount
        if running > paid:
            break
        covered.append(payment)
    return covered


@_on(ev.StateChanged)
def _moved(state: DealState, e: ev.StateChanged) -> dict[str, Any]:
    dest = Status(e.dest)
    if dest is Status.Outstanding and e.trigger == "settle":
        return dict(status=dest, **_issued(state, e.at))
    if dest is Status.Repaid:
        # 6: the covenants bind "so long as any of the Notes shall remain outstanding".
        return dict(status=dest, repaid_at=e.at,
                    deadlines=tuple(d for d in state.deadlines if d.kind == "notice_effective"))
    return dict(status=dest)


def _issued(state: DealState, at: datetime | None) -> dict[str, Any]:
    """1.2: the Notes issued to Purchaser, with their schedule, reports and deadlines.

    Everything counts from the issue (`at`, when settlement completes): the
    interest accrues from the day of issue (`issued_schedule`), a report is
    owed only if its deadline falls after the issue (`reports_owed`), and no
    deadline falls before it, so nothing is owed, breached or in default
    before the Notes exist.
    """
    from engine.clock import new_york_date
    from engine.obligations import reports_owed
    from engine.periods import end_of_days
    notes = state.terms.notes
    schedule = (payment_schedule(notes) if at is None
                else issued_schedule(notes, new_york_date(at)))
    reports = {r.id: Report(r.id, r.section, r.period_end, r.last_day, r.lapses_at)
               for r in reports_owed(state.closing_date, notes.maturity, at)}
    deadlines = list(state.deadlines)
    for r in reports.values():
        deadlines.append(Deadline(r.lapses_at, f"report:{r.id}", "report_due", r.section,
                                  f"report {r.id} is late from now (6.1)"))
    for p in schedule:
        day = p.date.isoformat()
        if p.kind == "interest":
            deadlines += _interest_deadlines(p, end_of_days)
        else:
            deadlines.append(Deadline(end_of_days(p.payment_date, 0), f"principal:{day}",
                                      "principal_due", "Schedule 1 (a)",
                                      f"principal of {day} unpaid is an Event of Default "
                                      "from now"))
    deadlines.sort(key=lambda d: (d.due, d.key))
    return dict(issued_at=at, holders={"purchaser": notes.principal}, legends={"purchaser": True},
                schedule=schedule, reports=reports, deadlines=tuple(deadlines))


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
    changes = _notice_record(state, e)
    if e.effective_at is not None and e.kind == "covenant_breach":
        named = e.breaches if e.breaches is not None else tuple(
            b.id for b in state.breaches.values() if b.continuing)
        changes["notice_particulars"] = {**state.notice_particulars, e.notice: named}
        changes.update(_acts_done(state, {breach_notice_act(named)}))
    if e.effective_at is not None and e.kind == "acceleration":
        changes.update(_acts_done(state, {ACCELERATION}))
    return changes


def _acts_done(state: DealState, acts: set[str]) -> dict[str, Any]:
    """The Holders' acts that have been taken (or become moot) are no longer pending."""
    if not any(a in state.joined for a in acts):
        return {}
    return dict(joined={a: h for a, h in state.joined.items() if a not in acts})


@_on(ev.HolderJoined)
def _holder_joined(state: DealState, e: ev.HolderJoined) -> dict[str, Any]:
    return dict(joined={**state.joined, e.act: e.joined})


def _notice_record(state: DealState, e: ev.NoticeSent) -> dict[str, Any]:
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


def address_changed(current: Address, lines: tuple[str, ...] | None,
                    fax: str | None) -> Address:
    """8.5: an address for notices with the street lines and facsimile number a notice of
    change of address gave (what it leaves out stays)."""
    return attrs.evolve(current, lines=lines if lines is not None else current.lines,
                        fax=fax if fax is not None else current.fax)


@_on(ev.AddressChanged)
def _address_changed(state: DealState, e: ev.AddressChanged) -> dict[str, Any]:
    changed = address_changed(state.addresses[e.party], e.lines, e.fax)
    changes = {k: v for k, v in state.address_changes.items() if k != e.notice}
    return dict(addresses={**state.addresses, e.party: changed},
                        address_changes=changes)


def _without(state: DealState, keys: set[str]) -> tuple[Deadline, ...]:
    """The pending deadlines less those with these keys."""
    return tuple(d for d in state.deadlines if d.key not in keys)


@_on(ev.DeadlinePassed)
def _deadline_passed(state: DealState, e: ev.DeadlinePassed) -> dict[str, Any]:
    return dict(deadlines=without_deadline(state, e.key))


@_on(ev.ReportDelivered)
def _report(state: DealState, e: ev.ReportDelivered) -> dict[str, Any]:
    report = attrs.evolve(state.reports[e.report], delivered_at=e.at)
    return dict(reports={**state.reports, e.report: report},
                deadlines=_without(state, {f"report:{e.report}"}))


@_on(ev.BreachOccurred)
def _breach(state: DealState, e: ev.BreachOccurred) -> dict[str, Any]:
    breach = Breach(e.breach, e.section, e.description, e.at, e.cause)
    return dict(breaches={**state.breaches, e.breach: breach})


@_on(ev.BreachRemedied)
def _remedied(state: DealState, e: ev.BreachRemedied) -> dict[str, Any]:
    breach = attrs.evolve(state.breaches[e.breach], remedied_at=e.at)
    return dict(breaches={**state.breaches, e.breach: breach},
                deadlines=tuple(d for d in state.deadlines
                                if not d.key.startswith(f"cure:{e.breach}:")))


@_on(ev.CurePeriodStarted)
def _cure_period(state: DealState, e: ev.CurePeriodStarted) -> dict[str, Any]:
    return dict(deadlines=with_deadline(state, Deadline(
        e.ends_at, f"cure:{e.breach}:{e.notice}", "cure_period", "Schedule 1 (c)",
        f"breach {e.breach} unremedied 30 days after notice {e.notice} is an Event of "
        "Default from now")))


@_on(ev.DefaultOccurred)
def _default(state: DealState, e: ev.DefaultOccurred) -> dict[str, Any]:
    record = EventOfDefault(e.event_of_default, e.kind, e.description, e.at, e.cause)
    return dict(defaults={**state.defaults, e.event_of_default: record})


@_on(ev.DefaultCured)
def _cured(state: DealState, e: ev.DefaultCured) -> dict[str, Any]:
    record = attrs.evolve(state.defaults[e.event_of_default], ended_at=e.at, ended_by="cured")
    return _default_ended(state, record)


@_on(ev.DefaultWaived)
def _waived_default(state: DealState, e: ev.DefaultWaived) -> dict[str, Any]:
    record = attrs.evolve(state.defaults[e.event_of_default], ended_at=e.at,
                          ended_by="waived")
    return _default_ended(state, record)


def _default_ended(state: DealState, record: EventOfDefault) -> dict[str, Any]:
    """An Event of Default ended: its pending waiver is moot, and so is a pending
    acceleration once no Event of Default continues."""
    defaults = {**state.defaults, record.id: record}
    moot = {waiver_act(record.id)}
    if not any(d.continuing for d in defaults.values()):
        moot.add(ACCELERATION)
    return dict(defaults=defaults, **_acts_done(state, moot))


@_on(ev.Accelerated)
def _accelerated(state: DealState, e: ev.Accelerated) -> dict[str, Any]:
    # Everything is due now: the grace, cure and payment dates no longer matter.
    moot = ("interest_due", "interest_grace", "principal_due", "cure_period")
    late = late_interest(state, new_york_date(e.at)) if e.at is not None else Decimal("0.00")
    # A pending acceleration is done, and a waiver can no longer be given (Schedule 1).
    acts = {a for a in state.joined if a == ACCELERATION or a.startswith("waiver of ")}
    return dict(accelerated_at=e.at, accelerated_interest=state.interest_paid + e.interest,
                accelerated_late=late,
                deadlines=tuple(d for d in state.deadlines if d.kind not in moot),
                **_acts_done(state, acts))


@_on(ev.InspectionRequested)
def _inspection(state: DealState, e: ev.InspectionRequested) -> dict[str, Any]:
    return dict(inspections=(*state.inspections, (e.by, e.scope, e.at)))


@_on(ev.Merged)
def _merged(state: DealState, e: ev.Merged) -> dict[str, Any]:
    company = state.successor or state.terms.parties["company"].name
    # 6.3: only a Surviving Corporation other than the Company becomes the Company.
    takes_over = e.assumes_obligations and e.surviving_corporation != company
    return dict(successor=e.surviving_corporation if takes_over else state.successor)


@_on(ev.TransferProposed)
def _proposed(state: DealState, e: ev.TransferProposed) -> dict[str, Any]:
    transfer = Transfer(e.transfer, e.holder, e.to_holder, e.principal, e.rule_144, e.opinion,
                        e.legend_not_required, e.notice, e.at)
    return dict(transfers={**state.transfers, e.transfer: transfer})


@_on(ev.OpinionDecided)
def _opinion(state: DealState, e: ev.OpinionDecided) -> dict[str, Any]:
    transfer = attrs.evolve(state.transfers[e.transfer], opinion_accepted=e.accepted)
    return dict(transfers={**state.transfers, e.transfer: transfer})


@_on(ev.TransferCompleted)
def _transferred(state: DealState, e: ev.TransferCompleted) -> dict[str, Any]:
    t = attrs.evolve(state.transfers[e.transfer], completed_at=e.at)
    holders = dict(state.holders)
    holders[t.holder] -= t.principal
    if holders[t.holder] <= 0:
        del holders[t.holder]
    holders[t.to_holder] = holders.get(t.to_holder, Decimal("0.00")) + t.principal
    legends = {name: mark for name, mark in state.legends.items() if name in holders}
    legends[t.to_holder] = e.legend or state.legends.get(t.to_holder, False)
    return dict(transfers={**state.transfers, e.transfer: t}, holders=holders, legends=legends)


def _apply_expenses(state: DealState, amount: Decimal) -> tuple[dict[str, Expense], set[str]]:
    """A payment of expenses applied to the oldest presented first; the deadlines it ends."""
    expenses = dict(state.expenses)
    settled: set[str] = set()
    left = amount
    for ident, expense in state.expenses.items():
        owed = expense.amount - expense.paid
        if left <= 0 or owed <= 0:
            continue
        part = min(owed, left)
        expenses[ident] = attrs.evolve(expense, paid=expense.paid + part)
        left -= part
        if part == owed:
            settled.add(f"expenses:{ident}")
    return expenses, settled


def _claim(state: DealState, ident: str, **changes: Any) -> dict[str, Any]:
    """The claims with one of them changed."""
    return dict(claims={**state.claims, ident: attrs.evolve(state.claims[ident], **changes)})


@_on(ev.ClaimAsserted)
def _asserted(state: DealState, e: ev.ClaimAsserted) -> dict[str, Any]:
    claim = Claim(e.claim, e.claimant, e.against, e.section, e.damages, e.notice, e.at)
    return dict(claims={**state.claims, e.claim: claim})


@_on(ev.ClaimAnswered)
def _answered(state: DealState, e: ev.ClaimAnswered) -> dict[str, Any]:
    return _claim(state, e.claim, answer=e.answer)


@_on(ev.SettlementConsented)
def _consented(state: DealState, e: ev.SettlementConsented) -> dict[str, Any]:
    return _claim(state, e.claim, consented_at=e.at, consent_amount=e.amount)


@_on(ev.ClaimSettled)
def _settled(state: DealState, e: ev.ClaimSettled) -> dict[str, Any]:
    return _claim(state, e.claim, settled=e.amount)


@_on(ev.ClaimAdjudicated)
def _adjudicated(state: DealState, e: ev.ClaimAdjudicated) -> dict[str, Any]:
    return _claim(state, e.claim, adjudicated=e.amount)


@_on(ev.ClaimWithdrawn)
def _withdrawn(state: DealState, e: ev.ClaimWithdrawn) -> dict[str, Any]:
    return _claim(state, e.claim, withdrawn_at=e.at)


@_on(ev.ExpensesPresented)
def _expenses(state: DealState, e: ev.ExpensesPresented) -> dict[str, Any]:
    expense = Expense(e.expense, e.amount, e.description, e.at, e.due)
    return dict(expenses={**state.expenses, e.expense: expense},
                deadlines=with_deadline(state, Deadline(
                    e.due, f"expenses:{e.expense}", "expenses_due", "8.9",
                    f"expenses {e.expense} unpaid are a breach of 8.9 from now")))
