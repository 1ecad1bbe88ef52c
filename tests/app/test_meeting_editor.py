"""The app layer: each change is written first, then the Meeting and the listeners follow."""

from __future__ import annotations

import pytest

from kkr_desk.app import AppError, MeetingEditor, changes
from kkr_desk.store import open_store


class Recorder:
    def __init__(self, editor):
        self.editor = editor
        self.seen = []

    def changing(self, change):
        self.seen.append(("changing", type(change).__name__, len(self.editor.meeting.groups)))

    def changed(self, change):
        self.seen.append(("changed", type(change).__name__, len(self.editor.meeting.groups)))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "desk.db") as store:
        yield store


def editor_of(store) -> MeetingEditor:
    return MeetingEditor(store, store.meetings.load(store.meetings.summaries()[0].id))


def titles(meeting):
    return [(g.title, [i.title for i in g.items]) for g in meeting.groups]


def test_memory_and_database_agree_after_each_change(store):
    editor = editor_of(store)
    recorder = Recorder(editor)
    editor.listen(recorder)
    before = len(editor.meeting.groups)
    group = editor.add_group("Ny gruppe", 0)
    assert recorder.seen == [
        ("changing", "GroupAdded", before),
        ("changed", "GroupAdded", before + 1),
    ]
    item = editor.add_item(group, "Nyt punkt")
    editor.move_item(item, editor.meeting.groups[1], 0)
    editor.move_group(group, 99)
    editor.rename_group(group, "  Omdøbt  ")
    editor.delete_item(editor.meeting.groups[0].items[-1])
    assert titles(editor.meeting) == titles(store.meetings.load(editor.meeting.id))
    assert editor.meeting.groups[-1].title == "Omdøbt"


def test_a_refused_change_touches_neither_meeting_nor_listeners(store):
    editor = editor_of(store)
    recorder = Recorder(editor)
    editor.listen(recorder)
    before = titles(editor.meeting)
    with pytest.raises(AppError):
        editor.add_group("   ")
    gone = editor.meeting.groups[0].items[0]
    store.agenda.delete_item(gone.id)  # vanished behind the editor's back
    with pytest.raises(AppError):
        editor.move_item(gone, editor.meeting.groups[1], 0)
    assert titles(editor.meeting) == before
    assert recorder.seen == []
    assert not editor.move_group(editor.meeting.groups[0], 0)  # no move: nothing written
    assert isinstance(changes.GroupAdded, type)
