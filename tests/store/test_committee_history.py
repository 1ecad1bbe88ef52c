"""A held meeting keeps the details its people had (migration 0008 from an older file, a
committee edit afterwards), and a committee is deleted into the trash or refused."""

from __future__ import annotations

import datetime as dt
import sqlite3

import docx
import pytest
from sqlite_utils import Database

from kkr_desk.app import Desk
from kkr_desk.domain import Attendance, AttendanceStatus, Meeting, MeetingKind, Person
from kkr_desk.domain.committee import Committee, Member
from kkr_desk.domain.meeting_life import MeetingState
from kkr_desk.store import Store, StoreError
from kkr_desk.store.migrations import MIGRATIONS

COMMITTEE = "KKR Midtjylland"


def _party_of(store: Store, meeting_id: int, name: str) -> str:
    entry = next(a for a in store.meetings.load(meeting_id).attendance if a.person.name == name)
    return entry.person.party


def test_migration_copies_each_persons_details_into_the_meetings_they_attended(tmp_path):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0008_attendance_details")
    db["person"].insert_all(
        [
            {"id": 1, "name": "Ole Vind", "party": "V", "municipality": "Hedensted",
             "title": "borgmester", "organisation": ""},
            {"id": 2, "name": "Lise Bech", "party": "Ø", "municipality": "Aarhus",
             "title": "", "organisation": ""},
        ]
    )
    db["committee"].insert({"id": 3, "name": COMMITTEE, "place": "", "standing_items": "[]",
                            "phrases": "[]", "mission": "", "vision": ""})
    db["committee_member"].insert_all(
        [
            {"committee_id": 3, "person_id": 1, "position": 0, "role": "formand"},
            {"committee_id": 3, "person_id": 2, "position": 1, "role": "medlem"},
        ]
    )
    db["meeting"].insert({"id": 7, "committee": COMMITTEE, "committee_id": 3,
                          "state": "afholdt", "date": "2024-09-05", "place": "",
                          "mission": "", "vision": ""})
    db["attendance"].insert_all(
        [
            {"meeting_id": 7, "person_id": 1, "position": 0, "status": "til stede", "note": ""},
            {"meeting_id": 7, "person_id": 2, "position": 1, "status": "afbud", "note": ""},
        ]
    )
    db.execute("UPDATE meeting SET changed_at = NULL")  # as a meeting from before 0006
    db.conn.commit()
    db.close()
    with Store(path) as store:
        rows = list(store.db.query(
            "SELECT person_id, party, municipality, title FROM attendance ORDER BY position"))
        assert rows == [
            {"person_id": 1, "party": "V", "municipality": "Hedensted", "title": "borgmester"},
            {"person_id": 2, "party": "Ø", "municipality": "Aarhus", "title": ""},
        ]
        assert store.db["meeting"].get(7)["changed_at"] is None  # copying is no edit
        # Ole changes party: the meeting held before keeps V.
        committee = store.committees.get(COMMITTEE)
        committee.members[0].person.party = "K"
        store.committees.save(committee)
        assert _party_of(store, 7, "Ole Vind") == "V"
        assert store.roster.people()[1].party == "K"  # the roster has the new word
        ole = store.meetings.load(7).attendance[0]
        store.attendance.set(7, ole)  # 0006's trigger is back after the copy
        assert store.db["meeting"].get(7)["changed_at"] is not None
        assert _party_of(store, 7, "Ole Vind") == "V"


def _committee_with(store: Store, person: Person) -> Committee:
    committee = Committee(COMMITTEE, members=[Member(person)], place="Viborg")
    store.committees.save(committee)
    return committee


def test_a_committee_edit_leaves_held_meetings_and_reaches_planned_and_new_ones(
    store, tmp_path
):
    _committee_with(store, Person("Torben Hansen", party="A", municipality="Randers"))
    held = store.meetings.create_empty(COMMITTEE, dt.date(2024, 9, 5))
    planned = store.meetings.create_empty(COMMITTEE, dt.date(2024, 11, 7))
    entry = store.meetings.load(held).attendance[0]
    entry.status = AttendanceStatus.PRESENT
    store.attendance.set(held, entry)
    store.db.execute("UPDATE meeting SET state = ? WHERE id = ?", [MeetingState.HELD.value, held])
    sent = store.meetings.add(
        Meeting(COMMITTEE, dt.date(2024, 6, 18),
                attendance=[Attendance(Person("Torben Hansen"), AttendanceStatus.PRESENT)]),
        MeetingState.SENT,
    )

    committee = store.committees.get(COMMITTEE)
    committee.members[0].person.party = "V"
    committee.members[0].person.municipality = "Favrskov"
    store.committees.save(committee)

    assert _party_of(store, held, "Torben Hansen") == "A"
    assert _party_of(store, sent, "Torben Hansen") == "A"  # blank in its list: the roster's then
    assert _party_of(store, planned, "Torben Hansen") == "V"  # not yet held: follows
    new = store.meetings.create_empty(COMMITTEE, dt.date(2025, 1, 9))
    assert _party_of(store, new, "Torben Hansen") == "V"

    desk = Desk(store)
    for meeting_id, kind, line in (
        (held, MeetingKind.REFERAT, "Torben Hansen (A), Randers"),
        (new, MeetingKind.DAGSORDEN, "Torben Hansen (V), Favrskov"),
    ):
        out = tmp_path / f"{meeting_id}.docx"
        desk.export(desk.load_meeting(meeting_id), out, kind)
        text = [p.text for p in docx.Document(str(out)).paragraphs]
        assert any(p.startswith(line) for p in text), [p for p in text if "Torben" in p]


def test_a_meeting_keeps_the_details_its_own_list_gave(store):
    _committee_with(store, Person("Torben Hansen", party="A", municipality="Randers"))
    meeting_id = store.meetings.add(
        Meeting(COMMITTEE, dt.date(2024, 9, 5),
                attendance=[Attendance(Person("Torben Hansen", party="F"))]),
        MeetingState.HELD,
    )
    person = store.meetings.load(meeting_id).attendance[0].person
    assert (person.party, person.municipality) == ("F", "Randers")  # the blank from the roster


def test_a_committee_without_meetings_goes_to_the_trash_and_comes_back(store):
    torben = Person("Torben Hansen", party="A", municipality="Randers")
    _committee_with(store, torben)
    trash_id = store.committees.delete("kkr  midtjylland")
    assert store.committees.names() == []
    assert list(store.db.query("SELECT * FROM committee_member")) == []
    assert store.trash.entries()[0].label == COMMITTEE
    # Meanwhile Torben's party changed; the restored committee does not undo that.
    store.db.execute("UPDATE person SET party = 'V'")
    store.trash.restore(trash_id)
    again = store.committees.get(COMMITTEE)
    assert [m.person.name for m in again.members] == ["Torben Hansen"]
    assert again.members[0].person.party == "V" and again.place == "Viborg"
    assert len(store.roster.people()) == 1


def test_a_committee_with_meetings_is_not_deleted(store):
    _committee_with(store, Person("Torben Hansen", party="A"))
    first = store.meetings.create_empty(COMMITTEE, dt.date(2024, 9, 5))
    store.meetings.create_empty(COMMITTEE, dt.date(2024, 11, 7))
    with pytest.raises(StoreError, match="bruges af 2 møder og kan ikke slettes"):
        store.committees.delete(COMMITTEE)
    assert store.committees.names() == [COMMITTEE]
    assert store.trash.entries() == []
    assert store.meetings.load(first).attendance[0].person.name == "Torben Hansen"
    with pytest.raises(StoreError, match="intet udvalg"):
        store.committees.delete("KKR Midtjyland")


def test_a_stand_in_from_the_roster_is_found_on_a_held_list_after_a_party_change(store):
    from kkr_desk.app import MeetingEditor

    torben = Person("Torben Hansen", party="A", municipality="Randers")
    anders = Person("Anders Jensen", party="A", municipality="Randers")
    store.committees.save(Committee(COMMITTEE, members=[Member(torben, substitute=anders)]))
    meeting_id = store.meetings.add(
        Meeting(COMMITTEE, dt.date(2024, 9, 5), attendance=[
            Attendance(Person("Torben Hansen"), AttendanceStatus.APOLOGY),
            Attendance(Person("Anders Jensen")),
        ]),
        MeetingState.HELD,
    )
    committee = store.committees.get(COMMITTEE)
    committee.members[0].substitute = None
    committee.staff = []
    committee.members.append(Member(Person("Anders Jensen", party="V")))
    store.committees.save(committee)  # Anders is V now; the held meeting keeps A
    editor = MeetingEditor(store, store.meetings.load(meeting_id))
    roster_anders = store.committees.get(COMMITTEE).members[1].person
    assert roster_anders.party == "V"
    entry = editor.set_substitute(editor.meeting.attendance[0], roster_anders)
    assert [a.person.name for a in editor.meeting.attendance] == ["Torben Hansen", "Anders Jensen"]
    assert entry is editor.meeting.attendance[1] and entry.substitute_for.name == "Torben Hansen"
    assert _party_of(store, meeting_id, "Anders Jensen") == "A"  # the meeting's own, kept


def test_a_committee_save_is_no_edit_of_its_meetings(store):
    """"Sidst ændret" in the meetings list is the secretary's last edit of that meeting; a
    committee save (details following the roster, a new name) keeps it as it was."""
    _committee_with(store, Person("Torben Hansen", party="A", municipality="Randers"))
    planned = store.meetings.create_empty(COMMITTEE, dt.date(2024, 11, 7))
    approved = store.meetings.add(
        Meeting(COMMITTEE, dt.date(2024, 6, 18), attendance=[Attendance(Person("Torben Hansen"))]),
        MeetingState.APPROVED,
    )
    store.db.execute("UPDATE meeting SET changed_at = '2020-01-01T00:00:00'")
    store.db.conn.commit()

    committee = store.committees.get(COMMITTEE)
    store.committees.save(committee)  # nothing changed
    committee.members[0].person.party = "V"  # reaches the planned meeting
    committee.name = "KKR Midt"  # reaches both
    store.committees.save(committee)

    assert _party_of(store, planned, "Torben Hansen") == "V"
    assert {m.committee for m in map(store.meetings.load, (planned, approved))} == {"KKR Midt"}
    assert {s.id: s.changed_at for s in store.meetings.summaries()} == {
        planned: dt.datetime(2020, 1, 1),
        approved: dt.datetime(2020, 1, 1),
    }
    entry = store.meetings.load(planned).attendance[0]
    entry.status = AttendanceStatus.APOLOGY
    store.attendance.set(planned, entry)  # the secretary's own edit still counts
    assert {s.id: s.changed_at for s in store.meetings.summaries()}[planned].date() == (
        dt.date.today()
    )


def test_the_trash_keeps_a_committees_people_as_the_roster_stores_them(store):
    """One builder for both (roster.person_fields): a trashed committee holds exactly the
    rows its restore would write, the name without the spacing at its ends."""
    from kkr_desk.store.committees import _committee_dict

    torben = Person("  Torben Hansen \t", party="A ", municipality="Randers")
    anders = Person(" Anders Jensen", party="A")
    jonna = Person("Jonna Holm  ", title="konsulent", organisation="KL")
    committee = Committee(COMMITTEE, members=[Member(torben, substitute=anders)], staff=[jonna])
    kept = _committee_dict(committee)
    store.committees.save(committee)
    rows = {row.pop("id"): row for row in store.db.query("SELECT * FROM person")}
    assert [kept["members"][0]["person"], kept["members"][0]["substitute"], kept["staff"][0]] == [
        rows[torben.id], rows[anders.id], rows[jonna.id]
    ]
    assert rows[torben.id]["name"] == "Torben Hansen" and rows[torben.id]["party"] == "A "

    trash_id = store.committees.delete(COMMITTEE)
    store.trash.restore(trash_id)
    again = store.committees.get(COMMITTEE)
    assert [again.members[0].person.id, again.members[0].substitute.id, again.staff[0].id] == [
        torben.id, anders.id, jonna.id
    ]
    assert len(store.roster.people()) == 3
