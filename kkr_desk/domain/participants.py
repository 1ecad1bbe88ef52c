"""The Deltagerfortegnelse as text: who is listed under which heading, one line a person.

KL's form is fixed ("Torben Hansen (A), Randers"; "Christian Brincker Nordbek,
chefkonsulent"); the seed has typos in it, an export never does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import numbered_items
from .model import Attendance, AttendanceStatus, Meeting, MeetingKind, Person
from .record_text import event_text, item_numbers, person_with_substitute

PRESENT_HEADING = "Deltagere"
APOLOGY_HEADING = "Afbud"
ABSENT_HEADING = "Fraværende uden afbud"
_ORGANISATION_ORDER = {"KL": 0, "KD-Net": 1}


@dataclass(frozen=True)
class ParticipantGroup:
    """A sub-heading of the Deltagerfortegnelse and its lines."""

    heading: str
    lines: tuple[str, ...]


def person_line(person: Person) -> str:
    """One person as KL writes them: politicians by party and municipality, staff by title."""
    if person.is_politician:
        name = f"{person.name} ({person.party})" if person.party else person.name
        return ", ".join(part for part in (name, person.municipality) if part)
    return ", ".join(part for part in (person.name, person.title, person.municipality) if part)


def attendance_line(
    entry: Attendance, numbers: tuple[dict[int, str], dict[int, str]] = ({}, {})
) -> str:
    """The person's line plus what happened: substitute, arrivals and departures, a note.

    ``numbers`` is ``record_text.item_numbers`` of the meeting, to name the events' items.
    """
    remarks = [event_text(event, *numbers) for event in entry.events]
    note = entry.note.strip()
    if note and not (
        entry.substitute_for is not None and note.lower().startswith("deltog i stedet")
    ):
        remarks.append(note)
    line = person_with_substitute(person_line(entry.person), entry.substitute_for)
    return f"{line} – {', '.join(remarks)}" if remarks else line


def participant_groups(meeting: Meeting, kind: MeetingKind) -> list[ParticipantGroup]:
    """The headings in KL's order, each with its lines; empty headings are left out.

    Politicians: Deltagere, Afbud, Fraværende uden afbud. Everyone else under "Fra <org>"
    when present: KL, KD-Net, then guests in order of first appearance. A dagsorden is written
    before anyone has answered, so there an unregistered person counts as expected.
    """
    present: list[str] = []
    apology: list[str] = []
    absent: list[str] = []
    staff: dict[str, list[str]] = {}
    numbers = item_numbers(list(numbered_items(meeting)))
    for entry in meeting.attendance:
        status = entry.status
        if status is AttendanceStatus.UNREGISTERED and kind == MeetingKind.DAGSORDEN:
            status = AttendanceStatus.PRESENT
        if status is AttendanceStatus.UNREGISTERED:
            continue
        person = entry.person
        if status is AttendanceStatus.PRESENT:
            if person.is_politician:
                present.append(attendance_line(entry, numbers))
            else:
                staff.setdefault(person.organisation, []).append(attendance_line(entry, numbers))
            continue
        line = attendance_line(entry, numbers)
        if not person.is_politician:
            line = f"{line} ({person.organisation})"
        (apology if status is AttendanceStatus.APOLOGY else absent).append(line)
    groups = [
        ParticipantGroup(PRESENT_HEADING, tuple(present)),
        ParticipantGroup(APOLOGY_HEADING, tuple(apology)),
        ParticipantGroup(ABSENT_HEADING, tuple(absent)),
    ]
    ordered = sorted(  # stable: guests keep their order of first appearance
        staff.items(), key=lambda pair: _ORGANISATION_ORDER.get(pair[0], len(_ORGANISATION_ORDER))
    )
    groups += [ParticipantGroup(f"Fra {org}", tuple(lines)) for org, lines in ordered]
    return [group for group in groups if group.lines]
