"""emit(): Signal.emit() without PySide6 6.12.0's reference-count bug.

In PySide6 6.12.0 on Python < 3.12, every ``signal.emit(...)`` from Python returns ``True``
without owning a reference to it, so each call takes one reference away from ``True``.
A window that emits a few thousand signals (autosave, model updates during a three-hour
meeting) drives the count to zero and the interpreter aborts ("bool_dealloc"). This module
measures the loss once at import and gives the reference back after each emit; on a fixed
PySide6, or on Python 3.12+ where True is immortal, the measured loss is zero and emit()
is a plain call.

Use ``emit(self.saved)`` / ``emit(self.dataChanged, first, last)`` instead of ``.emit``.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _measure_loss() -> int:
    """How many references to True one Signal.emit() takes away (0 on a correct build)."""
    probe = _Probe()
    rounds = 16
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    return max(0, round(lost / rounds))


LOSS_PER_EMIT = _measure_loss()
# The probe itself took references away; give them back before anyone notices.
for _ in range(16 * LOSS_PER_EMIT):
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal, *args) -> None:
    """Emit ``signal`` with ``args``, repairing True's reference count if PySide broke it."""
    signal.emit(*args)
    for _ in range(LOSS_PER_EMIT):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
