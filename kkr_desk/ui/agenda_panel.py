"""The agenda tree with its buttons; drag and drop and Alt+Shift+arrows move rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..domain import ItemStatus
from .agenda_model import NUMBER_ROLE, STATUS_COLUMN, TITLE_COLUMN, AgendaModel
from .panel_heading import panel_heading


TITLE_LINES = 2
"""A long title wraps to this many lines in the agenda; the tooltip has it all."""


class NumberedDelegate(QStyledItemDelegate):
    """Paints the printed number before the title ("3.2. Fordeling af …"), wrapped to two
    lines when the column is too narrow for it.

    A row's height depends only on its text, font and the column's width, so it is kept
    per (text, font, width): laying out the tree asks for every row's height, at start-up
    and after each change, and the style's answer costs a pass over all the item's data.
    """

    CACHE_LIMIT = 4000

    def __init__(self, parent=None):
        super().__init__(parent)
        self._heights: dict[tuple[str, str, int], int] = {}
        self._line: dict[str, QSize] = {}

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.text = self._text(index)

    @staticmethod
    def _text(index) -> str:
        number = index.data(NUMBER_ROLE)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        return f"{number} {title}" if number else title

    def sizeHint(self, option, index) -> QSize:
        view = self.parent()
        depth = 1 if index.parent().isValid() else 0
        width = view.columnWidth(TITLE_COLUMN) - view.indentation() * (depth + 1) - 8
        text = self._text(index)
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else option.font
        line = self._line.get(font.key())
        if line is None:  # the style's own one-line size for this font
            line = self._line[font.key()] = super().sizeHint(option, index)
        key = (text, font.key(), width)
        height = self._heights.get(key)
        if height is None:
            metrics = QFontMetrics(font)
            needed = metrics.boundingRect(
                QRect(0, 0, max(width, 40), 10_000), Qt.TextFlag.TextWordWrap, text
            ).height()
            lines = min(TITLE_LINES, max(1, -(-needed // metrics.lineSpacing())))
            # One line keeps the style's own height; each further line adds a line's height.
            height = line.height() + (lines - 1) * metrics.lineSpacing()
            if len(self._heights) >= self.CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(line.width(), height)


class AgendaView(QTreeView):
    deleteRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Row heights follow the title column's width (two lines for a long title).
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)


class AgendaPanel(QWidget):
    def __init__(self, model: AgendaModel, parent=None):
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.progress_label = QLabel()
        self.progress_label.setStyleSheet("color: #4b5563;")
        heading, self.title_label = panel_heading(self.tr("Dagsorden"), self.progress_label)
        layout.addLayout(heading)

        self.view = AgendaView()
        self.view.setModel(model)
        self.view.setItemDelegateForColumn(TITLE_COLUMN, NumberedDelegate(self.view))
        self.view.setHeaderHidden(False)
        self.view.setUniformRowHeights(False)
        # DragDrop rather than InternalMove: only our own MIME type is accepted anyway, and a
        # drop then reaches the model even when Qt does not know the drag source.
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setAllColumnsShowFocus(True)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # As wide as the widest status from the start: a row turning "under behandling" must
        # not widen the column and cut every title (the whole title is in the tooltip).
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Fixed)
        metrics = self.view.fontMetrics()
        header.resizeSection(
            STATUS_COLUMN,
            max(metrics.horizontalAdvance(model.status_text(s)) for s in ItemStatus) + 16,
        )
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.add_item_button = QToolButton()
        self.add_item_button.setText(self.tr("+ Punkt"))
        self.add_group_button = QToolButton()
        self.add_group_button.setText(self.tr("+ Gruppe"))
        self.up_button = QToolButton()
        self.up_button.setText("▲")
        self.up_button.setToolTip(self.tr("Flyt op (Alt+Shift+Op)"))
        self.down_button = QToolButton()
        self.down_button.setText("▼")
        self.down_button.setToolTip(self.tr("Flyt ned (Alt+Shift+Ned)"))
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Slet …"))
        for button in (self.add_item_button, self.add_group_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        model.rowsInserted.connect(lambda *_: self.view.expandAll())
        model.rowsMoved.connect(lambda *_: self.view.expandAll())
        model.dataChanged.connect(lambda *_: self.update_progress())
        model.structureChanged.connect(self.update_progress)
        self.view.expandAll()
        self.update_progress()

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex().siblingAtColumn(TITLE_COLUMN)

    def select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def update_progress(self) -> None:
        items = self.model.items_in_order()
        decided = sum(1 for item in items if item.status.value == "afgjort")
        self.progress_label.setText(self.tr("%d af %d afgjort") % (decided, len(items)))
