"""8.5 Notices, etc.: how a notice is duly given, where it must go, when it takes effect.

"All notices, claims, demands and other communications ... shall be deemed to
have been duly given or served if in writing and delivered by hand (effective
upon delivery) or sent by registered or certified mail, return receipt
requested (effective five days following the time of postmark), or by
facsimile (effective upon receipt of confirmation of transmission) to the
parties (and other persons or entities receiving copies thereof) at the
following addresses or facsimile numbers (or to such other address or
facsimile number as a party may have specified by notice given to the other
party pursuant to this provision)".

A notice that is not duly given is recorded with its defects and has no
effect; one that is takes effect at its time, through the deadline registry.
"""

from __future__ import annotations

import re
from datetime import datetime

from contract import Address
from engine.actions import NoticeSpec
from engine.clock import iso
from engine.errors import InvalidAction
from engine.events import NoticeSent
from engine.periods import same_wall_time_days_later
from engine.rules.common import name_of, next_id
from engine.state import DealState, address_changed

#: The methods of 8.5 and the time each needs.
METHODS = {"hand": "delivered_at", "registered_mail": "postmarked_at",
           "certified_mail": "postmarked_at", "fax": "confirmed_at"}
MAIL = ("registered_mail", "certified_mail")
#: "effective five days following the time of postmark".
MAIL_DAYS = 5
#: The parties 8.5 gives addresses for.
ADDRESSED = ("company", "purchaser")
SENDERS = ("company", "purchaser")


def effective_time(spec: NoticeSpec) -> datetime | None:
    """8.5: when a notice sent this way takes effect, or None if it never does.

    By hand upon delivery; by registered or certified mail five days after
    the postmark, at the same New York wall-clock time; by facsimile upon
    confirmation of transmission (no confirmation, no notice).
    """
    if spec.method == "hand":
        return spec.delivered_at
    if spec.method in MAIL and spec.postmarked_at is not None:
        return same_wall_time_days_later(spec.postmarked_at, MAIL_DAYS)
    if spec.method == "fax":
        return spec.confirmed_at
    return None


def check_times(spec: NoticeSpec, sent_at: datetime) -> None:
    """The time a method of 8.5 needs is there, and no time precedes the sending.

    Raises:
        InvalidAction: naming `notice.<field>`.
    """
    needed = METHODS.get(spec.method)
    if needed in ("delivered_at", "postmarked_at") and getattr(spec, needed) is None:
        raise InvalidAction(f"a notice by {spec.method.replace('_', ' ')} needs its {needed}",
                            field=f"notice.{needed}")
    for name in ("delivered_at", "postmarked_at", "confirmed_at"):
        moment: datetime | None = getattr(spec, name)
        if moment is not None and moment < sent_at:
            raise InvalidAction(f"{iso(moment)} is before the notice was sent ({iso(sent_at)})",
                                field=f"notice.{name}")


def _words(text: str) -> str:
    """An address reduced to its words, for comparing what was written with 8.5."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def digits(text: str) -> str:
    """A facsimile number reduced to its digits."""
    return re.sub(r"\D", "", text)


def _reached_at(spec: NoticeSpec, at: datetime) -> datetime:
    """When a notice reaches the address it is sent to: delivered by hand, posted, or
    transmitted (the time of sending when the method gives none)."""
    moment = {"hand": spec.delivered_at, "fax": spec.confirmed_at}.get(
        spec.method, spec.postmarked_at if spec.method in MAIL else None)
    return moment or at


def address_at(state: DealState, to: str, moment: datetime) -> Address | None:
    """8.5: the party's address for notices at `moment`: its address now, changed by each
    notice of change of address it gave that has taken effect by then ("from the moment
    that notice is effective", PRODUCT.md 5)."""
    current: Address | None = state.addresses.get(to)
    if current is None:
        return None
    pending = sorted((state.notices[n].effective_at, n) for n, (party, _, _) in
                     state.address_changes.items()
                     if party == to and state.notices[n].effective_at is not None)
    for effective_at, notice in pending:
        if effective_at is None or effective_at > moment:
            break
        _, lines, fax = state.address_changes[notice]
        current = address_changed(current, lines, fax)
    return current


def _as_written(address: Address) -> set[str]:
    """The ways an address is written as 8.5 prints it, in words: the street lines, with
    or without the addressee's name before them and the "Attention:" line after them."""
    forms = set()
    for head in ((), (address.name,)):
        for tail in ((), (f"Attention: {address.attention}",)):
            forms.add(_words(", ".join((*head, *address.lines, *tail))))
    return forms


def defects(state: DealState, to: str, spec: NoticeSpec,
            at: datetime | None = None) -> list[str]:
    """8.5: every way this notice falls short of being duly given (none: duly given).

    The method must be one of 8.5's; mail must ask for a return receipt; a
    facsimile needs its confirmation; the notice must go to the recipient's
    address (or facsimile number) as it is when the notice reaches it (a change of
    address that takes effect before then counts), and to each of its copy recipients.
    """
    found: list[str] = []
    recipient = name_of(state, to)
    if spec.method not in METHODS:
        found.append(f"{spec.method!r} is not a way of giving notice under 8.5 (by hand, "
                     "registered or certified mail with return receipt requested, or "
                     "facsimile)")
    if spec.method in MAIL and not spec.return_receipt_requested:
        found.append(f"sent by {spec.method.replace('_', ' ')} without return receipt "
                     "requested")
    if spec.method == "fax" and spec.confirmed_at is None:
        found.append("no confirmation of transmission was received")
    current = (state.addresses.get(to) if at is None
               else address_at(state, to, _reached_at(spec, at)))
    if current is not None and spec.address is not None:
        if spec.method == "fax":
            if digits(spec.address) != digits(current.fax):
                found.append(f"sent to facsimile {spec.address}, not {recipient}'s number "
                             f"for notices, {current.fax}")
        elif _words(spec.address) not in _as_written(current):
            found.append(f"sent to {spec.address}, not {recipient}'s address for notices, "
                         f"{', '.join(current.lines)}")
    if spec.copies is not None:
        sent = {_words(name) for name in spec.copies}
        found += [f"no copy to {copy.name}" for copy in state.terms.parties[to].copies
                  if _words(copy.name) not in sent]
    return found


def give_notice(
    state: DealState,
    *,
    at: datetime,
    sender: str,
    to: str,
    kind: str,
    spec: NoticeSpec,
    new_address: tuple[str, ...] | None = None,
    new_fax: str | None = None,
    breaches: tuple[str, ...] | None = None,
    joined_by: tuple[str, ...] = (),
) -> NoticeSent:
    """8.5: the record of a notice sent by any action that travels by notice.

    Duly given, it carries the time it takes effect (the deadline registry
    makes it effective then, with what its kind does); not duly given, it
    carries its defects and no effective time.
    """
    check_times(spec, at)
    found = defects(state, to, spec, at)
    return NoticeSent(at=at, notice=next_id("N", state.notices), sender=sender, to=to,
                      kind=kind, method=spec.method, address=spec.address, copies=spec.copies,
                      delivered_at=spec.delivered_at, postmarked_at=spec.postmarked_at,
                      confirmed_at=spec.confirmed_at,
                      effective_at=None if found else effective_time(spec),
                      defects=tuple(found), new_address=new_address, new_fax=new_fax,
                      breaches=breaches, joined_by=tuple(joined_by))
