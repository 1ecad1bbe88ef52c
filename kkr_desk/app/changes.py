"""What changed in an open meeting, as the app layer tells its listeners.

A listener has two methods: ``changing(change)`` before the in-memory Meeting is touched
(a Qt model calls beginInsertRows there) and ``changed(change)`` after it (endInsertRows).
Both are called only for a change the database has already committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..domain import AgendaGroup, AgendaItem, Attendance, Section
from ..domain.meeting_life import StateChange


@dataclass(frozen=True)
class GroupAdded:
    group: AgendaGroup
    row: int


@dataclass(frozen=True)
class ItemAdded:
    group: AgendaGroup
    item: AgendaItem
    row: int


@dataclass(frozen=True)
class GroupRemoved:
    group: AgendaGroup
    row: int


@dataclass(frozen=True)
class ItemRemoved:
    group: AgendaGroup
    item: AgendaItem
    row: int


@dataclass(frozen=True)
class GroupMoved:
    group: AgendaGroup
    row: int
    position: int
    """Where it lands, counted without the group."""


@dataclass(frozen=True)
class ItemMoved:
    item: AgendaItem
    source: AgendaGroup
    row: int
    target: AgendaGroup
    position: int
    """Where it lands in ``target``, counted without the item."""


@dataclass(frozen=True)
class GroupRenamed:
    group: AgendaGroup


@dataclass(frozen=True)
class ItemChanged:
    """Title, case line, status or a section of the item."""

    item: AgendaItem


@dataclass(frozen=True)
class SectionChanged:
    section: Section


@dataclass(frozen=True)
class AttendanceChanged:
    entry: Attendance


@dataclass(frozen=True)
class AttendanceListChanged:
    """Someone was added to, removed from or moved on the list."""

    entry: Attendance


@dataclass(frozen=True)
class MeetingDetailsChanged:
    pass


@dataclass(frozen=True)
class StateChanged:
    """The meeting moved on in its life (or was reopened); ``step`` is the StateChange."""

    step: StateChange


Change = (
    GroupAdded
    | ItemAdded
    | GroupRemoved
    | ItemRemoved
    | GroupMoved
    | ItemMoved
    | GroupRenamed
    | ItemChanged
    | SectionChanged
    | AttendanceChanged
    | AttendanceListChanged
    | MeetingDetailsChanged
    | StateChanged
)


class Listener(Protocol):
    def changing(self, change: Change) -> None: ...

    def changed(self, change: Change) -> None: ...
