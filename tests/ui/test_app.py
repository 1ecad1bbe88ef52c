"""`kkr-desk --db PATH` opens the window on that database."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kkr_desk.cli import main
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.recovery_dialogs import DatabaseProblemDialog


def test_the_command_opens_the_window_on_the_given_database(qapp, tmp_path, monkeypatch):
    db = tmp_path / "møde.db"
    seen = []

    def fake_exec(self=None):
        # the one run_window showed: windows of earlier tests may linger, closed, until Qt
        # deletes them
        windows = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        ]
        window = windows[-1]
        seen.append((window.desk.database_path, window.isVisible(), window.windowTitle()))
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(["--db", str(db)]) == 0
    path, visible, title = seen[0]
    assert path == db and visible
    assert title == "KKR Desk – KKR Midtjylland 05-09-2024"
    assert db.is_file()


def test_a_database_that_cannot_be_opened_offers_help_and_closing_gives_up(
    qapp, tmp_path, monkeypatch
):
    seen = []

    def fake_exec(self=None):
        dialogs = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, DatabaseProblemDialog) and w.isVisible()
        ]
        dialog = dialogs[-1]
        seen.append(dialog.message.text())
        dialog.close_button.click()
        dialog.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(["--db", str(tmp_path)]) == 2  # a folder, not a file
    assert seen and "er en mappe, ikke en databasefil" in seen[0]


def test_the_first_paint_starts_loading_what_the_first_edit_needs(qtbot, window, monkeypatch):
    from kkr_desk.ui.app import prepare_for_edits
    from kkr_desk.ui.jobs import PREPARE

    ran = []
    monkeypatch.setattr(window.desk, "prepare_for_edits", lambda: lambda: ran.append(True))

    prepare_for_edits(window)
    assert not ran  # not before the window is painted
    window.update()

    qtbot.waitUntil(lambda: ran == [True] and not window.jobs.is_running(PREPARE))
