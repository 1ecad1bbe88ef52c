"""The only place with SQL: the SQLite database behind every meeting (sqlite-utils)."""

from __future__ import annotations

from pathlib import Path

from .backup import Backup, backup_now, list_backups, restore_backup, restore_into
from .database import (
    DatabaseOpenError,
    StoreError,
    StoreWriteError,
    default_database_path,
)
from .health import DatabaseDamaged, move_aside
from .lock import DatabaseInUse
from .sample import add_sample_meeting
from .store import MeetingNotFound, MeetingSummary, Store


def open_store(path: Path | None = None) -> Store:
    """Open the database (the user's default one without a path); a new one gets the sample."""
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path)
    if store.is_new:
        add_sample_meeting(store)
    return store


__all__ = [
    "Backup",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseOpenError",
    "MeetingNotFound",
    "MeetingSummary",
    "Store",
    "StoreError",
    "StoreWriteError",
    "backup_now",
    "default_database_path",
    "list_backups",
    "move_aside",
    "open_store",
    "restore_backup",
    "restore_into",
]
