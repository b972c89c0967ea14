"""The placeholder types of the step vocabulary: each with its pattern, example and
converter (`TYPES`), and the words the steps use for the agreement's things.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import parse

from contract.printable import holder_name_problem

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


#: The parties as the agreement names them, and the engine's actor ids.
PARTIES: Mapping[str, str] = {
    "the Company": "company",
    "the Purchaser": "purchaser",
    "Purchaser": "purchaser",
    "LCI": "guarantor",
    "the court": "court",
    # The parties by their names in the agreement (its preamble and 3.3).
    "Lexington Precision Corporation": "company",
    "Nomura Holding America, Inc.": "purchaser",
    "Lexington Components, Inc.": "guarantor",
    "the Guarantor": "guarantor",
}


#: Each actor id by the name the agreement gives it, for messages.
NAMES: Mapping[str, str] = {"company": "the Company", "purchaser": "Purchaser",
                            "guarantor": "LCI", "court": "the court"}


#: The six lifecycle states (PRODUCT.md section 4).
STATES = ("Drafted", "ConditionsPending", "Closed", "Outstanding", "Default", "Repaid")


STANDINGS = ("pending", "satisfied", "waived")


_SECTION = r"the signature page|Schedule 1(?: \([a-e]\))?|\d+(?:\.\d+)?(?:\([a-z]+\))*"


CONDITION = re.compile(r"5\.[12]\([a-h]\)")


#: The conditions met by a delivery, and the party that delivers each when a
#: step says "every condition ... is met": the Company's officer's certificate
#: and its counsel's opinion (5.1(b), (d)), Purchaser's certificate (5.2(b)),
#: and the consents that "The Company and Purchaser shall have obtained"
#: (5.1(f), 5.2(e)), which either may deliver.
DELIVERED_BY: Mapping[str, str] = {
    "5.1(b)": "company",
    "5.1(d)": "company",
    "5.1(f)": "company",
    "5.2(b)": "purchaser",
    "5.2(e)": "purchaser",
}


#: The conditions the Closing needs; the others (5.1(c), 5.1(g), 5.2(c)) are
#: met at the Closing itself, by delivery against payment.
PRE_CLOSING = ("5.1(a)", "5.1(b)", "5.1(d)", "5.1(e)", "5.1(f)", "5.1(h)",
               "5.2(a)", "5.2(b)", "5.2(d)", "5.2(e)", "5.2(f)")


#: What a party delivers, by the words a feature uses, and the conditions it meets.
DELIVERABLES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "its officer's certificate": {"company": ("5.1(b)",), "purchaser": ("5.2(b)",)},
    "the opinion of counsel": {"*": ("5.1(d)",)},
    "the consents of third parties": {"*": ("5.1(f)", "5.2(e)")},
}


class StepError(ValueError):
    """A step that cannot run as written (no deal yet, nothing requested, a bad value)."""


def _parse_type(pattern: str, example: str) -> Callable[[Callable[[str], Any]], Any]:
    """Give a converter the regular expression `parse` matches it with, and an example."""

    def mark(convert: Callable[[str], Any]) -> Any:
        convert.pattern = pattern  # type: ignore[attr-defined]
        convert.example = example  # type: ignore[attr-defined]
        return convert

    return mark


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@_parse_type(_alternatives(PARTIES), "the Company")
def _party(text: str) -> str:
    return PARTIES[text]


@_parse_type(rf"(?:{'|'.join(MONTHS)}) [0-9]{{1,2}}, [0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}",
             "October 27, 1997")
def _date(text: str) -> str:
    """A date as a lawyer writes it ("March 4, 1998") or in ISO form ("1998-03-04")."""
    try:
        if "-" in text:
            return datetime.date.fromisoformat(text).isoformat()
        month, day, year = text.replace(",", "").split()
        return datetime.date(int(year), MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        raise StepError(f"{text} is not a date") from None


#: The New York zone abbreviations a step may give after a time, and their offsets.
ZONES: Mapping[str, str] = {"EST": "-05:00", "EDT": "-04:00", "UTC": "+00:00"}

_TIME = (r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?(?:AM|PM|a\.m\.|p\.m\.))?"
         r"(?: (?:EST|EDT|UTC|[+-][0-9]{2}:[0-9]{2}))?")
_TIME_PARTS = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
                         r"(?: ?(?P<meridiem>AM|PM|a\.m\.|p\.m\.))?(?: (?P<zone>\S+))?")


@_parse_type(_TIME, "10:00")
def _time(text: str) -> str:
    """A time of day: "23:59", "11:59 PM", "09:30:15", with a zone or offset when it must
    say which of two (the repeated autumn hour): "01:30 EDT", "01:30 -05:00".

    Returns "HH:MM[:SS]", with "|" and the zone or offset after it when one is given,
    which `at_time` checks against the date (EDT in January is no time at all).
    """
    found = _TIME_PARTS.fullmatch(text)
    if found is None:  # pragma: no cover - the pattern above admits only these
        raise StepError(f"{text} is not a time of day")
    hours, minutes = int(found["h"]), int(found["m"])
    seconds = int(found["s"]) if found["s"] is not None else None
    if found["meridiem"]:
        if not 1 <= hours <= 12:
            raise StepError(f"{text} is not a time of day (1 to 12 before AM or PM)")
        hours = hours % 12 + (12 if found["meridiem"] in ("PM", "p.m.") else 0)
    if hours > 23 or minutes > 59 or (seconds is not None and seconds > 59):
        raise StepError(f"{text} is not a time of day")
    shown = f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds is not None else "")
    return f"{shown}|{found['zone']}" if found["zone"] else shown


@_parse_type(r"\$\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\$\d+(?:\.\d{2})?", "$7,500,000.00")
def money(text: str) -> str:
    try:
        amount = Decimal(text[1:].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise StepError(f"{text} is not an amount") from None
    return str(amount.quantize(Decimal("0.01")))


@_parse_type(_SECTION, "5.1(d)")
def _section(text: str) -> str:
    return "signature page" if text == "the signature page" else text


@_parse_type(rf"(?:{_SECTION})(?:(?:, | and )(?:{_SECTION}))*", "5.1(d) and 5.2(b)")
def _sections(text: str) -> tuple[str, ...]:
    return tuple(_section(part) for part in re.split(r", | and ", text))


@_parse_type("|".join(STATES), "ConditionsPending")
def _state(text: str) -> str:
    return text


@_parse_type("|".join(STANDINGS), "satisfied")
def _standing(text: str) -> str:
    return text


@_parse_type(_alternatives(DELIVERABLES), "the opinion of counsel")
def _deliverable(text: str) -> str:
    return text


#: The kinds of notice a feature names, and the engine's kind.
NOTICE_KINDS: Mapping[str, str] = {
    "covenant breach": "covenant_breach",
    "default": "default",
    "claim": "other",
}


#: How a notice is sent, by the words a feature uses, and the engine's method.
#: Only the first four are methods of 8.5; the others are recorded as no notice.
METHODS: Mapping[str, str] = {
    "by hand": "hand",
    "by registered mail": "registered_mail",
    "by certified mail": "certified_mail",
    "by facsimile": "fax",
    "by e-mail": "e-mail",
    "by ordinary mail": "ordinary mail",
    "by courier": "courier",
}


#: The moment each method of 8.5 turns on, and the notice field that holds it.
DELIVERIES: Mapping[str, str] = {
    "delivered": "delivered_at",
    "postmarked": "postmarked_at",
    "confirmed": "confirmed_at",
}


#: What a notice's particular says is missing, and the field left out.
_ABSENT: Mapping[str, str] = {
    "with no time of delivery": "delivered_at",
    "with no postmark": "postmarked_at",
    "with no confirmation of transmission": "confirmed_at",
}


_PARTICULARS = ("addressed to ", "to facsimile number ", "with a copy to ", "with no copy to ",
                "without return receipt requested", *_ABSENT)


_PARTICULAR_START = rf"(?:{_alternatives(_PARTICULARS)})"


NOTICE_STATUSES = ("pending", "effective")


@dataclass(frozen=True)
class Particulars:
    """What a notice step says of the notice beyond its method and moment."""

    address: str | None = None
    copies: tuple[str, ...] = ()
    no_copy_to: tuple[str, ...] = ()
    return_receipt_requested: bool = True
    absent: frozenset[str] = frozenset()


@_parse_type(_alternatives(NOTICE_KINDS), "covenant breach")
def _notice_kind(text: str) -> str:
    return NOTICE_KINDS[text]


@_parse_type(_alternatives(METHODS), "by registered mail")
def _method(text: str) -> str:
    return METHODS[text]


@_parse_type(_alternatives(DELIVERIES), "postmarked")
def _delivery(text: str) -> str:
    return DELIVERIES[text]


@_parse_type(rf"{_PARTICULAR_START}.*", "addressed to 1 Main Street, New York, New York")
def _particulars(text: str) -> Particulars:
    address: str | None = None
    copies: list[str] = []
    no_copy_to: list[str] = []
    receipt = True
    absent: set[str] = set()
    for part in re.split(rf", (?={_PARTICULAR_START})", text):
        if part.startswith(("addressed to ", "to facsimile number ")):
            if address is not None:
                raise StepError(f"the notice is addressed twice: {address!r} and {part!r}")
            address = part.removeprefix("addressed to ").removeprefix("to facsimile number ")
        elif part.startswith("with a copy to "):
            copies.append(part.removeprefix("with a copy to "))
        elif part.startswith("with no copy to "):
            no_copy_to.append(part.removeprefix("with no copy to "))
        elif part == "without return receipt requested":
            receipt = False
        elif part in _ABSENT:
            absent.add(_ABSENT[part])
        else:
            raise StepError(f"{part!r} is not a particular of a notice")
    return Particulars(address, tuple(copies), tuple(no_copy_to), receipt, frozenset(absent))


@_parse_type("|".join(NOTICE_STATUSES), "effective")
def _notice_status(text: str) -> str:
    return text


#: A transferee named in a feature by its legal name ("Acme Bank", "Special Fund, L.P."):
#: capitalised words of letters, digits and "&", ".", ",", "'", "(", ")", "-"; or any legal
#: name in double quotes ("\"de Vries & Co., N.V.\"").
_TRANSFEREE = (r"[A-Z][\w&.,'()-]*(?: [A-Z0-9&(][\w&.,'()-]*)*"
               r"|\"[^\"\x00-\x1f]{1,200}\"")


#: The names features have given transferees, by actor id, for messages.
HOLDER_NAMES: dict[str, str] = {}


@_parse_type(rf"{_alternatives(PARTIES)}|{_TRANSFEREE}", "Acme Bank")
def _holder(text: str) -> str:
    """A Holder: a party, or a transferee as `holder:<its legal name>`, the name exactly as
    written (PRODUCT.md section 8: "holder:Special Fund, L.P.")."""
    if text in PARTIES:
        return PARTIES[text]
    name = text[1:-1] if text.startswith('"') else text
    problem = holder_name_problem(name)
    if problem is not None:
        raise StepError(f"{text} is not a holder's legal name: {problem}")
    return f"holder:{name}"


@_parse_type(rf"(?:{_alternatives(PARTIES)}|{_TRANSFEREE})"
             rf"(?: and (?:{_alternatives(PARTIES)}|{_TRANSFEREE}))*", "Acme Bank and Beta Capital")
def _holders(text: str) -> tuple[str, ...]:
    # " and " between names, not inside a quoted one ("Smith and Sons").
    parts = re.split(r' and (?=(?:[^"]*"[^"]*")*[^"]*$)', text)
    return tuple(_holder(part) for part in parts)


def holder_name(actor: str) -> str:
    """An actor id as a feature names it: "the Company", "Purchaser", "Acme Bank"."""
    return NAMES.get(actor) or HOLDER_NAMES.get(actor) or actor.removeprefix("holder:")


_QUARTER_ENDS = {"March 31": "q1", "June 30": "q2", "September 30": "q3"}


@_parse_type(r"the annual report for \d{4}|the quarterly report for the quarter ended "
             rf"(?:{'|'.join(_QUARTER_ENDS)}), \d{{4}}",
             "the quarterly report for the quarter ended September 30, 1997")
def _report(text: str) -> str:
    """The report's id in the engine: "annual-1997", "q3-1997"."""
    year = text[-4:]
    if text.startswith("the annual report"):
        return f"annual-{year}"
    quarter_end = text.removeprefix("the quarterly report for the quarter ended ")[:-6]
    return f"{_QUARTER_ENDS[quarter_end]}-{year}"


#: How a report of 6.1 stands, by the words a feature uses, and the engine's status.
REPORT_STANDINGS: Mapping[str, str] = {
    "pending": "pending",
    "furnished on time": "delivered",
    "furnished late": "delivered late",
    "overdue": "missed",
    "not owed": "not owed",
}


@_parse_type(_alternatives(REPORT_STANDINGS), "furnished late")
def _report_standing(text: str) -> str:
    return REPORT_STANDINGS[text]


@_parse_type("interest|principal", "interest")
def _payment_kind(text: str) -> str:
    return text


PAYMENT_STANDINGS = ("pending", "paid", "overdue", "accelerated")


@_parse_type("|".join(PAYMENT_STANDINGS), "overdue")
def _payment_standing(text: str) -> str:
    return text


@_parse_type(r"Schedule 1 \([a-e]\)", "Schedule 1 (b)")
def _default_kind(text: str) -> str:
    """The kind of an Event of Default (Schedule 1, ASSUMED): "Schedule 1 (b)" is "b"."""
    return text[-2]


@_parse_type(r"\d+", "2")
def _number(text: str) -> int:
    return int(text)


#: How an Event of Default stands, by the words a feature uses, and the engine's status.
DEFAULT_STANDINGS: Mapping[str, str] = {
    "continues": "continuing",
    "is continuing": "continuing",
    "is cured": "cured",
    "is waived": "waived",
}


@_parse_type(_alternatives(DEFAULT_STANDINGS), "is cured")
def _default_standing(text: str) -> str:
    return DEFAULT_STANDINGS[text]


#: What accompanies a notice of proposed transfer (7.3), and the fields it sets:
#: rule_144, opinion, legend_not_required.
BASES: Mapping[str, tuple[bool, bool, bool]] = {
    "with an opinion of counsel": (False, True, False),
    "with an opinion of counsel that the legend is not required": (False, True, True),
    "under Rule 144": (True, False, False),
    "with no opinion of counsel": (False, False, False),
}


@_parse_type(_alternatives(BASES), "with an opinion of counsel")
def _basis(text: str) -> tuple[bool, bool, bool]:
    return BASES[text]


#: Where a claim for indemnification stands (8.10), as the engine says it.
CLAIM_STATUSES = ("notice pending", "asserted", "not asserted", "acknowledged", "disputed",
                  "settled", "adjudicated", "failed", "paid", "withdrawn")


@_parse_type(_alternatives(CLAIM_STATUSES), "acknowledged")
def _claim_status(text: str) -> str:
    return text


EXPENSE_STANDINGS = ("pending", "overdue", "paid")


@_parse_type("|".join(EXPENSE_STANDINGS), "overdue")
def _expense_standing(text: str) -> str:
    return text


#: The kinds of Damages (8.10(a)) by the words a feature uses, and the engine's kind.
DAMAGE_KINDS: Mapping[str, str] = {
    "losses": "losses",
    "attorneys' fees": "attorneys_fees",
    "costs of investigating": "investigation_costs",
    "settlement costs": "settlement_costs",
}


CONSENTED: Mapping[str, bool] = {"yes": True, "no": False, "": False}


@dataclass(frozen=True)
class Sent:
    """A notice sent at one moment and delivered, postmarked or confirmed at another."""

    sent_date: str
    sent_time: str
    delivery: str
    date: str
    time: str
    particulars: Particulars


def _sending_pattern(named: bool) -> str:
    def group(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    date, time = f"(?:{_date.pattern})", f"(?:{_time.pattern})"
    return (f", sent on {group('sd', date)} at {group('st', time)} and "
            f"{group('dl', _alternatives(DELIVERIES))} (?:on {group('dd', date)} )?at "
            f"{group('dt', time)}(?:, {group('pa', _particulars.pattern)})?")


_SENDING = re.compile(_sending_pattern(named=True))


@_parse_type(_sending_pattern(named=False),
             ", sent on April 15, 1998 at 10:00 and confirmed on April 15, 1998 at 10:20")
def _sending(text: str) -> Sent:
    """", sent on <Date> at <Time> and confirmed (or delivered, postmarked) [on <Date>] at
    <Time>", and any particulars after a comma: the notice's two moments."""
    found = _SENDING.fullmatch(text)
    if found is None:  # pragma: no cover - parse matched the same pattern
        raise StepError(f"{text!r} is not a time of sending and of delivery")
    sent_date = _date(found["sd"])
    return Sent(sent_date, _time(found["st"]), DELIVERIES[found["dl"]],
                _date(found["dd"]) if found["dd"] else sent_date, _time(found["dt"]),
                _particulars(found["pa"]) if found["pa"] else Particulars())


#: The actions a feature names by a noun ("the waiver is refused under 8.4"), and the
#: action types each covers.
ACTION_NOUNS: Mapping[str, tuple[str, ...]] = {
    "signature": ("sign",),
    "closing": ("close",),
    "waiver": ("waive_condition", "waive_default"),
    "payment": ("pay",),
    "notice": ("send_notice", "accelerate", "propose_transfer", "assert_claim"),
    "acceleration": ("accelerate",),
    "amendment": ("amend",),
    "transfer": ("propose_transfer", "complete_transfer"),
    "claim": ("assert_claim",),
    "delivery": ("satisfy_condition", "deliver_notes", "deliver_guarantee", "deliver_report",
                 "deliver_instrument"),
    "merger": ("merge",),
    "inspection": ("request_inspection",),
}


@_parse_type(_alternatives(ACTION_NOUNS), "waiver")
def _action_noun(text: str) -> tuple[str, ...]:
    return ACTION_NOUNS[text]


TYPES: Mapping[str, Callable[[str], Any]] = {
    "Party": _party,
    "Date": _date,
    "Time": _time,
    "Money": money,
    "Section": _section,
    "Sections": _sections,
    "State": _state,
    "Standing": _standing,
    "Deliverable": _deliverable,
    "NoticeKind": _notice_kind,
    "Method": _method,
    "Delivery": _delivery,
    "Particulars": _particulars,
    "NoticeStatus": _notice_status,
    "Holder": _holder,
    "Holders": _holders,
    "Report": _report,
    "ReportStanding": _report_standing,
    "PaymentKind": _payment_kind,
    "PaymentStanding": _payment_standing,
    "Default": _default_kind,
    "Number": _number,
    "DefaultStanding": _default_standing,
    "Basis": _basis,
    "ClaimStatus": _claim_status,
    "ExpenseStanding": _expense_standing,
    "Sending": _sending,
    "ActionNoun": _action_noun,
}


#: Example words for an untyped field, used to suggest a step for a misspelt one.
TEXT_EXAMPLE = "a certificate of good standing"


@dataclass(frozen=True)
class StepPattern:
    """A step's words with its typed placeholders, compiled by `parse` over the vocabulary's
    types, case-sensitive.

    `npa spec` matches steps with it at run time, with no test framework installed
    (runtime dependencies `gherkin-official` and `parse`); `register_pytest_bdd`
    hands pytest-bdd a parser built from the same `name`, so both front ends match
    the same words (pytest-bdd is needed only there, in the dev extra).
    """

    name: str
    parser: parse.Parser


def p(fmt: str) -> StepPattern:
    """A step pattern ("{party:Party} signs on {date:Date} at {time:Time}") over the types."""
    return StepPattern(fmt, parse.compile(fmt, extra_types=dict(TYPES), case_sensitive=True))
