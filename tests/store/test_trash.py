"""Deleting goes through the trash, in the same transaction; restoring brings it back whole."""

from __future__ import annotations

import pytest

from kkr_desk.store import Store, StoreError
from kkr_desk.store.trash import KEEP_TRASH, TRASH_VERSION, TrashEntryNotFound
from tests.conftest import make_meeting
from tests.store.test_store import without_ids


def test_a_deleted_meeting_is_restored_whole(db_path, meeting):
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        people_before = len(store.roster.people())
        trash_id = store.meetings.delete(meeting_id)
        assert store.meetings.summaries() == []
        [entry] = store.trash.entries()
        assert (entry.id, entry.kind, entry.label, entry.meeting_id) == (
            trash_id,
            "meeting",
            "KKR Midtjylland 05-09-2024",
            meeting_id,
        )
    with Store(db_path) as store:  # the trash survives closing the file
        restored_id = store.trash.restore(trash_id)
        assert without_ids(store.meetings.load(restored_id)) == without_ids(make_meeting())
        assert len(store.roster.people()) == people_before  # the roster is reused, not doubled
        assert store.trash.entries() == []
        with pytest.raises(TrashEntryNotFound, match="papirkurven"):
            store.trash.restore(trash_id)


def test_a_deleted_item_comes_back_in_its_place(store, meeting):
    meeting_id = store.meetings.add(meeting)
    group = store.meetings.load(meeting_id).groups[2]
    first, _second = group.items
    trash_id = store.agenda.delete_item(first.id)
    assert [i.title for i in store.meetings.load(meeting_id).groups[2].items] == ["Lærepladser"]
    assert store.trash.entries()[0].label == "Behovsanalyser"

    new_id = store.trash.restore(trash_id)

    items = store.meetings.load(meeting_id).groups[2].items
    assert [i.title for i in items] == ["Behovsanalyser", "Lærepladser"]
    assert items[0].id == new_id
    assert without_ids(items[0]) == without_ids(first)


def test_an_item_with_sections_and_decision_comes_back_with_them(store, meeting):
    meeting_id = store.meetings.add(meeting)
    item = store.meetings.load(meeting_id).items[0]
    store.agenda.delete_item(item.id)
    assert store.meetings.load(meeting_id).groups[0].items == []
    store.trash.restore(store.trash.entries()[0].id)
    assert without_ids(store.meetings.load(meeting_id).items[0]) == without_ids(item)


def test_an_item_of_a_deleted_meeting_waits_for_the_meeting(store, meeting):
    meeting_id = store.meetings.add(meeting)
    item_trash = store.agenda.delete_item(store.meetings.load(meeting_id).items[0].id)
    store.meetings.delete(meeting_id)
    with pytest.raises(StoreError, match="gendan mødet"):
        store.trash.restore(item_trash)
    assert len(store.trash.entries()) == 2  # nothing was lost by the refusal


def test_a_failed_delete_puts_nothing_in_the_trash(store):
    with pytest.raises(StoreError):
        store.agenda.delete_item(12345)
    with pytest.raises(StoreError):
        store.meetings.delete(12345)
    assert store.trash.entries() == []


def test_the_trash_keeps_the_newest_entries(store, monkeypatch):
    monkeypatch.setattr("kkr_desk.store.trash.KEEP_TRASH", 3)
    ids = [store.meetings.delete(store.meetings.add(make_meeting())) for _ in range(5)]
    assert [e.id for e in store.trash.entries()] == ids[:1:-1]
    assert KEEP_TRASH >= 100


def test_a_deleted_group_comes_back_in_its_place_with_its_items(store, meeting):
    meeting_id = store.meetings.add(meeting)
    before = store.meetings.load(meeting_id)
    group = before.groups[2]
    trash_id = store.agenda.delete_group(group.id)
    assert [g.title for g in store.meetings.load(meeting_id).groups] == [
        "Godkendelse af referat",
        "KKR",
    ]
    assert store.trash.entries()[0].kind == "group"

    store.trash.restore(trash_id)

    after = store.meetings.load(meeting_id)
    assert without_ids(after) == without_ids(before)


def test_positions_stay_dense_through_delete_and_restore(store, meeting):
    meeting_id = store.meetings.add(meeting)
    group = store.meetings.load(meeting_id).groups[2]
    extra = store.agenda.add_item(group.id, "Tredje punkt")
    trash_id = store.agenda.delete_item(group.items[0].id)
    store.trash.restore(trash_id)
    positions = [
        row["position"]
        for row in store.db.query(
            "SELECT position FROM agenda_item WHERE group_id = ? ORDER BY position", [group.id]
        )
    ]
    assert positions == [0, 1, 2]
    titles = [i.title for i in store.meetings.load(meeting_id).groups[2].items]
    assert titles == ["Behovsanalyser", "Lærepladser", extra.title]


def test_payloads_carry_a_version_and_old_unversioned_ones_still_restore(store, meeting):
    import json

    meeting_id = store.meetings.add(meeting)
    group = store.meetings.load(meeting_id).groups[2]
    first, _second = group.items
    trash_id = store.agenda.delete_item(first.id)
    [row] = store.db.query("SELECT payload FROM trash WHERE id = ?", [trash_id])
    stored = json.loads(row["payload"])
    assert stored["trash_version"] == TRASH_VERSION
    # An entry as written before payloads had a version: the bare item JSON.
    store.db.execute(
        "UPDATE trash SET payload = ? WHERE id = ?",
        [json.dumps(stored["content"], ensure_ascii=False), trash_id],
    )
    restored_id = store.trash.restore(trash_id)
    items = store.meetings.load(meeting_id).groups[2].items
    assert [(i.id, i.title) for i in items][0] == (restored_id, first.title)
    assert [s.body for s in items[0].sections] == [s.body for s in first.sections]


def test_a_payload_from_a_newer_version_is_refused_in_danish(store, meeting):
    import json

    meeting_id = store.meetings.add(meeting)
    trash_id = store.agenda.delete_item(store.meetings.load(meeting_id).groups[2].items[0].id)
    store.db.execute(
        "UPDATE trash SET payload = ? WHERE id = ?",
        [json.dumps({"trash_version": 99, "content": {}}), trash_id],
    )
    with pytest.raises(StoreError, match="nyere udgave"):
        store.trash.restore(trash_id)
    assert [e.id for e in store.trash.entries()] == [trash_id]  # still there


def test_an_entry_waiting_for_its_meeting_is_kept_and_dropped_with_it(store, monkeypatch):
    """The limit counts a meeting's entry and the entries waiting for it together: an item
    deleted before its meeting is not dropped while the meeting can still come back."""
    monkeypatch.setattr("kkr_desk.store.trash.KEEP_TRASH", 3)
    meeting_id = store.meetings.add(make_meeting())
    first_item = store.meetings.load(meeting_id).items[0]
    item_entry = store.agenda.delete_item(first_item.id)
    other_entry = store.meetings.delete(store.meetings.add(make_meeting()))
    meeting_entry = store.meetings.delete(meeting_id)
    newest = store.meetings.delete(store.meetings.add(make_meeting()))
    # Four entries, three kept: the other meeting goes, older than the family though it is.
    assert [e.id for e in store.trash.entries()] == [newest, meeting_entry, item_entry]
    assert other_entry not in [e.id for e in store.trash.entries()]

    store.trash.restore(newest)
    restored_id = store.trash.restore(meeting_entry)
    store.trash.restore(item_entry)
    assert without_ids(store.meetings.load(restored_id)) == without_ids(make_meeting())

    # And they go together: two newer entries leave no room for both.
    store.agenda.delete_item(store.meetings.load(restored_id).items[0].id)
    store.meetings.delete(restored_id)
    newer = [store.meetings.delete(store.meetings.add(make_meeting())) for _ in range(2)]
    assert [e.id for e in store.trash.entries()] == newer[::-1]


def test_an_item_whose_meeting_left_the_trash_says_why_it_cannot_come_back(store, meeting):
    """An item entry waiting for a meeting's entry that an older version's limit dropped:
    nothing to restore it into, and the message says so instead of "restore the meeting"."""
    meeting_id = store.meetings.add(meeting)
    item_entry = store.agenda.delete_item(store.meetings.load(meeting_id).items[0].id)
    meeting_entry = store.meetings.delete(meeting_id)
    with pytest.raises(StoreError, match=f"gendan mødet først \\(element {meeting_entry} "):
        store.trash.restore(item_entry)
    store.db.execute("DELETE FROM trash WHERE id = ?", [meeting_entry])
    with pytest.raises(StoreError, match="kan ikke gendannes: det stod i et møde eller en gruppe"):
        store.trash.restore(item_entry)
    assert [e.id for e in store.trash.entries()] == [item_entry]


def test_an_old_group_entry_never_joins_the_meeting_that_got_its_meetings_id(store):
    """Before entries waited for their meeting, a group entry kept naming its deleted
    meeting's id, which SQLite gives the next new meeting."""
    import json

    meeting_id = store.meetings.add(make_meeting())
    group = store.meetings.load(meeting_id).groups[0]
    group_entry = store.agenda.delete_group(group.id)
    meeting_entry = store.meetings.delete(meeting_id)
    # As an older version left them: the group names the meeting, the meeting waits for none.
    [row] = store.db.query("SELECT payload FROM trash WHERE id = ?", [meeting_entry])
    old = {"trash_version": 1, "content": json.loads(row["payload"])["content"], "state": "afholdt"}
    store.db.execute(
        "UPDATE trash SET payload = ? WHERE id = ?", [json.dumps(old), meeting_entry]
    )
    store.db.execute("UPDATE trash SET meeting_id = ? WHERE id = ?", [meeting_id, group_entry])
    stranger = store.meetings.add(make_meeting())
    assert stranger == meeting_id  # the freed id, given out again
    titles = [g.title for g in store.meetings.load(stranger).groups]

    with pytest.raises(StoreError, match="gruppen ».*« kan ikke gendannes: den stod i et møde"):
        store.trash.restore(group_entry)
    assert [g.title for g in store.meetings.load(stranger).groups] == titles
