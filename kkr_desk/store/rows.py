"""Small row helpers every repository shares: does a row exist, its parent, sibling order.

Positions are kept dense (0, 1, 2 …) inside each parent: every add, delete and move
renumbers its siblings in the same transaction, so the printed numbers are always right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .database import StoreError

if TYPE_CHECKING:
    from .connection import StoreDatabase


class MeetingNotFound(StoreError):
    """No meeting has the id the user gave."""


def require_meeting(db: StoreDatabase, meeting_id: int | None) -> None:
    if meeting_id is None or not row_exists(db, "meeting", meeting_id):
        raise MeetingNotFound(f"der findes intet møde med id {meeting_id}")


def row_exists(db: StoreDatabase, table: str, row_id: int) -> bool:
    return bool(list(db.query(f"SELECT 1 FROM [{table}] WHERE id = ?", [row_id])))


def require_row(db: StoreDatabase, table: str, row_id: int, missing: str) -> None:
    """StoreError with the Danish ``missing`` when the row is gone."""
    if not row_exists(db, table, row_id):
        raise StoreError(missing)


def first_row(db: StoreDatabase, sql: str, parameters: list[Any], missing: str) -> dict[str, Any]:
    """The first row of a query, or StoreError with the Danish ``missing``."""
    rows = list(db.query(sql, parameters))
    if not rows:
        raise StoreError(missing)
    return rows[0]


def parent_of(db: StoreDatabase, table: str, column: str, row_id: int, missing: str) -> int:
    row = first_row(db, f"SELECT [{column}] FROM [{table}] WHERE id = ?", [row_id], missing)
    return row[column]


def ordered_ids(db: StoreDatabase, table: str, column: str, parent_id: int) -> list[int]:
    return [
        row["id"]
        for row in db.query(
            f"SELECT id FROM [{table}] WHERE [{column}] = ? ORDER BY position, id", [parent_id]
        )
    ]


def renumber(db: StoreDatabase, table: str, ordered: list[int]) -> None:
    db.conn.executemany(
        f"UPDATE [{table}] SET position = ? WHERE id = ?",
        [(position, row_id) for position, row_id in enumerate(ordered)],
    )
