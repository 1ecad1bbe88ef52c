"""Issue 14: the live meeting on a 1366×768 laptop, from the keyboard, in Danish.

Each test drives the real window (or widget) with key events and checks the database file
or what is on the screen.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTranslator, QUrl
from PySide6.QtGui import QDropEvent, QDragEnterEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from kkr_desk.domain import AttendanceStatus, Person
from kkr_desk.store import Store
from kkr_desk.ui.attendance_model import NAME, NOTE
from kkr_desk.ui.import_dialog import ImportDialog
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.rich_text import RichTextEdit

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
FIXTURE = Path(__file__).parent.parent / "importer" / "fixtures" / "referat-kkr-test.txt"


def key(qtbot, window, k, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to whatever widget has the focus."""
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifiers)


def show_item(window, position: int) -> None:
    item = window.session.meeting.items[position]
    window.agenda.select(window.agenda_model.index_of_item(item))
    assert window.editor.item is item


def stored(db_path: Path, meeting_id: int):
    with Store(db_path) as store:
        return store.meetings.load(meeting_id)


def laptop(qtbot, window) -> None:
    """The window as it starts on a 1366×768 screen: that size, the default pane shares."""
    window.resize(1366, 768)
    window.panes.share_width()
    qtbot.wait(50)


def entry_named(window, name: str):
    return next(e for e in window.session.meeting.attendance if e.person.name == name)


# 1. Phrase keys ---------------------------------------------------------------------------


def test_a_phrase_key_inserts_the_same_phrase_on_every_item(qtbot, window, db_path):
    """Ctrl+7 is "Det var intet at bemærke." on 1.1 (own Indstilling) and on Eventuelt
    (none); the item's own phrase is Ctrl+0 and is listed with that key."""
    inserted = []
    for position in (0, 4, 9):
        show_item(window, position)
        window.editor.decision_edit.clear()
        key(qtbot, window, Qt.Key.Key_3, ALT)
        key(qtbot, window, Qt.Key.Key_7, CTRL)
        inserted.append(window.editor.decision_edit.toPlainText())
    assert inserted == ["Det var intet at bemærke."] * 3
    show_item(window, 0)
    window.editor.decision_edit.clear()
    key(qtbot, window, Qt.Key.Key_3, ALT)
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    own = window.editor.decision_edit.toPlainText()
    assert own.startswith("KKR Midtjylland godkendte referatet")
    labels = [window.editor.phrase_list.item(row).text()
              for row in range(window.editor.phrase_list.count())]
    assert labels[0] == "Ctrl+1   Godkendt." and labels[-1] == f"Ctrl+0   {own}"
    window.autosaver.flush()
    assert stored(db_path, window.session.meeting.id).items[0].section("Beslutning").body == own
    show_item(window, 9)  # Eventuelt: no Indstilling, so Ctrl+0 does nothing
    window.editor.decision_edit.clear()
    key(qtbot, window, Qt.Key.Key_3, ALT)
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    assert window.editor.decision_edit.toPlainText() == ""


# 2. A person's note from the keyboard --------------------------------------------------------


def test_f2_on_a_person_opens_a_framed_note_editor_and_arrows_move_columns(
    qtbot, window, db_path
):
    laptop(qtbot, window)
    key(qtbot, window, Qt.Key.Key_1, ALT)
    view = window.attendance.view
    assert view.currentIndex().column() == NAME
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    assert view.currentIndex().column() == NAME + 2
    key(qtbot, window, Qt.Key.Key_Left)
    assert view.currentIndex().column() == NAME + 1
    key(qtbot, window, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    assert view.currentIndex().column() == NOTE
    assert editor.hasFrame() and editor.height() >= editor.sizeHint().height()
    note = "forlod mødet under punkt 3.4"
    # The editor has room for the note the issue saw cut ("forlod mødet und…").
    assert editor.width() > editor.fontMetrics().horizontalAdvance(note) + 8
    qtbot.keyClicks(editor, note)
    entry = window.attendance.model.entry_at(
        window.attendance.proxy.mapToSource(view.currentIndex())
    )
    key(qtbot, window, Qt.Key.Key_Return)  # the delegate commits on the next event round
    qtbot.waitUntil(lambda: entry.note == note)
    assert QApplication.focusWidget() is view
    saved = stored(db_path, window.session.meeting.id)
    assert next(a for a in saved.attendance if a.person.name == entry.person.name).note == note
    # The note column takes the spare width: the whole note shows.
    header = view.header()
    assert header.sectionViewportPosition(NOTE) + header.sectionSize(NOTE) >= (
        view.viewport().width() - 1
    )
    assert view.model().index(view.currentIndex().row(), NOTE, view.currentIndex().parent()
                              ).data(Qt.ItemDataRole.ToolTipRole) == note


# 3. The name filter --------------------------------------------------------------------------


def test_escape_clears_the_filter_and_a_person_added_while_filtered_gets_the_key(
    qtbot, window, db_path
):
    panel = window.attendance
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(panel.search, "Torben")
    key(qtbot, window, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.view
    torben = panel.selected_entries()[0]
    assert torben.person.name.startswith("Torben")
    before = torben.status
    # A person added while the filter shows only Torben is shown, selected, and gets the "1".
    window.attendance_flow.add_person(Person("Mette Gæst", organisation="Region Midtjylland"))
    key(qtbot, window, Qt.Key.Key_1)
    mette = entry_named(window, "Mette Gæst")
    assert mette.status is AttendanceStatus.PRESENT
    assert torben.status is before
    saved = stored(db_path, window.session.meeting.id)
    assert next(a for a in saved.attendance if a.person.name == "Mette Gæst").status is (
        AttendanceStatus.PRESENT
    )
    # Escape in the search field clears the filter; the whole list is back.
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(panel.search, "Torben")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert QApplication.focusWidget() is panel.view
    people = sum(panel.proxy.rowCount(panel.proxy.index(g, 0))
                 for g in range(panel.proxy.rowCount()))
    assert people == len(window.session.meeting.attendance)
    # Escape in the list clears it too.
    panel.search.setText("Mette")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert panel.search.text() == ""


def test_a_key_never_acts_on_a_person_the_filter_hides(qtbot, window):
    panel = window.attendance
    key(qtbot, window, Qt.Key.Key_1, ALT)
    first = panel.selected_entries()[0]
    before = first.status
    panel.search.setText("Jesper Kaas")
    panel.view.setFocus()
    key(qtbot, window, Qt.Key.Key_2)
    assert first.status is before
    (acted,) = panel.selected_entries()
    assert acted.person.name.startswith("Jesper Kaas")
    assert acted.status is AttendanceStatus.APOLOGY


# 4. "+ Afsnit" on an item without sections ---------------------------------------------------


def test_add_section_button_is_usable_on_an_item_without_sections(qtbot, window):
    show_item(window, 9)  # Eventuelt: only Beslutning, which is not a tab
    assert window.editor.tabs.count() == 0
    button = window.editor.add_section_button
    assert button.isVisible()
    assert button.height() >= button.sizeHint().height() and button.width() > 20
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window.editor.section_dialog.textValueSelected.emit("Bilag")
    assert window.editor.tabs.tabText(0) == "Bilag"


# 5. Qt's own Danish ----------------------------------------------------------------------------


def test_standard_buttons_speak_danish(qapp):
    from kkr_desk.ui.app import install_qt_translation  # what run_window calls at start

    assert install_qt_translation(qapp)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuller"
        assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Gem"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()


# 6. Import from the keyboard and by dropping a file -------------------------------------------


def test_ctrl_i_opens_import_and_in_a_text_it_is_italic(qtbot, window):
    key(qtbot, window, Qt.Key.Key_2, ALT)
    key(qtbot, window, Qt.Key.Key_I, CTRL)
    assert window.import_flow.dialog is not None and window.import_flow.dialog.isVisible()
    window.import_flow.dialog.reject()
    key(qtbot, window, Qt.Key.Key_3, ALT)
    key(qtbot, window, Qt.Key.Key_I, CTRL)
    assert window.editor.decision_edit.fontItalic()


def drop_on(qtbot, widget, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = widget.rect().center()
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return enter  # as Qt does: no drop where the drag was refused
    drop = QDropEvent(
        point.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return enter


def test_a_document_dropped_on_the_window_opens_the_import_preview(qtbot, window):
    before = {m.id for m in window.desk.list_meetings()}
    enter = drop_on(qtbot, window, FIXTURE)
    assert enter.isAccepted()
    qtbot.waitUntil(lambda: window.import_flow.summary is not None, timeout=10_000)
    summary = window.import_flow.summary
    assert isinstance(summary, ImportDialog) and summary.isVisible()
    summary.import_button.click()
    (new_id,) = {m.id for m in window.desk.list_meetings()} - before
    assert window.session.meeting.id == new_id


def test_a_dropped_file_is_not_pasted_into_a_text_as_its_path(qtbot, window, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURE))])
    assert not window.editor.decision_edit.canInsertFromMimeData(mime)
    other = tmp_path / "billede.png"
    other.write_bytes(b"x")
    assert not drop_on(qtbot, window, other).isAccepted()


# 8. Plain-text lists on paste -----------------------------------------------------------------


def test_pasted_plain_text_lists_become_real_lists(qtbot):
    edit = RichTextEdit()
    qtbot.add_widget(edit)
    mime = QMimeData()
    mime.setText(
        "Indstilling:\n• at godkende *planen*\n• at drøfte 2025\n"
        "- en\n– to\n\n1) første\n2) anden"
    )
    edit.insertFromMimeData(mime)
    lists = {
        block.textList().format().style()
        for block in _blocks(edit.document())
        if block.textList() is not None
    }
    assert len(lists) == 2
    stored_text = edit.markdown()
    assert "- at godkende \\*planen\\*" in stored_text
    assert "- to" in stored_text and "•" not in stored_text and "–" not in stored_text
    assert re.search(r"^1[.)] +første$", stored_text, re.MULTILINE)
    assert stored_text.splitlines()[0] == "Indstilling:"


def test_plain_text_without_list_marks_pastes_as_it_is(qtbot):
    edit = RichTextEdit()
    qtbot.add_widget(edit)
    mime = QMimeData()
    mime.setText("Et punkt - med bindestreg\n2025 blev godt")
    edit.insertFromMimeData(mime)
    assert edit.toPlainText() == "Et punkt - med bindestreg\n2025 blev godt"
    assert all(block.textList() is None for block in _blocks(edit.document()))


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


# 12. After a crash -------------------------------------------------------------------------


def test_a_start_after_a_crash_says_up_to_when_everything_is_saved(
    qtbot, sample_store, settings, db_path
):
    first = MainWindow(sample_store, settings=settings)
    qtbot.add_widget(first)
    assert first.statusBar().currentMessage() == ""
    first.editor.decision_edit.setFocus()
    qtbot.keyClicks(first.editor.decision_edit, " Tilføjet.")
    first.autosaver.flush()
    saved_at = first.saved_label.text().removeprefix("Gemt ")
    assert saved_at
    qtbot.waitUntil(lambda: not first.save_status.stamp_timer.isActive(), timeout=3000)
    # The process dies here: no closeEvent, so the run is never marked as ended.
    first.hide()
    second = MainWindow(sample_store, settings=settings)  # closed below, not by qtbot
    assert second.statusBar().currentMessage() == (
        f"Genoprettet efter nedbrud: alt indtil kl. {saved_at} er gemt"
    )
    second.close()  # a clean end: the next start is no recovery
    third = MainWindow(sample_store, settings=settings)
    qtbot.add_widget(third)
    assert third.statusBar().currentMessage() == ""


# 7. A 1366×768 laptop --------------------------------------------------------------------------


def test_at_laptop_size_names_the_place_and_a_long_title_are_shown_whole(qtbot, window):
    laptop(qtbot, window)
    view = window.attendance.view
    header = view.header()
    widest = max(view.fontMetrics().horizontalAdvance(entry.person.name)
                 for entry in window.session.meeting.attendance)
    assert header.sectionSize(NAME) >= view.indentation() + widest
    place = window.meeting_bar.place_edit
    assert place.width() > place.fontMetrics().horizontalAdvance(place.text())
    show_item(window, 6)  # 3.5 Politiske aftaler på erhvervsområdet: …
    title = window.editor.title_edit
    qtbot.waitUntil(lambda: title.document().documentLayout().documentSize().height() >= 2)
    lines = int(title.document().documentLayout().documentSize().height())
    assert title.viewport().height() >= lines * title.fontMetrics().lineSpacing()
    assert not title.verticalScrollBar().isVisible()
    index = window.agenda_model.index_of_item(window.session.meeting.items[6])
    assert window.session.meeting.items[6].title in index.data(Qt.ItemDataRole.ToolTipRole)
    # In the agenda the long title takes two lines, a short one (3.3) one.
    short = window.agenda_model.index_of_item(window.session.meeting.items[4])
    agenda = window.agenda.view
    one_line = agenda.visualRect(short).height()
    assert agenda.visualRect(index).height() >= one_line + agenda.fontMetrics().lineSpacing()


def test_the_agenda_status_column_keeps_its_width(qtbot, window):
    laptop(qtbot, window)
    header = window.agenda.view.header()
    before = header.sectionSize(1)
    title_before = header.sectionSize(0)
    show_item(window, 9)
    key(qtbot, window, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.meeting.items[9].status.value == "under behandling"
    qtbot.wait(20)
    assert header.sectionSize(1) == before and header.sectionSize(0) == title_before
    metrics = window.agenda.view.fontMetrics()
    assert before >= metrics.horizontalAdvance("under behandling")
