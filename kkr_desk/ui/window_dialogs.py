"""The window's own dialogs, each imported when first opened, not at start-up.

A dialog's module brings Qt classes the first paint does not use (QDialogButtonBox,
QFormLayout, QDateEdit …); each Qt class costs time the first time Python touches it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ..app import Desk


def shortcuts_dialog(parent: QWidget) -> QDialog:
    from .dialogs import ShortcutsDialog
    from .shortcuts import help_rows

    return ShortcutsDialog(help_rows(), parent)


def about_dialog(version: str, desk: Desk, parent: QWidget) -> QDialog:
    from .about_dialog import AboutDialog

    return AboutDialog(version, desk.locations(), parent)


def phrases_dialog(templates: list[str], parent: QWidget) -> QDialog:
    from .dialogs import PhrasesDialog

    return PhrasesDialog(templates, parent)
