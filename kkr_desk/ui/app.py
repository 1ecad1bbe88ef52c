"""Start the Qt application on a database and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..resources import resource_path
from ..store import StoreError, open_store
from .main_window import MainWindow


def install_translation(app: QApplication) -> bool:
    """Load a translation of the Danish texts for the user's language, if one is shipped.

    Every UI string goes through tr(); a translator adds ``resources/translations/
    kkr_desk_<language>.qm`` (made with pyside6-lupdate and pyside6-lrelease).
    """
    translator = QTranslator(app)
    folder = resource_path("translations")
    if folder.is_dir() and translator.load(QLocale(), "kkr_desk", "_", str(folder)):
        app.installTranslator(translator)
        return True
    return False


def run_window(db_path: Path | None) -> int:
    """Open the window on the newest meeting of the database; return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KKR Desk")
    app.setOrganizationName("KKR Desk")
    install_translation(app)
    try:
        store = open_store(db_path)
    except StoreError as error:
        QMessageBox.critical(
            None,
            "KKR Desk",
            QCoreApplication.translate("App", "Databasen kan ikke åbnes:\n%s") % error,
        )
        return 2
    window = MainWindow(store)
    window.show()
    window.activateWindow()
    try:
        return app.exec()
    finally:
        store.close()
