"""Section 5: the conditions to each side's obligations at the Closing.

5.1 lists the conditions that protect the Purchaser, 5.2 those that protect
the Company; each side's obligations are "at the option of" the protected
party subject to them, so only that party may waive one. A condition is of
one of three kinds:

- "delivery": met when the party or parties in `delivered_by` deliver it
  (a certificate, an opinion, the consents);
- "absence": met unless something is recorded against it (a
  misrepresentation or unperformed covenant, a pending or threatened
  proceeding, an instrument requested and not delivered);
- "settlement": met at the Closing itself, by the exchange that 1.2 and 2.2
  describe (the Notes and Guarantee, the Transaction Fee, the Purchase Price).

5.1(c) and 5.2(c) cannot be waived: they are the exchange itself under 1.2,
the very thing the Closing does, not a protection that either side can give up.

The officer's certificates of 5.1(b) and 5.2(b) are "dated the Closing Date"
(`dated`): one delivered on another day does not meet the condition, and one
delivered for a Closing Date later moved under 8.4 does not serve the new date.
"""

from __future__ import annotations

import attrs

from contract._frozen import FrozenMap
from contract.clauses import clause
from contract.text import UnknownSection

KINDS: tuple[str, ...] = ("delivery", "absence", "settlement")


@attrs.frozen
class Condition:
    """A condition of 5.1 or 5.2: whom it protects, how it is met, and whether it can be waived."""

    section: str
    protects: str
    kind: str
    delivered_by: tuple[str, ...]
    waivable: bool
    #: Whether what meets it is "dated the Closing Date" (5.1(b), 5.2(b)).
    dated: bool = False

    @property
    def heading(self) -> str:
        """The heading the agreement prints for it ("Opinion of Counsel")."""
        return clause(self.section).heading


def _condition(
    section: str, kind: str, delivered_by: tuple[str, ...] = (), waivable: bool = True,
    dated: bool = False,
) -> Condition:
    """Build a Condition, its heading and protected party taken from the section."""
    return Condition(
        section=section,
        protects="purchaser" if section.startswith("5.1") else "company",
        kind=kind,
        delivered_by=delivered_by,
        waivable=waivable,
        dated=dated,
    )


#: The conditions of 5.1(a)-(h) and 5.2(a)-(f), in the agreement's order.
CONDITIONS: tuple[Condition, ...] = (
    _condition("5.1(a)", "absence"),
    _condition("5.1(b)", "delivery", ("company",), dated=True),
    _condition("5.1(c)", "settlement", waivable=False),
    _condition("5.1(d)", "delivery", ("company",)),
    _condition("5.1(e)", "absence"),
    _condition("5.1(f)", "delivery", ("company", "purchaser")),
    _condition("5.1(g)", "settlement"),
    _condition("5.1(h)", "absence"),
    _condition("5.2(a)", "absence"),
    _condition("5.2(b)", "delivery", ("purchaser",), dated=True),
    _condition("5.2(c)", "settlement", waivable=False),
    _condition("5.2(d)", "absence"),
    _condition("5.2(e)", "delivery", ("company", "purchaser")),
    _condition("5.2(f)", "absence"),
)

_BY_SECTION: FrozenMap[str, Condition] = FrozenMap((c.section, c) for c in CONDITIONS)

#: The conditions to be met before the Closing (deliveries and absences), in order.
PRE_CLOSING: tuple[str, ...] = tuple(c.section for c in CONDITIONS if c.kind != "settlement")

#: The conditions met by the Closing itself, in order.
SETTLEMENT: tuple[str, ...] = tuple(c.section for c in CONDITIONS if c.kind == "settlement")


def condition(section: str) -> Condition:
    """The condition of 5.1 or 5.2 at a section key such as "5.1(d)".

    Raises:
        UnknownSection: the section is not one of the conditions.
    """
    try:
        return _BY_SECTION[section]
    except KeyError:
        raise UnknownSection(section) from None
