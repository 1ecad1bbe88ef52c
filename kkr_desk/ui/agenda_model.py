"""The agenda as a two-level Qt model: groups with their items, numbered as printed.

Numbers are never stored: they come from positions, so they are right after every add,
delete and move. Moves go through the session (one transaction) and then through
beginMoveRows/endMoveRows, so selections and open editors follow the row.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..app import changes
from ..domain import AgendaGroup, AgendaItem, ItemStatus
from ..domain.agenda import group_number, item_number
from .session import MeetingSession

MIME_TYPE = "application/x-kkr-desk-agenda-row"
TITLE_COLUMN, STATUS_COLUMN = 0, 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
"""The printed number ("3.2."); the view's delegate shows it before the title.

Kept out of DisplayRole on purpose: a number changes whenever a row above is added or
moved, while a row's own data must stay what it was (QAbstractItemModelTester checks it).
"""
GROUP_ID = 0
"""internalId of a group row; an item row carries its group's database id instead."""

STATUS_COLOURS = {
    ItemStatus.NOT_STARTED: QColor("#8a8f98"),
    ItemStatus.IN_PROGRESS: QColor("#c77700"),
    ItemStatus.DECIDED: QColor("#2e7d32"),
}

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NUMBER = int(NUMBER_ROLE)
_TEXT_ROLES = frozenset((_DISPLAY, _EDIT))
_ANSWERED_ROLES = frozenset((_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _FONT, _NUMBER))
"""The roles data() answers, as plain ints: the view asks about ten per cell as it paints a
row, the others are None without looking the row up, and comparing with a PySide enum
member (``Qt.ItemDataRole.DisplayRole``) costs an attribute lookup each time."""


def _row_flags(group: bool, title: bool) -> Qt.ItemFlag:
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    flags |= Qt.ItemFlag.ItemIsDragEnabled
    if title:
        flags |= Qt.ItemFlag.ItemIsEditable
    if group:
        flags |= Qt.ItemFlag.ItemIsDropEnabled
    else:
        flags |= Qt.ItemFlag.ItemNeverHasChildren
    return flags


_FLAGS = {
    (group, title): _row_flags(group, title) for group in (False, True) for title in (False, True)
}
"""flags() by (group row?, title column?): asked for every cell the view paints, and
combining the flags anew each time costs more than the rest of the answer."""


class AgendaModel(QAbstractItemModel):
    """Groups at the top level, items below; column 1 is the item's status."""

    structureChanged = Signal()
    """Rows were added, removed or moved (numbers may have changed)."""

    def __init__(self, session: MeetingSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._group_rows: dict[int, int] = {}
        """Group id → the row it was last found at (checked before use)."""
        session.editor.listen(self)

    @property
    def groups(self) -> list[AgendaGroup]:
        return self.session.meeting.groups

    # Structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # hasIndex() spelled out: it would call rowCount() and columnCount() back in Python,
        # and the view asks for indexes at every row it paints.
        if row < 0 or not 0 <= column < 2:
            return QModelIndex()
        groups = self.session.meeting.groups
        if not parent.isValid():
            return self.createIndex(row, column, GROUP_ID) if row < len(groups) else QModelIndex()
        if parent.internalId() != GROUP_ID or parent.column() != 0:
            return QModelIndex()  # items have no children
        group = groups[parent.row()]
        return self.createIndex(row, column, group.id) if row < len(group.items) else QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        group_id = child.internalId()
        if group_id == GROUP_ID:
            return QModelIndex()
        row = self._group_row_by_id(group_id)
        return QModelIndex() if row is None else self.createIndex(row, 0, GROUP_ID)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == GROUP_ID and parent.column() == 0:
            return len(self.groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Dagsorden"), self.tr("Status"))[section]
        return None

    # Lookup ------------------------------------------------------------------------------

    def group_at(self, index: Index) -> AgendaGroup | None:
        if index.isValid() and index.internalId() == GROUP_ID:
            return self.groups[index.row()]
        return None

    def item_at(self, index: Index) -> AgendaItem | None:
        if not index.isValid() or index.internalId() == GROUP_ID:
            return None
        group_row = self._group_row_by_id(index.internalId())
        if group_row is None:
            return None
        return self.groups[group_row].items[index.row()]

    def index_of_item(self, item: AgendaItem, column: int = 0) -> QModelIndex:
        for group_row, group in enumerate(self.groups):
            for row, candidate in enumerate(group.items):
                if candidate is item:
                    return self.index(row, column, self.index(group_row, 0))
        return QModelIndex()

    def index_of_group(self, group: AgendaGroup) -> QModelIndex:
        for row, candidate in enumerate(self.groups):
            if candidate is group:
                return self.index(row, 0)
        return QModelIndex()

    def number_of(self, item: AgendaItem) -> str:
        index = self.index_of_item(item)
        if not index.isValid():
            return ""
        return item_number(index.parent().row(), index.row())

    def label(self, index: Index) -> str:
        """ "3.2. Fordeling af lærepladser …": the number and title as the tree shows them."""
        title_index = index.siblingAtColumn(TITLE_COLUMN)
        return f"{title_index.data(NUMBER_ROLE)} {title_index.data()}"

    def items_in_order(self) -> list[AgendaItem]:
        return [item for group in self.groups for item in group.items]

    def _group_row_by_id(self, group_id: int) -> int | None:
        groups = self.groups
        # The view asks for the same few groups over and over while it paints: the row
        # found last for this id is checked first (it is still right unless groups moved).
        row = self._group_rows.get(group_id)
        if row is not None and row < len(groups) and groups[row].id == group_id:
            return row
        for row, group in enumerate(groups):
            if group.id == group_id:
                self._group_rows[group_id] = row
                return row
        return None

    # Data --------------------------------------------------------------------------------

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        group_id = index.internalId()
        groups = self.session.meeting.groups
        if group_id == GROUP_ID:
            return self._group_data(index, groups[index.row()], role)
        group_row = self._group_row_by_id(group_id)
        if group_row is None:
            return None
        item = groups[group_row].items[index.row()]
        return self._item_data(index, item, group_row, role)

    def _group_data(self, index: Index, group: AgendaGroup, role):
        if index.column() != TITLE_COLUMN:
            return None
        if role in _TEXT_ROLES:
            return group.title
        if role == _NUMBER:
            return group_number(index.row())
        if role == _FONT:
            font = QFont()
            font.setBold(True)
            return font
        if role == _TOOLTIP:
            return group.title
        return None

    def _item_data(self, index: Index, item: AgendaItem, group_row: int, role):
        """``group_row`` is the row of the item's group: the number is made from it without
        asking ``index.parent()``, which would come back into Python through Qt."""
        if index.column() == TITLE_COLUMN:
            if role in _TEXT_ROLES:
                return item.title
            if role == _NUMBER:
                return item_number(group_row, index.row())
            if role == _TOOLTIP:
                number = item_number(group_row, index.row())
                return f"{number} {item.title}\n{item.case_line}".strip()
            if role == _FOREGROUND and item.status is ItemStatus.DECIDED:
                return QBrush(QColor("#5f6368"))
            return None
        if role == _DISPLAY:
            return self.status_text(item.status)
        if role == _FOREGROUND:
            return QBrush(STATUS_COLOURS[item.status])
        if role == _TOOLTIP:
            stamps = []
            if item.taken_up_at:
                stamps.append(self.tr("Taget op %s") % item.taken_up_at.strftime("%H.%M"))
            if item.decided_at:
                stamps.append(self.tr("Afgjort %s") % item.decided_at.strftime("%H.%M"))
            return "\n".join(stamps) or self.status_text(item.status)
        return None

    def status_text(self, status: ItemStatus) -> str:
        return {
            ItemStatus.NOT_STARTED: self.tr("ikke behandlet"),
            ItemStatus.IN_PROGRESS: self.tr("under behandling"),
            ItemStatus.DECIDED: self.tr("afgjort"),
        }[status]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return _FLAGS[index.internalId() == GROUP_ID, index.column() == TITLE_COLUMN]

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE_COLUMN:
            return False
        text = str(value or "").strip()
        if not text:
            return False
        group = self.group_at(index)
        if group is not None:
            ok = self.session.rename_group(group, text)
        else:
            item = self.item_at(index)
            ok = item is not None and self.session.save_item_fields(item, title=text)
        if ok:
            self.dataChanged.emit(index, index)
        return ok

    def item_changed(self, item: AgendaItem) -> None:
        """Repaint an item's row after the editor changed its title or status."""
        first = self.index_of_item(item, TITLE_COLUMN)
        if first.isValid():
            self.dataChanged.emit(first, first.siblingAtColumn(STATUS_COLUMN))

    # Adding and deleting ---------------------------------------------------------------
    # Each change goes through the session (the app layer writes it first); the rows follow
    # in changing()/changed(), which the app layer calls around the in-memory change.

    def add_group(self, title: str, position: int | None = None) -> QModelIndex:
        group = self.session.add_group(title, position)
        return QModelIndex() if group is None else self.index_of_group(group)

    def add_item(self, group: AgendaGroup, title: str, position: int | None = None) -> QModelIndex:
        item = self.session.add_item(group, title, position)
        return QModelIndex() if item is None else self.index_of_item(item)

    def delete(self, index: Index) -> bool:
        group = self.group_at(index)
        if group is not None:
            return self.session.delete_group(group)
        item = self.item_at(index)
        return item is not None and self.session.delete_item(item)

    # Moving ------------------------------------------------------------------------------

    def move_item(self, item: AgendaItem, target: AgendaGroup, position: int) -> bool:
        """Move ``item`` to ``position`` in ``target`` (counted without the item)."""
        return self.session.move_item(item, target, position)

    def move_group(self, group: AgendaGroup, position: int) -> bool:
        return self.session.move_group(group, position)

    # Following the app layer ---------------------------------------------------------------

    def changing(self, change: changes.Change) -> None:
        if isinstance(change, changes.GroupAdded):
            self.beginInsertRows(QModelIndex(), change.row, change.row)
        elif isinstance(change, changes.ItemAdded):
            self.beginInsertRows(self.index_of_group(change.group), change.row, change.row)
        elif isinstance(change, changes.GroupRemoved):
            self.beginRemoveRows(QModelIndex(), change.row, change.row)
        elif isinstance(change, changes.ItemRemoved):
            self.beginRemoveRows(self.index_of_group(change.group), change.row, change.row)
        elif isinstance(change, changes.GroupMoved):
            row, position = change.row, change.position
            destination = position + 1 if position > row else position
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        elif isinstance(change, changes.ItemMoved):
            row, position = change.row, change.position
            same = change.target is change.source
            destination = position + 1 if same and position > row else position
            self.beginMoveRows(
                self.index_of_group(change.source),
                row,
                row,
                self.index_of_group(change.target),
                destination,
            )

    def changed(self, change: changes.Change) -> None:
        if isinstance(change, changes.GroupAdded | changes.ItemAdded):
            self.endInsertRows()
        elif isinstance(change, changes.GroupRemoved | changes.ItemRemoved):
            self.endRemoveRows()
        elif isinstance(change, changes.GroupMoved | changes.ItemMoved):
            self.endMoveRows()
        else:
            if isinstance(change, changes.ItemChanged):  # e.g. closed by Afslut mødet
                self.item_changed(change.item)
            return
        self._numbers_changed()

    def move_up(self, index: Index) -> bool:
        return self._move_by(index, -1)

    def move_down(self, index: Index) -> bool:
        return self._move_by(index, +1)

    def _move_by(self, index: Index, step: int) -> bool:
        group = self.group_at(index)
        if group is not None:
            return self.move_group(group, index.row() + step)
        item = self.item_at(index)
        if item is None:
            return False
        group_row = index.parent().row()
        source = self.groups[group_row]
        row = index.row() + step
        if 0 <= row < len(source.items):
            return self.move_item(item, source, row)
        # Past the edge of its group: into the neighbouring group, at the near end.
        neighbour_row = group_row + step
        if not 0 <= neighbour_row < len(self.groups):
            return False
        neighbour = self.groups[neighbour_row]
        return self.move_item(item, neighbour, len(neighbour.items) if step < 0 else 0)

    def _numbers_changed(self) -> None:
        """Every visible number may have shifted: repaint the title column everywhere."""
        if self.groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.groups) - 1, 0))
        for row, group in enumerate(self.groups):
            if group.items:
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent),
                    self.index(len(group.items) - 1, 0, parent),
                )
        self.structureChanged.emit()

    # Drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        rows = []
        for index in indexes:
            if index.column() != TITLE_COLUMN:
                continue
            group = self.group_at(index)
            item = self.item_at(index)
            if group is not None:
                rows.append({"kind": "group", "id": group.id})
            elif item is not None:
                rows.append({"kind": "item", "id": item.id})
        mime.setData(MIME_TYPE, QByteArray(json.dumps(rows[:1]).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Perform the move here; the view must not remove the source rows afterwards.

        The model does not implement removeRows, so QAbstractItemView's clean-up after a
        move-drag is a no-op and the moved row survives.
        """
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        kind, moving, destination, position = target
        if kind == "group":
            return self.move_group(moving, position)
        return self.move_item(moving, destination, position)

    def _drop_target(self, data, row: int, parent: Index):
        """(kind, what, target group, position counted without the moved row) or None."""
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            rows = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            kind, row_id = rows[0]["kind"], rows[0]["id"]
        except (ValueError, LookupError, TypeError):
            return None
        if kind == "group":
            group = next((g for g in self.groups if g.id == row_id), None)
            if group is None:
                return None
            if parent.isValid():
                # Dropped on or inside another group: take that group's place.
                parent_group = self.group_at(parent) or self.group_at(parent.parent())
                if parent_group is None:
                    return None
                row = self.index_of_group(parent_group).row()
            elif row < 0:
                row = len(self.groups)
            current = self.index_of_group(group).row()
            position = row - 1 if row > current else row
            return kind, group, None, position
        item = next((i for g in self.groups for i in g.items if i.id == row_id), None)
        if item is None:
            return None
        target_group = self.group_at(parent)
        if target_group is None and parent.isValid():
            # Dropped onto an item: take its place in its group.
            target_group = self.groups[parent.parent().row()]
            row = parent.row()
        if target_group is None:
            # Dropped between groups at the top level: the end of the group above.
            if row <= 0:
                return None
            target_group = self.groups[row - 1]
            row = len(target_group.items)
        if row < 0:
            row = len(target_group.items)
        source_index = self.index_of_item(item)
        same = self.groups[source_index.parent().row()] is target_group
        position = row - 1 if same and row > source_index.row() else row
        return kind, item, target_group, position
