"""Steps for payments to the Holders and Events of Default, acceleration, waiver and
insolvency (Schedule 1, ASSUMED; 8.6).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from features.steps.notices import in_words, notice_for, sent_moments
from features.steps.registry import ACTION, GIVEN, THEN, step
from features.steps.types import Particulars, Sent, StepError, holder_name, p
from features.steps.words import date_words
from features.steps.world import World, at_time, majority, moment, together


@step(GIVEN, p("the Company has furnished every report and made every payment on time "
               "before {date:Date}"))
def performed_on_time_before(world: World, date: str) -> None:
    """The Company has kept to 6.1 and to the payment schedule (Schedule 1, ASSUMED) until then.

    Each report of 6.1 whose last day falls before that date is furnished on
    its last day at 09:00; each payment of interest or principal whose
    payment date falls before it is paid in full on that date at 10:00. The
    actions are taken in time order, each of them accepted.
    """
    obligations = world.status()["obligations"]
    actions: list[dict[str, Any]] = []
    for owed in obligations:
        if owed["due"] == "promptly" or owed["due"] >= date:
            continue
        if owed["section"] == "Schedule 1":
            purpose = owed["id"].split("-")[0]
            actions.append({"type": "pay", "actor": "company", "at": at_time(owed["due"], "10:00"),
                            "purpose": purpose, "amount": owed["amount"]})
        elif owed["status"] == "pending":
            actions.append({"type": "deliver_report", "actor": "company",
                            "at": at_time(owed["due"], "09:00"), "report": owed["id"]})
    for action in sorted(actions, key=lambda a: (a["at"], a["type"])):
        world.act(action)


@step(ACTION, p("{party:Party} pays {kind:PaymentKind} of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_holders(world: World, party: str, kind: str, amount: str, date: str,
                 time: str) -> None:
    """The party pays that amount of interest or principal on the Notes to the Holders.

    Schedule 1, ASSUMED: the Company pays; the Holders share each payment by
    principal held.
    """
    world.act({"type": "pay", "actor": party, "at": at_time(date, time), "purpose": kind,
               "amount": amount})


def _accelerate(world: World, holder: str, others: tuple[str, ...], method: str,
                delivery: str, date: str, time: str) -> None:
    at = at_time(date, time)
    _accelerate_by(world, holder, others, method, at, {delivery: at}, Particulars())


def _accelerate_by(world: World, holder: str, others: tuple[str, ...], method: str, at: str,
                   moments: dict[str, str], particulars: Particulars) -> None:
    """Each Holder of `others` joins the acceleration by its own notice, then `holder`
    (Schedule 1: the acceleration takes effect once those who joined are a majority)."""
    notice = notice_for(world, "company", method, moments, particulars)
    together(world, holder, others, lambda actor: {"type": "accelerate", "actor": actor,
                                                   "at": at, "notice": dict(notice)})
    if world.result is not None and world.result.accepted:
        world.notices += [v for k, v in world.result.created.items()
                          if k == "notice" and v not in world.notices]


@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_notice_of_acceleration(world: World, holder: str, method: str, delivery: str,
                                 date: str, time: str) -> None:
    """The Holder declares all principal and accrued interest due at once, by written notice.

    Schedule 1, ASSUMED: only Holders of a majority in principal may, and
    only while an Event of Default continues; the acceleration takes effect
    when the notice does (8.5).
    """
    _accelerate(world, holder, (), method, delivery, date, time)


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, gives notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_joint_notice_of_acceleration(world: World, holder: str, others: tuple[str, ...],
                                       method: str, delivery: str, date: str,
                                       time: str) -> None:
    """Holders together give notice of acceleration; together they may be a majority."""
    _accelerate(world, holder, others, method, delivery, date, time)


def the_default(world: World, kind: str) -> dict[str, Any]:
    """The Event of Default of that kind: the only one, or else the earliest continuing."""
    found = [e for e in world.status()["events_of_default"] if e["kind"] == kind]
    if not found:
        raise AssertionError(f"no Event of Default under Schedule 1 ({kind}) has occurred"
                             f"{_defaults_in_words(world)}")
    continuing = [e for e in found if e["status"] == "continuing"]
    chosen: dict[str, Any] = (continuing or found)[0]
    return chosen


def _defaults_in_words(world: World) -> str:
    found = world.status()["events_of_default"]
    if not found:
        return " (none has)"
    return " (" + "; ".join(f"{e['section']} {e['status']}" for e in found) + ")"


def _waive(world: World, holder: str, others: tuple[str, ...], kind: str, date: str,
           time: str) -> None:
    """Each Holder of `others` signs the waiver by its own action, then `holder`."""
    at, ident = at_time(date, time), the_default(world, kind)["id"]
    together(world, holder, others, lambda actor: {"type": "waive_default", "actor": actor,
                                                   "at": at, "event_of_default": ident})


@step(ACTION, p("{holder:Holder} waives in writing the Event of Default under {kind:Default} "
                "on {date:Date} at {time:Time}"))
def waives_default(world: World, holder: str, kind: str, date: str, time: str) -> None:
    """The Holder waives, in writing, the Event of Default of that kind, and only it (8.6).

    Schedule 1, ASSUMED: Holders of a majority in principal may, before
    acceleration. The Event of Default meant is the only one of that kind,
    or else the earliest still continuing (or, if none continues, the first).
    """
    _waive(world, holder, (), kind, date, time)


@step(ACTION, p("{holder:Holder} waives orally the Event of Default under {kind:Default} "
                "on {date:Date} at {time:Time}"))
def waives_default_orally(world: World, holder: str, kind: str, date: str, time: str) -> None:
    """A waiver given by word of mouth (`in_writing: false`): 8.4, no term may be "waived
    ... orally"; Schedule 1, an Event of Default is "waived in writing"."""
    world.act({"type": "waive_default", "actor": holder, "at": at_time(date, time),
               "event_of_default": the_default(world, kind)["id"], "in_writing": False})


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, waives in writing the Event of "
                "Default under {kind:Default} on {date:Date} at {time:Time}"))
def waive_default_jointly(world: World, holder: str, others: tuple[str, ...], kind: str,
                          date: str, time: str) -> None:
    """Holders together waive, in writing, the Event of Default of that kind."""
    _waive(world, holder, others, kind, date, time)


@step(ACTION, p("{party:Party} declares the Company insolvent on {date:Date} at {time:Time}"))
def declares_insolvent(world: World, party: str, date: str, time: str) -> None:
    """A court declares the Company bankrupt or insolvent (Schedule 1 (e), ASSUMED)."""
    world.act({"type": "declare_insolvency", "actor": party, "at": at_time(date, time)})


@step(THEN, p("no Event of Default has occurred"))
def no_default_occurred(world: World) -> None:
    """No Event of Default (Schedule 1, ASSUMED) has occurred at all."""
    world.outcome()
    if world.status()["events_of_default"]:
        raise AssertionError(f"an Event of Default has occurred{_defaults_in_words(world)}")


@step(THEN, p("no Event of Default continues"))
def no_default_continues(world: World) -> None:
    """Every Event of Default that occurred has been cured or waived."""
    world.outcome()
    if any(e["status"] == "continuing" for e in world.status()["events_of_default"]):
        raise AssertionError(f"an Event of Default continues{_defaults_in_words(world)}")


@step(THEN, p("an Event of Default under {kind:Default} occurred on {date:Date} at {time:Time}"))
def default_occurred_at(world: World, kind: str, date: str, time: str) -> None:
    """An Event of Default of that kind occurred at that minute, New York time."""
    world.outcome()
    expected = moment(date, time)
    found = [e for e in world.status()["events_of_default"] if e["kind"] == kind]
    moments = [datetime.datetime.fromisoformat(e["occurred_at"]) for e in found]
    if expected not in moments:
        when = ", ".join(in_words(e["occurred_at"]) for e in found)
        raise AssertionError(f"no Event of Default under Schedule 1 ({kind}) occurred on "
                             f"{in_words(expected.isoformat())}"
                             + (f"; one occurred on {when}" if when else
                                _defaults_in_words(world)))


@step(THEN, p("the Event of Default under {kind:Default} {standing:DefaultStanding}"))
def default_is(world: World, kind: str, standing: str) -> None:
    """The Event of Default of that kind continues, is cured or is waived.

    Meant is the only one of that kind, or else the earliest still continuing.
    """
    world.outcome()
    found = the_default(world, kind)
    if found["status"] != standing:
        raise AssertionError(f"the Event of Default under Schedule 1 ({kind}) is "
                             f"{found['status']}, not {standing}")


@step(THEN, p("one Event of Default under {kind:Default} continues"))
def one_default_continues(world: World, kind: str) -> None:
    """Exactly one Event of Default of that kind continues."""
    defaults_continue(world, 1, kind)


@step(THEN, p("{count:Number} Events of Default under {kind:Default} continue"))
def defaults_continue(world: World, count: int, kind: str) -> None:
    """That many Events of Default of that kind continue (each breach is its own)."""
    world.outcome()
    found = [e for e in world.status()["events_of_default"]
             if e["kind"] == kind and e["status"] == "continuing"]
    if len(found) != count:
        raise AssertionError(f"{len(found)} Events of Default under Schedule 1 ({kind}) "
                             f"continue, not {count}{_defaults_in_words(world)}")


@step(THEN, p("the Company owes {interest:Money} of interest and {principal:Money} of principal"))
def company_owes(world: World, interest: str, principal: str) -> None:
    """What the Company must pay the Holders now: interest payable and unpaid, and principal."""
    world.outcome()
    balances = world.status()["balances"]
    owed = (Decimal(balances["interest_payable"]), Decimal(balances["principal_payable"]))
    if owed != (Decimal(interest), Decimal(principal)):
        raise AssertionError(f"the Company owes ${owed[0]:,.2f} of interest and "
                             f"${owed[1]:,.2f} of principal, not ${Decimal(interest):,.2f} "
                             f"of interest and ${Decimal(principal):,.2f} of principal")


@step(THEN, p("the Company owes nothing"))
def company_owes_nothing(world: World) -> None:
    """No interest or principal is payable and unpaid, and no principal is outstanding."""
    world.outcome()
    balances = world.status()["balances"]
    left = {k: balances[k] for k in ("interest_payable", "principal_payable",
                                     "principal_outstanding") if Decimal(balances[k]) != 0}
    if left:
        raise AssertionError(f"the Company still owes: {left}")


@step(THEN, p("the Notes have been accelerated"))
@step(THEN, p("the Notes are accelerated"))
def accelerated(world: World) -> None:
    """All principal and accrued interest have been declared due at once (Schedule 1)."""
    world.outcome()
    if not world.status()["accelerated"]:
        raise AssertionError("the Notes are not accelerated")


@step(THEN, p("the Notes have not been accelerated"))
@step(THEN, p("the Notes are not accelerated"))
def not_accelerated(world: World) -> None:
    """The Notes have not been accelerated (or not yet: the notice is not yet effective)."""
    world.outcome()
    if world.status()["accelerated"]:
        raise AssertionError(f"the Notes are accelerated, since "
                             f"{in_words(world.status()['accelerated_at'])}")


def _payment(world: World, kind: str, date: str) -> dict[str, Any]:
    ident = f"{kind}-{date}"
    for owed in world.status()["obligations"]:
        if owed["id"] == ident:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"no {kind} is due on {date_words(date)} under the payment schedule")


@step(THEN, p("the {kind:PaymentKind} due on {date:Date} is {amount:Money}, payable on "
              "{payable:Date}"))
def payment_scheduled(world: World, kind: str, date: str, amount: str, payable: str) -> None:
    """The payment schedule (Schedule 1, ASSUMED): the amount due on that date, and the
    business day it is payable on (a date that is not one moves to the next)."""
    world.outcome()
    owed = _payment(world, kind, date)
    if (Decimal(owed["amount"]), owed["due"]) != (Decimal(amount), payable):
        raise AssertionError(f"the {kind} due on {date_words(date)} is "
                             f"${Decimal(owed['amount']):,.2f}, payable on "
                             f"{date_words(owed['due'])}, not ${Decimal(amount):,.2f}, "
                             f"payable on {date_words(payable)}")


@step(THEN, p("the {kind:PaymentKind} due on {date:Date} is {standing:PaymentStanding}"))
def payment_is(world: World, kind: str, date: str, standing: str) -> None:
    """The payment due on that date is pending, paid, overdue or accelerated."""
    world.outcome()
    owed = _payment(world, kind, date)
    if owed["status"] != standing:
        raise AssertionError(f"the {kind} due on {date_words(date)} is {owed['status']}, "
                             f"not {standing}")


# --- the same in other words -------------------------------------------------------------


@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}, {particulars:Particulars}"))
def gives_notice_of_acceleration_with(world: World, holder: str, method: str, delivery: str,
                                      date: str, time: str, particulars: Particulars) -> None:
    """A notice of acceleration as the particulars after the time say: "addressed to ...",
    "with no copy to ...", "without return receipt requested" (8.5)."""
    at = at_time(date, time)
    _accelerate_by(world, holder, (), method, at, {delivery: at}, particulars)


@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method} on {date:Date} "
                "at {time:Time}, {particulars:Particulars}"))
@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method} on {date:Date} "
                "at {time:Time}"))
def gives_notice_of_acceleration_otherwise(world: World, holder: str, method: str, date: str,
                                           time: str,
                                           particulars: Particulars | None = None) -> None:
    """A notice of acceleration with no time of delivery, postmark or confirmation (by
    e-mail, or a facsimile never confirmed): no notice under 8.5."""
    _accelerate_by(world, holder, (), method, at_time(date, time), {},
                   particulars or Particulars())


@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method}{sending:Sending}"))
def gives_notice_of_acceleration_sent_and_received(world: World, holder: str, method: str,
                                                   sending: Sent) -> None:
    """A notice of acceleration sent at one moment and delivered, postmarked or confirmed at
    another; it takes effect with the notice (8.5)."""
    at, moments = sent_moments(sending)
    _accelerate_by(world, holder, (), method, at, moments, sending.particulars)


@step(ACTION, p("the Holders of a majority in principal give notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
@step(ACTION, p("Holders of a majority in principal give notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def majority_accelerates(world: World, method: str, delivery: str, date: str,
                         time: str) -> None:
    """The Holders of a majority in principal, together, give notice of acceleration: the
    fewest Holders, largest first, holding more than half the principal outstanding."""
    first, others = majority(world)
    _accelerate(world, first, others, method, delivery, date, time)


@step(ACTION, p("the Holders of a majority in principal waive in writing the Event of Default "
                "under {kind:Default} on {date:Date} at {time:Time}"))
@step(ACTION, p("Holders of a majority in principal waive in writing the Event of Default "
                "under {kind:Default} on {date:Date} at {time:Time}"))
def majority_waives(world: World, kind: str, date: str, time: str) -> None:
    """The Holders of a majority in principal, together, waive the Event of Default in
    writing (Schedule 1, ASSUMED; 8.6: it covers only the one it names)."""
    first, others = majority(world)
    _waive(world, first, others, kind, date, time)


@step(THEN, p("an Event of Default is continuing"))
@step(THEN, p("an Event of Default continues"))
def a_default_continues(world: World) -> None:
    """At least one Event of Default (Schedule 1, ASSUMED) continues."""
    world.outcome()
    if not any(e["status"] == "continuing" for e in world.status()["events_of_default"]):
        raise AssertionError(f"no Event of Default continues{_defaults_in_words(world)}")


@step(THEN, p("an Event of Default has occurred"))
def a_default_occurred(world: World) -> None:
    """At least one Event of Default (Schedule 1, ASSUMED) has occurred."""
    world.outcome()
    if not world.status()["events_of_default"]:
        raise AssertionError("no Event of Default has occurred")


@step(THEN, p("the Notes are outstanding"))
def notes_outstanding(world: World) -> None:
    """Notes have been issued and principal is still unpaid (Outstanding or Default)."""
    world.outcome()
    status = world.status()
    if Decimal(status["balances"]["principal_outstanding"]) <= 0:
        raise AssertionError(f"no Notes are outstanding: the deal is {status['state']}")


def _received(world: World, holder: str, kind: str, date: str | None) -> Decimal:
    """What the Holder has received of that kind of payment (of the installment due then)."""
    total = Decimal("0.00")
    ident = f"{kind}-{date}" if date else None
    for payment in world.status()["payments_to_holders"]:
        for part in payment["parts"]:
            if payment["purpose"] == kind and (ident is None or part["obligation"] == ident
                                               or kind == "principal"):
                total += Decimal(part["shares"].get(holder, "0.00"))
    return total


@step(THEN, p("{holder:Holder} receives {amount:Money} of the {kind:PaymentKind} due on "
              "{date:Date}"))
def holder_receives(world: World, holder: str, amount: str, kind: str, date: str) -> None:
    """The Holder's share of the payments made on the installment due that date: the
    Holders share each payment by principal held (Schedule 1, ASSUMED; PRODUCT.md 6)."""
    world.outcome()
    if kind == "interest" and not any(o["id"] == f"interest-{date}"
                                      for o in world.status()["obligations"]):
        raise StepError(f"no interest is due on {date_words(date)} under the payment schedule")
    got = _received(world, holder, kind, date)
    if got != Decimal(amount):
        raise AssertionError(f"{holder_name(holder)} receives ${got:,.2f} of the {kind} due on "
                             f"{date_words(date)}, not ${Decimal(amount):,.2f}")


@step(THEN, p("{holder:Holder} has received {amount:Money} of {kind:PaymentKind}"))
def holder_has_received(world: World, holder: str, amount: str, kind: str) -> None:
    """The Holder's share of every payment of that kind made so far."""
    world.outcome()
    got = _received(world, holder, kind, None)
    if got != Decimal(amount):
        raise AssertionError(f"{holder_name(holder)} has received ${got:,.2f} of {kind}, "
                             f"not ${Decimal(amount):,.2f}")


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, gives notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}"))
def gives_joint_notice_of_acceleration_with(world: World, holder: str, others: tuple[str, ...],
                                            method: str, delivery: str, date: str, time: str,
                                            particulars: Particulars) -> None:
    """Holders together give notice of acceleration, as the particulars after the time say."""
    at = at_time(date, time)
    _accelerate_by(world, holder, others, method, at, {delivery: at}, particulars)


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, gives notice of acceleration "
                "{method:Method}{sending:Sending}"))
def gives_joint_notice_of_acceleration_sent_and_received(
    world: World, holder: str, others: tuple[str, ...], method: str, sending: Sent
) -> None:
    """Holders together give notice of acceleration, sent at one moment and received at
    another."""
    at, moments = sent_moments(sending)
    _accelerate_by(world, holder, others, method, at, moments, sending.particulars)


@step(ACTION, p("the Holders of a majority in principal give notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}"))
def majority_accelerates_with(world: World, method: str, delivery: str, date: str, time: str,
                              particulars: Particulars) -> None:
    """The Holders of a majority in principal give notice of acceleration, as the
    particulars after the time say."""
    first, others = majority(world)
    at = at_time(date, time)
    _accelerate_by(world, first, others, method, at, {delivery: at}, particulars)


@step(ACTION, p("the Holders of a majority in principal give notice of acceleration "
                "{method:Method}{sending:Sending}"))
def majority_accelerates_sent_and_received(world: World, method: str, sending: Sent) -> None:
    """The Holders of a majority in principal give notice of acceleration, sent at one
    moment and received at another."""
    first, others = majority(world)
    at, moments = sent_moments(sending)
    _accelerate_by(world, first, others, method, at, moments, sending.particulars)


# --- default interest, payment ahead of its date, prepayment (issue 9 items 7, 13, 16) ----


@step(GIVEN, p("the deal made from this term sheet, closed on October 27, 1997, with the "
               "Notes outstanding:"))
def the_outstanding_deal_on_terms(world: World, datatable: list[list[str]]) -> None:
    """A deal from the 1997 template on another term sheet (as "the deal made from this
    term sheet:" reads its table), signed, closed and settled as the 1997 deal is on
    October 27, 1997: the Notes outstanding, held by Purchaser. The table should keep the
    1997 Closing Date and amounts ("notes.prepayment | true", "notes.default_rate | ...")."""
    from features.steps.closing import settle_on_the_closing_date, the_deal_on_terms

    the_deal_on_terms(world, datatable)
    for actor in ("company", "purchaser"):
        world.act({"type": "sign", "actor": actor, "at": "1997-10-20T09:00"})
    settle_on_the_closing_date(world)


@step(ACTION, p("{party:Party} pays {amount:Money} of the interest due on {due:Date}, on "
                "{date:Date} at {time:Time}"))
def pays_the_coupon(world: World, party: str, amount: str, due: str, date: str,
                    time: str) -> None:
    """A payment of interest that names the coupon it pays (`due`, Schedule 1, ASSUMED):
    the oldest not yet paid in full, or the next one ahead of its date, and no more than
    is left of it."""
    world.act({"type": "pay", "actor": party, "at": at_time(date, time), "purpose": "interest",
               "amount": amount, "due": due})


def _balance(world: World, key: str) -> Decimal:
    world.outcome()
    return Decimal(world.status()["balances"][key])


def _expect_balance(world: World, key: str, amount: str, words: str) -> None:
    """A Then on one balance, failing in the step's own words: "$X <words>, not $Y"."""
    found = _balance(world, key)
    if found != Decimal(amount):
        raise AssertionError(f"${found:,.2f} {words}, not ${Decimal(amount):,.2f}")


@step(THEN, p("{amount:Money} of default interest has accrued"))
def default_interest_accrued(world: World, amount: str) -> None:
    """Default interest (Schedule 1, ASSUMED) on principal unpaid after maturity or
    acceleration, accrued to now, paid or not."""
    _expect_balance(world, "default_interest", amount, "of default interest has accrued")


@step(THEN, p("{amount:Money} of interest has been paid ahead of its date"))
def interest_paid_ahead(world: World, amount: str) -> None:
    """Interest paid before the coupon it pays is payable (the next coupon, paid early)."""
    _expect_balance(world, "interest_paid_in_advance", amount,
                    "of interest has been paid ahead of its date")


@step(THEN, p("{amount:Money} of principal is outstanding"))
def principal_outstanding(world: World, amount: str) -> None:
    """The principal of the Notes not yet repaid, all Holders together."""
    _expect_balance(world, "principal_outstanding", amount, "of principal is outstanding")


# --- Holders join an act of the Holders of a majority (Schedule 1) ---------------------


@step(ACTION, p("{holder:Holder} joins the acceleration {method:Method}, {delivery:Delivery} "
                "on {date:Date} at {time:Time}"))
def joins_the_acceleration(world: World, holder: str, method: str, delivery: str, date: str,
                           time: str) -> None:
    """The Holder takes the acceleration itself, by its own written notice (Schedule 1):
    pending until the Holders who have joined hold a majority in principal, then given."""
    _accelerate(world, holder, (), method, delivery, date, time)


@step(ACTION, p("{holder:Holder} joins the waiver of the Event of Default under {kind:Default} "
                "on {date:Date} at {time:Time}"))
def joins_the_waiver(world: World, holder: str, kind: str, date: str, time: str) -> None:
    """The Holder signs the waiver of that Event of Default itself (Schedule 1, 8.4): it ends
    the event once the Holders who have signed hold a majority in principal."""
    _waive(world, holder, (), kind, date, time)


@step(ACTION, p("{actor:Holder} gives notice of acceleration on behalf of {others:Holders} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def accelerates_on_behalf_of(world: World, actor: str, others: tuple[str, ...], method: str,
                             delivery: str, date: str, time: str) -> None:
    """One actor gives notice of acceleration naming Holders who have not themselves acted
    (`joined_by`): naming a Holder is not that Holder acting (Schedule 1)."""
    at = at_time(date, time)
    world.act({"type": "accelerate", "actor": actor, "at": at,
               "notice": notice_for(world, "company", method, {delivery: at}, Particulars()),
               "joined_by": list(others)})


@step(ACTION, p("{actor:Holder} waives in writing, on behalf of {others:Holders}, the Event "
                "of Default under {kind:Default} on {date:Date} at {time:Time}"))
def waives_on_behalf_of(world: World, actor: str, others: tuple[str, ...], kind: str,
                        date: str, time: str) -> None:
    """One actor waives an Event of Default naming Holders who have not themselves signed
    (`joined_by`): the waiver needs the Holders' own writing (Schedule 1, 8.4)."""
    world.act({"type": "waive_default", "actor": actor, "at": at_time(date, time),
               "event_of_default": the_default(world, kind)["id"],
               "joined_by": list(others)})


def _pending(world: World, act: str, holders: tuple[str, ...]) -> None:
    world.outcome()
    joined = world.need_deal().state.joined.get(act)
    names = " and ".join(holder_name(h) for h in joined or ())
    if joined is None:
        raise AssertionError(f"no {act} is pending")
    if set(joined) != set(holders):
        raise AssertionError(f"the {act} is pending, joined by {names}")


@step(THEN, p("the acceleration is pending, joined by {holders:Holders}"))
def acceleration_pending(world: World, holders: tuple[str, ...]) -> None:
    """Those Holders, and no others, have taken the acceleration themselves, and together
    they are not yet Holders of a majority in principal (Schedule 1)."""
    _pending(world, "acceleration", holders)


@step(THEN, p("the waiver of the Event of Default under {kind:Default} is pending, joined by "
              "{holders:Holders}"))
def waiver_pending(world: World, kind: str, holders: tuple[str, ...]) -> None:
    """Those Holders, and no others, have signed the waiver of that Event of Default, and
    together they are not yet Holders of a majority in principal (Schedule 1)."""
    _pending(world, f"waiver of {the_default(world, kind)['id']}", holders)


@step(THEN, p("no act of the Holders is pending"))
def nothing_pending(world: World) -> None:
    """No acceleration, waiver or notice of covenant breach waits on more Holders."""
    world.outcome()
    joined = world.need_deal().state.joined
    if joined:
        raise AssertionError("pending: " + "; ".join(
            f"the {act}, joined by {' and '.join(holder_name(h) for h in who)}"
            for act, who in joined.items()))


@step(ACTION, p("{actor:Holder} gives notice of acceleration, joining {others:Holders}, "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def accelerates_joining(world: World, actor: str, others: tuple[str, ...], method: str,
                        delivery: str, date: str, time: str) -> None:
    """The actor gives notice of acceleration joining those Holders' acceleration
    (`joined_by`): accepted only if each of them has already taken it itself (Schedule 1)."""
    accelerates_on_behalf_of(world, actor, others, method, delivery, date, time)


@step(ACTION, p("{actor:Holder} waives in writing, joining {others:Holders}, the Event of "
                "Default under {kind:Default} on {date:Date} at {time:Time}"))
def waives_joining(world: World, actor: str, others: tuple[str, ...], kind: str, date: str,
                   time: str) -> None:
    """The actor signs the waiver those Holders signed (`joined_by`): accepted only if each
    of them has already signed it itself (Schedule 1, 8.4)."""
    waives_on_behalf_of(world, actor, others, kind, date, time)
