"""The trash: every deleted meeting or agenda item is kept in the database, restorable.

A delete in the window asks first, and can still be undone afterwards: the deleted thing is
written to the ``trash`` table as meeting-file JSON (docs/meeting-file.md) in the same
transaction as the delete, so there is no moment where it is gone from both places. The
newest ``KEEP_TRASH`` entries are kept. A restored meeting or item comes back with new ids.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import AgendaItem, Meeting
from ..domain.clock import datetime_text, parse_datetime
from ..meeting_file import item_from_dict, item_to_dict, meeting_from_dict, meeting_to_dict
from .database import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP_TRASH = 200
MEETING = "meeting"
ITEM = "item"


class TrashEntryNotFound(StoreError):
    """The trash has no entry with that id (already restored, or emptied)."""


@dataclass(frozen=True)
class TrashEntry:
    """A deleted meeting or item, as an undo list shows it."""

    id: int
    kind: str
    """"meeting" or "item"."""
    label: str
    deleted_at: dt.datetime
    meeting_id: int | None
    """The meeting it belonged to (for an item) or was (for a meeting), when deleted."""


class TrashMixin:
    """The Store's delete-and-restore methods; Store provides db, load_meeting and friends."""

    db: Database

    def delete_item(self, item_id: int) -> int:
        """Delete an agenda item with its sections; return the trash entry that undoes it."""
        with self.db.atomic():
            rows = list(
                self.db.query(
                    "SELECT agenda_item.group_id, agenda_item.position, agenda_group.meeting_id "
                    "FROM agenda_item JOIN agenda_group ON agenda_group.id = agenda_item.group_id "
                    "WHERE agenda_item.id = ?",
                    [item_id],
                )
            )
            if not rows:
                raise StoreError(f"punktet med id {item_id} findes ikke længere")
            where = rows[0]
            item = next(
                i
                for i in self.load_meeting(where["meeting_id"]).items  # type: ignore[attr-defined]
                if i.id == item_id
            )
            trash_id = self._put_in_trash(
                ITEM,
                item.title,
                item_to_dict(item),
                meeting_id=where["meeting_id"],
                group_id=where["group_id"],
                position=where["position"],
            )
            self.db.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])
        return trash_id

    def trash_entries(self) -> list[TrashEntry]:
        """What can be restored, most recently deleted first."""
        return [
            TrashEntry(
                id=row["id"],
                kind=row["kind"],
                label=row["label"],
                deleted_at=parse_datetime(row["deleted_at"]),
                meeting_id=row["meeting_id"],
            )
            for row in self.db.query(
                "SELECT id, kind, label, deleted_at, meeting_id FROM trash ORDER BY id DESC"
            )
        ]

    def restore_from_trash(self, trash_id: int) -> int:
        """Put a deleted meeting or item back; return its new id. The entry leaves the trash."""
        with self.db.atomic():
            rows = list(self.db.query("SELECT * FROM trash WHERE id = ?", [trash_id]))
            if not rows:
                raise TrashEntryNotFound(f"papirkurven har intet element med id {trash_id}")
            row = rows[0]
            payload = json.loads(row["payload"])
            if row["kind"] == MEETING:
                restored = self.add_meeting(meeting_from_dict(payload))  # type: ignore[attr-defined]
            else:
                restored = self._restore_item(row, item_from_dict(payload))
            self.db.execute("DELETE FROM trash WHERE id = ?", [trash_id])
        return restored

    def _restore_item(self, row: dict[str, Any], item: AgendaItem) -> int:
        group_id = row["group_id"]
        if not list(self.db.query("SELECT 1 FROM agenda_group WHERE id = ?", [group_id])):
            raise StoreError(
                f"punktet '{row['label']}' kan ikke gendannes, fordi dets møde eller gruppe "
                "er slettet; gendan mødet først"
            )
        self.db.execute(
            "UPDATE agenda_item SET position = position + 1 WHERE group_id = ? AND position >= ?",
            [group_id, row["position"]],
        )
        self._insert_item(group_id, row["position"], item)  # type: ignore[attr-defined]
        return item.id

    def _trash_meeting(self, meeting: Meeting) -> int:
        label = f"{meeting.committee} {meeting.date:%d-%m-%Y}"
        return self._put_in_trash(MEETING, label, meeting_to_dict(meeting), meeting_id=meeting.id)

    def _put_in_trash(
        self,
        kind: str,
        label: str,
        payload: dict[str, Any],
        *,
        meeting_id: int | None = None,
        group_id: int | None = None,
        position: int | None = None,
    ) -> int:
        trash_id = self.db["trash"].insert(
            {
                "kind": kind,
                "deleted_at": datetime_text(dt.datetime.now().replace(microsecond=0)),
                "label": label,
                "meeting_id": meeting_id,
                "group_id": group_id,
                "position": position,
                "payload": json.dumps(payload, ensure_ascii=False),
            }
        ).last_pk
        self.db.execute(
            "DELETE FROM trash WHERE id NOT IN (SELECT id FROM trash ORDER BY id DESC LIMIT ?)",
            [KEEP_TRASH],
        )
        return trash_id
