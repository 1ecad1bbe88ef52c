"""Start the Qt application on a database and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .main_window import MainWindow
from .startup import Startup


def run_window(db_path: Path | None) -> int:
    """Open the window on the newest meeting of the database; return the exit code.

    A database that cannot be opened gets the problem dialog (restore a backup, start
    afresh, another file); closing it ends the program with exit code 2.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KKR Desk")
    app.setOrganizationName("KKR Desk")
    startup = Startup(db_path, MainWindow)
    gave_up = []
    startup.gaveUp.connect(lambda: (gave_up.append(True), app.quit()))
    startup.start()
    try:
        code = app.exec()
    finally:
        startup.close()
    return 2 if gave_up else code
