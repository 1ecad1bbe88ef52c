"""The meeting's life through the app layer: steps, the freeze, and what an export writes."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.app import AppError, Desk, MeetingFrozen, changes
from kkr_desk.domain import (
    BESLUTNING,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    MeetingKind,
    Person,
    ProtocolRemark,
)
from kkr_desk.domain.meeting_life import MeetingState, StateStep
from kkr_desk.store import open_store


@pytest.fixture
def desk(tmp_path):
    with open_store(tmp_path / "desk.db") as store:
        yield Desk(store)


def approved_editor(desk: Desk):
    meeting_id = desk.list_meetings()[0].id
    editor = desk.open_meeting(meeting_id)
    editor.take_step(StateStep.SEND, to_whom="formanden")
    editor.take_step(StateStep.APPROVE, by_whom="formanden")
    return editor


def every_edit(editor):
    meeting = editor.meeting
    group, item = meeting.groups[0], meeting.items[0]
    return {
        "details": lambda: editor.save_meeting_details(place="Et andet sted"),
        "attendance": lambda: editor.save_attendance(
            Attendance(meeting.attendance[0].person, AttendanceStatus.ABSENT)
        ),
        "section": lambda: editor.save_section(item.sections[0], "ny tekst"),
        "add_section": lambda: editor.add_section(item, "Bilag"),
        "item_fields": lambda: editor.save_item_fields(item, title="Ny titel"),
        "status": lambda: editor.set_item_status(item, ItemStatus.IN_PROGRESS),
        "add_group": lambda: editor.add_group("Ny gruppe"),
        "add_item": lambda: editor.add_item(group, "Nyt punkt"),
        "rename_group": lambda: editor.rename_group(group, "Omdøbt"),
        "delete_group": lambda: editor.delete_group(group),
        "delete_item": lambda: editor.delete_item(item),
        "move_item": lambda: editor.move_item(item, meeting.groups[1], 0),
        "move_group": lambda: editor.move_group(group, 1),
        "start": lambda: editor.start_meeting(dt.time(10, 0)),
        "stamp_presence": lambda: editor.stamp_presence(meeting.attendance[0], coming=False),
        "set_clock": lambda: editor.set_clock(
            meeting.attendance[0], arrived=True, at=dt.time(10, 5)
        ),
        "set_events": lambda: editor.set_events(meeting.attendance[0], []),
        "substitute": lambda: editor.set_substitute(
            meeting.attendance[0], Person("Ny Stedfortræder", party="A")
        ),
        "inhabil": lambda: editor.set_inhabil(item, meeting.attendance[0].person),
        "vote": lambda: editor.set_vote(item, None),
        "add_remark": lambda: editor.add_remark(item, ProtocolRemark("Imod.", party="Ø")),
        "remove_remark": lambda: editor.remove_remark(item, 0),
    }


def test_an_approved_meeting_refuses_every_edit_and_writes_nothing(desk):
    editor = approved_editor(desk)
    before = desk.load_meeting(editor.meeting.id)
    for edit in every_edit(editor).values():
        with pytest.raises(AppError, match="mødet er godkendt"):
            edit()
    assert desk.load_meeting(editor.meeting.id) == before
    assert editor.meeting == before


def test_reopened_with_a_reason_it_takes_edits_again(desk):
    editor = approved_editor(desk)
    with pytest.raises(AppError, match="hvorfor"):
        editor.take_step(StateStep.REOPEN)
    editor.take_step(StateStep.REOPEN, reason="navnet på punkt 2 var forkert")
    editor.save_meeting_details(place="Et andet sted")
    assert desk.load_meeting(editor.meeting.id).place == "Et andet sted"
    assert desk.meeting_state(editor.meeting.id) is MeetingState.HELD
    assert desk.state_history(editor.meeting.id)[-1].reason == "navnet på punkt 2 var forkert"


def test_listeners_hear_of_the_step(desk):
    editor = desk.open_meeting(desk.list_meetings()[0].id)
    heard = []

    class Listener:
        def changing(self, change):
            heard.append(("changing", editor.state))

        def changed(self, change):
            heard.append((type(change).__name__, editor.state))

    editor.listen(Listener())
    editor.take_step(StateStep.SEND, to_whom="formanden")
    assert heard == [("changing", MeetingState.HELD), ("StateChanged", MeetingState.SENT)]
    assert isinstance(changes.StateChanged(editor.history()[-1]), changes.StateChanged)


def test_f5_and_shift_f5_stamp_the_times_and_move_the_state(desk):
    meeting_id = desk.create_empty_meeting("KKR Midtjylland", dt.date(2024, 11, 7))
    editor = desk.open_meeting(meeting_id)
    editor.start_meeting(dt.time(10, 0))
    assert (editor.state, editor.meeting.start_time) == (MeetingState.STARTED, dt.time(10, 0))
    editor.end_meeting(dt.time(12, 5))
    assert (editor.state, editor.meeting.end_time) == (MeetingState.HELD, dt.time(12, 5))
    with pytest.raises(AppError, match="kan ikke gå tilbage"):
        editor.start_meeting(dt.time(13, 0))
    assert desk.load_meeting(meeting_id).start_time == dt.time(10, 0)


def test_an_approved_meeting_exports_its_approved_version(desk):
    editor = approved_editor(desk)
    meeting_id = editor.meeting.id
    approved_text = editor.meeting.items[0].section(BESLUTNING).body
    editor.take_step(StateStep.REOPEN, reason="rettelse")
    editor.save_section(editor.meeting.items[0].section(BESLUTNING), "Ændret efter godkendelsen")
    editor.take_step(StateStep.APPROVE, by_whom="næste mødes punkt 1.1")
    # Afterwards the roster changes under the approved meeting:
    desk._store.db.execute("UPDATE person SET name = 'Omdøbt' WHERE id = ?",
                           [editor.meeting.attendance[0].person.id])
    meeting, state = desk.meeting_for_export(meeting_id)
    assert state is MeetingState.APPROVED
    assert meeting.items[0].section(BESLUTNING).body == "Ændret efter godkendelsen"
    assert meeting.attendance[0].person.name != "Omdøbt"
    assert desk.meeting_version(meeting_id, "sent").items[0].section(BESLUTNING).body == (
        approved_text
    )
    assert desk.export_kind(meeting, state) is MeetingKind.REFERAT


def test_delete_of_an_approved_meeting_is_refused_and_of_another_goes_to_the_trash(desk):
    editor = approved_editor(desk)
    with pytest.raises(MeetingFrozen):
        desk.delete_meeting(editor.meeting.id)
    other = desk.create_empty_meeting("KKR Midtjylland", dt.date(2024, 11, 7))
    trash_id = desk.delete_meeting(other)
    assert other not in [s.id for s in desk.list_meetings()]
    restored = desk.restore_from_trash(trash_id)
    assert desk.load_meeting(restored).date == dt.date(2024, 11, 7)


def test_the_place_left_off_is_remembered(desk):
    assert desk.last_place() == (None, None)
    desk.remember_place(3, 17)
    assert desk.last_place() == (3, 17)
    desk.remember_place(4, None)
    assert desk.last_place() == (4, None)


def test_shift_f5_with_an_item_under_behandling_closes_it_only_when_told(desk):
    from kkr_desk.app import OpenItemsLeft
    from kkr_desk.domain.meeting_life import OpenItems

    meeting_id = desk.create_empty_meeting("KKR Midtjylland", dt.date(2024, 11, 7))
    editor = desk.open_meeting(meeting_id)
    group = editor.add_group("Sager")
    drafted, empty = editor.add_item(group, "Lærepladser"), editor.add_item(group, "Eventuelt")
    editor.start_meeting(dt.time(10, 0))
    decision = drafted.section(BESLUTNING) or editor.add_section(drafted, BESLUTNING)
    editor.save_section(decision, "Godkendt.")
    for item in (drafted, empty):
        editor.set_item_status(item, ItemStatus.IN_PROGRESS)
    with pytest.raises(OpenItemsLeft, match="Lærepladser og .* Eventuelt er stadig under"):
        editor.end_meeting(dt.time(12, 5))
    assert desk.meeting_state(meeting_id) is MeetingState.STARTED
    editor.end_meeting(dt.time(12, 5), OpenItems.DECIDE)
    assert (drafted.status, empty.status) == (ItemStatus.DECIDED, ItemStatus.NOT_STARTED)
    stored = {item.title: item for item in desk.load_meeting(meeting_id).items}
    assert stored["Lærepladser"].status is ItemStatus.DECIDED
    assert stored["Lærepladser"].decided_at == editor.history()[-1].at
    assert stored["Eventuelt"].status is ItemStatus.NOT_STARTED
    assert desk.meeting_state(meeting_id) is MeetingState.HELD
