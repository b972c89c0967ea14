"""The agreement as data: the 1997 Lexington Precision / Nomura Note Purchase Agreement."""

from contract.text import SECTIONS, UnknownSection, clause_text, opening_words

__all__ = [
    "SECTIONS",
    "UnknownSection",
    "clause_text",
    "opening_words",
]
