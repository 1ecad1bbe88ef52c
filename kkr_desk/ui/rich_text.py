"""A rich-text editor whose contents are stored as the portable Markdown form.

The document is loaded with setMarkdown() and only written back (toMarkdown) once the user
has really changed it: Qt rewrites Markdown in its own style, and an item merely looked at
must keep its text byte for byte. Text pasted from Word arrives as HTML; it is passed
through Markdown at once, so the screen shows exactly what will be saved (bold, lists,
links, tables — no fonts or colours). Plain text whose lines start with "•", "-", "–" or
"1)" becomes a list the same way (markdown_form.plain_lists). A table cell stored as "\\<"
or "\\^" (the character, where "<" and "^" alone merge cells) shows the character and is
written back escaped (show_literal_cells); copied, it goes on the clipboard as Markdown of
our own (CLIPBOARD_MARKDOWN) so that a paste keeps it the character.

Ctrl+I is italic here and File → Import elsewhere in the window: the editor claims the key
(ShortcutOverride) while it has the focus. A dropped file is not pasted as its path: the
window takes it (an import).
"""

from __future__ import annotations

import atexit
import re

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

from ..markdown_form import (
    LITERAL_CELL_PLACEHOLDERS,
    hide_literal_cells,
    hide_typed_marks,
    holds_hidden_marks,
    literal_cell_placeholder,
    plain_lists_as_markdown,
    tidy_markdown,
    typed_marks_escaped,
)

LITERAL_CELL_MARK = QTextFormat.Property.UserProperty.value + 1
"""Character property of a "<" or "^" that is text, not a merged cell's mark (merges.py):
loaded from a stored "\\<" or "\\^" cell, written back escaped."""


def show_literal_cells(document: QTextDocument) -> None:
    """Each literal-cell placeholder that setMarkdown read (hide_literal_cells) becomes its
    mark again, carrying LITERAL_CELL_MARK so that literal_markdown escapes it."""
    for placeholder, mark in LITERAL_CELL_PLACEHOLDERS.items():
        cursor = document.find(placeholder)
        while not cursor.isNull():
            char_format = cursor.charFormat()
            char_format.setProperty(LITERAL_CELL_MARK, True)
            cursor.insertText(mark, char_format)
            cursor = document.find(placeholder, cursor)


def hide_marks_in_cells(document: QTextDocument) -> None:
    """Each table cell of pasted HTML that is just "<" or "^" becomes that mark's placeholder:
    it is the character (Word has merged cells of its own), not a merge mark."""
    block = document.begin()
    while block.isValid():
        mark = block.text().strip()
        if mark in ("<", "^"):
            cursor = QTextCursor(block)
            table = cursor.currentTable()
            if table is not None:
                cell = table.cellAt(cursor)
                if cell.firstCursorPosition().block() == cell.lastCursorPosition().block():
                    start = block.position() + block.text().index(mark)
                    cursor.setPosition(start)
                    cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(literal_cell_placeholder(mark))
        block = block.next()


def _hidden(text: str, char_format: QTextCharFormat) -> str:
    """A fragment's text as literal_markdown hands it to Qt's writer: typed marks, and a
    literal cell's "<" or "^", as placeholders."""
    text = hide_typed_marks(text)
    if char_format.boolProperty(LITERAL_CELL_MARK):
        for mark in "<^":
            text = text.replace(mark, literal_cell_placeholder(mark))
    return text


def literal_markdown(document: QTextDocument) -> str:
    """The document as Markdown in which every typed emphasis, link or code mark is escaped.

    Qt's writer escapes typed marks only where it thinks they would be read as syntax, and
    misses cases ("a *b*", "_x_", "[[x](y)"). So those marks in the text are swapped for
    private-use placeholders in a copy (kkr_desk.markdown_form.hide_typed_marks), Qt writes
    that copy (its own "*", "**", "[…](…)" for real formatting and links stay as they are),
    and each placeholder becomes the escaped mark. A "<" or "^" that carries
    LITERAL_CELL_MARK (a table cell that is that character, not a merge) is hidden the same
    way and written "\\<" or "\\^". A document that already holds a placeholder character
    is written as is.
    """
    if holds_hidden_marks(document.toRawText()):
        return document.toMarkdown()
    return typed_marks_escaped(_markdown_with_placeholders(document))


def _markdown_with_placeholders(document: QTextDocument) -> str:
    """Qt's Markdown of a copy of ``document`` in which typed marks and literal cells are
    placeholders (see literal_markdown)."""
    copy = document.clone()
    fragments = []
    block = copy.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                hidden = _hidden(fragment.text(), fragment.charFormat())
                if hidden != fragment.text():
                    fragments.append(
                        (fragment.position(), fragment.length(), hidden, fragment.charFormat())
                    )
            it += 1
        block = block.next()
    cursor = QTextCursor(copy)
    for position, length, hidden, char_format in reversed(fragments):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(hidden, char_format)
    return copy.toMarkdown()


CLIPBOARD_MARKDOWN = "application/x-kkr-desk-markdown"
"""The selection as the editor's Markdown, put beside Qt's HTML when copying: the HTML
loses which "<" and "^" are literal cells, so a paste would turn them into merge marks."""

_LITERAL_CELL_SPLIT = re.compile("([" + "".join(LITERAL_CELL_PLACEHOLDERS) + "])")


def clipboard_markdown(document: QTextDocument) -> str | None:
    """``document`` as Markdown with typed marks escaped and each literal cell's "<" or "^"
    left as its placeholder, so it stays literal wherever it is pasted, even alone into
    another cell (show_literal_cells); None for a text that holds a placeholder itself."""
    if holds_hidden_marks(document.toRawText()):
        return None
    pieces = _LITERAL_CELL_SPLIT.split(_markdown_with_placeholders(document))
    return "".join(p if n % 2 else typed_marks_escaped(p) for n, p in enumerate(pieces))


_HANDOVER_REGISTERED = []


def _hand_clipboard_to_qt_at_exit() -> None:
    """Once a copy has made mime data in Python, hand the clipboard's content to data Qt
    makes itself when the interpreter exits.

    The clipboard owns the data and deletes it as the application goes; data made in
    Python then calls back into an interpreter that is already gone, and the program
    crashed on exit after any copy. The same formats go into a QMimeData Qt creates
    (``setText``), so what was copied can still be pasted once the window is closed.
    """
    if not _HANDOVER_REGISTERED:
        _HANDOVER_REGISTERED.append(True)
        atexit.register(_hand_clipboard_to_qt)


def _hand_clipboard_to_qt() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    held = clipboard.mimeData()
    if held is None or not shiboken6.createdByPython(held):
        return
    formats = {name: bytes(held.data(name)) for name in held.formats()}
    clipboard.setText(held.text())
    made_by_qt = clipboard.mimeData()
    for name, value in formats.items():
        made_by_qt.setData(name, value)


class RichTextEdit(QTextEdit):
    edited = Signal()
    """The user changed the text (not emitted while loading)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.document().contentsChanged.connect(self._on_contents_changed)
        for keys, slot in (
            ("Ctrl+B", self.toggle_bold),
            ("Ctrl+Shift+8", self.toggle_bullets),
            ("Ctrl+Shift+7", self.toggle_numbers),
            ("Ctrl+Alt+T", self.insert_table),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(shortcut.context().WidgetShortcut)
            shortcut.activated.connect(slot)

    # Loading and saving ------------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show stored text; the document counts as unmodified and has no undo history."""
        self._loading = True
        try:
            # PySide6 reads a str starting with U+FFFE as byte-swapped UTF-16 and garbles it;
            # the noncharacters U+FFFE/U+FFFF mean nothing in a referat, so they go.
            text = text.replace("\ufffe", "").replace("\uffff", "")
            # A "\\<" or "\\^" cell keeps its escape through Qt (show_literal_cells).
            self.setMarkdown(hide_literal_cells(text))
            show_literal_cells(self.document())
            self.document().clearUndoRedoStacks()
            self.document().setModified(False)
        finally:
            self._loading = False

    def markdown(self) -> str:
        return tidy_markdown(literal_markdown(self.document()))

    @property
    def is_modified(self) -> bool:
        return self.document().isModified()

    def mark_saved(self) -> None:
        self.document().setModified(False)

    def _on_contents_changed(self) -> None:
        if not self._loading and self.document().isModified():
            self.edited.emit()

    # Paste -------------------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        qt_data = super().createMimeDataFromSelection()
        selected = QTextDocument()
        QTextCursor(selected).insertFragment(self.textCursor().selection())
        markdown = clipboard_markdown(selected)
        if markdown is None:
            return qt_data
        # Qt's own mime data lists a fixed set of formats, and the system clipboard only
        # keeps what is listed: a plain copy carries Qt's formats and ours.
        data = QMimeData()
        for name in qt_data.formats():
            data.setData(name, qt_data.data(name))
        data.setData(CLIPBOARD_MARKDOWN, markdown.encode("utf-8"))
        _hand_clipboard_to_qt_at_exit()
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasFormat(CLIPBOARD_MARKDOWN):  # copied in an editor of this program
            self._insert_markdown(bytes(source.data(CLIPBOARD_MARKDOWN)).decode("utf-8"))
            return
        if source.hasHtml():
            converted = QTextDocument()
            html = source.html()
            converted.setHtml(html)
            if "qrichtext" not in html:
                # From Word, not copied inside the editor (where "<" may be a merge mark).
                hide_marks_in_cells(converted)
            self._insert_markdown(typed_marks_escaped(converted.toMarkdown()))
            return
        if source.hasText():
            listed = plain_lists_as_markdown(source.text())
            if listed is not None:
                self._insert_markdown(listed)
                return
        super().insertFromMimeData(source)

    def _insert_markdown(self, markdown: str) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()  # one step to undo, with the literal cells shown
        cursor.insertMarkdown(hide_literal_cells(tidy_markdown(markdown)))
        show_literal_cells(self.document())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Files dragged from a folder go to the window (import), not in as their paths."""
        if source.hasUrls() and all(url.isLocalFile() for url in source.urls()):
            return False
        return super().canInsertFromMimeData(source)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_italic_key(event):
            event.accept()  # Ctrl+I is italic here, not the window's import
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        """Tab moves between table cells (adding a row at the end); elsewhere it moves focus."""
        if _is_italic_key(event):
            self.toggle_italic()
            return
        cursor = self.textCursor()
        table = cursor.currentTable()
        if event.key() == Qt.Key.Key_Tab and table is not None:
            cell = table.cellAt(cursor)
            row, column = cell.row(), cell.column() + 1
            if column >= table.columns():
                row, column = row + 1, 0
            if row >= table.rows():
                table.appendRows(1)
            self.setTextCursor(table.cellAt(row, column).firstCursorPosition())
            return
        super().keyPressEvent(event)

    # Formatting --------------------------------------------------------------------------

    def toggle_bold(self) -> None:
        weight = (
            QFont.Weight.Normal if self.fontWeight() > QFont.Weight.Normal else QFont.Weight.Bold
        )
        fmt = QTextCharFormat()
        fmt.setFontWeight(weight)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_bullets(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDisc)

    def toggle_numbers(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDecimal)

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block_format = cursor.blockFormat()
            current.remove(cursor.block())
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
            return
        cursor.createList(style)

    def insert_table(self) -> None:
        """A 2×2 table at the cursor; Tab moves between cells as in Word."""
        cursor = self.textCursor()
        cursor.insertTable(2, 2)
        self.setTextCursor(cursor)


def _is_italic_key(event) -> bool:
    return event.keyCombination().toCombined() == QKeySequence("Ctrl+I")[0].toCombined()
