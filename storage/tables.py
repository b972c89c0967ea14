"""The query tables: each deal's status as of its last event, for reading without a replay.

`deals` holds one row per deal (its state, last seq, head hash and the whole
status as JSON), rewritten from the engine's snapshot in the same transaction
as the events it follows, so it never runs ahead of or behind the log; the
`conditions` view gives one row per condition of 5.1 and 5.2, read from it. The schema is made
by `storage.migrations`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from engine.codec import canonical

_UPSERT_DEAL = (
    "INSERT INTO deals (deal_id, state, seq, head, status, head_mac) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (deal_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, "
    "head = excluded.head, status = excluded.status, head_mac = excluded.head_mac"
)


def write(
    conn: sqlite3.Connection, deal_id: str, seq: int, head: str, status: Mapping[str, Any],
    head_mac: str | None = None,
) -> None:
    """Replace the deal's rows with the status after event `seq` (hash `head`, MAC `head_mac`
    when the store has a key).

    Raises:
        TypeError: if the status has no string "state" or its "conditions"
            are not a mapping of section to status string (a bug upstream).
    """
    state = status.get("state")
    conditions = status.get("conditions", {})
    if not isinstance(state, str):
        raise TypeError(f"a deal's status needs a string 'state', got {state!r:.40}")
    if not isinstance(conditions, Mapping) or not all(
        isinstance(section, str) and isinstance(value, str) for section, value in conditions.items()
    ):
        raise TypeError("a deal's 'conditions' must map each section to a status string")
    # The `conditions` view reads each condition from this status (migration 0004).
    conn.execute(_UPSERT_DEAL, (deal_id, state, seq, head, canonical(status), head_mac))


def status(conn: sqlite3.Connection, deal_id: str) -> dict[str, Any] | None:
    """The stored status of the deal, or None if it has no row."""
    row = conn.execute("SELECT status FROM deals WHERE deal_id = ?", (deal_id,)).fetchone()
    if row is None:
        return None
    stored: dict[str, Any] = json.loads(row[0])
    return stored


def conditions(conn: sqlite3.Connection, deal_id: str) -> dict[str, str]:
    """The stored status of each condition of the deal, by section."""
    rows = conn.execute(
        "SELECT section, status FROM conditions WHERE deal_id = ? ORDER BY section", (deal_id,)
    ).fetchall()
    return {section: value for section, value in rows}


def head(conn: sqlite3.Connection, deal_id: str) -> tuple[int, str] | None:
    """The stored last seq and head hash of the deal, or None if it has no row."""
    row = conn.execute("SELECT seq, head FROM deals WHERE deal_id = ?", (deal_id,)).fetchone()
    return None if row is None else (row[0], row[1])


def recorded(conn: sqlite3.Connection, deal_id: str) -> tuple[int, str, str | None, str] | None:
    """The deal's row as stored: last seq, head hash, head MAC and status text; or None."""
    row = conn.execute("SELECT seq, head, head_mac, status FROM deals WHERE deal_id = ?",
                       (deal_id,)).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def deal_ids(conn: sqlite3.Connection) -> list[str]:
    """Every deal with a row, sorted."""
    return [row[0] for row in conn.execute("SELECT deal_id FROM deals ORDER BY deal_id")]
