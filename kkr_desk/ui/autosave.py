"""Autosave: edits wait a moment for the next keystroke, then reach the database.

Each editor hands in a save function under a key; a single-shot timer restarted on every
change runs them all 400 ms after the last keystroke. ``flush()`` runs them at once (item
switch, focus change, close, export), so nothing typed is ever only in the window.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer

QUIET_MS = 400


class Autosaver(QObject):
    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS):
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: Hashable, save: Callable[[], object]) -> None:
        """Remember the latest save for ``key`` and restart the quiet period."""
        self._pending[key] = save
        self._timer.start()

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Run every waiting save now, in the order they were first scheduled."""
        self._timer.stop()
        while self._pending:
            key = next(iter(self._pending))
            save = self._pending.pop(key)
            save()
