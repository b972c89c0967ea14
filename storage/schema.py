"""Whether a database already has every schema step, read without sqlite-utils.

The steps themselves live in `storage.migrations` and are applied by
sqlite-utils' own `Migrations`, which records each in `_sqlite_migrations`.
Reading that record is all an open needs when nothing is pending, and doing
it with one plain query spares every `npa` command the import of
sqlite-utils (about 30 ms of its startup; see the README's benchmarks).
`tests/test_sqlite_store.py` checks that `STEPS` names exactly the steps of
`storage.migrations.MIGRATIONS`.
"""

from __future__ import annotations

import sqlite3

#: The migration set's name and its steps, in order, as `storage.migrations` declares them.
SET = "npa.storage"
STEPS = ("0001_events", "0002_events_append_only", "0003_query_tables",
         "0004_conditions_view")


def current(conn: sqlite3.Connection) -> bool:
    """Whether every step of `STEPS` is recorded as applied in this database."""
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (SET,)
        ).fetchall()
    except sqlite3.OperationalError:
        return False  # no record table yet: a new database
    return set(STEPS) <= {name for (name,) in rows}
