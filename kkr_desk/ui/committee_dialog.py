"""Rediger ▸ Udvalg …: the committee of the open meeting, edited as a whole and saved at once.

Members (name, party, municipality, role, stedfortræder) and staff (name, organisation,
title) are tables with add, remove, move up/down and undo; the roster can be filled from a
referat, a dagsorden or a member list (the flow reads the file through the app layer).
"Vis udvalg" shows another committee instead; "Slet udvalget …" deletes the one shown (the
flow asks first, and refuses a committee that meetings use).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import Person
from ..domain.committee import Committee, Member, Role
from ..domain.phrases import COMMITTEE_PLACEHOLDER
from .dialogs import confirm_buttons

Row = list[str]
PERSON = Qt.ItemDataRole.UserRole
"""The name cell keeps the Person the row was made from, so an unchanged row stays them."""


class RoleDelegate(QStyledItemDelegate):
    """The Rolle column is edited with a list of the three roles."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        editor.addItems([role.value for role in Role])
        return editor

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data() or Role.MEDLEM.value)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText())


class RosterTable(QWidget):
    """A table of people with Tilføj, Fjern, Op, Ned and Fortryd (Ctrl+Z in the table)."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.undo_stack: list[list[tuple[Row, Person | None]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tilføj"))
        self.remove_button = QPushButton(self.tr("Fjern"))
        self.up_button = QPushButton(self.tr("Op"))
        self.down_button = QPushButton(self.tr("Ned"))
        self.undo_button = QPushButton(self.tr("Fortryd"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(+1))
        self.undo_button.clicked.connect(self.undo)
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self.table)
        undo.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo.activated.connect(self.undo)
        self._update_buttons()

    # Contents ----------------------------------------------------------------------------

    def rows(self) -> list[tuple[Row, Person | None]]:
        """Each row's texts and the Person it was made from (None for a new row)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [
                (self.table.item(row, column).text() if self.table.item(row, column) else "")
                for column in range(self.table.columnCount())
            ]
            name = self.table.item(row, 0)
            rows.append((cells, name.data(PERSON) if name is not None else None))
        return rows

    def set_rows(self, rows: list[tuple[Row, Person | None]]) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for row, (cells, person) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(PERSON, person)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def replace_rows(self, rows: list[tuple[Row, Person | None]]) -> None:
        """New contents (an import) that Fortryd can take back."""
        self._remember()
        self.set_rows(rows)

    # Commands ----------------------------------------------------------------------------

    def add_row(self) -> None:
        self._remember()
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        rows = self.rows()
        rows.insert(row, ([""] * self.table.columnCount(), None))
        self.set_rows(rows)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self._remember()
        rows = self.rows()
        del rows[row]
        self.set_rows(rows)
        if rows:
            self.table.setCurrentCell(min(row, len(rows) - 1), 0)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self._remember()
        rows = self.rows()
        rows.insert(target, rows.pop(row))
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)

    def undo(self) -> None:
        if self.undo_stack:
            self.set_rows(self.undo_stack.pop())

    def _remember(self) -> None:
        self.undo_stack.append(self.rows())
        self._update_buttons()

    def _update_buttons(self) -> None:
        if hasattr(self, "undo_button"):
            self.undo_button.setEnabled(bool(self.undo_stack))
            self.count_label.setText(self.tr("%n personer", "", self.table.rowCount()))


def _same_person(person: Person | None, **fields: str) -> Person:
    """The row's Person: the one it came from while name and organisation are unchanged
    (details may be corrected), else a new one that the roster matches by name."""
    if person is not None and (person.name, person.organisation) == (
        fields["name"],
        fields["organisation"],
    ):
        return replace(person, **fields)
    return Person(**fields)


class CommitteeDialog(QDialog):
    """The whole committee; ``chosen`` carries the edited Committee when Gem is pressed."""

    chosen = Signal(object)
    importRequested = Signal()
    otherRequested = Signal(str)
    """Another committee (its name) chosen under "Vis udvalg"."""
    deleteRequested = Signal()

    MEMBER_HEADERS = ("Navn", "Parti", "Kommune", "Rolle", "Stedfortræder")
    STAFF_HEADERS = ("Navn", "Organisation", "Titel", "Kommune")

    def __init__(self, committee: Committee, parent=None, names: list[str] | None = None):
        super().__init__(parent)
        self.committee = committee
        self.setWindowTitle(self.tr("Udvalg – %s") % committee.name)
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.other_combo = QComboBox()
        self.other_combo.addItems(names or [committee.name])
        self.other_combo.setCurrentText(committee.name)
        self.other_combo.setAccessibleName(self.tr("Vis udvalg"))
        self.other_combo.setToolTip(self.tr("Vis og ret et andet udvalg"))
        self.other_combo.textActivated.connect(
            lambda name: self.otherRequested.emit(name) if name != committee.name else None
        )
        form.addRow(self.tr("Vis udvalg:"), self.other_combo)
        self.name_edit = QLineEdit(committee.name)
        self.place_edit = QLineEdit(committee.place)
        self.place_edit.setPlaceholderText(self.tr("Det sted, møderne plejer at holdes"))
        form.addRow(self.tr("Navn:"), self.name_edit)
        form.addRow(self.tr("Sted:"), self.place_edit)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.members = RosterTable([self.tr(h) for h in self.MEMBER_HEADERS])
        self.members.table.setItemDelegateForColumn(3, RoleDelegate(self.members.table))
        self.import_button = QPushButton(self.tr("Hent deltagere fra fil …"))
        self.import_button.setToolTip(
            self.tr(
                "Fra et referat eller en dagsorden (deltagerfortegnelsen) eller en "
                "medlemsliste (.csv, .xlsx)"
            )
        )
        self.import_button.clicked.connect(self.importRequested)
        self.members.layout().itemAt(1).layout().insertWidget(5, self.import_button)
        self.staff = RosterTable([self.tr(h) for h in self.STAFF_HEADERS])
        self.set_roster(committee.members, committee.staff, remember=False)
        for table, widths in ((self.members, (230, 60, 150, 110)), (self.staff, (230, 100, 200))):
            for column, width in enumerate(widths):
                table.table.setColumnWidth(column, width)
        self.tabs.addTab(self.members, self.tr("Medlemmer"))
        self.tabs.addTab(self.staff, self.tr("Fra sekretariaterne"))

        self.standing_edit = QPlainTextEdit("\n".join(committee.standing_items))
        self.tabs.addTab(
            self._explained(
                self.tr("Ét punkt pr. linje. Et nyt møde begynder med disse punkter."),
                self.standing_edit,
            ),
            self.tr("Faste punkter"),
        )
        self.phrases_edit = QPlainTextEdit("\n".join(committee.phrases))
        self.tabs.addTab(
            self._explained(
                self.tr(
                    "Én frase pr. linje; %s erstattes af udvalgets navn. Tom: programmets "
                    "standardfraser (Rediger ▸ Standardfraser)."
                )
                % COMMITTEE_PLACEHOLDER,
                self.phrases_edit,
            ),
            self.tr("Standardfraser"),
        )
        self.mission_edit = QPlainTextEdit(committee.mission)
        self.vision_edit = QPlainTextEdit(committee.vision)
        front = QWidget()
        front_layout = QFormLayout(front)
        front_layout.addRow(self.tr("Mission:"), self.mission_edit)
        front_layout.addRow(self.tr("Vision:"), self.vision_edit)
        self.tabs.addTab(front, self.tr("Mission og vision"))
        layout.addWidget(self.tabs, 1)

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = confirm_buttons(
            self, self.tr("Gem"), self._accept, QDialogButtonBox.StandardButton.Save
        )
        self.delete_button = buttons.addButton(
            self.tr("Slet udvalget …"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button.setToolTip(
            self.tr("Flyt udvalget til papirkurven (kun et udvalg uden møder)")
        )
        self.delete_button.clicked.connect(self.deleteRequested)
        layout.addWidget(buttons)

    @staticmethod
    def _explained(text: str, editor: QWidget) -> QWidget:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        label = QLabel(text)
        label.setWordWrap(True)
        page_layout.addWidget(label)
        page_layout.addWidget(editor, 1)
        return page

    def set_roster(self, members: list[Member], staff: list[Person], *, remember=True) -> None:
        """Fill both tables (an import: Fortryd in each table takes it back)."""
        member_rows = [
            (
                [
                    m.person.name,
                    m.person.party,
                    m.person.municipality,
                    m.role.value,
                    m.substitute.name if m.substitute else "",
                ],
                m.person,
            )
            for m in members
        ]
        staff_rows = [([p.name, p.organisation, p.title, p.municipality], p) for p in staff]
        if remember:
            self.members.replace_rows(member_rows)
            self.staff.replace_rows(staff_rows)
        else:
            self.members.set_rows(member_rows)
            self.staff.set_rows(staff_rows)

    def edited(self) -> Committee:
        """The committee as the dialog shows it; ValueError (Danish) for a bad row."""
        members = []
        substitutes = {m.person.name: m.substitute for m in self.committee.members if m.substitute}
        for number, (cells, person) in enumerate(self.members.rows(), start=1):
            name, party, municipality, role_text, substitute = (" ".join(c.split()) for c in cells)
            if not any(cells):
                continue
            if not name:
                raise ValueError(self.tr("Medlem nr. %d mangler et navn") % number)
            try:
                role = Role(role_text.casefold() or Role.MEDLEM.value)
            except ValueError:
                raise ValueError(
                    self.tr("Medlem nr. %d: rollen skal være formand, næstformand eller medlem")
                    % number
                ) from None
            member_person = _same_person(
                person,
                name=name,
                party=party,
                municipality=municipality,
                title=person.title if person else "",
                organisation="",
            )
            known = substitutes.get(name)
            members.append(
                Member(
                    member_person,
                    role,
                    (
                        known
                        if known and known.name == substitute
                        else Person(substitute, party=party)
                    )
                    if substitute
                    else None,
                )
            )
        staff = []
        for number, (cells, person) in enumerate(self.staff.rows(), start=1):
            name, organisation, title, municipality = (" ".join(c.split()) for c in cells)
            if not any(cells):
                continue
            if not name:
                raise ValueError(self.tr("Række %d under sekretariaterne mangler et navn") % number)
            if not organisation:
                raise ValueError(self.tr("%s: skriv organisationen (fx KL eller KD-Net)") % name)
            staff.append(
                _same_person(
                    person,
                    name=name,
                    party=person.party if person else "",
                    municipality=municipality,
                    title=title,
                    organisation=organisation,
                )
            )
        return Committee(
            id=self.committee.id,
            name=" ".join(self.name_edit.text().split()),
            members=members,
            staff=staff,
            place=self.place_edit.text().strip(),
            standing_items=_lines(self.standing_edit),
            phrases=_lines(self.phrases_edit),
            mission=self.mission_edit.toPlainText().strip(),
            vision=self.vision_edit.toPlainText().strip(),
        )

    def has_changes(self) -> bool:
        """Whether the dialog shows anything other than the committee it was opened with."""
        try:
            return self.edited() != self.committee
        except ValueError:
            return True

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def _accept(self) -> None:
        try:
            committee = self.edited()
        except ValueError as error:
            self.show_error(str(error))
            return
        if not committee.name:
            self.show_error(self.tr("Udvalget skal have et navn"))
            return
        self.chosen.emit(committee)


def _lines(editor: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
