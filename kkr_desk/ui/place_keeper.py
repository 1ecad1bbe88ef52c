"""Where the secretary is (meeting and item), written to the database once the selection rests.

Every commit of the store is an fsync (WAL, ``synchronous=FULL``: ~3 ms, over 10 ms when the
disk is busy). Writing the place at every item shown put one on the UI thread inside every
Ctrl+Down. The place is now written when the selection has rested for ``REST_MS``, and at
once when the window closes; a crash within that second returns to the item before.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

from ..app import AppError, Desk

REST_MS = 1000
"""How long the shown item must stay before it is written as the place to return to."""


class PlaceKeeper(QObject):
    def __init__(self, parent: QObject, desk: Desk, show_problem: Callable[[str], None]):
        super().__init__(parent)
        self.desk = desk
        self.show_problem = show_problem
        self.place: tuple[int, int | None] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REST_MS)
        self.timer.timeout.connect(self.write)

    def shown(self, meeting_id: int, item_id: int | None) -> None:
        """The place now shown; written when it has rested (or at ``flush``)."""
        self.place = (meeting_id, item_id)
        self.timer.start()

    def flush(self) -> None:
        """Write a place still waiting for its rest (the window is closing)."""
        if self.timer.isActive():
            self.timer.stop()
            self.write()

    def write(self) -> None:
        if self.place is None:
            return
        try:
            self.desk.remember_place(*self.place)
        except AppError as error:  # a lock or a full disk: the work itself is not at risk
            self.show_problem(str(error))
