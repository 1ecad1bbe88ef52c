"""Read the Deltagerfortegnelse: who was present, who sent apologies, and the staff.

KL's list has sub-headings ("Deltagere", "Afbud", "Fra KL", "Fra KD-Net", "Fra <any
organisation>") and one person a line: "Torben Hansen (A), Randers" for a politician,
"Christian Brincker Nordbek, chefkonsulent" or "Jesper Kaas Schmidt, kommunaldirektør,
Randers" for staff. Stray commas around the party ("Simon Vanggaard, (O) Ikast-Brande")
are typos we forgive.
"""

from __future__ import annotations

import re

from ..domain import Attendance, AttendanceStatus, Person

LIST_TITLE = re.compile(r"^deltagerfortegnelse:?$|^deltagerliste:?$", re.IGNORECASE)
STATUS_HEADINGS = {
    "deltagere": AttendanceStatus.PRESENT,
    "deltager": AttendanceStatus.PRESENT,
    "til stede": AttendanceStatus.PRESENT,
    "tilstede": AttendanceStatus.PRESENT,
    "fremmødte": AttendanceStatus.PRESENT,
    "afbud": AttendanceStatus.APOLOGY,
    "fraværende": AttendanceStatus.ABSENT,
    "fraværende uden afbud": AttendanceStatus.ABSENT,
}
ORGANISATION_HEADING = re.compile(r"^fra\s+(?P<organisation>\S.{0,60}?):?$", re.IGNORECASE)
POLITICIAN = re.compile(
    r"^(?P<name>[^(),]+?)\s*,?\s*\((?P<party>[^()]{1,5})\)\s*,?\s*(?P<rest>.*)$"
)
NOTE_SEPARATOR = re.compile(r"\s+[–—-]\s+")


def is_list_title(text: str) -> bool:
    return bool(LIST_TITLE.match(text.strip()))


def heading_of(text: str) -> tuple[AttendanceStatus, str] | None:
    """The status and organisation a sub-heading stands for, or None for a person line."""
    key = text.strip().rstrip(":").strip().lower()
    if key in STATUS_HEADINGS:
        return STATUS_HEADINGS[key], ""
    match = ORGANISATION_HEADING.match(text.strip())
    if match and "," not in text and "(" not in text:
        return AttendanceStatus.PRESENT, match.group("organisation").strip()
    return None


def read_participants(lines: list[str]) -> tuple[list[Attendance], list[str]]:
    """Attendance entries from the list's lines, and warnings for lines not understood."""
    attendance: list[Attendance] = []
    warnings: list[str] = []
    status, organisation = AttendanceStatus.PRESENT, ""
    seen_heading = False
    for text in lines:
        text = text.strip()
        if not text or is_list_title(text):
            continue
        heading = heading_of(text)
        if heading is not None:
            status, organisation = heading
            seen_heading = True
            continue
        if not seen_heading:
            continue
        entry = _person_line(text, status, organisation)
        if entry is None:
            warnings.append(f"Deltagerlinjen blev ikke forstået: »{text}«")
        else:
            attendance.append(entry)
    return attendance, warnings


def _person_line(text: str, status: AttendanceStatus, organisation: str) -> Attendance | None:
    text, note = _split_note(text)
    if organisation:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not parts or not _is_name(parts[0]):
            return None
        person = Person(
            name=parts[0],
            title=parts[1] if len(parts) > 1 else "",
            municipality=", ".join(parts[2:]),
            organisation=organisation,
        )
        return Attendance(person, status, note=note)
    match = POLITICIAN.match(text)
    if match:
        name = match.group("name").strip().rstrip(",")
        if not _is_name(name):
            return None
        person = Person(
            name=name,
            party=match.group("party").strip(),
            municipality=match.group("rest").strip().strip(",").strip(),
        )
        return Attendance(person, status, note=note)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if parts and _is_name(parts[0]) and len(parts) <= 2:
        return Attendance(Person(parts[0], municipality=parts[1] if len(parts) > 1 else ""), status, note=note)
    return None


def _split_note(text: str) -> tuple[str, str]:
    """"Torben Hansen (A), Randers – ankom kl. 10.25" → the person and the note."""
    parts = NOTE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    return text, ""


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and text[:1].isupper() and not any(ch.isdigit() for ch in text)
