"""The window's safety net: backups (background jobs) when a meeting is opened and before
every export, "Gendan fra sikkerhedskopi …" in the File menu, and undo of the last delete.

Kept beside MainWindow rather than in it: the window calls four hooks (meeting opened,
before export, after a delete, undo with nothing else to undo) and this object does the
rest through Desk's backup and trash functions (docs/reliability.md). What it needs of the
window (menus, actions, the current session and agenda, opening a meeting or a dialog)
comes in its constructor.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ..app import AppError, Desk, TrashEntry
from .agenda_panel import AgendaPanel
from .autosave import Autosaver
from .first_paint import after_first_paint
from .jobs import BACKUP, Job, JobRunner
from .session import MeetingSession
from .window_actions import WindowMenus

if TYPE_CHECKING:
    from .recovery_dialogs import RestoreBackupDialog


class WindowSafety(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        jobs: JobRunner,
        autosaver: Autosaver,
        menus: WindowMenus,
        actions: dict[str, QAction],
        session: Callable[[], MeetingSession | None],
        agenda: Callable[[], AgendaPanel],
        open_meeting: Callable[[int], object],
        open_dialog: Callable[[object], None],
        show_problem: Callable[[str], None],
    ):
        """``window`` parents the actions and dialogs and shows messages in its status bar;
        ``session()`` and ``agenda()`` give the open meeting's parts (they change with it).
        Adds "restore_backup" and "undo_delete" to ``actions``."""
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.autosaver = autosaver
        self.session = session
        self.agenda = agenda
        self.open_meeting = open_meeting
        self.open_dialog = open_dialog
        self.show_problem = show_problem
        self.jobs = jobs
        self.last_deleted: TrashEntry | None = None
        self._backed_up_meeting: int | None = None
        self.restore_action = QAction(self.tr("&Gendan fra sikkerhedskopi …"), window)
        self.restore_action.triggered.connect(lambda *_: self.ask_restore())
        quit_action = actions["quit"]
        menus.file_menu.insertAction(quit_action, self.restore_action)
        menus.file_menu.insertSeparator(quit_action)
        self.undo_delete_action = QAction(self.tr("Fortryd &sletning"), window)
        self.undo_delete_action.setEnabled(False)
        self.undo_delete_action.triggered.connect(lambda *_: self.undo_delete())
        menus.edit_menu.insertAction(actions["redo"], self.undo_delete_action)
        actions["restore_backup"] = self.restore_action
        actions["undo_delete"] = self.undo_delete_action

    # Backups -----------------------------------------------------------------------------

    def take_backup(self) -> Job | None:
        """A backup as a background job; a failure is shown, never stops the work.

        While one runs, a second is not started: the copy being written is as new.
        """
        if self.jobs.is_running(BACKUP):
            return None
        job = self.jobs.start(BACKUP, self.desk.backup_in_background(), expected=(AppError,))
        job.failed.connect(self._backup_failed)
        return job

    def _backup_failed(self, error: Exception) -> None:
        self.show_problem(str(error))

    def meeting_opened(self, meeting_id: int) -> None:
        if meeting_id != self._backed_up_meeting:
            self._backed_up_meeting = meeting_id
            if self.window.isVisible():
                self.take_backup()
            else:  # the first meeting, while the window is built: the start-up backup,
                # once the window has been painted (a zero-delay timer may run before that)
                after_first_paint(self.window, self.take_backup)

    def before_export(self) -> None:
        self.take_backup()

    def ask_restore(self) -> RestoreBackupDialog:
        self.autosaver.flush()
        from .recovery_dialogs import RestoreBackupDialog  # dialogs load on first use

        dialog = RestoreBackupDialog(
            self.desk.list_backups(), self.desk.restore_backup, self.window
        )
        dialog.restored.connect(self._restored)
        self.open_dialog(dialog)
        return dialog

    def _restored(self, backup: Path) -> None:
        self.last_deleted = None  # the trash is the backup's now
        self._show_undo()
        self._reopen()
        taken = next((b.taken_at for b in self.desk.list_backups() if b.path == backup), None)
        when = taken.strftime("%d-%m-%Y kl. %H:%M:%S") if taken else backup.name
        self.window.statusBar().showMessage(
            self.tr(
                "Databasen er gendannet fra sikkerhedskopien fra %s. Det hidtidige indhold er "
                "gemt som den nyeste sikkerhedskopi."
            )
            % when,
            15000,
        )

    # Undo of deletes ---------------------------------------------------------------------

    def deleted(self) -> None:
        """Called after a delete went through: the newest trash entry is what it removed."""
        entries = self.desk.trash_entries()
        self.last_deleted = entries[0] if entries else None
        self._show_undo()
        # Back to the agenda (the deleted row had it), where Ctrl+Z means "undo the delete".
        self.agenda().view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.last_deleted is not None:
            self.window.statusBar().showMessage(
                self.tr("»%s« er slettet. Fortryd med Ctrl+Z eller Rediger ▸ Fortryd sletning.")
                % self.last_deleted.label,
                15000,
            )

    def undo_delete(self) -> bool:
        """Put the last deleted item or group back in its place; False if there is none."""
        entry = self.last_deleted
        window = self.window
        if entry is None:
            return False
        self.autosaver.flush()
        ok, restored_id = self.session().write(lambda: self.desk.restore_from_trash(entry.id))
        self.last_deleted = None
        self._show_undo()
        if not ok:
            return False
        self._reopen()
        agenda, meeting = self.agenda(), self.session().meeting
        if entry.kind == "meeting":
            self.open_meeting(restored_id)
        elif entry.kind == "item":
            item = next((i for i in meeting.items if i.id == restored_id), None)
            if item is not None:
                agenda.select(agenda.model.index_of_item(item))
        elif entry.kind == "group":
            group = next((g for g in meeting.groups if g.id == restored_id), None)
            if group is not None:
                agenda.select(agenda.model.index_of_group(group))
        window.statusBar().showMessage(self.tr("»%s« er gendannet.") % entry.label, 8000)
        return True

    def _show_undo(self) -> None:
        entry = self.last_deleted
        self.undo_delete_action.setEnabled(entry is not None)
        self.undo_delete_action.setText(
            self.tr("Fortryd sletning af »%s«") % entry.label
            if entry is not None
            else self.tr("Fortryd &sletning")
        )

    def _reopen(self) -> None:
        """Show the current meeting again from the database (or another if it is gone)."""
        session = self.session()
        current = session.meeting.id if session is not None else None
        ids = [summary.id for summary in self.desk.list_meetings()]
        if current in ids:
            target = current
        elif ids:
            target = ids[0]
        else:
            target = self.desk.create_empty_meeting(self.tr("KKR"), session.meeting.date)
        self._backed_up_meeting = target  # the database was just backed up or restored
        self.open_meeting(target)
