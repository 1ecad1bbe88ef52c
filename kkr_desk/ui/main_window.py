"""The main window: for now the open meeting's agenda as a numbered tree."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from ..domain import Meeting, numbered_groups
from ..domain.agenda import item_number
from ..store import Store


class MainWindow(QMainWindow):
    """Shows the newest meeting in the store."""

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.agenda = QTreeWidget()
        self.agenda.setHeaderLabels([self.tr("Dagsorden"), self.tr("Status")])
        self.setCentralWidget(self.agenda)
        self.resize(1000, 700)
        meetings = store.list_meetings()
        if meetings:
            self.show_meeting(store.load_meeting(meetings[0].id))
        else:
            self.setWindowTitle("KKR Desk")

    def show_meeting(self, meeting: Meeting) -> None:
        self.setWindowTitle(f"KKR Desk – {meeting.committee} {meeting.date:%d-%m-%Y}")
        self.agenda.clear()
        for group_position, (number, group) in enumerate(numbered_groups(meeting)):
            group_row = QTreeWidgetItem([f"{number} {group.title}", ""])
            self.agenda.addTopLevelItem(group_row)
            for item_position, item in enumerate(group.items):
                label = f"{item_number(group_position, item_position)} {item.title}"
                group_row.addChild(QTreeWidgetItem([label, item.status.value]))
        self.agenda.expandAll()
        self.agenda.resizeColumnToContents(1)
