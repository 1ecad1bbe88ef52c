"""The window's run marks: a run not ended cleanly is told at the next start, with its
last save time, from the database file itself."""

from __future__ import annotations

import datetime as dt

from kkr_desk.store import Store


def test_an_unclean_end_is_told_at_the_next_open_with_the_last_save(db_path):
    saved = dt.datetime(2024, 9, 5, 19, 8, 25)
    with Store(db_path) as store:
        assert store.run_marks.begin() == (False, None)
        store.run_marks.saved(saved)
        # no end(): the process died
    with Store(db_path) as store:
        assert store.run_marks.begin() == (True, saved)
        store.run_marks.end()
    with Store(db_path) as store:
        assert store.run_marks.begin() == (False, saved)


def test_a_damaged_save_time_is_no_time(db_path):
    with Store(db_path) as store:
        store.run_marks.begin()
        store.settings.set_setting("last_saved", "not a time")
    with Store(db_path) as store:
        assert store.run_marks.begin() == (True, None)
