"""A table cell that is a real "<" or "^" keeps its escape through the editor, so the
referat shows the character and does not merge the cell with its neighbour (merges.py)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor

from kkr_desk.domain import BESLUTNING
from kkr_desk.ui.rich_text import RichTextEdit

TABLE = (
    "| Kommune | Tegn | Pladser | Note |\n| --- | --- | --- | --- |\n"
    "| Randers | \\< | 61 | < |\n"
    "| Viborg | \\^ | 7 | x |\n"
    "| Skive | ^ | 12 | y |"
)
BODY = "Fordeling:\n\n" + TABLE + "\n\nGodkendt."


def test_an_edit_elsewhere_keeps_the_escaped_cells_and_the_merges(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown(BODY)
    table = editor.document().rootFrame().childFrames()[0]
    assert table.cellAt(1, 1).firstCursorPosition().block().text() == "<"  # shown plain
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Enstemmigt.")
    text = editor.markdown()
    rows = [line.replace(" ", "") for line in text.split("\n") if line.startswith("|")]
    # Before, both escapes were lost: "|Randers|<|61|" merged "Randers" over two columns.
    assert rows[2] == "|Randers|\\<|61|<|"  # the "<" merge mark stays a mark
    assert rows[3] == "|Viborg|\\^|7|x|"
    assert rows[4] == "|Skive|^|12|y|"
    assert text.endswith("Godkendt. Enstemmigt.")


def test_a_literal_cell_typed_into_stays_escaped_where_it_matters(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown(TABLE)
    table = editor.document().rootFrame().childFrames()[0]
    cursor = table.cellAt(1, 1).lastCursorPosition()
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "5")
    rows = [line.replace(" ", "") for line in editor.markdown().split("\n")]
    assert rows[2] == "|Randers|\\<5|61|<|"  # still "<5" in Markdown, not a merge


def first_decision(window):
    item = window.session.meeting.items[0]
    return item, next(s for s in item.sections if s.heading == BESLUTNING)


def test_the_window_saves_and_exports_a_literal_cell_as_text(qtbot, window, tmp_path, monkeypatch):
    meeting_id = window.session.meeting.id
    item, decision = first_decision(window)
    assert window.session.save_section(decision, BODY)
    window.open_meeting(meeting_id, item.id)
    window.editor.focus_decision()  # the cursor at the end, after the table
    qtbot.keyClicks(window.editor.decision_edit, " Enstemmigt.")
    window.autosaver.flush()
    stored = next(
        s for s in window.desk.load_meeting(meeting_id).items[0].sections if s.id == decision.id
    ).body
    assert stored.endswith("Godkendt. Enstemmigt.")
    assert "\\<" in stored and "\\^" in stored

    target = tmp_path / "referat.docx"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: target)
    window.export_flow.export("referat")
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    qtbot.waitUntil(lambda: target.is_file())
    tables = [
        t for t in docx.Document(target).element.body.iter(qn("w:tbl"))
        if "Randers" in "".join(x.text or "" for x in t.iter(qn("w:t")))
    ]
    [table] = tables
    rows = [
        ["".join(x.text or "" for x in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
        for tr in table.iter(qn("w:tr"))
    ]
    # Before, "Randers" spanned two columns and Viborg's "^" cell continued it.
    assert rows[1] == ["Randers", "<", "61"]  # 61 spans Pladser and Note
    assert rows[2] == ["Viborg", "^", "7", "x"]
    assert rows[3] == ["Skive", "", "12", "y"]  # its "^" continues Viborg's "^" cell
    assert [e.get(qn("w:val")) for e in table.iter(qn("w:gridSpan"))] == ["2"]
    assert [e.get(qn("w:val")) for e in table.iter(qn("w:vMerge"))] == ["restart", None]
    window.dialog.close()


def test_a_pasted_word_table_cell_that_is_a_less_than_sign_stays_a_character(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown("Før.")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    source = QMimeData()
    source.setHtml(
        "<table border=1><tr><td>Kommune</td><td>Tegn</td></tr>"
        "<tr><td>Randers</td><td>&lt;</td></tr><tr><td>Viborg</td><td>^</td></tr></table>"
    )
    editor.insertFromMimeData(source)
    rows = [line.replace(" ", "") for line in editor.markdown().split("\n") if "|" in line]
    # Before, the pasted "<" came out bare and merged the cell into "Randers".
    assert rows[2:] == ["|Randers|\\<|", "|Viborg|\\^|"]
    editor.undo()  # the paste is one step
    assert editor.markdown() == "Før."


def test_a_table_copied_inside_the_editor_keeps_its_merge_marks(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown("| a | b |\n| --- | --- |\n| x | < |")
    editor.selectAll()
    copied = editor.createMimeDataFromSelection()
    editor.set_markdown("")
    editor.insertFromMimeData(copied)
    rows = [line.replace(" ", "") for line in editor.markdown().split("\n") if "|" in line]
    assert rows[-1] == "|x|<|"


def table_rows(editor) -> list[str]:
    return [line.replace(" ", "") for line in editor.markdown().split("\n") if "|" in line]


def test_a_literal_cell_copied_and_pasted_in_the_editor_stays_a_character(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown(TABLE)
    editor.selectAll()
    editor.copy()  # through the real QClipboard
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.paste()
    rows = table_rows(editor)
    # Before, the pasted copy's "\\<" and "\\^" came back bare: merge marks.
    assert rows.count("|Randers|\\<|61|<|") == 2 and rows.count("|Viborg|\\^|7|x|") == 2
    assert rows.count("|Skive|^|12|y|") == 2  # a merge mark stays a mark


def test_a_literal_cells_character_pasted_alone_into_another_cell_stays_literal(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown(TABLE)
    table = editor.document().rootFrame().childFrames()[0]
    cursor = table.cellAt(1, 1).firstCursorPosition()
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.copy()
    editor.setTextCursor(table.cellAt(3, 3).lastCursorPosition())  # after Skive's "y"
    editor.paste()
    assert table_rows(editor)[4] == "|Skive|^|12|y\\<|"


def test_a_literal_cell_pasted_into_another_items_decision_is_exported_as_text(
    qtbot, window, tmp_path, monkeypatch
):
    meeting_id = window.session.meeting.id
    item, decision = first_decision(window)
    assert window.session.save_section(decision, BODY)
    window.open_meeting(meeting_id, item.id)
    window.editor.focus_decision()
    window.editor.decision_edit.selectAll()
    window.editor.decision_edit.copy()
    other = window.session.meeting.items[1]
    window.open_meeting(meeting_id, other.id)
    window.editor.focus_decision()
    window.editor.decision_edit.setPlainText("")
    window.editor.decision_edit.paste()
    window.autosaver.flush()
    stored = next(
        s.body for s in window.desk.load_meeting(meeting_id).items[1].sections
        if s.heading == BESLUTNING
    )
    assert "\\<" in stored and "\\^" in stored

    target = tmp_path / "referat.docx"
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: target)
    window.export_flow.export("referat")
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)
    qtbot.waitUntil(lambda: target.is_file())
    for table in docx.Document(target).element.body.iter(qn("w:tbl")):
        rows = [
            ["".join(x.text or "" for x in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
            for tr in table.iter(qn("w:tr"))
        ]
        if rows[1][0] == "Randers":
            assert rows[1] == ["Randers", "<", "61"] and rows[2] == ["Viborg", "^", "7", "x"]
    randers = [
        t for t in docx.Document(target).element.body.iter(qn("w:tbl"))
        if "Randers" in "".join(x.text or "" for x in t.iter(qn("w:t")))
    ]
    assert len(randers) == 2  # the first item's table and its pasted copy
    window.dialog.close()


COPY_THEN_EXIT = """
from PySide6.QtWidgets import QApplication
from kkr_desk.ui.rich_text import RichTextEdit, CLIPBOARD_MARKDOWN
app = QApplication([])
editor = RichTextEdit()
editor.set_markdown("| a | b |\\n|---|---|\\n| \\\\< | 1 |\\n")
editor.selectAll()
editor.copy()
assert CLIPBOARD_MARKDOWN in app.clipboard().mimeData().formats()
print("copied", flush=True)
"""


def test_the_program_exits_cleanly_after_a_copy():
    """The clipboard deletes its data as the application goes; data made in Python used
    to crash the interpreter on the way out (exit code -11)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run(
        [sys.executable, "-c", COPY_THEN_EXIT], env=env, capture_output=True, text=True,
        timeout=60,
    )
    assert finished.stdout.strip() == "copied", finished.stderr[-500:]
    assert finished.returncode == 0, finished.stderr[-500:]
