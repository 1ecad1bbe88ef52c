"""The autosave waits for a pause, but never longer than MAX_WAIT_MS while typing goes on."""

from __future__ import annotations

import time

from kkr_desk.ui.autosave import MAX_WAIT_MS, QUIET_MS, Autosaver


def test_a_pause_saves_after_the_quiet_period(qtbot):
    saves: list[float] = []
    saver = Autosaver()
    saver.schedule("key", lambda: saves.append(time.monotonic()))
    qtbot.waitUntil(lambda: bool(saves), timeout=2000)
    assert not saver.has_pending


def test_typing_without_a_pause_is_still_saved_every_max_wait(qtbot):
    saves: list[float] = []
    saver = Autosaver()
    start = time.monotonic()
    while time.monotonic() - start < 2.0:  # a keystroke every 50 ms for two seconds
        saver.schedule("key", lambda: saves.append(time.monotonic()))
        qtbot.wait(50)
    assert QUIET_MS < MAX_WAIT_MS <= 1000
    assert len(saves) >= 2  # without the deadline, not one save before the typing stops
    gaps = [later - earlier for earlier, later in zip([start, *saves], saves)]
    assert max(gaps) < 1.0
