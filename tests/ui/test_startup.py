"""Start-up shows the window first and takes its backup right after (docs/reliability.md)."""

from __future__ import annotations

from kkr_desk.app.database import list_backups
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.startup import Startup


def test_the_window_is_shown_before_the_startup_backup_is_taken(qtbot, db_path, settings):
    at_show = {}

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
    finally:
        startup.window.close()
        startup.close()
