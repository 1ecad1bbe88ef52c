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
from ..domain.clock import read_clock

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
IGNORED_HEADINGS = frozenset({"mødetid", "tidspunkt"})
"""Sub-headings in the list that name no people ("Mødetid": when the meeting ran)."""
MEETING_TIMES = re.compile(r"^mødet\s+(begyndte|startede|sluttede)\b", re.IGNORECASE)
ORGANISATION_SUFFIX = re.compile(r"^(?P<person>.+,.+?)\s*\((?P<organisation>[^()]{2,60})\)$")
SUBSTITUTE = re.compile(r"^deltog i stedet for (?P<name>.+)$", re.IGNORECASE)
ARRIVED = re.compile(r"^ankom kl\.?\s*(?P<time>\d{1,2}[.:]\d{2})$", re.IGNORECASE)
LEFT = re.compile(r"^forlod mødet kl\.?\s*(?P<time>\d{1,2}[.:]\d{2})$", re.IGNORECASE)
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
    seen_heading = ignoring = False
    substitutes: list[tuple[Attendance, str]] = []
    for text in lines:
        text = text.strip()
        if not text or is_list_title(text) or MEETING_TIMES.match(text):
            continue
        if text.rstrip(":").strip().lower() in IGNORED_HEADINGS:
            ignoring = True
            continue
        heading = heading_of(text)
        if heading is not None:
            status, organisation = heading
            seen_heading, ignoring = True, False
            continue
        if not seen_heading or ignoring:
            continue
        entry = _person_line(text, status, organisation)
        if entry is None:
            warnings.append(f"Deltagerlinjen blev ikke forstået: »{text}«")
            continue
        attendance.append(entry)
        substitute = _read_remarks(entry)
        if substitute:
            substitutes.append((entry, substitute))
    by_name = {" ".join(e.person.name.split()).casefold(): e.person for e in attendance}
    for entry, name in substitutes:
        person = by_name.get(" ".join(name.split()).casefold())
        if person is None:
            entry.note = ", ".join(part for part in (f"deltog i stedet for {name}", entry.note) if part)
        else:
            entry.substitute_for = person
    return attendance, warnings


def _read_remarks(entry: Attendance) -> str:
    """Move "ankom kl. 10.25", "forlod mødet kl. 11.40" out of the note; return a substitute's name.

    The referat writes them after the person, separated by commas: "– deltog i stedet for
    Jacob Bundsgaard, ankom kl. 10.25, forlod mødet kl. 11.40, <note>".
    """
    if not entry.note:
        return ""
    substitute = ""
    rest: list[str] = []
    parts = [part.strip() for part in entry.note.split(", ")]
    for position, part in enumerate(parts):
        if rest:
            rest.append(part)
        elif position == 0 and (match := SUBSTITUTE.match(part)):
            substitute = match.group("name").strip()
        elif (match := ARRIVED.match(part)) and entry.arrived_at is None:
            entry.arrived_at = read_clock(match.group("time"))
        elif (match := LEFT.match(part)) and entry.left_at is None:
            entry.left_at = read_clock(match.group("time"))
        else:
            rest.append(part)
    entry.note = ", ".join(rest)
    return substitute


def _person_line(text: str, status: AttendanceStatus, organisation: str) -> Attendance | None:
    text, note = _split_note(text)
    if not organisation and (suffix := ORGANISATION_SUFFIX.match(text)):
        # Staff or a guest who sent apologies: "Jonna Holm Pedersen, specialkonsulent (KL)"
        organisation = suffix.group("organisation").strip()
        text = suffix.group("person")
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
