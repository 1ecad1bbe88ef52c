"""The meeting as plain data: what a KKR meeting consists of, free of Qt, SQL and Word.

Every layer speaks these types: the store loads and saves them, the window edits them,
the referat writer and the importer translate them to and from documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class MeetingKind(str, Enum):
    """Which document an export writes: the agenda sent before or the minutes sent after.

    Chosen at export (``domain/meeting_life.default_kind``), never stored on the meeting."""

    DAGSORDEN = "dagsorden"
    REFERAT = "referat"


class AttendanceStatus(str, Enum):
    """The four states a person can be in on the attendance list."""

    PRESENT = "til stede"
    APOLOGY = "afbud"
    ABSENT = "fraværende uden afbud"
    UNREGISTERED = "ikke registreret"


class ItemStatus(str, Enum):
    """How far the meeting has come with an agenda item."""

    NOT_STARTED = "ikke behandlet"
    IN_PROGRESS = "under behandling"
    DECIDED = "afgjort"


POLITICIAN = ""
"""The organisation of an elected member: people without one sit on the committee."""

BAGGRUND = "Baggrund"
INDSTILLING = "Indstilling"
SAGSFREMSTILLING = "Sagsfremstilling"
BESLUTNING = "Beslutning"
STANDARD_SECTIONS = (BAGGRUND, INDSTILLING, SAGSFREMSTILLING, BESLUTNING)
"""KL's section headings, in the order they appear under an item."""


@dataclass
class Person:
    """Someone in the roster shared by all meetings: a politician, KL staff or a guest.

    ``organisation`` is empty for an elected member, otherwise "KL", "KD-Net" or the
    guest organisation the person comes from.
    """

    name: str
    party: str = ""
    municipality: str = ""
    title: str = ""
    organisation: str = POLITICIAN
    id: int | None = None

    @property
    def is_politician(self) -> bool:
        return self.organisation == POLITICIAN


class PresenceKind(str, Enum):
    """What a person did at a moment of the meeting."""

    ARRIVED = "ankom"
    LEFT = "gik"
    RETURNED = "kom tilbage"


@dataclass(frozen=True)
class PresenceEvent:
    """An arrival, a departure or a return, with its clock time and its item.

    ``item`` is the first item the event concerns: the item under behandling at that
    moment, or between items the next one to be taken up. A departure during item 3.5 means
    the person was not there when 3.5 was decided; an arrival during 3.2 means they were.
    None: before the first item (an arrival) or after the last (a departure). ``at`` is
    None when a referat says only which items someone missed.
    """

    kind: PresenceKind
    at: dt.time | None = None
    item: AgendaItem | None = None

    @property
    def comes(self) -> bool:
        return self.kind is not PresenceKind.LEFT


@dataclass
class Attendance:
    """One person's presence at one meeting; ``events`` in the order they happened."""

    person: Person
    status: AttendanceStatus = AttendanceStatus.UNREGISTERED
    note: str = ""
    events: list[PresenceEvent] = field(default_factory=list)
    substitute_for: Person | None = None

    @property
    def arrived_at(self) -> dt.time | None:
        """When the person first arrived, if they came late."""
        return next(
            (e.at for e in self.events if e.kind is PresenceKind.ARRIVED), None
        )

    @property
    def left_at(self) -> dt.time | None:
        """When the person left, if they did not come back."""
        if self.events and self.events[-1].kind is PresenceKind.LEFT:
            return self.events[-1].at
        return None


class VoteChoice(str, Enum):
    FOR = "For"
    AGAINST = "Imod"
    ABSTAIN = "Undlod"


@dataclass(frozen=True)
class VoteLine:
    """One party's or one member's vote: a party with its count, or a named member (1)."""

    choice: VoteChoice
    party: str = ""
    count: int = 1
    person: Person | None = None

    @property
    def who(self) -> str:
        return self.person.name if self.person is not None else self.party


@dataclass
class Vote:
    """How an item was voted on: by party with counts, or by named members."""

    lines: list[VoteLine] = field(default_factory=list)

    def total(self, choice: VoteChoice) -> int:
        return sum(line.count for line in self.lines if line.choice is choice)


@dataclass(frozen=True)
class ProtocolRemark:
    """A protokolbemærkning: what a member or a party asked to have put to the record."""

    text: str
    party: str = ""
    person: Person | None = None

    @property
    def who(self) -> str:
        return self.person.name if self.person is not None else self.party


@dataclass
class Section:
    """A titled part of an item ("Baggrund", "Beslutning" …).

    ``body`` is Markdown with pipe tables: the one portable form of rich text that the
    editor, the Word writer and the importer all read and write.
    """

    heading: str
    body: str = ""
    id: int | None = None


@dataclass
class AgendaItem:
    """A numbered case on the agenda ("3.2. Fordeling af lærepladser …")."""

    title: str
    case_number: str = ""
    case_officers: str = ""
    sections: list[Section] = field(default_factory=list)
    status: ItemStatus = ItemStatus.NOT_STARTED
    taken_up_at: dt.datetime | None = None
    decided_at: dt.datetime | None = None
    inhabil: list[Person] = field(default_factory=list)
    vote: Vote | None = None
    remarks: list[ProtocolRemark] = field(default_factory=list)
    id: int | None = None

    def section(self, heading: str) -> Section | None:
        """The first section with this heading, or None."""
        for section in self.sections:
            if section.heading == heading:
                return section
        return None

    @property
    def case_line(self) -> str:
        """The line under the heading: "SAG-2024-02547 chbn/jhp"."""
        return " ".join(part for part in (self.case_number, self.case_officers) if part)


@dataclass
class AgendaGroup:
    """A numbered heading that gathers items ("3. Regionalpolitiske sager"); may be empty."""

    title: str
    items: list[AgendaItem] = field(default_factory=list)
    id: int | None = None


@dataclass
class Meeting:
    """One meeting of a committee, with its attendance and agenda."""

    committee: str
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    mission: str = ""
    vision: str = ""
    attendance: list[Attendance] = field(default_factory=list)
    groups: list[AgendaGroup] = field(default_factory=list)
    id: int | None = None

    @property
    def items(self) -> list[AgendaItem]:
        """Every item of every group, in agenda order."""
        return [item for group in self.groups for item in group.items]
