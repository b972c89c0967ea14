"""Steps for notices under 8.5 (sending, effectiveness, addresses) and for time passing.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Mapping
from typing import Any

from engine.clock import wall_time_problem
from features.steps.registry import ACTION, THEN, step
from features.steps.types import MONTHS, NAMES, Particulars, Sent, StepError, holder_name, p
from features.steps.world import World, at_time, majority, moment, together


def _copy_recipients(world: World, party: str) -> list[str]:
    """The names of the persons 8.5 says receive copies of notices to the party."""
    for record in world.need_deal().records():
        if "terms" in record:
            found = record["terms"]["parties"].get(party, {}).get("copies", [])
            return [str(copy["name"]) for copy in found]
    return []  # pragma: no cover - every deal's first record holds its terms


def notice_for(world: World, to: str, method: str, moments: Mapping[str, str],
               particulars: Particulars) -> dict[str, Any]:
    """How a notice to `to` travels (the action's `notice`), as a step describes it."""
    notice: dict[str, Any] = {"method": method}
    for name, when in moments.items():
        if name in particulars.absent:
            raise StepError(f"the step gives the notice's {name.removesuffix('_at')} time "
                            "and says it has none")
        notice[name] = when
    if particulars.address is not None:
        notice["address"] = particulars.address
    if particulars.no_copy_to:
        recipients = _copy_recipients(world, to)
        for name in particulars.no_copy_to:
            if name not in recipients:
                raise StepError(f"{name} is not named in 8.5 to receive copies of notices to "
                                f"{NAMES.get(to, to)} ({'; '.join(recipients) or 'nobody is'})")
        notice["copies"] = [name for name in recipients if name not in particulars.no_copy_to]
        notice["copies"] += list(particulars.copies)
    elif particulars.copies:
        notice["copies"] = list(particulars.copies)
    if not particulars.return_receipt_requested:
        notice["return_receipt_requested"] = False
    return notice


def _send_notice(world: World, sender: str, to: str, kind: str, method: str, at: str,
                 moments: Mapping[str, str], particulars: Particulars,
                 change: Mapping[str, str] | None = None,
                 joined_by: tuple[str, ...] = ()) -> None:
    """Send a notice under 8.5 as the step describes it; the engine says if it is duly given."""
    notice = notice_for(world, to, method, moments, particulars)
    together(world, sender, joined_by, lambda actor: {
        "type": "send_notice", "actor": actor, "at": at, "to": to, "kind": kind,
        "notice": dict(notice), **(change or {})})


def sent_moments(sent: Sent) -> tuple[str, dict[str, str]]:
    """The time a notice was sent, and the moment its method turns on."""
    return at_time(sent.sent_date, sent.sent_time), {sent.delivery: at_time(sent.date, sent.time)}


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def sends_notice(world: World, sender: str, recipient: str, kind: str, method: str,
                 delivery: str, date: str, time: str) -> None:
    """A notice under 8.5, sent at the moment its method turns on.

    "delivered" (by hand), "postmarked" (by registered or certified mail,
    return receipt requested) or "confirmed" (by facsimile: the confirmation
    of transmission). It goes to the recipient's current address or
    facsimile number, with a copy to each person 8.5 names for it.
    """
    sends_notice_with(world, sender, recipient, kind, method, delivery, date, time,
                      Particulars())


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}"))
def sends_notice_with(world: World, sender: str, recipient: str, kind: str, method: str,
                      delivery: str, date: str, time: str, particulars: Particulars) -> None:
    """A notice under 8.5, as above, but as the particulars after the time say.

    "addressed to <address>" or "to facsimile number <number>" (instead of the
    recipient's current one); "with a copy to <name>" (only the copies named);
    "with no copy to <name>" (every copy 8.5 names but that one);
    "without return receipt requested" (by mail).
    """
    at = at_time(date, time)
    _send_notice(world, sender, recipient, kind, method, at, {delivery: at}, particulars)


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method} on {date:Date} at {time:Time}"))
def sends_notice_on(world: World, sender: str, recipient: str, kind: str, method: str,
                    date: str, time: str) -> None:
    """A notice sent at that moment, with no time of delivery, postmark or confirmation.

    For e-mail, ordinary mail or a courier, none of them a method of 8.5.
    """
    sends_notice_on_with(world, sender, recipient, kind, method, date, time, Particulars())


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method} on {date:Date} at {time:Time}, {particulars:Particulars}"))
def sends_notice_on_with(world: World, sender: str, recipient: str, kind: str, method: str,
                         date: str, time: str, particulars: Particulars) -> None:
    """A notice sent at that moment, with no time of its method, as the particulars say.

    "with no confirmation of transmission" (a facsimile never confirmed),
    "with no time of delivery" (by hand), "with no postmark" (by mail) say
    so for the reader; the notice has none of those times anyway.
    """
    _send_notice(world, sender, recipient, kind, method, at_time(date, time), {}, particulars)


def _other_party(party: str) -> str:
    others = {"company": "purchaser", "purchaser": "company"}
    if party not in others:
        raise StepError(f"{NAMES.get(party, party)} has no address for notices under 8.5")
    return others[party]


@step(ACTION, p("{party:Party} gives notice of its new address, {address}, {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_new_address(world: World, party: str, address: str, method: str, delivery: str,
                      date: str, time: str) -> None:
    """The party specifies another address for notices, by notice to the other party (8.5).

    The address is written as its lines joined by commas. The address book
    changes when, and only if, the notice takes effect.
    """
    gives_new_address_with(world, party, address, method, delivery, date, time, Particulars())


@step(ACTION, p("{party:Party} gives notice of its new address, {address}, {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}, {particulars:Particulars}"))
def gives_new_address_with(world: World, party: str, address: str, method: str, delivery: str,
                           date: str, time: str, particulars: Particulars) -> None:
    """A notice of a new address for notices, as the particulars after the time say."""
    at = at_time(date, time)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at,
                 {delivery: at}, particulars, {"new_address": address})


@step(ACTION, p("{party:Party} gives notice of its new facsimile number, {fax}, "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_new_fax(world: World, party: str, fax: str, method: str, delivery: str, date: str,
                  time: str) -> None:
    """The party specifies another facsimile number for notices, by notice (8.5)."""
    at = at_time(date, time)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at,
                 {delivery: at}, Particulars(), {"new_fax": fax})


@step(ACTION, p("time passes to {date:Date} at {time:Time}"))
def time_passes_to_moment(world: World, date: str, time: str) -> None:
    """Nothing happens until that moment, New York time."""
    world.act({"type": "advance", "actor": "company", "at": at_time(date, time)})


@step(ACTION, p("time passes to {date:Date}"))
def time_passes(world: World, date: str) -> None:
    """Nothing happens until the start of that day (00:00, New York time)."""
    time_passes_to_moment(world, date, "00:00")


NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def in_words(text: str) -> str:
    """A time of the engine's ("1998-04-05T10:00:00-04:00") as a feature writes it."""
    local = datetime.datetime.fromisoformat(text).astimezone(NEW_YORK)
    # In the hour repeated in autumn the wall clock alone does not say which: add the zone.
    zone = f" {local.tzname()}" if wall_time_problem(local.replace(tzinfo=None)) else ""
    return f"{MONTHS[local.month - 1]} {local.day}, {local.year} at {local:%H:%M}{zone}"


def _the_notice(world: World, status: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The last notice the scenario sent, as the deal's status records it."""
    world.outcome()
    if not world.notices:
        raise StepError("no notice has been sent in this scenario")
    notices = (status or world.status())["notices"]
    for notice in notices:
        if notice["id"] == world.notices[-1]:
            found: dict[str, Any] = notice
            return found
    raise AssertionError(f"notice {world.notices[-1]} is not recorded")


def _notice_standing(notice: Mapping[str, Any]) -> str:
    """A notice's status in words, with why it has no effect or when it takes effect."""
    if notice["status"] == "no effect":
        return "of no effect (" + "; ".join(notice["defects"]) + ")"
    return f"{notice['status']} (taking effect on {in_words(notice['effective_at'])})"


@step(THEN, p("the notice takes effect on {date:Date} at {time:Time}"))
def notice_takes_effect(world: World, date: str, time: str) -> None:
    """The last notice sent is duly given and takes effect at that minute, New York time."""
    notice = _the_notice(world)
    if notice["effective_at"] is None:
        raise AssertionError(f"the notice never takes effect: it is {_notice_standing(notice)}")
    expected = moment(date, time)
    actual = datetime.datetime.fromisoformat(notice["effective_at"])
    if actual != expected:
        raise AssertionError(f"the notice takes effect on {in_words(notice['effective_at'])}, "
                             f"not on {in_words(expected.isoformat())}")


@step(THEN, p("the notice has no effect"))
def notice_has_no_effect(world: World) -> None:
    """The last notice sent is recorded, but is not duly given under 8.5 and has no effect."""
    notice = _the_notice(world)
    if notice["status"] != "no effect":
        raise AssertionError(f"the notice is {_notice_standing(notice)}")


def _plain(text: str) -> str:
    """Words without quotation marks and extra spaces, for comparing a reason with a defect."""
    return " ".join(re.sub(r"[\"'](?!s\b)", "", text).split())


@step(THEN, p("the notice has no effect because {reason}"))
def notice_has_no_effect_because(world: World, reason: str) -> None:
    """The last notice sent has no effect, and one of its defects says that.

    The words are compared with the defects' as written, but for spacing and
    quotation marks: "because e-mail is not a way of giving notice under 8.5".
    """
    notice = _the_notice(world)
    if notice["status"] != "no effect":
        raise AssertionError(f"the notice is {_notice_standing(notice)}")
    if not any(_plain(reason) in _plain(defect) for defect in notice["defects"]):
        raise AssertionError(f"the notice has no effect because "
                             f"{'; '.join(notice['defects'])}, not because {reason}")


@step(THEN, p("the notice is {status:NoticeStatus}"))
def notice_is(world: World, status: str) -> None:
    """The last notice sent is pending (duly given, not yet in effect) or effective, now."""
    notice = _the_notice(world)
    if notice["status"] != status:
        raise AssertionError(f"the notice is {_notice_standing(notice)}, not {status}")


@step(THEN, p("as of {date:Date} at {time:Time} the notice is {status:NoticeStatus}"))
def notice_is_as_of(world: World, date: str, time: str, status: str) -> None:
    """As the deal will stand at that moment if nothing else happens; nothing is stored."""
    world.outcome()
    notice = _the_notice(world, world.need_deal().status(as_of=at_time(date, time)))
    if notice["status"] != status:
        then = moment(date, time)
        raise AssertionError(f"as of {in_words(then.isoformat())} the notice is "
                             f"{_notice_standing(notice)}, not {status}")


@step(THEN, p("{party:Party}'s address for notices is {address}"))
def address_for_notices(world: World, party: str, address: str) -> None:
    """The party's address for notices under 8.5, its lines joined by commas, is that one."""
    world.outcome()
    book = world.status()["addresses"]
    if party not in book:
        raise StepError(f"{NAMES.get(party, party)} has no address for notices under 8.5")
    actual = ", ".join(book[party]["lines"])
    if " ".join(actual.split()) != " ".join(address.split()):
        raise AssertionError(f"{NAMES[party]}'s address for notices is {actual}, not {address}")


@step(THEN, p("{party:Party}'s facsimile number for notices is {fax}"))
def fax_for_notices(world: World, party: str, fax: str) -> None:
    """The party's facsimile number for notices under 8.5 is that one (the digits count)."""
    world.outcome()
    book = world.status()["addresses"]
    if party not in book:
        raise StepError(f"{NAMES.get(party, party)} has no facsimile number under 8.5")
    actual = book[party]["fax"] or ""
    if re.sub(r"\D", "", actual) != re.sub(r"\D", "", fax):
        raise AssertionError(f"{NAMES[party]}'s facsimile number for notices is "
                             f"{actual or 'none'}, not {fax}")


# --- the same notices in other words: sent at one time, received at another -----------


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}{sending:Sending}"))
def sends_notice_sent_and_received(world: World, sender: str, recipient: str, kind: str,
                                   method: str, sending: Sent) -> None:
    """A notice under 8.5 sent at one moment and delivered, postmarked or confirmed at
    another: ", sent on April 15, 1998 at 10:00 and confirmed on April 15, 1998 at 10:20"
    (or "confirmed at 10:20", the same day), then any particulars."""
    at, moments = sent_moments(sending)
    _send_notice(world, sender, recipient, kind, method, at, moments, sending.particulars)


@step(ACTION, p("the Holders of a majority in principal send {recipient:Party} a notice of "
                "{kind:NoticeKind} {method:Method}, {delivery:Delivery} on {date:Date} "
                "at {time:Time}"))
@step(ACTION, p("Holders of a majority in principal send {recipient:Party} a notice of "
                "{kind:NoticeKind} {method:Method}, {delivery:Delivery} on {date:Date} "
                "at {time:Time}"))
def majority_sends_notice(world: World, recipient: str, kind: str, method: str, delivery: str,
                          date: str, time: str) -> None:
    """The Holders of a majority in principal, together, send the notice (Schedule 1 (c)):
    the fewest Holders, largest first, holding more than half the principal outstanding."""
    first, others = majority(world)
    at = at_time(date, time)
    _send_notice(world, first, recipient, kind, method, at, {delivery: at}, Particulars(),
                 joined_by=others)


@step(ACTION, p("{sender:Holder} faxes {recipient:Party} a notice of {kind:NoticeKind} on "
                "{date:Date} at {time:Time}, confirmed on {confirmed:Date} at {at:Time}"))
def faxes_notice(world: World, sender: str, recipient: str, kind: str, date: str, time: str,
                 confirmed: str, at: str) -> None:
    """A notice by facsimile, sent at one moment and its transmission confirmed at another
    (8.5: effective upon receipt of confirmation of transmission)."""
    _send_notice(world, sender, recipient, kind, "fax", at_time(date, time),
                 {"confirmed_at": at_time(confirmed, at)}, Particulars())


@step(ACTION, p("{sender:Holder} faxes {recipient:Party} a notice of {kind:NoticeKind} on "
                "{date:Date} at {time:Time}, confirmed at {at:Time}"))
def faxes_notice_same_day(world: World, sender: str, recipient: str, kind: str, date: str,
                          time: str, at: str) -> None:
    """A notice by facsimile confirmed later the same day."""
    faxes_notice(world, sender, recipient, kind, date, time, date, at)


@step(ACTION, p("{sender:Holder} faxes {recipient:Party} a notice of {kind:NoticeKind} on "
                "{date:Date} at {time:Time}, {particulars:Particulars}"))
def faxes_notice_with(world: World, sender: str, recipient: str, kind: str, date: str,
                      time: str, particulars: Particulars) -> None:
    """A notice by facsimile as the particulars say ("with no confirmation of transmission")."""
    _send_notice(world, sender, recipient, kind, "fax", at_time(date, time), {}, particulars)


@step(ACTION, p("{sender:Holder} hand-delivers to {recipient:Party} a notice of "
                "{kind:NoticeKind} on {date:Date} at {time:Time}"))
@step(ACTION, p("{sender:Holder} hand-delivers a notice of {kind:NoticeKind} to "
                "{recipient:Party} on {date:Date} at {time:Time}"))
def hand_delivers_notice(world: World, sender: str, recipient: str, kind: str, date: str,
                         time: str) -> None:
    """A notice delivered by hand at that moment (8.5: effective upon delivery)."""
    at = at_time(date, time)
    _send_notice(world, sender, recipient, kind, "hand", at, {"delivered_at": at},
                 Particulars())


@step(ACTION, p("{sender:Holder} mails {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}, postmarked on {date:Date} at {time:Time}"))
def mails_notice(world: World, sender: str, recipient: str, kind: str, method: str, date: str,
                 time: str) -> None:
    """A notice by registered or certified mail, return receipt requested, postmarked then
    (8.5: effective five days following the time of postmark)."""
    at = at_time(date, time)
    _send_notice(world, sender, recipient, kind, method, at, {"postmarked_at": at},
                 Particulars())


@step(ACTION, p("{party:Party} gives notice of its new address, {address}, {method:Method}"
                "{sending:Sending}"))
def gives_new_address_sent_and_received(world: World, party: str, address: str, method: str,
                                        sending: Sent) -> None:
    """A notice of a new address sent at one moment and received at another (8.5)."""
    at, moments = sent_moments(sending)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at, moments,
                 sending.particulars, {"new_address": address})


@step(ACTION, p("{party:Party} gives notice of its new facsimile number, {fax}, "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}"))
def gives_new_fax_with(world: World, party: str, fax: str, method: str, delivery: str,
                       date: str, time: str, particulars: Particulars) -> None:
    """A notice of a new facsimile number, as the particulars after the time say."""
    at = at_time(date, time)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at,
                 {delivery: at}, particulars, {"new_fax": fax})


@step(ACTION, p("{party:Party} gives notice of its new facsimile number, {fax}, "
                "{method:Method}{sending:Sending}"))
def gives_new_fax_sent_and_received(world: World, party: str, fax: str, method: str,
                                    sending: Sent) -> None:
    """A notice of a new facsimile number sent at one moment and received at another."""
    at, moments = sent_moments(sending)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at, moments,
                 sending.particulars, {"new_fax": fax})


@step(THEN, p("the notice is effective on {date:Date} at {time:Time}"))
def notice_is_effective_on(world: World, date: str, time: str) -> None:
    """The last notice sent takes effect at that minute, New York time (as "takes effect")."""
    notice_takes_effect(world, date, time)


@step(THEN, p("the notice of covenant breach is pending, joined by {holders:Holders}"))
def breach_notice_pending(world: World, holders: tuple[str, ...]) -> None:
    """Those Holders, and no others, have given the notice of covenant breach themselves, and
    together they are not yet Holders of a majority in principal (Schedule 1 (c)): no
    notice is given yet, and no cure period runs."""
    world.outcome()
    pending = {act: who for act, who in world.need_deal().state.joined.items()
               if act.startswith("notice of covenant breach")}
    if not pending:
        raise AssertionError("no notice of covenant breach is pending")
    if not any(set(who) == set(holders) for who in pending.values()):
        raise AssertionError("pending: " + "; ".join(
            f"the {act}, joined by {' and '.join(holder_name(h) for h in who)}"
            for act, who in pending.items()))
