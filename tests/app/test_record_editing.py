"""The record through MeetingEditor: each change saved, told to listeners, refusals clean."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.app import AppError, MeetingEditor
from kkr_desk.domain import (
    AttendanceStatus,
    ItemStatus,
    Person,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
    VoteLine,
)
from kkr_desk.domain.record import party_vote, presence
from kkr_desk.store import Store

from ..domain.record_meeting import record_meeting
from ..importer.test_round_trip import document_facts


class Recorder:
    def __init__(self):
        self.seen = []

    def changing(self, change):
        self.seen.append(("changing", type(change).__name__))

    def changed(self, change):
        self.seen.append(("changed", type(change).__name__))


@pytest.fixture
def editor(tmp_path):
    with Store(tmp_path / "kkr.db") as store:
        meeting = record_meeting()
        store.meetings.add(meeting)
        yield MeetingEditor(store, store.meetings.load(meeting.id))


def _same_as_stored(editor):
    stored = editor._store.meetings.load(editor.meeting.id)
    assert document_facts(stored) == document_facts(editor.meeting)


def test_kom_nu_and_gik_nu_stamp_the_item_under_behandling(editor):
    meeting = editor.meeting
    editor.set_item_status(meeting.items[3], ItemStatus.IN_PROGRESS)
    anders = meeting.attendance[3]
    recorder = Recorder()
    editor.listen(recorder)
    event = editor.stamp_presence(anders, coming=False, at=dt.time(12, 0))
    assert (event.kind, event.item) == (PresenceKind.LEFT, meeting.items[3])
    assert recorder.seen == [("changing", "AttendanceChanged"), ("changed", "AttendanceChanged")]
    back = editor.stamp_presence(anders, coming=True, at=dt.time(12, 30))
    assert back.kind is PresenceKind.RETURNED
    _same_as_stored(editor)
    with pytest.raises(AppError, match="allerede til stede"):
        editor.stamp_presence(anders, coming=True)
    editor.set_clock(anders, arrived=False, at=None)  # the last departure? none: a return
    editor.set_clock(meeting.attendance[2], arrived=True, at=dt.time(10, 30))
    assert meeting.attendance[2].arrived_at == dt.time(10, 30)
    _same_as_stored(editor)


def test_inhabil_vote_and_remark_are_saved(editor):
    meeting = editor.meeting
    first = meeting.items[0]
    anders = meeting.attendance[3].person
    editor.set_inhabil(first, anders)
    assert all(e.person != anders for e in presence(meeting, first).present)
    editor.set_vote(first, party_vote(meeting, first, for_="V", against="A"))
    editor.add_remark(first, ProtocolRemark("Vi stemmer imod.", party="A"))
    _same_as_stored(editor)
    editor.set_inhabil(first, anders, False)
    editor.remove_remark(first, 0)
    _same_as_stored(editor)
    assert first.inhabil == [] and first.remarks == []


def test_a_vote_beyond_presence_is_refused_and_nothing_changes(editor):
    meeting = editor.meeting
    third = meeting.items[2]
    recorder = Recorder()
    editor.listen(recorder)
    with pytest.raises(AppError, match="afgivet 5 stemmer, men kun 3 medlemmer"):
        editor.set_vote(third, Vote([VoteLine(VoteChoice.FOR, "A", 2),
                                     VoteLine(VoteChoice.AGAINST, "Ø", 3)]))
    with pytest.raises(AppError, match="ikke til stede"):
        editor.set_inhabil(third, meeting.attendance[0].person)  # Ole had gone
    assert third.vote is None and recorder.seen == []
    _same_as_stored(editor)


def test_a_stedfortraeder_takes_the_members_place(editor):
    meeting = editor.meeting
    torben = meeting.attendance[4]
    with pytest.raises(AppError, match="ikke meldt afbud"):
        editor.set_substitute(meeting.attendance[3], Person("Ny Person", party="A"))
    stand_in = editor.set_substitute(torben, Person("Kirsten Ny", party="A", municipality="Randers"))
    assert stand_in.status is AttendanceStatus.PRESENT and stand_in.substitute_for == torben.person
    assert stand_in in presence(meeting, meeting.items[0]).present
    _same_as_stored(editor)
