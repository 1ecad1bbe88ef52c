"""Start the Qt application on a database and show the main window.

From here on a bug anywhere (a slot, a timer, another thread) is logged and shown in the
program-error dialog (crash_dialog.py), and a bug while starting ends with that dialog and
exit code 1 instead of a traceback nobody sees.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..logs import PROGRAM_ERROR, log_program_error
from ..resources import resource_path
from .crash_dialog import install_crash_dialog
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


def install_qt_translation(app: QApplication) -> bool:
    """Qt's own Danish (``qtbase_da`` from the Qt installation PySide6 ships), so file
    dialogs and standard buttons ("Annuller", "Gem", "Søg i") speak the window's language.
    """
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_da", folder):
        app.installTranslator(translator)
        return True
    return False


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
    install_qt_translation(app)
    install_translation(app)
    reporter = install_crash_dialog(app)
    startup = Startup(db_path, MainWindow)
    gave_up = []
    startup.gaveUp.connect(lambda: (gave_up.append(True), app.quit()))
    startup.windowReady.connect(lambda window: window.activateWindow())
    startup.windowReady.connect(lambda _window: gc.freeze())
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
