"""Autosave: edits wait a moment for the next keystroke, then reach the database.

Each editor hands in a save function under a key; a single-shot timer restarted on every
change runs them all 400 ms after the last keystroke, and a second one, started by the first
unsaved change and never restarted, runs them at the latest 600 ms after it, so a
secretary who types without pausing still has every word older than a second on disk
(docs/reliability.md; tests/ui/test_window_crash.py kills the window to prove it).
``flush()`` runs them at once (item switch, focus change, close, export), so nothing typed
is ever only in the window.

A save function returns False when the database refused the write (locked, disk full);
it should then hand a retry in with ``retry()`` holding the text itself, not the widget, so
the words survive an item switch and are written as soon as the database takes them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, Qt, QTimer

QUIET_MS = 400
MAX_WAIT_MS = 600
"""However fast the typing, the first unsaved keystroke is saved within this time."""
RETRY_MS = 3000


class SaveSoon(QObject):
    """Calls ``action`` QUIET_MS after the last ``poke()``, and at the latest MAX_WAIT_MS
    after the first poke since the last call."""

    def __init__(
        self,
        action: Callable[[], object],
        parent: QObject | None = None,
        quiet_ms: int = QUIET_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ):
        super().__init__(parent)
        self._action = action
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        # Precise: Qt's default coarse timer may fire 5 % (20 ms) early or late, which made
        # the keystroke-to-disk time wander (docs/performance.md).
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self.fire)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.setInterval(max(quiet_ms, max_wait_ms))
        self._deadline.timeout.connect(self.fire)

    def poke(self) -> None:
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def stop(self) -> None:
        self._quiet.stop()
        self._deadline.stop()

    def fire(self) -> None:
        self.stop()
        self._action()


class Autosaver(QObject):
    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS):
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._timer = SaveSoon(self.flush, self, quiet_ms)
        self._retries: dict[Hashable, Callable[[], bool]] = {}
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(RETRY_MS)
        self._retry_timer.timeout.connect(self._run_retries)

    def schedule(self, key: Hashable, save: Callable[[], object]) -> None:
        """Remember the latest save for ``key`` and restart the quiet period."""
        self._pending[key] = save
        self._timer.poke()

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def retry(self, key: Hashable, save: Callable[[], bool]) -> None:
        """Try ``save`` again later, unless a newer edit under ``key`` comes first."""
        self._retries[key] = save
        self._retry_timer.start()

    @property
    def has_unsaved(self) -> bool:
        """Some words are only in memory: waiting for the quiet moment or for a retry."""
        return bool(self._pending or self._retries)

    def flush(self) -> None:
        """Run every waiting save now, in the order they were first scheduled."""
        self._timer.stop()
        while self._pending:
            key = next(iter(self._pending))
            save = self._pending.pop(key)
            self._retries.pop(key, None)  # the newer edit carries the newer text
            save()
        self._run_retries()

    def _run_retries(self) -> None:
        retries, self._retries = self._retries, {}
        for key, save in retries.items():
            if not save() and key not in self._retries and key not in self._pending:
                self._retries[key] = save
        if self._retries:
            self._retry_timer.start()
