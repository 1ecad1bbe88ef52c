"""One writer per database file: an operating-system lock held while a Store is open.

Two KKR Desk windows on the same file would each save their own copy of a section and
overwrite the other's words. So opening a Store takes an exclusive lock on a small file
beside the database (``kkr-desk.db.lock``) and keeps it until the Store is closed.

The lock is the OS's own (``flock`` on Linux/macOS, ``LockFileEx`` on Windows, through the
``filelock`` package): the kernel drops it when the holding process dies, however it dies,
so a crash can never leave a stale lock behind. The lock file itself may stay on disk; its
presence means nothing, only a held lock does.

Inside one process the lock is shared: a second Store on the same file in the same process
(a test, a background export) reuses it and only the last close releases it. Another
process, including a second ``kkr-desk`` command, is refused with DatabaseInUse.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from filelock import FileLock, Timeout

from .database import DatabaseOpenError, StoreError

LOCK_SUFFIX = ".lock"


class DatabaseInUse(StoreError):
    """Another KKR Desk (window or command) has the database open."""


def lock_path(db_path: Path) -> Path:
    """The lock file that guards ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


class DatabaseLock:
    """A held writer lock; ``release()`` gives it back (idempotent)."""

    def __init__(self, key: str, lock: FileLock):
        self._key = key
        self._lock = lock
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        _release(self._key)

    @property
    def is_held(self) -> bool:
        return not self._released


_held: dict[str, tuple[FileLock, int]] = {}
_held_guard = threading.Lock()


def acquire_database_lock(db_path: Path) -> DatabaseLock:
    """Take the writer lock for ``db_path`` or raise DatabaseInUse at once (never waits)."""
    path = lock_path(db_path)
    key = os.path.normcase(str(path.resolve()))
    with _held_guard:
        if key in _held:
            lock, count = _held[key]
            _held[key] = (lock, count + 1)
            return DatabaseLock(key, lock)
        lock = FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False)
        try:
            lock.acquire()
        except Timeout as error:
            raise DatabaseInUse(
                f"Databasen {Path(db_path)} er allerede åben i et andet KKR Desk-vindue "
                "(eller en kkr-desk-kommando); luk det først, eller vælg en anden fil"
            ) from error
        except OSError as error:
            raise DatabaseOpenError(
                f"kan ikke låse databasen {Path(db_path)} ({error.strerror or error}); "
                "kontrollér at du må skrive i mappen, eller vælg en anden fil"
            ) from error
        _held[key] = (lock, 1)
        return DatabaseLock(key, lock)


def _release(key: str) -> None:
    with _held_guard:
        lock, count = _held[key]
        if count > 1:
            _held[key] = (lock, count - 1)
            return
        del _held[key]
        lock.release()
