"""Who is on a meeting's list and in which order: add at a position, remove, move.

A repository over the Store's database. Positions in ``attendance`` stay dense (0, 1, 2 …)
per meeting; every change renumbers in the same transaction, so the referat's order is
always the list's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain import Attendance, Person
from ..domain.agenda_order import clamp_position, placed
from ..domain.clock import time_text
from .database import StoreError, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


class AttendanceRoll:
    def __init__(self, db: Database, person_id: Callable[[Person], int]):
        self.db = db
        self._person_id = person_id

    def add(self, meeting_id: int, entry: Attendance, position: int | None = None) -> int:
        """Put a person on the list at ``position`` (default: last); returns where it landed.

        Sets ``entry.person.id`` (a new person joins the shared roster of people)."""
        with write_transaction(self.db):
            if not list(self.db.query("SELECT 1 FROM meeting WHERE id = ?", [meeting_id])):
                raise StoreError(f"der findes intet møde med id {meeting_id}")
            person_id = self._person_id(entry.person)
            order = self._order(meeting_id)
            if person_id in order:
                raise StoreError(f"{entry.person.name} står allerede på deltagerlisten")
            position = clamp_position(position, len(order))
            substitute = entry.substitute_for
            self.db["attendance"].insert(
                {
                    "meeting_id": meeting_id,
                    "person_id": person_id,
                    "position": len(order),
                    "status": entry.status.value,
                    "note": entry.note,
                    "arrived_at": time_text(entry.arrived_at),
                    "left_at": time_text(entry.left_at),
                    "substitute_for_id": self._person_id(substitute) if substitute else None,
                }
            )
            order.insert(position, person_id)
            self._renumber(meeting_id, order)
        return position

    def remove(self, meeting_id: int, person_id: int) -> None:
        with write_transaction(self.db):
            cursor = self.db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )
            if cursor.rowcount != 1:
                raise StoreError("personen står ikke længere på deltagerlisten")
            self._renumber(meeting_id, self._order(meeting_id))

    def move(self, meeting_id: int, person_id: int, position: int) -> None:
        """Put the person at ``position`` (0-based, counted without them)."""
        with write_transaction(self.db):
            order = self._order(meeting_id)
            if person_id not in order:
                raise StoreError("personen står ikke længere på deltagerlisten")
            self._renumber(meeting_id, placed(order, person_id, position))

    def _order(self, meeting_id: int) -> list[int]:
        return [
            row["person_id"]
            for row in self.db.query(
                "SELECT person_id FROM attendance WHERE meeting_id = ? ORDER BY position",
                [meeting_id],
            )
        ]

    def _renumber(self, meeting_id: int, order: list[int]) -> None:
        self.db.conn.executemany(
            "UPDATE attendance SET position = ? WHERE meeting_id = ? AND person_id = ?",
            [(position, meeting_id, person_id) for position, person_id in enumerate(order)],
        )
