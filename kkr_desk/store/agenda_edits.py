"""Edits to a meeting's agenda and the meeting itself, one transaction per user action.

Positions are kept dense (0, 1, 2 …) inside each parent: every add, delete and move
renumbers its siblings in the same transaction, so the printed numbers are always right.
"""

from __future__ import annotations

import datetime as dt

from ..domain import STANDARD_SECTIONS, AgendaGroup, AgendaItem, Meeting, Section
from ..domain.agenda_order import clamp_position, placed
from ..domain.committee import new_meeting, roster_attendance
from ..domain.next_meeting import next_meeting
from .database import StoreError, write_transaction


class AgendaEdits:
    """Mixed into Store: needs ``self.db`` and the Store's row helpers."""

    # Meetings ----------------------------------------------------------------------------

    def create_empty_meeting(self, committee: str, date: dt.date, place: str = "") -> int:
        """A new agenda of the committee: its roster (unregistered), place and standing
        items; a name not seen before makes a new committee with nobody on it."""
        if not committee.strip():
            raise StoreError("mødet skal have et udvalg")
        with write_transaction(self.db):
            known = self.committees.for_meeting(Meeting(committee.strip(), date))
            meeting = new_meeting(known, date)
            if place:
                meeting.place = place
            return self.add_meeting(meeting)

    def create_next_meeting(self, meeting_id: int, date: dt.date) -> int:
        """The committee's next meeting: the committee's roster, the standing points of this
        one; returns its id."""
        previous = self.load_meeting(meeting_id)
        if date <= previous.date:
            raise StoreError(f"det næste møde skal ligge efter mødet den {previous.date:%d-%m-%Y}")
        with write_transaction(self.db):
            committee = self.committees.for_meeting(previous)
            meeting = next_meeting(previous, date)
            if committee is not None and committee.roster:
                meeting.attendance = roster_attendance(committee)
            return self.add_meeting(meeting)

    # Groups ------------------------------------------------------------------------------

    def add_group(self, meeting_id: int, title: str, position: int | None = None) -> AgendaGroup:
        """A new empty group at ``position`` (default: last); the later groups move down."""
        title = _required_title(title, "overskriften")
        with write_transaction(self.db):
            self._require_meeting(meeting_id)
            siblings = self._ordered_ids("agenda_group", "meeting_id", meeting_id)
            position = clamp_position(position, len(siblings))
            group_id = (
                self.db["agenda_group"]
                .insert({"meeting_id": meeting_id, "position": len(siblings), "title": title})
                .last_pk
            )
            siblings.insert(position, group_id)
            self._renumber("agenda_group", siblings)
        return AgendaGroup(title, [], id=group_id)

    def rename_group(self, group_id: int, title: str) -> None:
        title = _required_title(title, "overskriften")
        with write_transaction(self.db):
            self._require_group(group_id)
            self.db["agenda_group"].update(group_id, {"title": title})

    def delete_group(self, group_id: int) -> None:
        """Remove a group with its items and their text; the later groups move up."""
        with write_transaction(self.db):
            meeting_id = self._parent_of("agenda_group", "meeting_id", group_id)
            self.db.execute("DELETE FROM agenda_group WHERE id = ?", [group_id])
            self._renumber(
                "agenda_group", self._ordered_ids("agenda_group", "meeting_id", meeting_id)
            )

    def move_group(self, group_id: int, position: int) -> None:
        """Put a group at ``position`` among its meeting's groups (0-based, after removal)."""
        with write_transaction(self.db):
            meeting_id = self._parent_of("agenda_group", "meeting_id", group_id)
            siblings = self._ordered_ids("agenda_group", "meeting_id", meeting_id)
            siblings = placed(siblings, group_id, position)
            self._renumber("agenda_group", siblings)

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
            self._require_group(group_id)
            siblings = self._ordered_ids("agenda_item", "group_id", group_id)
            position = clamp_position(position, len(siblings))
            self._insert_item(group_id, len(siblings), item)
            siblings.insert(position, item.id)
            self._renumber("agenda_item", siblings)
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
            self._require_item(item_id)
            self.db["agenda_item"].update(item_id, changes)

    def delete_item(self, item_id: int) -> None:
        with write_transaction(self.db):
            group_id = self._parent_of("agenda_item", "group_id", item_id)
            self.db.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])
            self._renumber("agenda_item", self._ordered_ids("agenda_item", "group_id", group_id))

    def move_item(self, item_id: int, group_id: int, position: int) -> None:
        """Put an item at ``position`` in ``group_id`` (0-based, counted without the item).

        Both the group it leaves and the group it joins are renumbered in the same
        transaction.
        """
        with write_transaction(self.db):
            old_group_id = self._parent_of("agenda_item", "group_id", item_id)
            self._require_group(group_id)
            if self._meeting_of_group(group_id) != self._meeting_of_group(old_group_id):
                raise StoreError("et punkt kan kun flyttes inden for sit eget møde")
            old_siblings = self._ordered_ids("agenda_item", "group_id", old_group_id)
            old_siblings.remove(item_id)
            siblings = (
                old_siblings
                if group_id == old_group_id
                else self._ordered_ids("agenda_item", "group_id", group_id)
            )
            siblings = placed(siblings, item_id, position)
            self.db.execute("UPDATE agenda_item SET group_id = ? WHERE id = ?", [group_id, item_id])
            if group_id != old_group_id:
                self._renumber("agenda_item", old_siblings)
            self._renumber("agenda_item", siblings)

    def add_section(self, item_id: int, heading: str, body: str = "") -> Section:
        """A new section after the item's others."""
        heading = _required_title(heading, "afsnittets overskrift")
        with write_transaction(self.db):
            self._require_item(item_id)
            position = len(self._ordered_ids("section", "item_id", item_id))
            section_id = (
                self.db["section"]
                .insert(
                    {"item_id": item_id, "position": position, "heading": heading, "body": body}
                )
                .last_pk
            )
        return Section(heading, body, id=section_id)

    # Helpers -----------------------------------------------------------------------------

    def _require_group(self, group_id: int) -> None:
        if not self._row_exists("agenda_group", group_id):
            raise StoreError("gruppen findes ikke længere; genindlæs mødet")

    def _require_item(self, item_id: int) -> None:
        if not self._row_exists("agenda_item", item_id):
            raise StoreError("punktet findes ikke længere; genindlæs mødet")

    def _parent_of(self, table: str, column: str, row_id: int) -> int:
        rows = list(self.db.query(f"SELECT [{column}] FROM [{table}] WHERE id = ?", [row_id]))
        if not rows:
            what = "gruppen" if table == "agenda_group" else "punktet"
            raise StoreError(f"{what} findes ikke længere; genindlæs mødet")
        return rows[0][column]

    def _meeting_of_group(self, group_id: int) -> int:
        return self._parent_of("agenda_group", "meeting_id", group_id)

    def _ordered_ids(self, table: str, column: str, parent_id: int) -> list[int]:
        return [
            row["id"]
            for row in self.db.query(
                f"SELECT id FROM [{table}] WHERE [{column}] = ? ORDER BY position, id",
                [parent_id],
            )
        ]

    def _renumber(self, table: str, ordered_ids: list[int]) -> None:
        self.db.conn.executemany(
            f"UPDATE [{table}] SET position = ? WHERE id = ?",
            [(position, row_id) for position, row_id in enumerate(ordered_ids)],
        )


def _required_title(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise StoreError(f"{what} må ikke være tom")
    return text
