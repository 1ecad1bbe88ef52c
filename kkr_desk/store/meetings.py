"""Meetings as wholes: the list, loading and saving a whole meeting, new and deleted meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import BESLUTNING, Meeting
from ..domain.clock import parse_datetime, parse_time, time_text
from ..domain.committee import new_meeting, roster_attendance, with_roster
from ..domain.meeting_life import MeetingState
from ..domain.next_meeting import next_meeting
from ..meeting_file import meeting_from_dict, meeting_to_dict
from .agenda import Agenda
from .attendance import AttendanceList
from .committees import CommitteeNotFound, Committees
from .database import StoreError, write_transaction
from .item_record import ItemRecords
from .meeting_life import MeetingLife
from .roster import Roster
from .rows import MeetingNotFound, require_meeting, row_exists
from .trash import MEETING, Trash, entry_state

if TYPE_CHECKING:
    from .connection import StoreDatabase


@dataclass(frozen=True)
class MeetingSummary:
    """What the meetings list shows without loading whole agendas."""

    id: int
    committee: str
    date: dt.date
    state: MeetingState
    item_count: int
    decided_count: int
    """Items whose Beslutning holds text."""
    changed_at: dt.datetime | None
    """The last edit of anything in the meeting (None: not since the database was upgraded)."""


class Meetings:
    """The ``meeting`` table, and a whole meeting across the agenda and attendance tables."""

    def __init__(
        self,
        db: StoreDatabase,
        roster: Roster,
        attendance: AttendanceList,
        agenda: Agenda,
        trash: Trash,
        committees: Committees,
        records: ItemRecords,
        life: MeetingLife,
    ):
        self.db = db
        self.committees = committees
        self.roster = roster
        self.attendance = attendance
        self.agenda = agenda
        self.trash = trash
        self.records = records
        self.life = life

    def summaries(self) -> list[MeetingSummary]:
        """Every meeting, newest date first."""
        rows = self.db.query(
            """
            SELECT meeting.id, committee, date, state, changed_at,
                   COUNT(agenda_item.id) AS item_count,
                   COUNT(decided.item_id) AS decided_count
            FROM meeting
            LEFT JOIN agenda_group ON agenda_group.meeting_id = meeting.id
            LEFT JOIN agenda_item ON agenda_item.group_id = agenda_group.id
            LEFT JOIN (
                SELECT DISTINCT item_id FROM section
                WHERE heading = ? AND TRIM(body) != ''
            ) AS decided ON decided.item_id = agenda_item.id
            GROUP BY meeting.id
            ORDER BY date DESC, meeting.id DESC
            """,
            [BESLUTNING],
        )
        return [
            MeetingSummary(
                id=row["id"],
                committee=row["committee"],
                date=dt.date.fromisoformat(row["date"]),
                state=MeetingState(row["state"]),
                item_count=row["item_count"],
                decided_count=row["decided_count"],
                changed_at=parse_datetime(row["changed_at"]),
            )
            for row in rows
        ]

    def exists(self, meeting_id: int) -> bool:
        return row_exists(self.db, "meeting", meeting_id)

    def newest_id(self) -> int | None:
        """The meeting the list shows first (newest date), without counting every list."""
        rows = list(self.db.query("SELECT id FROM meeting ORDER BY date DESC, id DESC LIMIT 1"))
        return rows[0]["id"] if rows else None

    def load(self, meeting_id: int) -> Meeting:
        """The whole meeting with attendance and agenda; MeetingNotFound if there is none."""
        rows = list(self.db.query("SELECT * FROM meeting WHERE id = ?", [meeting_id]))
        if not rows:
            raise MeetingNotFound(f"der findes intet møde med id {meeting_id}")
        row = rows[0]
        meeting = Meeting(
            id=row["id"],
            committee=row["committee"],
            date=dt.date.fromisoformat(row["date"]),
            start_time=parse_time(row["start_time"]),
            end_time=parse_time(row["end_time"]),
            place=row["place"],
            mission=row["mission"],
            vision=row["vision"],
            attendance=self.attendance.of_meeting(meeting_id),
            groups=self.agenda.groups_of_meeting(meeting_id),
        )
        self.records.fill(meeting)
        return meeting

    def add(
        self,
        meeting: Meeting,
        state: MeetingState = MeetingState.PLANNED,
        *,
        fill_roster: bool = False,
    ) -> int:
        """Save a whole new meeting in one transaction; people are matched to the roster.

        ``state`` is where its life begins (an imported referat was held). The meeting joins
        its committee (made from this meeting when the name is new). With ``fill_roster`` a
        meeting that came without people (a KL dagsorden) gets the committee's roster,
        unregistered. Sets the ids on the meeting and its parts, and returns its id.
        """
        with write_transaction(self.db):
            committee = self.committees.for_meeting(meeting)
            if fill_roster and committee is not None:
                with_roster(meeting, committee)
            roster = self.roster.ids()  # once: a long attendance list stays linear
            row = {
                **_meeting_row(meeting),
                "state": state.value,
                "committee_id": committee.id if committee else None,
            }
            meeting.id = self.db["meeting"].insert(row).last_pk
            for position, entry in enumerate(meeting.attendance):
                self.attendance.insert(meeting.id, position, entry, roster)
            for position, group in enumerate(meeting.groups):
                self.agenda.insert_group(meeting.id, position, group)
            self.records.add_meeting_events(meeting, roster)
        return meeting.id

    def update_details(self, meeting: Meeting) -> None:
        """Save the meeting's own fields (committee, date, times, place, front page); a
        committee name not seen before makes that committee."""
        with write_transaction(self.db):
            require_meeting(self.db, meeting.id)
            committee = self.committees.for_meeting(meeting)
            row = _meeting_row(meeting) | {"committee_id": committee.id if committee else None}
            self.db["meeting"].update(meeting.id, row)

    def create_empty(self, committee: str, date: dt.date, place: str = "") -> int:
        """A new agenda of the committee: its roster (unregistered), place and standing
        items; a name not seen before makes a new committee with nobody on it."""
        if not committee.strip():
            raise StoreError("mødet skal have et udvalg")
        with write_transaction(self.db):
            known = self.committees.for_meeting(Meeting(committee.strip(), date))
            meeting = new_meeting(known, date)
            if place:
                meeting.place = place
            return self.add(meeting)

    def create_next(self, meeting_id: int, date: dt.date) -> int:
        """The committee's next meeting: the committee's roster, the standing points of this
        one; returns its id."""
        previous = self.load(meeting_id)
        if date <= previous.date:
            raise StoreError(f"det næste møde skal ligge efter mødet den {previous.date:%d-%m-%Y}")
        with write_transaction(self.db):
            committee = self.committees.for_meeting(previous)
            meeting = next_meeting(previous, date)
            if committee is not None and committee.roster:
                meeting.attendance = roster_attendance(committee)
            return self.add(meeting)

    def delete(self, meeting_id: int) -> int:
        """Remove a meeting with its agenda and attendance; the people stay in the roster.

        The meeting goes to the trash first, with its state, history, kept versions,
        committee and time of last change; the trash's entries of its groups and items wait
        for it (``Trash.set_aside_of_meeting``). Returns the trash entry that restores it.
        """
        with write_transaction(self.db):
            meeting = self.load(meeting_id)
            [row] = self.db.query(
                "SELECT committee_id, changed_at FROM meeting WHERE id = ?", [meeting_id]
            )
            label = f"{meeting.committee} {meeting.date:%d-%m-%Y}"
            trash_id = self.trash.put(
                MEETING,
                label,
                meeting_to_dict(meeting),
                meeting_id=meeting_id,
                extra={
                    "state": self.life.state(meeting_id).value,
                    **self.life.kept(meeting_id),
                    "committee_id": row["committee_id"],
                    "changed_at": row["changed_at"],
                    "waiting": self.trash.set_aside_of_meeting(
                        meeting_id, [group.id for group in meeting.groups]
                    ),
                },
            )
            self.db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])
        return trash_id

    def restore(self, row: dict[str, Any], content: dict[str, Any], extra: dict) -> int:
        """A trashed meeting back with new ids: its state, history and kept versions, in its
        committee (under the committee's name now, should it have been renamed meanwhile).

        An entry from before trash version 2 brings back what it kept: its state
        (``entry_state``; "afholdt" for a referat from before states); its time of last
        change is not known (``Trash.restore_note`` tells the user what is missing)."""
        meeting = meeting_from_dict(content)
        committee_id = extra.get("committee_id")
        if isinstance(committee_id, int):
            try:
                name = self.committees.by_id(committee_id).name
            except CommitteeNotFound:
                name = None  # by its name, as a meeting from a file
            spelled = " ".join(meeting.committee.split()).casefold()
            if name is not None and name.casefold() != spelled:
                meeting.committee = name  # renamed while the meeting was in the trash
        with write_transaction(self.db):
            meeting_id = self.add(meeting, entry_state(content, extra))
            self.life.put_back(meeting_id, extra.get("history", []), extra.get("versions", []))
            self.trash.attach(
                extra.get("waiting"),
                meeting_id=meeting_id,
                group_ids=[group.id for group in meeting.groups],
            )
            # A restore is no edit: the last change as it was, or not known (None).
            changed_at = extra.get("changed_at")
            self.db.execute(
                "UPDATE meeting SET changed_at = ? WHERE id = ?",
                [changed_at if isinstance(changed_at, str) else None, meeting_id],
            )
        return meeting_id


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "committee": meeting.committee,
        "date": meeting.date.isoformat(),
        "start_time": time_text(meeting.start_time),
        "end_time": time_text(meeting.end_time),
        "place": meeting.place,
        "mission": meeting.mission,
        "vision": meeting.vision,
    }
