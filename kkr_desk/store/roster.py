"""The roster: every person any meeting has held, shared by all meetings of the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain import Person
from .rows import row_exists

if TYPE_CHECKING:
    from .connection import StoreDatabase

RosterIds = dict[tuple[str, str], int]
"""Roster key (name, organisation) → person id; made once for a long list of people."""


class Roster:
    """Reads people and finds or adds the roster entry of a person (no transaction of its own:
    the callers write a person as part of their own edit)."""

    def __init__(self, db: StoreDatabase):
        self.db = db

    def people(self) -> list[Person]:
        """The whole roster, by name."""
        return [
            person_from_row(row)
            for row in self.db.query("SELECT * FROM person ORDER BY name COLLATE NOCASE, id")
        ]

    def people_of_meeting(self, meeting_id: int) -> dict[int, Person]:
        """Everyone on the meeting's list or stood in for there, by id."""
        rows = self.db.query(
            """
            SELECT DISTINCT person.* FROM person JOIN attendance
              ON person.id = attendance.person_id OR person.id = attendance.substitute_for_id
            WHERE attendance.meeting_id = ?
            """,
            [meeting_id],
        )
        return {row["id"]: person_from_row(row) for row in rows}

    def ids(self) -> RosterIds:
        """Roster key → id; the oldest entry wins, as it always has."""
        roster: RosterIds = {}
        for row in self.db.query("SELECT id, name, organisation FROM person ORDER BY id"):
            roster.setdefault((roster_key(row["name"]), roster_key(row["organisation"])), row["id"])
        return roster

    def person_id(self, person: Person, roster: RosterIds | None = None) -> int:
        """The roster id of a person: reuse an entry by id, or by name and organisation.

        Sets ``person.id``. ``roster`` is ``ids()`` made once for many people, and is kept
        up to date here.
        """
        if person.id is not None and row_exists(self.db, "person", person.id):
            return person.id
        if roster is None:
            roster = self.ids()
        # Names and organisations are compared the way a reader would: case and spacing
        # differ between documents ("Jesper Kaas  Schmidt", "KD-net"), the person does not.
        wanted = (roster_key(person.name), roster_key(person.organisation))
        if wanted in roster:
            person.id = roster[wanted]
        else:
            person.id = self.db["person"].insert(person_fields(person)).last_pk
            roster[wanted] = person.id
        return person.id


def roster_key(text: str) -> str:
    """A name as the roster compares it: spacing and case ignored."""
    return " ".join(text.split()).casefold()


def person_fields(person: Person) -> dict[str, Any]:
    """A person as the roster stores them, without the id: the row ``person_id`` inserts,
    and the form the trash keeps a committee's people in (store/committees.py), so a
    trashed committee holds exactly what its restore would write.

    The name loses the spacing at its ends: it is never part of a name, the roster's key
    ignores it, and a referat should not print it. The other fields are kept as given (a
    blank detail means "not known", filled from the roster elsewhere)."""
    return {
        "name": person.name.strip(),
        "party": person.party,
        "municipality": person.municipality,
        "title": person.title,
        "organisation": person.organisation,
    }


def person_from_row(row: dict[str, Any]) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        party=row["party"],
        municipality=row["municipality"],
        title=row["title"],
        organisation=row["organisation"],
    )
