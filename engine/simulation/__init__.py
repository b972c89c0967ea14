"""The credit analyst's workbench: scripted and Monte Carlo simulation on the real engine.

    from engine import simulate, simulate_path, run_scenario

    summary = simulate(10_000, seed=7, workers=2, discount="0.08", out="runs/base")
    summary.probability.event_of_default, summary.loss.p95
    path = simulate_path(42, seed=7)           # path 42 of that run, with its attempts
    story = run_scenario(actions)              # a script of actions, nothing stored

Every path is a stream of actions fed to `Deal.act` on a deal held in memory:
the behaviour model (`model.py`) chooses what the parties try and when, and
the engine decides what follows. Never a second model of the contract.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from contract import TermSheet, load_terms
from engine.errors import InvalidAction
from engine.simulation.cash import CashFlow
from engine.simulation.model import (
    DECIMAL_TEXT,
    DEFAULT_MODEL_TOML,
    BehaviourModel,
    ModelError,
    load_model,
)
from engine.simulation.paths import run_path
from engine.simulation.plan import SimulationError, plan_for
from engine.simulation.results import Attempt, PathResult
from engine.simulation.runner import Progress, check_dask_address, execute
from engine.simulation.scenario import ScenarioResult, run_scenario
from engine.simulation.summary import (
    CashToHolders,
    Distribution,
    FullPerformance,
    MoneyDistribution,
    Probabilities,
    SimulationResult,
)

__all__ = [
    "DEFAULT_MODEL_TOML",
    "Attempt",
    "BehaviourModel",
    "CashFlow",
    "CashToHolders",
    "Distribution",
    "FullPerformance",
    "ModelError",
    "MoneyDistribution",
    "PathResult",
    "Probabilities",
    "ScenarioResult",
    "SimulationError",
    "SimulationResult",
    "load_model",
    "run_scenario",
    "simulate",
    "simulate_path",
]

#: The most paths one run takes, and the largest seed and worker count.
MAX_PATHS = 100_000_000
MAX_SEED = 2**63 - 1
MAX_WORKERS = 256

ModelInput = BehaviourModel | Mapping[str, Any] | str | os.PathLike[str] | None


def _whole(value: object, field: str, low: int, high: int) -> int:
    """A whole number in [low, high], or InvalidAction naming the field."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidAction(f"must be a whole number, not {value!r:.40}", field=field)
    if not low <= value <= high:
        raise InvalidAction(f"must be from {low} to {high}, not {value}", field=field)
    return value


def _rate(value: object) -> Decimal:
    """The discount rate: a decimal in [0, 1) (0.05 is 5% a year); None is 0."""
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        raise InvalidAction(f"must be a decimal rate, not {value!r}", field="discount")
    if isinstance(value, str) and not DECIMAL_TEXT.fullmatch(value.strip()):
        raise InvalidAction(f"must be a decimal rate such as 0.05, in the digits 0-9, not "
                            f"{value!r:.40}", field="discount")
    try:
        rate = Decimal(repr(value) if isinstance(value, float) else
                       value if isinstance(value, Decimal | int) else str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidAction(f"must be a decimal rate such as 0.05, not {value!r:.40}",
                            field="discount") from None
    if not rate.is_finite() or not 0 <= rate < 1:
        raise InvalidAction(f"must be a decimal rate in [0, 1) (0.05 is 5% a year), not "
                            f"{value!r:.40}", field="discount")
    return rate


def _terms(terms: object) -> TermSheet | None:
    """A term sheet: None (the 1997 one), a TermSheet, or TOML text."""
    if terms is None or isinstance(terms, TermSheet):
        return terms
    if isinstance(terms, str):
        return load_terms(terms)
    raise InvalidAction(f"a term sheet is a TermSheet or TOML text, not "
                        f"{type(terms).__name__}", field="terms")


def simulate(paths: int, seed: int, *, model: ModelInput = None,
             terms: TermSheet | str | None = None, workers: int = 1,
             dask: str | None = None, discount: Decimal | str | float | None = None,
             out: str | Path | None = None) -> SimulationResult:
    """Run `paths` Monte Carlo paths of the deal and summarise them.

    Args:
        paths: how many paths (numbered 1 to `paths`).
        seed: the run's seed; path k draws only from a generator seeded from (seed, k).
        model: the behaviour model (None: the shipped default; TOML text, a path,
            a mapping of the keys to change, or a `BehaviourModel`).
        terms: the term sheet (None: the 1997 one).
        workers: how many processes run paths (1: this one).
        dask: the address of a Dask distributed scheduler to run batches on instead.
        discount: the annual rate present values use (compounded annually over
            ACT/365 years from the Closing Date); None is 0.
        out: a directory for paths.csv, summary.json and three PNG plots.

    Returns:
        The summary; the same for the same seed whatever `workers` or `dask`
        (but `paths_per_second`).

    Raises:
        InvalidAction, ModelError, TermsError: for bad input, naming it.
        SimulationError: when the Dask scheduler cannot be reached, or the terms
            never reach Outstanding.
    """
    return run_simulation(paths, seed, model=model, terms=terms, workers=workers, dask=dask,
                          discount=discount, out=out)


def run_simulation(paths: int, seed: int, *, model: ModelInput = None,
                   terms: TermSheet | str | None = None, workers: int = 1,
                   dask: str | None = None, discount: Decimal | str | float | None = None,
                   out: str | Path | None = None,
                   progress: Progress | None = None) -> SimulationResult:
    """`simulate`, with a progress callback given the number of paths done (for the CLI)."""
    count = _whole(paths, "paths", 1, MAX_PATHS)
    start = _whole(seed, "seed", 0, MAX_SEED)
    processes = _whole(workers, "workers", 1, MAX_WORKERS)
    address = check_dask_address(dask) if dask is not None else None
    if address is not None and processes > 1:
        raise InvalidAction("give --workers or --dask, not both", field="dask")
    rate = _rate(discount)
    sheet = _terms(terms)
    behaviour = load_model(model)
    if out is not None and not isinstance(out, str | os.PathLike):
        raise InvalidAction(f"a directory path, not {type(out).__name__}", field="out")
    return execute(count, start, behaviour, sheet, workers=processes, dask=address,
                   discount=rate, out=out, progress=progress)


def simulate_path(k: int, seed: int, *, model: ModelInput = None,
                  terms: TermSheet | str | None = None,
                  discount: Decimal | str | float | None = None) -> PathResult:
    """Path k of the run seeded `seed`, alone, with every attempt, its timeline and cash.

    The same figures as path k's row of that run's paths.csv (at the same
    `discount`).

    Raises:
        InvalidAction, ModelError, TermsError: for bad input, naming it.
    """
    path = _whole(k, "path", 1, MAX_PATHS)
    start = _whole(seed, "seed", 0, MAX_SEED)
    rate = _rate(discount)
    plan = plan_for(_terms(terms), load_model(model), rate)
    return run_path(plan, path, start, detail=True)
