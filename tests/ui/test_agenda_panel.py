"""Agenda rows: their height follows the title's text and the column's width."""

from __future__ import annotations

from PySide6.QtCore import Qt


def row_height(window, item) -> int:
    view = window.agenda.view
    return view.visualRect(window.agenda_model.index_of_item(item)).height()


def test_a_title_made_long_gets_a_second_line_and_back(qtbot, window):
    window.resize(1366, 768)
    qtbot.wait(50)
    item = window.session.meeting.items[4]  # 3.3, a short title
    index = window.agenda_model.index_of_item(item)
    one_line = row_height(window, item)
    short_title = item.title
    lines = window.agenda.view.fontMetrics().lineSpacing()

    window.agenda_model.setData(index, short_title + " og " + "meget lang tekst " * 12,
                                Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: row_height(window, item) >= one_line + lines)
    window.agenda_model.setData(index, short_title, Qt.ItemDataRole.EditRole)

    qtbot.waitUntil(lambda: row_height(window, item) == one_line)

