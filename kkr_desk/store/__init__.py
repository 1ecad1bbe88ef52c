"""The only place with SQL: the SQLite database behind every meeting (sqlite-utils)."""

from __future__ import annotations

from pathlib import Path

from .lean_import import import_sqlite_utils

import_sqlite_utils()  # before the modules below import it: keeps numpy out of start-up

from .backup import Backup, backup_now, list_backups, restore_backup, restore_into  # noqa: E402
from .database import (  # noqa: E402
    DatabaseOpenError,
    StoreError,
    StoreWriteError,
    default_database_path,
)
from .health import DatabaseDamaged, RestoreInterrupted, move_aside  # noqa: E402
from .lock import DatabaseInUse  # noqa: E402
from .sample import add_sample_meeting  # noqa: E402
from .store import MeetingNotFound, MeetingSummary, Store  # noqa: E402


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
    "RestoreInterrupted",
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
