"""Status and timeline: what a deal looks like, and what happened to it, as plain data.

`status_of` gives the dict of `npa status --json` (PRODUCT.md section 8);
`describe` turns each event into one line of the timeline, citing its section.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from contract import PRE_CLOSING
from engine import events as ev
from engine.clock import iso, new_york_date, utc_iso
from engine.explain import Reason
from engine.money import ZERO, dollars
from engine.rules.closing import closing_date_passed, pre_closing_conditions
from engine.rules.common import name_of
from engine.rules.conditions import condition_statuses
from engine.rules.notices import METHODS
from engine.rules.payments import (
    default_interest,
    interest_accrued,
    interest_in_advance,
    interest_overdue,
    interest_owed,
    principal_owed,
    principal_prepayable,
)
from engine.rules.settlement import settlement_complete, transaction_fee_owed
from engine.rules.signing import both_signed
from engine.state import DealState, Status, interest_covered
from engine.views import ClaimView, DealStatus, HolderPaymentView, ObligationView


def missing(state: DealState) -> list[Reason]:
    """What stands between the deal and its next state, each reason citing its section."""
    if state.status is Status.Drafted:
        return both_signed(state)
    if state.status is Status.ConditionsPending:
        return closing_date_passed(state) + pre_closing_conditions(state)
    if state.status is Status.Closed:
        return settlement_complete(state)
    return []


def obligations(state: DealState, at: datetime | None) -> list[ObligationView]:
    """What the Company owes, each with its section, due date and status.

    Interest and principal (Schedule 1, ASSUMED), reports (6.1), and the
    Company's prompt notice (6.2(a)(i)) of each covenant breach, Event of
    Default and proceeding commenced while Notes are outstanding.
    """
    day = new_york_date(at) if at is not None else None
    owed: list[ObligationView] = []
    alive = state.notes_alive
    covered = set(interest_covered(state, state.interest_paid))
    for p in state.schedule:
        ident = f"{p.kind}-{p.date.isoformat()}"
        paid = p in covered if p.kind == "interest" else state.principal_outstanding == 0
        late = day is not None and p.payment_date < day
        if paid:
            status = "paid"
        elif state.accelerated_at is not None:
            # Acceleration replaced the later coupons with the interest accrued to it.
            superseded = p.kind == "interest" and p.date > new_york_date(state.accelerated_at)
            status = "superseded" if superseded else "accelerated"
        else:
            status = "overdue" if late else "pending"
        owed.append({"id": ident, "section": "Schedule 1", "assumed": True,
                     "due": p.payment_date.isoformat(), "amount": str(p.amount),
                     "status": status})
    for r in state.reports.values():
        if r.delivered_at is not None:
            status = "delivered" if r.delivered_at < r.lapses_at else "delivered late"
        elif not alive:
            status = "not owed"
        else:
            status = "missed" if at is not None and at >= r.lapses_at else "pending"
        owed.append({"id": r.id, "section": r.section, "due": r.last_day.isoformat(),
                     "status": status})
    for x in state.expenses.values():
        status = ("paid" if x.paid >= x.amount else
                  "overdue" if at is not None and at >= x.due else "pending")
        owed.append({"id": f"expenses-{x.id}", "section": "8.9",
                     "due": (new_york_date(x.due) - timedelta(days=1)).isoformat(),
                     "amount": str(x.amount), "status": status})
    fee = transaction_fee_owed(state, at)
    if fee is not None:
        owed.append(fee)
    for ident, since in notice_owed(state):
        owed.append({"id": f"notice-{ident}", "section": "6.2(a)(i)", "due": "promptly",
                     "status": "given" if told_since(state, since) else "pending"})
    return owed


def notice_owed(state: DealState) -> list[tuple[str, datetime | None]]:
    """6.2(a)(i): what the Company owes the Purchaser prompt written notice of, with when
    it occurred: "(A) any material violation or default by the Company in the performance
    of its agreements or covenants" (every covenant breach, B1..., and every Event of
    Default, E1...) and "(B) the commencement of any action or proceeding against the
    Company" (each proceeding recorded while Notes are outstanding, P1...)."""
    owed: list[tuple[str, datetime | None]] = [(b.id, b.occurred_at)
                                               for b in state.breaches.values()]
    owed += [(e.id, e.occurred_at) for e in state.defaults.values()]
    if state.issued_at is not None:
        owed += [(p.id, p.recorded_at) for p in state.proceedings.values()
                 if p.recorded_at is not None and p.recorded_at >= state.issued_at]
    return owed


def told_since(state: DealState, since: datetime | None) -> bool:
    """6.2(a)(i): whether the Company gave the Purchaser a notice of default (kind
    `default`), duly given under 8.5, at or after `since`."""
    return any(n.kind == "default" and n.sender == "company"
               and n.effective_at is not None  # duly given under 8.5
               and n.sent_at is not None and since is not None
               and n.sent_at >= since for n in state.notices.values())


def status_of(state: DealState, as_of: datetime | None = None) -> DealStatus:
    """The deal's status as `npa status --json` prints it."""
    moment = as_of if as_of is not None else state.clock
    principal = state.principal_outstanding
    return {
        "deal": state.deal_id,
        "state": state.status.value,
        "as_of": iso(moment) if moment else None,
        "clock": iso(state.clock) if state.clock else None,
        "events": state.seq,
        "signed": sorted(state.signed),
        "closing_date": state.closing_date.isoformat(),
        "conditions": condition_statuses(state),
        "pre_closing": list(PRE_CLOSING),
        "settlement": {
            "notes_delivered": state.notes_delivered,
            "denominations": [str(d) for d in state.denominations],
            "guarantee_delivered": state.guarantee_delivered_at is not None,
            "purchase_price_paid": str(state.paid_for("purchase_price")),
            "transaction_fee_paid": str(state.paid_for("transaction_fee")),
        },
        "requests": [
            {"id": r.id, "by": r.by, "description": r.description,
             "status": "delivered" if r.delivered_at else "requested"}
            for r in state.requests.values()
        ],
        "proceedings": [
            {"id": p.id, "by": p.by, "description": p.description,
             "status": "resolved" if p.resolved_at else "pending"}
            for p in state.proceedings.values()
        ],
        "misrepresentations": [
            {"id": m.id, "section": m.section, "of": m.of_party, "by": m.by,
             "description": m.description}
            for m in state.misrepresentations.values()
        ],
        "amendments": [
            {"at": iso(a.at) if a.at else None, "changes": dict(a.changes),
             "signed_by": list(a.signed_by)}
            for a in state.amendments
        ],
        "missing": [reason.to_dict() for reason in missing(state)],
        "obligations": obligations(state, moment),
        "deadlines": [
            {"due": iso(d.due), "kind": d.kind, "section": d.section,
             "description": d.description}
            for d in state.deadlines
        ],
        "notices": [
            {"id": n.id, "kind": n.kind, "from": n.sender, "to": n.to, "method": n.method,
             "sent_at": iso(n.sent_at) if n.sent_at else None,
             "effective_at": iso(n.effective_at) if n.effective_at else None,
             "status": ("effective" if n.took_effect else
                        "pending" if n.effective_at else "no effect"),
             "defects": list(n.defects)}
            for n in state.notices.values()
        ],
        "addresses": {
            role: {"lines": list(a.lines), "attention": a.attention, "fax": a.fax}
            for role, a in state.addresses.items()
        },
        "events_of_default": [
            {"id": e.id, "kind": e.kind, "section": e.section, "assumed": True,
             "description": e.description,
             "occurred_at": iso(e.occurred_at) if e.occurred_at else None,
             "status": e.ended_by or "continuing",
             "ended_at": iso(e.ended_at) if e.ended_at else None}
            for e in state.defaults.values()
        ],
        "breaches": [
            {"id": b.id, "section": b.section, "description": b.description,
             "occurred_at": iso(b.occurred_at) if b.occurred_at else None,
             "status": "continuing" if b.continuing else "remedied"}
            for b in state.breaches.values()
        ],
        "holders": {name: str(amount) for name, amount in state.holders.items()},
        "legends": dict(state.legends),
        "transfers": [
            {"id": t.id, "from": t.holder, "to": t.to_holder, "principal": str(t.principal),
             "rule_144": t.rule_144, "opinion": t.opinion,
             "opinion_accepted": t.opinion_accepted, "notice": t.notice,
             "status": "complete" if t.completed_at else "proposed"}
            for t in state.transfers.values()
        ],
        "balances": {
            "principal_outstanding": str(principal),
            "interest_accrued": str(interest_accrued(state, moment) if moment else ZERO),
            "interest_overdue": str(interest_overdue(state, moment) if moment else ZERO),
            "interest_payable": str(interest_owed(state, moment) if moment else ZERO),
            "principal_payable": str(principal_owed(state, moment) if moment else ZERO),
            "interest_paid": str(state.interest_paid),
            "principal_paid": str(state.principal_paid),
            "default_interest": str(default_interest(state, moment) if moment else ZERO),
            "default_rate": format(state.terms.notes.late_rate, "f"),
            "interest_paid_in_advance": str(interest_in_advance(state, moment) if moment
                                            else ZERO),
            "principal_prepayable": str(principal_prepayable(state, moment) if moment
                                        else ZERO),
            "assumed": True,
        },
        "accelerated": state.accelerated_at is not None,
        "accelerated_at": iso(state.accelerated_at) if state.accelerated_at else None,
        "company": state.successor or state.terms.parties["company"].name,
        "inspections": [{"by": by, "scope": scope, "at": iso(at) if at else None}
                        for by, scope, at in state.inspections],
        "claims": _claims(state),
        "payments_to_holders": _payments_to_holders(state),
        "pending_holder_acts": [
            {"act": act, "joined": list(joined),
             "held": str(sum((state.holders.get(h, ZERO) for h in set(joined)), ZERO)),
             "principal_outstanding": str(principal)}
            for act, joined in state.joined.items()],
    }


def _payments_to_holders(state: DealState) -> list[HolderPaymentView]:
    """Each payment of interest or principal, with each Holder's share of each installment."""
    return [
        {"at": iso(p.at) if p.at else None, "purpose": p.purpose, "amount": str(p.amount),
         "shares": {name: str(v) for name, v in p.shares.items()},
         "parts": [{"obligation": part.obligation, "due": part.due, "amount": str(part.amount),
                    "shares": {name: str(v) for name, v in part.shares.items()}}
                   for part in p.parts],
         "assumed": True}
        for p in state.holder_payments
    ]


def _claims(state: DealState) -> list[ClaimView]:
    """The claims under 8.10, as `status --json` lists them."""
    if not state.claims:
        return []
    from engine.rules.indemnity import (
        claim_status,
        claimed,
        incurred,
        indemnifiable,
        with_prior_written_consent,
    )

    def when(moment: datetime | None) -> str | None:
        return iso(moment) if moment is not None else None

    return [
        {"id": c.id, "claimant": c.claimant, "against": c.against, "section": c.section,
         "status": claim_status(state, c), "claimed": str(claimed(c)),
         "indemnifiable": str(indemnifiable(c)), "paid": str(c.paid), "notice": c.notice,
         "consent_to_settlement": None if c.consented_at is None else {
             "at": when(c.consented_at),
             "amount": None if c.consent_amount is None else str(c.consent_amount)},
         "damages": [{"kind": d.kind, "amount": str(d.amount), "consented": d.consented,
                      "incurred_at": when(incurred(c, d)),
                      "counts": with_prior_written_consent(c, d)}
                     for d in c.damages]}
        for c in state.claims.values()
    ]


def snapshot_of(state: DealState) -> dict[str, Any]:
    """What the query tables keep of a deal after each action: the state, the
    conditions, the Holders, the balances and the events of default, as of its clock.

    A lean part of `status_of`, so that storing an action stays cheap; `npa
    verify` checks it against the replayed log.
    """
    moment = state.clock
    return {
        "deal": state.deal_id,
        "state": state.status.value,
        "as_of": iso(moment) if moment else None,
        "events": state.seq,
        "conditions": condition_statuses(state),
        "holders": {name: str(amount) for name, amount in state.holders.items()},
        "principal_outstanding": str(state.principal_outstanding),
        "interest_paid": str(state.interest_paid),
        "principal_paid": str(state.principal_paid),
        "accelerated": state.accelerated_at is not None,
        "events_of_default": {e.id: e.ended_by or "continuing"
                              for e in state.defaults.values()},
        "breaches": {b.id: "continuing" if b.continuing else "remedied"
                     for b in state.breaches.values()},
        "pending_deadlines": len(state.deadlines),
        # The store keeps this in its `next_due` table (`store.due`, `npa due`).
        "next_deadline": _next_deadline(state),
    }


def _next_deadline(state: DealState) -> dict[str, str] | None:
    """The deal's earliest pending deadline: its due instant (UTC), kind, section and what."""
    if not state.deadlines:
        return None
    first = state.deadlines[0]
    return {"due": utc_iso(first.due), "kind": first.kind, "section": first.section,
            "what": first.description}


#: The events whose section `describe` takes from the state (their text needs it).
_SECTION_ONLY = {ev.ClaimAnswered: "8.10", ev.SettlementConsented: "8.10(a)"}


def section_of(event: ev.Event) -> str:
    """The section an event rests on, as the timeline gives it, from the event alone (for
    the change feed, which does not replay deals)."""
    fixed = _SECTION_ONLY.get(type(event))
    if fixed is not None:
        return fixed
    return describe(_BLANK, event)[1]


def describe(state: DealState, event: ev.Event) -> tuple[str, str]:
    """One line of the timeline for an event, and the section it rests on."""

    def who(actor: str) -> str:
        return name_of(state, actor)

    match event:
        case ev.DealCreated():
            return f"deal {event.deal_id} made from the 1997 template", "preamble"
        case ev.Signed():
            return f"{who(event.party)} signed the agreement", "signature page"
        case ev.ConditionSatisfied():
            return f"{event.condition} satisfied", event.condition
        case ev.ConditionWaived():
            signed = (" in writing, signed by " + " and ".join(who(p) for p in event.signed_by)
                      if event.signed_by else "")
            return f"{event.condition} waived by {who(event.by)}{signed}", event.condition
        case ev.InstrumentRequested():
            return (f"{who(event.by)} requested {event.description} ({event.request})",
                    "5.1(h)" if event.by == "purchaser" else "5.2(f)")
        case ev.InstrumentDelivered():
            return f"{who(event.by)} delivered request {event.request}", (
                "5.2(f)" if event.by == "purchaser" else "5.1(h)")
        case ev.ProceedingRecorded():
            return f"proceeding {event.proceeding} recorded: {event.description}", "5.1(e)"
        case ev.ProceedingResolved():
            return f"proceeding {event.proceeding} resolved", "5.1(e)"
        case ev.MisrepresentationRecorded():
            return (f"{who(event.of_party)}'s representation in {event.section} recorded as "
                    f"untrue ({event.misrepresentation})",
                    "5.1(a)" if event.of_party == "company" else "5.2(a)")
        case ev.TermsAmended():
            changes = ", ".join(f"{k} to {v}" for k, v in event.changes.items())
            return f"agreement amended in writing, signed by both: {changes}", "8.4"
        case ev.ClosingHeld():
            return "the Closing was held", "2.1"
        case ev.NotesDelivered():
            total = dollars(sum(event.denominations, ZERO))
            return (f"the Company delivered the Notes: {len(event.denominations)} "
                    f"instrument(s) totalling {total}", "2.2")
        case ev.GuaranteeDelivered():
            return f"{who('guarantor')} delivered the Guarantee", "5.1(c)"
        case ev.PaymentMade():
            payee = "the Holders" if event.payee == "holders" else who(event.payee)
            section = {"purchase_price": "1.2", "transaction_fee": "2.2",
                       "expenses": "8.9", "indemnity": "8.10"}.get(event.purpose, "Schedule 1")
            return (f"{who(event.payer)} paid {dollars(event.amount)} "
                    f"({event.purpose.replace('_', ' ')}) to {payee}", section)
        case ev.StateChanged():
            return f"the deal moved from {event.source} to {event.dest}", {
                "execute": "signature page", "close": "2.1", "settle": "2.2"}.get(
                    event.trigger, "Schedule 1")
        case ev.NoticeSent():
            # A word that is no method of 8.5 is quoted as given, not read as one.
            method = (event.method.replace('_', ' ') if event.method in METHODS
                      else repr(event.method))
            what = f"notice {event.notice} ({event.kind.replace('_', ' ')}) sent by " \
                   f"{who(event.sender)} to {who(event.to)} by {method}"
            if event.defects:
                return f"{what}: no effect ({'; '.join(event.defects)})", "8.5"
            when = f"takes effect {iso(event.effective_at)}" if event.effective_at else ""
            return f"{what}, {when}", "8.5"
        case ev.NoticeTookEffect():
            return f"notice {event.notice} took effect", "8.5"
        case ev.AddressChanged():
            new = ", ".join(event.lines) if event.lines else ""
            fax = f"facsimile {event.fax}" if event.fax else ""
            return (f"{who(event.party)}'s address for notices is now "
                    f"{'; '.join(p for p in (new, fax) if p)}", "8.5")
        case ev.DeadlinePassed():
            return _DEADLINE_WORDS.get(event.kind, "a deadline passed") + \
                f" ({event.key})", event.section
        case ev.ReportDelivered():
            return f"the Company furnished report {event.report}", "6.1"
        case ev.BreachOccurred():
            return f"breach {event.breach} of {event.section}: {event.description}", \
                event.section
        case ev.BreachRemedied():
            return f"breach {event.breach} remedied", "6"
        case ev.CurePeriodStarted():
            return (f"30 days to remedy breach {event.breach} run to "
                    f"{iso(event.ends_at)}"), "Schedule 1 (c)"
        case ev.DefaultOccurred():
            return (f"Event of Default {event.event_of_default}: {event.description}",
                    f"Schedule 1 ({event.kind})")
        case ev.DefaultCured():
            return f"Event of Default {event.event_of_default} cured", "Schedule 1"
        case ev.DefaultWaived():
            by = ", ".join(who(b) for b in event.by)
            return f"Event of Default {event.event_of_default} waived by {by}", "8.6"
        case ev.HolderJoined():
            together = " and ".join(who(h) for h in event.joined)
            if event.complete:
                return (f"{who(event.holder)} joined the {event.act}: {together} hold "
                        f"{dollars(event.held)} of {dollars(event.outstanding)} principal, "
                        "Holders of a majority in principal", "Schedule 1")
            return (f"{who(event.holder)} joined the {event.act}, which is pending: "
                    f"{together} {'holds' if len(event.joined) == 1 else 'hold'} "
                    f"{dollars(event.held)} of {dollars(event.outstanding)} principal, not yet "
                    "Holders of a majority in principal", "Schedule 1")
        case ev.Accelerated():
            return (f"the Notes accelerated: {dollars(event.principal)} of principal and "
                    f"{dollars(event.interest)} of interest due at once", "Schedule 1")
        case ev.InspectionRequested():
            return f"{who(event.by)} asked to inspect the {event.scope}", (
                "6.2(a)(ii)" if event.scope == "properties" else "6.2(a)(iii)")
        case ev.Merged():
            if event.assumes_obligations:
                return (f"the Company merged into {event.surviving_corporation}, which "
                        "assumed its obligations", "6.3")
            return f"the Company merged into {event.surviving_corporation}", "6.3"
        case ev.TransferProposed():
            return (f"{who(event.holder)} proposed to transfer {dollars(event.principal)} "
                    f"of Notes to {who(event.to_holder)} ({event.transfer})", "7.3")
        case ev.OpinionDecided():
            verdict = "accepted" if event.accepted else "rejected"
            return f"the Company {verdict} the opinion of counsel ({event.transfer})", "7.3"
        case ev.TransferCompleted():
            legend = "with" if event.legend else "without"
            return f"transfer {event.transfer} completed, {legend} the legend", "7.2"
        case ev.ClaimAsserted():
            total = dollars(sum((d.amount for d in event.damages), ZERO))
            return (f"{who(event.claimant)} claimed {total} from {who(event.against)} under "
                    f"{event.section} ({event.claim}, notice {event.notice})", "8.10")
        case ev.ClaimAnswered():
            return f"{who(state.claims[event.claim].against)} {event.answer} claim " \
                f"{event.claim}", "8.10"
        case ev.SettlementConsented():
            return _consent_line(state, event), "8.10(a)"
        case ev.ClaimSettled():
            return f"claim {event.claim} settled for {dollars(event.amount)}", "8.10"
        case ev.ClaimAdjudicated():
            if event.amount == 0:
                return f"claim {event.claim} failed in court", "8.10"
            return f"claim {event.claim} adjudicated: {dollars(event.amount)}", "8.10"
        case ev.ClaimWithdrawn():
            return f"claim {event.claim} withdrawn", "8.10"
        case ev.ExpensesPresented():
            return (f"Purchaser presented {dollars(event.amount)} of its counsel's fees and "
                    f"expenses ({event.expense}): {event.description}", "8.9")
        case ev.ClockAdvanced():
            return "time passed", "time passing"
    return event.TAG, "time passing"  # pragma: no cover - every event type is described above


def _consent_line(state: DealState, event: ev.SettlementConsented) -> str:
    """8.10(a): a consent to settle, never called prior to settlement costs incurred
    before it."""
    from engine.rules.indemnity import incurred

    claim = state.claims[event.claim]
    limit = f" for up to {dollars(event.amount)}" if event.amount is not None else ""
    line = (f"{name_of(state, claim.against)} consented in writing to settle claim "
            f"{event.claim}{limit}")
    costs = [d for d in claim.damages if d.kind == "settlement_costs" and not d.consented]
    before = sum((d.amount for d in costs if event.at is not None
                  and (incurred(claim, d) or event.at) < event.at), ZERO)
    after = sum((d.amount for d in costs), ZERO) - before
    if before:
        line += (f"; it is not prior consent to the {dollars(before)} of settlement costs "
                 "incurred before it, which do not count")
    if after:
        # The same minute counts as prior (the rule compares consented_at <= incurred):
        # say so rather than "after".
        same = any(event.at is not None and incurred(claim, d) == event.at for d in costs)
        line += (f"; it is prior written consent to the {dollars(after)} incurred "
                 f"{'at or after' if same else 'after'} it")
    return line


_DEADLINE_WORDS = {
    "report_due": "a report's period under 6.1 ended",
    "interest_due": "interest fell overdue",
    "interest_grace": "the 30 days' grace for interest ended",
    "principal_due": "principal fell due",
    "cure_period": "the 30 days to remedy a breach ended",
    "expenses_due": "presented expenses fell overdue",
}


#: A deal before any event: what `section_of` describes an event against.
_BLANK = DealState()
