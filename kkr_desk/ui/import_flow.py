"""File → Importér… (Ctrl+I): the menu entry that runs import_dialog.choose_and_import and
opens the imported meeting once it is saved, and the same preview for a PDF, .docx or text
file dropped on the window. Everything it needs comes in its constructor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..app import Desk
from .shortcuts import ACTION_KEYS

DROPPED_SUFFIXES = (".pdf", ".docx", ".txt")
"""What the importer reads (docs/import.md); other dropped files are left alone."""


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
        self.action.setShortcuts([QKeySequence(k) for k in ACTION_KEYS["import_document"]])
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        parent.addAction(self.action)
        self.summary = None
        """The preview (or message) of the last dropped file (tests drive it)."""
        self.action.triggered.connect(lambda *_: self.start())
        if before is not None:
            menu.insertAction(before, self.action)
        else:
            menu.addAction(self.action)

    def take_drops(self, window: QWidget, before: Callable[[], object]) -> None:
        """Let ``window`` take a dropped document; ``before()`` runs just before its preview
        (the window saves what was typed)."""
        self._before_drop = before
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        path = self.dropped_document(event.mimeData())
        if path is None:
            return False  # not ours: the window (and Qt) decide
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self._before_drop()
            self.import_dropped(path)
        return True

    def start(self) -> None:
        from .import_dialog import choose_and_import  # its dialogs on first use only

        self.dialog = choose_and_import(self.parent_widget, self.desk, self.open_meeting)

    def dropped_document(self, mime: QMimeData) -> Path | None:
        """The one local PDF, .docx or text file a drag carries, or None."""
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if len(paths) == 1 and paths[0].suffix.lower() in DROPPED_SUFFIXES:
            return paths[0]
        return None

    def import_dropped(self, path: Path) -> None:
        from .import_dialog import import_into_store  # its dialogs on first use only

        self.summary = import_into_store(self.parent_widget, self.desk, path, self.open_meeting)
