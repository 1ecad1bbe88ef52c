"""Meetings as wholes: the list, loading and saving a whole meeting, new and deleted meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import Meeting, MeetingKind
from ..domain.clock import parse_time, time_text
from ..domain.next_meeting import next_meeting
from ..meeting_file import meeting_from_dict, meeting_to_dict
from .agenda import Agenda
from .attendance import AttendanceList
from .database import StoreError, write_transaction
from .roster import Roster
from .rows import MeetingNotFound, require_meeting
from .trash import MEETING, Trash

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class MeetingSummary:
    """What the meetings list shows without loading whole agendas."""

    id: int
    committee: str
    date: dt.date
    kind: MeetingKind
    item_count: int


class Meetings:
    """The ``meeting`` table, and a whole meeting across the agenda and attendance tables."""

    def __init__(
        self, db: Database, roster: Roster, attendance: AttendanceList, agenda: Agenda, trash: Trash
    ):
        self.db = db
        self.roster = roster
        self.attendance = attendance
        self.agenda = agenda
        self.trash = trash

    def summaries(self) -> list[MeetingSummary]:
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

    def load(self, meeting_id: int) -> Meeting:
        """The whole meeting with attendance and agenda; MeetingNotFound if there is none."""
        rows = list(self.db.query("SELECT * FROM meeting WHERE id = ?", [meeting_id]))
        if not rows:
            raise MeetingNotFound(f"der findes intet møde med id {meeting_id}")
        row = rows[0]
        return Meeting(
            id=row["id"],
            committee=row["committee"],
            kind=MeetingKind(row["kind"]),
            date=dt.date.fromisoformat(row["date"]),
            start_time=parse_time(row["start_time"]),
            end_time=parse_time(row["end_time"]),
            place=row["place"],
            mission=row["mission"],
            vision=row["vision"],
            attendance=self.attendance.of_meeting(meeting_id),
            groups=self.agenda.groups_of_meeting(meeting_id),
        )

    def add(self, meeting: Meeting) -> int:
        """Save a whole new meeting in one transaction; people are matched to the roster.

        Sets the ids on the meeting and its parts, and returns the meeting's id.
        """
        with write_transaction(self.db):
            roster = self.roster.ids()  # once: a long attendance list stays linear
            meeting.id = self.db["meeting"].insert(_meeting_row(meeting)).last_pk
            for position, entry in enumerate(meeting.attendance):
                self.attendance.insert(meeting.id, position, entry, roster)
            for position, group in enumerate(meeting.groups):
                self.agenda.insert_group(meeting.id, position, group)
        return meeting.id

    def update_details(self, meeting: Meeting) -> None:
        """Save the meeting's own fields (committee, kind, date, times, place, front page)."""
        with write_transaction(self.db):
            require_meeting(self.db, meeting.id)
            self.db["meeting"].update(meeting.id, _meeting_row(meeting))

    def create_empty(self, committee: str, date: dt.date, place: str = "") -> int:
        """A new agenda with no groups and nobody on the list; returns its id."""
        if not committee.strip():
            raise StoreError("mødet skal have et udvalg")
        return self.add(
            Meeting(committee=committee.strip(), date=date, kind=MeetingKind.DAGSORDEN, place=place)
        )

    def create_next(self, meeting_id: int, date: dt.date) -> int:
        """The committee's next meeting: same roster, standing points; returns its id."""
        previous = self.load(meeting_id)
        if date <= previous.date:
            raise StoreError(f"det næste møde skal ligge efter mødet den {previous.date:%d-%m-%Y}")
        return self.add(next_meeting(previous, date))

    def delete(self, meeting_id: int) -> int:
        """Remove a meeting with its agenda and attendance; the people stay in the roster.

        The meeting goes to the trash first; returns the trash entry that restores it.
        """
        with write_transaction(self.db):
            meeting = self.load(meeting_id)
            label = f"{meeting.committee} {meeting.date:%d-%m-%Y}"
            trash_id = self.trash.put(
                MEETING, label, meeting_to_dict(meeting), meeting_id=meeting_id
            )
            self.db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])
        return trash_id

    def restore(self, row: dict[str, Any], content: dict[str, Any]) -> int:
        """A trashed meeting back, with new ids (for the trash)."""
        return self.add(meeting_from_dict(content))


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
