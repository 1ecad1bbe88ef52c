"""Hjælp ▸ Om KKR Desk: the version, and where the database, its backups and the log are.

Whoever looks after the program (or the secretary on the phone with them) needs those
places: each is shown as selectable text with a button that opens its folder in the file
manager (QDesktopServices). A folder that does not exist yet (no bug logged, say) has its
button disabled, and says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..app import Locations


class AboutDialog(QDialog):
    def __init__(self, version: str, locations: Locations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om KKR Desk"))
        self.setMinimumWidth(560)
        heading = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        heading.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(
            self.tr("<b style='font-size: 15pt'>KKR Desk %s</b><br>"
                    "Deltagere, dagsorden og beslutninger til KKR-møder.") % version
        )
        heading.addWidget(self.title, 1)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.paths: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        rows = (
            ("database", self.tr("Database"), locations.database, locations.database.parent),
            ("backups", self.tr("Sikkerhedskopier"), locations.backups, locations.backups),
            ("log_file", self.tr("Logfil"), locations.log_file, locations.log_file.parent),
        )
        for row, (name, label, path, folder) in enumerate(rows):
            grid.addWidget(QLabel(f"<b>{label}</b>"), row, 0)
            shown = QLabel(str(path))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 1)
            button = QPushButton(self.tr("Åbn mappe"))
            button.clicked.connect(lambda *_, folder=folder: self.open_folder(folder))
            if not folder.is_dir():
                button.setEnabled(False)
                button.setToolTip(self.tr("Mappen findes ikke endnu"))
            grid.addWidget(button, row, 2)
            self.paths[name], self.open_buttons[name] = shown, button

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def open_folder(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.problem.setText(self.tr("Mappen %s kunne ikke åbnes.") % folder)
            self.problem.show()
