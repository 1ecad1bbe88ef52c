"""What the secretary does with the agenda of the open meeting: move between items, mark
them decided, add, move and delete items and groups.

One per opened meeting, built with that meeting's session, panes and models; it connects
the agenda's buttons and signals itself.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ..domain import ItemStatus
from ..domain.meeting_life import MeetingState
from .agenda_model import AgendaModel
from .agenda_panel import AgendaPanel
from .autosave import Autosaver
from .item_editor import ItemEditor
from .session import MeetingSession


class AgendaCommands(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: MeetingSession,
        agenda: AgendaPanel,
        editor: ItemEditor,
        autosaver: Autosaver,
        open_dialog: Callable[[object], None],
        deleted: Callable[[], object],
    ):
        """``deleted()`` runs after a delete went through (the undo of deletes)."""
        super().__init__(session)
        self.window = window  # parent of the dialogs; its status bar shows messages
        self.session = session
        self.agenda = agenda
        self.model: AgendaModel = agenda.model
        self.editor = editor
        self.autosaver = autosaver
        self.open_dialog = open_dialog
        self.deleted = deleted
        agenda.view.selectionModel().currentChanged.connect(self.current_changed)
        agenda.add_item_button.clicked.connect(self.add_item)
        agenda.add_group_button.clicked.connect(self.add_group)
        agenda.up_button.clicked.connect(lambda: self.move_current(-1))
        agenda.down_button.clicked.connect(lambda: self.move_current(+1))
        agenda.delete_button.clicked.connect(self.ask_delete)
        agenda.view.deleteRequested.connect(self.ask_delete)
        agenda.view.activated.connect(self.item_activated)
        self.model.structureChanged.connect(self.renumber_editor)
        editor.itemChanged.connect(self.model.item_changed)
        editor.decideRequested.connect(self.decide_current)

    # The current item --------------------------------------------------------------------

    def current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        if item is self.editor.item:
            return
        number = self.model.number_of(item) if item is not None else ""
        self.editor.set_item(item, number)

    def item_activated(self, index: QModelIndex) -> None:
        """Enter on an item in the tree: start writing its decision."""
        if self.model.item_at(index) is not None:
            self.editor.focus_decision()

    def renumber_editor(self) -> None:
        if self.editor.item is not None:
            self.editor.set_number(self.model.number_of(self.editor.item))

    def select_item(self, item) -> None:
        self.agenda.select(self.model.index_of_item(item))

    def go_to_item(self, step: int) -> None:
        """Next / previous item (across groups) with the cursor in its Beslutning."""
        self.autosaver.flush()
        items = self.model.items_in_order()
        if not items:
            return
        current = self.editor.item
        if current in items:
            position = max(0, min(len(items) - 1, items.index(current) + step))
        else:
            position = 0 if step > 0 else len(items) - 1
        self.select_item(items[position])
        self.editor.focus_decision()

    def decide_current(self) -> None:
        item = self.editor.item
        if item is None:
            return
        self.autosaver.flush()
        # An item decided before keeps its time: Ctrl+Enter only walks past it.
        if item.status is ItemStatus.DECIDED or self.session.set_item_status(
            item, ItemStatus.DECIDED
        ):
            self.model.item_changed(item)
            self.editor.show_status()
            items = self.model.items_in_order()
            if item in items and items.index(item) < len(items) - 1:
                self.take_up(items[items.index(item) + 1])
                self.go_to_item(+1)
            else:
                self.window.statusBar().showMessage(self.tr("Sidste punkt er afgjort"), 5000)

    def take_up(self, item) -> None:
        """Ctrl+Enter in a running meeting: the next item is under behandling from now, so
        Kom nu / Gik nu land on it. An item already taken up or decided is left as it is."""
        if self.session.state is MeetingState.STARTED and item.status is ItemStatus.NOT_STARTED:
            if self.session.set_item_status(item, ItemStatus.IN_PROGRESS):
                self.model.item_changed(item)

    def mark_in_progress(self) -> None:
        item = self.editor.item
        if item is not None and self.session.set_item_status(item, ItemStatus.IN_PROGRESS):
            self.model.item_changed(item)
            self.editor.show_status()

    # Agenda structure --------------------------------------------------------------------

    def add_item(self) -> None:
        """A new item after the selected one (or at the end of the selected group)."""
        self.autosaver.flush()
        index = self.agenda.current_index()
        group = self.model.group_at(index)
        position = None
        if group is None and index.isValid():
            group = self.model.group_at(index.parent())
            position = index.row() + 1
        if group is None:
            if not self.model.groups:
                self.add_group()
                return
            group = self.model.groups[-1]
        new = self.model.add_item(group, self.tr("Nyt punkt"), position)
        if new.isValid():
            self.agenda.select(new)
            self.editor.title_edit.setFocus()
            self.editor.title_edit.selectAll()

    def add_group(self) -> None:
        self.autosaver.flush()
        index = self.agenda.current_index()
        group = self.model.group_at(index) or self.model.group_at(index.parent())
        position = None
        if group is not None:
            position = self.model.index_of_group(group).row() + 1
        new = self.model.add_group(self.tr("Ny gruppe"), position)
        if new.isValid():
            self.agenda.select(new)
            self.agenda.view.edit(new)

    def move_current(self, step: int) -> None:
        self.autosaver.flush()
        index = self.agenda.current_index()
        if not index.isValid():
            return
        moved = self.model.move_up(index) if step < 0 else self.model.move_down(index)
        if moved:
            self.agenda.view.scrollTo(self.agenda.current_index())

    def ask_delete(self) -> None:
        index = self.agenda.current_index()
        if not index.isValid():
            return
        group = self.model.group_at(index)
        if group is not None:
            text = self.tr("Slet gruppen »%s« med alle dens %d punkter og deres tekst?") % (
                group.title,
                len(group.items),
            )
        else:
            text = (
                self.tr("Slet punktet »%s« med al dets tekst?")
                % self.model.item_at(index).title
            )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Slet"), text, parent=self.window)
        delete = box.addButton(self.tr("Slet"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
        persistent = QPersistentModelIndex(index)  # follows the row if others move meanwhile
        box.buttonClicked.connect(
            lambda button: self.delete(persistent) if button is delete else None
        )
        self.open_dialog(box)

    def delete(self, index: QModelIndex) -> None:
        self.autosaver.flush()
        if self.model.item_at(index) is self.editor.item:
            self.editor.set_item(None)
        if self.model.delete(index):
            self.deleted()
