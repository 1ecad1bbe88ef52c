"""Start-up: open the database, or help the user until one can be opened, then the window.

A damaged, foreign or busy database is not a dead end: the problem dialog offers a backup,
a fresh start (the damaged file moved aside) or another file, and start-up tries again
with the answer. The start-up backup is taken right after the window is shown (a zero-delay
timer, so the window paints first), before any editing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..app import AppError, Database
from ..app.database import default_database_path, open_database, startup_backup
from .recovery_dialogs import DatabaseProblemDialog


class Startup(QObject):
    """Emits ``windowReady(window)`` once a store is open and its window shown, or ``gaveUp``."""

    windowReady = Signal(object)
    gaveUp = Signal()

    def __init__(self, db_path: Path | None, make_window: Callable[[Database], QWidget]):
        super().__init__()
        self.db_path = db_path
        self.make_window = make_window
        self.store: Database | None = None
        self.window: QWidget | None = None
        self.dialog: DatabaseProblemDialog | None = None
        self.backup_problem: str | None = None

    def start(self) -> None:
        self.try_open(self.db_path)

    def try_open(self, path: Path | None) -> None:
        try:
            store = open_database(path)
        except AppError as error:
            dialog = DatabaseProblemDialog(error, path or default_database_path())
            dialog.resolved.connect(self.try_open)
            dialog.rejected.connect(self.gaveUp)
            self.dialog = dialog
            dialog.open()
            return
        self.store = store
        self.window = self.make_window(store)
        self.window.show()
        # Still on the UI thread; the background job runner plugs in here.
        QTimer.singleShot(0, self.take_startup_backup)
        self.windowReady.emit(self.window)

    def take_startup_backup(self) -> None:
        """The backup of the database as it was opened; a failure never stops the work."""
        if self.store is None:
            return  # closed before the timer fired
        try:
            startup_backup(self.store)
        except AppError as error:
            self.backup_problem = str(error)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
