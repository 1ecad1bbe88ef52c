"""The item's title field: one line of text shown on as many lines as it needs (up to
three), so a long title (3.5 "Politiske aftaler på erhvervsområdet: …") is read whole, not
cut at the edge; a short one takes one line.

It behaves like a QLineEdit where the item editor uses one: text()/setText(), textEdited
for the user's changes only, returnPressed on Enter (no line break is ever stored; a
pasted one becomes a space), Tab moves on.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy

MAX_LINES = 3


class TitleEdit(QPlainTextEdit):
    textEdited = Signal(str)
    returnPressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(2)
        self.textChanged.connect(self._changed)
        # The plain-text layout counts its size in lines: fit the height to them.
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def setFont(self, font) -> None:
        super().setFont(font)
        self._fit_height()

    def _fit_height(self, *_) -> None:
        shown = int(self.document().documentLayout().documentSize().height())
        lines = min(max(shown, 1), MAX_LINES)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if shown > MAX_LINES
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin()) + 2
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + extra)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._loading = True
        try:
            self.setPlainText(" ".join(text.splitlines()))
        finally:
            self._loading = False
        self.setToolTip(self.toPlainText())  # whole, should it need more than three lines

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _changed(self) -> None:
        if not self._loading:
            self.textEdited.emit(self.toPlainText())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if not self.textCursor().hasSelection():
            self.moveCursor(QTextCursor.MoveOperation.Start)  # the start of a long title
