"""Committees as data: the migration from the schema before them, the repository, and new
meetings that start with the committee's roster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from kkr_desk.domain import Attendance, AttendanceStatus, Meeting, Person
from kkr_desk.domain.committee import Committee, Member, Role
from kkr_desk.store import Store, StoreError
from kkr_desk.store.migrations import MIGRATIONS


def _old_meeting(db: Database, committee: str, date: str, people: list[tuple[str, str]]) -> int:
    meeting_id = (
        db["meeting"]
        .insert(
            {
                "committee": committee,
                "kind": "referat",
                "date": date,
                "place": f"Sted {date}",
                "mission": f"Mission {date}",
                "vision": "",
            }
        )
        .last_pk
    )
    for position, (name, organisation) in enumerate(people):
        rows = list(db.query("SELECT id FROM person WHERE name = ?", [name]))
        person_id = (
            rows[0]["id"]
            if rows
            else db["person"]
            .insert(
                {
                    "name": name,
                    "party": "A",
                    "municipality": "Odder",
                    "title": "",
                    "organisation": organisation,
                }
            )
            .last_pk
        )
        db["attendance"].insert(
            {
                "meeting_id": meeting_id,
                "person_id": person_id,
                # Positions stored out of insertion order: the list order is what counts.
                "position": 10 - position,
                "status": "til stede",
                "note": "",
            }
        )
    db["agenda_group"].insert({"meeting_id": meeting_id, "position": 0, "title": "Eventuelt"})
    return meeting_id


def test_migration_makes_a_committee_per_name_from_its_latest_meeting(db_path):
    old = Database(db_path, execute_plugins=False)
    MIGRATIONS.apply(old, stop_before="0005_committee")
    early = _old_meeting(old, "KKR Midtjylland", "2024-06-18", [("Gammel Person", "")])
    late = _old_meeting(
        old,
        "KKR Midtjylland",
        "2024-09-05",
        [("Torben Hansen", ""), ("Jonna Holm", "KL"), ("Lone Jakobi", "")],
    )
    north = _old_meeting(old, "KKR Nordjylland", "2023-03-01", [("Mads Nord", "")])
    old.close()

    with Store(db_path) as store:
        assert store.committees.names() == ["KKR Midtjylland", "KKR Nordjylland"]
        midt = store.committees.get("KKR Midtjylland")
        # Attendance order was by position descending above: Lone, Jonna, Torben.
        assert [m.person.name for m in midt.members] == ["Lone Jakobi", "Torben Hansen"]
        assert [m.role for m in midt.members] == [Role.MEDLEM, Role.MEDLEM]
        assert [p.name for p in midt.staff] == ["Jonna Holm"]
        assert (midt.place, midt.mission) == ("Sted 2024-09-05", "Mission 2024-09-05")
        assert midt.standing_items == ["Eventuelt"]
        ids = {
            row["id"]: row["committee_id"]
            for row in store.db.query("SELECT id, committee_id FROM meeting")
        }
        north_id = store.committees.get("KKR Nordjylland").id
        assert ids == {early: midt.id, late: midt.id, north: north_id}
        assert store.meetings.load(early).committee == "KKR Midtjylland"


def test_migration_0005_keeps_its_own_standing_rule_whatever_the_domain_says(
    db_path, monkeypatch
):
    """An old file gets the standing items 0005 gave when it was released, even after the
    domain's rule (domain/next_meeting.py) has changed."""
    from kkr_desk.domain import next_meeting

    old = Database(db_path, execute_plugins=False)
    MIGRATIONS.apply(old, stop_before="0005_committee")
    meeting_id = _old_meeting(old, "KKR Midtjylland", "2024-09-05", [("Torben Hansen", "")])
    titles = [
        "Godkendelse af referat fra mødet den 18. juni 2024",
        "  SIDEN SIDST",
        "Orientering fra KL",
        "Regionale sager",
        "Punkter til næste møde",
        "Ikke eventuelt",
    ]
    old["agenda_group"].insert_all(
        {"meeting_id": meeting_id, "position": n + 1, "title": title}
        for n, title in enumerate(titles)
    )
    old.close()
    # A later version's rule: "Orientering" recurs, "Siden sidst" no longer does.
    monkeypatch.setattr(
        next_meeting, "STANDING_TITLES", ("godkendelse af referat", "orientering", "eventuelt")
    )
    assert next_meeting.is_standing("Orientering fra KL")

    with Store(db_path) as store:
        assert store.committees.get("KKR Midtjylland").standing_items == [
            "Eventuelt",
            "Godkendelse af referat fra mødet den 18. juni 2024",
            "  SIDEN SIDST",  # as the title stood: 0005 kept titles as they were
            "Punkter til næste møde",
        ]


def test_the_migrations_import_no_domain_code():
    """A migration that called the domain would change with it (see the test above)."""
    import ast

    from kkr_desk.store import migrations

    tree = ast.parse(Path(migrations.__file__).read_text(encoding="utf-8"))
    imported = [
        (node.level, node.module or "")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ] + [(0, alias.name) for node in ast.walk(tree) if isinstance(node, ast.Import)
         for alias in node.names]
    assert not [
        module for level, module in imported
        if module.startswith("kkr_desk.domain") or (level == 2 and module.startswith("domain"))
    ]


def test_a_committee_round_trips_with_roles_substitutes_and_staff(store):
    torben = Person("Torben Hansen", party="A", municipality="Randers")
    lone = Person("Lone Jakobi", party="A", municipality="Odder")
    stand_in = Person("Anders Stedfortræder", party="A", municipality="Randers")
    committee = Committee(
        "KKR Midtjylland",
        members=[Member(torben, Role.FORMAND, stand_in), Member(lone, Role.NAESTFORMAND)],
        staff=[Person("Jonna Holm Pedersen", title="specialkonsulent", organisation="KL")],
        place="Regionshuset Viborg",
        standing_items=["Godkendelse af referat", "Eventuelt"],
        phrases=["{udvalg} tog orienteringen til efterretning."],
        mission="M",
        vision="V",
    )
    store.committees.save(committee)
    again = store.committees.get("kkr  midtjylland")
    assert again == committee
    assert again.members[0].substitute.name == "Anders Stedfortræder"


def test_a_person_twice_on_the_roster_is_refused(store):
    torben = Person("Torben Hansen", party="A")
    with pytest.raises(StoreError, match="to gange"):
        store.committees.save(
            Committee("KKR", members=[Member(torben), Member(Person("torben  hansen"))])
        )
    assert store.committees.names() == []


def test_renaming_a_committee_renames_its_meetings(store, meeting):
    store.meetings.add(meeting)
    committee = store.committees.get(meeting.committee)
    committee.name = "KKR Midt"
    store.committees.save(committee)
    assert store.meetings.load(meeting.id).committee == "KKR Midt"


def _roster_names(store: Store, meeting_id: int) -> list[tuple[str, AttendanceStatus]]:
    return [(a.person.name, a.status) for a in store.meetings.load(meeting_id).attendance]


def test_new_meetings_start_with_the_roster_unregistered_in_roster_order(store, meeting):
    store.meetings.add(meeting)
    committee = store.committees.get(meeting.committee)
    committee.members.reverse()  # the roster's order, not the first meeting's, counts
    store.committees.save(committee)
    expected = [(p.name, AttendanceStatus.UNREGISTERED) for p in committee.roster]
    assert len(expected) == 5

    empty = store.meetings.create_empty("KKR Midtjylland", dt.date(2024, 11, 7))
    assert _roster_names(store, empty) == expected
    following = store.meetings.create_next(meeting.id, dt.date(2024, 12, 1))
    assert _roster_names(store, following) == expected
    dagsorden = Meeting("KKR Midtjylland", dt.date(2025, 1, 9))
    imported = store.meetings.add(dagsorden, fill_roster=True)
    assert _roster_names(store, imported) == expected


def test_a_meeting_with_its_own_people_keeps_them(store, meeting):
    store.meetings.add(meeting)
    guest = Meeting(
        "KKR Midtjylland",
        dt.date(2025, 1, 9),
        attendance=[Attendance(Person("En Gæst", organisation="Region"))],
    )
    store.meetings.add(guest, fill_roster=True)
    assert [a.person.name for a in store.meetings.load(guest.id).attendance] == ["En Gæst"]


def test_a_new_committee_name_makes_a_committee_from_the_meeting(store, meeting):
    store.meetings.add(meeting)
    committee = store.committees.get("KKR Midtjylland")
    assert [p.name for p in committee.roster] == [a.person.name for a in meeting.attendance]
    assert committee.place == meeting.place
    fresh = store.meetings.create_empty("KKR Syddanmark", dt.date(2024, 11, 7))
    assert store.meetings.load(fresh).attendance == []
    assert "KKR Syddanmark" in store.committees.names()
