"""The question a committee name that matches none asks, wherever it is typed (the meeting
bar, Ctrl+N's new meeting): use the nearest known committee, make a new one of that name,
or go back and correct it (Escape). So a typo never makes a committee.
"""

from __future__ import annotations

import difflib

from PySide6.QtWidgets import QMessageBox, QWidget


def nearest_name(name: str, names: list[str]) -> str | None:
    """The known name a typo is close to ("Midtjyland"); another region is not
    ("Nordjylland" for Midtjylland)."""
    folded = {known.casefold(): known for known in names}
    nearest = difflib.get_close_matches(name.casefold(), folded, n=1, cutoff=0.85)
    return folded[nearest[0]] if nearest else None


class CommitteeQuestion(QMessageBox):
    """A committee name that matches none: use the nearest known one, make a new committee
    of that name, or go back (Escape). ``explanation`` says what a new committee starts with."""

    def __init__(self, name: str, names: list[str], explanation: str, parent: QWidget):
        super().__init__(parent)
        self.name = name
        self.nearest = nearest = nearest_name(name, names)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Nyt udvalg?"))
        self.setText(self.tr("Der findes intet udvalg ved navn »%s«.") % name)
        self.setInformativeText(
            (self.tr("Mente du »%s«? ") % nearest if nearest else "") + explanation
        )
        self.use_button = (
            self.addButton(self.tr("Brug »%s«") % nearest, QMessageBox.ButtonRole.AcceptRole)
            if nearest
            else None
        )
        self.create_button = self.addButton(
            self.tr("Opret udvalget »%s«") % name, QMessageBox.ButtonRole.YesRole
        )
        self.cancel_button = self.addButton(self.tr("Fortryd"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.use_button or self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def chosen_name(self) -> str | None:
        """The committee the answer names (the nearest one, or the new name); None: back."""
        clicked = self.clickedButton()
        if clicked is self.create_button:
            return self.name
        if self.use_button is not None and clicked is self.use_button:
            return self.nearest
        return None
