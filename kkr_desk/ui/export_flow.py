"""Export of the referat, dagsorden or PDF: the save dialog, the export through Desk.export,
and the "saved — open it?" box with the writer's warnings.

The one call that writes the file is ``ExportFlow.write``; running it in the background
plugs in there (the dialogs before and after stay on the UI thread).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from ..app import AppError, Desk, ExportFailed
from ..domain import MeetingKind
from .autosave import Autosaver

MAX_WARNINGS_SHOWN = 8

EXPORT_KINDS = {
    "referat": (MeetingKind.REFERAT, ".docx"),
    "dagsorden": (MeetingKind.DAGSORDEN, ".docx"),
    "pdf": (MeetingKind.REFERAT, ".pdf"),
}


class ExportFlow(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        settings: QSettings,
        autosaver: Autosaver,
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
        self.current_meeting = current_meeting
        self.before_export = before_export
        self.open_dialog = open_dialog
        self.show_problem = show_problem
        self.last_export: Path | None = None

    def ask_save_path(self, caption: str, suggested: Path, name_filter: str) -> Path | None:
        """The save dialog; tests replace this method instead of clicking a native dialog."""
        chosen, _ = QFileDialog.getSaveFileName(self.window, caption, str(suggested), name_filter)
        return Path(chosen) if chosen else None

    def export(self, which: str) -> Path | None:
        """Write the referat, dagsorden or PDF, then offer to open it."""
        self.autosaver.flush()
        kind, suffix = EXPORT_KINDS[which]
        meeting = self.current_meeting()
        word = self.tr("Referat") if kind is MeetingKind.REFERAT else self.tr("Dagsorden")
        suggested = self.export_folder() / (
            f"{word} {meeting.committee} {meeting.date:%d-%m-%Y}{suffix}"
        )
        name_filter = (
            self.tr("Word-dokument (*.docx)") if suffix == ".docx" else self.tr("PDF (*.pdf)")
        )
        path = self.ask_save_path(self.tr("Eksportér %s") % word.lower(), suggested, name_filter)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.window.statusBar().showMessage(self.tr("Eksporterer %s …") % path.name)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.before_export()
        try:
            warnings = self.write(meeting.id, path, kind)
        except (ExportFailed, AppError) as error:
            self.show_problem(str(error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.finished(path, warnings)
        return path

    def write(self, meeting_id: int, path: Path, kind: MeetingKind) -> list[str]:
        """The export itself (the slow part): the writer's warnings, or ExportFailed/AppError.

        Background running plugs in here: run this off the UI thread, then call finished().
        """
        # Export what is in the database, the one source of truth.
        return self.desk.export(self.desk.load_meeting(meeting_id), path, kind)

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
