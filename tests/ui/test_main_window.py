"""The window driven by keys and clicks, checked against the database file afterwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kkr_desk.domain import AttendanceStatus, ItemStatus
from kkr_desk.store import Store
from kkr_desk.ui.attendance_model import APOLOGY
from kkr_desk.ui.dialogs import NewMeetingDialog, ShortcutsDialog
from kkr_desk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def key(qtbot, window, k, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to whatever widget has the focus."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, modifiers)


def click_ok(qtbot, dialog):
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_window_shows_the_sample_meeting(window):
    model = window.agenda_model
    assert model.rowCount() == 7
    assert model.label(model.index(0, 0)) == "1. Godkendelse af referat"
    assert model.label(model.index(1, 0, model.index(2, 0))).startswith(
        "3.2. Fordeling af lærepladser"
    )
    assert "05-09-2024" in window.windowTitle()
    assert window.editor.item is window.session.meeting.items[0]
    assert window.editor.decision_edit.toPlainText() == "Godkendt."
    assert window.attendance.counts_label.text() == "27 til stede · 13 afbud"


def test_a_whole_meeting_by_keys_and_clicks(qtbot, window, db_path, tmp_path, monkeypatch):
    # A new meeting from this one: Ctrl+Shift+M, a date, "Opret".
    key(qtbot, window, Qt.Key.Key_M, CTRL | SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.date_edit.setDate(dt.date(2024, 11, 7))
    click_ok(qtbot, dialog)
    meeting = window.session.meeting
    assert meeting.date == dt.date(2024, 11, 7)
    assert "07-11-2024" in window.windowTitle()
    assert window.attendance.counts_label.text() == "0 til stede · 0 afbud · 40 mangler"

    # Attendance: keys on the list, the search field, one click in the Afbud column.
    key(qtbot, window, Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is window.attendance.view
    key(qtbot, window, Qt.Key.Key_1)  # first politician: til stede
    key(qtbot, window, Qt.Key.Key_Down)
    key(qtbot, window, Qt.Key.Key_2)  # second: afbud
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.attendance.search, "Bundsgaard")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_3)  # Jacob Bundsgaard: fraværende
    window.attendance.search.clear()
    view = window.attendance.view
    kl_group = window.attendance.proxy.index(1, 0)
    afbud_cell = window.attendance.proxy.index(0, APOLOGY, kl_group)
    view.scrollTo(afbud_cell)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(afbud_cell).center()
    )
    assert window.attendance.counts_label.text() == (
        "1 til stede · 2 afbud · 1 fraværende · 36 mangler"
    )
    key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # alle (øvrige) til stede
    assert window.attendance.counts_label.text() == "37 til stede · 2 afbud · 1 fraværende"

    # A new item after "Siden sidst", given a title in the editor.
    window.agenda.select(window.agenda_model.index_of_item(meeting.groups[1].items[0]))
    key(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    assert QApplication.focusWidget() is window.editor.title_edit
    qtbot.keyClicks(window.editor.title_edit, "Status på budget 2025")
    key(qtbot, window, Qt.Key.Key_Return)  # on to its decision
    assert QApplication.focusWidget() is window.editor.decision_edit
    key(qtbot, window, Qt.Key.Key_F5)  # the meeting starts

    # Decisions on three items, moving with Ctrl+Down / Ctrl+Enter.
    window.agenda.view.setFocus()
    window.agenda.select(window.agenda_model.index(0, 0))  # the first group, no item
    key(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert window.editor.item.title == "Godkendelse af referat fra mødet den 5. september 2024"
    assert QApplication.focusWidget() is window.editor.decision_edit
    key(qtbot, window, Qt.Key.Key_1, CTRL)  # the first phrase: "Godkendt."
    assert window.editor.decision_edit.toPlainText() == "Godkendt."
    key(qtbot, window, Qt.Key.Key_Return, CTRL)  # afgjort, on to "Siden sidst"
    assert window.editor.item.title == "Siden sidst"
    qtbot.keyClicks(window.editor.decision_edit, "Formanden orienterede om mødet med KL.")
    assert window.editor.status_combo.currentText() == "under behandling"
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.editor.item.title == "Status på budget 2025"
    assert window.editor.number_label.text() == "2.2."
    qtbot.keyClicks(window.editor.decision_edit, "Drøftet.")
    key(qtbot, window, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(window.editor.decision_edit, " Vigtigt")
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the last typing …
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # … and redo it
    key(qtbot, window, Qt.Key.Key_Return, CTRL)

    # Move the new item up above "Siden sidst" with the keyboard.
    window.agenda.select(window.agenda_model.index_of_item(meeting.groups[1].items[1]))
    window.agenda.view.setFocus()
    key(qtbot, window, Qt.Key.Key_Up, ALT | SHIFT)
    model = window.agenda_model
    assert model.label(model.index(0, 0, model.index(1, 0))) == "2.1. Status på budget 2025"
    assert window.editor.number_label.text() == "2.1."
    key(qtbot, window, Qt.Key.Key_F5, SHIFT)  # the meeting ends …
    question = window.meeting_bar.end_question  # … the item Ctrl+Enter took up was not reached
    assert question.decide_button is None  # it has no decision to be afgjort by
    qtbot.mouseClick(question.not_treated_button, Qt.MouseButton.LeftButton)
    assert all(item.status.value != "under behandling" for item in window.session.meeting.items)
    assert window.agenda.progress_label.text() == "3 af 5 afgjort"
    assert window.saved_label.text().startswith("Gemt ")

    # Export the referat: Ctrl+E, the file name (the save dialog is answered here).
    target = tmp_path / "referat.docx"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *args: target)
    key(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)  # a background job
    assert "referat.docx er gemt" in window.dialog.text()
    window.dialog.close()
    window.close()

    with Store(db_path) as store:
        saved = store.meetings.load(meeting.id)
    by_name = {entry.person.name: entry for entry in saved.attendance}
    assert by_name["Torben Hansen"].status is AttendanceStatus.PRESENT
    assert by_name["Lone Jakobi"].status is AttendanceStatus.APOLOGY
    assert by_name["Jacob Bundsgaard"].status is AttendanceStatus.ABSENT
    assert by_name["Christian Brincker Nordbek"].status is AttendanceStatus.APOLOGY
    assert sum(e.status is AttendanceStatus.PRESENT for e in saved.attendance) == 37
    titles = [[item.title for item in group.items] for group in saved.groups]
    assert titles[1] == ["Status på budget 2025", "Siden sidst"]
    decisions = {item.title: item.section("Beslutning").body for item in saved.items}
    assert decisions["Godkendelse af referat fra mødet den 5. september 2024"] == "Godkendt."
    assert decisions["Siden sidst"] == "Formanden orienterede om mødet med KL."
    assert decisions["Status på budget 2025"] == "Drøftet. **Vigtigt**"
    assert [item.status for item in saved.items] == [
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,
        ItemStatus.NOT_STARTED,  # taken up by Ctrl+Enter, then not reached: ikke behandlet
        ItemStatus.NOT_STARTED,
    ]
    assert all(item.decided_at for item in saved.items[:3])
    assert saved.start_time is not None and saved.end_time is not None

    document = docx.Document(str(target))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == [
        "1.1.\tGodkendelse af referat fra mødet den 5. september 2024",
        "2.1.\tStatus på budget 2025",
        "2.2.\tSiden sidst",
    ]
    assert "Formanden orienterede om mødet med KL." in lines
    assert "Drøftet. Vigtigt" in lines
    bold = [
        run.text
        for p in document.paragraphs
        if p.text == "Drøftet. Vigtigt"
        for run in p.runs
        if run.bold
    ]
    assert bold == ["Vigtigt"]
    afbud = lines.index("Afbud")
    assert "Lone Jakobi (A), Odder" in lines[afbud:]
    assert lines[lines.index("Deltagere") + 1] == "Torben Hansen (A), Randers"


def test_looking_at_items_never_rewrites_their_text(qtbot, window, db_path):
    with Store(db_path) as store:
        before = {s.id: s.body for item in store.meetings.load(1).items for s in item.sections}
    for _ in range(12):
        key(qtbot, window, Qt.Key.Key_Down, CTRL)
    window.editor.tabs.setCurrentIndex(0)
    window.close()
    with Store(db_path) as store:
        after = {s.id: s.body for item in store.meetings.load(1).items for s in item.sections}
    assert after == before


def test_typing_is_saved_after_a_quiet_moment(qtbot, window, db_path):
    key(qtbot, window, Qt.Key.Key_Down, CTRL)
    qtbot.keyClicks(window.editor.decision_edit, " Tilføjet.")
    section_id = window.editor.decision_section.id

    def stored():
        with Store(db_path) as store:
            return store.db.execute(
                "SELECT body FROM section WHERE id = ?", [section_id]
            ).fetchone()[0]

    qtbot.waitUntil(lambda: stored().endswith("Tilføjet."), timeout=3000)
    assert window.saved_label.text().startswith("Gemt ")


def test_help_lists_the_shortcuts(qtbot, window):
    key(qtbot, window, Qt.Key.Key_F1)
    dialog = window.dialog
    assert isinstance(dialog, ShortcutsDialog)
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "Ctrl+Down / Ctrl+Up" in keys and "Ctrl+1 … Ctrl+9" in keys
    dialog.close()


def test_layout_is_remembered(qtbot, sample_store, settings):
    first = MainWindow(sample_store, settings=settings)
    qtbot.add_widget(first)
    first.show()
    first.resize(1000, 640)  # the offscreen screen is small; stay within it
    first.panes.splitter.setSizes([420, 200, 380])
    sizes = first.panes.splitter.sizes()
    first.close()
    second = MainWindow(sample_store, settings=settings)
    qtbot.add_widget(second)
    second.show()
    assert second.size() == first.size()
    assert second.panes.splitter.sizes() == sizes


def test_settings_in_tests_stay_out_of_the_users_files(isolated_settings):
    default = QSettings()
    default.setValue("probe", 1)
    default.sync()
    assert default.fileName().startswith(str(isolated_settings))


def test_narrow_windows_keep_the_agenda_in_sight_above_the_attendance(qtbot, window):
    """Issue 14.7: at 1366×768 marking a late arrival never hides the agenda behind a tab."""
    window.resize(1366, 768)
    lists = window.panes.inner_splitter
    assert not window.panes.wide and lists.orientation() == Qt.Orientation.Vertical
    assert lists.widget(0) is window.agenda and lists.widget(1) is window.attendance
    key(qtbot, window, Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is window.attendance.view
    assert window.agenda.view.isVisible() and window.attendance.view.isVisible()
    assert window.agenda.height() > 200 and window.attendance.height() > 250
    assert window.attendance.title_label.isVisible()
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.attendance.search
    assert window.agenda.view.isVisible()
    window.resize(1800, 900)
    assert window.panes.wide and lists.orientation() == Qt.Orientation.Horizontal
    assert lists.widget(0) is window.attendance
    assert window.attendance.isVisible() and window.agenda.isVisible()


def test_the_window_starts_in_the_agenda(qtbot, window):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.agenda.view)


def test_file_menu_imports_a_document_and_opens_it(qtbot, window):
    texts = [action.text() for action in window.file_menu.actions()]
    assert window.import_flow.action.text() in texts
    assert texts.index(window.import_flow.action.text()) < window.file_menu.actions().index(
        window.menus.import_anchor
    )
    before = {m.id for m in window.desk.list_meetings()}
    fixture = Path(__file__).parent.parent / "importer" / "fixtures" / "referat-kkr-test.txt"
    window.import_flow.action.trigger()
    window.import_flow.dialog.fileSelected.emit(str(fixture))
    qtbot.waitUntil(lambda: window.import_flow.summary is not None, timeout=10_000)
    window.import_flow.summary.import_button.click()
    (new_id,) = {m.id for m in window.desk.list_meetings()} - before
    assert window.session.meeting.id == new_id
