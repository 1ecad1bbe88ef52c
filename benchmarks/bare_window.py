"""The start-up baseline: a bare PySide6 window with one QTreeView and one QTextEdit."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextEdit, QTreeView


def main() -> int:
    app = QApplication(sys.argv)
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
