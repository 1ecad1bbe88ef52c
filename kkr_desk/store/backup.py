"""Backups: consistent copies of the database, taken often, kept a while, restored in one step.

A copy is made with SQLite's online backup API from the Store's own connection, so it is a
consistent snapshot even while the window is editing. Copies live in ``sikkerhedskopier/``
beside the database (for the default database: the user's data folder) and are named
``<database name>-<number>-YYYYMMDD-HHMMSS.db``. The number counts up with every copy; it,
not the clock, says which copy is newest, so a clock that was once wrong (or copies that
arrived named for 2030) can never make a new copy look old. The newest ``KEEP_BACKUPS`` are
kept. A copy that would be byte-for-byte the same as the newest one is not taken again, so
opening the same unchanged meeting twenty times does not push the older, different states
out. Copies named the old way, without a number (before numbers came), count as older than
every numbered one, newest by modification time.

When to take one: the window calls ``backup_now(store)`` when a meeting is opened, and the
referat export calls it before writing the .docx. Restoring first takes a safety copy of
the current state, marked ``-inden-gendannelse``, so a restore can itself be undone by
restoring that copy; the newest such copy is never rotated away, however many backups
follow, until a later restore makes a newer one.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import glob
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from .database import DatabaseOpenError, StoreError, bring_schema_forward
from .health import (
    DatabaseDamaged,
    SIDE_FILE_SUFFIXES,
    RestoreInterrupted,
    inspect_database_file,
    move_aside,
    pending_restore_path,
)
from .lock import acquire_database_lock
from .store import Store

BACKUP_FOLDER_NAME = "sikkerhedskopier"
KEEP_BACKUPS = 20
SAFETY_MARK = "-inden-gendannelse"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
# SQLite's side files of a copy being written: a kill can leave any of them.
_TEMP_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


@dataclass(frozen=True)
class Backup:
    """One backup file, as the restore list shows it."""

    path: Path
    taken_at: dt.datetime
    """The computer's clock when the copy was taken (as its name says)."""
    size: int
    number: int = 0
    """Counts up with every copy; 0 for a copy named before numbers came."""
    before_restore: bool = False
    """A safety copy of the state a restore replaced."""

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did besides restoring, so the user can be told where things went."""

    safety_copy: Path | None
    """A backup of the state that was replaced (None when there was no usable state)."""
    moved_aside: Path | None
    """Where a damaged database was moved before the backup took its place."""


def backup_folder(db_path: Path) -> Path:
    """The folder holding the backups of ``db_path``."""
    return Path(db_path).parent / BACKUP_FOLDER_NAME


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of ``db_path``, newest written first. Works even when the database is damaged.

    Ordered by number, never by the time in the name; unnumbered (old) copies come last,
    by modification time.
    """
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    stem = re.escape(Path(db_path).stem)
    numbered = re.compile(
        rf"^{stem}-(\d+)-(\d{{8}}-\d{{6}})({re.escape(SAFETY_MARK)})?\.db$"
    )
    unnumbered = re.compile(rf"^{stem}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.db$")
    found: list[tuple[tuple, Backup]] = []
    for path in folder.iterdir():
        match = numbered.match(path.name) or unnumbered.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            info = path.stat()
            if match.re is numbered:
                number, stamp, safety = int(match.group(1)), match.group(2), bool(match.group(3))
                order: tuple = (number,)
            else:
                number, stamp, safety = 0, match.group(1), False
                order = (0, info.st_mtime, int(match.group(2) or 1))
            taken_at = dt.datetime.strptime(stamp, _STAMP_FORMAT)
        except (OSError, ValueError):
            continue
        found.append((order, Backup(path, taken_at, info.st_size, number, safety)))
    found.sort(key=lambda entry: entry[0], reverse=True)
    return [backup for _, backup in found]


def backup_now(
    store: Store, *, keep: int = KEEP_BACKUPS, now: dt.datetime | None = None
) -> Path | None:
    """Take a consistent copy of the open database; return it, or None if nothing changed.

    The copy is written under a temporary name and renamed when whole, so a crash never
    leaves a half copy that looks like a backup. Raises StoreError (in Danish) when the
    copy cannot be written; the database itself is never touched by a failed backup.
    """
    return _take_backup(store.db.conn, store.path, keep=keep, now=now, before_restore=False)


def backup_copy(
    db_path: Path, *, keep: int = KEEP_BACKUPS, now: dt.datetime | None = None
) -> Path | None:
    """``backup_now`` for a worker thread: reads ``db_path`` through a connection of its own.

    A sqlite3 connection belongs to the thread that opened it, so a backup run off the UI
    thread cannot use the Store's. This one is opened read-only in the calling thread and
    closed before returning; under WAL it reads the last committed state while the window
    goes on writing. Backups in one process take turns (``_ONE_BACKUP_AT_A_TIME``).
    """
    db_path = Path(db_path)
    try:
        source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(
            f"sikkerhedskopien af {db_path.name} kunne ikke tages ({error}); databasen er uændret"
        ) from error
    try:
        return _take_backup(source, db_path, keep=keep, now=now, before_restore=False)
    finally:
        source.close()


_ONE_BACKUP_AT_A_TIME = threading.Lock()
"""A backup clears the temporary copies a killed one left and numbers itself after the
newest: two at once in one process (the start-up backup job and a restore's safety copy)
would delete each other's copy mid-write. So they take turns; each lasts milliseconds."""


def _take_backup(
    conn: sqlite3.Connection,
    db_path: Path,
    *,
    keep: int | None,
    now: dt.datetime | None,
    before_restore: bool,
) -> Path | None:
    with _ONE_BACKUP_AT_A_TIME:
        return _take_backup_now(
            conn, db_path, keep=keep, now=now, before_restore=before_restore
        )


def _take_backup_now(
    conn: sqlite3.Connection,
    db_path: Path,
    *,
    keep: int | None,
    now: dt.datetime | None,
    before_restore: bool,
) -> Path | None:
    """``keep`` None: rotate nothing now (the next backup will)."""
    folder = backup_folder(db_path)
    stamp = (now or dt.datetime.now()).strftime(_STAMP_FORMAT)
    temp: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        _remove_leftovers(folder, db_path.stem)
        existing = list_backups(db_path)
        number = max((backup.number for backup in existing), default=0) + 1
        target = _free_name(folder, db_path.stem, number, stamp, before_restore)
        temp = folder / f".{target.name}.tmp"
        _copy_database(conn, temp)
        if (
            not before_restore
            and existing
            and filecmp.cmp(temp, existing[0].path, shallow=False)
        ):
            _remove_copy(temp)
            return None
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:
        if temp is not None:
            _remove_copy(temp)
        raise StoreError(
            f"sikkerhedskopien i {folder} kunne ikke gemmes ({_describe(error)}); "
            "databasen er uændret"
        ) from error
    if keep is not None:
        _rotate(db_path, keep)
    return target


def restore_into(store: Store, backup: Path) -> Path:
    """Replace the open database's content with ``backup``; return the safety copy.

    For the window: the Store stays open and the caller reloads what it shows.
    """
    backup = Path(backup)
    _require_usable_backup(backup)
    safety = _safety_copy(store)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(store.db.conn)
        finally:
            source.close()
        if store.db.journal_mode != "wal":
            store.db.enable_wal()
        bring_schema_forward(store.db)  # a backup from an older version is brought forward
    except sqlite3.Error as error:
        raise StoreError(
            f"sikkerhedskopien {backup.name} kunne ikke gendannes ({error}); "
            "databasen er uændret"
        ) from error
    return safety


def restore_backup(db_path: Path, backup: Path) -> RestoreOutcome:
    """Restore ``backup`` as the database at ``db_path`` (the CLI's ``restore``).

    A healthy database gets the backup's content after a safety copy is taken; a damaged
    one is moved aside (never overwritten) and the backup copied into its place, as is
    whatever a restore cut short left behind. Another
    program's database or a newer version's is refused. DatabaseInUse while another
    window or command has the file open.
    """
    db_path, backup = Path(db_path), Path(backup)
    _require_usable_backup(backup)
    lock = acquire_database_lock(db_path)
    try:
        try:
            store = Store(db_path)
        except (DatabaseDamaged, RestoreInterrupted):
            return RestoreOutcome(safety_copy=None, moved_aside=_replace_damaged(db_path, backup))
        with store:
            return RestoreOutcome(safety_copy=restore_into(store, backup), moved_aside=None)
    finally:
        lock.release()


def _replace_damaged(db_path: Path, backup: Path) -> Path | None:
    """Put a whole copy of ``backup`` in place of a damaged database; return where it went.

    The copy is made and fsynced beside the database first, under a name that tells the
    next start a restore is under way (``RestoreInterrupted``), so a kill at any point
    leaves either the damaged file untouched or the backup in its place, never a new empty
    database that hides what happened. A second try (after such a kill) starts over.
    """
    pending = pending_restore_path(db_path)
    _remove_with_side_files(pending)  # a copy a kill cut short is made again, whole
    try:
        _copy_file_database(backup, pending)
        _fsync(pending)
    except (OSError, sqlite3.Error) as error:
        _remove_with_side_files(pending)
        raise StoreError(
            f"sikkerhedskopien {backup.name} kunne ikke gendannes ({_describe(error)}); "
            "databasen er uændret"
        ) from error
    # a kill inside move_aside may have left the damaged file's -wal behind: move it too,
    # or SQLite would replay it into the restored copy
    left = [db_path, *(db_path.with_name(db_path.name + s) for s in SIDE_FILE_SUFFIXES)]
    moved = move_aside(db_path) if any(p.exists() for p in left) else None
    os.replace(pending, db_path)
    _fsync(db_path.parent)
    Store(db_path).close()  # WAL on, schema brought forward
    return moved


def _remove_with_side_files(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in SIDE_FILE_SUFFIXES)):
        name.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Flush a file (or, where the OS allows it, a folder's entries) to the disk."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its renames are durable on their own
    try:
        os.fsync(fd)
    except OSError:
        if path.is_file():
            raise
    finally:
        os.close(fd)


def _require_usable_backup(backup: Path) -> None:
    if not backup.is_file() or backup.stat().st_size == 0:
        raise StoreError(f"sikkerhedskopien {backup} findes ikke; vælg en anden")
    try:
        inspect_database_file(backup)
    except DatabaseOpenError as error:
        detail = error.detail if isinstance(error, DatabaseDamaged) else str(error)
        raise StoreError(
            f"sikkerhedskopien {backup.name} kan ikke bruges ({detail}); vælg en anden"
        ) from error


def _safety_copy(store: Store) -> Path:
    """A backup of the current state, marked as the one a restore replaced.

    Taken even when it equals the newest backup, so the mark is on a copy of its own and
    rotation can keep it until the user has seen what the restore did. It rotates nothing
    away itself, so the backup being restored, however old, is still there to be read.
    """
    taken = _take_backup(store.db.conn, store.path, keep=None, now=None, before_restore=True)
    assert taken is not None  # a safety copy is never skipped as unchanged
    return taken


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent, self-contained copy (rollback journal, no -wal beside it)."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def _copy_file_database(backup: Path, target: Path) -> None:
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_database(source, target)
    finally:
        source.close()


def _remove_leftovers(folder: Path, stem: str) -> None:
    """Half copies from a backup a crash cut short, with SQLite's side files of them. We
    hold the database's writer lock, so no other backup of this database is being written
    now (another database's temporary files do not match: its name differs)."""
    pattern = re.compile(
        rf"^\.{re.escape(stem)}-(\d+-)?\d{{8}}-\d{{6}}(-\d+|{re.escape(SAFETY_MARK)})?"
        rf"\.db\.tmp({'|'.join(_TEMP_SIDE_SUFFIXES)})?$"
    )
    for leftover in folder.glob(f".{glob.escape(stem)}-*.db.tmp*"):
        if pattern.match(leftover.name) and leftover.is_file():
            leftover.unlink(missing_ok=True)


def _remove_copy(temp: Path) -> None:
    for path in (temp, *(temp.with_name(temp.name + s) for s in _TEMP_SIDE_SUFFIXES)):
        path.unlink(missing_ok=True)


def _free_name(folder: Path, stem: str, number: int, stamp: str, before_restore: bool) -> Path:
    """The next number's name; a higher number if something (not a backup) has it."""
    mark = SAFETY_MARK if before_restore else ""
    while True:
        target = folder / f"{stem}-{number:06d}-{stamp}{mark}.db"
        if not os.path.lexists(target):
            return target
        number += 1


def _rotate(db_path: Path, keep: int) -> None:
    """Delete all but the newest ``keep``; never the newest one, nor the newest safety copy
    (the state the last restore replaced, which the user may still want back)."""
    backups = list_backups(db_path)
    spared = {backup.path for backup in backups[: max(keep, 1)]}
    spared.update(next(([b.path] for b in backups if b.before_restore), []))
    for old in backups:
        if old.path not in spared:
            old.path.unlink(missing_ok=True)


def _describe(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
