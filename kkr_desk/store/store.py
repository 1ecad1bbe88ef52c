"""The store: a KKR Desk database file, opened, checked and locked, and its repositories.

Each repository is a small class over the one database with one job (store/meetings.py,
meeting_life.py, committees.py, agenda.py, attendance.py, item_record.py, roster.py,
trash.py, settings.py, search.py); Store only builds them and hands each the others it needs, so no
order of mixins decides what a call does. The window and the CLI reach them through kkr_desk.app only; none of them sees SQL.
"""

from __future__ import annotations

from pathlib import Path

from .agenda import Agenda
from .attendance import AttendanceList
from .committees import Committees
from .database import check_location, open_database
from .health import inspect_database_file
from .item_record import ItemRecords
from .lock import acquire_database_lock
from .meeting_life import MeetingLife
from .meetings import MeetingNotFound, Meetings, MeetingSummary
from .roster import Roster
from .run_marks import RunMarks
from .search import Search
from .settings import Settings
from .trash import Trash

__all__ = ["MeetingNotFound", "MeetingSummary", "Store"]


class Store:
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
        self.roster = Roster(self.db)
        self.trash = Trash(self.db)
        self.records = ItemRecords(self.db, self.roster)
        self.agenda = Agenda(self.db, self.trash, self.records)
        self.attendance = AttendanceList(self.db, self.roster, self.records)
        self.committees = Committees(self.db, self.roster, self.attendance, self.trash)
        # the kept versions are whole meetings, loaded by the meetings repository made next
        self.life = MeetingLife(
            self.db, lambda meeting_id: self.meetings.load(meeting_id), self.agenda.set_item_status
        )
        self.meetings = Meetings(
            self.db,
            self.roster,
            self.attendance,
            self.agenda,
            self.trash,
            self.committees,
            self.records,
            self.life,
        )
        self.trash.restore_with(
            meeting=self.meetings.restore,
            group=self.agenda.restore_group,
            item=self.agenda.restore_item,
            committee=self.committees.restore,
        )
        self.settings = Settings(self.db)
        self.search = Search(self.db)
        self.run_marks = RunMarks(self.db)

    def close(self) -> None:
        self.db.close()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
