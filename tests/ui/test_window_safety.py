"""The window's safety net, driven like a user: delete asks and can be undone, backups are
taken on opening and exporting, a backup can be restored, a failed export explains itself,
and hostile names and titles are shown exactly as typed."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kkr_desk.domain import Attendance, AttendanceStatus, ItemStatus, Person
from kkr_desk.store import Store, backup_now, list_backups
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.recovery_dialogs import RestoreBackupDialog
from tests.store.test_store import without_ids

CTRL = Qt.KeyboardModifier.ControlModifier


def agenda_titles(window) -> list[str]:
    return [item.title for item in window.session.meeting.items]


def stored_titles(store: Store, meeting_id: int) -> list[str]:
    return [item.title for item in store.meetings.load(meeting_id).items]


def delete_selected(qtbot, window, answer: str) -> None:
    """Press Delete in the agenda and answer the question with the button named ``answer``."""
    window.agenda.view.setFocus()
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Delete)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("Slet ")
    button = next(b for b in box.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_delete_asks_first_and_ctrl_z_brings_the_item_back(qtbot, window, sample_store):
    meeting_id = window.session.meeting.id
    before = without_ids(sample_store.meetings.load(meeting_id))
    victim = window.session.meeting.items[3]
    window.agenda.select(window.agenda_model.index_of_item(victim))

    delete_selected(qtbot, window, "Annullér")
    assert victim.title in stored_titles(sample_store, meeting_id)  # asked, and kept

    delete_selected(qtbot, window, "Slet")
    assert victim.title not in stored_titles(sample_store, meeting_id)
    assert victim.title in window.statusBar().currentMessage()
    assert window.safety.undo_delete_action.isEnabled()
    assert victim.title in window.safety.undo_delete_action.text()

    assert QApplication.focusWidget() is window.agenda.view  # back where the row was
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Z, CTRL)

    assert without_ids(sample_store.meetings.load(meeting_id)) == before  # text, place, all
    assert window.editor.item.title == victim.title  # and it is selected again
    assert not window.safety.undo_delete_action.isEnabled()
    assert "er gendannet" in window.statusBar().currentMessage()


def test_ctrl_z_of_an_item_delete_gives_its_presence_events_back(qtbot, window, sample_store):
    """Someone left during the item; deleted and undone, the departure names it again (in
    the file and in the window), and a Gik nu in between is saved as usual."""
    meeting_id = window.session.meeting.id
    editor = window.session.editor
    victim = window.session.meeting.items[3]
    editor.set_item_status(victim, ItemStatus.IN_PROGRESS)
    leaving = window.session.meeting.attendance[0]
    editor.stamp_presence(leaving, coming=False, at=dt.time(11, 0))
    window.agenda.select(window.agenda_model.index_of_item(victim))

    delete_selected(qtbot, window, "Slet")
    # Back again: their events in memory name no deleted item, so this saves as usual.
    editor.stamp_presence(leaving, coming=True, at=dt.time(12, 0))
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Z, CTRL)

    stored = sample_store.meetings.load(meeting_id)
    [departure] = [e for e in stored.attendance[0].events if e.at == dt.time(11, 0)]
    assert departure.item is not None and departure.item.title == victim.title
    assert departure.item is next(i for i in stored.items if i.title == victim.title)
    shown = window.session.meeting.attendance[0].events
    assert [e.item.title for e in shown if e.at == dt.time(11, 0)] == [victim.title]


def test_a_deleted_group_comes_back_from_the_edit_menu(qtbot, window, sample_store):
    meeting_id = window.session.meeting.id
    before = without_ids(sample_store.meetings.load(meeting_id))
    group = window.session.meeting.groups[2]
    window.agenda.select(window.agenda_model.index_of_group(group))
    delete_selected(qtbot, window, "Slet")
    assert len(sample_store.meetings.load(meeting_id).groups) == len(before["groups"]) - 1
    assert window.safety.undo_delete_action in window.edit_menu.actions()
    window.safety.undo_delete_action.trigger()
    assert without_ids(sample_store.meetings.load(meeting_id)) == before


def test_ctrl_z_in_a_text_field_is_still_text_undo(qtbot, window, sample_store):
    victim = window.session.meeting.items[1]
    window.agenda.select(window.agenda_model.index_of_item(victim))
    delete_selected(qtbot, window, "Slet")
    editor = window.editor.decision_edit
    window.agenda.select(window.agenda_model.index_of_item(window.session.meeting.items[0]))
    editor.setFocus()
    qtbot.keyClicks(editor, " og tiltrådt")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert window.safety.undo_delete_action.isEnabled()  # the delete is still undoable
    assert victim.title not in agenda_titles(window)


def test_opening_a_meeting_and_exporting_take_backups(qtbot, window, sample_store, tmp_path, monkeypatch):
    # taken by a background job when the window opened it
    qtbot.waitUntil(lambda: len(list_backups(sample_store.path)) == 1, timeout=10_000)
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Enstemmigt.")
    target = tmp_path / "referat.docx"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *args: target)
    window.export_flow.export("referat")
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    window.dialog.close()
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=10_000)
    backups = list_backups(sample_store.path)
    assert len(backups) == 2
    with Store(backups[0].path) as copy:
        assert copy.meetings.load(window.session.meeting.id).items[0].sections[-1].body.endswith(
            "Enstemmigt."
        )


def test_restore_from_a_backup_in_the_file_menu(qtbot, window, sample_store):
    meeting_id = window.session.meeting.id
    section = window.session.meeting.items[0].sections[-1]
    original = "Godkendt, som det så ud i går."
    sample_store.agenda.set_section_body(section.id, original)
    assert backup_now(sample_store, now=dt.datetime(2020, 1, 1, 9, 0)) is not None
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Ved en fejl skrevet.")
    window.autosaver.flush()

    action = window.actions_by_name["restore_backup"]
    assert action in window.file_menu.actions()
    assert action.text() == "&Gendan fra sikkerhedskopi …"
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, RestoreBackupDialog)
    # Newest written first: the copy stamped 2020 was written after the one taken on opening.
    assert dialog.list.item(0).text().startswith("01-01-2020 kl. 09:00:00")
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=10_000):  # a background job
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert sample_store.meetings.load(meeting_id).items[0].sections[-1].body == original
    assert window.editor.decision_edit.toPlainText() == original  # the window shows it too
    assert "gendannet fra sikkerhedskopien fra 01-01-2020" in window.statusBar().currentMessage()
    newest = list_backups(sample_store.path)[0]
    with Store(newest.path) as copy:  # the state before the restore is kept
        assert copy.meetings.load(meeting_id).items[0].sections[-1].body.endswith(
            "Ved en fejl skrevet."
        )


def test_a_failed_export_explains_itself_and_keeps_the_old_file(
    qtbot, window, sample_store, tmp_path, monkeypatch
):
    target = tmp_path / "referat.docx"
    target.write_bytes(b"yesterday's referat")
    before = without_ids(sample_store.meetings.load(window.session.meeting.id))
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *args: target)

    def held_by_word(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", held_by_word)
    window.export_flow.export("referat")
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    monkeypatch.undo()
    message = window.statusBar().currentMessage()
    assert "åben i Word" in message and "hidtidige fil er uændret" in message
    assert target.read_bytes() == b"yesterday's referat"
    assert without_ids(sample_store.meetings.load(window.session.meeting.id)) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_names_and_titles_with_brackets_commas_and_marks_are_shown_as_typed(
    qtbot, sample_store, tmp_path
):
    meeting_id = sample_store.meetings.summaries()[0].id
    hostile_title = "Budget <w:p> & \"2025\" [bilag], (A) \u202eRTL\u202c 😀"
    item = sample_store.meetings.load(meeting_id).items[0]
    sample_store.agenda.update_item_fields(item.id, title=hostile_title)
    person = Person("Hansen, Torben (A) [Randers] \u200f", party="A", municipality="Randers")
    sample_store.attendance.set(meeting_id, Attendance(person, AttendanceStatus.PRESENT))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_store, meeting_id, settings=settings)
    qtbot.add_widget(window)
    window.show()
    index = window.agenda_model.index_of_item(window.session.meeting.items[0])
    assert window.agenda_model.data(index, Qt.ItemDataRole.DisplayRole).endswith(hostile_title)
    window.agenda.select(index)
    assert window.editor.title_edit.text() == hostile_title
    shown = [
        window.attendance_model.data(window.attendance_model.index(row, 0, group))
        for group in (
            window.attendance_model.index(g, 0) for g in range(window.attendance_model.rowCount())
        )
        for row in range(window.attendance_model.rowCount(group))
    ]
    assert any(text and text.startswith("Hansen, Torben (A) [Randers]") for text in shown), shown
