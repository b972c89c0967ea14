"""Steps for the deal, its signing, the conditions of section 5, the Closing (2.1),
delivery against payment (1.2, 2.2) and amendment (8.4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from features.steps.registry import ACTION, GIVEN, THEN, step
from features.steps.types import (
    DELIVERABLES,
    DELIVERED_BY,
    NAMES,
    PRE_CLOSING,
    StepError,
    money,
    p,
)
from features.steps.words import date_words
from features.steps.world import World, at_time


@step(GIVEN, p("the 1997 deal"))
def the_1997_deal(world: World) -> None:
    """A new deal on the 1997 terms (the Lexington Precision / Nomura agreement), unsigned."""
    from engine import Deal

    world.deal = Deal.create(None, "lexington-1997")


@step(GIVEN, p("the deal made from this term sheet:"))
def the_deal_on_terms(world: World, datatable: list[list[str]]) -> None:
    """A new deal from the 1997 template on another term sheet, unsigned.

    The table lists the terms that differ from the 1997 ones, one a row under
    the heading "term | value": the term as the term sheet's TOML names it
    (notes.principal, notes.rate, deal.closing_date, ...) and its value as
    TOML writes it ("1000000.00", "2026-03-02", true). `npa explore --terms`
    writes its counterexamples with this step.
    """
    from contract import TermsError, load_terms
    from engine import Deal

    rows = [[cell.strip() for cell in row] for row in datatable if row]
    if rows and [cell.lower() for cell in rows[0]] == ["term", "value"]:
        rows = rows[1:]
    if any(len(row) != 2 for row in rows):
        raise StepError("the term sheet is a table of two columns: term | value")
    text = "\n".join(f"{term} = {value}" for term, value in rows)
    try:
        terms = load_terms(text)
    except TermsError as exc:
        raise StepError(f"not a term sheet: {exc}") from None
    world.deal = Deal.create(None, "lexington-1997", terms)


@step(GIVEN, p("the 1997 deal, signed by the Company and the Purchaser"))
def the_signed_1997_deal(world: World) -> None:
    """The 1997 deal, signed by the Company and by Purchaser on October 20, 1997 at 09:00.

    A week before the Closing Date, so a scenario can deliver, request,
    record and waive in the days before it.
    """
    the_1997_deal(world)
    for actor in ("company", "purchaser"):
        world.act({"type": "sign", "actor": actor, "at": "1997-10-20T09:00"})


#: The deliveries "dated the Closing Date" (5.1(b), 5.2(b)): made on it, at the Closing.
DATED = ("5.1(b)", "5.2(b)")


def _meet_every_condition(world: World, leave_out: Iterable[str]) -> None:
    """Deliver each pending delivery condition not left out, then check the others hold.

    The officers' certificates are dated the Closing Date: unless the deal's
    time is already on it, they are left for the Closing (`_close`), which
    delivers them at its own time, just before it is held.
    """
    skip = set(leave_out)
    at = world.clock or "1997-10-20T09:00"
    status = world.status()
    conditions = status["conditions"]
    for section, actor in DELIVERED_BY.items():
        if section in skip or conditions.get(section) != "pending":
            continue
        if section in DATED and at[:10] != status["closing_date"]:
            world.at_the_closing.append((actor, section))
            continue
        world.act({"type": "satisfy_condition", "actor": actor, "at": at,
                   "condition": section})
    conditions = world.status()["conditions"]
    left = {section for _, section in world.at_the_closing}
    unmet = [s for s in PRE_CLOSING
             if s not in skip and s not in left and conditions.get(s) == "pending"]
    if unmet:
        raise AssertionError(f"not met: {', '.join(unmet)} (something stands against them)")


def _close(world: World, party: str, at: str) -> None:
    """Hold the Closing at `at`, first delivering the certificates left for it.

    Each is delivered as the Closing Date's certificate would be; one the
    engine refuses (the Closing is not on the Closing Date) is simply not
    delivered, and the Closing's own refusal says why.
    """
    for actor, section in world.at_the_closing:
        world.attempt({"type": "satisfy_condition", "actor": actor, "at": at,
                       "condition": section})
    world.at_the_closing.clear()
    world.act({"type": "close", "actor": party, "at": at})


@step(GIVEN, p("every condition of 5.1 and 5.2 is met"))
def every_condition_met(world: World) -> None:
    """Every condition the Closing needs is met, at the deal's current time.

    The conditions met by a delivery are delivered by their party: the
    Company's counsel's opinion (5.1(d)) and the consents of 5.1(f) and
    5.2(e) at once; the officers' certificates of the Company (5.1(b)) and of
    Purchaser (5.2(b)), "dated the Closing Date", on the Closing Date, at the
    Closing, just before it is held. The conditions met unless something stands against them
    (5.1(a), (e), (h); 5.2(a), (d), (f)) must hold already: the step fails
    if one does not. The settlement conditions (5.1(c), 5.1(g), 5.2(c)) are
    met at the Closing itself and are left alone.
    """
    _meet_every_condition(world, ())


@step(GIVEN, p("every other condition of 5.1 and 5.2 is met"))
def every_other_condition_met(world: World) -> None:
    """As "every condition of 5.1 and 5.2 is met", except the conditions the scenario names.

    A condition is named when any step of the scenario (before or after this
    one) mentions its section ("refused under 5.1(d)", "waives condition
    5.1(d)") or delivers it ("delivers the opinion of counsel" names 5.1(d)).
    Those are left as they are, for the scenario to deal with.
    """
    _meet_every_condition(world, world.named)


@step(GIVEN, p("every condition of 5.1 and 5.2 is met except {sections:Sections}"))
def every_condition_met_except(world: World, sections: tuple[str, ...]) -> None:
    """As "every condition of 5.1 and 5.2 is met", except the conditions listed."""
    _meet_every_condition(world, sections)


@step(GIVEN, p("the 1997 deal, closed on October 27, 1997, with the Notes outstanding"))
def the_outstanding_1997_deal(world: World) -> None:
    """The 1997 deal, signed, closed and settled on the Closing Date, October 27, 1997.

    Every condition of 5.1 and 5.2 is met; the Company holds the Closing at
    10:00; at 11:00 it delivers a Note of $7,500,000.00, LCI delivers the
    Guarantee, Purchaser pays the Purchase Price and the Company pays the
    Transaction Fee. The deal is Outstanding, and Purchaser holds the Notes.
    """
    the_signed_1997_deal(world)
    settle_on_the_closing_date(world)


def settle_on_the_closing_date(world: World) -> None:
    """Meet every condition, hold the Closing on October 27, 1997 at 10:00 and settle at
    11:00 (the Notes, the Guarantee, the Purchase Price, the Transaction Fee): Outstanding."""
    _meet_every_condition(world, ())
    settlement = "1997-10-27T11:00"
    _close(world, "company", "1997-10-27T10:00")
    for action in (
        {"type": "deliver_notes", "actor": "company", "at": settlement,
         "denominations": ["7500000.00"]},
        {"type": "deliver_guarantee", "actor": "guarantor", "at": settlement},
        {"type": "pay", "actor": "purchaser", "at": settlement, "purpose": "purchase_price",
         "amount": "7500000.00"},
        {"type": "pay", "actor": "company", "at": settlement, "purpose": "transaction_fee",
         "amount": "75000.00"},
    ):
        world.act(action)
    state = world.status()["state"]
    if state != "Outstanding":
        raise AssertionError(f"the deal is {state} after the Closing, not Outstanding")


@step(ACTION, p("{party:Party} signs on {date:Date} at {time:Time}"))
def signs(world: World, party: str, date: str, time: str) -> None:
    """The party signs the agreement (signature page)."""
    world.act({"type": "sign", "actor": party, "at": at_time(date, time)})


def _delivers_about(args: Mapping[str, Any]) -> set[str]:
    return set(_delivered_conditions(args["party"], args["what"], strict=False))


def _delivered_conditions(party: str, what: str, *, strict: bool = True) -> tuple[str, ...]:
    by_party = DELIVERABLES[what]
    found = by_party.get(party, by_party.get("*"))
    if found is None:
        if strict:
            raise StepError(f"{NAMES[party]} has no {what.removeprefix('its ')} to deliver")
        return ()
    return found


@step(ACTION, p("{party:Party} delivers {what:Deliverable} on {date:Date} at {time:Time}"),
      about=_delivers_about)
def delivers(world: World, party: str, what: str, date: str, time: str) -> None:
    """The party delivers what a condition of 5.1 or 5.2 asks for.

    "its officer's certificate": the Company's meets 5.1(b), Purchaser's 5.2(b);
    "the opinion of counsel" meets 5.1(d); "the consents of third parties"
    meet both 5.1(f) and 5.2(e), which ask for the same consents.
    """
    for section in _delivered_conditions(party, what):
        if world.act({"type": "satisfy_condition", "actor": party, "at": at_time(date, time),
                      "condition": section}) is None or not world.result.accepted:
            return


@step(ACTION, p("{party:Party} satisfies condition {section:Section} "
                "on {date:Date} at {time:Time}"))
def satisfies(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party delivers what the condition at that section asks for."""
    world.act({"type": "satisfy_condition", "actor": party, "at": at_time(date, time),
               "condition": section})


@step(ACTION, p("{party:Party} waives condition {section:Section} on {date:Date} at {time:Time}"))
def waives(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party waives the condition at that section, at its option (5.1, 5.2).

    Nothing said of its form, the waiver is taken to be a written instrument
    signed by the Company and Purchaser (8.4), as the engine takes it.
    """
    world.act({"type": "waive_condition", "actor": party, "at": at_time(date, time),
               "condition": section})


def _waive(world: World, party: str, section: str, date: str, time: str,
           in_writing: bool, signed_by: list[str]) -> None:
    world.act({"type": "waive_condition", "actor": party, "at": at_time(date, time),
               "condition": section, "in_writing": in_writing, "signed_by": signed_by})


@step(ACTION, p("{party:Party} waives condition {section:Section} orally on {date:Date} "
                "at {time:Time}"))
def waives_orally(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party waives the condition by word of mouth, with nothing signed (8.4)."""
    _waive(world, party, section, date, time, False, [])


@step(ACTION, p("{party:Party} waives condition {section:Section} in writing, signed by "
                "{signer:Party} alone, on {date:Date} at {time:Time}"))
def waives_signed_by_one(world: World, party: str, section: str, signer: str, date: str,
                         time: str) -> None:
    """The party waives the condition by a written instrument only one party signs (8.4)."""
    _waive(world, party, section, date, time, True, [signer])


@step(ACTION, p("{party:Party} waives condition {section:Section} in writing, signed by the "
                "Company and Purchaser, on {date:Date} at {time:Time}"))
def waives_in_writing(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party waives the condition by a written instrument signed by both (8.4).

    "waives condition ... on ..." with nothing said of its form means the same.
    """
    _waive(world, party, section, date, time, True, ["company", "purchaser"])


@step(ACTION, p("{party:Party} requests {description} on {date:Date} at {time:Time}"))
def requests(world: World, party: str, description: str, date: str, time: str) -> None:
    """The party reasonably requests another instrument (Purchaser 5.1(h), the Company 5.2(f))."""
    world.act({"type": "request_instrument", "actor": party, "at": at_time(date, time),
               "description": description})


@step(ACTION, p("{party:Party} delivers the requested instrument on {date:Date} at {time:Time}"))
def delivers_requested(world: World, party: str, date: str, time: str) -> None:
    """The party delivers the instrument most recently requested in the scenario."""
    if not world.requests:
        raise StepError("no instrument has been requested in this scenario")
    result = world.act({"type": "deliver_instrument", "actor": party, "at": at_time(date, time),
                        "request": world.requests[-1]})
    if result is not None and result.accepted:
        world.requests.pop()


@step(ACTION, p("{party:Party} records a proceeding {description} on {date:Date} at {time:Time}"))
def records_proceeding(world: World, party: str, description: str, date: str, time: str) -> None:
    """A proceeding seeking to enjoin or prevent the transactions is pending (5.1(e), 5.2(d))."""
    world.act({"type": "record_proceeding", "actor": party, "at": at_time(date, time),
               "description": f"a proceeding {description}"})


@step(ACTION, p("{party:Party} records the proceeding as resolved on {date:Date} at {time:Time}"))
def resolves_proceeding(world: World, party: str, date: str, time: str) -> None:
    """The proceeding most recently recorded in the scenario is no longer pending."""
    if not world.proceedings:
        raise StepError("no proceeding has been recorded in this scenario")
    result = world.act({"type": "resolve_proceeding", "actor": party, "at": at_time(date, time),
                        "proceeding": world.proceedings[-1]})
    if result is not None and result.accepted:
        world.proceedings.pop()


@step(ACTION, p("{party:Party} records that the representation in {section:Section} was untrue "
                "on {date:Date} at {time:Time}"))
def records_misrepresentation(world: World, party: str, section: str, date: str,
                              time: str) -> None:
    """A representation (section 3: the Company's; section 4: Purchaser's) proved untrue."""
    world.act({"type": "record_misrepresentation", "actor": party, "at": at_time(date, time),
               "section": section,
               "description": f"the representation in {section} was untrue"})


@step(ACTION, p("{party:Party} closes on {date:Date} at {time:Time}"))
def closes(world: World, party: str, date: str, time: str) -> None:
    """The party holds the Closing (2.1), once the officers' certificates left for it, if
    any, are delivered at the same moment (5.1(b), 5.2(b): "dated the Closing Date")."""
    _close(world, party, at_time(date, time))


@step(ACTION, p("{party:Party} delivers the Notes in these denominations on {date:Date} "
                "at {time:Time}"))
def delivers_notes(world: World, party: str, date: str, time: str,
                   datatable: list[list[str]]) -> None:
    """The party delivers the Notes in the denominations of the table, one amount a row.

    A first row that is not an amount ("denomination") is a heading.
    """
    rows = [row[0].strip() for row in datatable if row]
    if rows and not re.fullmatch(money.pattern, rows[0]):
        rows = rows[1:]
    denominations = []
    for cell in rows:
        if not re.fullmatch(money.pattern, cell):
            raise StepError(f"{cell!r} is not an amount like $5,000,000.00")
        denominations.append(money(cell))
    world.act({"type": "deliver_notes", "actor": party, "at": at_time(date, time),
               "denominations": denominations})


@step(ACTION, p("{party:Party} delivers the Guarantee on {date:Date} at {time:Time}"))
def delivers_guarantee(world: World, party: str, date: str, time: str) -> None:
    """The party (LCI, the guarantor) delivers the Guarantee of the Notes (5.1(c))."""
    world.act({"type": "deliver_guarantee", "actor": party, "at": at_time(date, time)})


@step(ACTION, p("{party:Party} pays the Purchase Price of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_purchase_price(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount as the Purchase Price (1.1, 1.2)."""
    world.act({"type": "pay", "actor": party, "at": at_time(date, time),
               "purpose": "purchase_price", "amount": amount})


@step(ACTION, p("{party:Party} pays the Transaction Fee of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_transaction_fee(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount as the Transaction Fee (2.2, 5.1(g))."""
    world.act({"type": "pay", "actor": party, "at": at_time(date, time),
               "purpose": "transaction_fee", "amount": amount})


def _amend(world: World, actor: str, date: str, time: str, new_date: str,
           signed_by: list[str], in_writing: bool) -> None:
    world.act({"type": "amend", "actor": actor, "at": at_time(date, time),
               "changes": {"closing_date": new_date}, "signed_by": signed_by,
               "in_writing": in_writing})


@step(ACTION, p("the Company and Purchaser agree in writing, signed by both, on {date:Date} "
                "at {time:Time}, to move the Closing Date to {new_date:Date}"))
def amend_in_writing(world: World, date: str, time: str, new_date: str) -> None:
    """A written instrument signed by the Company and Purchaser moves the Closing Date (8.4)."""
    _amend(world, "company", date, time, new_date, ["company", "purchaser"], True)


@step(ACTION, p("the Company and Purchaser agree orally, on {date:Date} at {time:Time}, "
                "to move the Closing Date to {new_date:Date}"))
def amend_orally(world: World, date: str, time: str, new_date: str) -> None:
    """The parties agree by word of mouth, with nothing in writing and nothing signed (8.4)."""
    _amend(world, "company", date, time, new_date, [], False)


@step(ACTION, p("{party:Party} alone signs a written amendment, on {date:Date} at {time:Time}, "
                "to move the Closing Date to {new_date:Date}"))
def amend_signed_by_one(world: World, party: str, date: str, time: str, new_date: str) -> None:
    """A written amendment that only that party signs (8.4)."""
    _amend(world, party, date, time, new_date, [party], True)


@step(THEN, p("condition {section:Section} is {standing:Standing}"))
def condition_is(world: World, section: str, standing: str) -> None:
    """The condition at that section of 5.1 or 5.2 is pending, satisfied or waived."""
    world.outcome()
    conditions = world.status()["conditions"]
    if section not in conditions:
        raise StepError(f"{section} is not a condition of 5.1 or 5.2")
    if conditions[section] != standing:
        raise AssertionError(f"condition {section} is {conditions[section]}, not {standing}")


@step(THEN, p("the Transaction Fee is {standing:ExpenseStanding}"))
def transaction_fee_is(world: World, standing: str) -> None:
    """The Company's covenant to pay the Transaction Fee at the Closing (2.2) is pending,
    overdue (the day of the Closing has ended and it is unpaid) or paid."""
    world.outcome()
    owed = next(o for o in world.status()["obligations"] if o["id"] == "transaction-fee")
    if owed["status"] != standing:
        raise AssertionError(f"the Transaction Fee is {owed['status']}, not {standing}")


@step(THEN, p("the deal still needs {section:Section}"))
def still_needs(world: World, section: str) -> None:
    """Among what the deal is missing for its next state, one item cites that section."""
    world.outcome()
    missing = world.status()["missing"]
    if not any(reason["section"] == section for reason in missing):
        cited = ", ".join(reason["section"] for reason in missing) or "nothing"
        raise AssertionError(f"the deal does not need {section}; it needs {cited}")


@step(THEN, p("the Closing Date is {date:Date}"))
def closing_date_is(world: World, date: str) -> None:
    """The Closing Date (2.1, as amended under 8.4) is that date."""
    world.outcome()
    actual = world.status()["closing_date"]
    if actual != date:
        raise AssertionError(f"the Closing Date is {date_words(actual)}, not {date_words(date)}")
