"""Closing the window while the database refuses the last words: ask instead of losing them."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from .autosave import Autosaver


class CloseGuard(QObject):
    def __init__(
        self, window: QMainWindow, autosaver: Autosaver, open_dialog: Callable[[object], None]
    ):
        super().__init__(window)
        self.window = window
        self.autosaver = autosaver
        self.open_dialog = open_dialog
        self.close_anyway = False

    def may_close(self) -> bool:
        """Save what waits; False (and a question) if something could not be saved."""
        self.autosaver.flush()
        if not self.autosaver.has_unsaved or self.close_anyway:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Ikke gemt"),
            self.tr(
                "Noget af det skrevne kunne ikke gemmes i databasen. Luk alligevel "
                "(teksten går tabt), eller bliv og prøv igen?"
            ),
            parent=self.window,
        )
        close = box.addButton(self.tr("Luk alligevel"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Bliv"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self.close_now() if button is close else None)
        self.open_dialog(box)
        return False

    def close_now(self) -> None:
        self.close_anyway = True
        self.window.close()
