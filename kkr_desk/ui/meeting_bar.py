"""The strip above the work area: committee, date, place, times and the meeting clock.

"Start mødet" stamps the start time and runs the clock; "Afslut mødet" stamps the end.
Both times stay editable ("10.00") because the referat prints them. The committee field
offers the known committees as you type; a name that matches none is saved only after a
question (``committee_question.py``: use the nearest known one, make a new committee, or go
back), so a typo makes no committee.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..domain.meeting_life import (
    MeetingState,
    StateChange,
    StateStep,
    items_under_way,
    may_take,
)
from .attendance_model import clock_text, parse_clock
from .autosave import Autosaver
from .session import MeetingSession


class MeetingBar(QWidget):
    def __init__(self, session: MeetingSession, autosaver: Autosaver, parent=None):
        super().__init__(parent)
        self.session = session
        self.autosaver = autosaver
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)

        self.committee_edit = QLineEdit()
        self.committee_edit.setAccessibleName(self.tr("Udvalg"))
        self.committee_edit.setPlaceholderText(self.tr("Udvalg"))
        self.committee_edit.setMinimumWidth(150)
        bold = self.committee_edit.font()
        bold.setBold(True)
        self.committee_edit.setFont(bold)
        completer = QCompleter(self.session.committee_names(), self.committee_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.committee_edit.setCompleter(completer)
        self.committee_question = None
        """The question about a committee name that matches none, while it is open."""
        self._committee_before: str | None = None
        """The meeting's committee when the typing in the field began."""
        self.end_question = None
        """The question about items under behandling on Afslut mødet, while it is open."""
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Dato"))
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(self.tr("Sted"))
        self.place_edit.setPlaceholderText(self.tr("Sted"))
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        for edit, name in ((self.start_edit, self.tr("Start")), (self.end_edit, self.tr("Slut"))):
            edit.setAccessibleName(name)
            edit.setPlaceholderText("tt.mm")
            edit.setMaximumWidth(58)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("meetingClock")
        self.clock_label.setMinimumWidth(120)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_label.setStyleSheet("font-weight: 600; color: #1f4f82;")
        self.start_button = QPushButton(self.tr("Start mødet"))
        self.start_button.setToolTip(self.tr("Sæt starttidspunktet til nu (F5)"))
        self.end_button = QPushButton(self.tr("Afslut mødet"))
        self.end_button.setToolTip(self.tr("Sæt sluttidspunktet til nu (Shift+F5)"))
        self.state_label = QLabel()
        self.state_label.setObjectName("meetingState")
        self.state_label.setAccessibleName(self.tr("Mødets tilstand"))
        self.reopen_button = QPushButton(self.tr("Genåbn …"))
        self.reopen_button.setToolTip(self.tr("Genåbn det godkendte møde (med en begrundelse)"))
        self.reopen_button.setProperty("staysLive", True)

        for label, widget, stretch in (
            (self.tr("Udvalg"), self.committee_edit, 1),
            (self.tr("Dato"), self.date_edit, 0),
            (self.tr("Sted"), self.place_edit, 3),
            (self.tr("Start"), self.start_edit, 0),
            (self.tr("Slut"), self.end_edit, 0),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setStyleSheet("color: #4b5563;")
            layout.addWidget(caption)
            layout.addWidget(widget, stretch)
        layout.addSpacing(8)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.end_button)
        layout.addWidget(self.state_label)
        layout.addWidget(self.reopen_button)

        self.committee_edit.textEdited.connect(self._committee_edited)
        self.committee_edit.editingFinished.connect(self._committee_finished)
        self.place_edit.textEdited.connect(lambda: self._schedule("place"))
        self.place_edit.textChanged.connect(self._fit_place)
        self.date_edit.dateChanged.connect(lambda: self._schedule("date"))
        self.start_edit.editingFinished.connect(lambda: self._save_time("start_time"))
        self.end_edit.editingFinished.connect(lambda: self._save_time("end_time"))
        self.start_edit.textEdited.connect(lambda: self._schedule_time("start_time"))
        self.end_edit.textEdited.connect(lambda: self._schedule_time("end_time"))
        self.start_button.clicked.connect(self.start_meeting)
        self.end_button.clicked.connect(self.end_meeting)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.update_clock)
        self.clock.start()
        self.load()

    def _fit_place(self, text: str) -> None:
        """Room for the whole address ("Regionshuset Viborg, Skottenborg 26, 8800 Viborg")."""
        needed = self.place_edit.fontMetrics().horizontalAdvance(text) + 24
        self.place_edit.setMinimumWidth(min(max(needed, 120), 440))
        self.place_edit.setToolTip(text)

    def load(self) -> None:
        meeting = self.session.meeting
        for widget in (self.committee_edit, self.place_edit, self.date_edit):
            widget.blockSignals(True)
        self.committee_edit.setText(meeting.committee)
        self.place_edit.setText(meeting.place)
        self.date_edit.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
        for widget in (self.committee_edit, self.place_edit, self.date_edit):
            widget.blockSignals(False)
        self.committee_edit.setCursorPosition(0)
        self.place_edit.setCursorPosition(0)
        self.start_edit.setText(clock_text(meeting.start_time))
        self.end_edit.setText(clock_text(meeting.end_time))
        self.update_clock()
        self.show_state()

    # Saving ------------------------------------------------------------------------------

    def _committee_edited(self) -> None:
        if self._committee_before is None:
            self._committee_before = self.session.meeting.committee
        self._schedule("committee")

    def _committee_finished(self) -> None:
        """Enter or leaving the field: a known committee is taken by its own name; any
        other name asks first (CommitteeQuestion)."""
        if self.committee_question is not None or self.session.frozen:
            return
        self.autosaver.flush()
        value = " ".join(self.committee_edit.text().split())
        if not value:
            self._committee_back()
            return
        known = self.session.known_committee(value)
        if known is not None:
            self._committee_before = None
            if self.session.meeting.committee != known:
                self.session.save_meeting_details(committee=known)
            if self.committee_edit.text() != known:
                self.committee_edit.setText(known)
            return
        from .committee_question import CommitteeQuestion  # only for a name no committee has

        question = CommitteeQuestion(
            value,
            self.session.committee_names(),
            self.tr(
                "Et nyt udvalg får dette mødes deltagere som faste deltagere; "
                "det kan rettes under Rediger ▸ Udvalg."
            ),
            self,
        )
        question.finished.connect(lambda _: self._committee_answered(question))
        self.committee_question = question
        question.open()

    def _committee_answered(self, question) -> None:
        self.committee_question = None
        clicked = question.clickedButton()
        if clicked is question.create_button:
            if self.session.save_meeting_details(committee=question.name, new_committee=True):
                self._committee_before = None
                self.committee_edit.setText(self.session.meeting.committee)
            else:
                self._committee_back()
        elif question.use_button is not None and clicked is question.use_button:
            self._committee_before = None
            self.session.save_meeting_details(committee=question.nearest)
            self.committee_edit.setText(self.session.meeting.committee)
        else:
            self._committee_back()
        self.committee_edit.setCursorPosition(0)
        self.committee_edit.editingFinished.emit()  # the window title follows the field

    def _committee_back(self) -> None:
        """The committee the meeting had before the typing began, in the field and saved."""
        before = self._committee_before or self.session.meeting.committee
        self._committee_before = None
        if self.session.meeting.committee != before:
            self.session.save_meeting_details(committee=before)
        self.committee_edit.setText(self.session.meeting.committee)

    def _schedule(self, field: str) -> None:
        def save() -> None:
            if field == "committee":
                value = self.committee_edit.text().strip()
                if not value:
                    self.session.failed.emit(self.tr("Udvalget skal have et navn"))
                    return
                if self.session.known_committee(value) is None:
                    return  # asked when the field is left (_committee_finished)
            elif field == "place":
                value = self.place_edit.text().strip()
            else:
                value = self.date_edit.date().toPython()
            if getattr(self.session.meeting, field) != value:
                self.session.save_meeting_details(**{field: value})

        self.autosaver.schedule(("meeting", field), save)

    def _schedule_time(self, field: str) -> None:
        """While typing: save a complete time quietly; a half-typed one waits for Enter."""
        edit = self.start_edit if field == "start_time" else self.end_edit

        def save() -> None:
            text = edit.text().strip()
            try:
                value = parse_clock(text) if text else None
            except ValueError:
                return
            if getattr(self.session.meeting, field) != value:
                self.session.save_meeting_details(**{field: value})

        self.autosaver.schedule(("meeting", field), save)

    def _save_time(self, field: str) -> None:
        edit = self.start_edit if field == "start_time" else self.end_edit
        text = edit.text().strip()
        try:
            value = parse_clock(text) if text else None
        except ValueError:
            self.session.failed.emit(self.tr("»%s« er ikke et klokkeslæt; skriv fx 10.00") % text)
            edit.setText(clock_text(getattr(self.session.meeting, field)))
            return
        if getattr(self.session.meeting, field) != value:
            self.session.save_meeting_details(**{field: value})
        edit.setText(clock_text(getattr(self.session.meeting, field)))
        self.update_clock()

    # The clock ---------------------------------------------------------------------------

    def start_meeting(self) -> None:
        self.autosaver.flush()
        self.session.start_meeting()
        self.load()

    def end_meeting(self) -> None:
        """Shift+F5; items still under behandling are never left so: ask first."""
        self.autosaver.flush()
        open_items = items_under_way(self.session.meeting)
        if open_items and may_take(self.session.state, StateStep.HOLD):
            from .state_dialogs import OpenItemsQuestion  # dialogs load on first use

            question = OpenItemsQuestion(open_items, self.window())
            question.finished.connect(lambda _: self._end_answered(question))
            self.end_question = question
            question.open()
            return
        self.session.end_meeting()
        self.load()

    def _end_answered(self, question) -> None:
        self.end_question = None
        choice = question.choice()
        if choice is not None:
            self.session.end_meeting(choice)
            self.load()

    def show_state(self) -> None:
        """The meeting's state beside the clock; an approved meeting says it is locked."""
        state = self.session.state
        history = self.session.history()
        last = next((c for c in reversed(history) if c.state is state), None)
        self.state_label.setToolTip(
            "\n".join(_history_line(change) for change in history)
            or self.tr("Ingen ændringer af tilstanden endnu")
        )
        text = state_text(state)
        if last is not None and state in (MeetingState.SENT, MeetingState.APPROVED):
            who = last.to_whom if state is MeetingState.SENT else last.by_whom
            text = self.tr("%s %s (%s)") % (text, last.at.strftime("%d-%m-%Y"), who)
        if self.session.frozen:
            text = self.tr("%s – skrivebeskyttet") % text
        self.state_label.setText(text)
        self.state_label.setStyleSheet(
            "font-weight: 600; padding: 2px 6px; border-radius: 3px; "
            + ("background: #fde7c8; color: #7a4300;" if self.session.frozen else "color: #4b5563;")
        )
        self.reopen_button.setVisible(self.session.frozen)
        steps = ((self.start_button, StateStep.START), (self.end_button, StateStep.HOLD))
        for button, step in steps:
            button.setVisible(not self.session.frozen)  # room for the state
            button.setEnabled(may_take(state, step))

    def update_clock(self) -> None:
        meeting = self.session.meeting
        if meeting.start_time is None:
            self.clock_label.setText(self.tr("Ikke startet"))
            return
        start = dt.datetime.combine(meeting.date, meeting.start_time)
        end = (
            dt.datetime.combine(meeting.date, meeting.end_time)
            if meeting.end_time is not None
            else dt.datetime.now()
        )
        elapsed = end - start
        if meeting.end_time is None and not dt.timedelta(0) <= elapsed <= dt.timedelta(hours=14):
            # Not today (an old or future meeting): no running clock, just the start.
            self.clock_label.setText(self.tr("Startet %s") % clock_text(meeting.start_time))
            return
        seconds = max(0, int(elapsed.total_seconds()))
        running = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        if meeting.end_time is not None:
            self.clock_label.setText(self.tr("Varighed %s") % running[:-3])
        else:
            self.clock_label.setText(self.tr("Forløbet %s") % running)


def _history_line(change: StateChange) -> str:
    details = (change.to_whom, change.by_whom, change.reason)
    return f"{change.at:%d-%m-%Y %H:%M}  {state_text(change.state)}" + "".join(
        f" – {part}" for part in details if part
    )


def state_text(state: MeetingState) -> str:
    """The state as the window names it (the domain's Danish word, capitalised)."""
    return QCoreApplication.translate("MeetingState", state.value).capitalize()
