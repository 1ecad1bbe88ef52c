"""One item's changes since the referat was sent, as the window is given them."""

from __future__ import annotations

import copy

import pytest

from kkr_desk.app import Desk
from kkr_desk.app.item_changes import item_changes
from kkr_desk.domain.model import BAGGRUND, BESLUTNING, SAGSFREMSTILLING
from kkr_desk.domain.word_diff import Piece
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.resources import resource_path
from kkr_desk.store import open_store


@pytest.fixture
def stored(tmp_path):
    """The sample as the store loads it (with ids), and the sent snapshot (without)."""
    sent = read_meeting_file(resource_path("sample-meeting.json"))
    with open_store(tmp_path / "desk.db") as store:
        meeting_id = store.meetings.add(copy.deepcopy(sent))
        yield store, meeting_id, sent


def text(pieces, keep):
    return "".join(p.text for p in pieces if p.op in ("equal", keep))


def test_words_changed_in_a_decision_are_found_without_ids(stored):
    store, meeting_id, sent = stored
    current = store.meetings.load(meeting_id)
    item = current.items[1]
    item.section(BESLUTNING).body = item.section(BESLUTNING).body.replace(
        "tog orienteringerne", "godkendte orienteringerne"
    )
    changes = item_changes(sent, current, item.id)
    assert not changes.is_new and changes.changed
    decision = next(s for s in changes.sections if s.heading == BESLUTNING)
    assert decision.blocks[0] == [
        Piece("equal", "KKR Midtjylland "),
        Piece("delete", "tog"),
        Piece("insert", "godkendte"),
        Piece("equal", " orienteringerne til efterretning."),
    ]
    background = next(s for s in changes.sections if s.heading == BAGGRUND)
    assert not background.changed


def test_table_cells_and_list_items_stay_whole(stored):
    store, meeting_id, sent = stored
    current = store.meetings.load(meeting_id)
    item = current.items[3]
    body = item.section(SAGSFREMSTILLING)
    body.body = body.body.replace("| KKR Sjælland | 474 | 476 |", "| KKR Sjælland | 474 | 480 |")
    changes = item_changes(sent, current, item.id)
    case = next(s for s in changes.sections if s.heading == SAGSFREMSTILLING)
    changed = [block for block in case.blocks if any(p.op != "equal" for p in block)]
    assert len(changed) == 1
    assert text(changed[0], "delete") == "KKR Sjælland | 474 | 476 | 955 | 955"
    assert text(changed[0], "insert") == "KKR Sjælland | 474 | 480 | 955 | 955"


def test_a_new_item_is_all_inserted_and_an_unchanged_one_is_not_changed(stored):
    store, meeting_id, sent = stored
    current = store.meetings.load(meeting_id)
    unchanged = item_changes(sent, current, current.items[0].id)
    assert not unchanged.changed
    snapshot = copy.deepcopy(sent)
    del snapshot.groups[0].items[0]
    fresh = item_changes(snapshot, current, current.items[0].id)
    assert fresh.is_new and all(s.op == "insert" for s in fresh.sections)


def test_desk_finds_the_sent_version_through_the_store(stored):
    store, meeting_id, _sent = stored
    desk = Desk(store)
    item_id = store.meetings.load(meeting_id).items[0].id
    assert desk.changes_since_sent(meeting_id, item_id) is None  # never sent
