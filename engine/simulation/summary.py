"""The summary of a Monte Carlo run: distributions with nearest-rank percentiles.

Each distribution is `{"mean", "p5", "p50", "p95"}`. The p-th percentile of
N values is the value at 1-based rank ceil(p/100 x N) of the values sorted
(nearest rank): for N = 10 the 5th percentile is the smallest value, the
50th the 5th smallest, the 95th the largest. Money is kept in whole cents and
shown as decimal strings; the mean is rounded to the cent (half even). Time in
default is in days, to 4 decimals.

The tally keeps only the per-path figures the summary and the plots need, in
compact arrays (about 50 bytes a path), whatever else a path produced.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import attrs

from engine.money import CENT
from engine.simulation.plan import Plan
from engine.simulation.results import PathResult


def rank(p: int, n: int) -> int:
    """The 1-based nearest rank of the p-th percentile among n values: ceil(p/100 x n)."""
    return max(1, -(-p * n // 100))


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def _money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


@attrs.frozen
class Distribution:
    """A distribution of days: its mean and its 5th, 50th and 95th percentiles."""

    mean: float
    p5: float
    p50: float
    p95: float

    def to_dict(self) -> dict[str, float]:
        """As JSON numbers."""
        return {"mean": self.mean, "p5": self.p5, "p50": self.p50, "p95": self.p95}


@attrs.frozen
class MoneyDistribution:
    """A distribution of money: its mean (to the cent) and its 5th, 50th and 95th
    percentiles."""

    mean: Decimal
    p5: Decimal
    p50: Decimal
    p95: Decimal

    def to_dict(self) -> dict[str, str]:
        """As decimal strings."""
        return {"mean": str(self.mean), "p5": str(self.p5), "p50": str(self.p50),
                "p95": str(self.p95)}


@attrs.frozen
class Probabilities:
    """The share of paths with an Event of Default, an acceleration, an insolvency."""

    event_of_default: float
    acceleration: float
    insolvency: float

    def to_dict(self) -> dict[str, float]:
        """As JSON numbers."""
        return {"event_of_default": self.event_of_default, "acceleration": self.acceleration,
                "insolvency": self.insolvency}


@attrs.frozen
class CashToHolders:
    """Interest and principal paid to the Holders on the Notes: nominal and present value."""

    nominal: MoneyDistribution
    present_value: MoneyDistribution

    def to_dict(self) -> dict[str, Any]:
        """As JSON."""
        return {"nominal": self.nominal.to_dict(), "present_value": self.present_value.to_dict()}


@attrs.frozen
class FullPerformance:
    """What the Holders receive if every payment is made on its payment date."""

    nominal: Decimal
    present_value: Decimal

    def to_dict(self) -> dict[str, str]:
        """As decimal strings."""
        return {"nominal": str(self.nominal), "present_value": str(self.present_value)}


def money_distribution(cents: Sequence[int]) -> MoneyDistribution:
    """The distribution of amounts given in cents."""
    ordered = sorted(cents)
    n = len(ordered)
    mean = (Decimal(sum(ordered)) / n / 100).quantize(CENT, rounding=ROUND_HALF_EVEN)
    p5, p50, p95 = (_money(ordered[rank(p, n) - 1]) for p in (5, 50, 95))
    return MoneyDistribution(mean, p5, p50, p95)


def distribution(values: Sequence[float]) -> Distribution:
    """The distribution of numbers (days), to 4 decimals."""
    ordered = sorted(values)
    n = len(ordered)
    p5, p50, p95 = (round(ordered[rank(p, n) - 1], 4) for p in (5, 50, 95))
    return Distribution(round(math.fsum(ordered) / n, 4), p5, p50, p95)


class Tally:
    """The per-path figures a summary and its plots need, path by path, in arrays."""

    def __init__(self, plan: Plan) -> None:
        self.start: datetime = plan.start
        self.horizon: datetime = plan.horizon
        self.maturity: date = plan.maturity
        self.full_pv_cents = _cents(plan.full_pv)
        self.cash = array("q")
        self.cash_pv = array("q")
        self.loss = array("q")
        self.indemnity = array("q")
        self.days = array("d")
        #: Days from the start to the first Event of Default; NaN for none.
        self.first_default = array("d")
        self.accelerated = array("b")
        self.insolvent = array("b")
        self.final_states: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self.cash)

    def add(self, path: PathResult) -> None:
        """Take one path's figures."""
        self.cash.append(_cents(path.cash_to_holders))
        self.cash_pv.append(_cents(path.cash_to_holders_pv))
        self.loss.append(_cents(path.loss))
        self.indemnity.append(_cents(path.indemnity_paid))
        self.days.append(round(path.days_in_default, 4))
        first = path.first_default_at
        self.first_default.append(
            math.nan if first is None else (first - self.start).total_seconds() / 86400)
        self.accelerated.append(path.accelerated)
        self.insolvent.append(path.insolvent)
        self.final_states[path.final_state] += 1

    def probabilities(self) -> Probabilities:
        """The shares of paths with an Event of Default, an acceleration, an insolvency."""
        n = len(self)
        defaulted = sum(1 for d in self.first_default if not math.isnan(d))
        return Probabilities(defaulted / n, sum(self.accelerated) / n, sum(self.insolvent) / n)


@attrs.frozen
class SimulationResult:
    """A Monte Carlo run's summary (the document of `npa simulate --json`)."""

    paths: int
    seed: int
    model: Mapping[str, Any]
    discount: Decimal
    final_states: Mapping[str, int]
    probability: Probabilities
    time_in_default_days: Distribution
    cash_to_holders: CashToHolders
    loss: MoneyDistribution
    indemnity_paid: MoneyDistribution
    full_performance: FullPerformance
    paths_per_second: float
    out: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON: money as decimal strings, distributions as mean/p5/p50/p95."""
        return {
            "paths": self.paths,
            "seed": self.seed,
            "model": {table: dict(keys) for table, keys in self.model.items()},
            "discount": str(self.discount),
            "final_states": dict(self.final_states),
            "probability": self.probability.to_dict(),
            "time_in_default_days": self.time_in_default_days.to_dict(),
            "cash_to_holders": self.cash_to_holders.to_dict(),
            "loss": self.loss.to_dict(),
            "indemnity_paid": self.indemnity_paid.to_dict(),
            "full_performance": self.full_performance.to_dict(),
            "paths_per_second": self.paths_per_second,
            "out": self.out,
        }


def summarise(tally: Tally, plan: Plan, *, seed: int, discount: Decimal, seconds: float,
              out: str | None) -> SimulationResult:
    """The run's summary from its tally."""
    n = len(tally)
    return SimulationResult(
        paths=n, seed=seed, model=plan.model.to_dict(), discount=discount,
        final_states=dict(sorted(tally.final_states.items())),
        probability=tally.probabilities(),
        time_in_default_days=distribution(tally.days),
        cash_to_holders=CashToHolders(money_distribution(tally.cash),
                                      money_distribution(tally.cash_pv)),
        loss=money_distribution(tally.loss),
        indemnity_paid=money_distribution(tally.indemnity),
        full_performance=FullPerformance(plan.full_nominal, plan.full_pv),
        paths_per_second=round(n / seconds, 1) if seconds > 0 else 0.0,
        out=out)
