"""Reasons: why an action is refused, each citing its section and quoting the clause.

A refusal is a value, not an exception: why-not lists every obstacle at once.
The clause text is stored once, in `contract`, and looked up here.
"""

from __future__ import annotations

import re

import attrs

from contract import UnknownSection, clause_text, schedule_1_text
from engine.views import ReasonView

#: The engine's own rule that actions come in time order (no section of the agreement).
TIME_ORDER = "time order"

#: Text for what is cited but is no clause of the agreement.
_NOT_IN_THE_AGREEMENT = {
    "time passing": "The engine processes actions in time order (PRODUCT.md section 5).",
    TIME_ORDER: "The engine takes a deal's actions in time order: an action dated before "
                "the deal's clock (its latest recorded instant) is refused, whatever "
                "section it rests on (PRODUCT.md section 5).",
}


@attrs.frozen
class Reason:
    """One obstacle to an action: the section, a one-line message, the clause text."""

    section: str
    message: str
    text: str

    def to_dict(self) -> ReasonView:
        """The reason as `act --json` prints it; `page` is the clause's anchor on `npa page`."""
        return {"section": self.section, "message": self.message, "text": self.text,
                "page": "#" + page_anchor(self.section)}


def page_anchor(section: str) -> str:
    """The id of a section's clause on the page of `npa page`: "5.1(d)" is "section-5-1-d"."""
    return "section-" + "-".join(re.findall(r"[a-z0-9]+", section.lower()))


def quote(section: str) -> str:
    """The clause text of a section, as the agreement prints it."""
    if section in _NOT_IN_THE_AGREEMENT:
        return _NOT_IN_THE_AGREEMENT[section]
    assumed = schedule_1_text(section)
    if assumed is not None:
        return assumed
    try:
        return clause_text(section)
    except UnknownSection:
        return ""


def refusal(section: str, message: str) -> Reason:
    """A Reason citing `section`, with its clause text taken from `contract`."""
    return Reason(section=section, message=message, text=quote(section))
