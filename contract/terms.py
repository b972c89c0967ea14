"""The term sheet: the amounts, dates, conventions and parties a deal is made from.

The 1997 deal is the default (`DEFAULT_TERMS`). From the agreement: $7,500,000
principal of 10 1/2% Notes due February 1, 2000 for a Purchase Price of
$7,500,000.00 (1.1); the Closing on October 27, 1997 (2.1), when the Notes are
issued (1.2); the $75,000 Transaction Fee (2.2); the parties (the preamble,
3.3, 8.5 and the signature page). Schedule 1 (Form of Note) was omitted from
the filing, so how interest is paid is ASSUMED: `ASSUMED` names those keys.

A platform starts another deal from a TOML term sheet (`load_terms`); any key
it leaves out keeps the 1997 value. A term sheet that does not fit is refused
with a `TermsError` naming the key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import attrs

from contract._frozen import FrozenMap
from contract.errors import TermsError
from contract.parties import PARTIES_1997, ROLES, Address, Party
from contract.printable import control_character, shown
from contract.terms_bounds import (
    FIRST_YEAR,
    LAST_MATURITY,
    LAST_YEAR,
    MAX_TEXT,
    check_toml_text,
    read_terms_text,
)

T = TypeVar("T")

#: The day counts a term sheet may name (PRODUCT.md section 3).
DAY_COUNTS: tuple[str, ...] = ("30/360", "30E/360", "ACT/360", "ACT/365", "ACT/ACT")
#: The business-day calendars a term sheet may name.
BUSINESS_DAYS: tuple[str, ...] = ("new-york", "weekends", "none")
#: How the last broken period is paid: on its own, or merged into the one before.
STUBS: tuple[str, ...] = ("short", "long")
#: The largest amount of money a term sheet may state.
MONEY_LIMIT = Decimal(10) ** 12

SCHEDULE_1 = "Schedule 1 (Form of Note) was omitted from the filing: ASSUMED"

_CYCLE = re.compile(r"^[1-9][0-9]*[MY]$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", re.ASCII)
#: ASCII digits only: Decimal would read Arabic-Indic or full-width digits too.
_DECIMAL = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$", re.ASCII)
_CENT = Decimal("0.01")


# --- validators ------------------------------------------------------------


def _path(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """The dotted key path of an attribute: its class's table, then its name."""
    return f"{getattr(instance, 'table', '?')}.{attribute.name}"


def _is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a date, in 1900-2100 (issue 10 item 5: a maturity in 9999 broke settlement)."""
    if type(value) is not date:
        raise TermsError(_path(instance, attribute), f"must be a date, not {_kind(value)}")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise TermsError(_path(instance, attribute),
                         f"must lie in {FIRST_YEAR}-{LAST_YEAR}, not {value.isoformat()}")


def _is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a date or None."""
    if value is not None:
        _is_date(instance, attribute, value)


def _is_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an amount of money: positive, at most 10^12, whole cents."""
    field = _path(instance, attribute)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TermsError(field, f"must be a decimal amount, not {_kind(value)}")
    if value <= 0:
        raise TermsError(field, f"must be more than zero, not {value}")
    if value > MONEY_LIMIT:
        raise TermsError(field, f"must not be over 10^12, not {value}")
    if value != value.quantize(_CENT):
        raise TermsError(field, f"must have at most two decimals, not {value}")


def _is_rate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a rate: a decimal in [0, 1)."""
    field = _path(instance, attribute)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TermsError(field, f"must be a decimal rate, not {_kind(value)}")
    if not 0 <= value < 1:
        raise TermsError(field, f"must be a decimal in [0, 1) (0.105 is 10.5%), not {value}")


def _is_optional_rate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a rate or None (left out)."""
    if value is not None:
        _is_rate(instance, attribute, value)


def _is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a boolean (true or false, not a number or a string)."""
    if not isinstance(value, bool):
        raise TermsError(_path(instance, attribute), f"must be true or false, not {_kind(value)}")


def _is_cycle(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an interest cycle: "<n>M" or "<n>Y"."""
    if not isinstance(value, str) or not _CYCLE.match(value):
        raise TermsError(
            _path(instance, attribute),
            f'must be "<n>M" or "<n>Y" (such as "6M" or "1Y"), not {_kind(value)}',
        )


def _one_of(choices: tuple[str, ...], what: str) -> Callable[[object, Any, object], None]:
    """A validator accepting only the given names."""
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Refuse a value not among the choices."""
        if not isinstance(value, str) or value not in choices:
            raise TermsError(
                _path(instance, attribute),
                f"unknown {what} {_kind(value)}: expected one of {', '.join(choices)}",
            )

    return check


def _unsigned_zero(value: Decimal) -> Decimal:
    """A rate written "-0" is the rate 0 (shown "0", never "-0"); anything else is kept."""
    if isinstance(value, Decimal) and value.is_zero() and value.is_signed():
        return value.copy_abs()
    return value


def _optional_unsigned_zero(value: Decimal | None) -> Decimal | None:
    """The same, for a rate that may be left out."""
    return None if value is None else _unsigned_zero(value)


def _cents(value: Decimal) -> Decimal:
    """Money in whole cents, when it is money; anything else is left for the validator."""
    if isinstance(value, Decimal) and value.is_finite() and abs(value) <= MONEY_LIMIT:
        cents = value.quantize(_CENT)
        if cents == value:
            return cents
    return value


def _add_months(day: date, months: int) -> date | None:
    """The day so many months on, clipped to the month's end; None past the year 9999."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if year > 9999:
        return None
    last = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    return date(year, month, min(day.day, last))


def cycle_months(cycle: str) -> int:
    """The length in months of an interest cycle such as "6M" or "1Y"."""
    return int(cycle[:-1]) * (12 if cycle.endswith("Y") else 1)


def _on_cycle(anchor: date, day: date, cycle: str) -> bool:
    """Whether `day` is the anchor plus whole cycles, each counted from the anchor."""
    months = cycle_months(cycle)
    count = 0
    while True:
        candidate = _add_months(anchor, count * months)
        if candidate is None or candidate > day:
            return False
        if candidate == day:
            return True
        count += 1


# --- the term sheet --------------------------------------------------------


@attrs.frozen
class DealTerms:
    """The deal: Closing Date (2.1), Purchase Price (1.1) and Transaction Fee (2.2)."""

    table: ClassVar[str] = "deal"

    closing_date: date = attrs.field(default=date(1997, 10, 27), validator=_is_date)
    purchase_price: Decimal = attrs.field(
        default=Decimal("7500000.00"), converter=_cents, validator=_is_money
    )
    transaction_fee: Decimal = attrs.field(
        default=Decimal("75000.00"), converter=_cents, validator=_is_money
    )


@attrs.frozen
class NoteTerms:
    """The Notes: principal, rate and maturity (1.1), and the ASSUMED terms of Schedule 1."""

    table: ClassVar[str] = "notes"

    principal: Decimal = attrs.field(
        default=Decimal("7500000.00"), converter=_cents, validator=_is_money
    )
    rate: Decimal = attrs.field(default=Decimal("0.105"), converter=_unsigned_zero,
                                validator=_is_rate)
    issue_date: date = attrs.field(default=date(1997, 10, 27), validator=_is_date)
    maturity: date = attrs.field(default=date(2000, 2, 1), validator=_is_date)
    first_interest_date: date = attrs.field(default=date(1998, 2, 1), validator=_is_date)
    cycle_anchor: date | None = attrs.field(default=None, validator=_is_optional_date)
    interest_cycle: str = attrs.field(default="6M", validator=_is_cycle)
    stub: str = attrs.field(default="short", validator=_one_of(STUBS, "stub"))
    day_count: str = attrs.field(default="30/360", validator=_one_of(DAY_COUNTS, "day count"))
    business_days: str = attrs.field(
        default="new-york", validator=_one_of(BUSINESS_DAYS, "business-day calendar")
    )
    #: Whether the Company may prepay principal before maturity (ASSUMED: no premium).
    prepayment: bool = attrs.field(default=False, validator=_is_bool)
    #: The rate on principal unpaid after maturity or acceleration (ASSUMED); None: `rate`.
    default_rate: Decimal | None = attrs.field(default=None, converter=_optional_unsigned_zero,
                                               validator=_is_optional_rate)

    @property
    def late_rate(self) -> Decimal:
        """The rate unpaid principal bears after maturity or acceleration (Schedule 1,
        ASSUMED): `default_rate`, or the note rate when the term sheet leaves it out."""
        return self.rate if self.default_rate is None else self.default_rate

    def __attrs_post_init__(self) -> None:
        """Check that the dates fit: issue, first interest date, maturity, in that order, and
        maturity early enough for its grace (Schedule 1 (b)) to end within 2100."""
        if self.maturity > LAST_MATURITY:
            raise TermsError(
                "notes.maturity",
                f"{self.maturity} must be on or before {LAST_MATURITY}, so that the 30 days' "
                f"grace of its interest (Schedule 1 (b)) ends within {LAST_YEAR}",
            )
        first = self.first_interest_date
        if first <= self.issue_date:
            raise TermsError(
                "notes.first_interest_date",
                f"{first} must be after notes.issue_date {self.issue_date}",
            )
        if first > self.maturity:
            raise TermsError(
                "notes.first_interest_date",
                f"{first} must not be after notes.maturity {self.maturity}",
            )
        anchor = self.cycle_anchor
        if anchor is not None:
            if anchor > first:
                raise TermsError(
                    "notes.cycle_anchor",
                    f"{anchor} must not be after notes.first_interest_date {first}",
                )
            if not _on_cycle(anchor, first, self.interest_cycle):
                raise TermsError(
                    "notes.first_interest_date",
                    f"{first} is not notes.cycle_anchor {anchor} plus whole "
                    f"{self.interest_cycle} cycles",
                )


def closing_date_problem(closing_date: date, notes: NoteTerms) -> str | None:
    """Why a Closing Date does not fit the Notes, or None when it does.

    The one check of a Closing Date against the rest of the terms, made by
    the term-sheet loader (`TermSheet`) and by an 8.4 amendment of the
    Closing Date (engine.rules.closing.amend) alike: a date in 1900-2100, and
    not after the Notes' maturity (Notes closed after they mature would be
    due before they exist).
    """
    if type(closing_date) is not date:
        return f"must be a date, not {_kind(closing_date)}"
    if not FIRST_YEAR <= closing_date.year <= LAST_YEAR:
        return f"must lie in {FIRST_YEAR}-{LAST_YEAR}, not {closing_date.isoformat()}"
    if closing_date > notes.maturity:
        return f"{closing_date} must not be after notes.maturity {notes.maturity}"
    return None


def _frozen_parties(parties: Mapping[str, Party]) -> Mapping[str, Party]:
    """The parties as a read-only mapping."""
    if not isinstance(parties, Mapping):
        raise TermsError("parties", "must map each role to its party")
    return FrozenMap(parties)


@attrs.frozen
class TermSheet:
    """Everything a deal is made from: the deal, the Notes and the parties."""

    deal: DealTerms = attrs.field(factory=DealTerms)
    notes: NoteTerms = attrs.field(factory=NoteTerms)
    parties: Mapping[str, Party] = attrs.field(default=PARTIES_1997, converter=_frozen_parties)

    def __attrs_post_init__(self) -> None:
        """Check the parts against each other: the Closing before maturity, every party."""
        if not isinstance(self.deal, DealTerms):
            raise TermsError("deal", f"must be DealTerms, not {_kind(self.deal)}")
        if not isinstance(self.notes, NoteTerms):
            raise TermsError("notes", f"must be NoteTerms, not {_kind(self.notes)}")
        problem = closing_date_problem(self.deal.closing_date, self.notes)
        if problem is not None:
            raise TermsError("deal.closing_date", problem)
        for role in self.parties:
            if role not in ROLES:
                raise TermsError(f"parties.{role}", f"unknown role: expected {_roles()}")
        for role in ROLES:
            if role not in self.parties:
                raise TermsError(f"parties.{role}", "missing: the template needs every role")
            _check_party(role, self.parties[role])


def _roles() -> str:
    """The roles, for a message."""
    return ", ".join(ROLES)


def _check_text(field: str, value: object, *, required: bool = True) -> None:
    """Refuse a value that is not a string, is blank when required, is over 10,000
    characters or holds control characters (`contract.printable`)."""
    if not isinstance(value, str):
        raise TermsError(field, f"must be a string, not {_kind(value)}")
    if required and not value.strip():
        raise TermsError(field, "must not be empty")
    if len(value) > MAX_TEXT:
        raise TermsError(field, f"is longer than {MAX_TEXT} characters")
    problem = control_character(value)
    if problem is not None:
        raise TermsError(field, problem)


def _check_address(field: str, address: object) -> None:
    """Refuse an address whose fields are not strings."""
    if not isinstance(address, Address):
        raise TermsError(field, f"must be an Address, not {_kind(address)}")
    _check_text(f"{field}.name", address.name)
    if not isinstance(address.lines, tuple):
        raise TermsError(
            f"{field}.lines", f"must be a tuple of strings, not {_kind(address.lines)}"
        )
    for index, line in enumerate(address.lines):
        _check_text(f"{field}.lines[{index}]", line, required=False)
    _check_text(f"{field}.attention", address.attention, required=False)
    _check_text(f"{field}.fax", address.fax, required=False)


def _check_party(role: str, party: object) -> None:
    """Refuse a party that does not fit its role."""
    field = f"parties.{role}"
    if not isinstance(party, Party):
        raise TermsError(field, f"must be a Party, not {_kind(party)}")
    if party.role != role:
        raise TermsError(f"{field}.role", f"is {party.role!r} under the key {role!r}")
    for name in ("name", "defined_term", "jurisdiction"):
        _check_text(f"{field}.{name}", getattr(party, name))
    # The Company and Purchaser receive notices (8.5) and sign (the signature
    # page); LCI does neither in this agreement.
    signs = role in ("company", "purchaser")
    for name in ("signatory", "title"):
        value = getattr(party, name)
        if value is None and signs:
            raise TermsError(f"{field}.{name}", "is required: the party signs the agreement")
        if value is not None:
            _check_text(f"{field}.{name}", value)
    if party.address is None:
        if signs:
            raise TermsError(f"{field}.address", "is required: notices go there (8.5)")
    else:
        _check_address(f"{field}.address", party.address)
    if not isinstance(party.copies, tuple):
        raise TermsError(f"{field}.copies", f"must be a tuple, not {_kind(party.copies)}")
    for index, copy in enumerate(party.copies):
        _check_address(f"{field}.copies[{index}]", copy)


#: The 1997 deal.
DEFAULT_TERMS = TermSheet()

#: The [notes] keys whose values come from the omitted Schedule 1, with the reason.
ASSUMED: Mapping[str, str] = FrozenMap(
    (f"notes.{key}", SCHEDULE_1)
    for key in (
        "first_interest_date",
        "cycle_anchor",
        "interest_cycle",
        "stub",
        "day_count",
        "business_days",
        "prepayment",
        "default_rate",
    )
)


# --- reading ---------------------------------------------------------------


def _kind(value: object) -> str:
    """A short description of a value for an error message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        cut = value if len(value) <= 40 else value[:37] + "..."
        return repr(cut)
    if isinstance(value, int | float | Decimal):
        return f"the number {shown(value)}"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return f"the date {value}"
    if isinstance(value, time):
        return "a time"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "an array"
    return f"a {type(value).__name__}"


def _to_date(value: object, field: str) -> date:
    """Read a TOML date or a YYYY-MM-DD string."""
    if type(value) is date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise TermsError(field, f"{value!r} is not a date on the calendar") from None
    raise TermsError(field, f"must be a date YYYY-MM-DD, not {_kind(value)}")


def _to_optional_date(value: object, field: str) -> date | None:
    """Read a date, or None."""
    return None if value is None else _to_date(value, field)


def _to_decimal(value: object, field: str, example: str) -> Decimal:
    """Read a decimal from a string or a number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return Decimal(value)
    raise TermsError(field, f'must be a decimal string such as "{example}", not {_kind(value)}')


def _to_money(value: object, field: str) -> Decimal:
    """Read an amount of money."""
    return _to_decimal(value, field, "7500000.00")


def _to_rate(value: object, field: str) -> Decimal:
    """Read a rate."""
    return _to_decimal(value, field, "0.105")


def _to_optional_rate(value: object, field: str) -> Decimal | None:
    """Read a rate, or None."""
    return None if value is None else _to_rate(value, field)


def _to_bool(value: object, field: str) -> bool:
    """Read a boolean: TOML true or false."""
    if not isinstance(value, bool):
        raise TermsError(field, f"must be true or false, not {_kind(value)}")
    return value


def _to_str(value: object, field: str) -> str:
    """Read a string."""
    if not isinstance(value, str):
        raise TermsError(field, f"must be a string, not {_kind(value)}")
    return value


def _to_optional_str(value: object, field: str) -> str | None:
    """Read a string, or None."""
    return None if value is None else _to_str(value, field)


def _to_lines(value: object, field: str) -> tuple[str, ...]:
    """Read an array of strings."""
    if not isinstance(value, list | tuple):
        raise TermsError(field, f"must be an array of strings, not {_kind(value)}")
    return tuple(_to_str(line, f"{field}[{index}]") for index, line in enumerate(value))


def _table(value: object, field: str) -> Mapping[str, object]:
    """Read a table."""
    if not isinstance(value, Mapping):
        raise TermsError(field, f"must be a table, not {_kind(value)}")
    for key in value:
        if not isinstance(key, str):
            raise TermsError(field, f"has a key that is not a string: {key!r}")
    return value


def _only(table: Mapping[str, object], field: str, known: tuple[str, ...]) -> None:
    """Refuse a key the table does not know."""
    for key in table:
        if key not in known:
            raise TermsError(f"{field}.{key}", f"unknown key: expected one of {', '.join(known)}")


class _Reader:
    """Reads one table: each key parsed if given, else kept from `base` (or refused)."""

    def __init__(self, table: Mapping[str, object], field: str, complete: bool) -> None:
        """Read `table`, found at `field`."""
        self.table, self.field, self.complete = table, field, complete

    def get(self, key: str, parse: Callable[[object, str], T], base: T,
            *, optional: bool = False) -> T:
        """The key read if given, else the base value (or refused, when data is complete,
        unless the key is `optional`: one added later, which older stored term sheets lack)."""
        if key in self.table:
            return parse(self.table[key], f"{self.field}.{key}")
        if self.complete and not optional:
            raise TermsError(f"{self.field}.{key}", "missing")
        return base

    def need(self, key: str, parse: Callable[[object, str], T]) -> T:
        """The key read; refused if left out."""
        if key not in self.table:
            raise TermsError(f"{self.field}.{key}", "missing")
        return parse(self.table[key], f"{self.field}.{key}")


_DEAL_KEYS = tuple(field.name for field in attrs.fields(DealTerms))
_NOTE_KEYS = tuple(field.name for field in attrs.fields(NoteTerms))
_PARTY_KEYS = ("name", "defined_term", "jurisdiction", "signatory", "title", "address", "copies")
_ADDRESS_KEYS = tuple(field.name for field in attrs.fields(Address))


def _address(value: object, field: str, base: Address | None, complete: bool) -> Address:
    """Read an address, keys left out kept from `base` if there is one."""
    table = _table(value, field)
    _only(table, field, _ADDRESS_KEYS)
    read = _Reader(table, field, complete)
    if base is None:
        # A new address stands on its own: it needs an addressee and its lines.
        return Address(
            name=read.need("name", _to_str),
            lines=read.need("lines", _to_lines),
            attention=read.get("attention", _to_str, ""),
            fax=read.get("fax", _to_str, ""),
        )
    return Address(
        name=read.get("name", _to_str, base.name),
        lines=read.get("lines", _to_lines, base.lines),
        attention=read.get("attention", _to_str, base.attention),
        fax=read.get("fax", _to_str, base.fax),
    )


def _party(value: object, role: str, base: Party, complete: bool) -> Party:
    """Read a party, keys left out kept from `base`."""
    field = f"parties.{role}"
    table = _table(value, field)
    _only(table, field, _PARTY_KEYS)
    read = _Reader(table, field, complete)

    def address(raw: object, path: str) -> Address | None:
        """Read the party's notice address, or None."""
        return None if raw is None else _address(raw, path, base.address, complete)

    def copies(raw: object, path: str) -> tuple[Address, ...]:
        """Read the copy recipients."""
        if not isinstance(raw, list | tuple):
            raise TermsError(path, f"must be an array of tables, not {_kind(raw)}")
        return tuple(
            _address(item, f"{path}[{index}]", None, complete) for index, item in enumerate(raw)
        )

    return Party(
        role=role,
        name=read.get("name", _to_str, base.name),
        defined_term=read.get("defined_term", _to_str, base.defined_term),
        jurisdiction=read.get("jurisdiction", _to_str, base.jurisdiction),
        address=read.get("address", address, base.address),
        copies=read.get("copies", copies, base.copies),
        signatory=read.get("signatory", _to_optional_str, base.signatory),
        title=read.get("title", _to_optional_str, base.title),
    )


def _from_data(data: object, *, complete: bool) -> TermSheet:
    """A TermSheet from plain data; `complete` data must give every key."""
    root = _table(data, "terms")
    for key in root:
        if key not in ("deal", "notes", "parties"):
            raise TermsError(key, "unknown table: expected deal, notes or parties")
    empty: Mapping[str, object] = {}

    def table_of(key: str) -> Mapping[str, object]:
        """The top-level table of that name, empty if left out."""
        if key in root:
            return _table(root[key], key)
        if complete:
            raise TermsError(key, "missing")
        return empty

    base = DEFAULT_TERMS
    deal_table = table_of("deal")
    _only(deal_table, "deal", _DEAL_KEYS)
    deal = _Reader(deal_table, "deal", complete)
    notes_table = table_of("notes")
    _only(notes_table, "notes", _NOTE_KEYS)
    notes = _Reader(notes_table, "notes", complete)
    parties_table = table_of("parties")
    for role in parties_table:
        if role not in ROLES:
            raise TermsError(f"parties.{role}", f"unknown table: expected one of {_roles()}")

    deal_terms = DealTerms(
        closing_date=deal.get("closing_date", _to_date, base.deal.closing_date),
        purchase_price=deal.get("purchase_price", _to_money, base.deal.purchase_price),
        transaction_fee=deal.get("transaction_fee", _to_money, base.deal.transaction_fee),
    )
    old = base.notes
    note_terms = NoteTerms(
        principal=notes.get("principal", _to_money, old.principal),
        rate=notes.get("rate", _to_rate, old.rate),
        issue_date=notes.get("issue_date", _to_date, old.issue_date),
        maturity=notes.get("maturity", _to_date, old.maturity),
        first_interest_date=notes.get("first_interest_date", _to_date, old.first_interest_date),
        cycle_anchor=notes.get("cycle_anchor", _to_optional_date, old.cycle_anchor),
        interest_cycle=notes.get("interest_cycle", _to_str, old.interest_cycle),
        stub=notes.get("stub", _to_str, old.stub),
        day_count=notes.get("day_count", _to_str, old.day_count),
        business_days=notes.get("business_days", _to_str, old.business_days),
        prepayment=notes.get("prepayment", _to_bool, old.prepayment, optional=True),
        default_rate=notes.get("default_rate", _to_optional_rate, old.default_rate,
                               optional=True),
    )
    parties: dict[str, Party] = {}
    for role in ROLES:
        if role in parties_table:
            parties[role] = _party(parties_table[role], role, base.parties[role], complete)
        elif complete:
            raise TermsError(f"parties.{role}", "missing")
        else:
            parties[role] = base.parties[role]
    return TermSheet(deal=deal_terms, notes=note_terms, parties=parties)


def load_terms(text: str) -> TermSheet:
    """Read a TOML term sheet; any key left out keeps the 1997 value.

    Raises:
        TermsError: the text is not TOML, or names an unknown table or key, or a
            value is of the wrong type, out of range, or does not fit the others.
    """
    if not isinstance(text, str):
        raise TermsError("terms", f"a term sheet is TOML text, not {_kind(text)}")
    check_toml_text(text)
    import tomllib  # here, not at import: only a term sheet needs it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TermsError("terms", f"not valid TOML: {' '.join(str(error).split())}") from None
    except RecursionError:  # pragma: no cover - check_toml_text bounds the nesting first
        raise TermsError("terms", "nested too deeply") from None
    return _from_data(data, complete=False)


def load_terms_file(path: str | Path) -> TermSheet:
    """Read a TOML term-sheet file (at most 64 KiB, read no further); see `load_terms`.

    Raises:
        TermsError: the file cannot be read, is too large, or is not a valid term sheet.
    """
    return load_terms(read_terms_text(path))


# --- writing ---------------------------------------------------------------


def _money_text(value: Decimal) -> str:
    """An amount as a string in whole cents."""
    return format(_cents(value), "f")


def _address_dict(address: Address) -> dict[str, Any]:
    """An address as plain data."""
    return {
        "name": address.name,
        "lines": list(address.lines),
        "attention": address.attention,
        "fax": address.fax,
    }


def _party_dict(party: Party) -> dict[str, Any]:
    """A party as plain data."""
    return {
        "name": party.name,
        "defined_term": party.defined_term,
        "jurisdiction": party.jurisdiction,
        "signatory": party.signatory,
        "title": party.title,
        "address": None if party.address is None else _address_dict(party.address),
        "copies": [_address_dict(copy) for copy in party.copies],
    }


def terms_to_dict(terms: TermSheet) -> dict[str, Any]:
    """The term sheet as a JSON-safe dict: dates as ISO strings, amounts and rates as strings."""
    deal, notes = terms.deal, terms.notes
    return {
        "deal": {
            "closing_date": deal.closing_date.isoformat(),
            "purchase_price": _money_text(deal.purchase_price),
            "transaction_fee": _money_text(deal.transaction_fee),
        },
        "notes": {
            "principal": _money_text(notes.principal),
            "rate": format(notes.rate, "f"),
            "issue_date": notes.issue_date.isoformat(),
            "maturity": notes.maturity.isoformat(),
            "first_interest_date": notes.first_interest_date.isoformat(),
            "cycle_anchor": None if notes.cycle_anchor is None else notes.cycle_anchor.isoformat(),
            "interest_cycle": notes.interest_cycle,
            "stub": notes.stub,
            "day_count": notes.day_count,
            "business_days": notes.business_days,
            "prepayment": notes.prepayment,
            "default_rate": None if notes.default_rate is None else format(notes.default_rate, "f"),
        },
        "parties": {role: _party_dict(party) for role, party in terms.parties.items()},
    }


def terms_from_dict(data: Mapping[str, Any]) -> TermSheet:
    """The term sheet that `terms_to_dict` wrote; every key must be there.

    Raises:
        TermsError: a key is missing or unknown, or a value does not fit.
    """
    return _from_data(data, complete=True)


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def _toml_string(value: str) -> str:
    """A TOML basic string."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_lines(lines: tuple[str, ...]) -> str:
    """A TOML array of strings."""
    return "[" + ", ".join(_toml_string(line) for line in lines) + "]"


def _toml_address(address: Address) -> list[str]:
    """The key lines of an address's TOML table."""
    return [
        f"name = {_toml_string(address.name)}",
        f"lines = {_toml_lines(address.lines)}",
        f"attention = {_toml_string(address.attention)}",
        f"fax = {_toml_string(address.fax)}",
    ]


def dump_toml(terms: TermSheet) -> str:
    """The term sheet as a TOML file that `load_terms` reads back to an equal TermSheet."""
    deal, notes = terms.deal, terms.notes
    assumed = f"  # {SCHEDULE_1}"
    out = [
        "# Term sheet of a Note Purchase Agreement deal.",
        "",
        "[deal]",
        f"closing_date = {deal.closing_date.isoformat()}",
        f'purchase_price = "{_money_text(deal.purchase_price)}"',
        f'transaction_fee = "{_money_text(deal.transaction_fee)}"',
        "",
        "[notes]",
        f'principal = "{_money_text(notes.principal)}"',
        f'rate = "{format(notes.rate, "f")}"',
        f"issue_date = {notes.issue_date.isoformat()}",
        f"maturity = {notes.maturity.isoformat()}",
        f"first_interest_date = {notes.first_interest_date.isoformat()}{assumed}",
    ]
    if notes.cycle_anchor is None:
        out.append("# cycle_anchor left out: cycles are counted from first_interest_date")
    else:
        out.append(f"cycle_anchor = {notes.cycle_anchor.isoformat()}{assumed}")
    out += [
        f"interest_cycle = {_toml_string(notes.interest_cycle)}{assumed}",
        f"stub = {_toml_string(notes.stub)}{assumed}",
        f"day_count = {_toml_string(notes.day_count)}{assumed}",
        f"business_days = {_toml_string(notes.business_days)}{assumed}",
        f"prepayment = {str(notes.prepayment).lower()}{assumed}",
    ]
    if notes.default_rate is None:
        out.append("# default_rate left out: unpaid principal bears the note rate")
    else:
        out.append(f'default_rate = "{format(notes.default_rate, "f")}"{assumed}')
    for role, party in terms.parties.items():
        out += [
            "",
            f"[parties.{role}]",
            f"name = {_toml_string(party.name)}",
            f"defined_term = {_toml_string(party.defined_term)}",
            f"jurisdiction = {_toml_string(party.jurisdiction)}",
        ]
        # Left out, signatory, title and address keep the 1997 value, which
        # for LCI is none: only the guarantor may lack them (TermSheet checks).
        if party.signatory is not None:
            out.append(f"signatory = {_toml_string(party.signatory)}")
        if party.title is not None:
            out.append(f"title = {_toml_string(party.title)}")
        if not party.copies:
            out.append("copies = []")
        if party.address is not None:
            out += ["", f"[parties.{role}.address]", *_toml_address(party.address)]
        for copy in party.copies:
            out += ["", f"[[parties.{role}.copies]]", *_toml_address(copy)]
    return "\n".join(out) + "\n"
