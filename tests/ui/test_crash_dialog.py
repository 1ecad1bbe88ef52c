"""A bug while the window runs: logged with its traceback, shown with the log file's path,
never retried as if the database were only busy."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from kkr_desk.store import sample
from kkr_desk.ui import app as app_module
from kkr_desk.ui.crash_dialog import install_crash_dialog


def log_text(log_folder):
    return (log_folder / "kkr-desk.log").read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture  # the program's own hook must see the slot's exception
def test_a_sql_mistake_in_an_autosave_is_shown_and_not_retried(
    qtbot, qapp, window, sample_store, log_folder
):
    reporter = install_crash_dialog(qapp)
    # The schema no longer matches the code: every save of a section's text is a bug.
    sample_store.db.execute("ALTER TABLE section RENAME COLUMN body TO tekst")
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Vigtigt ord")

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)

    assert not window.autosaver.has_unsaved  # nothing waits for a retry
    assert "prøves igen" not in window.statusBar().currentMessage()
    dialog = reporter.dialog
    assert str(log_folder / "kkr-desk.log") in dialog.informativeText()
    assert "no such column: body" in dialog.detailedText()
    assert "Traceback (most recent call last)" in log_text(log_folder)
    assert "no such column: body" in log_text(log_folder)
    dialog.close()


def test_a_bug_in_another_thread_reaches_the_dialog(qtbot, qapp, log_folder):
    reporter = install_crash_dialog(qapp)

    def worker():
        raise LookupError("tråden fejlede")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
    assert "LookupError: tråden fejlede" in reporter.dialog.detailedText()
    reporter.dialog.close()


def test_a_bug_while_starting_shows_the_dialog_and_creates_no_database(
    qapp, tmp_path, monkeypatch, log_folder
):
    monkeypatch.setattr(sample, "SAMPLE_MEETING_FILE", "no-such-sample.json")
    shown = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.informativeText(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: pytest.fail("no event loop"))
    db = tmp_path / "new.db"

    assert app_module.run_window(db) == 1

    assert not db.exists()
    title, informative, detailed = shown[0]
    assert title == "Programfejl"
    assert str(log_folder / "kkr-desk.log") in informative
    assert detailed.startswith("programfejl: SampleMissing: ")
    assert "no-such-sample.json" in log_text(log_folder)
