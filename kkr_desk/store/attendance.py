"""Who is on a meeting's list and how they attend: status, note, times, stand-ins."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain import Attendance, AttendanceStatus, Person
from ..domain.clock import parse_time, time_text
from .database import StoreError, write_transaction
from .roster import Roster, RosterIds
from .rows import require_meeting

if TYPE_CHECKING:
    from sqlite_utils import Database


class AttendanceList:
    """The ``attendance`` table, one row per person and meeting, in list order."""

    def __init__(self, db: Database, roster: Roster):
        self.db = db
        self.roster = roster

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

    def of_meeting(self, meeting_id: int) -> list[Attendance]:
        """The meeting's list in its order."""
        people = self.roster.people_of_meeting(meeting_id)
        return [
            Attendance(
                person=people[row["person_id"]],
                status=AttendanceStatus(row["status"]),
                note=row["note"],
                arrived_at=parse_time(row["arrived_at"]),
                left_at=parse_time(row["left_at"]),
                substitute_for=people.get(row["substitute_for_id"]),
            )
            for row in self.db.query(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]

    def insert(self, meeting_id: int, position: int, entry: Attendance, roster: RosterIds) -> None:
        """One person of a new meeting's list (inside the caller's transaction)."""
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
            "arrived_at": time_text(entry.arrived_at),
            "left_at": time_text(entry.left_at),
            "substitute_for_id": self.roster.person_id(stand_in, roster) if stand_in else None,
        }

