"""Steps for indemnification (8.10), survival (8.2) and expenses (8.9).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from features.steps.notices import notice_for, sent_moments
from features.steps.registry import ACTION, THEN, step
from features.steps.types import (
    CONSENTED,
    DAMAGE_KINDS,
    TYPES,
    Particulars,
    Sent,
    StepError,
    money,
    p,
)
from features.steps.words import date_words
from features.steps.world import World, at_time

#: "December 8, 1997" or "December 8, 1997 at 10:00": when an item of Damages was incurred.
_INCURRED = re.compile(r"(?P<date>.+?)(?: at (?P<time>\d{1,2}:\d{2}))?")


def _incurred(text: str) -> str | None:
    """The time an item was incurred, from its "incurred" cell (empty: not said)."""
    if not text:
        return None
    found = _INCURRED.fullmatch(text)
    try:
        assert found is not None
        day = TYPES["Date"](found.group("date"))
        moment = TYPES["Time"](found.group("time") or "00:00")
    except (AssertionError, StepError, ValueError):
        raise StepError(f"incurred is a date like December 8, 1997 (and a time like "
                        f"10:00), not {text!r}") from None
    return at_time(day, moment)


def _damages(datatable: list[list[str]]) -> list[dict[str, Any]]:
    """The Damages of a claim from its data table: kind, amount and, optionally,
    consented and incurred.

    A first row whose first cell is "kind" is the heading, and names the
    columns; without it the columns are kind, amount, consented.
    """
    rows = [[cell.strip() for cell in row] for row in datatable if row]
    columns = ["kind", "amount", "consented"]
    if rows and rows[0][0].lower() == "kind":
        columns = [cell.lower() for cell in rows[0]]
        rows = rows[1:]
        unknown = [c for c in columns if c not in ("kind", "amount", "consented", "incurred")]
        if unknown or "amount" not in columns:
            raise StepError("the Damages are listed under the heading kind | amount | "
                            "consented | incurred")
    if not rows:
        raise StepError("a claim lists its Damages, one item a row")
    damages = []
    for row in rows:
        item = dict(zip(columns, row, strict=False))
        kind, amount = item.get("kind", ""), item.get("amount", "")
        consented = item.get("consented", "").lower()
        if kind not in DAMAGE_KINDS:
            raise StepError(f"{kind!r} is not a kind of Damages under 8.10(a) "
                            f"({', '.join(DAMAGE_KINDS)})")
        if not re.fullmatch(money.pattern, amount):
            raise StepError(f"{amount!r} is not an amount like $150,000.00")
        if consented not in CONSENTED:
            raise StepError(f"consented is yes, no or empty, not {consented!r}")
        damage = {"kind": DAMAGE_KINDS[kind], "amount": money(amount),
                  "consented": CONSENTED[consented]}
        incurred = _incurred(item.get("incurred", ""))
        if incurred is not None:
            damage["incurred_at"] = incurred
        damages.append(damage)
    return damages


def _assert_claim(world: World, claimant: str, against: str, section: str, method: str,
                  moments: Mapping[str, str], at: str, damages: list[dict[str, Any]]) -> None:
    world.act({"type": "assert_claim", "actor": claimant, "at": at, "against": against,
               "section": section, "damages": damages,
               "notice": {"method": method, **moments}})


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "for these Damages:"))
def claims_indemnity(world: World, claimant: str, against: str, section: str, method: str,
                     delivery: str, date: str, time: str, datatable: list[list[str]]) -> None:
    """The party claims indemnity under 8.10, by notice under 8.5, for the Damages listed.

    The section is the representation, warranty or agreement said to be
    broken ("3.6", "8.7(a)", "5.1(b)" for the Company's officer's
    certificate). The Damages are a data table under the heading
    "kind | amount | consented" (see the parse types above). The claim is
    asserted when its notice takes effect.
    """
    at = at_time(date, time)
    _assert_claim(world, claimant, against, section, method, {delivery: at}, at,
                  _damages(datatable))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "for losses of {amount:Money}"))
def claims_indemnity_for_losses(world: World, claimant: str, against: str, section: str,
                                method: str, delivery: str, date: str, time: str,
                                amount: str) -> None:
    """As above, for Damages of one item: losses of that amount."""
    at = at_time(date, time)
    _assert_claim(world, claimant, against, section, method, {delivery: at}, at,
                  [{"kind": "losses", "amount": amount, "consented": False}])


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method} on {date:Date} at {time:Time}, for these Damages:"))
def claims_indemnity_otherwise(world: World, claimant: str, against: str, section: str,
                               method: str, date: str, time: str,
                               datatable: list[list[str]]) -> None:
    """A claim sent with no time of delivery, postmark or confirmation (by e-mail, say)."""
    _assert_claim(world, claimant, against, section, method, {}, at_time(date, time),
                  _damages(datatable))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method} on {date:Date} at {time:Time}, for losses of {amount:Money}"))
def claims_indemnity_otherwise_for_losses(world: World, claimant: str, against: str,
                                          section: str, method: str, date: str, time: str,
                                          amount: str) -> None:
    """A claim for losses of that amount, sent with no time of its method (by e-mail, say)."""
    _assert_claim(world, claimant, against, section, method, {}, at_time(date, time),
                  [{"kind": "losses", "amount": amount, "consented": False}])


def _the_claim(world: World) -> str:
    if not world.claims:
        raise StepError("no claim has been asserted in this scenario")
    return world.claims[-1]


@step(ACTION, p("{party:Party} acknowledges the claim on {date:Date} at {time:Time}"))
def acknowledges_claim(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party acknowledges the claim (8.10): the Damages that count are owed."""
    world.act({"type": "acknowledge_claim", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} disputes the claim on {date:Date} at {time:Time}"))
def disputes_claim(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party disputes the claim (8.10): nothing is owed until it is resolved."""
    world.act({"type": "dispute_claim", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} consents in writing to the settlement of the claim on {date:Date} "
                "at {time:Time}"))
def consents_to_settlement(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party's written consent to settling the claim (8.10(a)).

    It is its side of a settlement, which the claimant alone cannot make on a
    claim not acknowledged; and it is prior written consent to the settlement
    costs incurred after it, never to those incurred before.
    """
    world.act({"type": "consent_to_settlement", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} consents in writing to the settlement of the claim for up to "
                "{amount:Money} on {date:Date} at {time:Time}"))
def consents_to_settlement_up_to(world: World, party: str, amount: str, date: str,
                                 time: str) -> None:
    """The indemnifying party's written consent to settle the claim for no more than that
    amount (8.10); the claimant may then settle it for up to that much."""
    world.act({"type": "consent_to_settlement", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world), "amount": amount})


@step(ACTION, p("{party:Party} settles the claim for {amount:Money} on {date:Date} "
                "at {time:Time}"))
def settles_claim(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The claimant settles the claim for that amount, no more than it claimed (8.10): with
    the indemnifying party's consent to settlement, or alone on a claim it acknowledged."""
    world.act({"type": "settle_claim", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world), "amount": amount})


@step(ACTION, p("{party:Party} adjudicates the claim for {amount:Money} on {date:Date} "
                "at {time:Time}"))
def adjudicates_claim(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The court decides the claim, for that amount indemnifiable (8.1(b), 8.10)."""
    world.act({"type": "adjudicate_claim", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world), "amount": amount})


@step(ACTION, p("{party:Party} finds against the claim on {date:Date} at {time:Time}"))
def finds_against_claim(world: World, party: str, date: str, time: str) -> None:
    """The court decides the claim fails: nothing is indemnifiable (8.10)."""
    adjudicates_claim(world, party, "0.00", date, time)


@step(ACTION, p("{party:Party} withdraws the claim on {date:Date} at {time:Time}"))
def withdraws_claim(world: World, party: str, date: str, time: str) -> None:
    """The claimant withdraws the claim (8.10), which it may do before anything is paid on it."""
    world.act({"type": "withdraw_claim", "actor": party, "at": at_time(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} pays {amount:Money} of indemnity on the claim on {date:Date} "
                "at {time:Time}"))
def pays_indemnity(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount on the claim (8.10): the indemnifying party, no more than
    is indemnifiable and unpaid."""
    world.act({"type": "pay", "actor": party, "at": at_time(date, time), "purpose": "indemnity",
               "amount": amount, "claim": _the_claim(world)})


#: What Purchaser presents under 8.9, in the agreement's words.
COUNSEL_FEES = ("the reasonable legal fees and out-of-pocket expenses of Robinson, Silverman, "
                "Pearce, Aronsohn & Berman LLP, counsel to Purchaser, incurred in connection "
                "with the preparation, execution and delivery of the Agreement and the Notes")


@step(ACTION, p("{party:Party} presents its counsel's fees and expenses of {amount:Money} "
                "on {date:Date} at {time:Time}"))
def presents_expenses(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party presents its counsel's fees and expenses for the Company to pay (8.9).

    8.9: the Company pays those of Robinson, Silverman, Pearce, Aronsohn &
    Berman LLP, counsel to Purchaser; ASSUMED: within 30 days.
    """
    world.act({"type": "present_expenses", "actor": party, "at": at_time(date, time),
               "amount": amount, "description": COUNSEL_FEES})


@step(ACTION, p("{party:Party} presents its counsel's fees and expenses of {amount:Money}, "
                "incurred on {incurred:Date}, on {date:Date} at {time:Time}"))
def presents_expenses_incurred(world: World, party: str, amount: str, incurred: str,
                               date: str, time: str) -> None:
    """As above, saying on which day the fees were incurred (from its start): 8.9 covers
    only those of the preparation, execution and delivery of the Agreement and the Notes."""
    world.act({"type": "present_expenses", "actor": party, "at": at_time(date, time),
               "amount": amount, "description": COUNSEL_FEES,
               "incurred_at": at_time(incurred, "00:00")})


@step(ACTION, p("{party:Party} presents the fees and expenses of {counsel} of {amount:Money} "
                "on {date:Date} at {time:Time}"))
def presents_expenses_of(world: World, party: str, counsel: str, amount: str, date: str,
                         time: str) -> None:
    """The party presents the fees and expenses of the counsel it names (8.9: the Company
    pays only those of Purchaser's counsel, Robinson, Silverman, Pearce, Aronsohn & Berman
    LLP)."""
    world.act({"type": "present_expenses", "actor": party, "at": at_time(date, time),
               "amount": amount, "description": f"fees and expenses of {counsel}",
               "counsel": counsel})


@step(ACTION, p("{party:Party} pays {amount:Money} of expenses on {date:Date} at {time:Time}"))
def pays_expenses(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount of the presented fees and expenses of Purchaser's counsel
    (8.9)."""
    world.act({"type": "pay", "actor": party, "at": at_time(date, time), "purpose": "expenses",
               "amount": amount})


def _claim_record(world: World) -> dict[str, Any]:
    """The last claim the scenario asserted, as the deal's status records it."""
    world.outcome()
    ident = _the_claim(world)
    for claim in world.status()["claims"]:
        if claim["id"] == ident:
            found: dict[str, Any] = claim
            return found
    raise AssertionError(f"claim {ident} is not recorded")  # pragma: no cover


@step(THEN, p("the claim is {status:ClaimStatus}"))
def claim_is(world: World, status: str) -> None:
    """Where the last claim asserted stands (8.10).

    "notice pending" (its notice has not yet taken effect), "asserted",
    "not asserted" (its notice was not duly given under 8.5), "acknowledged",
    "disputed", "settled", "adjudicated", "failed" (in court), "paid" (all
    that is indemnifiable), "withdrawn".
    """
    claim = _claim_record(world)
    if claim["status"] != status:
        raise AssertionError(f"the claim is {claim['status']}, not {status}")


@step(THEN, p("the claim is for {amount:Money}"))
def claim_is_for(world: World, amount: str) -> None:
    """The Damages the last claim lists come to that amount, in all."""
    claim = _claim_record(world)
    if Decimal(claim["claimed"]) != Decimal(amount):
        raise AssertionError(f"the claim is for ${Decimal(claim['claimed']):,.2f}")


@step(THEN, p("{amount:Money} is indemnifiable on the claim"))
def indemnifiable_on_claim(world: World, amount: str) -> None:
    """What the indemnifying party owes on the last claim as it stands (paid or not).

    Acknowledged: the Damages that count (settlement costs only with prior
    written consent); settled: the settlement, up to the Damages that count;
    adjudicated: the court's amount; otherwise nothing.
    """
    claim = _claim_record(world)
    if Decimal(claim["indemnifiable"]) != Decimal(amount):
        raise AssertionError(f"${Decimal(claim['indemnifiable']):,.2f} is indemnifiable on the "
                             f"claim ({claim['status']})")


@step(THEN, p("{amount:Money} has been paid on the claim"))
def paid_on_claim(world: World, amount: str) -> None:
    """The indemnifying party has paid that amount on the last claim, in all."""
    claim = _claim_record(world)
    if Decimal(claim["paid"]) != Decimal(amount):
        raise AssertionError(f"${Decimal(claim['paid']):,.2f} has been paid on the claim")


def _expenses_record(world: World) -> dict[str, Any]:
    """The last expenses presented, as the deal's obligations record them."""
    world.outcome()
    if not world.expenses:
        raise StepError("no expenses have been presented in this scenario")
    ident = f"expenses-{world.expenses[-1]}"
    for owed in world.status()["obligations"]:
        if owed["id"] == ident:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"expenses {world.expenses[-1]} are not recorded")  # pragma: no cover


@step(THEN, p("the expenses are {standing:ExpenseStanding}"))
def expenses_are(world: World, standing: str) -> None:
    """The last fees and expenses of Purchaser's counsel presented are pending, overdue or paid
    (8.9; ASSUMED: overdue when unpaid 30 days after they were presented)."""
    owed = _expenses_record(world)
    if owed["status"] != standing:
        raise AssertionError(f"the expenses are {owed['status']}, not {standing}")


@step(THEN, p("the expenses are due by {date:Date}"))
def expenses_due_by(world: World, date: str) -> None:
    """The last day for the Company to pay the last expenses presented (8.9; ASSUMED: 30 days)."""
    owed = _expenses_record(world)
    if owed["due"] != date:
        raise AssertionError(f"the expenses are due by {date_words(owed['due'])}, "
                             f"not {date_words(date)}")


# --- the same in other words ---------------------------------------------------------------


def _claim_notice(world: World, against: str, method: str, moments: Mapping[str, str],
                  particulars: Particulars) -> dict[str, Any]:
    return notice_for(world, against, method, moments, particulars)


def _assert_claim_by(world: World, claimant: str, against: str, section: str, at: str,
                     notice: dict[str, Any], damages: list[dict[str, Any]]) -> None:
    world.act({"type": "assert_claim", "actor": claimant, "at": at, "against": against,
               "section": section, "damages": damages, "notice": notice})


def _losses(amount: str) -> list[dict[str, Any]]:
    return [{"kind": "losses", "amount": amount, "consented": False}]


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}, for losses of {amount:Money}"))
def claims_for_losses_with(world: World, claimant: str, against: str, section: str,
                           method: str, delivery: str, date: str, time: str,
                           particulars: Particulars, amount: str) -> None:
    """A claim for losses whose notice goes as the particulars say ("addressed to ...",
    "with no copy to ..."): a defective notice asserts nothing (8.5, 8.10)."""
    at = at_time(date, time)
    _assert_claim_by(world, claimant, against, section, at,
                     _claim_notice(world, against, method, {delivery: at}, particulars),
                     _losses(amount))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}{sending:Sending}, for losses of {amount:Money}"))
def claims_for_losses_sent_and_received(world: World, claimant: str, against: str,
                                        section: str, method: str, sending: Sent,
                                        amount: str) -> None:
    """A claim whose notice is sent at one moment and received at another (8.5, 8.10)."""
    at, moments = sent_moments(sending)
    _assert_claim_by(world, claimant, against, section, at,
                     _claim_notice(world, against, method, moments, sending.particulars),
                     _losses(amount))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}, for these Damages:"))
def claims_with(world: World, claimant: str, against: str, section: str, method: str,
                delivery: str, date: str, time: str, particulars: Particulars,
                datatable: list[list[str]]) -> None:
    """A claim for the Damages listed, its notice as the particulars say."""
    at = at_time(date, time)
    _assert_claim_by(world, claimant, against, section, at,
                     _claim_notice(world, against, method, {delivery: at}, particulars),
                     _damages(datatable))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}{sending:Sending}, for these Damages:"))
def claims_sent_and_received(world: World, claimant: str, against: str, section: str,
                             method: str, sending: Sent, datatable: list[list[str]]) -> None:
    """A claim for the Damages listed, sent at one moment and received at another."""
    at, moments = sent_moments(sending)
    _assert_claim_by(world, claimant, against, section, at,
                     _claim_notice(world, against, method, moments, sending.particulars),
                     _damages(datatable))


@step(ACTION, p("{party:Party} awards {amount:Money} on the claim on {date:Date} at {time:Time}"))
def awards_on_claim(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The court decides the claim for that amount (as "adjudicates the claim for")."""
    adjudicates_claim(world, party, amount, date, time)


@step(ACTION, p("{party:Party} awards nothing on the claim on {date:Date} at {time:Time}"))
def awards_nothing(world: World, party: str, date: str, time: str) -> None:
    """The court decides the claim fails (as "finds against the claim")."""
    adjudicates_claim(world, party, "0.00", date, time)
