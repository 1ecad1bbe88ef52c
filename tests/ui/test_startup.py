"""Start-up shows the window first and takes its backup right after, off the UI thread
(docs/reliability.md)."""

from __future__ import annotations

import threading

import kkr_desk.store.backup as backup_module
from kkr_desk.app.database import list_backups
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.startup import Startup


def test_the_window_is_shown_before_the_startup_backup_is_taken(qtbot, db_path, settings, monkeypatch):
    at_show = {}
    threads = []
    take_backup = backup_module._take_backup

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return take_backup(*args, **kwargs)

    monkeypatch.setattr(backup_module, "_take_backup", recording)

    def shown(window) -> None:
        at_show["visible"] = window.isVisible()
        at_show["backups"] = [backup.path for backup in list_backups(db_path)]

    startup = Startup(db_path, lambda store: MainWindow(store, settings=settings))
    startup.windowReady.connect(shown)
    startup.start()
    qtbot.add_widget(startup.window)
    try:
        assert at_show == {"visible": True, "backups": []}
        qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=5000)
        copy = list_backups(db_path)[0].path
        assert copy.is_file() and copy.stat().st_size > 0
        assert threads and threading.main_thread() not in threads  # a worker wrote it
        qtbot.waitUntil(lambda: not startup.window.jobs.running(), timeout=5000)
        assert len(threads) == 1  # one start-up backup, not one per opener
    finally:
        startup.window.close()
        startup.close()
