"""Section 6: the Company's covenants, "so long as any of the Notes shall remain outstanding".

6.2(a)(ii) inspection of properties during an Event of Default; 6.2(a)(iii)
examination of books at reasonable times; 6.2(b) and other facts the engine
cannot observe, recorded as breaches citing their section; 6.3 merger;
and the Holders' notice of covenant breach that starts Schedule 1 (c)'s
30 days.
"""

from __future__ import annotations

from datetime import datetime, time

from engine.actions import Merge, RecordBreach, RemedyBreach, RequestInspection, SendNotice
from engine.business_days import is_business_day
from engine.clock import NEW_YORK, new_york_date
from engine.errors import InvalidAction
from engine.events import BreachOccurred, BreachRemedied, Event, InspectionRequested, Merged
from engine.explain import Reason, refusal
from engine.periods import end_of_days
from engine.rules.common import Decision, accept, name_of, next_id, refuse
from engine.state import DealState

#: The covenants of section 6 a breach can be recorded under.
COVENANTS = ("6.1(a)", "6.1(b)", "6.1(c)", "6.1(d)", "6.1(e)", "6.2(a)(i)", "6.2(a)(ii)",
             "6.2(a)(iii)", "6.2(b)(i)", "6.2(b)(ii)", "6.2(b)(iii)", "6.2(b)(iv)", "6.3")
#: 6.2(a)(iii) "at such reasonable times": a New York banking day, 9:00 to 17:00.
BUSINESS_HOURS = (time(9, 0), time(17, 0))
CURE_DAYS = 30


def while_outstanding(state: DealState, section: str) -> list[Reason]:
    """Section 6: the covenants bind from the Closing Date while Notes are outstanding."""
    if state.notes_alive:
        return []
    return [refusal(section, "the covenants of section 6 bind only while Notes are "
                             "outstanding")]


def breach_occurs(state: DealState, at: datetime, section: str, description: str,
                  cause: str | None = None) -> BreachOccurred:
    """A covenant breach with the next id (B1, B2...)."""
    return BreachOccurred(at=at, breach=next_id("B", state.breaches), section=section,
                          description=description, cause=cause)


def request_inspection(state: DealState, action: RequestInspection) -> Decision:
    """6.2(a)(ii) properties, only while an Event of Default continues; 6.2(a)(iii) books,
    "at such reasonable times" (a New York business day, 9:00 to 17:00)."""
    if action.scope not in ("properties", "books"):
        raise InvalidAction(f"{action.scope!r:.40} is not properties or books", field="scope")
    section = "6.2(a)(ii)" if action.scope == "properties" else "6.2(a)(iii)"
    reasons = while_outstanding(state, section)
    if action.actor not in state.holders:
        reasons.append(refusal(section, f"{name_of(state, action.actor)} is not a Holder"))
    if action.scope == "properties" and not state.continuing_defaults:
        reasons.append(refusal(section, "properties are inspected only "
                                        "\"during the continuance of an Event of Default\""))
    local = action.at.astimezone(NEW_YORK)
    business_day = is_business_day(local.date(), "new-york")
    if action.scope == "books" and (not business_day
                                    or not BUSINESS_HOURS[0] <= local.time() < BUSINESS_HOURS[1]):
        reasons.append(refusal(section, "books are examined at reasonable times: a business "
                                        "day between 9:00 and 17:00 New York time"))
    if reasons:
        return refuse(reasons)
    return accept(InspectionRequested(at=action.at, by=action.actor, scope=action.scope))


def record_breach(state: DealState, action: RecordBreach) -> Decision:
    """6.2(b) and the rest of section 6: a breach the engine cannot see for itself."""
    if action.section not in COVENANTS:
        raise InvalidAction(f"{action.section!r:.40} is not a covenant of section 6 "
                            f"({', '.join(COVENANTS)})", field="section")
    reasons = while_outstanding(state, action.section)
    if action.actor not in ("company", "purchaser") and action.actor not in state.holders:
        reasons.append(refusal(action.section, f"{name_of(state, action.actor)} is neither "
                                               "a party nor a Holder"))
    if reasons:
        return refuse(reasons)
    made = breach_occurs(state, action.at, action.section, action.description)
    return accept(made, created={"breach": made.breach})


def remedy_breach(state: DealState, action: RemedyBreach) -> Decision:
    """Section 6: the Company records a breach remedied (a missed report is remedied by
    furnishing it, 6.1)."""
    breach = state.breaches.get(action.breach)
    if breach is None:
        raise InvalidAction(f"no breach {action.breach!r:.40} in this deal", field="breach")
    reasons = while_outstanding(state, breach.section)
    if not breach.continuing:
        reasons.append(refusal(breach.section, f"breach {breach.id} is already remedied"))
    if breach.cause and breach.cause.startswith("report:"):
        reasons.append(refusal("6.1", f"breach {breach.id} is remedied by furnishing report "
                                      f"{breach.cause.removeprefix('report:')}"))
    if reasons:
        return refuse(reasons)
    return accept(BreachRemedied(at=action.at, breach=breach.id))


def merge(state: DealState, action: Merge) -> Decision:
    """6.3 Obligations upon Merger or Consolidation.

    "the Company shall ensure that the Surviving Corporation shall assume all
    obligations of the Company": without assumption, a breach of 6.3; with
    it, the Surviving Corporation is the Company for every later action. A
    merger the Company survives is no merger "in which the Company is not the
    surviving corporation": recorded, no breach, and the Company stays itself.
    """
    reasons = while_outstanding(state, "6.3")
    if reasons:
        return refuse(reasons)
    events: list[Event] = [Merged(at=action.at, surviving_corporation=action.surviving_corporation,
                                  assumes_obligations=action.assumes_obligations)]
    created: dict[str, str] = {}
    if company_survives(state, action.surviving_corporation):
        # 6.3 governs only a merger "in which the Company is not the surviving corporation".
        return accept(*events, created=created)
    if not action.assumes_obligations:
        breach = breach_occurs(state, action.at, "6.3",
                               f"{action.surviving_corporation} did not assume the Company's "
                               "obligations")
        events.append(breach)
        created["breach"] = breach.breach
    return accept(*events, created=created)


def company_survives(state: DealState, surviving_corporation: str) -> bool:
    """6.3: "a merger ... in which the Company is not the surviving corporation" is the only
    merger the section governs. The Company survives when the surviving corporation named
    is the Company itself: its name on the term sheet (or, after an earlier merger, the
    Surviving Corporation's that became the Company), compared exactly."""
    return surviving_corporation == (state.successor or state.terms.parties["company"].name)


def default_on(state: DealState, breach: str) -> str | None:
    """The Event of Default (c) that continues on a breach, if one does.

    8.6: "nor shall any waiver of any single breach or default be deemed a
    waiver of any other breach or default ... thereafter occurring": once the
    Event of Default a breach founded is waived, the breach, still unremedied,
    can found another, after a new notice and 30 days more; while that Event
    of Default continues, a new notice has nothing to start.
    """
    for e in state.defaults.values():
        if e.kind == "c" and e.cause == breach and e.continuing:
            return e.id
    return None


def open_to_notice(state: DealState) -> list[str]:
    """The breaches a notice of covenant breach can start 30 days for: each continuing and
    not already the cause of a continuing Event of Default (c)."""
    return [b.id for b in state.breaches.values()
            if b.continuing and default_on(state, b.id) is None]


def covenant_breach_notice(state: DealState, action: SendNotice) -> list[Reason]:
    """Schedule 1 (c): "written notice from Holders of a majority in principal" to the
    Company, naming breaches that continue (left out: every continuing breach not already
    an Event of Default that continues). A breach whose Event of Default was waived can be
    named again (8.6: a waiver covers only the default it names). Who gives it, and
    whether they are a majority, is `engine.rules.majority`'s (each Holder joins by its
    own notice: `engine.rules.sending`)."""
    reasons = while_outstanding(state, "Schedule 1 (c)")
    if action.to != "company":
        reasons.append(refusal("Schedule 1 (c)", "a notice of covenant breach goes to the "
                                                 "Company"))
    for breach in action.breaches or ():
        if breach not in state.breaches:
            raise InvalidAction(f"no breach {breach!r:.40} in this deal", field="breaches")
        if not state.breaches[breach].continuing:
            reasons.append(refusal("Schedule 1 (c)", f"breach {breach} is already remedied"))
        elif (current := default_on(state, breach)) is not None:
            reasons.append(refusal("Schedule 1 (c)", f"breach {breach} is already Event of "
                                                     f"Default {current}, which continues"))
    if action.breaches is None and not any(b.continuing for b in state.breaches.values()):
        reasons.append(refusal("Schedule 1 (c)", "no covenant breach continues"))
    elif action.breaches is None and not open_to_notice(state):
        reasons.append(refusal("Schedule 1 (c)", "every covenant breach that continues is "
                                                 "already an Event of Default that continues"))
    if action.breaches is not None and not action.breaches:
        reasons.append(refusal("Schedule 1 (c)", "the notice names no breach"))
    return reasons


def cure_period_ends(effective_at: datetime) -> datetime:
    """Schedule 1 (c): 30 days after the notice is effective, to the end of the last day."""
    return end_of_days(new_york_date(effective_at), CURE_DAYS)
