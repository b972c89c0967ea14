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
         "0004_conditions_view", "0005_event_macs", "0006_requests",
         "0007_event_positions", "0008_next_deadlines", "0009_positions_as_rowid")


def _refuse(table: str, verb: str) -> str:
    """The trigger that makes the database refuse `verb` on `table`."""
    return (f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")


#: The triggers that keep the log append-only, as migration 0002 made them: `npa verify`
#: checks that each is still there, word for word.
APPEND_ONLY_EVENTS = {f"events_no_{verb.lower()}": _refuse("events", verb)
                      for verb in ("UPDATE", "DELETE")}
#: The same for the record of accepted request_ids (migration 0006).
APPEND_ONLY_REQUESTS = {f"requests_no_{verb.lower()}": _refuse("requests", verb)
                        for verb in ("UPDATE", "DELETE")}
APPEND_ONLY = {**APPEND_ONLY_EVENTS, **APPEND_ONLY_REQUESTS}


def missing_triggers(conn: sqlite3.Connection) -> list[str]:
    """The append-only triggers that are gone or no longer read as they were made."""
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    return [name for name, sql in APPEND_ONLY.items() if found.get(name) != sql]


def current(conn: sqlite3.Connection) -> bool:
    """Whether every step of `STEPS` is recorded as applied in this database."""
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (SET,)
        ).fetchall()
    except sqlite3.OperationalError:
        return False  # no record table yet: a new database
    return set(STEPS) <= {name for (name,) in rows}
