"""Rediger ▸ Udvalg …: opens the committee dialog for the open meeting's committee, fills
its roster from a file on request and saves it through the app layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..app import AppError, Desk, ImportFailed
from ..domain.committee import Committee

if TYPE_CHECKING:
    from .committee_dialog import CommitteeDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommitteeFlow", text)


class CommitteeFlow(QObject):
    def __init__(
        self,
        parent: QWidget,
        desk: Desk,
        session: Callable[[], object],
        open_meeting: Callable[[int], object],
        open_dialog: Callable[[object], None],
    ):
        super().__init__(parent)
        self.parent_widget = parent
        self.desk = desk
        self.session = session
        self.open_meeting = open_meeting
        self.open_dialog = open_dialog
        self.file_dialog: QFileDialog | None = None
        """The file dialog of the last "Hent deltagere" (tests drive it)."""

    def edit_committee(self) -> CommitteeDialog | None:
        try:
            committee = self.desk.committee_of(self.session().meeting)
        except AppError as error:
            QMessageBox.warning(self.parent_widget, _tr("Udvalg"), str(error))
            return None
        from .committee_dialog import CommitteeDialog  # dialogs load on first use

        dialog = CommitteeDialog(committee, self.parent_widget)
        dialog.chosen.connect(lambda edited: self.save(dialog, edited))
        dialog.importRequested.connect(lambda: self.choose_roster_file(dialog))
        self.open_dialog(dialog)
        return dialog

    def save(self, dialog: CommitteeDialog, committee: Committee) -> bool:
        """Save; a refusal stays in the dialog. The open meeting is shown again (its name,
        phrases and the people the add-person search offers may have changed)."""
        try:
            self.desk.save_committee(committee)
        except AppError as error:
            dialog.show_error(str(error))
            return False
        dialog.accept()
        self.open_meeting(self.session().meeting.id)
        return True

    def choose_roster_file(self, dialog: CommitteeDialog) -> QFileDialog:
        files = QFileDialog(dialog, _tr("Hent deltagere"))
        files.setFileMode(QFileDialog.FileMode.ExistingFile)
        files.setNameFilters(
            [
                _tr("Medlemslister, referater og dagsordener (*.csv *.xlsx *.pdf *.docx *.txt)"),
                _tr("Alle filer (*)"),
            ]
        )
        files.fileSelected.connect(lambda name: self.fill_roster(dialog, Path(name)))
        self.file_dialog = files
        files.open()
        return files

    def fill_roster(self, dialog: CommitteeDialog, path: Path) -> bool:
        """Put the file's people in the dialog's tables (Fortryd takes them back)."""
        try:
            members, staff = self.desk.read_roster(path)
        except ImportFailed as error:
            dialog.show_error(str(error))
            return False
        dialog.set_roster(members, staff)
        dialog.show_error("")
        return True
