"""8.5 Notices and time that moves: effective times, defects, addresses, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from engine import Deal, InvalidAction
from engine.cli import main
from engine.clock import parse_time
from engine.periods import end_of_days, same_wall_time_days_later

COMPANY_ADDRESS = "767 Third Avenue, 29th Floor, New York, New York 10017-2023"


def notice(deal: Deal, at: str, method: str, sender: str = "purchaser", to: str = "company",
           kind: str = "other", **how: Any) -> Any:
    """Send a notice by `method` with the times and options in `how`."""
    extra = {k: how.pop(k) for k in ("new_address", "new_fax") if k in how}
    return deal.act({"type": "send_notice", "actor": sender, "at": at, "to": to, "kind": kind,
                     "notice": {"method": method, **how}, **extra})


def sent(deal: Deal, notice_id: str = "N1") -> dict[str, Any]:
    """The status entry of a notice."""
    return next(n for n in deal.status()["notices"] if n["id"] == notice_id)


@pytest.fixture
def deal() -> Deal:
    """A fresh 1997 deal, in memory."""
    return Deal.create(None, "n")


def test_by_hand_a_notice_takes_effect_upon_delivery(deal: Deal) -> None:
    """8.5: "delivered by hand (effective upon delivery)"."""
    result = notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T10:00")
    assert result.created == {"notice": "N1"}
    assert [c["event"] for c in result.consequences] == ["notice_sent", "notice_took_effect"]
    assert sent(deal)["status"] == "effective"
    assert sent(deal)["effective_at"] == "1998-04-15T10:00:00-04:00"


def test_a_later_hand_delivery_takes_effect_to_the_minute(deal: Deal) -> None:
    """A notice handed over at 14:37 is not effective at 14:36."""
    notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T14:37")
    assert deal.status("1998-04-15T14:36")["notices"][0]["status"] == "pending"
    assert deal.status("1998-04-15T14:37")["notices"][0]["status"] == "effective"


def test_by_mail_five_days_after_the_postmark_at_the_same_new_york_time(deal: Deal) -> None:
    """8.5: "effective five days following the time of postmark"."""
    notice(deal, "1998-04-15T10:00", "registered_mail", postmarked_at="1998-04-15T16:20")
    assert sent(deal)["effective_at"] == "1998-04-20T16:20:00-04:00"


@pytest.mark.parametrize(("postmark", "effective"), [
    ("1998-03-31T10:00", "1998-04-05T10:00:00-04:00"),   # EST to EDT: 119 hours later
    ("1998-10-22T10:00", "1998-10-27T10:00:00-05:00"),   # EDT to EST: 121 hours later
])
def test_daylight_saving_does_not_move_the_mail_rule_by_an_hour(
    deal: Deal, postmark: str, effective: str
) -> None:
    """Five days after the postmark is the same wall-clock time, across a clock change."""
    notice(deal, postmark, "certified_mail", postmarked_at=postmark)
    assert sent(deal)["effective_at"] == effective


def test_mail_without_return_receipt_is_no_notice(deal: Deal) -> None:
    """8.5 asks for "registered or certified mail, return receipt requested"."""
    notice(deal, "1998-04-15T10:00", "registered_mail", postmarked_at="1998-04-15T10:00",
           return_receipt_requested=False)
    assert sent(deal)["status"] == "no effect"
    assert sent(deal)["defects"] == ["sent by registered mail without return receipt requested"]


def test_by_facsimile_upon_confirmation(deal: Deal) -> None:
    """8.5: "by facsimile (effective upon receipt of confirmation of transmission)"."""
    notice(deal, "1998-04-15T10:00", "fax", confirmed_at="1998-04-15T10:03")
    assert sent(deal)["effective_at"] == "1998-04-15T10:03:00-04:00"


def test_no_confirmation_no_notice(deal: Deal) -> None:
    """A facsimile with no confirmation of transmission is recorded and has no effect."""
    result = notice(deal, "1998-04-15T10:00", "fax")
    assert result.accepted
    assert sent(deal)["effective_at"] is None
    assert sent(deal)["defects"] == ["no confirmation of transmission was received"]


def test_a_facsimile_to_the_wrong_number_is_no_notice(deal: Deal) -> None:
    """The notice must reach the party's facsimile number of 8.5."""
    notice(deal, "1998-04-15T10:00", "fax", confirmed_at="1998-04-15T10:01",
           address="(212) 555-0100")
    assert sent(deal)["defects"] == [
        "sent to facsimile (212) 555-0100, not the Company's number for notices, (212) 319-4659"]


def test_the_right_number_written_differently_is_the_same_number(deal: Deal) -> None:
    """212-319-4659 is (212) 319-4659."""
    notice(deal, "1998-04-15T10:00", "fax", confirmed_at="1998-04-15T10:01",
           address="212-319-4659")
    assert sent(deal)["defects"] == []


@pytest.mark.parametrize("method", ["email", "ordinary_mail", "courier"])
def test_any_other_method_is_no_notice_but_is_recorded(deal: Deal, method: str) -> None:
    """E-mail, ordinary mail and couriers are not methods of 8.5."""
    result = notice(deal, "1998-04-15T10:00", method)
    assert result.accepted and result.created == {"notice": "N1"}
    assert sent(deal)["status"] == "no effect"
    assert "is not a way of giving notice under 8.5" in sent(deal)["defects"][0]
    # The summary quotes the word as given: "by 'registered mail'" read like the method.
    [summary] = [c["summary"] for c in result.consequences if "sent by" in c["summary"]]
    assert f"to the Company by {method!r}: no effect" in summary


@pytest.mark.parametrize(("method", "shown"), [("registered mail", "'registered mail'"),
                                               ("HAND", "'HAND'"),
                                               ("registered_mail", "registered mail")])
def test_a_notice_summary_reads_a_method_only_when_it_is_one(
        deal: Deal, method: str, shown: str) -> None:
    """A typo of a method ("registered mail", "HAND") is quoted in the summary, not shown
    as the method it resembles; a method of 8.5 reads in words."""
    result = notice(deal, "1998-04-15T10:00", method, postmarked_at="1998-04-15T10:00")
    [summary] = [c["summary"] for c in result.consequences if "sent by" in c["summary"]]
    assert f"to the Company by {shown}" in summary


def test_a_notice_to_the_wrong_address_has_no_effect(deal: Deal) -> None:
    """The notice must go to the party "at the following addresses"."""
    notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T10:00",
           address="1 Main Street, New York, New York")
    assert sent(deal)["defects"] == [
        f"sent to 1 Main Street, New York, New York, not the Company's address for notices, "
        f"{COMPANY_ADDRESS}"]
    assert deal.status()["deadlines"] == []


def test_the_right_address_with_the_addressee_named_is_the_right_address(deal: Deal) -> None:
    """Writing the company's name before its street lines is still its address."""
    notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T10:00",
           address=f"Lexington Precision Corporation, {COMPANY_ADDRESS}")
    assert sent(deal)["status"] == "effective"


def test_a_missing_copy_recipient_defeats_the_notice(deal: Deal) -> None:
    """8.5 requires the copies ("and other persons or entities receiving copies thereof")."""
    notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T10:00", copies=[])
    assert sent(deal)["defects"] == ["no copy to Nixon, Hargrave, Devans & Doyle LLP"]
    purchaser = notice(deal, "1998-04-15T11:00", "hand", sender="company", to="purchaser",
                       delivered_at="1998-04-15T11:00", copies=["Someone Else LLP"])
    assert purchaser.accepted
    assert sent(deal, "N2")["defects"] == [
        "no copy to Robinson, Silverman, Pearce, Aronsohn & Berman LLP"]


def test_every_defect_is_listed(deal: Deal) -> None:
    """A lawyer sees all that is wrong with a notice at once."""
    notice(deal, "1998-04-15T10:00", "registered_mail", postmarked_at="1998-04-15T10:00",
           return_receipt_requested=False, address="1 Main Street", copies=[])
    assert len(sent(deal)["defects"]) == 3


def test_a_change_of_address_takes_effect_with_its_notice_and_only_then(deal: Deal) -> None:
    """8.5: "such other address ... as a party may have specified by notice"."""
    notice(deal, "1998-04-01T09:00", "registered_mail", sender="company", to="purchaser",
           kind="change_of_address", postmarked_at="1998-04-01T09:00",
           new_address="10 Main Street, New York, New York 10001")
    before = notice(deal, "1998-04-03T10:00", "hand", delivered_at="1998-04-03T10:00",
                    address=COMPANY_ADDRESS)
    assert before.accepted and sent(deal, "N2")["status"] == "effective"
    assert deal.status("1998-04-06T09:00")["addresses"]["company"]["lines"] == [
        "10 Main Street", "New York", "New York 10001"]
    old = notice(deal, "1998-04-07T10:00", "hand", delivered_at="1998-04-07T10:00",
                 address=COMPANY_ADDRESS)
    assert [c["event"] for c in old.consequences][:2] == ["notice_took_effect",
                                                          "address_changed"]
    assert sent(deal, "N3")["status"] == "no effect"
    new = notice(deal, "1998-04-07T11:00", "hand", delivered_at="1998-04-07T11:00",
                 address="10 Main Street, New York, New York 10001")
    assert new.accepted and sent(deal, "N4")["status"] == "effective"


def test_the_address_is_the_one_in_force_when_the_notice_is_delivered(deal: Deal) -> None:
    """The Company's change of address takes effect 1998-04-06 09:00 (mail posted 04-01). A
    notice sent at 08:01 and delivered by hand at 09:01 reaches the Company after its old
    address stopped being its address for notices: delivered there, it has no effect;
    delivered at the new one, it is effective (they were judged at 08:01, the other way
    round). PRODUCT.md 5: the address book changes "from the moment that notice is
    effective"; 8.5: effective "upon delivery" at the address."""
    notice(deal, "1998-04-01T09:00", "registered_mail", sender="company", to="purchaser",
           kind="change_of_address", postmarked_at="1998-04-01T09:00",
           new_address="1 New Street, New York, New York 10001")
    notice(deal, "1998-04-06T08:01", "hand", delivered_at="1998-04-06T09:01",
           address=COMPANY_ADDRESS)
    assert sent(deal, "N2")["status"] == "no effect"
    assert "not the Company's address for notices, 1 New Street" in sent(deal, "N2")[
        "defects"][0]
    notice(deal, "1998-04-06T08:02", "hand", delivered_at="1998-04-06T09:02",
           address="1 New Street, New York, New York 10001")
    assert sent(deal, "N3")["status"] == "pending" and sent(deal, "N3")["defects"] == []
    # Delivered before the change takes effect, the old address is still the one.
    notice(deal, "1998-04-06T08:03", "hand", delivered_at="1998-04-06T08:59",
           address=COMPANY_ADDRESS)
    assert sent(deal, "N4")["defects"] == []


@pytest.mark.parametrize("address", [
    COMPANY_ADDRESS + ", Attention: President",
    "Lexington Precision Corporation, " + COMPANY_ADDRESS + ", Attention: President",
    "Lexington Precision Corporation, 767 Third Avenue, 29th Floor, New York, New York "
    "10017-2023, Attention: President"])
def test_a_notice_addressed_as_8_5_prints_it_with_its_attention_line_is_duly_given(
        deal: Deal, address: str) -> None:
    """8.5 prints "Attention: President" under the Company's address: a notice addressed so
    was "sent to ..., not the Company's address for notices" and an acceleration so
    addressed was void."""
    notice(deal, "1998-04-15T10:00", "hand", delivered_at="1998-04-15T10:00", address=address)
    assert sent(deal)["defects"] == []
    notice(deal, "1998-04-15T11:00", "hand", delivered_at="1998-04-15T11:00",
           address=COMPANY_ADDRESS + ", Attention: Treasurer")
    assert sent(deal, "N2")["status"] == "no effect"


def test_a_defective_change_of_address_changes_nothing(deal: Deal) -> None:
    """A change of address by e-mail is no notice, so the address stays."""
    notice(deal, "1998-04-01T09:00", "email", sender="company", to="purchaser",
           kind="change_of_address", new_fax="(212) 555-0199")
    deal.act({"type": "advance", "actor": "company", "at": "1998-05-01T00:00"})
    assert deal.status()["addresses"]["company"]["fax"] == "(212) 319-4659"


def test_advance_fires_every_deadline_in_time_order_each_as_its_own_event(deal: Deal) -> None:
    """Time passing makes each notice effective at its own time, earliest first."""
    notice(deal, "1998-04-01T09:00", "registered_mail", postmarked_at="1998-04-01T09:00")
    notice(deal, "1998-04-01T09:30", "fax", confirmed_at="1998-04-03T08:00")
    notice(deal, "1998-04-01T10:00", "hand", delivered_at="1998-04-02T12:00")
    assert [d["due"] for d in deal.status()["deadlines"]] == [
        "1998-04-02T12:00:00-05:00", "1998-04-03T08:00:00-05:00", "1998-04-06T09:00:00-04:00"]
    result = deal.act({"type": "advance", "actor": "purchaser", "at": "1998-04-10T00:00"})
    fired = [(c["event"], c["summary"]) for c in result.consequences]
    assert fired == [
        ("notice_took_effect", "notice N3 took effect"),
        ("notice_took_effect", "notice N2 took effect"),
        ("notice_took_effect", "notice N1 took effect"),
        ("clock_advanced", "time passed"),
    ]
    assert deal.status()["deadlines"] == []


def test_status_as_of_a_future_time_stores_nothing(deal: Deal) -> None:
    """The deal as it will be if nothing else happens; the log is untouched."""
    notice(deal, "1998-04-01T09:00", "registered_mail", postmarked_at="1998-04-01T09:00")
    events = deal.events
    assert deal.status("1998-04-06T09:00")["notices"][0]["status"] == "effective"
    assert deal.status()["notices"][0]["status"] == "pending"
    assert deal.events == events


def test_status_as_of_a_past_time_shows_the_notice_as_it_was(deal: Deal) -> None:
    """Before its time a notice was pending, even once it has taken effect."""
    notice(deal, "1998-04-01T09:00", "registered_mail", postmarked_at="1998-04-01T09:00")
    deal.act({"type": "advance", "actor": "purchaser", "at": "1998-04-10T00:00"})
    assert deal.status("1998-04-05T09:00")["notices"][0]["status"] == "pending"
    assert deal.status("1998-04-07T09:00")["notices"][0]["status"] == "effective"


def test_a_notice_goes_to_the_other_party(deal: Deal) -> None:
    """A party cannot give itself notice."""
    result = notice(deal, "1998-04-15T10:00", "hand", sender="company",
                    delivered_at="1998-04-15T10:00")
    assert [r.section for r in result.reasons] == ["8.5"]


def test_lci_and_the_court_give_no_notices_under_8_5(deal: Deal) -> None:
    """Notices under 8.5 pass between the parties (and holders)."""
    for actor in ("guarantor", "court"):
        result = notice(deal, "1998-04-15T10:00", "hand", sender=actor,
                        delivered_at="1998-04-15T10:00")
        assert [r.section for r in result.reasons] == ["8.5"]


@pytest.mark.parametrize(("how", "field"), [
    ({"method": "hand"}, "notice.delivered_at"),
    ({"method": "registered_mail"}, "notice.postmarked_at"),
    ({"method": "certified_mail", "postmarked_at": "yesterday"}, "notice.postmarked_at"),
    ({"method": "fax", "confirmed_at": "1998-13-01T10:00"}, "notice.confirmed_at"),
    ({"method": "hand", "delivered_at": "1998-04-14T10:00"}, "notice.delivered_at"),
    ({"method": "hand", "delivered_at": "1998-04-15T10:00", "copies": "all"}, "notice.copies"),
    ({"method": "hand", "delivered_at": "1998-04-15T10:00", "colour": "red"}, "notice.colour"),
    ({"method": 7}, "notice.method"),
])
def test_a_notice_whose_times_do_not_fit_its_method_is_invalid(
    deal: Deal, how: dict[str, Any], field: str
) -> None:
    """Missing or unparsable times, or times before the sending, name their field."""
    with pytest.raises(InvalidAction) as error:
        deal.act({"type": "send_notice", "actor": "purchaser", "at": "1998-04-15T10:00",
                  "to": "company", "kind": "other", "notice": how})
    assert error.value.field == field
    assert deal.status()["notices"] == []


@pytest.mark.parametrize(("fields", "field"), [
    ({"to": "guarantor"}, "to"),
    ({"kind": "love_letter"}, "kind"),
    ({"kind": "change_of_address"}, "new_address"),
    ({"new_fax": "(212) 555-0100"}, "new_fax"),
])
def test_a_notice_to_nobody_or_of_no_kind_is_invalid(
    deal: Deal, fields: dict[str, Any], field: str
) -> None:
    """Recipients, kinds and new addresses are checked before anything is stored."""
    action = {"type": "send_notice", "actor": "purchaser", "at": "1998-04-15T10:00",
              "to": "company", "kind": "other",
              "notice": {"method": "hand", "delivered_at": "1998-04-15T10:00"}, **fields}
    with pytest.raises(InvalidAction) as error:
        deal.act(action)
    assert error.value.field == field


def test_a_bad_notice_from_the_command_line_is_one_line_and_exit_2(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """npa act: exit 2, one line naming notice.delivered_at, nothing stored."""
    db = str(tmp_path / "n.db")
    main(["new", "n", "--db", db])
    capsys.readouterr()
    with pytest.raises(SystemExit) as code:
        main(["act", "n", '{"type": "send_notice", "actor": "purchaser", "at": '
              '"1998-04-15T10:00", "to": "company", "kind": "other", "notice": '
              '{"method": "hand"}}', "--db", db])
    assert code.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("npa: error: notice.delivered_at:") and err.count("\n") == 1
    main(["timeline", "n", "--json", "--db", db])
    assert '"notice_sent"' not in capsys.readouterr().out


def test_a_period_of_days_ends_at_the_end_of_its_last_day() -> None:
    """Within 100 days after December 31, 1997: until 1998-04-10 23:59:59 New York time."""
    assert end_of_days(date(1997, 12, 31), 100) == parse_time("1998-04-11T00:00")
    assert end_of_days(date(1998, 2, 2), 30) == parse_time("1998-03-05T00:00")


def test_a_wall_time_lost_to_the_spring_clock_change_is_read_as_the_clocks_do() -> None:
    """02:30 on April 5, 1998 did not exist in New York: it is 03:30 EDT."""
    later = same_wall_time_days_later(parse_time("1998-03-31T02:30"), 5)
    assert later == parse_time("1998-04-05T03:30")
