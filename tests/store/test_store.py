"""The store on real database files: whole meetings, edits, the shared roster."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from kkr_desk.domain import Attendance, AttendanceStatus, ItemStatus, Person
from kkr_desk.domain.meeting_life import MeetingState
from kkr_desk.store import MeetingNotFound, Store, StoreError
from tests.conftest import make_meeting


def without_ids(value):
    """The meeting as plain data with every database id blanked, for comparing."""
    data = dataclasses.asdict(value)

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "id"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return strip(data)


def test_a_saved_meeting_loads_back_equal_from_a_reopened_file(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
    with Store(db_path) as store:
        loaded = store.meetings.load(meeting_id)
    assert without_ids(loaded) == without_ids(make_meeting())
    assert loaded.id == meeting_id
    assert all(s.id is not None for item in loaded.items for s in item.sections)


def test_the_database_is_wal_with_foreign_keys(store):
    assert store.db.journal_mode == "wal"
    assert next(store.db.query("PRAGMA foreign_keys"))["foreign_keys"] == 1
    assert next(store.db.query("PRAGMA synchronous"))["synchronous"] == 2  # FULL


def test_list_meetings_counts_items_newest_first(store, meeting):
    older = make_meeting()
    older.date = dt.date(2024, 6, 18)
    older_id = store.meetings.add(older)
    newer_id = store.meetings.add(meeting)
    summaries = store.meetings.summaries()
    assert [s.id for s in summaries] == [newer_id, older_id]
    assert summaries[0].item_count == 3
    assert summaries[1].state is MeetingState.PLANNED


def test_the_roster_is_shared_and_survives_deleting_a_meeting(store):
    first = store.meetings.add(make_meeting())
    second = store.meetings.add(make_meeting())
    assert len(store.roster.people()) == 5
    first_people = {a.person.id for a in store.meetings.load(first).attendance}
    second_people = {a.person.id for a in store.meetings.load(second).attendance}
    assert first_people == second_people
    store.meetings.delete(first)
    assert len(store.roster.people()) == 5
    with pytest.raises(MeetingNotFound):
        store.meetings.load(first)
    assert store.meetings.load(second).items
    orphans = store.db.execute(
        "SELECT COUNT(*) FROM agenda_group WHERE meeting_id NOT IN (SELECT id FROM meeting)"
    ).fetchone()[0]
    assert orphans == 0
    assert store.db.execute("SELECT COUNT(*) FROM section").fetchone()[0] == 5


def test_each_edit_is_on_disk_when_the_call_returns(db_path, meeting):
    with Store(db_path) as store:
        store.meetings.add(meeting)
        section = meeting.groups[2].items[1].section("Beslutning")
        store.agenda.set_section_body(section.id, "KKR Midtjylland godkendte dimensioneringen.")
        # A second connection sees the edit while the first is still open.
        other = sqlite3.connect(db_path)
        body = other.execute("SELECT body FROM section WHERE id = ?", [section.id]).fetchone()
        other.close()
    assert body == ("KKR Midtjylland godkendte dimensioneringen.",)


def test_item_status_stamps_times(store, meeting):
    store.meetings.add(meeting)
    item = meeting.groups[2].items[0]
    start = dt.datetime(2024, 9, 5, 10, 30, 5)
    store.agenda.set_item_status(item.id, ItemStatus.IN_PROGRESS, at=start)
    store.agenda.set_item_status(item.id, ItemStatus.DECIDED, at=start + dt.timedelta(minutes=9))
    loaded = store.meetings.load(meeting.id).groups[2].items[0]
    assert loaded.status is ItemStatus.DECIDED
    assert loaded.taken_up_at == start
    assert loaded.decided_at == dt.datetime(2024, 9, 5, 10, 39, 5)


def test_set_attendance_changes_one_person_and_adds_a_new_one(store, meeting):
    store.meetings.add(meeting)
    jacob = meeting.attendance[2]
    store.attendance.set(meeting.id, dataclasses.replace(jacob, status=AttendanceStatus.PRESENT))
    store.attendance.set(
        meeting.id, Attendance(Person("Ny Gæst", organisation="Region Midtjylland"))
    )
    loaded = store.meetings.load(meeting.id)
    assert [a.person.name for a in loaded.attendance][-1] == "Ny Gæst"
    assert loaded.attendance[2].status is AttendanceStatus.PRESENT
    assert len(loaded.attendance) == 6


def test_meeting_details_are_updated(store, meeting):
    store.meetings.add(meeting)
    meeting.place = "Hotel Legoland, Billund"
    meeting.end_time = dt.time(13, 5)
    store.meetings.update_details(meeting)
    loaded = store.meetings.load(meeting.id)
    assert (loaded.place, loaded.end_time) == ("Hotel Legoland, Billund", dt.time(13, 5))


def test_edits_to_missing_rows_are_refused_with_a_danish_message(store):
    with pytest.raises(MeetingNotFound, match="intet møde med id 99"):
        store.meetings.delete(99)
    with pytest.raises(StoreError, match="findes ikke længere"):
        store.agenda.set_section_body(12345, "tekst")
    with pytest.raises(StoreError):
        store.agenda.set_item_status(12345, ItemStatus.DECIDED)


def test_a_failed_save_leaves_nothing_half_written(store, meeting):
    meeting.groups[2].items[1].sections[0].heading = None  # violates NOT NULL mid-way
    with pytest.raises(sqlite3.IntegrityError):
        store.meetings.add(meeting)
    assert store.meetings.summaries() == []
    assert store.db.execute("SELECT COUNT(*) FROM agenda_item").fetchone()[0] == 0


def test_roster_matching_ignores_case_and_spacing(store, meeting):
    """An imported document spells a name slightly differently: still the same person."""
    first = store.meetings.add(meeting)
    again = make_meeting()
    again.attendance[0].person.name = "torben  HANSEN"
    again.attendance[4].person.organisation = "kd-net"
    second = store.meetings.add(again)
    first_ids = [a.person.id for a in store.meetings.load(first).attendance]
    second_ids = [a.person.id for a in store.meetings.load(second).attendance]
    assert first_ids == second_ids
    assert "torben  HANSEN" not in {person.name for person in store.roster.people()}


def test_roster_keeps_people_of_different_organisations_apart(store, meeting):
    store.meetings.add(meeting)
    other = make_meeting()
    other.attendance[3].person.organisation = "Region Midtjylland"
    store.meetings.add(other)
    namesakes = [p for p in store.roster.people() if p.name == "Christian Brincker Nordbek"]
    assert sorted(p.organisation for p in namesakes) == ["KL", "Region Midtjylland"]
