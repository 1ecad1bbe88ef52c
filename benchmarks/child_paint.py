"""Child process: from a key to its result painted, in the real window on 100 items.

``python -m benchmarks.child_paint DB SWITCHES KEYS`` opens the main window offscreen on DB
(whose newest meeting has 100 items). Item switch: Ctrl+Down sent to the window, SWITCHES
times from the top of the agenda; the clock stops when the event loop has painted the new
item's Beslutning editor. Typing: KEYS letters sent one at a time to the Beslutning editor
of an item in the middle, with the autosaver running as the secretary has it (its saves
land among the keys); the clock stops when the character has been painted. The window is
real: a paint is seen by an event filter on the editor's viewport, and
the time is taken when the event loop has finished the paint. The store's section write
is wrapped only to count the saves that happened among the keys.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from .children import report

WARM_UP = 3
KEY_INTERVAL_S = 0.125
PAINT_WAIT_S = 2.0


def main() -> None:
    database, switches, keys = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kkr_desk.store import open_store
    from kkr_desk.store.agenda import Agenda
    from kkr_desk.ui.main_window import MainWindow

    saved: list[float] = []
    original = Agenda.set_section_body

    def set_section_body(self, *args, **kwargs):  # counts the autosaver's writes only
        saved.append(time.perf_counter())
        return original(self, *args, **kwargs)

    Agenda.set_section_body = set_section_body
    app = QApplication([sys.argv[0]])
    store = open_store(database)
    window = MainWindow(store)
    window.resize(1440, 900)
    window.show()
    window.activateWindow()
    gc.freeze()  # as kkr_desk.ui.app does once the window is up
    QTest.qWait(200)

    class PaintSeen(QObject):
        painted = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    seen = PaintSeen()
    cpu: list[float] = []  # the UI thread's own CPU time per key: what a busy machine adds is not in it

    def until_painted(target) -> float | None:
        """Run the event loop until ``target`` was painted; the time it is done, or None."""
        deadline = time.perf_counter() + PAINT_WAIT_S
        while not seen.painted and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        return time.perf_counter() if seen.painted else None

    def press(target_viewport, widget, key, modifiers=Qt.KeyboardModifier.NoModifier,
              due: float | None = None) -> float:
        """Key → painted; from ``due`` if given, so a save running when the key was due
        (the key would wait in the queue behind it) counts too."""
        if due is not None:
            while time.perf_counter() < due:  # timers (autosave) fire here as they would
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
                time.sleep(0.0002)
        target_viewport.installEventFilter(seen)
        seen.painted = False
        started = time.perf_counter() if due is None else due
        cpu_started = time.thread_time()
        QTest.keyClick(widget, key, modifiers)
        done = until_painted(target_viewport)
        cpu.append(time.thread_time() - cpu_started)
        target_viewport.removeEventFilter(seen)
        if done is None:
            raise TimeoutError("nothing was painted within 2 s of the key")
        return done - started

    def decision_viewport():
        return window.editor.decision_edit.viewport()

    # Item switch: Ctrl+Down from the first item; the new item's editor is what is painted.
    window.agenda.select(window.agenda_model.index_of_item(window.session.meeting.items[0]))
    window.editor.focus_decision()
    QTest.qWait(50)
    switch_times = []
    for number in range(WARM_UP + switches):
        target = decision_viewport()
        focus = QApplication.focusWidget() or window
        elapsed = press(target, focus, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        if number >= WARM_UP:
            switch_times.append(elapsed)
    switch_cpu = cpu[WARM_UP:]
    cpu.clear()

    # Typing: one letter at a time into Beslutning of an item in the middle.
    items = window.session.meeting.items
    window.agenda.select(window.agenda_model.index_of_item(items[len(items) // 2]))
    window.editor.focus_decision()
    QTest.qWait(50)
    editor = window.editor.decision_edit
    key_times = []
    saves_before = len(saved)
    started = time.perf_counter()
    for number in range(WARM_UP + keys):
        # A steady 8 keys a second, with a pause of a second after each 20: the autosaver's
        # 400 ms quiet save and its 600 ms deadline both land among the keys.
        due = started + number * KEY_INTERVAL_S + (number // 20) * 1.0
        letter = " " if number % 6 == 5 else "abcdefghijklmnopqrstuvwxyz"[number % 26]
        elapsed = press(editor.viewport(), editor, letter, due=due)
        if number >= WARM_UP:
            key_times.append(elapsed)
    saves = len(saved) - saves_before
    key_cpu = cpu[WARM_UP:]
    window.close()
    store.close()
    report({"switches": switch_times, "keys": key_times, "saves": saves,
            "switch_cpu": switch_cpu, "key_cpu": key_cpu})


if __name__ == "__main__":
    main()
