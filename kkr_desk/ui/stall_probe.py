"""How long the UI thread went without running its event loop, while some work ran.

A 5 ms timer ticks on the UI thread; the longest gap between two ticks (and from the
start to the first, and the last to the stop) is the longest time the window could not
have answered a key or painted. A free loop shows about the interval itself. For tests
and ``python -m benchmarks``; the window does not use it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 5


class StallProbe(QObject):
    """``start()``, let the event loop run while the work goes on, ``stop()`` → ms."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.longest_at_ms = 0.0
        self.ticks = 0
        self._started = 0.0

    def start(self) -> None:
        self.longest_ms = 0.0
        self.longest_at_ms = 0.0
        self.ticks = 0
        self._started = self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stop measuring; the longest gap in milliseconds (also ``longest_ms``)."""
        self._timer.stop()
        self._record(time.perf_counter())
        return self.longest_ms

    def _tick(self) -> None:
        self.ticks += 1
        self._record(time.perf_counter())

    def _record(self, now: float) -> None:
        gap = (now - self._last) * 1000
        if gap > self.longest_ms:
            self.longest_ms = gap
            self.longest_at_ms = (self._last - self._started) * 1000  # when it began
        self._last = now
