"""The job runner: real QThreadPool workers, outcomes on the UI thread, one job per kind,
cancel, bugs to the program-error path, a free event loop, and a window gone too soon."""

from __future__ import annotations

import gc
import threading
import time

import pytest
import shiboken6
from docx import Document
from PySide6.QtWidgets import QLabel, QWidget

from kkr_desk.logs import LOG_FILE_NAME, install_excepthooks
from kkr_desk.writer import ExportCancelled, ReferatError, export_meeting
from kkr_desk.store import StoreError
from kkr_desk.ui.crash_dialog import install_crash_dialog
from kkr_desk.ui.jobs import (
    BACKUP,
    EXPORT,
    JobCancelled,
    JobRefused,
    JobRunner,
    running_jobs,
)
from kkr_desk.ui.stall_probe import StallProbe

WAIT_MS = 5000


@pytest.fixture
def runner(qtbot):
    runner = JobRunner()
    yield runner
    runner.shutdown(2)
    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=WAIT_MS)


def busy_for(seconds: float) -> int:
    """Pure-Python work (holds the GIL between switches), like building a .docx."""
    end = time.perf_counter() + seconds
    rounds = 0
    while time.perf_counter() < end:
        sum(range(500))
        rounds += 1
    return rounds


def test_the_result_arrives_on_the_ui_thread(qtbot, runner):
    seen: dict[str, int] = {}

    def work() -> int:
        return threading.get_ident()

    job = runner.start(EXPORT, work)
    job.finished.connect(lambda result: seen.update(worker=result, slot=threading.get_ident()))
    with qtbot.waitSignal(job.ended, timeout=WAIT_MS):
        pass
    assert seen["worker"] != threading.main_thread().ident  # it ran in a worker
    assert seen["slot"] == threading.main_thread().ident  # and came back to the UI thread
    assert not runner.is_running(EXPORT)


def test_a_docx_export_through_the_runner_writes_a_real_file(qtbot, runner, tmp_path, meeting):
    out = tmp_path / "referat.docx"
    job = runner.start(EXPORT, lambda: export_meeting(meeting, out), expected=(ReferatError,))
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS) as blocker:
        pass
    assert isinstance(blocker.args[0], list)  # the export's warnings
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert meeting.items[0].title in text


def test_a_second_job_of_the_same_kind_is_refused_while_the_first_runs(qtbot, runner):
    gate = threading.Event()
    first = runner.start(EXPORT, lambda: gate.wait(WAIT_MS / 1000))
    with pytest.raises(JobRefused, match="Der er allerede en eksport i gang"):
        runner.start(EXPORT, lambda: "second")
    other = runner.start(BACKUP, lambda: "another kind runs beside it")
    with qtbot.waitSignal(other.finished, timeout=WAIT_MS):
        pass
    assert runner.is_running(EXPORT)
    gate.set()
    with qtbot.waitSignal(first.ended, timeout=WAIT_MS):
        pass
    again = runner.start(EXPORT, lambda: "after the first")  # free again
    with qtbot.waitSignal(again.finished, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == ["after the first"]


def test_cancel_stops_a_job_that_waits_on_its_event(qtbot, runner):
    cancel = threading.Event()

    def work() -> str:
        if cancel.wait(WAIT_MS / 1000):
            raise JobCancelled()
        return "ran to the end"

    job = runner.start(EXPORT, work, cancel=cancel)
    finished = []
    job.finished.connect(finished.append)
    assert job.can_cancel
    started = time.monotonic()
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        job.cancel()
    assert time.monotonic() - started < 1
    assert finished == []


def test_an_expected_error_after_cancel_counts_as_cancelled(qtbot, runner):
    """export_meeting raises ExportCancelled (a ReferatError) when Annullér stopped it."""
    cancel = threading.Event()

    def work() -> None:
        cancel.wait(WAIT_MS / 1000)
        raise ExportCancelled("PDF'en blev annulleret.")

    job = runner.start(EXPORT, work, cancel=cancel, expected=(ReferatError,))
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        job.cancel()


def test_a_users_error_arrives_as_failed_and_is_not_a_program_error(qtbot, runner, monkeypatch):
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda *args: hooked.append(args))

    def work() -> None:
        raise StoreError("sikkerhedskopien kunne ikke gemmes (disken er fuld)")

    job = runner.start(BACKUP, work, expected=(StoreError,))
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as blocker:
        pass
    assert str(blocker.args[0]) == "sikkerhedskopien kunne ikke gemmes (disken er fuld)"
    assert hooked == []


def test_a_bug_in_a_job_reaches_the_log_and_the_crash_dialog(qtbot, qapp, runner, log_folder):
    reporter = install_crash_dialog(qapp)  # sys.excepthook: log, then the dialog

    def export_with_a_bug() -> None:
        {}["no such key"]

    job = runner.start(EXPORT, export_with_a_bug, expected=(ReferatError,))
    crashed, failed = [], []
    job.crashed.connect(crashed.append)
    job.failed.connect(failed.append)
    with qtbot.waitSignal(job.ended, timeout=WAIT_MS):
        pass
    assert isinstance(crashed[0], KeyError) and failed == []  # not disguised as the user's
    qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=WAIT_MS)
    assert "programfejl: KeyError" in reporter.dialog.detailedText()
    log = (log_folder / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "in export_with_a_bug" in log  # the worker's traceback, whole
    reporter.dialog.close()


def test_a_bug_is_reported_once_through_the_installed_hooks(qtbot, runner):
    shown = []
    install_excepthooks(lambda error, text: shown.append(text))
    job = runner.start(EXPORT, lambda: 1 / 0)
    with qtbot.waitSignal(job.crashed, timeout=WAIT_MS):
        pass
    assert len(shown) == 1 and shown[0].startswith("programfejl: ZeroDivisionError")


def test_the_event_loop_keeps_running_while_a_one_second_job_works(qtbot, runner):
    probe = StallProbe()
    probe.start()
    job = runner.start(EXPORT, lambda: busy_for(1.0))
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS):
        pass
    longest = probe.stop()
    # Bounds a busy machine keeps: the same second of work on the UI thread (below) is one
    # stall of about 1000 ms and a handful of ticks. The 50 ms target is the benchmarks'.
    assert probe.ticks > 20  # the timer really ran all along
    assert longest < 500, f"the UI thread stalled {longest:.0f} ms"


def test_the_probe_sees_work_done_on_the_ui_thread(qtbot):
    """The check above can fail: the same work on the UI thread is a stall."""
    probe = StallProbe()
    probe.start()
    qtbot.wait(20)
    busy_for(0.3)
    qtbot.wait(20)
    assert probe.stop() >= 250


class FakeWindow(QWidget):
    """Stands in for the main window: its slot touches a widget."""

    def __init__(self, calls: list[str]):
        super().__init__()
        self.runner = JobRunner(self)
        self.label = QLabel(self)
        self.calls = calls

    def export_done(self, result: object) -> None:
        self.calls.append("export_done")
        self.label.setText(str(result))


def test_nothing_breaks_when_the_window_is_gone_before_the_job_ends(qtbot):
    calls: list[str] = []
    window = FakeWindow(calls)
    gate = threading.Event()
    job = window.runner.start(EXPORT, lambda: gate.wait(WAIT_MS / 1000) and "done")
    job.finished.connect(window.export_done)
    ended = []
    job.ended.connect(lambda: ended.append(True))
    shiboken6.delete(window)  # the window is destroyed while the job works
    assert not shiboken6.isValid(window)
    del window, job  # nobody else holds the job: the runner must keep it alive
    gc.collect()
    gate.set()
    qtbot.waitUntil(lambda: ended == [True], timeout=WAIT_MS)
    assert calls == []  # the dead window's slot was never called
    assert running_jobs() == 0


def test_shutdown_cancels_what_it_can_and_waits_only_briefly(qtbot, runner):
    cancel = threading.Event()
    cancellable = runner.start(
        EXPORT, lambda: cancel.wait(WAIT_MS / 1000) and JobCancelled, cancel=cancel
    )
    gate = threading.Event()
    runner.start(BACKUP, lambda: gate.wait(WAIT_MS / 1000))
    started = time.monotonic()
    assert runner.shutdown(0.3) is False  # the backup cannot be cancelled: not waited out
    assert 0.25 <= time.monotonic() - started < 1.5
    assert cancellable.cancel_requested and cancellable.wait_for_worker(0)
    gate.set()
    assert runner.shutdown(2) is True
