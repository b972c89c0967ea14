"""An attacker with write access to the database file, for the tamper and broken-log tests.

The attacker uses raw sqlite3, drops the append-only triggers for the change
and puts them back as they were, recomputes every SHA-256 link after what it
changed, and rebuilds the deal's query-table row (head and, when the log still
folds, the very status the engine would store) so that nothing looks out of
place. It has no key: each row keeps whatever MAC was stored at its seq (an
appended row has none), and the head's MAC is left as it was.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from engine.codec import canonical, from_record
from engine.integrity import fold_log
from engine.status import snapshot_of
from storage import schema, tables
from storage.chain import GENESIS, link_hash

Record = dict[str, Any]


def records(path: Path, deal_id: str) -> list[Record]:
    """The deal's stored records, in order."""
    raw = sqlite3.connect(path)
    rows = raw.execute("SELECT data FROM events WHERE deal_id = ? ORDER BY seq",
                       (deal_id,)).fetchall()
    raw.close()
    return [json.loads(data) for (data,) in rows]


def rewrite(path: Path, deal_id: str, new: list[Record], *, status: bool = True) -> None:
    """Replace the deal's log with `new`, chained afresh, and its query-table row to match.

    With `status`, the row's status is what replaying `new` gives (if it folds).
    """
    raw = sqlite3.connect(path, isolation_level=None)
    macs = dict(raw.execute("SELECT seq, mac FROM events WHERE deal_id = ?", (deal_id,)))
    raw.execute("BEGIN")
    for name in schema.APPEND_ONLY_EVENTS:
        raw.execute(f"DROP TRIGGER IF EXISTS {name}")
    raw.execute("DELETE FROM events WHERE deal_id = ?", (deal_id,))
    head = GENESIS
    for seq, record in enumerate(new, start=1):
        data = canonical(record)
        digest = link_hash(head, deal_id, seq, data)
        raw.execute("INSERT INTO events (deal_id, seq, type, v, at, data, prev_hash, hash, mac, "
                    "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "(SELECT COALESCE(MAX(position), 0) + 1 FROM events))",
                    (deal_id, seq, record["type"], record["v"], record.get("at"), data, head,
                     digest, macs.get(seq)))
        head = digest
    raw.execute("UPDATE deals SET seq = ?, head = ? WHERE deal_id = ?", (len(new), head, deal_id))
    if status:
        try:
            state = fold_log(deal_id, [from_record(record) for record in new])
        except Exception:  # an unfoldable log keeps the status it had
            pass
        else:
            (mac,) = raw.execute("SELECT head_mac FROM deals WHERE deal_id = ?",
                                 (deal_id,)).fetchone()
            tables.write(raw, deal_id, len(new), head, snapshot_of(state), mac)
    for sql in schema.APPEND_ONLY_EVENTS.values():
        raw.execute(sql)
    raw.execute("COMMIT")
    raw.close()


def append(path: Path, deal_id: str, *extra: Record) -> None:
    """Chain forged records onto the end of the deal's log."""
    rewrite(path, deal_id, [*records(path, deal_id), *extra])


def edit_status(path: Path, deal_id: str, **changes: Any) -> None:
    """Change keys of the status the query tables hold for the deal (no trigger guards it)."""
    raw = sqlite3.connect(path, isolation_level=None)
    (text,) = raw.execute("SELECT status FROM deals WHERE deal_id = ?", (deal_id,)).fetchone()
    shown = {**json.loads(text), **changes}
    raw.execute("UPDATE deals SET status = ? WHERE deal_id = ?", (canonical(shown), deal_id))
    raw.close()
