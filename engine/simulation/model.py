"""The behaviour model of `npa simulate`: TOML, validated, with the shipped defaults.

The model says what the parties TRY to do and when; the engine decides what
follows. The default ships as `default_model.toml` beside this module, every
key commented with its meaning and unit (`npa simulate --print-model`). A
model given by the user need only hold the keys it changes. An unknown key, a
probability outside [0, 1], outcomes that do not sum to 1, a negative rate or
an ill-formed distribution is a `ModelError` naming the key (exit 2).
"""

from __future__ import annotations

import math
import os
import random
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from contract import agreements_of, representations_of
from engine.errors import NpaError

__all__ = ["DEFAULT_MODEL_TOML", "BehaviourModel", "Dist", "ModelError", "load_model"]


class ModelError(NpaError, ValueError):
    """A behaviour model refused: the dotted key at fault and a one-line reason."""

    exit_code = 2


def _default_text() -> str:
    """The shipped default model, as commented TOML."""
    return resources.files("engine.simulation").joinpath("default_model.toml").read_text("utf-8")


#: The shipped default model, as commented TOML (`npa simulate --print-model`).
DEFAULT_MODEL_TOML: str = _default_text()

# What each key holds: "probability", "rate" (per year, >= 0), "whole" (whole days >= 0),
# "days" (a distribution of days), "fraction" (a distribution in [0, 1]), "money" (a
# distribution of dollars), or a tuple of the names a choice allows.
_SCHEMA: dict[str, dict[str, Any]] = {
    "path": {"horizon_days": "whole"},
    "payments": {"on_time": "probability", "late": "probability", "missed": "probability",
                 "late_days": "days"},
    "reports": {"on_time": "probability", "late": "probability", "never": "probability",
                "early_days": "days", "late_days": "days"},
    "insolvency": {"hazard_per_year": "rate"},
    "holders": {"notice_method": ("hand", "registered_mail"), "breach_notice": "probability",
                "breach_notice_days": "days", "accelerate": "probability",
                "waive": "probability", "wait": "probability", "accelerate_days": "days",
                "waive_days": "days"},
    "recovery": {"fraction": "fraction", "delay_days": "days"},
    "indemnity": {"claims_per_year": "rate", "section": "section", "amount": "money",
                  "answer_days": "days", "resolution_days": "days", "payment_days": "days",
                  "acknowledged": "probability", "settled": "probability",
                  "adjudicated": "probability", "withdrawn": "probability",
                  "settlement_fraction": "fraction", "award_fraction": "fraction"},
}

#: The choices whose outcomes must sum to 1, in the order a path draws them.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "payments": ("on_time", "late", "missed"),
    "reports": ("on_time", "late", "never"),
    "holders": ("accelerate", "waive", "wait"),
    "indemnity": ("acknowledged", "settled", "adjudicated", "withdrawn"),
}

#: Days in a path are bounded, so that every action falls before 2100.
MAX_DAYS = 36_500
MAX_RATE = Decimal(1000)


@attrs.frozen
class Dist:
    """A distribution: always `low` when low == high, else triangular(low, mode, high)."""

    low: float
    mode: float
    high: float

    def draw(self, rng: random.Random) -> float:
        """One value; it consumes one variate of `rng` either way (streams stay aligned)."""
        u = rng.random()
        if self.low == self.high:
            return self.low
        # The inverse of the triangular distribution's CDF (as random.triangular does).
        c = (self.mode - self.low) / (self.high - self.low)
        if u < c:
            return self.low + (self.high - self.low) * math.sqrt(u * c)
        return self.high - (self.high - self.low) * math.sqrt((1.0 - u) * (1.0 - c))

    def days(self, rng: random.Random) -> int:
        """A whole number of days."""
        return round(self.draw(rng))

    def fraction(self, rng: random.Random) -> Decimal:
        """A fraction, to 6 decimals."""
        return Decimal(f"{self.draw(rng):.6f}")

    def cents(self, rng: random.Random) -> Decimal:
        """An amount of money in whole cents."""
        return (Decimal(round(self.draw(rng) * 100)) / 100).quantize(Decimal("0.01"))


@attrs.frozen
class BehaviourModel:
    """A validated behaviour model: `resolved` is the model as TOML would say it, complete."""

    resolved: Mapping[str, Mapping[str, Any]]
    horizon_days: int
    payments: tuple[float, ...]  # cumulative: on time, then late (missed is the rest)
    payment_late_days: Dist
    reports: tuple[float, ...]  # cumulative: on time, then late (never is the rest)
    report_early_days: Dist
    report_late_days: Dist
    hazard_per_year: float
    notice_method: str
    breach_notice: float
    breach_notice_days: Dist
    holders: tuple[float, ...]  # cumulative: accelerate, then waive (wait is the rest)
    accelerate_days: Dist
    waive_days: Dist
    recovery_fraction: Dist
    recovery_days: Dist
    claims_per_year: float
    claim_section: str
    claim_amount: Dist
    answer_days: Dist
    resolution_days: Dist
    payment_days: Dist
    claims: tuple[float, ...]  # cumulative: acknowledged, settled, adjudicated
    settlement_fraction: Dist
    award_fraction: Dist

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """The model as resolved, JSON-safe (money as decimal strings)."""
        return {table: dict(keys) for table, keys in self.resolved.items()}


def _fail(key: str, message: str) -> ModelError:
    return ModelError(message, field=f"model.{key}")


#: A number written as text: ASCII digits (Decimal reads Arabic-Indic and full-width
#: digits too), a sign and a decimal point, no exponent.
DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def _number(value: object, key: str) -> Decimal:
    """A TOML number (read as Decimal) or a decimal string."""
    if isinstance(value, bool):
        raise _fail(key, f"must be a number, not {value!r}")
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        if not DECIMAL_TEXT.fullmatch(value.strip()):
            raise _fail(key, f"must be a number in the digits 0-9, not {value!r:.40}")
        try:
            number = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - DECIMAL_TEXT is what Decimal reads
            raise _fail(key, f"must be a number, not {value!r:.40}") from None
    else:
        raise _fail(key, f"must be a number, not {type(value).__name__}")
    if not number.is_finite():
        raise _fail(key, f"must be a finite number, not {value}")
    return number


def _probability(value: object, key: str) -> Decimal:
    number = _number(value, key)
    if not 0 <= number <= 1:
        raise _fail(key, f"{number} is not a probability in [0, 1]")
    return number


def _rate(value: object, key: str) -> Decimal:
    number = _number(value, key)
    if number < 0:
        raise _fail(key, f"a rate per year cannot be negative, not {number}")
    if number > MAX_RATE:
        raise _fail(key, f"a rate per year of at most {MAX_RATE}, not {number}")
    return number


def _whole(value: object, key: str) -> int:
    number = _number(value, key)
    if number != number.to_integral_value() or not 0 <= number <= MAX_DAYS:
        raise _fail(key, f"must be a whole number of days from 0 to {MAX_DAYS}, not {number}")
    return int(number)


def _bounded(number: Decimal, key: str, kind: str) -> Decimal:
    """A point of a distribution, checked against its kind's range."""
    if number < 0:
        raise _fail(key, f"cannot be negative, not {number}")
    if kind == "fraction" and number > 1:
        raise _fail(key, f"{number} is not a fraction in [0, 1]")
    if kind == "days" and number > MAX_DAYS:
        raise _fail(key, f"at most {MAX_DAYS} days, not {number}")
    if kind == "money":
        if number > Decimal(10) ** 12:
            raise _fail(key, f"at most 10^12 dollars, not {number}")
        if number != number.quantize(Decimal("0.01")):
            raise _fail(key, f"{number} has fractions of a cent")
    return number


def _distribution(value: object, key: str, kind: str) -> tuple[Any, Dist]:
    """A number or a {min, mode, max} table; the resolved form and the Dist."""
    def shown(number: Decimal) -> Any:
        return str(number.quantize(Decimal("0.01"))) if kind == "money" else float(number)

    if isinstance(value, Mapping):
        unknown = sorted(set(value) - {"min", "mode", "max"})
        if unknown:
            raise _fail(f"{key}.{unknown[0]}", "unknown key (a distribution has min, mode, max)")
        missing = [k for k in ("min", "mode", "max") if k not in value]
        if missing:
            raise _fail(f"{key}.{missing[0]}", "missing (a distribution has min, mode, max)")
        low, mode, high = (_bounded(_number(value[k], f"{key}.{k}"), f"{key}.{k}", kind)
                           for k in ("min", "mode", "max"))
        if not low <= mode <= high:
            raise _fail(key, f"needs min <= mode <= max, not {low}, {mode}, {high}")
        resolved: Any = {"min": shown(low), "mode": shown(mode), "max": shown(high)}
        return resolved, Dist(float(low), float(mode), float(high))
    number = _bounded(_number(value, key), key, kind)
    return shown(number), Dist(float(number), float(number), float(number))


def _section(value: object, key: str) -> str:
    allowed = (*representations_of("company"), *agreements_of("company"))
    if not isinstance(value, str) or value not in allowed:
        raise _fail(key, f"{value!r:.40} is not a section the Company answers for under 8.10 "
                         f"({allowed[0]} ... {allowed[-1]})")
    return value


def _read(data: Mapping[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every key checked; the resolved model and the values the policy uses, by dotted key."""
    resolved: dict[str, dict[str, Any]] = {}
    values: dict[str, Any] = {}
    for table, keys in _SCHEMA.items():
        given = data[table]
        resolved[table] = {}
        for name, kind in keys.items():
            key = f"{table}.{name}"
            raw = given[name]
            value: Any
            if kind == "probability":
                value = _probability(raw, key)
                shown: Any = float(value)
            elif kind == "rate":
                value = _rate(raw, key)
                shown = float(value)
            elif kind == "whole":
                value = shown = _whole(raw, key)
            elif kind in ("days", "fraction", "money"):
                shown, value = _distribution(raw, key, kind)
            elif kind == "section":
                value = shown = _section(raw, key)
            else:
                if raw not in kind:
                    raise _fail(key, f"{raw!r:.40} is not one of {', '.join(kind)}")
                value = shown = raw
            resolved[table][name] = shown
            values[key] = value
    for table, names in OUTCOMES.items():
        total = sum((values[f"{table}.{n}"] for n in names), Decimal(0))
        if total != 1:
            raise _fail(table, f"the outcomes {' + '.join(names)} must sum to 1, not {total}")
    return resolved, values


def _merge(base: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The default model with the user's keys over it; unknown tables and keys refused."""
    merged = {table: dict(keys) for table, keys in base.items()}
    for table, keys in given.items():
        if table not in _SCHEMA:
            raise _fail(str(table), "unknown table (path, payments, reports, insolvency, "
                                    "holders, recovery, indemnity)")
        if not isinstance(keys, Mapping):
            raise _fail(str(table), "must be a table of keys")
        for name, value in keys.items():
            if name not in _SCHEMA[table]:
                raise _fail(f"{table}.{name}", "unknown key")
            merged[table][name] = value
    return merged


def _cumulative(values: dict[str, Any], table: str) -> tuple[float, ...]:
    """The cumulative probabilities of a choice's outcomes, all but the last."""
    running = Decimal(0)
    points = []
    for name in OUTCOMES[table][:-1]:
        running += values[f"{table}.{name}"]
        points.append(float(running))
    return tuple(points)


#: The largest model a file or text may hold (the default is under 8 KiB).
MAX_MODEL_BYTES = 64 * 1024


def _read_file(path: Path) -> str:
    """A model file's text, read no further than MAX_MODEL_BYTES."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_MODEL_BYTES + 1)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"cannot read {path} ({exc.__class__.__name__})",
                         field="model") from None
    if len(data) > MAX_MODEL_BYTES:
        raise ModelError(f"a model is at most {MAX_MODEL_BYTES // 1024} KiB", field="model")
    return text


def _parse_toml(text: str) -> dict[str, Any]:
    if len(text) > MAX_MODEL_BYTES:
        raise ModelError(f"a model is at most {MAX_MODEL_BYTES // 1024} KiB", field="model")
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"not valid TOML ({' '.join(str(exc).split())})",
                         field="model") from None
    except RecursionError:
        raise ModelError("not valid TOML (nested too deeply)", field="model") from None


_DEFAULTS: dict[str, Any] = _parse_toml(DEFAULT_MODEL_TOML)


def load_model(model: BehaviourModel | Mapping[str, Any] | str | os.PathLike[str] | None = None,
               ) -> BehaviourModel:
    """A behaviour model: the default, or the default with the given keys over it.

    Args:
        model: None (the default), TOML text, a path to a TOML file, a mapping of
            tables to keys (as TOML would give them), or a model already loaded.

    Raises:
        ModelError: naming the key, for anything that is not a valid model.
    """
    if isinstance(model, BehaviourModel):
        return model
    if model is None:
        given: Mapping[str, Any] = {}
    elif isinstance(model, os.PathLike):
        given = _parse_toml(_read_file(Path(model)))
    elif isinstance(model, str):
        given = _parse_toml(model)
    elif isinstance(model, Mapping):
        given = model
    else:
        raise ModelError(f"a model is TOML text, a path or a mapping, not "
                         f"{type(model).__name__}", field="model")
    resolved, v = _read(_merge(_DEFAULTS, given))
    return BehaviourModel(
        resolved=resolved,
        horizon_days=v["path.horizon_days"],
        payments=_cumulative(v, "payments"),
        payment_late_days=v["payments.late_days"],
        reports=_cumulative(v, "reports"),
        report_early_days=v["reports.early_days"],
        report_late_days=v["reports.late_days"],
        hazard_per_year=float(v["insolvency.hazard_per_year"]),
        notice_method=v["holders.notice_method"],
        breach_notice=float(v["holders.breach_notice"]),
        breach_notice_days=v["holders.breach_notice_days"],
        holders=_cumulative(v, "holders"),
        accelerate_days=v["holders.accelerate_days"],
        waive_days=v["holders.waive_days"],
        recovery_fraction=v["recovery.fraction"],
        recovery_days=v["recovery.delay_days"],
        claims_per_year=float(v["indemnity.claims_per_year"]),
        claim_section=v["indemnity.section"],
        claim_amount=v["indemnity.amount"],
        answer_days=v["indemnity.answer_days"],
        resolution_days=v["indemnity.resolution_days"],
        payment_days=v["indemnity.payment_days"],
        claims=_cumulative(v, "indemnity"),
        settlement_fraction=v["indemnity.settlement_fraction"],
        award_fraction=v["indemnity.award_fraction"],
    )
