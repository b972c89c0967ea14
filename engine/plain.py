"""Plain: one `repr`, `eq` and `hash` for the engine's many small attrs classes.

attrs compiles the methods it generates, class by class, when a module is
imported; with some seventy events, actions and records that was a good part
of every `npa` command's start (README, benchmarks). Classes that take these
from `Plain` are declared `@attrs.frozen(repr=False, eq=False)`.
"""

from __future__ import annotations

import attrs


class Plain:
    """A shared repr, equality and hash over an attrs class's fields."""

    __slots__ = ()

    def _values(self) -> tuple[object, ...]:
        """The field values, in order: what equality and hashing compare."""
        return tuple(getattr(self, f.name) for f in attrs.fields(type(self)))  # type: ignore[arg-type]

    def __repr__(self) -> str:
        fields = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                           for f in attrs.fields(type(self)))  # type: ignore[arg-type]
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))
