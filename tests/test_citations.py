"""Refusals cite the rule that refuses (issue 9 item 19), and every timeline entry has one."""

from __future__ import annotations

from typing import Any

from engine import Deal
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.explain import TIME_ORDER, quote


def _settled() -> Deal:
    deal = Deal.create(None, "citations")
    for action in SIGNING_TO_OUTSTANDING:
        assert deal.act(action).accepted
    return deal


def _cited(result: Any) -> list[tuple[str, str]]:
    return [(r.section, r.message) for r in result.reasons]


def test_an_out_of_order_notice_is_refused_under_the_time_order_rule_not_8_5() -> None:
    """A notice dated before the deal's clock breaks the engine's time order, not 8.5."""
    deal = _settled()
    assert deal.act({"type": "advance", "actor": "company", "at": "1997-12-01T10:00"}).accepted
    result = deal.act({"type": "send_notice", "actor": "purchaser", "at": "1997-11-30T10:00",
                       "to": "company", "kind": "other",
                       "notice": {"method": "hand", "delivered_at": "1997-11-30T10:00"}})
    assert _cited(result) == [(TIME_ORDER, "this action is dated 1997-11-30T10:00:00-05:00, "
                                           "before the deal's clock at "
                                           "1997-12-01T10:00:00-05:00: actions are taken in "
                                           "time order")]
    assert result.reasons[0].text == quote(TIME_ORDER) and "time order" in quote(TIME_ORDER)


def test_a_holder_with_no_notes_who_accelerates_is_refused_under_schedule_1_and_7_1() -> None:
    """Acceleration belongs to Holders of a majority (Schedule 1); one holding no Notes has
    none by transfer either (7.1)."""
    deal = _settled()
    result = deal.act({"type": "accelerate", "actor": "holder:Special Fund, L.P.",
                       "at": "1997-12-01T10:00",
                       "notice": {"method": "hand", "delivered_at": "1997-12-01T10:00"}})
    assert _cited(result) == [
        ("Schedule 1", "the holder Special Fund, L.P. holds no Notes: only Holders of a "
                       "majority in principal may accelerate"),
        ("7.1", "the holder Special Fund, L.P. holds no Notes")]
    assert "ASSUMED" in result.reasons[0].text


def test_a_holder_with_no_notes_who_waives_a_default_is_refused_under_schedule_1() -> None:
    """Waiving an Event of Default is for Holders of a majority (Schedule 1) as well."""
    deal = _settled()
    result = deal.act({"type": "waive_default", "actor": "holder:acme",
                       "at": "1997-12-01T10:00", "event_of_default": "E1"})
    assert [section for section, _ in _cited(result)] == ["Schedule 1", "7.1"]


def test_no_timeline_entry_has_an_empty_section() -> None:
    """Every entry of every demo story's timeline cites where it rests, `clock_advanced`
    included ("time passing")."""
    for story in STORIES.values():
        deal = Deal.create(None, "timeline")
        for action in story():
            assert deal.act(action).accepted
        deal.act({"type": "advance", "actor": "company", "at": "2031-01-01T00:00"})
        entries = deal.timeline()
        assert all(entry["section"] for entry in entries), [
            e for e in entries if not e["section"]]
        assert any(e["event"] == "clock_advanced" and e["section"] == "time passing"
                   for e in entries)
