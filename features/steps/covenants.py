"""Steps for the covenants of section 6: reports (6.1), inspection and notice of
default (6.2), breaches, and merger (6.3).
"""

from __future__ import annotations

from typing import Any

from features.steps.payments import the_default
from features.steps.registry import ACTION, THEN, step
from features.steps.types import REPORT_STANDINGS, StepError, holder_name, p
from features.steps.words import date_words, report_words
from features.steps.world import World, at_time


@step(ACTION, p("{party:Party} furnishes {report:Report} on {date:Date} at {time:Time}"))
def furnishes_report(world: World, party: str, report: str, date: str, time: str) -> None:
    """The party furnishes a report of 6.1 to the Holders.

    "the annual report for 1997" (6.1(a)), "the quarterly report for the
    quarter ended September 30, 1997" (6.1(b)).
    """
    world.act({"type": "deliver_report", "actor": party, "at": at_time(date, time),
               "report": report})


@step(ACTION, p("{holder:Holder} asks to inspect the Company's properties on {date:Date} "
                "at {time:Time}"))
def asks_to_inspect(world: World, holder: str, date: str, time: str) -> None:
    """A Holder asks to visit and inspect the properties of the Company (6.2(a)(ii))."""
    world.act({"type": "request_inspection", "actor": holder, "at": at_time(date, time),
               "scope": "properties"})


@step(ACTION, p("{holder:Holder} asks to examine the Company's books of account on {date:Date} "
                "at {time:Time}"))
def asks_to_examine(world: World, holder: str, date: str, time: str) -> None:
    """A Holder asks to examine the Company's books of account and other records (6.2(a)(iii))."""
    world.act({"type": "request_inspection", "actor": holder, "at": at_time(date, time),
               "scope": "books"})


@step(ACTION, p("{holder:Holder} records that the Company is in breach of {section:Section} "
                "on {date:Date} at {time:Time}"))
def records_breach(world: World, holder: str, section: str, date: str, time: str) -> None:
    """A breach of a covenant of section 6 that only the parties can see ("6.2(b)(iv)").

    The engine cannot observe whether the Company keeps its property insured
    (6.2(b)(iv)) or pays its taxes (6.2(b)(iii)); a party or a Holder records
    the fact, and it is a breach of that section from then on.
    """
    world.act({"type": "record_breach", "actor": holder, "at": at_time(date, time),
               "section": section,
               "description": f"recorded by {holder_name(holder)}: the Company is in breach of "
                              f"{section}"})


def _breaches(world: World, section: str) -> list[dict[str, Any]]:
    return [b for b in world.status()["breaches"] if b["section"] == section]


@step(ACTION, p("{party:Party} remedies its breach of {section:Section} on {date:Date} "
                "at {time:Time}"))
def remedies_breach(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party records the breach of that section remedied (the earliest still continuing)."""
    found = _breaches(world, section)
    if not found:
        raise StepError(f"no breach of {section} has occurred in this scenario")
    continuing = [b for b in found if b["status"] == "continuing"]
    world.act({"type": "remedy_breach", "actor": party, "at": at_time(date, time),
               "breach": (continuing or found)[0]["id"]})


@step(ACTION, p("{party:Party} merges into {corporation}, which assumes all obligations of the "
                "Company under this Agreement, on {date:Date} at {time:Time}"))
def merges_with_assumption(world: World, party: str, corporation: str, date: str,
                           time: str) -> None:
    """The Company merges into another corporation, the Surviving Corporation, which
    assumes all obligations of the Company under this Agreement (6.3)."""
    world.act({"type": "merge", "actor": party, "at": at_time(date, time),
               "surviving_corporation": corporation, "assumes_obligations": True})


@step(ACTION, p("{party:Party} merges into {corporation}, which does not assume the "
                "obligations of the Company, on {date:Date} at {time:Time}"))
def merges_without_assumption(world: World, party: str, corporation: str, date: str,
                              time: str) -> None:
    """The Company merges into another corporation that does not assume its obligations (6.3)."""
    world.act({"type": "merge", "actor": party, "at": at_time(date, time),
               "surviving_corporation": corporation, "assumes_obligations": False})


@step(ACTION, p("{party:Party} merges with {corporation}, the Company surviving the merger, "
                "on {date:Date} at {time:Time}"))
def merges_and_survives(world: World, party: str, corporation: str, date: str,
                        time: str) -> None:
    """The Company merges with another corporation and is itself the surviving corporation:
    no merger "in which the Company is not the surviving corporation" (6.3)."""
    survivor = world.status()["company"]
    world.act({"type": "merge", "actor": party, "at": at_time(date, time),
               "surviving_corporation": survivor, "assumes_obligations": False})


def _report_obligation(world: World, report: str) -> dict[str, Any]:
    for owed in world.status()["obligations"]:
        if owed["id"] == report:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"{report_words(report)} is not among the reports of 6.1 of this "
                         "deal")


_REPORT_WORDS = {v: k for k, v in REPORT_STANDINGS.items()}


@step(THEN, p("{report:Report} is due by {date:Date}"))
def report_due_by(world: World, report: str, date: str) -> None:
    """The report is owed, and its last day under 6.1 is that date (New York time)."""
    world.outcome()
    owed = _report_obligation(world, report)
    if owed["due"] != date:
        raise AssertionError(f"{report_words(report)} is due by {date_words(owed['due'])}, "
                             f"not {date_words(date)}")
    if owed["status"] == "not owed":
        raise AssertionError(f"{report_words(report)} is not owed")


@step(THEN, p("{report:Report} was never owed"))
def report_never_owed(world: World, report: str) -> None:
    """Section 6 binds "from and after the Closing Date so long as any of the Notes shall
    remain outstanding": a report whose last day passed before the Notes were issued is
    not among the reports of 6.1 the Company owes."""
    world.outcome()
    if any(owed["id"] == report for owed in world.status()["obligations"]):
        raise AssertionError(f"{report_words(report)} is among the reports of 6.1 owed")


@step(THEN, p("{report:Report} is {standing:ReportStanding}"))
def report_is(world: World, report: str, standing: str) -> None:
    """The report is pending, furnished on time, furnished late, overdue or not owed."""
    world.outcome()
    owed = _report_obligation(world, report)
    if owed["status"] != standing:
        actual = _REPORT_WORDS.get(owed["status"], owed["status"])
        raise AssertionError(f"{report_words(report)} is {actual}, "
                             f"not {_REPORT_WORDS[standing]}")


def _breaches_in_words(world: World) -> str:
    found = world.status()["breaches"]
    if not found:
        return "no breach has occurred"
    return "; ".join(f"{b['section']} {b['status']}" for b in found)


@step(THEN, p("the Company is in breach of {section:Section}"))
def in_breach_of(world: World, section: str) -> None:
    """A breach of that covenant continues (not remedied)."""
    world.outcome()
    if not any(b["status"] == "continuing" for b in _breaches(world, section)):
        raise AssertionError(f"the Company is not in breach of {section} "
                             f"({_breaches_in_words(world)})")


@step(THEN, p("the Company is not in breach of {section:Section}"))
def not_in_breach_of(world: World, section: str) -> None:
    """No breach of that covenant continues (none occurred, or each was remedied)."""
    world.outcome()
    if any(b["status"] == "continuing" for b in _breaches(world, section)):
        raise AssertionError(f"the Company is in breach of {section}")


@step(THEN, p("the Company is in breach of no covenant"))
def in_breach_of_nothing(world: World) -> None:
    """No breach of any covenant continues."""
    world.outcome()
    if any(b["status"] == "continuing" for b in world.status()["breaches"]):
        raise AssertionError(f"the Company is in breach: {_breaches_in_words(world)}")


def _notice_of_default(world: World, kind: str) -> dict[str, Any]:
    ident = "notice-" + the_default(world, kind)["id"]
    for owed in world.status()["obligations"]:
        if owed["id"] == ident:
            found: dict[str, Any] = owed
            return found
    raise AssertionError("the Company owes no notice of the Event of Default under "
                         f"Schedule 1 ({kind})")


@step(THEN, p("the Company owes prompt written notice of the Event of Default under "
              "{kind:Default}"))
def owes_notice_of_default(world: World, kind: str) -> None:
    """6.2(a)(i): the Company has yet to give Purchaser written notice of the default."""
    world.outcome()
    owed = _notice_of_default(world, kind)
    if owed["status"] != "pending":
        raise AssertionError(f"the Company's notice of the Event of Default is {owed['status']}")


@step(THEN, p("the Company has given notice of the Event of Default under {kind:Default}"))
def gave_notice_of_default(world: World, kind: str) -> None:
    """6.2(a)(i): the Company has given Purchaser written notice of the default."""
    world.outcome()
    owed = _notice_of_default(world, kind)
    if owed["status"] != "given":
        raise AssertionError(f"the Company's notice of the Event of Default is {owed['status']}")


def _notice_owed(world: World, what: str, ident: str) -> str:
    """The status of the Company's notice of 6.2(a)(i) of a breach or proceeding."""
    for owed in world.status()["obligations"]:
        if owed["id"] == f"notice-{ident}" and owed["section"] == "6.2(a)(i)":
            status: str = owed["status"]
            return status
    raise AssertionError(f"the Company owes no notice under 6.2(a)(i) of {what}")


def _breach_of(world: World, section: str) -> str:
    """The id of the last breach of a section recorded in the scenario."""
    found = [b["id"] for b in world.status()["breaches"] if b["section"] == section]
    if not found:
        raise AssertionError(f"the Company is in no breach of {section}")
    ident: str = found[-1]
    return ident


def _the_proceeding(world: World) -> str:
    """The proceeding most recently recorded in the scenario."""
    if not world.proceedings:
        raise StepError("no proceeding has been recorded in this scenario")
    return world.proceedings[-1]


@step(THEN, p("the Company owes prompt written notice of its breach of {section:Section}"))
def owes_notice_of_breach(world: World, section: str) -> None:
    """6.2(a)(i)(A): "any material violation or default by the Company in the performance
    of its agreements or covenants" needs the Company's prompt written notice."""
    world.outcome()
    status = _notice_owed(world, f"its breach of {section}", _breach_of(world, section))
    if status != "pending":
        raise AssertionError(f"the Company's notice of its breach of {section} is {status}")


@step(THEN, p("the Company has given notice of its breach of {section:Section}"))
def gave_notice_of_breach(world: World, section: str) -> None:
    """6.2(a)(i)(A): the Company has given Purchaser written notice of the breach."""
    world.outcome()
    status = _notice_owed(world, f"its breach of {section}", _breach_of(world, section))
    if status != "given":
        raise AssertionError(f"the Company's notice of its breach of {section} is {status}")


@step(THEN, p("the Company owes prompt written notice of the proceeding"))
def owes_notice_of_proceeding(world: World) -> None:
    """6.2(a)(i)(B): "the commencement of any action or proceeding against the Company"
    needs the Company's prompt written notice."""
    world.outcome()
    status = _notice_owed(world, "the proceeding", _the_proceeding(world))
    if status != "pending":
        raise AssertionError(f"the Company's notice of the proceeding is {status}")


@step(THEN, p("the Company has given notice of the proceeding"))
def gave_notice_of_proceeding(world: World) -> None:
    """6.2(a)(i)(B): the Company has given Purchaser written notice of the proceeding."""
    world.outcome()
    status = _notice_owed(world, "the proceeding", _the_proceeding(world))
    if status != "given":
        raise AssertionError(f"the Company's notice of the proceeding is {status}")


@step(THEN, p("the Company owes no notice of the proceeding"))
def owes_no_notice_of_proceeding(world: World) -> None:
    """6.2(a)(i)(B) binds only while the Notes are outstanding (section 6): a proceeding
    before the Closing is one of 5.1(e) and 5.2(d), not of 6.2."""
    world.outcome()
    ident = f"notice-{_the_proceeding(world)}"
    if any(owed["id"] == ident for owed in world.status()["obligations"]):
        raise AssertionError("the Company owes notice of the proceeding under 6.2(a)(i)")


@step(THEN, p("the Surviving Corporation {name} is the Company"))
def surviving_corporation_is_the_company(world: World, name: str) -> None:
    """6.3: the Surviving Corporation stands as the Company for every later action and notice."""
    world.outcome()
    company = world.status()["company"]
    if company != name:
        raise AssertionError(f"the Company is {company}, not {name}")
