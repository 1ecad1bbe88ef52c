"""Child process: run a window program, report when its first window is painted, then quit.

``python -m benchmarks.child_window [--visit] (app|bare) [ARGS…]`` runs ``main.py ARGS…``
or the bare baseline window unchanged, but with ``QWidget.show`` wrapped: the first
top-level window shown is watched for its first paint, and then one line
``BENCH {"shown": …, "painted": …, "visited": …, "peak_rss": …}`` (wall-clock seconds,
bytes) is printed and the application quits. With ``--visit`` every row of the window's
agenda tree is selected in turn before the report, as a secretary clicking through the
meeting would, so the memory figure includes every item's editors having been loaded.
The parent compares the times with the moment it spawned us, so interpreter start and
every import are inside the figure. Nothing in the app is changed, not even the order of
its imports: ``QWidget.show`` is wrapped the moment the program itself imports
PySide6.QtWidgets. (Importing Qt here first would tax every module the app imports after
it: PySide6 reads the source of each module imported once Qt is loaded, looking for
``__feature__`` use, about 0.25 ms a module; the app imports its store and domain before
Qt, the bare window has nothing to import after it.)
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import runpy
import sys
import time
from pathlib import Path

from .children import report
from .peak_memory import peak_rss_bytes

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"app": ROOT / "main.py", "bare": Path(__file__).with_name("bare_window.py")}
GIVE_UP_AFTER_MS = 10_000


def main() -> None:
    visit = sys.argv[1] == "--visit"
    target, arguments = sys.argv[1 + visit], sys.argv[2 + visit :]
    sys.meta_path.insert(0, _WhenImported("PySide6.QtWidgets", lambda: _watch_first_window(visit)))
    sys.argv = [str(TARGETS[target]), *arguments]
    runpy.run_path(str(TARGETS[target]), run_name="__main__")


class _WhenImported(importlib.abc.MetaPathFinder):
    """Runs ``then`` right after the module ``name`` has been imported, by whoever imports it."""

    def __init__(self, name: str, then):
        self.name = name
        self.then = then

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)  # the real finders find it; we only wrap its loading
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            self.then()

        spec.loader.exec_module = exec_module
        return spec


def _watch_first_window(visit: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    state: dict[str, object] = {}

    def finish() -> None:
        if "reported" in state:
            return
        state["reported"] = time.time()
        if visit and "window" in state:
            state["visited"] = _visit_agenda(state["window"])
        report(
            {
                "shown": state.get("shown"),
                "painted": state.get("painted"),
                "visited": state.get("visited"),
                "peak_rss": peak_rss_bytes(),
                "qt_classes": state.get("qt_classes"),
            }
        )
        QApplication.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in state:
                state["painted"] = time.time()
                state["qt_classes"] = _qt_classes_made()
                QTimer.singleShot(0, finish)
            return False

    watcher = FirstPaint()
    original_show = QWidget.show

    def show(widget: QWidget) -> None:
        original_show(widget)
        if widget.isWindow() and "shown" not in state:
            state["shown"] = time.time()
            state["window"] = widget
            widget.installEventFilter(watcher)
            QTimer.singleShot(GIVE_UP_AFTER_MS, finish)

    QWidget.show = show  # type: ignore[method-assign]
    state["watcher"] = watcher  # keep it alive


def _qt_classes_made() -> list[str]:
    """The Qt classes Python has touched so far: PySide makes a class (and its enums) the
    first time it is used, so these are what the program paid for by its first paint."""
    names = []
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        made = sys.modules[module].__dict__
        names += [f"{module}.{name}" for name in made if name[:1] == "Q" and name != "QtCore"]
    return sorted(names)


def _visit_agenda(window) -> int:
    """Select every row of the agenda tree (groups and items) in turn; return how many."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication, QTreeView

    visited = 0
    for view in window.findChildren(QTreeView):
        model = view.model()
        if model is None:
            continue
        pending = [model.index(row, 0) for row in range(model.rowCount())]
        while pending:
            index: QModelIndex = pending.pop(0)
            view.setCurrentIndex(index)
            QApplication.processEvents()
            visited += 1
            pending[:0] = [model.index(row, 0, index) for row in range(model.rowCount(index))]
    return visited


if __name__ == "__main__":
    main()
