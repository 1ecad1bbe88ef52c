"""The secretary's window: attendance | agenda | item editor, with the meeting bar on top.

The window builds the frame and wires the parts, each of which gets what it needs in its
constructor (docs/architecture.md lists them: actions and menus, layout, export, import and
drops, backups and undo, the meeting's life, committees, attendance, places and search,
the saving status, the close guard). The window owns the autosaver and flushes it whenever
work could be lost or read back: item switch, focus change, meeting switch, export, close.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .. import version
from ..app import AppError, Desk
from ..domain import ItemStatus, Meeting
from .agenda_commands import AgendaCommands
from .agenda_model import AgendaModel
from .agenda_panel import AgendaPanel
from .attendance_flow import AttendanceFlow
from .attendance_model import AttendanceModel
from .attendance_panel import AttendancePanel
from .autosave import Autosaver
from .close_guard import CloseGuard
from .committee_flow import CommitteeFlow
from .edit_commands import EditCommands
from .export_flow import ExportFlow
from .import_flow import ImportFlow
from .item_editor import ItemEditor
from .job_status import JobStatus
from .jobs import JobRunner
from .meeting_bar import MeetingBar
from .meeting_flow import MeetingFlow
from .meeting_life_flow import MeetingLifeFlow
from .place_flow import PlaceFlow
from .place_keeper import PlaceKeeper
from .safety import WindowSafety
from .save_status import SaveStatus
from .session import MeetingSession
from .settings_flow import SettingsFlow
from .window_actions import build_actions, build_menus
from .window_dialogs import about_dialog, shortcuts_dialog
from .window_layout import WindowLayout


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
        self.setMinimumSize(1000, 600)
        self.save_status = SaveStatus(self, self.desk, self.autosaver, self.show_problem)
        self.saved_label = self.save_status.label
        self.place_keeper = PlaceKeeper(self, self.desk, self.show_problem)
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
        self.job_status = JobStatus()
        self.statusBar().addPermanentWidget(self.job_status)
        self.import_flow = ImportFlow(
            self, self.desk, self.jobs, self.job_status, self.open_meeting, menus.file_menu,
            menus.import_anchor,
        )
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
        self.attendance_flow = AttendanceFlow(
            self, self.desk, lambda: self.session, lambda: self.attendance,
            lambda: self.attendance_model, lambda: self.commands, self.safety.undo_delete,
            self.open_dialog,
        )
        self.places = PlaceFlow(
            self, self.desk, self.autosaver, lambda: self.session,
            lambda: (self.attendance, self.agenda, self.agenda_model, self.editor),
            self.open_meeting, self.open_dialog, self.show_problem,
        )
        self.edit_commands = EditCommands(undo_elsewhere=self.attendance_flow.undo)
        self.life_flow = MeetingLifeFlow(
            self, self.autosaver, self.actions_by_name, lambda: self.session,
            lambda: [self.meeting_bar, self.attendance, self.agenda, self.editor],
            self.open_dialog, show_status=lambda: self.editor.show_status(),
        )
        self.committee_flow = CommitteeFlow(
            self, self.desk, lambda: self.session, self.open_meeting, self.open_dialog,
            deleted=self.safety.deleted)
        self.settings_flow = SettingsFlow(  # Rediger ▸ Standardfraser, Indstillinger
            self, self.desk, menus.edit_menu, lambda: self.session, lambda: self.editor,
            self.open_dialog,
        )
        self.close_guard = CloseGuard(self, self.autosaver, self.open_dialog)
        self.panes = WindowLayout(self, self.settings)
        self.import_flow.take_drops(self, before=self.autosaver.flush)
        QApplication.instance().focusChanged.connect(self.focus_changed)
        item_id = None
        if meeting_id is None:
            meeting_id, item_id = self.desk.where_left_off()
        if meeting_id is None:
            meeting_id = self.desk.create_empty_meeting(self.tr("KKR"), dt.date.today())
        self.open_meeting(meeting_id, item_id)
        self.panes.restore()
        self.save_status.begin_run()

    def action_slots(self) -> dict:
        """What each action in window_actions.ACTION_TEXTS does."""
        return {
            "meetings": lambda: self.meeting_flow.show_meetings(),
            "new_meeting": lambda: self.meeting_flow.ask_new_meeting(),
            "next_meeting": lambda: self.meeting_flow.ask_next_meeting(),
            "export_referat": lambda: self.export_flow.export("referat"),
            "export_dagsorden": lambda: self.export_flow.export("dagsorden"),
            "export_pdf": lambda: self.export_flow.export("pdf"),
            "export_changes": lambda: self.export_flow.export("changes"),
            "quit": self.close,
            "undo": lambda: self.edit_commands.undo(),
            "redo": lambda: self.edit_commands.redo(),
            "phrases": lambda: self.settings_flow.edit_phrases(),
            "committee": lambda: self.committee_flow.edit_committee(),
            "start_meeting": lambda: self.meeting_bar.start_meeting(),
            "end_meeting": lambda: self.meeting_bar.end_meeting(),
            "send_for_approval": lambda: self.life_flow.ask_send(),
            "approve": lambda: self.life_flow.ask_approve(),
            "reopen": lambda: self.life_flow.ask_reopen(),
            "all_present": lambda: self.attendance_model.all_present(),
            "add_person": lambda: self.attendance_flow.ask_add_person(),
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
            "move_up": lambda: self.attendance_flow.move_current(-1),
            "move_down": lambda: self.attendance_flow.move_current(+1),
            "delete": lambda: self.commands.ask_delete(),
            "focus_attendance": lambda: self.attendance_flow.focus_list(),
            "focus_agenda": self.focus_agenda,
            "focus_decision": lambda: self.editor.focus_decision(),
            "search_person": lambda: self.attendance.focus_search(),
            "changes_since_sent": lambda: self.places.show_changes_since_sent(),
            "search_all": lambda: self.places.search_all(),
            "shortcuts": lambda: self.open_dialog(shortcuts_dialog(self)),
            "about": lambda: self.open_dialog(about_dialog(version(), self.desk, self)),
        }

    # Opening a meeting -------------------------------------------------------------------

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
        self.session.saved.connect(self.save_status.saved)
        self.session.failed.connect(self.save_status.not_saved)
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
        self.place_keeper.shown(self.session.meeting.id, item.id if item else None)

    def build_workspace(self, meeting: Meeting) -> None:
        """The open meeting's panes and models, placed by the layout, wired to the commands."""
        self.agenda_model = AgendaModel(self.session, self)
        self.attendance_model = AttendanceModel(self.session, self)
        self.meeting_bar = MeetingBar(self.session, self.autosaver)
        self.attendance = AttendancePanel(self.attendance_model)
        self.agenda = AgendaPanel(self.agenda_model)
        self.editor = ItemEditor(self.session, self.autosaver)
        self.editor.placeRequested.connect(self.places.open_place)
        self.panes.set_workspace(self.meeting_bar, self.attendance, self.agenda, self.editor)
        self.commands = AgendaCommands(
            self, self.session, self.agenda, self.editor, self.autosaver,
            open_dialog=self.open_dialog, deleted=self.safety.deleted,
        )
        self.attendance.addPersonRequested.connect(self.attendance_flow.ask_add_person)
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

    def focus_agenda(self) -> None:
        self.agenda.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
        self.place_keeper.flush()
        self.jobs.shutdown(wait_seconds=2.0)  # a PDF is cancelled; a .docx has moments left
        self.panes.save()
        self.save_status.end_run()
        QApplication.instance().focusChanged.disconnect(self.focus_changed)
        self.shut_down = True
        super().closeEvent(event)
