"""A meeting's agenda: groups, items and their sections, one transaction per user action.

Positions are kept dense (0, 1, 2 …) inside each parent (store/rows.py). A delete keeps
the deleted thing in the trash in the same transaction, so an undo can bring it back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..domain import STANDARD_SECTIONS, AgendaGroup, AgendaItem, ItemStatus, Section
from ..domain.agenda_order import clamp_position, placed
from ..domain.clock import datetime_text, parse_datetime
from ..meeting_file import item_from_dict, item_to_dict
from .database import StoreError, write_transaction
from .item_record import ItemRecords
from .rows import first_row, ordered_ids, parent_of, renumber, require_meeting, require_row
from .trash import GROUP, ITEM, MEETING, Trash

if TYPE_CHECKING:
    from .connection import StoreDatabase

GROUP_GONE = "gruppen findes ikke længere; genindlæs mødet"
ITEM_GONE = "punktet findes ikke længere; genindlæs mødet"


class Agenda:
    """Groups, items and sections of every meeting; deletes go to the trash first."""

    def __init__(self, db: StoreDatabase, trash: Trash, records: ItemRecords):
        self.db = db
        self.trash = trash
        self.records = records

    # Groups ------------------------------------------------------------------------------

    def add_group(self, meeting_id: int, title: str, position: int | None = None) -> AgendaGroup:
        """A new empty group at ``position`` (default: last); the later groups move down."""
        title = _required_title(title, "overskriften")
        with write_transaction(self.db):
            require_meeting(self.db, meeting_id)
            siblings = ordered_ids(self.db, "agenda_group", "meeting_id", meeting_id)
            position = clamp_position(position, len(siblings))
            group_id = (
                self.db["agenda_group"]
                .insert({"meeting_id": meeting_id, "position": len(siblings), "title": title})
                .last_pk
            )
            siblings.insert(position, group_id)
            renumber(self.db, "agenda_group", siblings)
        return AgendaGroup(title, [], id=group_id)

    def rename_group(self, group_id: int, title: str) -> None:
        title = _required_title(title, "overskriften")
        with write_transaction(self.db):
            require_row(self.db, "agenda_group", group_id, GROUP_GONE)
            self.db["agenda_group"].update(group_id, {"title": title})

    def delete_group(self, group_id: int) -> int:
        """Remove a group with its items and their text; the later groups move up.

        Returns the trash entry that undoes it."""
        with write_transaction(self.db):
            where = first_row(
                self.db,
                "SELECT meeting_id, position FROM agenda_group WHERE id = ?",
                [group_id],
                f"gruppen med id {group_id} findes ikke længere",
            )
            meeting_id = where["meeting_id"]
            group = next(g for g in self.groups_of_meeting(meeting_id) if g.id == group_id)
            self.records.fill_items(group.items)
            payload = {"title": group.title, "items": [item_to_dict(i) for i in group.items]}
            trash_id = self.trash.put(
                GROUP,
                group.title,
                payload,
                meeting_id=meeting_id,
                position=where["position"],
                extra={
                    "events": self.records.events_naming([i.id for i in group.items]),
                    "waiting": self.trash.set_aside_of_group(group_id),
                },
            )
            self.db.execute("DELETE FROM agenda_group WHERE id = ?", [group_id])
            renumber(
                self.db, "agenda_group", ordered_ids(self.db, "agenda_group", "meeting_id", meeting_id)
            )
        return trash_id

    def move_group(self, group_id: int, position: int) -> None:
        """Put a group at ``position`` among its meeting's groups (0-based, after removal)."""
        with write_transaction(self.db):
            meeting_id = parent_of(self.db, "agenda_group", "meeting_id", group_id, GROUP_GONE)
            siblings = ordered_ids(self.db, "agenda_group", "meeting_id", meeting_id)
            siblings = placed(siblings, group_id, position)
            renumber(self.db, "agenda_group", siblings)

    # Items -------------------------------------------------------------------------------

    def add_item(
        self,
        group_id: int,
        title: str,
        position: int | None = None,
        headings: tuple[str, ...] = STANDARD_SECTIONS,
    ) -> AgendaItem:
        """A new item with empty standard sections; returns it with its ids set."""
        title = _required_title(title, "punktets titel")
        item = AgendaItem(title, sections=[Section(heading) for heading in headings])
        with write_transaction(self.db):
            require_row(self.db, "agenda_group", group_id, GROUP_GONE)
            siblings = ordered_ids(self.db, "agenda_item", "group_id", group_id)
            position = clamp_position(position, len(siblings))
            self.insert_item(group_id, len(siblings), item)
            siblings.insert(position, item.id)
            renumber(self.db, "agenda_item", siblings)
        return item

    def update_item_fields(
        self,
        item_id: int,
        *,
        title: str | None = None,
        case_number: str | None = None,
        case_officers: str | None = None,
    ) -> None:
        """Save the item's heading line and case line (only the fields given)."""
        changes = {}
        if title is not None:
            changes["title"] = _required_title(title, "punktets titel")
        if case_number is not None:
            changes["case_number"] = case_number.strip()
        if case_officers is not None:
            changes["case_officers"] = case_officers.strip()
        if not changes:
            return
        with write_transaction(self.db):
            require_row(self.db, "agenda_item", item_id, ITEM_GONE)
            self.db["agenda_item"].update(item_id, changes)

    def delete_item(self, item_id: int) -> int:
        """Delete an item with its sections; return the trash entry that undoes it."""
        with write_transaction(self.db):
            where = first_row(
                self.db,
                "SELECT agenda_item.group_id, agenda_item.position, agenda_group.meeting_id "
                "FROM agenda_item JOIN agenda_group ON agenda_group.id = agenda_item.group_id "
                "WHERE agenda_item.id = ?",
                [item_id],
                f"punktet med id {item_id} findes ikke længere",
            )
            groups = self.groups_of_meeting(where["meeting_id"])
            item = next(i for g in groups for i in g.items if i.id == item_id)
            self.records.fill_items([item])  # the record goes to the trash with the item
            trash_id = self.trash.put(
                ITEM,
                item.title,
                item_to_dict(item),
                meeting_id=where["meeting_id"],
                group_id=where["group_id"],
                position=where["position"],
                extra={"events": self.records.events_naming([item_id])},
            )
            self.db.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])
            group_id = where["group_id"]
            renumber(self.db, "agenda_item", ordered_ids(self.db, "agenda_item", "group_id", group_id))
        return trash_id

    def move_item(self, item_id: int, group_id: int, position: int) -> None:
        """Put an item at ``position`` in ``group_id`` (0-based, counted without the item).

        Both the group it leaves and the group it joins are renumbered in the same
        transaction.
        """
        with write_transaction(self.db):
            old_group_id = parent_of(self.db, "agenda_item", "group_id", item_id, ITEM_GONE)
            require_row(self.db, "agenda_group", group_id, GROUP_GONE)
            if self._meeting_of(group_id) != self._meeting_of(old_group_id):
                raise StoreError("et punkt kan kun flyttes inden for sit eget møde")
            old_siblings = ordered_ids(self.db, "agenda_item", "group_id", old_group_id)
            old_siblings.remove(item_id)
            siblings = (
                old_siblings
                if group_id == old_group_id
                else ordered_ids(self.db, "agenda_item", "group_id", group_id)
            )
            siblings = placed(siblings, item_id, position)
            self.db.execute("UPDATE agenda_item SET group_id = ? WHERE id = ?", [group_id, item_id])
            if group_id != old_group_id:
                renumber(self.db, "agenda_item", old_siblings)
            renumber(self.db, "agenda_item", siblings)

    def add_section(self, item_id: int, heading: str, body: str = "") -> Section:
        """A new section after the item's others."""
        heading = _required_title(heading, "afsnittets overskrift")
        with write_transaction(self.db):
            require_row(self.db, "agenda_item", item_id, ITEM_GONE)
            position = len(ordered_ids(self.db, "section", "item_id", item_id))
            section_id = (
                self.db["section"]
                .insert(
                    {"item_id": item_id, "position": position, "heading": heading, "body": body}
                )
                .last_pk
            )
        return Section(heading, body, id=section_id)

    def set_section_body(self, section_id: int, body: str) -> None:
        """Save the text of one section (the live-typing path: keep it small)."""
        with write_transaction(self.db):
            cursor = self.db.execute("UPDATE section SET body = ? WHERE id = ?", [body, section_id])
            if cursor.rowcount != 1:
                raise StoreError(f"afsnittet med id {section_id} findes ikke længere")

    def set_item_status(
        self, item_id: int, status: ItemStatus, *, at: dt.datetime | None = None
    ) -> None:
        """Move an item to a status; taken-up and decided times are stamped on the way."""
        changes: dict[str, Any] = {"status": status.value}
        if at is not None and status is ItemStatus.IN_PROGRESS:
            changes["taken_up_at"] = datetime_text(at)
        if at is not None and status is ItemStatus.DECIDED:
            changes["decided_at"] = datetime_text(at)
        with write_transaction(self.db):
            require_row(self.db, "agenda_item", item_id, ITEM_GONE)
            self.db["agenda_item"].update(item_id, changes)

    # Whole agendas: loading, a new meeting's agenda, undo ---------------------------------

    def groups_of_meeting(self, meeting_id: int) -> list[AgendaGroup]:
        """The meeting's agenda in order, with every item's sections."""
        groups = [
            AgendaGroup(id=row["id"], title=row["title"])
            for row in self.db.query(
                "SELECT * FROM agenda_group WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]
        by_id = {group.id: group for group in groups}
        items: dict[int, AgendaItem] = {}
        for row in self.db.query(
            """
            SELECT agenda_item.* FROM agenda_item
            JOIN agenda_group ON agenda_group.id = agenda_item.group_id
            WHERE agenda_group.meeting_id = ?
            ORDER BY agenda_item.group_id, agenda_item.position
            """,
            [meeting_id],
        ):
            item = AgendaItem(
                id=row["id"],
                title=row["title"],
                case_number=row["case_number"],
                case_officers=row["case_officers"],
                status=ItemStatus(row["status"]),
                taken_up_at=parse_datetime(row["taken_up_at"]),
                decided_at=parse_datetime(row["decided_at"]),
            )
            items[item.id] = item
            by_id[row["group_id"]].items.append(item)
        for row in self.db.query(
            """
            SELECT section.* FROM section
            JOIN agenda_item ON agenda_item.id = section.item_id
            JOIN agenda_group ON agenda_group.id = agenda_item.group_id
            WHERE agenda_group.meeting_id = ?
            ORDER BY section.item_id, section.position
            """,
            [meeting_id],
        ):
            items[row["item_id"]].sections.append(
                Section(id=row["id"], heading=row["heading"], body=row["body"])
            )
        return groups

    def insert_group(self, meeting_id: int, position: int, group: AgendaGroup) -> None:
        """A whole group with its items (inside the caller's transaction); sets the ids."""
        group.id = self.db["agenda_group"].insert(
            {"meeting_id": meeting_id, "position": position, "title": group.title}
        ).last_pk
        for item_position, item in enumerate(group.items):
            self.insert_item(group.id, item_position, item)

    def insert_item(self, group_id: int, position: int, item: AgendaItem) -> None:
        """A whole item with its sections (inside the caller's transaction); sets the ids."""
        item.id = self.db["agenda_item"].insert(
            {
                "group_id": group_id,
                "position": position,
                "title": item.title,
                "case_number": item.case_number,
                "case_officers": item.case_officers,
                "status": item.status.value,
                "taken_up_at": datetime_text(item.taken_up_at),
                "decided_at": datetime_text(item.decided_at),
            }
        ).last_pk
        for section_position, section in enumerate(item.sections):
            section.id = self.db["section"].insert(
                {
                    "item_id": item.id,
                    "position": section_position,
                    "heading": section.heading,
                    "body": section.body,
                }
            ).last_pk
        if item.inhabil or item.vote or item.remarks:
            self.records.set_item_record(item)

    def restore_item(self, row: dict[str, Any], content: dict[str, Any], extra: dict) -> int:
        """A trashed item back at its old place in its group, with its record, and the
        presence events that named it naming it again; its new id."""
        group_id = row["group_id"]
        owner = list(self.db.query("SELECT meeting_id FROM agenda_group WHERE id = ?", [group_id]))
        if (
            not owner
            or row["meeting_id"] not in (None, owner[0]["meeting_id"])
            or self.trash.meeting_deleted_after(row)
        ):
            raise self._nowhere_to_go(row, "punktet", "det", "et møde eller en gruppe")
        item = item_from_dict(content)
        siblings = ordered_ids(self.db, "agenda_item", "group_id", group_id)
        self.insert_item(group_id, len(siblings), item)
        siblings.insert(min(row["position"], len(siblings)), item.id)
        renumber(self.db, "agenda_item", siblings)
        self.records.name_again(self._meeting_of(group_id), extra.get("events", []), [item.id])
        return item.id

    def restore_group(self, row: dict[str, Any], content: dict[str, Any], extra: dict) -> int:
        """A trashed group with its items back at its old place, and the presence events
        that named its items naming them again; its new id."""
        meeting_id = row["meeting_id"]
        if not list(
            self.db.query("SELECT 1 FROM meeting WHERE id = ?", [meeting_id])
        ) or self.trash.meeting_deleted_after(row):
            raise self._nowhere_to_go(row, "gruppen", "den", "et møde")
        siblings = ordered_ids(self.db, "agenda_group", "meeting_id", meeting_id)
        group = AgendaGroup(
            title=content["title"], items=[item_from_dict(item) for item in content["items"]]
        )
        self.insert_group(meeting_id, len(siblings), group)
        siblings.insert(min(row["position"], len(siblings)), group.id)
        renumber(self.db, "agenda_group", siblings)
        self.records.name_again(
            meeting_id, extra.get("events", []), [item.id for item in group.items]
        )
        self.trash.attach(extra.get("waiting"), group_ids=[group.id])
        return group.id

    def _nowhere_to_go(
        self, row: dict[str, Any], what: str, it: str, stood_in: str
    ) -> StoreError:
        """Why a trashed item or group cannot go back: what it stood in is deleted. Either
        that waits in the trash too (restore it first), or it is gone for good: dropped
        from the trash, or deleted by an older version that kept no link to it."""
        waited_for = self.trash.waited_for(row["id"])
        if waited_for is not None:
            parent = "mødet" if waited_for.kind == MEETING else "gruppen"
            return StoreError(
                f"{what} »{row['label']}« kan først gendannes, når {parent} "
                f"»{waited_for.label}« er gendannet; gendan {parent} først "
                f"(element {waited_for.id} i papirkurven)"
            )
        return StoreError(
            f"{what} »{row['label']}« kan ikke gendannes: {it} stod i {stood_in}, "
            "der er slettet og ikke kan gendannes med "
            f"{it} (fjernet fra papirkurven, eller slettet af en ældre udgave af KKR Desk)"
        )

    def _meeting_of(self, group_id: int) -> int:
        return parent_of(self.db, "agenda_group", "meeting_id", group_id, GROUP_GONE)


def _required_title(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise StoreError(f"{what} må ikke være tom")
    return text
