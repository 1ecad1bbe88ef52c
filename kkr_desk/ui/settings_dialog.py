"""Rediger ▸ Indstillinger's dialog: the secretary's name, the Word documents' author and
the name at their tracked changes.

Its own module, imported when the dialog first opens (settings_flow.py), so its form's Qt
classes cost nothing at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..app import DEFAULT_CHANGE_AUTHOR as DEFAULT_AUTHOR
from ..app import MAX_AUTHOR_LENGTH
from .dialogs import confirm_buttons


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsFlow", text)


class SettingsDialog(QDialog):
    """The secretary's name for tracked changes; Gem emits ``chosen`` and the flow saves it."""

    chosen = Signal(str)

    def __init__(self, author: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Indstillinger"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.author_edit = QLineEdit(author)
        self.author_edit.setMaxLength(MAX_AUTHOR_LENGTH)
        self.author_edit.setPlaceholderText(DEFAULT_AUTHOR)
        self.author_edit.setMinimumWidth(320)
        form.addRow(self.tr("Dit &navn (forfatter i Word):"), self.author_edit)
        layout.addLayout(form)
        explanation = QLabel(
            self.tr(
                "Navnet står som forfatter i de eksporterede Word-dokumenter og ved hver "
                "ændring i »Referat med ændringer siden udsendelse«. "
                "Uden navn står der »%s«."
            )
            % DEFAULT_AUTHOR
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(
            confirm_buttons(
                self,
                self.tr("Gem"),
                lambda: self.chosen.emit(self.author_edit.text()),
                QDialogButtonBox.StandardButton.Save,
            )
        )

    def show_error(self, message: str) -> None:
        """A refused save: the dialog stays open with the name still in it."""
        self.error_label.setText(self.tr("⚠ %s") % message)
        self.error_label.show()
