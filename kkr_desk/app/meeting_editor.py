"""Every change a secretary makes to the open meeting, one method each (no Qt here).

Each method checks the change with the domain's rules, writes it through the store in one
transaction and only then applies the same domain operation to the in-memory Meeting,
telling the listeners before and after (see ``changes``). A refused write raises
``AppError`` (``WriteFailed`` when the disk or a lock is to blame) and leaves the Meeting
as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    PresenceEvent,
    ProtocolRemark,
    Section,
    Vote,
    agenda_order,
    record,
)
from ..store import Store
from ..store import StoreError as AppError
from .changes import (
    AttendanceChanged,
    Change,
    GroupAdded,
    GroupMoved,
    GroupRemoved,
    GroupRenamed,
    ItemAdded,
    ItemChanged,
    ItemMoved,
    ItemRemoved,
    Listener,
    MeetingDetailsChanged,
    SectionChanged,
)


class MeetingEditor:
    """One meeting, kept equal to its rows in the database edit by edit."""

    def __init__(self, store: Store, meeting: Meeting):
        self._store = store
        self.meeting = meeting
        self._listeners: list[Listener] = []

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def forget(self, listener: Listener) -> None:
        self._listeners = [other for other in self._listeners if other is not listener]

    def _apply(self, change: Change, apply) -> None:
        for listener in list(self._listeners):
            listener.changing(change)
        apply()
        for listener in list(self._listeners):
            listener.changed(change)

    # Meeting -----------------------------------------------------------------------------

    def save_meeting_details(self, **changes: object) -> None:
        """Change the meeting's own fields (committee, date, start_time, end_time, place)."""
        old = {name: getattr(self.meeting, name) for name in changes}
        for name, value in changes.items():
            setattr(self.meeting, name, value)
        try:
            self._store.update_meeting_details(self.meeting)
        except BaseException:
            for name, value in old.items():
                setattr(self.meeting, name, value)
            raise
        self._apply(MeetingDetailsChanged(), lambda: None)

    # Attendance --------------------------------------------------------------------------

    def save_attendance(self, entry: Attendance) -> None:
        self._store.set_attendance(self.meeting.id, entry)
        self._apply(AttendanceChanged(entry), lambda: None)

    def stamp_presence(
        self, entry: Attendance, *, coming: bool, at: dt.time | None = None
    ) -> PresenceEvent:
        """Kom nu / Gik nu: an arrival, return or departure at the item under behandling."""
        at = at or dt.datetime.now().time().replace(second=0, microsecond=0)
        kind = self._checked(lambda: record.next_event_kind(entry, coming=coming))
        event = PresenceEvent(kind, at, record.current_item(self.meeting))
        status = AttendanceStatus.PRESENT if coming else entry.status
        self.set_events(entry, [*entry.events, event], status=status)
        return event

    def set_events(
        self,
        entry: Attendance,
        events: list[PresenceEvent],
        *,
        status: AttendanceStatus | None = None,
    ) -> None:
        """Replace a person's arrivals and departures (their times edited by hand)."""
        self._checked(lambda: record.check_events(entry, events))
        status = status or entry.status
        self._store.set_attendance(self.meeting.id, replace(entry, events=events, status=status))

        def apply() -> None:
            entry.events = list(events)
            entry.status = status

        self._apply(AttendanceChanged(entry), apply)

    def set_clock(self, entry: Attendance, *, arrived: bool, at: dt.time | None) -> None:
        """The Ankom / Gik column: the first arrival's or the last departure's time."""
        self.set_events(entry, record.with_clock(entry.events, arrived=arrived, at=at))

    def set_substitute(self, member: Attendance, person: Person) -> Attendance:
        """``person`` stands in for ``member``, who has afbud; returns the stand-in's entry."""
        if member.status is not AttendanceStatus.APOLOGY:
            raise AppError(f"{member.person.name} har ikke meldt afbud")
        if person == member.person:
            raise AppError("et medlem kan ikke være sin egen stedfortræder")
        entry = next((e for e in self.meeting.attendance if e.person == person), None)
        new = entry is None
        if new:
            entry = Attendance(person)
        stand_in = replace(entry, status=AttendanceStatus.PRESENT, substitute_for=member.person)
        self._store.set_attendance(self.meeting.id, stand_in)

        def apply() -> None:
            entry.status = AttendanceStatus.PRESENT
            entry.substitute_for = member.person
            if new:
                self.meeting.attendance.append(entry)

        self._apply(AttendanceChanged(entry), apply)
        return entry

    # The record of an item ---------------------------------------------------------------

    def set_inhabil(self, item: AgendaItem, person: Person, inhabil: bool = True) -> None:
        """Mark a member present for the item inhabil (or no longer)."""
        marked = [p for p in item.inhabil if p != person]
        if inhabil:
            self._checked(lambda: record.check_inhabil(self.meeting, item, person))
            marked.append(person)
        self._save_record(item, inhabil=marked)

    def set_vote(self, item: AgendaItem, vote: Vote | None) -> None:
        """The item's vote, checked against who was present for it; None removes it."""
        if vote is not None:
            self._checked(lambda: record.check_vote(self.meeting, item, vote))
        self._save_record(item, vote=vote)

    def add_remark(self, item: AgendaItem, remark: ProtocolRemark) -> None:
        self._checked(lambda: record.check_remark(remark))
        self._save_record(item, remarks=[*item.remarks, remark])

    def remove_remark(self, item: AgendaItem, position: int) -> None:
        remarks = list(item.remarks)
        del remarks[position]
        self._save_record(item, remarks=remarks)

    def _save_record(self, item: AgendaItem, **record_fields: object) -> None:
        self._store.records.set_item_record(
            replace(item, **record_fields), self._store.roster_id
        )

        def apply() -> None:
            for name, value in record_fields.items():
                setattr(item, name, value)

        self._apply(ItemChanged(item), apply)

    @staticmethod
    def _checked(rule):
        """Run a domain rule; its refusal becomes the AppError the window shows."""
        try:
            return rule()
        except record.RecordError as error:
            raise AppError(str(error)) from None

    # Sections and items ------------------------------------------------------------------

    def save_section(self, section: Section, body: str) -> None:
        self._store.set_section_body(section.id, body)
        self._apply(SectionChanged(section), lambda: setattr(section, "body", body))

    def add_section(self, item: AgendaItem, heading: str) -> Section:
        section = self._store.add_section(item.id, heading)
        self._apply(ItemChanged(item), lambda: item.sections.append(section))
        return section

    def save_item_fields(self, item: AgendaItem, **fields: str) -> None:
        self._store.update_item_fields(item.id, **fields)

        def apply() -> None:
            for name, value in fields.items():
                setattr(item, name, value.strip())

        self._apply(ItemChanged(item), apply)

    def set_item_status(self, item: AgendaItem, status: ItemStatus) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        self._store.set_item_status(item.id, status, at=now)

        def apply() -> None:
            item.status = status
            if status is ItemStatus.IN_PROGRESS:
                item.taken_up_at = now
            if status is ItemStatus.DECIDED:
                item.decided_at = now

        self._apply(ItemChanged(item), apply)

    # Agenda structure --------------------------------------------------------------------

    def add_group(self, title: str, position: int | None = None) -> AgendaGroup:
        row = agenda_order.clamp_position(position, len(self.meeting.groups))
        group = self._store.add_group(self.meeting.id, title, row)
        self._apply(
            GroupAdded(group, row), lambda: agenda_order.insert_group(self.meeting, group, row)
        )
        return group

    def add_item(self, group: AgendaGroup, title: str, position: int | None = None) -> AgendaItem:
        row = agenda_order.clamp_position(position, len(group.items))
        item = self._store.add_item(group.id, title, row)
        self._apply(ItemAdded(group, item, row), lambda: agenda_order.insert_item(group, item, row))
        return item

    def rename_group(self, group: AgendaGroup, title: str) -> None:
        self._store.rename_group(group.id, title)
        self._apply(GroupRenamed(group), lambda: setattr(group, "title", title.strip()))

    def delete_group(self, group: AgendaGroup) -> int:
        """Move the group with its items to the trash; returns the trash entry's id."""
        trash_id = self._store.delete_group(group.id)
        row = next(i for i, other in enumerate(self.meeting.groups) if other is group)
        self._apply(
            GroupRemoved(group, row), lambda: agenda_order.remove_group(self.meeting, group)
        )
        return trash_id

    def delete_item(self, item: AgendaItem) -> int:
        """Move the item to the trash; returns the trash entry's id."""
        trash_id = self._store.delete_item(item.id)
        group = agenda_order.group_of(self.meeting, item)
        row = next(i for i, other in enumerate(group.items) if other is item)
        self._apply(
            ItemRemoved(group, item, row), lambda: agenda_order.remove_item(self.meeting, item)
        )
        return trash_id

    def move_item(self, item: AgendaItem, target: AgendaGroup, position: int) -> bool:
        """Move ``item`` to ``position`` in ``target`` (counted without it); False if no move."""
        landed = agenda_order.item_move_position(self.meeting, item, target, position)
        if landed is None:
            return False
        source = agenda_order.group_of(self.meeting, item)
        row = next(i for i, other in enumerate(source.items) if other is item)
        self._store.move_item(item.id, target.id, landed)
        self._apply(
            ItemMoved(item, source, row, target, landed),
            lambda: agenda_order.move_item(self.meeting, item, target, landed),
        )
        return True

    def move_group(self, group: AgendaGroup, position: int) -> bool:
        landed = agenda_order.group_move_position(self.meeting, group, position)
        if landed is None:
            return False
        row = next(i for i, other in enumerate(self.meeting.groups) if other is group)
        self._store.move_group(group.id, landed)
        self._apply(
            GroupMoved(group, row, landed),
            lambda: agenda_order.move_group(self.meeting, group, landed),
        )
        return True

    # Settings the editing uses -----------------------------------------------------------

    def decision_templates(self) -> list[str]:
        return self._store.decision_templates()

    def set_decision_templates(self, templates: list[str]) -> None:
        self._store.set_decision_templates(templates)
