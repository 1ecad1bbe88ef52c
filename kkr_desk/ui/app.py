"""Start the Qt application on a database and show the main window.

From here on a bug anywhere (a slot, a timer, another thread) is logged and shown in the
program-error dialog (crash_dialog.py), and a bug while starting ends with that dialog and
exit code 1 instead of a traceback nobody sees.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..logs import PROGRAM_ERROR, log_program_error
from ..resources import resource_path
from .crash_dialog import install_crash_dialog
from .first_paint import after_first_paint
from .jobs import PREPARE
from .main_window import MainWindow
from .startup import Startup


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


def install_qt_translation(app: QApplication) -> QTranslator | None:
    """Qt's own texts (file dialogs, standard buttons: "Annuller", "Gem", the text fields'
    context menu) in Danish, like ours, from the ``qtbase_da`` PySide6 ships.

    Always Danish, whatever the user's language: the rest of the window is Danish too.
    The bundle carries qtbase_da.qm and no other language (docs/packaging.md).
    """
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_da", folder):
        app.installTranslator(translator)
        return translator
    return None


def install_icon(app: QApplication) -> None:
    """The program's icon on every window (resources/icon.png, drawn by packaging/make_icon.py)."""
    app.setWindowIcon(QIcon(str(resource_path("icon.png"))))
    app.setDesktopFileName("kkr-desk")  # Wayland and the .desktop file find the icon by it


CLOSE_AFTER_VARIABLE = "KKR_DESK_CLOSE_AFTER_MS"
"""Milliseconds: close the window that long after it has opened, through its ordinary close
(saving, the close guard), after printing its title. For the bundle's smoke test
(packaging/smoke_test.py), which has no one to click."""


def close_later(window, environ=os.environ) -> None:
    """Close ``window`` after $KKR_DESK_CLOSE_AFTER_MS milliseconds, when that is set."""
    value = environ.get(CLOSE_AFTER_VARIABLE, "")
    if not value.isdigit():
        return

    def close() -> None:
        print(f"vinduet er åbent: {window.windowTitle()}", flush=True)
        window.close()

    QTimer.singleShot(int(value), window, close)


def prepare_for_edits(window) -> None:
    """Once the window is painted, load on a worker what the first edit will need and
    start-up left out (docs/performance.md), so the first save does not wait for it."""
    after_first_paint(
        window, lambda: window.jobs.start(PREPARE, window.desk.prepare_for_edits())
    )


def run_window(db_path: Path | None) -> int:
    """Open the window on the newest meeting of the database; return the exit code.

    A database that cannot be opened gets the problem dialog (restore a backup, start
    afresh, another file); closing it ends the program with exit code 2.

    Once the window is up, what start-up made (Qt's bindings, the modules, the window) is
    moved out of the garbage collector's reach with ``gc.freeze()``: a full collection in a
    background job holds the GIL, and walking those objects was most of the UI thread's
    longest stall during an export (docs/performance.md).
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KKR Desk")
    app.setOrganizationName("KKR Desk")
    install_translation(app)
    qt_texts = install_qt_translation(app)
    install_icon(app)
    try:
        return _run(app, db_path)
    finally:  # an application that outlives the window (the tests') keeps Qt's own texts
        if qt_texts is not None:
            app.removeTranslator(qt_texts)


def _run(app: QApplication, db_path: Path | None) -> int:
    reporter = install_crash_dialog(app)
    startup = Startup(db_path, MainWindow)
    gave_up = []
    startup.gaveUp.connect(lambda: (gave_up.append(True), app.quit()))
    startup.windowReady.connect(lambda window: window.activateWindow())
    startup.windowReady.connect(lambda _window: gc.freeze())
    startup.windowReady.connect(close_later)
    startup.windowReady.connect(prepare_for_edits)
    try:
        startup.start()
    except Exception as error:  # a bug before there is a window: say so, then stop
        startup.close()
        reporter.make_dialog(log_program_error(error)).exec()
        return PROGRAM_ERROR
    try:
        code = app.exec()
    finally:
        startup.close()
    return 2 if gave_up else code
