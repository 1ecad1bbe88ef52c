"""StoreDatabase keeps sqlite-utils' transaction rules while answering reads with sqlite3."""

from __future__ import annotations

import sqlite3

import pytest

from kkr_desk.store.connection import StoreDatabase


@pytest.fixture
def two_connections(tmp_path):
    """Our connection and a second one on the same file, which sees only committed rows."""
    path = tmp_path / "x.db"
    db = StoreDatabase(sqlite3.connect(path))
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, word TEXT)")
    other = sqlite3.connect(path)
    yield db, other
    other.close()
    db.close()


def committed_words(other: sqlite3.Connection) -> list[str]:
    return [row[0] for row in other.execute("SELECT word FROM t ORDER BY id")]


def test_a_write_outside_a_transaction_is_committed_at_once(two_connections):
    db, other = two_connections

    db.execute("INSERT INTO t (word) VALUES (?)", ["afbud"])

    assert not db.conn.in_transaction
    assert committed_words(other) == ["afbud"]


def test_a_failed_write_leaves_no_transaction_open(two_connections):
    db, other = two_connections
    db.execute("CREATE UNIQUE INDEX t_word ON t (word)")
    db.execute("INSERT INTO t (word) VALUES ('a')")

    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t (word) VALUES ('a')")

    assert not db.conn.in_transaction


def test_atomic_keeps_all_or_nothing(two_connections):
    db, other = two_connections

    with pytest.raises(RuntimeError):
        with db.atomic():
            db.execute("INSERT INTO t (word) VALUES ('halv')")
            raise RuntimeError("bug mid-edit")
    with db.atomic():
        db.execute("INSERT INTO t (word) VALUES ('hel')")
        assert committed_words(other) == []  # not before the block ends

    assert committed_words(other) == ["hel"]


def test_a_failed_inner_block_rolls_back_only_itself(two_connections):
    db, other = two_connections

    with db.atomic():
        db.execute("INSERT INTO t (word) VALUES ('ydre')")
        with pytest.raises(RuntimeError):
            with db.atomic():
                db.execute("INSERT INTO t (word) VALUES ('indre')")
                raise RuntimeError

    assert committed_words(other) == ["ydre"]


def test_sqlite_utils_tables_share_the_transaction(two_connections):
    db, other = two_connections

    with pytest.raises(RuntimeError):
        with db.atomic():
            db["t"].insert({"word": "via sqlite-utils"})
            raise RuntimeError
    db["t"].insert({"word": "bagefter"})

    assert committed_words(other) == ["bagefter"]


def test_query_gives_dictionaries_and_refuses_a_statement_without_rows(two_connections):
    db, _other = two_connections
    db.execute("INSERT INTO t (word) VALUES ('referat')")

    assert list(db.query("SELECT id, word FROM t")) == [{"id": 1, "word": "referat"}]
    with pytest.raises(ValueError):
        db.query("UPDATE t SET word = 'x'")
    assert [row["word"] for row in db.query("SELECT word FROM t")] == ["referat"]


def test_recursive_triggers_are_on_as_with_sqlite_utils(two_connections):
    db, _other = two_connections

    assert db.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
