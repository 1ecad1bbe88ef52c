"""Opening the SQLite file: location, pragmas, schema upgrades and the errors a user can meet."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from .connection import StoreDatabase
from .schema_steps import KNOWN_MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_MIGRATION_SET

APP_NAME = "KKR Desk"
DATABASE_FILE_NAME = "kkr-desk.db"


class StoreError(Exception):
    """A problem the user can act on; ``str(error)`` is a Danish sentence for them."""


class StoreWriteError(StoreError):
    """SQLite could not write just now (locked, disk full, read-only, I/O); nothing was changed.

    Trying the same edit again later may succeed, so the window keeps the words and retries.
    """


REFUSALS = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
    }
)
"""SQLite's primary result codes for a write the file or the machine refused for now.

Decided by code, not by message text: the text differs between SQLite versions.
"""


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (extended codes keep it in the low byte); None when the
    error was not raised by SQLite itself."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_refusal(error: sqlite3.Error) -> bool:
    """True for a write SQLite refused for now, False for a mistake in our own SQL."""
    return primary_code(error) in REFUSALS


@contextlib.contextmanager
def write_transaction(db: StoreDatabase) -> Iterator[StoreDatabase]:
    """One user edit as one transaction; SQLite's refusals become a StoreWriteError.

    Every other sqlite3 error ("no such column", a broken constraint) is a bug in KKR Desk:
    it is rolled back and goes up unchanged, to the log and the program-error message, and
    is never retried, since the same statement would fail the same way forever.
    """
    try:
        with db.atomic():
            yield db
    except sqlite3.Error as error:
        if not is_refusal(error):
            raise
        raise StoreWriteError(f"databasen kunne ikke gemme ({error})") from error


class DatabaseOpenError(StoreError):
    """The file cannot be used as a KKR Desk database."""


WHAT_TO_DO = (
    "gendan en sikkerhedskopi med 'kkr-desk restore' (i vinduet: Gendan fra "
    "sikkerhedskopi…) eller vælg en anden fil"
)


class DatabaseDamaged(DatabaseOpenError):
    """The file is not a readable SQLite database: truncated, overwritten or corrupt.

    ``detail`` is a short Danish phrase; ``report`` keeps SQLite's own (often many-line)
    words for whoever rescues the file, out of the message the user reads.
    """

    def __init__(self, path: Path, detail: str, report: str = ""):
        self.path = Path(path)
        self.detail = detail
        self.report = report
        super().__init__(
            f"{path} er ikke en brugbar KKR Desk-database ({detail}); {WHAT_TO_DO}"
        )


def refusal(path: Path, error: sqlite3.Error) -> DatabaseOpenError:
    """SQLite's refusal to open or read ``path`` as one Danish sentence of the right kind.

    A full disk, a read error or a locked file is not damage: the file may be whole, and
    the user must not be led to replace it with an older backup.
    """
    code = primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        return DatabaseOpenError(
            f"der er ikke plads på disken til at åbne {path}; frigør plads og prøv igen "
            "(filen er ikke ændret)"
        )
    if code == sqlite3.SQLITE_IOERR:
        return DatabaseOpenError(
            f"{path} kunne ikke læses eller skrives (disken er fuld eller har en fejl); "
            "frigør plads eller kontrollér drevet, og prøv igen"
        )
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY):
        return DatabaseOpenError(
            f"kan ikke åbne {path} (ingen adgang eller skrivebeskyttet); vælg en anden fil"
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseOpenError(
            f"{path} er i brug af et andet program; luk det og prøv igen"
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseDamaged(path, "filen er beskadiget", str(error))
    return DatabaseOpenError(
        f"{path} er ikke en brugbar KKR Desk-database ({_one_line(str(error))}); "
        "vælg en anden fil eller gendan en sikkerhedskopi"
    )


def _one_line(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def default_database_path() -> Path:
    """The database in the user's data folder, the same place on every start."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DATABASE_FILE_NAME


def check_location(path: Path) -> None:
    """The path must name a file in an existing folder."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} er en mappe, ikke en databasefil")
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"mappen {path.parent} findes ikke")


def open_database(path: Path) -> tuple[StoreDatabase, bool]:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    Returns the database and whether it was new. WAL with ``synchronous=FULL`` makes each
    committed transaction durable when the call returns, and lets a reader run beside the
    writer. The schema's steps (and sqlite-utils) are loaded only when one is missing.
    """
    path = Path(path)
    check_location(path)
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as error:
        raise refusal(path, error) from error
    db = StoreDatabase(conn)
    try:
        applied = schema_steps_of(db, path)
        is_new = applied is None
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
        if applied != KNOWN_MIGRATIONS:
            bring_schema_forward(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise refusal(path, error) from error
    except DatabaseOpenError:
        conn.close()
        raise
    return db, is_new


def bring_schema_forward(db: StoreDatabase) -> None:
    """Apply the schema's missing steps.

    One transaction: a kill while a new file gets its schema leaves all of it, with its
    migration records, or nothing (never a bare migration table).
    """
    from .migrations import MIGRATIONS

    with db.atomic():
        MIGRATIONS.apply(db.utils)


def applied_steps(db: StoreDatabase) -> set[str]:
    """The names of the schema's steps recorded in the database (none without the table)."""
    if not db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone():
        return set()
    return {
        row[0]
        for row in db.conn.execute(
            f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ?",
            [SCHEMA_MIGRATION_SET],
        )
    }


def check_is_ours(db: StoreDatabase, path: Path) -> bool:
    """True for an empty file; refuse another program's database instead of writing into it."""
    return schema_steps_of(db, path) is None


def schema_steps_of(db: StoreDatabase, path: Path) -> set[str] | None:
    """The schema steps a database of ours has applied; None for an empty (new) file.

    Another program's database, or one a newer KKR Desk wrote, is refused instead of being
    written into. A file holding nothing but an empty migration table is ours and new: an
    older KKR Desk made the table outside the schema's transaction, so a kill could leave
    just that.
    """
    tables = set(db.table_names())
    if not tables or (
        tables == {MIGRATIONS_TABLE}
        and not db.conn.execute(f"SELECT count(*) FROM [{MIGRATIONS_TABLE}]").fetchone()[0]
    ):
        return None
    applied = applied_steps(db)
    if not applied:
        raise DatabaseOpenError(
            f"{path} tilhører et andet program og er ikke en KKR Desk-database; "
            "vælg en anden fil"
        )
    unknown = applied - KNOWN_MIGRATIONS
    if unknown:
        raise DatabaseOpenError(
            f"{path} er gemt af en nyere udgave af KKR Desk; opdatér programmet "
            "for at åbne den"
        )
    return applied
