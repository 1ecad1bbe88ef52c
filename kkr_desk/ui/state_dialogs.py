"""The question each step of the meeting's life asks: to whom, by whom, or why.

One small dialog for all three: a prompt, a field (with suggestions where there are any),
and the step's button, which stays off until the field holds text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from .dialogs import confirm_buttons


class StepDialog(QDialog):
    """Ask for the one thing a step needs; ``chosen(text)`` when confirmed."""

    chosen = Signal(str)

    def __init__(
        self,
        title: str,
        explanation: str,
        label: str,
        confirm_text: str,
        suggestions: list[str] = (),
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.field = QComboBox()
        self.field.setEditable(True)
        self.field.addItems(list(suggestions))
        self.field.setCurrentText(suggestions[0] if suggestions else "")
        self.field.lineEdit().setPlaceholderText(label)
        form.addRow(label, self.field)
        layout.addLayout(form)
        self.buttons = confirm_buttons(self, confirm_text, self._confirm)
        layout.addWidget(self.buttons)
        self.field.currentTextChanged.connect(self._update)
        self._update()

    @property
    def confirm_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update(self) -> None:
        self.confirm_button.setEnabled(bool(self.field.currentText().strip()))

    def _confirm(self) -> None:
        text = self.field.currentText().strip()
        if text:
            self.accept()
            self.chosen.emit(text)
