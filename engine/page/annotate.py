"""What the page says beside each clause: the deal's live state at a moment, from
its status (the dict of `status --json`) and its timeline.

Each note is plain data (`Note`): the section it stands beside, a tone
(`ok`, `pending`, `bad`, `info`, `assumed`), its words, and whether it rests on
the ASSUMED terms of Schedule 1. The renderer escapes every word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from contract.clauses import clause
from contract.terms import SCHEDULE_1
from contract.text import SECTIONS
from engine.clock import NEW_YORK

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: The parties by the names the agreement gives them.
NAMES = {"company": "the Company", "purchaser": "Purchaser", "guarantor": "LCI",
         "court": "the court"}


@attrs.frozen
class Note:
    """One annotation beside a clause."""

    section: str
    tone: str
    text: str
    assumed: bool = False
    seq: int | None = None


def who(actor: str | None) -> str:
    """An actor id as the agreement names it ("holder:acme-bank" is "acme-bank")."""
    if not actor:
        return "someone"
    return NAMES.get(actor, actor.removeprefix("holder:"))


def day_words(value: str | date | None) -> str:
    """A date as a lawyer writes it: "October 27, 1997"."""
    if value is None:
        return "no date"
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def moment_words(value: str | None) -> str:
    """An instant as New York wall time: "March 5, 1998 at 00:00 EST"."""
    if not value:
        return "no time"
    try:
        moment = datetime.fromisoformat(value).astimezone(NEW_YORK)
    except ValueError:
        return value
    return f"{day_words(moment.date())} at {moment:%H:%M} {moment.tzname()}"


def dollars(amount: str | Decimal | None) -> str:
    """An amount as "$7,500,000.00"."""
    if amount is None:
        return "$0.00"
    return f"${Decimal(str(amount)):,.2f}"


def _present(section: str) -> bool:
    return section in SECTIONS or section.startswith("Schedule 1")


def _conditions(status: Mapping[str, Any], records: Sequence[Mapping[str, Any]]
                ) -> Iterable[Note]:
    settled: dict[str, Mapping[str, Any]] = {}
    closing = next((r for r in records if r["type"] == "closing_held"), None)
    for each in records:
        if each["type"] in ("condition_satisfied", "condition_waived"):
            settled[each["condition"]] = each
    missing: dict[str, list[str]] = {}
    for reason in status.get("missing", []):
        missing.setdefault(reason["section"], []).append(reason["message"])
    for section, standing in status["conditions"].items():
        record: Mapping[str, Any] | None = settled.get(section)
        if standing in ("satisfied", "waived"):
            if record is not None:
                text = (f"{standing.capitalize()} by {who(record.get('by'))} on "
                        f"{moment_words(record['at'])}")
            elif closing is not None:
                text = f"{standing.capitalize()} at the Closing, {moment_words(closing['at'])}"
            else:
                text = standing.capitalize()
            yield Note(section, "ok", text)
        else:
            yield Note(section, "pending", "Pending: " + (
                "; ".join(missing.get(section, [])) or "not yet satisfied or waived"))


def _settlement(status: Mapping[str, Any]) -> Iterable[Note]:
    settlement = status.get("settlement") or {}
    yield Note("2.1", "info", f"The Closing Date is {day_words(status.get('closing_date'))}")
    if settlement.get("notes_delivered"):
        parts = ", ".join(dollars(d) for d in settlement.get("denominations", []))
        yield Note("2.2", "ok", f"Notes delivered in denominations of {parts}")
    else:
        yield Note("2.2", "pending", "The Notes have not been delivered")
    yield Note("2.2", "ok" if settlement.get("guarantee_delivered") else "pending",
               "LCI's Guarantee delivered" if settlement.get("guarantee_delivered")
               else "LCI's Guarantee has not been delivered")
    yield Note("1.2", "info",
               f"Purchase Price paid: {dollars(settlement.get('purchase_price_paid'))}")
    yield Note("2.2", "info",
               f"Transaction Fee paid: {dollars(settlement.get('transaction_fee_paid'))}")
    for amendment in status.get("amendments", []):
        yield Note("8.4", "info", f"Amended in writing: {amendment}")


_QUARTERS = {"q1": "March 31", "q2": "June 30", "q3": "September 30"}


def obligation_words(ident: str) -> str:
    """An obligation by the engine's id, in words: "q3-1997" is the quarterly report for
    the quarter ended September 30, 1997."""
    kind, _, rest = ident.partition("-")
    if kind == "annual":
        return f"The annual report for {rest}"
    if kind in _QUARTERS:
        return f"The quarterly report for the quarter ended {_QUARTERS[kind]}, {rest}"
    if kind == "notice":
        return f"Notice of Event of Default {rest}"
    if kind == "expenses":
        return f"The fees and expenses of Purchaser's counsel ({rest})"
    return ident


def _obligations(status: Mapping[str, Any]) -> Iterable[Note]:
    tones = {"pending": "pending", "paid": "ok", "delivered": "ok", "given": "ok",
             "not owed": "info", "superseded": "info"}
    not_owed: dict[str, int] = {}
    for owed in status.get("obligations", []):
        section = owed["section"]
        if section == "Schedule 1":
            continue  # the payment schedule shows them
        if owed["status"] == "not owed":
            not_owed[section] = not_owed.get(section, 0) + 1
            continue
        due = owed["due"] if owed["due"] == "promptly" else f"by {day_words(owed['due'])}"
        amount = f" ({dollars(owed['amount'])})" if owed.get("amount") else ""
        yield Note(section, tones.get(owed["status"], "bad"),
                   f"{obligation_words(owed['id'])}{amount}, due {due}: {owed['status']}",
                   bool(owed.get("assumed")))
    for section, count in not_owed.items():
        yield Note(section, "info", f"{count} later report{'s are' if count > 1 else ' is'} "
                   "not owed: the Notes are repaid, or will be due before it")
    for deadline in status.get("deadlines", []):
        yield Note(deadline["section"], "pending",
                   f"Deadline {moment_words(deadline['due'])}: {deadline['description']}",
                   deadline["section"].startswith("Schedule 1"))


#: Which clause a notice of each kind moves, beside 8.5 itself.
NOTICE_SECTIONS = {"covenant_breach": "Schedule 1 (c)", "default": "6.2(a)(i)",
                   "acceleration": "Schedule 1", "transfer": "7.3", "claim": "8.10",
                   "change_of_address": "8.5"}


def _notices(status: Mapping[str, Any]) -> Iterable[Note]:
    for notice in status.get("notices", []):
        head = (f"Notice {notice['id']} ({notice['kind'].replace('_', ' ')}) from "
                f"{who(notice['from'])} to {who(notice['to'])} by "
                f"{notice['method'].replace('_', ' ')}, sent {moment_words(notice['sent_at'])}")
        if notice["status"] == "no effect":
            text, tone = f"{head}: of no effect ({'; '.join(notice['defects'])})", "bad"
        elif notice["status"] == "pending":
            text, tone = f"{head}: takes effect {moment_words(notice['effective_at'])}", "pending"
        else:
            text, tone = f"{head}: effective {moment_words(notice['effective_at'])}", "ok"
        yield Note("8.5", tone, text)
        other = NOTICE_SECTIONS.get(notice["kind"])
        if other and other != "8.5":
            yield Note(other, tone, text, other.startswith("Schedule 1"))


def _defaults(status: Mapping[str, Any]) -> Iterable[Note]:
    for event in status.get("events_of_default", []):
        ended = f" on {moment_words(event['ended_at'])}" if event.get("ended_at") else ""
        text = (f"Event of Default {event['id']} ({event['kind']}): {event['description']}; "
                f"occurred {moment_words(event['occurred_at'])}; {event['status']}{ended}")
        tone = "bad" if event["status"] == "continuing" else "ok"
        yield Note(event["section"], tone, text, True)
        yield Note("Schedule 1", tone, text, True)
    if status.get("accelerated"):
        yield Note("Schedule 1", "bad",
                   f"The Notes were accelerated on {moment_words(status.get('accelerated_at'))}: "
                   "all principal and accrued interest became due at once", True)
    for breach in status.get("breaches", []):
        tone = "bad" if breach["status"] == "continuing" else "ok"
        yield Note(breach["section"], tone,
                   f"Breach {breach['id']}: {breach['description']}; since "
                   f"{moment_words(breach['occurred_at'])}; {breach['status']}")


def _holders(status: Mapping[str, Any]) -> Iterable[Note]:
    holders = status.get("holders") or {}
    if holders:
        yield Note("7.1", "info", "Holders: " + "; ".join(
            f"{who(h)} {dollars(p)}" for h, p in holders.items()))
    for holder, legend in (status.get("legends") or {}).items():
        yield Note("7.2", "info", f"The Notes held by {who(holder)} "
                   + ("bear the restrictive legend" if legend else "bear no legend"))
    for transfer in status.get("transfers", []):
        basis = ("under Rule 144" if transfer.get("rule_144") else
                 "with an opinion of counsel" + (
                     ", accepted" if transfer.get("opinion_accepted") else
                     ", rejected" if transfer.get("opinion_accepted") is False else
                     ", not yet accepted") if transfer.get("opinion") else
                 "with no opinion of counsel")
        tone = "ok" if transfer.get("status") == "complete" else "pending"
        yield Note("7.3", tone, f"Transfer {transfer.get('id', '')} of "
                   f"{dollars(transfer.get('principal'))} of Notes from "
                   f"{who(transfer.get('from'))} to {who(transfer.get('to'))}, {basis} "
                   f"(notice {transfer.get('notice')}): {transfer.get('status')}")
    if status.get("company") and status["company"] != "Lexington Precision Corporation":
        yield Note("6.3", "info", f"The Company is now {status['company']}")
    for inspection in status.get("inspections", []):
        section = "6.2(a)(ii)" if inspection.get("scope") == "properties" else "6.2(a)(iii)"
        yield Note(section, "info", f"{who(inspection.get('by'))} asked to inspect the "
                   f"{inspection.get('scope')} on {moment_words(inspection.get('at'))}")


def _claims(status: Mapping[str, Any]) -> Iterable[Note]:
    for claim in status.get("claims", []):
        text = (f"Claim {claim['id']} by {who(claim['claimant'])} against "
                f"{who(claim['against'])} under {claim['section']}: {claim['status']}; "
                f"claimed {dollars(claim.get('claimed'))}, indemnifiable "
                f"{dollars(claim.get('indemnifiable'))}, paid {dollars(claim.get('paid'))}")
        tone = {"paid": "ok", "withdrawn": "info", "failed": "info"}.get(claim["status"],
                                                                         "pending")
        yield Note("8.10", tone, text)
        if _present(claim["section"]) and claim["section"] != "8.10":
            yield Note(claim["section"], tone, text)


def _signed(status: Mapping[str, Any]) -> Iterable[Note]:
    signed = status.get("signed") or []
    if signed:
        yield Note("signature page", "ok", "Signed by " + " and ".join(who(s) for s in signed))
    else:
        yield Note("signature page", "pending", "Not yet signed")


def _not_operative() -> Iterable[Note]:
    for section in SECTIONS:
        found = clause(section)
        if not found.operative:
            yield Note(section, "info", f"Not operative: {found.why_not_operative}")


def _accounted() -> Iterable[Note]:
    """How the engine carries each operative section, or why it has nothing to decide."""
    try:
        from contract import accounts
    except ImportError:  # pragma: no cover - contract.accounted is part of the package
        return
    for account in accounts():
        if not account.operative or account.section.startswith("Schedule"):
            continue
        if account.modelled:
            yield Note(account.section, "model", f"In the engine: {account.how}")
        else:
            yield Note(account.section, "info", f"Not modelled: {account.how}")


def omitted_schedules() -> list[tuple[str, str, str]]:
    """The Schedules other than 1: (section, heading, why), from `contract.accounted`."""
    try:
        from contract import accounts
    except ImportError:  # pragma: no cover
        return []
    return [(a.section, a.heading, a.how) for a in accounts()
            if a.section.startswith("Schedule") and a.section != "Schedule 1"]


def _timeline(timeline: Sequence[Mapping[str, Any]]) -> Iterable[Note]:
    for entry in timeline:
        section = entry.get("section")
        if not section or not _present(section):
            continue
        when = moment_words(entry["at"]) if entry.get("at") else "at the start"
        yield Note(section, "event", f"{when}: {entry['summary']}",
                   section.startswith("Schedule 1"), entry["seq"])


def _covered(coverage: Mapping[str, Any] | None) -> Iterable[Note]:
    """How many scenarios of the features exercised each operative clause (npa coverage)."""
    for row in (coverage or {}).get("sections", []):
        if not row.get("operative"):
            continue
        count = len(row.get("scenarios", []))
        yield Note(row["section"], "model",
                   (f"Features: {count} scenarios exercise this clause" if count > 1 else
                    "Features: 1 scenario exercises this clause") if count
                   else "Features: no scenario exercises this clause")


def notes(status: Mapping[str, Any], timeline: Sequence[Mapping[str, Any]],
          records: Sequence[Mapping[str, Any]],
          coverage: Mapping[str, Any] | None = None) -> dict[str, list[Note]]:
    """Every note of the page, by the section it stands beside."""
    found: dict[str, list[Note]] = {}
    for source in (_covered(coverage), _signed(status), _conditions(status, records),
                   _settlement(status),
                   _obligations(status), _notices(status), _defaults(status),
                   _holders(status), _claims(status), _not_operative(), _accounted(),
                   _timeline(timeline)):
        for note in source:
            found.setdefault(note.section, []).append(note)
    return found


ASSUMED_WORDS = SCHEDULE_1

__all__ = ["ASSUMED_WORDS", "Note", "day_words", "dollars", "moment_words", "notes",
           "omitted_schedules", "who"]
