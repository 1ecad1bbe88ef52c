"""The attendance checklist: search, counts, one key or click per status, times and notes.

Keys on the list: 1 til stede, 2 afbud, 3 fraværende, 0 ikke registreret, Space toggles til
stede, letters jump to a name (type-ahead), Left/Right move between the columns, F2 edits
the time or note under the cursor (the note from the name). The search field filters by
name; Escape clears it, and so does marking a person it found (a status, Kom nu, Gik nu):
the focus goes back to the empty field for the next name, F2 there edits the marked
person's note. A key acts only on people the filter shows, and a person the program
selects (one just added) is never left hidden behind the filter.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..domain import Attendance, AttendanceStatus
from .attendance_model import (
    ABSENT,
    APOLOGY,
    ARRIVED,
    LEFT,
    NAME,
    NOTE,
    PRESENT,
    STATUS_COLUMNS,
    AttendanceModel,
)
from .autosave import SaveSoon
from .column_fit import fit_to_contents
from .panel_heading import panel_heading

FITTED_COLUMNS = (NAME, PRESENT, APOLOGY, ABSENT, ARRIVED, LEFT)

STATUS_KEYS = {
    Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_2: AttendanceStatus.APOLOGY,
    Qt.Key.Key_3: AttendanceStatus.ABSENT,
    Qt.Key.Key_0: AttendanceStatus.UNREGISTERED,
}


EDITABLE_COLUMNS = (ARRIVED, LEFT, NOTE)
NOTE_EDITOR_WIDTH = 240
"""Below this width the note editor borrows the room of the time columns while it is open."""


class FramedDelegate(QStyledItemDelegate):
    """An editor for a time or note that can be seen: framed, and as tall as it needs.

    With ``save_while_typing`` (the note) the text is written to the model 400 ms after the
    last keystroke (600 ms at the latest while typing goes on), not only on Enter.
    """

    def __init__(self, parent=None, *, save_while_typing: bool = False):
        super().__init__(parent)
        self.save_while_typing = save_while_typing

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setFrame(True)
            editor.setObjectName("attendanceEditor")
            editor.setStyleSheet(
                "#attendanceEditor { border: 2px solid #2f6fb3; border-radius: 3px;"
                " background: white; padding: 0 2px; }"
            )
            if self.save_while_typing:
                soon = SaveSoon(lambda: self.commitData.emit(editor), editor)
                editor.textEdited.connect(soon.poke)
                # Enter or leaving commits the note itself; a later tick would find the
                # editor closed (Qt warns of an editor "that does not belong to this view").
                editor.editingFinished.connect(soon.stop)
        return editor

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        header = self.parent().header() if self.save_while_typing else None
        if header is not None and rect.width() < NOTE_EDITOR_WIDTH:
            # A narrow note column: while typing, the note also covers Kom and Gik.
            rect.setLeft(min(rect.left(), max(header.sectionViewportPosition(ARRIVED), 0)))
        height = max(rect.height(), editor.sizeHint().height())
        rect.setTop(rect.center().y() - height // 2)
        rect.setHeight(height)
        editor.setGeometry(rect)


class AttendanceView(QTreeView):
    """The list itself: status keys act on every selected person."""

    statusKey = Signal(object)
    toggleKey = Signal()
    escapeKey = Signal()
    statusCellClicked = Signal(QModelIndex)
    removeKey = Signal()
    """A click anywhere in a status cell (not only on the small check box)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._swallow_release = False

    def mousePressEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        is_person = index.isValid() and index.parent().isValid()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and is_person
            and index.column() in (PRESENT, APOLOGY, ABSENT)
        ):
            self.setCurrentIndex(index.siblingAtColumn(NAME))
            self._swallow_release = True
            self.statusCellClicked.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._swallow_release:
            self._swallow_release = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() in (PRESENT, APOLOGY, ABSENT):
            event.accept()  # a quick second click must not start an editor or toggle back
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        no_modifier = not (
            event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        )
        if no_modifier and event.key() in STATUS_KEYS and self.state() != self.State.EditingState:
            self.statusKey.emit(STATUS_KEYS[event.key()])
            return
        if no_modifier and event.key() == Qt.Key.Key_Space:
            self.toggleKey.emit()
            return
        editing = self.state() == self.State.EditingState
        if no_modifier and event.key() == Qt.Key.Key_Delete and not editing:
            self.removeKey.emit()
            return
        current = self.currentIndex()
        is_person = current.isValid() and current.parent().isValid()
        if no_modifier and not editing and event.key() == Qt.Key.Key_Escape:
            self.escapeKey.emit()
            return
        if no_modifier and not editing and is_person:
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if event.key() == Qt.Key.Key_Left else 1
                column = min(max(current.column() + step, NAME), NOTE)
                self.selectionModel().setCurrentIndex(
                    current.siblingAtColumn(column), QItemSelectionModel.SelectionFlag.NoUpdate
                )
                return
            if event.modifiers() == Qt.KeyboardModifier.ShiftModifier and self._select_to_group_end(
                event.key()
            ):
                return
            if event.key() == Qt.Key.Key_F2:
                self.edit_current()
                return
        super().keyPressEvent(event)

    def edit_current(self) -> None:
        """F2: the time or note under the cursor (the note, from the name)."""
        current = self.currentIndex()
        if not (current.isValid() and current.parent().isValid()):
            return
        column = current.column() if current.column() in EDITABLE_COLUMNS else NOTE
        target = current.siblingAtColumn(column)
        self.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.edit(target)

    def _select_to_group_end(self, key) -> bool:
        """Shift+End / Shift+Home: select from the person to the last / first of their group
        (the afbud at the end of Politikere in one key); at the group's end Qt's own key
        goes on to the end of the list."""
        if key not in (Qt.Key.Key_End, Qt.Key.Key_Home):
            return False
        current = self.currentIndex()
        group = current.parent()
        row = self.model().rowCount(group) - 1 if key == Qt.Key.Key_End else 0
        if row == current.row():
            return False
        target = self.model().index(row, NAME, group)
        last_column = self.model().columnCount(group) - 1
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(
            QItemSelection(
                self.model().index(min(row, current.row()), 0, group),
                self.model().index(max(row, current.row()), last_column, group),
            ),
            flags.Select | flags.Rows,
        )
        self.selectionModel().setCurrentIndex(target, flags.NoUpdate)
        self.scrollTo(target)
        return True


class AttendancePanel(QWidget):
    addPersonRequested = Signal()
    removed = Signal(str)
    """Names taken off the list (for the status bar's "Ctrl+Z fortryder")."""

    def __init__(self, model: AttendanceModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(NAME)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("attendanceCounts")
        heading, self.title_label = panel_heading(self.tr("Deltagere"), self.counts_label)
        layout.addLayout(heading)

        self.search = QLineEdit()
        self.search.setProperty("staysLive", True)  # finding a person is reading
        self.search.setPlaceholderText(self.tr("Søg navn … (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Søg deltager"))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.focus_first_match)
        layout.addWidget(self.search)

        self.view = AttendanceView()
        self.view.setModel(self.proxy)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # The focus frame marks the cell Left/Right moved to (the one F2 edits).
        self.view.setAllColumnsShowFocus(False)
        header = self.view.header()
        # Every column as wide as its content (a whole name), the note the rest. Fitted
        # once per change of the list, not in ResizeToContents mode: that asks every row
        # of every column again on each layout, ~16,000 model calls (160 ms) per start.
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(24)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self.view.setItemDelegateForColumn(ARRIVED, FramedDelegate(self.view))
        self.view.setItemDelegateForColumn(LEFT, FramedDelegate(self.view))
        self.view.setItemDelegateForColumn(
            NOTE, FramedDelegate(self.view, save_while_typing=True)
        )
        self.view.statusKey.connect(self.set_selected_status)
        self.view.toggleKey.connect(self.toggle_selected_present)
        self.view.escapeKey.connect(self.clear_filter)
        clear_search = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear_search.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.activated.connect(self.clear_filter)
        note_from_search = QShortcut(QKeySequence(Qt.Key.Key_F2), self.search)
        note_from_search.setContext(Qt.ShortcutContext.WidgetShortcut)
        note_from_search.activated.connect(self.edit_current_note)
        self.view.statusCellClicked.connect(self._status_cell_clicked)
        self.view.removeKey.connect(self.remove_selected)
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.all_present_button = QPushButton(self.tr("Alle til stede"))
        self.all_present_button.setToolTip(
            self.tr("Markér alle, der endnu ikke er registreret, som til stede")
        )
        self.all_present_button.clicked.connect(model.all_present)
        self.arrived_button = QPushButton(self.tr("Kom nu"))
        self.arrived_button.setToolTip(self.tr("Ankomst nu for de valgte (Ctrl+Shift+K)"))
        self.arrived_button.clicked.connect(lambda: self.stamp_selected(arrived=True))
        self.left_button = QPushButton(self.tr("Gik nu"))
        self.left_button.setToolTip(self.tr("Afgang nu for de valgte (Ctrl+Shift+G)"))
        self.left_button.clicked.connect(lambda: self.stamp_selected(arrived=False))
        self.add_button = QPushButton(self.tr("Tilføj …"))
        self.add_button.setToolTip(self.tr("Tilføj en person fra kartoteket eller en ny"))
        self.add_button.clicked.connect(self.addPersonRequested)
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Flyt den valgte op (Alt+Shift+Op)"))
        self.up_button.setAccessibleName(self.tr("Flyt op"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Flyt den valgte ned (Alt+Shift+Ned)"))
        self.down_button.setAccessibleName(self.tr("Flyt ned"))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.remove_button = QPushButton(self.tr("Fjern"))
        self.remove_button.setToolTip(
            self.tr("Fjern de valgte fra listen (Delete; Ctrl+Z fortryder)")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.all_present_button, self.arrived_button, self.left_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("▲") + 24)
            buttons.addWidget(button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)

        hint = QLabel(
            self.tr(
                "Taster: 1 til stede · 2 afbud · 3 fravær · 0 nulstil · "
                "Shift+End resten af gruppen · F2 note · ←/→ kolonne · Delete fjern"
            )
        )
        hint.setStyleSheet("color: #6b7280;")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        model.countsChanged.connect(self.update_counts)
        model.modelReset.connect(self.view.expandAll)
        changes = (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged)
        for change in changes:
            change.connect(self._fit_timer.start)  # a burst of changes: one fit
        self.view.expandAll()
        self.fit_columns()
        self.update_counts()

    def fit_columns(self) -> None:
        """Name, status and time columns as wide as their content; the note takes the rest."""
        fit_to_contents(self.view, FITTED_COLUMNS)

    # Selection ---------------------------------------------------------------------------

    def selected_entries(self) -> list[Attendance]:
        entries = []
        for proxy_index in self.view.selectionModel().selectedRows(NAME):
            entry = self.model.entry_at(self.proxy.mapToSource(proxy_index))
            if entry is not None and entry not in entries:
                entries.append(entry)
        if not entries:
            current = self.model.entry_at(self.proxy.mapToSource(self.view.currentIndex()))
            if current is not None:
                entries.append(current)
        return entries

    def select_entry(self, entry: Attendance) -> None:
        """Make ``entry`` the current person; a filter that hides them is cleared first."""
        index = self.proxy.mapFromSource(self.model.index_of(entry))
        if not index.isValid() and self.search.text():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index_of(entry))
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag
            self.view.selectionModel().setCurrentIndex(
                index, flags.ClearAndSelect | flags.Rows
            )
            self.view.scrollTo(index)

    def select_entries(self, entries: list[Attendance]) -> None:
        """``entries`` selected, the cursor on the first (a filter that hides one is cleared)."""
        if not entries:
            return
        self.select_entry(entries[0])
        flags = QItemSelectionModel.SelectionFlag
        for entry in entries[1:]:
            index = self.proxy.mapFromSource(self.model.index_of(entry))
            if index.isValid():
                self.view.selectionModel().select(index, flags.Select | flags.Rows)

    def _marked(self, entries: list[Attendance]) -> None:
        """People found with the filter were marked (a status, Kom nu, Gik nu): the whole
        list again with them selected, and the focus, if it was in this panel, in the empty
        filter for the next name. Marked from elsewhere (the Beslutning), the focus stays."""
        if not entries or not self.search.text():
            return
        focus = QApplication.focusWidget()
        here = focus is None or focus is self or self.isAncestorOf(focus)
        self.search.clear()
        self.select_entries(entries)
        if here:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current_note(self) -> None:
        """F2 in the search field: the note of the person under the cursor (just marked)."""
        current = self.model.entry_at(self.proxy.mapToSource(self.view.currentIndex()))
        if current is not None:
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.view.edit_current()

    def clear_filter(self) -> None:
        """Escape: the whole list again, the cursor on the same person, focus in the list."""
        if not self.search.text():
            if self.search.hasFocus():
                self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        current = self.model.entry_at(self.proxy.mapToSource(self.view.currentIndex()))
        self.search.clear()
        if current is not None:
            self.select_entry(current)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Actions -----------------------------------------------------------------------------

    def set_selected_status(self, status: AttendanceStatus) -> None:
        entries = self.selected_entries()
        self._marked([entry for entry in entries if self.model.set_status(entry, status)])

    def _status_cell_clicked(self, proxy_index: QModelIndex) -> None:
        """One click sets that status; a click on the status already set clears it."""
        index = self.proxy.mapToSource(proxy_index)
        entry = self.model.entry_at(index)
        if entry is None:
            return
        status = STATUS_COLUMNS[index.column()]
        if entry.status is status:
            status = AttendanceStatus.UNREGISTERED
        if self.model.set_status(entry, status):
            self._marked([entry])

    def toggle_selected_present(self) -> None:
        marked = []
        for entry in self.selected_entries():
            present = entry.status is AttendanceStatus.PRESENT
            if self.model.set_status(
                entry, AttendanceStatus.UNREGISTERED if present else AttendanceStatus.PRESENT
            ):
                marked.append(entry)
        self._marked(marked)

    def remove_selected(self) -> None:
        entries = self.selected_entries()
        gone = [entry.person.name for entry in entries if self.model.remove(entry)]
        if gone:
            self.removed.emit(", ".join(gone))

    def move_selected(self, step: int) -> None:
        entries = self.selected_entries()
        if len(entries) == 1 and self.model.move(entries[0], step):
            self.select_entry(entries[0])

    def stamp_selected(self, *, arrived: bool) -> None:
        entries = self.selected_entries()
        self._marked([entry for entry in entries if self.model.stamp_now(entry, arrived=arrived)])

    def update_counts(self) -> None:
        self.counts_label.setText(self.model.counts_text())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_first_match(self, take_focus: bool = True) -> None:
        """Enter in the search field: go to the first person that matches."""
        for group_row in range(self.proxy.rowCount()):
            group = self.proxy.index(group_row, 0)
            if self.proxy.rowCount(group):
                first = self.proxy.index(0, 0, group)
                self.view.setCurrentIndex(first)
                if take_focus:
                    self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def _filter(self, text: str) -> None:
        current = self.model.entry_at(self.proxy.mapToSource(self.view.currentIndex()))
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()
        shown = self.model.entry_at(self.proxy.mapToSource(self.view.currentIndex()))
        if current is not None and shown is not current and text.strip():
            # The chosen person is hidden: the cursor goes to the first match, never to a
            # neighbour Qt happened to pick, so a key acts on the person the secretary sees.
            self.view.selectionModel().clear()
            self.focus_first_match(take_focus=False)

    def proxy_index(self, source: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(source)
