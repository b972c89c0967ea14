"""8.5 and the notices of the agreement's other parts: the `send_notice` action.

A party or a Holder sends a notice of a kind: a notice of covenant breach
(Schedule 1 (c)), a notice of default (6.2(a)(i)), a change of address (8.5)
or any other. How a notice is duly given and when it takes effect is 8.5's
(`engine.rules.notices`); what each kind needs besides is its own part's
(`engine.rules.covenants` for a breach). This module sits above both.
"""

from __future__ import annotations

from engine.actions import NOTICE_KINDS, SendNotice
from engine.errors import InvalidAction
from engine.explain import refusal
from engine.rules.common import Decision, accept, name_of, refuse
from engine.rules.covenants import covenant_breach_notice
from engine.rules.majority import Joining, holders_act
from engine.rules.notices import ADDRESSED, SENDERS, check_times, digits, give_notice
from engine.state import DealState, breach_notice_act


def send_notice(state: DealState, action: SendNotice) -> Decision:
    """8.5: a party (or a holder) sends a notice; it is recorded, duly given or not.

    A change of address is a party's own: it names the new address and/or
    facsimile number, and takes effect when its notice does (the deadline
    registry applies it then), and only from then.
    """
    spec = action.notice
    if action.to not in ADDRESSED:
        raise InvalidAction(f"{action.to!r:.40} has no address under 8.5 (company or "
                            "purchaser)", field="to")
    if action.kind not in NOTICE_KINDS:
        raise InvalidAction(f"{action.kind!r:.40} is not a kind of notice "
                            f"({', '.join(NOTICE_KINDS)})", field="kind")
    new_lines = _read_change(action)
    check_times(spec, action.at)
    reasons = []
    if action.actor not in SENDERS and not action.actor.startswith("holder:"):
        reasons.append(refusal("8.5", f"{name_of(state, action.actor)} is not a party or "
                                      "holder: notices under 8.5 pass between the parties"))
    if action.actor == action.to:
        reasons.append(refusal("8.5", "a notice goes to the other party"))
    if action.kind == "change_of_address" and action.actor not in SENDERS:
        reasons.append(refusal("8.5", "8.5 keeps addresses for the Company and Purchaser "
                                      "only; each changes its own"))
    joining = Joining(complete=True)
    if action.kind == "covenant_breach":
        reasons += covenant_breach_notice(state, action)
        joining = holders_act(state, at=action.at, actor=action.actor,
                              act=breach_notice_act(_named(state, action)),
                              joined_by=action.joined_by, section="Schedule 1 (c)",
                              what="give notice of covenant breach")
        reasons += joining.reasons
    elif action.breaches is not None:
        raise InvalidAction("only a covenant_breach notice names breaches", field="breaches")
    elif action.joined_by:
        raise InvalidAction("only a covenant_breach notice is given by Holders together "
                            "(Schedule 1 (c))", field="joined_by")
    if reasons:
        return refuse(reasons)
    if not joining.complete:
        return accept(*joining.record, created=joining.created)
    sent = give_notice(state, at=action.at, sender=action.actor, to=action.to,
                       kind=action.kind, spec=spec, new_address=new_lines,
                       new_fax=action.new_fax, breaches=action.breaches,
                       joined_by=joining.before)
    return accept(*joining.record, sent, created={"notice": sent.notice})


def _named(state: DealState, action: SendNotice) -> tuple[str, ...]:
    """The breaches a notice of covenant breach names (left out: every continuing one)."""
    if action.breaches is not None:
        return action.breaches
    return tuple(b.id for b in state.breaches.values() if b.continuing)


def _read_change(action: SendNotice) -> tuple[str, ...] | None:
    """The new address lines of a change of address, checked against its kind."""
    changing = action.kind == "change_of_address"
    if not changing:
        for field in ("new_address", "new_fax"):
            if getattr(action, field) is not None:
                raise InvalidAction("only a change_of_address notice names a new address",
                                    field=field)
        return None
    if action.new_address is None and action.new_fax is None:
        raise InvalidAction("a change of address names a new_address and/or a new_fax",
                            field="new_address")
    if action.new_fax is not None and not digits(action.new_fax):
        raise InvalidAction(f"{action.new_fax!r:.40} is not a facsimile number",
                            field="new_fax")
    if action.new_address is None:
        return None
    lines = tuple(part.strip() for part in action.new_address.split(",") if part.strip())
    if not lines:
        raise InvalidAction("the new address is empty", field="new_address")
    return lines
