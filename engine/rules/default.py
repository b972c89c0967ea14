"""Schedule 1 (ASSUMED): Events of Default, cure, waiver and acceleration.

Schedule 1 (Form of Note) was omitted from the filing; its terms are the
assumptions of PRODUCT.md section 3, each cited as "Schedule 1":
(a) principal not paid when due; (b) interest not paid within 30 days after
it is due; (c) a covenant of section 6 broken and still unremedied 30 days
after written notice from Holders of a majority in principal; (d) a
representation in section 3 proved untrue in a material respect when made;
(e) bankruptcy or insolvency of the Company. Holders of a majority may, by
written notice, accelerate; (e) accelerates automatically. Before
acceleration an Event of Default that is cured or waived in writing by
Holders of a majority ends; a waiver covers only the event it names (8.6).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from contract import EVENTS_OF_DEFAULT
from engine.actions import Accelerate, DeclareInsolvency, WaiveDefault
from engine.errors import InvalidAction
from engine.events import (
    Accelerated,
    DefaultCured,
    DefaultOccurred,
    DefaultWaived,
    Event,
    NoticeSent,
)
from engine.explain import Reason, refusal
from engine.rules.common import Decision, accept, name_of, next_id, refuse
from engine.rules.majority import holders_act
from engine.rules.notices import check_times, give_notice
from engine.rules.payments import due_on_acceleration, interest_covered_through, nothing_owed
from engine.rules.writing import written_instrument
from engine.state import ACCELERATION, DealState, waiver_act
from engine.validation import check_actor

#: The assumed events of default, by letter (contract.schedule1: Schedule 1, ASSUMED).
KINDS = EVENTS_OF_DEFAULT


def default_occurs(state: DealState, at: datetime, kind: str, description: str,
                   cause: str | None = None) -> DefaultOccurred:
    """A new Event of Default of a kind of Schedule 1, with the next id (E1, E2...)."""
    return DefaultOccurred(at=at, event_of_default=next_id("E", state.defaults), kind=kind,
                           description=description, cause=cause)


def a_default_continues(state: DealState, at: datetime) -> list[Reason]:
    """Guard of Outstanding -> Default: an Event of Default continues."""
    if state.continuing_defaults:
        return []
    return [refusal("Schedule 1", "no Event of Default continues")]


def every_default_ended(state: DealState, at: datetime) -> list[Reason]:
    """Guard of Default -> Outstanding: every event cured or waived, and no acceleration."""
    reasons = [refusal(e.section, f"Event of Default {e.id} continues: {e.description}")
               for e in state.continuing_defaults]
    if state.accelerated_at is not None:
        reasons.append(refusal("Schedule 1", "the Notes have been accelerated"))
    return reasons


def all_paid(state: DealState, at: datetime) -> list[Reason]:
    """Guard of -> Repaid: all principal and every interest payable is paid."""
    if state.schedule and nothing_owed(state, at):
        return []
    return [refusal("Schedule 1", "principal or interest is still owed")]


def cures(state: DealState, at: datetime) -> list[Event]:
    """Schedule 1: before acceleration, an event whose cause is remedied ends.

    (a) the principal paid, with its default interest; (b) the overdue interest paid; (c) the breach
    remedied (the report delivered). (d) and (e) are not cured, only waived.
    """
    ended: list[Event] = []
    if state.principal_outstanding == 0 and state.schedule and nothing_owed(state, at):
        # Everything is paid: no default can continue, accelerated or not.
        return [DefaultCured(at=at, event_of_default=e.id) for e in state.continuing_defaults]
    if state.accelerated_at is not None:
        return []
    for e in state.continuing_defaults:
        cause = e.cause or ""
        paid = e.kind == "b" and interest_covered_through(state,
                                                          cause.removeprefix("interest:"))
        # (a) ends with the principal and the default interest on it paid (ASSUMED).
        repaid = e.kind == "a" and state.principal_outstanding == 0 and nothing_owed(state, at)
        remedied = (e.kind == "c" and cause in state.breaches
                    and not state.breaches[cause].continuing)
        if paid or repaid or remedied:
            ended.append(DefaultCured(at=at, event_of_default=e.id))
    return ended


def accelerate(state: DealState, action: Accelerate) -> Decision:
    """Schedule 1: Holders of a majority in principal accelerate by written notice.

    Each Holder takes the acceleration by its own action (`engine.rules.majority`):
    pending until the Holders who have taken it hold a majority, then given by
    the notice of the Holder whose action completes it, naming the others. The
    notice goes to the Company under 8.5; the acceleration takes effect with it,
    if an Event of Default still continues then.
    """
    joining = holders_act(state, at=action.at, actor=action.actor, act=ACCELERATION,
                          joined_by=action.joined_by, section="Schedule 1",
                          what="accelerate")
    reasons = list(joining.reasons)
    if not state.continuing_defaults:
        reasons.append(refusal("Schedule 1", "no Event of Default continues: there is "
                                             "nothing to accelerate on"))
    if state.accelerated_at is not None:
        reasons.append(refusal("Schedule 1", "the Notes are already accelerated"))
    if reasons:
        return refuse(reasons)
    if not joining.complete:
        check_times(action.notice, action.at)  # the notice goes with the last to join
        return accept(*joining.record, created=joining.created)
    sent: NoticeSent = give_notice(state, at=action.at, sender=action.actor, to="company",
                                   kind="acceleration", spec=action.notice,
                                   joined_by=joining.before)
    return accept(*joining.record, sent, created={"notice": sent.notice})


def acceleration_takes_effect(state: DealState, at: datetime, notice: str | None) -> list[Event]:
    """Schedule 1: all principal and accrued interest become due at once."""
    if state.accelerated_at is not None or not state.continuing_defaults:
        return []
    return [Accelerated(at=at, principal=state.principal_outstanding,
                        interest=due_on_acceleration(state, at), notice=notice)]


def waive_default(state: DealState, action: WaiveDefault) -> Decision:
    """Schedule 1 and 8.6: Holders of a majority waive one named Event of Default in writing.

    Each Holder signs the waiver by its own action (`engine.rules.majority`); it
    ends the event when the Holders who have signed it hold a majority.

    8.6: "nor shall any waiver of any single breach or default be deemed a
    waiver of any other breach or default"; the waiver ends only the event
    it names, and only before acceleration.
    """
    record = state.defaults.get(action.event_of_default)
    if record is None:
        raise InvalidAction(f"no Event of Default {action.event_of_default!r:.40} in this deal",
                            field="event_of_default")
    joining = holders_act(state, at=action.at, actor=action.actor,
                          act=waiver_act(record.id), joined_by=action.joined_by,
                          section="Schedule 1", what=f"waive Event of Default {record.id}")
    reasons = list(joining.reasons)
    reasons += waiver_in_writing(state, action, record.id, joining.before)
    if not record.continuing:
        reasons.append(refusal("8.6", f"Event of Default {record.id} has already ended "
                                      f"({record.ended_by})"))
    if state.accelerated_at is not None:
        reasons.append(refusal("Schedule 1", "the Notes have been accelerated: a waiver "
                                             "ends an Event of Default only before"))
    if reasons:
        return refuse(reasons)
    if not joining.complete:
        return accept(*joining.record, created=joining.created)
    return accept(*joining.record, DefaultWaived(
        at=action.at, event_of_default=record.id,
        by=tuple(sorted({*joining.before, action.actor}))))


def waiver_in_writing(state: DealState, action: WaiveDefault, event_of_default: str,
                      before: Iterable[str]) -> list[Reason]:
    """8.4 and Schedule 1: an Event of Default is "waived in writing by Holders of a
    majority", never "orally".

    `in_writing: false` is an oral waiver, refused under 8.4. `signed_by`, when
    given, may name only the Holders who have signed the waiver by their own
    action (the actor and those who joined it before): naming a Holder is not
    that Holder signing.
    """
    reasons = written_instrument(state, action.in_writing, (), (),
                                 what=f"the waiver of Event of Default {event_of_default}")
    for index, name in enumerate(action.signed_by):
        check_actor(name, f"signed_by[{index}]")
    signers = {action.actor, *before}
    for name in dict.fromkeys(action.signed_by):
        if name not in signers:
            reasons.append(refusal("Schedule 1", f"{name_of(state, name)} has not itself signed "
                                                 f"the waiver of Event of Default "
                                                 f"{event_of_default}: naming a Holder is not "
                                                 "that Holder signing"))
    return reasons


def declare_insolvency(state: DealState, action: DeclareInsolvency) -> Decision:
    """Schedule 1 (e): bankruptcy or insolvency, which accelerates at once.

    However acceleration otherwise needs a notice from Holders of a
    majority, insolvency accelerates automatically: a rule of its own.
    """
    if not state.notes_alive:
        return refuse([refusal("Schedule 1", "no Notes are outstanding")])
    if any(e.kind == "e" for e in state.defaults.values()):
        return refuse([refusal("Schedule 1", "the Company's insolvency is already declared")])
    occurred = default_occurs(state, action.at, "e", KINDS["e"], cause="insolvency")
    return accept(occurred, created={"event_of_default": occurred.event_of_default})


def insolvency_accelerates(state: DealState, at: datetime) -> list[Event]:
    """Schedule 1 (e): bankruptcy or insolvency accelerates at once, without notice."""
    if state.accelerated_at is None and any(
            e.kind == "e" and e.continuing for e in state.defaults.values()):
        return acceleration_takes_effect(state, at, None)
    return []
