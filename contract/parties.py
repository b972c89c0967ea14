"""The parties: who they are, where notices go (8.5), and who signed (the signature page).

The Company and Purchaser are named in the preamble, their notice addresses and
copy recipients are in 8.5, and their signatories on the signature page. LCI,
the Company's subsidiary that guarantees the Notes (3.3, 5.1(c)), signs no
part of this agreement and has no notice address in 8.5.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from contract._frozen import FrozenMap

#: The roles a party can hold under the agreement.
ROLES: tuple[str, ...] = ("company", "purchaser", "guarantor")


@attrs.frozen
class Address:
    """A notice address as 8.5 prints it: addressee, street lines, attention, facsimile."""

    name: str
    lines: tuple[str, ...]
    attention: str
    fax: str


@attrs.frozen
class Party:
    """A party to the deal: its role, name, defined term, address for notices and signatory."""

    role: str
    name: str
    defined_term: str
    jurisdiction: str
    address: Address | None
    copies: tuple[Address, ...]
    signatory: str | None
    title: str | None


COMPANY_1997 = Party(
    role="company",
    name="Lexington Precision Corporation",
    defined_term="the Company",
    jurisdiction="Delaware",
    address=Address(
        name="Lexington Precision Corporation",
        lines=("767 Third Avenue", "29th Floor", "New York, New York 10017-2023"),
        attention="President",
        fax="(212) 319-4659",
    ),
    copies=(
        Address(
            name="Nixon, Hargrave, Devans & Doyle LLP",
            lines=("437 Madison Avenue", "New York, New York 10022"),
            attention="Richard F. Langan, Jr.",
            fax="(212) 940-3740",
        ),
    ),
    signatory="Warren Delano",
    title="President",
)

PURCHASER_1997 = Party(
    role="purchaser",
    name="Nomura Holding America, Inc.",
    defined_term="Purchaser",
    jurisdiction="Delaware",
    address=Address(
        name="Nomura Holding America, Inc.",
        lines=(
            "Special Situations Group",
            "21st Floor",
            "Two World Financial Center",
            "New York, New York 10281-1198",
        ),
        attention="Mr. Thomas Fuller",
        fax="(212) 667-1708",
    ),
    copies=(
        Address(
            name="Robinson, Silverman, Pearce, Aronsohn & Berman LLP",
            lines=("1290 Avenue of the Americas", "New York, New York 10104-0053"),
            attention="Thomas Moers Mayer",
            fax="(212) 541-4630",
        ),
    ),
    signatory="Dennis Dolan",
    title="Managing Director",
)

GUARANTOR_1997 = Party(
    role="guarantor",
    name="Lexington Components, Inc.",
    defined_term="LCI",
    jurisdiction="Delaware",
    address=None,
    copies=(),
    signatory=None,
    title=None,
)

#: The parties of the 1997 deal, by role.
PARTIES_1997: Mapping[str, Party] = FrozenMap(
    {party.role: party for party in (COMPANY_1997, PURCHASER_1997, GUARANTOR_1997)}
)
