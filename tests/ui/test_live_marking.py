"""Two things a secretary trips over in a live meeting, on the real window and the seed's
imported dagsorden: Ctrl+Enter takes up the next item (so Kom nu / Gik nu land on it), and
the name filter is cleared once the person it found is marked, ready for the next name.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kkr_desk.app import Desk
from kkr_desk.domain import AttendanceStatus, ItemStatus
from kkr_desk.store import open_store
from kkr_desk.ui.attendance_model import NOTE
from kkr_desk.ui.main_window import MainWindow
from tests.ui.test_keyboard_walkthrough import prepare

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key


def key(qtbot, window, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifiers)
    qtbot.wait(1)


@pytest.fixture
def live(qtbot, tmp_path, settings):
    """The window on the imported dagsorden: nobody registered, no item treated."""
    db_path = tmp_path / "kkr.db"
    meeting_id = prepare(db_path)
    window = MainWindow(open_store(db_path), meeting_id=meeting_id, settings=settings)
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=10_000)
    window.db_path = db_path  # for reading back what was stored
    return window


def stored(window):
    with open_store(window.db_path) as store:
        return Desk(store).load_meeting(window.session.meeting.id)


def statuses(meeting) -> list[ItemStatus]:
    return [item.status for item in meeting.items]


def entry_named(window, start: str):
    return next(e for e in window.session.meeting.attendance if e.person.name.startswith(start))


def find(qtbot, window, word: str) -> None:
    key(qtbot, window, K.Key_F, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), word)
    key(qtbot, window, K.Key_Return)


def arrivals_item_ids(window, name: str) -> list[int]:
    entry = next(e for e in stored(window).attendance if e.person.name == name)
    return [event.item.id for event in entry.events]


# 1. Ctrl+Enter takes up the next item -------------------------------------------------------


def test_ctrl_enter_in_a_running_meeting_takes_up_the_next_item_and_kom_nu_lands_on_it(
    qtbot, live
):
    items = live.session.meeting.items
    key(qtbot, live, K.Key_F5)  # i gang
    key(qtbot, live, K.Key_3, ALT)  # 1.1's Beslutning
    key(qtbot, live, K.Key_Down, CTRL)  # 1.1 is left for later
    assert live.editor.item is items[1]
    key(qtbot, live, K.Key_Return, CTRL)
    assert live.editor.item is items[2]
    expected = [ItemStatus.NOT_STARTED, ItemStatus.DECIDED, ItemStatus.IN_PROGRESS]
    assert statuses(live.session.meeting)[:3] == expected
    assert statuses(stored(live))[:3] == expected
    assert stored(live).items[2].taken_up_at is not None
    assert live.editor.status_combo.currentText() == "under behandling"
    row = live.agenda_model.index_of_item(items[2]).siblingAtColumn(1)
    assert row.data() == "under behandling"
    # An arrival now lands on the item taken up, not on the first one left open (1.1).
    find(qtbot, live, "Meij")
    key(qtbot, live, K.Key_K, CTRL | SHIFT)
    assert arrivals_item_ids(live, "Marcel Meijer") == [items[2].id]


def test_ctrl_enter_never_overwrites_a_treated_item_and_arrivals_follow_the_newest(
    qtbot, live
):
    items = live.session.meeting.items  # in order: 1.1, 2.1, 3.1, 3.2, 3.3, …
    key(qtbot, live, K.Key_F5)
    key(qtbot, live, K.Key_3, ALT)
    key(qtbot, live, K.Key_Return, CTRL | SHIFT)  # 1.1 under behandling by hand, left open
    for _ in range(3):
        key(qtbot, live, K.Key_Down, CTRL)
    key(qtbot, live, K.Key_Return, CTRL)  # 3.2 decided ahead; 3.3 taken up
    decided_at = items[3].decided_at
    taken_up_at = items[4].taken_up_at
    for _ in range(3):
        key(qtbot, live, K.Key_Up, CTRL)
    assert live.editor.item is items[1]
    key(qtbot, live, K.Key_Return, CTRL)  # 2.1 decided; 3.1 taken up
    key(qtbot, live, K.Key_Return, CTRL)  # 3.1 decided; 3.2 was decided: left as it is
    assert live.editor.item is items[3]
    assert statuses(stored(live))[:5] == [
        ItemStatus.IN_PROGRESS,  # 1.1, still open
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,  # 3.2, not turned back to under behandling
        ItemStatus.IN_PROGRESS,  # 3.3, from the first Ctrl+Enter
    ]
    assert stored(live).items[3].decided_at == decided_at
    assert live.editor.status_combo.currentText() == "afgjort"
    qtbot.wait(1100)  # a second later: a time written anew would differ
    key(qtbot, live, K.Key_Return, CTRL)  # 3.2 again: 3.3 stays under behandling as it was
    assert live.editor.item is items[4]
    assert stored(live).items[3].decided_at == decided_at  # walked past, not decided anew
    assert stored(live).items[4].status is ItemStatus.IN_PROGRESS
    assert stored(live).items[4].taken_up_at == taken_up_at
    # Two items are under behandling: "now" is the one taken up last (3.3), not 1.1.
    find(qtbot, live, "Meij")
    key(qtbot, live, K.Key_K, CTRL | SHIFT)
    assert arrivals_item_ids(live, "Marcel Meijer") == [items[4].id]


def test_ctrl_enter_takes_up_nothing_before_the_meeting_is_started_or_after_it_ended(
    qtbot, live
):
    key(qtbot, live, K.Key_3, ALT)
    key(qtbot, live, K.Key_Return, CTRL)  # planlagt: preparing, not holding the meeting
    assert statuses(stored(live))[:2] == [ItemStatus.DECIDED, ItemStatus.NOT_STARTED]
    key(qtbot, live, K.Key_F5)
    key(qtbot, live, K.Key_F5, SHIFT)  # afholdt
    key(qtbot, live, K.Key_3, ALT)
    key(qtbot, live, K.Key_Return, CTRL)
    assert statuses(stored(live))[:3] == [ItemStatus.DECIDED] * 2 + [ItemStatus.NOT_STARTED]


def test_a_decision_drafted_before_the_meeting_does_not_take_the_item_up(qtbot, live):
    """Typing in Beslutning takes an item up only in the running meeting: a draft written
    while the meeting is planlagt leaves 3.4 ikke behandlet, so the first arrival after F5
    is not recorded at 3.4."""
    items = live.session.meeting.items
    live.agenda.select(live.agenda_model.index_of_item(items[5]))  # 3.4
    key(qtbot, live, K.Key_3, ALT)
    qtbot.keyClicks(live.editor.decision_edit, "Udkast: taget til efterretning.")
    live.autosaver.flush()
    draft = stored(live).items[5]
    assert draft.section("Beslutning").body == "Udkast: taget til efterretning."
    assert draft.status is ItemStatus.NOT_STARTED and draft.taken_up_at is None
    key(qtbot, live, K.Key_F5)
    find(qtbot, live, "Meij")
    key(qtbot, live, K.Key_K, CTRL | SHIFT)
    assert arrivals_item_ids(live, "Marcel Meijer") == [items[0].id]
    # Once it runs, typing takes the item up as before.
    live.agenda.select(live.agenda_model.index_of_item(items[0]))
    key(qtbot, live, K.Key_3, ALT)
    qtbot.keyClicks(live.editor.decision_edit, "Godkendt.")
    assert live.editor.status_combo.currentText() == "under behandling"
    assert stored(live).items[0].status is ItemStatus.IN_PROGRESS


# 2. The name filter after a person is marked ------------------------------------------------


def shown_people(panel) -> int:
    return sum(
        panel.proxy.rowCount(panel.proxy.index(group, 0))
        for group in range(panel.proxy.rowCount())
    )


def assert_ready_for_the_next_name(window, entry) -> None:
    panel = window.attendance
    assert panel.search.text() == ""
    assert QApplication.focusWidget() is panel.search
    assert shown_people(panel) == len(window.session.meeting.attendance)
    assert panel.selected_entries() == [entry]
    current = panel.view.currentIndex()
    assert panel.model.entry_at(panel.proxy.mapToSource(current)) is entry
    assert panel.view.visualRect(current).intersects(panel.view.viewport().rect())


def test_kom_nu_gik_nu_and_a_status_key_clear_the_filter_for_the_next_name(qtbot, live):
    panel = live.attendance
    key(qtbot, live, K.Key_F5)
    find(qtbot, live, "Meij")
    key(qtbot, live, K.Key_K, CTRL | SHIFT)  # Kom nu
    marcel = entry_named(live, "Marcel Meijer")
    assert marcel.status is AttendanceStatus.PRESENT and len(marcel.events) == 1
    assert_ready_for_the_next_name(live, marcel)
    # The next name straight away, no Ctrl+F: present with "1".
    qtbot.keyClicks(panel.search, "Vind")
    key(qtbot, live, K.Key_Return)
    key(qtbot, live, K.Key_1)
    ole = entry_named(live, "Ole Vind")
    assert ole.status is AttendanceStatus.PRESENT
    assert_ready_for_the_next_name(live, ole)
    # Gik nu from the button, the filter typed again.
    qtbot.keyClicks(panel.search, "Vind")
    key(qtbot, live, K.Key_Return)
    qtbot.mouseClick(panel.left_button, Qt.MouseButton.LeftButton)
    assert [event.kind.name for event in ole.events] == ["LEFT"]
    assert_ready_for_the_next_name(live, ole)
    # F2 in the cleared filter field: the note of the person just marked.
    key(qtbot, live, K.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not panel.search
    assert panel.view.currentIndex().column() == NOTE
    qtbot.keyClicks(editor, "gik til et andet møde")
    key(qtbot, live, K.Key_Return)
    qtbot.waitUntil(lambda: ole.note == "gik til et andet møde")
    by_name = {e.person.name: e for e in stored(live).attendance}
    assert by_name["Marcel Meijer"].status is AttendanceStatus.PRESENT
    assert by_name["Ole Vind"].note == "gik til et andet møde"
    assert [event.kind.name for event in by_name["Ole Vind"].events] == ["LEFT"]


def test_a_mark_without_a_filter_leaves_the_focus_where_it_was(qtbot, live):
    panel = live.attendance
    key(qtbot, live, K.Key_1, ALT)
    first = panel.selected_entries()[0]
    key(qtbot, live, K.Key_2)
    assert first.status is AttendanceStatus.APOLOGY
    assert QApplication.focusWidget() is panel.view
    # Kom nu from the Beslutning on the person found earlier (filter gone): focus stays.
    find(qtbot, live, "Meij")
    key(qtbot, live, K.Key_Escape)
    key(qtbot, live, K.Key_3, ALT)
    key(qtbot, live, K.Key_K, CTRL | SHIFT)
    assert entry_named(live, "Marcel Meijer").status is AttendanceStatus.PRESENT
    assert QApplication.focusWidget() is live.editor.decision_edit
