"""Child process: type into the real window's Beslutning editor and time each save.

``python -m benchmarks.child_keystroke DB EDITS`` opens the main window offscreen on DB
(whose newest meeting has 100 items), selects an item in the middle of the agenda, and
then EDITS times: sends one key to the Beslutning editor and waits until the store's
``set_section_body`` has committed. Reported per edit: keystroke → commit returned (the
latency), and the time the UI thread spent in the autosave run that wrote it (the block).
Only the store class and the autosaver are wrapped to read the clock; the window is real.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .children import report

WAIT_FOR_SAVE_MS = 5_000
WARM_UP_EDITS = 2


def main() -> None:
    database, edits = Path(sys.argv[1]), int(sys.argv[2])
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    commits: list[float] = []
    writes: list[float] = []
    blocks: list[float] = []
    waiting: list[QEventLoop] = []
    _time_store_writes(commits, writes, waiting)
    delay = _time_autosaver(blocks, commits)
    if delay is None:
        report({"missing": "the autosaver (kkr_desk.ui.autosave)"})
        return

    from kkr_desk.store import open_store
    from kkr_desk.ui.main_window import MainWindow

    store = open_store(database)
    window = MainWindow(store)
    window.show()
    QTest.qWait(50)
    editor = _decision_editor(window)
    if editor is None:
        report({"missing": "a Beslutning editor in the main window"})
        return
    editor.setFocus()
    latencies: list[float] = []
    for number in range(WARM_UP_EDITS + edits):
        saved_before = len(commits)
        blocks_before = len(blocks)
        loop = QEventLoop()
        waiting[:] = [loop]
        QTimer.singleShot(WAIT_FOR_SAVE_MS, loop.quit)
        pressed = time.perf_counter()
        QTest.keyClick(editor, "abcdefghijklmnopqrstuvwxyz"[number % 26])
        if len(commits) == saved_before:
            loop.exec()
        if len(commits) == saved_before:
            report({"error": f"no save within {WAIT_FOR_SAVE_MS} ms of a keystroke"})
            return
        if number < WARM_UP_EDITS:
            del blocks[blocks_before:]
            del writes[:]
            continue
        latencies.append(commits[-1] - pressed)
    window.close()
    store.close()
    app.processEvents()
    report({"delay": delay, "latencies": latencies, "blocks": blocks, "writes": writes})


def _time_store_writes(commits: list[float], writes: list[float], waiting: list) -> None:
    """Record when each section write has committed and how long it took; wake the edit."""
    from kkr_desk.store.agenda import Agenda  # the store's agenda repository writes sections

    original = Agenda.set_section_body

    def set_section_body(self, *args, **kwargs):
        started = time.perf_counter()
        result = original(self, *args, **kwargs)
        commits.append(time.perf_counter())
        writes.append(commits[-1] - started)
        for loop in waiting:
            loop.quit()
        return result

    Agenda.set_section_body = set_section_body


def _time_autosaver(blocks: list[float], commits: list[float]) -> float | None:
    """Wrap the autosaver's flush to time each run that wrote; return its delay in seconds."""
    try:
        from kkr_desk.ui import autosave
    except ImportError:
        return None
    saver = autosave.Autosaver
    original = saver.flush

    def flush(self, *args, **kwargs):
        saved_before = len(commits)
        started = time.perf_counter()
        result = original(self, *args, **kwargs)
        if len(commits) > saved_before:
            blocks.append(time.perf_counter() - started)
        return result

    saver.flush = flush
    return autosave.QUIET_MS / 1000


def _decision_editor(window):
    """Select an item in the middle of the agenda and find its Beslutning editor."""
    from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTextEdit, QTreeView

    for view in window.findChildren(QTreeView):
        model = view.model()
        if model is None or model.rowCount() < 5:
            continue
        group = model.index(model.rowCount() // 2, 0)
        if model.rowCount(group):
            view.setCurrentIndex(model.index(model.rowCount(group) // 2, 0, group))
            break
    QApplication.processEvents()
    editors = [
        widget
        for kind in (QTextEdit, QPlainTextEdit)
        for widget in window.findChildren(kind)
        if widget.isVisible() and not widget.isReadOnly()
    ]
    for editor in editors:
        names = " ".join((editor.objectName(), editor.accessibleName())).lower()
        if "beslutning" in names or "decision" in names:
            return editor
    for label in window.findChildren(QLabel):
        text = label.text().replace("&", "").strip().lower()
        if text == "beslutning" and label.buddy() in editors:
            return label.buddy()
    return None


if __name__ == "__main__":
    main()
