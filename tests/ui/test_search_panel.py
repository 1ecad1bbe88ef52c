"""Søg i alle møder and "Tidligere behandlet", driven by keys in the real window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kkr_desk.domain import AgendaGroup, AgendaItem, Meeting, Section
from kkr_desk.domain.model import BESLUTNING, SAGSFREMSTILLING
from kkr_desk.ui.search_panel import SearchDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def june_meeting() -> Meeting:
    """The June meeting before the sample: item 3.1 shares the sample's case number."""
    later = AgendaItem("Punkter til næste møde", sections=[Section(BESLUTNING, "Drøftet.")])
    earlier = AgendaItem(
        "Vandplaner i oplandene",
        case_number="SAG-2024-02547",
        sections=[
            Section(SAGSFREMSTILLING, "Kommunerne har afsluttet vandløbsindsatsen i 2023. " * 30),
            Section(BESLUTNING, "Taget til efterretning."),
        ],
    )
    return Meeting(
        committee="KKR Midtjylland",
        date=dt.date(2024, 6, 18),
        groups=[
            AgendaGroup("Godkendelse af referat", [AgendaItem("Referatet")]),
            AgendaGroup("Siden sidst", [AgendaItem("Orientering")]),
            AgendaGroup("Regionalpolitiske sager", [earlier, later]),
        ],
    )


@pytest.fixture
def june_id(sample_store):
    return sample_store.meetings.add(june_meeting())


def type_search(qtbot, window, text):
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    qtbot.keyClicks(dialog.field, text)
    qtbot.waitUntil(lambda: dialog.hits.count() > 0)
    return dialog


def test_enter_shows_the_hit_and_escape_goes_back(qtbot, window, june_id):
    sample_id = window.session.meeting.id
    start_item = window.session.meeting.items[3]
    window.agenda.select(window.agenda_model.index_of_item(start_item))
    dialog = type_search(qtbot, window, "vandløbsindsats")  # the last word is a prefix
    hit = dialog.hits.item(0).data(Qt.ItemDataRole.UserRole)
    assert (hit.meeting_id, hit.item_number, hit.section) == (june_id, "3.1", SAGSFREMSTILLING)
    assert "<b>KKR Midtjylland · 18-06-2024 · punkt 3.1 Vandplaner i oplandene</b>" in (
        dialog.hits.item(0).text()
    )
    assert '600;">vandløbsindsatsen</span>' in dialog.hits.item(0).text()

    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.session.meeting.id == june_id
    assert window.editor.item.title == "Vandplaner i oplandene"
    section_editor = window.editor.tabs.currentWidget()
    assert section_editor.accessibleName() == SAGSFREMSTILLING
    assert section_editor.textCursor().selectedText() == "vandløbsindsatsen"
    assert dialog.isVisible()  # the list stays for the next hit

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.session.meeting.id == sample_id
    assert window.editor.item.id == start_item.id


def test_hits_are_newest_first_and_a_bad_query_says_why(qtbot, window, june_id):
    dialog = type_search(qtbot, window, "kommunerne")
    dates = [dialog.hits.item(row).data(Qt.ItemDataRole.UserRole).date for row in range(dialog.hits.count())]
    assert dates == sorted(dates, reverse=True) and dates[0] > dates[-1]
    dialog.field.setText("kommunerne OR")
    dialog.run_search()
    assert dialog.hits.count() == 0
    assert dialog.status.text() == "OR skal stå mellem to søgeord"


def test_earlier_treatment_link_opens_that_meeting_at_that_item(qtbot, window, june_id):
    window.open_meeting(window.session.meeting.id)  # read again: the June meeting exists now
    label = window.editor.earlier_label
    assert not label.isHidden()
    # One link: the sample's other items share the case number, but the same meeting is
    # no earlier treatment.
    assert label.text() == (
        f'Tidligere behandlet: <a href="{june_id}:'
        f'{window.desk.load_meeting(june_id).groups[2].items[0].id}">'
        "KKR Midtjylland 18-06-2024, punkt 3.1</a>"
    )
    target = label.text().split('"')[1]
    label.linkActivated.emit(target)
    assert window.session.meeting.id == june_id
    assert window.editor.item.title == "Vandplaner i oplandene"
    assert window.agenda.current_index().isValid()
    # In June nothing came before it: no link there.
    assert window.editor.earlier_label.isHidden()
