"""What each placeholder type of the vocabulary accepts, in words: the values of a
closed list (`<Party>`, `<State>`, `<Method>`) or the forms of an open one
(`<Date>`, `<Time>`, `<Money>`), for `npa steps` and for the runner's
suggestions when a value does not fit.

A type may say it itself with an `accepts` attribute (a tuple of strings);
otherwise a closed list is read off its pattern, and the forms below cover the
open ones. A type none of these describe is shown by its example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from features.steps.types import PARTIES, STATES, TYPES

#: The forms of the open placeholder types, each an example or a description.
FORMS: Mapping[str, tuple[str, ...]] = {
    "Party": tuple(PARTIES),
    "State": STATES,
    "Date": ("October 27, 1997 (the month in words, the day, a comma, the year)",
             "1997-10-27"),
    "Time": ("10:00 (New York time, 24-hour clock)", "09:30:15", "11:59 PM", "9:05 a.m.",
             "01:30 EDT, 01:30 EST or 01:30 -05:00 (where the clocks change, which one)"),
    "Money": ("$7,500,000.00", "$75,000", "$68541.66 (dollars, and at most two decimals)"),
    "Section": ("5.1(d)", "2.1", "8.10(a)", "the signature page", "Schedule 1",
                "Schedule 1 (c)"),
    "Sections": ("5.1(d) and 5.2(b)", "5.1(b), 5.1(d) and 5.2(b)"),
    "Holder": (*PARTIES, "a transferee by its name, in capitalised words: Acme Bank",
               "any legal name in double quotes: \"3M Company\", \"de Vries Capital B.V.\""),
    "Holders": ("Acme Bank and Beta Capital (Holders joined by and)",),
    "Particulars": ("addressed to <address>", "to facsimile number <number>",
                    "with a copy to <name>", "with no copy to <name>",
                    "without return receipt requested", "with no confirmation of transmission",
                    "with no time of delivery", "with no postmark",
                    "(several, each after a comma)"),
    "Report": ("the annual report for 1997",
               "the quarterly report for the quarter ended September 30, 1997 "
               "(March 31, June 30 or September 30)"),
    "Default": ("Schedule 1 (a)", "Schedule 1 (b)", "Schedule 1 (c)", "Schedule 1 (d)",
                "Schedule 1 (e)"),
    "Number": ("a whole number: 2",),
}


def _closed_list(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern that is only a list of alternatives, else None."""
    words = []
    for piece in pattern.split("|"):
        word = re.sub(r"\\(.)", r"\1", piece)
        if re.escape(word) != piece and word != piece:
            return None
        if re.search(r"[()\[\]{}*+?^$\\]", word):
            return None
        words.append(word)
    return tuple(sorted(words, key=lambda w: (len(w), w))) if words else None


def accepts(name: str) -> tuple[str, ...]:
    """The values or forms a placeholder type accepts, in the words a feature uses."""
    convert: Callable[[str], Any] = TYPES[name]
    own = getattr(convert, "accepts", None)
    if own:
        return tuple(own)
    if name in FORMS:
        return FORMS[name]
    closed = _closed_list(getattr(convert, "pattern", ""))
    if closed:
        return closed
    return (str(getattr(convert, "example", name)),)


def placeholder_types() -> list[dict[str, Any]]:
    """Every placeholder type: its name as steps write it, an example, and what it accepts."""
    return [{"name": name, "placeholder": f"<{name}>",
             "example": str(getattr(convert, "example", "")),
             "accepts": list(accepts(name))}
            for name, convert in TYPES.items()]


def fits(name: str, value: str) -> bool:
    """Whether a value has the shape of that placeholder type."""
    pattern = getattr(TYPES[name], "pattern", None)
    return pattern is None or re.fullmatch(f"(?:{pattern})", value) is not None



def render_vocabulary(data: Mapping[str, Any]) -> str:
    """`npa steps` for people: every step, then every placeholder with what it accepts."""
    lines = [f"{s['keyword']:5} {s['pattern']}" for s in data["steps"]]
    lines += ["", "Placeholders:"]
    for kind in data["placeholders"]:
        lines.append(f"  {kind['placeholder']}")
        lines += [f"      {value}" for value in kind["accepts"]]
    return "\n".join(lines)


__all__ = ["FORMS", "accepts", "fits", "placeholder_types", "render_vocabulary"]
