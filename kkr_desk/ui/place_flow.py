"""Going to a place in any meeting: Søg i alle møder (Ctrl+Shift+F), the item editor's
"Tidligere behandlet" links, and the open item's changes since the referat was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ..app import AppError, Desk
from ..domain.agenda import numbered_items
from .agenda_model import AgendaModel
from .agenda_panel import AgendaPanel
from .attendance_panel import AttendancePanel
from .autosave import Autosaver
from .item_editor import ItemEditor
from .session import MeetingSession

if TYPE_CHECKING:
    from .changes_dialog import ChangesDialog


class PlaceFlow(QObject):
    def __init__(
        self,
        parent: QWidget,
        desk: Desk,
        autosaver: Autosaver,
        session: Callable[[], MeetingSession],
        panes: Callable[[], tuple[AttendancePanel, AgendaPanel, AgendaModel, ItemEditor]],
        open_meeting: Callable[[int], bool],
        open_dialog: Callable[[object], None],
        show_problem: Callable[[str], None],
    ):
        """``panes()`` gives the open meeting's attendance, agenda, agenda model and editor."""
        super().__init__(parent)
        self.parent_widget = parent
        self.desk = desk
        self.autosaver = autosaver
        self.session = session
        self.panes = panes
        self.open_meeting = open_meeting
        self.open_dialog = open_dialog
        self.show_problem = show_problem

    def search_all(self) -> None:
        """Søg i alle møder; Escape there comes back to this meeting and item."""
        from .search_panel import SearchDialog  # QStyle and QTextDocument's layout: ~80 ms

        item = self.panes()[3].item
        origin = (self.session().meeting.id, item.id if item is not None else None)
        dialog = SearchDialog(
            lambda text, limit: self.desk.search(text, prefix_last=True, limit=limit),
            self.parent_widget,
        )
        dialog.placeChosen.connect(self.open_place)
        dialog.returnRequested.connect(lambda: self.open_place(*origin))
        self.open_dialog(dialog)
        dialog.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_place(
        self, meeting_id: int, item_id: int | None, section: str = "", words: str = ""
    ) -> bool:
        """That meeting at that item (None: its people present), ``words`` shown in ``section``."""
        if self.session().meeting.id != meeting_id and not self.open_meeting(meeting_id):
            return False
        attendance, agenda, agenda_model, editor = self.panes()
        if item_id is None:
            attendance.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        item = next((i for i in self.session().meeting.items if i.id == item_id), None)
        if item is None:
            self.show_problem(self.tr("Punktet findes ikke længere i mødet"))
            return False
        agenda.select(agenda_model.index_of_item(item))
        if section:
            editor.reveal(section, words)
        return True

    def show_changes_since_sent(self) -> None:
        """The open item's words changed since the referat was sent for approval."""
        item = self.panes()[3].item
        if item is None:
            self.show_problem(self.tr("Vælg et punkt på dagsordenen først."))
            return
        self.autosaver.flush()  # what was just typed counts too
        meeting = self.session().meeting
        try:
            changes = self.desk.changes_since_sent(meeting.id, item.id)
        except AppError as error:
            self.show_problem(str(error))
            return
        label = next(
            (number for number, numbered in numbered_items(meeting) if numbered is item), ""
        )
        from .changes_dialog import ChangesDialog  # dialogs load on first use

        self.open_dialog(ChangesDialog(label.rstrip("."), changes, self.parent_widget))
