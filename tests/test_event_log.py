"""The EventLog contract: the same checks on the memory log and on SQLite (memory and file)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import ConcurrencyConflict, DealExists, InvalidDealId, UnknownDeal
from engine.events import (
    ClockAdvanced,
    ConditionWaived,
    DealCreated,
    Event,
    NotesDelivered,
    PaymentMade,
    Signed,
    TermsAmended,
)
from engine.ports import Accepted, Commit, EventLog, MemoryLog
from storage import SqliteStore

NEW_YORK = ZoneInfo("America/New_York")
EASTERN_DAYLIGHT = timezone(timedelta(hours=-4))
AT = datetime(1997, 10, 27, 9, 0, tzinfo=EASTERN_DAYLIGHT)

LogFactory = Callable[[], EventLog]


def snapshot() -> dict[str, Any]:
    """A status as the engine would give it, for the query tables."""
    return {"state": "Draft", "conditions": {"5.1(d)": "pending"}}


def created(deal_id: str = "lexington-1997") -> DealCreated:
    """The first event of a deal."""
    return DealCreated(at=None, deal_id=deal_id, terms={"principal": "7500000.00", "rate": "0.105"})


def every_kind() -> list[Event]:
    """Events with offsets, zones, Decimals, tuples and maps in their fields."""
    return [
        Signed(at=AT, party="company"),
        Signed(at=datetime(1997, 10, 27, 14, 0, tzinfo=UTC), party="purchaser"),
        ConditionWaived(
            at=datetime(1997, 10, 28, 9, 30, tzinfo=NEW_YORK), condition="5.1(d)", by="purchaser"
        ),
        NotesDelivered(at=AT, denominations=(Decimal("7000000.00"), Decimal("500000.00"))),
        PaymentMade(
            at=AT + timedelta(hours=1),
            purpose="purchase price",
            amount=Decimal("7500000.00"),
            payer="purchaser",
            payee="company",
        ),
        TermsAmended(at=AT, changes={"rate": "0.11"}, signed_by=("company", "purchaser")),
        ClockAdvanced(at=datetime(2000, 2, 29, 23, 59, 59, 999999, tzinfo=NEW_YORK)),
    ]


@pytest.fixture(params=["memory", "sqlite-memory", "sqlite-file"])
def make_log(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LogFactory]:
    """A factory of fresh, empty logs of one kind, closed after the test."""
    opened: list[SqliteStore] = []
    numbers = itertools.count()

    def make() -> EventLog:
        if request.param == "memory":
            return MemoryLog()
        path = ":memory:" if request.param == "sqlite-memory" else tmp_path / f"{next(numbers)}.db"
        store = SqliteStore(path)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def log(make_log: LogFactory) -> EventLog:
    """A fresh, empty log."""
    return make_log()


def test_every_log_fulfils_the_protocol(log: EventLog) -> None:
    """Each store is an EventLog as the engine's protocol checks it."""
    assert isinstance(log, EventLog)


def test_create_then_load_gives_the_same_events(log: EventLog) -> None:
    """A created deal loads back with exactly the events it was created with."""
    first = [created(), Signed(at=AT, party="company")]
    log.create("lexington-1997", first, snapshot)
    assert log.load("lexington-1997") == first
    assert log.exists("lexington-1997")


def test_append_after_the_last_seq_extends_the_log(log: EventLog) -> None:
    """Appends that name the current seq add their events in order."""
    log.create("d", [created("d")], snapshot)
    log.append("d", 1, [Signed(at=AT, party="company")], snapshot)
    log.append("d", 2, [Signed(at=AT, party="purchaser"), ClockAdvanced(at=AT)], snapshot)
    assert log.load("d") == [
        created("d"),
        Signed(at=AT, party="company"),
        Signed(at=AT, party="purchaser"),
        ClockAdvanced(at=AT),
    ]


def test_append_with_a_stale_seq_raises_conflict_and_changes_nothing(log: EventLog) -> None:
    """An append that names a seq the log has moved past is refused whole."""
    log.create("d", [created("d")], snapshot)
    log.append("d", 1, [Signed(at=AT, party="company")], snapshot)
    with pytest.raises(ConcurrencyConflict):
        log.append("d", 1, [Signed(at=AT, party="purchaser"), ClockAdvanced(at=AT)], snapshot)
    with pytest.raises(ConcurrencyConflict):
        log.append("d", 3, [ClockAdvanced(at=AT)], snapshot)
    assert log.load("d") == [created("d"), Signed(at=AT, party="company")]


def test_loading_an_unknown_deal_raises_unknown_deal(log: EventLog) -> None:
    """A deal that was never created cannot be loaded."""
    log.create("d", [created("d")], snapshot)
    with pytest.raises(UnknownDeal):
        log.load("e")
    assert not log.exists("e")


def test_appending_to_an_unknown_deal_raises_unknown_deal(log: EventLog) -> None:
    """Appending to a deal that was never created is refused and creates nothing."""
    with pytest.raises(UnknownDeal):
        log.append("ghost", 0, [Signed(at=AT, party="company")], snapshot)
    assert log.deal_ids() == []


def test_creating_a_deal_twice_raises_deal_exists(log: EventLog) -> None:
    """A second create under the same id is refused and leaves the first log alone."""
    log.create("d", [created("d")], snapshot)
    with pytest.raises(DealExists):
        log.create("d", [created("d"), Signed(at=AT, party="company")], snapshot)
    assert log.load("d") == [created("d")]


@pytest.mark.parametrize(
    "bad_id", ["", "x" * 65, "has space", "a/b", "semi;colon", "café", "line\nbreak", None, 7]
)
def test_bad_deal_ids_raise_invalid_deal_id(log: EventLog, bad_id: Any) -> None:
    """Ids outside 1 to 64 letters, digits, '.', '_' and '-' are refused at create."""
    with pytest.raises(InvalidDealId):
        log.create(bad_id, [created("d")], snapshot)
    assert log.deal_ids() == []


def test_the_longest_and_oddest_valid_ids_are_accepted(log: EventLog) -> None:
    """Ids of 64 characters and of dots, dashes and underscores are deal ids."""
    for deal_id in ("x" * 64, "._-", "A.b_C-9"):
        log.create(deal_id, [created(deal_id)], snapshot)
    assert log.deal_ids() == sorted(["x" * 64, "._-", "A.b_C-9"])


def test_deal_ids_are_sorted(log: EventLog) -> None:
    """deal_ids lists every created deal in sorted order."""
    for deal_id in ("m", "B", "a", "z-1", "z.0"):
        log.create(deal_id, [created(deal_id)], snapshot)
    assert log.deal_ids() == ["B", "a", "m", "z-1", "z.0"]


def test_deals_keep_separate_sequences(log: EventLog) -> None:
    """Each deal counts its own seq from 1, whatever happens to the others."""
    log.create("a", [created("a")], snapshot)
    log.create("b", [created("b")], snapshot)
    log.append("a", 1, [Signed(at=AT, party="company")], snapshot)
    log.append("b", 1, [Signed(at=AT, party="purchaser")], snapshot)
    assert log.load("a") == [created("a"), Signed(at=AT, party="company")]
    assert log.load("b") == [created("b"), Signed(at=AT, party="purchaser")]


def test_events_of_every_kind_round_trip_equal(log: EventLog) -> None:
    """Times with offsets, Decimals, tuples and maps load back equal to what was stored."""
    events = every_kind()
    log.create("d", [created("d"), *events[:3]], snapshot)
    log.append("d", 4, events[3:], snapshot)
    loaded = log.load("d")
    assert loaded == [created("d"), *events]
    assert [type(event.at) for event in loaded[1:]] == [datetime] * len(events)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    batches=st.lists(st.lists(st.sampled_from(every_kind()), max_size=4), max_size=6),
)
def test_any_batching_of_appends_loads_back_in_order(
    make_log: LogFactory, batches: list[list[Event]]
) -> None:
    """However the events are split into appends, the log loads them back in order."""
    log = make_log()
    log.create("d", [created("d")], snapshot)
    expected: list[Event] = [created("d")]
    for batch in batches:
        log.append("d", len(expected), batch, snapshot)
        expected.extend(batch)
    assert log.load("d") == expected


def test_transact_hands_the_step_the_events_after_its_seq_and_appends_its_commit(
    log: EventLog,
) -> None:
    """A step sees exactly the events stored after the seq it names; its Commit is appended."""
    log.create("d", [created("d")], snapshot)
    log.append("d", 1, [Signed(at=AT, party="company")], snapshot)
    seen: list[Sequence[Event]] = []

    def step(newer: Sequence[Event], prior: Accepted | None) -> tuple[str, Commit | None]:
        seen.append(list(newer))
        return "done", Commit([ClockAdvanced(at=AT)], snapshot)

    assert log.transact("d", 1, step) == "done"
    assert log.transact("d", 3, step) == "done"
    assert seen == [[Signed(at=AT, party="company")], []]
    assert log.load("d")[2:] == [ClockAdvanced(at=AT), ClockAdvanced(at=AT)]


def test_transact_remembers_a_request_id_only_with_its_events(log: EventLog) -> None:
    """A Commit's request is found by the next step with that id; a step that commits
    nothing, or raises, leaves no trace."""
    log.create("d", [created("d")], snapshot)
    accepted = Accepted("f" * 64, {"accepted": True, "state": "Drafted"})
    found: list[Accepted | None] = []

    def remember(newer: Sequence[Event], prior: Accepted | None) -> tuple[None, Commit]:
        found.append(prior)
        return None, Commit([ClockAdvanced(at=AT)], snapshot, ("r1", accepted))

    def nothing(newer: Sequence[Event], prior: Accepted | None) -> tuple[None, None]:
        found.append(prior)
        return None, None

    def fails(newer: Sequence[Event], prior: Accepted | None) -> tuple[None, None]:
        raise ValueError("refused")

    log.transact("d", 1, nothing, "r0")
    with pytest.raises(ValueError):
        log.transact("d", 1, fails, "r1")
    log.transact("d", 1, remember, "r1")
    log.transact("d", 2, nothing, "r1")
    log.transact("d", 2, nothing, "r0")
    assert found == [None, None, accepted, None]
    assert len(log.load("d")) == 2


def test_transact_on_an_unknown_deal_raises_unknown_deal(log: EventLog) -> None:
    """A transaction on a deal that was never created runs no step."""
    with pytest.raises(UnknownDeal):
        log.transact("ghost", 0, lambda newer, prior: pytest.fail("ran"))
