"""What an item switch redoes, on the real window: the phrase list keeps its rows, the
phrases follow a saved committee, and the Beslutning box is painted without a style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kkr_desk.domain.phrases import decision_phrases
from tests.ui.test_window_parts import click


def select(window, item):
    window.agenda.select(window.agenda_model.index_of_item(item))
    assert window.editor.item is item


def rows(window) -> list[tuple[str, str, int, bool]]:
    listed = window.editor.phrase_list
    return [
        (entry.text(), entry.toolTip(), entry.data(Qt.ItemDataRole.UserRole), entry.font().italic())
        for entry in (listed.item(row) for row in range(listed.count()))
    ]


def expected_rows(window, item) -> list[tuple[str, str, int, bool]]:
    phrases = decision_phrases(
        item, window.session.meeting.committee, window.session.decision_templates()
    )
    keys = sorted(phrases, key=lambda n: n or 10)
    return [
        (
            f"Ctrl+{n}   {phrases[n]}",
            f"Punktets egen indstilling i datid: {phrases[n]}" if n == 0 else phrases[n],
            n,
            n == 0,
        )
        for n in keys
    ]


def test_an_item_switch_keeps_the_phrase_rows_and_shows_the_new_items_phrases(qtbot, window):
    items = window.session.meeting.items
    select(window, items[2])
    listed = window.editor.phrase_list
    standard = [listed.item(row) for row in range(listed.count() - 1)]
    assert rows(window) == expected_rows(window, items[2])
    select(window, items[3])
    assert [listed.item(row) for row in range(listed.count() - 1)] == standard
    assert rows(window) == expected_rows(window, items[3])
    select(window, items[9])  # "Eventuelt": no Indstilling, so no Ctrl+0 row
    assert rows(window) == expected_rows(window, items[9])
    assert all(key != 0 for _, _, key, _ in rows(window))
    select(window, items[8])  # and back: the Ctrl+0 row returns, in italics
    assert rows(window) == expected_rows(window, items[8])
    assert rows(window)[-1][2:] == (0, True)
    window.editor.focus_decision()
    qtbot.keyClick(window.editor.decision_edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    first_phrase = window.editor.phrases[1]
    assert window.editor.decision_edit.toPlainText().endswith(first_phrase)
    assert expected_rows(window, items[8])[0][0] == f"Ctrl+1   {first_phrase}"


def test_an_edited_committees_phrases_show_after_save(qtbot, window):
    window.committee_flow.edit_committee()
    dialog = window.dialog
    dialog.phrases_edit.setPlainText("{udvalg} udsatte sagen.\nDrøftet.")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert window.editor.phrases[1] == "KKR Midtjylland udsatte sagen."
    assert window.editor.phrases[2] == "Drøftet."
    assert 3 not in window.editor.phrases
    assert window.editor.phrase_list.item(0).text() == "Ctrl+1   KKR Midtjylland udsatte sagen."
    select(window, window.session.meeting.items[4])  # and on the next item too
    assert window.editor.phrases[2] == "Drøftet."

    window.committee_flow.edit_committee()
    window.dialog.phrases_edit.setPlainText("")  # empty: the program-wide phrases again
    click(qtbot, window.dialog, QDialogButtonBox.StandardButton.Save)
    assert window.editor.phrases[1] == "Godkendt."


def test_the_decision_box_is_painted_without_a_style_sheet(qtbot, window):
    editor = window.editor
    box = editor.decision_edit.parentWidget()
    # A style sheet anywhere above would make the editor and the phrase list paint through
    # Qt's style-sheet style, which costs every item switch; they use the plain style.
    for widget in (editor.decision_edit, editor.decision_edit.verticalScrollBar(),
                   editor.phrase_list, editor.decide_button):
        assert widget.style() is QApplication.style()
    assert editor.decision_edit.palette().color(editor.decision_edit.backgroundRole()) == QColor(
        "white"
    )
    qtbot.waitUntil(lambda: box.width() > 100)
    image = box.grab().toImage()
    middle = image.height() // 2
    assert image.pixelColor(image.width() // 2, 0) == QColor("#2f6fb3")  # the border
    assert image.pixelColor(0, middle) == QColor("#2f6fb3")
    assert image.pixelColor(4, middle) == QColor("#f4f8fd")  # the ground inside it
    assert image.pixelColor(0, 0) != QColor("#2f6fb3")  # rounded corners
    assert box.contentsMargins().left() == 2
