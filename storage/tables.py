"""The query tables: each deal's status as of its last event, for reading without a replay.

`deals` holds one row per deal (its state, last seq, head hash and the whole
status as JSON), rewritten from the engine's snapshot in the same transaction
as the events it follows, so it never runs ahead of or behind the log; the
`conditions` view gives one row per condition of 5.1 and 5.2, read from it. `next_due`
holds each deal's next deadline (the snapshot's `next_deadline`, kept out of the
`deals` row's status and indexed by its due instant, for `store.due`). The schema is
made by `storage.migrations`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from engine.codec import canonical

_STR = frozenset({str})

#: The snapshot's key that goes to the `next_due` table rather than the `deals` row.
NEXT = "next_deadline"

_UPSERT_NEXT = (
    "INSERT INTO next_due (deal_id, due, kind, section, what, pending) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (deal_id) DO UPDATE SET due = excluded.due, kind = excluded.kind, "
    "section = excluded.section, what = excluded.what, pending = excluded.pending"
)

_NEXT_ROW = "SELECT due, kind, section, what, pending FROM next_due WHERE deal_id = ?"

_UPSERT_DEAL = (
    "INSERT INTO deals (deal_id, state, seq, head, status, head_mac) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (deal_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, "
    "head = excluded.head, status = excluded.status, head_mac = excluded.head_mac"
)


def write(
    conn: sqlite3.Connection, deal_id: str, seq: int, head: str, status: Mapping[str, Any],
    head_mac: str | None = None, text: str | None = None,
    known_next: tuple[Any, ...] | None = None,
) -> None:
    """Replace the deal's rows with the status after event `seq` (hash `head`, MAC `head_mac`
    when the store has a key); `text` is the status's `stored_text` when the caller has it,
    `known_next` the deal's `next_due` row (due, kind, section, what, pending; () for none)
    when the caller read it in this transaction.

    Raises:
        TypeError: if the status has no string "state" or its "conditions"
            are not a mapping of section to status string (a bug upstream).
    """
    state = status.get("state")
    conditions = status.get("conditions", {})
    if not isinstance(state, str):
        raise TypeError(f"a deal's status needs a string 'state', got {state!r:.40}")
    if not isinstance(conditions, Mapping) or not (
        # At a glance when every key and value is exactly str (as the engine makes them).
        {*map(type, conditions), *map(type, conditions.values())} <= _STR
        or (all(isinstance(section, str) for section in conditions)
            and all(isinstance(value, str) for value in conditions.values()))
    ):
        raise TypeError("a deal's 'conditions' must map each section to a status string")
    # The `conditions` view reads each condition from this status (migration 0004).
    if text is None:
        text = stored_text(status)
    conn.execute(_UPSERT_DEAL, (deal_id, state, seq, head, text, head_mac))
    if NEXT in status:
        nxt = status[NEXT]
        pending = status.get("pending_deadlines", 0)
        row = ((None, None, None, None, pending) if nxt is None
               else (nxt["due"], nxt["kind"], nxt["section"], nxt["what"], pending))
        # Most actions leave the next deadline as it was: a row rewritten with the same
        # values would still dirty its pages (and the index on `due`) for the commit to sync.
        if known_next is None:
            known_next = conn.execute(_NEXT_ROW, (deal_id,)).fetchone() or ()
        if known_next != row:
            conn.execute(_UPSERT_NEXT, (deal_id, *row))


def stored_text(status: Mapping[str, Any]) -> str:
    """The text the `deals` row keeps of a snapshot: all of it but the next deadline."""
    return canonical({key: value for key, value in status.items() if key != NEXT})


def next_deadline(conn: sqlite3.Connection, deal_id: str) -> tuple[bool, dict[str, Any] | None]:
    """Whether the deal has a `next_due` row, and the next deadline it records (or None)."""
    row = conn.execute("SELECT due, kind, section, what FROM next_due WHERE deal_id = ?",
                       (deal_id,)).fetchone()
    if row is None:
        return False, None
    if row[0] is None:
        return True, None
    return True, {"due": row[0], "kind": row[1], "section": row[2], "what": row[3]}


def with_next(conn: sqlite3.Connection, deal_id: str, status: dict[str, Any]) -> dict[str, Any]:
    """A stored status with the deal's next deadline put back, as the snapshot had it (left
    out when the deal has no `next_due` row: written by an earlier release)."""
    known, nxt = next_deadline(conn, deal_id)
    if known:
        status[NEXT] = nxt
    return status


def due(conn: sqlite3.Connection, until: str | None, limit: int | None
        ) -> list[tuple[str, str, str, str, str, int]]:
    """Each deal's next deadline due at or before `until` (UTC ISO text), earliest first:
    deal, due, kind, section, what, pending."""
    sql = ("SELECT deal_id, due, kind, section, what, pending FROM next_due "
           "WHERE due IS NOT NULL" + (" AND due <= ?" if until is not None else "")
           + " ORDER BY due, deal_id" + (" LIMIT ?" if limit is not None else ""))
    params: list[Any] = [] if until is None else [until]
    if limit is not None:
        params.append(limit)
    return conn.execute(sql, params).fetchall()


def unscheduled(conn: sqlite3.Connection) -> list[str]:
    """The deals with no `next_due` row (last written by a release before it), sorted."""
    return [row[0] for row in conn.execute(
        "SELECT deal_id FROM deals WHERE deal_id NOT IN (SELECT deal_id FROM next_due) "
        "ORDER BY deal_id")]


def deals(conn: sqlite3.Connection, state: str | None, after: str | None, limit: int | None
          ) -> list[tuple[str, str, int]]:
    """The deals in id order after `after`, in `state` if given: id, state, events."""
    sql = "SELECT deal_id, state, seq FROM deals WHERE 1"
    params: list[Any] = []
    if state is not None:
        sql += " AND state = ?"
        params.append(state)
    if after is not None:
        sql += " AND deal_id > ?"
        params.append(after)
    sql += " ORDER BY deal_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return conn.execute(sql, params).fetchall()


def status(conn: sqlite3.Connection, deal_id: str) -> dict[str, Any] | None:
    """The stored status of the deal, or None if it has no row."""
    row = conn.execute("SELECT status FROM deals WHERE deal_id = ?", (deal_id,)).fetchone()
    if row is None:
        return None
    stored: dict[str, Any] = json.loads(row[0])
    return with_next(conn, deal_id, stored)


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
