"""Looking at a database file before trusting it, without ever writing to it.

A damaged file is evidence: a later expert (or a backup restore) may still save words
from it. So the check below opens it read-only, decides whether it is a healthy KKR Desk
database, and refuses with a message that says what to do. The file is changed only when
the user chooses to start afresh, and then only by renaming it aside (``move_aside``).
A ``-wal`` or ``-journal`` beside it is part of the database: then a private copy of both,
recovered by SQLite, is what gets checked.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
import tempfile
from pathlib import Path

from .connection import StoreDatabase
from .database import DatabaseDamaged, DatabaseOpenError, check_is_ours, refusal
from .lock import acquire_database_lock

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
RECOVERY_SUFFIXES = ("-wal", "-journal")
"""Side files SQLite replays or rolls back on open: the file alone is not the database."""
DAMAGED_MARK = "beskadiget"
PENDING_RESTORE_SUFFIX = ".gendannes"
"""Beside a database while a restore over a damaged one is under way (see backup.py)."""

_log = logging.getLogger(__name__)

__all__ = ["DatabaseDamaged", "RestoreInterrupted", "inspect_database_file", "move_aside"]


class RestoreInterrupted(DatabaseOpenError):
    """A restore over a damaged database was cut short (a crash, a kill, a power cut)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(
            f"gendannelsen af {path} fra en sikkerhedskopi blev afbrudt, før den var færdig; "
            "gendan sikkerhedskopien igen med 'kkr-desk restore' (i vinduet: Gendan fra "
            "sikkerhedskopi…); den beskadigede fil er bevaret"
        )


def pending_restore_path(path: Path) -> Path:
    """Where a restore puts the backup's copy before it takes the database's place."""
    return path.with_name(path.name + PENDING_RESTORE_SUFFIX)


def inspect_database_file(path: Path) -> None:
    """Raise DatabaseOpenError unless ``path`` is missing, empty or a healthy database of ours.

    Never writes to the file or its side files. When a ``-wal`` or ``-journal`` lies beside
    it (a writer was killed, or the disk filled, mid-checkpoint or mid-transaction), the
    file alone is not the database: SQLite replays or rolls back that side file on open. So
    the check then runs on a private copy of file and side file, recovered by SQLite itself,
    and nothing SQLite can open whole is called damaged.
    """
    path = Path(path)
    if pending_restore_path(path).exists():
        raise RestoreInterrupted(path)
    if not path.exists():
        return
    sides = [
        suffix
        for suffix in RECOVERY_SUFFIXES
        if _size(path.with_name(path.name + suffix)) > 0
    ]
    if not sides:
        if _size(path) > 0:
            _inspect_alone(path, path)
        return
    if "-journal" in sides and _names_a_super_journal(path.with_name(path.name + "-journal")):
        raise DatabaseOpenError(
            f"ved siden af {path} ligger en journalfil ({path.name}-journal), som henviser til "
            "en anden fil; den er ikke skrevet af KKR Desk. Flyt den væk, før databasen åbnes "
            "(filen er ikke ændret)"
        )
    with tempfile.TemporaryDirectory(prefix="kkr-desk-check-") as folder:
        copy = Path(folder) / "check.db"
        try:
            shutil.copyfile(path, copy)
            for suffix in sides:
                shutil.copyfile(
                    path.with_name(path.name + suffix), copy.with_name(copy.name + suffix)
                )
        except OSError as error:
            raise DatabaseOpenError(
                f"{path} kunne ikke kontrolleres ({error.strerror or error}); frigør plads "
                "på disken og prøv igen (filen er ikke ændret)"
            ) from error
        recovery_error = _recover(copy, path)
        if _size(copy) == 0:
            return  # the creation of a new file rolled back: still new
        _inspect_alone(copy, path)
        if recovery_error is not None:  # the file alone looks sound, but not with its side file
            raise DatabaseDamaged(path, "filen er beskadiget", str(recovery_error))


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _names_a_super_journal(journal: Path) -> bool:
    """True when a rollback journal ends with a super-journal record (name, length,
    checksum, magic). SQLite may delete the file such a record names while it rolls the
    journal back, and KKR Desk never writes one (it attaches no second database), so a
    journal that names one was put there by someone else and is never handed to SQLite."""
    try:
        with journal.open("rb") as handle:
            handle.seek(-len(JOURNAL_MAGIC), 2)
            return handle.read() == JOURNAL_MAGIC
    except OSError:
        return False  # shorter than the magic, or gone: nothing that names a file


def _recover(copy: Path, shown: Path) -> sqlite3.Error | None:
    """Let SQLite replay the -wal (or roll back the -journal) into ``copy``, leaving one file.

    Returns SQLite's complaint if the copy is damaged; a full disk or a read error is
    raised, since it says nothing about the file.
    """
    try:
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:
                raise sqlite3.OperationalError("the private copy could not be checkpointed")
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        problem = refusal(shown, error)
        if not isinstance(problem, DatabaseDamaged):
            raise problem from error
        return error
    for suffix in RECOVERY_SUFFIXES:  # a damaged copy keeps its side files: check it alone
        copy.with_name(copy.name + suffix).unlink(missing_ok=True)
    return None


def _inspect_alone(path: Path, shown: Path) -> None:
    """The checks on one self-contained file; ``shown`` is the name the user knows."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise DatabaseOpenError(
            f"kan ikke læse {shown} ({error.strerror or error}); vælg en anden fil"
        ) from error
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseDamaged(shown, "filen er ikke en SQLite-database")
    if len(header) < HEADER_SIZE:
        raise DatabaseDamaged(shown, "filen er afkortet")
    page_size = _page_size(header)
    size = path.stat().st_size
    if page_size is None:
        raise DatabaseDamaged(shown, "filens hoved er beskadiget")
    if size % page_size or size < page_size:
        raise DatabaseDamaged(shown, "filen er afkortet")
    try:
        # immutable: no locks, no -shm, no WAL replay, nothing written. Either there is no
        # side file, or this is the private copy SQLite has already recovered. We hold the
        # writer lock, so nothing else changes the file meanwhile.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise refusal(shown, error) from error
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if verdict != ["ok"]:
            report = "\n".join(verdict)
            _log.info("quick_check of %s:\n%s", shown, report)
            raise DatabaseDamaged(shown, "filen er beskadiget", report)
        check_is_ours(StoreDatabase(conn), shown)
    except sqlite3.DatabaseError as error:
        raise refusal(shown, error) from error
    finally:
        conn.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


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
