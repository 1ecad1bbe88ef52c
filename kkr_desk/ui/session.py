"""The open meeting as the window sees it: the domain objects plus the store that keeps them.

Every widget and model edits through this object, which writes one small transaction to
the store and then updates the in-memory Meeting. A write that fails leaves the meeting as
it was and reports a Danish message; nothing here raises into Qt's event loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from ..domain import (
    AgendaItem,
    Attendance,
    ItemStatus,
    Meeting,
    Section,
)
from ..store import Store, StoreError, StoreWriteError

T = TypeVar("T")


class MeetingSession(QObject):
    """One meeting open in the window, written through to the store edit by edit."""

    saved = Signal()
    """A write reached the database."""
    failed = Signal(str)
    """A write was refused; the text says why, in Danish."""

    def __init__(self, store: Store, meeting: Meeting, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting = meeting

    # Writing -----------------------------------------------------------------------------

    def write(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one store call; (True, result) when it committed, (False, None) when refused."""
        try:
            result = action()
        except StoreWriteError as error:
            # Locked by another program, disk full, file gone: the words stay in the window
            # and the autosaver tries again.
            self.failed.emit(
                self.tr("Databasen kunne ikke gemme (%s); der prøves igen om lidt")
                % (error.__cause__ or error),
            )
            return False, None
        except StoreError as error:
            self.failed.emit(str(error))
            return False, None
        self.saved.emit()
        return True, result

    # Meeting -----------------------------------------------------------------------------

    def save_meeting_details(self, **changes: object) -> bool:
        """Change the meeting's own fields (committee, date, start_time, end_time, place)."""
        old = {name: getattr(self.meeting, name) for name in changes}
        for name, value in changes.items():
            setattr(self.meeting, name, value)
        ok, _ = self.write(lambda: self.store.update_meeting_details(self.meeting))
        if not ok:
            for name, value in old.items():
                setattr(self.meeting, name, value)
        return ok

    # Attendance --------------------------------------------------------------------------

    def save_attendance(self, entry: Attendance) -> bool:
        ok, _ = self.write(lambda: self.store.set_attendance(self.meeting.id, entry))
        return ok

    # Sections and items ------------------------------------------------------------------

    def save_section(self, section: Section, body: str) -> bool:
        ok, _ = self.write(lambda: self.store.set_section_body(section.id, body))
        if ok:
            section.body = body
        return ok

    def add_section(self, item: AgendaItem, heading: str) -> Section | None:
        ok, section = self.write(lambda: self.store.add_section(item.id, heading))
        if ok:
            item.sections.append(section)
        return section

    def save_item_fields(self, item: AgendaItem, **fields: str) -> bool:
        ok, _ = self.write(lambda: self.store.update_item_fields(item.id, **fields))
        if ok:
            for name, value in fields.items():
                setattr(item, name, value.strip())
        return ok

    def set_item_status(self, item: AgendaItem, status: ItemStatus) -> bool:
        now = dt.datetime.now().replace(microsecond=0)
        ok, _ = self.write(lambda: self.store.set_item_status(item.id, status, at=now))
        if ok:
            item.status = status
            if status is ItemStatus.IN_PROGRESS:
                item.taken_up_at = now
            if status is ItemStatus.DECIDED:
                item.decided_at = now
        return ok

    # Settings ----------------------------------------------------------------------------

    def decision_templates(self) -> list[str]:
        return self.store.decision_templates()

    def set_decision_templates(self, templates: list[str]) -> bool:
        ok, _ = self.write(lambda: self.store.set_decision_templates(templates))
        return ok
