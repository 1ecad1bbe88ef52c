"""The smaller parts of the window: dialogs, the meeting bar, saving on focus change and close."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kkr_desk.domain import AttendanceStatus, ItemStatus
from kkr_desk.store import Store
from kkr_desk.ui.attendance_model import NOTE, AttendanceModel
from kkr_desk.ui.attendance_panel import AttendancePanel
from kkr_desk.ui.dialogs import AddPersonDialog, MeetingsDialog, NewMeetingDialog, PhrasesDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def click(qtbot, dialog, which):
    button = dialog.findChild(QDialogButtonBox).button(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored_meeting(db_path, meeting_id):
    with Store(db_path) as store:
        return store.meetings.load(meeting_id)


def test_a_title_is_saved_at_once_when_the_focus_moves(qtbot, window, db_path):
    item = window.editor.item
    window.editor.title_edit.setFocus()
    window.editor.title_edit.selectAll()
    qtbot.keyClicks(window.editor.title_edit, "Ny titel")
    assert window.autosaver.has_pending
    window.editor.case_number_edit.setFocus()  # no waiting: the focus change saves
    assert not window.autosaver.has_pending
    saved = {i.id: i.title for i in stored_meeting(db_path, 1).items}
    assert saved[item.id] == "Ny titel"
    assert window.agenda_model.label(window.agenda_model.index_of_item(item)).endswith("Ny titel")


def test_closing_saves_what_was_just_typed(qtbot, window, db_path):
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Sidste ord")
    section_id = window.editor.decision_section.id
    window.close()
    with Store(db_path) as store:
        body = store.db.execute("SELECT body FROM section WHERE id = ?", [section_id]).fetchone()[0]
    assert body.endswith("Sidste ord")


def test_an_empty_title_is_refused_with_a_danish_message(qtbot, window, db_path):
    window.editor.title_edit.setFocus()
    window.editor.title_edit.selectAll()
    qtbot.keyClick(window.editor.title_edit, Qt.Key.Key_Delete)
    window.autosaver.flush()
    assert "må ikke være tom" in window.statusBar().currentMessage()
    assert stored_meeting(db_path, 1).items[3].title.startswith("Fordeling")


def test_meetings_dialog_creates_and_opens_meetings(qtbot, window, db_path):
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    dialog = window.dialog
    assert isinstance(dialog, MeetingsDialog) and dialog.table.rowCount() == 1
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    new = window.dialog
    assert isinstance(new, NewMeetingDialog)
    new.committee_edit.setText("KKR Nordjylland")
    new.date_edit.setDate(dt.date(2025, 1, 9))
    qtbot.mouseClick(
        new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    question = window.meeting_flow.committee_question  # a new committee is asked for
    qtbot.mouseClick(question.create_button, Qt.MouseButton.LeftButton)
    assert window.session.meeting.committee == "KKR Nordjylland"
    assert window.agenda_model.rowCount() == 0 and window.editor.item is None
    assert "09-01-2025" in window.windowTitle()
    # Back to the sample meeting through the list.
    window.meeting_flow.show_meetings()
    dialog = window.dialog
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(1)  # newest first: the sample is second
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.session.meeting.id == 1


def test_add_person_from_the_roster_and_as_new(qtbot, window, db_path):
    meeting_id = window.session.meeting.id
    with Store(db_path) as store:
        store.meetings.create_empty("KKR Syddanmark", dt.date(2025, 2, 1))
    window.open_meeting(2)
    window.attendance_flow.ask_add_person()
    dialog = window.dialog
    assert isinstance(dialog, AddPersonDialog)
    qtbot.keyClicks(dialog.search_edit, "Torben Hansen")
    assert dialog.chosen_person().name == "Torben Hansen"
    assert not dialog.name_edit.isEnabled()
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    window.attendance_flow.ask_add_person()
    dialog = window.dialog
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.error_label.text() == "Skriv et navn eller vælg fra kartoteket"
    qtbot.keyClicks(dialog.name_edit, "Mette Gæst")
    dialog.organisation_edit.setCurrentText("Region Syddanmark")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    saved = stored_meeting(db_path, 2)
    assert [(a.person.name, a.person.organisation) for a in saved.attendance] == [
        ("Torben Hansen", ""),
        ("Mette Gæst", "Region Syddanmark"),
    ]
    with Store(db_path) as store:
        torben = [p for p in store.roster.people() if p.name == "Torben Hansen"]
    assert len(torben) == 1  # the roster entry was reused, not copied
    assert meeting_id == 1


def test_the_roster_search_matches_the_whole_typed_name(qtbot, window, db_path):
    with Store(db_path) as store:
        store.meetings.create_empty("KKR Syddanmark", dt.date(2025, 2, 1))
    window.open_meeting(2)
    window.attendance_flow.ask_add_person()
    dialog = window.dialog
    qtbot.keyClicks(dialog.search_edit, "Peter Sørensen")
    assert dialog.chosen_person().name == "Peter Sørensen"
    shown = [
        dialog.roster_list.item(row).text()
        for row in range(dialog.roster_list.count())
        if not dialog.roster_list.item(row).isHidden()
    ]
    assert shown == ["Peter Sørensen (A), Horsens"]
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert [a.person.name for a in stored_meeting(db_path, 2).attendance] == ["Peter Sørensen"]
    # A name nobody has becomes the new person's name.
    window.attendance_flow.ask_add_person()
    dialog = window.dialog
    qtbot.keyClicks(dialog.search_edit, "Peter Nyborg")
    assert dialog.chosen_person() is None
    assert dialog.name_edit.text() == "Peter Nyborg" and dialog.name_edit.isEnabled()


def test_phrases_are_edited_in_settings(qtbot, window, db_path):
    window.settings_flow.edit_phrases()
    dialog = window.dialog
    assert isinstance(dialog, PhrasesDialog)
    dialog.editor.setPlainText("Vedtaget.\n{udvalg} udsatte sagen.")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert [window.editor.phrases[n] for n in (1, 2)] == [
        "Vedtaget.",
        "KKR Midtjylland udsatte sagen.",
    ]
    assert 3 not in window.editor.phrases
    with Store(db_path) as store:
        assert store.settings.decision_templates() == ["Vedtaget.", "{udvalg} udsatte sagen."]


def test_meeting_bar_saves_details_and_refuses_a_bad_time(qtbot, window, db_path):
    bar = window.meeting_bar
    bar.place_edit.setFocus()
    bar.place_edit.selectAll()
    qtbot.keyClicks(bar.place_edit, "Aarhus Rådhus")
    bar.start_edit.setFocus()
    bar.start_edit.selectAll()
    qtbot.keyClicks(bar.start_edit, "9.30")
    qtbot.keyClick(bar.start_edit, Qt.Key.Key_Return)
    bar.end_edit.setFocus()
    bar.end_edit.selectAll()
    qtbot.keyClicks(bar.end_edit, "kvart i")
    qtbot.keyClick(bar.end_edit, Qt.Key.Key_Return)
    assert "ikke et klokkeslæt" in window.statusBar().currentMessage()
    assert bar.end_edit.text() == "12.25"
    saved = stored_meeting(db_path, 1)
    assert saved.place == "Aarhus Rådhus"
    assert saved.start_time == dt.time(9, 30) and saved.end_time == dt.time(12, 25)
    assert bar.clock_label.text() == "Varighed 2:55"


def test_item_editor_adds_a_section_and_keeps_status(qtbot, window, db_path):
    item = window.editor.item
    window.editor.add_section("Bilag")
    assert window.editor.tabs.tabText(window.editor.tabs.currentIndex()) == "Bilag"
    qtbot.keyClicks(window.editor.tabs.currentWidget(), "./. Oplæg")
    window.editor.status_combo.setCurrentIndex(1)
    window.editor.status_combo.activated.emit(1)
    window.close()
    saved = [i for i in stored_meeting(db_path, 1).items if i.id == item.id][0]
    assert saved.sections[-1].heading == "Bilag" and saved.sections[-1].body == "./. Oplæg"
    assert saved.status is ItemStatus.IN_PROGRESS


def test_attendance_proxy_passes_the_model_tester(qtbot, qtmodeltester, session):
    panel = AttendancePanel(AttendanceModel(session))
    qtbot.add_widget(panel)
    qtmodeltester.check(panel.proxy)
    panel.search.setText("bundsg")
    qtmodeltester.check(panel.proxy)
    politicians = panel.proxy.index(0, 0)
    rows = range(panel.proxy.rowCount(politicians))
    assert [panel.proxy.index(r, 0, politicians).data() for r in rows] == ["Jacob Bundsgaard"]
    panel.focus_first_match()
    panel.set_selected_status(AttendanceStatus.ABSENT)
    by_name = {a.person.name: a for a in session.meeting.attendance}
    assert by_name["Jacob Bundsgaard"].status is AttendanceStatus.ABSENT


def test_a_refused_save_keeps_the_words_and_retries(
    qtbot, window, sample_store, db_path, monkeypatch
):
    store = sample_store
    real = store.agenda.set_section_body
    calls = []

    def locked(section_id, body):
        calls.append(body)
        store.db.execute("PRAGMA query_only = ON")  # SQLite itself refuses the write
        try:
            return real(section_id, body)
        finally:
            store.db.execute("PRAGMA query_only = OFF")

    monkeypatch.setattr(store.agenda, "set_section_body", locked)
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Vigtigt ord")
    section_id = window.editor.decision_section.id
    window.commands.go_to_item(+1)  # flushes; the write is refused; the item changes anyway
    assert calls and calls[-1].endswith("Vigtigt ord")
    assert window.saved_label.text() == "Ikke gemt"
    assert "kunne ikke gemme" in window.statusBar().currentMessage()
    window.close()  # refused: the words are not saved yet
    assert window.isVisible()
    monkeypatch.setattr(store.agenda, "set_section_body", real)
    window.autosaver.flush()
    assert not window.autosaver.has_unsaved
    with Store(db_path) as reopened:
        row = reopened.db.execute("SELECT body FROM section WHERE id = ?", [section_id]).fetchone()
    assert row[0].endswith("Vigtigt ord")
    assert window.saved_label.text().startswith("Gemt ")


def test_a_note_is_saved_while_it_is_typed(qtbot, session, db_path):
    panel = AttendancePanel(AttendanceModel(session))
    qtbot.add_widget(panel)
    panel.show()
    view = panel.view
    note = panel.proxy.index(0, NOTE, panel.proxy.index(0, 0))
    view.setCurrentIndex(note)
    view.edit(note)
    editor = view.indexWidget(note) or QApplication.focusWidget()
    qtbot.keyClicks(editor, "kom kl. 10.25")
    name = note.siblingAtColumn(0).data()

    def stored_note():
        with Store(db_path) as store:
            by_name = {a.person.name: a for a in store.meetings.load(1).attendance}
        return by_name[name].note

    qtbot.waitUntil(lambda: stored_note() == "kom kl. 10.25", timeout=3000)


def test_delete_asks_first_and_then_removes_the_item(qtbot, window, db_path):
    item = window.editor.item
    window.agenda.view.setFocus()
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Delete)
    box = window.dialog
    assert item.title in box.text()
    window.agenda_model.move_down(window.agenda_model.index_of_item(item))  # rows shift meanwhile
    delete = next(b for b in box.buttons() if b.text() == "Slet")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert item.id not in {i.id for i in stored_meeting(db_path, 1).items}
    assert len(stored_meeting(db_path, 1).items) == 9
