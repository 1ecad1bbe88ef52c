"""One writer: a second process is refused, through any name; a killed holder leaves no stale lock."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kkr_desk.store import DatabaseInUse, DatabaseOpenError, Store, open_store
from kkr_desk.store.lock import acquire_database_lock, lock_path
from tests.store.processes import hold_store_open, kill, lock_is_free_for_another_process
from tests.test_cli import kkr_desk


def test_a_second_process_is_told_the_file_is_in_use(db_path):
    Store(db_path).close()
    holder = hold_store_open(db_path)
    try:
        with pytest.raises(DatabaseInUse, match="allerede åben i et andet KKR Desk-vindue"):
            Store(db_path)
        result = kkr_desk("list", "--db", str(db_path))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "allerede åben" in result.stderr
    finally:
        kill(holder)


def test_a_killed_holder_leaves_no_stale_lock(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
    holder = hold_store_open(db_path)
    kill(holder)
    assert lock_path(db_path).exists()  # the file may stay; only a held lock counts
    with Store(db_path) as store:
        assert store.meetings.load(meeting_id).committee == meeting.committee


def test_closing_releases_the_lock_for_another_process(db_path):
    store = open_store(db_path)
    assert not lock_is_free_for_another_process(db_path)
    store.close()
    assert lock_is_free_for_another_process(db_path)


def test_stores_in_one_process_share_the_lock_until_the_last_closes(db_path):
    first = Store(db_path)
    second = Store(db_path)
    first.close()
    assert not lock_is_free_for_another_process(db_path)  # still held by `second`
    second.close()
    assert lock_is_free_for_another_process(db_path)


def test_a_failed_open_releases_the_lock(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(DatabaseOpenError, match="ikke en brugbar"):
        Store(junk)
    assert lock_is_free_for_another_process(junk)


def _symlink(link, target):
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as error:  # Windows without the right to link
        pytest.skip(f"cannot make a symbolic link here: {error}")


def _count_meetings(db_path):
    with Store(db_path) as store:
        return len(store.meetings.summaries())


def test_a_hard_link_is_refused_while_the_file_is_open_elsewhere(db_path, tmp_path, meeting):
    """The attack: a second writer through another name of the same file."""
    with Store(db_path) as store:
        store.meetings.add(meeting)
    before = _count_meetings(db_path)
    dump = tmp_path / "m.json"
    assert kkr_desk("dump", "1", "-o", str(dump), "--db", str(db_path)).returncode == 0
    holder = hold_store_open(db_path)
    hard = tmp_path / "hard.db"
    try:
        os.link(db_path, hard)
        result = kkr_desk("load", str(dump), "--db", str(hard))
        assert result.returncode == 2, result.stdout
        assert result.stderr.count("\n") == 1 and "flere navne (hårde links" in result.stderr
        with pytest.raises(DatabaseOpenError, match="flere navne"):
            Store(hard)
    finally:
        kill(holder)
    with pytest.raises(DatabaseOpenError, match="flere navne"):
        Store(db_path)  # either name: the file has two
    hard.unlink()
    assert _count_meetings(db_path) == before
    assert lock_is_free_for_another_process(db_path)  # a refusal gives the lock back


def test_a_symlink_and_a_symlink_to_it_share_the_real_file_s_lock(db_path, tmp_path):
    Store(db_path).close()
    link = tmp_path / "link.db"
    _symlink(link, db_path)
    chain = tmp_path / "sub" / "chain.db"
    chain.parent.mkdir()
    _symlink(chain, Path("..") / "link.db")  # relative, through another folder
    holder = hold_store_open(db_path)
    try:
        for name in (link, chain):
            with pytest.raises(DatabaseInUse):
                Store(name)
    finally:
        kill(holder)
    holder = hold_store_open(chain)
    try:
        with pytest.raises(DatabaseInUse):
            Store(db_path)
        assert kkr_desk("list", "--db", str(link)).returncode == 2
    finally:
        kill(holder)
    assert lock_path(chain) == lock_path(db_path)


def test_a_new_database_through_a_dangling_symlink_is_locked_where_it_will_be(tmp_path):
    target = tmp_path / "new.db"
    link = tmp_path / "link.db"
    _symlink(link, target)
    holder = hold_store_open(link)  # creates new.db
    try:
        assert target.is_file()
        with pytest.raises(DatabaseInUse):
            Store(target)
    finally:
        kill(holder)
    Store(target).close()


def test_a_loop_of_symlinks_gets_a_message(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    _symlink(first, second)
    _symlink(second, first)
    with pytest.raises(DatabaseOpenError, match="peger i ring"):
        Store(first)
    result = kkr_desk("list", "--db", str(first))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


def test_releasing_one_share_twice_does_not_release_another(db_path):
    first = acquire_database_lock(db_path)
    second = acquire_database_lock(db_path)
    first.release()
    first.release()
    assert not lock_is_free_for_another_process(db_path)
    second.release()
    assert lock_is_free_for_another_process(db_path)


def test_threads_share_the_lock_and_any_thread_may_release_it(db_path):
    held = []
    worker = threading.Thread(target=lambda: held.append(acquire_database_lock(db_path)))
    worker.start()
    worker.join()
    mine = acquire_database_lock(db_path)
    held[0].release()
    assert not lock_is_free_for_another_process(db_path)
    mine.release()
    assert lock_is_free_for_another_process(db_path)
