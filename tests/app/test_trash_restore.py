"""What comes back from the trash, read through Desk from a reopened SQLite file: a meeting
with its life (history, kept versions, committee) and record; an item or group with the
presence events that named it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kkr_desk.app import AppError, Desk
from kkr_desk.domain import (
    BESLUTNING,
    ItemStatus,
    PresenceKind,
    ProtocolRemark,
)
from kkr_desk.domain.meeting_life import MeetingState, StateStep
from kkr_desk.domain.record import party_vote
from kkr_desk.meeting_file import meeting_from_dict, meeting_to_dict
from kkr_desk.store import Store

from ..domain.record_meeting import record_meeting
from ..importer.test_round_trip import document_facts


def _desk_with_record(path) -> tuple[Desk, int]:
    store = Store(path)
    desk = Desk(store)
    meeting_id = store.meetings.add(record_meeting())
    editor = desk.open_meeting(meeting_id)
    meeting = editor.meeting
    item = meeting.items[2]
    editor.set_vote(item, party_vote(meeting, item, for_="A", against="Ø"))
    editor.add_remark(item, ProtocolRemark("Ø stemte imod.", party="Ø"))
    dorte = meeting.attendance[1].person
    editor.add_remark(meeting.items[1], ProtocolRemark("Bemærkning.", person=dorte))
    return desk, meeting_id


def _everything(desk: Desk, meeting_id: int) -> dict:
    """All a secretary can read of one meeting, without its ids."""
    summary = next(s for s in desk.list_meetings() if s.id == meeting_id)
    sent = desk.meeting_version(meeting_id, "sent")
    approved = desk.meeting_version(meeting_id, "approved")
    exported, export_state = desk.meeting_for_export(meeting_id)
    meeting = desk.load_meeting(meeting_id)
    return {
        "meeting": document_facts(meeting),
        "item_times": [(i.taken_up_at, i.decided_at) for i in meeting.items],
        "state": desk.meeting_state(meeting_id),
        "history": desk.state_history(meeting_id),
        "sent": sent and document_facts(sent),
        "approved": approved and document_facts(approved),
        "export": (document_facts(exported), export_state),
        "changes": [
            desk.changes_since_sent(meeting_id, item.id) for item in meeting.items
        ],
        "summary": (summary.committee, summary.date, summary.state, summary.item_count,
                    summary.decided_count, summary.changed_at),
        "committee": desk.committee_of(meeting).id,
    }


def _lived(desk: Desk, meeting_id: int) -> None:
    """Started, held, sent, approved, reopened, changed and sent again: every kind of step
    with its times and reasons, and both kinds of kept version."""
    editor = desk.open_meeting(meeting_id)
    editor.take_step(StateStep.START)
    editor.take_step(StateStep.HOLD)
    editor.take_step(StateStep.SEND, to_whom="formanden")
    editor.take_step(StateStep.APPROVE, by_whom="formanden")
    editor.take_step(StateStep.REOPEN, reason="en stavefejl i 2.2")
    # Taken up after the reopening: ending the meeting would close it (held keeps none).
    editor.set_item_status(editor.meeting.items[0], ItemStatus.IN_PROGRESS)
    editor.save_section(editor.meeting.items[2].section(BESLUTNING), "Godkendt med rettelse.")
    editor.take_step(StateStep.SEND, to_whom="næstformanden")


def test_a_restored_meeting_has_its_history_versions_and_record_back(tmp_path):
    path = tmp_path / "kkr.db"
    desk, meeting_id = _desk_with_record(path)
    _lived(desk, meeting_id)
    before = _everything(desk, meeting_id)
    assert len(before["history"]) == 6 and before["sent"] is not None
    assert before["approved"] is not None and any(before["changes"])
    trash_id = desk.delete_meeting(meeting_id)
    desk._store.close()

    with Store(path) as store:  # the trash is read back from the file
        desk = Desk(store)
        restored_id = desk.restore_from_trash(trash_id)
        after = _everything(desk, restored_id)

    for key in before:
        assert after[key] == before[key], key


def test_an_approved_meeting_restored_exports_its_approved_version(tmp_path):
    path = tmp_path / "kkr.db"
    desk, meeting_id = _desk_with_record(path)
    editor = desk.open_meeting(meeting_id)
    editor.take_step(StateStep.START)
    editor.take_step(StateStep.HOLD)
    editor.take_step(StateStep.SEND, to_whom="formanden")
    editor.take_step(StateStep.APPROVE, by_whom="formanden")
    approved = document_facts(desk.meeting_version(meeting_id, "approved"))
    # The meeting's rows changed below the freeze (the window cannot: it is approved); the
    # approved version keeps what was approved. (A committee edit no longer reaches a held
    # meeting's people, so the store is written to directly.)
    section = desk.load_meeting(meeting_id).items[0].sections[0]
    desk._store.agenda.set_section_body(section.id, "Ændret efter godkendelsen.")
    assert document_facts(desk.load_meeting(meeting_id)) != approved
    # The window refuses to delete an approved meeting; the store's delete keeps it whole.
    trash_id = desk._store.meetings.delete(meeting_id)
    restored_id = desk.restore_from_trash(trash_id)
    assert desk.meeting_state(restored_id) is MeetingState.APPROVED
    exported, _state = desk.meeting_for_export(restored_id)
    assert document_facts(exported) == approved
    desk._store.close()


def test_the_record_of_a_restored_meeting_is_whole(tmp_path):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    before = desk.load_meeting(meeting_id)
    restored = desk.load_meeting(desk.restore_from_trash(desk.delete_meeting(meeting_id)))
    by_name = {entry.person.name: entry for entry in restored.attendance}
    ole = by_name["Ole Vind"]
    assert [(e.kind, e.at, e.item.title) for e in ole.events] == [
        (PresenceKind.LEFT, dt.time(11, 40), "Punkt 2"),
        (PresenceKind.RETURNED, dt.time(12, 10), "Punkt 3"),
    ]
    assert ole.events[0].item is restored.items[2]  # the restored item itself
    assert by_name["Hanne Berg"].substitute_for.name == "Torben Hansen"
    item = restored.items[2]
    assert [p.name for p in item.inhabil] == ["Dorte West"]
    assert item.vote is not None and item.vote == before.items[2].vote
    assert item.remarks == before.items[2].remarks
    assert restored.items[1].remarks[0].person.name == "Dorte West"
    assert document_facts(restored) == document_facts(before)
    desk._store.close()


@pytest.mark.parametrize("version", [None, 1])
def test_an_old_meeting_entry_restores_as_before(tmp_path, version):
    """Entries written before trash version 2 carried no history: the meeting comes back
    with its state (version 1) or as planned (unversioned), and nothing else is invented."""
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    _lived(desk, meeting_id)
    content = meeting_to_dict(desk.load_meeting(meeting_id))
    trash_id = desk.delete_meeting(meeting_id)
    db = desk._store.db
    if version is None:
        payload = content
    else:
        payload = {"trash_version": 1, "content": content,
                   "state": MeetingState.SENT.value}
    db.execute("UPDATE trash SET payload = ? WHERE id = ?",
               [json.dumps(payload, ensure_ascii=False), trash_id])

    restored_id = desk.restore_from_trash(trash_id)

    expected = MeetingState.PLANNED if version is None else MeetingState.SENT
    assert desk.meeting_state(restored_id) is expected
    assert desk.state_history(restored_id) == []
    assert desk.meeting_version(restored_id, "sent") is None
    restored = desk.load_meeting(restored_id)
    assert document_facts(restored) == document_facts(meeting_from_dict(content))
    desk._store.close()


@pytest.mark.parametrize(
    ("version", "kind", "expected"),
    [
        (None, "referat", MeetingState.HELD),  # from before states: a referat was held
        (None, "dagsorden", MeetingState.PLANNED),
        (1, "referat", MeetingState.HELD),  # version 1 before states were kept
        (1, None, MeetingState.SENT),  # version 1 with its state
    ],
)
def test_an_old_meeting_entry_restores_what_it_kept_and_says_what_it_did_not(
    tmp_path, version, kind, expected
):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    _lived(desk, meeting_id)
    content = meeting_to_dict(desk.load_meeting(meeting_id))
    if kind is not None:
        content["meeting"]["kind"] = kind  # as meeting files were written before 0006
    trash_id = desk.delete_meeting(meeting_id)
    assert desk.trash_restore_note(trash_id) == ""  # this version's entries keep it all
    if version is None:
        payload = content
    else:
        payload = {"trash_version": 1, "content": content}
        if kind is None:
            payload["state"] = MeetingState.SENT.value
    db = desk._store.db
    db.execute("UPDATE trash SET payload = ? WHERE id = ?",
               [json.dumps(payload, ensure_ascii=False), trash_id])

    note = desk.trash_restore_note(trash_id)
    restored_id = desk.restore_from_trash(trash_id)

    assert desk.meeting_state(restored_id) is expected
    assert note.startswith("mødet blev lagt i papirkurven af en ældre udgave af KKR Desk")
    assert f"som {expected.value}," in note and "historik" in note
    assert desk.state_history(restored_id) == []
    [summary] = [s for s in desk.list_meetings() if s.id == restored_id]
    assert summary.changed_at is None  # not known, rather than the time of the restore
    assert desk.committee_of(desk.load_meeting(restored_id)) is not None
    desk._store.close()


def test_a_meeting_restored_after_its_committee_was_renamed_joins_it_again(tmp_path):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    committee = desk.committee_of(desk.load_meeting(meeting_id))
    trash_id = desk.delete_meeting(meeting_id)
    committee.name = "KKR Midt"
    desk.save_committee(committee)

    restored_id = desk.restore_from_trash(trash_id)

    restored = desk.load_meeting(restored_id)
    assert restored.committee == "KKR Midt"
    assert desk.committee_of(restored).id == committee.id
    assert desk.committee_names() == ["KKR Midt"]  # no second committee of the old name
    desk._store.close()


def test_a_damaged_history_in_the_trash_restores_nothing(tmp_path):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    _lived(desk, meeting_id)
    trash_id = desk.delete_meeting(meeting_id)
    db = desk._store.db
    [row] = db.query("SELECT payload FROM trash WHERE id = ?", [trash_id])
    payload = json.loads(row["payload"])
    payload["history"][2]["step"] = "fløjet væk"
    db.execute("UPDATE trash SET payload = ? WHERE id = ?", [json.dumps(payload), trash_id])
    with pytest.raises(AppError, match="beskadiget"):
        desk.restore_from_trash(trash_id)
    assert desk.list_meetings() == []  # not half restored
    assert [e.id for e in desk.trash_entries()] == [trash_id]
    desk._store.close()


# Items and groups ---------------------------------------------------------------------


def _events(meeting) -> list:
    return [
        (entry.person.name, event.kind, event.at, event.item.title if event.item else None)
        for entry in meeting.attendance
        for event in entry.events
    ]


def test_events_name_a_deleted_item_again_when_it_is_restored(tmp_path):
    path = tmp_path / "kkr.db"
    desk, meeting_id = _desk_with_record(path)
    before = desk.load_meeting(meeting_id)
    editor = desk.open_meeting(meeting_id)
    item = editor.meeting.items[2]  # Ole left and Lise came during it; Dorte inhabil; a vote
    trash_id = editor.delete_item(item)
    # In the editor as in the file, the events name no item now; the next Gik nu is saved.
    ole = editor.meeting.attendance[0]
    assert [e.item for e in ole.events][0] is None
    editor.stamp_presence(editor.meeting.attendance[1], coming=False, at=dt.time(12, 30))
    desk._store.close()

    with Store(path) as store:
        desk = Desk(store)
        restored_id = desk.restore_from_trash(trash_id)
        after = desk.load_meeting(meeting_id)

    assert after.items[2].id == restored_id
    expected = _events(before) + [("Dorte West", PresenceKind.LEFT, dt.time(12, 30), None)]
    assert sorted(_events(after), key=str) == sorted(expected, key=str)
    by_name = {entry.person.name: entry for entry in after.attendance}
    assert by_name["Ole Vind"].events[0].item is after.items[2]
    assert by_name["Lise Bech"].events[0].item is after.items[2]
    restored = after.items[2]
    assert [p.name for p in restored.inhabil] == ["Dorte West"]
    assert restored.vote == before.items[2].vote and restored.remarks == before.items[2].remarks


def test_events_name_the_items_of_a_restored_group_again(tmp_path):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    before = desk.load_meeting(meeting_id)
    editor = desk.open_meeting(meeting_id)
    group = editor.meeting.groups[1]  # items 1-3: every event names one of them
    trash_id = editor.delete_group(group)
    assert all(e.item is None for entry in editor.meeting.attendance for e in entry.events)
    assert all(e.item is None for entry in desk.load_meeting(meeting_id).attendance
               for e in entry.events)

    desk.restore_from_trash(trash_id)

    after = desk.load_meeting(meeting_id)
    assert _events(after) == _events(before)
    assert document_facts(after) == document_facts(before)
    desk._store.close()


def test_an_old_item_entry_restores_as_before(tmp_path):
    """An item entry of version 1 kept no events: the item comes back, its events stay
    without it (as before), and nothing fails."""
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    editor = desk.open_meeting(meeting_id)
    item = editor.meeting.items[2]
    trash_id = editor.delete_item(item)
    db = desk._store.db
    [row] = db.query("SELECT payload FROM trash WHERE id = ?", [trash_id])
    payload = json.loads(row["payload"])
    old = {"trash_version": 1, "content": payload["content"]}
    db.execute("UPDATE trash SET payload = ? WHERE id = ?", [json.dumps(old), trash_id])

    assert "ankomster og afgange står fortsat uden punkt" in desk.trash_restore_note(trash_id)
    desk.restore_from_trash(trash_id)

    after = desk.load_meeting(meeting_id)
    assert after.items[2].title == "Punkt 2"
    assert [p.name for p in after.items[2].inhabil] == ["Dorte West"]
    assert after.attendance[0].events[0].item is None
    desk._store.close()


# Entries that wait for their meeting or group ---------------------------------------


def test_an_item_of_a_deleted_meeting_waits_for_it_and_never_joins_a_new_one(tmp_path):
    """The meeting's ids are free again once it is deleted (SQLite gives the newest row's
    id out again): a new meeting must not receive the item, the restored meeting must."""
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    before = desk.load_meeting(meeting_id)
    editor = desk.open_meeting(meeting_id)
    item_trash = editor.delete_item(editor.meeting.items[2])
    meeting_trash = desk.delete_meeting(meeting_id)
    new_id = desk._store.meetings.add(record_meeting())
    new_titles = [i.title for i in desk.load_meeting(new_id).items]

    with pytest.raises(AppError, match="gendan mødet"):
        desk.restore_from_trash(item_trash)
    assert [i.title for i in desk.load_meeting(new_id).items] == new_titles

    restored_id = desk.restore_from_trash(meeting_trash)
    [waiting] = [e for e in desk.trash_entries() if e.id == item_trash]
    assert waiting.meeting_id == restored_id
    desk.restore_from_trash(item_trash)

    after = desk.load_meeting(restored_id)
    assert document_facts(after) == document_facts(before)  # events name the item again too
    assert [i.title for i in desk.load_meeting(new_id).items] == new_titles
    desk._store.close()


def test_an_item_of_a_deleted_group_waits_for_the_group(tmp_path):
    desk, meeting_id = _desk_with_record(tmp_path / "kkr.db")
    before = desk.load_meeting(meeting_id)
    editor = desk.open_meeting(meeting_id)
    group = editor.meeting.groups[1]
    item_trash = editor.delete_item(group.items[1])
    group_trash = editor.delete_group(group)
    stranger = editor.add_group("Ny gruppe")  # may get the deleted group's id

    with pytest.raises(AppError, match="gendan gruppen først"):
        desk.restore_from_trash(item_trash)
    assert [g.title for g in desk.load_meeting(meeting_id).groups] == ["Første", stranger.title]
    assert desk.load_meeting(meeting_id).groups[1].items == []

    desk.restore_from_trash(group_trash)
    desk.restore_from_trash(item_trash)

    after = desk.load_meeting(meeting_id)
    assert [g.title for g in after.groups] == ["Første", "Anden", stranger.title]
    after.groups.pop()
    assert document_facts(after) == document_facts(before)
    desk._store.close()
