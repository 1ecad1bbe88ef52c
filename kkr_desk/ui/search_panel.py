"""Søg i alle møder (Ctrl+Shift+F): a field and the hits, newest meeting first.

The dialog stays open beside the window: Enter shows the chosen hit in the window (that
meeting, that item, the words selected in their section) and keeps the list for the next;
Escape closes it and asks the window to go back to where the secretary was; "Bliv her"
closes it and stays at the hit. It searches while the user types (the last word as a
prefix) through a search function the window hands over, so it knows nothing of the store.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from ..domain.search_query import SearchQueryError

TYPING_PAUSE_MS = 150
LIMIT = 100
HIT_ROLE = Qt.ItemDataRole.UserRole
MARK_STYLE = "background-color: #ffe680; color: #000; font-weight: 600;"


def hit_html(hit, tr: Callable[[str], str]) -> str:
    """Two lines: where the hit is (committee, date, item), then section and snippet."""
    where = [html.escape(hit.committee), hit.date.strftime("%d-%m-%Y")]
    if hit.item_number:
        where.append(html.escape(tr("punkt %s %s") % (hit.item_number, hit.title)))
    snippet = "".join(
        f'<span style="{MARK_STYLE}">{html.escape(text)}</span>' if is_hit else html.escape(text)
        for text, is_hit in hit.snippet
    )
    return (
        f"<b>{' · '.join(where)}</b><br>"
        f"<i>{html.escape(hit.section)}:</i> {snippet}"
    )


def first_hit_words(hit) -> str:
    """The first marked words of the snippet: what the window selects in the section."""
    return next((text for text, is_hit in hit.snippet if is_hit), "")


class HitDelegate(QStyledItemDelegate):
    """Paints an entry's HTML (the marked words), wrapped to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(Qt.ItemDataRole.DisplayRole) or "")
        document.setTextWidth(max(100, option.rect.width() - 8))
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 500
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 6)


class SearchDialog(QDialog):
    """The search box of every meeting; reports the chosen place, knows no store."""

    placeChosen = Signal(int, object, str, str)
    """meeting id, item id (None: the people present), section, the words to select."""
    returnRequested = Signal()
    """Escape: go back to where the secretary was when the search was opened."""

    def __init__(self, search: Callable[[str, int], list], parent=None):
        super().__init__(parent)
        self.search = search
        self.setWindowTitle(self.tr("Søg i alle møder"))
        self.resize(720, 520)
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr('Søg i titler, sagsnumre, afsnit og deltagere – fx lærepladser, "kollektiv trafik", lærep*')
        )
        self.field.setAccessibleName(self.tr("Søgetekst"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.hits = QListWidget()
        self.hits.setItemDelegate(HitDelegate(self.hits))
        self.hits.setWordWrap(True)
        self.hits.setUniformItemSizes(False)
        self.hits.setAccessibleName(self.tr("Træf"))
        self.hits.activated.connect(lambda *_: self.open_current())
        self.hits.itemDoubleClicked.connect(lambda *_: self.open_current())
        stay = QPushButton(self.tr("Bliv her"))
        stay.setToolTip(self.tr("Luk søgningen og bliv ved det viste punkt"))
        stay.setAutoDefault(False)
        stay.clicked.connect(self.accept)
        back = QPushButton(self.tr("Tilbage (Esc)"))
        back.setToolTip(self.tr("Luk søgningen og gå tilbage, hvor du var"))
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.hits, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Enter viser træffet i vinduet")))
        buttons.addStretch(1)
        buttons.addWidget(stay)
        buttons.addWidget(back)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda *_: self.timer.start())

    def run_search(self) -> None:
        """Search for what the field holds; a text that cannot be searched says why."""
        self.timer.stop()
        text = self.field.text()
        self.hits.clear()
        if not text.strip():
            self.status.setText("")
            return
        try:
            found = self.search(text, LIMIT)
        except SearchQueryError as error:
            message = str(error)
            self.status.setText(message[:1].upper() + message[1:])
            return
        for hit in found:
            entry = QListWidgetItem(hit_html(hit, self.tr))
            entry.setData(HIT_ROLE, hit)
            self.hits.addItem(entry)
        if not found:
            self.status.setText(self.tr("Ingen træf"))
        elif len(found) >= LIMIT:
            self.status.setText(
                self.tr("De %d nyeste træf vises; skriv flere ord for at finde ældre") % LIMIT
            )
        else:
            self.status.setText(self.tr("%d træf") % len(found))
        self.hits.setCurrentRow(0)

    def open_current(self) -> None:
        """Show the selected hit (or the first) in the window; the search stays open."""
        if self.timer.isActive():
            self.run_search()  # Enter before the pause ended: search what was typed
        entry = self.hits.currentItem() or self.hits.item(0)
        if entry is None:
            return
        hit = entry.data(HIT_ROLE)
        self.placeChosen.emit(hit.meeting_id, hit.item_id, hit.section, first_hit_words(hit))
        self.activateWindow()
        self.hits.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the field: Up/Down move through the hits, Enter opens the selected one."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self.timer.isActive():
                    self.run_search()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(key, 0)
                page = {Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}.get(key, 0)
                row = self.hits.currentRow() + step + page
                if self.hits.count():
                    self.hits.setCurrentRow(max(0, min(self.hits.count() - 1, row)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        self.returnRequested.emit()
        super().reject()
