"""File → Importér…: show what a dagsorden or referat holds before anything is saved.

``ImportDialog`` shows the parsed meeting (groups, items, people, warnings) with Importér and
Annullér; import_flow reads the file in a background job and opens it. Nothing is saved
until the secretary presses Importér, and then in one transaction.

Dialogs are opened with open(), never exec(): the window stays responsive and tests can
drive them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import AttendanceStatus, numbered_groups
from ..domain.agenda import item_number

if TYPE_CHECKING:
    from ..app.desk import ImportResult

DOCUMENT_FILTER_CONTEXT = "ImportDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(DOCUMENT_FILTER_CONTEXT, text)


class ImportDialog(QDialog):
    """A summary of an imported document; accepted() means "save it", rejected() "don't"."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        meeting = result.meeting
        self.setWindowTitle(self.tr("Importér dagsorden eller referat"))
        self.setModal(True)

        heading = QLabel(
            self.tr("{committee} – {kind} for mødet {date}").format(
                committee=meeting.committee,
                kind=result.kind.value,
                date=f"{meeting.date:%d-%m-%Y}",
            )
        )
        heading.setObjectName("importHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        self.counts = QFormLayout()
        statuses = result.status_counts()
        self._add_count(self.tr("Kilde"), result.source_name or "–", "source")
        self._add_count(self.tr("Grupper"), str(result.group_count), "groups")
        self._add_count(self.tr("Punkter"), str(result.item_count), "items")
        self._add_count(self.tr("Til stede"), str(statuses[AttendanceStatus.PRESENT]), "present")
        self._add_count(self.tr("Afbud"), str(statuses[AttendanceStatus.APOLOGY]), "apology")
        if statuses[AttendanceStatus.ABSENT]:
            self._add_count(
                self.tr("Fraværende"), str(statuses[AttendanceStatus.ABSENT]), "absent"
            )
        by_organisation = result.organisation_counts()
        # KL's own staff first, then the guests' organisations in alphabetical order.
        for organisation in sorted(by_organisation, key=lambda name: (name != "KL", name)):
            count = by_organisation[organisation]
            self._add_count(self.tr("Fra {organisation}").format(organisation=organisation),
                            str(count), f"from:{organisation}")

        self.agenda = QTreeWidget()
        self.agenda.setHeaderLabels([self.tr("Dagsorden")])
        self.agenda.setRootIsDecorated(True)
        for group_position, (number, group) in enumerate(numbered_groups(meeting)):
            group_row = QTreeWidgetItem([f"{number} {group.title}"])
            self.agenda.addTopLevelItem(group_row)
            for item_position, item in enumerate(group.items):
                label = f"{item_number(group_position, item_position)} {item.title}"
                row = QTreeWidgetItem([label])
                row.setToolTip(0, label)
                group_row.addChild(row)
        self.agenda.expandAll()

        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        if result.warnings:
            self.warnings.addItems(result.warnings)
        else:
            self.warnings.addItem(self.tr("Ingen advarsler."))
        warnings_label = QLabel(self.tr("Advarsler ({count})").format(count=len(result.warnings)))

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Importér"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Annullér"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.counts)
        layout.addWidget(self.agenda, stretch=3)
        layout.addWidget(warnings_label)
        layout.addWidget(self.warnings, stretch=1)
        layout.addWidget(
            QLabel(self.tr("Intet gemmes, før du trykker Importér.")),
            alignment=Qt.AlignmentFlag.AlignLeft,
        )
        layout.addWidget(self.buttons)
        self.resize(640, 620)

    def _add_count(self, label: str, value: str, name: str) -> None:
        field = QLabel(value)
        field.setObjectName(f"count:{name}")
        field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts.addRow(label, field)

    def count_text(self, name: str) -> str:
        """The shown value of a count ("groups", "items", "present", "from:KL" …)."""
        field = self.findChild(QLabel, f"count:{name}")
        return field.text() if field is not None else ""


def choose_file(parent: QWidget, chosen: Callable[[Path], None]) -> QFileDialog:
    """Ask for a dagsorden or referat without blocking; ``chosen(path)`` once one is picked."""
    dialog = QFileDialog(parent, _tr("Importér dagsorden eller referat"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(
        [
            _tr("Dagsordener og referater (*.pdf *.docx *.txt)"),
            _tr("Alle filer (*)"),
        ]
    )
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog


def message_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box
