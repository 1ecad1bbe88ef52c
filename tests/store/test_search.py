"""Search through real database files, right after edits made by the Store's own methods."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlite_utils import Database

from kkr_desk.domain import Attendance, AttendanceStatus, Person
from kkr_desk.domain.search_query import SearchQueryError
from kkr_desk.store import Store
from kkr_desk.store.migrations import MIGRATIONS
from tests.conftest import make_meeting


def _meeting(committee: str, date: dt.date):
    meeting = make_meeting()
    meeting.committee, meeting.date = committee, date
    return meeting


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as store:
        yield store


def _first_item(store, meeting_id):
    return store.meetings.load(meeting_id).groups[0].items[0]


def test_every_indexed_field_is_found_right_after_the_edit(store):
    meeting_id = store.meetings.add(_meeting("KKR Midtjylland", dt.date(2024, 9, 5)))
    item = _first_item(store, meeting_id)
    for section in item.sections:
        store.agenda.set_section_body(section.id, f"ord{section.heading.lower()} læreplads")
        hits = store.search.find(f"ord{section.heading.lower()}")
        assert [(h.item_id, h.section) for h in hits] == [(item.id, section.heading)]
        assert ("læreplads", False) not in hits[0].snippet
    store.agenda.update_item_fields(item.id, title="Skovrejsning i Østjylland", case_number="SAG-2031-00042")
    assert [h.section for h in store.search.find("skovrejsning")] == ["Titel"]
    assert [h.item_id for h in store.search.find("SAG-2031-00042")] == [item.id]
    store.attendance.set(meeting_id, Attendance(Person("Åse Ærø Øberg"), AttendanceStatus.PRESENT))
    people = store.search.find("Ærø")
    assert [(h.meeting_id, h.item_id, h.section) for h in people] == [(meeting_id, None, "Deltagere")]
    store.attendance.set(meeting_id, Attendance(Person("Åse Ærø Øberg"), AttendanceStatus.APOLOGY))
    assert store.search.find("Ærø") == []  # only the names of people present


def test_danish_letters_stay_whole_prefix_and_phrase(store):
    meeting_id = store.meetings.add(_meeting("KKR Syddanmark", dt.date(2024, 1, 1)))
    section = _first_item(store, meeting_id).sections[0]
    store.agenda.set_section_body(section.id, "Fordeling af **lærebøgerne** i regionen")
    assert store.search.find("laereboegerne") == []
    assert store.search.find("LÆREBØGERNE")
    assert store.search.find("lærebø*")
    assert store.search.find("lærebø") == []
    assert store.search.find('"fordeling af lærebøgerne"')
    assert store.search.find('"lærebøgerne af"') == []
    [hit] = store.search.find("lærebøgerne")
    assert hit.snippet == (("Fordeling af ", False), ("lærebøgerne", True), (" i regionen", False))


def test_filters_and_newest_first_across_meetings(store):
    ids = {}
    for committee, date in [
        ("KKR Midtjylland", dt.date(2023, 3, 1)),
        ("KKR Nordjylland", dt.date(2024, 6, 1)),
        ("KKR Midtjylland", dt.date(2025, 2, 1)),
    ]:
        ids[committee, date.year] = store.meetings.add(_meeting(committee, date))
        store.agenda.set_section_body(_first_item(store, ids[committee, date.year]).sections[-1].id, "vandopland")
    hits = store.search.find("vandopland")
    assert [h.date.year for h in hits] == [2025, 2024, 2023]
    assert {h.committee for h in store.search.find("vandopland", committee="kkr midtjylland")} == {"KKR Midtjylland"}
    assert [h.meeting_id for h in store.search.find("vandopland", year=2024)] == [ids["KKR Nordjylland", 2024]]
    last_heading = hits[0].section
    assert len(store.search.find("vandopland", section=last_heading)) == 3
    assert store.search.find("vandopland", section="Titel") == []
    assert len(store.search.find("vandopland", limit=2)) == 2


def test_deleted_text_is_no_longer_found(store):
    meeting_id = store.meetings.add(_meeting("KKR Midtjylland", dt.date(2024, 9, 5)))
    item = _first_item(store, meeting_id)
    store.agenda.set_section_body(item.sections[0].id, "blæksprutte")
    store.agenda.delete_item(item.id)
    assert store.search.find("blæksprutte") == []


def test_malformed_query_is_a_danish_error_not_sqlite(store):
    with pytest.raises(SearchQueryError):
        store.search.find('NOT "')


def test_earlier_treatments_share_the_case_number_newest_first(store):
    found = []
    for date in (dt.date(2023, 1, 1), dt.date(2024, 6, 18), dt.date(2024, 9, 5)):
        meeting_id = store.meetings.add(_meeting("KKR Midtjylland", date))
        item = _first_item(store, meeting_id)
        store.agenda.update_item_fields(item.id, case_number="SAG-2099-77777")
        found.append((meeting_id, item.id))
    latest = store.search.earlier_treatments(found[-1][1])
    assert [(t.meeting_id, t.item_id, t.date, t.item_number) for t in latest] == [
        (found[1][0], found[1][1], dt.date(2024, 6, 18), "1.1"),
        (found[0][0], found[0][1], dt.date(2023, 1, 1), "1.1"),
    ]


def test_an_old_database_gets_the_index_by_migration(tmp_path):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0004_search")
    assert "search_text" not in db.table_names()
    db.close()
    with Store(path) as store:  # write meetings with the schema before search...
        store.db.execute("DROP TABLE search_text")
        for name in [t for t in store.db.triggers_dict if "search" in t]:
            store.db.execute(f"DROP TRIGGER {name}")
        store.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = '0004_search'"
        )
        store.db.execute("DROP INDEX agenda_item_case_number")
        store.db.conn.commit()
        for year in (2022, 2023):
            meeting_id = store.meetings.add(_meeting("KKR Midtjylland", dt.date(year, 5, 1)))
            store.agenda.set_section_body(_first_item(store, meeting_id).sections[0].id, "gammeltekst")
    with Store(path) as store:  # ...and the new code indexes them on opening
        assert [h.date.year for h in store.search.find("gammeltekst")] == [2023, 2022]
