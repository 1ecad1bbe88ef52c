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
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Section,
    Vote,
    VoteChoice,
    VoteLine,
)
from .domain.clock import datetime_text, parse_datetime, parse_time, time_text
from .output_file import write_atomically

FORMAT_NAME = "kkr-desk-meeting"
FORMAT_VERSION = 2
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

    positions = {id(item): n for n, item in enumerate(meeting.items)}
    attendance = [
        {
            "person": ref(entry.person),
            "status": entry.status.value,
            "note": entry.note,
            "events": [
                {
                    "kind": event.kind.value,
                    "at": time_text(event.at),
                    "item": positions.get(id(event.item)),
                }
                for event in entry.events
            ],
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
            "people": [_person_to_dict(person, refs[id(person)]) for person in people],
            "attendance": attendance,
            "groups": [
                {
                    "title": group.title,
                    "items": [_item_to_dict(item, ref) for item in group.items],
                }
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
    """One agenda item as it stands in a meeting file (the store's trash keeps items so),
    with the people its record names in its own ``people``."""
    people: list[Person] = []

    def ref(person: Person) -> str:
        if person not in people:
            people.append(person)
        return f"p{people.index(person) + 1}"

    data = _item_to_dict(item, ref)
    data["people"] = [_person_to_dict(person, f"p{n}") for n, person in enumerate(people, 1)]
    return data


def item_from_dict(data: Any) -> AgendaItem:
    """Read what ``item_to_dict`` wrote; MeetingFileError on anything else."""
    try:
        return _item_from_dict(data, _people_from_list(data.get("people", [])))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MeetingFileError(f"punktet er beskadiget ({_describe(error)})") from error


def _item_to_dict(item: AgendaItem, ref: Any = None) -> dict[str, Any]:
    """The item; with ``ref`` (a person → "p1" function) also its record."""
    data = {
        "title": item.title,
        "case_number": item.case_number,
        "case_officers": item.case_officers,
        "status": item.status.value,
        "taken_up_at": datetime_text(item.taken_up_at),
        "decided_at": datetime_text(item.decided_at),
        "sections": [{"heading": s.heading, "body": s.body} for s in item.sections],
    }
    if ref is not None:
        data["inhabil"] = [ref(person) for person in item.inhabil]
        data["vote"] = None if item.vote is None else [
            {
                "choice": line.choice.value,
                "party": line.party,
                "count": line.count,
                "person": ref(line.person) if line.person else None,
            }
            for line in item.vote.lines
        ]
        data["remarks"] = [
            {"text": r.text, "party": r.party, "person": ref(r.person) if r.person else None}
            for r in item.remarks
        ]
    return data


def _person_to_dict(person: Person, ref: str) -> dict[str, Any]:
    return {
        "ref": ref,
        "name": person.name,
        "party": person.party,
        "municipality": person.municipality,
        "title": person.title,
        "organisation": person.organisation,
    }


def _people_from_list(entries: Any) -> dict[str, Person]:
    return {
        entry["ref"]: Person(
            name=_text(entry["name"]),
            party=_text(entry.get("party", "")),
            municipality=_text(entry.get("municipality", "")),
            title=_text(entry.get("title", "")),
            organisation=_text(entry.get("organisation", "")),
        )
        for entry in entries
    }


def _meeting_from_dict(data: dict[str, Any]) -> Meeting:
    people = _people_from_list(data.get("people", []))
    groups = [
        AgendaGroup(
            title=_text(group["title"]),
            items=[_item_from_dict(item, people) for item in group.get("items", [])],
        )
        for group in data.get("groups", [])
    ]
    items = [item for group in groups for item in group.items]
    attendance = [
        Attendance(
            person=people[entry["person"]],
            status=AttendanceStatus(entry.get("status", AttendanceStatus.UNREGISTERED.value)),
            note=_text(entry.get("note", "")),
            events=_events(entry, items),
            substitute_for=people[entry["substitute_for"]] if entry.get("substitute_for") else None,
        )
        for entry in data.get("attendance", [])
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


def _events(entry: dict[str, Any], items: list[AgendaItem]) -> list[PresenceEvent]:
    """Version 2's events; version 1's one arrival and one departure become events."""
    if "events" not in entry:
        old = [
            PresenceEvent(kind, _time(entry.get(key)))
            for kind, key in ((PresenceKind.ARRIVED, "arrived_at"), (PresenceKind.LEFT, "left_at"))
            if entry.get(key) is not None
        ]
        return old
    events = []
    for event in entry["events"]:
        position = event.get("item")
        if position is not None and not (isinstance(position, int) and 0 <= position < len(items)):
            raise ValueError(f"hændelsen peger på et punkt, der ikke findes ({position!r})")
        events.append(
            PresenceEvent(
                PresenceKind(event["kind"]),
                _time(event.get("at")),
                None if position is None else items[position],
            )
        )
    return events


def _item_from_dict(data: dict[str, Any], people: dict[str, Person] | None = None) -> AgendaItem:
    people = people or {}
    vote = data.get("vote")
    return AgendaItem(
        inhabil=[people[ref] for ref in data.get("inhabil", [])],
        vote=None if vote is None else Vote(
            [
                VoteLine(
                    VoteChoice(line["choice"]),
                    _text(line.get("party", "")),
                    _count(line.get("count", 1)),
                    people[line["person"]] if line.get("person") else None,
                )
                for line in vote
            ]
        ),
        remarks=[
            ProtocolRemark(
                _text(r["text"]),
                _text(r.get("party", "")),
                people[r["person"]] if r.get("person") else None,
            )
            for r in data.get("remarks", [])
        ],
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


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000:
        raise ValueError(f"stemmetallet {value!r} er ikke et tal mellem 0 og 1000")
    return value


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
