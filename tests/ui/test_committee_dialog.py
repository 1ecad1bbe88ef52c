"""Rediger ▸ Udvalg … and the attendance list's Fjern / ▲ / ▼ / Ctrl+Z, on real widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidgetItem

from kkr_desk.domain import AttendanceStatus
from kkr_desk.domain.committee import Role
from kkr_desk.store import Store
from kkr_desk.ui.committee_dialog import CommitteeDialog
from tests.ui.test_window_parts import click, stored_meeting


def committee_in(db_path, name="KKR Midtjylland"):
    with Store(db_path) as store:
        return store.committees.get(name)


def names_in(table) -> list[str]:
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_dialog_edits_and_saves_the_roster(qtbot, window, db_path):
    window.committee_flow.edit_committee()
    dialog = window.dialog
    assert isinstance(dialog, CommitteeDialog)
    members = dialog.members
    before = names_in(members.table)
    assert len(before) == 37 and dialog.staff.table.rowCount() == 3
    members.table.setCurrentCell(1, 0)
    qtbot.mouseClick(members.up_button, Qt.MouseButton.LeftButton)
    assert names_in(members.table)[:2] == [before[1], before[0]]
    qtbot.mouseClick(members.remove_button, Qt.MouseButton.LeftButton)  # row 0: Lone
    assert names_in(members.table)[0] == before[0]
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names_in(members.table)[:2] == [before[1], before[0]]
    members.table.setItem(1, 3, QTableWidgetItem("formand"))  # Torben
    dialog.place_edit.setText("Fællessalen, Aarhus")
    dialog.standing_edit.setPlainText("Godkendelse af referat\nEventuelt")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    committee = committee_in(db_path)
    assert [m.person.name for m in committee.members][:2] == [before[1], before[0]]
    assert committee.members[1].role is Role.FORMAND
    assert committee.place == "Fællessalen, Aarhus"
    assert committee.standing_items == ["Godkendelse af referat", "Eventuelt"]
    with Store(db_path) as store:
        new_id = store.meetings.create_empty("KKR Midtjylland", dt.date(2024, 11, 7))
    meeting = stored_meeting(db_path, new_id)
    assert [a.person.name for a in meeting.attendance][:2] == [before[1], before[0]]
    assert [g.title for g in meeting.groups] == ["Godkendelse af referat", "Eventuelt"]


def test_a_bad_row_is_refused_in_the_dialog(qtbot, window, db_path):
    window.committee_flow.edit_committee()
    dialog = window.dialog
    dialog.members.table.setItem(0, 3, QTableWidgetItem("kasserer"))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert "rollen" in dialog.error_label.text()
    assert dialog.isVisible()
    assert committee_in(db_path).members[0].role is Role.MEDLEM


def test_hent_deltagere_fills_the_tables_and_fortryd_takes_it_back(qtbot, window, tmp_path):
    window.committee_flow.edit_committee()
    dialog = window.dialog
    before = names_in(dialog.members.table)
    members = tmp_path / "medlemmer.csv"
    members.write_text(
        "Navn,Parti,Kommune,Rolle\nAnne Holm,A,Odder,formand\nBo Juul,V,Skive,\n",
        encoding="utf-8",
    )
    assert window.committee_flow.fill_roster(dialog, members)
    assert names_in(dialog.members.table) == ["Anne Holm", "Bo Juul"]
    assert dialog.members.table.item(0, 3).text() == "formand"
    assert dialog.staff.table.rowCount() == 0
    qtbot.mouseClick(dialog.members.undo_button, Qt.MouseButton.LeftButton)
    assert names_in(dialog.members.table) == before
    broken = tmp_path / "liste.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert not window.committee_flow.fill_roster(dialog, broken)
    assert "Excel" in dialog.error_label.text()


def test_remove_undo_and_move_on_the_attendance_list(qtbot, window, db_path):
    panel, meeting_id = window.attendance, window.session.meeting.id
    names = [a.person.name for a in window.session.meeting.attendance]
    panel.select_entry(window.session.meeting.attendance[1])
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [a.person.name for a in stored_meeting(db_path, meeting_id).attendance] == (
        names[:1] + names[2:]
    )
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.person.name for a in stored_meeting(db_path, meeting_id).attendance] == names
    panel.select_entry(window.session.meeting.attendance[0])
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    moved = [a.person.name for a in stored_meeting(db_path, meeting_id).attendance]
    assert moved[:2] == [names[1], names[0]]
    assert panel.selected_entries()[0].person.name == names[0]


def test_ctrl_n_for_the_committee_starts_with_its_roster(qtbot, window, db_path):
    roster = [a.person.name for a in window.session.meeting.attendance]
    window.meeting_flow.ask_new_meeting()
    new = window.dialog
    new.committee_edit.setText("KKR Midtjylland")
    new.date_edit.setDate(dt.date(2024, 11, 7))
    click(qtbot, new, QDialogButtonBox.StandardButton.Ok)
    meeting = window.session.meeting
    assert meeting.date == dt.date(2024, 11, 7)
    assert [a.person.name for a in meeting.attendance] == roster
    assert window.attendance_model.counts()[AttendanceStatus.UNREGISTERED] == 40


def test_a_committee_with_meetings_is_not_deleted_from_the_dialog(qtbot, window, db_path):
    window.committee_flow.edit_committee()
    dialog = window.dialog
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "»KKR Midtjylland« bruges af 1 møde og kan ikke slettes" in dialog.error_label.text()
    assert window.committee_flow.delete_question is None  # refused, nothing to confirm
    assert dialog.isVisible() and "KKR Midtjylland" in committee_names(db_path)


def test_another_committee_is_shown_deleted_after_asking_and_undone(qtbot, window, db_path):
    from kkr_desk.domain import Person
    from kkr_desk.domain.committee import Committee, Member

    with Store(db_path) as store:
        store.committees.save(Committee("KKR Fejl", members=[Member(Person("Anne Holm"))]))
    window.committee_flow.edit_committee()
    first = window.dialog
    assert [first.other_combo.itemText(i) for i in range(first.other_combo.count())] == [
        "KKR Fejl", "KKR Midtjylland"]
    first.place_edit.setText("Et andet sted")  # unsaved: the other committee waits
    first.other_combo.textActivated.emit("KKR Fejl")
    assert window.dialog is first and "Gem eller annullér" in first.error_label.text()
    first.place_edit.setText(first.committee.place)
    first.other_combo.textActivated.emit("KKR Fejl")
    dialog = window.dialog
    assert dialog is not first and dialog.committee.name == "KKR Fejl"
    assert names_in(dialog.members.table) == ["Anne Holm"]

    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    question = window.committee_flow.delete_question
    assert "Slet udvalget »KKR Fejl«?" in question.text()
    assert "KKR Fejl" in committee_names(db_path)  # not before the answer
    delete = next(b for b in question.buttons() if b.text() == "Slet")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert committee_names(db_path) == ["KKR Midtjylland"]
    assert not dialog.isVisible()
    assert "»KKR Fejl« er slettet" in window.statusBar().currentMessage()
    assert window.safety.undo_delete()
    assert committee_names(db_path) == ["KKR Fejl", "KKR Midtjylland"]
    assert [m.person.name for m in committee_in(db_path, "KKR Fejl").members] == ["Anne Holm"]


def committee_names(db_path) -> list[str]:
    with Store(db_path) as store:
        return store.committees.names()


def test_a_party_changed_in_the_dialog_leaves_the_held_meeting_as_it_was(qtbot, window, db_path):
    meeting_id = window.session.meeting.id
    window.committee_flow.edit_committee()
    dialog = window.dialog
    name = dialog.members.table.item(0, 0).text()
    old_party = dialog.members.table.item(0, 1).text()
    new_party = "Ø" if old_party != "Ø" else "V"
    dialog.members.table.setItem(0, 1, QTableWidgetItem(new_party))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert committee_in(db_path).members[0].person.party == new_party

    def party(meeting) -> str:
        return next(a.person.party for a in meeting.attendance if a.person.name == name)

    assert party(window.session.meeting) == old_party  # the held sample, reloaded
    assert party(stored_meeting(db_path, meeting_id)) == old_party
    with Store(db_path) as store:
        new_id = store.meetings.create_empty("KKR Midtjylland", dt.date(2024, 11, 7))
    assert party(stored_meeting(db_path, new_id)) == new_party
