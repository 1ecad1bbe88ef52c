"""The database as the secretary's programs use it: meetings, backups, trash, import, export.

The window and the CLI hold one Desk each; it is the only way from them to the store,
the importer (kkr_desk.importer) and the writer (kkr_desk.writer). Nothing here knows Qt.
Import and export load their libraries when first used, so start-up stays quick.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..domain import Meeting, MeetingKind, Person
from ..domain.search_query import SearchQuery
from ..logs import log_file_path
from ..store import (
    Backup,
    MeetingSummary,
    SearchHit,
    Store,
    backup_copy,
    backup_now,
    list_backups,
    restore_backup,
)
from ..store.backup import backup_folder
from ..store.trash import TrashEntry
from .meeting_editor import MeetingEditor

if TYPE_CHECKING:
    from ..importer import ImportResult


@dataclass(frozen=True)
class Locations:
    """Where KKR Desk keeps the user's files: what Hjælp ▸ Om KKR Desk shows and opens."""

    database: Path
    backups: Path
    """The folder of the database's backups (it exists once the first backup is taken)."""
    log_file: Path
    """Written when the program meets a bug of its own; may not exist yet."""


class Desk:
    """One open database; every method is one thing a secretary asks of it."""

    def __init__(self, store: Store):
        self._store = store

    @property
    def database_path(self) -> Path:
        return self._store.path

    def locations(self) -> Locations:
        path = self._store.path
        return Locations(database=path, backups=backup_folder(path), log_file=log_file_path())

    # Meetings ----------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingSummary]:
        return self._store.meetings.summaries()

    def load_meeting(self, meeting_id: int) -> Meeting:
        return self._store.meetings.load(meeting_id)

    def open_meeting(self, meeting_id: int) -> MeetingEditor:
        return MeetingEditor(self._store, self._store.meetings.load(meeting_id))

    def create_empty_meeting(self, committee: str, date: dt.date) -> int:
        return self._store.meetings.create_empty(committee, date)

    def create_next_meeting(self, source_id: int, date: dt.date) -> int:
        return self._store.meetings.create_next(source_id, date)

    def add_meeting(self, meeting: Meeting) -> int:
        return self._store.meetings.add(meeting)

    def people(self) -> list[Person]:
        return self._store.roster.people()

    def search(
        self,
        query: str | SearchQuery,
        *,
        committee: str | None = None,
        year: int | None = None,
        section: str | None = None,
    ) -> list[SearchHit]:
        """Every place in every meeting that matches, newest meeting first (docs/search.md)."""
        return self._store.search.find(query, committee=committee, year=year, section=section)

    # Settings ----------------------------------------------------------------------------

    def decision_templates(self) -> list[str]:
        return self._store.settings.decision_templates()

    def set_decision_templates(self, templates: list[str]) -> None:
        self._store.settings.set_decision_templates(templates)

    # Trash -------------------------------------------------------------------------------

    def trash_entries(self) -> list[TrashEntry]:
        return self._store.trash.entries()

    def restore_from_trash(self, trash_id: int) -> int:
        return self._store.trash.restore(trash_id)

    # Backups -----------------------------------------------------------------------------

    def backup_now(self) -> Path | None:
        return backup_now(self._store)

    def backup_in_background(self) -> Callable[[], Path | None]:
        """A backup to run on a worker thread: it reads the file through a connection of its
        own (a sqlite3 connection belongs to its thread); None when nothing changed."""
        db_path = self._store.path
        return lambda: backup_copy(db_path)

    def list_backups(self) -> list[Backup]:
        return list_backups(self._store.path)

    def restore_backup(self, backup: Path) -> Path:
        """Replace the database's content with ``backup``; the safety copy of the current
        state, which was taken first. It may run on a worker thread: it opens the file
        through a Store of its own (this process already holds the lock), and the window's
        Store sees the restored content on its next read."""
        outcome = restore_backup(self._store.path, backup)
        assert outcome.safety_copy is not None  # the open database is healthy: copied first
        return outcome.safety_copy

    # Import and export -------------------------------------------------------------------

    @staticmethod
    def read_document(path: Path) -> ImportResult:
        """The meeting in a KL dagsorden or referat (an ImportResult); nothing is saved yet.

        Raises ``ImportFailed`` with a Danish message for a file that cannot be read.
        """
        from ..importer import DocumentImportError, import_document

        try:
            return import_document(path)
        except DocumentImportError as error:
            raise ImportFailed(str(error)) from None

    def export(
        self,
        meeting: Meeting,
        path: Path,
        kind: MeetingKind | None,
        *,
        template: Path | None = None,
        table_of_contents: bool = False,
        cancel: threading.Event | None = None,
    ) -> list[str]:
        """Write ``meeting`` as a referat or dagsorden (.docx or .pdf); returns the warnings.

        Touches no database, so it may run on any thread. Raises ``ExportFailed`` with a
        Danish message when the document cannot be written, or when ``cancel`` was set.
        """
        from ..writer import ReferatError, export_meeting  # python-docx on first use only

        try:
            warnings = export_meeting(
                meeting,
                path,
                kind=kind,
                template=template,
                table_of_contents=table_of_contents,
                cancel=cancel,
            )
        except ReferatError as error:
            raise ExportFailed(str(error)) from None
        return [warning.message for warning in warnings]


class ImportFailed(Exception):
    """A document that cannot be imported; the message is Danish."""


class ExportFailed(Exception):
    """A document that cannot be written; the message is Danish."""
