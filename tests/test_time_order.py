"""No event is dated before the event it follows (PRODUCT.md section 5): one check,
`engine.state.times_in_order`, used by `verify` (and by storage to refuse broken logs)."""

from __future__ import annotations

from engine import Deal, MemoryLog, verify
from engine.clock import parse_time
from engine.demo import SIGNING_TO_OUTSTANDING
from engine.events import ClockAdvanced, DealCreated, Signed
from engine.state import times_in_order


def test_a_log_in_time_order_passes() -> None:
    """The demo's log, signing to Outstanding, is in time order."""
    deal = Deal.create(None, "ordered")
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    assert times_in_order(deal.events) == []


def test_an_event_dated_before_the_one_it_follows_is_reported() -> None:
    """An event earlier than its predecessor is named by its position; equal times are in
    order, and the undated creation is passed over."""
    events = [DealCreated(at=None, deal_id="d", terms={}),
              Signed(at=parse_time("1997-10-27T09:00"), party="company"),
              Signed(at=parse_time("1997-10-27T09:00"), party="purchaser"),
              ClockAdvanced(at=parse_time("1997-10-27T08:59")),
              ClockAdvanced(at=parse_time("1997-10-27T09:30"))]
    assert times_in_order(events) == [
        "event 4 (clock_advanced) is dated 1997-10-27T08:59:00-05:00, before the event it "
        "follows (1997-10-27T09:00:00-05:00)"]


def test_verify_reports_a_log_whose_times_go_backwards() -> None:
    """`verify` finds a log whose times go backwards, though its sequence is whole."""
    log = MemoryLog()
    deal = Deal.create(log, "backwards")
    assert deal.act(SIGNING_TO_OUTSTANDING[0]).accepted
    log.append("backwards", 2, [ClockAdvanced(at=parse_time("1997-10-26T10:00"))],
               lambda: {})
    assert verify(log, "backwards") == [
        "event 3 (clock_advanced) is dated 1997-10-26T10:00:00-05:00, before the event it "
        "follows (1997-10-27T09:00:00-05:00)"]
