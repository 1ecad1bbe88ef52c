"""Looking at a database file before trusting it, without ever writing to it.

A damaged file is evidence: a later expert (or a backup restore) may still save words
from it. So the check below opens it read-only, decides whether it is a healthy KKR Desk
database, and refuses with a message that says what to do. The file is changed only when
the user chooses to start afresh, and then only by renaming it aside (``move_aside``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .database import DatabaseOpenError, check_is_ours
from .lock import acquire_database_lock

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
DAMAGED_MARK = "beskadiget"

WHAT_TO_DO = (
    "gendan en sikkerhedskopi med 'kkr-desk restore' (i vinduet: Gendan fra "
    "sikkerhedskopi…) eller vælg en anden fil"
)


class DatabaseDamaged(DatabaseOpenError):
    """The file is not a readable SQLite database: truncated, overwritten or corrupt."""

    def __init__(self, path: Path, detail: str):
        self.path = Path(path)
        self.detail = detail
        super().__init__(
            f"{path} er ikke en brugbar KKR Desk-database ({detail}); {WHAT_TO_DO}"
        )


def inspect_database_file(path: Path) -> None:
    """Raise DatabaseOpenError unless ``path`` is missing, empty or a healthy database of ours.

    Reads only: the header, then a read-only, immutable SQLite connection for
    ``quick_check`` and the schema. It creates no -wal or -shm and never checkpoints a WAL
    into the file, so even a damaged file with a ``-wal`` beside it stays exactly as it was.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    hot_journal = path.with_name(path.name + "-journal")
    if hot_journal.exists() and hot_journal.stat().st_size > 0:
        return  # a write cut short while the file was created; SQLite rolls it back
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise DatabaseOpenError(
            f"kan ikke læse {path} ({error.strerror or error}); vælg en anden fil"
        ) from error
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseDamaged(path, "filen er ikke en SQLite-database")
    if len(header) < HEADER_SIZE:
        raise DatabaseDamaged(path, "filen er afkortet")
    page_size = _page_size(header)
    size = path.stat().st_size
    if page_size is None:
        raise DatabaseDamaged(path, "filens hoved er beskadiget")
    if size % page_size or size < page_size:
        raise DatabaseDamaged(path, "filen er afkortet")
    try:
        # immutable: no locks, no -shm, no WAL replay; we hold the writer lock, so nothing
        # else changes the file meanwhile. A -wal left by a crash is replayed (with its own
        # checksums) by the real open that follows, once the file itself is known sound.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise DatabaseOpenError(f"kan ikke åbne {path}: {error}; vælg en anden fil") from error
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if verdict != ["ok"]:
            raise DatabaseDamaged(path, f"filen er beskadiget: {verdict[0]}")
        check_is_ours(Database(conn, execute_plugins=False), path)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "unable to open" in str(error):
            raise DatabaseOpenError(
                f"kan ikke læse {path} ({error}); vælg en anden fil"
            ) from error
        raise DatabaseDamaged(path, f"filen er beskadiget: {error}") from error
    except sqlite3.DatabaseError as error:
        raise DatabaseDamaged(path, f"filen er beskadiget: {error}") from error
    finally:
        conn.close()


def _page_size(header: bytes) -> int | None:
    """The page size recorded at offset 16 (1 means 65536); None when it is impossible."""
    raw = int.from_bytes(header[16:18], "big")
    size = 65536 if raw == 1 else raw
    if size < 512 or size & (size - 1):
        return None
    return size


def move_aside(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; return the new name.

    Called only when the user chooses to start afresh. The file keeps every byte, under
    ``<name>.beskadiget-YYYYMMDD-HHMMSS``, with its side files renamed alike so SQLite
    still pairs them. Refused with DatabaseInUse while another process has it open.
    """
    path = Path(path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{DAMAGED_MARK}-{stamp}")
    counter = 2
    while target.exists() or any(
        target.with_name(target.name + s).exists() for s in SIDE_FILE_SUFFIXES
    ):
        target = path.with_name(f"{path.name}.{DAMAGED_MARK}-{stamp}-{counter}")
        counter += 1
    lock = acquire_database_lock(path)
    try:
        if path.exists():
            path.rename(target)
        for suffix in SIDE_FILE_SUFFIXES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
    finally:
        lock.release()
    return target
