"""The editor for one agenda item: heading, case line, sections and the decision.

Beslutning is what the secretary writes during the meeting, so it sits apart, larger, with
the decision phrases beside it (Ctrl+1 … Ctrl+9 the standard phrases, always the same key;
Ctrl+0 the item's own Indstilling in the past tense). The other sections are tabs above it.
Every change is handed to the autosaver; switching item flushes first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import BESLUTNING, INDSTILLING, AgendaItem, ItemStatus, Section
from ..domain.meeting_life import MeetingState
from ..domain.phrases import MAX_PHRASES, OWN_PHRASE_KEY, decision_phrases
from .autosave import Autosaver
from .item_record_panel import ItemRecordPanel
from .rich_text import RichTextEdit
from .session import MeetingSession
from .title_edit import TitleEdit

STATUSES = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS, ItemStatus.DECIDED)
MAX_EARLIER_LINKS = 3
"""Links shown under the case line; the rest are counted ("og 7 flere")."""


class DecisionBox(QFrame):
    """The framed box around Beslutning: a 2 px blue border with rounded corners on a light
    blue ground. Painted here rather than by a style sheet: a style sheet on the box makes
    every widget inside it (the editor, its scroll bar, the phrase list) paint through Qt's
    style-sheet style, about 2 ms more on each item switch."""

    BORDER, RADIUS = 2, 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setContentsMargins(self.BORDER, self.BORDER, self.BORDER, self.BORDER)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        outer = self.rect().toRectF()
        painter.setBrush(QColor("#2f6fb3"))
        painter.drawRoundedRect(outer, self.RADIUS, self.RADIUS)
        painter.setBrush(QColor("#f4f8fd"))
        inner = self.RADIUS - self.BORDER
        b = self.BORDER
        painter.drawRoundedRect(outer.adjusted(b, b, -b, -b), inner, inner)


class ItemEditor(QWidget):
    itemChanged = Signal(object)
    """The item's title, case line or status changed (the tree repaints its row)."""
    decideRequested = Signal()
    """The user pressed "Afgjort" (the window marks the item and moves on)."""
    placeRequested = Signal(int, int)
    """A "Tidligere behandlet" link: open that meeting (id) at that item (id)."""

    def __init__(self, session: MeetingSession, autosaver: Autosaver, parent=None):
        super().__init__(parent)
        self.session = session
        self.autosaver = autosaver
        self.item: AgendaItem | None = None
        self.section_editors: dict[int, RichTextEdit] = {}
        self._unloaded: dict[RichTextEdit, Section] = {}
        """Tabs not shown yet for this item: their text is set when they are."""
        self._used_tabs = 0
        self.decision_section: Section | None = None
        self.phrases: dict[int, str] = {}
        """Key number (Ctrl+n) → phrase; 0 is the item's own."""
        self._build()
        self.set_item(None)

    # Layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)

        heading = QHBoxLayout()
        self.number_label = QLabel()
        big = self.number_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.number_label.setFont(big)
        self.title_edit = TitleEdit()
        self.title_edit.setFont(big)
        self.title_edit.setPlaceholderText(self.tr("Punktets titel"))
        self.title_edit.setAccessibleName(self.tr("Titel"))
        self.status_combo = QComboBox()
        self.status_combo.addItems(
            [self.tr("ikke behandlet"), self.tr("under behandling"), self.tr("afgjort")]
        )
        self.status_combo.setToolTip(self.tr("Punktets status"))
        heading.addWidget(self.number_label)
        heading.addWidget(self.title_edit, 1)
        heading.addWidget(self.status_combo)
        layout.addLayout(heading)

        case_line = QHBoxLayout()
        self.case_number_edit = QLineEdit()
        self.case_number_edit.setPlaceholderText(self.tr("Sagsnr., fx SAG-2024-02547"))
        self.case_number_edit.setAccessibleName(self.tr("Sagsnummer"))
        self.officers_edit = QLineEdit()
        self.officers_edit.setPlaceholderText(self.tr("Sagsbehandlere, fx chbn/jhp"))
        self.officers_edit.setAccessibleName(self.tr("Sagsbehandlere"))
        case_line.addWidget(QLabel(self.tr("Sag:")))
        case_line.addWidget(self.case_number_edit, 2)
        case_line.addWidget(self.officers_edit, 1)
        layout.addLayout(case_line)
        self.earlier_label = QLabel()
        self.earlier_label.setObjectName("earlierTreatments")
        self.earlier_label.setWordWrap(True)
        self.earlier_label.setTextFormat(Qt.TextFormat.RichText)
        self.earlier_label.linkActivated.connect(self._earlier_link)
        layout.addWidget(self.earlier_label)
        self.record = ItemRecordPanel(self.session)
        layout.addWidget(self.record)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        add_section = QToolButton()
        add_section.setText(self.tr("+ Afsnit"))
        add_section.setToolTip(self.tr("Tilføj et afsnit til punktet"))
        add_section.clicked.connect(self.ask_for_section)
        # Without tabs the tab bar has no height, and the corner widget would get none either.
        add_section.setMinimumSize(add_section.sizeHint())
        self.add_section_button = add_section
        self.tabs.setCornerWidget(add_section)
        self.tabs.currentChanged.connect(self._load_tab)
        self.splitter.addWidget(self.tabs)

        decision_box = DecisionBox()
        decision_box.setObjectName("decisionBox")
        box = QVBoxLayout(decision_box)
        box.setContentsMargins(8, 6, 8, 8)
        header = QHBoxLayout()
        decision_label = QLabel(self.tr("Beslutning"))
        label_font = decision_label.font()
        label_font.setBold(True)
        label_font.setPointSizeF(label_font.pointSizeF() * 1.2)
        decision_label.setFont(label_font)
        decision_label.setStyleSheet("color: #1f4f82;")
        self.decide_button = QPushButton(self.tr("Afgjort ✓  (Ctrl+Enter)"))
        self.decide_button.setToolTip(self.tr("Markér punktet afgjort og gå til næste punkt"))
        self.decide_button.clicked.connect(self.decideRequested)
        header.addWidget(decision_label)
        header.addStretch(1)
        header.addWidget(self.decide_button)
        box.addLayout(header)
        body = QHBoxLayout()
        self.decision_edit = RichTextEdit()
        self.decision_edit.setAccessibleName(self.tr("Beslutning"))
        self.decision_edit.setPlaceholderText(
            self.tr(
                "Skriv beslutningen … eller tast Ctrl+1 … Ctrl+0"
            )
        )
        decision_font = self.decision_edit.font()
        decision_font.setPointSizeF(decision_font.pointSizeF() * 1.15)
        self.decision_edit.setFont(decision_font)
        # As the style sheet "background: white" had it: a white ground and the frame's
        # line (drawn from the window colour) as on white; the scroll bars keep theirs.
        white, plain = self.decision_edit.palette(), QPalette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            plain.setColor(role, white.color(role))
            white.setColor(role, QColor("white"))
        self.decision_edit.setPalette(white)
        for bar in (
            self.decision_edit.verticalScrollBar(),
            self.decision_edit.horizontalScrollBar(),
        ):
            bar.setPalette(plain)
        self.phrase_list = QListWidget()
        self.phrase_list.setToolTip(
            self.tr(
                "Standardfraser: klik eller tast Ctrl+1 … Ctrl+9; "
                "Ctrl+0 er punktets egen indstilling"
            )
        )
        self.phrase_list.setWordWrap(True)
        self.phrase_list.setMinimumWidth(170)
        self.phrase_list.setMaximumWidth(290)
        self.phrase_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phrase_list.itemClicked.connect(
            lambda entry: self.insert_phrase(entry.data(Qt.ItemDataRole.UserRole))
        )
        body.addWidget(self.decision_edit, 3)
        body.addWidget(self.phrase_list, 2)
        box.addLayout(body, 1)
        self.splitter.addWidget(decision_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        self.title_edit.textEdited.connect(lambda: self._schedule_fields())
        self.case_number_edit.textEdited.connect(lambda: self._schedule_fields())
        self.officers_edit.textEdited.connect(lambda: self._schedule_fields())
        self.status_combo.activated.connect(self._status_chosen)
        # Enter in the heading or case line goes on to the decision, as a form would.
        for edit in (self.title_edit, self.case_number_edit, self.officers_edit):
            edit.returnPressed.connect(self.focus_decision)
        self.decision_edit.edited.connect(self._decision_edited)
        for number in range(OWN_PHRASE_KEY, MAX_PHRASES + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.insert_phrase(n))

    # Showing an item ---------------------------------------------------------------------

    def set_item(self, item: AgendaItem | None, number: str = "") -> None:
        """Show ``item`` (None: nothing selected); anything typed so far is saved first."""
        self.autosaver.flush()
        self.item = item
        self.record.set_item(item)
        self.setEnabled(item is not None)
        self._used_tabs = 0
        self.section_editors.clear()
        self._unloaded.clear()
        self.decision_section = None
        if item is None:
            self.earlier_label.hide()
            self.number_label.setText("")
            for edit in (self.title_edit, self.case_number_edit, self.officers_edit):
                edit.setText("")
            self.decision_edit.set_markdown("")
            self.phrase_list.clear()
            self._drop_unused_tabs()
            return
        self.number_label.setText(number)
        self.title_edit.setText(item.title)
        self.case_number_edit.setText(item.case_number)
        self.officers_edit.setText(item.case_officers)
        for edit in (self.title_edit, self.case_number_edit, self.officers_edit):
            edit.setCursorPosition(0)  # show the start of a long title, not its end
        self.show_status()
        self.show_earlier_treatments()
        self.decision_section = item.section(BESLUTNING)
        if self.decision_section is None:
            self.decision_section = self.session.add_section(item, BESLUTNING)
        self.decision_edit.set_markdown(self.decision_section.body if self.decision_section else "")
        recommendation_tab = 0
        for section in item.sections:
            if section is self.decision_section:
                continue
            self._add_section_tab(section)
            if section.heading == INDSTILLING:
                recommendation_tab = self._used_tabs - 1
        self._drop_unused_tabs()
        self.tabs.setCurrentIndex(recommendation_tab)
        self._load_tab(recommendation_tab)
        self.refresh_phrases()

    def set_number(self, number: str) -> None:
        self.number_label.setText(number)

    def show_status(self) -> None:
        if self.item is not None:
            self.status_combo.setCurrentIndex(STATUSES.index(self.item.status))

    def show_earlier_treatments(self) -> None:
        """"Tidligere behandlet: KKR Midtjylland 18-06-2024, punkt 3.1" as links, or nothing."""
        earlier = self.session.earlier_treatments(self.item) if self.item is not None else []
        links = [
            f'<a href="{place.meeting_id}:{place.item_id}">'
            + html.escape(
                self.tr("%s %s, punkt %s")
                % (place.committee, place.date.strftime("%d-%m-%Y"), place.item_number)
            )
            + "</a>"
            for place in earlier
        ]
        # A case number shared by a whole meeting (the seed's) links every item of it: the
        # first few, so the line stays short on a laptop; all of them in the tooltip.
        shown = ", ".join(links[:MAX_EARLIER_LINKS])
        if len(links) > MAX_EARLIER_LINKS:
            shown += self.tr(" og %d flere") % (len(links) - MAX_EARLIER_LINKS)
        self.earlier_label.setText(self.tr("Tidligere behandlet: %s") % shown)
        self.earlier_label.setToolTip(
            "<br>".join(links) if len(links) > MAX_EARLIER_LINKS else ""
        )
        self.earlier_label.setVisible(bool(links))

    def _earlier_link(self, target: str) -> None:
        meeting_id, item_id = (int(part) for part in target.split(":"))
        self.placeRequested.emit(meeting_id, item_id)

    def reveal(self, section: str, words: str) -> None:
        """Show ``section`` (a heading, "Titel" or "Beslutning") with ``words`` selected."""
        if self.item is None:
            return
        if section == BESLUTNING:
            editor = self.decision_edit
        else:
            editor = next(
                (
                    self.section_editors[s.id]
                    for s in self.item.sections
                    if s.heading == section and s.id in self.section_editors
                ),
                None,
            )
        if editor is None:  # the title or case number
            edit = self.case_number_edit if words.lower() in self.item.case_number.lower() else self.title_edit
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            start = edit.text().lower().find(words.lower())
            if start >= 0:
                edit.setSelection(start, len(words))
            return
        if editor is not self.decision_edit:
            self.tabs.setCurrentWidget(editor)
        editor.moveCursor(QTextCursor.MoveOperation.Start)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if words:
            editor.find(words)  # selects the first occurrence and scrolls to it
        editor.ensureCursorVisible()

    def _add_section_tab(self, section: Section) -> RichTextEdit:
        """The next tab for ``section``: the editor already in that tab is reused (an item
        switch builds no widgets), and its text is loaded when the tab is first shown."""
        position = self._used_tabs
        self._used_tabs += 1
        if position < self.tabs.count():
            editor = self.tabs.widget(position)
            editor.edited.disconnect()
            if self.tabs.tabText(position) != section.heading:  # most items have the same
                self.tabs.setTabText(position, section.heading)  # (a new text lays out the bar)
        else:
            editor = RichTextEdit()
            self.tabs.addTab(editor, section.heading)
        if editor.accessibleName() != section.heading:
            editor.setAccessibleName(section.heading)
        editor.edited.connect(lambda s=section, e=editor: self._schedule_section(s, e))
        self.section_editors[section.id] = editor
        self._unloaded[editor] = section
        return editor

    def _drop_unused_tabs(self) -> None:
        while self.tabs.count() > self._used_tabs:
            editor = self.tabs.widget(self.tabs.count() - 1)
            self.tabs.removeTab(self.tabs.count() - 1)
            editor.deleteLater()

    def _load_tab(self, position: int) -> None:
        """Give the editor in tab ``position`` its section's text, if not done yet."""
        editor = self.tabs.widget(position)
        section = self._unloaded.pop(editor, None)
        if section is not None:
            editor.set_markdown(section.body)

    def refresh_phrases(self) -> None:
        phrases = decision_phrases(
            self.item, self.session.meeting.committee, self.session.decision_templates()
        )
        if phrases == self.phrases and self.phrase_list.count() == len(phrases):
            return  # the list shows these already (most items: only Ctrl+0 ever differs)
        self.phrases = phrases
        # The standard phrases in key order, the item's own (Ctrl+0) last, as on the keyboard.
        # The rows already there are reused: from item to item mostly only Ctrl+0 differs,
        # and a list cleared and filled again is laid out and painted again as a whole.
        numbers = sorted(self.phrases, key=lambda n: n or MAX_PHRASES + 1)
        while self.phrase_list.count() > len(numbers):
            self.phrase_list.takeItem(self.phrase_list.count() - 1)
        for row, number in enumerate(numbers):
            phrase = self.phrases[number]
            own = number == OWN_PHRASE_KEY
            text = f"Ctrl+{number}   {phrase}"
            tip = self.tr("Punktets egen indstilling i datid: %s") % phrase if own else phrase
            entry = self.phrase_list.item(row)
            if entry is None:
                entry = QListWidgetItem()
                self.phrase_list.addItem(entry)
            if entry.text() != text:
                entry.setText(text)
            if entry.toolTip() != tip:
                entry.setToolTip(tip)
            if entry.data(Qt.ItemDataRole.UserRole) != number:
                entry.setData(Qt.ItemDataRole.UserRole, number)
            if entry.font().italic() != own:
                font = entry.font()
                font.setItalic(own)
                entry.setFont(font)

    # Editing -----------------------------------------------------------------------------

    def focus_decision(self) -> None:
        self.decision_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.decision_edit.moveCursor(QTextCursor.MoveOperation.End)

    def insert_phrase(self, number: int) -> None:
        """Insert the phrase of Ctrl+``number`` at the cursor in Beslutning (undoable)."""
        phrase = self.phrases.get(number)
        if self.item is None or phrase is None:
            return
        cursor = self.decision_edit.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        if before and not before.endswith((" ", "\t")):
            phrase = " " + phrase
        cursor.insertText(phrase)
        self.decision_edit.setTextCursor(cursor)
        self.decision_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _decision_edited(self) -> None:
        section = self.decision_section
        if self.item is None or section is None:
            return
        if (
            self.item.status is ItemStatus.NOT_STARTED
            and self.session.state is MeetingState.STARTED
        ):
            # Writing the decision in the running meeting means the item is being dealt
            # with now; a draft written before the meeting takes nothing up.
            if self.session.set_item_status(self.item, ItemStatus.IN_PROGRESS):
                self.show_status()
                self.itemChanged.emit(self.item)
        self._schedule_section(section, self.decision_edit)

    def _schedule_section(self, section: Section, editor: RichTextEdit) -> None:
        key = ("section", section.id)

        def save() -> bool:
            if not editor.is_modified:
                return True
            text = editor.markdown()
            if self.session.save_section(section, text):
                editor.mark_saved()
                return True
            # Keep the words, not the widget: the item may be switched before the retry.
            self.autosaver.retry(key, lambda: self.session.save_section(section, text))
            return False

        self.autosaver.schedule(key, save)

    def _schedule_fields(self) -> None:
        item = self.item
        if item is None:
            return
        title, number, officers = (
            self.title_edit.text(),
            self.case_number_edit.text(),
            self.officers_edit.text(),
        )

        def save() -> None:
            changes = {}
            if title.strip() != item.title:
                changes["title"] = title
            if number.strip() != item.case_number:
                changes["case_number"] = number
            if officers.strip() != item.case_officers:
                changes["case_officers"] = officers
            if changes and self.session.save_item_fields(item, **changes):
                self.itemChanged.emit(item)
                if "case_number" in changes and item is self.item:
                    self.show_earlier_treatments()

        self.autosaver.schedule(("item", item.id), save)

    def _status_chosen(self, position: int) -> None:
        if self.item is None:
            return
        status = STATUSES[position]
        if status is ItemStatus.DECIDED:
            self.decideRequested.emit()
            return
        if self.session.set_item_status(self.item, status):
            self.itemChanged.emit(self.item)
        self.show_status()

    def ask_for_section(self) -> None:
        """Ask for a heading (non-blocking dialog) and add that section as a new tab."""
        if self.item is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Nyt afsnit"))
        dialog.setLabelText(self.tr("Overskrift:"))
        dialog.setTextValue(self.tr("Bilag"))
        dialog.textValueSelected.connect(self.add_section)
        dialog.open()
        self.section_dialog = dialog

    def add_section(self, heading: str) -> None:
        if self.item is None or not heading.strip():
            return
        section = self.session.add_section(self.item, heading.strip())
        if section is not None:
            editor = self._add_section_tab(section)
            self.tabs.setCurrentWidget(editor)
            editor.setFocus()
