"""The trash: every deleted meeting, agenda group or item is kept in the database, restorable.

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

from ..domain import AgendaGroup, AgendaItem
from ..domain.clock import datetime_text, parse_datetime
from ..domain.meeting_life import MeetingState
from ..meeting_file import item_from_dict, item_to_dict, meeting_from_dict, meeting_to_dict
from .database import StoreError, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP_TRASH = 200
TRASH_VERSION = 1
"""The version of a trash payload: ``{"trash_version": 1, "content": <meeting-file JSON>}``.

Entries written before versioning hold the bare meeting-file JSON and still restore."""
MEETING = "meeting"
GROUP = "group"
ITEM = "item"


class TrashEntryNotFound(StoreError):
    """The trash has no entry with that id (already restored, or emptied)."""


@dataclass(frozen=True)
class TrashEntry:
    """A deleted meeting or item, as an undo list shows it."""

    id: int
    kind: str
    """"meeting", "group" or "item"."""
    label: str
    deleted_at: dt.datetime
    meeting_id: int | None
    """The meeting it belonged to (for an item) or was (for a meeting), when deleted."""


class TrashMixin:
    """The Store's delete-and-restore methods, mixed in before AgendaEdits.

    The deletes here put the thing in the trash and then let AgendaEdits delete it (which
    renumbers the siblings), all in one transaction.
    """

    db: Database

    def delete_item(self, item_id: int) -> int:
        """Delete an agenda item with its sections; return the trash entry that undoes it."""
        with write_transaction(self.db):
            where = self._whereabouts(
                "SELECT agenda_item.group_id, agenda_item.position, agenda_group.meeting_id "
                "FROM agenda_item JOIN agenda_group ON agenda_group.id = agenda_item.group_id "
                "WHERE agenda_item.id = ?",
                item_id,
                f"punktet med id {item_id} findes ikke længere",
            )
            meeting = self.load_meeting(where["meeting_id"])  # type: ignore[attr-defined]
            item = next(i for i in meeting.items if i.id == item_id)
            trash_id = self._put_in_trash(
                ITEM,
                item.title,
                item_to_dict(item),
                meeting_id=where["meeting_id"],
                group_id=where["group_id"],
                position=where["position"],
            )
            super().delete_item(item_id)  # type: ignore[misc]
        return trash_id

    def delete_group(self, group_id: int) -> int:
        """Delete a group with its items; return the trash entry that undoes it."""
        with write_transaction(self.db):
            where = self._whereabouts(
                "SELECT meeting_id, position FROM agenda_group WHERE id = ?",
                group_id,
                f"gruppen med id {group_id} findes ikke længere",
            )
            meeting = self.load_meeting(where["meeting_id"])  # type: ignore[attr-defined]
            group = next(g for g in meeting.groups if g.id == group_id)
            payload = {"title": group.title, "items": [item_to_dict(i) for i in group.items]}
            trash_id = self._put_in_trash(
                GROUP,
                group.title,
                payload,
                meeting_id=where["meeting_id"],
                position=where["position"],
            )
            super().delete_group(group_id)  # type: ignore[misc]
        return trash_id

    def delete_meeting(self, meeting_id: int) -> int:
        """Remove a meeting with its agenda and attendance; the people stay in the roster.

        The meeting goes to the trash first; returns the trash entry that restores it.
        """
        with write_transaction(self.db):
            meeting = self.load_meeting(meeting_id)  # type: ignore[attr-defined]
            label = f"{meeting.committee} {meeting.date:%d-%m-%Y}"
            trash_id = self._put_in_trash(
                MEETING, label, meeting_to_dict(meeting), meeting_id=meeting_id,
                state=self.life.state(meeting_id),  # type: ignore[attr-defined]
            )
            self.db.execute("DELETE FROM meeting WHERE id = ?", [meeting_id])
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
        """Put a deleted meeting, group or item back; return its new id.

        The entry leaves the trash in the same transaction. A group or item goes back to
        its old place among its siblings.
        """
        with write_transaction(self.db):
            rows = list(self.db.query("SELECT * FROM trash WHERE id = ?", [trash_id]))
            if not rows:
                raise TrashEntryNotFound(f"papirkurven har intet element med id {trash_id}")
            row = rows[0]
            stored = json.loads(row["payload"])
            payload = _content(stored)
            if row["kind"] == MEETING:
                restored = self.add_meeting(  # type: ignore[attr-defined]
                    meeting_from_dict(payload), _state(stored)
                )
            elif row["kind"] == GROUP:
                restored = self._restore_group(row, payload)
            else:
                restored = self._restore_item(row, item_from_dict(payload))
            self.db.execute("DELETE FROM trash WHERE id = ?", [trash_id])
        return restored

    def _restore_item(self, row: dict[str, Any], item: AgendaItem) -> int:
        group_id = row["group_id"]
        if not list(self.db.query("SELECT 1 FROM agenda_group WHERE id = ?", [group_id])):
            raise StoreError(
                f"punktet '{row['label']}' kan ikke gendannes, fordi dets møde eller gruppe "
                "er slettet; gendan mødet eller gruppen først"
            )
        siblings = self._ordered_ids("agenda_item", "group_id", group_id)  # type: ignore[attr-defined]
        self._insert_item(group_id, len(siblings), item)  # type: ignore[attr-defined]
        siblings.insert(min(row["position"], len(siblings)), item.id)
        self._renumber("agenda_item", siblings)  # type: ignore[attr-defined]
        return item.id

    def _restore_group(self, row: dict[str, Any], payload: dict[str, Any]) -> int:
        meeting_id = row["meeting_id"]
        if not list(self.db.query("SELECT 1 FROM meeting WHERE id = ?", [meeting_id])):
            raise StoreError(
                f"gruppen '{row['label']}' kan ikke gendannes, fordi dens møde er slettet; "
                "gendan mødet først"
            )
        siblings = self._ordered_ids("agenda_group", "meeting_id", meeting_id)  # type: ignore[attr-defined]
        group = AgendaGroup(
            title=payload["title"], items=[item_from_dict(item) for item in payload["items"]]
        )
        self._insert_group(meeting_id, len(siblings), group)  # type: ignore[attr-defined]
        siblings.insert(min(row["position"], len(siblings)), group.id)
        self._renumber("agenda_group", siblings)  # type: ignore[attr-defined]
        return group.id

    def _whereabouts(self, sql: str, row_id: int, missing: str) -> dict[str, Any]:
        rows = list(self.db.query(sql, [row_id]))
        if not rows:
            raise StoreError(missing)
        return rows[0]

    def _put_in_trash(
        self,
        kind: str,
        label: str,
        payload: dict[str, Any],
        *,
        meeting_id: int | None = None,
        group_id: int | None = None,
        position: int | None = None,
        state: MeetingState | None = None,
    ) -> int:
        trash_id = self.db["trash"].insert(
            {
                "kind": kind,
                "deleted_at": datetime_text(dt.datetime.now().replace(microsecond=0)),
                "label": label,
                "meeting_id": meeting_id,
                "group_id": group_id,
                "position": position,
                "payload": json.dumps(
                    {
                        "trash_version": TRASH_VERSION,
                        "content": payload,
                        **({"state": state.value} if state is not None else {}),
                    },
                    ensure_ascii=False,
                ),
            }
        ).last_pk
        self.db.execute(
            "DELETE FROM trash WHERE id NOT IN (SELECT id FROM trash ORDER BY id DESC LIMIT ?)",
            [KEEP_TRASH],
        )
        return trash_id


def _state(stored: Any) -> MeetingState:
    """The state a deleted meeting had (its history and kept versions are not restored)."""
    if isinstance(stored, dict) and stored.get("state") in {s.value for s in MeetingState}:
        return MeetingState(stored["state"])
    return MeetingState.PLANNED


def _content(stored: Any) -> Any:
    """The meeting-file JSON inside a stored payload, versioned or from before versions."""
    if not isinstance(stored, dict) or "trash_version" not in stored:
        return stored  # written before payloads carried a version
    if stored["trash_version"] != TRASH_VERSION:
        raise StoreError(
            "elementet i papirkurven er gemt af en nyere udgave af KKR Desk og kan ikke "
            "gendannes her"
        )
    return stored["content"]
