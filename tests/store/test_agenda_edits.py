"""Agenda edits on real database files: positions stay dense, errors are Danish."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.domain import AttendanceStatus, ItemStatus
from kkr_desk.store import Store, StoreError


def titles(store, meeting_id):
    meeting = store.meetings.load(meeting_id)
    return [(group.title, [item.title for item in group.items]) for group in meeting.groups]


def positions(store, table, column, parent_id):
    return [
        row["position"]
        for row in store.db.query(
            f"SELECT position FROM {table} WHERE {column} = ? ORDER BY position", [parent_id]
        )
    ]


def test_add_rename_and_delete_group_keep_positions_dense(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        added = store.agenda.add_group(meeting_id, "  Udpegninger ", position=1)
        store.agenda.rename_group(meeting.groups[1].id, "KKR-sager")
    with Store(db_path) as store:
        assert [g for g, _ in titles(store, meeting_id)] == [
            "Godkendelse af referat",
            "Udpegninger",
            "KKR-sager",
            "Regionalpolitiske sager",
        ]
        store.agenda.delete_group(added.id)
        assert positions(store, "agenda_group", "meeting_id", meeting_id) == [0, 1, 2]
        assert [g for g, _ in titles(store, meeting_id)][1] == "KKR-sager"


def test_deleting_a_group_deletes_its_items_and_sections(store, meeting):
    meeting_id = store.meetings.add(meeting)
    store.agenda.delete_group(meeting.groups[2].id)
    assert store.db["agenda_item"].count == 1
    assert store.db["section"].count == 3
    assert len(store.meetings.load(meeting_id).groups) == 2


def test_move_group_to_front(store, meeting):
    meeting_id = store.meetings.add(meeting)
    store.agenda.move_group(meeting.groups[2].id, 0)
    assert [g for g, _ in titles(store, meeting_id)] == [
        "Regionalpolitiske sager",
        "Godkendelse af referat",
        "KKR",
    ]
    assert positions(store, "agenda_group", "meeting_id", meeting_id) == [0, 1, 2]


def test_add_item_gets_standard_sections_and_renumbers(store, meeting):
    meeting_id = store.meetings.add(meeting)
    group = meeting.groups[2]
    item = store.agenda.add_item(group.id, "Nyt punkt", position=0)
    loaded = store.meetings.load(meeting_id)
    assert [i.title for i in loaded.groups[2].items] == [
        "Nyt punkt",
        "Behovsanalyser",
        "Lærepladser",
    ]
    assert [s.heading for s in loaded.groups[2].items[0].sections] == [
        "Baggrund",
        "Indstilling",
        "Sagsfremstilling",
        "Beslutning",
    ]
    assert all(s.id for s in item.sections)
    assert positions(store, "agenda_item", "group_id", group.id) == [0, 1, 2]


def test_move_item_between_groups_renumbers_both(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        moving = meeting.groups[2].items[0]
        store.agenda.move_item(moving.id, meeting.groups[0].id, 0)
    with Store(db_path) as store:
        assert titles(store, meeting_id) == [
            ("Godkendelse af referat", ["Behovsanalyser", meeting.groups[0].items[0].title]),
            ("KKR", []),
            ("Regionalpolitiske sager", ["Lærepladser"]),
        ]
        assert positions(store, "agenda_item", "group_id", meeting.groups[0].id) == [0, 1]
        assert positions(store, "agenda_item", "group_id", meeting.groups[2].id) == [0]


def test_move_item_within_its_group(store, meeting):
    meeting_id = store.meetings.add(meeting)
    group = meeting.groups[2]
    store.agenda.move_item(group.items[0].id, group.id, 1)
    assert titles(store, meeting_id)[2][1] == ["Lærepladser", "Behovsanalyser"]
    store.agenda.move_item(group.items[0].id, group.id, 99)  # clamped to the end
    assert titles(store, meeting_id)[2][1] == ["Lærepladser", "Behovsanalyser"]


def test_move_item_into_another_meeting_is_refused(store, meeting):
    store.meetings.add(meeting)
    other = store.meetings.create_empty("KKR Nordjylland", dt.date(2024, 10, 1))
    group = store.agenda.add_group(other, "Sager")
    with pytest.raises(StoreError, match="eget møde"):
        store.agenda.move_item(meeting.groups[2].items[0].id, group.id, 0)


def test_update_item_fields_and_add_section(store, meeting):
    meeting_id = store.meetings.add(meeting)
    item = meeting.groups[2].items[0]
    store.agenda.update_item_fields(
        item.id, title=" Behovs- og afgangsanalyser ", case_officers="jhp/chbn"
    )
    section = store.agenda.add_section(item.id, "Bilag", "./. Oplæg")
    loaded = store.meetings.load(meeting_id).groups[2].items[0]
    assert loaded.title == "Behovs- og afgangsanalyser"
    assert loaded.case_line == "SAG-2024-02547 jhp/chbn"
    assert loaded.sections[-1].heading == "Bilag" and loaded.sections[-1].id == section.id


def test_empty_titles_and_vanished_rows_give_danish_errors(store, meeting):
    store.meetings.add(meeting)
    with pytest.raises(StoreError, match="må ikke være tom"):
        store.agenda.update_item_fields(meeting.groups[2].items[0].id, title="  ")
    with pytest.raises(StoreError, match="findes ikke længere"):
        store.agenda.delete_item(987654)
    with pytest.raises(StoreError, match="findes ikke længere"):
        store.agenda.move_group(987654, 0)
    with pytest.raises(StoreError, match="udvalg"):
        store.meetings.create_empty(" ", dt.date(2025, 1, 1))


def test_create_next_meeting_keeps_roster_and_standing_items(db_path):
    from kkr_desk.store import open_store

    with open_store(db_path) as store:
        sample_id = store.meetings.summaries()[0].id
        next_id = store.meetings.create_next(sample_id, dt.date(2024, 11, 7))
    with Store(db_path) as store:
        sample = store.meetings.load(sample_id)
        new = store.meetings.load(next_id)
        assert store.db["person"].count == len({a.person.name for a in sample.attendance})
    assert [a.person.id for a in new.attendance] == [a.person.id for a in sample.attendance]
    assert {a.status for a in new.attendance} == {AttendanceStatus.UNREGISTERED}
    assert [g.title for g in new.groups] == [
        "Godkendelse af referat",
        "Siden sidst",
        "Punkter til næste møde",
        "Eventuelt",
    ]
    assert new.items[0].title == "Godkendelse af referat fra mødet den 5. september 2024"
    assert all(not s.body for item in new.items for s in item.sections)
    assert {item.status for item in new.items} == {ItemStatus.NOT_STARTED}


def test_next_meeting_must_come_after(store, meeting):
    meeting_id = store.meetings.add(meeting)
    with pytest.raises(StoreError, match="efter mødet den 05-09-2024"):
        store.meetings.create_next(meeting_id, dt.date(2024, 9, 5))


def test_decision_templates_default_then_saved(db_path):
    with Store(db_path) as store:
        assert "Godkendt." in store.settings.decision_templates()
        store.settings.set_decision_templates(["Godkendt.", "  ", "{udvalg} drøftede sagen. "])
    with Store(db_path) as store:
        assert store.settings.decision_templates() == ["Godkendt.", "{udvalg} drøftede sagen."]
        store.settings.set_setting("decision_phrases", "not json")
        assert "Godkendt." in store.settings.decision_templates()
