"""Money: exact dollars and cents, never floats (PRODUCT.md section 6)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from contract.printable import shown
from engine.errors import InvalidAction

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal(10) ** 12
#: ASCII digits only: "١٢٣" and full-width "７５００" are digits to Python, not money here.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)
#: The same with an exponent: refused with the same words as a JSON number so written.
_EXPONENT = re.compile(r"-?[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+", re.ASCII)


class WrittenWithExponent(Decimal):
    """A JSON number written with an exponent ("1E+3"), as `parse_json` reads one: text
    that is not how an amount is written, refused like the string "1E+3"."""


def parse_money(value: object, field: str) -> Decimal:
    """Read an amount in dollars: a decimal string or number, at most two decimals.

    An amount is written in ASCII digits, with an optional "." and cents:
    digits of other scripts (Arabic-Indic "١٢٣", full-width "７５００") are refused,
    though `Decimal` would read them, and so is an exponent ("1E+3", "1e3"), as a
    string or as a JSON number. A Python `int` or `Decimal` is a value, not writing,
    and is taken by value whatever its exponent (`Decimal("1000.00").normalize()` is
    `Decimal("1E+3")`: 1000.00).

    Raises:
        InvalidAction: naming `field`, for floats (their inexactness is never guessed
            at), other digits, fractions of a cent, negatives and amounts over 10^12.
    """
    if isinstance(value, bool | float):
        raise InvalidAction("amounts are exact decimals: write them as strings, "
                            "like \"7500000.00\"", field=field)
    if isinstance(value, WrittenWithExponent) or (
            isinstance(value, str) and _EXPONENT.fullmatch(value.strip(" "))):
        raise InvalidAction(f"write amounts in digits without an exponent, like \"1000.00\", "
                            f"not {_show(str(value))}", field=field)
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip(" ")):
        try:
            amount = Decimal(value.strip(" "))
        except InvalidOperation:  # pragma: no cover - the pattern already checked
            raise InvalidAction(f"not an amount: {shown(value)}", field=field) from None
    else:
        raise InvalidAction(f"not an amount: {shown(value)}", field=field)
    if not amount.is_finite():
        raise InvalidAction("not a finite amount", field=field)
    if amount < 0:
        raise InvalidAction("amounts cannot be negative", field=field)
    if amount > MAX_AMOUNT:
        raise InvalidAction("amounts are at most 1000000000000.00", field=field)
    if amount != amount.quantize(CENT):
        written = value if isinstance(value, str) else str(amount)  # a Decimal as digits
        raise InvalidAction(f"{_show(written)} has fractions of a cent", field=field)
    return amount.quantize(CENT)


def _show(value: object) -> str:
    """A user's value on one short line, for an error message."""
    return " ".join(shown(value, 80).strip("'").split())[:40]


def dollars(amount: Decimal) -> str:
    """An amount as the agreement would print it: $7,500,000.00."""
    return f"${amount:,.2f}"
