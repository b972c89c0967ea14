"""The agreement as data: the 1997 Lexington Precision / Nomura Note Purchase Agreement."""

from collections.abc import Mapping

from contract.accounted import Account, account, accounts, unaccounted
from contract.clauses import (
    Clause,
    agreements_of,
    clause,
    head_of,
    not_an_agreement,
    representations_of,
    whose_representation,
)
from contract.conditions import CONDITIONS, PRE_CLOSING, SETTLEMENT, Condition, condition
from contract.errors import NpaError, TermsError
from contract.parties import PARTIES_1997, ROLES, Address, Party
from contract.schedule1 import EVENTS_OF_DEFAULT, schedule_1_text
from contract.schedules import Schedule, schedules
from contract.terms import (
    ASSUMED,
    BUSINESS_DAYS,
    DAY_COUNTS,
    DEFAULT_TERMS,
    STUBS,
    DealTerms,
    NoteTerms,
    TermSheet,
    closing_date_problem,
    dump_toml,
    load_terms,
    load_terms_file,
    terms_from_dict,
    terms_to_dict,
)
from contract.text import UnknownSection, clause_text, opening_words

#: Read lazily (PEP 562): the agreement is parsed on first use.
SECTIONS: tuple[str, ...]
CLAUSES: Mapping[str, Clause]


def __getattr__(name: str) -> object:
    """SECTIONS and CLAUSES, built when first asked for."""
    if name == "SECTIONS":
        from contract import text

        return text.SECTIONS
    if name == "CLAUSES":
        from contract import clauses

        return clauses.CLAUSES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ASSUMED",
    "BUSINESS_DAYS",
    "CLAUSES",
    "CONDITIONS",
    "DAY_COUNTS",
    "DEFAULT_TERMS",
    "EVENTS_OF_DEFAULT",
    "PARTIES_1997",
    "PRE_CLOSING",
    "ROLES",
    "SECTIONS",
    "SETTLEMENT",
    "STUBS",
    "Account",
    "Address",
    "Clause",
    "Condition",
    "DealTerms",
    "NoteTerms",
    "NpaError",
    "Party",
    "Schedule",
    "TermSheet",
    "TermsError",
    "UnknownSection",
    "account",
    "accounts",
    "agreements_of",
    "clause",
    "clause_text",
    "closing_date_problem",
    "condition",
    "dump_toml",
    "head_of",
    "load_terms",
    "load_terms_file",
    "not_an_agreement",
    "opening_words",
    "representations_of",
    "schedule_1_text",
    "schedules",
    "terms_from_dict",
    "terms_to_dict",
    "unaccounted",
    "whose_representation",
]
