"""File → Importér… (Ctrl+I): the menu entry that asks for a file, reads it and shows its
preview (import_dialog.ImportDialog), and opens the imported meeting once it is saved; the
same for a PDF, .docx or text file dropped on the window. Everything it needs comes in its
constructor.

The reading (``Desk.read_document``: the file alone, no database) runs as an IMPORT job
(``ui/jobs.py``), shown in the status bar, so a large PDF does not hold the window. A
second import while one reads is refused with a message. The preview, and the saving on
Importér (``Desk.add_imported``, the UI thread's database connection), stay on the UI thread.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..app import AppError, Desk, ImportFailed
from .job_status import JobStatus
from .jobs import IMPORT, Job, JobRefused, JobRunner
from .shortcuts import ACTION_KEYS

DROPPED_SUFFIXES = (".pdf", ".docx", ".txt")
"""What the importer reads (docs/import.md); other dropped files are left alone."""


class ImportFlow(QObject):
    def __init__(
        self,
        parent: QWidget,
        desk: Desk,
        jobs: JobRunner,
        job_status: JobStatus,
        open_meeting: Callable[[int], object],
        menu: QMenu,
        before: QAction | None = None,
    ):
        """Add the entry to ``menu`` just before ``before`` (at the end without it)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.desk = desk
        self.jobs = jobs
        self.job_status = job_status
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
        """The preview (or message) of the last file read (tests drive it)."""
        self.refusal = None
        """The message that refused the last import started while one read."""
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
        """Ask for a file to read, unless one is being read (then say so at once)."""
        from .import_dialog import choose_file  # its dialogs on first use only

        if not self._refused():
            self.dialog = choose_file(self.parent_widget, self.read)

    def dropped_document(self, mime: QMimeData) -> Path | None:
        """The one local PDF, .docx or text file a drag carries, or None."""
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if len(paths) == 1 and paths[0].suffix.lower() in DROPPED_SUFFIXES:
            return paths[0]
        return None

    def import_dropped(self, path: Path) -> None:
        self.read(path)

    def read(self, path: Path) -> Job | None:
        """Start reading ``path``; its preview opens when it is read. None when refused."""
        if self._refused():
            return None
        self.summary = None
        # Only the file goes to the worker: read_document touches no database.
        job = self.jobs.start(
            IMPORT, partial(self.desk.read_document, path), expected=(ImportFailed,)
        )
        job.finished.connect(self._read)
        job.failed.connect(self._unreadable)
        self.job_status.show_job(job, self.tr("Læser %s …") % path.name)
        return job

    def _refused(self) -> bool:
        if not self.jobs.is_running(IMPORT):
            return False
        self.refusal = self._message(self.tr("Indlæsning i gang"), str(JobRefused(IMPORT)))
        return True

    def _read(self, result) -> None:
        from .import_dialog import ImportDialog

        self.summary = dialog = ImportDialog(result, self.parent_widget)
        dialog.accepted.connect(partial(self._save, result))
        dialog.open()

    def _save(self, result) -> None:
        try:
            meeting_id = self.desk.add_imported(result)
        except AppError as error:
            self._message(self.tr("Mødet blev ikke gemt"), str(error))
            return
        self.open_meeting(meeting_id)

    def _unreadable(self, error: ImportFailed) -> None:
        self.summary = self._message(self.tr("Filen kan ikke importeres"), str(error))

    def _message(self, title: str, text: str):
        from .import_dialog import message_box

        return message_box(self.parent_widget, title, text)
