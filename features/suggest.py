"""Suggestions for a step that matches no definition: the closest step, and when its
words match but a value does not ("Purchasr", "11:59 PM", "Acme Bank" as a
claimant), which placeholder failed and the values it accepts.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from features.steps import REGISTRY, Step, StepError, find
from features.steps.accepts import accepts, fits

_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")

KEYWORD_WORDS = {"given": "Given", "when": "When", "then": "Then"}


@dataclass(frozen=True)
class Misfit:
    """A placeholder whose value does not fit: its type, the value, what it accepts."""

    placeholder: str
    value: str
    accepts: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """The closest step to an undefined one, and why it did not match."""

    pattern: str
    misfits: tuple[Misfit, ...] = ()
    keyword: str | None = None

    def sentence(self) -> str:
        """The suggestion in one line, as the runner prints it."""
        if self.keyword is not None:
            return (f'there is such a step, "{self.pattern}", but it is a '
                    f"{KEYWORD_WORDS[self.keyword]} step")
        if not self.misfits:
            return f'did you mean "{self.pattern}"?'
        parts = [f'"{m.value}" is not a <{m.placeholder}>, which accepts '
                 + "; ".join(m.accepts) for m in self.misfits]
        return f'the words match "{self.pattern}", but ' + "; and ".join(parts)

    def to_dict(self) -> dict[str, object]:
        """The suggestion for the JSON report."""
        return {"pattern": self.pattern, "message": self.sentence(), "keyword": self.keyword,
                "placeholders": [{"placeholder": f"<{m.placeholder}>", "value": m.value,
                                  "accepts": list(m.accepts)} for m in self.misfits]}


@functools.cache
def _shape(name: str) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """A lax regular expression for a step: each placeholder takes any words.

    Returns the expression, the placeholders' types ("" for untyped text) in
    order, and the step's literal words in order (to rule steps out cheaply).
    """
    parts: list[str] = []
    kinds: list[str] = []
    literals: list[str] = []
    position = 0
    for index, field in enumerate(_FIELD.finditer(name)):
        literal = name[position:field.start()]
        parts.append(re.escape(literal))
        if literal.strip():
            literals.append(literal.strip())
        kind = field.group(2) or ""
        kinds.append(kind)
        parts.append(f"(?P<f{index}>.+?)")
        position = field.end()
    parts.append(re.escape(name[position:]))
    if name[position:].strip():
        literals.append(name[position:].strip())
    return re.compile("".join(parts), re.DOTALL), tuple(kinds), tuple(literals)


def _in_order(text: str, literals: Sequence[str]) -> bool:
    at = 0
    for literal in literals:
        found = text.find(literal, at)
        if found < 0:
            return False
        at = found + len(literal)
    return True


def _misfits(entry: Step, text: str) -> tuple[Misfit, ...] | None:
    """The placeholders whose values do not fit, if the step's words match the text."""
    regex, kinds, literals = _shape(entry.parser.name)
    if not _in_order(text, literals):
        return None
    match = regex.fullmatch(text)
    if match is None:
        return None
    found = []
    for index, kind in enumerate(kinds):
        value = match.group(f"f{index}")
        if kind and not fits(kind, value):
            found.append(Misfit(kind, value, accepts(kind)))
    return tuple(found)


def suggest(text: str, keyword: str | None) -> Suggestion | None:
    """The closest step to a text that matches no step of its keyword."""
    if keyword is not None:
        for other in ("given", "when", "then"):
            if other == keyword:
                continue
            try:
                found = find(text, other)
            except StepError:
                found = None
            if found is not None:
                return Suggestion(found[0].pattern, keyword=other)
    best: tuple[int, float, Step, tuple[Misfit, ...]] | None = None
    for entry in REGISTRY:
        if keyword is not None and entry.keyword != keyword:
            continue
        misfits = _misfits(entry, text)
        if not misfits:
            continue
        ratio = difflib.SequenceMatcher(None, text, entry.example).ratio()
        rank = (len(misfits), -ratio)
        if best is None or rank < (best[0], -best[1]):
            best = (len(misfits), ratio, entry, misfits)
    if best is not None:
        return Suggestion(best[2].pattern, best[3])
    close = hints(text, 1)
    return Suggestion(close[0]) if close else None


def hints(text: str, count: int = 3) -> list[str]:
    """The vocabulary's patterns closest to a step that matches none of them."""
    examples: dict[str, str] = {}
    for entry in REGISTRY:
        examples.setdefault(entry.example, entry.pattern)
    close = difflib.get_close_matches(text, list(examples), n=count, cutoff=0.4)
    if not close:
        close = difflib.get_close_matches(text, list(examples), n=1, cutoff=0.0)
    return list(dict.fromkeys(examples[example] for example in close))


__all__ = ["Misfit", "Suggestion", "hints", "suggest"]
