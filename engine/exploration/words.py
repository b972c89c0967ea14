"""The words of the step that takes each move: how a path reads in a feature.

Each move names its step (`Move.step`); `step_text` writes it in the
vocabulary of features/steps (the same words `npa steps` lists), from the
action's own fields. A test runs every kind of move's words through the
vocabulary and checks that they take exactly the move's action.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from engine import actions as act
from engine.clock import NEW_YORK
from engine.exploration.moves import HOLDER_IDS, INSTRUMENT, PROCEEDING, Move

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
PARTY = {"company": "the Company", "purchaser": "Purchaser", "guarantor": "LCI",
         "court": "the court"}
HOLDER = {ident: name for name, ident in HOLDER_IDS.items()}
METHOD = {"hand": "by hand", "registered_mail": "by registered mail",
          "certified_mail": "by certified mail", "fax": "by facsimile", "e-mail": "by e-mail"}
DELIVERY = {"hand": "delivered", "registered_mail": "postmarked",
            "certified_mail": "postmarked", "fax": "confirmed", "e-mail": "delivered"}
KIND = {"covenant_breach": "covenant breach", "default": "default", "other": "claim"}


def on_date(day: date) -> str:
    """A date as a feature writes it: "October 27, 1997"."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def when(moment: datetime) -> str:
    """A moment as a feature writes it: "October 27, 1997 at 11:00" (New York time)."""
    local = moment.astimezone(NEW_YORK)
    return f"{on_date(local.date())} at {local:%H:%M}"


def money(amount: Decimal) -> str:
    """An amount as a feature writes it: "$7,500,000.00"."""
    return f"${amount:,.2f}"


def party(actor: str) -> str:
    """An actor as a feature names it: "the Company", "Purchaser", "Acme Bank"."""
    return PARTY.get(actor) or HOLDER.get(actor) or actor


#: The words of each kind of move's step, with the action's fields in braces, each
#: written as a feature writes it (see `_fields`).
STEPS: dict[str, str] = {
    "sign": "{actor} signs on {at}",
    "satisfy": "{actor} satisfies condition {condition} on {at}",
    "waive": "{actor} waives condition {condition} on {at}",
    "waive_orally": "{actor} waives condition {condition} orally on {at}",
    "waive_by_one": "{actor} waives condition {condition} in writing, signed by {signer} alone, "
                    "on {at}",
    "request": "{actor} requests " + INSTRUMENT + " on {at}",
    "deliver_request": "{actor} delivers the requested instrument on {at}",
    "proceeding": "{actor} records a proceeding " + PROCEEDING + " on {at}",
    "resolve": "{actor} records the proceeding as resolved on {at}",
    "misrepresentation": "{actor} records that the representation in {section} was untrue "
                         "on {at}",
    "close": "{actor} closes on {at}",
    "amend_in_writing": "the Company and Purchaser agree in writing, signed by both, on {at}, "
                        "to move the Closing Date to {new_date}",
    "amend_orally": "the Company and Purchaser agree orally, on {at}, to move the Closing "
                    "Date to {new_date}",
    "amend_by_one": "{actor} alone signs a written amendment, on {at}, to move the Closing "
                    "Date to {new_date}",
    "notes": "{actor} delivers the Notes in these denominations on {at}",
    "guarantee": "{actor} delivers the Guarantee on {at}",
    "purchase_price": "{actor} pays the Purchase Price of {amount} on {at}",
    "transaction_fee": "{actor} pays the Transaction Fee of {amount} on {at}",
    "holders": "{actor} pays {purpose} of {amount} on {at}",
    "expenses": "{actor} pays {amount} of expenses on {at}",
    "indemnity": "{actor} pays {amount} of indemnity on the claim on {at}",
    "present_expenses": "{actor} presents its counsel's fees and expenses of {amount} on {at}",
    "present_other_expenses": "{actor} presents the fees and expenses of {counsel} of {amount} "
                              "on {at}",
    "present_expenses_incurred": "{actor} presents its counsel's fees and expenses of {amount}, "
                                 "incurred on {incurred}, on {at}",
    "notice": "{actor} sends {to} a notice of {kind} {notice}{receipt}",
    "notice_unconfirmed": "{actor} sends {to} a notice of {kind} {method} on {at}, with no "
                          "confirmation of transmission",
    "notice_without_delivery": "{actor} sends {to} a notice of {kind} {method} on {at}",
    "notice_no_copy": "{actor} sends {to} a notice of {kind} {notice}, with no copy to {word}",
    "notice_addressed": "{actor} sends {to} a notice of {kind} {notice}, addressed to "
                        "{address}",
    "new_address": "{actor} gives notice of its new address, {new_address}, {notice}",
    "accelerate": "{actor} gives notice of acceleration {notice}",
    "accelerate_joined": "{actor} gives notice of acceleration, joining {joined}, {notice}",
    "waive_default": "{actor} waives in writing the Event of Default under Schedule 1 "
                     "({word}) on {at}",
    "waive_joined": "{actor} waives in writing, joining {joined}, the Event of Default under "
                    "Schedule 1 ({word}) on {at}",
    "insolvency": "{actor} declares the Company insolvent on {at}",
    "properties": "{actor} asks to inspect the Company's properties on {at}",
    "books": "{actor} asks to examine the Company's books of account on {at}",
    "breach": "{actor} records that the Company is in breach of {section} on {at}",
    "remedy": "{actor} remedies its breach of {word} on {at}",
    "merge_assuming": "{actor} merges into {surviving_corporation}, which assumes all "
                      "obligations of the Company under this Agreement, on {at}",
    "merge_not_assuming": "{actor} merges into {surviving_corporation}, which does not assume "
                          "the obligations of the Company, on {at}",
    "propose": "{actor} gives notice of a proposed transfer of {principal} of Notes to "
               "{transferee}, {basis}, {notice}",
    "accept_opinion": "{actor} finds the opinion of counsel reasonably satisfactory on {at}",
    "reject_opinion": "{actor} finds the opinion of counsel not reasonably satisfactory on "
                      "{at}",
    "complete": "{actor} completes the transfer on {at}",
    "claim": "{actor} claims indemnity from {against} under {section} {notice}, for losses "
             "of {losses}",
    "acknowledge": "{actor} acknowledges the claim on {at}",
    "dispute": "{actor} disputes the claim on {at}",
    "consent": "{actor} consents in writing to the settlement of the claim on {at}",
    "consent_up_to": "{actor} consents in writing to the settlement of the claim for up to "
                     "{amount} on {at}",
    "settle": "{actor} settles the claim for {amount} on {at}",
    "adjudicate": "{actor} adjudicates the claim for {amount} on {at}",
    "find_against": "{actor} finds against the claim on {at}",
    "withdraw": "{actor} withdraws the claim on {at}",
    "advance": "time passes to {at}",
}

BASIS = {(True, False, False): "under Rule 144",
         (False, True, False): "with an opinion of counsel",
         (False, True, True): "with an opinion of counsel that the legend is not required",
         (False, False, False): "with no opinion of counsel"}


def _fields(move: Move) -> dict[str, str]:
    """The action's fields (and the move's extra words) as the steps write them."""
    a: Any = move.action
    out = {"actor": party(a.actor), "at": when(a.at), "word": move.words[0] if move.words else ""}
    spec: act.NoticeSpec | None = getattr(a, "notice", None)
    if spec is not None:
        out.update(method=METHOD[spec.method],
                   notice=f"{METHOD[spec.method]}, {DELIVERY[spec.method]} on {when(a.at)}",
                   receipt="" if spec.return_receipt_requested
                   else ", without return receipt requested",
                   address=spec.address or "")
    for name in ("condition", "section", "purpose", "surviving_corporation", "new_address",
                 "counsel"):
        if getattr(a, name, None) is not None:
            out[name] = str(getattr(a, name))
    for name in ("amount", "principal"):
        if getattr(a, name, None) is not None:
            out[name] = money(getattr(a, name))
    if getattr(a, "incurred_at", None) is not None:
        out["incurred"] = on_date(a.incurred_at.astimezone(NEW_YORK).date())
    if isinstance(a, act.WaiveCondition) and len(a.signed_by) == 1:
        out["signer"] = party(a.signed_by[0])
    if hasattr(a, "to"):
        out.update(to=party(a.to), kind=KIND.get(a.kind, a.kind))
    if hasattr(a, "against"):
        out.update(against=party(a.against), losses=money(a.damages[0].amount))
    if isinstance(a, act.Amend):
        out["new_date"] = on_date(date.fromisoformat(a.changes["closing_date"]))
    if isinstance(a, act.Accelerate | act.WaiveDefault):
        out["joined"] = " and ".join(party(h) for h in a.joined_by)
    if isinstance(a, act.ProposeTransfer):
        out.update(basis=BASIS[(a.rule_144, a.opinion, a.legend_not_required)],
                   transferee="Purchaser" if move.words[0] == "purchaser" else move.words[0])
    return out


def step_text(move: Move) -> str:
    """The words of the step that takes the move, without its keyword."""
    return STEPS[move.step].format(**_fields(move))


def step_table(move: Move) -> list[list[str]] | None:
    """The data table the step reads, if it reads one (the Notes' denominations)."""
    if isinstance(move.action, act.DeliverNotes):
        return [[money(amount)] for amount in move.action.denominations]
    return None
