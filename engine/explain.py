"""Reasons: why an action is refused, each citing its section and quoting the clause.

A refusal is a value, not an exception: why-not lists every obstacle at once.
The clause text is stored once, in `contract`, and looked up here.
"""

from __future__ import annotations

import functools
import re

import attrs

from contract import UnknownSection, clause_text, schedule_1_text
from engine.plain import Plain
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


@attrs.frozen(eq=False, repr=False)
class Reason(Plain):
    """One obstacle to an action: the section, a one-line message, the clause text.

    `text` may be left out (`refusal` does): it is then quoted from the agreement on
    first read. Most reasons are never read (the lifecycle asks each automatic move's
    guard after every action, and an accepted action shows none), and quoting parses the
    agreement, which was a good part of an `npa act` (README, benchmarks). Equality,
    hashing and `repr` are over the section, the message and the text, as before.
    """

    section: str
    message: str
    _text: str | None = attrs.field(default=None, alias="text")

    @property
    def text(self) -> str:
        """The clause text of `section` (quoted on first read when not given)."""
        text = self._text
        if text is None:
            text = quote(self.section)
            object.__setattr__(self, "_text", text)
        return text

    def _values(self) -> tuple[str, str, str]:
        """Equality and hashing (`Plain`) compare the quoted text, not whether it was given."""
        return (self.section, self.message, self.text)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(section={self.section!r}, message={self.message!r}, "
                f"text={self.text!r})")

    def to_dict(self) -> ReasonView:
        """The reason as `act --json` prints it; `page` is the clause's anchor on `npa page`."""
        return {"section": self.section, "message": self.message, "text": self.text,
                "page": "#" + page_anchor(self.section)}


def page_anchor(section: str) -> str:
    """The id of a section's clause on the page of `npa page`: "5.1(d)" is "section-5-1-d"."""
    return "section-" + "-".join(re.findall(r"[a-z0-9]+", section.lower()))


@functools.lru_cache(maxsize=2048)
def quote(section: str) -> str:
    """The clause text of a section, as the agreement prints it (each section's looked up
    once: the agreement does not change while the engine runs)."""
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
    """A Reason citing `section`, with its clause text taken from `contract` (on first
    read of its `text`)."""
    return Reason(section=section, message=message)
