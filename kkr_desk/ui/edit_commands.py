"""Rediger ▸ Fortryd / Gentag (Ctrl+Z, Ctrl+Y): the focused text field's own undo stack;
outside a text field, undo brings back the last deleted item or group.

Explicit about which widgets count as text fields (Qt's standard undo/redo slots), instead
of calling whatever the focused widget happens to have.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)


class EditCommands:
    def __init__(self, undo_elsewhere: Callable[[], object]):
        """``undo_elsewhere`` runs for undo when no text field has the focus."""
        self.undo_elsewhere = undo_elsewhere

    @staticmethod
    def focused_text_field() -> QLineEdit | QTextEdit | QPlainTextEdit | None:
        widget = QApplication.focusWidget()
        return widget if isinstance(widget, TEXT_FIELDS) else None

    def undo(self) -> None:
        field = self.focused_text_field()
        if field is not None:
            field.undo()
        else:
            self.undo_elsewhere()

    def redo(self) -> None:
        field = self.focused_text_field()
        if field is not None:
            field.redo()
