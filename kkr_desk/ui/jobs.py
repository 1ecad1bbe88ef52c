"""Long work off the UI thread: export, import, backup and restore on Qt's thread pool.

A job is a plain callable that is handed everything it needs (a Meeting, paths, a
threading.Event to watch for cancel). It never touches a widget or the UI thread's Store:
a sqlite3 connection belongs to the thread that opened it. Its outcome comes back on the
UI thread through the ``Job``'s signals (queued), so the window only ever reacts there.

One job of each kind runs at a time: a second export while one runs is refused with
``JobRefused`` (a Danish message for the window to show), never queued silently.

What a job raises is sorted on the UI thread: an exception of the types the caller names
as the user's (``expected``) arrives as ``failed``; one raised after cancel was asked for,
or ``JobCancelled``, as ``cancelled``; anything else is a bug in our code and goes to
``sys.excepthook``, which in the window is the program-error path (log file and crash
dialog, ``kkr_desk.ui.crash_dialog``), after ``crashed`` has let the window tidy up.

The window may go before a job ends: the Job lives on (no Qt parent, kept here until its
outcome is delivered), and Qt drops its connections to the destroyed window, so nothing
reaches a deleted widget. Connect the signals to the window's methods, not to lambdas
that capture widgets. ``JobRunner.shutdown`` (from closeEvent) cancels what can be
cancelled and waits briefly for the rest.
"""

from __future__ import annotations

import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

EXPORT = "export"
IMPORT = "import"
BACKUP = "backup"
RESTORE = "restore"
PREPARE = "prepare"

_REFUSALS = {
    EXPORT: "Der er allerede en eksport i gang. Vent, til den er færdig, eller annullér den.",
    IMPORT: "Der er allerede en indlæsning i gang. Vent, til den er færdig.",
    BACKUP: "Der tages allerede en sikkerhedskopi. Vent et øjeblik, og prøv igen.",
    RESTORE: "Der er allerede en gendannelse i gang. Vent, til den er færdig.",
}
_OTHER_REFUSAL = "Der er allerede et job af samme slags i gang. Vent, til det er færdigt."

_alive: set[Job] = set()
"""Jobs whose outcome is not yet delivered: they outlive the window and the runner."""


class JobRefused(RuntimeError):
    """A job of this kind is already running; ``str()`` is the Danish message to show."""

    def __init__(self, kind: str):
        text = _REFUSALS.get(kind, _OTHER_REFUSAL)
        super().__init__(QCoreApplication.translate("JobRunner", text))
        self.kind = kind


class JobCancelled(Exception):
    """Raised by a job that saw its cancel event set and stopped."""


class Job(QObject):
    """One running job, as the UI thread sees it. Exactly one of finished / failed /
    cancelled / crashed is emitted, then ``ended``; all on the UI thread."""

    finished = Signal(object)  # the callable's return value
    failed = Signal(object)  # an exception of the expected types: str() is for the user
    cancelled = Signal()
    crashed = Signal(object)  # a bug; sys.excepthook gets it right after
    ended = Signal()

    _outcome = Signal(str, object)  # emitted from the worker thread, queued to _arrive

    def __init__(
        self,
        kind: str,
        work: Callable[[], Any],
        cancel: threading.Event | None,
        expected: tuple[type[BaseException], ...],
        runner: JobRunner,
    ):
        super().__init__()  # no parent: the window may be gone before the job ends
        self.kind = kind
        self._work = work
        self._cancel = cancel
        self._expected = expected
        self._runner = weakref.ref(runner)
        self._worker_done = threading.Event()
        self.is_done = False
        self._outcome.connect(self._arrive, Qt.ConnectionType.QueuedConnection)

    @property
    def can_cancel(self) -> bool:
        return self._cancel is not None

    @property
    def cancel_requested(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop (it watches its Event); ``cancelled`` follows when it has."""
        if self._cancel is not None:
            self._cancel.set()

    def wait_for_worker(self, seconds: float) -> bool:
        """Block up to ``seconds`` until the callable has returned (for shutdown and tests)."""
        return self._worker_done.wait(seconds)

    def _run_in_worker(self) -> None:
        try:
            result = self._work()
        except JobCancelled as error:
            kind, value = "cancelled", error
        except self._expected as error:
            kind, value = ("cancelled" if self.cancel_requested else "failed"), error
        except BaseException as error:  # noqa: BLE001 - a bug: delivered, never swallowed
            kind, value = "crashed", error
        else:
            kind, value = "finished", result
        self._work = None  # the meeting and whatever the job held go with the worker
        self._outcome.emit(kind, value)
        self._worker_done.set()

    def _arrive(self, kind: str, value: object) -> None:
        self.is_done = True
        runner = self._runner()
        if runner is not None and shiboken6.isValid(runner):
            runner._forget(self)
        try:
            if kind == "finished":
                self.finished.emit(value)
            elif kind == "failed":
                self.failed.emit(value)
            elif kind == "cancelled":
                self.cancelled.emit()
            else:
                self.crashed.emit(value)
                sys.excepthook(type(value), value, value.__traceback__)
            self.ended.emit()
        finally:
            _alive.discard(self)


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (the Job holds it) until delivered
        self._job = job

    def run(self) -> None:
        self._job._run_in_worker()


class JobRunner(QObject):
    """Starts jobs on the global QThreadPool, one per kind at a time."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: dict[str, Job] = {}

    def start(
        self,
        kind: str,
        work: Callable[[], Any],
        *,
        cancel: threading.Event | None = None,
        expected: tuple[type[BaseException], ...] = (),
    ) -> Job:
        """Run ``work()`` in a worker thread; raises JobRefused while a ``kind`` job runs.

        Connect to the returned Job's signals right away: its outcome is queued, so it
        cannot arrive before control returns to the event loop.
        """
        if kind in self._running:
            raise JobRefused(kind)
        job = Job(kind, work, cancel, expected, self)
        job._runnable = _Runnable(job)
        self._running[kind] = job
        _alive.add(job)
        self._pool.start(job._runnable)
        return job

    def is_running(self, kind: str) -> bool:
        return kind in self._running

    def running(self) -> list[Job]:
        return list(self._running.values())

    def shutdown(self, wait_seconds: float = 2.0) -> bool:
        """For the window's close: cancel what can be, wait up to ``wait_seconds`` for the
        rest; True when every job's callable has returned. Never blocks longer."""
        jobs = self.running()
        for job in jobs:
            job.cancel()
        deadline = time.monotonic() + wait_seconds
        return all(job.wait_for_worker(max(0.0, deadline - time.monotonic())) for job in jobs)

    def _forget(self, job: Job) -> None:
        if self._running.get(job.kind) is job:
            del self._running[job.kind]


def running_jobs() -> int:
    """How many jobs have not yet delivered their outcome (any runner's; for tests)."""
    return len(_alive)
