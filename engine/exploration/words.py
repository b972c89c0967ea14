"""The words of the step that takes each move: how a path reads in a feature.

Each move names its step (`Move.step`); `step_text` writes it in the
vocabulary of features/steps (the same words `npa steps` lists), from the
action's own fields. A test runs every kind of move's words through the
vocabulary and checks that they take exactly the move's action.
"""

from __future__ import annotations

from collections.abc import Callable
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


STEPS: dict[str, Callable[[Move, Any], str]] = {}


def _says(name: str) -> Callable[[Callable[[Move, Any], str]], Callable[[Move, Any], str]]:
    """Register the words of the step a kind of move is taken by."""

    def register(fn: Callable[[Move, Any], str]) -> Callable[[Move, Any], str]:
        STEPS[name] = fn
        return fn

    return register


def _notice_words(spec: act.NoticeSpec, at: datetime) -> str:
    """ "by hand, delivered on ... at ..." (the method's moment is the action's time)."""
    return f"{METHOD[spec.method]}, {DELIVERY[spec.method]} on {when(at)}"


@_says("sign")
def _sign(m: Move, a: act.Sign) -> str:
    return f"{party(a.actor)} signs on {when(a.at)}"


@_says("satisfy")
def _satisfy(m: Move, a: act.SatisfyCondition) -> str:
    return f"{party(a.actor)} satisfies condition {a.condition} on {when(a.at)}"


@_says("waive")
def _waive(m: Move, a: act.WaiveCondition) -> str:
    return f"{party(a.actor)} waives condition {a.condition} on {when(a.at)}"


@_says("request")
def _request(m: Move, a: act.RequestInstrument) -> str:
    return f"{party(a.actor)} requests {INSTRUMENT} on {when(a.at)}"


@_says("deliver_request")
def _deliver_request(m: Move, a: act.DeliverInstrument) -> str:
    return f"{party(a.actor)} delivers the requested instrument on {when(a.at)}"


@_says("proceeding")
def _proceeding(m: Move, a: act.RecordProceeding) -> str:
    return f"{party(a.actor)} records a proceeding {PROCEEDING} on {when(a.at)}"


@_says("resolve")
def _resolve(m: Move, a: act.ResolveProceeding) -> str:
    return f"{party(a.actor)} records the proceeding as resolved on {when(a.at)}"


@_says("misrepresentation")
def _misrepresentation(m: Move, a: act.RecordMisrepresentation) -> str:
    return (f"{party(a.actor)} records that the representation in {a.section} was untrue "
            f"on {when(a.at)}")


@_says("close")
def _close(m: Move, a: act.Close) -> str:
    return f"{party(a.actor)} closes on {when(a.at)}"


def _new_date(a: act.Amend) -> str:
    return on_date(date.fromisoformat(a.changes["closing_date"]))


@_says("amend_in_writing")
def _amend_in_writing(m: Move, a: act.Amend) -> str:
    return (f"the Company and Purchaser agree in writing, signed by both, on {when(a.at)}, "
            f"to move the Closing Date to {_new_date(a)}")


@_says("amend_orally")
def _amend_orally(m: Move, a: act.Amend) -> str:
    return (f"the Company and Purchaser agree orally, on {when(a.at)}, to move the Closing "
            f"Date to {_new_date(a)}")


@_says("amend_by_one")
def _amend_by_one(m: Move, a: act.Amend) -> str:
    return (f"{party(a.actor)} alone signs a written amendment, on {when(a.at)}, to move the "
            f"Closing Date to {_new_date(a)}")


@_says("notes")
def _notes(m: Move, a: act.DeliverNotes) -> str:
    return f"{party(a.actor)} delivers the Notes in these denominations on {when(a.at)}"


@_says("guarantee")
def _guarantee(m: Move, a: act.DeliverGuarantee) -> str:
    return f"{party(a.actor)} delivers the Guarantee on {when(a.at)}"


@_says("purchase_price")
def _purchase_price(m: Move, a: act.Pay) -> str:
    return f"{party(a.actor)} pays the Purchase Price of {money(a.amount)} on {when(a.at)}"


@_says("transaction_fee")
def _transaction_fee(m: Move, a: act.Pay) -> str:
    return f"{party(a.actor)} pays the Transaction Fee of {money(a.amount)} on {when(a.at)}"


@_says("holders")
def _holders(m: Move, a: act.Pay) -> str:
    return f"{party(a.actor)} pays {a.purpose} of {money(a.amount)} on {when(a.at)}"


@_says("expenses")
def _expenses(m: Move, a: act.Pay) -> str:
    return f"{party(a.actor)} pays {money(a.amount)} of expenses on {when(a.at)}"


@_says("indemnity")
def _indemnity(m: Move, a: act.Pay) -> str:
    return f"{party(a.actor)} pays {money(a.amount)} of indemnity on the claim on {when(a.at)}"


@_says("present_expenses")
def _present_expenses(m: Move, a: act.PresentExpenses) -> str:
    return (f"{party(a.actor)} presents its counsel's fees and expenses of {money(a.amount)} "
            f"on {when(a.at)}")


def _sent(a: act.SendNotice) -> str:
    return f"{party(a.actor)} sends {party(a.to)} a notice of {KIND[a.kind]}"


@_says("notice")
def _notice(m: Move, a: act.SendNotice) -> str:
    spec = a.notice
    extra = ", without return receipt requested" if not spec.return_receipt_requested else ""
    return f"{_sent(a)} {_notice_words(spec, a.at)}{extra}"


@_says("notice_unconfirmed")
def _notice_unconfirmed(m: Move, a: act.SendNotice) -> str:
    return (f"{_sent(a)} {METHOD[a.notice.method]} on {when(a.at)}, with no confirmation of "
            "transmission")


@_says("notice_without_delivery")
def _notice_without_delivery(m: Move, a: act.SendNotice) -> str:
    return f"{_sent(a)} {METHOD[a.notice.method]} on {when(a.at)}"


@_says("notice_no_copy")
def _notice_no_copy(m: Move, a: act.SendNotice) -> str:
    return f"{_sent(a)} {_notice_words(a.notice, a.at)}, with no copy to {m.words[0]}"


@_says("notice_addressed")
def _notice_addressed(m: Move, a: act.SendNotice) -> str:
    return f"{_sent(a)} {_notice_words(a.notice, a.at)}, addressed to {a.notice.address}"


@_says("new_address")
def _new_address(m: Move, a: act.SendNotice) -> str:
    return (f"{party(a.actor)} gives notice of its new address, {a.new_address}, "
            f"{_notice_words(a.notice, a.at)}")


@_says("accelerate")
def _accelerate(m: Move, a: act.Accelerate) -> str:
    return f"{party(a.actor)} gives notice of acceleration {_notice_words(a.notice, a.at)}"


@_says("accelerate_joined")
def _accelerate_joined(m: Move, a: act.Accelerate) -> str:
    others = " and ".join(party(h) for h in a.joined_by)
    return (f"{party(a.actor)}, joined by {others}, gives notice of acceleration "
            f"{_notice_words(a.notice, a.at)}")


@_says("waive_default")
def _waive_default(m: Move, a: act.WaiveDefault) -> str:
    return (f"{party(a.actor)} waives in writing the Event of Default under Schedule 1 "
            f"({m.words[0]}) on {when(a.at)}")


@_says("insolvency")
def _insolvency(m: Move, a: act.DeclareInsolvency) -> str:
    return f"{party(a.actor)} declares the Company insolvent on {when(a.at)}"


@_says("properties")
def _properties(m: Move, a: act.RequestInspection) -> str:
    return f"{party(a.actor)} asks to inspect the Company's properties on {when(a.at)}"


@_says("books")
def _books(m: Move, a: act.RequestInspection) -> str:
    return f"{party(a.actor)} asks to examine the Company's books of account on {when(a.at)}"


@_says("breach")
def _breach(m: Move, a: act.RecordBreach) -> str:
    return (f"{party(a.actor)} records that the Company is in breach of {a.section} on "
            f"{when(a.at)}")


@_says("remedy")
def _remedy(m: Move, a: act.RemedyBreach) -> str:
    return f"{party(a.actor)} remedies its breach of {m.words[0]} on {when(a.at)}"


@_says("merge_assuming")
def _merge_assuming(m: Move, a: act.Merge) -> str:
    return (f"{party(a.actor)} merges into {a.surviving_corporation}, which assumes all "
            f"obligations of the Company under this Agreement, on {when(a.at)}")


@_says("merge_not_assuming")
def _merge_not_assuming(m: Move, a: act.Merge) -> str:
    return (f"{party(a.actor)} merges into {a.surviving_corporation}, which does not assume "
            f"the obligations of the Company, on {when(a.at)}")


BASIS = {(True, False, False): "under Rule 144",
         (False, True, False): "with an opinion of counsel",
         (False, True, True): "with an opinion of counsel that the legend is not required",
         (False, False, False): "with no opinion of counsel"}


@_says("propose")
def _propose(m: Move, a: act.ProposeTransfer) -> str:
    basis = BASIS[(a.rule_144, a.opinion, a.legend_not_required)]
    to = m.words[0] if m.words[0] != "purchaser" else "Purchaser"
    return (f"{party(a.actor)} gives notice of a proposed transfer of {money(a.principal)} of "
            f"Notes to {to}, {basis}, {_notice_words(a.notice, a.at)}")


@_says("accept_opinion")
def _accept_opinion(m: Move, a: act.AcceptOpinion) -> str:
    return f"{party(a.actor)} finds the opinion of counsel reasonably satisfactory on {when(a.at)}"


@_says("reject_opinion")
def _reject_opinion(m: Move, a: act.RejectOpinion) -> str:
    return (f"{party(a.actor)} finds the opinion of counsel not reasonably satisfactory on "
            f"{when(a.at)}")


@_says("complete")
def _complete(m: Move, a: act.CompleteTransfer) -> str:
    return f"{party(a.actor)} completes the transfer on {when(a.at)}"


@_says("claim")
def _claim(m: Move, a: act.AssertClaim) -> str:
    (damage,) = a.damages
    return (f"{party(a.actor)} claims indemnity from {party(a.against)} under {a.section} "
            f"{_notice_words(a.notice, a.at)}, for losses of {money(damage.amount)}")


@_says("acknowledge")
def _acknowledge(m: Move, a: act.AcknowledgeClaim) -> str:
    return f"{party(a.actor)} acknowledges the claim on {when(a.at)}"


@_says("dispute")
def _dispute(m: Move, a: act.DisputeClaim) -> str:
    return f"{party(a.actor)} disputes the claim on {when(a.at)}"


@_says("consent")
def _consent(m: Move, a: act.ConsentToSettlement) -> str:
    return (f"{party(a.actor)} consents in writing to the settlement of the claim on "
            f"{when(a.at)}")


@_says("settle")
def _settle(m: Move, a: act.SettleClaim) -> str:
    return f"{party(a.actor)} settles the claim for {money(a.amount)} on {when(a.at)}"


@_says("adjudicate")
def _adjudicate(m: Move, a: act.AdjudicateClaim) -> str:
    return f"{party(a.actor)} adjudicates the claim for {money(a.amount)} on {when(a.at)}"


@_says("find_against")
def _find_against(m: Move, a: act.AdjudicateClaim) -> str:
    return f"{party(a.actor)} finds against the claim on {when(a.at)}"


@_says("withdraw")
def _withdraw(m: Move, a: act.WithdrawClaim) -> str:
    return f"{party(a.actor)} withdraws the claim on {when(a.at)}"


@_says("advance")
def _advance(m: Move, a: act.Advance) -> str:
    return f"time passes to {when(a.at)}"


def step_text(move: Move) -> str:
    """The words of the step that takes the move, without its keyword."""
    return STEPS[move.step](move, move.action)


def step_table(move: Move) -> list[list[str]] | None:
    """The data table the step reads, if it reads one (the Notes' denominations)."""
    if isinstance(move.action, act.DeliverNotes):
        return [[money(amount)] for amount in move.action.denominations]
    return None
