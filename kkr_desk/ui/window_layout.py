"""Where the panes sit: attendance | agenda | editor side by side on wide windows; on
narrower ones (a 1366×768 laptop) the agenda above the attendance on the left, so the agenda
stays in sight while a late arrival is marked during an item; and the remembered geometry
and splitter sizes in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

WIDE_WIDTH = 1600
"""From this window width on, attendance and agenda stand side by side instead of stacked."""
NARROW_AGENDA_SHARE = 0.42
"""Of the left side's height, stacked: the agenda above, the attendance (more rows) below."""


class WindowLayout(QObject):
    """The panes that outlive a meeting switch: the splitters, the tabs, the stack."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.wide = False
        self.meeting_bar = self.attendance = self.agenda = self.editor = None
        self.inner_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.inner_splitter.setObjectName("listsSplitter")
        self.inner_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.inner_splitter)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addWidget(self.splitter, 1)
        window.setCentralWidget(self.body)

    def set_workspace(self, meeting_bar, attendance, agenda, editor) -> None:
        """Put a newly opened meeting's panes in place of the old ones (which are deleted)."""
        old = [self.meeting_bar, self.attendance, self.agenda, self.editor]
        editor_state = self.editor.splitter.saveState() if self.editor is not None else None
        lists_state = self.inner_splitter.saveState() if self.agenda is not None else None
        self.meeting_bar, self.attendance, self.agenda, self.editor = (
            meeting_bar, attendance, agenda, editor)
        for widget in old:
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.body_layout.insertWidget(0, meeting_bar)
        self.splitter.addWidget(editor)
        if editor_state is not None:
            editor.splitter.restoreState(editor_state)
        self.place_lists(self.wide, force=True)
        if lists_state is not None:
            self.inner_splitter.restoreState(lists_state)

    def place_lists(self, wide: bool, force: bool = False) -> None:
        """Attendance | agenda side by side (wide), or the agenda above the attendance."""
        if wide == self.wide and not force:
            return
        self.wide = wide
        if wide:
            self.inner_splitter.setOrientation(Qt.Orientation.Horizontal)
            self.inner_splitter.insertWidget(0, self.attendance)
            self.inner_splitter.insertWidget(1, self.agenda)
        else:
            self.inner_splitter.setOrientation(Qt.Orientation.Vertical)
            self.inner_splitter.insertWidget(0, self.agenda)
            self.inner_splitter.insertWidget(1, self.attendance)
        self.attendance.show()
        self.agenda.show()
        self.share_width()

    def width_changed(self, width: int) -> None:
        self.place_lists(width >= WIDE_WIDTH)

    def share_width(self) -> None:
        """Default proportions for the current mode: the lists get more room when wide."""
        width = max(self.window.width(), 800)
        share = 0.56 if self.wide else 0.45
        self.splitter.setSizes([int(width * share), width - int(width * share)])
        if self.wide:
            self.inner_splitter.setSizes([int(width * 0.30), int(width * 0.26)])
        else:
            height = max(self.inner_splitter.height(), self.window.height() - 120, 400)
            agenda = int(height * NARROW_AGENDA_SHARE)
            self.inner_splitter.setSizes([agenda, height - agenda])

    def restore(self) -> None:
        window = self.window
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
            self.place_lists(window.width() >= WIDE_WIDTH)
            for key, splitter in (
                ("window/splitter", self.splitter),
                ("window/listsSplitter", self.inner_splitter),
                ("window/editorSplitter", self.editor.splitter),
            ):
                state = self.settings.value(key)
                if isinstance(state, QByteArray):
                    splitter.restoreState(state)
            # A saved state carries its orientation; the mode decides it.
            self.inner_splitter.setOrientation(
                Qt.Orientation.Horizontal if self.wide else Qt.Orientation.Vertical
            )
            return
        screen = window.screen().availableGeometry() if window.screen() else None
        width, height = (screen.width(), screen.height()) if screen else (1366, 768)
        if width > 1440:
            # A large screen: most of it, leaving room around the window.
            width, height = int(width * 0.92), int(height * 0.92)
        window.resize(width, height)
        self.place_lists(width >= WIDE_WIDTH)
        self.share_width()

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/listsSplitter", self.inner_splitter.saveState())
        self.settings.setValue("window/editorSplitter", self.editor.splitter.saveState())
        self.settings.sync()
