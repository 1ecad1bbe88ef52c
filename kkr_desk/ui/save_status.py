"""The status bar's word on saving: "Gemt hh:mm:ss" or "Ikke gemt", and after a crash what
the last run left on disk.

Each save's time is written to the database apart from the save, at most once a second: a
burst of saves costs one small write, outside the autosave's run. A crash in between leaves
an earlier time in the database, which is still true. A clean close marks the run as ended,
so the next start knows whether it follows a crash.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from ..app import AppError, Desk
from .autosave import Autosaver

STAMP_MS = 1000
"""How long after a save its time is kept in the database (for the message after a crash)."""
SAVED_STYLE = "color: #4b7f52; padding-right: 8px;"
NOT_SAVED_STYLE = "color: #b00020; font-weight: 600; padding-right: 8px;"


class SaveStatus(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        autosaver: Autosaver,
        show_problem: Callable[[str], None],
    ):
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.autosaver = autosaver
        self.show_problem = show_problem
        self.last_saved: dt.datetime | None = None
        self.stamp_timer = QTimer(self)
        self.stamp_timer.setSingleShot(True)
        self.stamp_timer.setInterval(STAMP_MS)
        self.stamp_timer.timeout.connect(self.stamp_last_save)
        self.label = QLabel()
        self.label.setObjectName("savedIndicator")
        self.label.setStyleSheet(SAVED_STYLE)
        window.statusBar().addPermanentWidget(self.label)

    def begin_run(self) -> None:
        """Begin this run; after a crash say, until the next message, what is on disk."""
        try:
            unclean, last_saved = self.desk.begin_run()
        except AppError as error:
            self.show_problem(str(error))
            return
        if not unclean:
            return
        if last_saved is None:
            text = self.tr("Genoprettet efter nedbrud: intet var gemt endnu")
        else:
            text = self.tr("Genoprettet efter nedbrud: alt indtil kl. %s er gemt") % (
                last_saved.strftime("%H:%M:%S")
            )
        self.window.statusBar().showMessage(text)

    def saved(self) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        self.last_saved = now
        if not self.stamp_timer.isActive():
            self.stamp_timer.start()
        if self.autosaver.has_unsaved:
            return  # something else still waits for a retry: keep the warning up
        self.label.setStyleSheet(SAVED_STYLE)
        self.label.setText(self.tr("Gemt %s") % now.strftime("%H:%M:%S"))

    def stamp_last_save(self) -> None:
        if self.last_saved is None:
            return
        try:
            self.desk.note_saved(self.last_saved)
        except AppError:
            pass  # the edit itself is saved; the next save stamps the time again

    def not_saved(self, message: str) -> None:
        self.label.setStyleSheet(NOT_SAVED_STYLE)
        self.label.setText(self.tr("Ikke gemt"))
        self.show_problem(message)

    def end_run(self) -> None:
        """The window closes cleanly: the next start is no recovery."""
        self.stamp_timer.stop()
        try:
            self.desk.end_run()
        except AppError:
            pass  # the next start says "recovered": true enough, and nothing is lost
