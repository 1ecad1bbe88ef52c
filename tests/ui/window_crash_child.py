"""A child process for the window kill test: the real window, offscreen, typing non-stop.

Run as ``python -m tests.ui.window_crash_child DB SETTINGS_DIR FIRST_NUMBER``. It opens the
main window on DB, puts the cursor at the end of the open item's Beslutning and types
" w<n>" every 60 ms through QTest, the way keystrokes arrive, without ever pausing long
enough for the autosave's quiet period. After each word it prints ``typed <n>``; the
parent kills it at a random moment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kkr_desk.store import open_store
from kkr_desk.ui.main_window import MainWindow

WORD_EVERY_MS = 60


def main(db_path: str, settings_dir: str, first_number: str) -> int:
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    store = open_store(Path(db_path))
    window = MainWindow(store)
    window.show()
    editor = window.editor.decision_edit
    window.editor.focus_decision()
    print(f"ready {window.editor.decision_section.id}", flush=True)
    number = int(first_number)

    def type_word() -> None:
        nonlocal number
        number += 1
        QTest.keyClicks(editor, f" w{number}")
        print(f"typed {number}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_word)
    timer.start(WORD_EVERY_MS)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
