"""The place to return to is written once the shown item rests, and at once on close: not
inside every item switch (each write is an fsync on the UI thread)."""

from __future__ import annotations

from kkr_desk.ui.place_keeper import REST_MS


def _select(window, row: int):
    item = window.session.meeting.items[row]
    window.agenda.select(window.agenda_model.index_of_item(item))
    assert window.editor.item.id == item.id
    return item


def test_the_place_is_written_when_the_item_rests_not_at_each_switch(qtbot, window):
    meeting_id = window.session.meeting.id
    qtbot.wait(REST_MS + 200)  # the place shown at opening is written
    before = window.desk.last_place()
    for row in (1, 2, 3):
        third = _select(window, row)
    assert window.desk.last_place() == before  # no write inside the switches
    qtbot.waitUntil(lambda: window.desk.last_place() == (meeting_id, third.id), timeout=REST_MS * 3)


def test_closing_writes_the_place_at_once(qtbot, window):
    meeting_id = window.session.meeting.id
    item = _select(window, 2)
    window.close()
    assert window.desk.last_place() == (meeting_id, item.id)
