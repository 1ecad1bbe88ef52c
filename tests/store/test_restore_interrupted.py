"""A restore over a damaged database that a kill cut short is named on the next start,
and restoring again finishes it (the kill itself: tests/test_cli_restore.py, under strace)."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.store import RestoreInterrupted, Store, backup_now, list_backups, restore_backup


def test_a_half_placed_restore_is_named_and_finished_by_the_next_restore(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        backup_now(store, now=dt.datetime(2024, 1, 2, 3, 4, 5))
    backup = list_backups(db_path)[0].path
    # the state a kill left: the damaged file already moved aside, the copy only half there
    db_path.rename(db_path.with_name("kkr.db.beskadiget-20240102-030406"))
    pending = db_path.with_name("kkr.db.gendannes")
    pending.write_bytes(backup.read_bytes()[:1500])

    with pytest.raises(RestoreInterrupted, match="blev afbrudt") as refused:
        Store(db_path)  # not a fresh database with the sample meeting
    assert "kkr-desk restore" in str(refused.value)
    assert not db_path.exists()

    restore_backup(db_path, backup)
    assert not pending.exists()
    with Store(db_path) as store:
        assert store.meetings.load(meeting_id).committee == meeting.committee
