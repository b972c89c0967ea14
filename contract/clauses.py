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


_PARAGRAPH_SUFFIX = r"^(\d+\.\d+)\("


def head_of(section: str) -> str:
    """The numbered section a paragraph belongs to: "5.1(d)" -> "5.1", "6.2(a)(ii)" -> "6.2".

    Any other key ("5.1", "3", "preamble") is returned as it is.
    """
    match = re.match(_PARAGRAPH_SUFFIX, section)
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

# Every "shall", "will", "agrees" and "covenants" by which a party undertakes to do
# (or not to do) something is an agreement of that party (8.10: "breach of warranty or
# agreement"). The words quoted are the agreement's own; `_NOT_AGREEMENTS` lists every
# other operative section that uses those words, with why it binds no party to act.
_THE_CLOSING = 'the closing of the purchase and sale of the Notes (the "CLOSING") shall be held'
_AGREEMENTS: Mapping[str, tuple[tuple[str, str], ...]] = FrozenMap(
    {
        "company": (
            ("1.1", "The Notes shall be issued in substantially the form annexed hereto"),
            ("1.2", "the Company shall sell to Purchaser"),
            ("2.1", _THE_CLOSING),
            ("2.2", "the Company shall deliver instruments"),
            ("6", "The Company hereby covenants and agrees"),
            ("6.1", "The Company will furnish the following reports to the Holders"),
            ("6.2", "The Company will afford to the Holders the following"),
            ("6.3", "the Company shall ensure that the Surviving Corporation shall assume"),
            ("7.2(a)", "Each certificate representing any of the Notes shall"),
            ("7.2(b)", "the Company shall issue an instrument without such legend"),
            ("7.3", "Each certificate evidencing the Notes transferred as above provided shall "
                    "bear the appropriate restrictive legend"),
            ("8.7(a)", "The Company represents, warrants and agrees"),
            ("8.9", "the Company will pay the reasonable legal fees"),
            ("8.10(a)", "The Company shall indemnify, defend and hold Purchaser harmless"),
            ("8.13", "The parties acknowledge and agree"),
        ),
        "purchaser": (
            ("1.2", "Purchaser shall purchase from the Company"),
            ("2.1", _THE_CLOSING),
            ("2.2", "Payment of the Purchase Price shall be made in immediately available funds"),
            ("4.3", "it will sell, transfer, or otherwise dispose of the Notes only in a manner"),
            ("7.1", "The Notes shall not be transferable except upon compliance with the "
                    "conditions specified in this Section 7"),
            ("7.3", "The holder of each certificate representing Notes, by acceptance thereof, "
                    "agrees to comply in all respects with the provisions of this Section 7.3"),
            ("8.7(b)", "Purchaser represents, warrants and agrees"),
            ("8.8", "Purchaser will not use such confidential or proprietary information"),
            ("8.9", "The Company and Purchaser shall each bear its own expenses and legal fees"),
            ("8.10(b)", "Purchaser shall indemnify, defend and hold the Company harmless"),
            ("8.13", "The parties acknowledge and agree"),
        ),
        "guarantor": (),
    }
)

_CONDITION = ("a condition, not a promise: \"shall have\" says what must be so at the Closing "
              "for the other side's obligations to bind (\"subject to the fulfillment of each "
              "of the following conditions\"); the undertakings behind it are in 1.2, 2.2 and "
              "the representations")

_NOT_AGREEMENTS: Mapping[str, str] = FrozenMap(
    {
        "preamble": ("its \"agree as follows\" are the words that make every section binding; "
                     "a claim names the section broken, not the preamble"),
        **{f"5.1({letter})": _CONDITION for letter in "abcdefgh"},
        **{f"5.2({letter})": _CONDITION for letter in "abcdef"},
        "8.1(a)": "it names the governing law; no party undertakes anything",
        "8.2": "it says what survives the closing, not what a party is to do",
        "8.3": "it says whom the provisions bind (successors and assigns), not what they do",
        "8.5": "it says when a notice is duly given, not that any notice must be",
        "8.6": "it says what delay, omission and waiver do not do",
        "8.12": "it says what a provision found unenforceable does to the others",
        "8.15": "it says what a disclosure in a Schedule counts as",
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

    Every "shall", "will", "agrees" and "covenants" by which a party
    undertakes something. The Company: 1.1 (the Notes "shall be issued" in the
    form of Schedule 1), 1.2 ("shall sell"), 2.1 (the Closing "shall be held"
    on the Closing Date), 2.2 ("shall deliver", "shall pay" the Fee), 6 and
    6.1-6.3 ("hereby covenants and agrees", "will furnish", "will afford",
    "shall ensure"), 7.2(a) and 7.3 (its certificates "shall" bear the legend),
    7.2(b) ("shall issue an instrument without such legend"), 8.7(a), 8.9
    ("will pay"), 8.10(a) ("shall indemnify") and 8.13 ("acknowledge and
    agree"). Purchaser: 1.2 ("shall purchase"), 2.1, 2.2 (payment "shall be
    made in immediately available funds"), 4.3 ("it will sell ... only in a
    manner consistent with" 4.1), 7.1 (the Notes "shall not be transferable"
    but under section 7), 7.3 (the holder "agrees to comply"), 8.7(b), 8.8
    ("will not use"), 8.9 ("shall each bear its own expenses"), 8.10(b) and
    8.13. Transferees are Holders of Notes, not parties to the agreement.

    Raises:
        ValueError: the role is not "company", "purchaser" or "guarantor".
    """
    return tuple(section for section, _ in _AGREEMENTS[_role(role)])


def not_an_agreement(section: str) -> str | None:
    """Why a section that says "shall", "will" or "agree" binds no party to act, or None.

    The conditions of 5.1 and 5.2 ("shall have delivered") say what must be
    so at the Closing; 8.2, 8.3, 8.5, 8.6, 8.12 and 8.15 say what the
    agreement's words do; 8.1(a) names the law; the preamble's "agree as
    follows" makes every section binding.
    """
    return _NOT_AGREEMENTS.get(section)


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
