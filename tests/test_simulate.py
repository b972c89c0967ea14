"""engine.simulate: the behaviour model, paths on the real engine, the summary, honest checks."""

from __future__ import annotations

import csv
import functools
import math
import re
import tomllib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import (
    BehaviourModel,
    InvalidAction,
    ModelError,
    PathResult,
    ScenarioResult,
    SimulationResult,
    run_scenario,
    simulate,
    simulate_path,
)
from engine.clock import NEW_YORK
from engine.demo import DEFAULT_STORY, to_repayment
from engine.simulation import DEFAULT_MODEL_TOML, load_model
from engine.simulation.cash import Discount, full_performance
from engine.simulation.plan import generator
from engine.simulation.results import CSV_COLUMNS
from engine.simulation.summary import distribution, money_distribution, rank

#: Everything on time, no hazard, no claims: the Notes perform in full.
ON_TIME: dict[str, Any] = {
    "payments": {"on_time": 1, "late": 0, "missed": 0},
    "reports": {"on_time": 1, "late": 0, "never": 0},
    "insolvency": {"hazard_per_year": 0},
    "indemnity": {"claims_per_year": 0},
}

#: Every payment missed; the Holders accelerate 5 days after the Event of Default and
#: recover at once 40% of what is then owed (at once: no interest runs in between).
MISSED: dict[str, Any] = {
    "payments": {"on_time": 0, "late": 0, "missed": 1},
    "reports": {"on_time": 1, "late": 0, "never": 0},
    "insolvency": {"hazard_per_year": 0},
    "holders": {"accelerate": 1, "waive": 0, "wait": 0, "accelerate_days": 5},
    "recovery": {"fraction": 0.4, "delay_days": 0},
    "indemnity": {"claims_per_year": 0},
}

#: The 1997 schedule (Schedule 1, ASSUMED), by payment date: what full performance pays.
SCHEDULE_1997 = [(date(1998, 2, 2), Decimal("205625.00")),
                 (date(1998, 8, 3), Decimal("393750.00")),
                 (date(1999, 2, 1), Decimal("393750.00")),
                 (date(1999, 8, 2), Decimal("393750.00")),
                 (date(2000, 2, 1), Decimal("393750.00")),
                 (date(2000, 2, 1), Decimal("7500000.00"))]
CLOSING = date(1997, 10, 27)


def by_hand_pv(flows: list[tuple[date, Decimal]], rate: str) -> Decimal:
    """Present value by the formula of the README: (1 + r)^-(days/365) from the Closing Date."""
    r = Decimal(rate)
    total = sum((amount * (1 + r) ** (-Decimal((day - CLOSING).days) / 365)
                 for day, amount in flows), Decimal(0))
    return total.quantize(Decimal("0.01"))


# --- the behaviour model ------------------------------------------------------


class TestModel:
    def test_the_default_model_loads_and_is_complete(self) -> None:
        """The shipped default model is valid, and its resolved form names every table."""
        model = load_model()
        assert isinstance(model, BehaviourModel)
        assert set(model.to_dict()) == {"path", "payments", "reports", "insolvency",
                                        "holders", "recovery", "indemnity"}

    def test_every_key_of_the_default_model_is_commented(self) -> None:
        """Each key of the shipped TOML has a comment on its line or just above it."""
        lines = DEFAULT_MODEL_TOML.splitlines()
        keys = 0
        for number, line in enumerate(lines):
            if re.match(r"^[a-z_]+ =", line):
                keys += 1
                above = lines[number - 1].strip()
                assert "#" in line or above.startswith("#"), line
        assert keys == sum(len(t) for t in tomllib.loads(DEFAULT_MODEL_TOML).values())

    def test_a_model_file_need_only_hold_the_keys_it_changes(self) -> None:
        """Keys left out keep the defaults; the resolved model shows both."""
        model = load_model("[insolvency]\nhazard_per_year = 0.1\n")
        assert model.to_dict()["insolvency"]["hazard_per_year"] == 0.1
        assert model.to_dict()["payments"] == load_model().to_dict()["payments"]

    def test_a_resolved_model_loads_back_to_the_same_model(self) -> None:
        """What the summary reports as the model is itself a model that resolves the same."""
        model = load_model(MISSED)
        assert load_model(model.to_dict()) == model

    @pytest.mark.parametrize(("given", "field", "words"), [
        ({"payments": {"lat": 0.1}}, "model.payments.lat", "unknown key"),
        ({"paymentz": {}}, "model.paymentz", "unknown table"),
        ({"payments": {"on_time": 1.5, "late": 0, "missed": -0.5}}, "model.payments.on_time",
         "not a probability"),
        ({"payments": {"on_time": 0.5, "late": 0.2, "missed": 0.2}}, "model.payments",
         "must sum to 1"),
        ({"holders": {"accelerate": 0.6}}, "model.holders", "must sum to 1"),
        ({"indemnity": {"acknowledged": 0.5}}, "model.indemnity", "must sum to 1"),
        ({"insolvency": {"hazard_per_year": -0.01}}, "model.insolvency.hazard_per_year",
         "cannot be negative"),
        ({"indemnity": {"claims_per_year": -1}}, "model.indemnity.claims_per_year",
         "cannot be negative"),
        ({"recovery": {"fraction": 1.2}}, "model.recovery.fraction", "not a fraction"),
        ({"recovery": {"delay_days": {"min": 9, "mode": 5, "max": 20}}},
         "model.recovery.delay_days", "min <= mode <= max"),
        ({"recovery": {"delay_days": {"min": 1, "max": 20}}},
         "model.recovery.delay_days.mode", "missing"),
        ({"recovery": {"delay_days": {"min": 1, "mode": 2, "max": 3, "avg": 2}}},
         "model.recovery.delay_days.avg", "unknown key"),
        ({"payments": {"late_days": -3}}, "model.payments.late_days", "cannot be negative"),
        ({"payments": {"late_days": "soon"}}, "model.payments.late_days", "must be a number"),
        ({"payments": {"late_days": "٥"}}, "model.payments.late_days", "digits 0-9"),
        ({"recovery": {"fraction": "０.５"}}, "model.recovery.fraction", "digits 0-9"),
        ({"indemnity": {"amount": "10.001"}}, "model.indemnity.amount", "fractions of a cent"),
        ({"indemnity": {"section": "4.1"}}, "model.indemnity.section", "answers for"),
        ({"holders": {"notice_method": "email"}}, "model.holders.notice_method", "one of"),
        ({"path": {"horizon_days": 1.5}}, "model.path.horizon_days", "whole number"),
        ({"payments": ["on_time"]}, "model.payments", "table"),
    ])
    def test_a_bad_model_is_one_error_naming_the_key(self, given: dict[str, Any], field: str,
                                                     words: str) -> None:
        """Unknown keys, probabilities outside [0, 1], outcomes not summing to 1, negative
        rates and ill-formed distributions are refused, naming the key."""
        with pytest.raises(ModelError) as caught:
            load_model(given)
        assert caught.value.field == field
        assert words in caught.value.message
        assert caught.value.exit_code == 2

    @pytest.mark.parametrize("text", ["payments = [", "a = " + "[" * 5000 + "]" * 5000,
                                      "# " + "x" * 70_000])
    def test_a_model_that_is_not_toml_or_too_big_is_refused(self, text: str) -> None:
        """Text that is not TOML, nested too deeply, or over 64 KiB is one error naming the
        model."""
        with pytest.raises(ModelError) as caught:
            load_model(text)
        assert caught.value.field == "model"


# --- percentiles and present values ---------------------------------------------


class TestSummary:
    def test_percentiles_are_nearest_rank(self) -> None:
        """The p-th percentile is the value at 1-based rank ceil(p/100 x N)."""
        assert [rank(p, 10) for p in (5, 50, 95)] == [1, 5, 10]
        assert [rank(p, 20) for p in (5, 50, 95)] == [1, 10, 19]
        assert [rank(p, 1) for p in (5, 50, 95)] == [1, 1, 1]
        assert [rank(p, 101) for p in (5, 50, 95)] == [6, 51, 96]

    def test_a_money_distribution_is_in_cents_with_the_mean_to_the_cent(self) -> None:
        """Cents 1..20 in any order: mean 0.105 rounds half even to 0.10; p95 is the 19th."""
        summary = money_distribution(list(reversed(range(1, 21))))
        assert summary.to_dict() == {"mean": "0.10", "p5": "0.01", "p50": "0.10",
                                     "p95": "0.19"}

    def test_a_distribution_of_days_is_to_four_decimals(self) -> None:
        """Days: the mean and the nearest-rank percentiles."""
        summary = distribution([0.0, 0.0, 10.5, 20.25])
        assert summary.to_dict() == {"mean": 7.6875, "p5": 0.0, "p50": 0.0, "p95": 20.25}

    @pytest.mark.parametrize("rate", ["0.05", "0.08", "0.125", "0.3"])
    def test_full_performance_pv_equals_quantlib_npv_to_the_cent(self, rate: str) -> None:
        """The schedule's present value equals QuantLib's NPV of the same flows on a flat
        curve, compounded annually, Actual/365 (Fixed), from the Closing Date."""
        ql = pytest.importorskip("QuantLib")
        flows = full_performance(load_model_terms())
        ours = Discount(Decimal(rate), CLOSING).present_value(flows)
        assert ours == quantlib_npv(ql, flows, float(rate), ql.Actual365Fixed(),
                                    ql.Compounded)

    def test_the_quantlib_check_fails_on_another_convention(self) -> None:
        """The check can fail: ACT/360 or simple interest give another NPV than ours."""
        ql = pytest.importorskip("QuantLib")
        flows = full_performance(load_model_terms())
        ours = Discount(Decimal("0.08"), CLOSING).present_value(flows)
        assert ours != quantlib_npv(ql, flows, 0.08, ql.Actual360(), ql.Compounded)
        assert ours != quantlib_npv(ql, flows, 0.08, ql.Actual365Fixed(), ql.Simple)

    def test_full_performance_is_the_1997_schedule(self) -> None:
        """Full performance pays 9,280,625.00 on the payment dates of the 1997 schedule."""
        flows = full_performance(load_model_terms())
        assert flows == SCHEDULE_1997
        assert sum(amount for _, amount in flows) == Decimal("9280625.00")


def load_model_terms() -> Any:
    from contract import DEFAULT_TERMS

    return DEFAULT_TERMS


def quantlib_npv(ql: Any, flows: list[tuple[date, Decimal]], rate: float, day_count: Any,
                 compounding: Any) -> Decimal:
    """QuantLib's NPV of the flows at a flat rate, to the cent."""
    today = ql.Date(CLOSING.day, CLOSING.month, CLOSING.year)
    ql.Settings.instance().evaluationDate = today
    curve = ql.FlatForward(today, rate, day_count, compounding, ql.Annual)
    leg = [ql.SimpleCashFlow(float(amount), ql.Date(d.day, d.month, d.year))
           for d, amount in flows]
    npv = ql.CashFlows.npv(leg, ql.YieldTermStructureHandle(curve), True, today, today)
    return Decimal(repr(npv)).quantize(Decimal("0.01"))


# --- paths -----------------------------------------------------------------------


class TestPaths:
    def test_each_path_draws_from_its_own_generator_of_seed_and_k(self) -> None:
        """The generator of (seed, k) is fixed; another k or seed gives another stream."""
        assert generator(7, 3).random() == generator(7, 3).random()
        assert generator(7, 3).random() != generator(7, 4).random()
        assert generator(7, 3).random() != generator(8, 3).random()

    def test_a_path_rerun_alone_is_its_row_of_the_run(self, tmp_path: Path) -> None:
        """simulate_path(k) gives the same figures as row k of paths.csv."""
        simulate(30, 11, out=tmp_path, discount="0.07")
        with (tmp_path / "paths.csv").open(encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == CSV_COLUMNS
        for k in (1, 17, 30):
            assert simulate_path(k, 11, discount="0.07").row() == rows[k]

    def test_a_refused_attempt_is_recorded_and_the_path_goes_on(self) -> None:
        """Holders who accelerate after the default was cured are refused under Schedule 1;
        the path goes on to repayment."""
        model = {**ON_TIME, "payments": {"on_time": 0, "late": 1, "missed": 0,
                                         "late_days": 40},
                 "holders": {"accelerate": 1, "waive": 0, "wait": 0, "accelerate_days": 45}}
        path = simulate_path(1, 1, model=model)
        refused = [a for a in path.attempts if not a.result.accepted]
        assert refused and refused[0].action.TYPE == "accelerate"
        assert refused[0].result.reasons[0].section == "Schedule 1"
        assert "no Event of Default continues" in refused[0].result.reasons[0].message
        assert path.final_state == "Repaid" and path.event_of_default
        assert not path.accelerated and path.refused == len(refused)
        assert path.days_in_default > 0

    def test_every_payment_missed_recovers_the_fraction_by_hand(self) -> None:
        """Missed coupon: E1 at the end of the grace (1998-03-05), acceleration by notice five
        days later with $290,937.50 of interest (205,625.00 due plus 85,312.50 accrued over
        39 days of 30/360), and 40% of $7,790,937.50 recovered then (1998-03-10 11:00).
        Default interest on the principal (issue 9 item 7) runs from the day of the
        acceleration: recovered that same day, 0 days of it are owed, so the figures are
        those without it; the 60% left unpaid bears it on (not paid on this path)."""
        path = simulate_path(1, 3, model=MISSED, discount="0.05")
        assert path.final_state == "Default" and path.accelerated and not path.insolvent
        assert path.first_default_at == datetime(1998, 3, 5, tzinfo=NEW_YORK)
        owed = Decimal("7500000.00") + Decimal("205625.00") + Decimal("85312.50")
        recovered = (Decimal("0.4") * owed).quantize(Decimal("0.01"))
        assert recovered == Decimal("3116375.00")
        assert path.cash_to_holders == recovered
        paid = [(c.date, c.purpose, c.amount) for c in path.cash_flows if c.payee == "holders"]
        assert paid == [(date(1998, 3, 10), "interest", Decimal("290937.50")),
                        (date(1998, 3, 10), "principal", Decimal("2825437.50"))]
        pv = by_hand_pv([(date(1998, 3, 10), recovered)], "0.05")
        assert path.cash_to_holders_pv == pv == Decimal("3061051.43")
        assert path.loss == by_hand_pv(SCHEDULE_1997, "0.05") - pv == Decimal("5320251.15")
        end = datetime(2001, 2, 1, tzinfo=NEW_YORK)  # the end of maturity + 365 days
        assert path.days_in_default == pytest.approx(
            (end - datetime(1998, 3, 5, tzinfo=NEW_YORK)).total_seconds() / 86400)

    def test_a_recovery_30_days_after_acceleration_includes_default_interest(self) -> None:
        """Issue 9 item 7: the principal bears interest from the acceleration until paid.
        Recovered 30 days later, on 1998-04-09: 29 days of 30/360 from 1998-03-10
        ((4 - 3) x 30 + (9 - 10)), 7,500,000 x 10.5% x 29/360 = 63,437.50 of default
        interest on top of the 290,937.50 due on acceleration: 354,375.00 of interest and
        7,500,000.00 of principal, of which 40% is 3,141,750.00 (interest first)."""
        model = {**MISSED, "recovery": {"fraction": 0.4, "delay_days": 30}}
        path = simulate_path(1, 3, model=model, discount="0.05")
        default_interest = (Decimal("7500000.00") * Decimal("0.105") * 29 / 360).quantize(
            Decimal("0.01"))
        assert default_interest == Decimal("63437.50")
        interest = Decimal("290937.50") + default_interest
        recovered = (Decimal("0.4") * (interest + Decimal("7500000.00"))).quantize(
            Decimal("0.01"))
        assert recovered == Decimal("3141750.00")
        paid = [(c.date, c.purpose, c.amount) for c in path.cash_flows if c.payee == "holders"]
        assert paid == [(date(1998, 4, 9), "interest", Decimal("354375.00")),
                        (date(1998, 4, 9), "principal", Decimal("2787375.00"))]
        pv = by_hand_pv([(date(1998, 4, 9), recovered)], "0.05")
        assert path.cash_to_holders_pv == pv == Decimal("3073625.51")
        assert path.loss == by_hand_pv(SCHEDULE_1997, "0.05") - pv == Decimal("5307677.07")
        assert path.final_state == "Default"

    def test_insolvency_accelerates_and_the_recovery_follows(self) -> None:
        """A court's declaration (Schedule 1 (e)) accelerates at once; recovery follows."""
        model = {**ON_TIME, "insolvency": {"hazard_per_year": 50},
                 "recovery": {"fraction": 1, "delay_days": 10}}
        path = simulate_path(2, 5, model=model)
        kinds = [a.action.TYPE for a in path.attempts]
        assert "declare_insolvency" in kinds
        assert path.insolvent and path.accelerated and path.event_of_default
        assert path.final_state == "Repaid"  # a full recovery pays everything then owed

    def test_a_claim_runs_from_notice_to_payment(self) -> None:
        """Claims under 8.10: asserted, acknowledged and paid; indemnity is counted apart."""
        model = {**ON_TIME, "indemnity": {
            "claims_per_year": 2, "section": "6.1", "acknowledged": 1, "settled": 0,
            "adjudicated": 0, "withdrawn": 0, "amount": "25000.00"}}
        path = simulate_path(1, 9, model=model)
        kinds = [a.action.TYPE for a in path.attempts if a.result.accepted]
        assert {"assert_claim", "acknowledge_claim"} <= set(kinds)
        paid = [c.amount for c in path.cash_flows if c.purpose == "indemnity"]
        assert paid and all(amount == Decimal("25000.00") for amount in paid)
        assert path.indemnity_paid == sum(paid)
        assert path.cash_to_holders == Decimal("9280625.00")  # indemnity is not cash on Notes

    def test_bad_input_to_the_python_api_names_the_field(self) -> None:
        """Paths, seed, workers, discount, dask and terms of the wrong kind are one error."""
        cases = [(lambda: simulate("10", 1), "paths"), (lambda: simulate(0, 1), "paths"),
                 (lambda: simulate(10, -1), "seed"), (lambda: simulate(10, True), "seed"),
                 (lambda: simulate(10, 1, workers=0), "workers"),
                 (lambda: simulate(10, 1, discount="5%"), "discount"),
                 (lambda: simulate(10, 1, discount=1), "discount"),
                 (lambda: simulate(10, 1, dask="not an address"), "dask"),
                 (lambda: simulate(10, 1, dask="tcp://127.0.0.1:1", workers=2), "dask"),
                 (lambda: simulate(10, 1, terms=42), "terms"),  # type: ignore[arg-type]
                 (lambda: simulate_path(0, 1), "path")]
        for call, field in cases:
            with pytest.raises(InvalidAction) as caught:
                call()
            assert caught.value.field == field


# --- honest checks -----------------------------------------------------------------


class TestHonestChecks:
    def test_everything_on_time_repays_the_schedule_with_no_loss(self) -> None:
        """Every path Repaid, no Event of Default, cash to Holders exactly 9,280,625.00 and
        loss 0, at any discount rate."""
        for rate in ("0", "0.06"):
            result = simulate(200, 3, model=ON_TIME, discount=rate)
            assert isinstance(result, SimulationResult)
            assert result.final_states == {"Repaid": 200}
            assert result.probability.to_dict() == {"event_of_default": 0.0,
                                                    "acceleration": 0.0, "insolvency": 0.0}
            assert result.cash_to_holders.nominal.to_dict() == dict.fromkeys(
                ("mean", "p5", "p50", "p95"), "9280625.00")
            assert result.loss.to_dict() == dict.fromkeys(("mean", "p5", "p50", "p95"), "0.00")
            assert result.time_in_default_days.p95 == 0
            assert result.full_performance.nominal == Decimal("9280625.00")
            assert result.full_performance.present_value == by_hand_pv(SCHEDULE_1997, rate)

    @pytest.mark.parametrize("hazard", [0.05, 0.2])
    def test_insolvency_alone_agrees_with_the_exponential_law(self, hazard: float) -> None:
        """At hazard h a year, the share insolvent before maturity is 1 - exp(-h T) within
        3 standard errors at 20,000 paths (T: the years from the Closing to maturity)."""
        assert z_score(insolvent_share(hazard), hazard, 20_000) < 3

    def test_the_exponential_check_fails_on_the_wrong_hazard(self) -> None:
        """The check can fail: the run at h = 0.2 lies far outside 3 standard errors of the
        share h = 0.25 would give."""
        assert z_score(insolvent_share(0.2), 0.25, 20_000) > 3


@functools.cache
def insolvent_share(hazard: float) -> float:
    """The share of 20,000 paths, everything else on time, in which the Company goes
    insolvent (before maturity: a repaid deal is not declared insolvent)."""
    model = {**ON_TIME, "insolvency": {"hazard_per_year": hazard}}
    return simulate(20_000, 2026, model=model, workers=2).probability.insolvency


def z_score(share: float, hazard: float, n: int) -> float:
    """How many standard errors a share lies from 1 - exp(-h T)."""
    years = (date(2000, 2, 1) - CLOSING).days / 365
    expected = 1 - math.exp(-hazard * years)
    return abs(share - expected) / math.sqrt(expected * (1 - expected) / n)


# --- scripted ----------------------------------------------------------------------


class TestScenario:
    def test_a_scenario_runs_in_memory_with_its_timeline_and_cash_flows(self) -> None:
        """The repaid story: Repaid, every payment as a cash flow, its timeline."""
        result = run_scenario(to_repayment())
        assert isinstance(result, ScenarioResult)
        assert result.state == "Repaid" and result.refused == 0
        holders = [c for c in result.cash_flows if c.payee == "holders"]
        assert sum(c.amount for c in holders) == Decimal("9280625.00")
        assert result.cash_flows[0].to_dict() == {
            "date": "1997-10-27", "at": "1997-10-27T11:00:00-05:00", "from": "purchaser",
            "to": "company", "purpose": "purchase_price", "amount": "7500000.00"}
        assert result.timeline[-1]["state"] == "Repaid"
        assert result.status["state"] == "Repaid"

    def test_a_refused_action_is_recorded_and_the_scenario_goes_on(self) -> None:
        """An action refused keeps its reasons; the actions after it still run."""
        script = [*DEFAULT_STORY[:3],
                  {"type": "close", "actor": "company", "at": "1997-10-27T09:31"},
                  *DEFAULT_STORY[3:]]
        result = run_scenario(script)
        assert result.refused == 1
        assert result.results[3]["accepted"] is False
        assert result.results[3]["reasons"][0]["section"] == "5.1(d)"
        assert result.state == "Repaid"

    def test_an_invalid_action_names_its_position(self) -> None:
        """Bad input in a scenario is one error naming the action's position and field."""
        with pytest.raises(InvalidAction) as caught:
            run_scenario([DEFAULT_STORY[0], {"type": "sign", "actor": "nobody",
                                             "at": "1997-10-27T09:00"}])
        assert caught.value.field == "action 2: actor"

    @pytest.mark.parametrize("actions", [None, 3, "sign", b"[]", {"type": "sign"}])
    def test_something_that_is_no_list_of_actions_names_actions(self, actions: Any) -> None:
        """None, a number, a bare text or a single dict is not a scenario: InvalidAction
        naming `actions` (a text is not read character by character)."""
        with pytest.raises(InvalidAction) as caught:
            run_scenario(actions)
        assert caught.value.field == "actions"


def test_the_results_are_typed_and_exported() -> None:
    """The API's result classes are exported from `engine`."""
    path = simulate_path(1, 1)
    assert isinstance(path, PathResult)
    assert path.to_dict()["path"] == 1


def test_an_action_checked_once_is_not_checked_again() -> None:
    """`parse_action` returns an action it built itself as it is; any other action object,
    even an equal one, is checked afresh (a simulation shares checked actions)."""
    from engine.actions import Pay
    from engine.codec import parse_action

    checked = parse_action({"type": "pay", "actor": "company", "at": "1998-02-02T10:00",
                            "purpose": "interest", "amount": "205625.00"})
    assert parse_action(checked) is checked
    twin = Pay(actor="company", at=checked.at, purpose="interest", amount=checked.amount)
    assert parse_action(twin) is not twin and parse_action(twin) == twin
    bad = Pay(actor="company", at=checked.at, purpose="interest", amount=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidAction) as caught:
        parse_action(bad)
    assert caught.value.field == "amount"


def test_another_term_sheet_is_simulated_on_its_own_schedule() -> None:
    """A platform's own term sheet: the deal closes on its date and repays its schedule."""
    from contract import load_terms
    from engine.schedule import payment_schedule

    text = ('[deal]\nclosing_date = 2026-03-02\npurchase_price = "10000000.00"\n'
            'transaction_fee = "100000.00"\n[notes]\nprincipal = "10000000.00"\n'
            'rate = "0.08"\nissue_date = 2026-03-02\nmaturity = 2029-03-01\n'
            'first_interest_date = 2026-09-01\n')
    result = simulate(20, 1, model=ON_TIME, terms=text)
    due = sum(p.amount for p in payment_schedule(load_terms(text).notes))
    assert result.final_states == {"Repaid": 20}
    assert result.cash_to_holders.nominal.p5 == result.full_performance.nominal == due


def test_a_closing_after_the_issue_date_loses_nothing_when_every_payment_is_on_time() -> None:
    """A Closing on November 15, 1997 (the term sheet's issue date staying October 27): the
    Notes bear interest from the Closing (the first coupon 166,250.00, not 205,625.00), and
    full performance is that schedule, so a path paying everything on time loses nothing
    (it showed a loss of 38,961.38 at 5%, full performance counting 18 days never owed)."""
    from contract import load_terms

    text = "[deal]\nclosing_date = 1997-11-15\n"
    result = simulate(10, 3, model=ON_TIME, terms=text, discount="0.05")
    assert result.final_states == {"Repaid": 10}
    assert result.loss.p95 == result.loss.p5 == 0
    assert result.cash_to_holders.nominal.p50 == result.full_performance.nominal
    flows = full_performance(load_terms(text))
    assert flows[0] == (date(1998, 2, 2), Decimal("166250.00"))
    assert full_performance(load_model_terms()) == SCHEDULE_1997  # the 1997 Closing: as before


def test_a_term_sheet_maturing_in_2100_runs_to_the_end_of_2100() -> None:
    """Maturity on June 30, 2100 (a term sheet `npa new` takes): the paths stop at the last
    instant the engine holds, the end of 2100, instead of failing every path with "at:
    times must lie between 1900 and 2100", a field nobody gave."""
    from contract import load_terms
    from engine.clock import LATEST
    from engine.simulation.plan import Plan

    text = "[notes]\nmaturity = 2100-06-30\n"
    assert simulate(2, 1, model=ON_TIME, terms=text).final_states == {"Repaid": 2}
    assert sum(simulate(2, 1, terms=text).final_states.values()) == 2  # defaults, claims...
    assert Plan(load_terms(text), load_model(None), Decimal(0)).horizon == LATEST


@pytest.mark.parametrize(("maturity", "horizon_days"), [
    ("2000-08-01", 0),  # a Tuesday: the last coupon and principal fall due that morning
    ("2000-07-30", 1),  # a Sunday: paid on Monday the 31st, one day past maturity
    ("2000-07-30", 0),
])
def test_a_path_runs_past_the_day_of_the_last_payment(maturity: str, horizon_days: int) -> None:
    """The horizon counts from the end of the day the last payment falls due (maturity, or
    the next Business Day, 2.4): with `horizon_days = 0` a path that pays everything on time
    is Repaid. It stopped at midnight before maturity, so the final coupon and principal
    (paid at 10:00 and 10:30) were never paid and every such path was a loss of ~$7.8M."""
    text = f"[notes]\nmaturity = {maturity}\n"
    model = {**ON_TIME, "path": {"horizon_days": horizon_days}}
    result = simulate(3, 1, model=model, terms=text)
    assert result.final_states == {"Repaid": 3}
    assert result.loss.p95 == 0


def test_a_payment_over_the_largest_amount_is_paid_in_pieces() -> None:
    """$10^12 at 60% a year, paid every two years: each coupon is $1.2 x 10^12, more than
    one payment may carry (PRODUCT.md 11). The Company pays it in pieces at the same minute,
    as a treasury would wire it; the simulation stopped with "amount: amounts are at most
    1000000000000.00", a field nobody gave."""
    text = ('[deal]\npurchase_price = "1000000000000.00"\n[notes]\n'
            'principal = "1000000000000.00"\nrate = "0.6"\ninterest_cycle = "2Y"\n'
            'first_interest_date = 1999-10-27\nmaturity = 2001-10-27\n')
    result = simulate(2, 1, model=ON_TIME, terms=text)
    assert result.final_states == {"Repaid": 2}
    assert result.full_performance.nominal == Decimal("3400000000000.00")
    assert result.cash_to_holders.nominal.p5 == result.full_performance.nominal
    missed = simulate(2, 1, model={**MISSED, "recovery": {"fraction": 1, "delay_days": 0}},
                      terms=text)
    assert missed.final_states == {"Repaid": 2}  # all recovered at once, in pieces


def test_a_forked_deal_acts_apart_from_its_original() -> None:
    """Deal.fork shares the state and copies the events: acting on the fork leaves the
    original as it was, and the fork's status is the original's until then."""
    from engine import Deal
    from engine.demo import SIGNING_TO_OUTSTANDING

    original = Deal.create(None, "forked")
    for action in SIGNING_TO_OUTSTANDING:
        assert original.act(action).accepted
    fork = original.fork()
    assert fork.state is original.state and fork.status() == original.status()
    before = original.events
    assert fork.act({"type": "deliver_report", "actor": "company", "at": "1997-11-19T09:00",
                     "report": "q3-1997"}).accepted
    assert original.events == before and len(fork.events) == len(before) + 1
    assert original.status()["obligations"] != fork.status()["obligations"]


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
    st.decimals(allow_nan=True), st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["min", "mode", "max", "avg"]),
                    st.one_of(st.integers(-5, 500), st.floats(-1, 2), st.text(max_size=4)),
                    max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["path", "payments", "reports", "insolvency", "holders", "recovery",
                     "indemnity", "other"]),
    st.one_of(_VALUES, st.dictionaries(
        st.sampled_from(["on_time", "late", "missed", "never", "late_days", "hazard_per_year",
                         "fraction", "delay_days", "amount", "section", "notice_method",
                         "accelerate", "horizon_days", "claims_per_year", "x"]),
        _VALUES, max_size=5)),
    max_size=4))
def test_any_model_loads_or_is_one_model_error(given: dict[str, Any]) -> None:
    """Whatever a model holds, loading it gives a model or a ModelError naming a key."""
    try:
        model = load_model(given)
    except ModelError as exc:
        assert exc.field is not None and exc.field.startswith("model")
        assert "\n" not in str(exc)
    else:
        assert load_model(model.to_dict()) == model


def test_a_settled_claim_is_consented_settled_and_paid() -> None:
    """8.10: the Company consents in writing, Purchaser settles for the drawn fraction, the
    Company pays it."""
    model = {**ON_TIME, "indemnity": {
        "claims_per_year": 3, "acknowledged": 0, "settled": 1, "adjudicated": 0,
        "withdrawn": 0, "amount": "40000.00", "settlement_fraction": 0.5}}
    path = simulate_path(1, 2, model=model)
    kinds = [a.action.TYPE for a in path.attempts if a.result.accepted]
    assert {"consent_to_settlement", "settle_claim"} <= set(kinds)
    assert not [a for a in path.attempts if not a.result.accepted]
    paid = [c.amount for c in path.cash_flows if c.purpose == "indemnity"]
    assert paid and set(paid) == {Decimal("20000.00")}


def test_only_the_holders_late_reactions_are_ever_refused() -> None:
    """Over paths where much goes wrong, the engine refuses only what the parties try after
    the facts moved on (an acceleration or waiver after a cure, a breach notice after the
    late report, Holders acting once the principal is repaid): every payment, report, claim
    step and insolvency the model plans is accepted."""
    model = {"payments": {"on_time": 0.85, "late": 0.1, "missed": 0.05},
             "reports": {"on_time": 0.8, "late": 0.15, "never": 0.05},
             "insolvency": {"hazard_per_year": 0.15}, "indemnity": {"claims_per_year": 0.5}}
    refused = set()
    for k in range(1, 151):
        for attempt in simulate_path(k, 31, model=model).attempts:
            if not attempt.result.accepted:
                refused.add(attempt.action.TYPE)
    assert refused <= {"accelerate", "waive_default", "send_notice"}, refused


@pytest.mark.parametrize(("delay_days", "recovered"), [(600, True), (800, False)])
def test_a_recovery_due_after_the_end_of_the_path_is_not_paid_on_it(
        delay_days: int, recovered: bool) -> None:
    """Every payment missed: the first coupon's grace ends 1998-03-04, the Holders accelerate
    5 days later. The path ends 2000-02-01 plus horizon_days 0; a recovery 600 days on
    (late 1999) is paid, one 800 days on (2000) falls after the end and is not."""
    model = {**MISSED, "recovery": {"fraction": 0.4, "delay_days": delay_days},
             "path": {"horizon_days": 0}}
    result = simulate(2, 1, model=model)
    assert result.final_states == {"Default": 2}
    assert (result.cash_to_holders.nominal.mean > 0) is recovered
