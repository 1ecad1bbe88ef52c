"""After a kill -9 the window opens the meeting and item the secretary was at, even when a
newer meeting exists (the place is kept in the database, not in memory)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from kkr_desk.store import open_store
from kkr_desk.ui.main_window import MainWindow
from tests.store.processes import ROOT


def test_the_window_reopens_where_it_was_killed(qtbot, db_path, tmp_path, isolated_settings):
    with open_store(db_path) as store:
        held = store.meetings.summaries()[0].id  # the sample, 05-09-2024
        newer = store.meetings.create_next(held, dt.date(2024, 11, 7))
        assert store.meetings.summaries()[0].id == newer
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.reopen_child", str(db_path),
         str(tmp_path / "child-settings"), str(held), "4"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = child.stdout.readline()
        assert ready.startswith("ready "), (ready, child.stderr.read() if child.poll() else "")
        item_id = int(ready.split()[1])
    finally:
        child.kill()  # SIGKILL: no close event, no clean shutdown
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    with open_store(db_path) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        assert window.session.meeting.id == held
        assert window.editor.item.id == item_id
        assert window.editor.item is not window.session.meeting.items[0]
        window.close()  # while its database is open: closing writes the run's end mark
