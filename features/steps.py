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
- Section: "5.1(d)", "2.1", "the signature page"; Sections: "5.1(d) and 5.2(b)"
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

_SECTION = r"the signature page|Schedule 1|\d+(?:\.\d+)?(?:\([a-z]+\))*"
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
    instruments, proceedings and notices, so that a later step can say "the
    requested instrument" or "the notice" (the last notice sent).
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


@step(ACTION, p("{sender:Party} sends {recipient:Party} a notice of {kind:NoticeKind} "
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


@step(ACTION, p("{sender:Party} sends {recipient:Party} a notice of {kind:NoticeKind} "
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


@step(ACTION, p("{sender:Party} sends {recipient:Party} a notice of {kind:NoticeKind} "
                "{method:Method} on {date:Date} at {time:Time}"))
def sends_notice_on(world: World, sender: str, recipient: str, kind: str, method: str,
                    date: str, time: str) -> None:
    """A notice sent at that moment, with no time of delivery, postmark or confirmation.

    For e-mail, ordinary mail or a courier, none of them a method of 8.5.
    """
    sends_notice_on_with(world, sender, recipient, kind, method, date, time, Particulars())


@step(ACTION, p("{sender:Party} sends {recipient:Party} a notice of {kind:NoticeKind} "
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


@step(THEN, p("{party:Party} holds {amount:Money} of Notes"))
def holds_notes(world: World, party: str, amount: str) -> None:
    """The party holds that principal amount of the Notes."""
    world.outcome()
    holders = world.status()["holders"]
    held = Decimal(holders.get(party, "0"))
    if held != Decimal(amount):
        raise AssertionError(f"{NAMES[party]} holds ${held:,.2f} of Notes, "
                             f"not ${Decimal(amount):,.2f}"
                             f" (holders: {holders or 'none'})")


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
