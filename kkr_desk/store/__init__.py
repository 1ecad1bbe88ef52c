"""The only place with SQL: the SQLite database behind every meeting (sqlite-utils)."""

from __future__ import annotations

from pathlib import Path

from ..domain.meeting_life import MeetingState
from .backup import Backup, backup_copy, backup_now, list_backups, restore_backup, restore_into
from .database import (
    DatabaseOpenError,
    StoreError,
    StoreWriteError,
    default_database_path,
)
from .health import DatabaseDamaged, RestoreInterrupted, move_aside
from .lock import DatabaseInUse
from .sample import read_sample_meeting
from .search import EarlierTreatment, SearchHit
from .store import MeetingNotFound, MeetingSummary, Store


def open_store(path: Path | None = None) -> Store:
    """Open the database (the user's default one without a path); a new one gets the sample.

    The sample is read before a new file is made: a broken installation must not leave an
    empty database behind, which would never get its sample afterwards.
    """
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    sample = None if _has_content(path) else read_sample_meeting()
    store = Store(path)
    if store.is_new:
        try:
            # The sample is a meeting that was held: its referat is written.
            sample = sample if sample is not None else read_sample_meeting()
            store.meetings.add(sample, MeetingState.HELD)
        except BaseException:
            store.close()
            raise
    return store


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


__all__ = [
    "Backup",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseOpenError",
    "EarlierTreatment",
    "MeetingNotFound",
    "MeetingSummary",
    "RestoreInterrupted",
    "SearchHit",
    "Store",
    "StoreError",
    "StoreWriteError",
    "backup_copy",
    "backup_now",
    "default_database_path",
    "list_backups",
    "move_aside",
    "open_store",
    "restore_backup",
    "restore_into",
]
