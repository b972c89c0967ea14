"""What every path of one run shares: the deal taken to Outstanding, dates, discounting.

The deal is taken to Outstanding once per term sheet (the demo's signing,
conditions, Closing and settlement of 2.2, on the term sheet's Closing Date and
amounts) and forked for each path. Actions many paths share are checked once
per process. Path k draws only from its own generator, seeded from (seed, k).
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from contract import DEFAULT_TERMS, TermSheet, terms_from_dict, terms_to_dict
from engine import actions as act
from engine.clock import LATEST, NEW_YORK
from engine.codec import parse_action
from engine.deal import Deal
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.errors import NpaError
from engine.money import ZERO
from engine.simulation.cash import Discount, full_performance
from engine.simulation.model import BehaviourModel
from engine.state import Status

#: The deal id of every simulated deal (each is held only in memory).
DEAL_ID = "simulation"
#: The Holder who acts for the Holders of a majority: Purchaser holds every Note.
HOLDER = "purchaser"
#: The most checked actions a process keeps for reuse across paths.
SHARED_ACTIONS = 20_000


class SimulationError(NpaError, RuntimeError):
    """A simulation that cannot run as asked: terms that never reach Outstanding, a lost
    scheduler."""

    exit_code = 1


def generator(seed: int, k: int) -> random.Random:
    """Path k's own generator: seeded from (seed, k) only, the same in every process."""
    digest = hashlib.blake2b(f"npa-simulate:{seed}:{k}".encode(), digest_size=16).digest()
    return random.Random(int.from_bytes(digest, "big"))


def closing_actions(terms: TermSheet) -> list[dict[str, Any]]:
    """The demo's signing-to-Outstanding script, on the term sheet's Closing Date and amounts.

    The Notes are one certificate for the whole principal.
    """
    day = terms.deal.closing_date.isoformat()
    script = []
    for given in SIGNING_TO_OUTSTANDING:
        action = {**given, "at": day + str(given["at"])[10:]}
        if action["type"] == "deliver_notes":
            action["denominations"] = [str(terms.notes.principal)]
        elif action.get("purpose") == "purchase_price":
            action["amount"] = str(terms.deal.purchase_price)
        elif action.get("purpose") == "transaction_fee":
            action["amount"] = str(terms.deal.transaction_fee)
        script.append(action)
    return script


class Plan:
    """What every path of one term sheet shares: the deal at Outstanding, dates, discounting."""

    def __init__(self, terms: TermSheet, model: BehaviourModel, discount: Decimal) -> None:
        self.terms = terms
        self.model = model
        base = Deal.create(None, DEAL_ID, terms)
        for position, action in enumerate(closing_actions(terms), start=1):
            result = base.act(action)
            if not result.accepted:
                why = "; ".join(f"{r.section}: {r.message}" for r in result.reasons)
                raise SimulationError(f"the deal does not reach Outstanding on these terms: "
                                      f"action {position} ({action['type']}) refused: {why}",
                                      field="terms")
        if base.state.status is not Status.Outstanding:
            raise SimulationError("the deal does not reach Outstanding on these terms",
                                  field="terms")
        self.base = base
        assert base.state.clock is not None
        self.start: datetime = base.state.clock
        notes = terms.notes
        self.maturity: date = notes.maturity
        # The Notes as issued at the Closing (interest from the Closing when it is after the
        # term sheet's issue date): what every path owes, and what full performance pays.
        assert base.state.schedule
        self.schedule = base.state.schedule
        # A path ends at the end of the day `horizon_days` after the last payment falls due
        # (maturity, or the next Business Day, 2.4), or at the last instant the engine holds
        # (the end of 2100), whichever is first: a term sheet maturing in 2100 still runs.
        last_due = max([notes.maturity, *(p.payment_date for p in self.schedule)])
        self.horizon = min(at_new_york(last_due + timedelta(days=model.horizon_days + 1),
                                       time(0)), LATEST)
        self.reports = sorted(base.state.reports.values(), key=lambda r: (r.lapses_at, r.id))
        self.discount = Discount(discount, terms.deal.closing_date)
        performance = full_performance(terms, self.schedule)
        self.full_nominal = sum((amount for _, amount in performance), ZERO)
        self.full_pv = self.discount.present_value(performance)
        self._shared: dict[tuple[Any, ...], act.Action] = {}
        self._moments: dict[tuple[date, time], datetime] = {}

    def moment(self, day: date, clock: time) -> datetime:
        """A New York wall time on a day, made once per process (paths share most of them)."""
        key = (day, clock)
        found = self._moments.get(key)
        if found is None:
            found = self._moments[key] = at_new_york(day, clock)
        return found

    def shared(self, key: tuple[Any, ...], make: Callable[[], act.Action]) -> act.Action:
        """An action many paths share (a payment or a report on its usual day, time passing
        to a deadline), as the engine's validation builds it: checked once per process and
        reused, at most SHARED_ACTIONS of them."""
        known = self._shared.get(key)
        if known is None:
            known = parse_action(make())
            if len(self._shared) < SHARED_ACTIONS:
                self._shared[key] = known
        return known


@functools.lru_cache(maxsize=8)
def _plan(terms_json: str, model_json: str, discount: str) -> Plan:
    """The plan of a term sheet, model and rate, built once per process."""
    from engine.simulation.model import load_model

    return Plan(terms_from_dict(json.loads(terms_json)), load_model(json.loads(model_json)),
                Decimal(discount))


def plan_for(terms: TermSheet | None, model: BehaviourModel, discount: Decimal) -> Plan:
    """The (cached) plan for a term sheet, a model and a discount rate."""
    return plan_from_data(terms_to_dict(terms or DEFAULT_TERMS), model.to_dict(), str(discount))


def plan_from_data(terms: Mapping[str, Any], model: Mapping[str, Any], discount: str) -> Plan:
    """The (cached) plan for a term sheet, a model and a rate given as plain data (what a
    worker process or a Dask worker receives)."""
    return _plan(json.dumps(terms, sort_keys=True, default=str),
                 json.dumps(model, sort_keys=True), discount)


def at_new_york(day: date, clock: time) -> datetime:
    """A New York wall time on a day."""
    return datetime.combine(day, clock, tzinfo=NEW_YORK)
