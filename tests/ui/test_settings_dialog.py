"""Rediger ▸ Indstillinger: the secretary's name, author of the Word documents and at their
tracked changes."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kkr_desk.app import Desk
from kkr_desk.domain.meeting_life import StateStep
from kkr_desk.store import open_store
from kkr_desk.ui.settings_dialog import SettingsDialog


def open_settings(window) -> SettingsDialog:
    action = window.settings_flow.action
    assert action in window.edit_menu.actions()
    assert action.text() == "&Indstillinger …"
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def save(qtbot, dialog: SettingsDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert button.text() == "Gem"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def export_changes(qtbot, window, target, monkeypatch) -> set[str]:
    """Type in the decision of the open (sent) meeting, export with changes, read w:author."""
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Enstemmigt vedtaget.")
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: target)
    window.actions_by_name["export_changes"].trigger()
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    window.dialog.close()  # the "er gemt" box
    body = docx.Document(target).element.body
    inserted = list(body.iter(qn("w:ins")))
    assert inserted
    return {ins.get(qn("w:author")) for ins in inserted}


def send(window) -> None:
    meeting_id = window.session.meeting.id
    window.desk.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    window.open_meeting(meeting_id)


def test_the_name_set_in_the_dialog_is_the_author_of_the_tracked_changes(
    qtbot, window, tmp_path, monkeypatch, db_path
):
    send(window)
    dialog = open_settings(window)
    assert dialog.author_edit.text() == ""
    assert dialog.author_edit.placeholderText() == "KKR Desk"
    dialog.author_edit.setFocus()
    qtbot.keyClicks(dialog.author_edit, "Mette Holm")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert "Mette Holm" in window.statusBar().currentMessage()
    authors = export_changes(qtbot, window, tmp_path / "referat.docx", monkeypatch)
    assert authors == {"Mette Holm"}  # before: always "KKR Desk"
    # Kept in the database: the next dialog shows it.
    dialog = open_settings(window)
    assert dialog.author_edit.text() == "Mette Holm"
    dialog.reject()
    window.close()
    with open_store(db_path) as store:
        assert Desk(store).change_author() == "Mette Holm"


def test_an_emptied_name_falls_back_to_kkr_desk(qtbot, window, tmp_path, monkeypatch):
    window.desk.set_change_author("Mette Holm")
    send(window)
    dialog = open_settings(window)
    assert dialog.author_edit.text() == "Mette Holm"
    dialog.author_edit.setText("   ")
    save(qtbot, dialog)
    assert window.desk.change_author() == ""
    assert "KKR Desk" in window.statusBar().currentMessage()
    assert export_changes(qtbot, window, tmp_path / "referat.docx", monkeypatch) == {"KKR Desk"}


def test_a_name_is_kept_on_one_line_without_control_characters(window):
    assert window.desk.set_change_author(" Mette\n\tHolm\x07 ") == "Mette Holm"
    assert window.desk.set_change_author("x" * 300) == "x" * 100


def test_a_refused_save_keeps_the_dialog_open_with_the_name(qtbot, window, monkeypatch):
    from kkr_desk.app import WriteFailed

    def refuse(name):
        raise WriteFailed("Databasen kunne ikke gemme (disken er fuld).")

    monkeypatch.setattr(window.desk, "set_change_author", refuse)
    dialog = open_settings(window)
    dialog.author_edit.setText("Mette Holm")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.author_edit.text() == "Mette Holm"
    assert "disken er fuld" in dialog.error_label.text()


def test_the_name_set_in_the_dialog_is_the_author_of_a_plain_referat(
    qtbot, window, tmp_path, monkeypatch
):
    """Word's File ▸ Info: author and last modified by were always "KL" before."""
    dialog = open_settings(window)
    dialog.author_edit.setFocus()
    qtbot.keyClicks(dialog.author_edit, "Mette Holm")
    save(qtbot, dialog)
    target = tmp_path / "referat.docx"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: target)
    window.actions_by_name["export_referat"].trigger()
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    window.dialog.close()  # the "er gemt" box
    core = docx.Document(target).core_properties
    assert (core.author, core.last_modified_by) == ("Mette Holm", "Mette Holm")
    meeting = window.session.meeting
    assert core.title == f"Referat – {meeting.committee} {meeting.date:%d-%m-%Y}"
