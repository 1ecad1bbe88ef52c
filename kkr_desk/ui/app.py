"""Start the Qt application on a database and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..store import StoreError, open_store
from .main_window import MainWindow


def run_window(db_path: Path | None) -> int:
    """Open the window on the newest meeting of the database; return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KKR Desk")
    app.setOrganizationName("KKR Desk")
    try:
        store = open_store(db_path)
    except StoreError as error:
        QMessageBox.critical(None, "KKR Desk", f"Databasen kan ikke åbnes:\n{error}")
        return 2
    window = MainWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
