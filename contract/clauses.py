"""Clauses: every section of the agreement with its heading, and whether it is operative.

Headings are the agreement's own. A numbered section takes its heading from the
table of contents ("Litigation, etc."); a lettered paragraph whose body prints
a heading in capitals takes it in title case ("OPINION OF COUNSEL." becomes
"Opinion of Counsel"); "3" and "6" take their section's title. The few pieces
with no printed heading (6.1(a), 6.2(a)(i), ...) get a short descriptive one,
written here in `_WRITTEN_HEADINGS`.

Every clause is operative but 8.11 Titles and 8.14 Counterparts. The preamble
is kept operative: beside its recitals it names the parties, defines "the
Company" and "Purchaser", and holds the words of agreement ("the parties
hereto, intending to be legally bound hereby, agree as follows").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from contract._frozen import FrozenMap
from contract._parse import agreement
from contract.parties import ROLES
from contract.text import UnknownSection, clause_text


@attrs.frozen
class Clause:
    """A section or paragraph of the agreement: its heading, its text, and its effect."""

    section: str
    heading: str
    text: str
    operative: bool
    why_not_operative: str | None
    parent: str | None


_WRITTEN_HEADINGS: Mapping[str, str] = FrozenMap(
    {
        "preamble": "Preamble and Recitals",
        "3.7(a)": "No Governmental Approval Required",
        "3.7(b)": "Securities Law Approvals",
        "6.1(a)": "Annual Financial Statements",
        "6.1(b)": "Quarterly Financial Statements",
        "6.1(c)": "Special or Interim Audit Reports",
        "6.1(d)": "Reports to Stockholders and Commission Filings",
        "6.1(e)": "Other Information Requested",
        "6.2(a)": "Information and Inspection Rights of the Holders",
        "6.2(a)(i)": "Notice of Default or Proceedings",
        "6.2(a)(ii)": "Inspection of Properties",
        "6.2(a)(iii)": "Examination of Books and Records",
        "6.2(b)": "Maintenance and Compliance",
        "6.2(b)(i)": "Maintenance of Properties",
        "6.2(b)(ii)": "Compliance with Laws",
        "6.2(b)(iii)": "Payment of Taxes",
        "6.2(b)(iv)": "Insurance",
        "7.2(a)": "The Legend",
        "7.2(b)": "Removal of the Legend",
        "8.1(a)": "Governing Law",
        "8.1(b)": "Consent to Forum",
        "8.7(a)": "Brokers of the Company",
        "8.7(b)": "Brokers of Purchaser",
        "8.10(a)": "Indemnification by the Company",
        "8.10(b)": "Indemnification by Purchaser",
        "signature page": "Signature Page",
    }
)

_NOT_OPERATIVE: Mapping[str, str] = FrozenMap(
    {
        "8.11": (
            "the titles are for convenience of reference only and are not to be "
            "considered in construing this Agreement"
        ),
        "8.14": (
            "execution in counterparts has no effect on the parties' rights once the "
            "agreement is signed"
        ),
    }
)

_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to", "upon", "with"})


def _title_case(printed: str) -> str:
    """A heading printed in capitals, in title case, its closing period dropped."""
    words = printed.split(" ")
    if words and words[-1].endswith(".") and words[-1] != "ETC.":
        words[-1] = words[-1][:-1]
    titled = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index > 0 and lower in _SMALL_WORDS:
            titled.append(lower)
        else:
            titled.append(lower[:1].upper() + lower[1:])
    return " ".join(titled)


def _heading(section: str) -> str:
    """The heading of a section: the TOC, the section title, the printed one or ours."""
    parsed = agreement()
    unit = next(unit for unit in parsed.units if unit.key == section)
    written = _WRITTEN_HEADINGS.get(section)
    if section in parsed.toc:
        printed = parsed.toc[section]
    elif section in parsed.titles:
        printed = parsed.titles[section]
    elif unit.printed_heading:
        printed = _title_case(unit.printed_heading)
    elif written is not None:
        return written
    else:
        raise AssertionError(f"section {section} has no heading, printed or written")
    if written is not None:
        raise AssertionError(f"section {section} has a printed heading; do not write one")
    return printed


def _clause(section: str) -> Clause:
    """Build the Clause for a section key."""
    reason = _NOT_OPERATIVE.get(section)
    return Clause(
        section=section,
        heading=_heading(section),
        text=clause_text(section),
        operative=reason is None,
        why_not_operative=reason,
        parent=next(unit.parent for unit in agreement().units if unit.key == section),
    )


@functools.cache
def _clauses() -> Mapping[str, Clause]:
    """Every clause by section key (built on first use, then kept)."""
    return FrozenMap((section, _clause(section)) for section in _sections())


def _sections() -> tuple[str, ...]:
    """Every section key of the agreement, in document order."""
    from contract import text

    return text.SECTIONS


#: Every clause of the agreement, keyed as in `contract.text.SECTIONS`, in document
#: order. Read lazily (PEP 562), like SECTIONS.
CLAUSES: Mapping[str, Clause]


def __getattr__(name: str) -> object:
    """The module's lazily built constants (CLAUSES)."""
    if name == "CLAUSES":
        return _clauses()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clause(section: str) -> Clause:
    """The clause for a section key such as "5.1(d)".

    Raises:
        UnknownSection: the agreement has no such section.
    """
    try:
        return _clauses()[section]
    except KeyError:
        raise UnknownSection(section) from None


_PARAGRAPH_SUFFIX = re.compile(r"^(\d+\.\d+)\(")


def head_of(section: str) -> str:
    """The numbered section a paragraph belongs to: "5.1(d)" -> "5.1", "6.2(a)(ii)" -> "6.2".

    Any other key ("5.1", "3", "preamble") is returned as it is.
    """
    match = _PARAGRAPH_SUFFIX.match(section)
    return match.group(1) if match else section


# Each entry: the section, and the words of the agreement that make it a
# representation (or an agreement) of that party.
_REPRESENTATIONS: Mapping[str, tuple[tuple[str, str], ...]] = FrozenMap(
    {
        "company": (
            *((f"3.{n}", "The Company hereby represents and warrants to Purchaser as follows:")
              for n in range(1, 20)),
            ("8.7(a)", "The Company represents, warrants and agrees"),
        ),
        "purchaser": (
            ("4.1", "Purchaser hereby represents and warrants to the Company"),
            ("4.2", "Purchaser represents to the Company"),
            ("4.3", "Purchaser represents that"),
            ("4.4", "Purchaser represents that"),
            ("8.7(b)", "Purchaser represents, warrants and agrees"),
        ),
        "guarantor": (),
    }
)

_AGREEMENTS: Mapping[str, tuple[tuple[str, str], ...]] = FrozenMap(
    {
        "company": (
            ("1.2", "the Company shall sell to Purchaser"),
            ("2.2", "the Company shall deliver instruments"),
            ("6.1", "The Company hereby covenants and agrees"),
            ("6.2", "The Company hereby covenants and agrees"),
            ("6.3", "the Company shall ensure that the Surviving Corporation shall assume"),
            ("8.7(a)", "The Company represents, warrants and agrees"),
            ("8.9", "the Company will pay the reasonable legal fees"),
            ("8.10(a)", "The Company shall indemnify, defend and hold Purchaser harmless"),
        ),
        "purchaser": (
            ("1.2", "Purchaser shall purchase from the Company"),
            ("4.3", "it will sell, transfer, or otherwise dispose of the Notes only in a manner"),
            ("8.7(b)", "Purchaser represents, warrants and agrees"),
            ("8.8", "Purchaser will not use such confidential or proprietary information"),
            ("8.10(b)", "Purchaser shall indemnify, defend and hold the Company harmless"),
        ),
        "guarantor": (),
    }
)


def _role(role: str) -> str:
    """The role, refused unless it is one of ROLES."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: expected one of {', '.join(ROLES)}")
    return role


def representations_of(role: str) -> tuple[str, ...]:
    """The sections holding the representations and warranties of "company" or "purchaser".

    The Company's are 3.1 to 3.19 (section 3 opens "The Company hereby represents
    and warrants to Purchaser as follows:") and 8.7(a) ("The Company represents,
    warrants and agrees" that there is no broker). The Purchaser's are 4.1 to
    4.4 (4.1 "represents and warrants", 4.2 to 4.4 "represents") and 8.7(b).
    The guarantor, LCI, is no party to this agreement and makes none.

    Raises:
        ValueError: the role is not "company", "purchaser" or "guarantor".
    """
    return tuple(section for section, _ in _REPRESENTATIONS[_role(role)])


def agreements_of(role: str) -> tuple[str, ...]:
    """The sections holding the covenants and agreements of "company" or "purchaser".

    The Company: 1.2 and 2.2 (it "shall sell" and "shall deliver" the Notes),
    6.1 and 6.2 (section 6 opens "The Company hereby covenants and agrees"), 6.3
    (it "shall ensure" the Surviving Corporation assumes its obligations), 8.7(a)
    ("represents, warrants and agrees"), 8.9 (it "will pay" Purchaser's counsel)
    and 8.10(a) (it "shall indemnify"). The Purchaser: 1.2 (it "shall purchase"),
    4.3 (its last sentence: "it will sell, transfer, or otherwise dispose of the
    Notes only in a manner consistent with" 4.1), 8.7(b), 8.8 (it "will not use"
    confidential information) and 8.10(b) (it "shall indemnify").

    Raises:
        ValueError: the role is not "company", "purchaser" or "guarantor".
    """
    return tuple(section for section, _ in _AGREEMENTS[_role(role)])


def whose_representation(section: str) -> str | None:
    """Whose representation a section is ("company" for "3.6", "purchaser" for "4.1"), or None.

    A paragraph counts as its section's: "3.7(b)" is the Company's. A section
    that holds no representation, or is no section at all, gives None.
    """
    candidates = [section]
    clauses = _clauses()
    parent = clauses[section].parent if section in clauses else None
    while parent is not None:
        candidates.append(parent)
        parent = clauses[parent].parent
    for candidate in candidates:
        for role in ROLES:
            if candidate in representations_of(role):
                return role
    return None
