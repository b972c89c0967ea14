"""The agreement's text, indexed by section: "5.1", "5.1(d)", "6.2(a)(ii)".

The text is read from `agreement.txt` (package data) and parsed, never copied
by hand. Each text is the agreement's exact words with whitespace normalised:
lines joined with single spaces, runs of spaces collapsed, and the filing's
page numbers, page markers and heading underlines dropped.

Keys, in document order: "preamble" (the opening paragraph and recitals); the
numbered sections "1.1" to "8.15"; their lettered paragraphs ("5.1(a)") and
the romanettes of 6.2 ("6.2(a)(i)"); "3" and "6", the opening words that
stand before the first numbered section of sections 3 and 6 (sections 1, 2, 4,
5, 7 and 8 have none); and "signature page".
"""

from __future__ import annotations

import functools

from contract._frozen import FrozenMap
from contract._parse import Unit, agreement


class UnknownSection(KeyError):
    """A section key that the agreement does not have (or that is not of the kind asked for)."""

    exit_code = 2

    def __init__(self, section: str) -> None:
        """Hold the section key."""
        super().__init__(section)
        self.section = section

    def __str__(self) -> str:
        """The one-line message."""
        return f"unknown section: {self.section!r}"


@functools.cache
def _units() -> FrozenMap[str, Unit]:
    """Every unit of the agreement by key (parsed on first use, then kept)."""
    return FrozenMap((unit.key, unit) for unit in agreement().units)


@functools.cache
def _texts() -> FrozenMap[str, str]:
    """Every section's whole text by key (built on first use, then kept)."""
    return FrozenMap((key, _whole(key)) for key in _units())


#: Every key of the agreement, in document order. Read lazily (PEP 562): the
#: agreement is parsed on first use, so importing `contract` stays cheap.
SECTIONS: tuple[str, ...]


def __getattr__(name: str) -> object:
    """The module's lazily built constants (SECTIONS)."""
    if name == "SECTIONS":
        return tuple(_units())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _whole(key: str) -> str:
    """The unit's own words followed by those of every paragraph under it."""
    prefix = key + "("
    return " ".join(
        unit.piece for unit in agreement().units if unit.key == key or unit.key.startswith(prefix)
    )


def clause_text(section: str) -> str:
    """The exact words of a section, with its number, printed heading and paragraphs.

    Raises:
        UnknownSection: the agreement has no such section.
    """
    try:
        return _texts()[section]
    except KeyError:
        raise UnknownSection(section) from None


def opening_words(section: str) -> str:
    """The words of a section after its number and heading, before its first paragraph.

    For a section without paragraphs that is its whole body; for one whose
    first paragraph follows its heading directly (3.7, 6.2, 7.2, 8.1, 8.7,
    8.10) it is the empty string.

    Raises:
        UnknownSection: the agreement has no such section.
    """
    try:
        return _units()[section].own
    except KeyError:
        raise UnknownSection(section) from None
