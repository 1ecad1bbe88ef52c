"""The committee field of the meeting bar: a known name is taken, any other asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kkr_desk.store import Store
from tests.ui.test_window_parts import stored_meeting

SAMPLE = "KKR Midtjylland"
# The completer's list pops up while typing; the offscreen platform cannot raise it.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def committee_names(db_path) -> list[str]:
    with Store(db_path) as store:
        return store.committees.names()


def type_committee(qtbot, window, text: str):
    """Type a name into the empty field, wait past the autosave, and press Enter."""
    bar = window.meeting_bar
    bar.committee_edit.setFocus()
    bar.committee_edit.selectAll()
    qtbot.keyClick(bar.committee_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(bar.committee_edit, text)
    window.autosaver.flush()
    qtbot.keyClick(bar.committee_edit, Qt.Key.Key_Return)
    return bar


def test_a_typo_asks_and_going_back_makes_no_committee(qtbot, window, db_path):
    before = committee_names(db_path)
    meeting_id = window.session.meeting.id
    bar = type_committee(qtbot, window, "KKR Midtjyland")
    question = bar.committee_question
    assert question is not None and question.isVisible()
    assert "intet udvalg ved navn »KKR Midtjyland«" in question.text()
    assert "Mente du »KKR Midtjylland«?" in question.informativeText()
    assert committee_names(db_path) == before  # nothing made while the question is open
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bar.committee_question is None)
    assert committee_names(db_path) == before
    assert stored_meeting(db_path, meeting_id).committee == SAMPLE
    assert bar.committee_edit.text() == SAMPLE


def test_the_nearest_known_committee_can_be_taken(qtbot, window, db_path):
    before = committee_names(db_path)
    bar = type_committee(qtbot, window, "kkr midtjyland")
    question = bar.committee_question
    qtbot.mouseClick(question.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.committee_question is None)
    assert committee_names(db_path) == before
    assert window.session.meeting.committee == SAMPLE
    assert bar.committee_edit.text() == SAMPLE


def test_a_new_committee_is_made_only_when_asked_for(qtbot, window, db_path):
    meeting_id = window.session.meeting.id
    bar = type_committee(qtbot, window, "KKR Nordjylland")
    question = bar.committee_question
    assert question.use_button is None  # nothing near it
    qtbot.mouseClick(question.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.committee_question is None)
    assert "KKR Nordjylland" in committee_names(db_path)
    assert stored_meeting(db_path, meeting_id).committee == "KKR Nordjylland"
    assert "KKR Nordjylland" in window.windowTitle()


def test_a_known_name_in_other_case_is_taken_without_a_question(qtbot, window, db_path):
    meeting_id = window.session.meeting.id
    window.session.save_meeting_details(committee="KKR Syd", new_committee=True)
    bar = type_committee(qtbot, window, "kkr  midtjylland")
    assert bar.committee_question is None
    assert stored_meeting(db_path, meeting_id).committee == SAMPLE
    assert bar.committee_edit.text() == SAMPLE


def test_the_app_layer_refuses_an_unknown_committee_without_the_question(window, db_path):
    errors = []
    window.session.failed.connect(errors.append)
    assert not window.session.save_meeting_details(committee="KKR Tastefejl")
    assert "intet udvalg ved navn »KKR Tastefejl«" in errors[-1]
    assert "KKR Tastefejl" not in committee_names(db_path)


def test_ctrl_n_asks_before_a_new_committee_and_goes_back_to_correct_it(
    qtbot, window, db_path
):
    from PySide6.QtWidgets import QDialogButtonBox

    from kkr_desk.ui.dialogs import NewMeetingDialog

    before = committee_names(db_path)
    meetings = len(window.desk.list_meetings())
    window.actions_by_name["new_meeting"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewMeetingDialog)
    opret = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.committee_edit.setText("KKR Midtjyland")
    qtbot.mouseClick(opret, Qt.MouseButton.LeftButton)
    question = window.meeting_flow.committee_question
    assert question is not None and question.isVisible()
    assert "intet udvalg ved navn »KKR Midtjyland«" in question.text()
    assert "Mente du »KKR Midtjylland«?" in question.informativeText()
    assert "ingen faste deltagere" in question.informativeText()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Fortryd: back to the dialog
    qtbot.waitUntil(lambda: window.meeting_flow.committee_question is None)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.committee_edit
    assert dialog.committee_edit.selectedText() == "KKR Midtjyland"
    assert committee_names(db_path) == before
    assert len(window.desk.list_meetings()) == meetings

    qtbot.keyClicks(dialog.committee_edit, "KKR Midtjylland")  # retyped over the selection
    qtbot.mouseClick(opret, Qt.MouseButton.LeftButton)
    assert window.meeting_flow.committee_question is None  # a known name asks nothing
    assert not dialog.isVisible()
    assert window.session.meeting.committee == SAMPLE
    assert len(window.desk.list_meetings()) == meetings + 1
    assert committee_names(db_path) == before
