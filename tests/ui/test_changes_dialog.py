"""Vis ▸ Ændringer siden udsendelse: the item's changes shown read-only, marked."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtGui import QTextCharFormat

from kkr_desk.app.item_changes import item_changes
from kkr_desk.domain.model import BESLUTNING
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.resources import resource_path
from kkr_desk.store import open_store
from kkr_desk.ui.changes_dialog import ChangesDialog
from kkr_desk.ui.main_window import MainWindow


@pytest.fixture
def sent():
    return read_meeting_file(resource_path("sample-meeting.json"))


def marked(view) -> dict[str, list[str]]:
    """The text of the view's underlined and struck-through fragments."""
    found = {"underlined": [], "struck": []}
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            style: QTextCharFormat = fragment.charFormat()
            if style.fontUnderline():
                found["underlined"].append(fragment.text())
            if style.fontStrikeOut():
                found["struck"].append(fragment.text())
            fragments += 1
        block = block.next()
    return found


def test_inserted_words_are_underlined_and_deleted_struck(qtbot, tmp_path, sent):
    with open_store(tmp_path / "d.db") as store:
        current = store.meetings.load(store.meetings.add(copy.deepcopy(sent)))
    item = current.items[1]
    section = item.section(BESLUTNING)
    section.body = section.body.replace("tog orienteringerne", "godkendte orienteringerne")
    dialog = ChangesDialog("2.1", item_changes(sent, current, item.id))
    qtbot.addWidget(dialog)
    assert marked(dialog.view) == {"underlined": ["godkendte"], "struck": ["tog"]}
    assert dialog.view.isReadOnly()
    assert "2.1" in dialog.windowTitle()
    # Both words stand in the text, the deleted one first, as in Word.
    assert "KKR Midtjylland toggodkendte orienteringerne" in dialog.view.toPlainText()


def test_never_sent_says_so(qtbot):
    dialog = ChangesDialog("1.1", None)
    qtbot.addWidget(dialog)
    assert "ikke sendt til godkendelse" in dialog.summary.text()
    assert dialog.view.toPlainText() == ""


def test_the_view_menu_opens_it_for_the_open_item(qtbot, tmp_path):
    with open_store(tmp_path / "w.db") as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.actions_by_name["changes_since_sent"].trigger()
        assert isinstance(window.dialog, ChangesDialog)
        assert "ikke sendt til godkendelse" in window.dialog.summary.text()
        window.close()  # while its database is open: closing writes the run's end mark
