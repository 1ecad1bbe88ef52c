"""The rows of attendance over time and of each item's record (migration 0007_item_record).

``ItemRecords`` reads them into a loaded Meeting and writes them for one person or one
item, each write in one transaction. Person ids come from the Store's roster lookup
(``person_id_of``), so a stedfortræder or a named voter typed in joins the roster.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain import (
    AgendaItem,
    Meeting,
    Person,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
    VoteLine,
)
from ..domain.clock import parse_time, time_text
from .database import StoreError, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

PersonIdOf = Callable[[Person], int]


class ItemRecords:
    """Presence events per person and inhabilitet, votes and remarks per item."""

    def __init__(self, db: Database):
        self.db = db

    # Reading -------------------------------------------------------------------------

    def fill(self, meeting: Meeting, person_of: Callable[[int], Person]) -> None:
        """Put the stored events and item records into a Meeting just loaded.

        ``person_of`` gives the roster entry of an id, the same object for the same id.
        """
        items = {item.id: item for item in meeting.items}
        entries = {entry.person.id: entry for entry in meeting.attendance}
        for row in self.db.query(
            "SELECT * FROM presence_event WHERE meeting_id = ? ORDER BY person_id, position",
            [meeting.id],
        ):
            if row["person_id"] in entries:
                entries[row["person_id"]].events.append(
                    PresenceEvent(
                        PresenceKind(row["kind"]), parse_time(row["at"]), items.get(row["item_id"])
                    )
                )
        if not items:
            return
        marks = ",".join("?" * len(items))
        ids = list(items)

        def person(person_id: int | None) -> Person | None:
            return None if person_id is None else person_of(person_id)

        for row in self.db.query(
            f"SELECT * FROM item_inhabil WHERE item_id IN ({marks}) ORDER BY item_id, position",
            ids,
        ):
            items[row["item_id"]].inhabil.append(person(row["person_id"]))
        for row in self.db.query(
            f"SELECT * FROM vote_line WHERE item_id IN ({marks}) ORDER BY item_id, position", ids
        ):
            item = items[row["item_id"]]
            if item.vote is None:
                item.vote = Vote()
            item.vote.lines.append(
                VoteLine(VoteChoice(row["choice"]), row["party"], row["count"],
                         person(row["person_id"]))
            )
        for row in self.db.query(
            f"SELECT * FROM protocol_remark WHERE item_id IN ({marks}) "
            "ORDER BY item_id, position",
            ids,
        ):
            items[row["item_id"]].remarks.append(
                ProtocolRemark(row["text"], row["party"], person(row["person_id"]))
            )

    # Writing -------------------------------------------------------------------------

    def set_events(self, meeting_id: int, person_id: int, events: list[PresenceEvent]) -> None:
        """Replace one person's events at a meeting."""
        with write_transaction(self.db):
            self.db.execute(
                "DELETE FROM presence_event WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )
            self.db["presence_event"].insert_all(
                {
                    "meeting_id": meeting_id,
                    "person_id": person_id,
                    "position": position,
                    "kind": event.kind.value,
                    "at": time_text(event.at),
                    "item_id": _item_id(event.item),
                }
                for position, event in enumerate(events)
            )

    def set_item_record(self, item: AgendaItem, person_id_of: PersonIdOf) -> None:
        """Replace the item's inhabilitet, vote and remarks with those on ``item``."""
        with write_transaction(self.db):
            if item.id is None or not list(
                self.db.query("SELECT 1 FROM agenda_item WHERE id = ?", [item.id])
            ):
                raise StoreError(f"punktet med id {item.id} findes ikke længere")
            for table in ("item_inhabil", "vote_line", "protocol_remark"):
                self.db.execute(f"DELETE FROM {table} WHERE item_id = ?", [item.id])
            self.db["item_inhabil"].insert_all(
                {"item_id": item.id, "person_id": person_id_of(p), "position": n}
                for n, p in enumerate(item.inhabil)
            )
            lines = item.vote.lines if item.vote is not None else []
            self.db["vote_line"].insert_all(
                {
                    "item_id": item.id,
                    "position": n,
                    "choice": line.choice.value,
                    "party": line.party,
                    "count": line.count,
                    "person_id": person_id_of(line.person) if line.person else None,
                }
                for n, line in enumerate(lines)
            )
            self.db["protocol_remark"].insert_all(
                {
                    "item_id": item.id,
                    "position": n,
                    "party": remark.party,
                    "person_id": person_id_of(remark.person) if remark.person else None,
                    "text": remark.text,
                }
                for n, remark in enumerate(item.remarks)
            )

    def add_meeting_records(self, meeting: Meeting, person_id_of: PersonIdOf) -> None:
        """Every event of a meeting whose rows were just inserted (the items' records are
        written with each item)."""
        for entry in meeting.attendance:
            if entry.events:
                self.set_events(meeting.id, person_id_of(entry.person), entry.events)


def _item_id(item: AgendaItem | None) -> int | None:
    return None if item is None else item.id
