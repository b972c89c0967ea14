"""Named schema steps, applied in order once per database and recorded.

The steps are a `sqlite_utils.Migrations` set: sqlite-utils records each
applied step in its `_sqlite_migrations` table, so opening a database runs
only the steps it has not seen. Add a step at the end; never edit or reorder
one that a release has shipped.
"""

from __future__ import annotations

import functools

from sqlite_utils import Database, Migrations

from storage import schema

#: The schema of the npa store, one named step at a time.
MIGRATIONS = Migrations("npa.storage")


@MIGRATIONS(name="0001_events")
def events_table(db: Database) -> None:
    """The event log: one row per event, keyed by deal and sequence, STRICT."""
    db.table("events").create(
        {
            "deal_id": str,
            "seq": int,
            "type": str,
            "v": int,
            "at": str,
            "data": str,
            "prev_hash": str,
            "hash": str,
        },
        pk=("deal_id", "seq"),
        not_null=("deal_id", "seq", "type", "v", "data", "prev_hash", "hash"),
        strict=True,
    )


@MIGRATIONS(name="0002_events_append_only")
def events_append_only(db: Database) -> None:
    """Triggers that make the database itself refuse UPDATE and DELETE on events."""
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
            "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
        )


@MIGRATIONS(name="0003_query_tables")
def query_tables(db: Database) -> None:
    """The query tables: one row per deal and one per condition of each deal."""
    db.table("deals").create(
        {"deal_id": str, "state": str, "seq": int, "head": str, "status": str},
        pk="deal_id",
        not_null=("state", "seq", "head", "status"),
        strict=True,
    )
    db.table("conditions").create(
        {"deal_id": str, "section": str, "status": str},
        pk=("deal_id", "section"),
        not_null=("deal_id", "section", "status"),
        foreign_keys=[("deal_id", "deals", "deal_id")],
        strict=True,
    )


@MIGRATIONS(name="0004_conditions_view")
def conditions_view(db: Database) -> None:
    """The conditions become a view over each deal's stored status: the same rows, no writes.

    Every accepted action rewrote fourteen condition rows that the `deals`
    row already holds in its status; a view reads them from there, so they
    can never drift from it and cost nothing to keep.
    """
    db.table("conditions").drop()
    db.create_view(
        "conditions",
        "SELECT deals.deal_id AS deal_id, condition.key AS section, "
        "condition.value AS status "
        "FROM deals, json_each(deals.status, '$.conditions') AS condition",
    )


@MIGRATIONS(name="0005_event_macs")
def event_macs(db: Database) -> None:
    """Room for a keyed chain: an HMAC per event and one over each deal's head (issue 10).

    Both stay NULL in a store opened without a key (`storage.keys`).
    """
    db.execute("ALTER TABLE events ADD COLUMN mac TEXT")
    db.execute("ALTER TABLE deals ADD COLUMN head_mac TEXT")


@MIGRATIONS(name="0006_requests")
def requests_table(db: Database) -> None:
    """Accepted actions by request_id (issue 11 item 6): the action's fingerprint, the
    seq of its first event and its result, append-only like the log itself."""
    db.table("requests").create(
        {"deal_id": str, "request_id": str, "fingerprint": str, "seq": int, "result": str},
        pk=("deal_id", "request_id"),
        not_null=("deal_id", "request_id", "fingerprint", "seq", "result"),
        strict=True,
    )
    for sql in schema.APPEND_ONLY_REQUESTS.values():
        db.execute(sql)


@MIGRATIONS(name="0007_event_positions")
def event_positions(db: Database) -> None:
    """A global position for every event of the store, in the order they were committed
    (issue 11 item 7: the change feed). Existing rows take their rowid, which is their
    insertion order (the log is append-only); the column is explicit because a VACUUM
    may renumber rowids. The append-only trigger is lifted for the one backfill and made
    again word for word, as `npa verify` expects it."""
    db.execute("ALTER TABLE events ADD COLUMN position INTEGER")
    db.execute("DROP TRIGGER events_no_update")
    db.execute("UPDATE events SET position = rowid")
    db.execute(schema.APPEND_ONLY_EVENTS["events_no_update"])
    db.execute("CREATE UNIQUE INDEX events_by_position ON events (position)")


@MIGRATIONS(name="0008_next_deadlines")
def next_deadlines(db: Database) -> None:
    """Each deal's next deadline, a query table kept by every write (issue 11 item 8), so
    that `store.due` reads an index instead of folding deals. Deals written by an earlier
    release have no row until their next write or `npa verify --rebuild-tables`."""
    db.execute("CREATE TABLE next_due (deal_id TEXT PRIMARY KEY, due TEXT, kind TEXT, "
               "section TEXT, what TEXT, pending INTEGER NOT NULL) STRICT")
    db.execute("CREATE INDEX next_due_by_due ON next_due (due)")


#: The events table from step 0009 on: `position` is its INTEGER PRIMARY KEY (the rowid,
#: which VACUUM keeps for such a column), (deal_id, seq) its unique key.
EVENTS_0009 = (
    "CREATE TABLE events (deal_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, "
    "v INTEGER NOT NULL, at TEXT, data TEXT NOT NULL, prev_hash TEXT NOT NULL, "
    "hash TEXT NOT NULL, mac TEXT, position INTEGER PRIMARY KEY, UNIQUE (deal_id, seq)) STRICT"
)


@MIGRATIONS(name="0009_positions_as_rowid")
def positions_as_rowid(db: Database) -> None:
    """The events table rebuilt with `position` as its INTEGER PRIMARY KEY (issue 11 item 13):
    the rowid is the position, so an append writes no separate position index (one page
    fewer to sync per action). Every row is copied with its position and its text as
    stored; the columns, their order, STRICT, NOT NULL and the (deal_id, seq) key stay;
    the append-only triggers are made again word for word (schema.APPEND_ONLY_EVENTS),
    as `npa verify` expects them."""
    db.execute("ALTER TABLE events RENAME TO events_before_0009")
    db.execute(EVENTS_0009)
    columns = "deal_id, seq, type, v, at, data, prev_hash, hash, mac, position"
    # A row without a position (written by a release before 0007 into a migrated file)
    # takes the next one after every positioned row, in the order it was inserted.
    db.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM events_before_0009 "
               "ORDER BY position IS NULL, position, rowid")
    copied = db.execute("SELECT (SELECT count(*) FROM events), "
                        "(SELECT count(*) FROM events_before_0009)").fetchone()
    if copied[0] != copied[1]:
        raise RuntimeError(f"migration 0009 copied {copied[0]} of {copied[1]} events")
    db.execute("DROP TABLE events_before_0009")  # with its triggers and position index
    for sql in schema.APPEND_ONLY_EVENTS.values():
        db.execute(sql)


@functools.cache
def triggers_made() -> dict[str, str]:
    """Every trigger the schema steps make (name -> its SQL), as a new database gets them:
    what `npa verify` expects to find, so that a trigger planted in the file shows."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    try:
        MIGRATIONS.apply(Database(conn))
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    finally:
        conn.close()


def migrate(db: Database) -> None:
    """Apply every pending step; the caller holds a write transaction."""
    MIGRATIONS.apply(db)


def pending(db: Database) -> list[str]:
    """The names of the steps this database has not applied yet."""
    return [step.name for step in MIGRATIONS.pending(db)]
