"""Small dialogs: the meetings list, a new meeting, a person, the phrase settings, shortcuts.

All are opened with open() (never a blocking exec) and report through signals.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain import Person
from ..domain.attendance_order import name_matches
from ..domain.phrases import COMMITTEE_PLACEHOLDER
from ..app import MeetingSummary
from .attendance_model import describe


def confirm_buttons(
    dialog: QDialog,
    confirm_text: str,
    on_confirm,
    confirm: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> QDialogButtonBox:
    """The dialog's confirm and "Annullér" buttons; Enter confirms, Escape cancels."""
    buttons = QDialogButtonBox(confirm | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(confirm).setText(confirm_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Annullér"))
    buttons.accepted.connect(on_confirm)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MeetingsDialog(QDialog):
    """Every meeting in the database: open, delete, start a new one or the next in a series.

    Committee, date, state, decisions written of the items, and the last change tell two
    meetings of the same date apart.
    """

    openRequested = Signal(int)
    newRequested = Signal()
    nextRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, meetings: list[MeetingSummary], current_id: int | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Møder"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        headings = [
            self.tr("Udvalg"), self.tr("Dato"), self.tr("Tilstand"),
            self.tr("Beslutninger"), self.tr("Sidst ændret"),
        ]
        self.table = QTableWidget(len(meetings), len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, summary in enumerate(meetings):
            changed = (
                summary.changed_at.strftime("%d-%m-%Y %H:%M") if summary.changed_at else "–"
            )
            cells = (
                summary.committee,
                summary.date.strftime("%d-%m-%Y"),
                self.tr(summary.state.value),
                self.tr("%d af %d punkter") % (summary.decided_count, summary.item_count),
                changed,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.table.setItem(row, column, cell)
            if summary.id == current_id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.table.currentRow() < 0 and meetings:
            self.table.selectRow(0)
        self.table.itemActivated.connect(lambda _: self._open())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Åbn"))
        self.open_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Nyt møde …"))
        self.next_button = QPushButton(self.tr("Næste møde ud fra det valgte …"))
        self.delete_button = QPushButton(self.tr("Slet …"))
        self.delete_button.setToolTip(self.tr("Flyt mødet til papirkurven (kan fortrydes)"))
        close = QPushButton(self.tr("Luk"))
        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(lambda: (self.accept(), self.newRequested.emit()))
        self.next_button.clicked.connect(self._next)
        self.delete_button.clicked.connect(self._delete)
        close.clicked.connect(self.reject)
        for button in (self.open_button, self.new_button, self.next_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def selected_id(self) -> int | None:
        entry = self.table.item(self.table.currentRow(), 0)
        return None if entry is None else entry.data(Qt.ItemDataRole.UserRole)

    def _delete(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.accept()
            self.deleteRequested.emit(meeting_id)

    def _open(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.accept()
            self.openRequested.emit(meeting_id)

    def _next(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.accept()
            self.nextRequested.emit(meeting_id)


class NewMeetingDialog(QDialog):
    """Committee and date for a new meeting (the committee is fixed for a next meeting);
    ``chosen(committee, date)`` on Opret, and the dialog stays open until closed."""

    chosen = Signal(str, object)

    def __init__(self, committee: str, date: dt.date, *, fixed_committee: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Næste møde") if fixed_committee else self.tr("Nyt møde"))
        form = QFormLayout(self)
        self.committee_edit = QLineEdit(committee)
        self.committee_edit.setReadOnly(fixed_committee)
        self.date_edit = QDateEdit(QDate(date.year, date.month, date.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("Udvalg:"), self.committee_edit)
        form.addRow(self.tr("Dato:"), self.date_edit)
        if fixed_committee:
            form.addRow(
                QLabel(
                    self.tr(
                        "Udvalgets faste deltagere og de faste punkter følger med; "
                        "godkendelsen af referatet peger på dette møde."
                    )
                )
            )
        buttons = confirm_buttons(self, self.tr("Opret"), self._accept)
        form.addRow(buttons)

    def _accept(self) -> None:
        """Tell what was chosen; whoever creates the meeting closes the dialog, so a
        question about the committee can come back here to correct it."""
        self.chosen.emit(self.committee_edit.text().strip(), self.date_edit.date().toPython())

    def correct_committee(self) -> None:
        """Back from the committee question: the typed name selected, to be retyped."""
        self.committee_edit.setFocus()
        self.committee_edit.selectAll()


class AddPersonDialog(QDialog):
    """Someone from the roster, found by typing their name, or a new person.

    The search keeps the people whose name holds every typed word at a word's start, in
    order ("Peter Sø" is Peter Sørensen, never Peter Kjær); the first match is chosen and
    Enter adds it. With no match the typed text becomes the new person's name.
    """

    chosen = Signal(object)

    def __init__(self, roster: list[Person], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tilføj deltager"))
        self.roster = roster
        form = QFormLayout(self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Skriv navnet …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search)
        self.roster_list = QListWidget()
        self.roster_list.setMinimumHeight(160)
        for person in roster:
            entry = QListWidgetItem(describe(person))
            entry.setData(Qt.ItemDataRole.UserRole, person.id)
            self.roster_list.addItem(entry)
        self.roster_list.currentRowChanged.connect(self._roster_chosen)
        self.roster_list.itemDoubleClicked.connect(lambda *_: self._accept())
        self.name_edit = QLineEdit()
        self.organisation_edit = QComboBox()
        self.organisation_edit.setEditable(True)
        self.organisation_edit.addItems(["", "KL", "KD-Net"])
        self.organisation_edit.setToolTip(
            self.tr("Tom for en politiker, ellers fx KL eller KD-Net")
        )
        self.party_edit = QLineEdit()
        self.municipality_edit = QLineEdit()
        self.title_edit = QLineEdit()
        form.addRow(self.tr("Fra kartoteket:"), self.search_edit)
        form.addRow("", self.roster_list)
        form.addRow(QLabel(self.tr("… eller en ny person:")))
        form.addRow(self.tr("Navn:"), self.name_edit)
        form.addRow(self.tr("Organisation:"), self.organisation_edit)
        form.addRow(self.tr("Parti:"), self.party_edit)
        form.addRow(self.tr("Kommune:"), self.municipality_edit)
        form.addRow(self.tr("Titel:"), self.title_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        form.addRow(self.error_label)
        buttons = confirm_buttons(self, self.tr("Tilføj"), self._accept)
        form.addRow(buttons)
        self.roster_list.setCurrentRow(-1)
        self.search_edit.setFocus()

    def _search(self, text: str) -> None:
        first = -1
        for row in range(self.roster_list.count()):
            person = self.roster[row]
            shown = not text.strip() or name_matches(text, person.name)
            self.roster_list.item(row).setHidden(not shown)
            if shown and first < 0 and text.strip():
                first = row
        self.roster_list.setCurrentRow(first)
        if first < 0:
            self.name_edit.setText(text.strip())

    def chosen_person(self) -> Person | None:
        """The roster person chosen in the list, if any."""
        row = self.roster_list.currentRow()
        if row < 0 or self.roster_list.item(row).isHidden():
            return None
        return self.roster[row]

    def _roster_chosen(self, row: int) -> None:
        person = self.chosen_person()
        for edit in (self.name_edit, self.party_edit, self.municipality_edit, self.title_edit):
            edit.setEnabled(person is None)
        self.organisation_edit.setEnabled(person is None)
        if person is not None:
            self.name_edit.setText(person.name)
            self.organisation_edit.setCurrentText(person.organisation)
            self.party_edit.setText(person.party)
            self.municipality_edit.setText(person.municipality)
            self.title_edit.setText(person.title)
        else:
            for edit in (self.party_edit, self.municipality_edit, self.title_edit):
                edit.clear()
            self.organisation_edit.setCurrentText("")

    def person(self) -> Person | None:
        chosen = self.chosen_person()
        if chosen is not None:
            return chosen
        name = self.name_edit.text().strip()
        if not name:
            return None
        return Person(
            name=name,
            party=self.party_edit.text().strip(),
            municipality=self.municipality_edit.text().strip(),
            title=self.title_edit.text().strip(),
            organisation=self.organisation_edit.currentText().strip(),
        )

    def _accept(self) -> None:
        person = self.person()
        if person is None:
            self.error_label.setText(self.tr("Skriv et navn eller vælg fra kartoteket"))
            return
        self.accept()
        self.chosen.emit(person)


class PhrasesDialog(QDialog):
    """The decision phrase templates, one per line; {udvalg} becomes the committee's name."""

    chosen = Signal(list)

    def __init__(self, templates: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Standardfraser"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Én frase pr. linje; de første ni får Ctrl+1 … Ctrl+9 (efter punktets egen "
                "frase fra indstillingen). %s erstattes af udvalgets navn."
            )
            % COMMITTEE_PLACEHOLDER
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.editor = QPlainTextEdit("\n".join(templates))
        layout.addWidget(self.editor, 1)
        buttons = confirm_buttons(
            self, self.tr("Gem"), self._accept, QDialogButtonBox.StandardButton.Save
        )
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.accept()
        self.chosen.emit(self.editor.toPlainText().splitlines())


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, from the same table the window's actions are built from."""

    def __init__(self, rows: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tastaturgenveje"))
        self.resize(600, 640)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Taster"), self.tr("Handling")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Luk"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
