"""SQLite's refusals of a write (locked, read-only) are retried; our own SQL mistakes are not.

Every error here is SQLite's own, raised by a real statement on a real file: the store
decides by SQLite's error code, so a hand-made exception would prove nothing.
"""

from __future__ import annotations

import sqlite3

import pytest

from kkr_desk.store import StoreWriteError
from kkr_desk.store.database import write_transaction


def first_body(store, meeting):
    return store.meetings.load(meeting.id).groups[0].items[0].sections[0].body


@pytest.fixture
def section(store, meeting):
    store.meetings.add(meeting)
    return meeting.groups[0].items[0].sections[0]


def test_a_locked_database_is_a_write_error_and_changes_nothing(store, meeting, section, db_path):
    store.db.execute("PRAGMA busy_timeout = 0")  # refuse at once instead of after 5 s
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StoreWriteError, match="databasen kunne ikke gemme") as caught:
            store.agenda.set_section_body(section.id, "halvt")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.__cause__.sqlite_errorname == "SQLITE_BUSY"
    assert first_body(store, meeting) == section.body


def test_a_read_only_database_is_a_write_error(store, meeting, section):
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreWriteError) as caught:
        store.agenda.set_section_body(section.id, "skrivebeskyttet")
    store.db.execute("PRAGMA query_only = OFF")
    assert caught.value.__cause__.sqlite_errorname == "SQLITE_READONLY"
    assert first_body(store, meeting) == section.body


def test_a_mistake_in_our_sql_is_not_a_write_error_and_is_rolled_back(store, meeting, section):
    with pytest.raises(sqlite3.OperationalError, match="no such column") as caught:
        with write_transaction(store.db):
            store.db.execute("UPDATE section SET body = 'halvt' WHERE id = ?", [section.id])
            store.db.execute("UPDATE section SET no_such_column = 1")
    assert not isinstance(caught.value, StoreWriteError)
    assert caught.value.sqlite_errorname == "SQLITE_ERROR"
    assert first_body(store, meeting) == section.body


def test_a_broken_constraint_is_not_a_write_error(store, meeting, section):
    with pytest.raises(sqlite3.IntegrityError):
        with write_transaction(store.db):
            store.db.execute("INSERT INTO section (id, item_id) VALUES (?, ?)", [section.id, 0])
