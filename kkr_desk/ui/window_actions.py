"""The window's actions, their shortcuts (from shortcuts.ACTION_KEYS) and its menus.

Built from a table of name → slot that the window hands over, so this module knows the
menu structure and nothing about what the slots do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .shortcuts import ACTION_KEYS


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


ACTION_TEXTS = {
    "meetings": "&Møder …",
    "new_meeting": "&Nyt møde …",
    "next_meeting": "Næste møde ud fra &dette …",
    "export_referat": "&Referat (.docx) …",
    "export_dagsorden": "&Dagsorden (.docx) …",
    "export_pdf": "&PDF …",
    "export_changes": "Referat med æn&dringer siden udsendelse (.docx) …",
    "quit": "&Afslut",
    "undo": "&Fortryd",
    "redo": "&Gentag",
    "phrases": "&Standardfraser …",
    "committee": "&Udvalg …",
    "start_meeting": "&Start mødet",
    "end_meeting": "&Afslut mødet",
    "send_for_approval": "Send til &godkendelse …",
    "approve": "Godk&end referatet …",
    "reopen": "Gen&åbn mødet …",
    "all_present": "Alle &til stede",
    "add_person": "Tilføj &deltager …",
    "remove_person": "&Fjern deltager",
    "arrived_now": "Deltager &kom nu",
    "left_now": "Deltager &gik nu",
    "substitute": "&Stedfortræder for den valgte …",
    "inhabil": "Valgte deltager &inhabil i punktet",
    "vote": "&Afstemning …",
    "remark": "P&rotokolbemærkning …",
    "next_item": "&Næste punkt",
    "previous_item": "&Forrige punkt",
    "decide": "Markér &afgjort og gå videre",
    "in_progress": "Markér &under behandling",
    "new_item": "Nyt &punkt",
    "new_group": "Ny &gruppe",
    "move_up": "Flyt &op",
    "move_down": "Flyt &ned",
    "delete": "&Slet …",
    "focus_attendance": "&Deltagere",
    "focus_agenda": "D&agsorden",
    "focus_decision": "&Beslutning",
    "search_person": "&Søg deltager",
    "changes_since_sent": "Ændringer siden &udsendelse …",
    "search_all": "Søg i &alle møder …",
    "shortcuts": "&Tastaturgenveje",
    "about": "&Om KKR Desk",
}
"""Every action in menu order; the window must give a slot for each name."""

MENUS = {
    "meeting": ("&Møde", ("start_meeting", "end_meeting", "send_for_approval", "approve",
                          "reopen", None, "all_present", "add_person", "remove_person",
                          "arrived_now", "left_now", "substitute")),
    "item": ("&Punkt", ("next_item", "previous_item", "decide", "in_progress", None,
                        "inhabil", "vote", "remark", None,
                        "new_item", "new_group", "move_up", "move_down", "delete")),
    "view": ("&Vis", ("focus_attendance", "focus_agenda", "focus_decision", "search_person",
                      "search_all", None, "changes_since_sent")),
    "help": ("&Hjælp", ("shortcuts", "about")),
}


@dataclass
class WindowMenus:
    """The menus other parts add entries to (import, backups, undo of deletes)."""

    file_menu: QMenu
    edit_menu: QMenu
    export_menu: QMenu
    import_anchor: QAction
    """Import entries go just before this separator in the File menu."""


def build_actions(
    window: QMainWindow, slots: dict[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One window-wide QAction per name in ACTION_TEXTS, with its keys and slot."""
    actions: dict[str, QAction] = {}
    for name, text in ACTION_TEXTS.items():
        action = QAction(_tr(text), window)
        keys = ACTION_KEYS.get(name, ())
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        slot = slots[name]
        action.triggered.connect(lambda *_, slot=slot: slot())
        window.addAction(action)
        actions[name] = action
    return actions


def build_menus(window: QMainWindow, named: dict[str, QAction]) -> WindowMenus:
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&Filer"))
    for name in ("meetings", "new_meeting", "next_meeting"):
        file_menu.addAction(named[name])
    import_anchor = file_menu.addSeparator()
    export_menu = file_menu.addMenu(_tr("&Eksportér"))
    for name in ("export_referat", "export_dagsorden", "export_pdf", "export_changes"):
        export_menu.addAction(named[name])
    file_menu.addSeparator()
    file_menu.addAction(named["quit"])
    edit = bar.addMenu(_tr("&Rediger"))
    for name in ("undo", "redo"):
        edit.addAction(named[name])
    edit.addSeparator()
    edit.addAction(named["phrases"])
    edit.addAction(named["committee"])
    for title, names in MENUS.values():
        menu = bar.addMenu(_tr(title))
        for name in names:
            menu.addSeparator() if name is None else menu.addAction(named[name])
    return WindowMenus(file_menu, edit, export_menu, import_anchor)
