"""The Schedules to the agreement: their numbers and titles, read from the filing.

The table of contents lists Schedules 1 to 8, and the filing says of them:
"Schedules to the Note Purchase Agreement dated as of October 27, 1997 have
been omitted." Their titles are read from the table of contents, and the
sections that refer to each are found in the agreement's own text ("as set
forth on SCHEDULE 2 hereto"), never typed in by hand.
"""

from __future__ import annotations

import functools
import re

import attrs

from contract import text
from contract._parse import BODY_START, normalise

#: Patterns, compiled on first use (by `re`'s own cache).
_ENTRY = r"^SCHEDULE (\d+)\s+(.*)$"
_PAGE = r"[\s.]*\d+$"


@attrs.frozen
class Schedule:
    """A Schedule of the agreement: its number, its title, the sections that cite it."""

    number: int
    title: str
    cited_by: tuple[str, ...]

    @property
    def key(self) -> str:
        """How a refusal or a listing names it: "Schedule 8"."""
        return f"Schedule {self.number}"


def _toc_entries(raw: str) -> list[tuple[int, str]]:
    """(number, title) for each Schedule of the table of contents, titles unwrapped."""
    lines = raw.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(BODY_START))
    entries: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for line in lines[:start]:
        stripped = line.strip()
        entry = re.match(_ENTRY, stripped)
        if entry:
            pending = (int(entry.group(1)), entry.group(2))
        elif pending is not None and stripped:
            pending = (pending[0], f"{pending[1]} {stripped}")
        else:
            continue
        if re.search(_PAGE, pending[1]):
            entries.append((pending[0], normalise(re.sub(_PAGE, "", pending[1]))))
            pending = None
    return entries


def _citing(number: int) -> tuple[str, ...]:
    """The sections whose own words name the Schedule ("SCHEDULE 8")."""
    pattern = re.compile(rf"\bSCHEDULE {number}\b")
    return tuple(key for key in text.SECTIONS if pattern.search(text.opening_words(key)))


@functools.cache
def schedules() -> tuple[Schedule, ...]:
    """Every Schedule the agreement lists, in order."""
    from importlib import resources

    raw = resources.files("contract").joinpath("agreement.txt").read_text(encoding="utf-8")
    return tuple(Schedule(number, title, _citing(number))
                 for number, title in _toc_entries(raw))


def schedule(key: str) -> Schedule:
    """The Schedule named "Schedule 8".

    Raises:
        KeyError: the agreement lists no such Schedule.
    """
    for item in schedules():
        if item.key == key:
            return item
    raise KeyError(key)
