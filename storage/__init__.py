"""Storage: the append-only event log and its query tables, in SQLite via sqlite-utils."""

from storage.sqlite import SqliteStore, StorageError

__all__ = ["SqliteStore", "StorageError"]
