"""The import reads its file off the UI thread: the secretary keeps typing while a slow
file is read, what is typed is saved, and a second file dropped meanwhile is refused."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox

from kkr_desk.ui.import_dialog import ImportDialog
from tests.ui.test_background_export import decision_in_database
from tests.ui.test_import_dialog import FIXTURE, WAIT_MS, slow_read
from tests.ui.test_live_flow import drop_on


def test_typing_goes_on_and_is_saved_while_a_dropped_file_is_read(
    qtbot, window, monkeypatch
):
    release = threading.Event()
    threads = slow_read(monkeypatch, window.desk, release)
    flow = window.import_flow
    assert drop_on(qtbot, window, FIXTURE).isAccepted()
    assert window.job_status.isVisible()
    assert window.job_status.label.text() == f"Læser {FIXTURE.name} …"

    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Skrevet under indlæsningen.")
    # The keys were taken while the read still waits in its thread (never released yet).
    assert "Skrevet under indlæsningen." in window.editor.decision_edit.toPlainText()
    assert flow.summary is None and not release.is_set()
    qtbot.waitUntil(lambda: "Skrevet under indlæsningen." in decision_in_database(window))

    assert drop_on(qtbot, window, FIXTURE).isAccepted()  # a second file meanwhile
    assert isinstance(flow.refusal, QMessageBox)
    assert "allerede en indlæsning i gang" in flow.refusal.text()
    flow.refusal.close()

    release.set()
    qtbot.waitUntil(lambda: flow.summary is not None, timeout=WAIT_MS)
    assert isinstance(flow.summary, ImportDialog) and flow.summary.isVisible()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not window.job_status.isVisible()
    flow.summary.cancel_button.click()
