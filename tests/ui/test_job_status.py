"""The status bar's job widget: shown while a job runs, Annullér only when it can cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from kkr_desk.ui.job_status import JobStatus
from kkr_desk.ui.jobs import EXPORT, JobCancelled, JobRunner, running_jobs

WAIT_MS = 5000


def status_in_a_window(qtbot) -> tuple[QMainWindow, JobStatus]:
    window = QMainWindow()
    qtbot.add_widget(window)
    status = JobStatus()
    window.statusBar().addPermanentWidget(status)
    window.show()
    return window, status


def test_annuller_cancels_the_job_and_the_widget_hides_when_it_ends(qtbot):
    window, status = status_in_a_window(qtbot)
    runner = JobRunner(window)
    cancel = threading.Event()

    def work() -> None:
        if cancel.wait(WAIT_MS / 1000):
            raise JobCancelled()

    job = runner.start(EXPORT, work, cancel=cancel)
    assert status.isHidden()
    status.show_job(job, "Eksporterer referat …")
    assert status.isVisible() and status.cancel_button.isVisible()
    assert status.label.text() == "Eksporterer referat …"
    assert status.bar.minimum() == status.bar.maximum() == 0  # indeterminate
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        assert status.label.text() == "Annullerer …"
        assert not status.cancel_button.isEnabled()
    assert status.isHidden()


def test_a_job_that_cannot_be_cancelled_has_no_annuller(qtbot):
    window, status = status_in_a_window(qtbot)
    runner = JobRunner(window)
    gate = threading.Event()
    job = runner.start(EXPORT, lambda: gate.wait(WAIT_MS / 1000))
    status.show_job(job, "Eksporterer referat …")
    assert status.isVisible() and status.cancel_button.isHidden()
    with qtbot.waitSignal(job.ended, timeout=WAIT_MS):
        gate.set()
    assert status.isHidden()
    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=WAIT_MS)
