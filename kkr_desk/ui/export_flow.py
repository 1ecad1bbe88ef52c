"""Export of the referat, dagsorden or PDF: the save dialog, the export through Desk.export,
and the "saved — open it?" box with the writer's warnings.

The writing runs as a background job (``ui/jobs.py``) on a snapshot of the meeting taken
on the UI thread, so the secretary keeps typing and switching items meanwhile, and what
is typed is saved as usual. The status bar shows the job, with Annullér for a PDF. A
second export while one runs is refused with a message. The dialogs before and after
stay on the UI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..app import AppError, Desk, ExportFailed
from ..domain import MeetingKind
from .autosave import Autosaver
from .job_status import JobStatus
from .jobs import EXPORT, Job, JobRefused, JobRunner

MAX_WARNINGS_SHOWN = 8

EXPORT_KINDS = {
    "referat": (MeetingKind.REFERAT, ".docx"),
    "dagsorden": (MeetingKind.DAGSORDEN, ".docx"),
    "pdf": (None, ".pdf"),
    "changes": (MeetingKind.REFERAT, ".docx"),
}
"""The document and file type of each export; None: the kind the meeting's state asks for
(the referat once the meeting has begun or a decision is written, else the dagsorden).
"changes" is the referat as Word tracked changes against the version sent for approval."""


class ExportFlow(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        settings: QSettings,
        autosaver: Autosaver,
        jobs: JobRunner,
        job_status: JobStatus,
        current_meeting: Callable[[], object],
        before_export: Callable[[], object],
        open_dialog: Callable[[object], None],
        show_problem: Callable[[str], None],
    ):
        super().__init__(window)
        self.window = window  # parent of the dialogs; its status bar shows progress
        self.desk = desk
        self.settings = settings
        self.autosaver = autosaver
        self.jobs = jobs
        self.job_status = job_status
        self.current_meeting = current_meeting
        self.before_export = before_export
        self.open_dialog = open_dialog
        self.show_problem = show_problem
        self.last_export: Path | None = None
        self.exporting: Path | None = None

    def ask_save_path(self, caption: str, suggested: Path, name_filter: str) -> Path | None:
        """The save dialog; tests replace this method instead of clicking a native dialog."""
        chosen, _ = QFileDialog.getSaveFileName(self.window, caption, str(suggested), name_filter)
        return Path(chosen) if chosen else None

    @property
    def running(self) -> bool:
        return self.jobs.is_running(EXPORT)

    def export(self, which: str) -> Job | None:
        """Start writing the referat, dagsorden or PDF; offer to open it when written.

        Returns the running job (None when nothing was started).
        """
        if self.running:
            self.show_problem(str(JobRefused(EXPORT)))
            return None
        self.autosaver.flush()
        kind, suffix = EXPORT_KINDS[which]
        meeting = self.current_meeting()
        try:
            # What is in the database, the one source of truth, as it is now; an approved
            # meeting's approved version, so its referat stays the same years later.
            snapshot, state = self.desk.meeting_for_export(meeting.id)
        except AppError as error:
            self.show_problem(str(error))
            return None
        sent = None
        author = self.desk.change_author()  # Rediger ▸ Indstillinger; "": "KKR Desk"
        if which == "changes":
            sent = self.desk.meeting_version(meeting.id, "sent")
            if sent is None:
                self.show_problem(
                    self.tr(
                        "Referatet er ikke sendt til godkendelse, så der er ingen udsendt "
                        "udgave at vise ændringerne imod."
                    )
                )
                return None
        kind = kind or self.desk.export_kind(snapshot, state)
        word = self.tr("Referat") if kind is MeetingKind.REFERAT else self.tr("Dagsorden")
        suggested = self.export_folder() / (
            f"{word} {meeting.committee} {meeting.date:%d-%m-%Y}"
            + (self.tr(" (ændringer)") if sent is not None else "")
            + suffix
        )
        name_filter = (
            self.tr("Word-dokument (*.docx)") if suffix == ".docx" else self.tr("PDF (*.pdf)")
        )
        path = self.ask_save_path(self.tr("Eksportér %s") % word.lower(), suggested, name_filter)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.before_export()
        cancel = threading.Event() if suffix == ".pdf" else None
        job = self.jobs.start(
            EXPORT,
            lambda: self.desk.export(
                snapshot, path, kind, cancel=cancel, changes_since=sent, change_author=author
            ),
            cancel=cancel,
            expected=(ExportFailed, AppError),
        )
        self.exporting = path
        job.finished.connect(self._written)
        job.failed.connect(self._refused)
        job.cancelled.connect(self._cancelled)
        self.job_status.show_job(job, self.tr("Eksporterer %s …") % path.name)
        return job

    def _written(self, warnings: list[str]) -> None:
        self.finished(self.exporting, warnings)

    def _refused(self, error: Exception) -> None:
        self.show_problem(str(error))

    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("Eksporten af %s er annulleret; intet er gemt") % self.exporting.name, 8000
        )

    def finished(self, path: Path, warnings: list[str]) -> None:
        self.window.statusBar().showMessage(self.tr("%s er gemt") % path.name, 8000)
        self.settings.setValue("export/folder", str(path.parent))
        self.last_export = path
        self.offer_to_open(path, warnings)

    def export_folder(self) -> Path:
        folder = self.settings.value("export/folder", "")
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def offer_to_open(self, path: Path, warnings: list[str]) -> None:
        text = self.tr("%s er gemt.") % path.name
        if warnings:
            shown = warnings[:MAX_WARNINGS_SHOWN]
            text += "\n\n" + self.tr("Bemærk:") + "\n" + "\n".join(f"• {w}" for w in shown)
            if len(warnings) > len(shown):
                text += "\n" + self.tr("… og %d mere") % (len(warnings) - len(shown))
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Eksporteret"), text, parent=self.window
        )
        open_button = box.addButton(self.tr("Åbn filen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Luk"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self.open_file(path) if button is open_button else None
        )
        self.open_dialog(box)

    def open_file(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_problem(self.tr("Filen kunne ikke åbnes: %s") % path)
