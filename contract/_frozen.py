"""An immutable, hashable mapping for the values of `contract` (private)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that keeps insertion order, hashes, copies and pickles."""

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        """Copy the items given."""
        self._items: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        """The value at a key."""
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        """The keys, in insertion order."""
        return iter(self._items)

    def __len__(self) -> int:
        """How many items."""
        return len(self._items)

    def __hash__(self) -> int:
        """A hash of the items, order aside, as equality has it."""
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        """The items, as a dict shows them."""
        return f"FrozenMap({self._items!r})"
