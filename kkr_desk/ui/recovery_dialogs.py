"""Recovery dialogs: restoring a backup, and what to do with a database that cannot be opened.

Both are opened with open() (never a blocking exec in code a test drives) and report
through signals. They call the recovery functions in kkr_desk.app.database; none of them
touches SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ..app import AppError
from ..app import Backup, DatabaseDamaged, DatabaseInUse, RestoreInterrupted
from ..app.database import list_backups, move_aside, restore_backup
from .jobs import RESTORE, JobRunner


class RestoreBackupDialog(QDialog):
    """The backups, newest first; "Gendan" restores the chosen one through ``restore``.

    ``restore(path)`` is ``Desk.restore_backup`` in the window and
    ``restore_backup(db_path, path)`` when the database could not be opened; both may run
    on a worker thread, and they do: the restore is a background job (a whole copy of the
    database), while the dialog says so and takes no second click. A failure is shown in
    the dialog, which stays open so the user can pick another copy.
    """

    restored = Signal(Path)

    def __init__(
        self,
        backups: list[Backup],
        restore: Callable[[Path], object],
        parent=None,
        *,
        replaces_damaged: bool = False,
    ):
        super().__init__(parent)
        self._restore = restore
        self._jobs = JobRunner(self)
        self._restoring: Path | None = None
        self.setWindowTitle(self.tr("Gendan fra sikkerhedskopi"))
        self.resize(520, 380)
        layout = QVBoxLayout(self)
        what_happens = (
            self.tr("Den beskadigede fil gemmes til side og erstattes af kopien.")
            if replaces_damaged
            else self.tr(
                "Det nuværende indhold gemmes først som en ny sikkerhedskopi, så "
                "gendannelsen kan fortrydes."
            )
        )
        explanation = QLabel(
            self.tr("Vælg den sikkerhedskopi, databasen skal gendannes fra.") + " " + what_happens
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.list = QListWidget()
        for backup in backups:
            text = self.tr("%s kl. %s   (%s kB)") % (
                backup.taken_at.strftime("%d-%m-%Y"),
                backup.taken_at.strftime("%H:%M:%S"),
                max(1, round(backup.size / 1024)),
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(entry)
        if not backups:
            empty = QListWidgetItem(self.tr("Der er ingen sikkerhedskopier endnu."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        layout.addWidget(self.list)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Gendan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annullér"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(
                current is not None and current.data(Qt.ItemDataRole.UserRole) is not None
            )
        )
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_chosen())
        if backups:
            self.list.setCurrentRow(0)

    def restore_chosen(self) -> None:
        current = self.list.currentItem()
        if current is None or current.data(Qt.ItemDataRole.UserRole) is None:
            return
        if self._jobs.is_running(RESTORE):
            return
        path = Path(current.data(Qt.ItemDataRole.UserRole))
        self._restoring = path
        job = self._jobs.start(RESTORE, lambda: self._restore(path), expected=(AppError,))
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self._set_busy(True)
        self.problem.setStyleSheet("")
        self.problem.setText(self.tr("Gendanner fra sikkerhedskopien … vent et øjeblik."))
        self.problem.show()

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.restored.emit(self._restoring)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.setText(str(error))
        self.problem.show()

    def _set_busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy)
        self.list.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        if not self._jobs.is_running(RESTORE):  # a restore under way is not walked away from
            super().reject()


class DatabaseProblemDialog(QDialog):
    """The database could not be opened: say why, and offer what can be done.

    Emits ``resolved(path)`` with the database to open next (the same file after a restore
    or a fresh start, or another file the user chose). The damaged file is moved aside only
    on "Start forfra", and is never written to.
    """

    resolved = Signal(Path)

    def __init__(self, error: AppError, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.error = error
        self.setWindowTitle(self.tr("Databasen kan ikke åbnes"))
        self.resize(600, 240)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Databasen kan ikke åbnes"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        self.message = QLabel(self._explain(error))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Gendan fra sikkerhedskopi…"))
        self.afresh_button = QPushButton(self.tr("Start forfra"))
        self.other_button = QPushButton(self.tr("Vælg en anden fil…"))
        self.close_button = QPushButton(self.tr("Luk"))
        for button, role in (
            (self.restore_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.afresh_button, QDialogButtonBox.ButtonRole.DestructiveRole),
            (self.other_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
        in_use = isinstance(error, DatabaseInUse)
        self.restore_button.setEnabled(not in_use and bool(list_backups(self.db_path)))
        self.afresh_button.setVisible(isinstance(error, DatabaseDamaged))
        self.afresh_button.setToolTip(
            self.tr("Den beskadigede fil flyttes til side med dato og klokkeslæt i navnet.")
        )
        self.restore_button.clicked.connect(self.choose_backup)
        self.afresh_button.clicked.connect(self.start_afresh)
        self.other_button.clicked.connect(self.choose_other_file)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_dialog: RestoreBackupDialog | None = None

    def _explain(self, error: AppError) -> str:
        """The error in the window's words: what happened, then what the buttons do."""
        if isinstance(error, DatabaseDamaged):
            detail = error.detail[:1].upper() + error.detail[1:]
            return self.tr(
                "%s\n\n%s. Filen bliver ikke ændret.\n\nGendan en sikkerhedskopi, start "
                "forfra med en ny database (den beskadigede fil gemmes til side med dato og "
                "klokkeslæt i navnet), eller vælg en anden fil."
            ) % (error.path, detail)
        return str(error)[:1].upper() + str(error)[1:] + "."

    def choose_backup(self) -> RestoreBackupDialog:
        dialog = RestoreBackupDialog(
            list_backups(self.db_path),
            lambda path: restore_backup(self.db_path, path),
            self,
            replaces_damaged=isinstance(self.error, (DatabaseDamaged, RestoreInterrupted)),
        )
        dialog.restored.connect(lambda _path: self._resolve(self.db_path))
        self.backup_dialog = dialog
        dialog.open()
        return dialog

    def start_afresh(self) -> None:
        try:
            moved = move_aside(self.db_path)
        except AppError as error:
            self.message.setText(str(error))
            return
        self.moved_aside = moved
        self._resolve(self.db_path)

    def ask_database_path(self) -> Path | None:
        """The open-file dialog; tests replace this method instead of a native dialog."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Vælg en KKR Desk-database"),
            str(self.db_path.parent),
            self.tr("KKR Desk-database (*.db);;Alle filer (*)"),
        )
        return Path(chosen) if chosen else None

    def choose_other_file(self) -> None:
        chosen = self.ask_database_path()
        if chosen is not None:
            self._resolve(chosen)

    def _resolve(self, path: Path) -> None:
        self.resolved.emit(path)
        self.accept()
