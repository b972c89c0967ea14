"""Instants, not wall clocks (issue 9 item 18): every comparison, sort, deadline and stored
time works on the instant; New York wall time is only for reading and showing a time."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Deal, InvalidAction
from engine.clock import NEW_YORK, iso, parse_time, wall_time_problem
from engine.codec import from_record, to_record
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.events import ClockAdvanced
from engine.periods import end_of_days, same_wall_time_days_later


def _transition_days(first: int, last: int) -> list[tuple[date, str]]:
    """Every day New York's clocks changed from `first` to `last`, with "spring" or "autumn"."""
    days = []
    day = date(first, 1, 1)
    while day.year <= last:
        morning = datetime(day.year, day.month, day.day, 0, tzinfo=NEW_YORK).utcoffset()
        evening = datetime(day.year, day.month, day.day, 23, tzinfo=NEW_YORK).utcoffset()
        if morning != evening:
            assert morning is not None and evening is not None
            days.append((day, "spring" if evening > morning else "autumn"))
        day += timedelta(days=1)
    return days


TRANSITIONS = _transition_days(1990, 2030)


def _changed_hour(day: date) -> int:
    """The wall-clock hour that repeats (autumn) or is skipped (spring) on a transition day."""
    for hour in range(24):
        wall = datetime(day.year, day.month, day.day, hour)
        if wall_time_problem(wall) is not None:
            return hour
    raise AssertionError(f"no changed hour on {day}")  # pragma: no cover


def _settled() -> Deal:
    deal = Deal.create(None, "instants")
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    return deal


def _hand_notice(at: str, delivered: str) -> dict[str, Any]:
    return {"type": "send_notice", "actor": "purchaser", "at": at, "to": "company",
            "kind": "other", "notice": {"method": "hand", "delivered_at": delivered}}


def test_there_are_two_transition_days_a_year_from_1990_to_2030() -> None:
    """The scan finds both of each year's clock changes, 82 days in all."""
    assert len(TRANSITIONS) == 82
    assert TRANSITIONS[:2] == [(date(1990, 4, 1), "spring"), (date(1990, 10, 28), "autumn")]
    assert (date(1998, 10, 25), "autumn") in TRANSITIONS


def test_an_action_in_the_repeated_hour_is_later_by_its_instant_not_its_wall_clock() -> None:
    """01:10 EST comes 25 minutes after 01:45 EDT on 1998-10-25, so it is not out of order."""
    deal = _settled()
    assert deal.act({"type": "advance", "actor": "company",
                     "at": "1998-10-25T01:45-04:00"}).accepted
    result = deal.act(_hand_notice("1998-10-25T01:10-05:00", "1998-10-25T01:30-05:00"))
    assert result.accepted, result.reasons
    assert deal.state.clock == datetime(1998, 10, 25, 6, 10, tzinfo=UTC)


def test_an_action_an_instant_earlier_is_still_refused_in_the_repeated_hour() -> None:
    """01:45 EDT is 25 minutes before 01:10 EST: after the later one it is out of order."""
    deal = _settled()
    assert deal.act({"type": "advance", "actor": "company",
                     "at": "1998-10-25T01:10-05:00"}).accepted
    result = deal.act({"type": "advance", "actor": "company", "at": "1998-10-25T01:45-04:00"})
    assert not result.accepted
    assert [r.section for r in result.reasons] == ["time order"]


def test_status_as_of_shows_a_notice_effective_by_its_instant() -> None:
    """A notice delivered at 01:30 EDT (05:30Z) is effective at 06:00Z, which is 01:00 EST."""
    deal = _settled()
    assert deal.act(_hand_notice("1998-10-25T01:20-04:00", "1998-10-25T01:30-04:00")).accepted
    assert deal.act({"type": "advance", "actor": "company", "at": "1998-10-26T09:00"}).accepted
    [notice] = deal.status(as_of="1998-10-25T06:00Z")["notices"]
    assert (notice["status"], notice["effective_at"]) == ("effective",
                                                         "1998-10-25T01:30:00-04:00")
    [before] = deal.status(as_of="1998-10-25T05:29Z")["notices"]
    assert before["status"] == "pending"


@pytest.mark.parametrize(("text", "words"), [
    ("1998-10-25T01:30", "happens twice in New York"),
    ("1998-10-25T01:00", "happens twice in New York"),
    ("1998-04-05T02:30", "does not exist in New York"),
    ("1998-04-05T02:00", "does not exist in New York"),
])
def test_a_naive_time_in_a_changed_hour_is_invalid_and_asks_for_an_offset(
        text: str, words: str) -> None:
    """Without an offset, a time that happens twice or never names no instant: bad input."""
    deal = _settled()
    before = deal.events
    with pytest.raises(InvalidAction) as caught:
        deal.act({"type": "advance", "actor": "company", "at": text})
    assert caught.value.field == "at"
    assert words in caught.value.message and "give an offset" in caught.value.message
    assert deal.events == before


@pytest.mark.parametrize("text", ["1998-10-25T00:59", "1998-10-25T02:00", "1998-04-05T01:59",
                                  "1998-04-05T03:00", "1998-10-25T01:30-04:00",
                                  "1998-10-25T01:30-05:00", "1998-04-05T07:30Z"])
def test_times_next_to_the_changed_hours_or_with_an_offset_are_read(text: str) -> None:
    """Either side of the changed hour, and anything with an offset, names one instant."""
    assert parse_time(text).tzinfo is UTC


def test_status_as_of_a_naive_ambiguous_time_is_invalid() -> None:
    """`status --as-of` reads times as actions do."""
    with pytest.raises(InvalidAction, match="give an offset"):
        _settled().status(as_of="1998-10-25T01:30")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TRANSITIONS), st.integers(0, 59), st.integers(0, 59))
def test_every_changed_hour_of_1990_2030_is_refused_without_an_offset_and_ordered_with_one(
        transition: tuple[date, str], minute: int, other: int) -> None:
    """On every transition day of 1990-2030: a naive time in the changed hour is refused; the
    same minute with each offset is read, and times sort by their instants."""
    day, kind = transition
    hour = _changed_hour(day)
    naive = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    with pytest.raises(InvalidAction, match="give an offset"):
        parse_time(naive)
    with pytest.raises(InvalidAction, match="give an offset"):
        parse_time(datetime.fromisoformat(naive))
    edt, est = parse_time(naive + "-04:00"), parse_time(naive + "-05:00")
    assert est - edt == timedelta(hours=1)
    before = parse_time(f"{day.isoformat()}T{hour - 1:02d}:{minute:02d}")
    after = parse_time(f"{day.isoformat()}T{hour + 1:02d}:{minute:02d}")
    if kind == "autumn":  # the first 01:mm (EDT) and the second (EST) both happen, in order
        assert before < edt < est < after
        assert after - before == timedelta(hours=3)
        later = parse_time(f"{day.isoformat()}T{hour:02d}:{other:02d}-05:00")
        assert edt < later and sorted([later, edt]) == [edt, later]
        assert iso(later).endswith("-05:00") and iso(edt).endswith("-04:00")
    else:  # 02:mm -05:00 is 03:mm EDT, and 02:mm -04:00 is 01:mm EST
        assert (edt, est) == (before, after)
        assert after - before == timedelta(hours=1)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TRANSITIONS), st.integers(0, 23), st.integers(0, 59))
def test_a_naive_time_outside_the_changed_hour_round_trips_through_its_instant(
        transition: tuple[date, str], hour: int, minute: int) -> None:
    """Every other wall time of a transition day names one instant and shows as itself."""
    day, _ = transition
    wall = datetime(day.year, day.month, day.day, hour, minute)
    if hour == _changed_hour(day):
        return
    moment = parse_time(wall.isoformat())
    assert moment.tzinfo is UTC
    assert iso(moment)[:16] == wall.isoformat()[:16]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(TRANSITIONS), st.integers(0, 23), st.integers(0, 59))
def test_mail_is_effective_at_the_same_wall_time_five_days_later_following_the_clocks(
        transition: tuple[date, str], hour: int, minute: int) -> None:
    """8.5 by mail, computed by the engine: the same New York wall time five days after the
    postmark, never refused; a skipped time reads as the clocks do (an hour on), a repeated
    one as its first occurrence."""
    day, kind = transition
    postmark = parse_time(f"{(day - timedelta(days=5)).isoformat()}T{hour:02d}:{minute:02d}")
    effective = same_wall_time_days_later(postmark, 5)
    assert effective.tzinfo is UTC
    shown = effective.astimezone(NEW_YORK)
    if hour != _changed_hour(day):
        assert (shown.date(), shown.hour, shown.minute) == (day, hour, minute)
    elif kind == "spring":
        assert (shown.hour, shown.minute) == (hour + 1, minute)
    else:
        assert (shown.hour, shown.minute, shown.utcoffset()) == (hour, minute,
                                                                  timedelta(hours=-4))


def test_a_period_in_days_ends_at_new_york_midnight_as_an_instant() -> None:
    """Within 100 days after 1997-12-31: over at 1998-04-11 00:00 EDT, 04:00Z."""
    assert end_of_days(date(1997, 12, 31), 100) == datetime(1998, 4, 11, 4, 0, tzinfo=UTC)


def test_events_are_stored_in_utc_and_old_new_york_records_read_as_the_same_instant() -> None:
    """The codec writes instants in UTC; a record an earlier release wrote with a New York
    offset reads as the same instant."""
    event = ClockAdvanced(at=parse_time("1998-10-25T01:30-05:00"))
    assert to_record(event)["at"] == "1998-10-25T06:30:00+00:00"
    old = from_record({"type": "clock_advanced", "v": 1, "at": "1998-10-25T01:30:00-05:00"})
    assert old.at == event.at and old.at is not None and old.at.tzinfo is UTC


def test_the_sqlite_at_column_holds_the_instant_in_utc(tmp_path: Path) -> None:
    """Storage's `at` column is the UTC instant, so it sorts as time does."""
    from storage import SqliteStore

    path = tmp_path / "deals.db"
    with SqliteStore(str(path)) as store:
        deal = Deal.create(store, "utc")
        for action in SIGNING_TO_OUTSTANDING[:2]:
            assert deal.act(action).accepted
    rows = sqlite3.connect(path).execute(
        "SELECT at, data FROM events WHERE at IS NOT NULL ORDER BY seq").fetchall()
    assert rows and all(at.endswith("+00:00") for at, _ in rows)
    assert all(json.loads(data)["at"] == at for at, data in rows)
