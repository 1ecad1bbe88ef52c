"""The meeting file: one whole meeting as versioned JSON (see docs/meeting-file.md).

It carries no database ids, so a dump of a loaded dump is identical to the first one,
and a file can move between databases and machines.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from .bounded_file import FileTooLarge, NotARegularFile, read_at_most
from .domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    Section,
)
from .domain.clock import datetime_text, parse_datetime, parse_time, time_text
from .output_file import write_atomically

FORMAT_NAME = "kkr-desk-meeting"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest meeting file read. The shipped sample is 40 kB and a long agenda with full
decisions a few hundred; anything this big is not a meeting, and reading it would hold the
database lock while the roster grows by the thousand."""
MAX_NUMBER_DIGITS = 20
"""A meeting file's only number is its version; Python refuses to read huge integers
anyway (a ValueError of its own), so a long one is refused here with our message."""

_SURROGATE = re.compile("[\ud800-\udfff]")


class MeetingFileError(ValueError):
    """The file is not a meeting file this version can read; the message is for the user."""


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """The meeting as plain JSON data; people are referred to as "p1", "p2" … in list order."""
    people: list[Person] = []
    refs: dict[int, str] = {}

    def ref(person: Person) -> str:
        key = id(person)
        if key not in refs:
            people.append(person)
            refs[key] = f"p{len(people)}"
        return refs[key]

    attendance = [
        {
            "person": ref(entry.person),
            "status": entry.status.value,
            "note": entry.note,
            "arrived_at": time_text(entry.arrived_at),
            "left_at": time_text(entry.left_at),
            "substitute_for": ref(entry.substitute_for) if entry.substitute_for else None,
        }
        for entry in meeting.attendance
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meeting": {
            "committee": meeting.committee,
            "date": meeting.date.isoformat(),
            "start_time": time_text(meeting.start_time),
            "end_time": time_text(meeting.end_time),
            "place": meeting.place,
            "mission": meeting.mission,
            "vision": meeting.vision,
            "people": [
                {
                    "ref": refs[id(person)],
                    "name": person.name,
                    "party": person.party,
                    "municipality": person.municipality,
                    "title": person.title,
                    "organisation": person.organisation,
                }
                for person in people
            ],
            "attendance": attendance,
            "groups": [
                {"title": group.title, "items": [_item_to_dict(item) for item in group.items]}
                for group in meeting.groups
            ],
        },
    }


def meeting_from_dict(data: Any) -> Meeting:
    """Read what ``meeting_to_dict`` wrote; raise MeetingFileError on anything else."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise MeetingFileError("filen er ikke en KKR Desk-mødefil")
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
        raise MeetingFileError(
            f"mødefilen har version {version!r}; denne udgave af KKR Desk læser op til "
            f"version {FORMAT_VERSION}"
        )
    try:
        return _meeting_from_dict(data["meeting"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MeetingFileError(f"mødefilen er beskadiget ({_describe(error)})") from error


def write_meeting_file(meeting: Meeting, path: Path) -> None:
    """Write atomically: the file appears whole or not at all (OutputError otherwise)."""
    text = json.dumps(meeting_to_dict(meeting), ensure_ascii=False, indent=2) + "\n"
    write_atomically(Path(path), text.encode("utf-8"))


def read_meeting_file(path: Path) -> Meeting:
    """Read a meeting file; a file that is not one raises MeetingFileError.

    The size is checked before anything is read, and only a regular file is opened (a pipe
    or a device would never end). A UTF-8 byte-order mark, as Notepad writes it, is allowed.
    """
    path = Path(path)
    try:
        data = read_at_most(path, MAX_FILE_BYTES)
    except NotARegularFile:
        raise MeetingFileError(f"{path} er ikke en almindelig fil") from None
    except FileTooLarge as error:
        raise MeetingFileError(_too_big(error.size)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MeetingFileError("filen er ikke tekst i UTF-8") from error
    try:
        parsed = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise MeetingFileError(f"filen er ikke gyldig JSON (linje {error.lineno})") from error
    except RecursionError:
        raise MeetingFileError(
            "mødefilen er beskadiget (dens lister og felter er indlejret i for mange lag)"
        ) from None
    return meeting_from_dict(parsed)


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise MeetingFileError(
            f"mødefilen er beskadiget (den indeholder et tal på {len(digits)} cifre)"
        )
    return int(digits)


def _too_big(size: int) -> str:
    return (
        f"filen fylder {size / 1024 / 1024:.0f} MB; en mødefil fylder højst "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB, så det er ikke en mødefil"
    )


def item_to_dict(item: AgendaItem) -> dict[str, Any]:
    """One agenda item as it stands in a meeting file (the store's trash keeps items so)."""
    return _item_to_dict(item)


def item_from_dict(data: Any) -> AgendaItem:
    """Read what ``item_to_dict`` wrote; MeetingFileError on anything else."""
    try:
        return _item_from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MeetingFileError(f"punktet er beskadiget ({_describe(error)})") from error


def _item_to_dict(item: AgendaItem) -> dict[str, Any]:
    return {
        "title": item.title,
        "case_number": item.case_number,
        "case_officers": item.case_officers,
        "status": item.status.value,
        "taken_up_at": datetime_text(item.taken_up_at),
        "decided_at": datetime_text(item.decided_at),
        "sections": [{"heading": s.heading, "body": s.body} for s in item.sections],
    }


def _meeting_from_dict(data: dict[str, Any]) -> Meeting:
    people = {
        entry["ref"]: Person(
            name=_text(entry["name"]),
            party=_text(entry.get("party", "")),
            municipality=_text(entry.get("municipality", "")),
            title=_text(entry.get("title", "")),
            organisation=_text(entry.get("organisation", "")),
        )
        for entry in data.get("people", [])
    }
    attendance = [
        Attendance(
            person=people[entry["person"]],
            status=AttendanceStatus(entry.get("status", AttendanceStatus.UNREGISTERED.value)),
            note=_text(entry.get("note", "")),
            arrived_at=_time(entry.get("arrived_at")),
            left_at=_time(entry.get("left_at")),
            substitute_for=people[entry["substitute_for"]] if entry.get("substitute_for") else None,
        )
        for entry in data.get("attendance", [])
    ]
    groups = [
        AgendaGroup(
            title=_text(group["title"]),
            items=[_item_from_dict(item) for item in group.get("items", [])],
        )
        for group in data.get("groups", [])
    ]
    return Meeting(
        committee=_text(data["committee"]),
        date=dt.date.fromisoformat(data["date"]),
        start_time=_time(data.get("start_time")),
        end_time=_time(data.get("end_time")),
        place=_text(data.get("place", "")),
        mission=_text(data.get("mission", "")),
        vision=_text(data.get("vision", "")),
        attendance=attendance,
        groups=groups,
    )


def _item_from_dict(data: dict[str, Any]) -> AgendaItem:
    return AgendaItem(
        title=_text(data["title"]),
        case_number=_text(data.get("case_number", "")),
        case_officers=_text(data.get("case_officers", "")),
        status=ItemStatus(data.get("status", ItemStatus.NOT_STARTED.value)),
        taken_up_at=_datetime(data.get("taken_up_at")),
        decided_at=_datetime(data.get("decided_at")),
        sections=[
            Section(heading=_text(s["heading"]), body=_text(s.get("body", "")))
            for s in data.get("sections", [])
        ],
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"forventede tekst, fandt {type(value).__name__}")
    surrogate = _SURROGATE.search(value)
    if surrogate:
        # JSON's "\ud800" escape can name half a character, which no text file and no
        # database can hold: refused here, not as an encoding error at the insert.
        raise ValueError(f"teksten indeholder et ugyldigt tegn (U+{ord(surrogate[0]):04X})")
    return value


def _time(value: Any) -> dt.time | None:
    return None if value is None else parse_time(_text(value))


def _datetime(value: Any) -> dt.datetime | None:
    return None if value is None else parse_datetime(_text(value))


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"feltet {error.args[0]!r} mangler"
    return str(error)
