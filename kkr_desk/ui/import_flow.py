"""File → Importér…: the menu entry that runs import_dialog.choose_and_import and opens
the imported meeting once it is saved. Everything it needs comes in its constructor.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..app import Desk


class ImportFlow(QObject):
    def __init__(
        self,
        parent: QWidget,
        desk: Desk,
        open_meeting: Callable[[int], object],
        menu: QMenu,
        before: QAction | None = None,
    ):
        """Add the entry to ``menu`` just before ``before`` (at the end without it)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.desk = desk
        self.open_meeting = open_meeting
        self.dialog = None
        """The file dialog of the last import started (tests drive it)."""
        self.action = QAction(
            QCoreApplication.translate("ImportDialog", "&Importér dagsorden eller referat …"),
            parent,
        )
        self.action.setObjectName("importDocument")
        self.action.triggered.connect(lambda *_: self.start())
        if before is not None:
            menu.insertAction(before, self.action)
        else:
            menu.addAction(self.action)

    def start(self) -> None:
        from .import_dialog import choose_and_import  # its dialogs on first use only

        self.dialog = choose_and_import(self.parent_widget, self.desk, self.open_meeting)
