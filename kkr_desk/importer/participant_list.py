"""Read the Deltagerfortegnelse: who was present, who sent apologies, and the staff.

KL's list has sub-headings ("Deltagere", "Afbud", "Fra KL", "Fra KD-Net", "Fra <any
organisation>") and one person a line: "Torben Hansen (A), Randers" for a politician,
"Christian Brincker Nordbek, chefkonsulent" or "Jesper Kaas Schmidt, kommunaldirektør,
Randers" for staff. Stray commas around the party ("Simon Vanggaard, (O) Ikast-Brande")
are typos we forgive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import Attendance, AttendanceStatus, Person, PresenceEvent
from ..domain.clock import read_clock
from ..domain.record_text import EVENT_FORM, EVENT_WORDS

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
SUBSTITUTE_AFTER_PERSON = re.compile(
    r",\s*(?:stedfortræder|suppleant) for (?P<name>[^,–—]+?)(?=\s+[–—-]\s+|$)", re.IGNORECASE
)
KINDS = {word: kind for kind, word in EVENT_WORDS.items()}
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


@dataclass(frozen=True)
class PendingItem:
    """An event whose item is named by number ("efter punkt 3.4"), resolved once the agenda
    is read: ``entry.events[position]`` gets the item."""

    entry: Attendance
    position: int
    where: str
    """"under", "efter" or "før"."""
    number: str


def read_participants(
    lines: list[str], pending: list[PendingItem] | None = None
) -> tuple[list[Attendance], list[str]]:
    """Attendance entries from the list's lines, and warnings for lines not understood.

    Events that name an item are added to ``pending``.
    """
    pending = [] if pending is None else pending
    attendance: list[Attendance] = []
    warnings: list[str] = []
    status, organisation = AttendanceStatus.PRESENT, ""
    seen_heading = ignoring = False
    substitutes: list[tuple[Attendance, str]] = []
    for text in _joined_continuations(lines):
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
        stands_in = SUBSTITUTE_AFTER_PERSON.search(text)
        if stands_in:
            text = text[: stands_in.start()] + text[stands_in.end() :]
        entry = _person_line(text, status, organisation)
        if entry is None:
            warnings.append(f"Deltagerlinjen blev ikke forstået: »{text}«")
            continue
        attendance.append(entry)
        substitute = _read_remarks(entry, pending)
        if stands_in:
            substitute = stands_in.group("name").strip()
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


def _joined_continuations(lines: list[str]) -> list[str]:
    """A PDF wraps a long person line ("… kom tilbage kl. 12.05 under" / "punkt 6.1"):
    a line that starts in lower case continues the one before."""
    joined: list[str] = []
    for text in lines:
        stripped = text.strip()
        if joined and joined[-1] and stripped[:1].islower():
            joined[-1] = f"{joined[-1].rstrip()} {stripped}"
        else:
            joined.append(text)
    return joined


def _read_remarks(entry: Attendance, pending: list[PendingItem]) -> str:
    """Move the events out of the note ("ankom kl. 10.25 under punkt 3.2", "forlod mødet
    kl. 11.40 efter punkt 3.4"); return a substitute's name ("deltog i stedet for …").

    They follow the person, separated by commas: "– ankom kl. 10.25, forlod mødet kl. 11.40,
    <note>"; what is not an event and all after it stays the note.
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
        elif match := EVENT_FORM.match(part):
            at = read_clock(match.group("time")) if match.group("time") else None
            if match.group("number"):
                pending.append(
                    PendingItem(
                        entry, len(entry.events), match.group("where").lower(),
                        match.group("number").rstrip("."),
                    )
                )
            entry.events.append(PresenceEvent(KINDS[match.group("word").lower()], at))
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
