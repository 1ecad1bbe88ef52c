"""The meeting's life in the window: F5/Shift+F5, the steps' dialogs, the freeze, Genåbn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kkr_desk.domain.meeting_life import MeetingState
from kkr_desk.ui.state_dialogs import StepDialog


def answer(qtbot, window, text: str) -> None:
    dialog = window.dialog
    assert isinstance(dialog, StepDialog)
    dialog.field.setCurrentText("")
    assert not dialog.confirm_button.isEnabled()  # the step needs its answer
    qtbot.keyClicks(dialog.field.lineEdit(), text)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def test_f5_shift_f5_send_approve_freeze_and_reopen(qtbot, window):
    desk, meeting_id = window.desk, window.session.meeting.id
    new_id = desk.create_empty_meeting("KKR Midtjylland", window.session.meeting.date.replace(year=2025))
    window.open_meeting(new_id)
    meeting_id = new_id
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert desk.meeting_state(meeting_id) is MeetingState.STARTED
    assert window.meeting_bar.start_edit.text()
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert desk.meeting_state(meeting_id) is MeetingState.HELD
    assert "Afholdt" in window.meeting_bar.state_label.text()

    window.actions_by_name["send_for_approval"].trigger()
    answer(qtbot, window, "Anders Hansen")
    assert desk.meeting_state(meeting_id) is MeetingState.SENT
    assert "Anders Hansen" in window.meeting_bar.state_label.text()
    assert desk.meeting_version(meeting_id, "sent") is not None

    window.actions_by_name["approve"].trigger()
    answer(qtbot, window, "formanden")
    assert desk.meeting_state(meeting_id) is MeetingState.APPROVED
    bar = window.meeting_bar
    assert "skrivebeskyttet" in bar.state_label.text()
    assert bar.place_edit.isReadOnly() and bar.committee_edit.isReadOnly()
    assert not bar.reopen_button.isHidden() and bar.reopen_button.isEnabled()
    assert not window.agenda.add_item_button.isEnabled()
    assert not window.actions_by_name["new_item"].isEnabled()
    assert not window.actions_by_name["start_meeting"].isEnabled()
    assert window.attendance.search.isReadOnly() is False  # finding a person is reading
    place = bar.place_edit.text()  # the committee's usual place, from its roster
    qtbot.keyClicks(bar.place_edit, "Aarhus")
    assert bar.place_edit.text() == place
    assert desk.load_meeting(meeting_id).place == place

    qtbot.mouseClick(bar.reopen_button, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "stavefejl i punkt 1")
    assert desk.meeting_state(meeting_id) is MeetingState.HELD
    assert desk.state_history(meeting_id)[-1].reason == "stavefejl i punkt 1"
    assert not bar.place_edit.isReadOnly() and window.agenda.add_item_button.isEnabled()
    assert bar.reopen_button.isHidden()


def test_an_approved_meetings_item_fields_are_read_only_after_switching_items(qtbot, window):
    desk, meeting_id = window.desk, window.session.meeting.id
    window.actions_by_name["approve"].trigger()
    answer(qtbot, window, "formanden")
    for item in window.session.meeting.items[:3]:
        window.agenda.select(window.agenda_model.index_of_item(item))
        assert window.editor.item is item
        assert window.editor.title_edit.isReadOnly()
        assert window.editor.decision_edit.isReadOnly()
    window.editor.decision_edit.setFocus()
    QApplication.processEvents()
    before = desk.load_meeting(meeting_id)
    qtbot.keyClicks(window.editor.decision_edit, "mere")
    window.autosaver.flush()
    assert desk.load_meeting(meeting_id) == before


def test_meetings_list_tells_meetings_apart_and_deletes_with_undo(qtbot, window):
    from kkr_desk.ui.dialogs import MeetingsDialog

    desk = window.desk
    sample = window.session.meeting
    twin = desk.create_empty_meeting(sample.committee, sample.date)  # the same date
    window.meeting_flow.show_meetings()
    dialog = window.dialog
    assert isinstance(dialog, MeetingsDialog)
    rows = {
        dialog.table.item(row, 0).data(Qt.ItemDataRole.UserRole): [
            dialog.table.item(row, column).text() for column in range(5)
        ]
        for row in range(dialog.table.rowCount())
    }
    assert rows[sample.id][:4] == ["KKR Midtjylland", "05-09-2024", "afholdt", "10 af 10 punkter"]
    # the twin has the committee's standing items, nothing decided yet
    standing = len(desk.load_meeting(twin).items)
    assert rows[twin][:4] == [
        "KKR Midtjylland", "05-09-2024", "planlagt", f"0 af {standing} punkter"
    ]
    assert rows[twin][4] != "–"  # stamped when it was made
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == sample.id)
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = window.dialog
    delete = next(b for b in box.buttons() if b.text() == "Slet")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert [s.id for s in desk.list_meetings()] == [twin]
    assert window.session.meeting.id == twin  # the open meeting was deleted
    assert window.safety.undo_delete()
    restored = window.session.meeting
    assert (restored.committee, restored.date, len(restored.items)) == (
        sample.committee, sample.date, 10
    )
    assert len(desk.list_meetings()) == 2


def test_the_window_exports_an_approved_meeting_from_its_approved_version(
    qtbot, window, tmp_path, monkeypatch
):
    from kkr_desk.domain import BESLUTNING

    desk = window.desk
    window.actions_by_name["approve"].trigger()
    answer(qtbot, window, "formanden")
    approved = window.session.meeting.items[0].section(BESLUTNING).body
    # Changed under the approved meeting, outside the editor (as years of other work might):
    desk._store.agenda.set_section_body(window.session.meeting.items[0].section(BESLUTNING).id, "Ny")
    written = []
    monkeypatch.setattr(desk, "export", lambda meeting, path, kind, **_: written.append(
        (meeting.items[0].section(BESLUTNING).body, kind.value)) or [])
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: tmp_path / "r.pdf")
    job = window.export_flow.export("pdf")
    qtbot.waitUntil(lambda: not window.export_flow.running)
    assert job is not None and written == [(approved, "referat")]
    assert "formanden" in window.meeting_bar.state_label.toolTip()


def test_shift_f5_with_an_item_under_behandling_asks_what_it_becomes(qtbot, window):
    from kkr_desk.domain import BESLUTNING, ItemStatus
    from kkr_desk.ui.state_dialogs import OpenItemsQuestion

    desk = window.desk
    date = window.session.meeting.date.replace(year=2025)
    meeting_id = desk.create_empty_meeting("KKR Midtjylland", date)
    window.open_meeting(meeting_id)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    item = window.session.meeting.items[0]
    window.session.set_item_status(item, ItemStatus.IN_PROGRESS)
    window.session.save_section(item.section(BESLUTNING), "Godkendt.")
    window.agenda.select(window.agenda_model.index_of_item(item))

    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    question = window.meeting_bar.end_question
    assert isinstance(question, OpenItemsQuestion) and question.isVisible()
    assert item.title in question.text() and "under behandling" in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Fortryd: back to the running meeting
    assert desk.meeting_state(meeting_id) is MeetingState.STARTED
    assert item.status is ItemStatus.IN_PROGRESS

    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    question = window.meeting_bar.end_question
    assert question.defaultButton() is question.decide_button
    qtbot.mouseClick(question.decide_button, Qt.MouseButton.LeftButton)
    assert desk.meeting_state(meeting_id) is MeetingState.HELD
    assert desk.load_meeting(meeting_id).items[0].status is ItemStatus.DECIDED
    assert window.editor.status_combo.currentIndex() == 2  # afgjort, as the agenda shows
    status = window.agenda_model.index_of_item(item).siblingAtColumn(1)
    assert "afgjort" in str(window.agenda_model.data(status, Qt.ItemDataRole.DisplayRole))
