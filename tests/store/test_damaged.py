"""Damaged files: a clear message, not a byte written, moved aside only on request."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from kkr_desk.store import DatabaseDamaged, DatabaseInUse, Store, move_aside, open_store
from tests.store.processes import hold_store_open, kill
from tests.test_cli import kkr_desk

WHAT_TO_DO = "gendan en sikkerhedskopi med 'kkr-desk restore'"


def healthy_database(path: Path, meeting) -> bytes:
    """A closed, checkpointed database with one meeting; returns its bytes."""
    with Store(path) as store:
        store.add_meeting(meeting)
    return path.read_bytes()


def with_garbage_pages(data: bytes) -> bytes:
    """The database with pages 2 and 3 (schema and table b-trees) overwritten."""
    page_size = int.from_bytes(data[16:18], "big")
    garbage = bytes((i * 7919) % 251 for i in range(2 * page_size))
    return data[:page_size] + garbage + data[3 * page_size :]


def files_beside(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if not p.name.endswith(".lock")}


def refuse_and_leave_alone(path: Path, detail: str) -> DatabaseDamaged:
    before = files_beside(path)
    with pytest.raises(DatabaseDamaged, match=detail) as caught:
        Store(path)
    assert files_beside(path) == before  # no byte changed, no -wal or -shm created
    assert WHAT_TO_DO in str(caught.value) and "vælg en anden fil" in str(caught.value)
    return caught.value


def test_a_file_truncated_inside_a_page(db_path, meeting):
    data = healthy_database(db_path, meeting)
    db_path.write_bytes(data[: len(data) - 1000])
    refuse_and_leave_alone(db_path, "afkortet")


def test_a_file_truncated_at_a_page_boundary(db_path, meeting):
    data = healthy_database(db_path, meeting)
    page_size = int.from_bytes(data[16:18], "big")
    db_path.write_bytes(data[: page_size * (len(data) // page_size // 2)])
    refuse_and_leave_alone(db_path, "beskadiget")


def test_a_file_cut_inside_its_header(db_path, meeting):
    db_path.write_bytes(healthy_database(db_path, meeting)[:60])
    refuse_and_leave_alone(db_path, "afkortet")


def test_random_bytes_over_a_page_in_the_middle(db_path, meeting):
    db_path.write_bytes(with_garbage_pages(healthy_database(db_path, meeting)))
    refuse_and_leave_alone(db_path, "beskadiget")


def test_random_bytes_are_not_a_database(db_path):
    db_path.write_bytes(bytes((i * 31) % 256 for i in range(10_000)))
    error = refuse_and_leave_alone(db_path, "ikke en SQLite-database")
    assert error.path == db_path


def test_a_damaged_file_with_a_wal_beside_it_is_not_checkpointed(db_path, meeting):
    """A crashed writer leaves a -wal; opening a damaged file must not fold it in."""
    healthy_database(db_path, meeting)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("UPDATE section SET body = 'only in the wal'")
    writer.commit()
    wal = db_path.with_name(db_path.name + "-wal")
    shutil.copy(db_path, db_path.with_name("copy.db"))
    shutil.copy(wal, db_path.with_name("copy.db-wal"))
    writer.close()
    damaged = db_path.with_name("copy.db")
    damaged.write_bytes(with_garbage_pages(damaged.read_bytes()))
    refuse_and_leave_alone(damaged, "beskadiget")


def test_a_newer_or_foreign_database_is_left_byte_for_byte(db_path, meeting):
    healthy_database(db_path, meeting)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('kkr_desk', '9999_future', 'x')"
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode=delete")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(Exception, match="nyere udgave"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_the_cli_says_what_to_do_in_one_line(tmp_path):
    junk = tmp_path / "kkr.db"
    junk.write_bytes(b"PK\x03\x04 a Word document, perhaps" * 100)
    result = kkr_desk("list", "--db", str(junk))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert WHAT_TO_DO in result.stderr
    assert junk.read_bytes() == b"PK\x03\x04 a Word document, perhaps" * 100


def test_starting_afresh_moves_the_file_and_its_side_files_aside(db_path, meeting):
    data = healthy_database(db_path, meeting)
    db_path.write_bytes(data[:-100])
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"wal bytes")
    with pytest.raises(DatabaseDamaged):
        Store(db_path)

    moved = move_aside(db_path, now=dt.datetime(2026, 11, 27, 2, 30, 5))

    assert moved.name == "kkr.db.beskadiget-20261127-023005"
    assert moved.read_bytes() == data[:-100]
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal bytes"
    assert not db_path.exists() and not wal.exists()
    with open_store(db_path) as store:  # a fresh start, with the sample meeting
        assert [m.committee for m in store.list_meetings()] == ["KKR Midtjylland"]
    again = move_aside(db_path, now=dt.datetime(2026, 11, 27, 2, 30, 5))
    assert again.name == "kkr.db.beskadiget-20261127-023005-2"
    assert moved.read_bytes() == data[:-100]


def test_moving_aside_is_refused_while_another_process_has_the_file(db_path):
    Store(db_path).close()
    holder = hold_store_open(db_path)
    try:
        with pytest.raises(DatabaseInUse):
            move_aside(db_path)
        assert db_path.exists()
    finally:
        kill(holder)
