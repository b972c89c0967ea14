"""One Monte Carlo path: the behaviour model's attempts fed to the engine, from (seed, k).

A path starts from the deal taken to Outstanding on its Closing Date (the
signing, the conditions, the Closing and the settlement of 2.2), built once
per term sheet and forked for each path: the same state and a copy of its
events, never a replay. Then the parties try what the model draws for them:

- the Company pays each interest payment and the principal on its payment
  date, late, or not at all; each payment made pays all interest then owed;
- the Company furnishes each report of 6.1 on time, late, or never;
- the court declares the Company insolvent at an exponential time;
- on each covenant breach the Holders may send a breach notice; on each Event
  of Default they accelerate, waive it, or wait, after a drawn delay;
- after acceleration the Company pays a drawn fraction of all then owed, once;
- Purchaser asserts claims under 8.10 as a Poisson process, each acknowledged,
  settled (the Company consenting, then Purchaser settling), adjudicated or
  withdrawn, and paid.

The engine decides what follows each attempt. A refused attempt is recorded
and changes nothing. Time moves only by actions: before a planned attempt,
the path advances the deal to each deadline due earlier (a grace period's
end, a cure period's end, a report's lapse), so that the parties react to
what the deadline brought at its own time. Path k draws only from a generator
seeded from (seed, k), so it comes out the same in any process.
"""

from __future__ import annotations

import functools
import heapq
import math
import random
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from engine import actions as act
from engine import events as ev
from engine.clock import NEW_YORK
from engine.deadlines import fire_until
from engine.deal import ActionResult
from engine.money import CENT, MAX_AMOUNT, ZERO
from engine.rules.payments import interest_owed, principal_owed
from engine.simulation.cash import TO_HOLDERS, cash_flows
from engine.simulation.plan import HOLDER, Plan, generator, plan_from_data
from engine.simulation.plan import at_new_york as _at
from engine.simulation.results import Attempt, PathResult
from engine.state import DealState, Status

#: Deadlines whose firing cannot bring anything the parties react to.
QUIET_DEADLINES = frozenset({"interest_due", "expenses_due"})
#: A year of the hazard and claim processes: 365 days (ACT/365).
YEAR_SECONDS = 365 * 86400


def _later(moment: datetime, years: float) -> datetime:
    """The instant so many (365-day) years after a moment, New York time, to the minute."""
    later = moment.astimezone(UTC) + timedelta(seconds=years * YEAR_SECONDS)
    return later.replace(second=0, microsecond=0).astimezone(NEW_YORK)


def pieces(amount: Decimal) -> Iterator[Decimal]:
    """An amount as payments of at most MAX_AMOUNT each (PRODUCT.md 11 bounds one payment),
    in order, summing to it; nothing for nothing."""
    while amount > MAX_AMOUNT:
        yield MAX_AMOUNT
        amount -= MAX_AMOUNT
    if amount > 0:
        yield amount


def _days_after(moment: datetime, days: int, clock: time) -> datetime:
    """`days` calendar days after a moment, at a New York wall time, never before the moment."""
    later = _at(moment.astimezone(NEW_YORK).date() + timedelta(days=days), clock)
    return later if later >= moment else moment


_PAYMENT_TIME = {"interest": time(10, 0), "principal": time(10, 30)}
_REPORT_TIME = time(9, 0)
_HOLDERS_TIME = time(11, 0)
_WAIVER_TIME = time(11, 30)
_COMPANY_TIME = time(14, 0)
_COURT_TIME = time(12, 0)

Handler = Callable[["_Walk", datetime, Any], None]


class _Walk:
    """One path in progress: the deal, its generator, and the attempts still planned."""

    def __init__(self, plan: Plan, k: int, seed: int, detail: bool) -> None:
        self.plan = plan
        self.model = plan.model
        self.rng = generator(seed, k)
        self.deal = plan.base.fork()
        self.seen = len(self.deal.events)
        self.detail = detail
        self.attempts: list[Attempt] = []
        self.tried = 0
        self.refused = 0
        self.queue: list[tuple[datetime, int, Handler, Any]] = []
        self.order = 0
        self.first_default: datetime | None = None
        self.default_since: datetime | None = None
        self.default_seconds = 0.0
        self.accelerated = False
        self.insolvent = False
        self.repaid_at: datetime | None = None

    # --- planning -------------------------------------------------------------

    def intend(self, at: datetime, handler: Handler, payload: Any = None) -> None:
        """Plan an attempt at a time (never before the deal's clock)."""
        clock = self.deal.state.clock
        if clock is not None and at < clock:
            at = clock
        self.order += 1
        heapq.heappush(self.queue, (at, self.order, handler, payload))

    def draw_plan(self) -> None:
        """The upfront draws, in a fixed order: payments, reports, insolvency, claims."""
        m, rng, moment = self.model, self.rng, self.plan.moment
        for payment in self.plan.schedule:
            outcome = _pick(rng, m.payments)
            late = m.payment_late_days.days(rng)
            clock = _PAYMENT_TIME[payment.kind]
            if outcome == 0:
                self.intend(moment(payment.payment_date, clock), _Walk.pay, payment.kind)
            elif outcome == 1:
                self.intend(moment(payment.payment_date + timedelta(days=late), clock),
                          _Walk.pay, payment.kind)
        for report in self.plan.reports:
            outcome = _pick(rng, m.reports)
            early = m.report_early_days.days(rng)
            late = m.report_late_days.days(rng)
            if outcome == 0:
                day = max(report.last_day - timedelta(days=early),
                          report.period_end + timedelta(days=1))
                self.intend(moment(day, _REPORT_TIME), _Walk.report, report.id)
            elif outcome == 1:
                self.intend(moment(report.last_day + timedelta(days=late), _REPORT_TIME),
                          _Walk.report, report.id)
        u = rng.random()
        span = (self.plan.horizon - self.plan.start).total_seconds() / YEAR_SECONDS
        if m.hazard_per_year > 0:
            years = -math.log(1.0 - u) / m.hazard_per_year
            if years < span:
                self.intend(_later(self.plan.start, years), _Walk.insolvency)
        if m.claims_per_year > 0:
            elapsed = 0.0
            while True:
                elapsed += rng.expovariate(m.claims_per_year)
                if elapsed >= span:
                    break
                claim = {"amount": m.claim_amount.cents(rng), "outcome": _pick(rng, m.claims),
                         "answer": m.answer_days.days(rng),
                         "resolution": m.resolution_days.days(rng),
                         "payment": m.payment_days.days(rng),
                         "settlement": m.settlement_fraction.fraction(rng),
                         "award": m.award_fraction.fraction(rng)}
                self.intend(_later(self.plan.start, elapsed), _Walk.assert_claim, claim)

    # --- running --------------------------------------------------------------

    def run(self) -> None:
        """Every planned attempt in time order, advancing to earlier deadlines first."""
        horizon = self.plan.horizon
        while True:
            nxt = self.queue[0][0] if self.queue else None
            due = self._next_deadline()
            if due is not None and (nxt is None or due < nxt):
                if due >= horizon:
                    break
                self.feed(self.plan.shared(("advance", due), functools.partial(
                    act.Advance, actor="company", at=due)))
                continue
            if nxt is None or nxt >= horizon:
                break
            at, _, handler, payload = heapq.heappop(self.queue)
            handler(self, at, payload)

    def _next_deadline(self) -> datetime | None:
        """When the next deadline that may bring something the parties react to falls due."""
        for deadline in self.deal.state.deadlines:
            if deadline.kind not in QUIET_DEADLINES:
                return deadline.due
        return None

    def feed(self, action: act.Action) -> ActionResult:
        """Feed one action to the engine; observe what followed."""
        result = self.deal.act(action)
        self.tried += 1
        if not result.accepted:
            self.refused += 1
        if self.detail:
            self.attempts.append(Attempt(action, result))
        if result.accepted:
            events = self.deal.events
            for event in events[self.seen:]:
                self.observe(event)
            self.seen = len(events)
        return result

    def observe(self, event: ev.Event) -> None:
        """What the parties notice in an event: defaults, breaches, acceleration, moves."""
        m, rng = self.model, self.rng
        if isinstance(event, ev.DefaultOccurred):
            assert event.at is not None
            if self.first_default is None:
                self.first_default = event.at
            if event.kind == "e":
                self.insolvent = True
            if not self.accelerated and self.deal.state.accelerated_at is None:
                outcome = _pick(rng, m.holders)
                accelerate = m.accelerate_days.days(rng)
                waive = m.waive_days.days(rng)
                if outcome == 0:
                    self.intend(_days_after(event.at, accelerate, _HOLDERS_TIME),
                              _Walk.accelerate)
                elif outcome == 1:
                    self.intend(_days_after(event.at, waive, _WAIVER_TIME), _Walk.waive,
                              event.event_of_default)
        elif isinstance(event, ev.BreachOccurred):
            assert event.at is not None
            u = rng.random()
            days = m.breach_notice_days.days(rng)
            if u < m.breach_notice:
                self.intend(_days_after(event.at, days, _HOLDERS_TIME), _Walk.breach_notice,
                          event.breach)
        elif isinstance(event, ev.Accelerated):
            assert event.at is not None
            self.accelerated = True
            fraction = m.recovery_fraction.fraction(rng)
            days = m.recovery_days.days(rng)
            self.intend(_days_after(event.at, days, _PAYMENT_TIME["interest"]), _Walk.recover,
                      fraction)
        elif isinstance(event, ev.StateChanged):
            assert event.at is not None
            if event.source == Status.Default.value and self.default_since is not None:
                self.default_seconds += (event.at - self.default_since).total_seconds()
                self.default_since = None
            if event.dest == Status.Default.value:
                self.default_since = event.at
            if event.dest == Status.Repaid.value:
                self.repaid_at = event.at

    # --- what the parties try -------------------------------------------------

    def _owed(self, at: datetime) -> tuple[Decimal, Decimal]:
        """Interest and principal the engine says are owed at `at` (deadlines fired)."""
        _, state = fire_until(self.deal.state, at)
        return interest_owed(state, at), principal_owed(state, at)

    def _alive(self) -> bool:
        state: DealState = self.deal.state
        return state.notes_alive

    def pay(self, at: datetime, kind: str) -> None:
        """The Company pays all interest then owed and, for the principal, the principal;
        nothing of its own accord once the Notes are accelerated."""
        for purpose in ("interest", "principal") if kind == "principal" else ("interest",):
            if self.accelerated or not self._alive():
                return
            _, state = fire_until(self.deal.state, at)
            owed = interest_owed if purpose == "interest" else principal_owed
            amount = owed(state, at)
            if amount > 0:
                self._pay(at, purpose, amount)

    def _pay(self, at: datetime, purpose: str, amount: Decimal) -> None:
        for piece in pieces(amount):
            make = functools.partial(act.Pay, actor="company", at=at, purpose=purpose,
                                     amount=piece)
            self.feed(self.plan.shared(("pay", at, purpose, piece), make))

    def report(self, at: datetime, report: str) -> None:
        """The Company furnishes a report of 6.1 while Notes are outstanding."""
        if self._alive():
            self.feed(self.plan.shared(("report", at, report), lambda: act.DeliverReport(
                actor="company", at=at, report=report)))

    def insolvency(self, at: datetime, _: Any) -> None:
        """The court declares the Company insolvent (Schedule 1 (e)) while Notes are
        outstanding."""
        if self._alive():
            self.feed(act.DeclareInsolvency(actor="court", at=at))

    def _notice(self, at: datetime) -> act.NoticeSpec:
        if self.model.notice_method == "registered_mail":
            return act.NoticeSpec(method="registered_mail", postmarked_at=at)
        return act.NoticeSpec(method="hand", delivered_at=at)

    def accelerate(self, at: datetime, _: Any) -> None:
        """The Holders of a majority accelerate by written notice."""
        if self._alive():
            self.feed(act.Accelerate(actor=HOLDER, at=at, notice=self._notice(at)))

    def waive(self, at: datetime, event_of_default: str) -> None:
        """The Holders of a majority waive one Event of Default in writing (8.6)."""
        if self._alive():
            self.feed(act.WaiveDefault(actor=HOLDER, at=at, event_of_default=event_of_default))

    def breach_notice(self, at: datetime, breach: str) -> None:
        """The Holders give the Company notice of a covenant breach (Schedule 1 (c))."""
        if self._alive():
            self.feed(act.SendNotice(actor=HOLDER, at=at, to="company", kind="covenant_breach",
                                    notice=self._notice(at), breaches=(breach,)))

    def recover(self, at: datetime, fraction: Decimal) -> None:
        """After acceleration, the Company pays a fraction of all then owed, interest first."""
        if not self._alive():
            return
        interest, principal = self._owed(at)
        recovered = (fraction * (interest + principal)).quantize(CENT, rounding=ROUND_DOWN)
        on_interest = min(recovered, interest)
        for piece in pieces(on_interest):
            self.feed(act.Pay(actor="company", at=at, purpose="interest", amount=piece))
        on_principal = min(recovered - on_interest, principal)
        for piece in pieces(on_principal):
            if self._alive():
                self.feed(act.Pay(actor="company", at=at, purpose="principal", amount=piece))

    def assert_claim(self, at: datetime, claim: dict[str, Any]) -> None:
        """Purchaser asserts a claim under 8.10 by notice by hand; the answer is planned."""
        result = self.feed(act.AssertClaim(
            actor="purchaser", at=at, against="company", section=self.model.claim_section,
            damages=(act.Damage(kind="losses", amount=claim["amount"]),),
            notice=act.NoticeSpec(method="hand", delivered_at=at)))
        if result.accepted:
            claim = {**claim, "id": result.created["claim"]}
            self.intend(_days_after(at, claim["answer"], _COMPANY_TIME), _Walk.answer_claim,
                      claim)

    def answer_claim(self, at: datetime, claim: dict[str, Any]) -> None:
        """The Company acknowledges the claim, or disputes it; what follows is planned."""
        ident, outcome = claim["id"], claim["outcome"]
        if outcome == 0:
            result = self.feed(act.AcknowledgeClaim(actor="company", at=at, claim=ident))
            if result.accepted:
                self.intend(_days_after(at, claim["payment"], _COMPANY_TIME),
                          _Walk.pay_claim, {**claim, "owed": claim["amount"]})
            return
        result = self.feed(act.DisputeClaim(actor="company", at=at, claim=ident))
        if result.accepted:
            self.intend(_days_after(at, claim["resolution"], _COURT_TIME), _Walk.resolve_claim,
                      claim)

    def resolve_claim(self, at: datetime, claim: dict[str, Any]) -> None:
        """A disputed claim is settled, adjudicated or withdrawn."""
        ident, outcome, amount = claim["id"], claim["outcome"], claim["amount"]
        owed = ZERO
        if outcome == 1:
            # 8.10: a settlement needs both sides: the Company's written consent, then
            # Purchaser records the claim settled for that amount.
            owed = (amount * claim["settlement"]).quantize(CENT, rounding=ROUND_DOWN)
            result = self.feed(act.ConsentToSettlement(actor="company", at=at, claim=ident,
                                                       amount=owed))
            if result.accepted:
                result = self.feed(act.SettleClaim(actor="purchaser", at=at, claim=ident,
                                                  amount=owed))
        elif outcome == 2:
            owed = (amount * claim["award"]).quantize(CENT, rounding=ROUND_DOWN)
            result = self.feed(act.AdjudicateClaim(actor="court", at=at, claim=ident,
                                                  amount=owed))
        else:
            self.feed(act.WithdrawClaim(actor="purchaser", at=at, claim=ident))
            return
        if result.accepted and owed > 0:
            self.intend(_days_after(at, claim["payment"], _COMPANY_TIME), _Walk.pay_claim,
                      {**claim, "owed": owed})

    def pay_claim(self, at: datetime, claim: dict[str, Any]) -> None:
        """The Company pays what it owes on a claim, unless it is insolvent."""
        for piece in pieces(claim["owed"]):
            if not self.insolvent:
                self.feed(act.Pay(actor="company", at=at, purpose="indemnity", amount=piece,
                                 claim=claim["id"]))

    # --- the figures ----------------------------------------------------------

    def result(self, k: int, seed: int) -> PathResult:
        """The path's figures, and its detail if asked."""
        plan = self.plan
        end = self.repaid_at or plan.horizon
        seconds = self.default_seconds
        if self.default_since is not None:
            seconds += (max(end, self.default_since) - self.default_since).total_seconds()
        flows = cash_flows(self.deal.events[len(plan.base.events):])
        to_holders = [(c.date, c.amount) for c in flows
                      if c.purpose in TO_HOLDERS and c.payee == "holders"]
        nominal = sum((amount for _, amount in to_holders), ZERO)
        pv = plan.discount.present_value(to_holders)
        indemnity = sum((c.amount for c in flows if c.purpose == "indemnity"), ZERO)
        detail: dict[str, Any] = {}
        if self.detail:
            detail = {"attempts": tuple(self.attempts), "timeline": tuple(self.deal.timeline()),
                      "cash_flows": tuple(cash_flows(self.deal.events))}
        return PathResult(
            path=k, seed=seed, final_state=self.deal.state.status.value,
            event_of_default=self.first_default is not None, accelerated=self.accelerated,
            insolvent=self.insolvent, first_default_at=self.first_default,
            days_in_default=seconds / 86400, cash_to_holders=nominal, cash_to_holders_pv=pv,
            loss=plan.full_pv - pv, indemnity_paid=indemnity, actions=self.tried,
            events=len(self.deal.events), refused=self.refused, **detail)


def _pick(rng: random.Random, cumulative: tuple[float, ...]) -> int:
    """The index of the outcome a uniform draw falls in (the last takes the rest)."""
    u = rng.random()
    for index, bound in enumerate(cumulative):
        if u < bound:
            return index
    return len(cumulative)


def run_path(plan: Plan, k: int, seed: int, *, detail: bool = False) -> PathResult:
    """Path k of the run seeded `seed`: its attempts fed to the engine, and its figures."""
    walk = _Walk(plan, k, seed, detail)
    walk.draw_plan()
    walk.run()
    return walk.result(k, seed)


def run_batch(seed: int, first: int, last: int, terms: Mapping[str, Any],
              model: Mapping[str, Any], discount: str) -> list[PathResult]:
    """Paths first..last (inclusive) on a term sheet and model given as plain data.

    The unit of work sent to a worker process or a Dask worker: plain data in,
    figures out, nothing depending on where it runs.
    """
    plan = plan_from_data(terms, model, discount)
    return [run_path(plan, k, seed) for k in range(first, last + 1)]


def batches(paths: int, size: int) -> Iterator[tuple[int, int]]:
    """Paths 1..paths in consecutive batches of at most `size`: (first, last) each."""
    for first in range(1, paths + 1, size):
        yield first, min(first + size - 1, paths)
