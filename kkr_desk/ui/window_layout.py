"""Where the panes sit: attendance | agenda | editor side by side on wide windows, attendance
and agenda in tabs on narrower ones (a 1366×768 laptop), and the remembered geometry and
splitter sizes in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import AttendanceStatus

WIDE_WIDTH = 1600
"""From this window width on, attendance and agenda stand side by side instead of in tabs."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WindowLayout(QObject):
    """The panes that outlive a meeting switch: the splitters, the tabs, the stack."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.wide = False
        self.meeting_bar = self.attendance = self.agenda = self.editor = None
        self.attendance_count = lambda: (0, 0)
        self.inner_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.inner_splitter.setChildrenCollapsible(False)
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.left_tabs)
        self.left_stack.addWidget(self.inner_splitter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_stack)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addWidget(self.splitter, 1)
        window.setCentralWidget(self.body)

    def set_workspace(self, meeting_bar, attendance, agenda, editor, attendance_count) -> None:
        """Put a newly opened meeting's panes in place of the old ones (which are deleted).

        ``attendance_count()`` gives (present, on the list) for the attendance tab's text.
        """
        old = [self.meeting_bar, self.attendance, self.agenda, self.editor]
        editor_state = self.editor.splitter.saveState() if self.editor is not None else None
        self.meeting_bar, self.attendance, self.agenda, self.editor = (
            meeting_bar, attendance, agenda, editor)
        self.attendance_count = attendance_count
        self.left_tabs.clear()
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

    def place_lists(self, wide: bool, force: bool = False) -> None:
        """Put attendance and agenda side by side (wide) or in tabs (narrow)."""
        if wide == self.wide and not force:
            return
        self.wide = wide
        if wide:
            self.left_tabs.clear()
            self.inner_splitter.addWidget(self.attendance)
            self.inner_splitter.addWidget(self.agenda)
            self.attendance.show()
            self.agenda.show()
            self.left_stack.setCurrentWidget(self.inner_splitter)
        else:
            # QTabWidget shows only its current page; never show() the other one.
            self.left_tabs.addTab(self.agenda, _tr("Dagsorden"))
            self.left_tabs.addTab(self.attendance, _tr("Deltagere"))
            self.left_stack.setCurrentWidget(self.left_tabs)
        # In tabs the tab says what the pane is; side by side each pane has its heading.
        self.attendance.title_label.setVisible(wide)
        self.agenda.title_label.setVisible(wide)
        self.update_attendance_tab()
        self.share_width()

    def width_changed(self, width: int) -> None:
        self.place_lists(width >= WIDE_WIDTH)

    def show_pane(self, pane: QWidget) -> None:
        if not self.wide:
            self.left_tabs.setCurrentWidget(pane)

    def update_attendance_tab(self) -> None:
        position = self.left_tabs.indexOf(self.attendance)
        if position >= 0:
            present, listed = self.attendance_count()
            self.left_tabs.setTabText(position, _tr("Deltagere (%d/%d)") % (present, listed))

    def share_width(self) -> None:
        """Default proportions for the current mode: the lists get more room when wide."""
        width = max(self.window.width(), 800)
        share = 0.56 if self.wide else 0.40
        self.splitter.setSizes([int(width * share), width - int(width * share)])
        if self.wide:
            self.inner_splitter.setSizes([int(width * 0.30), int(width * 0.26)])

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
