"""The rows of attendance over time and of each item's record (migration 0007_item_record).

``ItemRecords`` reads them into a loaded Meeting (or into items about to go to the trash)
and writes them for one person or one item, each write in one transaction. Person ids come
from the roster, so a stedfortræder or a named voter typed in joins it.
"""

from __future__ import annotations

from collections.abc import Iterable
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
from .roster import Roster, RosterIds, person_from_row

if TYPE_CHECKING:
    from .connection import StoreDatabase


class ItemRecords:
    """Presence events per person and inhabilitet, votes and remarks per item."""

    def __init__(self, db: StoreDatabase, roster: Roster):
        self.db = db
        self.roster = roster

    # Reading -------------------------------------------------------------------------

    def fill(self, meeting: Meeting) -> None:
        """Put the stored events and item records into a Meeting just loaded; a person
        named in a record is the same object as on the meeting's list."""
        people = {
            person.id: person
            for entry in meeting.attendance
            for person in (entry.person, entry.substitute_for)
            if person is not None
        }
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
        self.fill_items(meeting.items, people)

    def fill_items(
        self, items_to_fill: Iterable[AgendaItem], people: dict[int, Person] | None = None
    ) -> None:
        """Put each item's stored inhabilitet, vote and remarks into it (``people``: the
        Person objects already loaded, by id; others are read from the roster)."""
        items = {item.id: item for item in items_to_fill}
        if not items:
            return
        marks = ",".join("?" * len(items))
        ids = list(items)
        known = {} if people is None else people

        def person(person_id: int | None) -> Person | None:
            if person_id is None:
                return None
            if person_id not in known:
                row = next(self.db.query("SELECT * FROM person WHERE id = ?", [person_id]))
                known[person_id] = person_from_row(row)
            return known[person_id]

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

    def set_item_record(self, item: AgendaItem, roster: RosterIds | None = None) -> None:
        """Replace the item's inhabilitet, vote and remarks with those on ``item``
        (``roster``: ``Roster.ids()`` made once for a whole new meeting)."""

        def person_id_of(person: Person) -> int:
            return self.roster.person_id(person, roster)

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

    # The trash ---------------------------------------------------------------------------

    def events_naming(self, item_ids: list[int]) -> list[dict]:
        """The presence events that name these items, as the trash keeps them beside the
        deleted items (deleting an item leaves its events without one): whose, where in
        their list, what and when, and which of the items by its index in ``item_ids``."""
        index = {item_id: n for n, item_id in enumerate(item_ids)}
        if not index:
            return []
        marks = ",".join("?" * len(index))
        return [
            {
                "item": index[row["item_id"]],
                "person_id": row["person_id"],
                "position": row["position"],
                "kind": row["kind"],
                "at": row["at"],
            }
            for row in self.db.query(
                f"SELECT * FROM presence_event WHERE item_id IN ({marks}) ORDER BY id",
                list(index),
            )
        ]

    def name_again(self, meeting_id: int, events: list[dict], item_ids: list[int]) -> None:
        """Point the events ``events_naming`` kept at the restored items (inside the
        caller's transaction). Each is found as the same person's event of that kind and
        time that names no item now, nearest its old place; one changed meanwhile stays."""
        for event in events:
            if not isinstance(event, dict) or not isinstance(event.get("item"), int):
                continue
            if not 0 <= event["item"] < len(item_ids):
                continue
            self.db.execute(
                """UPDATE presence_event SET item_id = ? WHERE id = (
                    SELECT id FROM presence_event
                    WHERE meeting_id = ? AND person_id = ? AND kind = ? AND at IS ?
                      AND item_id IS NULL
                    ORDER BY ABS(position - ?), position LIMIT 1)""",
                [
                    item_ids[event["item"]],
                    meeting_id,
                    event.get("person_id"),
                    event.get("kind"),
                    event.get("at"),
                    event.get("position") if isinstance(event.get("position"), int) else 0,
                ],
            )

    def add_meeting_events(self, meeting: Meeting, roster: RosterIds) -> None:
        """Every event of a meeting whose rows were just inserted (the items' records are
        written with each item)."""
        for entry in meeting.attendance:
            if entry.events:
                self.set_events(
                    meeting.id, self.roster.person_id(entry.person, roster), entry.events
                )


def _item_id(item: AgendaItem | None) -> int | None:
    return None if item is None else item.id
