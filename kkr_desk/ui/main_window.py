"""The secretary's window: attendance | agenda | item editor, with the meeting bar on top.

The window builds the frame and wires the parts, each of which gets what it needs in its
constructor: actions and menus (window_actions), the panes (window_layout), export
(export_flow), import (import_flow), backups and undo of deletes (safety), the agenda's
commands (agenda_commands), undo/redo (edit_commands) and the close guard (close_guard).
The window owns the autosaver and flushes it whenever work could be lost or read back:
item switch, focus change, meeting switch, export and close.

Each save is stamped in the database and a clean close marks the run as ended, so a start
after a crash says up to when everything is saved. A PDF, .docx or text file dropped on the
window opens the import preview.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from ..app import AppError, Desk
from ..domain import ItemStatus, Meeting
from ..domain.agenda import numbered_items
from .about_dialog import AboutDialog
from .agenda_commands import AgendaCommands
from .agenda_model import AgendaModel
from .agenda_panel import AgendaPanel
from .attendance_model import AttendanceModel
from .attendance_panel import AttendancePanel
from .autosave import Autosaver
from .changes_dialog import ChangesDialog
from .close_guard import CloseGuard
from .committee_flow import CommitteeFlow
from .dialogs import AddPersonDialog, PhrasesDialog, ShortcutsDialog
from .edit_commands import EditCommands
from .export_flow import ExportFlow
from .import_flow import ImportFlow
from .item_editor import ItemEditor
from .job_status import JobStatus
from .jobs import JobRunner
from .meeting_bar import MeetingBar
from .meeting_flow import MeetingFlow
from .meeting_life_flow import MeetingLifeFlow
from .safety import WindowSafety
from .session import MeetingSession
from .shortcuts import help_rows
from .window_actions import build_actions, build_menus
from .window_layout import WindowLayout


STAMP_MS = 1000
"""How long after a save its time is kept in the database (for the message after a crash)."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        store,
        meeting_id: int | None = None,
        settings: QSettings | None = None,
    ):
        super().__init__()
        self.desk = Desk(store)
        self.settings = settings if settings is not None else QSettings()
        self.autosaver = Autosaver(self)
        self.session: MeetingSession | None = None
        self.commands: AgendaCommands | None = None
        self.dialog: QWidget | None = None
        self.shown_once = False
        self.shut_down = False
        self.last_saved: dt.datetime | None = None
        # The save time is written apart from the save, at most once a second: a burst of
        # saves costs one small write, outside the autosave's run. A crash in between
        # leaves an earlier time in the database, which is still true.
        self.stamp_timer = QTimer(self)
        self.stamp_timer.setSingleShot(True)
        self.stamp_timer.setInterval(STAMP_MS)
        self.stamp_timer.timeout.connect(self.stamp_last_save)
        self.setMinimumSize(1000, 600)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setStyleSheet("color: #4b7f52; padding-right: 8px;")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.actions_by_name = build_actions(self, self.action_slots())
        self.menus = menus = build_menus(self, self.actions_by_name)
        self.file_menu, self.edit_menu = menus.file_menu, menus.edit_menu
        self.jobs = JobRunner(self)
        self.safety = WindowSafety(  # backups, restore, undo of deletes
            self, self.desk, self.jobs, self.autosaver, menus, self.actions_by_name,
            session=lambda: self.session, agenda=lambda: self.agenda,
            open_meeting=self.open_meeting, open_dialog=self.open_dialog,
            show_problem=self.show_problem,
        )
        self.import_flow = ImportFlow(
            self, self.desk, self.open_meeting, menus.file_menu, menus.import_anchor
        )
        self.job_status = JobStatus()
        self.statusBar().addPermanentWidget(self.job_status)
        self.export_flow = ExportFlow(
            self, self.desk, self.settings, self.autosaver, self.jobs, self.job_status,
            current_meeting=lambda: self.session.meeting,
            before_export=self.safety.before_export,
            open_dialog=self.open_dialog, show_problem=self.show_problem,
        )
        self.meeting_flow = MeetingFlow(
            self, self.desk, self.autosaver, lambda: self.session, self.open_meeting,
            self.open_dialog, self.show_problem, deleted=self.safety.deleted,
        )
        self.edit_commands = EditCommands(undo_elsewhere=self.undo_elsewhere)
        self.life_flow = MeetingLifeFlow(
            self, self.autosaver, self.actions_by_name, lambda: self.session,
            lambda: [self.meeting_bar, self.attendance, self.agenda, self.editor],
            self.open_dialog,
        )
        self.committee_flow = CommitteeFlow(
            self, self.desk, lambda: self.session, self.open_meeting, self.open_dialog
        )
        self.close_guard = CloseGuard(self, self.autosaver, self.open_dialog)
        self.panes = WindowLayout(self, self.settings)
        self.setAcceptDrops(True)
        QApplication.instance().focusChanged.connect(self.focus_changed)
        item_id = None
        if meeting_id is None:
            meeting_id, item_id = self.where_left_off()
        if meeting_id is None:
            meeting_id = self.desk.create_empty_meeting(self.tr("KKR"), dt.date.today())
        self.open_meeting(meeting_id, item_id)
        self.panes.restore()
        self.report_recovery()

    def action_slots(self) -> dict:
        """What each action in window_actions.ACTION_TEXTS does."""
        return {
            "meetings": lambda: self.meeting_flow.show_meetings(),
            "new_meeting": lambda: self.meeting_flow.ask_new_meeting(),
            "next_meeting": lambda: self.meeting_flow.ask_next_meeting(),
            "export_referat": lambda: self.export_flow.export("referat"),
            "export_dagsorden": lambda: self.export_flow.export("dagsorden"),
            "export_pdf": lambda: self.export_flow.export("pdf"),
            "quit": self.close,
            "undo": lambda: self.edit_commands.undo(),
            "redo": lambda: self.edit_commands.redo(),
            "phrases": self.edit_phrases,
            "committee": lambda: self.committee_flow.edit_committee(),
            "start_meeting": lambda: self.meeting_bar.start_meeting(),
            "end_meeting": lambda: self.meeting_bar.end_meeting(),
            "send_for_approval": lambda: self.life_flow.ask_send(),
            "approve": lambda: self.life_flow.ask_approve(),
            "reopen": lambda: self.life_flow.ask_reopen(),
            "all_present": lambda: self.attendance_model.all_present(),
            "add_person": self.ask_add_person,
            "remove_person": lambda: self.attendance.remove_selected(),
            "arrived_now": lambda: self.attendance.stamp_selected(arrived=True),
            "left_now": lambda: self.attendance.stamp_selected(arrived=False),
            "substitute": lambda: self.editor.record.ask_substitute(
                self.attendance.selected_entries(), self.attendance_model.reload
            ),
            "inhabil": lambda: self.editor.record.toggle_inhabil(
                self.attendance.selected_entries()
            ),
            "vote": lambda: self.editor.record.ask_vote(),
            "remark": lambda: self.editor.record.ask_remark(),
            "next_item": lambda: self.commands.go_to_item(+1),
            "previous_item": lambda: self.commands.go_to_item(-1),
            "decide": lambda: self.commands.decide_current(),
            "in_progress": lambda: self.commands.mark_in_progress(),
            "new_item": lambda: self.commands.add_item(),
            "new_group": lambda: self.commands.add_group(),
            "move_up": lambda: self.move_current(-1),
            "move_down": lambda: self.move_current(+1),
            "delete": lambda: self.commands.ask_delete(),
            "focus_attendance": self.focus_attendance,
            "focus_agenda": self.focus_agenda,
            "focus_decision": lambda: self.editor.focus_decision(),
            "search_person": self.search_person,
            "changes_since_sent": self.show_changes_since_sent,
            "search_all": self.search_all,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }

    # Opening a meeting -------------------------------------------------------------------

    def where_left_off(self) -> tuple[int | None, int | None]:
        """The meeting and item last worked on, kept in the database (so it survives a
        crash); else the newest meeting."""
        meeting_id, item_id = self.desk.last_place()
        meetings = self.desk.list_meetings()
        if meeting_id in {summary.id for summary in meetings}:
            return meeting_id, item_id
        return (meetings[0].id if meetings else None), None

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> bool:
        """Show another meeting, at ``item_id`` or where the meeting is; everything typed
        in the current one is saved first."""
        self.autosaver.flush()
        try:
            editor = self.desk.open_meeting(meeting_id)
        except AppError as error:
            self.show_problem(str(error))
            return False
        meeting = editor.meeting
        if self.session is not None:
            self.session.deleteLater()
        self.session = MeetingSession(editor, self)
        self.session.saved.connect(self.saved)
        self.session.failed.connect(self.not_saved)
        self.build_workspace(meeting)
        self.update_title()
        # Reopened mid-meeting (or after a crash): continue where the meeting is.
        unfinished = [item for item in meeting.items if item.status is not ItemStatus.DECIDED]
        first = next((item for item in meeting.items if item.id == item_id), None)
        first = first or next(iter(unfinished or meeting.items), None)
        self.life_flow.meeting_opened()
        self.agenda.view.selectionModel().currentChanged.connect(self.item_shown)
        if first is not None:
            self.agenda.select(self.agenda_model.index_of_item(first))
        self.item_shown()
        self.agenda.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.safety.meeting_opened(meeting_id)
        return True

    def item_shown(self, *_) -> None:
        """Keep where the secretary is in the database, so a restart returns here."""
        self.life_flow.item_shown()
        item = self.editor.item
        try:
            self.desk.remember_place(self.session.meeting.id, item.id if item else None)
        except AppError as error:  # a lock or a full disk: the work itself is not at risk
            self.show_problem(str(error))

    def build_workspace(self, meeting: Meeting) -> None:
        """The open meeting's panes and models, placed by the layout, wired to the commands."""
        self.agenda_model = AgendaModel(self.session, self)
        self.attendance_model = AttendanceModel(self.session, self)
        self.meeting_bar = MeetingBar(self.session, self.autosaver)
        self.attendance = AttendancePanel(self.attendance_model)
        self.agenda = AgendaPanel(self.agenda_model)
        self.editor = ItemEditor(self.session, self.autosaver)
        self.editor.placeRequested.connect(self.open_place)
        self.panes.set_workspace(self.meeting_bar, self.attendance, self.agenda, self.editor)
        self.commands = AgendaCommands(
            self, self.session, self.agenda, self.editor, self.autosaver,
            open_dialog=self.open_dialog, deleted=self.safety.deleted,
        )
        self.attendance.addPersonRequested.connect(self.ask_add_person)
        self.attendance.removed.connect(
            lambda names: self.statusBar().showMessage(
                self.tr("%s er fjernet fra listen – Ctrl+Z fortryder") % names, 8000
            )
        )
        self.meeting_bar.reopen_button.clicked.connect(lambda: self.life_flow.ask_reopen())
        self.meeting_bar.committee_edit.editingFinished.connect(self.update_title)
        self.meeting_bar.date_edit.dateChanged.connect(lambda *_: self.update_title())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.shown_once:
            # Start in the agenda, never in a text field where a stray key edits a name.
            self.shown_once = True
            QTimer.singleShot(0, self.focus_agenda)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.panes.width_changed(event.size().width())

    def update_title(self) -> None:
        meeting = self.session.meeting
        committee = self.meeting_bar.committee_edit.text().strip() or meeting.committee
        date = self.meeting_bar.date_edit.date().toPython()
        self.setWindowTitle(self.tr("KKR Desk – %s %s") % (committee, date.strftime("%d-%m-%Y")))

    # Search and places -------------------------------------------------------------------

    def search_all(self) -> None:
        """Søg i alle møder; Escape there comes back to this meeting and item."""
        from .search_panel import SearchDialog  # QStyle and QTextDocument's layout: ~80 ms

        item = self.editor.item
        origin = (self.session.meeting.id, item.id if item is not None else None)
        dialog = SearchDialog(
            lambda text, limit: self.desk.search(text, prefix_last=True, limit=limit), self
        )
        dialog.placeChosen.connect(self.open_place)
        dialog.returnRequested.connect(lambda: self.open_place(*origin))
        self.open_dialog(dialog)
        dialog.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_place(
        self, meeting_id: int, item_id: int | None, section: str = "", words: str = ""
    ) -> bool:
        """That meeting at that item (None: its people present), ``words`` shown in ``section``."""
        if self.session.meeting.id != meeting_id and not self.open_meeting(meeting_id):
            return False
        if item_id is None:
            self.attendance.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        item = next((i for i in self.session.meeting.items if i.id == item_id), None)
        if item is None:
            self.show_problem(self.tr("Punktet findes ikke længere i mødet"))
            return False
        self.agenda.select(self.agenda_model.index_of_item(item))
        if section:
            self.editor.reveal(section, words)
        return True

    # Attendance --------------------------------------------------------------------------

    def focus_agenda(self) -> None:
        self.agenda.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def search_person(self) -> None:
        self.attendance.focus_search()

    def focus_attendance(self) -> None:
        self.attendance.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.attendance.selected_entries():
            self.attendance.focus_first_match()

    def move_current(self, step: int) -> None:
        """Alt+Shift+Up/Down: the selected person in the attendance list, else the agenda row."""
        if self.attendance.view.hasFocus():
            self.attendance.move_selected(step)
        else:
            self.commands.move_current(step)

    def undo_elsewhere(self) -> None:
        """Ctrl+Z outside a text field: a removed person in the list, else the last delete."""
        if self.attendance.view.hasFocus() and self.attendance_model.removed:
            entry = self.attendance_model.undo_remove()
            if entry is not None:
                self.attendance.select_entry(entry)
            return
        self.safety.undo_delete()

    def ask_add_person(self) -> None:
        on_list = {entry.person.id for entry in self.session.meeting.attendance}
        committee = self.desk.committee_roster(self.session.meeting)
        ids = {person.id for person in committee}
        people = committee + [person for person in self.desk.people() if person.id not in ids]
        roster = [person for person in people if person.id not in on_list]
        dialog = AddPersonDialog(roster, self)
        dialog.chosen.connect(self.add_person)
        self.open_dialog(dialog)

    def add_person(self, person) -> None:
        index = self.attendance_model.add_person(person)
        if index.isValid():
            entry = self.attendance_model.entry_at(index)
            self.attendance.select_entry(entry)
            self.attendance.view.setFocus()

    # Changes since the referat was sent ---------------------------------------------------

    def show_changes_since_sent(self) -> None:
        """The open item's words changed since the referat was sent for approval."""
        item = self.editor.item
        if item is None:
            self.show_problem(self.tr("Vælg et punkt på dagsordenen først."))
            return
        self.autosaver.flush()  # what was just typed counts too
        meeting = self.session.meeting
        try:
            changes = self.desk.changes_since_sent(meeting.id, item.id)
        except AppError as error:
            self.show_problem(str(error))
            return
        label = next(
            (number for number, numbered in numbered_items(meeting) if numbered is item), ""
        )
        self.open_dialog(ChangesDialog(label.rstrip("."), changes, self))

    # Settings and help -------------------------------------------------------------------

    def edit_phrases(self) -> None:
        dialog = PhrasesDialog(self.session.decision_templates(), self)
        dialog.chosen.connect(self.phrases_chosen)
        self.open_dialog(dialog)

    def phrases_chosen(self, templates: list[str]) -> None:
        if self.session.set_decision_templates(templates):
            self.editor.refresh_phrases()

    def show_shortcuts(self) -> None:
        self.open_dialog(ShortcutsDialog(help_rows(), self))

    def show_about(self) -> None:
        from .. import version

        self.open_dialog(AboutDialog(version(), self.desk.locations(), self))

    # Saving ------------------------------------------------------------------------------

    def report_recovery(self) -> None:
        """Begin this run; after a crash say, until the next message, what is on disk."""
        try:
            unclean, last_saved = self.desk.begin_run()
        except AppError as error:
            self.show_problem(str(error))
            return
        if not unclean:
            return
        if last_saved is None:
            text = self.tr("Genoprettet efter nedbrud: intet var gemt endnu")
        else:
            text = self.tr("Genoprettet efter nedbrud: alt indtil kl. %s er gemt") % (
                last_saved.strftime("%H:%M:%S")
            )
        self.statusBar().showMessage(text)

    def saved(self) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        self.last_saved = now
        if not self.stamp_timer.isActive():
            self.stamp_timer.start()
        if self.autosaver.has_unsaved:
            return  # something else still waits for a retry: keep the warning up
        self.saved_label.setStyleSheet("color: #4b7f52; padding-right: 8px;")
        self.saved_label.setText(self.tr("Gemt %s") % now.strftime("%H:%M:%S"))

    def stamp_last_save(self) -> None:
        if self.last_saved is None:
            return
        try:
            self.desk.note_saved(self.last_saved)
        except AppError:
            pass  # the edit itself is saved; the next save stamps the time again

    def not_saved(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #b00020; font-weight: 600; padding-right: 8px;")
        self.saved_label.setText(self.tr("Ikke gemt"))
        self.show_problem(message)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("⚠ %s") % message, 10000)

    def open_dialog(self, dialog) -> None:
        """Open without blocking; the window keeps a reference so tests can reach it."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def focus_changed(self, old, new) -> None:
        if self.autosaver.has_unsaved:
            self.autosaver.flush()

    def closeEvent(self, event) -> None:
        if self.shut_down:  # closed once already: the run's end is written
            super().closeEvent(event)
            return
        if not self.close_guard.may_close():
            # The database refuses the last words: say so instead of closing over them.
            event.ignore()
            return
        self.jobs.shutdown(wait_seconds=2.0)  # a PDF is cancelled; a .docx has moments left
        self.panes.save()
        self.stamp_timer.stop()
        try:
            self.desk.end_run()
        except AppError:
            pass  # the next start says "recovered": true enough, and nothing is lost
        QApplication.instance().focusChanged.disconnect(self.focus_changed)
        self.shut_down = True
        super().closeEvent(event)

    # Dropped files -----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self.import_flow.dropped_document(event.mimeData()) is not None:
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self.import_flow.dropped_document(event.mimeData()) is not None:
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        path = self.import_flow.dropped_document(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.autosaver.flush()
        self.import_flow.import_dropped(path)
