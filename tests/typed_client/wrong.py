"""What a platform must not be able to write: mypy --strict must reject each line marked."""

from __future__ import annotations

from engine import Deal


def wrong(deal: Deal) -> None:
    """Read an amount as an int and a state as an int: both type errors."""
    x: int = deal.status()["balances"]["principal_outstanding"]  # error: str, not int
    y: int = deal.act({"type": "advance", "actor": "company", "at": "1997-10-28"}).state  # error
    z: str = deal.status()["no_such_key"]  # error: no such key
    print(x, y, z)
