"""The database before there is a Desk: opening it at start-up, the start-up backup, and
the recovery a damaged, foreign or busy database needs (list or restore a backup, move
the damaged file aside). The start-up and recovery dialogs use these, never the store.
"""

from __future__ import annotations

from pathlib import Path

from .. import store as _store
from ..store import Backup, Store


def default_database_path() -> Path:
    """The database in the user's data folder, the same place on every start."""
    return _store.default_database_path()


def open_database(path: Path | None = None) -> Store:
    """Open the database (the user's default one without ``path``); AppError if it cannot be."""
    return _store.open_store(path)


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of ``db_path``, newest first; works even when the database is damaged."""
    return _store.list_backups(db_path)


def restore_backup(db_path: Path, backup: Path):
    """Restore ``backup`` as the database at ``db_path`` (the database need not open)."""
    return _store.restore_backup(db_path, backup)


def move_aside(db_path: Path) -> Path:
    """Rename a damaged database out of the way so a fresh one can start; the new name."""
    return _store.move_aside(db_path)
