"""Damaged files: a clear message, not a byte written, moved aside only on request."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from kkr_desk.store import DatabaseDamaged, DatabaseInUse, DatabaseOpenError, Store, move_aside, open_store
from tests.store.killpoints import sqlite_opens_whole
from tests.store.processes import hold_store_open, kill
from tests.test_cli import kkr_desk

WHAT_TO_DO = "gendan en sikkerhedskopi med 'kkr-desk restore'"


def healthy_database(path: Path, meeting) -> bytes:
    """A closed, checkpointed database with one meeting; returns its bytes."""
    with Store(path) as store:
        store.meetings.add(meeting)
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
        assert [m.committee for m in store.meetings.summaries()] == ["KKR Midtjylland"]
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


def wal_frames(wal: bytes, page_size: int) -> dict[int, bytes]:
    """The newest image of each page in a WAL (32-byte header, 24-byte frame headers)."""
    frames: dict[int, bytes] = {}
    offset = 32
    while offset + 24 + page_size <= len(wal):
        page_number = int.from_bytes(wal[offset : offset + 4], "big")
        frames[page_number] = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    return frames


def quick_check(path: Path) -> str:
    """SQLite's verdict on the file alone, its side files ignored (nothing written)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA quick_check"))
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()


def test_a_checkpoint_cut_short_is_not_called_damaged(tmp_path, meeting):
    """Killed while SQLite copies the WAL into the file: the file alone is broken, the file
    with its -wal is whole, so the database opens with every word (the WAL's included)."""
    live, crashed = tmp_path / "live.db", tmp_path / "kkr.db"
    healthy_database(live, meeting)
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(40):  # new pages for the tables and their indexes, all in the WAL
        writer.execute(
            "INSERT INTO person (name, party, municipality, title, organisation) "
            "VALUES (?, '', '', '', '')",
            [f"person {n} " + "x" * 300],
        )
    writer.execute("UPDATE section SET body = 'kun i walen'")
    writer.commit()
    shutil.copyfile(live, crashed)
    wal = live.with_name("live.db-wal").read_bytes()
    writer.close()
    crashed.with_name("kkr.db-wal").write_bytes(wal)
    data = bytearray(crashed.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    frames = sorted(wal_frames(wal, page_size).items())
    for page_number, image in frames[: len(frames) // 2]:  # the checkpoint got half-way
        start = (page_number - 1) * page_size
        data[start : start + page_size] = image
    crashed.write_bytes(bytes(data))
    assert quick_check(crashed) != "ok"  # the file alone: what the old check looked at
    assert sqlite_opens_whole(crashed)  # file and -wal (judged on a copy)

    with Store(crashed) as store:
        assert {s.body for s in store.meetings.load(1).items[0].sections} == {"kun i walen"}
        assert sum(p.name.startswith("person ") for p in store.roster.people()) == 40
        assert [r[0] for r in store.db.execute("PRAGMA integrity_check")] == ["ok"]


def test_a_damaged_file_beside_a_junk_journal_is_refused_and_left_alone(db_path, meeting):
    db_path.write_bytes(with_garbage_pages(healthy_database(db_path, meeting)))
    db_path.with_name(db_path.name + "-journal").write_bytes(b"not a journal " * 300)
    refuse_and_leave_alone(db_path, "beskadiget")


def test_a_damaged_files_message_is_one_short_line(db_path, meeting):
    """quick_check's report runs to dozens of lines; the user reads one Danish sentence."""
    healthy_database(db_path, meeting)
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO person (name, party, municipality, title, organisation) "
        "VALUES (?, '', '', '', '')",
        [(f"person {n} " + "y" * 50,) for n in range(20_000)],
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(len(data) // page_size - 60, len(data) // page_size, 3):  # people
        start = (page - 1) * page_size + 1000
        data[start : start + 200] = bytes(200)
    db_path.write_bytes(bytes(data))
    assert quick_check(db_path).count("\n") > 20
    error = refuse_and_leave_alone(db_path, "beskadiget")
    assert "\n" not in str(error) and len(str(error)) < 300, str(error)
    result = kkr_desk("list", "--db", str(db_path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert error.report  # SQLite's own words are kept for whoever rescues the file


def test_a_journal_that_names_a_super_journal_is_never_handed_to_sqlite(
    db_path, meeting, tmp_path_factory
):
    """SQLite may delete the super-journal a hot journal names while it rolls back; KKR Desk
    never writes one, so such a journal beside our file is refused and nothing is touched."""
    healthy_database(db_path, meeting)
    magic = bytes.fromhex("d9d505f920a163d7")  # SQLite's rollback-journal magic
    victim = tmp_path_factory.mktemp("elsewhere") / "important.txt"
    victim.write_text("keep me", encoding="utf-8")
    name = str(victim).encode()
    header = magic + (1).to_bytes(4, "big") + bytes(8) + (512).to_bytes(4, "big")
    header += (4096).to_bytes(4, "big")
    trailer = name + len(name).to_bytes(4, "big") + sum(name).to_bytes(4, "big") + magic
    journal = db_path.with_name(db_path.name + "-journal")
    journal.write_bytes(header.ljust(512, b"\0") + trailer)
    before = files_beside(db_path)
    with pytest.raises(DatabaseOpenError, match="journalfil") as caught:
        Store(db_path)
    assert "\n" not in str(caught.value)
    assert files_beside(db_path) == before
    assert victim.read_text(encoding="utf-8") == "keep me"
