"""Rediger ▸ Standardfraser … and Rediger ▸ Indstillinger …: settings kept in the database.

Indstillinger holds the secretary's name, written at Word's tracked changes in the
"Referat med ændringer siden udsendelse" export (export_flow.py reads it through the Desk
when an export starts). An empty name leaves them by "KKR Desk". The referat itself prints
no secretary, so the name is all there is to set.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..app import DEFAULT_CHANGE_AUTHOR as DEFAULT_AUTHOR
from ..app import AppError, Desk
from .window_dialogs import phrases_dialog

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsFlow", text)


class SettingsFlow(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        edit_menu: QMenu,
        session: Callable[[], object],
        editor: Callable[[], object],
        open_dialog: Callable[[object], None],
    ):
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.session = session
        self.editor = editor
        self.open_dialog = open_dialog
        self.action = QAction(_tr("&Indstillinger …"), window)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the app menu
        self.action.setShortcuts(QKeySequence.StandardKey.Preferences)  # ⌘, on macOS only
        self.action.triggered.connect(lambda *_: self.edit_settings())
        edit_menu.addSeparator()
        edit_menu.addAction(self.action)

    # Rediger ▸ Standardfraser -------------------------------------------------------------

    def edit_phrases(self) -> None:
        dialog = phrases_dialog(self.session().decision_templates(), self.window)
        dialog.chosen.connect(self.phrases_chosen)
        self.open_dialog(dialog)

    def phrases_chosen(self, templates: list[str]) -> None:
        if self.session().set_decision_templates(templates):
            self.editor().refresh_phrases()

    # Rediger ▸ Indstillinger --------------------------------------------------------------

    def edit_settings(self) -> SettingsDialog:
        from .settings_dialog import SettingsDialog  # dialogs load on first use

        dialog = SettingsDialog(self.desk.change_author(), self.window)
        dialog.chosen.connect(lambda name: self.save(dialog, name))
        self.open_dialog(dialog)
        return dialog

    def save(self, dialog: SettingsDialog, name: str) -> bool:
        try:
            kept = self.desk.set_change_author(name)
        except AppError as error:
            dialog.show_error(str(error))
            return False
        dialog.accept()
        self.window.statusBar().showMessage(
            _tr("Ændringer i Word står nu ved %s") % (kept or DEFAULT_AUTHOR), 8000
        )
        return True
