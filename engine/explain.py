"""Reasons: why an action is refused, each citing its section and quoting the clause.

A refusal is a value, not an exception: why-not lists every obstacle at once.
The clause text is stored once, in `contract`, and looked up here.
"""

from __future__ import annotations

import attrs

from contract import UnknownSection, clause_text

#: Text for what the agreement cites but does not print (Schedule 1 was omitted).
_NOT_IN_THE_FILING = {
    "Schedule 1": "Schedule 1 (Form of Note) was omitted from the filing; its terms are "
                  "ASSUMED (PRODUCT.md section 3) and live in the term sheet.",
    "time passing": "The engine processes actions in time order (PRODUCT.md section 5).",
}


@attrs.frozen
class Reason:
    """One obstacle to an action: the section, a one-line message, the clause text."""

    section: str
    message: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """The reason as `act --json` prints it."""
        return {"section": self.section, "message": self.message, "text": self.text}


def quote(section: str) -> str:
    """The clause text of a section, as the agreement prints it."""
    if section in _NOT_IN_THE_FILING:
        return _NOT_IN_THE_FILING[section]
    try:
        return clause_text(section)
    except UnknownSection:
        return ""


def refusal(section: str, message: str) -> Reason:
    """A Reason citing `section`, with its clause text taken from `contract`."""
    return Reason(section=section, message=message, text=quote(section))
