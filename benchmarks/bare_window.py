"""The start-up baseline: a bare PySide6 window with one QTreeView and one QTextEdit.

``bare_window.py --touch FILE`` first touches each Qt class named in FILE (one
``PySide6.QtX.Name`` a line): the same window, paying for the classes another program
used by its first paint (PySide makes a class and its enums when it is first used), as a
floor for that program's start-up.
"""

from __future__ import annotations

import importlib
import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextEdit, QTreeView


def main() -> int:
    if sys.argv[1:2] == ["--touch"]:
        for line in open(sys.argv[2], encoding="utf-8").read().split():
            module, name = line.rsplit(".", 1)
            getattr(importlib.import_module(module), name)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter()  # side by side; nothing the bare window does not need
    splitter.addWidget(QTreeView())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.resize(1000, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
