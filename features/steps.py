"""The step vocabulary: one set of steps for pytest-bdd and for `npa spec`.

Every step is a plain function on a `World` (the deal, the result of the last
action, the last invalid action), registered in `REGISTRY` with its keyword
and a `pytest_bdd.parsers` object. `register_pytest_bdd` binds the registry
into a pytest-bdd test module; `features.runner` matches Gherkin pickles
against the same registry without pytest. Steps call only the public engine
API (`Deal.create`, `Deal.act`, `Deal.status`), so a feature tests what a
platform sees.

Two conventions make scenarios read the way a lawyer means them:

- an action under Given sets the scene, so it must be accepted: a refused or
  invalid Given fails the scenario at that step; an action under When may be
  refused, and the Then steps say what became of it;
- a Then step after an action that was not even a valid action fails with
  that action's error, unless the scenario says "the action is rejected as
  invalid".

Parse types, defined once here (`TYPES`):

- Party: "the Company", "Purchaser" or "the Purchaser", "LCI" (the
  guarantor), "the court"
- Date: "October 27, 1997"; Time: "10:00" (New York time, 24-hour clock)
- Money: "$7,500,000.00" or "$75,000"
- Section: "5.1(d)", "2.1", "the signature page", "Schedule 1 (c)";
  Sections: "5.1(d) and 5.2(b)"
- State: Drafted, ConditionsPending, Closed, Outstanding, Default, Repaid
- Standing (of a condition): pending, satisfied, waived
- Deliverable: "its officer's certificate", "the opinion of counsel",
  "the consents of third parties"
- NoticeKind: "covenant breach", "default", "claim"
- Method (of sending a notice, 8.5): "by hand", "by registered mail",
  "by certified mail", "by facsimile"; and, none of them notice under 8.5,
  "by e-mail", "by ordinary mail", "by courier"
- Delivery (the moment a method of 8.5 turns on): "delivered" (by hand),
  "postmarked" (by mail), "confirmed" (by facsimile)
- Particulars (of a notice, each after a comma): "addressed to <address>",
  "to facsimile number <number>", "with a copy to <name>", "with no copy to
  <name>", "without return receipt requested", "with no confirmation of
  transmission", "with no time of delivery", "with no postmark"
- NoticeStatus: pending, effective
- Holder: a Party, or a transferee of Notes by its name, in capitalised words
  ("Acme Bank", the engine's "holder:acme-bank"); Holders: "Acme Bank and
  Beta Capital"
- Report (6.1): "the annual report for 1997", "the quarterly report for the
  quarter ended September 30, 1997"; ReportStanding: pending, furnished on
  time, furnished late, overdue, not owed
- PaymentKind: interest, principal; PaymentStanding: pending, paid, overdue,
  accelerated (Schedule 1, ASSUMED)
- Default (an Event of Default's kind, Schedule 1, ASSUMED): "Schedule 1 (b)";
  DefaultStanding: continues, is cured, is waived; Number: "2"
- Basis (of a proposed transfer, 7.3): "with an opinion of counsel", "with an
  opinion of counsel that the legend is not required", "under Rule 144",
  "with no opinion of counsel"
- ClaimStatus (of a claim for indemnification, 8.10): notice pending,
  asserted, not asserted, acknowledged, disputed, settled, adjudicated,
  failed, paid, withdrawn
- ExpenseStanding (of the expenses of Purchaser's counsel, 8.9): pending,
  overdue, paid

Damages (8.10) are listed in a data table, one item a row, under the heading
"kind | amount | consented": the kind is "losses", "attorneys' fees", "costs
of investigating" or "settlement costs"; the amount is Money; "consented" is
"yes" when the item was incurred with the prior written consent of the
indemnifying party, "no" or empty otherwise.
"""

from __future__ import annotations

import datetime
import functools
import inspect
import re
import sys
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pytest_bdd import parsers

# --- parse types -------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: The parties as the agreement names them, and the engine's actor ids.
PARTIES: Mapping[str, str] = {
    "the Company": "company",
    "the Purchaser": "purchaser",
    "Purchaser": "purchaser",
    "LCI": "guarantor",
    "the court": "court",
}

#: Each actor id by the name the agreement gives it, for messages.
NAMES: Mapping[str, str] = {"company": "the Company", "purchaser": "Purchaser",
                            "guarantor": "LCI", "court": "the court"}

#: The six lifecycle states (PRODUCT.md section 4).
STATES = ("Drafted", "ConditionsPending", "Closed", "Outstanding", "Default", "Repaid")

STANDINGS = ("pending", "satisfied", "waived")

_SECTION = r"the signature page|Schedule 1(?: \([a-e]\))?|\d+(?:\.\d+)?(?:\([a-z]+\))*"
_CONDITION = re.compile(r"5\.[12]\([a-h]\)")

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


@_parse_type(rf"(?:{'|'.join(MONTHS)}) \d{{1,2}}, \d{{4}}", "October 27, 1997")
def _date(text: str) -> str:
    month, day, year = text.replace(",", "").split()
    try:
        return datetime.date(int(year), MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        raise StepError(f"{text} is not a date") from None


@_parse_type(r"\d{1,2}:\d{2}", "10:00")
def _time(text: str) -> str:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise StepError(f"{text} is not a time of day")
    return f"{hours:02d}:{minutes:02d}"


@_parse_type(r"\$\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\$\d+(?:\.\d{2})?", "$7,500,000.00")
def _money(text: str) -> str:
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


#: A transferee named in a feature ("Acme Bank"): capitalised words, each of
#: letters, digits, "&", "." or "-".
_TRANSFEREE = r"[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*)*"

#: The names features have given transferees, by actor id, for messages.
HOLDER_NAMES: dict[str, str] = {}


@_parse_type(rf"{_alternatives(PARTIES)}|{_TRANSFEREE}", "Acme Bank")
def _holder(text: str) -> str:
    if text in PARTIES:
        return PARTIES[text]
    actor = "holder:" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    HOLDER_NAMES[actor] = text
    return actor


@_parse_type(rf"(?:{_alternatives(PARTIES)}|{_TRANSFEREE})"
             rf"(?: and (?:{_alternatives(PARTIES)}|{_TRANSFEREE}))*", "Acme Bank and Beta Capital")
def _holders(text: str) -> tuple[str, ...]:
    return tuple(_holder(part) for part in text.split(" and "))


def _name(actor: str) -> str:
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

_CONSENTED: Mapping[str, bool] = {"yes": True, "no": False, "": False}


TYPES: Mapping[str, Callable[[str], Any]] = {
    "Party": _party,
    "Date": _date,
    "Time": _time,
    "Money": _money,
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
}

#: Example words for an untyped field, used to suggest a step for a misspelt one.
_TEXT_EXAMPLE = "a certificate of good standing"


def p(fmt: str) -> parsers.parse:
    """A `pytest_bdd.parsers.parse` parser over the vocabulary's types, case-sensitive."""
    return parsers.parse(fmt, extra_types=dict(TYPES), case_sensitive=True)


# --- the registry ------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One entry of the vocabulary: a keyword, a parser and the function it runs."""

    keyword: str
    parser: parsers.parse
    func: Callable[..., None]
    about: Callable[[Mapping[str, Any]], set[str]] | None = None

    @property
    def pattern(self) -> str:
        """The step as a person writes it: "<Party> signs on <Date> at <Time>"."""
        text = re.sub(r"\{\w+:(\w+)\}", r"<\1>", self.parser.name)
        return re.sub(r"\{\w+\}", "<text>", text)

    @property
    def example(self) -> str:
        """The step with example values, to compare a misspelt step with."""
        text = re.sub(r"\{\w+:(\w+)\}", lambda m: TYPES[m.group(1)].example,  # type: ignore[attr-defined]
                      self.parser.name)
        return re.sub(r"\{\w+\}", _TEXT_EXAMPLE, text)

    @property
    def doc(self) -> str:
        """What the step does, from its function's docstring."""
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def takes_table(self) -> bool:
        """Whether the step reads a data table."""
        return "datatable" in inspect.signature(self.func).parameters

    def match(self, text: str) -> dict[str, Any] | None:
        """The step's arguments if `text` is this step, else None.

        Raises:
            StepError: the text has this step's shape but a value is wrong
                ("February 30, 1998").
        """
        found = self.parser.parser.parse(text, evaluate_result=False)
        if found is None:
            return None
        try:
            return dict(found.evaluate_result().named)
        except StepError:
            raise
        except ValueError as exc:  # pragma: no cover - converters raise StepError
            raise StepError(str(exc)) from None

    def conditions(self, args: Mapping[str, Any]) -> set[str]:
        """The conditions of 5.1 and 5.2 that the step, with these arguments, names."""
        if self.about is not None:
            return self.about(args)
        named: set[str] = set()
        for value in args.values():
            values = value if isinstance(value, tuple) else (value,)
            named |= {v for v in values if isinstance(v, str) and _CONDITION.fullmatch(v)}
        return named

    def run(self, world: World, args: Mapping[str, Any], table: list[list[str]] | None) -> None:
        """Run the step on a world, with its arguments and data table."""
        world.keyword = self.keyword
        kwargs = dict(args)
        if self.takes_table:
            kwargs["datatable"] = table if table is not None else []
        self.func(world, **kwargs)


REGISTRY: list[Step] = []

GIVEN, WHEN, THEN = "given", "when", "then"
ACTION = (GIVEN, WHEN)


def step(
    keywords: str | tuple[str, ...],
    parser: parsers.parse,
    *,
    about: Callable[[Mapping[str, Any]], set[str]] | None = None,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a step function under one keyword or several ("given", "when", "then")."""

    def register(func: Callable[..., None]) -> Callable[..., None]:
        for keyword in (keywords,) if isinstance(keywords, str) else keywords:
            REGISTRY.append(Step(keyword, parser, func, about))
        return func

    return register


def find(text: str, keyword: str | None) -> tuple[Step, dict[str, Any]] | None:
    """The first registered step of that keyword (any keyword if None) that `text` is.

    Raises:
        StepError: the text has a step's shape but one of its values is wrong.
    """
    for entry in REGISTRY:
        if keyword is not None and entry.keyword != keyword:
            continue
        args = entry.match(text)
        if args is not None:
            return entry, args
    return None


def conditions_named(texts: Iterable[str]) -> frozenset[str]:
    """The conditions of 5.1 and 5.2 that any of these step texts names.

    This is what "every other condition of 5.1 and 5.2 is met" leaves out.
    """
    named: set[str] = set()
    for text in texts:
        try:
            found = find(text, None)
        except StepError:
            continue
        if found is not None:
            named |= found[0].conditions(found[1])
    return frozenset(named)


def vocabulary() -> list[dict[str, str]]:
    """Every step a feature may use: its keyword, its pattern and what it does."""
    return [{"keyword": entry.keyword, "pattern": entry.pattern, "doc": entry.doc}
            for entry in REGISTRY]


# --- the world a scenario runs in --------------------------------------------


@dataclass
class World:
    """One scenario's deal, the result of its last action, and its last invalid action.

    It also keeps the ids of what the scenario's actions created: requested
    instruments, proceedings, notices, transfers, claims and expenses, so
    that a later step can say "the requested instrument", "the notice" (the
    last notice sent), "the transfer" (the last transfer proposed), "the
    claim" (the last claim asserted) or "the expenses" (the last presented).
    """

    named: frozenset[str] = frozenset()
    deal: Any = None
    result: Any = None
    error: Exception | None = None
    error_seen: bool = False
    keyword: str = GIVEN
    clock: str | None = None
    requests: list[str] = field(default_factory=list)
    proceedings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    transfers: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    expenses: list[str] = field(default_factory=list)

    def need_deal(self) -> Any:
        """The scenario's deal; a step before "Given the 1997 deal" cannot run."""
        if self.deal is None:
            raise StepError('there is no deal yet: begin with "Given the 1997 deal"')
        return self.deal

    def act(self, action: dict[str, Any]) -> Any:
        """Take an action: under Given it must be accepted, under When it may be refused."""
        from engine import InvalidAction

        deal = self.need_deal()
        self.result, self.error, self.error_seen = None, None, False
        try:
            result = deal.act(action)
        except InvalidAction as exc:
            if self.keyword == GIVEN:
                raise StepError(f"not a valid action: {exc}") from None
            self.error = exc
            return None
        self.result = result
        if result.accepted:
            self.clock = action["at"]
            self.requests += [v for k, v in result.created.items() if k == "request"]
            self.proceedings += [v for k, v in result.created.items() if k == "proceeding"]
            self.notices += [v for k, v in result.created.items() if k == "notice"]
            self.transfers += [v for k, v in result.created.items() if k == "transfer"]
            self.claims += [v for k, v in result.created.items() if k == "claim"]
            self.expenses += [v for k, v in result.created.items() if k == "expense"]
        elif self.keyword == GIVEN:
            raise AssertionError(f"the action was refused: {_reasons(result)}")
        return result

    def status(self) -> dict[str, Any]:
        """The deal's status as a platform reads it."""
        status: dict[str, Any] = self.need_deal().status()
        return status

    def outcome(self) -> None:
        """Before a Then: an invalid last action fails the scenario unless it was expected."""
        if self.error is not None and not self.error_seen:
            raise AssertionError(f"the last action was not a valid action: {self.error}")


def _reasons(result: Any) -> str:
    return "; ".join(f"{r.section}: {r.message}" for r in result.reasons) or "no reason given"


def _at(date: str, time: str) -> str:
    return f"{date}T{time}"


# --- Given: the deal ---------------------------------------------------------


@step(GIVEN, p("the 1997 deal"))
def the_1997_deal(world: World) -> None:
    """A new deal on the 1997 terms (the Lexington Precision / Nomura agreement), unsigned."""
    from engine import Deal

    world.deal = Deal.create(None, "lexington-1997")


@step(GIVEN, p("the 1997 deal, signed by the Company and the Purchaser"))
def the_signed_1997_deal(world: World) -> None:
    """The 1997 deal, signed by the Company and by Purchaser on October 20, 1997 at 09:00.

    A week before the Closing Date, so a scenario can deliver, request,
    record and waive in the days before it.
    """
    the_1997_deal(world)
    for actor in ("company", "purchaser"):
        world.act({"type": "sign", "actor": actor, "at": "1997-10-20T09:00"})


def _meet_every_condition(world: World, leave_out: Iterable[str]) -> None:
    """Deliver each pending delivery condition not left out, then check the others hold."""
    skip = set(leave_out)
    at = world.clock or "1997-10-20T09:00"
    conditions = world.status()["conditions"]
    for section, actor in DELIVERED_BY.items():
        if section not in skip and conditions.get(section) == "pending":
            world.act({"type": "satisfy_condition", "actor": actor, "at": at,
                       "condition": section})
    conditions = world.status()["conditions"]
    unmet = [s for s in PRE_CLOSING if s not in skip and conditions.get(s) == "pending"]
    if unmet:
        raise AssertionError(f"not met: {', '.join(unmet)} (something stands against them)")


@step(GIVEN, p("every condition of 5.1 and 5.2 is met"))
def every_condition_met(world: World) -> None:
    """Every condition the Closing needs is met, at the deal's current time.

    The conditions met by a delivery are delivered by their party: the
    Company's officer's certificate (5.1(b)) and its counsel's opinion
    (5.1(d)), Purchaser's certificate (5.2(b)), and the consents of 5.1(f)
    and 5.2(e). The conditions met unless something stands against them
    (5.1(a), (e), (h); 5.2(a), (d), (f)) must hold already: the step fails
    if one does not. The settlement conditions (5.1(c), 5.1(g), 5.2(c)) are
    met at the Closing itself and are left alone.
    """
    _meet_every_condition(world, ())


@step(GIVEN, p("every other condition of 5.1 and 5.2 is met"))
def every_other_condition_met(world: World) -> None:
    """As "every condition of 5.1 and 5.2 is met", except the conditions the scenario names.

    A condition is named when any step of the scenario (before or after this
    one) mentions its section ("refused under 5.1(d)", "waives condition
    5.1(d)") or delivers it ("delivers the opinion of counsel" names 5.1(d)).
    Those are left as they are, for the scenario to deal with.
    """
    _meet_every_condition(world, world.named)


@step(GIVEN, p("every condition of 5.1 and 5.2 is met except {sections:Sections}"))
def every_condition_met_except(world: World, sections: tuple[str, ...]) -> None:
    """As "every condition of 5.1 and 5.2 is met", except the conditions listed."""
    _meet_every_condition(world, sections)


@step(GIVEN, p("the 1997 deal, closed on October 27, 1997, with the Notes outstanding"))
def the_outstanding_1997_deal(world: World) -> None:
    """The 1997 deal, signed, closed and settled on the Closing Date, October 27, 1997.

    Every condition of 5.1 and 5.2 is met; the Company holds the Closing at
    10:00; at 11:00 it delivers a Note of $7,500,000.00, LCI delivers the
    Guarantee, Purchaser pays the Purchase Price and the Company pays the
    Transaction Fee. The deal is Outstanding, and Purchaser holds the Notes.
    """
    the_signed_1997_deal(world)
    _meet_every_condition(world, ())
    settlement = "1997-10-27T11:00"
    for action in (
        {"type": "close", "actor": "company", "at": "1997-10-27T10:00"},
        {"type": "deliver_notes", "actor": "company", "at": settlement,
         "denominations": ["7500000.00"]},
        {"type": "deliver_guarantee", "actor": "guarantor", "at": settlement},
        {"type": "pay", "actor": "purchaser", "at": settlement, "purpose": "purchase_price",
         "amount": "7500000.00"},
        {"type": "pay", "actor": "company", "at": settlement, "purpose": "transaction_fee",
         "amount": "75000.00"},
    ):
        world.act(action)
    state = world.status()["state"]
    if state != "Outstanding":
        raise AssertionError(f"the deal is {state} after the Closing, not Outstanding")


@step(GIVEN, p("the Company has furnished every report and made every payment on time "
               "before {date:Date}"))
def performed_on_time_before(world: World, date: str) -> None:
    """The Company has kept to 6.1 and to the payment schedule (Schedule 1, ASSUMED) until then.

    Each report of 6.1 whose last day falls before that date is furnished on
    its last day at 09:00; each payment of interest or principal whose
    payment date falls before it is paid in full on that date at 10:00. The
    actions are taken in time order, each of them accepted.
    """
    obligations = world.status()["obligations"]
    actions: list[dict[str, Any]] = []
    for owed in obligations:
        if owed["due"] == "promptly" or owed["due"] >= date:
            continue
        if owed["section"] == "Schedule 1":
            purpose = owed["id"].split("-")[0]
            actions.append({"type": "pay", "actor": "company", "at": _at(owed["due"], "10:00"),
                            "purpose": purpose, "amount": owed["amount"]})
        elif owed["status"] == "pending":
            actions.append({"type": "deliver_report", "actor": "company",
                            "at": _at(owed["due"], "09:00"), "report": owed["id"]})
    for action in sorted(actions, key=lambda a: (a["at"], a["type"])):
        world.act(action)


# --- actions: Given (must be accepted) or When (may be refused) --------------


@step(ACTION, p("{party:Party} signs on {date:Date} at {time:Time}"))
def signs(world: World, party: str, date: str, time: str) -> None:
    """The party signs the agreement (signature page)."""
    world.act({"type": "sign", "actor": party, "at": _at(date, time)})


def _delivers_about(args: Mapping[str, Any]) -> set[str]:
    return set(_delivered_conditions(args["party"], args["what"], strict=False))


def _delivered_conditions(party: str, what: str, *, strict: bool = True) -> tuple[str, ...]:
    by_party = DELIVERABLES[what]
    found = by_party.get(party, by_party.get("*"))
    if found is None:
        if strict:
            raise StepError(f"{NAMES[party]} has no {what.removeprefix('its ')} to deliver")
        return ()
    return found


@step(ACTION, p("{party:Party} delivers {what:Deliverable} on {date:Date} at {time:Time}"),
      about=_delivers_about)
def delivers(world: World, party: str, what: str, date: str, time: str) -> None:
    """The party delivers what a condition of 5.1 or 5.2 asks for.

    "its officer's certificate": the Company's meets 5.1(b), Purchaser's 5.2(b);
    "the opinion of counsel" meets 5.1(d); "the consents of third parties"
    meet both 5.1(f) and 5.2(e), which ask for the same consents.
    """
    for section in _delivered_conditions(party, what):
        if world.act({"type": "satisfy_condition", "actor": party, "at": _at(date, time),
                      "condition": section}) is None or not world.result.accepted:
            return


@step(ACTION, p("{party:Party} satisfies condition {section:Section} "
                "on {date:Date} at {time:Time}"))
def satisfies(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party delivers what the condition at that section asks for."""
    world.act({"type": "satisfy_condition", "actor": party, "at": _at(date, time),
               "condition": section})


@step(ACTION, p("{party:Party} waives condition {section:Section} on {date:Date} at {time:Time}"))
def waives(world: World, party: str, section: str, date: str, time: str) -> None:
    """The party waives the condition at that section, at its option (5.1, 5.2)."""
    world.act({"type": "waive_condition", "actor": party, "at": _at(date, time),
               "condition": section})


@step(ACTION, p("{party:Party} requests {description} on {date:Date} at {time:Time}"))
def requests(world: World, party: str, description: str, date: str, time: str) -> None:
    """The party reasonably requests another instrument (Purchaser 5.1(h), the Company 5.2(f))."""
    world.act({"type": "request_instrument", "actor": party, "at": _at(date, time),
               "description": description})


@step(ACTION, p("{party:Party} delivers the requested instrument on {date:Date} at {time:Time}"))
def delivers_requested(world: World, party: str, date: str, time: str) -> None:
    """The party delivers the instrument most recently requested in the scenario."""
    if not world.requests:
        raise StepError("no instrument has been requested in this scenario")
    result = world.act({"type": "deliver_instrument", "actor": party, "at": _at(date, time),
                        "request": world.requests[-1]})
    if result is not None and result.accepted:
        world.requests.pop()


@step(ACTION, p("{party:Party} records a proceeding {description} on {date:Date} at {time:Time}"))
def records_proceeding(world: World, party: str, description: str, date: str, time: str) -> None:
    """A proceeding seeking to enjoin or prevent the transactions is pending (5.1(e), 5.2(d))."""
    world.act({"type": "record_proceeding", "actor": party, "at": _at(date, time),
               "description": f"a proceeding {description}"})


@step(ACTION, p("{party:Party} records the proceeding as resolved on {date:Date} at {time:Time}"))
def resolves_proceeding(world: World, party: str, date: str, time: str) -> None:
    """The proceeding most recently recorded in the scenario is no longer pending."""
    if not world.proceedings:
        raise StepError("no proceeding has been recorded in this scenario")
    result = world.act({"type": "resolve_proceeding", "actor": party, "at": _at(date, time),
                        "proceeding": world.proceedings[-1]})
    if result is not None and result.accepted:
        world.proceedings.pop()


@step(ACTION, p("{party:Party} records that the representation in {section:Section} was untrue "
                "on {date:Date} at {time:Time}"))
def records_misrepresentation(world: World, party: str, section: str, date: str,
                              time: str) -> None:
    """A representation (section 3: the Company's; section 4: Purchaser's) proved untrue."""
    world.act({"type": "record_misrepresentation", "actor": party, "at": _at(date, time),
               "section": section,
               "description": f"the representation in {section} was untrue"})


@step(ACTION, p("{party:Party} closes on {date:Date} at {time:Time}"))
def closes(world: World, party: str, date: str, time: str) -> None:
    """The party holds the Closing (2.1)."""
    world.act({"type": "close", "actor": party, "at": _at(date, time)})


@step(ACTION, p("{party:Party} delivers the Notes in these denominations on {date:Date} "
                "at {time:Time}"))
def delivers_notes(world: World, party: str, date: str, time: str,
                   datatable: list[list[str]]) -> None:
    """The party delivers the Notes in the denominations of the table, one amount a row.

    A first row that is not an amount ("denomination") is a heading.
    """
    rows = [row[0].strip() for row in datatable if row]
    if rows and not re.fullmatch(_money.pattern, rows[0]):
        rows = rows[1:]
    denominations = []
    for cell in rows:
        if not re.fullmatch(_money.pattern, cell):
            raise StepError(f"{cell!r} is not an amount like $5,000,000.00")
        denominations.append(_money(cell))
    world.act({"type": "deliver_notes", "actor": party, "at": _at(date, time),
               "denominations": denominations})


@step(ACTION, p("{party:Party} delivers the Guarantee on {date:Date} at {time:Time}"))
def delivers_guarantee(world: World, party: str, date: str, time: str) -> None:
    """The party (LCI, the guarantor) delivers the Guarantee of the Notes (5.1(c))."""
    world.act({"type": "deliver_guarantee", "actor": party, "at": _at(date, time)})


@step(ACTION, p("{party:Party} pays the Purchase Price of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_purchase_price(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount as the Purchase Price (1.1, 1.2)."""
    world.act({"type": "pay", "actor": party, "at": _at(date, time),
               "purpose": "purchase_price", "amount": amount})


@step(ACTION, p("{party:Party} pays the Transaction Fee of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_transaction_fee(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount as the Transaction Fee (2.2, 5.1(g))."""
    world.act({"type": "pay", "actor": party, "at": _at(date, time),
               "purpose": "transaction_fee", "amount": amount})


def _amend(world: World, actor: str, date: str, time: str, new_date: str,
           signed_by: list[str], in_writing: bool) -> None:
    world.act({"type": "amend", "actor": actor, "at": _at(date, time),
               "changes": {"closing_date": new_date}, "signed_by": signed_by,
               "in_writing": in_writing})


@step(ACTION, p("the Company and Purchaser agree in writing, signed by both, on {date:Date} "
                "at {time:Time}, to move the Closing Date to {new_date:Date}"))
def amend_in_writing(world: World, date: str, time: str, new_date: str) -> None:
    """A written instrument signed by the Company and Purchaser moves the Closing Date (8.4)."""
    _amend(world, "company", date, time, new_date, ["company", "purchaser"], True)


@step(ACTION, p("the Company and Purchaser agree orally, on {date:Date} at {time:Time}, "
                "to move the Closing Date to {new_date:Date}"))
def amend_orally(world: World, date: str, time: str, new_date: str) -> None:
    """The parties agree by word of mouth, with nothing in writing and nothing signed (8.4)."""
    _amend(world, "company", date, time, new_date, [], False)


@step(ACTION, p("{party:Party} alone signs a written amendment, on {date:Date} at {time:Time}, "
                "to move the Closing Date to {new_date:Date}"))
def amend_signed_by_one(world: World, party: str, date: str, time: str, new_date: str) -> None:
    """A written amendment that only that party signs (8.4)."""
    _amend(world, party, date, time, new_date, [party], True)


def _copy_recipients(world: World, party: str) -> list[str]:
    """The names of the persons 8.5 says receive copies of notices to the party."""
    for record in world.need_deal().records():
        if "terms" in record:
            found = record["terms"]["parties"].get(party, {}).get("copies", [])
            return [str(copy["name"]) for copy in found]
    return []  # pragma: no cover - every deal's first record holds its terms


def _send_notice(world: World, sender: str, to: str, kind: str, method: str, at: str,
                 moments: Mapping[str, str], particulars: Particulars,
                 change: Mapping[str, str] | None = None) -> None:
    """Send a notice under 8.5 as the step describes it; the engine says if it is duly given."""
    notice: dict[str, Any] = {"method": method}
    for name, moment in moments.items():
        if name in particulars.absent:
            raise StepError(f"the step gives the notice's {name.removesuffix('_at')} time "
                            "and says it has none")
        notice[name] = moment
    if particulars.address is not None:
        notice["address"] = particulars.address
    if particulars.no_copy_to:
        recipients = _copy_recipients(world, to)
        for name in particulars.no_copy_to:
            if name not in recipients:
                raise StepError(f"{name} is not named in 8.5 to receive copies of notices to "
                                f"{NAMES.get(to, to)} ({'; '.join(recipients) or 'nobody is'})")
        notice["copies"] = [name for name in recipients if name not in particulars.no_copy_to]
        notice["copies"] += list(particulars.copies)
    elif particulars.copies:
        notice["copies"] = list(particulars.copies)
    if not particulars.return_receipt_requested:
        notice["return_receipt_requested"] = False
    world.act({"type": "send_notice", "actor": sender, "at": at, "to": to, "kind": kind,
               "notice": notice, **(change or {})})


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def sends_notice(world: World, sender: str, recipient: str, kind: str, method: str,
                 delivery: str, date: str, time: str) -> None:
    """A notice under 8.5, sent at the moment its method turns on.

    "delivered" (by hand), "postmarked" (by registered or certified mail,
    return receipt requested) or "confirmed" (by facsimile: the confirmation
    of transmission). It goes to the recipient's current address or
    facsimile number, with a copy to each person 8.5 names for it.
    """
    sends_notice_with(world, sender, recipient, kind, method, delivery, date, time,
                      Particulars())


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "{particulars:Particulars}"))
def sends_notice_with(world: World, sender: str, recipient: str, kind: str, method: str,
                      delivery: str, date: str, time: str, particulars: Particulars) -> None:
    """A notice under 8.5, as above, but as the particulars after the time say.

    "addressed to <address>" or "to facsimile number <number>" (instead of the
    recipient's current one); "with a copy to <name>" (only the copies named);
    "with no copy to <name>" (every copy 8.5 names but that one);
    "without return receipt requested" (by mail).
    """
    at = _at(date, time)
    _send_notice(world, sender, recipient, kind, method, at, {delivery: at}, particulars)


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method} on {date:Date} at {time:Time}"))
def sends_notice_on(world: World, sender: str, recipient: str, kind: str, method: str,
                    date: str, time: str) -> None:
    """A notice sent at that moment, with no time of delivery, postmark or confirmation.

    For e-mail, ordinary mail or a courier, none of them a method of 8.5.
    """
    sends_notice_on_with(world, sender, recipient, kind, method, date, time, Particulars())


@step(ACTION, p("{sender:Holder} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method} on {date:Date} at {time:Time}, {particulars:Particulars}"))
def sends_notice_on_with(world: World, sender: str, recipient: str, kind: str, method: str,
                         date: str, time: str, particulars: Particulars) -> None:
    """A notice sent at that moment, with no time of its method, as the particulars say.

    "with no confirmation of transmission" (a facsimile never confirmed),
    "with no time of delivery" (by hand), "with no postmark" (by mail) say
    so for the reader; the notice has none of those times anyway.
    """
    _send_notice(world, sender, recipient, kind, method, _at(date, time), {}, particulars)


def _other_party(party: str) -> str:
    others = {"company": "purchaser", "purchaser": "company"}
    if party not in others:
        raise StepError(f"{NAMES.get(party, party)} has no address for notices under 8.5")
    return others[party]


@step(ACTION, p("{party:Party} gives notice of its new address, {address}, {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_new_address(world: World, party: str, address: str, method: str, delivery: str,
                      date: str, time: str) -> None:
    """The party specifies another address for notices, by notice to the other party (8.5).

    The address is written as its lines joined by commas. The address book
    changes when, and only if, the notice takes effect.
    """
    gives_new_address_with(world, party, address, method, delivery, date, time, Particulars())


@step(ACTION, p("{party:Party} gives notice of its new address, {address}, {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}, {particulars:Particulars}"))
def gives_new_address_with(world: World, party: str, address: str, method: str, delivery: str,
                           date: str, time: str, particulars: Particulars) -> None:
    """A notice of a new address for notices, as the particulars after the time say."""
    at = _at(date, time)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at,
                 {delivery: at}, particulars, {"new_address": address})


@step(ACTION, p("{party:Party} gives notice of its new facsimile number, {fax}, "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_new_fax(world: World, party: str, fax: str, method: str, delivery: str, date: str,
                  time: str) -> None:
    """The party specifies another facsimile number for notices, by notice (8.5)."""
    at = _at(date, time)
    _send_notice(world, party, _other_party(party), "change_of_address", method, at,
                 {delivery: at}, Particulars(), {"new_fax": fax})


@step(ACTION, p("time passes to {date:Date} at {time:Time}"))
def time_passes_to_moment(world: World, date: str, time: str) -> None:
    """Nothing happens until that moment, New York time."""
    world.act({"type": "advance", "actor": "company", "at": _at(date, time)})


@step(ACTION, p("time passes to {date:Date}"))
def time_passes(world: World, date: str) -> None:
    """Nothing happens until the start of that day (00:00, New York time)."""
    time_passes_to_moment(world, date, "00:00")


# --- the life of the Notes: reports, payments, defaults, transfers -----------


@step(ACTION, p("{party:Party} furnishes {report:Report} on {date:Date} at {time:Time}"))
def furnishes_report(world: World, party: str, report: str, date: str, time: str) -> None:
    """The party furnishes a report of 6.1 to the Holders.

    "the annual report for 1997" (6.1(a)), "the quarterly report for the
    quarter ended September 30, 1997" (6.1(b)).
    """
    world.act({"type": "deliver_report", "actor": party, "at": _at(date, time),
               "report": report})


@step(ACTION, p("{party:Party} pays {kind:PaymentKind} of {amount:Money} on {date:Date} "
                "at {time:Time}"))
def pays_holders(world: World, party: str, kind: str, amount: str, date: str,
                 time: str) -> None:
    """The party pays that amount of interest or principal on the Notes to the Holders.

    Schedule 1, ASSUMED: the Company pays; the Holders share each payment by
    principal held.
    """
    world.act({"type": "pay", "actor": party, "at": _at(date, time), "purpose": kind,
               "amount": amount})


@step(ACTION, p("{holder:Holder} asks to inspect the Company's properties on {date:Date} "
                "at {time:Time}"))
def asks_to_inspect(world: World, holder: str, date: str, time: str) -> None:
    """A Holder asks to visit and inspect the properties of the Company (6.2(a)(ii))."""
    world.act({"type": "request_inspection", "actor": holder, "at": _at(date, time),
               "scope": "properties"})


@step(ACTION, p("{holder:Holder} asks to examine the Company's books of account on {date:Date} "
                "at {time:Time}"))
def asks_to_examine(world: World, holder: str, date: str, time: str) -> None:
    """A Holder asks to examine the Company's books of account and other records (6.2(a)(iii))."""
    world.act({"type": "request_inspection", "actor": holder, "at": _at(date, time),
               "scope": "books"})


@step(ACTION, p("{holder:Holder} records that the Company is in breach of {section:Section} "
                "on {date:Date} at {time:Time}"))
def records_breach(world: World, holder: str, section: str, date: str, time: str) -> None:
    """A breach of a covenant of section 6 that only the parties can see ("6.2(b)(iv)").

    The engine cannot observe whether the Company keeps its property insured
    (6.2(b)(iv)) or pays its taxes (6.2(b)(iii)); a party or a Holder records
    the fact, and it is a breach of that section from then on.
    """
    world.act({"type": "record_breach", "actor": holder, "at": _at(date, time),
               "section": section,
               "description": f"recorded by {_name(holder)}: the Company is in breach of "
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
    world.act({"type": "remedy_breach", "actor": party, "at": _at(date, time),
               "breach": (continuing or found)[0]["id"]})


@step(ACTION, p("{party:Party} merges into {corporation}, which assumes all obligations of the "
                "Company under this Agreement, on {date:Date} at {time:Time}"))
def merges_with_assumption(world: World, party: str, corporation: str, date: str,
                           time: str) -> None:
    """The Company merges into another corporation, the Surviving Corporation, which
    assumes all obligations of the Company under this Agreement (6.3)."""
    world.act({"type": "merge", "actor": party, "at": _at(date, time),
               "surviving_corporation": corporation, "assumes_obligations": True})


@step(ACTION, p("{party:Party} merges into {corporation}, which does not assume the "
                "obligations of the Company, on {date:Date} at {time:Time}"))
def merges_without_assumption(world: World, party: str, corporation: str, date: str,
                              time: str) -> None:
    """The Company merges into another corporation that does not assume its obligations (6.3)."""
    world.act({"type": "merge", "actor": party, "at": _at(date, time),
               "surviving_corporation": corporation, "assumes_obligations": False})


def _accelerate(world: World, holder: str, others: tuple[str, ...], method: str,
                delivery: str, date: str, time: str) -> None:
    at = _at(date, time)
    world.act({"type": "accelerate", "actor": holder, "at": at,
               "notice": {"method": method, delivery: at}, "joined_by": list(others)})
    if world.result is not None and world.result.accepted:
        world.notices += [v for k, v in world.result.created.items()
                          if k == "notice" and v not in world.notices]


@step(ACTION, p("{holder:Holder} gives notice of acceleration {method:Method}, "
                "{delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_notice_of_acceleration(world: World, holder: str, method: str, delivery: str,
                                 date: str, time: str) -> None:
    """The Holder declares all principal and accrued interest due at once, by written notice.

    Schedule 1, ASSUMED: only Holders of a majority in principal may, and
    only while an Event of Default continues; the acceleration takes effect
    when the notice does (8.5).
    """
    _accelerate(world, holder, (), method, delivery, date, time)


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, gives notice of acceleration "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}"))
def gives_joint_notice_of_acceleration(world: World, holder: str, others: tuple[str, ...],
                                       method: str, delivery: str, date: str,
                                       time: str) -> None:
    """Holders together give notice of acceleration; together they may be a majority."""
    _accelerate(world, holder, others, method, delivery, date, time)


def _the_default(world: World, kind: str) -> dict[str, Any]:
    """The Event of Default of that kind: the only one, or else the earliest continuing."""
    found = [e for e in world.status()["events_of_default"] if e["kind"] == kind]
    if not found:
        raise AssertionError(f"no Event of Default under Schedule 1 ({kind}) has occurred"
                             f"{_defaults_in_words(world)}")
    continuing = [e for e in found if e["status"] == "continuing"]
    chosen: dict[str, Any] = (continuing or found)[0]
    return chosen


def _defaults_in_words(world: World) -> str:
    found = world.status()["events_of_default"]
    if not found:
        return " (none has)"
    return " (" + "; ".join(f"{e['section']} {e['status']}" for e in found) + ")"


def _waive(world: World, holder: str, others: tuple[str, ...], kind: str, date: str,
           time: str) -> None:
    world.act({"type": "waive_default", "actor": holder, "at": _at(date, time),
               "event_of_default": _the_default(world, kind)["id"],
               "joined_by": list(others)})


@step(ACTION, p("{holder:Holder} waives in writing the Event of Default under {kind:Default} "
                "on {date:Date} at {time:Time}"))
def waives_default(world: World, holder: str, kind: str, date: str, time: str) -> None:
    """The Holder waives, in writing, the Event of Default of that kind, and only it (8.6).

    Schedule 1, ASSUMED: Holders of a majority in principal may, before
    acceleration. The Event of Default meant is the only one of that kind,
    or else the earliest still continuing (or, if none continues, the first).
    """
    _waive(world, holder, (), kind, date, time)


@step(ACTION, p("{holder:Holder}, joined by {others:Holders}, waives in writing the Event of "
                "Default under {kind:Default} on {date:Date} at {time:Time}"))
def waive_default_jointly(world: World, holder: str, others: tuple[str, ...], kind: str,
                          date: str, time: str) -> None:
    """Holders together waive, in writing, the Event of Default of that kind."""
    _waive(world, holder, others, kind, date, time)


@step(ACTION, p("{party:Party} declares the Company insolvent on {date:Date} at {time:Time}"))
def declares_insolvent(world: World, party: str, date: str, time: str) -> None:
    """A court declares the Company bankrupt or insolvent (Schedule 1 (e), ASSUMED)."""
    world.act({"type": "declare_insolvency", "actor": party, "at": _at(date, time)})


def _propose_transfer(world: World, holder: str, amount: str, transferee: str,
                      basis: tuple[bool, bool, bool], method: str,
                      moments: Mapping[str, str], at: str) -> None:
    rule_144, opinion, legend_not_required = basis
    world.act({"type": "propose_transfer", "actor": holder, "at": at,
               "to_holder": transferee, "principal": amount, "rule_144": rule_144,
               "opinion": opinion, "legend_not_required": legend_not_required,
               "notice": {"method": method, **moments}})


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method}, {delivery:Delivery} "
                "on {date:Date} at {time:Time}"))
def proposes_transfer(world: World, holder: str, amount: str, transferee: str,
                      basis: tuple[bool, bool, bool], method: str, delivery: str, date: str,
                      time: str) -> None:
    """The Holder's written notice to the Company of a proposed transfer (7.3).

    It is accompanied "with an opinion of counsel" (that the transfer may be
    made without registration), "with an opinion of counsel that the legend
    is not required", or made "under Rule 144" (no opinion needed), or "with
    no opinion of counsel". The notice goes to the Company under 8.5.
    """
    at = _at(date, time)
    _propose_transfer(world, holder, amount, transferee, basis, method, {delivery: at}, at)


@step(ACTION, p("{holder:Holder} gives notice of a proposed transfer of {amount:Money} of Notes "
                "to {transferee:Holder}, {basis:Basis}, {method:Method} on {date:Date} "
                "at {time:Time}"))
def proposes_transfer_otherwise(world: World, holder: str, amount: str, transferee: str,
                                basis: tuple[bool, bool, bool], method: str, date: str,
                                time: str) -> None:
    """A notice of proposed transfer sent by a means that is not notice under 8.5 (e-mail)."""
    _propose_transfer(world, holder, amount, transferee, basis, method, {}, _at(date, time))


def _the_transfer(world: World) -> str:
    if not world.transfers:
        raise StepError("no transfer has been proposed in this scenario")
    return world.transfers[-1]


@step(ACTION, p("{party:Party} finds the opinion of counsel reasonably satisfactory on "
                "{date:Date} at {time:Time}"))
def accepts_opinion(world: World, party: str, date: str, time: str) -> None:
    """The Company accepts the opinion of counsel that accompanies the proposed transfer (7.3)."""
    world.act({"type": "accept_opinion", "actor": party, "at": _at(date, time),
               "transfer": _the_transfer(world)})


@step(ACTION, p("{party:Party} finds the opinion of counsel not reasonably satisfactory on "
                "{date:Date} at {time:Time}"))
def rejects_opinion(world: World, party: str, date: str, time: str) -> None:
    """The Company rejects the opinion of counsel that accompanies the proposed transfer (7.3)."""
    world.act({"type": "reject_opinion", "actor": party, "at": _at(date, time),
               "transfer": _the_transfer(world)})


@step(ACTION, p("{holder:Holder} completes the transfer on {date:Date} at {time:Time}"))
def completes_transfer(world: World, holder: str, date: str, time: str) -> None:
    """The Holder transfers the Notes of the last proposed transfer to the transferee (7)."""
    world.act({"type": "complete_transfer", "actor": holder, "at": _at(date, time),
               "transfer": _the_transfer(world)})


# --- indemnification (8.10), survival (8.2) and expenses (8.9) ---------------


def _damages(datatable: list[list[str]]) -> list[dict[str, Any]]:
    """The Damages of a claim from its data table: kind, amount and, optionally, consented.

    A first row whose first cell is "kind" is the heading, and names the
    columns; without it the columns are kind, amount, consented.
    """
    rows = [[cell.strip() for cell in row] for row in datatable if row]
    columns = ["kind", "amount", "consented"]
    if rows and rows[0][0].lower() == "kind":
        columns = [cell.lower() for cell in rows[0]]
        rows = rows[1:]
        unknown = [c for c in columns if c not in ("kind", "amount", "consented")]
        if unknown or "amount" not in columns:
            raise StepError("the Damages are listed under the heading kind | amount | consented")
    if not rows:
        raise StepError("a claim lists its Damages, one item a row")
    damages = []
    for row in rows:
        item = dict(zip(columns, row, strict=False))
        kind, amount = item.get("kind", ""), item.get("amount", "")
        consented = item.get("consented", "").lower()
        if kind not in DAMAGE_KINDS:
            raise StepError(f"{kind!r} is not a kind of Damages under 8.10(a) "
                            f"({', '.join(DAMAGE_KINDS)})")
        if not re.fullmatch(_money.pattern, amount):
            raise StepError(f"{amount!r} is not an amount like $150,000.00")
        if consented not in _CONSENTED:
            raise StepError(f"consented is yes, no or empty, not {consented!r}")
        damages.append({"kind": DAMAGE_KINDS[kind], "amount": _money(amount),
                        "consented": _CONSENTED[consented]})
    return damages


def _assert_claim(world: World, claimant: str, against: str, section: str, method: str,
                  moments: Mapping[str, str], at: str, damages: list[dict[str, Any]]) -> None:
    world.act({"type": "assert_claim", "actor": claimant, "at": at, "against": against,
               "section": section, "damages": damages,
               "notice": {"method": method, **moments}})


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "for these Damages:"))
def claims_indemnity(world: World, claimant: str, against: str, section: str, method: str,
                     delivery: str, date: str, time: str, datatable: list[list[str]]) -> None:
    """The party claims indemnity under 8.10, by notice under 8.5, for the Damages listed.

    The section is the representation, warranty or agreement said to be
    broken ("3.6", "8.7(a)", "5.1(b)" for the Company's officer's
    certificate). The Damages are a data table under the heading
    "kind | amount | consented" (see the parse types above). The claim is
    asserted when its notice takes effect.
    """
    at = _at(date, time)
    _assert_claim(world, claimant, against, section, method, {delivery: at}, at,
                  _damages(datatable))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method}, {delivery:Delivery} on {date:Date} at {time:Time}, "
                "for losses of {amount:Money}"))
def claims_indemnity_for_losses(world: World, claimant: str, against: str, section: str,
                                method: str, delivery: str, date: str, time: str,
                                amount: str) -> None:
    """As above, for Damages of one item: losses of that amount."""
    at = _at(date, time)
    _assert_claim(world, claimant, against, section, method, {delivery: at}, at,
                  [{"kind": "losses", "amount": amount, "consented": False}])


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method} on {date:Date} at {time:Time}, for these Damages:"))
def claims_indemnity_otherwise(world: World, claimant: str, against: str, section: str,
                               method: str, date: str, time: str,
                               datatable: list[list[str]]) -> None:
    """A claim sent with no time of delivery, postmark or confirmation (by e-mail, say)."""
    _assert_claim(world, claimant, against, section, method, {}, _at(date, time),
                  _damages(datatable))


@step(ACTION, p("{claimant:Party} claims indemnity from {against:Party} under {section:Section} "
                "{method:Method} on {date:Date} at {time:Time}, for losses of {amount:Money}"))
def claims_indemnity_otherwise_for_losses(world: World, claimant: str, against: str,
                                          section: str, method: str, date: str, time: str,
                                          amount: str) -> None:
    """A claim for losses of that amount, sent with no time of its method (by e-mail, say)."""
    _assert_claim(world, claimant, against, section, method, {}, _at(date, time),
                  [{"kind": "losses", "amount": amount, "consented": False}])


def _the_claim(world: World) -> str:
    if not world.claims:
        raise StepError("no claim has been asserted in this scenario")
    return world.claims[-1]


@step(ACTION, p("{party:Party} acknowledges the claim on {date:Date} at {time:Time}"))
def acknowledges_claim(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party acknowledges the claim (8.10): the Damages that count are owed."""
    world.act({"type": "acknowledge_claim", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} disputes the claim on {date:Date} at {time:Time}"))
def disputes_claim(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party disputes the claim (8.10): nothing is owed until it is resolved."""
    world.act({"type": "dispute_claim", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} consents in writing to the settlement of the claim on {date:Date} "
                "at {time:Time}"))
def consents_to_settlement(world: World, party: str, date: str, time: str) -> None:
    """The indemnifying party's prior written consent to settling the claim (8.10(a)).

    With it, the settlement costs listed among the claim's Damages count.
    """
    world.act({"type": "consent_to_settlement", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} settles the claim for {amount:Money} on {date:Date} "
                "at {time:Time}"))
def settles_claim(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The claimant settles the claim for that amount, no more than it claimed (8.10)."""
    world.act({"type": "settle_claim", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world), "amount": amount})


@step(ACTION, p("{party:Party} adjudicates the claim for {amount:Money} on {date:Date} "
                "at {time:Time}"))
def adjudicates_claim(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The court decides the claim, for that amount indemnifiable (8.1(b), 8.10)."""
    world.act({"type": "adjudicate_claim", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world), "amount": amount})


@step(ACTION, p("{party:Party} finds against the claim on {date:Date} at {time:Time}"))
def finds_against_claim(world: World, party: str, date: str, time: str) -> None:
    """The court decides the claim fails: nothing is indemnifiable (8.10)."""
    adjudicates_claim(world, party, "0.00", date, time)


@step(ACTION, p("{party:Party} withdraws the claim on {date:Date} at {time:Time}"))
def withdraws_claim(world: World, party: str, date: str, time: str) -> None:
    """The claimant withdraws the claim (8.10), which it may do before anything is paid on it."""
    world.act({"type": "withdraw_claim", "actor": party, "at": _at(date, time),
               "claim": _the_claim(world)})


@step(ACTION, p("{party:Party} pays {amount:Money} of indemnity on the claim on {date:Date} "
                "at {time:Time}"))
def pays_indemnity(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount on the claim (8.10): the indemnifying party, no more than
    is indemnifiable and unpaid."""
    world.act({"type": "pay", "actor": party, "at": _at(date, time), "purpose": "indemnity",
               "amount": amount, "claim": _the_claim(world)})


#: What Purchaser presents under 8.9, in the agreement's words.
COUNSEL_FEES = ("the reasonable legal fees and out-of-pocket expenses of Robinson, Silverman, "
                "Pearce, Aronsohn & Berman LLP, counsel to Purchaser, incurred in connection "
                "with the preparation, execution and delivery of the Agreement and the Notes")


@step(ACTION, p("{party:Party} presents its counsel's fees and expenses of {amount:Money} "
                "on {date:Date} at {time:Time}"))
def presents_expenses(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party presents its counsel's fees and expenses for the Company to pay (8.9).

    8.9: the Company pays those of Robinson, Silverman, Pearce, Aronsohn &
    Berman LLP, counsel to Purchaser; ASSUMED: within 30 days.
    """
    world.act({"type": "present_expenses", "actor": party, "at": _at(date, time),
               "amount": amount, "description": COUNSEL_FEES})


@step(ACTION, p("{party:Party} pays {amount:Money} of expenses on {date:Date} at {time:Time}"))
def pays_expenses(world: World, party: str, amount: str, date: str, time: str) -> None:
    """The party pays that amount of the presented fees and expenses of Purchaser's counsel
    (8.9)."""
    world.act({"type": "pay", "actor": party, "at": _at(date, time), "purpose": "expenses",
               "amount": amount})


# --- Then: outcomes ----------------------------------------------------------


@step(THEN, p("the deal is {state:State}"))
def the_deal_is(world: World, state: str) -> None:
    """The deal's lifecycle state is that one."""
    world.outcome()
    actual = world.status()["state"]
    if actual != state:
        refused = ""
        if world.result is not None and not world.result.accepted:
            refused = f" (the last action was refused: {_reasons(world.result)})"
        raise AssertionError(f"the deal is {actual}, not {state}{refused}")


@step(THEN, p("the action is accepted"))
def the_action_is_accepted(world: World) -> None:
    """The last action was accepted."""
    world.outcome()
    if world.result is None:
        raise StepError("no action has been taken")
    if not world.result.accepted:
        raise AssertionError(f"the action was refused: {_reasons(world.result)}")


@step(THEN, p("the action is refused under {section:Section}"))
def the_action_is_refused(world: World, section: str) -> None:
    """The last action was refused, and one of its reasons cites that section."""
    world.outcome()
    if world.result is None:
        raise StepError("no action has been taken")
    if world.result.accepted:
        raise AssertionError(f"the action was accepted (the deal is {world.result.state}), "
                             f"not refused under {section}")
    cited = [reason.section for reason in world.result.reasons]
    if section not in cited:
        raise AssertionError(f"the action was refused under {', '.join(cited)}, not "
                             f"{section}: {_reasons(world.result)}")


@step(THEN, p("the action is rejected as invalid"))
def the_action_is_invalid(world: World) -> None:
    """The last action was not a valid action at all (bad input: nothing was stored)."""
    if world.error is None:
        raise AssertionError("the last action was a valid action")
    world.error_seen = True


@step(THEN, p("condition {section:Section} is {standing:Standing}"))
def condition_is(world: World, section: str, standing: str) -> None:
    """The condition at that section of 5.1 or 5.2 is pending, satisfied or waived."""
    world.outcome()
    conditions = world.status()["conditions"]
    if section not in conditions:
        raise StepError(f"{section} is not a condition of 5.1 or 5.2")
    if conditions[section] != standing:
        raise AssertionError(f"condition {section} is {conditions[section]}, not {standing}")


@step(THEN, p("{party:Holder} holds {amount:Money} of Notes"))
def holds_notes(world: World, party: str, amount: str) -> None:
    """The party, or a transferee by its name ("Acme Bank"), holds that principal of the Notes."""
    world.outcome()
    holders = world.status()["holders"]
    held = Decimal(holders.get(party, "0"))
    if held != Decimal(amount):
        listed = ", ".join(f"{_name(h)} ${Decimal(v):,.2f}" for h, v in holders.items())
        raise AssertionError(f"{_name(party)} holds ${held:,.2f} of Notes, "
                             f"not ${Decimal(amount):,.2f}"
                             f" (holders: {listed or 'none'})")


@step(THEN, p("{party:Holder} holds no Notes"))
def holds_no_notes(world: World, party: str) -> None:
    """The party, or a transferee by its name, holds none of the Notes."""
    holds_notes(world, party, "0.00")

@step(THEN, p("the deal still needs {section:Section}"))
def still_needs(world: World, section: str) -> None:
    """Among what the deal is missing for its next state, one item cites that section."""
    world.outcome()
    missing = world.status()["missing"]
    if not any(reason["section"] == section for reason in missing):
        cited = ", ".join(reason["section"] for reason in missing) or "nothing"
        raise AssertionError(f"the deal does not need {section}; it needs {cited}")


@step(THEN, p("the Closing Date is {date:Date}"))
def closing_date_is(world: World, date: str) -> None:
    """The Closing Date (2.1, as amended under 8.4) is that date."""
    world.outcome()
    actual = world.status()["closing_date"]
    if actual != date:
        raise AssertionError(f"the Closing Date is {actual}, not {date}")


NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def _in_words(moment: str) -> str:
    """A time of the engine's ("1998-04-05T10:00:00-04:00") as a feature writes it."""
    local = datetime.datetime.fromisoformat(moment).astimezone(NEW_YORK)
    return f"{MONTHS[local.month - 1]} {local.day}, {local.year} at {local:%H:%M}"


def _the_notice(world: World, status: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The last notice the scenario sent, as the deal's status records it."""
    world.outcome()
    if not world.notices:
        raise StepError("no notice has been sent in this scenario")
    notices = (status or world.status())["notices"]
    for notice in notices:
        if notice["id"] == world.notices[-1]:
            found: dict[str, Any] = notice
            return found
    raise AssertionError(f"notice {world.notices[-1]} is not recorded")


def _notice_standing(notice: Mapping[str, Any]) -> str:
    """A notice's status in words, with why it has no effect or when it takes effect."""
    if notice["status"] == "no effect":
        return "of no effect (" + "; ".join(notice["defects"]) + ")"
    return f"{notice['status']} (taking effect on {_in_words(notice['effective_at'])})"


@step(THEN, p("the notice takes effect on {date:Date} at {time:Time}"))
def notice_takes_effect(world: World, date: str, time: str) -> None:
    """The last notice sent is duly given and takes effect at that minute, New York time."""
    notice = _the_notice(world)
    if notice["effective_at"] is None:
        raise AssertionError(f"the notice never takes effect: it is {_notice_standing(notice)}")
    expected = datetime.datetime.fromisoformat(_at(date, time)).replace(tzinfo=NEW_YORK)
    actual = datetime.datetime.fromisoformat(notice["effective_at"])
    if actual != expected:
        raise AssertionError(f"the notice takes effect on {_in_words(notice['effective_at'])}, "
                             f"not on {_in_words(expected.isoformat())}")


@step(THEN, p("the notice has no effect"))
def notice_has_no_effect(world: World) -> None:
    """The last notice sent is recorded, but is not duly given under 8.5 and has no effect."""
    notice = _the_notice(world)
    if notice["status"] != "no effect":
        raise AssertionError(f"the notice is {_notice_standing(notice)}")


def _plain(text: str) -> str:
    """Words without quotation marks and extra spaces, for comparing a reason with a defect."""
    return " ".join(re.sub(r"[\"'](?!s\b)", "", text).split())


@step(THEN, p("the notice has no effect because {reason}"))
def notice_has_no_effect_because(world: World, reason: str) -> None:
    """The last notice sent has no effect, and one of its defects says that.

    The words are compared with the defects' as written, but for spacing and
    quotation marks: "because e-mail is not a way of giving notice under 8.5".
    """
    notice = _the_notice(world)
    if notice["status"] != "no effect":
        raise AssertionError(f"the notice is {_notice_standing(notice)}")
    if not any(_plain(reason) in _plain(defect) for defect in notice["defects"]):
        raise AssertionError(f"the notice has no effect because "
                             f"{'; '.join(notice['defects'])}, not because {reason}")


@step(THEN, p("the notice is {status:NoticeStatus}"))
def notice_is(world: World, status: str) -> None:
    """The last notice sent is pending (duly given, not yet in effect) or effective, now."""
    notice = _the_notice(world)
    if notice["status"] != status:
        raise AssertionError(f"the notice is {_notice_standing(notice)}, not {status}")


@step(THEN, p("as of {date:Date} at {time:Time} the notice is {status:NoticeStatus}"))
def notice_is_as_of(world: World, date: str, time: str, status: str) -> None:
    """As the deal will stand at that moment if nothing else happens; nothing is stored."""
    world.outcome()
    notice = _the_notice(world, world.need_deal().status(as_of=_at(date, time)))
    if notice["status"] != status:
        moment = datetime.datetime.fromisoformat(_at(date, time)).replace(tzinfo=NEW_YORK)
        raise AssertionError(f"as of {_in_words(moment.isoformat())} the notice is "
                             f"{_notice_standing(notice)}, not {status}")


@step(THEN, p("{party:Party}'s address for notices is {address}"))
def address_for_notices(world: World, party: str, address: str) -> None:
    """The party's address for notices under 8.5, its lines joined by commas, is that one."""
    world.outcome()
    book = world.status()["addresses"]
    if party not in book:
        raise StepError(f"{NAMES.get(party, party)} has no address for notices under 8.5")
    actual = ", ".join(book[party]["lines"])
    if " ".join(actual.split()) != " ".join(address.split()):
        raise AssertionError(f"{NAMES[party]}'s address for notices is {actual}, not {address}")


@step(THEN, p("{party:Party}'s facsimile number for notices is {fax}"))
def fax_for_notices(world: World, party: str, fax: str) -> None:
    """The party's facsimile number for notices under 8.5 is that one (the digits count)."""
    world.outcome()
    book = world.status()["addresses"]
    if party not in book:
        raise StepError(f"{NAMES.get(party, party)} has no facsimile number under 8.5")
    actual = book[party]["fax"] or ""
    if re.sub(r"\D", "", actual) != re.sub(r"\D", "", fax):
        raise AssertionError(f"{NAMES[party]}'s facsimile number for notices is "
                             f"{actual or 'none'}, not {fax}")


def _report_obligation(world: World, report: str) -> dict[str, Any]:
    for owed in world.status()["obligations"]:
        if owed["id"] == report:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"report {report} is not among the reports of 6.1 of this deal")


_REPORT_WORDS = {v: k for k, v in REPORT_STANDINGS.items()}


@step(THEN, p("{report:Report} is due by {date:Date}"))
def report_due_by(world: World, report: str, date: str) -> None:
    """The report is owed, and its last day under 6.1 is that date (New York time)."""
    world.outcome()
    owed = _report_obligation(world, report)
    if owed["due"] != date:
        raise AssertionError(f"report {report} is due by {owed['due']}, not {date}")
    if owed["status"] == "not owed":
        raise AssertionError(f"report {report} is not owed")


@step(THEN, p("{report:Report} is {standing:ReportStanding}"))
def report_is(world: World, report: str, standing: str) -> None:
    """The report is pending, furnished on time, furnished late, overdue or not owed."""
    world.outcome()
    owed = _report_obligation(world, report)
    if owed["status"] != standing:
        actual = _REPORT_WORDS.get(owed["status"], owed["status"])
        raise AssertionError(f"report {report} is {actual}, not {_REPORT_WORDS[standing]}")


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


@step(THEN, p("no Event of Default has occurred"))
def no_default_occurred(world: World) -> None:
    """No Event of Default (Schedule 1, ASSUMED) has occurred at all."""
    world.outcome()
    if world.status()["events_of_default"]:
        raise AssertionError(f"an Event of Default has occurred{_defaults_in_words(world)}")


@step(THEN, p("no Event of Default continues"))
def no_default_continues(world: World) -> None:
    """Every Event of Default that occurred has been cured or waived."""
    world.outcome()
    if any(e["status"] == "continuing" for e in world.status()["events_of_default"]):
        raise AssertionError(f"an Event of Default continues{_defaults_in_words(world)}")


@step(THEN, p("an Event of Default under {kind:Default} occurred on {date:Date} at {time:Time}"))
def default_occurred_at(world: World, kind: str, date: str, time: str) -> None:
    """An Event of Default of that kind occurred at that minute, New York time."""
    world.outcome()
    expected = datetime.datetime.fromisoformat(_at(date, time)).replace(tzinfo=NEW_YORK)
    found = [e for e in world.status()["events_of_default"] if e["kind"] == kind]
    moments = [datetime.datetime.fromisoformat(e["occurred_at"]) for e in found]
    if expected not in moments:
        when = ", ".join(_in_words(e["occurred_at"]) for e in found)
        raise AssertionError(f"no Event of Default under Schedule 1 ({kind}) occurred on "
                             f"{_in_words(expected.isoformat())}"
                             + (f"; one occurred on {when}" if when else
                                _defaults_in_words(world)))


@step(THEN, p("the Event of Default under {kind:Default} {standing:DefaultStanding}"))
def default_is(world: World, kind: str, standing: str) -> None:
    """The Event of Default of that kind continues, is cured or is waived.

    Meant is the only one of that kind, or else the earliest still continuing.
    """
    world.outcome()
    found = _the_default(world, kind)
    if found["status"] != standing:
        raise AssertionError(f"the Event of Default under Schedule 1 ({kind}) is "
                             f"{found['status']}, not {standing}")


@step(THEN, p("one Event of Default under {kind:Default} continues"))
def one_default_continues(world: World, kind: str) -> None:
    """Exactly one Event of Default of that kind continues."""
    defaults_continue(world, 1, kind)


@step(THEN, p("{count:Number} Events of Default under {kind:Default} continue"))
def defaults_continue(world: World, count: int, kind: str) -> None:
    """That many Events of Default of that kind continue (each breach is its own)."""
    world.outcome()
    found = [e for e in world.status()["events_of_default"]
             if e["kind"] == kind and e["status"] == "continuing"]
    if len(found) != count:
        raise AssertionError(f"{len(found)} Events of Default under Schedule 1 ({kind}) "
                             f"continue, not {count}{_defaults_in_words(world)}")


@step(THEN, p("the Company owes {interest:Money} of interest and {principal:Money} of principal"))
def company_owes(world: World, interest: str, principal: str) -> None:
    """What the Company must pay the Holders now: interest payable and unpaid, and principal."""
    world.outcome()
    balances = world.status()["balances"]
    owed = (Decimal(balances["interest_payable"]), Decimal(balances["principal_payable"]))
    if owed != (Decimal(interest), Decimal(principal)):
        raise AssertionError(f"the Company owes ${owed[0]:,.2f} of interest and "
                             f"${owed[1]:,.2f} of principal")


@step(THEN, p("the Company owes nothing"))
def company_owes_nothing(world: World) -> None:
    """No interest or principal is payable and unpaid, and no principal is outstanding."""
    world.outcome()
    balances = world.status()["balances"]
    left = {k: balances[k] for k in ("interest_payable", "principal_payable",
                                     "principal_outstanding") if Decimal(balances[k]) != 0}
    if left:
        raise AssertionError(f"the Company still owes: {left}")


@step(THEN, p("the Notes are accelerated"))
def accelerated(world: World) -> None:
    """All principal and accrued interest have been declared due at once (Schedule 1)."""
    world.outcome()
    if not world.status()["accelerated"]:
        raise AssertionError("the Notes are not accelerated")


@step(THEN, p("the Notes are not accelerated"))
def not_accelerated(world: World) -> None:
    """The Notes have not been accelerated (or not yet: the notice is not yet effective)."""
    world.outcome()
    if world.status()["accelerated"]:
        raise AssertionError(f"the Notes are accelerated, since "
                             f"{_in_words(world.status()['accelerated_at'])}")


def _payment(world: World, kind: str, date: str) -> dict[str, Any]:
    ident = f"{kind}-{date}"
    for owed in world.status()["obligations"]:
        if owed["id"] == ident:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"no {kind} is due on {date} under the payment schedule")


@step(THEN, p("the {kind:PaymentKind} due on {date:Date} is {amount:Money}, payable on "
              "{payable:Date}"))
def payment_scheduled(world: World, kind: str, date: str, amount: str, payable: str) -> None:
    """The payment schedule (Schedule 1, ASSUMED): the amount due on that date, and the
    business day it is payable on (a date that is not one moves to the next)."""
    world.outcome()
    owed = _payment(world, kind, date)
    if (Decimal(owed["amount"]), owed["due"]) != (Decimal(amount), payable):
        raise AssertionError(f"the {kind} due on {date} is ${Decimal(owed['amount']):,.2f}, "
                             f"payable on {owed['due']}")


@step(THEN, p("the {kind:PaymentKind} due on {date:Date} is {standing:PaymentStanding}"))
def payment_is(world: World, kind: str, date: str, standing: str) -> None:
    """The payment due on that date is pending, paid, overdue or accelerated."""
    world.outcome()
    owed = _payment(world, kind, date)
    if owed["status"] != standing:
        raise AssertionError(f"the {kind} due on {date} is {owed['status']}, not {standing}")


def _notice_of_default(world: World, kind: str) -> dict[str, Any]:
    ident = "notice-" + _the_default(world, kind)["id"]
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


@step(THEN, p("the Surviving Corporation {name} is the Company"))
def surviving_corporation_is_the_company(world: World, name: str) -> None:
    """6.3: the Surviving Corporation stands as the Company for every later action and notice."""
    world.outcome()
    company = world.status()["company"]
    if company != name:
        raise AssertionError(f"the Company is {company}, not {name}")


def _legend(world: World, holder: str) -> bool:
    world.outcome()
    status = world.status()
    if Decimal(status["holders"].get(holder, "0")) == 0 or holder not in status["legends"]:
        raise AssertionError(f"{_name(holder)} holds no Notes")
    return bool(status["legends"][holder])


@step(THEN, p("the Notes held by {holder:Holder} bear the restrictive legend"))
def bears_legend(world: World, holder: str) -> None:
    """The holder's certificate bears the legend of 7.2(a)."""
    if not _legend(world, holder):
        raise AssertionError(f"the Notes held by {_name(holder)} do not bear the legend")


@step(THEN, p("the Notes held by {holder:Holder} do not bear the restrictive legend"))
def bears_no_legend(world: World, holder: str) -> None:
    """The holder's certificate is issued without the legend (7.2(b), 7.3)."""
    if _legend(world, holder):
        raise AssertionError(f"the Notes held by {_name(holder)} bear the restrictive legend")


@step(THEN, p("the transfer is complete"))
def transfer_complete(world: World) -> None:
    """The last proposed transfer has been completed (7)."""
    world.outcome()
    ident = _the_transfer(world)
    found = {t["id"]: t for t in world.status()["transfers"]}[ident]
    if found["status"] != "complete":
        raise AssertionError(f"the transfer is {found['status']}, not complete")


@step(THEN, p("the transfer is not complete"))
def transfer_not_complete(world: World) -> None:
    """The last proposed transfer has not been completed: the Notes stay where they were."""
    world.outcome()
    ident = _the_transfer(world)
    found = {t["id"]: t for t in world.status()["transfers"]}[ident]
    if found["status"] == "complete":
        raise AssertionError("the transfer is complete")


def _claim_record(world: World) -> dict[str, Any]:
    """The last claim the scenario asserted, as the deal's status records it."""
    world.outcome()
    ident = _the_claim(world)
    for claim in world.status()["claims"]:
        if claim["id"] == ident:
            found: dict[str, Any] = claim
            return found
    raise AssertionError(f"claim {ident} is not recorded")  # pragma: no cover


@step(THEN, p("the claim is {status:ClaimStatus}"))
def claim_is(world: World, status: str) -> None:
    """Where the last claim asserted stands (8.10).

    "notice pending" (its notice has not yet taken effect), "asserted",
    "not asserted" (its notice was not duly given under 8.5), "acknowledged",
    "disputed", "settled", "adjudicated", "failed" (in court), "paid" (all
    that is indemnifiable), "withdrawn".
    """
    claim = _claim_record(world)
    if claim["status"] != status:
        raise AssertionError(f"the claim is {claim['status']}, not {status}")


@step(THEN, p("the claim is for {amount:Money}"))
def claim_is_for(world: World, amount: str) -> None:
    """The Damages the last claim lists come to that amount, in all."""
    claim = _claim_record(world)
    if Decimal(claim["claimed"]) != Decimal(amount):
        raise AssertionError(f"the claim is for ${Decimal(claim['claimed']):,.2f}")


@step(THEN, p("{amount:Money} is indemnifiable on the claim"))
def indemnifiable_on_claim(world: World, amount: str) -> None:
    """What the indemnifying party owes on the last claim as it stands (paid or not).

    Acknowledged: the Damages that count (settlement costs only with prior
    written consent); settled: the settlement, up to the Damages that count;
    adjudicated: the court's amount; otherwise nothing.
    """
    claim = _claim_record(world)
    if Decimal(claim["indemnifiable"]) != Decimal(amount):
        raise AssertionError(f"${Decimal(claim['indemnifiable']):,.2f} is indemnifiable on the "
                             f"claim ({claim['status']})")


@step(THEN, p("{amount:Money} has been paid on the claim"))
def paid_on_claim(world: World, amount: str) -> None:
    """The indemnifying party has paid that amount on the last claim, in all."""
    claim = _claim_record(world)
    if Decimal(claim["paid"]) != Decimal(amount):
        raise AssertionError(f"${Decimal(claim['paid']):,.2f} has been paid on the claim")


def _expenses_record(world: World) -> dict[str, Any]:
    """The last expenses presented, as the deal's obligations record them."""
    world.outcome()
    if not world.expenses:
        raise StepError("no expenses have been presented in this scenario")
    ident = f"expenses-{world.expenses[-1]}"
    for owed in world.status()["obligations"]:
        if owed["id"] == ident:
            found: dict[str, Any] = owed
            return found
    raise AssertionError(f"expenses {world.expenses[-1]} are not recorded")  # pragma: no cover


@step(THEN, p("the expenses are {standing:ExpenseStanding}"))
def expenses_are(world: World, standing: str) -> None:
    """The last fees and expenses of Purchaser's counsel presented are pending, overdue or paid
    (8.9; ASSUMED: overdue when unpaid 30 days after they were presented)."""
    owed = _expenses_record(world)
    if owed["status"] != standing:
        raise AssertionError(f"the expenses are {owed['status']}, not {standing}")


@step(THEN, p("the expenses are due by {date:Date}"))
def expenses_due_by(world: World, date: str) -> None:
    """The last day for the Company to pay the last expenses presented (8.9; ASSUMED: 30 days)."""
    owed = _expenses_record(world)
    if owed["due"] != date:
        raise AssertionError(f"the expenses are due by {owed['due']}, not {date}")


# --- pytest-bdd --------------------------------------------------------------

_TEXTS_KEY: Any = None


def _texts_key() -> Any:
    """The pytest stash key under which a scenario's step texts are kept."""
    global _TEXTS_KEY
    if _TEXTS_KEY is None:
        import pytest

        _TEXTS_KEY = pytest.StashKey[tuple[str, ...]]()
    return _TEXTS_KEY


def remember_scenario(request: Any, texts: Iterable[str]) -> None:
    """Keep a scenario's step texts for its World (from `pytest_bdd_before_scenario`)."""
    request.node.stash[_texts_key()] = tuple(texts)


def _bound(entry: Step) -> Callable[..., None]:
    """The step function as pytest-bdd calls it: the world fixture and the parsed arguments."""

    @functools.wraps(entry.func)
    def run(world: World, **kwargs: Any) -> None:
        world.keyword = entry.keyword
        entry.func(world, **kwargs)

    return run


def register_pytest_bdd(namespace: MutableMapping[str, Any]) -> None:
    """Bind every step of the registry, and a `world` fixture, into a test module.

    Call it at the top level of the module as `register_pytest_bdd(globals())`:
    pytest-bdd puts each step definition in its caller's module.
    """
    import pytest
    from pytest_bdd import given, then, when

    if sys._getframe(1).f_globals is not namespace:
        raise RuntimeError("call register_pytest_bdd(globals()) at a test module's top level")

    @pytest.fixture
    def world(request: pytest.FixtureRequest) -> World:
        """A fresh World for each scenario, told which conditions the scenario names."""
        return World(named=conditions_named(request.node.stash.get(_texts_key(), ())))

    namespace["world"] = world
    decorators = {GIVEN: given, WHEN: when, THEN: then}
    for entry in REGISTRY:
        # stacklevel 2: pytest-bdd puts the definition in the caller of this function.
        decorators[entry.keyword](entry.parser, stacklevel=2)(_bound(entry))


__all__ = [
    "REGISTRY",
    "TYPES",
    "Step",
    "StepError",
    "World",
    "conditions_named",
    "find",
    "register_pytest_bdd",
    "remember_scenario",
    "step",
    "vocabulary",
]
