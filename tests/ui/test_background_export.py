"""The export runs off the UI thread: the secretary keeps typing, a second export is refused,
and a PDF export can be cancelled from the status bar."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kkr_desk.domain import BESLUTNING
from kkr_desk.ui.stall_probe import StallProbe

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def slow_export(monkeypatch, window, release: threading.Event):
    """Desk.export that waits in its worker thread until ``release`` is set."""
    real = window.desk.export
    threads = []

    def export(*args, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(window.desk, "export", export)
    return threads


def decision_in_database(window) -> str:
    meeting = window.desk.load_meeting(window.session.meeting.id)
    item = meeting.items[0]
    return next(s.body for s in item.sections if s.heading == BESLUTNING)


def test_typing_goes_on_and_is_saved_while_a_pdf_export_runs(
    qtbot, window, tmp_path, monkeypatch
):
    release = threading.Event()
    threads = slow_export(monkeypatch, window, release)
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: tmp_path / "r.docx")
    window.editor.focus_decision()
    probe = StallProbe()
    probe.start()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)  # Eksportér referat
    assert window.export_flow.running and window.job_status.isVisible()
    started = time.monotonic()
    qtbot.keyClicks(window.editor.decision_edit, " Skrevet under eksporten.")
    typed_after = time.monotonic() - started
    qtbot.waitUntil(lambda: "Skrevet under eksporten." in decision_in_database(window))
    longest_stall = probe.stop()
    release.set()
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=30_000)

    assert threads and threads[0] is not threading.main_thread()
    assert "Skrevet under eksporten." in window.editor.decision_edit.toPlainText()
    assert typed_after < 5  # the keys were taken while the export waited in its thread
    # ms: the window kept repainting while the export waited up to 10 s in its thread; the
    # figure to meet (50 ms) is measured by `python -m benchmarks stall`, not asserted here
    assert longest_stall < 2000
    assert (tmp_path / "r.docx").is_file()
    assert not window.job_status.isVisible()
    window.dialog.close()


def test_a_second_export_while_one_runs_is_refused_in_danish(
    qtbot, window, tmp_path, monkeypatch
):
    release = threading.Event()
    threads = slow_export(monkeypatch, window, release)
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: tmp_path / "r.docx")
    assert window.export_flow.export("referat") is not None
    assert window.export_flow.export("dagsorden") is None
    assert "allerede en eksport i gang" in window.statusBar().currentMessage()
    release.set()
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=30_000)
    assert len(threads) == 1  # the second was not queued
    window.dialog.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="PDF needs LibreOffice")
def test_annuller_ends_a_pdf_export_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "referat.pdf"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: target)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL | ALT)  # PDF
    assert window.job_status.cancel_button.isVisible()
    qtbot.wait(300)  # LibreOffice is starting
    qtbot.mouseClick(window.job_status.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=10_000)
    assert not target.exists()
    assert "annulleret" in window.statusBar().currentMessage()
