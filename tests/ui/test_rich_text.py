"""The section editor keeps the portable Markdown form: bold, lists, links, tables."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from kkr_desk.markdown_form import (
    join_typed_table_rows,
    move_spaces_out_of_emphasis,
    tidy_markdown,
)
from kkr_desk.ui.rich_text import RichTextEdit

WORD_HTML = """<html><body lang=DA style='font-family:Calibri'>
<p class=MsoNormal><b><span style='color:#1F3864'>Fordeling</span></b> af pladser, se
<a href="https://www.kl.dk/kkr">KL's side</a>.</p>
<ul style='margin-top:0cm'><li class=MsoListParagraph>Randers</li><li>Viborg</li></ul>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Kommune</p></td><td>2025</td></tr>
<tr><td>Randers</td><td>61</td></tr></table></body></html>"""


def make_editor(qtbot, text=""):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown(text)
    return editor


def test_loading_is_not_an_edit(qtbot):
    editor = make_editor(qtbot, "| KKR | 2025 |\n|---|---|\n| Midt | 668 |")
    edits = []
    editor.edited.connect(lambda: edits.append(1))
    editor.set_markdown("Noget andet")
    assert not editor.is_modified and not edits
    assert not editor.document().isUndoAvailable()


def test_typing_is_an_edit_and_can_be_undone(qtbot):
    editor = make_editor(qtbot, "Godkendt.")
    edits = []
    editor.edited.connect(lambda: edits.append(1))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Med bemærkninger.")
    assert edits and editor.is_modified
    assert editor.markdown() == "Godkendt. Med bemærkninger."
    editor.undo()
    assert editor.markdown() == "Godkendt."


def test_paste_from_word_keeps_bold_links_lists_and_tables(qtbot):
    editor = make_editor(qtbot)
    source = QMimeData()
    source.setHtml(WORD_HTML)
    source.setText("plain fallback")
    editor.insertFromMimeData(source)
    text = editor.markdown()
    assert "**Fordeling**" in text
    assert "[KL's side](https://www.kl.dk/kkr)" in text
    assert "- Randers\n- Viborg" in text
    assert "|Randers|61|" in text.replace(" ", "")
    assert "Calibri" not in text and "color" not in text
    # What is on screen is what will be stored: no Word colours survive the paste.
    html = editor.toHtml()
    assert "#1f3864" not in html.lower()


def test_formatting_keys(qtbot):
    editor = make_editor(qtbot)
    editor.show()
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Fed")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " tekst")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor.toggle_bullets()
    qtbot.keyClicks(editor, "punkt")
    assert editor.markdown() == "**Fed** tekst\n\n- punkt"


def test_inserted_table_is_filled_with_tab(qtbot):
    editor = make_editor(qtbot)
    editor.show()
    editor.insert_table()
    for text in ("Kommune", "Pladser", "Randers", "61", "Viborg"):
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    lines = editor.markdown().replace(" ", "").splitlines()
    assert lines[0] == "|Kommune|Pladser|"
    assert "|Viborg||" in lines


def test_typed_table_rows_become_one_table():
    typed = "Tabel:\n\n| a | b |\n\n|---|---|\n\n| 1 | 2 |\n\nEfter"
    assert join_typed_table_rows(typed) == "Tabel:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEfter"
    assert tidy_markdown("\n\nTekst\n\n\n\nmere  \n\n") == "Tekst\n\nmere"


def test_spaces_move_out_of_emphasis():
    assert move_spaces_out_of_emphasis("Drøftet.** Vigtigt**") == "Drøftet. **Vigtigt**"
    assert move_spaces_out_of_emphasis("x* kursiv*y") == "x *kursiv*y"
    assert move_spaces_out_of_emphasis("2 * 3 * 4") == "2 * 3 * 4"
    assert move_spaces_out_of_emphasis("a **b** c") == "a **b** c"
