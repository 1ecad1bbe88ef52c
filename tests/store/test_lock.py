"""One writer: a second process is refused; a killed holder leaves no stale lock."""

from __future__ import annotations

import pytest

from kkr_desk.store import DatabaseInUse, DatabaseOpenError, Store, open_store
from kkr_desk.store.lock import lock_path
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
        meeting_id = store.add_meeting(meeting)
    holder = hold_store_open(db_path)
    kill(holder)
    assert lock_path(db_path).exists()  # the file may stay; only a held lock counts
    with Store(db_path) as store:
        assert store.load_meeting(meeting_id).committee == meeting.committee


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
