"""The parties' moves: every action each may try, from small finite domains, at the
moments that matter.

A move is an action (decided by the engine, never by a model of it here) and
the step of the vocabulary that takes it, so that a path of moves can be
written as a feature a lawyer reads and `npa spec` runs. The domains are
chosen to reach every branch of every guard: the amount owed, a cent less and
a cent more; each condition, by the party that delivers or protects it and by
the other; each method of notice of 8.5, with and without its confirmation,
return receipt or copy; Holders of a majority and of a minority after a
transfer; and refused moves of every family in every state (a refused action
must change nothing, and that is checked too).

Time: a move is taken now (at the deal's clock) or at one of the moments that
matter next: the next boundary (the next pending deadline, notice taking
effect, interest or maturity date, or the Closing Date and its end), the last
minute before it and the first minute after it. Moves whose guards do not
look at the time are taken now only; `advance` moves to each moment.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import attrs

from engine import actions as act
from engine.clock import NEW_YORK, new_york_date, wall_time_problem
from engine.money import CENT, ZERO
from engine.state import DealState, Status

MINUTE = timedelta(minutes=1)
#: The transferees of the domains, by the names a feature gives them.
ACME, BETA = "Acme Bank", "Beta Capital"
#: A holder is its legal name, exactly as the feature writes it (issue 9 item 20).
HOLDER_IDS = {ACME: f"holder:{ACME}", BETA: f"holder:{BETA}"}
SURVIVOR = "Acme Holdings Corporation"
NEW_ADDRESS = "1 Main Street, Cleveland, Ohio 44114"
WRONG_ADDRESS = "99 Nowhere Lane, Nowhere, Ohio"
INSTRUMENT = "a certificate of good standing"
OTHER_COUNSEL = "Smith & Jones LLP"
PROCEEDING = "to enjoin the sale of the Notes"
LOSSES = Decimal("100000.00")
EXPENSES = Decimal("85000.00")
#: What Purchaser presents under 8.9 (the words of features/steps/claims.py).
COUNSEL_FEES = ("the reasonable legal fees and out-of-pocket expenses of Robinson, Silverman, "
                "Pearce, Aronsohn & Berman LLP, counsel to Purchaser, incurred in connection "
                "with the preparation, execution and delivery of the Agreement and the Notes")
DELIVERED_BY = {"5.1(b)": "company", "5.1(d)": "company", "5.1(f)": "company",
                "5.2(b)": "purchaser", "5.2(e)": "purchaser"}
OTHER = {"company": "purchaser", "purchaser": "company"}


@attrs.frozen(eq=False)
class Move:
    """An action and the step of the vocabulary that takes it (`step` names its wording)."""

    action: act.Action
    step: str
    #: Extra words the step needs that the action does not hold (a transferee's name).
    words: tuple[str, ...] = ()


# --- the moments that matter ---------------------------------------------------------


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=NEW_YORK)


def _plain_wall_time(moment: datetime) -> bool:
    """Whether the New York wall time names this moment alone (not in a repeated or
    skipped hour), to the minute: a step writes times as New York wall times."""
    local = moment.astimezone(NEW_YORK)
    return (wall_time_problem(local.replace(tzinfo=None)) is None
            and local.second == 0 and local.microsecond == 0)


def now_of(state: DealState) -> datetime:
    """The deal's clock; before any action, a week before the Closing Date at 09:00
    (when "the 1997 deal, signed by the Company and the Purchaser" is signed)."""
    if state.clock is not None:
        return state.clock
    return datetime.combine(state.closing_date - timedelta(days=7), time(9, 0),
                            tzinfo=NEW_YORK).astimezone(UTC)


def next_boundary(state: DealState) -> datetime | None:
    """The next moment at which some guard of the deal changes its answer."""
    now = now_of(state)
    candidates = []
    if state.status in (Status.Drafted, Status.ConditionsPending):
        candidates += [_midnight(state.closing_date),
                       _midnight(state.closing_date + timedelta(days=1))]
    if state.deadlines:
        candidates.append(state.deadlines[0].due)
    if state.notes_alive:
        today = new_york_date(now)
        upcoming = [p.date for p in state.schedule if p.date > today]
        if upcoming:
            candidates.append(_midnight(min(upcoming)))
    later = [c for c in candidates if c > now]
    return min(later) if later else None


def moments(state: DealState) -> tuple[datetime, tuple[datetime, ...]]:
    """Now, and the moments that matter next: a minute before the next boundary, on it,
    and a minute after it."""
    now = now_of(state)
    boundary = next_boundary(state)
    if boundary is None:
        return now, ()
    later = [m.astimezone(UTC) for m in (boundary - MINUTE, boundary, boundary + MINUTE)]
    return now, tuple(m for m in later if m > now and _plain_wall_time(m))


# --- what the steps refer to without naming it -----------------------------------------


def _number(ident: str) -> int:
    digits = "".join(ch for ch in ident if ch.isdigit())
    return int(digits) if digits else 0


def top_request(state: DealState) -> str | None:
    """ "the requested instrument": the latest request not yet delivered."""
    open_ = [r.id for r in state.requests.values() if r.delivered_at is None]
    return max(open_, key=_number) if open_ else None


def top_proceeding(state: DealState) -> str | None:
    """ "the proceeding": the latest proceeding not yet resolved."""
    open_ = [p.id for p in state.proceedings.values() if p.resolved_at is None]
    return max(open_, key=_number) if open_ else None


def last_of(records: Mapping[str, object]) -> str | None:
    """ "the transfer", "the claim": the one proposed or asserted last."""
    keys = list(records)
    return max(keys, key=_number) if keys else None


def the_default(state: DealState, kind: str) -> str | None:
    """ "the Event of Default under Schedule 1 (x)": the only one of that kind, or else the
    earliest still continuing (or, if none continues, the first)."""
    found = [e for e in state.defaults.values() if e.kind == kind]
    continuing = [e for e in found if e.continuing]
    chosen = (continuing or found)
    return chosen[0].id if chosen else None


def the_breach(state: DealState, section: str) -> str | None:
    """ "its breach of <section>": the earliest still continuing (or the first)."""
    found = [b for b in state.breaches.values() if b.section == section]
    continuing = [b for b in found if b.continuing]
    chosen = (continuing or found)
    return chosen[0].id if chosen else None


# --- the domains -----------------------------------------------------------------------


def _day_of(moment: datetime) -> datetime:
    """The start of a moment's New York day (how a step writes "incurred on <Date>")."""
    return _midnight(new_york_date(moment)).astimezone(UTC)


def _amounts(owed: Decimal) -> tuple[Decimal, ...]:
    """The amount owed, a cent less and a cent more; a cent when nothing is owed."""
    if owed <= 0:
        return (CENT,)
    return tuple(a for a in (owed, owed - CENT, owed + CENT) if a > 0)


def _hand(at: datetime, **extra: object) -> act.NoticeSpec:
    return act.NoticeSpec(method="hand", delivered_at=at, **extra)  # type: ignore[arg-type]


def _mail(at: datetime, method: str = "registered_mail", **extra: object) -> act.NoticeSpec:
    return act.NoticeSpec(method=method, postmarked_at=at, **extra)  # type: ignore[arg-type]


Family = Callable[[DealState, datetime, tuple[datetime, ...]], Iterator[Move]]
Reads = Callable[[DealState], Hashable]
#: Each family of moves, in the order of moves, with what it reads of a state besides the
#: moments: two states that agree on that and on the moments have the same moves.
FAMILIES: list[tuple[Family, Reads]] = []
#: The moves of each family, by what it read (actions are frozen: states share them).
_MADE: list[dict[Hashable, tuple[Move, ...]]] = []
CACHE_LIMIT = 20_000


def family(reads: Reads) -> Callable[[Family], Family]:
    """Register a family of moves, with what it reads of the state."""

    def register(fn: Family) -> Family:
        FAMILIES.append((fn, reads))
        _MADE.append({})
        return fn

    return register


def _before_closing(state: DealState) -> bool:
    return state.status in (Status.Drafted, Status.ConditionsPending)


def _held(state: DealState) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted(state.holders.items()))


def _request_asked(state: DealState) -> tuple[str, str] | None:
    request = top_request(state)
    return None if request is None else (request, state.requests[request].by)


def _payments_read(state: DealState) -> Hashable:
    from engine.rules.payments import interest_owed, principal_owed

    if not state.schedule:
        return None
    now, later = moments(state)
    return (state.principal_outstanding,
            tuple((interest_owed(state, at), principal_owed(state, at)) for at in (now, *later)))


def _expenses_read(state: DealState) -> Hashable:
    return bool(state.expenses), sum((x.amount - x.paid for x in state.expenses.values()), ZERO)


def _transfers_read(state: DealState) -> Hashable:
    last = last_of(state.transfers)
    record = state.transfers[last] if last is not None else None
    return (state.notes_alive, _held(state), state.terms.notes.principal, last,
            None if record is None else (record.holder, record.completed_at is None))


def _claims_read(state: DealState) -> Hashable:
    from engine.rules.indemnity import claimed, indemnifiable

    last = last_of(state.claims)
    if last is None:
        return state.status is Status.Drafted, None
    c = state.claims[last]
    return (state.status is Status.Drafted,
            (last, c.claimant, c.against, claimed(c), indemnifiable(c) - c.paid))


def _settlement_read(state: DealState) -> Hashable:
    return (state.status, state.guarantee_delivered_at is None, state.terms.deal,
            state.terms.notes.principal)


def _remedies_read(state: DealState) -> Hashable:
    kinds = sorted({e.kind for e in state.defaults.values()})
    return state.notes_alive, _held(state), tuple((k, the_default(state, k)) for k in kinds)


def _covenants_read(state: DealState) -> Hashable:
    sections = sorted({b.section for b in state.breaches.values()})
    return state.notes_alive, _held(state), tuple((x, the_breach(state, x)) for x in sections)


@family(lambda s: s.status is Status.Drafted)
def signing(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Signature page: each party signs (after the Drafted state, one refused try)."""
    for party in ("company", "purchaser") if state.status is Status.Drafted else ("company",):
        yield Move(act.Sign(actor=party, at=now), "sign")


@family(lambda s: _before_closing(s))
def conditions(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Section 5: each condition delivered by its party and by the other, and waived by the
    party it protects and by the other; those met otherwise, tried too."""
    if not _before_closing(state):
        yield Move(act.SatisfyCondition(actor="company", at=now, condition="5.1(b)"), "satisfy")
        yield Move(act.WaiveCondition(actor="purchaser", at=now, condition="5.1(d)"), "waive")
        return
    for section, party in DELIVERED_BY.items():
        yield Move(act.SatisfyCondition(actor=party, at=now, condition=section), "satisfy")
        if section not in ("5.1(f)", "5.2(e)"):
            yield Move(act.SatisfyCondition(actor=OTHER[party], at=now, condition=section),
                       "satisfy")
    yield Move(act.SatisfyCondition(actor="company", at=now, condition="5.1(a)"), "satisfy")
    yield Move(act.SatisfyCondition(actor="company", at=now, condition="5.1(c)"), "satisfy")
    for section in ("5.1(a)", "5.1(b)", "5.1(c)", "5.1(d)", "5.1(e)", "5.1(f)", "5.1(g)",
                    "5.1(h)"):
        yield Move(act.WaiveCondition(actor="purchaser", at=now, condition=section), "waive")
    for section in ("5.2(a)", "5.2(b)", "5.2(c)", "5.2(d)", "5.2(e)", "5.2(f)"):
        yield Move(act.WaiveCondition(actor="company", at=now, condition=section), "waive")
    yield Move(act.WaiveCondition(actor="company", at=now, condition="5.1(d)"), "waive")
    # 8.4: a waiver is a written instrument signed by both; orally, or signed by one, not.
    yield Move(act.WaiveCondition(actor="purchaser", at=now, condition="5.1(d)",
                                  in_writing=False, signed_by=()), "waive_orally")
    yield Move(act.WaiveCondition(actor="purchaser", at=now, condition="5.1(d)",
                                  signed_by=("purchaser",)), "waive_by_one")


@family(lambda s: (_before_closing(s), _request_asked(s)))
def instruments(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """5.1(h), 5.2(f): requests for other instruments, and their delivery."""
    for party in ("purchaser", "company") if _before_closing(state) else ("purchaser",):
        yield Move(act.RequestInstrument(actor=party, at=now, description=INSTRUMENT),
                   "request")
    request = top_request(state)
    if request is not None:
        asker = state.requests[request].by
        for party in (OTHER[asker], asker):
            yield Move(act.DeliverInstrument(actor=party, at=now, request=request),
                       "deliver_request")


@family(lambda s: top_proceeding(s))
def proceedings(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """5.1(e), 5.2(d): a proceeding recorded, and resolved."""
    yield Move(act.RecordProceeding(actor="company", at=now,
                                    description=f"a proceeding {PROCEEDING}"), "proceeding")
    proceeding = top_proceeding(state)
    if proceeding is not None:
        yield Move(act.ResolveProceeding(actor="purchaser", at=now, proceeding=proceeding),
                   "resolve")


@family(lambda s: None)
def misrepresentations(state: DealState, now: datetime,
                       later: tuple[datetime, ...]) -> Iterator[Move]:
    """5.1(a), 5.2(a), Schedule 1 (d): a representation of each side recorded untrue; the
    Company's own 3.6 is its admission, which proves it untrue once the Notes are issued."""
    for party, section in (("company", "3.6"), ("company", "4.1")):
        yield Move(act.RecordMisrepresentation(
            actor=party, at=now, section=section,
            description=f"the representation in {section} was untrue"), "misrepresentation")


@family(lambda s: (s.status, s.closing_date))
def closing(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """2.1: the Closing, at each moment around the Closing Date; 8.4: moving that date."""
    times = (now, *later) if state.status is Status.ConditionsPending else (now,)
    for at in times:
        yield Move(act.Close(actor="company", at=at), "close")
    new_date = (state.closing_date + timedelta(days=1)).isoformat()
    yield Move(act.Amend(actor="company", at=now, changes={"closing_date": new_date},
                         signed_by=("company", "purchaser"), in_writing=True), "amend_in_writing")
    if _before_closing(state):
        yield Move(act.Amend(actor="company", at=now, changes={"closing_date": new_date},
                             signed_by=(), in_writing=False), "amend_orally")
        yield Move(act.Amend(actor="purchaser", at=now, changes={"closing_date": new_date},
                             signed_by=("purchaser",), in_writing=True), "amend_by_one")


@family(_settlement_read)
def settlement(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """1.2, 2.2, 5.1(c): the Notes, the Guarantee, the Purchase Price and the Transaction Fee,
    each exact, a cent off either way, and by the wrong party."""
    deal = state.terms.deal
    principal = state.terms.notes.principal
    at_closing = state.status is Status.Closed
    notes = [principal, principal - CENT] if at_closing else [principal]
    for total in notes:
        yield Move(act.DeliverNotes(actor="company", at=now, denominations=(total,)), "notes")
    if at_closing or _before_closing(state) or state.guarantee_delivered_at is None:
        yield Move(act.DeliverGuarantee(actor="guarantor", at=now), "guarantee")
    for purpose, payer, owed, step in (("purchase_price", "purchaser", deal.purchase_price,
                                        "purchase_price"),
                                       ("transaction_fee", "company", deal.transaction_fee,
                                        "transaction_fee")):
        amounts = _amounts(owed) if at_closing else (owed,)
        for amount in amounts:
            yield Move(act.Pay(actor=payer, at=now, purpose=purpose, amount=amount), step)
        if at_closing:
            yield Move(act.Pay(actor=OTHER[payer], at=now, purpose=purpose, amount=owed), step)


@family(_payments_read)
def payments(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Schedule 1: interest and principal, the amount owed at each moment, a cent less and a
    cent more, and by the wrong party."""
    from engine.rules.payments import interest_owed, principal_owed

    if not state.schedule:
        yield Move(act.Pay(actor="company", at=now, purpose="interest", amount=CENT), "holders")
        return
    for index, at in enumerate((now, *later)):
        owed = interest_owed(state, at)
        if owed > 0 or index == 0:
            for amount in _amounts(owed):
                yield Move(act.Pay(actor="company", at=at, purpose="interest", amount=amount),
                           "holders")
        due = principal_owed(state, at)
        if index == 0:
            for amount in _amounts(due or state.principal_outstanding):
                yield Move(act.Pay(actor="company", at=at, purpose="principal",
                                   amount=amount), "holders")
        elif due > 0:
            for amount in _amounts(due):
                yield Move(act.Pay(actor="company", at=at, purpose="principal",
                                   amount=amount), "holders")
    owed_now = interest_owed(state, now)
    if owed_now > 0:
        yield Move(act.Pay(actor="purchaser", at=now, purpose="interest", amount=owed_now),
                   "holders")


@family(_expenses_read)
def expenses(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """8.9: Purchaser's counsel's fees presented, and paid: owed, a cent off, by the wrong
    party."""
    if not state.expenses:
        yield Move(act.PresentExpenses(actor="purchaser", at=now, amount=EXPENSES,
                                       description=COUNSEL_FEES), "present_expenses")
        # 8.9: only Purchaser's counsel's fees, and only those of the preparation,
        # execution and delivery of the Agreement and the Notes.
        yield Move(act.PresentExpenses(actor="purchaser", at=now, amount=EXPENSES,
                                       description=f"fees and expenses of {OTHER_COUNSEL}",
                                       counsel=OTHER_COUNSEL), "present_other_expenses")
        yield Move(act.PresentExpenses(actor="purchaser", at=now, amount=EXPENSES,
                                       description=COUNSEL_FEES, incurred_at=_day_of(now)),
                   "present_expenses_incurred")
        return
    owed = sum((x.amount - x.paid for x in state.expenses.values()), ZERO)
    for amount in _amounts(owed):
        yield Move(act.Pay(actor="company", at=now, purpose="expenses", amount=amount),
                   "expenses")
    if owed > 0:
        yield Move(act.Pay(actor="purchaser", at=now, purpose="expenses", amount=owed),
                   "expenses")


def _copy_recipient(state: DealState, party: str) -> str | None:
    copies = state.terms.parties[party].copies
    return copies[0].name if copies else None


@family(lambda s: (s.notes_alive, _held(s), bool(s.breaches), s.terms.parties["purchaser"].copies))
def notices(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """8.5 and 6.2(a)(i): the Company's notice of default by every method, with and without
    what each needs; the Holders' notice of covenant breach (Schedule 1 (c)); a change of
    address."""
    def notice(actor: str, to: str, kind: str, spec: act.NoticeSpec, step: str,
               words: tuple[str, ...] = ()) -> Move:
        return Move(act.SendNotice(actor=actor, at=now, to=to, kind=kind, notice=spec),
                    step, words)

    yield notice("company", "purchaser", "default", _hand(now), "notice")
    if state.notes_alive:
        yield notice("company", "purchaser", "default", _mail(now), "notice")
        yield notice("company", "purchaser", "default",
                     _mail(now, "certified_mail", return_receipt_requested=False), "notice")
        yield notice("company", "purchaser", "default",
                     act.NoticeSpec(method="fax", confirmed_at=now), "notice")
        yield notice("company", "purchaser", "default", act.NoticeSpec(method="fax"),
                     "notice_unconfirmed")
        yield notice("company", "purchaser", "default", act.NoticeSpec(method="e-mail"),
                     "notice_without_delivery")
        copy = _copy_recipient(state, "purchaser")
        if copy is not None:
            others = tuple(c.name for c in state.terms.parties["purchaser"].copies
                           if c.name != copy)
            yield notice("company", "purchaser", "default", _hand(now, copies=others),
                         "notice_no_copy", (copy,))
        yield notice("company", "purchaser", "default", _hand(now, address=WRONG_ADDRESS),
                     "notice_addressed")
    senders = ["purchaser"] if "purchaser" in state.holders or not state.holders else []
    senders += [h for h in HOLDER_IDS.values() if h in state.holders]
    for sender in senders or ["purchaser"]:
        yield notice(sender, "company", "covenant_breach", _hand(now), "notice")
    if state.notes_alive and state.breaches:
        yield notice(senders[0] if senders else "purchaser", "company", "covenant_breach",
                     _mail(now), "notice")
    yield Move(act.SendNotice(actor="company", at=now, to="purchaser", kind="change_of_address",
                              notice=_hand(now), new_address=NEW_ADDRESS), "new_address")


def _transferees(state: DealState) -> list[str]:
    return [h for h in HOLDER_IDS.values() if h in state.holders]


@family(_remedies_read)
def remedies(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Schedule 1: acceleration by Holders of a majority and by others, waivers of each
    Event of Default, insolvency."""
    if not state.notes_alive:
        yield Move(act.Accelerate(actor="purchaser", at=now, notice=_hand(now)), "accelerate")
        yield Move(act.DeclareInsolvency(actor="court", at=now), "insolvency")
        return
    yield Move(act.Accelerate(actor="purchaser", at=now, notice=_hand(now)), "accelerate")
    yield Move(act.Accelerate(actor="purchaser", at=now, notice=_mail(now)), "accelerate")
    yield Move(act.Accelerate(actor="company", at=now, notice=_hand(now)), "accelerate")
    # Each Holder takes the acceleration itself: a minority's is pending, and the next
    # Holder's joins it (Schedule 1). Naming Purchaser in joined_by is accepted only once
    # Purchaser has itself joined; the Company naming it is always refused.
    joining = ("company", *_transferees(state)) if "purchaser" in state.holders else ()
    for holder in _transferees(state):
        yield Move(act.Accelerate(actor=holder, at=now, notice=_hand(now)), "accelerate")
    for actor in joining:
        yield Move(act.Accelerate(actor=actor, at=now, notice=_hand(now),
                                  joined_by=("purchaser",)), "accelerate_joined")
    kinds = sorted({e.kind for e in state.defaults.values()})
    for kind in kinds:
        ident = the_default(state, kind)
        assert ident is not None
        for holder in ("purchaser", *_transferees(state), "company"):
            yield Move(act.WaiveDefault(actor=holder, at=now, event_of_default=ident),
                       "waive_default", (kind,))
        for actor in joining:
            yield Move(act.WaiveDefault(actor=actor, at=now, event_of_default=ident,
                                        joined_by=("purchaser",)), "waive_joined", (kind,))
    yield Move(act.DeclareInsolvency(actor="court", at=now), "insolvency")
    yield Move(act.DeclareInsolvency(actor="company", at=now), "insolvency")


@family(_covenants_read)
def covenants(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Section 6: inspection of properties and books (at each moment: "reasonable times"),
    breaches recorded and remedied, merger with and without assumption."""
    if not state.notes_alive:
        yield Move(act.RequestInspection(actor="purchaser", at=now, scope="books"), "books")
        yield Move(act.RecordBreach(actor="purchaser", at=now, section="6.2(b)(iv)",
                                    description=_breach_words("purchaser", "6.2(b)(iv)")),
                   "breach")
        yield Move(act.Merge(actor="company", at=now, surviving_corporation=SURVIVOR,
                             assumes_obligations=True), "merge_assuming")
        return
    holders = [h for h in ("purchaser", *_transferees(state)) if h in state.holders]
    yield Move(act.RequestInspection(actor=holders[0] if holders else "purchaser", at=now,
                                     scope="properties"), "properties")
    for at in (now, *later):
        yield Move(act.RequestInspection(actor="purchaser", at=at, scope="books"), "books")
    for holder in _transferees(state):
        yield Move(act.RequestInspection(actor=holder, at=now, scope="books"), "books")
    yield Move(act.RecordBreach(actor="purchaser", at=now, section="6.2(b)(iv)",
                                description=_breach_words("purchaser", "6.2(b)(iv)")), "breach")
    for section in sorted({b.section for b in state.breaches.values()}):
        breach = the_breach(state, section)
        assert breach is not None
        yield Move(act.RemedyBreach(actor="company", at=now, breach=breach), "remedy",
                   (section,))
    yield Move(act.Merge(actor="company", at=now, surviving_corporation=SURVIVOR,
                         assumes_obligations=True), "merge_assuming")
    yield Move(act.Merge(actor="company", at=now, surviving_corporation=SURVIVOR,
                         assumes_obligations=False), "merge_not_assuming")


def _breach_words(holder: str, section: str) -> str:
    name = {"company": "the Company", "purchaser": "Purchaser"}.get(holder, holder)
    for words, ident in HOLDER_IDS.items():
        if ident == holder:
            name = words
    return f"recorded by {name}: the Company is in breach of {section}"


def _propose(holder: str, to: str, principal: Decimal, basis: tuple[bool, bool, bool],
             spec: act.NoticeSpec, at: datetime) -> Move:
    rule_144, opinion, legend = basis
    return Move(act.ProposeTransfer(actor=holder, at=at, to_holder=HOLDER_IDS.get(to, to),
                                    principal=principal, rule_144=rule_144, opinion=opinion,
                                    notice=spec, legend_not_required=legend), "propose", (to,))


RULE_144 = (True, False, False)
OPINION = (False, True, False)
NO_LEGEND = (False, True, True)
NO_OPINION = (False, False, False)


@family(_transfers_read)
def transfers(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Section 7: transfers of a minority, a majority and all of a Holder's Notes, on each
    basis of 7.3; the Company's answer to the opinion; completion, now and at each moment."""
    held = state.holders.get("purchaser")
    if not state.notes_alive or held is None:
        principal = state.terms.notes.principal
        yield _propose("purchaser", ACME, principal, RULE_144, _hand(now), now)
    else:
        third = (held / 3).quantize(CENT)
        yield _propose("purchaser", ACME, third, RULE_144, _hand(now), now)
        yield _propose("purchaser", ACME, held - third, OPINION, _hand(now), now)
        yield _propose("purchaser", ACME, held, NO_LEGEND, _mail(now), now)
        yield _propose("purchaser", ACME, held + CENT, RULE_144, _hand(now), now)
        yield _propose("purchaser", ACME, third, NO_OPINION, _hand(now), now)
    acme = state.holders.get(HOLDER_IDS[ACME])
    if acme is not None and state.notes_alive:
        yield _propose(HOLDER_IDS[ACME], BETA, acme, RULE_144, _hand(now), now)
        yield _propose(HOLDER_IDS[ACME], "purchaser", acme, RULE_144, _hand(now), now)
    last = last_of(state.transfers)
    if last is None:
        return
    transfer = state.transfers[last]
    yield Move(act.AcceptOpinion(actor="company", at=now, transfer=last), "accept_opinion")
    yield Move(act.RejectOpinion(actor="company", at=now, transfer=last), "reject_opinion")
    if transfer.completed_at is None:
        for at in (now, *later):
            yield Move(act.CompleteTransfer(actor=transfer.holder, at=at, transfer=last),
                       "complete")
        yield Move(act.CompleteTransfer(actor="company", at=now, transfer=last), "complete")


@family(_claims_read)
def claims(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """8.10, 8.2: claims on representations of each side, on a section that holds none and
    against LCI; each answer, consent, settlement, award, withdrawal and payment."""
    from engine.rules.indemnity import claimed, indemnifiable

    def claim(claimant: str, against: str, section: str, spec: act.NoticeSpec,
              amount: Decimal = LOSSES) -> Move:
        return Move(act.AssertClaim(actor=claimant, at=now, against=against, section=section,
                                    damages=(act.Damage("losses", amount),), notice=spec),
                    "claim")

    yield claim("purchaser", "company", "3.6", _hand(now))
    if state.status is Status.Drafted:
        return
    yield claim("company", "purchaser", "4.1", _hand(now), LOSSES / 2)
    yield claim("purchaser", "company", "3.6", _mail(now))
    yield claim("purchaser", "company", "8.11", _hand(now))
    yield claim("purchaser", "guarantor", "3.6", _hand(now))
    last = last_of(state.claims)
    if last is None:
        return
    c = state.claims[last]
    yield Move(act.AcknowledgeClaim(actor=c.against, at=now, claim=last), "acknowledge")
    yield Move(act.DisputeClaim(actor=c.against, at=now, claim=last), "dispute")
    yield Move(act.AcknowledgeClaim(actor=c.claimant, at=now, claim=last), "acknowledge")
    yield Move(act.ConsentToSettlement(actor=c.against, at=now, claim=last), "consent")
    total = claimed(c)
    yield Move(act.ConsentToSettlement(actor=c.against, at=now, claim=last,
                                       amount=(total / 2).quantize(CENT)), "consent_up_to")
    for amount in (total, total + CENT):
        yield Move(act.SettleClaim(actor=c.claimant, at=now, claim=last, amount=amount),
                   "settle")
    yield Move(act.AdjudicateClaim(actor="court", at=now, claim=last, amount=total),
               "adjudicate")
    yield Move(act.AdjudicateClaim(actor="court", at=now, claim=last, amount=ZERO),
               "find_against")
    yield Move(act.WithdrawClaim(actor=c.claimant, at=now, claim=last), "withdraw")
    owed = indemnifiable(c) - c.paid
    for amount in _amounts(owed):
        yield Move(act.Pay(actor=c.against, at=now, purpose="indemnity", amount=amount,
                           claim=last), "indemnity")


@family(lambda s: None)
def time_passing(state: DealState, now: datetime, later: tuple[datetime, ...]) -> Iterator[Move]:
    """Time passes to each moment that matters next, with nothing else happening."""
    for at in later:
        yield Move(act.Advance(actor="company", at=at), "advance")


def moves(state: DealState, *, fresh: bool = False) -> list[Move]:
    """Every move of every party from this state, in a fixed order.

    A family's moves are made once for what it reads of a state (and the
    moments and the lifecycle state), then shared by every state that agrees
    on it; `fresh` makes them all again (the tests compare the two).
    """
    now, later = moments(state)
    found: list[Move] = []
    for (generate, reads), made in zip(FAMILIES, _MADE, strict=True):
        if fresh:
            found.extend(generate(state, now, later))
            continue
        key = (now, later, state.status, reads(state))
        taken = made.get(key)
        if taken is None:
            if len(made) >= CACHE_LIMIT:
                made.clear()
            taken = made[key] = tuple(generate(state, now, later))
        found.extend(taken)
    return found
