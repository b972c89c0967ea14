"""The invariants: what no sequence of the parties' moves may break.

Each invariant is a function named for what it protects, with the clause it
rests on in its docstring. It looks at one action as it was taken: the state
before, the action, what the engine decided, the events it added and the
state after (`Seen`). It returns what is wrong, in words, or nothing. The
explorer checks every invariant on every move it tries; the steps of
features/steps/invariants.py check them on every action a scenario took.
One implementation for both.

The invariants do their own arithmetic: they never ask the engine's rules
whether the engine's rules were followed (a rule broken on purpose in a test
must show).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal

import attrs

from engine import actions as act
from engine import events as ev
from engine.clock import NEW_YORK as _NEW_YORK
from engine.clock import iso
from engine.explain import Reason
from engine.money import dollars
from engine.state import DealState, Status, late_interest, times_in_order

ZERO = Decimal("0.00")


@attrs.frozen(eq=False)
class Seen:
    """One action as it was taken, and what became of it."""

    before: DealState
    action: act.Action
    accepted: bool
    reasons: tuple[Reason, ...]
    #: The events the action added to the log (none when refused).
    events: tuple[ev.Event, ...]
    after: DealState
    #: The canonical key of `before`, taken before the action was decided, and again after.
    key_before: Hashable = None
    key_after_deciding: Hashable = None
    #: The whole log up to `after` (built only when an invariant needs it).
    log: Callable[[], Sequence[ev.Event]] | None = None


Check = Callable[[Seen], str | None]

#: The invariants that replay the log are checked on one move in SAMPLE (deterministically,
#: by the move's place in the search), and on every action of a scenario.
SAMPLE = 400


@attrs.frozen
class Invariant:
    """A named invariant: what it protects, the words of its step, and its check."""

    name: str
    words: str
    protects: str
    check: Check
    #: Checked on a sample of moves only (it replays the log): every `sample`-th move.
    sample: int = 1
    #: Whether it says anything about a refused action (most look only at accepted ones).
    on_refused: bool = False
    #: Whether it says anything about an accepted one (those about refusals alone do not).
    on_accepted: bool = True


INVARIANTS: list[Invariant] = []


def invariant(words: str, sample: int = 1, on_refused: bool = False,
              on_accepted: bool = True) -> Callable[[Check], Check]:
    """Register an invariant under the words of its step ("money is conserved")."""

    def register(fn: Check) -> Check:
        doc = " ".join((fn.__doc__ or "").strip().split("\n\n")[0].split())
        INVARIANTS.append(Invariant(fn.__name__, words, doc, fn, sample, on_refused,
                                    on_accepted))
        return fn

    return register


def _paid_in(events: Sequence[ev.Event], purpose: str) -> Decimal:
    return sum((e.amount for e in events
                if isinstance(e, ev.PaymentMade) and e.purpose == purpose), ZERO)


PURPOSES = ("purchase_price", "transaction_fee", "interest", "principal", "expenses",
            "indemnity")


@invariant("money is conserved")
def money_is_conserved(seen: Seen) -> str | None:
    """1.2, 2.2, Schedule 1, 8.9, 8.10: what was paid equals what the balances say was paid,
    owed and outstanding.

    Every payment in the log is counted once, for its purpose; interest and
    principal paid are the payments of each; the principal outstanding and the
    principal repaid add up to the principal issued; each payment to the Holders
    is split among them to the cent; indemnity and expenses paid are what the
    claims and expenses record.
    """
    before, after = seen.before, seen.after
    payments = [e for e in seen.events if isinstance(e, ev.PaymentMade)]
    if (not payments and after.paid is before.paid and after.holders is before.holders
            and after.interest_paid is before.interest_paid
            and after.principal_paid is before.principal_paid
            and after.accelerated_interest is before.accelerated_interest
            and after.accelerated_at is before.accelerated_at
            and after.schedule is before.schedule):
        # Nothing paid and no balance changed: what held before holds, but for the claims
        # and the expenses, whose records may have changed (a claim asserted, expenses
        # presented) against the same payments.
        if after.claims is before.claims and after.expenses is before.expenses:
            return None
        return _claims_and_expenses(after)
    for purpose in PURPOSES:
        added = _paid_in(payments, purpose)
        if after.paid_for(purpose) - before.paid_for(purpose) != added:
            return (f"{purpose.replace('_', ' ')} paid went from "
                    f"{dollars(before.paid_for(purpose))} to {dollars(after.paid_for(purpose))}, "
                    f"but the payments made come to {dollars(added)}")
    if after.interest_paid != after.paid_for("interest"):
        return (f"interest paid is {dollars(after.interest_paid)}, but the payments of "
                f"interest come to {dollars(after.paid_for('interest'))}")
    if after.principal_paid != after.paid_for("principal"):
        return (f"principal paid is {dollars(after.principal_paid)}, but the payments of "
                f"principal come to {dollars(after.paid_for('principal'))}")
    if after.schedule:
        issued = after.terms.notes.principal
        outstanding = sum(after.holders.values(), ZERO)
        if outstanding + after.principal_paid != issued:
            return (f"{dollars(outstanding)} of principal outstanding and "
                    f"{dollars(after.principal_paid)} repaid do not add up to the "
                    f"{dollars(issued)} issued")
        if any(held <= 0 for held in after.holders.values()):
            return "a Holder is recorded holding nothing or less"
    for e in payments:
        if e.shares and sum(e.shares.values(), ZERO) != e.amount:
            return (f"a payment of {dollars(e.amount)} of {e.purpose} was split into shares "
                    f"adding up to {dollars(sum(e.shares.values(), ZERO))}")
    return _claims_and_expenses(after) or _overpaid(after)


def _claims_and_expenses(after: DealState) -> str | None:
    """8.10 and 8.9: the claims and the expenses record what was paid of each, no more."""
    claims_paid = sum((c.paid for c in after.claims.values()), ZERO)
    if claims_paid != after.paid_for("indemnity"):
        return (f"the claims record {dollars(claims_paid)} paid, but the payments of "
                f"indemnity come to {dollars(after.paid_for('indemnity'))}")
    expenses_paid = sum((x.paid for x in after.expenses.values()), ZERO)
    if expenses_paid != after.paid_for("expenses"):
        return (f"the expenses record {dollars(expenses_paid)} paid, but the payments of "
                f"expenses come to {dollars(after.paid_for('expenses'))}")
    if any(x.paid > x.amount for x in after.expenses.values()):
        return "more was paid on presented expenses than was presented"
    return None


def _interest_payable(state: DealState, at: datetime) -> Decimal:
    """Schedule 1: every installment whose date has come, or all accrued on acceleration,
    with the default interest accrued on principal unpaid after maturity or acceleration."""
    day = at.astimezone(_NEW_YORK).date()
    late = late_interest(state, day)
    if state.accelerated_at is not None:
        return state.accelerated_interest - state.accelerated_late + late
    return sum((p.amount for p in state.schedule if p.kind == "interest" and p.date <= day),
               ZERO) + late


def _overpaid(state: DealState) -> str | None:
    """Nothing is paid beyond what is owed: fixed sums once, interest up to what is payable."""
    deal = state.terms.deal
    for purpose, owed in (("purchase_price", deal.purchase_price),
                          ("transaction_fee", deal.transaction_fee)):
        if state.paid_for(purpose) not in (ZERO, owed):
            return (f"{dollars(state.paid_for(purpose))} was paid of a "
                    f"{purpose.replace('_', ' ')} of {dollars(owed)}")
    if state.clock is not None and state.schedule:
        payable = _interest_payable(state, state.clock)
        # The next coupon may be paid ahead of its date (issue 9 item 13), no more.
        day = state.clock.astimezone(_NEW_YORK).date()
        ahead = next((p.amount for p in state.schedule if p.kind == "interest" and p.date > day),
                     ZERO) if state.accelerated_at is None else ZERO
        if state.interest_paid > payable + ahead:
            return (f"{dollars(state.interest_paid)} of interest was paid, more than the "
                    f"{dollars(payable)} payable and the next coupon of {dollars(ahead)}")
    return None


@invariant("Repaid means nothing is owed")
def repaid_means_nothing_is_owed(seen: Seen) -> str | None:
    """Schedule 1: the Notes are Repaid only when all principal and all interest due is paid."""
    after = seen.after
    if after.status is not Status.Repaid:
        return None
    if after.holders:
        return (f"the deal is Repaid with {dollars(sum(after.holders.values(), ZERO))} of "
                "principal outstanding")
    if after.clock is not None:
        payable = _interest_payable(after, after.clock)
        if after.interest_paid < payable:
            return (f"the deal is Repaid with {dollars(payable - after.interest_paid)} of "
                    "interest payable and unpaid")
    return None


def _cause_of(e: ev.DefaultOccurred, seen: Seen, earlier: Sequence[ev.Event]) -> str | None:
    """What is wrong with the cause an Event of Default gives (None: it holds)."""
    after = seen.after
    cause = e.cause
    if cause is None:
        return f"Event of Default {e.event_of_default} ({e.kind}) records no cause"
    passed = {x.key for x in earlier if isinstance(x, ev.DeadlinePassed)}
    if e.kind == "a":
        if cause not in passed or not cause.startswith("principal:"):
            return (f"Event of Default {e.event_of_default} (a) names {cause}, but no principal "
                    "payment date passed before it")
        return None
    if e.kind == "b":
        day = cause.removeprefix("interest:")
        if f"grace:{day}" not in passed:
            return (f"Event of Default {e.event_of_default} (b) names {cause}, but its 30 days of "
                    "grace did not end before it")
        due = sum((p.amount for p in after.schedule
                   if p.kind == "interest" and p.date.isoformat() <= day), ZERO)
        if seen.before.interest_paid + _paid_in(earlier, "interest") >= due:
            return (f"Event of Default {e.event_of_default} (b) for the interest of {day}, "
                    "which was paid")
        return None
    if e.kind == "c":
        breach = after.breaches.get(cause)
        cured_by = [x for x in earlier if isinstance(x, ev.DeadlinePassed)
                    and x.key.startswith(f"cure:{cause}:")]
        if breach is None or not cured_by:
            return (f"Event of Default {e.event_of_default} (c) names breach {cause}, but no "
                    "cure period after a notice of that breach ended before it")
        notice = after.notices.get(cured_by[-1].key.split(":")[2])
        if notice is None or notice.kind != "covenant_breach" or not notice.took_effect:
            return (f"Event of Default {e.event_of_default} (c): the notice of breach {cause} "
                    "never took effect")
        return None
    if e.kind == "d":
        made = after.misrepresentations.get(cause)
        claim = after.claims.get(cause)
        section = made.section if made is not None else claim.section if claim else None
        if section is None or not section.startswith("3."):
            return (f"Event of Default {e.event_of_default} (d) names {cause}, which records no "
                    "representation of section 3 proved untrue")
        if claim is not None and not (claim.answer == "acknowledged"
                                      or (claim.adjudicated or ZERO) > 0):
            return (f"Event of Default {e.event_of_default} (d) names claim {cause}, which was "
                    "neither acknowledged nor adjudicated")
        if made is not None and made.by not in ("company", "court"):
            return (f"Event of Default {e.event_of_default} (d) names {cause}, an allegation "
                    f"by {made.by}: proved untrue needs the Company's admission or the court")
        return None
    if e.kind == "e":
        if not (isinstance(seen.action, act.DeclareInsolvency) and seen.action.actor == "court"):
            return (f"Event of Default {e.event_of_default} (e) occurred without a court "
                    "declaring the Company insolvent")
        return None
    return f"Event of Default {e.event_of_default} is of no kind of Schedule 1 ({e.kind})"


@invariant("every Event of Default has a cause in the log")
def every_default_has_a_cause(seen: Seen) -> str | None:
    """Schedule 1 (a)-(e): an Event of Default occurs only for one of its causes, recorded
    before it: principal unpaid at its date, interest unpaid after its grace, a breach
    unremedied after notice, a section 3 representation proved untrue, insolvency."""
    for i, e in enumerate(seen.events):
        if isinstance(e, ev.DefaultOccurred):
            wrong = _cause_of(e, seen, seen.events[:i])
            if wrong:
                return wrong
    return None


def _party(actor: str) -> str:
    from engine.exploration.words import party

    return party(actor)


def _held(holders: Mapping[str, Decimal], group: Sequence[str]) -> Decimal:
    return sum((holders.get(h, ZERO) for h in set(group)), ZERO)


def _majority(holders: Mapping[str, Decimal], group: Sequence[str]) -> bool:
    """Schedule 1: more than half the principal outstanding (counted here, not by the rules)."""
    total = sum(holders.values(), ZERO)
    return total > 0 and _held(holders, group) * 2 > total


def _not_acting(seen: Seen, group: Sequence[str], act: str) -> str:
    """Who of `group` did not take the act themselves: neither the actor of this move nor a
    Holder recorded as having joined it (holder_joined, before or in this move). Empty
    when every one acted."""
    acted = {seen.action.actor, *seen.before.joined.get(act, ())}
    acted |= {e.holder for e in seen.events if isinstance(e, ev.HolderJoined) and e.act == act}
    return " and ".join(_party(g) for g in dict.fromkeys(group) if g not in acted)


@invariant("acceleration follows an Event of Default and comes from Holders of a majority "
           "in principal")
def acceleration_needs_default_and_majority(seen: Seen) -> str | None:
    """Schedule 1: Holders of a majority in principal may accelerate by written notice while
    an Event of Default continues; (e) insolvency accelerates by itself."""
    for e in seen.events:
        if isinstance(e, ev.NoticeSent) and e.kind == "acceleration":
            group = (e.sender, *e.joined_by)
            absent = _not_acting(seen, group, "acceleration")
            if absent:
                return (f"a notice of acceleration from {_party(e.sender)} counted "
                        f"{absent} as joining it, who had not taken it itself")
            if not _majority(seen.before.holders, group):
                who = " and ".join(_party(g) for g in group)
                return (f"a notice of acceleration from {who}, holding "
                        f"{dollars(_held(seen.before.holders, group))} of "
                        f"{dollars(sum(seen.before.holders.values(), ZERO))} principal (no "
                        "majority), was accepted")
            if not seen.before.continuing_defaults and not any(
                    isinstance(x, ev.DefaultOccurred) for x in seen.events):
                return "a notice of acceleration was accepted with no Event of Default continuing"
    for i, e in enumerate(seen.events):
        if not isinstance(e, ev.Accelerated):
            continue
        ongoing = [d for d in seen.after.defaults.values()
                   if d.occurred_at is not None and d.occurred_at <= e.at  # type: ignore[operator]
                   and (d.ended_at is None or d.ended_at >= e.at)]  # type: ignore[operator]
        if not ongoing:
            return "the Notes were accelerated with no Event of Default continuing"
        if e.notice is None:
            if not any(d.kind == "e" for d in ongoing):
                return "the Notes were accelerated without notice and without insolvency"
            continue
        notice = seen.after.notices.get(e.notice)
        took = any(isinstance(x, ev.NoticeTookEffect) and x.notice == e.notice
                   for x in seen.events[:i])
        if notice is None or notice.kind != "acceleration" or not took:
            return f"the Notes were accelerated on notice {e.notice}, which is no notice of " \
                   "acceleration taking effect"
    return None


@invariant("a waiver of an Event of Default comes from Holders of a majority in principal "
           "who each signed it")
def waiver_needs_majority(seen: Seen) -> str | None:
    """Schedule 1 and 8.4: an Event of Default is waived "in writing by Holders of a
    majority": each Holder counted signed the waiver itself (naming a Holder is not that
    Holder signing), and together they held more than half the principal then."""
    for e in seen.events:
        if not isinstance(e, ev.DefaultWaived):
            continue
        absent = _not_acting(seen, e.by, f"waiver of {e.event_of_default}")
        if absent:
            return (f"the waiver of Event of Default {e.event_of_default} counted {absent}, "
                    "who had not signed it")
        if not _majority(seen.before.holders, e.by):
            who = " and ".join(_party(g) for g in e.by)
            return (f"a waiver of Event of Default {e.event_of_default} by {who}, holding "
                    f"{dollars(_held(seen.before.holders, e.by))} of "
                    f"{dollars(sum(seen.before.holders.values(), ZERO))} principal (no "
                    "majority), was accepted")
    return None


@invariant("Repaid is final")
def repaid_is_final(seen: Seen) -> str | None:
    """Schedule 1: once all principal and interest is paid the Notes are Repaid for good;
    nothing more is paid on them and no default or acceleration follows."""
    if seen.before.status is not Status.Repaid:
        return None
    if seen.after.status is not Status.Repaid:
        return f"a Repaid deal became {seen.after.status.value}"
    for e in seen.events:
        if isinstance(e, ev.PaymentMade) and e.purpose in ("interest", "principal"):
            return f"{dollars(e.amount)} of {e.purpose} was accepted after the Notes were Repaid"
        if isinstance(e, ev.DefaultOccurred | ev.Accelerated):
            return f"{e.TAG.replace('_', ' ')} after the Notes were Repaid"
    return None


@invariant("a refused action changes nothing", on_refused=True, on_accepted=False)
def a_refused_action_changes_nothing(seen: Seen) -> str | None:
    """Every entry point (PRODUCT.md section 8): "a refused action changes nothing"."""
    if seen.accepted:
        return None
    if seen.events:
        return f"a refused action added {len(seen.events)} event(s) to the log"
    if seen.after is not seen.before and seen.after.seq != seen.before.seq:
        return "a refused action moved the deal to another state"
    if seen.key_before is not None and seen.key_after_deciding is not None \
            and seen.key_before != seen.key_after_deciding:
        return "deciding a refused action changed the state it was decided on"
    return None


@functools.cache
def _known_text(section: str) -> str:
    """The words a refusal citing `section` must quote: the clause, or Schedule 1's assumed
    words (as `engine.explain.quote` looks them up, from `contract`)."""
    from engine.explain import quote

    return quote(section)


@invariant("every refusal cites a section and quotes its text", on_refused=True,
           on_accepted=False)
def every_refusal_cites_a_section(seen: Seen) -> str | None:
    """PRODUCT.md section 8 and STYLE.md: every refusal says why, citing a section of the
    agreement and quoting its words."""
    if seen.accepted:
        return None
    if not seen.reasons:
        return "an action was refused with no reason given"
    for reason in seen.reasons:
        if not reason.section:
            return f"a refusal cites no section: {reason.message}"
        if not reason.text or reason.text != _known_text(reason.section):
            return f"the refusal under {reason.section} does not quote its text"
    return None


@invariant("no event is dated before the event it follows")
def events_in_time_order(seen: Seen) -> str | None:
    """PRODUCT.md section 5: the engine processes actions in time order, and what follows
    from an action or a deadline happens at its own time, never earlier."""
    # At a glance first: each dated event at or after the one before it (the first at or
    # after the deal's clock), and the clock not past the action's time.
    last = seen.before.clock
    for event in seen.events:
        at = event.at
        if at is None:
            continue
        if last is not None and at < last:
            break
        last = at
    else:
        after = seen.after.clock
        if not seen.accepted or after is None or after <= seen.action.at:
            return None
    clock = seen.before.clock
    first = next((e for e in seen.events if e.at is not None), None)
    if clock is not None and first is not None and first.at < clock:  # type: ignore[operator]
        return (f"{first.TAG.replace('_', ' ')} is dated {iso(first.at)}, before the "  # type: ignore[arg-type]
                f"deal's clock at {iso(clock)}")
    problems = times_in_order(seen.events)
    if problems:
        return problems[0]
    if seen.accepted and seen.after.clock is not None and seen.after.clock > seen.action.at:
        return f"the clock moved past the action's time, to {iso(seen.after.clock)}"
    return None


@invariant("the status as of any earlier time equals the replay of the log up to it",
           sample=SAMPLE)
def status_as_of_equals_replay(seen: Seen) -> str | None:
    """PRODUCT.md section 8 (`status --as-of`): a past time shows the deal as it was then:
    as the log folds up to that time, with what fell due by then."""
    if not seen.accepted or seen.log is None or seen.before.clock is None:
        return None
    from engine.deadlines import fire_until
    from engine.deal import Deal
    from engine.ports import MemoryLog
    from engine.status import status_of

    log = list(seen.log())
    deal = Deal(MemoryLog(), seen.after.deal_id or "explored", log)
    moments = [seen.before.clock]
    fired = [e for e in seen.events if isinstance(e, ev.DeadlinePassed)
             and e.at is not None and e.at < seen.action.at]
    if fired:
        moments.append(fired[0].at)  # type: ignore[arg-type]
    for moment in moments:
        was = seen.after if seen.action.at == moment and moment == seen.before.clock \
            else seen.before
        _, then = fire_until(was, moment)
        expected = status_of(then, moment)
        actual = deal.status(as_of=moment)
        if actual != expected:
            keys = sorted(k for k in expected if expected.get(k) != actual.get(k))
            return f"the status as of {moment.isoformat()} differs from the replay in: " \
                   f"{', '.join(keys)}"
    return None


def check_all(seen: Seen, *, sampled: bool = True) -> list[tuple[Invariant, str]]:
    """Every invariant the action broke, with what is wrong (sampled ones only if asked)."""
    broken = []
    for inv in INVARIANTS:
        if (inv.sample > 1 and not sampled) or not (
                inv.on_accepted if seen.accepted else inv.on_refused):
            continue
        wrong = inv.check(seen)
        if wrong:
            broken.append((inv, wrong))
    return broken


def by_name(name: str) -> Invariant:
    """The invariant of that name."""
    for inv in INVARIANTS:
        if inv.name == name:
            return inv
    raise KeyError(name)
