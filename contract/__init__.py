"""The agreement as data: the 1997 Lexington Precision / Nomura Note Purchase Agreement."""

from contract.clauses import (
    CLAUSES,
    Clause,
    agreements_of,
    clause,
    head_of,
    representations_of,
    whose_representation,
)
from contract.conditions import CONDITIONS, PRE_CLOSING, SETTLEMENT, Condition, condition
from contract.parties import PARTIES_1997, ROLES, Address, Party
from contract.text import SECTIONS, UnknownSection, clause_text, opening_words

__all__ = [
    "CLAUSES",
    "CONDITIONS",
    "PARTIES_1997",
    "PRE_CLOSING",
    "ROLES",
    "SECTIONS",
    "SETTLEMENT",
    "Address",
    "Clause",
    "Condition",
    "Party",
    "UnknownSection",
    "agreements_of",
    "clause",
    "clause_text",
    "condition",
    "head_of",
    "opening_words",
    "representations_of",
    "whose_representation",
]
