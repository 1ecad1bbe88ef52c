"""A committee as data: its standing roster for the election period and what every meeting
of it starts with (place, standing items, decision phrases, the organisation's Mission/Vision).

A new meeting of the committee gets the roster in roster order, nobody registered yet; the
roster is members first (politicians, with role and stedfortræder), then the staff who
usually attend (``Person.organisation`` "KL", "KD-Net" …). Pure rules, no storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from .model import (
    STANDARD_SECTIONS,
    AgendaGroup,
    AgendaItem,
    Attendance,
    Meeting,
    Person,
    Section,
)
from .participants import person_line


class Role(str, Enum):
    """A member's place on the committee."""

    FORMAND = "formand"
    NAESTFORMAND = "næstformand"
    MEDLEM = "medlem"


@dataclass
class Member:
    """An elected member for the election period, and who sits in when they cannot."""

    person: Person
    role: Role = Role.MEDLEM
    substitute: Person | None = None


@dataclass
class Committee:
    """One committee (e.g. "KKR Midtjylland") and the defaults its meetings start from."""

    name: str
    members: list[Member] = field(default_factory=list)
    staff: list[Person] = field(default_factory=list)
    place: str = ""
    standing_items: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    """Decision phrases for this committee; empty means the program-wide ones."""
    mission: str = ""
    vision: str = ""
    id: int | None = None

    @property
    def roster(self) -> list[Person]:
        """Everyone a meeting starts with, in roster order: members, then staff."""
        return [member.person for member in self.members] + list(self.staff)


def standing_substitute(committee: Committee | None, person: Person) -> Person | None:
    """The stedfortræder the committee's roster names for ``person`` (None: not a member,
    or none named)."""
    if committee is None:
        return None
    for member in committee.members:
        same = member.person.id == person.id if person.id is not None else member.person == person
        if same:
            return member.substitute
    return None


def roster_attendance(committee: Committee) -> list[Attendance]:
    """The attendance list a new meeting starts with: the roster, unregistered, in order."""
    return [Attendance(person=person) for person in committee.roster]


def roster_from_attendance(entries: list[Attendance]) -> tuple[list[Member], list[Person]]:
    """Members and staff from a meeting's list, in its order (politicians become members).

    A person appearing twice (a document listing someone under two headings) counts once.
    """
    members: list[Member] = []
    staff: list[Person] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        person = entry.person
        key = (" ".join(person.name.split()).casefold(), person.organisation.casefold())
        if key in seen:
            continue
        seen.add(key)
        if person.is_politician:
            members.append(Member(person=person, role=_role_in(entry, person)))
        else:
            staff.append(person)
    return members, staff


def _role_in(entry: Attendance, person: Person) -> Role:
    """The role a document names in the title or note ("formand"), else medlem."""
    words = f"{person.title} {entry.note}".casefold()
    if "næstformand" in words:
        return Role.NAESTFORMAND
    if "formand" in words:
        return Role.FORMAND
    return Role.MEDLEM


def committee_from_meeting(meeting: Meeting, standing_items: list[str]) -> Committee:
    """A committee made from one of its meetings: its people, place and front page."""
    members, staff = roster_from_attendance(meeting.attendance)
    return Committee(
        name=meeting.committee.strip(),
        members=members,
        staff=staff,
        place=meeting.place,
        standing_items=list(standing_items),
        mission=meeting.mission,
        vision=meeting.vision,
    )


def new_meeting(committee: Committee, date: dt.date) -> Meeting:
    """A fresh dagsorden of the committee: its roster, place, front page and standing items.

    Each standing item becomes a group holding one item of the same title, with KL's
    standard sections, so the secretary only fills in the new cases between them.
    """
    return Meeting(
        committee=committee.name,
        date=date,
        place=committee.place,
        mission=committee.mission,
        vision=committee.vision,
        attendance=roster_attendance(committee),
        groups=[
            AgendaGroup(
                title,
                [AgendaItem(title, sections=[Section(h) for h in STANDARD_SECTIONS])],
            )
            for title in committee.standing_items
            if title.strip()
        ],
    )


def with_roster(meeting: Meeting, committee: Committee) -> Meeting:
    """The meeting with the committee's roster when it came without anyone on it.

    An imported dagsorden has no Deltagerfortegnelse; a referat's own list is kept.
    """
    if not meeting.attendance:
        meeting.attendance = roster_attendance(committee)
    return meeting


def roster_lines(committee: Committee) -> list[str]:
    """The roster as text, one person a line, as ``kkr-desk committee show`` prints it:
    "Torben Hansen (A), Randers – formand, stedfortræder: Anders Jensen"."""
    lines = []
    for member in committee.members:
        remarks = [] if member.role is Role.MEDLEM else [member.role.value]
        if member.substitute is not None:
            remarks.append(f"stedfortræder: {member.substitute.name}")
        line = person_line(member.person)
        lines.append(f"{line} – {', '.join(remarks)}" if remarks else line)
    for person in committee.staff:
        lines.append(f"{person_line(person)} – {person.organisation}")
    return lines
