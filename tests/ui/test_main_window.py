"""The window opens on a database and shows the newest meeting's numbered agenda."""

from __future__ import annotations

from kkr_desk.store import open_store
from kkr_desk.ui.main_window import MainWindow


def test_window_shows_the_sample_agenda(qtbot, db_path):
    with open_store(db_path) as store:
        window = MainWindow(store)
        qtbot.add_widget(window)
        window.show()
        tree = window.agenda
        assert tree.topLevelItemCount() == 7
        assert tree.topLevelItem(0).text(0) == "1. Godkendelse af referat"
        assert tree.topLevelItem(4).childCount() == 0
        assert tree.topLevelItem(2).child(1).text(0).startswith("3.2. Fordeling af lærepladser")
        assert "05-09-2024" in window.windowTitle()
