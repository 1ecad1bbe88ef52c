"""Every change a secretary makes to the open meeting, one method each (no Qt here).

Each method checks the change with the domain's rules, writes it through the store in one
transaction and only then applies the same domain operation to the in-memory Meeting,
telling the listeners before and after (see ``changes``). A refused write raises
``AppError`` (``WriteFailed`` when the disk or a lock is to blame) and leaves the Meeting
as it was. An approved meeting is frozen: every edit is refused with a Danish message
until it is reopened with a reason (``take_step(StateStep.REOPEN, reason=…)``). A new
editing method must carry the ``@_edit`` mark.
"""

from __future__ import annotations

import datetime as dt
import functools
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
from ..domain.attendance_order import insert_position, neighbour_position
from ..domain.committee import standing_substitute
from ..domain.meeting_life import (
    FROZEN_MESSAGE,
    MeetingState,
    OpenItems,
    StateChange,
    StateRuleError,
    StateStep,
    is_frozen,
    items_closed_on_hold,
)
from ..store import EarlierTreatment, Store, StoreError
from ..store import StoreError as AppError
from .changes import (
    AttendanceChanged,
    AttendanceListChanged,
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
    StateChanged,
)


class MeetingFrozen(StoreError):
    """An edit of an approved meeting; ``str()`` is the Danish message."""


class UnknownCommittee(StoreError):
    """A meeting moved to a committee name that matches none, without asking for a new one."""


class OpenItemsLeft(StoreError):
    """The meeting ended with items under behandling and no word on what they become."""


def _same_person(one: Person, other: Person) -> bool:
    """The same roster entry: by id when both have one, else by every field."""
    if one.id is not None and other.id is not None:
        return one.id == other.id
    return one == other


def _edit(method):
    """Refuse the edit while the meeting is approved, before anything is written."""

    @functools.wraps(method)
    def refusing_when_frozen(self: MeetingEditor, *args, **kwargs):
        if self.frozen:
            raise MeetingFrozen(FROZEN_MESSAGE)
        return method(self, *args, **kwargs)

    return refusing_when_frozen


class MeetingEditor:
    """One meeting, kept equal to its rows in the database edit by edit."""

    def __init__(self, store: Store, meeting: Meeting):
        self._store = store
        self.meeting = meeting
        self._listeners: list[Listener] = []
        self.state: MeetingState = store.life.state(meeting.id)
        self._templates: list[str] | None = None
        """decision_templates() as last read; None: read them again on the next call."""

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

    # The meeting's life -----------------------------------------------------------------

    @property
    def frozen(self) -> bool:
        return is_frozen(self.state)

    def history(self) -> list[StateChange]:
        """Every step the meeting has taken, oldest first."""
        return self._store.life.history(self.meeting.id)

    def take_step(
        self,
        step: StateStep,
        *,
        by_whom: str = "",
        to_whom: str = "",
        reason: str = "",
        open_items: OpenItems | None = None,
    ) -> StateChange:
        """Move the meeting on (start, hold, send, approve) or reopen it; refused steps
        raise AppError with the domain's Danish reason. Sending and approving keep the
        meeting as it is in the database now, so save what is typed first. Ending it
        (HOLD) with items under behandling needs ``open_items``: what they become, written
        in the step's transaction (OpenItemsLeft without it)."""
        closing = []
        if step is StateStep.HOLD and not self.frozen:
            try:
                closing = items_closed_on_hold(self.meeting, open_items)
            except StateRuleError as error:
                raise OpenItemsLeft(str(error)) from None
        change = self._store.life.take_step(
            self.meeting.id, step, by_whom=by_whom, to_whom=to_whom, reason=reason,
            item_statuses=[(item.id, status) for item, status in closing],
        )
        for item, status in closing:
            def close(item=item, status=status) -> None:
                item.status = status
                if status is ItemStatus.DECIDED:
                    item.decided_at = change.at

            self._apply(ItemChanged(item), close)
        self._apply(StateChanged(change), lambda: setattr(self, "state", change.state))
        return change

    def start_meeting(self, at: dt.time) -> None:
        """F5: the meeting is under way from ``at`` (the referat prints the time)."""
        self.take_step(StateStep.START)
        self.save_meeting_details(start_time=at, end_time=None)

    def end_meeting(self, at: dt.time, open_items: OpenItems | None = None) -> None:
        """Shift+F5: the meeting was held, ending at ``at``; ``open_items`` says what the
        items still under behandling become (see take_step)."""
        self.take_step(StateStep.HOLD, open_items=open_items)
        self.save_meeting_details(end_time=at)

    # Meeting -----------------------------------------------------------------------------

    @_edit
    def save_meeting_details(self, *, new_committee: bool = False, **changes: object) -> None:
        """Change the meeting's own fields (committee, date, start_time, end_time, place).

        A committee name that matches no committee is refused (``UnknownCommittee``) unless
        ``new_committee`` says the secretary asked for a new one: a typo makes none."""
        if "committee" in changes and not new_committee:
            name = " ".join(str(changes["committee"]).split())
            if self._store.committees.find(name) is None:
                raise UnknownCommittee(
                    f"der findes intet udvalg ved navn »{name}«; vælg et af de kendte udvalg"
                )
        old = {name: getattr(self.meeting, name) for name in changes}
        if "committee" in changes:
            self.forget_decision_templates()  # another committee, other phrases
        for name, value in changes.items():
            setattr(self.meeting, name, value)
        try:
            self._store.meetings.update_details(self.meeting)
        except BaseException:
            for name, value in old.items():
                setattr(self.meeting, name, value)
            raise
        self._apply(MeetingDetailsChanged(), lambda: None)

    def known_committee(self, name: str) -> str | None:
        """The name of the committee ``name`` means (spacing and case ignored), or None."""
        committee = self._store.committees.find(name)
        return committee.name if committee is not None else None

    def committee_names(self) -> list[str]:
        return self._store.committees.names()

    # Attendance --------------------------------------------------------------------------

    @_edit
    def save_attendance(self, entry: Attendance) -> None:
        self._store.attendance.set(self.meeting.id, entry)
        self._apply(AttendanceChanged(entry), lambda: None)

    @_edit
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

    @_edit
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
        self._store.attendance.set(self.meeting.id, replace(entry, events=events, status=status))

        def apply() -> None:
            entry.events = list(events)
            entry.status = status

        self._apply(AttendanceChanged(entry), apply)

    @_edit
    def set_clock(self, entry: Attendance, *, arrived: bool, at: dt.time | None) -> None:
        """The Ankom / Gik column: the first arrival's or the last departure's time."""
        self.set_events(entry, record.with_clock(entry.events, arrived=arrived, at=at))

    def standing_substitute(self, member: Attendance) -> Person | None:
        """The stedfortræder the committee's roster names for this member, if any."""
        committee = self._store.committees.find(self.meeting.committee)
        return standing_substitute(committee, member.person)

    @_edit
    def set_substitute(self, member: Attendance, person: Person) -> Attendance:
        """``person`` stands in for ``member``, who has afbud; returns the stand-in's entry."""
        if member.status is not AttendanceStatus.APOLOGY:
            raise AppError(f"{member.person.name} har ikke meldt afbud")
        if _same_person(person, member.person):
            raise AppError("et medlem kan ikke være sin egen stedfortræder")
        # By id: the roster's person may carry newer details than this meeting kept.
        entry = next((e for e in self.meeting.attendance if _same_person(e.person, person)), None)
        new = entry is None
        if new:
            entry = Attendance(person)
        stand_in = replace(entry, status=AttendanceStatus.PRESENT, substitute_for=member.person)
        self._store.attendance.set(self.meeting.id, stand_in)

        def apply() -> None:
            entry.status = AttendanceStatus.PRESENT
            entry.substitute_for = member.person
            if new:
                self.meeting.attendance.append(entry)

        self._apply(AttendanceChanged(entry), apply)
        return entry

    # The record of an item ---------------------------------------------------------------

    @_edit
    def set_inhabil(self, item: AgendaItem, person: Person, inhabil: bool = True) -> None:
        """Mark a member present for the item inhabil (or no longer)."""
        marked = [p for p in item.inhabil if p != person]
        if inhabil:
            self._checked(lambda: record.check_inhabil(self.meeting, item, person))
            marked.append(person)
        self._save_record(item, inhabil=marked)

    @_edit
    def set_vote(self, item: AgendaItem, vote: Vote | None) -> None:
        """The item's vote, checked against who was present for it; None removes it."""
        if vote is not None:
            self._checked(lambda: record.check_vote(self.meeting, item, vote))
        self._save_record(item, vote=vote)

    @_edit
    def add_remark(self, item: AgendaItem, remark: ProtocolRemark) -> None:
        self._checked(lambda: record.check_remark(remark))
        self._save_record(item, remarks=[*item.remarks, remark])

    @_edit
    def remove_remark(self, item: AgendaItem, position: int) -> None:
        remarks = list(item.remarks)
        del remarks[position]
        self._save_record(item, remarks=remarks)

    def _save_record(self, item: AgendaItem, **record_fields: object) -> None:
        self._store.records.set_item_record(replace(item, **record_fields))

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
    @_edit
    def put_person(self, entry: Attendance, position: int | None = None) -> int:
        """Put someone on the list (a new entry, or a removed one back); returns the row.

        Without ``position`` a member of the committee's roster goes to their roster place,
        anyone else last."""
        if position is None:
            committee = self._store.committees.find(self.meeting.committee)
            roster = committee.roster if committee is not None else []
            position = insert_position(self.meeting.attendance, entry.person, roster)
        row = self._store.attendance.put(self.meeting.id, entry, position)
        self._apply(
            AttendanceListChanged(entry), lambda: self.meeting.attendance.insert(row, entry)
        )
        return row

    @_edit
    def remove_person(self, entry: Attendance) -> int:
        """Take someone off the list; returns the row they had (to put them back on undo)."""
        row = next(i for i, other in enumerate(self.meeting.attendance) if other is entry)
        self._store.attendance.remove(self.meeting.id, entry.person.id)
        self._apply(AttendanceListChanged(entry), lambda: self.meeting.attendance.pop(row))
        return row

    @_edit
    def move_person(self, entry: Attendance, step: int) -> bool:
        """Move someone one place up (-1) or down (+1) within their group; False at the end."""
        position = neighbour_position(self.meeting.attendance, entry, step)
        if position is None:
            return False
        self._store.attendance.move(self.meeting.id, entry.person.id, position)

        def apply() -> None:
            self.meeting.attendance[:] = agenda_order.placed(
                self.meeting.attendance, entry, position
            )

        self._apply(AttendanceListChanged(entry), apply)
        return True

    # Sections and items ------------------------------------------------------------------

    @_edit
    def save_section(self, section: Section, body: str) -> None:
        self._store.agenda.set_section_body(section.id, body)
        self._apply(SectionChanged(section), lambda: setattr(section, "body", body))

    @_edit
    def add_section(self, item: AgendaItem, heading: str) -> Section:
        section = self._store.agenda.add_section(item.id, heading)
        self._apply(ItemChanged(item), lambda: item.sections.append(section))
        return section

    @_edit
    def save_item_fields(self, item: AgendaItem, **fields: str) -> None:
        self._store.agenda.update_item_fields(item.id, **fields)

        def apply() -> None:
            for name, value in fields.items():
                setattr(item, name, value.strip())

        self._apply(ItemChanged(item), apply)

    @_edit
    def set_item_status(self, item: AgendaItem, status: ItemStatus) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        self._store.agenda.set_item_status(item.id, status, at=now)

        def apply() -> None:
            item.status = status
            if status is ItemStatus.IN_PROGRESS:
                item.taken_up_at = now
            if status is ItemStatus.DECIDED:
                item.decided_at = now

        self._apply(ItemChanged(item), apply)

    # Agenda structure --------------------------------------------------------------------

    @_edit
    def add_group(self, title: str, position: int | None = None) -> AgendaGroup:
        row = agenda_order.clamp_position(position, len(self.meeting.groups))
        group = self._store.agenda.add_group(self.meeting.id, title, row)
        self._apply(
            GroupAdded(group, row), lambda: agenda_order.insert_group(self.meeting, group, row)
        )
        return group

    @_edit
    def add_item(self, group: AgendaGroup, title: str, position: int | None = None) -> AgendaItem:
        row = agenda_order.clamp_position(position, len(group.items))
        item = self._store.agenda.add_item(group.id, title, row)
        self._apply(ItemAdded(group, item, row), lambda: agenda_order.insert_item(group, item, row))
        return item

    @_edit
    def rename_group(self, group: AgendaGroup, title: str) -> None:
        self._store.agenda.rename_group(group.id, title)
        self._apply(GroupRenamed(group), lambda: setattr(group, "title", title.strip()))

    @_edit
    def delete_group(self, group: AgendaGroup) -> int:
        """Move the group with its items to the trash; returns the trash entry's id."""
        trash_id = self._store.agenda.delete_group(group.id)
        row = next(i for i, other in enumerate(self.meeting.groups) if other is group)

        def apply() -> None:
            agenda_order.remove_group(self.meeting, group)
            self._forget_items(group.items)

        self._apply(GroupRemoved(group, row), apply)
        return trash_id

    @_edit
    def delete_item(self, item: AgendaItem) -> int:
        """Move the item to the trash; returns the trash entry's id."""
        trash_id = self._store.agenda.delete_item(item.id)
        group = agenda_order.group_of(self.meeting, item)
        row = next(i for i, other in enumerate(group.items) if other is item)

        def apply() -> None:
            agenda_order.remove_item(self.meeting, item)
            self._forget_items([item])

        self._apply(ItemRemoved(group, item, row), apply)
        return trash_id

    def _forget_items(self, items: list[AgendaItem]) -> None:
        """Presence events that named deleted items name none, as in the database (the
        trash names them again on restore, and the window then reloads the meeting)."""
        gone = {id(item) for item in items}
        for entry in self.meeting.attendance:
            if any(id(event.item) in gone for event in entry.events):
                entry.events = [
                    replace(event, item=None) if id(event.item) in gone else event
                    for event in entry.events
                ]

    @_edit
    def move_item(self, item: AgendaItem, target: AgendaGroup, position: int) -> bool:
        """Move ``item`` to ``position`` in ``target`` (counted without it); False if no move."""
        landed = agenda_order.item_move_position(self.meeting, item, target, position)
        if landed is None:
            return False
        source = agenda_order.group_of(self.meeting, item)
        row = next(i for i, other in enumerate(source.items) if other is item)
        self._store.agenda.move_item(item.id, target.id, landed)
        self._apply(
            ItemMoved(item, source, row, target, landed),
            lambda: agenda_order.move_item(self.meeting, item, target, landed),
        )
        return True

    @_edit
    def move_group(self, group: AgendaGroup, position: int) -> bool:
        landed = agenda_order.group_move_position(self.meeting, group, position)
        if landed is None:
            return False
        row = next(i for i, other in enumerate(self.meeting.groups) if other is group)
        self._store.agenda.move_group(group.id, landed)
        self._apply(
            GroupMoved(group, row, landed),
            lambda: agenda_order.move_group(self.meeting, group, landed),
        )
        return True

    # The case over time ------------------------------------------------------------------

    def earlier_treatments(self, item: AgendaItem) -> list[EarlierTreatment]:
        """Items of earlier meetings with ``item``'s case number, newest first.

        Items of this meeting are left out: a KL referat often gives every item the
        meeting's own case number, and the same meeting is no earlier treatment.
        """
        return [
            place
            for place in self._store.search.earlier_treatments(item.id)
            if place.meeting_id != self.meeting.id and place.date <= self.meeting.date
        ]

    # Settings the editing uses -----------------------------------------------------------

    def decision_templates(self) -> list[str]:
        """The committee's own phrases when it has any, else the program-wide ones.

        Read from the store once and kept, as every item switch asks for them: what decides
        them forgets the kept copy (set_decision_templates, a change of the meeting's
        committee, and Desk's saves of a committee or of the program-wide phrases).
        """
        if self._templates is None:
            committee = self._store.committees.find(self.meeting.committee)
            if committee is not None and committee.phrases:
                self._templates = list(committee.phrases)
            else:
                self._templates = self._store.settings.decision_templates()
        return list(self._templates)

    def forget_decision_templates(self) -> None:
        """The committee or the program-wide phrases may have changed: read them again."""
        self._templates = None

    def set_decision_templates(self, templates: list[str]) -> None:
        """Save the phrases where decision_templates reads them: the committee's own, if it
        has any, else the program-wide ones."""
        self.forget_decision_templates()
        committee = self._store.committees.find(self.meeting.committee)
        if committee is not None and committee.phrases:
            committee.phrases = [line.strip() for line in templates if line.strip()]
            self._store.committees.save(committee)
        else:
            self._store.settings.set_decision_templates(templates)
