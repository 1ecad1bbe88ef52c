"""The store's connection: plain sqlite3 for reading, sqlite-utils' tables on first write.

Importing sqlite-utils costs 100 ms on a laptop (pluggy, click, dateutil) and 240 ms where
numpy is installed, which sqlite-utils then imports too: more than the rest of the window's
start-up together (docs/performance.md). Opening a database and showing a meeting needs
none of it, only SQL. So the repositories get a ``StoreDatabase``: ``execute``, ``query``
and ``atomic`` behave like sqlite-utils' own (the same transaction rules, stated below), on
the connection itself; anything else (``db["table"].insert(…)``, ``upsert``, migrations)
loads sqlite-utils' ``Database`` over the same connection the first time it is asked for.
Both work on the one sqlite3 connection, so a transaction opened by either is the other's.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

Parameters = Sequence[Any] | dict[str, Any] | None

_TRANSACTION_CONTROL = frozenset(
    {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA"}
)
_READING = frozenset({"SELECT", "WITH", "VALUES", "PRAGMA", "EXPLAIN"})
_FIRST_WORD = re.compile(r"\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*(\w+)", re.DOTALL)


def _first_keyword(sql: str) -> str:
    match = _FIRST_WORD.match(sql)
    return match.group(1).upper() if match else ""


def load_table_api() -> None:
    """Import sqlite-utils now, e.g. on a worker once the window is up, so that the first
    edit's write does not wait for it."""
    import sqlite_utils  # noqa: F401


class StoreDatabase:
    """One SQLite connection for the repositories; sqlite-utils is loaded only when needed."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Database | None = None
        self.conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils' Database sets it

    @property
    def utils(self) -> Database:
        """sqlite-utils' Database over this connection, made (and imported) on first use."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)  # no plugin hooks
        return self._utils

    def __getitem__(self, table: str) -> Table:
        return self.utils[table]

    def __getattr__(self, name: str) -> Any:
        """The rest of sqlite-utils' Database API (``triggers_dict``, ``table`` …)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """Run one statement. As in sqlite-utils, a write outside a transaction is committed
        at once, and a failed statement leaves no transaction of its own open."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, () if parameters is None else parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, parameters: Parameters = None) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT as dictionaries, fetched as they are iterated.

        A statement that could write is refused before it runs (sqlite-utils' ``query``
        rolls it back instead): reads are all the repositories ask of it.
        """
        if _first_keyword(sql) not in _READING:
            raise ValueError("query() is for statements that only read; use execute()")
        cursor = self.conn.execute(sql, () if parameters is None else parameters)
        if cursor.description is None:
            raise ValueError("query() is for statements that return rows; use execute()")
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[StoreDatabase]:
        """One transaction; inside another, a savepoint (sqlite-utils' ``atomic`` alike)."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT kkr_desk_atomic")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    self.conn.execute("ROLLBACK TO SAVEPOINT kkr_desk_atomic")
                    self.conn.execute("RELEASE SAVEPOINT kkr_desk_atomic")
                raise
            else:
                self.conn.execute("RELEASE SAVEPOINT kkr_desk_atomic")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )]

    @property
    def journal_mode(self) -> str:
        return self.conn.execute("PRAGMA journal_mode").fetchone()[0]

    def enable_wal(self) -> None:
        if self.journal_mode != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()
