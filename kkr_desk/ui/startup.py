"""Start-up: open the database, or help the user until one can be opened, then the window.

A damaged, foreign or busy database is not a dead end: the problem dialog offers a backup,
a fresh start (the damaged file moved aside) or another file, and start-up tries again
with the answer. The start-up backup is the window's own backup of the meeting it opens
(ui/safety.py): a background job started once the window is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..app import AppError, Database
from ..app.database import default_database_path, open_database

if TYPE_CHECKING:
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

    def start(self) -> None:
        self.try_open(self.db_path)

    def try_open(self, path: Path | None) -> None:
        try:
            store = open_database(path)
        except AppError as error:
            from .recovery_dialogs import DatabaseProblemDialog  # only for a problem

            dialog = DatabaseProblemDialog(error, path or default_database_path())
            dialog.resolved.connect(self.try_open)
            dialog.rejected.connect(self.gaveUp)
            self.dialog = dialog
            dialog.open()
            return
        self.store = store
        self.window = self.make_window(store)
        self.window.show()
        self.windowReady.emit(self.window)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
