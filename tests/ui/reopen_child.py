"""A child process for the reopen test: the real window, offscreen, on the given meeting.

Run as ``python -m tests.ui.reopen_child DB SETTINGS_DIR MEETING_ID ITEM_ROW``. It opens the
window, opens that meeting, selects its item number ITEM_ROW (0-based, in agenda order) the
way a click does, prints ``ready <item id>`` and waits to be killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kkr_desk.store import open_store
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.place_keeper import REST_MS


def main(db_path: str, settings_dir: str, meeting_id: str, item_row: str) -> int:
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    window = MainWindow(open_store(Path(db_path)))
    window.show()

    def choose() -> None:
        window.open_meeting(int(meeting_id))
        item = window.session.meeting.items[int(item_row)]
        window.agenda.select(window.agenda_model.index_of_item(item))
        QTimer.singleShot(REST_MS + 300, lambda: print(f"ready {item.id}", flush=True))

    QTimer.singleShot(0, choose)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
