"""Adding, removing and moving people on a meeting's list: the roster's order is kept,
memory and database agree, and a removal can be put back."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.app import AppError, MeetingEditor
from kkr_desk.domain import Attendance, AttendanceStatus, Person
from kkr_desk.domain.attendance_order import name_matches
from kkr_desk.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "desk.db") as store:  # the sample: 40 people of KKR Midtjylland
        yield store


def names(attendance) -> list[str]:
    return [entry.person.name for entry in attendance]


def fresh_editor(store) -> MeetingEditor:
    meeting_id = store.meetings.create_empty("KKR Midtjylland", dt.date(2024, 11, 7))
    return MeetingEditor(store, store.meetings.load(meeting_id))


def test_a_roster_person_put_back_goes_to_their_roster_place(store):
    editor = fresh_editor(store)
    roster = names(editor.meeting.attendance)
    third = editor.meeting.attendance[2]
    third.status = AttendanceStatus.APOLOGY
    editor.save_attendance(third)
    assert editor.remove_person(third) == 2
    assert names(editor.meeting.attendance) == roster[:2] + roster[3:]
    assert names(store.meetings.load(editor.meeting.id).attendance) == roster[:2] + roster[3:]
    # Added again from the roster, without a position: back in the roster's order.
    editor.put_person(Attendance(person=third.person))
    assert names(editor.meeting.attendance) == roster
    assert names(store.meetings.load(editor.meeting.id).attendance) == roster


def test_undo_of_a_removal_keeps_the_status_and_the_place(store):
    editor = fresh_editor(store)
    entry = editor.meeting.attendance[5]
    entry.status = AttendanceStatus.PRESENT
    editor.save_attendance(entry)
    row = editor.remove_person(entry)
    editor.put_person(entry, row)
    saved = store.meetings.load(editor.meeting.id).attendance[5]
    assert (saved.person.name, saved.status) == (entry.person.name, AttendanceStatus.PRESENT)


def test_a_guest_goes_last_and_twice_is_refused(store):
    editor = fresh_editor(store)
    guest = Person("Mette Gæst", organisation="Region Midtjylland")
    editor.put_person(Attendance(guest))
    assert names(editor.meeting.attendance)[-1] == "Mette Gæst"
    with pytest.raises(AppError, match="allerede"):
        editor.put_person(Attendance(Person("Mette Gæst", organisation="Region Midtjylland")))
    assert names(editor.meeting.attendance).count("Mette Gæst") == 1


def test_moving_swaps_within_the_group_and_the_store_keeps_it(store):
    editor = fresh_editor(store)
    before = names(editor.meeting.attendance)
    first, second = editor.meeting.attendance[:2]
    assert editor.move_person(second, -1)
    assert names(editor.meeting.attendance)[:2] == [second.person.name, first.person.name]
    assert names(store.meetings.load(editor.meeting.id).attendance) == names(
        editor.meeting.attendance
    )
    assert not editor.move_person(second, -1)  # already first
    # The last politician does not move past the first KL staff member.
    politicians = [e for e in editor.meeting.attendance if e.person.is_politician]
    assert not editor.move_person(politicians[-1], +1)
    assert sorted(names(editor.meeting.attendance)) == sorted(before)


def test_the_whole_typed_name_is_matched():
    assert name_matches("Peter Sørensen", "Peter Sørensen")
    assert name_matches("peter sø", "Peter Sørensen")
    assert name_matches("Sørensen", "Peter Sørensen")
    assert not name_matches("Peter Sørensen", "Peter Kjær")
    assert not name_matches("Peter Sø", "Peter Kjær")
    assert not name_matches("", "Peter Kjær")


def test_the_referat_lists_people_in_the_lists_order(store, tmp_path):
    import docx

    from kkr_desk.app import Desk
    from kkr_desk.domain import MeetingKind

    editor = fresh_editor(store)
    first, second = editor.meeting.attendance[:2]
    for entry in editor.meeting.attendance:
        entry.status = AttendanceStatus.PRESENT
        editor.save_attendance(entry)
    editor.move_person(second, -1)
    desk = Desk(store)
    out = tmp_path / "referat.docx"
    desk.export(desk.load_meeting(editor.meeting.id), out, MeetingKind.REFERAT)
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    lines = [
        i for i, line in enumerate(text) if line.startswith((first.person.name, second.person.name))
    ]
    assert [text[i].split(" (")[0] for i in lines[:2]] == [second.person.name, first.person.name]
