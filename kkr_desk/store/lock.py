"""One writer per database file: an operating-system lock held while a Store is open.

Two KKR Desk windows on the same file would each save their own copy of a section and
overwrite the other's words. So opening a Store takes an exclusive lock on a small file
beside the database (``kkr-desk.db.lock``) and keeps it until the Store is closed.

The lock is the OS's own (``flock`` on Linux/macOS, ``LockFileEx`` on Windows, through the
small ``kkr_desk.os_lock``): the kernel drops it when the holding process dies, however it dies,
so a crash can never leave a stale lock behind. The lock file itself may stay on disk; its
presence means nothing, only a held lock does.

The lock belongs to the file, not to the name it was reached by: a symbolic link (or a
chain of them) is followed to the real file and the lock lies beside that. A hard link
cannot be followed, since every name of the file is equally real, so a database with more
than one name is refused; SQLite names its -wal and -journal after the name too, so two
names would lose each other's last edits after a crash even one at a time.

Inside one process the lock is shared: a second Store on the same file in the same process
(a test, a background export) reuses it and only the last close releases it. That is
os_lock's shared mode (one descriptor per lock file, counted, shared by all threads). Another
process, including a second ``kkr-desk`` command, is refused with DatabaseInUse.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..os_lock import FileLock

from .database import DatabaseOpenError, StoreError

LOCK_SUFFIX = ".lock"


class DatabaseInUse(StoreError):
    """Another KKR Desk (window or command) has the database open."""


def database_file(db_path: Path) -> Path:
    """The file ``db_path`` really names: symbolic links followed, however many."""
    try:
        return Path(db_path).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links (Python 3.11)
        raise DatabaseOpenError(
            f"{Path(db_path)} er en genvej, der ikke fører frem til en fil (den peger i ring); "
            "vælg selve databasefilen"
        ) from error


def lock_path(db_path: Path) -> Path:
    """The lock file that guards ``db_path``: beside the real file, named after it."""
    real = database_file(db_path)
    return real.with_name(real.name + LOCK_SUFFIX)


class DatabaseLock:
    """A held writer lock; ``release()`` gives it back (idempotent)."""

    def __init__(self, lock: FileLock):
        self._lock: FileLock | None = lock

    def release(self) -> None:
        if self._lock is not None:
            lock, self._lock = self._lock, None
            lock.release()


def acquire_database_lock(db_path: Path) -> DatabaseLock:
    """Take the writer lock for ``db_path`` or raise DatabaseInUse at once (never waits)."""
    real = database_file(db_path)
    path = real.with_name(real.name + LOCK_SUFFIX)
    # shared: every Store of this process on the file shares one lock, whose count (for
    # all threads) releases the OS lock when the last one lets go.
    lock = FileLock(path, shared=True)
    try:
        acquired = lock.acquire()
    except OSError as error:
        raise DatabaseOpenError(
            f"kan ikke låse databasen {Path(db_path)} ({error.strerror or error}); "
            "kontrollér at du må skrive i mappen, eller vælg en anden fil"
        ) from error
    if not acquired:
        raise DatabaseInUse(
            f"Databasen {Path(db_path)} er allerede åben i et andet KKR Desk-vindue "
            "(eller en kkr-desk-kommando); luk det først, eller vælg en anden fil"
        )
    held = DatabaseLock(lock)
    try:
        _refuse_a_second_name(db_path, real)
    except BaseException:
        held.release()
        raise
    return held


def _refuse_a_second_name(db_path: Path, real: Path) -> None:
    """A file with hard links has other names, each with its own lock; refuse it.

    Checked while holding the lock: a link made after we opened the file is seen by
    whoever opens it through the link, so that one is refused instead.
    """
    try:
        names = os.stat(real).st_nlink
    except FileNotFoundError:
        return  # a new database: it has no other name yet
    except OSError as error:
        raise DatabaseOpenError(
            f"kan ikke læse databasen {Path(db_path)} ({error.strerror or error}); vælg en anden fil"
        ) from error
    if names > 1:
        raise DatabaseOpenError(
            f"Databasen {Path(db_path)} har flere navne (hårde links, {names} i alt), så to "
            "vinduer kunne skrive i den hver under sit navn; kopiér filen til et nyt navn og "
            "åbn kopien, eller slet de andre navne"
        )
