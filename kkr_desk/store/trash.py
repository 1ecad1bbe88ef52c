"""The trash: every deleted meeting, agenda group, item or committee is kept in the database, restorable.

A delete in the window asks first, and can still be undone afterwards: the deleted thing is
written to the ``trash`` table as meeting-file JSON (docs/meeting-file.md) in the same
transaction as the delete, so there is no moment where it is gone from both places. The
newest ``KEEP_TRASH`` entries are kept, an entry that waits for its meeting's or group's
entry together with that one. A restored meeting or item comes back with new ids.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ..domain.clock import datetime_text, parse_datetime
from ..domain.meeting_life import MeetingState
from .database import StoreError, write_transaction

if TYPE_CHECKING:
    from .connection import StoreDatabase

KEEP_TRASH = 200
TRASH_VERSION = 2
"""The version of a trash payload: ``{"trash_version": 2, "content": <meeting-file JSON>,
…extra}``. Version 2 keeps beside a meeting its history, kept versions and committee, and
beside an item or group the presence events that pointed at its items (``put``'s ``extra``);
beside a meeting or group also the entries that wait for it (``set_aside_of_meeting``).

Entries of version 1 (a meeting's state only) and entries written before versioning (the
bare meeting-file JSON) restore what they kept; ``restore_note`` names the rest."""
READABLE_VERSIONS = frozenset({1, TRASH_VERSION})
MEETING = "meeting"
GROUP = "group"
ITEM = "item"
COMMITTEE = "committee"

Restorer = Callable[[dict[str, Any], Any, dict[str, Any]], int]
"""Inserts a trashed thing again from its trash row, its meeting-file content and what else
its delete kept beside it (``put``'s ``extra``); returns its new id."""


class TrashEntryNotFound(StoreError):
    """The trash has no entry with that id (already restored, or emptied)."""


@dataclass(frozen=True)
class TrashEntry:
    """A deleted meeting or item, as an undo list shows it."""

    id: int
    kind: str
    """"meeting", "group", "item" or "committee"."""
    label: str
    deleted_at: dt.datetime
    meeting_id: int | None
    """The meeting it belonged to (for an item) or was (for a meeting), when deleted."""


class Trash:
    """The ``trash`` table: what the deletes put in, and the undo list that takes it back.

    The agenda and the meetings put their deleted things in here inside their own delete
    transaction. Restoring is done by whoever knows how to insert that kind of thing again:
    Store hands those functions in (``restore_with``), so this module needs none of them.
    """

    def __init__(self, db: StoreDatabase):
        self.db = db
        self._restorers: dict[str, Restorer] = {}

    def restore_with(
        self, *, meeting: Restorer, group: Restorer, item: Restorer, committee: Restorer
    ) -> None:
        self._restorers = {MEETING: meeting, GROUP: group, ITEM: item, COMMITTEE: committee}

    def put(
        self,
        kind: str,
        label: str,
        payload: dict[str, Any],
        *,
        meeting_id: int | None = None,
        group_id: int | None = None,
        position: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> int:
        """Keep a deleted thing (inside the caller's transaction); returns its entry id.

        ``extra`` is what the thing's owner keeps beside the content (a meeting's state)."""
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
                        **(extra or {}),
                    },
                    ensure_ascii=False,
                ),
            }
        ).last_pk
        self._prune()
        return trash_id

    def _prune(self) -> None:
        """Keep the newest ``KEEP_TRASH`` entries, an entry that waits for a meeting's or
        group's entry (``set_aside_of_…``) together with it: both stay while the one it
        waits for is among the newest, and go with it. Alone, a waiting entry could never
        be restored, and its meeting would come back without it."""
        count = next(self.db.query("SELECT COUNT(*) AS n FROM trash"))["n"]
        if count <= KEEP_TRASH:
            return
        waits = self.db.query(
            "SELECT 1 FROM trash WHERE (kind = ? AND group_id IS NULL) "
            "OR (kind = ? AND meeting_id IS NULL) LIMIT 1",
            [ITEM, GROUP],
        )
        if not list(waits):  # the usual case: no families, and no payload to read
            self.db.execute(
                "DELETE FROM trash WHERE id NOT IN (SELECT id FROM trash ORDER BY id DESC LIMIT ?)",
                [KEEP_TRASH],
            )
            return
        parent = self._waiting_links()

        def root(trash_id: int) -> int:
            seen = {trash_id}
            while trash_id in parent and parent[trash_id] not in seen:
                trash_id = parent[trash_id]
                seen.add(trash_id)
            return trash_id

        families: dict[int, list[int]] = {}
        for row in self.db.query("SELECT id FROM trash ORDER BY id"):
            families.setdefault(root(row["id"]), []).append(row["id"])
        kept = 0
        dropped: list[int] = []
        for n, head in enumerate(sorted(families, reverse=True)):
            family = families[head]
            if n and kept + len(family) > KEEP_TRASH:
                dropped.extend(family)
            else:
                kept += len(family)
        self.db.conn.executemany("DELETE FROM trash WHERE id = ?", [(i,) for i in dropped])

    def _waiting_links(self) -> dict[int, int]:
        """Waiting entry id → the id of the meeting's or group's entry it waits for, for
        every entry that waits, read from those entries' ``waiting`` lists (SQLite's JSON
        functions pick the lists out, so whole meetings never reach Python). A list naming
        an entry no longer in the trash is passed over."""
        present = {row["id"] for row in self.db.query("SELECT id FROM trash")}
        links: dict[int, int] = {}
        for row in self.db.query(
            """SELECT id, json_extract(
                CASE WHEN json_valid(payload) THEN payload ELSE '{}' END, '$.waiting'
            ) AS waiting FROM trash WHERE kind IN (?, ?) ORDER BY id""",
            [MEETING, GROUP],
        ):
            try:
                waiting = json.loads(row["waiting"]) if isinstance(row["waiting"], str) else []
            except ValueError:
                continue
            for entry in waiting if isinstance(waiting, list) else []:
                child = entry.get("trash_id") if isinstance(entry, dict) else None
                if isinstance(child, int) and child in present and child != row["id"]:
                    links[child] = row["id"]
        return links

    def meeting_deleted_after(self, row: dict[str, Any]) -> bool:
        """Whether the meeting a group or item entry names was deleted after it, so the
        meeting of that id now (SQLite gives a freed id out again) is another one. Only an
        entry an older version wrote, before entries waited for their meeting, can name a
        deleted meeting; its meeting's entry, while still in the trash, tells."""
        return bool(
            list(
                self.db.query(
                    "SELECT 1 FROM trash WHERE kind = ? AND meeting_id = ? AND id > ?",
                    [MEETING, row["meeting_id"], row["id"]],
                )
            )
        )

    def waited_for(self, trash_id: int) -> TrashEntry | None:
        """The meeting's or group's entry this entry waits for, or None: it waits for
        nothing, or for an entry that is no longer in the trash (one an older version's
        limit dropped), so it can never be restored."""
        parent = self._waiting_links().get(trash_id)
        return next((entry for entry in self.entries() if entry.id == parent), None)

    def set_aside_of_meeting(self, meeting_id: int, group_ids: list[int]) -> list[dict]:
        """The group and item entries of a meeting being deleted: they wait for the meeting's
        own entry, attached to nothing, so a new meeting or group that gets the same id never
        receives them (inside the caller's transaction). Returns them for the meeting's
        ``extra``: each entry's id and its group by index in ``group_ids`` (the agenda's)."""
        index = {group_id: n for n, group_id in enumerate(group_ids)}
        waiting = [
            {"trash_id": row["id"], "group": index.get(row["group_id"])}
            for row in self.db.query(
                "SELECT id, group_id FROM trash WHERE meeting_id = ? AND kind IN (?, ?) "
                "ORDER BY id",
                [meeting_id, GROUP, ITEM],
            )
        ]
        self.db.execute(
            "UPDATE trash SET meeting_id = NULL, group_id = NULL "
            "WHERE meeting_id = ? AND kind IN (?, ?)",
            [meeting_id, GROUP, ITEM],
        )
        return waiting

    def set_aside_of_group(self, group_id: int) -> list[dict]:
        """The item entries of a group being deleted, waiting for the group's entry the same
        way; returns them for its ``extra``."""
        waiting = [
            {"trash_id": row["id"]}
            for row in self.db.query(
                "SELECT id FROM trash WHERE group_id = ? AND kind = ? ORDER BY id",
                [group_id, ITEM],
            )
        ]
        self.db.execute(
            "UPDATE trash SET group_id = NULL WHERE group_id = ? AND kind = ?", [group_id, ITEM]
        )
        return waiting

    def attach(
        self, waiting: Any, *, meeting_id: int | None = None, group_ids: list[int] | None = None
    ) -> None:
        """The entries ``set_aside_of_…`` kept, attached to the restored meeting (and its
        groups, by index) or to the restored group (``group_ids`` its one id), so they can be
        restored in turn. An entry gone from the trash meanwhile is skipped."""
        if not isinstance(waiting, list):
            return
        for entry in waiting:
            if not isinstance(entry, dict) or not isinstance(entry.get("trash_id"), int):
                continue
            changes: dict[str, int] = {}
            if meeting_id is not None:
                changes["meeting_id"] = meeting_id
            group = entry.get("group", 0 if meeting_id is None else None)
            if group_ids is not None and isinstance(group, int) and 0 <= group < len(group_ids):
                changes["group_id"] = group_ids[group]
            if changes:
                columns = ", ".join(f"{column} = ?" for column in changes)
                self.db.execute(
                    f"UPDATE trash SET {columns} WHERE id = ?",
                    [*changes.values(), entry["trash_id"]],
                )

    def entries(self) -> list[TrashEntry]:
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

    def restore_note(self, trash_id: int) -> str:
        """What restoring this entry cannot bring back, as a Danish sentence for the user;
        "" for an entry that keeps everything (every entry this version writes).

        Entries of version 1 and unversioned ones kept the content (and a meeting's state)
        only; the rest is named here rather than missed in silence."""
        rows = list(self.db.query("SELECT kind, payload FROM trash WHERE id = ?", [trash_id]))
        if not rows:
            raise TrashEntryNotFound(f"papirkurven har intet element med id {trash_id}")
        kind, stored = rows[0]["kind"], json.loads(rows[0]["payload"])
        version = stored.get("trash_version") if isinstance(stored, dict) else None
        if kind == COMMITTEE or version not in (None, 1):
            return ""  # whole, or of a newer version, which restore refuses with its reason
        older = "blev lagt i papirkurven af en ældre udgave af KKR Desk, som ikke gemte"
        if kind == MEETING:
            state = entry_state(_content(stored), _extra(stored))
            return (
                f"mødet {older} dets historik, de udgaver, der blev sendt og godkendt, eller "
                f"tidspunktet for sidste ændring; det kommer tilbage uden dem, som {state.value}, "
                "og punkter eller grupper, der blev slettet fra mødet, før det selv blev "
                "slettet, følger ikke med"
            )
        what = "punktet" if kind == ITEM else "gruppen"
        return (
            f"{what} {older}, hvem der kom og gik under {'det' if kind == ITEM else 'dens punkter'}"
            "; de ankomster og afgange står fortsat uden punkt"
        )

    def restore(self, trash_id: int) -> int:
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
            restored = self._restorers[row["kind"]](row, _content(stored), _extra(stored))
            self.db.execute("DELETE FROM trash WHERE id = ?", [trash_id])
        return restored


def entry_state(content: Any, extra: dict[str, Any]) -> MeetingState:
    """The state a trashed meeting comes back in: the one its entry kept (version 1 and
    later); for an entry from before states, "afholdt" if it was stored as a referat (the
    rule 0006_meeting_life applied to the meetings of that time), else "planlagt"."""
    if extra.get("state") in {state.value for state in MeetingState}:
        return MeetingState(extra["state"])
    meeting = content.get("meeting") if isinstance(content, dict) else None
    was_referat = isinstance(meeting, dict) and meeting.get("kind") == "referat"
    return MeetingState.HELD if was_referat else MeetingState.PLANNED


def _extra(stored: Any) -> dict[str, Any]:
    """What a delete kept beside the content (nothing in entries from before versions)."""
    if not isinstance(stored, dict) or "trash_version" not in stored:
        return {}
    return {key: value for key, value in stored.items() if key not in ("trash_version", "content")}


def _content(stored: Any) -> Any:
    """The meeting-file JSON inside a stored payload, versioned or from before versions."""
    if not isinstance(stored, dict) or "trash_version" not in stored:
        return stored  # written before payloads carried a version
    if stored["trash_version"] not in READABLE_VERSIONS:
        raise StoreError(
            "elementet i papirkurven er gemt af en nyere udgave af KKR Desk og kan ikke "
            "gendannes her"
        )
    return stored["content"]
