"""`kkr-desk --db PATH` opens the window on that database."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kkr_desk.cli import main
from kkr_desk.ui.main_window import MainWindow


def test_the_command_opens_the_window_on_the_given_database(qapp, tmp_path, monkeypatch):
    db = tmp_path / "møde.db"
    seen = []

    def fake_exec(self=None):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[-1]
        seen.append((window.store.path, window.isVisible(), window.windowTitle()))
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(["--db", str(db)]) == 0
    path, visible, title = seen[0]
    assert path == db and visible
    assert title == "KKR Desk – KKR Midtjylland 05-09-2024"
    assert db.is_file()


def test_a_database_that_cannot_be_opened_is_refused(qapp, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(
        "kkr_desk.ui.app.QMessageBox.critical", lambda *args: messages.append(args[2])
    )
    assert main(["--db", str(tmp_path)]) == 2  # a folder, not a file
    assert messages and messages[0].startswith("Databasen kan ikke åbnes:")
