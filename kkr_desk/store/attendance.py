"""Who is on a meeting's list and how they attend: status, note, stand-ins; their arrivals
and departures are the presence events of store/item_record.py, written alongside.

Each row keeps the person's party, municipality and title as they were at that meeting
(migration 0008_attendance_details): the referat of a held meeting prints those, whatever
the shared person row (the roster's current word) says later. Only a meeting not yet held
follows the roster (``follow_roster``, called when a committee is saved).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..domain import Attendance, AttendanceStatus, Person
from ..domain.agenda_order import clamp_position, placed
from ..domain.meeting_life import MeetingState
from .database import StoreError, write_transaction
from .item_record import ItemRecords
from .roster import Roster, RosterIds
from .rows import require_meeting

if TYPE_CHECKING:
    from .connection import StoreDatabase


class AttendanceList:
    """The ``attendance`` table, one row per person and meeting, in list order."""

    def __init__(self, db: StoreDatabase, roster: Roster, records: ItemRecords):
        self.db = db
        self.roster = roster
        self.records = records

    def set(self, meeting_id: int, entry: Attendance) -> None:
        """Add or change one person's attendance at a meeting (a new person goes last)."""
        with write_transaction(self.db):
            require_meeting(self.db, meeting_id)
            person_id = self.roster.person_id(entry.person)
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
                self._row(meeting_id, position, person_id, entry, None),
                pk=("meeting_id", "person_id"),
            )
            self.records.set_events(meeting_id, person_id, entry.events)

    def put(self, meeting_id: int, entry: Attendance, position: int | None = None) -> int:
        """Put a person on the list at ``position`` (default: last); returns where it landed.

        The later people move down; positions stay dense, so the referat's order is the
        list's."""
        with write_transaction(self.db):
            require_meeting(self.db, meeting_id)
            person_id = self.roster.person_id(entry.person)
            order = self._order(meeting_id)
            if person_id in order:
                raise StoreError(f"{entry.person.name} står allerede på deltagerlisten")
            position = clamp_position(position, len(order))
            self.db["attendance"].insert(
                self._row(meeting_id, len(order), person_id, entry, None)
            )
            order.insert(position, person_id)
            self._renumber(meeting_id, order)
            self.records.set_events(meeting_id, person_id, entry.events)
        return position

    def remove(self, meeting_id: int, person_id: int) -> None:
        with write_transaction(self.db):
            cursor = self.db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )
            if cursor.rowcount != 1:
                raise StoreError("personen står ikke længere på deltagerlisten")
            self.records.set_events(meeting_id, person_id, [])
            self._renumber(meeting_id, self._order(meeting_id))

    def move(self, meeting_id: int, person_id: int, position: int) -> None:
        """Put the person at ``position`` (0-based, counted without them)."""
        with write_transaction(self.db):
            order = self._order(meeting_id)
            if person_id not in order:
                raise StoreError("personen står ikke længere på deltagerlisten")
            self._renumber(meeting_id, placed(order, person_id, position))

    def _order(self, meeting_id: int) -> list[int]:
        return [
            row["person_id"]
            for row in self.db.query(
                "SELECT person_id FROM attendance WHERE meeting_id = ? ORDER BY position",
                [meeting_id],
            )
        ]

    def _renumber(self, meeting_id: int, order: list[int]) -> None:
        self.db.conn.executemany(
            "UPDATE attendance SET position = ? WHERE meeting_id = ? AND person_id = ?",
            [(position, meeting_id, person_id) for position, person_id in enumerate(order)],
        )

    def of_meeting(self, meeting_id: int) -> list[Attendance]:
        """The meeting's list in its order (without the events: they name items, so
        Meetings.load adds them once the agenda is read)."""
        people = self.roster.people_of_meeting(meeting_id)
        rows = list(
            self.db.query(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        )
        # The details this meeting kept; a stand-in's member not on the list is the roster's.
        for row in rows:
            people[row["person_id"]] = replace(
                people[row["person_id"]],
                party=row["party"],
                municipality=row["municipality"],
                title=row["title"],
            )
        return [
            Attendance(
                person=people[row["person_id"]],
                status=AttendanceStatus(row["status"]),
                note=row["note"],
                substitute_for=people.get(row["substitute_for_id"]),
            )
            for row in rows
        ]

    def follow_roster(self, person_id: int, details: dict[str, str]) -> None:
        """Give the person's rows in meetings not yet held (planlagt) these details (party,
        municipality, title); held, sent and approved meetings keep their own. Rows that
        already say so are not written. Inside the caller's transaction, which keeps the
        meetings' time of last change (store/committees.py: no edit of theirs)."""
        if not details:
            return
        columns = ", ".join(f"{column} = :{column}" for column in details)
        differs = " OR ".join(f"{column} IS NOT :{column}" for column in details)
        self.db.execute(
            f"""UPDATE attendance SET {columns} WHERE person_id = :person_id AND ({differs})
            AND meeting_id IN (SELECT id FROM meeting WHERE state = :planned)""",
            {**details, "person_id": person_id, "planned": MeetingState.PLANNED.value},
        )

    def insert(self, meeting_id: int, position: int, entry: Attendance, roster: RosterIds) -> None:
        """One person of a new meeting's list (inside the caller's transaction; their events
        name items, so Meetings.add writes them once the agenda is in)."""
        person_id = self.roster.person_id(entry.person, roster)
        if list(
            self.db.query(
                "SELECT 1 FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )
        ):
            raise StoreError(
                f"{entry.person.name} står to gange på deltagerlisten; mødet er ikke gemt"
            )
        self.db["attendance"].insert(self._row(meeting_id, position, person_id, entry, roster))

    def _row(
        self,
        meeting_id: int,
        position: int,
        person_id: int,
        entry: Attendance,
        roster: RosterIds | None,
    ) -> dict[str, Any]:
        stand_in: Person | None = entry.substitute_for
        return {
            "meeting_id": meeting_id,
            "person_id": person_id,
            "position": position,
            "status": entry.status.value,
            "note": entry.note,
            "substitute_for_id": self.roster.person_id(stand_in, roster) if stand_in else None,
            **self._details(person_id, entry.person),
        }

    def _details(self, person_id: int, person: Person) -> dict[str, str]:
        """The party, municipality and title the row keeps: the person's as given (the
        meeting's word), a blank one filled from the roster's row."""
        details = {
            "party": person.party,
            "municipality": person.municipality,
            "title": person.title,
        }
        if all(value.strip() for value in details.values()):
            return details
        stored = next(
            self.db.query(
                "SELECT party, municipality, title FROM person WHERE id = ?", [person_id]
            )
        )
        return {
            column: value if value.strip() else stored[column]
            for column, value in details.items()
        }

