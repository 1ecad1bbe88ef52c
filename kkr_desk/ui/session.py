"""The open meeting as the window sees it: the app layer's MeetingEditor with Qt signals.

Every widget and model edits through this object; the editor writes one small transaction
and then updates the in-memory Meeting. A write that fails leaves the meeting as it was and
reports a Danish message; nothing here raises into Qt's event loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from ..app import AppError, MeetingEditor, WriteFailed
from ..domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    ItemStatus,
    Meeting,
    Section,
)
from ..domain.meeting_life import MeetingState, OpenItems, StateChange, StateStep

T = TypeVar("T")


class MeetingSession(QObject):
    """One meeting open in the window, written through to the store edit by edit."""

    saved = Signal()
    """A write reached the database."""
    failed = Signal(str)
    """A write was refused; the text says why, in Danish."""
    stateChanged = Signal()
    """The meeting moved on in its life, or was reopened."""

    def __init__(self, editor: MeetingEditor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor

    @property
    def meeting(self) -> Meeting:
        return self.editor.meeting

    # Writing -----------------------------------------------------------------------------

    def write(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one app-layer call; (True, result) when it committed, (False, None) when refused."""
        try:
            result = action()
        except WriteFailed as error:
            # Locked by another program, disk full, file gone: the words stay in the window
            # and the autosaver tries again.
            self.failed.emit(
                self.tr("Databasen kunne ikke gemme (%s); der prøves igen om lidt")
                % (error.__cause__ or error),
            )
            return False, None
        except AppError as error:
            self.failed.emit(str(error))
            return False, None
        self.saved.emit()
        return True, result

    # The meeting's life -----------------------------------------------------------------

    @property
    def state(self) -> MeetingState:
        return self.editor.state

    @property
    def frozen(self) -> bool:
        return self.editor.frozen

    def history(self) -> list[StateChange]:
        return self.editor.history()

    def take_step(self, step: StateStep, **details: str) -> bool:
        ok, _ = self.write(lambda: self.editor.take_step(step, **details))
        if ok:
            self.stateChanged.emit()
        return ok

    def start_meeting(self) -> bool:
        """F5: under way from now (to the minute)."""
        ok, _ = self.write(lambda: self.editor.start_meeting(_now_to_minute()))
        self.stateChanged.emit()  # the step may have gone through even if the time did not
        return ok

    def end_meeting(self, open_items: OpenItems | None = None) -> bool:
        """Shift+F5: held, ending now; ``open_items``: what items under behandling become."""
        ok, _ = self.write(lambda: self.editor.end_meeting(_now_to_minute(), open_items))
        self.stateChanged.emit()
        return ok

    # Meeting -----------------------------------------------------------------------------

    def save_meeting_details(self, **changes: object) -> bool:
        """Change the meeting's own fields (committee, date, start_time, end_time, place);
        ``new_committee=True`` when the secretary asked for a committee of a new name."""
        ok, _ = self.write(lambda: self.editor.save_meeting_details(**changes))
        return ok

    def known_committee(self, name: str) -> str | None:
        """The committee's name as stored, when ``name`` means one (case, spacing aside)."""
        return self.editor.known_committee(name)

    def committee_names(self) -> list[str]:
        return self.editor.committee_names()

    # Attendance --------------------------------------------------------------------------

    def save_attendance(self, entry: Attendance) -> bool:
        ok, _ = self.write(lambda: self.editor.save_attendance(entry))
        return ok

    def put_person(self, entry: Attendance, position: int | None = None) -> int | None:
        """Put someone on the list; the row, or None when refused."""
        return self.write(lambda: self.editor.put_person(entry, position))[1]

    def remove_person(self, entry: Attendance) -> int | None:
        return self.write(lambda: self.editor.remove_person(entry))[1]

    def move_person(self, entry: Attendance, step: int) -> bool:
        ok, moved = self.write(lambda: self.editor.move_person(entry, step))
        return bool(ok and moved)

    # Sections and items ------------------------------------------------------------------

    def stamp_presence(self, entry: Attendance, *, coming: bool) -> bool:
        ok, _ = self.write(lambda: self.editor.stamp_presence(entry, coming=coming))
        return ok

    def set_clock(self, entry: Attendance, *, arrived: bool, at) -> bool:
        ok, _ = self.write(lambda: self.editor.set_clock(entry, arrived=arrived, at=at))
        return ok

    def standing_substitute(self, member: Attendance):
        """The member's stedfortræder in the committee's roster (None: none named)."""
        return self.editor.standing_substitute(member)

    def set_substitute(self, member: Attendance, person) -> Attendance | None:
        return self.write(lambda: self.editor.set_substitute(member, person))[1]

    def set_inhabil(self, item: AgendaItem, person, inhabil: bool = True) -> bool:
        ok, _ = self.write(lambda: self.editor.set_inhabil(item, person, inhabil))
        return ok

    def set_vote(self, item: AgendaItem, vote) -> bool:
        ok, _ = self.write(lambda: self.editor.set_vote(item, vote))
        return ok

    def add_remark(self, item: AgendaItem, remark) -> bool:
        ok, _ = self.write(lambda: self.editor.add_remark(item, remark))
        return ok

    def save_section(self, section: Section, body: str) -> bool:
        ok, _ = self.write(lambda: self.editor.save_section(section, body))
        return ok

    def add_section(self, item: AgendaItem, heading: str) -> Section | None:
        ok, section = self.write(lambda: self.editor.add_section(item, heading))
        return section

    def save_item_fields(self, item: AgendaItem, **fields: str) -> bool:
        ok, _ = self.write(lambda: self.editor.save_item_fields(item, **fields))
        return ok

    def set_item_status(self, item: AgendaItem, status: ItemStatus) -> bool:
        ok, _ = self.write(lambda: self.editor.set_item_status(item, status))
        return ok

    # Agenda structure --------------------------------------------------------------------

    def add_group(self, title: str, position: int | None = None) -> AgendaGroup | None:
        return self.write(lambda: self.editor.add_group(title, position))[1]

    def add_item(
        self, group: AgendaGroup, title: str, position: int | None = None
    ) -> AgendaItem | None:
        return self.write(lambda: self.editor.add_item(group, title, position))[1]

    def rename_group(self, group: AgendaGroup, title: str) -> bool:
        ok, _ = self.write(lambda: self.editor.rename_group(group, title))
        return ok

    def delete_group(self, group: AgendaGroup) -> bool:
        ok, _ = self.write(lambda: self.editor.delete_group(group))
        return ok

    def delete_item(self, item: AgendaItem) -> bool:
        ok, _ = self.write(lambda: self.editor.delete_item(item))
        return ok

    def move_item(self, item: AgendaItem, target: AgendaGroup, position: int) -> bool:
        ok, moved = self.write(lambda: self.editor.move_item(item, target, position))
        return bool(ok and moved)

    def move_group(self, group: AgendaGroup, position: int) -> bool:
        ok, moved = self.write(lambda: self.editor.move_group(group, position))
        return bool(ok and moved)

    # The case over time ------------------------------------------------------------------

    def earlier_treatments(self, item: AgendaItem) -> list:
        """Other meetings' items with this case number; none when it cannot be read."""
        try:
            return self.editor.earlier_treatments(item)
        except AppError:  # the item was deleted meanwhile: nothing to link to
            return []

    # Settings ----------------------------------------------------------------------------

    def decision_templates(self) -> list[str]:
        return self.editor.decision_templates()

    def set_decision_templates(self, templates: list[str]) -> bool:
        ok, _ = self.write(lambda: self.editor.set_decision_templates(templates))
        return ok


def _now_to_minute() -> dt.time:
    return dt.datetime.now().time().replace(second=0, microsecond=0)
