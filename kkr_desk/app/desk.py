"""The database as the secretary's programs use it: meetings, backups, trash, import, export.

The window and the CLI hold one Desk each; it is the only way from them to the store,
the importer (kkr_desk.importer) and the writer (kkr_desk.writer). Nothing here knows Qt.
Import and export load their libraries when first used, so start-up stays quick.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..domain import Meeting, MeetingKind, Person
from ..domain.meeting_life import (
    FROZEN_MESSAGE,
    MeetingState,
    OpenItems,
    StateChange,
    StateStep,
    default_kind,
    is_frozen,
)
from ..domain.committee import Committee, Member, roster_from_attendance
from ..domain.search_query import SearchQuery, parse_query
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
from ..store.committees import CommitteeNotFound
from ..store.connection import load_table_api
from ..store.search import DEFAULT_LIMIT
from ..store.backup import backup_folder
from ..store.trash import TrashEntry
from .meeting_editor import MeetingEditor, MeetingFrozen

if TYPE_CHECKING:
    from .item_changes import ItemChanges
    from ..importer import ImportResult


LAST_PLACE_KEY = "last_place"
"""The setting that holds where the secretary left off (JSON: meeting and item id)."""

DEFAULT_CHANGE_AUTHOR = "KKR Desk"
"""The name at tracked changes when the secretary has set none (Rediger ▸ Indstillinger)."""
MAX_AUTHOR_LENGTH = 100
"""The longest name kept for tracked changes (Word shows it in a narrow balloon)."""


def author_name(text: str) -> str:
    """A name as written at tracked changes: one line, its spaces collapsed, no control or
    format characters (they cannot stand in Word's XML), at most MAX_AUTHOR_LENGTH."""
    shown = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(shown.split())[:MAX_AUTHOR_LENGTH].strip()
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
        self._editors: weakref.WeakSet[MeetingEditor] = weakref.WeakSet()
        """The meetings opened here: they keep their phrases until a save changes them."""

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
        editor = MeetingEditor(self._store, self._store.meetings.load(meeting_id))
        self._editors.add(editor)
        return editor

    def _phrases_may_have_changed(self) -> None:
        """A committee or the program-wide phrases were saved: every open meeting reads its
        decision phrases again. (A restored backup needs nothing here: the window opens
        the meeting anew, and restore_backup may run on a worker thread.)"""
        for editor in list(self._editors):
            editor.forget_decision_templates()

    def create_empty_meeting(self, committee: str, date: dt.date) -> int:
        return self._store.meetings.create_empty(committee, date)

    def create_next_meeting(self, source_id: int, date: dt.date) -> int:
        return self._store.meetings.create_next(source_id, date)

    def add_meeting(self, meeting: Meeting) -> int:
        """Save an imported or loaded meeting; one without people gets its committee's roster."""
        return self._store.meetings.add(meeting, fill_roster=True)

    def add_imported(self, result: ImportResult) -> int:
        """Save an imported document's meeting; a referat's meeting begins as held, and one
        without people (a KL dagsorden) gets its committee's roster."""
        held = result.kind is MeetingKind.REFERAT
        return self._store.meetings.add(
            result.meeting, MeetingState.HELD if held else MeetingState.PLANNED, fill_roster=True
        )

    def delete_meeting(self, meeting_id: int) -> int:
        """Move a meeting to the trash (undo: ``restore_from_trash``); an approved one is
        refused until reopened. Returns the trash entry's id."""
        if is_frozen(self._store.life.state(meeting_id)):
            raise MeetingFrozen(FROZEN_MESSAGE)
        trash_id = self._store.meetings.delete(meeting_id)
        if self.last_place()[0] == meeting_id:
            self._store.settings.set_setting(LAST_PLACE_KEY, "")
        return trash_id

    # The meeting's life ------------------------------------------------------------------

    def meeting_state(self, meeting_id: int) -> MeetingState:
        return self._store.life.state(meeting_id)

    def state_history(self, meeting_id: int) -> list[StateChange]:
        return self._store.life.history(meeting_id)

    def take_step(
        self,
        meeting_id: int,
        step: StateStep,
        *,
        by_whom: str = "",
        to_whom: str = "",
        reason: str = "",
        open_items: OpenItems | None = None,
    ) -> StateChange:
        """Move a meeting that is not open in an editor on (the CLI's ``state``); ending
        it goes through an editor, which closes the items under behandling as
        ``open_items`` says (OpenItemsLeft without it, if there are any)."""
        if step is StateStep.HOLD:
            editor = MeetingEditor(self._store, self._store.meetings.load(meeting_id))
            return editor.take_step(step, open_items=open_items)
        return self._store.life.take_step(
            meeting_id, step, by_whom=by_whom, to_whom=to_whom, reason=reason
        )

    def meeting_version(self, meeting_id: int, purpose: str) -> Meeting | None:
        """The meeting as kept when it was last sent ('sent') or approved ('approved')."""
        return self._store.life.version(meeting_id, purpose)

    def meeting_for_export(self, meeting_id: int) -> tuple[Meeting, MeetingState]:
        """What an export writes, with the state that chooses its default kind: an approved
        meeting's approved version (the same years later), else the meeting as stored."""
        state = self._store.life.state(meeting_id)
        if is_frozen(state):
            approved = self._store.life.version(meeting_id, "approved")
            if approved is not None:
                return approved, state
        return self._store.meetings.load(meeting_id), state

    @staticmethod
    def export_kind(meeting: Meeting, state: MeetingState) -> MeetingKind:
        """The document an export writes when nobody chose: the referat once the meeting
        has started or a decision is written, else the dagsorden."""
        return default_kind(meeting, state)

    # Where the secretary left off --------------------------------------------------------

    def remember_place(self, meeting_id: int, item_id: int | None) -> None:
        """The meeting and item being worked on, so a restart (or a crash) returns there."""
        place = json.dumps({"meeting": meeting_id, "item": item_id})
        if self._store.settings.setting(LAST_PLACE_KEY) != place:
            self._store.settings.set_setting(LAST_PLACE_KEY, place)

    def last_place(self) -> tuple[int | None, int | None]:
        """(meeting id, item id) last worked on, or (None, None)."""
        try:
            place = json.loads(self._store.settings.setting(LAST_PLACE_KEY) or "{}")
            meeting_id, item_id = place.get("meeting"), place.get("item")
        except (ValueError, AttributeError):
            return None, None
        if not isinstance(meeting_id, int) or not isinstance(item_id, (int, type(None))):
            return None, None
        return meeting_id, item_id

    def where_left_off(self) -> tuple[int | None, int | None]:
        """The meeting and item last worked on, kept in the database (so it survives a
        crash); else the newest meeting without an item, or (None, None) for no meeting."""
        meeting_id, item_id = self.last_place()
        if meeting_id is not None and self._store.meetings.exists(meeting_id):
            return meeting_id, item_id
        return self._store.meetings.newest_id(), None

    def people(self) -> list[Person]:
        return self._store.roster.people()

    def search(
        self,
        query: str | SearchQuery,
        *,
        committee: str | None = None,
        year: int | None = None,
        section: str | None = None,
        prefix_last: bool = False,
        limit: int = DEFAULT_LIMIT,
    ) -> list[SearchHit]:
        """Every place in every meeting that matches, newest meeting first (docs/search.md).

        ``prefix_last`` for a box that searches while the last word is still being typed.
        Text that cannot be searched for raises the domain's SearchQueryError (Danish).
        """
        if isinstance(query, str):
            query = parse_query(query, prefix_last=prefix_last)
        return self._store.search.find(
            query, committee=committee, year=year, section=section, limit=limit
        )

    # Committees --------------------------------------------------------------------------

    def committee_names(self) -> list[str]:
        return self._store.committees.names()

    def known_committee(self, name: str) -> str | None:
        """The stored name of the committee ``name`` means (case, spacing aside), or None."""
        committee = self._store.committees.find(name)
        return committee.name if committee is not None else None

    def committee(self, name: str) -> Committee:
        """The committee of that name; AppError (Danish) when there is none."""
        return self._store.committees.get(name)

    def committee_of(self, meeting: Meeting) -> Committee:
        """The meeting's committee (made from the meeting if its name is new)."""
        committee = self._store.committees.for_meeting(meeting)
        if committee is None:
            raise CommitteeNotFound("mødet har intet udvalg")
        return committee

    def committee_roster(self, meeting: Meeting) -> list[Person]:
        """The roster of the meeting's committee (empty when it has none)."""
        committee = self._store.committees.find(meeting.committee)
        return committee.roster if committee is not None else []

    def save_committee(self, committee: Committee) -> int:
        """Save the committee; its people's details reach the roster and the meetings not
        yet held (planlagt), never a meeting already held, sent or approved."""
        try:
            return self._store.committees.save(committee)
        finally:
            self._phrases_may_have_changed()

    def delete_committee(self, name: str) -> int:
        """Move a committee no meeting uses to the trash (undo: ``restore_from_trash``);
        one with meetings is refused with a Danish message naming how many. Returns the
        trash entry's id."""
        return self._store.committees.delete(name)

    def committee_meeting_count(self, name: str) -> int:
        """How many meetings the committee of that name has (0 when there is none)."""
        committee = self._store.committees.find(name)
        return self._store.committees.meeting_count(committee.id) if committee else 0

    def read_roster(self, path: Path) -> tuple[list[Member], list[Person]]:
        """Members and staff from a member list (.csv, .xlsx) or from the Deltagerfortegnelse
        of a KL referat or dagsorden, in the file's order; ImportFailed for a bad file."""
        from ..importer import DocumentImportError
        from ..importer.member_list import is_member_list, read_member_list

        if is_member_list(path):
            try:
                return read_member_list(path)
            except DocumentImportError as error:
                raise ImportFailed(str(error)) from None
        meeting = self.read_document(path).meeting
        if not meeting.attendance:
            raise ImportFailed(f"{Path(path).name} har ingen deltagerfortegnelse")
        return roster_from_attendance(meeting.attendance)

    def import_roster(self, name: str, path: Path) -> Committee:
        """Replace the committee's members and staff with those in the file (a new name makes
        a new committee); the rest of the committee stays."""
        members, staff = self.read_roster(path)
        committee = self._store.committees.find(name) or Committee(name)
        committee.members, committee.staff = members, staff
        try:
            self._store.committees.save(committee)
        finally:
            self._phrases_may_have_changed()
        return committee

    # Versions ----------------------------------------------------------------------------

    def changes_since_sent(self, meeting_id: int, item_id: int) -> ItemChanges | None:
        """Item ``item_id``'s changes since the referat was sent; None if it was not sent."""
        sent = self.meeting_version(meeting_id, "sent")
        if sent is None:
            return None
        from .item_changes import item_changes  # the word diff loads on first use

        return item_changes(sent, self.load_meeting(meeting_id), item_id)

    # Settings ----------------------------------------------------------------------------

    def decision_templates(self) -> list[str]:
        return self._store.settings.decision_templates()

    def set_decision_templates(self, templates: list[str]) -> None:
        try:
            self._store.settings.set_decision_templates(templates)
        finally:
            self._phrases_may_have_changed()

    def change_author(self) -> str:
        """The secretary's name: the documents' author and the name at tracked changes
        (Rediger ▸ Indstillinger, and the CLI's default ``--author``); "" when none is set:
        the export then writes "KKR Desk"."""
        return author_name(self._store.settings.change_author())

    def set_change_author(self, name: str) -> str:
        """Keep the name for tracked changes, tidied (``author_name``); returns what is kept.
        An empty name goes back to "KKR Desk"."""
        kept = author_name(name)
        self._store.settings.set_change_author(kept)
        return kept

    # The window's runs ---------------------------------------------------------------------

    def begin_run(self) -> tuple[bool, dt.datetime | None]:
        """Mark the window's run as begun: (the last run ended uncleanly, its last save time).

        Everything saved up to that time is on disk; None when nothing was ever saved.
        """
        return self._store.run_marks.begin()

    def note_saved(self, when: dt.datetime) -> None:
        """Keep the time of a save the window reported, for the message after a crash."""
        self._store.run_marks.saved(when)

    def end_run(self) -> None:
        """The window closed cleanly: the next start is no recovery."""
        self._store.run_marks.end()

    # Trash -------------------------------------------------------------------------------

    def trash_entries(self) -> list[TrashEntry]:
        return self._store.trash.entries()

    def restore_from_trash(self, trash_id: int) -> int:
        return self._store.trash.restore(trash_id)

    def trash_restore_note(self, trash_id: int) -> str:
        """What restoring the entry cannot bring back (an entry an older version wrote), in
        Danish; "" when it comes back whole. Ask before ``restore_from_trash``."""
        return self._store.trash.restore_note(trash_id)

    # Backups -----------------------------------------------------------------------------

    def backup_now(self) -> Path | None:
        return backup_now(self._store)

    def prepare_for_edits(self) -> Callable[[], None]:
        """What the first edit needs and start-up did not load (sqlite-utils' tables), to
        run on a worker thread once the window is shown."""
        return load_table_api

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
        changes_since: Meeting | None = None,
        change_author: str | None = None,
    ) -> list[str]:
        """Write ``meeting`` as a referat or dagsorden (.docx or .pdf); returns the warnings.

        ``change_author`` (tidied by ``author_name``; empty or None: DEFAULT_CHANGE_AUTHOR) is
        the document's author and last modified by in Word's File ▸ Info. With
        ``changes_since`` (the version sent for approval, ``meeting_version``) every
        difference to it is written as Word's tracked changes by the same name, so the
        formand sees in Word exactly what changed since the draft. The caller reads the
        stored name (``change_author()``) first.
        Touches no database, so it may run on any thread. Raises ``ExportFailed`` with a
        Danish message when the document cannot be written, or when ``cancel`` was set.
        """
        # python-docx on first use only
        from ..writer import ReferatError, Revision, export_meeting

        author = author_name(change_author or "") or DEFAULT_CHANGE_AUTHOR
        revision = None
        if changes_since is not None:
            revision = Revision(author, dt.datetime.now(dt.timezone.utc))

        try:
            warnings = export_meeting(
                meeting,
                path,
                kind=kind,
                template=template,
                table_of_contents=table_of_contents,
                author=author,
                cancel=cancel,
                changes_since=changes_since,
                revision=revision,
            )
        except ReferatError as error:
            raise ExportFailed(str(error)) from None
        return [warning.message for warning in warnings]


class ImportFailed(Exception):
    """A document that cannot be imported; the message is Danish."""


class ExportFailed(Exception):
    """A document that cannot be written; the message is Danish."""
