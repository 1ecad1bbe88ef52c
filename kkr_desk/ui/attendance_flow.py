"""The window's attendance commands that reach beyond the list: adding a person from the
committee's roster (or anyone in the database), and the keys the list shares with the
agenda (Ctrl+Z, Alt+Shift+Up/Down), which act on whichever of the two has the focus."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ..app import Desk
from .agenda_commands import AgendaCommands
from .attendance_model import AttendanceModel
from .attendance_panel import AttendancePanel
from .session import MeetingSession


class AttendanceFlow(QObject):
    def __init__(
        self,
        parent: QWidget,
        desk: Desk,
        session: Callable[[], MeetingSession],
        panel: Callable[[], AttendancePanel],
        model: Callable[[], AttendanceModel],
        commands: Callable[[], AgendaCommands],
        undo_delete: Callable[[], object],
        open_dialog: Callable[[object], None],
    ):
        """The getters give the open meeting's parts (they change with it)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.desk = desk
        self.session = session
        self.panel = panel
        self.model = model
        self.commands = commands
        self.undo_delete = undo_delete
        self.open_dialog = open_dialog

    def focus_list(self) -> None:
        panel = self.panel()
        panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not panel.selected_entries():
            panel.focus_first_match()

    def move_current(self, step: int) -> None:
        """Alt+Shift+Up/Down: the selected person in the attendance list, else the agenda row."""
        if self.panel().view.hasFocus():
            self.panel().move_selected(step)
        else:
            self.commands().move_current(step)

    def undo(self) -> None:
        """Ctrl+Z outside a text field: a removed person in the list, else the last delete."""
        if self.panel().view.hasFocus() and self.model().removed:
            entry = self.model().undo_remove()
            if entry is not None:
                self.panel().select_entry(entry)
            return
        self.undo_delete()

    def ask_add_person(self) -> None:
        """The committee's roster first, then everyone else the database knows."""
        meeting = self.session().meeting
        on_list = {entry.person.id for entry in meeting.attendance}
        committee = self.desk.committee_roster(meeting)
        ids = {person.id for person in committee}
        people = committee + [person for person in self.desk.people() if person.id not in ids]
        roster = [person for person in people if person.id not in on_list]
        from .dialogs import AddPersonDialog  # on first use: not needed at start-up

        dialog = AddPersonDialog(roster, self.parent_widget)
        dialog.chosen.connect(self.add_person)
        self.open_dialog(dialog)

    def add_person(self, person) -> None:
        index = self.model().add_person(person)
        if index.isValid():
            self.panel().select_entry(self.model().entry_at(index))
            self.panel().view.setFocus()
