"""The attendance list as a Qt model, grouped like the referat's Deltagerfortegnelse.

Top level: "Politikere", then "Fra KL", "Fra KD-Net" and any other organisation; below,
one row per person. The three status columns are check boxes that work like radio
buttons, so one click sets a status; times and the note are edited in place.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain import POLITICIAN, Attendance, AttendanceStatus, Person
from ..domain.agenda import numbered_items
from ..domain.clock import clock, read_clock
from ..domain.participants import person_line
from ..domain.record_text import event_text, item_numbers
from .session import MeetingSession

NAME, PRESENT, APOLOGY, ABSENT, ARRIVED, LEFT, NOTE = range(7)
STATUS_COLUMNS = {
    PRESENT: AttendanceStatus.PRESENT,
    APOLOGY: AttendanceStatus.APOLOGY,
    ABSENT: AttendanceStatus.ABSENT,
}
ORGANISATION_ORDER = (POLITICIAN, "KL", "KD-Net")
GROUP_ROW = 0
"""internalId of a group row; a person row carries its group's row + 1."""


Index = QModelIndex | QPersistentModelIndex


def parse_clock(text: str) -> dt.time:
    """ "10.25", "10:25" or "10" → a time; raises ValueError for anything else."""
    value = read_clock(text)
    if value is None:
        raise ValueError(text)
    return value


def clock_text(value: dt.time | None) -> str:
    return "" if value is None else clock(value)


class AttendanceModel(QAbstractItemModel):
    countsChanged = Signal()

    def __init__(self, session: MeetingSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._groups: list[tuple[str, list[Attendance]]] = []
        self.removed: list[tuple[Attendance, int]] = []
        """People taken off the list, with their rows, newest last (for undo)."""
        self._regroup()

    # Grouping ----------------------------------------------------------------------------

    def _regroup(self) -> None:
        by_organisation: dict[str, list[Attendance]] = {}
        for entry in self.session.meeting.attendance:
            by_organisation.setdefault(entry.person.organisation, []).append(entry)
        known = [org for org in ORGANISATION_ORDER if org in by_organisation]
        others = [org for org in by_organisation if org not in ORGANISATION_ORDER]
        self._groups = [(org, by_organisation[org]) for org in known + others]

    def reload(self) -> None:
        self.beginResetModel()
        self._regroup()
        self.endResetModel()
        self.countsChanged.emit()

    def group_title(self, organisation: str) -> str:
        if organisation == POLITICIAN:
            return self.tr("Politikere")
        return self.tr("Fra %s") % organisation

    # Structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP_ROW)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == GROUP_ROW:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP_ROW and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 7

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Navn"),
                self.tr("Til stede"),
                self.tr("Afbud"),
                self.tr("Fravær"),
                self.tr("Kom"),
                self.tr("Gik"),
                self.tr("Note"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                self.tr("Til stede (tast 1)"),
                self.tr("Afbud (tast 2)"),
                self.tr("Fraværende uden afbud (tast 3)"),
                self.tr("Ankomst, fx 10.25 (Ctrl+Shift+K = nu)"),
                self.tr("Gik, fx 11.40 (Ctrl+Shift+G = nu)"),
                self.tr("Note til deltagerlisten"),
            )[section]
        return None

    # Lookup ------------------------------------------------------------------------------

    def entry_at(self, index: Index) -> Attendance | None:
        if not index.isValid() or index.internalId() == GROUP_ROW:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, entry: Attendance, column: int = NAME) -> QModelIndex:
        for group_row, (_, entries) in enumerate(self._groups):
            for row, candidate in enumerate(entries):
                if candidate is entry:
                    return self.index(row, column, self.index(group_row, 0))
        return QModelIndex()

    def counts(self) -> dict[AttendanceStatus, int]:
        result = {status: 0 for status in AttendanceStatus}
        for entry in self.session.meeting.attendance:
            result[entry.status] += 1
        return result

    def counts_text(self) -> str:
        counts = self.counts()
        parts = [
            self.tr("%d til stede") % counts[AttendanceStatus.PRESENT],
            self.tr("%d afbud") % counts[AttendanceStatus.APOLOGY],
        ]
        if counts[AttendanceStatus.ABSENT]:
            parts.append(self.tr("%d fraværende") % counts[AttendanceStatus.ABSENT])
        if counts[AttendanceStatus.UNREGISTERED]:
            parts.append(self.tr("%d mangler") % counts[AttendanceStatus.UNREGISTERED])
        return " · ".join(parts)

    # Data --------------------------------------------------------------------------------

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == GROUP_ROW:
            return self._group_data(index, role)
        entry = self.entry_at(index)
        column = index.column()
        if column == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return entry.person.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(entry)
            if role == Qt.ItemDataRole.ForegroundRole:
                if entry.status in (AttendanceStatus.APOLOGY, AttendanceStatus.ABSENT):
                    return QBrush(QColor("#8a8f98"))
            return None
        if column in STATUS_COLUMNS:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = entry.status is STATUS_COLUMNS[column]
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == ARRIVED:
                return clock_text(entry.arrived_at)
            if column == LEFT:
                return clock_text(entry.left_at)
            if column == NOTE:
                return entry.note
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE and entry.note:
            return entry.note  # the whole note, wherever the column cuts it
        return None

    def _tooltip(self, entry: Attendance) -> str:
        """The person, and every arrival and departure with its item (the columns show the
        first arrival and a last departure only)."""
        if not entry.events:
            return describe(entry.person)
        numbers = item_numbers(list(numbered_items(self.session.meeting)))
        return "\n".join([describe(entry.person), *(event_text(e, *numbers) for e in entry.events)])

    def _group_data(self, index: Index, role):
        if index.column() != NAME:
            return None
        organisation, entries = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            present = sum(1 for e in entries if e.status is AttendanceStatus.PRESENT)
            return f"{self.group_title(organisation)} ({present}/{len(entries)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == GROUP_ROW:
            return flags
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in STATUS_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (ARRIVED, LEFT, NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry_at(index)
        if entry is None:
            return False
        column = index.column()
        if column in STATUS_COLUMNS and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            status = STATUS_COLUMNS[column] if checked else AttendanceStatus.UNREGISTERED
            return self.set_status(entry, status)
        if role != Qt.ItemDataRole.EditRole or column not in (ARRIVED, LEFT, NOTE):
            return False
        text = str(value or "")
        if column == NOTE:
            return self._change(entry, note=text.strip())
        try:
            clock = parse_clock(text) if text.strip() else None
        except ValueError:
            self.session.failed.emit(self.tr("»%s« er ikke et klokkeslæt; skriv fx 10.25") % text)
            return False
        return self._record(entry, self.session.set_clock(entry, arrived=column == ARRIVED, at=clock))

    # Changes -----------------------------------------------------------------------------

    def set_status(self, entry: Attendance, status: AttendanceStatus) -> bool:
        if entry.status is status:
            return True
        return self._change(entry, status=status)

    def stamp_now(self, entry: Attendance, *, arrived: bool) -> bool:
        """Kom nu / Gik nu (to the minute, at the item under behandling), editable afterwards."""
        return self._record(entry, self.session.stamp_presence(entry, coming=arrived))

    def all_present(self) -> int:
        """Everyone not yet registered becomes present; afbud and fravær stay. Returns count."""
        changed = 0
        for entry in list(self.session.meeting.attendance):
            if entry.status is AttendanceStatus.UNREGISTERED:
                changed += self._change(entry, status=AttendanceStatus.PRESENT)
        return changed

    def add_person(self, person: Person) -> QModelIndex:
        """Put a person (from the roster or new) on the list, not yet registered; a member
        of the committee goes to their roster place."""
        for entry in self.session.meeting.attendance:
            same_id = person.id is not None and entry.person.id == person.id
            same_name = (entry.person.name, entry.person.organisation) == (
                person.name.strip(),
                person.organisation,
            )
            if same_id or same_name:
                return self.index_of(entry)
        entry = Attendance(person=person)
        if self.session.put_person(entry) is None:
            return QModelIndex()
        self.reload()
        return self.index_of(entry)

    def remove(self, entry: Attendance) -> bool:
        """Take someone off the list; ``undo_remove`` puts the last one back."""
        row = self.session.remove_person(entry)
        if row is None:
            return False
        self.removed.append((entry, row))
        self.reload()
        return True

    def undo_remove(self) -> Attendance | None:
        """Put the last removed person back where they were, as they were."""
        if not self.removed:
            return None
        entry, row = self.removed[-1]
        if self.session.put_person(entry, row) is None:
            return None
        self.removed.pop()
        self.reload()
        return entry

    def move(self, entry: Attendance, step: int) -> bool:
        if not self.session.move_person(entry, step):
            return False
        self.reload()
        return True

    def _change(self, entry: Attendance, **changes) -> bool:
        old = {name: getattr(entry, name) for name in changes}
        for name, value in changes.items():
            setattr(entry, name, value)
        if not self.session.save_attendance(entry):
            for name, value in old.items():
                setattr(entry, name, value)
            return False
        return self._record(entry, True)

    def _record(self, entry: Attendance, saved: bool) -> bool:
        """After an edit the editor made: repaint the row, its group and the counts."""
        if not saved:
            return False
        first = self.index_of(entry, NAME)
        self.dataChanged.emit(first, first.siblingAtColumn(NOTE))
        group = first.parent()
        self.dataChanged.emit(group, group)
        self.countsChanged.emit()
        return True


def describe(person: Person) -> str:
    """ "Torben Hansen (A), Randers" or "Christian Nordbek, chefkonsulent, KL"."""
    line = person_line(person)
    if person.is_politician or not person.organisation:
        return line
    return f"{line}, {person.organisation}"
