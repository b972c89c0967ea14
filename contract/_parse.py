"""Reading `agreement.txt` into sections and paragraphs (private).

The filing is a plain-text SEC exhibit: a table of contents, then the body,
printed in pages. A page ends with its number (`8`) and the next begins with
the filing's own page marker (`   13`); headings are underlined with dashes.
Those are the page-break artifacts dropped here. A paragraph is a run of
non-blank lines; one whose first line starts in column 0 is the tail of the
paragraph a page break cut, so it is joined to the one before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from contract._frozen import FrozenMap

BODY_START = "THIS NOTE PURCHASE AGREEMENT"
BODY_END = "Schedules to the Note Purchase Agreement"
SIGNATURE_PAGE = "NOTE PURCHASE AGREEMENT SIGNATURE PAGE"

#: Patterns, compiled on first use (by `re`'s own cache): `npa act` does not parse.
_PAGE_NUMBER = r"^(?:\d+|[ivx]+)$"
_UNDERLINE = r"^-+$"
_TOC_ENTRY = r"^(\d+\.\d+)\s+(.*?)[\s.]*\d+$"
_SECTION = r"^SECTION (\d+)$"
_NUMBERED = r"^(\d+)\.(\d+) "
_PARAGRAPH = r"^\(([a-z]+)\) "
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


@attrs.frozen
class Unit:
    """One keyed piece of the agreement, as printed."""

    key: str
    parent: str | None
    label: str
    printed_heading: str
    own: str

    @property
    def piece(self) -> str:
        """Its own words: number or letter, printed heading, then its opening text."""
        return " ".join(part for part in (self.label, self.printed_heading, self.own) if part)


@attrs.frozen
class Parsed:
    """The agreement read: its units in document order, the TOC and section titles."""

    units: tuple[Unit, ...]
    toc: FrozenMap[str, str]
    titles: FrozenMap[str, str]


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return " ".join(text.split())


def _is_artifact(stripped: str) -> bool:
    """Whether a stripped line is a page number, page marker or underline."""
    return bool(re.match(_PAGE_NUMBER, stripped) or re.match(_UNDERLINE, stripped))


def _blocks(lines: Iterable[str]) -> list[str]:
    """The paragraphs of the body, page breaks healed, whitespace normalised."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        stripped = line.strip()
        if re.match(_UNDERLINE, stripped):
            continue
        if not stripped or _is_artifact(stripped):
            current = None
            continue
        if current is None:
            if not line[0].isspace() and blocks:
                current = blocks[-1]
            else:
                current = []
                blocks.append(current)
        current.append(stripped)
    return [normalise(" ".join(block)) for block in blocks]


def split_heading(text: str) -> tuple[str, str]:
    """Split a printed capitalised heading ("OPINION OF COUNSEL.") from the words after it."""
    words = text.split(" ")
    run = 0
    for word in words:
        if any(char.islower() for char in word):
            break
        run += 1
    end = max((i + 1 for i in range(run) if words[i].endswith(".")), default=0)
    return " ".join(words[:end]), " ".join(words[end:])


def _toc_title(raw: str) -> str:
    """A heading as the table of contents prints it, its dot leader gone."""
    title = raw.strip()
    # The dot leader swallows the period of "etc."
    if title.lower().endswith(" etc"):
        title += "."
    return title


class _Builder:
    """The mutable state of one pass over the body."""

    def __init__(self) -> None:
        """Start before the preamble."""
        self.units: list[dict[str, str | None]] = []
        self.own: dict[str, list[str]] = {}
        self.current: str | None = None
        self.section: str | None = None
        self.numbered: str | None = None
        self.letter: str | None = None
        self.roman: str | None = None

    def open(self, key: str, parent: str | None, label: str, heading: str) -> None:
        """Start a new unit and make it current."""
        if key in self.own:
            raise ValueError(f"agreement.txt: section {key} appears twice")
        self.units.append(
            {"key": key, "parent": parent, "label": label, "printed_heading": heading}
        )
        self.own[key] = []
        self.current = key

    def add(self, text: str) -> None:
        """Add words to the current unit, opening the section's opening words if need be."""
        if self.current is None:
            if self.section is None:
                raise ValueError(f"agreement.txt: text outside any section: {text[:40]!r}")
            self.open(self.section, None, "", "")
        assert self.current is not None
        if text:
            self.own[self.current].append(text)

    def paragraph(self, block: str, letter: str) -> None:
        """Start a lettered paragraph of the current numbered section."""
        assert self.numbered is not None
        self.letter, self.roman = letter, None
        key = f"{self.numbered}({letter})"
        heading, rest = split_heading(block[len(letter) + 3 :])
        self.open(key, self.numbered, f"({letter})", heading)
        self.add(rest)

    def subparagraph(self, block: str, roman: str) -> None:
        """Start a romanette of the current lettered paragraph."""
        assert self.numbered is not None and self.letter is not None
        self.roman = roman
        parent = f"{self.numbered}({self.letter})"
        heading, rest = split_heading(block[len(roman) + 3 :])
        self.open(f"{parent}({roman})", parent, f"({roman})", heading)
        self.add(rest)

    def numbered_section(self, block: str, key: str) -> None:
        """Start a numbered section, splitting off a first paragraph on its line."""
        parent = self.section if self.section in self.own else None
        self.numbered, self.letter, self.roman = key, None, None
        heading, rest = split_heading(block[len(key) + 1 :])
        self.open(key, parent, key, heading)
        if rest.startswith("(a) "):
            self.paragraph(rest, "a")
        else:
            self.add(rest)

    def next_letter(self) -> str:
        """The letter the next paragraph would have."""
        return "a" if self.letter is None else chr(ord(self.letter) + 1)

    def next_roman(self) -> str | None:
        """The romanette the next subparagraph would have, if a paragraph is open."""
        if self.letter is None:
            return None
        return "i" if self.roman is None else _ROMAN[_ROMAN.index(self.roman) + 1]

    def block(self, block: str) -> None:
        """Place one paragraph of the body."""
        if self.current == "signature page":
            self.add(block)
            return
        if block == SIGNATURE_PAGE:
            self.section = self.numbered = self.letter = self.roman = None
            self.open("signature page", None, "", "")
            return
        numbered = re.match(_NUMBERED, block)
        if numbered and numbered.group(1) == self.section:
            self.numbered_section(block, f"{numbered.group(1)}.{numbered.group(2)}")
            return
        paragraph = re.match(_PARAGRAPH, block)
        if paragraph and self.numbered is not None:
            token = paragraph.group(1)
            if token == self.next_roman():
                self.subparagraph(block, token)
                return
            if token == self.next_letter():
                self.paragraph(block, token)
                return
        self.add(block)

    def freeze(self) -> tuple[Unit, ...]:
        """The units read, as frozen values."""
        units = []
        for unit in self.units:
            key = unit["key"]
            assert key is not None
            units.append(
                Unit(
                    key=key,
                    parent=unit["parent"],
                    label=unit["label"] or "",
                    printed_heading=unit["printed_heading"] or "",
                    own=" ".join(self.own[key]),
                )
            )
        return tuple(units)


def parse(raw: str) -> Parsed:
    """Read the filing into its units, in document order, with the TOC's headings."""
    lines = raw.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(BODY_START))
    end = next(i for i, line in enumerate(lines) if line.strip().startswith(BODY_END))
    toc: dict[str, str] = {}
    for line in lines[:start]:
        entry = re.match(_TOC_ENTRY, line.strip())
        if entry:
            toc[entry.group(1)] = _toc_title(entry.group(2))

    builder = _Builder()
    builder.open("preamble", None, "", "")
    titles: dict[str, str] = {}
    awaiting_title: str | None = None
    for block in _blocks(lines[start:end]):
        if awaiting_title is not None:
            titles[awaiting_title] = block
            awaiting_title = None
            continue
        section = re.match(_SECTION, block)
        if section:
            awaiting_title = section.group(1)
            builder.section = awaiting_title
            builder.current = builder.numbered = builder.letter = builder.roman = None
            continue
        builder.block(block)
    return Parsed(units=builder.freeze(), toc=FrozenMap(toc), titles=FrozenMap(titles))


@functools.cache
def agreement() -> Parsed:
    """The agreement, read once from the package's `agreement.txt`."""
    from importlib import resources  # here, not at import: ~7 ms of every `npa` start

    raw = resources.files("contract").joinpath("agreement.txt").read_text(encoding="utf-8")
    return parse(raw)
