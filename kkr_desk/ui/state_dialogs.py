"""The question each step of the meeting's life asks: to whom, by whom, or why; and,
ending a meeting with items under behandling, what they become.

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
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import AgendaItem
from ..domain.meeting_life import OpenItems, has_decision, open_items_text
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


class OpenItemsQuestion(QMessageBox):
    """Afslut mødet with items still under behandling: mark them afgjort (those with a
    decision), leave them ikke behandlet, or go back to the meeting (Escape)."""

    def __init__(self, open_items: list[tuple[str, AgendaItem]], parent: QWidget):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Afslut mødet"))
        text = open_items_text(open_items)
        self.setText(self.tr("%s stadig under behandling.") % (text[0].upper() + text[1:]))
        decided = [item for _, item in open_items if has_decision(item)]
        if not decided:
            detail = self.tr("Der er ikke skrevet nogen beslutning, så det bliver ikke behandlet.")
        elif len(decided) == len(open_items):
            detail = self.tr("Der er skrevet en beslutning: markér det afgjort.")
        else:
            detail = self.tr(
                "Kun de punkter, der har en beslutning, kan markeres afgjort; "
                "de andre bliver ikke behandlet."
            )
        self.setInformativeText(
            detail + " " + self.tr("Fortryd går tilbage til mødet, som så ikke afsluttes.")
        )
        self.decide_button = (
            self.addButton(self.tr("Afgjort – afslut mødet"), QMessageBox.ButtonRole.AcceptRole)
            if decided
            else None
        )
        self.not_treated_button = self.addButton(
            self.tr("Ikke behandlet – afslut mødet"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(self.tr("Fortryd"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.decide_button or self.not_treated_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> OpenItems | None:
        """What the clicked button chose; None: go back, the meeting is not ended."""
        clicked = self.clickedButton()
        if self.decide_button is not None and clicked is self.decide_button:
            return OpenItems.DECIDE
        if clicked is self.not_treated_button:
            return OpenItems.NOT_TREATED
        return None
