"""The record's rows: migration 0007 from an older file, and a meeting saved and loaded."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3

from sqlite_utils import Database

from kkr_desk.domain import PresenceEvent, PresenceKind, ProtocolRemark
from kkr_desk.store import Store
from kkr_desk.store.migrations import MIGRATIONS

from ..domain.record_meeting import record_meeting
from ..importer.test_round_trip import document_facts


def test_arrival_and_departure_columns_become_events(tmp_path):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0007_item_record")
    db["person"].insert_all(
        [
            {"id": 1, "name": "Ole Vind", "party": "V", "municipality": "Hedensted",
             "title": "", "organisation": ""},
            {"id": 2, "name": "Lise Bech", "party": "Ø", "municipality": "Aarhus",
             "title": "", "organisation": ""},
        ]
    )
    db["meeting"].insert({"id": 7, "committee": "KKR Midtjylland", "state": "afholdt",
                          "date": "2024-09-05", "place": "", "mission": "", "vision": ""})
    db["attendance"].insert_all(
        [
            {"meeting_id": 7, "person_id": 1, "position": 0, "status": "til stede",
             "note": "", "arrived_at": "10:25", "left_at": "11:40"},
            {"meeting_id": 7, "person_id": 2, "position": 1, "status": "til stede",
             "note": "", "arrived_at": None, "left_at": None},
        ]
    )
    db.execute("UPDATE meeting SET changed_at = NULL")  # as a meeting from before 0006
    db.conn.commit()
    db.close()
    with Store(path) as store:
        ole, lise = store.meetings.load(7).attendance
        assert ole.events == [
            PresenceEvent(PresenceKind.ARRIVED, dt.time(10, 25)),
            PresenceEvent(PresenceKind.LEFT, dt.time(11, 40)),
        ]
        assert ole.arrived_at == dt.time(10, 25) and ole.left_at == dt.time(11, 40)
        assert lise.events == []
        assert "arrived_at" not in store.db["attendance"].columns_dict
        assert store.db["meeting"].get(7)["changed_at"] is None  # copying is no edit
        store.attendance.set(7, ole)  # 0006's triggers survive the dropped columns
        assert store.db["meeting"].get(7)["changed_at"] is not None


def test_an_edit_of_the_record_stamps_the_meetings_change(tmp_path):
    meeting = record_meeting()
    with Store(tmp_path / "kkr.db") as store:
        meeting_id = store.meetings.add(meeting)
        store.db.execute("UPDATE meeting SET changed_at = NULL")
        item = meeting.items[1]
        item.remarks.append(ProtocolRemark("Vi er imod.", party="Ø"))
        store.records.set_item_record(item)
        assert store.db["meeting"].get(meeting_id)["changed_at"] is not None


def test_a_meeting_with_its_record_is_loaded_as_saved(tmp_path):
    from kkr_desk.resources import resource_path

    from kkr_desk.meeting_file import read_meeting_file

    from ..importer.test_round_trip import with_record

    meeting = with_record(read_meeting_file(resource_path("sample-meeting.json")))
    expected = copy.deepcopy(meeting)
    with Store(tmp_path / "kkr.db") as store:
        meeting_id = store.meetings.add(meeting)
        loaded = store.meetings.load(meeting_id)
    assert document_facts(loaded) == document_facts(expected)
    assert loaded.items[4].vote.lines and loaded.items[3].inhabil


def test_deleting_an_item_takes_its_record_and_unlinks_events(tmp_path):
    meeting = record_meeting()
    meeting.items[2].remarks.append(ProtocolRemark("Vi er imod.", party="Ø"))
    with Store(tmp_path / "kkr.db") as store:
        meeting_id = store.meetings.add(meeting)
        store.agenda.delete_item(meeting.items[2].id)
        loaded = store.meetings.load(meeting_id)
        assert [e.item for e in loaded.attendance[2].events] == [None]  # Lise came at it
        assert store.db["item_inhabil"].count == 0
        assert store.db["protocol_remark"].count == 0
        store.meetings.delete(meeting_id)
        assert store.db["presence_event"].count == 0


def test_an_item_restored_from_the_trash_keeps_its_record(tmp_path):
    meeting = record_meeting()
    meeting.items[2].remarks.append(ProtocolRemark("Vi er imod.", party="Ø"))
    with Store(tmp_path / "kkr.db") as store:
        meeting_id = store.meetings.add(meeting)
        trash_id = store.agenda.delete_item(meeting.items[2].id)
        store.trash.restore(trash_id)
        item = store.meetings.load(meeting_id).items[2]
        assert [p.name for p in item.inhabil] == ["Dorte West"]
        assert [r.text for r in item.remarks] == ["Vi er imod."]
        assert len(store.roster.people()) == 7  # the roster did not grow
