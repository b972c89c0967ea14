"""Properties of the engine under random and malformed actions (PRODUCT.md section 11)."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable
from contextlib import redirect_stderr, redirect_stdout, suppress
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import (
    any_input,
    any_path,
    json_texts,
    late_lives,
    life_with_noise,
    mutated_actions,
    valid_looking_actions,
)

from engine import ActionResult, Deal, InvalidAction, MemoryLog, verify
from engine import events as ev
from engine.cli import main
from engine.clock import new_york_date
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.events import PaymentMade
from engine.rules.indemnity import indemnifiable
from engine.state import DealState, replay, times_in_order
from engine.status import status_of
from storage import SqliteStore

DEAL = "p"
SOME = settings(max_examples=200, deadline=None)
FEW = settings(max_examples=50, deadline=None,
               suppress_health_check=[HealthCheck.too_slow])


def take(deal: Deal, actions: Iterable[Any]) -> None:
    """Feed actions to a deal, passing over the invalid ones as a platform would."""
    for action in actions:
        with suppress(InvalidAction):
            deal.act(action)


def outcome(deal: Deal, action: Any) -> ActionResult | InvalidAction:
    """What `Deal.act` made of an action: its result, or the InvalidAction it raised."""
    try:
        return deal.act(action)
    except InvalidAction as exc:
        return exc


def demo_deal(steps: int) -> Deal:
    """An in-memory deal after the first `steps` actions of the demo path."""
    deal = Deal.create(None, DEAL)
    for action in SIGNING_TO_OUTSTANDING[:steps]:
        assert deal.act(action).accepted
    return deal


# --- (a) anything in: a result or InvalidAction out -------------------------


@SOME
@given(steps=st.integers(0, len(SIGNING_TO_OUTSTANDING)), action=any_input)
def test_act_gives_a_result_or_invalid_action(steps: int, action: Any) -> None:
    """Whatever it is given, `Deal.act` gives a result or raises InvalidAction naming a field."""
    got = outcome(demo_deal(steps), action)
    assert isinstance(got, ActionResult | InvalidAction)
    if isinstance(got, InvalidAction):
        assert isinstance(got.field, str)
        assert got.field
        assert str(got).startswith(f"{got.shown_field}: ")
        assert "\n" not in str(got) and "\r" not in str(got)


@SOME
@given(steps=st.integers(0, len(SIGNING_TO_OUTSTANDING)), action=any_input)
def test_why_not_gives_reasons_or_invalid_action(steps: int, action: Any) -> None:
    """Whatever it is given, `Deal.why_not` returns a list of reasons or raises InvalidAction."""
    try:
        reasons = demo_deal(steps).why_not(action)
    except InvalidAction as exc:
        assert exc.field
    else:
        assert all(reason.section and reason.message and reason.text for reason in reasons)


@SOME
@given(action=any_input)
@example(action={"type": "sign", "actor": "company", "at": "1997-10-27T09:00", "a\nb": 1})
@example(action={"type": "amend", "actor": "company", "at": "1997-10-27T09:00",
                 "changes": {"x\ny": "1"}, "signed_by": ["company"], "in_writing": True})
@example(action={"type": "pay", "actor": "company", "at": "1997-10-27T09:00",
                 "purpose": "interest", "amount": "1.001\n"})
def test_invalid_action_is_one_line(action: Any) -> None:
    """An InvalidAction's message is a single line, whatever the input's keys hold."""
    got = outcome(Deal.create(None, DEAL), action)
    if isinstance(got, InvalidAction):
        assert len(str(got).splitlines()) == 1


def breaks_lines(value: Any) -> bool:
    """Whether any text in a value, key or element, holds a line break."""
    if isinstance(value, str):
        return len(f"a{value}a".splitlines()) > 1
    if isinstance(value, dict):
        return any(breaks_lines(k) or breaks_lines(v) for k, v in value.items())
    if isinstance(value, list):
        return any(breaks_lines(item) for item in value)
    return False


@SOME
@given(action=any_input.filter(lambda a: not breaks_lines(a)))
def test_invalid_action_is_one_line_for_input_without_line_breaks(action: Any) -> None:
    """For input holding no line break, an InvalidAction's message is a single line."""
    got = outcome(Deal.create(None, DEAL), action)
    if isinstance(got, InvalidAction):
        assert len(str(got).splitlines()) == 1


def test_a_python_float_is_not_an_amount() -> None:
    """A float handed to `Deal.act` is refused as bad input naming `amount`, never guessed at."""
    deal = demo_deal(10)
    action = {"type": "pay", "actor": "purchaser", "at": "1997-10-27T11:00",
              "purpose": "purchase_price", "amount": 7500000.0}
    got = outcome(deal, action)
    assert isinstance(got, InvalidAction)
    assert got.field == "amount"
    assert deal.act({**action, "amount": Decimal("7500000.00")}).accepted


def cli(db: str, *args: str) -> tuple[int, str, str]:
    """Run `npa ARGS --db DB` in process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main([*args, "--db", db])
        except SystemExit as exc:
            code = exc.code
        else:
            code = 0
    return code if isinstance(code, int) else -1, out.getvalue(), err.getvalue()


def stored(db: str) -> list[Any]:
    """The deal's stored events, read back from the file."""
    with SqliteStore(db) as store:
        return store.load(DEAL)


def test_npa_act_exits_0_1_or_2_with_at_most_one_line() -> None:
    """`npa act` on random input exits 0, 1 or 2, at most one line on stderr, storing only on 0."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "deals.db")
        assert cli(db, "new", DEAL)[0] == 0

        @FEW
        @given(text=st.one_of(
            any_input.map(lambda a: json.dumps(a, default=str)),
            json_texts.map(json.dumps),
            mutated_actions().map(lambda a: json.dumps(a, default=str)),
            st.text(max_size=60).filter(lambda t: t != "-" and not t.startswith(("@", "-"))),
        ))
        def check(text: str) -> None:
            before = stored(db)
            code, _, err = cli(db, "act", DEAL, text)
            assert code in (0, 1, 2), err
            assert len(err.splitlines()) <= 1, err
            assert "Traceback" not in err
            if code == 2:
                assert err.startswith("npa: error: ")
            if code != 0:
                assert stored(db) == before

        check()


# --- (b) a refused or invalid action changes nothing -------------------------


@SOME
@given(path=any_path, action=st.one_of(valid_looking_actions, mutated_actions()))
def test_refused_or_invalid_action_changes_nothing(path: list[Any], action: Any) -> None:
    """After a refused or invalid action the events and the status are what they were,
    and every reason of a refusal quotes its clause."""
    log = MemoryLog()
    deal = Deal.create(log, DEAL)
    take(deal, path)
    events, shown = deal.events, deal.status()
    got = outcome(deal, action)
    if isinstance(got, ActionResult) and got.accepted:
        assert len(deal.events) > len(events)
        return
    if isinstance(got, ActionResult):
        assert all(reason.section and reason.message and reason.text for reason in got.reasons)
    assert (deal.events, deal.status(), tuple(log.load(DEAL))) == (events, shown, events)


# --- (c) replay rebuilds the status -------------------------------------------


@SOME
@given(path=any_path)
def test_load_rebuilds_the_status_from_memory(path: list[Any]) -> None:
    """`Deal.load` of the same memory log gives the same events and the same status."""
    log = MemoryLog()
    deal = Deal.create(log, DEAL)
    take(deal, path)
    loaded = Deal.load(log, DEAL)
    assert (loaded.events, loaded.status(), loaded.timeline()) == (
        deal.events, deal.status(), deal.timeline())


@FEW
@given(path=any_path)
def test_load_rebuilds_the_status_from_sqlite(path: list[Any]) -> None:
    """`Deal.load` of the same SQLite store gives the same events and status, and verify passes."""
    with SqliteStore(":memory:") as store:
        deal = Deal.create(store, DEAL)
        take(deal, path)
        loaded = Deal.load(store, DEAL)
        assert (loaded.events, loaded.status()) == (deal.events, deal.status())
        assert verify(store, DEAL) == []


def test_load_rebuilds_the_whole_demo_from_sqlite() -> None:
    """The demo path stored in SQLite loads back to the same Outstanding status."""
    with SqliteStore(":memory:") as store:
        deal = Deal.create(store, DEAL)
        take(deal, SIGNING_TO_OUTSTANDING)
        loaded = Deal.load(store, DEAL)
        assert (loaded.events, loaded.status()) == (deal.events, deal.status())
        assert loaded.status()["state"] == "Outstanding"


# --- (d) status is the fold of the events -------------------------------------


@SOME
@given(path=any_path)
def test_status_is_the_fold_of_the_events(path: list[Any]) -> None:
    """A deal's status equals the status of its events folded afresh with `replay`."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    assert deal.status() == status_of(replay(deal.events))
    assert deal.state == replay(deal.events)


@SOME
@given(path=any_path, cut=st.integers(min_value=0))
def test_status_as_of_a_past_event_is_the_fold_up_to_it(path: list[Any], cut: int) -> None:
    """Status as of an event's moment equals the fold of every event up to that moment."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    dated = [event for event in deal.events if event.at is not None]
    if not dated:
        return
    moment = dated[cut % len(dated)].at
    assert moment is not None
    then = replay(e for e in deal.events if e.at is None or e.at <= moment)
    assert deal.status(moment) == status_of(then, moment)


# --- (e) the Notes' life: money adds up ----------------------------------------


@SOME
@given(path=life_with_noise())
def test_payments_to_the_holders_add_up(path: list[Any]) -> None:
    """Each payment's shares add up to it, and the holdings to the principal not yet repaid."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    for event in deal.events:
        if isinstance(event, PaymentMade) and event.payee == "holders":
            assert sum(event.shares.values(), Decimal("0.00")) == event.amount
            assert all(share >= 0 for share in event.shares.values())
    status = deal.status()
    held = sum((Decimal(amount) for amount in status["holders"].values()), Decimal("0.00"))
    assert held + Decimal(status["balances"]["principal_paid"]) == deal.state.terms.notes.principal


# --- (f) 8.9 and 8.10: claims and expenses add up ---------------------------------


@SOME
@given(path=life_with_noise())
def test_indemnities_and_expenses_add_up(path: list[Any]) -> None:
    """Each claim's payments come from the party claimed against and add up to what it shows
    as paid, never more than claimed, nor than was indemnifiable when paid; the expenses paid
    never exceed those presented."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    claims = {claim["id"]: claim for claim in deal.status()["claims"]}
    paid = dict.fromkeys(claims, Decimal("0.00"))
    for i, event in enumerate(deal.events):
        if isinstance(event, PaymentMade) and event.purpose == "indemnity":
            assert event.claim is not None
            claim = claims[event.claim]
            assert (event.payer, event.payee) == (claim["against"], claim["claimant"])
            before = replay(deal.events[:i]).claims[event.claim]
            assert 0 < event.amount <= indemnifiable(before) - before.paid
            paid[event.claim] += event.amount
    for ident, claim in claims.items():
        assert Decimal(claim["paid"]) == paid[ident]
        assert Decimal(claim["indemnifiable"]) <= Decimal(claim["claimed"])
        assert Decimal(claim["paid"]) <= Decimal(claim["claimed"])
        if claim["status"] in ("notice pending", "not asserted", "withdrawn", "failed"):
            assert Decimal(claim["indemnifiable"]) == 0
    presented = sum((x.amount for x in deal.state.expenses.values()), Decimal("0.00"))
    spent = sum((e.amount for e in deal.events
                 if isinstance(e, PaymentMade) and e.purpose == "expenses"), Decimal("0.00"))
    assert spent <= presented


# --- (f) issue 9 item 2: time order, nothing before the issue, status as of any t ----

#: The deadlines of the Notes (Schedule 1, 6.1): none falls before the Notes are issued.
NOTES_DEADLINES = ("report_due", "interest_due", "interest_grace", "principal_due",
                   "cure_period")
#: What only Notes that exist can have: breaches of section 6, Events of Default,
#: cure periods and acceleration.
NOTES_EVENTS = (ev.BreachOccurred, ev.DefaultOccurred, ev.CurePeriodStarted, ev.Accelerated)
LIVES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def before_the_issue(events: Iterable[ev.Event]) -> list[str]:
    """Every breach, Event of Default, cure period, acceleration or Notes deadline of a log
    that comes before the Notes were issued (settlement complete), in the log or in time,
    and every obligation of the Notes due before the day of issue: empty when none does.

    Section 6 binds "from and after the Closing Date so long as any of the Notes shall
    remain outstanding"; nothing of the Notes exists before they are issued. The
    obligations of the Agreement itself (the Transaction Fee of 2.2, expenses of 8.9) are
    not the Notes' and may come before.
    """
    problems: list[str] = []
    state = DealState()
    issued: datetime | None = None
    for seq, event in enumerate(events, start=1):
        notes_event = isinstance(event, NOTES_EVENTS) or (
            isinstance(event, ev.DeadlinePassed) and event.kind in NOTES_DEADLINES)
        if notes_event and (issued is None or (event.at is not None and event.at < issued)):
            problems.append(f"event {seq} ({event.TAG}) at {event.at} comes before the Notes "
                            f"were issued ({issued})")
        if isinstance(event, ev.StateChanged) and event.trigger == "settle":
            issued = event.at
        state = replay([event], state)
    if issued is not None:
        day = new_york_date(issued)
        for owed in status_of(state)["obligations"]:
            due = owed["due"]
            if owed["section"] in ("Schedule 1", "6.1(a)", "6.1(b)") and due < day.isoformat():
                problems.append(f"obligation {owed['id']} is due {due}, before the issue on {day}")
        problems += [f"deadline {d.key} is due {d.due}, before the issue"
                     for d in state.deadlines if d.kind in NOTES_DEADLINES and d.due < issued]
    return problems


def test_the_issue_check_finds_what_comes_before_the_issue() -> None:
    """The checker itself: a forged log with an Event of Default before the settlement, and
    one with a breach dated before the issue though logged after it, are both reported."""
    deal = demo_deal(len(SIGNING_TO_OUTSTANDING))
    good = list(deal.events)
    assert before_the_issue(good) == []
    early = ev.DefaultOccurred(at=good[-1].at, event_of_default="E1", kind="e",
                               description="insolvency", cause="insolvency")
    assert before_the_issue([*good[:-1], early, good[-1]]) == [
        f"event {len(good)} (default_occurred) at {good[-1].at} comes before the Notes were "
        "issued (None)"]
    assert good[1].at is not None
    backdated = ev.BreachOccurred(at=good[1].at, breach="B1", section="6.3",
                                  description="a merger")
    assert len(before_the_issue([*good, backdated])) == 1


@LIVES
@given(path=st.one_of(late_lives(), life_with_noise()))
def test_a_life_is_in_time_order_and_owes_nothing_before_the_issue(path: list[Any]) -> None:
    """Over random lives, settled on the Closing Date or later: no event is dated before
    the one it follows, and no breach, obligation or Event of Default comes before the
    Notes were issued."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    assert times_in_order(deal.events) == []
    assert before_the_issue(deal.events) == []


@LIVES
@given(path=st.one_of(late_lives(), life_with_noise()), where=st.integers(0, 10**9))
def test_status_as_of_any_time_is_the_replay_up_to_it(path: list[Any], where: int) -> None:
    """For any moment t within a life's log (not only an event's), `status --as-of t` equals
    the log replayed up to t: nothing falls due at t that the log does not hold already."""
    deal = Deal.create(None, DEAL)
    take(deal, path)
    dated = [event.at for event in deal.events if event.at is not None]
    first, last = dated[0], dated[-1]
    span = int((last - first).total_seconds())
    moment = first + timedelta(seconds=where % (span + 1))
    then = replay(e for e in deal.events if e.at is None or e.at <= moment)
    assert deal.status(moment) == status_of(then, moment)
