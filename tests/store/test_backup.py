"""Backups: consistent copies, rotation, restore (also of a damaged file), failures."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys

import pytest

from kkr_desk.store import (
    DatabaseInUse,
    Store,
    StoreError,
    backup_copy,
    backup_now,
    list_backups,
    restore_backup,
    restore_into,
)
from kkr_desk.store.backup import _copy_database, backup_folder
from tests.store.processes import hold_store_open, kill

T0 = dt.datetime(2020, 11, 27, 9, 0, 0)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def first_body(store: Store, meeting_id: int) -> str:
    return store.meetings.load(meeting_id).items[0].sections[0].body


def set_first_body(store: Store, meeting_id: int, body: str) -> None:
    store.agenda.set_section_body(store.meetings.load(meeting_id).items[0].sections[0].id, body)


def test_a_backup_is_a_whole_self_contained_copy(store, meeting):
    meeting_id = store.meetings.add(meeting)
    set_first_body(store, meeting_id, "Godkendt med bemærkninger.")

    path = backup_now(store, now=at(0))

    assert path == backup_folder(store.path) / "kkr-000001-20201127-090000.db"
    assert path.parent == store.path.parent / "sikkerhedskopier"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no temp
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()
    with Store(path) as opened:
        assert first_body(opened, meeting_id) == "Godkendt med bemærkninger."
    assert [b.path for b in list_backups(store.path)] == [path]


def test_an_unchanged_database_is_not_copied_again(store, meeting):
    meeting_id = store.meetings.add(meeting)
    first = backup_now(store, now=at(0))
    assert backup_now(store, now=at(1)) is None
    set_first_body(store, meeting_id, "ændret")
    second = backup_now(store, now=at(2))
    assert [b.path for b in list_backups(store.path)] == [second, first]


def test_only_the_newest_are_kept_and_each_copy_gets_the_next_number(store, meeting):
    meeting_id = store.meetings.add(meeting)
    for n in range(5):
        set_first_body(store, meeting_id, f"udgave {n}")
        backup_now(store, keep=3, now=at(n))
    set_first_body(store, meeting_id, "udgave 5")
    backup_now(store, keep=3, now=at(4))  # same second as the one before
    names = [b.name for b in list_backups(store.path)]
    assert names == [
        "kkr-000006-20201127-090400.db",
        "kkr-000005-20201127-090400.db",
        "kkr-000004-20201127-090300.db",
    ]
    assert list_backups(store.path)[0].taken_at == at(4)


def test_restore_brings_back_the_old_state_and_can_itself_be_undone(store, meeting):
    meeting_id = store.meetings.add(meeting)
    set_first_body(store, meeting_id, "det gode referat")
    good = backup_now(store, now=at(0))
    set_first_body(store, meeting_id, "ved en fejl overskrevet")

    safety = restore_into(store, good)

    assert first_body(store, meeting_id) == "det gode referat"
    assert store.db.journal_mode == "wal"
    restore_into(store, safety)
    assert first_body(store, meeting_id) == "ved en fejl overskrevet"


def test_restoring_the_oldest_backup_of_a_full_set(store, meeting):
    meeting_id = store.meetings.add(meeting)
    for n in range(20):
        set_first_body(store, meeting_id, f"udgave {n}")
        backup_now(store, now=at(n))
    oldest = list_backups(store.path)[-1].path
    set_first_body(store, meeting_id, "nyeste")
    restore_into(store, oldest)
    assert first_body(store, meeting_id) == "udgave 0"


def test_restore_over_a_damaged_file_moves_it_aside(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        good = backup_now(store)
    damaged = db_path.read_bytes()[:-1500]
    db_path.write_bytes(damaged)

    outcome = restore_backup(db_path, good)

    assert outcome.safety_copy is None
    assert outcome.moved_aside.read_bytes() == damaged
    assert ".beskadiget-" in outcome.moved_aside.name
    with Store(db_path) as store:
        assert store.meetings.load(meeting_id).committee == meeting.committee
        assert store.db.journal_mode == "wal"


def test_restore_of_a_healthy_file_keeps_a_safety_copy(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        good = backup_now(store, now=at(0))
        set_first_body(store, meeting_id, "senere ændring")
    outcome = restore_backup(db_path, good)
    assert outcome.moved_aside is None
    with Store(outcome.safety_copy) as copy:
        assert first_body(copy, meeting_id) == "senere ændring"
    with Store(db_path) as store:
        assert first_body(store, meeting_id) == meeting.items[0].sections[0].body


def test_restore_is_refused_while_another_process_has_the_file(db_path, meeting):
    with Store(db_path) as store:
        store.meetings.add(meeting)
        good = backup_now(store)
    holder = hold_store_open(db_path)
    try:
        with pytest.raises(DatabaseInUse):
            restore_backup(db_path, good)
    finally:
        kill(holder)


def test_an_unusable_backup_is_refused_and_nothing_changes(store, meeting, tmp_path):
    meeting_id = store.meetings.add(meeting)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a backup" * 500)
    with pytest.raises(StoreError, match="kan ikke bruges.*vælg en anden"):
        restore_into(store, junk)
    with pytest.raises(StoreError, match="findes ikke"):
        restore_into(store, tmp_path / "missing.db")
    assert first_body(store, meeting_id) == meeting.items[0].sections[0].body
    assert list_backups(store.path) == []  # no safety copy for a restore that never began


def test_a_backup_that_cannot_be_written_says_so_and_leaves_the_database(store, meeting):
    meeting_id = store.meetings.add(meeting)
    backup_folder(store.path).write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="kunne ikke gemmes.*databasen er uændret"):
        backup_now(store)
    assert store.meetings.load(meeting_id).committee == meeting.committee
    assert [r[0] for r in store.db.execute("PRAGMA integrity_check")] == ["ok"]


def test_restore_never_replaces_another_programs_database(db_path, meeting, tmp_path):
    with Store(tmp_path / "kkr-other.db") as store:
        store.meetings.add(meeting)
        good = backup_now(store)
    foreign = sqlite3.connect(db_path)
    foreign.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    foreign.commit()
    foreign.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="andet program"):
        restore_backup(db_path, good)
    assert db_path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "beskadiget" in p.name] == []


def test_a_folder_name_with_spaces_hashes_and_percent_signs(tmp_path, meeting):
    """Paths become SQLite URIs for read-only opens; they must be escaped, not misread."""
    folder = tmp_path / "Møder #1 (KKR) 100% ?"
    folder.mkdir()
    db_path = folder / "kkr desk.db"
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        good = backup_now(store, now=at(0))
        set_first_body(store, meeting_id, "ændret")
    outcome = restore_backup(db_path, good)
    assert outcome.safety_copy.parent == folder / "sikkerhedskopier"
    with Store(db_path) as store:
        assert first_body(store, meeting_id) == meeting.items[0].sections[0].body
    db_path.write_bytes(db_path.read_bytes()[:-10])
    assert restore_backup(db_path, good).moved_aside.parent == folder


def test_a_half_copy_left_by_a_crash_is_cleared_and_never_listed(store, meeting):
    store.meetings.add(meeting)
    folder = backup_folder(store.path)
    folder.mkdir()
    leftover = folder / ".kkr-20200101-000000.db.tmp"
    leftover.write_bytes(b"half a copy")
    other_database = folder / ".other-20200101-000000.db.tmp"
    other_database.write_bytes(b"another database's backup in progress")
    assert list_backups(store.path) == []
    backup_now(store)
    assert not leftover.exists() and other_database.exists()
    assert len(list_backups(store.path)) == 1


def named_for_2030(store: Store, count: int = 20) -> list:
    """``count`` real backups named the old way for 2030: a clock that was once ahead."""
    folder = backup_folder(store.path)
    folder.mkdir(exist_ok=True)
    source = folder / "source.db"
    _copy_database(store.db.conn, source)
    names = []
    for n in range(count):
        path = folder / f"kkr-20300101-{n // 60:02d}{n % 60:02d}00.db"
        shutil.copyfile(source, path)
        names.append(path)
    source.unlink()
    return names


def test_backups_named_for_2030_do_not_push_a_new_one_out(store, meeting):
    meeting_id = store.meetings.add(meeting)
    future = named_for_2030(store)
    set_first_body(store, meeting_id, "i dag")
    new = backup_now(store)
    assert new is not None and new.exists()
    backups = list_backups(store.path)
    assert backups[0].path == new and len(backups) == 20
    assert not future[0].exists()  # the oldest written (mtime) of the old-style names went
    set_first_body(store, meeting_id, "i dag, senere")
    newer = backup_now(store)
    assert [b.path for b in list_backups(store.path)[:2]] == [newer, new]


def test_a_clock_that_was_ahead_when_copies_were_taken(store, meeting):
    meeting_id = store.meetings.add(meeting)
    ahead = dt.datetime(2030, 1, 1, 12, 0)
    for n in range(20):
        set_first_body(store, meeting_id, f"fremtid {n}")
        backup_now(store, now=ahead + dt.timedelta(minutes=n))
    set_first_body(store, meeting_id, "uret er rettet")
    new = backup_now(store, now=at(0))  # 2020: earlier than every name in the folder
    backups = list_backups(store.path)
    assert new.exists() and backups[0].path == new and len(backups) == 20
    assert backups[-1].taken_at == ahead + dt.timedelta(minutes=1)  # the first written went


def test_a_restore_s_safety_copy_outlives_later_backups(store, meeting):
    meeting_id = store.meetings.add(meeting)
    named_for_2030(store)
    set_first_body(store, meeting_id, "det gode referat")
    good = backup_now(store)
    set_first_body(store, meeting_id, "ved en fejl overskrevet")
    safety = restore_into(store, good)
    assert "-inden-gendannelse" in safety.name
    for n in range(25):  # exports and meetings opened after the restore
        set_first_body(store, meeting_id, f"senere {n}")
        assert backup_now(store) is not None
    assert safety.exists()
    assert len(list_backups(store.path)) == 21  # the 20 newest and the safety copy
    restore_into(store, safety)
    assert first_body(store, meeting_id) == "ved en fejl overskrevet"


def test_restoring_the_oldest_of_a_full_set_and_a_safety_copy(store, meeting):
    meeting_id = store.meetings.add(meeting)
    for n in range(20):
        set_first_body(store, meeting_id, f"udgave {n}")
        backup_now(store, now=at(n))
    first_safety = restore_into(store, list_backups(store.path)[-1].path)
    restore_into(store, list_backups(store.path)[-1].path)  # still there to be read
    assert first_body(store, meeting_id) == "udgave 0"
    restore_into(store, first_safety)
    assert first_body(store, meeting_id) == "udgave 19"


def test_a_safety_copy_is_taken_even_when_nothing_changed(store, meeting):
    store.meetings.add(meeting)
    newest = backup_now(store)
    safety = restore_into(store, newest)
    assert safety != newest and safety.exists() and newest.exists()
    assert [b.before_restore for b in list_backups(store.path)] == [True, False]


LEFT_BY_A_KILL = """
import os, sqlite3, sys
wal = sqlite3.connect(sys.argv[1])
wal.execute("PRAGMA journal_mode = WAL")
wal.execute("CREATE TABLE t (x)")
wal.commit()
wal.execute("INSERT INTO t VALUES (1)")
wal.commit()
if len(sys.argv) < 3:
    os._exit(9)
rollback = sqlite3.connect(sys.argv[2])
rollback.execute("CREATE TABLE t (x)")
rollback.commit()
rollback.execute("BEGIN")
rollback.execute("INSERT INTO t VALUES (zeroblob(100000))")
os.kill(os.getpid(), 9) if os.name == "posix" else os._exit(9)
"""


def test_side_files_of_a_copy_cut_short_are_cleared(store, meeting):
    """A child killed while it writes copies: its -wal, -shm and -journal stay behind."""
    store.meetings.add(meeting)
    folder = backup_folder(store.path)
    folder.mkdir()
    first = folder / ".kkr-000001-20201127-090000.db.tmp"
    second = folder / ".kkr-000002-20201127-090100-inden-gendannelse.db.tmp"
    other = folder / ".kkr-other-000001-20201127-090000.db.tmp"
    for args in ((first, second), (other,)):
        child = subprocess.run([sys.executable, "-c", LEFT_BY_A_KILL, *map(str, args)])
        assert child.returncode != 0
    left = {p.name for p in folder.iterdir()}
    for suffix in ("-wal", "-shm"):
        assert first.name + suffix in left and other.name + suffix in left
    assert second.name + "-journal" in left

    assert backup_now(store) is not None

    remaining = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert remaining == sorted(other.name + s for s in ("", "-shm", "-wal"))  # not ours
    assert len(list_backups(store.path)) == 1


# A backup from a worker thread (the window's background backup) -----------------------------


def test_backup_now_cannot_run_in_a_worker_thread_but_backup_copy_can(store, meeting):
    """The Store's connection belongs to the UI thread; backup_copy opens its own."""
    import threading

    meeting_id = store.meetings.add(meeting)
    set_first_body(store, meeting_id, "Skrevet før kopien.")
    outcome: dict[str, object] = {}

    def worker() -> None:
        try:
            backup_now(store, now=at(0))
        except Exception as error:  # noqa: BLE001 - the test looks at what it was
            outcome["backup_now"] = error
        outcome["backup_copy"] = backup_copy(store.path, now=at(1))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)

    assert isinstance(outcome["backup_now"], (sqlite3.ProgrammingError, StoreError))
    path = outcome["backup_copy"]
    assert path == backup_folder(store.path) / "kkr-000001-20201127-090100.db"
    with Store(path) as opened:
        assert first_body(opened, meeting_id) == "Skrevet før kopien."
    # the window's store still writes after the worker's copy, and the next copy sees it
    set_first_body(store, meeting_id, "Skrevet efter.")
    later = backup_copy(store.path, now=at(2))
    assert backup_copy(store.path, now=at(3)) is None  # unchanged: not copied again
    assert [b.path for b in list_backups(store.path)] == [later, path]
    with Store(later) as opened:  # (opening a copy as a Store writes to it: do it last)
        assert first_body(opened, meeting_id) == "Skrevet efter."


def test_backup_copy_of_a_missing_database_is_a_danish_store_error(tmp_path):
    with pytest.raises(StoreError, match="sikkerhedskopien"):
        backup_copy(tmp_path / "findes-ikke.db")
    assert not (tmp_path / "findes-ikke.db").exists()  # read-only: nothing created


def test_backups_taken_at_once_in_two_threads_both_arrive_whole(store, meeting):
    import threading

    meeting_id = store.meetings.add(meeting)
    errors: list[BaseException] = []
    taken: list[object] = []

    def worker(round_: int) -> None:
        try:  # each thread reads through a connection of its own, as the window's job does
            taken.append(backup_copy(store.path, now=at(round_)))
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    for round_ in range(15):
        set_first_body(store, meeting_id, f"udgave {round_}")
        thread = threading.Thread(target=worker, args=(round_,))
        thread.start()
        try:
            taken.append(backup_now(store, now=at(round_)))  # the UI thread's own, at once
        except StoreError as error:
            errors.append(error)
        thread.join()

    assert errors == []
    copies = [b.path for b in list_backups(store.path)]
    assert copies and all(path.exists() for path in copies)
    assert not [p for p in backup_folder(store.path).iterdir() if ".tmp" in p.name]
