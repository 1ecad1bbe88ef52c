"""Run something once a window has been painted for the first time.

A zero-delay timer after ``show()`` may fire before the first paint (both wait in the
event queue), so work meant to follow the first sight of the window waits for the paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], object]):
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._action)  # once the paint itself is done
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, action: Callable[[], object]) -> None:
    """Call ``action`` on the UI thread right after ``widget``'s next (first) paint."""
    _FirstPaint(widget, action)
