"""The secretary's window: attendance | agenda | item editor, with the meeting bar on top.

The window owns the autosaver and flushes it whenever work could be lost or read back:
item switch, focus change, meeting switch, export and close. Layout (geometry and splitter
sizes) is remembered in QSettings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import AttendanceStatus, ItemStatus, Meeting, MeetingKind
from ..app import AppError, Desk, ExportFailed
from .agenda_model import AgendaModel
from .agenda_panel import AgendaPanel
from .attendance_model import AttendanceModel
from .attendance_panel import AttendancePanel
from .autosave import Autosaver
from .dialogs import (
    AddPersonDialog,
    MeetingsDialog,
    NewMeetingDialog,
    PhrasesDialog,
    ShortcutsDialog,
)
from .import_dialog import install_import_action
from .item_editor import ItemEditor
from .meeting_bar import MeetingBar
from .safety import WindowSafety
from .session import MeetingSession
from .shortcuts import ACTION_KEYS, help_rows

WIDE_WIDTH = 1600
"""From this window width on, attendance and agenda stand side by side instead of in tabs."""

MAX_WARNINGS_SHOWN = 8

EXPORT_KINDS = {
    "referat": (MeetingKind.REFERAT, ".docx"),
    "dagsorden": (MeetingKind.DAGSORDEN, ".docx"),
    "pdf": (MeetingKind.REFERAT, ".pdf"),
}


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
        self.dialog: QWidget | None = None
        self.last_export: Path | None = None
        self.close_anyway = False
        self.shown_once = False
        self.setMinimumSize(1000, 600)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setStyleSheet("color: #4b7f52; padding-right: 8px;")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_actions()
        self._build_menus()
        self.safety = WindowSafety(self)  # backups, restore, undo of deletes
        self.import_action = install_import_action(self)
        self._build_frame()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        if meeting_id is None:
            meetings = self.desk.list_meetings()
            meeting_id = meetings[0].id if meetings else None
        if meeting_id is None:
            meeting_id = self.desk.create_empty_meeting(self.tr("KKR"), dt.date.today())
        self.open_meeting(meeting_id)
        self._restore_layout()

    # Actions and menus -------------------------------------------------------------------

    def _action(self, name: str, text: str, slot) -> QAction:
        action = QAction(text, self)
        keys = ACTION_KEYS.get(name, ())
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self._action
        a("meetings", self.tr("&Møder …"), self.show_meetings)
        a("new_meeting", self.tr("&Nyt møde …"), self.ask_new_meeting)
        a("next_meeting", self.tr("Næste møde ud fra &dette …"), self.ask_next_meeting)
        a("export_referat", self.tr("&Referat (.docx) …"), lambda: self.export("referat"))
        a("export_dagsorden", self.tr("&Dagsorden (.docx) …"), lambda: self.export("dagsorden"))
        a("export_pdf", self.tr("&PDF …"), lambda: self.export("pdf"))
        a("quit", self.tr("&Afslut"), self.close)
        a("undo", self.tr("&Fortryd"), lambda: self._edit_command("undo"))
        a("redo", self.tr("&Gentag"), lambda: self._edit_command("redo"))
        a("phrases", self.tr("&Standardfraser …"), self.edit_phrases)
        a("start_meeting", self.tr("&Start mødet"), lambda: self.meeting_bar.start_meeting())
        a("end_meeting", self.tr("&Afslut mødet"), lambda: self.meeting_bar.end_meeting())
        a("all_present", self.tr("Alle &til stede"), lambda: self.attendance_model.all_present())
        a("add_person", self.tr("Tilføj &deltager …"), self.ask_add_person)
        a(
            "arrived_now",
            self.tr("Deltager &kom nu"),
            lambda: self.attendance.stamp_selected(arrived=True),
        )
        a(
            "left_now",
            self.tr("Deltager &gik nu"),
            lambda: self.attendance.stamp_selected(arrived=False),
        )
        a("next_item", self.tr("&Næste punkt"), lambda: self.go_to_item(+1))
        a("previous_item", self.tr("&Forrige punkt"), lambda: self.go_to_item(-1))
        a("decide", self.tr("Markér &afgjort og gå videre"), self.decide_current)
        a("in_progress", self.tr("Markér &under behandling"), self.mark_in_progress)
        a("new_item", self.tr("Nyt &punkt"), self.add_item)
        a("new_group", self.tr("Ny &gruppe"), self.add_group)
        a("move_up", self.tr("Flyt &op"), lambda: self.move_current(-1))
        a("move_down", self.tr("Flyt &ned"), lambda: self.move_current(+1))
        a("delete", self.tr("&Slet …"), self.ask_delete)
        a("focus_attendance", self.tr("&Deltagere"), self.focus_attendance)
        a("focus_agenda", self.tr("D&agsorden"), self.focus_agenda)
        a("focus_decision", self.tr("&Beslutning"), lambda: self.editor.focus_decision())
        a("search_person", self.tr("&Søg deltager"), self.search_person)
        a("shortcuts", self.tr("&Tastaturgenveje"), self.show_shortcuts)
        a("about", self.tr("&Om KKR Desk"), self.show_about)

    def _build_menus(self) -> None:
        named = self.actions_by_name
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Filer"))
        for name in ("meetings", "new_meeting", "next_meeting"):
            self.file_menu.addAction(named[name])
        # Import actions (the agenda importer) go just before this separator:
        # window.file_menu.insertAction(window.import_anchor, action).
        self.import_anchor = self.file_menu.addSeparator()
        self.export_menu = self.file_menu.addMenu(self.tr("&Eksportér"))
        for name in ("export_referat", "export_dagsorden", "export_pdf"):
            self.export_menu.addAction(named[name])
        self.file_menu.addSeparator()
        self.file_menu.addAction(named["quit"])
        edit = self.edit_menu = bar.addMenu(self.tr("&Rediger"))
        for name in ("undo", "redo"):
            edit.addAction(named[name])
        edit.addSeparator()
        edit.addAction(named["phrases"])
        meeting = bar.addMenu(self.tr("&Møde"))
        for name in (
            "start_meeting",
            "end_meeting",
            None,
            "all_present",
            "add_person",
            "arrived_now",
            "left_now",
        ):
            meeting.addSeparator() if name is None else meeting.addAction(named[name])
        item = bar.addMenu(self.tr("&Punkt"))
        for name in (
            "next_item",
            "previous_item",
            "decide",
            "in_progress",
            None,
            "new_item",
            "new_group",
            "move_up",
            "move_down",
            "delete",
        ):
            item.addSeparator() if name is None else item.addAction(named[name])
        view = bar.addMenu(self.tr("&Vis"))
        for name in ("focus_attendance", "focus_agenda", "focus_decision", "search_person"):
            view.addAction(named[name])
        help_menu = bar.addMenu(self.tr("&Hjælp"))
        help_menu.addAction(named["shortcuts"])
        help_menu.addAction(named["about"])

    # Opening a meeting -------------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> bool:
        """Show another meeting; everything typed in the current one is saved first."""
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
        self.session.saved.connect(self._saved)
        self.session.failed.connect(self._not_saved)
        self._build_workspace(meeting)
        self._update_title()
        # Reopened mid-meeting (or after a crash): continue where the meeting is.
        unfinished = [item for item in meeting.items if item.status is not ItemStatus.DECIDED]
        first = next(iter(unfinished or meeting.items), None)
        if first is not None:
            self.agenda.select(self.agenda_model.index_of_item(first))
        self.agenda.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.safety.meeting_opened(meeting_id)
        return True

    def _build_frame(self) -> None:
        """The panes that outlive a meeting switch: the splitters, the tabs, the stack.

        Wide windows show attendance | agenda | editor side by side; narrower ones (a
        1366×768 laptop) put attendance and agenda in tabs so both get room to read.
        """
        self.wide = False
        self.inner_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.inner_splitter.setChildrenCollapsible(False)
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.left_tabs)
        self.left_stack.addWidget(self.inner_splitter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_stack)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(self.body)

    def _build_workspace(self, meeting: Meeting) -> None:
        old = [
            getattr(self, name, None) for name in ("meeting_bar", "attendance", "agenda", "editor")
        ]
        self.agenda_model = AgendaModel(self.session, self)
        self.attendance_model = AttendanceModel(self.session, self)
        self.meeting_bar = MeetingBar(self.session, self.autosaver)
        self.attendance = AttendancePanel(self.attendance_model)
        self.agenda = AgendaPanel(self.agenda_model)
        self.editor = ItemEditor(self.session, self.autosaver)
        editor_state = old[3].splitter.saveState() if old[3] is not None else None
        self.left_tabs.clear()
        for widget in old:
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.body_layout.insertWidget(0, self.meeting_bar)
        self.splitter.addWidget(self.editor)
        if editor_state is not None:
            self.editor.splitter.restoreState(editor_state)
        self._place_lists(self.wide, force=True)
        self.agenda.view.selectionModel().currentChanged.connect(self._current_changed)
        self.agenda.add_item_button.clicked.connect(self.add_item)
        self.agenda.add_group_button.clicked.connect(self.add_group)
        self.agenda.up_button.clicked.connect(lambda: self.move_current(-1))
        self.agenda.down_button.clicked.connect(lambda: self.move_current(+1))
        self.agenda.delete_button.clicked.connect(self.ask_delete)
        self.agenda.view.deleteRequested.connect(self.ask_delete)
        self.agenda.view.activated.connect(self._item_activated)
        self.agenda_model.structureChanged.connect(self._renumber_editor)
        self.attendance.addPersonRequested.connect(self.ask_add_person)
        self.attendance_model.countsChanged.connect(self._update_attendance_tab)
        self.editor.itemChanged.connect(self.agenda_model.item_changed)
        self.editor.decideRequested.connect(self.decide_current)
        self.meeting_bar.committee_edit.editingFinished.connect(self._update_title)
        self.meeting_bar.date_edit.dateChanged.connect(lambda *_: self._update_title())

    def _place_lists(self, wide: bool, force: bool = False) -> None:
        """Put attendance and agenda side by side (wide) or in tabs (narrow)."""
        if wide == self.wide and not force:
            return
        self.wide = wide
        if wide:
            self.left_tabs.clear()
            self.inner_splitter.addWidget(self.attendance)
            self.inner_splitter.addWidget(self.agenda)
            self.attendance.show()
            self.agenda.show()
            self.left_stack.setCurrentWidget(self.inner_splitter)
        else:
            # QTabWidget shows only its current page; never show() the other one.
            self.left_tabs.addTab(self.agenda, self.tr("Dagsorden"))
            self.left_tabs.addTab(self.attendance, self.tr("Deltagere"))
            self.left_stack.setCurrentWidget(self.left_tabs)
        # In tabs the tab says what the pane is; side by side each pane has its heading.
        self.attendance.title_label.setVisible(wide)
        self.agenda.title_label.setVisible(wide)
        self._update_attendance_tab()
        self._share_width()

    def _update_attendance_tab(self) -> None:
        position = self.left_tabs.indexOf(self.attendance)
        if position >= 0:
            counts = self.attendance_model.counts()
            present = counts[AttendanceStatus.PRESENT]
            self.left_tabs.setTabText(
                position,
                self.tr("Deltagere (%d/%d)") % (present, len(self.session.meeting.attendance)),
            )

    def _share_width(self) -> None:
        """Default proportions for the current mode: the lists get more room when wide."""
        width = max(self.width(), 800)
        share = 0.56 if self.wide else 0.40
        self.splitter.setSizes([int(width * share), width - int(width * share)])
        if self.wide:
            self.inner_splitter.setSizes([int(width * 0.30), int(width * 0.26)])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.shown_once:
            # Start in the agenda, never in a text field where a stray key edits a name.
            self.shown_once = True
            QTimer.singleShot(0, self.focus_agenda)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_lists(event.size().width() >= WIDE_WIDTH)

    def _update_title(self) -> None:
        meeting = self.session.meeting
        committee = self.meeting_bar.committee_edit.text().strip() or meeting.committee
        date = self.meeting_bar.date_edit.date().toPython()
        self.setWindowTitle(self.tr("KKR Desk – %s %s") % (committee, date.strftime("%d-%m-%Y")))

    # The current item --------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.agenda_model.item_at(current)
        if item is self.editor.item:
            return
        number = self.agenda_model.number_of(item) if item is not None else ""
        self.editor.set_item(item, number)

    def _item_activated(self, index: QModelIndex) -> None:
        """Enter on an item in the tree: start writing its decision."""
        if self.agenda_model.item_at(index) is not None:
            self.editor.focus_decision()

    def _renumber_editor(self) -> None:
        if self.editor.item is not None:
            self.editor.set_number(self.agenda_model.number_of(self.editor.item))

    def select_item(self, item) -> None:
        self.agenda.select(self.agenda_model.index_of_item(item))

    def go_to_item(self, step: int) -> None:
        """Next / previous item (across groups) with the cursor in its Beslutning."""
        self.autosaver.flush()
        items = self.agenda_model.items_in_order()
        if not items:
            return
        current = self.editor.item
        if current in items:
            position = max(0, min(len(items) - 1, items.index(current) + step))
        else:
            position = 0 if step > 0 else len(items) - 1
        self.select_item(items[position])
        self.editor.focus_decision()

    def decide_current(self) -> None:
        item = self.editor.item
        if item is None:
            return
        self.autosaver.flush()
        if self.session.set_item_status(item, ItemStatus.DECIDED):
            self.agenda_model.item_changed(item)
            self.editor.show_status()
            items = self.agenda_model.items_in_order()
            if item in items and items.index(item) < len(items) - 1:
                self.go_to_item(+1)
            else:
                self.statusBar().showMessage(self.tr("Sidste punkt er afgjort"), 5000)

    def mark_in_progress(self) -> None:
        item = self.editor.item
        if item is not None and self.session.set_item_status(item, ItemStatus.IN_PROGRESS):
            self.agenda_model.item_changed(item)
            self.editor.show_status()

    # Agenda structure --------------------------------------------------------------------

    def add_item(self) -> None:
        """A new item after the selected one (or at the end of the selected group)."""
        self.autosaver.flush()
        index = self.agenda.current_index()
        group = self.agenda_model.group_at(index)
        position = None
        if group is None and index.isValid():
            group = self.agenda_model.group_at(index.parent())
            position = index.row() + 1
        if group is None:
            if not self.agenda_model.groups:
                self.add_group()
                return
            group = self.agenda_model.groups[-1]
        new = self.agenda_model.add_item(group, self.tr("Nyt punkt"), position)
        if new.isValid():
            self.agenda.select(new)
            self.editor.title_edit.setFocus()
            self.editor.title_edit.selectAll()

    def add_group(self) -> None:
        self.autosaver.flush()
        index = self.agenda.current_index()
        group = self.agenda_model.group_at(index) or self.agenda_model.group_at(index.parent())
        position = None
        if group is not None:
            position = self.agenda_model.index_of_group(group).row() + 1
        new = self.agenda_model.add_group(self.tr("Ny gruppe"), position)
        if new.isValid():
            self.agenda.select(new)
            self.agenda.view.edit(new)

    def move_current(self, step: int) -> None:
        self.autosaver.flush()
        index = self.agenda.current_index()
        if not index.isValid():
            return
        moved = self.agenda_model.move_up(index) if step < 0 else self.agenda_model.move_down(index)
        if moved:
            self.agenda.view.scrollTo(self.agenda.current_index())

    def ask_delete(self) -> None:
        index = self.agenda.current_index()
        if not index.isValid():
            return
        group = self.agenda_model.group_at(index)
        if group is not None:
            text = self.tr("Slet gruppen »%s« med alle dens %d punkter og deres tekst?") % (
                group.title,
                len(group.items),
            )
        else:
            text = (
                self.tr("Slet punktet »%s« med al dets tekst?")
                % self.agenda_model.item_at(index).title
            )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Slet"), text, parent=self)
        delete = box.addButton(self.tr("Slet"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
        persistent = QPersistentModelIndex(index)  # follows the row if others move meanwhile
        box.buttonClicked.connect(
            lambda button: self._delete(persistent) if button is delete else None
        )
        self._open_dialog(box)

    def _delete(self, index: QModelIndex) -> None:
        self.autosaver.flush()
        if self.agenda_model.item_at(index) is self.editor.item:
            self.editor.set_item(None)
        if self.agenda_model.delete(index):
            self.safety.deleted()

    # Attendance --------------------------------------------------------------------------

    def show_pane(self, pane: QWidget) -> None:
        if not self.wide:
            self.left_tabs.setCurrentWidget(pane)

    def focus_agenda(self) -> None:
        self.show_pane(self.agenda)
        self.agenda.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def search_person(self) -> None:
        self.show_pane(self.attendance)
        self.attendance.focus_search()

    def focus_attendance(self) -> None:
        self.show_pane(self.attendance)
        self.attendance.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.attendance.selected_entries():
            self.attendance.focus_first_match()

    def ask_add_person(self) -> None:
        on_list = {entry.person.id for entry in self.session.meeting.attendance}
        roster = [person for person in self.desk.people() if person.id not in on_list]
        dialog = AddPersonDialog(roster, self)
        dialog.chosen.connect(self._add_person)
        self._open_dialog(dialog)

    def _add_person(self, person) -> None:
        self.show_pane(self.attendance)
        index = self.attendance_model.add_person(person)
        if index.isValid():
            entry = self.attendance_model.entry_at(index)
            self.attendance.select_entry(entry)
            self.attendance.view.setFocus()

    # Meetings ----------------------------------------------------------------------------

    def show_meetings(self) -> None:
        self.autosaver.flush()
        dialog = MeetingsDialog(self.desk.list_meetings(), self.session.meeting.id, self)
        dialog.openRequested.connect(self.open_meeting)
        dialog.newRequested.connect(self.ask_new_meeting)
        dialog.nextRequested.connect(self.ask_next_meeting)
        self._open_dialog(dialog)

    def ask_new_meeting(self) -> None:
        dialog = NewMeetingDialog(
            self.session.meeting.committee, dt.date.today(), fixed_committee=False, parent=self
        )
        dialog.chosen.connect(self.create_meeting)
        self._open_dialog(dialog)

    def create_meeting(self, committee: str, date: dt.date) -> None:
        ok, meeting_id = self.session.write(
            lambda: self.desk.create_empty_meeting(committee, date)
        )
        if ok:
            self.open_meeting(meeting_id)

    def ask_next_meeting(self, meeting_id: int | None = None) -> None:
        self.autosaver.flush()
        source_id = meeting_id if meeting_id is not None else self.session.meeting.id
        try:
            source = self.desk.load_meeting(source_id)
        except AppError as error:
            self.show_problem(str(error))
            return
        dialog = NewMeetingDialog(
            source.committee,
            source.date + dt.timedelta(weeks=8),
            fixed_committee=True,
            parent=self,
        )
        dialog.chosen.connect(lambda _, date: self.create_next_meeting(source_id, date))
        self._open_dialog(dialog)

    def create_next_meeting(self, source_id: int, date: dt.date) -> None:
        ok, meeting_id = self.session.write(lambda: self.desk.create_next_meeting(source_id, date))
        if ok:
            self.open_meeting(meeting_id)

    # Export ------------------------------------------------------------------------------

    def ask_save_path(self, caption: str, suggested: Path, name_filter: str) -> Path | None:
        """The save dialog; tests replace this method instead of clicking a native dialog."""
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), name_filter)
        return Path(chosen) if chosen else None

    def export(self, which: str) -> Path | None:
        """Write the referat, dagsorden or PDF, then offer to open it."""
        self.autosaver.flush()
        kind, suffix = EXPORT_KINDS[which]
        meeting = self.session.meeting
        word = self.tr("Referat") if kind is MeetingKind.REFERAT else self.tr("Dagsorden")
        suggested = self._export_folder() / (
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
        self.statusBar().showMessage(self.tr("Eksporterer %s …") % path.name)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.safety.before_export()
        try:
            # Export what is in the database, the one source of truth.
            warnings = self.desk.export(self.desk.load_meeting(meeting.id), path, kind)
        except (ExportFailed, AppError) as error:
            self.show_problem(str(error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("%s er gemt") % path.name, 8000)
        self.settings.setValue("export/folder", str(path.parent))
        self.last_export = path
        self._offer_to_open(path, warnings)
        return path

    def _export_folder(self) -> Path:
        folder = self.settings.value("export/folder", "")
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def _offer_to_open(self, path: Path, warnings: list[str]) -> None:
        text = self.tr("%s er gemt.") % path.name
        if warnings:
            shown = warnings[:MAX_WARNINGS_SHOWN]
            text += "\n\n" + self.tr("Bemærk:") + "\n" + "\n".join(f"• {w}" for w in shown)
            if len(warnings) > len(shown):
                text += "\n" + self.tr("… og %d mere") % (len(warnings) - len(shown))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Eksporteret"), text, parent=self)
        open_button = box.addButton(self.tr("Åbn filen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Luk"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self.open_file(path) if button is open_button else None
        )
        self._open_dialog(box)

    def open_file(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_problem(self.tr("Filen kunne ikke åbnes: %s") % path)

    # Settings and help -------------------------------------------------------------------

    def edit_phrases(self) -> None:
        dialog = PhrasesDialog(self.session.decision_templates(), self)
        dialog.chosen.connect(self._phrases_chosen)
        self._open_dialog(dialog)

    def _phrases_chosen(self, templates: list[str]) -> None:
        if self.session.set_decision_templates(templates):
            self.editor.refresh_phrases()

    def show_shortcuts(self) -> None:
        self._open_dialog(ShortcutsDialog(help_rows(), self))

    def show_about(self) -> None:
        from .. import __version__

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Om KKR Desk"),
            self.tr(
                "KKR Desk %s\nDeltagere, dagsorden og beslutninger til KKR-møder.\n\nDatabase: %s"
            )
            % (__version__, self.desk.database_path),
            parent=self,
        )
        self._open_dialog(box)

    def _open_dialog(self, dialog) -> None:
        """Open without blocking; the window keeps a reference so tests can reach it."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _close_anyway(self) -> None:
        self.close_anyway = True
        self.close()

    def _edit_command(self, command: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, command):
            getattr(widget, command)()
        elif command == "undo":
            self.safety.undo_delete()  # outside a text field, Ctrl+Z brings back a delete

    # Saving ------------------------------------------------------------------------------

    def _saved(self) -> None:
        if self.autosaver.has_unsaved:
            return  # something else still waits for a retry: keep the warning up
        self.saved_label.setStyleSheet("color: #4b7f52; padding-right: 8px;")
        self.saved_label.setText(self.tr("Gemt %s") % dt.datetime.now().strftime("%H:%M:%S"))

    def _not_saved(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #b00020; font-weight: 600; padding-right: 8px;")
        self.saved_label.setText(self.tr("Ikke gemt"))
        self.show_problem(message)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("⚠ %s") % message, 10000)

    def _focus_changed(self, old, new) -> None:
        if self.autosaver.has_unsaved:
            self.autosaver.flush()

    def closeEvent(self, event) -> None:
        self.autosaver.flush()
        if self.autosaver.has_unsaved and not self.close_anyway:
            # The database refuses the last words: say so instead of closing over them.
            event.ignore()
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Ikke gemt"),
                self.tr(
                    "Noget af det skrevne kunne ikke gemmes i databasen. Luk alligevel "
                    "(teksten går tabt), eller bliv og prøv igen?"
                ),
                parent=self,
            )
            close = box.addButton(self.tr("Luk alligevel"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Bliv"), QMessageBox.ButtonRole.RejectRole)
            box.buttonClicked.connect(
                lambda button: self._close_anyway() if button is close else None
            )
            self._open_dialog(box)
            return
        self._save_layout()
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)

    # Layout ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            self._place_lists(self.width() >= WIDE_WIDTH)
            for key, splitter in (
                ("window/splitter", self.splitter),
                ("window/listsSplitter", self.inner_splitter),
                ("window/editorSplitter", self.editor.splitter),
            ):
                state = self.settings.value(key)
                if isinstance(state, QByteArray):
                    splitter.restoreState(state)
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = (screen.width(), screen.height()) if screen else (1366, 768)
        if width > 1440:
            # A large screen: most of it, leaving room around the window.
            width, height = int(width * 0.92), int(height * 0.92)
        self.resize(width, height)
        self._place_lists(width >= WIDE_WIDTH)
        self._share_width()

    def _save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/listsSplitter", self.inner_splitter.saveState())
        self.settings.setValue("window/editorSplitter", self.editor.splitter.saveState())
        self.settings.sync()
