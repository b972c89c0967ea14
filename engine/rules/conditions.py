"""Section 5: the conditions that each side's obligations depend on.

5.1 protects Purchaser and 5.2 the Company: each condition is met by a
delivery, met unless something is recorded against it, or met at the Closing
itself (settlement); only the party it protects may waive it.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from contract import CONDITIONS, Condition, condition, head_of, whose_representation
from engine.actions import (
    DeliverInstrument,
    RecordMisrepresentation,
    RecordProceeding,
    RequestInstrument,
    ResolveProceeding,
    SatisfyCondition,
    WaiveCondition,
)
from engine.clock import new_york_date
from engine.errors import InvalidAction
from engine.events import (
    ConditionSatisfied,
    ConditionWaived,
    InstrumentDelivered,
    InstrumentRequested,
    MisrepresentationRecorded,
    ProceedingRecorded,
    ProceedingResolved,
)
from engine.explain import Reason, refusal
from engine.rules.common import Decision, accept, name_of, next_id, refuse
from engine.rules.writing import known_signatories, written_instrument
from engine.state import Claim, DealState, Marked, Status

BEFORE_CLOSING = (Status.Drafted, Status.ConditionsPending)

#: 5.1(h) and 5.2(f): who may request other instruments, and which condition guards it.
REQUEST_CONDITION = {"purchaser": "5.1(h)", "company": "5.2(f)"}
OTHER_SIDE = {"company": "purchaser", "purchaser": "company"}
#: 8.4: a waiver, like any amendment, is "a written instrument signed by the Company and
#: Purchaser"; 5.1 and 5.2 decide only whose option it is to give one.
WAIVER_SIGNATORIES = ("company", "purchaser")
#: 5.1(a), 5.2(a): the representations "deemed to be made again on and as of the
#: Closing Date"; each condition's side.
REPRESENTATIONS_OF = {"5.1(a)": "company", "5.2(a)": "purchaser"}


def known_condition(section: str, field: str = "condition") -> Condition:
    """The condition of 5.1 or 5.2 named by `section`, or InvalidAction naming the field."""
    try:
        return condition(section)
    except KeyError:
        raise InvalidAction(f"{section!r:.40} is not a condition of 5.1(a)-(h) or 5.2(a)-(f)",
                            field=field) from None


def still_open(state: DealState, cond: Condition) -> list[Reason]:
    """Conditions are settled at the Closing; after it they can no longer move."""
    if state.status in BEFORE_CLOSING:
        return []
    return [refusal(cond.section, f"the Closing has been held: {cond.section} was settled "
                                  "at it")]


def satisfy_condition(state: DealState, action: SatisfyCondition) -> Decision:
    """5.1(b), (d), (f) and 5.2(b), (e): met when the delivering party delivers.

    The officer's certificate and opinion of counsel come from the Company
    (5.1(b), (d)), Purchaser's certificate from Purchaser (5.2(b)); the
    consents of 5.1(f) and 5.2(e) are obtained by either party. A certificate
    is "dated the Closing Date" and delivered on it (`dated_the_closing_date`).
    """
    cond = known_condition(action.condition)
    reasons = still_open(state, cond)
    if cond.kind == "settlement":
        reasons.append(refusal(cond.section, f"{cond.section} is met at the Closing itself, "
                                             "by delivery against payment (1.2, 2.2)"))
    elif cond.kind == "absence":
        reasons.append(refusal(cond.section, f"{cond.section} is met unless something is "
                                             "recorded against it; there is nothing to deliver"))
    elif action.actor not in cond.delivered_by:
        deliverers = " or ".join(name_of(state, p) for p in cond.delivered_by)
        reasons.append(refusal(cond.section, f"{cond.section} is met by delivery from "
                                             f"{deliverers}, not {name_of(state, action.actor)}"))
    elif settled(state, cond):
        reasons.append(refusal(cond.section, f"{cond.section} is already "
                                             f"{state.marked[cond.section].status}"))
    else:
        reasons += dated_the_closing_date(state, cond, action.at)
    if reasons:
        return refuse(reasons)
    return accept(ConditionSatisfied(at=action.at, condition=cond.section, by=action.actor))


def dated_the_closing_date(state: DealState, cond: Condition, at: datetime) -> list[Reason]:
    """5.1(b), 5.2(b) Officer's Certificate: "a certificate ... dated the Closing Date".

    The certificate certifies that the representations, "deemed to be made
    again on and as of the Closing Date", are then true (5.1(a), 5.2(a)): one
    delivered on another day, before or after, does not meet the condition.
    """
    day = new_york_date(at)
    if not cond.dated or day == state.closing_date:
        return []
    return [refusal(cond.section, f"the officer's certificate is dated the Closing Date, "
                                  f"{state.closing_date.isoformat()}: one delivered on "
                                  f"{day.isoformat()} does not meet {cond.section}")]


def serves_the_closing_date(state: DealState, cond: Condition, marked: Marked) -> bool:
    """5.1(b), 5.2(b), 8.4: a certificate dated a Closing Date since moved serves no longer.

    A waiver, and anything that is not dated, serves whatever the date.
    """
    if marked.status != "satisfied" or not cond.dated or marked.at is None:
        return True
    return new_york_date(marked.at) == state.closing_date


def settled(state: DealState, cond: Condition) -> bool:
    """Whether a condition is satisfied or waived, and that still serves the Closing."""
    marked = state.marked.get(cond.section)
    if marked is None or not serves_the_closing_date(state, cond, marked):
        return False
    if marked.status != "waived" or cond.section not in REPRESENTATIONS_OF:
        return True
    return not untrue_on_record(state, REPRESENTATIONS_OF[cond.section], marked.covers)


def waive_condition(state: DealState, action: WaiveCondition) -> Decision:
    """5.1 and 5.2, opening words: "at the option of" the protected party; 8.4: in writing.

    A condition of 5.1 protects Purchaser and one of 5.2 the Company; only
    the party a condition protects may waive it. 5.1(c) and 5.2(c) are the
    exchange of Notes for the Purchase Price itself (1.2) and cannot be waived.
    8.4: no term "may be ... waived ... orally, but only by a written
    instrument signed by the Company and Purchaser" (`WAIVER_SIGNATORIES`).
    """
    cond = known_condition(action.condition)
    known_signatories(action.signed_by)
    reasons = still_open(state, cond)
    head = head_of(cond.section)
    if action.actor != cond.protects:
        reasons.append(refusal(head, f"only {name_of(state, cond.protects)} may waive "
                                     f"{cond.section}"))
    if not cond.waivable:
        reasons.append(refusal("1.2", f"{cond.section} is the purchase and sale itself and "
                                      "cannot be waived"))
    if settled(state, cond):
        reasons.append(refusal(cond.section, f"{cond.section} is already "
                                             f"{state.marked[cond.section].status}"))
    reasons += written_instrument(state, action.in_writing, action.signed_by,
                                  WAIVER_SIGNATORIES, what=f"the waiver of {cond.section}")
    if reasons:
        return refuse(reasons)
    return accept(ConditionWaived(at=action.at, condition=cond.section, by=action.actor,
                                  signed_by=tuple(dict.fromkeys(action.signed_by))))


def request_instrument(state: DealState, action: RequestInstrument) -> Decision:
    """5.1(h), 5.2(f) Other Instruments: a party may reasonably request others.

    Purchaser requests them of the Company (5.1(h)), the Company of
    Purchaser (5.2(f)); the condition fails until they are delivered.
    """
    section = REQUEST_CONDITION[action.actor]
    reasons = still_open(state, condition(section))
    if reasons:
        return refuse(reasons)
    request = next_id("R", state.requests)
    return accept(
        InstrumentRequested(at=action.at, request=request, by=action.actor,
                            description=action.description),
        created={"request": request},
    )


def deliver_instrument(state: DealState, action: DeliverInstrument) -> Decision:
    """5.1(h), 5.2(f): the party asked delivers what was requested of it."""
    request = state.requests.get(action.request)
    if request is None:
        raise InvalidAction(f"no request {action.request!r:.40} in this deal", field="request")
    section = REQUEST_CONDITION[request.by]
    reasons = still_open(state, condition(section))
    if action.actor != OTHER_SIDE[request.by]:
        reasons.append(refusal(section, f"request {request.id} was made of "
                                        f"{name_of(state, OTHER_SIDE[request.by])}"))
    if request.delivered_at is not None:
        reasons.append(refusal(section, f"request {request.id} has already been delivered"))
    if reasons:
        return refuse(reasons)
    return accept(InstrumentDelivered(at=action.at, request=request.id, by=action.actor))


def record_proceeding(state: DealState, action: RecordProceeding) -> Decision:
    """5.1(e), 5.2(d) Proceedings: one pending or threatened fails both conditions.

    After the Closing, while Notes are outstanding, the commencement of an
    action or proceeding against the Company is recorded the same way: it no
    longer moves a condition (settled at the Closing), but 6.2(a)(i)(B) makes
    the Company owe "written notice to the Purchaser of ... (B) the
    commencement of any action or proceeding against the Company".
    """
    reasons = [] if state.notes_alive else still_open(state, condition("5.1(e)"))
    if reasons:
        return refuse(reasons)
    proceeding = next_id("P", state.proceedings)
    return accept(
        ProceedingRecorded(at=action.at, proceeding=proceeding, by=action.actor,
                           description=action.description),
        created={"proceeding": proceeding},
    )


def resolve_proceeding(state: DealState, action: ResolveProceeding) -> Decision:
    """5.1(e), 5.2(d): a proceeding no longer pending stops standing in the way.

    A proceeding recorded after the Notes were issued (6.2(a)(i)(B): "the
    commencement of any action or proceeding") moves no condition, so it may
    be resolved whenever it ends; one recorded before the Closing was settled
    at it, like its condition.
    """
    proceeding = state.proceedings.get(action.proceeding)
    if proceeding is None:
        raise InvalidAction(f"no proceeding {action.proceeding!r:.40} in this deal",
                            field="proceeding")
    after_issue = (state.issued_at is not None and proceeding.recorded_at is not None
                   and proceeding.recorded_at >= state.issued_at)
    reasons = [] if after_issue else still_open(state, condition("5.1(e)"))
    if proceeding.resolved_at is not None:
        reasons.append(refusal("5.1(e)", f"proceeding {proceeding.id} is already resolved"))
    reasons += resolved_by_whoever_recorded_it(state, proceeding.id, proceeding.by,
                                                action.actor)
    if reasons:
        return refuse(reasons)
    return accept(ProceedingResolved(at=action.at, proceeding=proceeding.id, by=action.actor))


def resolved_by_whoever_recorded_it(state: DealState, proceeding: str, recorded_by: str,
                                    actor: str) -> list[Reason]:
    """5.1(e), 5.2(d) Proceedings: "No judicial or administrative proceeding shall be pending".

    A proceeding the court recorded is pending until the court resolves it:
    neither party can clear a court's proceeding by saying so. One a party
    recorded (a threatened proceeding, say) is resolved by that party or the court.
    """
    if actor in (recorded_by, "court"):
        return []
    if recorded_by == "court":
        return [refusal("5.1(e)", f"proceeding {proceeding} was recorded by the court: only "
                                  "the court resolves it (5.1(e), 5.2(d))")]
    return [refusal("5.1(e)", f"proceeding {proceeding} was recorded by "
                              f"{name_of(state, recorded_by)}: only it or the court resolves "
                              "it (5.1(e), 5.2(d))")]


def record_misrepresentation(state: DealState, action: RecordMisrepresentation) -> Decision:
    """5.1(a), 5.2(a) Representations, Etc.: an untrue representation fails the condition.

    The Company's representations are in section 3 (and 8.7(a)), Purchaser's
    in section 4 (and 8.7(b)); the condition of the other side fails while the
    record stands and the protected party has not waived it. Recorded by
    either party or the court. While Notes are outstanding, the Company's
    record (an admission) or the court's (an adjudication) of a section 3
    representation proves it untrue: Schedule 1 (d), once for each
    representation (engine.rules.untrue); Purchaser's record is an allegation.
    """
    of_party = whose_representation(action.section)
    if of_party is None:
        raise InvalidAction(f"{action.section!r:.40} holds no representation or warranty "
                            "(sections 3.1-3.19, 4.1-4.4, 8.7(a)-(b))", field="section")
    misrepresentation = next_id("M", state.misrepresentations)
    recorded = MisrepresentationRecorded(at=action.at, misrepresentation=misrepresentation,
                                         by=action.actor, section=action.section,
                                         of_party=of_party, description=action.description)
    created = {"misrepresentation": misrepresentation}
    from engine.rules.untrue import PROVED_BY, proved_untrue

    if action.actor in PROVED_BY:
        # Schedule 1 (d), ASSUMED: "proved untrue": admitted by the Company, or
        # adjudicated by the court; anyone else's record is an allegation.
        occurred = proved_untrue(state, action.at, action.section, misrepresentation,
                                 f"{action.section}, {action.description}")
        if occurred:
            created["event_of_default"] = occurred[0].event_of_default
            return accept(recorded, *occurred, created=created)
    return accept(recorded, created=created)


def condition_status(state: DealState, cond: Condition) -> str:
    """A condition's status: "pending", "satisfied" or "waived"."""
    if settled(state, cond):
        return state.marked[cond.section].status
    if cond.section in state.marked or cond.kind != "absence":
        return "pending"
    return "pending" if anything_against(state, cond) else "satisfied"


#: The last deal's condition statuses, with the state fields they were worked out from.
#: (One item, replaced whole, so that threads always read a matching pair.)
_LAST_STATUSES: list[tuple[tuple[object, ...], dict[str, str]]] = [((object(),) * 6, {})]


def condition_statuses(state: DealState) -> dict[str, str]:
    """Every condition of 5.1 and 5.2 by section, with its `condition_status`.

    A status reads only the marks, the Closing Date, the proceedings, the
    requests, the misrepresentations and the claims; the fold hands a state's
    unchanged fields on as the very same objects, so while none of those is
    replaced (an `advance`, a payment or a report after the Closing) the
    statuses worked out for the last state are the answer again. It is asked
    each time a deal's status is stored (bench row 3, issue 11 item 13).
    """
    read = (state.marked, state.closing_date, state.proceedings, state.requests,
            state.misrepresentations, state.claims)
    seen, known = _LAST_STATUSES[0]
    if all(a is b for a, b in zip(seen, read, strict=True)):
        return dict(known)
    statuses = {c.section: condition_status(state, c) for c in CONDITIONS}
    _LAST_STATUSES[0] = (read, statuses)
    return dict(statuses)


def anything_against(state: DealState, cond: Condition) -> bool:
    """Whether anything stands against a condition met unless something does: the cheap
    question behind `condition_status`, asked of every condition each time a deal's
    status is stored, so it stops at the first pending proceeding or request instead of
    building a refusal for each (issue 10 item 9: a deal with 20,000 open proceedings)."""
    section = cond.section
    if section in ("5.1(e)", "5.2(d)"):
        return any(p.resolved_at is None for p in state.proceedings.values())
    if section in ("5.1(h)", "5.2(f)"):
        asker = "purchaser" if section == "5.1(h)" else "company"
        return any(r.by == asker and r.delivered_at is None for r in state.requests.values())
    if section in REPRESENTATIONS_OF:
        return untrue_on_record(state, REPRESENTATIONS_OF[section])
    return bool(standing_against(state, cond))


def untrue_on_record(state: DealState, side: str, covered: frozenset[str] = frozenset()
                     ) -> bool:
    """5.1(a), 5.2(a): whether a representation of `side` stands recorded (or found, by a
    claim) untrue, leaving out what a waiver `covered`: the cheap question behind
    `standing_against`, asked each time a deal's status is stored, so it builds no
    refusal and makes no call for each record (issue 10 item 9)."""
    for m in state.misrepresentations.values():
        if m.of_party == side and m.id not in covered:
            return True
    for claim in state.claims.values():
        if claim.against != side or claim.id in covered or claim.withdrawn_at is not None:
            continue
        found = (claim.adjudicated > 0 if claim.adjudicated is not None
                 else claim.answer == "acknowledged")
        if found and whose_representation(claim.section) == side:
            return True
    return False


def standing_against(state: DealState, cond: Condition,
                     covered: frozenset[str] = frozenset()) -> list[Reason]:
    """What is recorded against a condition met unless something stands against it.

    Misrepresentations and claims whose ids are `covered` (by a waiver) are left out.
    """
    section = cond.section
    if section in REPRESENTATIONS_OF:
        side = REPRESENTATIONS_OF[section]
        reasons = [refusal(section, f"{name_of(state, side)}'s representation in {m.section} "
                                    f"is recorded as untrue ({m.id}: {m.description})")
                   for m in state.misrepresentations.values() if m.of_party == side
                   and m.id not in covered]
        # A claim under 8.10 acknowledged, or adjudicated for more than nothing, proves
        # the representation untrue just as a record does.
        for claim in state.claims.values():
            found = _found_untrue(claim)
            if (found and claim.against == side and claim.id not in covered
                    and whose_representation(claim.section) == side):
                reasons.append(refusal(section, f"{name_of(state, side)}'s representation in "
                                                f"{claim.section} is found untrue (claim "
                                                f"{claim.id}, {found})"))
        return reasons
    if section in ("5.1(e)", "5.2(d)"):
        return [refusal(section, f"proceeding {p.id} is pending: {p.description}")
                for p in state.proceedings.values() if p.resolved_at is None]
    if section in ("5.1(h)", "5.2(f)"):
        asker = "purchaser" if section == "5.1(h)" else "company"
        return [refusal(section, f"request {r.id} of {name_of(state, asker)} is not yet "
                                 f"delivered: {r.description}")
                for r in state.requests.values() if r.by == asker and r.delivered_at is None]
    return []


def after_the_waiver(state: DealState, cond: Condition, waiver: Marked) -> list[Reason]:
    """5.1(a), 5.2(a): the representations "shall be deemed to be made again on and as of
    the Closing Date and shall then be true".

    A waiver of 5.1(a) or 5.2(a) gives up what was recorded against the
    representations when it was given (`Marked.covers`, in log order, so the
    same minute is no exception); a representation recorded untrue
    after it, made again at the Closing, stands against the condition anew
    and needs a waiver of its own.
    """
    if cond.section not in REPRESENTATIONS_OF or waiver.at is None:
        return []
    return [attrs.evolve(reason, message=f"{reason.message}, after "
                                         f"{name_of(state, waiver.by)} waived {cond.section}")
            for reason in standing_against(state, cond, waiver.covers)]


def _found_untrue(claim: Claim) -> str:
    """How a claim under 8.10 found its representation untrue ("" if it has not)."""
    if claim.withdrawn_at is not None:
        return ""
    if claim.adjudicated is not None:
        return "adjudicated" if claim.adjudicated > 0 else ""
    return "acknowledged" if claim.answer == "acknowledged" else ""


def unmet(state: DealState, cond: Condition) -> list[Reason]:
    """Why a pre-closing condition is not met, or nothing if satisfied or waived."""
    marked = state.marked.get(cond.section)
    if marked is not None:
        if not serves_the_closing_date(state, cond, marked):
            assert marked.at is not None
            return [refusal(cond.section, f"the officer's certificate delivered on "
                                          f"{new_york_date(marked.at).isoformat()} is not dated "
                                          f"the Closing Date, now "
                                          f"{state.closing_date.isoformat()} (8.4): "
                                          f"{cond.section} needs one dated it")]
        if marked.status == "waived":
            return after_the_waiver(state, cond, marked)
        return []
    if cond.kind == "absence":
        return standing_against(state, cond)
    deliverers = " or ".join(name_of(state, p) for p in cond.delivered_by)
    # "Consents have", "Opinion of Counsel has": the heading is what was to be delivered.
    verb = "have" if cond.heading.endswith("s") else "has"
    return [refusal(cond.section, f"{cond.section} {cond.heading} {verb} not been delivered "
                                  f"by {deliverers} nor waived by "
                                  f"{name_of(state, cond.protects)}")]
