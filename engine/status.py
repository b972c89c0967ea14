"""Status and timeline: what a deal looks like, and what happened to it, as plain data.

`status_of` gives the dict of `npa status --json` (PRODUCT.md section 8);
`describe` turns each event into one line of the timeline, citing its section.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from contract import CONDITIONS, PRE_CLOSING
from engine import events as ev
from engine.clock import iso
from engine.explain import Reason
from engine.money import dollars
from engine.rules.closing import closing_date_passed, pre_closing_conditions
from engine.rules.common import name_of
from engine.rules.conditions import condition_status
from engine.rules.settlement import settlement_complete
from engine.rules.signing import both_signed
from engine.state import DealState, Status


def missing(state: DealState) -> list[Reason]:
    """What stands between the deal and its next state, each reason citing its section."""
    if state.status is Status.Drafted:
        return both_signed(state)
    if state.status is Status.ConditionsPending:
        return closing_date_passed(state) + pre_closing_conditions(state)
    if state.status is Status.Closed:
        return settlement_complete(state)
    return []


def status_of(state: DealState, as_of: datetime | None = None) -> dict[str, Any]:
    """The deal's status as `npa status --json` prints it."""
    moment = as_of if as_of is not None else state.clock
    principal = sum(state.holders.values()) if state.holders else None
    return {
        "deal": state.deal_id,
        "state": state.status.value,
        "as_of": iso(moment) if moment else None,
        "clock": iso(state.clock) if state.clock else None,
        "events": state.seq,
        "signed": sorted(state.signed),
        "closing_date": state.closing_date.isoformat(),
        "conditions": {c.section: condition_status(state, c) for c in CONDITIONS},
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
        "obligations": [],
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
        "events_of_default": [],
        "holders": {name: str(amount) for name, amount in state.holders.items()},
        "balances": {"principal_outstanding": str(principal) if principal is not None
                     else "0.00"},
        "claims": [],
    }


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
            return f"{event.condition} waived by {who(event.by)}", event.condition
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
            total = dollars(sum(event.denominations, Decimal("0.00")))
            return (f"the Company delivered the Notes: {len(event.denominations)} "
                    f"instrument(s) totalling {total}", "2.2")
        case ev.GuaranteeDelivered():
            return f"{who('guarantor')} delivered the Guarantee", "5.1(c)"
        case ev.PaymentMade():
            return (f"{who(event.payer)} paid {dollars(event.amount)} "
                    f"({event.purpose.replace('_', ' ')}) to {who(event.payee)}",
                    "1.2" if event.purpose == "purchase_price" else "2.2")
        case ev.StateChanged():
            return f"the deal moved from {event.source} to {event.dest}", {
                "execute": "signature page", "close": "2.1", "settle": "2.2"}.get(
                    event.trigger, "")
        case ev.NoticeSent():
            what = f"notice {event.notice} ({event.kind.replace('_', ' ')}) sent by " \
                   f"{who(event.sender)} to {who(event.to)} by {event.method.replace('_', ' ')}"
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
        case ev.ClockAdvanced():
            return "time passed", ""
    return event.TAG, ""  # pragma: no cover - every event type is described above
