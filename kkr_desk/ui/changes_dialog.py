"""Vis ▸ Ændringer siden udsendelse: one item's words inserted and deleted since the referat
was sent for approval, read-only, the way the formand will see them in Word.

The window hands over what ``Desk.changes_since_sent`` gave (None: never sent); inserted
words are underlined in green, deleted ones struck through in red.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from ..app import ItemChanges
from ..domain.word_diff import Piece

INSERTED_STYLE = "color:#1a6b2f; background-color:#e3f3e6; text-decoration:underline;"
DELETED_STYLE = "color:#b00020; text-decoration:line-through;"
FIRST_CHANGE = "first-change"


def pieces_html(pieces: list[Piece]) -> str:
    """Inserted text underlined and green, deleted struck through and red, the rest plain."""
    out = []
    for piece in pieces:
        text = html.escape(piece.text).replace("\n", "<br>")
        if piece.op == "insert":
            out.append(f'<span style="{INSERTED_STYLE}">{text}</span>')
        elif piece.op == "delete":
            out.append(f'<span style="{DELETED_STYLE}">{text}</span>')
        else:
            out.append(text)
    return "".join(out)


class ChangesDialog(QDialog):
    """Read-only: the item's title and sections with their changes marked."""

    def __init__(self, label: str, changes: ItemChanges | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ændringer siden udsendelse – punkt %s") % label)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Luk"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if changes is None:
            self.summary.setText(
                self.tr(
                    "Referatet er ikke sendt til godkendelse endnu, så der er ingen udsendt "
                    "udgave at sammenligne med."
                )
            )
            return
        if changes.is_new:
            self.summary.setText(self.tr("Punktet er kommet til efter udsendelsen."))
        elif changes.changed:
            self.summary.setText(
                self.tr("Tilføjet tekst er understreget og grøn, slettet tekst er overstreget.")
            )
        else:
            self.summary.setText(self.tr("Punktet er uændret siden udsendelsen."))
        self.view.setHtml(self.page(changes))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # A long item opens at its first change, once the text is laid out.
        QTimer.singleShot(0, lambda: self.view.scrollToAnchor(FIRST_CHANGE))

    def page(self, changes: ItemChanges) -> str:
        parts = [f"<h3>{pieces_html(changes.title)}</h3>"]
        anchored = False
        for section in changes.sections:
            heading = html.escape(section.heading)
            if section.op == "insert":
                heading = f'<span style="{INSERTED_STYLE}">{heading}</span>'
            elif section.op == "delete":
                heading = f'<span style="{DELETED_STYLE}">{heading}</span>'
            parts.append(f"<h4>{heading}</h4>")
            for block in section.blocks:
                anchor = ""
                if not anchored and any(piece.op != "equal" for piece in block):
                    anchor, anchored = f'<a name="{FIRST_CHANGE}"></a>', True
                parts.append(f"<p>{anchor}{pieces_html(block)}</p>")
        return "".join(parts)
