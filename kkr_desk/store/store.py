"""The store: every read and write of meetings and the roster, one transaction per user edit.

The window, the CLI and the importers talk to this class only; none of them sees SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    MeetingKind,
    Person,
    Section,
)
from ..domain.clock import datetime_text, parse_datetime, parse_time, time_text
from .agenda_edits import AgendaEdits
from .database import StoreError, check_location, open_database, write_transaction
from .health import inspect_database_file
from .item_record import ItemRecords
from .lock import acquire_database_lock
from .search import SearchMixin
from .settings import Settings
from .trash import TrashMixin


class MeetingNotFound(StoreError):
    """No meeting has the id the user gave."""


@dataclass(frozen=True)
class MeetingSummary:
    """What the meetings list shows without loading whole agendas."""

    id: int
    committee: str
    date: dt.date
    kind: MeetingKind
    item_count: int


class Store(TrashMixin, AgendaEdits, Settings, SearchMixin):
    """A KKR Desk database file, opened and migrated; many meetings share one roster."""

    def __init__(self, path: Path):
        self.path = Path(path)
        check_location(self.path)
        self._lock = acquire_database_lock(self.path)  # one writer: see store/lock.py
        try:
            inspect_database_file(self.path)  # a damaged file is never written to
            self.db, self.is_new = open_database(self.path)
        except BaseException:
            self._lock.release()
            raise
        self.records = ItemRecords(self.db)

    def close(self) -> None:
        self.db.close()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Meetings --------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, newest date first."""
        rows = self.db.query(
            """
            SELECT meeting.id, committee, date, kind, COUNT(agenda_item.id) AS item_count
            FROM meeting
            LEFT JOIN agenda_group ON agenda_group.meeting_id = meeting.id
            LEFT JOIN agenda_item ON agenda_item.group_id = agenda_group.id
            GROUP BY meeting.id
            ORDER BY date DESC, meeting.id DESC
            """
        )
        return [
            MeetingSummary(
                id=row["id"],
                committee=row["committee"],
                date=dt.date.fromisoformat(row["date"]),
                kind=MeetingKind(row["kind"]),
                item_count=row["item_count"],
            )
            for row in rows
        ]

    def load_meeting(self, meeting_id: int) -> Meeting:
        """The whole meeting with attendance and agenda; MeetingNotFound if there is none."""
        rows = list(self.db.query("SELECT * FROM meeting WHERE id = ?", [meeting_id]))
        if not rows:
            raise MeetingNotFound(f"der findes intet møde med id {meeting_id}")
        row = rows[0]
        people = self._people_of_meeting(meeting_id)
        meeting = Meeting(
            id=row["id"],
            committee=row["committee"],
            kind=MeetingKind(row["kind"]),
            date=dt.date.fromisoformat(row["date"]),
            start_time=parse_time(row["start_time"]),
            end_time=parse_time(row["end_time"]),
            place=row["place"],
            mission=row["mission"],
            vision=row["vision"],
            attendance=[
                Attendance(
                    person=people[a["person_id"]],
                    status=AttendanceStatus(a["status"]),
                    note=a["note"],
                    substitute_for=people.get(a["substitute_for_id"]),
                )
                for a in self.db.query(
                    "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position",
                    [meeting_id],
                )
            ],
            groups=self._groups_of_meeting(meeting_id),
        )
        self.records.fill(meeting, lambda person_id: self._person_by_id(people, person_id))
        return meeting

    def _person_by_id(self, people: dict[int, Person], person_id: int) -> Person:
        if person_id not in people:
            row = next(self.db.query("SELECT * FROM person WHERE id = ?", [person_id]))
            people[person_id] = _person(row)
        return people[person_id]

    def add_meeting(self, meeting: Meeting) -> int:
        """Save a whole new meeting in one transaction; people are matched to the roster.

        Sets the ids on the meeting and its parts, and returns the meeting's id.
        """
        with write_transaction(self.db):
            roster = self._roster_ids()  # once: a long attendance list stays linear
            meeting.id = self.db["meeting"].insert(_meeting_row(meeting)).last_pk
            for position, entry in enumerate(meeting.attendance):
                self._insert_attendance(meeting.id, position, entry, roster)
            for position, group in enumerate(meeting.groups):
                self._insert_group(meeting.id, position, group)
            self.records.add_meeting_records(meeting, lambda p: self._person_id(p, roster))
        return meeting.id

    def update_meeting_details(self, meeting: Meeting) -> None:
        """Save the meeting's own fields (committee, kind, date, times, place, front page)."""
        with write_transaction(self.db):
            self._require_meeting(meeting.id)
            self.db["meeting"].update(meeting.id, _meeting_row(meeting))

    # Roster and attendance ----------------------------------------------------------------

    def people(self) -> list[Person]:
        """The whole roster, by name."""
        return [
            _person(row)
            for row in self.db.query("SELECT * FROM person ORDER BY name COLLATE NOCASE, id")
        ]

    def set_attendance(self, meeting_id: int, entry: Attendance) -> None:
        """Add or change one person's attendance at a meeting."""
        with write_transaction(self.db):
            self._require_meeting(meeting_id)
            person_id = self._person_id(entry.person)
            existing = list(
                self.db.query(
                    "SELECT position FROM attendance WHERE meeting_id = ? AND person_id = ?",
                    [meeting_id, person_id],
                )
            )
            if existing:
                position = existing[0]["position"]
            else:
                position = next(
                    self.db.query(
                        "SELECT COALESCE(MAX(position) + 1, 0) AS next FROM attendance "
                        "WHERE meeting_id = ?",
                        [meeting_id],
                    )
                )["next"]
            self.db["attendance"].upsert(
                _attendance_row(meeting_id, position, person_id, entry, self._person_id),
                pk=("meeting_id", "person_id"),
            )
            self.records.set_events(meeting_id, person_id, entry.events)

    # Agenda edits -------------------------------------------------------------------------

    def set_section_body(self, section_id: int, body: str) -> None:
        """Save the text of one section (the live-typing path: keep it small)."""
        with write_transaction(self.db):
            cursor = self.db.execute(
                "UPDATE section SET body = ? WHERE id = ?", [body, section_id]
            )
            if cursor.rowcount != 1:
                raise StoreError(f"afsnittet med id {section_id} findes ikke længere")

    def set_item_status(
        self, item_id: int, status: ItemStatus, *, at: dt.datetime | None = None
    ) -> None:
        """Move an item to a status; taken-up and decided times are stamped on the way."""
        changes: dict[str, Any] = {"status": status.value}
        if at is not None and status is ItemStatus.IN_PROGRESS:
            changes["taken_up_at"] = datetime_text(at)
        if at is not None and status is ItemStatus.DECIDED:
            changes["decided_at"] = datetime_text(at)
        with write_transaction(self.db):
            self._require_row("agenda_item", item_id)
            self.db["agenda_item"].update(item_id, changes)

    # Helpers ---------------------------------------------------------------------------------

    def _require_meeting(self, meeting_id: int | None) -> None:
        if meeting_id is None or not self._row_exists("meeting", meeting_id):
            raise MeetingNotFound(f"der findes intet møde med id {meeting_id}")

    def _require_row(self, table: str, row_id: int) -> None:
        if not self._row_exists(table, row_id):
            raise StoreError(f"{table} med id {row_id} findes ikke længere")

    def _row_exists(self, table: str, row_id: int) -> bool:
        return bool(list(self.db.query(f"SELECT 1 FROM [{table}] WHERE id = ?", [row_id])))

    def _roster_ids(self) -> dict[tuple[str, str], int]:
        """Roster key (name, organisation) → id; the oldest entry wins, as it always has."""
        roster: dict[tuple[str, str], int] = {}
        for row in self.db.query("SELECT id, name, organisation FROM person ORDER BY id"):
            key = (_roster_key(row["name"]), _roster_key(row["organisation"]))
            roster.setdefault(key, row["id"])
        return roster

    def roster_id(self, person: Person) -> int:
        """The person's roster id, adding them to the roster if new (call inside a write)."""
        return self._person_id(person)

    def _person_id(
        self, person: Person, roster: dict[tuple[str, str], int] | None = None
    ) -> int:
        """The roster id of a person: reuse an existing entry by id, or by name and organisation.

        ``roster`` is ``_roster_ids()`` made once for many people, and kept up to date here.
        """
        if person.id is not None and self._row_exists("person", person.id):
            return person.id
        if roster is None:
            roster = self._roster_ids()
        # Names and organisations are compared the way a reader would: case and spacing
        # differ between documents ("Jesper Kaas  Schmidt", "KD-net"), the person does not.
        wanted = (_roster_key(person.name), _roster_key(person.organisation))
        if wanted in roster:
            person.id = roster[wanted]
        else:
            person.id = self.db["person"].insert(_person_row(person)).last_pk
            roster[wanted] = person.id
        return person.id

    def _insert_attendance(
        self,
        meeting_id: int,
        position: int,
        entry: Attendance,
        roster: dict[tuple[str, str], int],
    ) -> None:
        person_id = self._person_id(entry.person, roster)
        if list(
            self.db.query(
                "SELECT 1 FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )
        ):
            raise StoreError(
                f"{entry.person.name} står to gange på deltagerlisten; mødet er ikke gemt"
            )
        self.db["attendance"].insert(
            _attendance_row(
                meeting_id, position, person_id, entry, lambda p: self._person_id(p, roster)
            )
        )

    def _insert_group(self, meeting_id: int, position: int, group: AgendaGroup) -> None:
        group.id = self.db["agenda_group"].insert(
            {"meeting_id": meeting_id, "position": position, "title": group.title}
        ).last_pk
        for item_position, item in enumerate(group.items):
            self._insert_item(group.id, item_position, item)

    def _insert_item(self, group_id: int, position: int, item: AgendaItem) -> None:
        item.id = self.db["agenda_item"].insert(
            {
                "group_id": group_id,
                "position": position,
                "title": item.title,
                "case_number": item.case_number,
                "case_officers": item.case_officers,
                "status": item.status.value,
                "taken_up_at": datetime_text(item.taken_up_at),
                "decided_at": datetime_text(item.decided_at),
            }
        ).last_pk
        if item.inhabil or item.vote or item.remarks:
            self.records.set_item_record(item, self._person_id)
        for section_position, section in enumerate(item.sections):
            section.id = self.db["section"].insert(
                {
                    "item_id": item.id,
                    "position": section_position,
                    "heading": section.heading,
                    "body": section.body,
                }
            ).last_pk

    def _people_of_meeting(self, meeting_id: int) -> dict[int, Person]:
        rows = self.db.query(
            """
            SELECT DISTINCT person.* FROM person JOIN attendance
              ON person.id = attendance.person_id OR person.id = attendance.substitute_for_id
            WHERE attendance.meeting_id = ?
            """,
            [meeting_id],
        )
        return {row["id"]: _person(row) for row in rows}

    def _groups_of_meeting(self, meeting_id: int) -> list[AgendaGroup]:
        groups = [
            AgendaGroup(id=row["id"], title=row["title"])
            for row in self.db.query(
                "SELECT * FROM agenda_group WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]
        by_id = {group.id: group for group in groups}
        items: dict[int, AgendaItem] = {}
        for row in self.db.query(
            """
            SELECT agenda_item.* FROM agenda_item
            JOIN agenda_group ON agenda_group.id = agenda_item.group_id
            WHERE agenda_group.meeting_id = ?
            ORDER BY agenda_item.group_id, agenda_item.position
            """,
            [meeting_id],
        ):
            item = AgendaItem(
                id=row["id"],
                title=row["title"],
                case_number=row["case_number"],
                case_officers=row["case_officers"],
                status=ItemStatus(row["status"]),
                taken_up_at=parse_datetime(row["taken_up_at"]),
                decided_at=parse_datetime(row["decided_at"]),
            )
            items[item.id] = item
            by_id[row["group_id"]].items.append(item)
        for row in self.db.query(
            """
            SELECT section.* FROM section
            JOIN agenda_item ON agenda_item.id = section.item_id
            JOIN agenda_group ON agenda_group.id = agenda_item.group_id
            WHERE agenda_group.meeting_id = ?
            ORDER BY section.item_id, section.position
            """,
            [meeting_id],
        ):
            items[row["item_id"]].sections.append(
                Section(id=row["id"], heading=row["heading"], body=row["body"])
            )
        return groups


def _roster_key(text: str) -> str:
    """A name as the roster compares it: spacing and case ignored."""
    return " ".join(text.split()).casefold()


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "committee": meeting.committee,
        "kind": meeting.kind.value,
        "date": meeting.date.isoformat(),
        "start_time": time_text(meeting.start_time),
        "end_time": time_text(meeting.end_time),
        "place": meeting.place,
        "mission": meeting.mission,
        "vision": meeting.vision,
    }


def _attendance_row(
    meeting_id: int, position: int, person_id: int, entry: Attendance, person_id_of: Any
) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "person_id": person_id,
        "position": position,
        "status": entry.status.value,
        "note": entry.note,
        "substitute_for_id": person_id_of(entry.substitute_for) if entry.substitute_for else None,
    }


def _person_row(person: Person) -> dict[str, Any]:
    return {
        "name": person.name.strip(),
        "party": person.party,
        "municipality": person.municipality,
        "title": person.title,
        "organisation": person.organisation,
    }


def _person(row: dict[str, Any]) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        party=row["party"],
        municipality=row["municipality"],
        title=row["title"],
        organisation=row["organisation"],
    )
