"""The committees: each one's roster (members, then staff), place, standing items, phrases
and front page, in the tables ``committee``, ``committee_member`` and ``committee_staff``.

A repository over the Store's database. People are the shared roster's rows (``person``),
matched by store/roster.py, so a name typed here and in a document is one person. Details
given here (party, municipality, title) become the roster's and those of the meetings not
yet held; a held meeting keeps its own (store/attendance.py). A committee no meeting uses
can be deleted into the trash; one with meetings is refused.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from ..domain import Meeting, Person
from ..domain.committee import Committee, Member, Role, committee_from_meeting
from ..domain.meeting_life import MeetingState
from ..domain.next_meeting import is_standing
from .database import StoreError, write_transaction
from .roster import Roster, RosterIds, person_fields, person_from_row
from .trash import COMMITTEE, Trash

if TYPE_CHECKING:
    from .connection import StoreDatabase

    from .attendance import AttendanceList


class CommitteeNotFound(StoreError):
    """No committee has the name the user gave."""


class CommitteeInUse(StoreError):
    """The committee to delete still has meetings."""


class Committees:
    """Read and write committees; every write is one transaction (a savepoint when nested)."""

    def __init__(self, db: StoreDatabase, roster: Roster, attendance: AttendanceList, trash: Trash):
        self.db = db
        self.roster = roster
        self.attendance = attendance
        self.trash = trash

    def names(self) -> list[str]:
        return [
            row["name"]
            for row in self.db.query("SELECT name FROM committee ORDER BY name COLLATE NOCASE")
        ]

    def find(self, name: str) -> Committee | None:
        """The committee of that name (spacing and case ignored), or None."""
        wanted = _key(name)
        for row in self.db.query("SELECT * FROM committee"):
            if _key(row["name"]) == wanted:
                return self._committee(row)
        return None

    def get(self, name: str) -> Committee:
        committee = self.find(name)
        if committee is None:
            raise CommitteeNotFound(f"der findes intet udvalg ved navn {name.strip()!r}")
        return committee

    def by_id(self, committee_id: int) -> Committee:
        rows = list(self.db.query("SELECT * FROM committee WHERE id = ?", [committee_id]))
        if not rows:
            raise CommitteeNotFound(f"der findes intet udvalg med id {committee_id}")
        return self._committee(rows[0])

    def save(self, committee: Committee, *, keep_details: bool = False) -> int:
        """Write the whole committee (new or changed); its meetings follow a new name.

        The people's details become the roster's and those of every meeting not yet held
        (planlagt) they are on; ``keep_details`` (a committee back from the trash) leaves
        the roster's as they are. None of this is an edit of those meetings: their time of
        last change stays (``_kept_last_changes``)."""
        name = " ".join(committee.name.split())
        if not name:
            raise StoreError("udvalget skal have et navn")
        with write_transaction(self.db), _kept_last_changes(self.db, committee.id):
            other = self.find(name)
            if other is not None and other.id != committee.id:
                raise StoreError(f"der findes allerede et udvalg ved navn {other.name!r}")
            row = {
                "name": name,
                "place": committee.place.strip(),
                "standing_items": _json([t.strip() for t in committee.standing_items]),
                "phrases": _json([p.strip() for p in committee.phrases]),
                "mission": committee.mission,
                "vision": committee.vision,
            }
            if committee.id is None:
                committee.id = self.db["committee"].insert(row).last_pk
            else:
                if not list(self.db.query("SELECT 1 FROM committee WHERE id = ?", [committee.id])):
                    raise CommitteeNotFound(f"der findes intet udvalg med id {committee.id}")
                self.db["committee"].update(committee.id, row)
                self.db.execute(
                    "UPDATE meeting SET committee = ? WHERE committee_id = ? AND committee != ?",
                    [name, committee.id, name],
                )
            committee.name = name
            self._write_roster(committee, keep_details)
        return committee.id

    def meeting_count(self, committee_id: int) -> int:
        return next(
            self.db.query(
                "SELECT COUNT(*) AS n FROM meeting WHERE committee_id = ?", [committee_id]
            )
        )["n"]

    def delete(self, name: str) -> int:
        """Move a committee that no meeting uses to the trash; returns the trash entry.

        A committee with meetings is refused (CommitteeInUse, naming how many): deleting it
        would leave those meetings without their roster and defaults."""
        with write_transaction(self.db):
            committee = self.get(name)
            count = self.meeting_count(committee.id)
            if count:
                raise CommitteeInUse(
                    f"udvalget »{committee.name}« bruges af "
                    + ("1 møde" if count == 1 else f"{count} møder")
                    + " og kan ikke slettes; slet eller flyt møderne først"
                )
            trash_id = self.trash.put(COMMITTEE, committee.name, _committee_dict(committee))
            self.db.execute("DELETE FROM committee WHERE id = ?", [committee.id])
        return trash_id

    def restore(self, row: dict[str, Any], content: dict[str, Any], extra: dict) -> int:
        """A trashed committee back under a new id; its people are matched to the roster,
        whose details stay as they are now. Refused when its name is taken meanwhile."""
        return self.save(_committee_from_dict(content), keep_details=True)

    def for_meeting(self, meeting: Meeting) -> Committee | None:
        """The meeting's committee by name; a committee not seen before is made from the
        meeting itself (its people become the roster). None for a meeting without a name."""
        if not meeting.committee.strip():
            return None
        committee = self.find(meeting.committee)
        if committee is not None:
            return committee
        standing = [group.title for group in meeting.groups if is_standing(group.title)]
        committee = committee_from_meeting(meeting, standing)
        self.save(committee)
        return committee

    # Rows ----------------------------------------------------------------------------------

    def _write_roster(self, committee: Committee, keep_details: bool = False) -> None:
        self.db.execute("DELETE FROM committee_member WHERE committee_id = ?", [committee.id])
        self.db.execute("DELETE FROM committee_staff WHERE committee_id = ?", [committee.id])
        seen: set[int] = set()
        roster = self.roster.ids()  # once: a long roster stays linear
        person_id_of = (
            (lambda person, roster: self.roster.person_id(person, roster))
            if keep_details
            else self._person_id_with_details
        )
        for member in committee.members:
            person_id = person_id_of(member.person, roster)
            if person_id in seen:
                raise StoreError(f"{member.person.name} står to gange i udvalget")
            seen.add(person_id)
            substitute = member.substitute
            self.db["committee_member"].insert(
                {
                    "committee_id": committee.id,
                    "person_id": person_id,
                    "position": len(seen) - 1,
                    "role": member.role.value,
                    "substitute_id": (
                        self.roster.person_id(substitute, roster) if substitute else None
                    ),
                }
            )
        for position, person in enumerate(committee.staff):
            person_id = person_id_of(person, roster)
            if person_id in seen:
                raise StoreError(f"{person.name} står to gange i udvalget")
            seen.add(person_id)
            self.db["committee_staff"].insert(
                {"committee_id": committee.id, "person_id": person_id, "position": position}
            )

    def _person_id_with_details(self, person: Person, roster: RosterIds) -> int:
        """The person's roster id; party, municipality and title given here are kept (the
        roster is the current word on them, and the meetings not yet held follow it),
        blanks leave the stored ones alone."""
        person_id = self.roster.person_id(person, roster)
        details = {
            column: value
            for column, value in (
                ("party", person.party),
                ("municipality", person.municipality),
                ("title", person.title),
            )
            if value.strip()
        }
        if details:
            self.db["person"].update(person_id, details)
            self.attendance.follow_roster(person_id, details)
        return person_id

    def _committee(self, row: dict[str, Any]) -> Committee:
        people = {
            person["id"]: person_from_row(person)
            for person in self.db.query(
                """SELECT person.* FROM person WHERE id IN (
                    SELECT person_id FROM committee_member WHERE committee_id = :id
                    UNION SELECT substitute_id FROM committee_member WHERE committee_id = :id
                    UNION SELECT person_id FROM committee_staff WHERE committee_id = :id)""",
                {"id": row["id"]},
            )
        }
        members = [
            Member(
                person=people[m["person_id"]],
                role=Role(m["role"]),
                substitute=people.get(m["substitute_id"]),
            )
            for m in self.db.query(
                "SELECT * FROM committee_member WHERE committee_id = ? ORDER BY position",
                [row["id"]],
            )
        ]
        staff = [
            people[s["person_id"]]
            for s in self.db.query(
                "SELECT * FROM committee_staff WHERE committee_id = ? ORDER BY position",
                [row["id"]],
            )
        ]
        return Committee(
            id=row["id"],
            name=row["name"],
            members=members,
            staff=staff,
            place=row["place"],
            standing_items=_list(row["standing_items"]),
            phrases=_list(row["phrases"]),
            mission=row["mission"],
            vision=row["vision"],
        )


@contextmanager
def _kept_last_changes(db: StoreDatabase, committee_id: int | None) -> Iterator[None]:
    """Keep ``meeting.changed_at`` as it was across a committee save (inside its
    transaction).

    The schema's triggers (0006_meeting_life) stamp a meeting whenever one of its rows is
    written; that time is "Sidst ændret" in the meetings list, the secretary's last edit of
    the meeting. A committee save writes the committee's name into its meetings and the
    roster's details into the planned ones (of any committee), which is no edit of theirs."""
    before = [
        (row["changed_at"], row["id"])
        for row in db.query(
            "SELECT id, changed_at FROM meeting WHERE committee_id IS ? OR state = ?",
            [committee_id, MeetingState.PLANNED.value],
        )
    ]
    yield
    # Writing changed_at itself stamps nothing: the triggers watch the other columns.
    db.conn.executemany(
        "UPDATE meeting SET changed_at = ?1 WHERE id = ?2 AND changed_at IS NOT ?1", before
    )


def _committee_dict(committee: Committee) -> dict[str, Any]:
    """The committee as the trash keeps it: its people as the roster stores them
    (``person_fields``), found again by name and organisation, not by id."""
    return {
        "name": committee.name,
        "members": [
            {
                "person": person_fields(member.person),
                "role": member.role.value,
                "substitute": person_fields(member.substitute) if member.substitute else None,
            }
            for member in committee.members
        ],
        "staff": [person_fields(person) for person in committee.staff],
        "place": committee.place,
        "standing_items": committee.standing_items,
        "phrases": committee.phrases,
        "mission": committee.mission,
        "vision": committee.vision,
    }


def _committee_from_dict(content: dict[str, Any]) -> Committee:
    return Committee(
        name=content["name"],
        members=[
            Member(
                Person(**member["person"]),
                Role(member["role"]),
                Person(**member["substitute"]) if member["substitute"] else None,
            )
            for member in content["members"]
        ],
        staff=[Person(**person) for person in content["staff"]],
        place=content["place"],
        standing_items=list(content["standing_items"]),
        phrases=list(content["phrases"]),
        mission=content["mission"],
        vision=content["vision"],
    )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _json(values: list[str]) -> str:
    return json.dumps([value for value in values if value], ensure_ascii=False)


def _list(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(entry) for entry in value] if isinstance(value, list) else []
