"""Steps for transfers of the Notes and the restrictive legend (section 7), and who
holds them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from features.steps.notices import notice_for, sent_moments
from features.steps.registry import ACTION, THEN, step
from features.steps.types import Particulars, Sent, StepError, holder_name, p
from features.steps.world import World, at_time


def _propose_transfer(world: World, holder: str, amount: str, transferee: str,
                      basis: tuple[bool, bool, bool], method: str,
                      moments: Mapping[str, str], at: str,
                      particulars: Particulars | None = None) -> None:
    rule_144, opinion, legend_not_required = basis
    world.act({"type": "propose_transfer", "actor": holder, "at": at,
               "to_holder": transferee, "principal": amount, "rule_144": rule_144,
               "opinion": opinion, "legend_not_required": legend_not_required,
               "notice": notice_for(world, "company", method, moments,
                                    particulars or Particulars())})


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method}, {delivery:Delivery} "
                "on {date:Date} at {time:Time}"))
def proposes_transfer(world: World, holder: str, amount: str, transferee: str,
                      basis: tuple[bool, bool, bool], method: str, delivery: str, date: str,
                      time: str) -> None:
    """The Holder's written notice to the Company of a proposed transfer (7.3).

    It is accompanied "with an opinion of counsel" (that the transfer may be
    made without registration), "with an opinion of counsel that the legend
    is not required", or made "under Rule 144" (no opinion needed), or "with
    no opinion of counsel". The notice goes to the Company under 8.5.
    """
    at = at_time(date, time)
    _propose_transfer(world, holder, amount, transferee, basis, method, {delivery: at}, at)


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method} on {date:Date} "
                "at {time:Time}"))
def proposes_transfer_otherwise(world: World, holder: str, amount: str, transferee: str,
                                basis: tuple[bool, bool, bool], method: str, date: str,
                                time: str) -> None:
    """A notice of proposed transfer sent by a means that is not notice under 8.5 (e-mail)."""
    _propose_transfer(world, holder, amount, transferee, basis, method, {}, at_time(date, time))


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method}, {delivery:Delivery} "
                "on {date:Date} at {time:Time}, {particulars:Particulars}"))
def proposes_transfer_with(world: World, holder: str, amount: str, transferee: str,
                           basis: tuple[bool, bool, bool], method: str, delivery: str,
                           date: str, time: str, particulars: Particulars) -> None:
    """A notice of proposed transfer (7.3) that goes as the particulars say (8.5)."""
    at = at_time(date, time)
    _propose_transfer(world, holder, amount, transferee, basis, method, {delivery: at}, at,
                      particulars)


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method}{sending:Sending}"))
def proposes_transfer_sent_and_received(world: World, holder: str, amount: str,
                                        transferee: str, basis: tuple[bool, bool, bool],
                                        method: str, sending: Sent) -> None:
    """A notice of proposed transfer sent at one moment and received at another (7.3, 8.5)."""
    at, moments = sent_moments(sending)
    _propose_transfer(world, holder, amount, transferee, basis, method, moments, at,
                      sending.particulars)


def _the_transfer(world: World) -> str:
    if not world.transfers:
        raise StepError("no transfer has been proposed in this scenario")
    return world.transfers[-1]


@step(ACTION, p("{party:Party} accepts the opinion of counsel on {date:Date} at {time:Time}"))
@step(ACTION, p("{party:Party} accepts the opinion on {date:Date} at {time:Time}"))
@step(ACTION, p("{party:Party} finds the opinion of counsel reasonably satisfactory on "
                "{date:Date} at {time:Time}"))
def accepts_opinion(world: World, party: str, date: str, time: str) -> None:
    """The Company accepts the opinion of counsel that accompanies the proposed transfer (7.3)."""
    world.act({"type": "accept_opinion", "actor": party, "at": at_time(date, time),
               "transfer": _the_transfer(world)})


@step(ACTION, p("{party:Party} rejects the opinion of counsel on {date:Date} at {time:Time}"))
@step(ACTION, p("{party:Party} rejects the opinion on {date:Date} at {time:Time}"))
@step(ACTION, p("{party:Party} finds the opinion of counsel not reasonably satisfactory on "
                "{date:Date} at {time:Time}"))
def rejects_opinion(world: World, party: str, date: str, time: str) -> None:
    """The Company rejects the opinion of counsel that accompanies the proposed transfer (7.3)."""
    world.act({"type": "reject_opinion", "actor": party, "at": at_time(date, time),
               "transfer": _the_transfer(world)})


@step(ACTION, p("{holder:Holder} completes the transfer on {date:Date} at {time:Time}"))
def completes_transfer(world: World, holder: str, date: str, time: str) -> None:
    """The Holder transfers the Notes of the last proposed transfer to the transferee (7)."""
    world.act({"type": "complete_transfer", "actor": holder, "at": at_time(date, time),
               "transfer": _the_transfer(world)})


@step(THEN, p("{party:Holder} holds {amount:Money} of Notes"))
def holds_notes(world: World, party: str, amount: str) -> None:
    """The party, or a transferee by its name ("Acme Bank"), holds that principal of the Notes."""
    world.outcome()
    holders = world.status()["holders"]
    held = Decimal(holders.get(party, "0"))
    if held != Decimal(amount):
        listed = ", ".join(f"{holder_name(h)} ${Decimal(v):,.2f}" for h, v in holders.items())
        raise AssertionError(f"{holder_name(party)} holds ${held:,.2f} of Notes, "
                             f"not ${Decimal(amount):,.2f}"
                             f" (holders: {listed or 'none'})")


@step(THEN, p("{party:Holder} holds no Notes"))
def holds_no_notes(world: World, party: str) -> None:
    """The party, or a transferee by its name, holds none of the Notes."""
    holds_notes(world, party, "0.00")


def _legend(world: World, holder: str) -> bool:
    world.outcome()
    status = world.status()
    if Decimal(status["holders"].get(holder, "0")) == 0 or holder not in status["legends"]:
        raise AssertionError(f"{holder_name(holder)} holds no Notes")
    return bool(status["legends"][holder])


@step(THEN, p("the Notes held by {holder:Holder} bear the restrictive legend"))
def bears_legend(world: World, holder: str) -> None:
    """The holder's certificate bears the legend of 7.2(a)."""
    if not _legend(world, holder):
        raise AssertionError(f"the Notes held by {holder_name(holder)} do not bear the legend")


@step(THEN, p("the Notes held by {holder:Holder} do not bear the restrictive legend"))
def bears_no_legend(world: World, holder: str) -> None:
    """The holder's certificate is issued without the legend (7.2(b), 7.3)."""
    if _legend(world, holder):
        raise AssertionError(f"the Notes held by {holder_name(holder)} bear the restrictive legend")


@step(THEN, p("the transfer is complete"))
def transfer_complete(world: World) -> None:
    """The last proposed transfer has been completed (7)."""
    world.outcome()
    ident = _the_transfer(world)
    found = {t["id"]: t for t in world.status()["transfers"]}[ident]
    if found["status"] != "complete":
        raise AssertionError(f"the transfer is {found['status']}, not complete")


@step(THEN, p("the transfer is not complete"))
def transfer_not_complete(world: World) -> None:
    """The last proposed transfer has not been completed: the Notes stay where they were."""
    world.outcome()
    ident = _the_transfer(world)
    found = {t["id"]: t for t in world.status()["transfers"]}[ident]
    if found["status"] == "complete":
        raise AssertionError("the transfer is complete")
