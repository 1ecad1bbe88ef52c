"""Rediger ▸ Udvalg …: opens the committee dialog for the open meeting's committee (or
another one chosen in it), fills its roster from a file on request, saves it through the
app layer, and deletes a committee without meetings into the trash after asking."""

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
        deleted: Callable[[], None] = lambda: None,
    ):
        super().__init__(parent)
        self.deleted = deleted
        """Told after a delete went through (the window offers its undo)."""
        self.delete_question: QMessageBox | None = None
        """The last "Slet udvalget?" question (tests answer it)."""
        self.parent_widget = parent
        self.desk = desk
        self.session = session
        self.open_meeting = open_meeting
        self.open_dialog = open_dialog
        self.file_dialog: QFileDialog | None = None
        """The file dialog of the last "Hent deltagere" (tests drive it)."""

    def edit_committee(self, name: str | None = None) -> CommitteeDialog | None:
        """The dialog for the committee of that name, by default the open meeting's."""
        try:
            committee = (
                self.desk.committee(name)
                if name is not None
                else self.desk.committee_of(self.session().meeting)
            )
        except AppError as error:
            QMessageBox.warning(self.parent_widget, _tr("Udvalg"), str(error))
            return None
        from .committee_dialog import CommitteeDialog  # dialogs load on first use

        dialog = CommitteeDialog(committee, self.parent_widget, self.desk.committee_names())
        dialog.chosen.connect(lambda edited: self.save(dialog, edited))
        dialog.importRequested.connect(lambda: self.choose_roster_file(dialog))
        dialog.otherRequested.connect(lambda other: self.show_other(dialog, other))
        dialog.deleteRequested.connect(lambda: self.ask_delete(dialog))
        self.open_dialog(dialog)
        return dialog

    def show_other(self, dialog: CommitteeDialog, name: str) -> CommitteeDialog | None:
        """Another committee in a dialog of its own; unsaved changes keep this one open."""
        if dialog.has_changes():
            dialog.other_combo.setCurrentText(dialog.committee.name)
            dialog.show_error(_tr("Gem eller annullér ændringerne, før et andet udvalg vises"))
            return None
        dialog.reject()
        return self.edit_committee(name)

    def ask_delete(self, dialog: CommitteeDialog) -> QMessageBox | None:
        """Refuse a committee that meetings use (saying how many), else ask first."""
        name = dialog.committee.name
        count = self.desk.committee_meeting_count(name)
        if count:
            used = (
                _tr("Udvalget »%s« bruges af 1 møde og kan ikke slettes.") % name
                if count == 1
                else _tr("Udvalget »%s« bruges af %d møder og kan ikke slettes.") % (name, count)
            )
            dialog.show_error(used + " " + _tr("Slet eller flyt møderne først (Filer ▸ Møder)."))
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Slet udvalget"),
            _tr("Slet udvalget »%s«? Det flyttes til papirkurven og kan fortrydes.") % name,
            parent=dialog,
        )
        delete = box.addButton(_tr("Slet"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self.delete(dialog, name) if button is delete else None
        )
        self.delete_question = box
        box.open()
        return box

    def delete(self, dialog: CommitteeDialog, name: str) -> bool:
        try:
            self.desk.delete_committee(name)
        except AppError as error:
            dialog.show_error(str(error))
            return False
        dialog.reject()
        self.deleted()
        return True

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
