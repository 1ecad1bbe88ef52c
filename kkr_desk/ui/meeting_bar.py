"""The strip above the work area: committee, date, place, times and the meeting clock.

"Start mødet" stamps the start time and runs the clock; "Afslut mødet" stamps the end.
Both times stay editable ("10.00") because the referat prints them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
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

        self.committee_edit.textEdited.connect(lambda: self._schedule("committee"))
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

    # Saving ------------------------------------------------------------------------------

    def _schedule(self, field: str) -> None:
        def save() -> None:
            if field == "committee":
                value = self.committee_edit.text().strip()
                if not value:
                    self.session.failed.emit(self.tr("Udvalget skal have et navn"))
                    return
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
        if self.session.save_meeting_details(start_time=_now_to_minute(), end_time=None):
            self.load()

    def end_meeting(self) -> None:
        if self.session.save_meeting_details(end_time=_now_to_minute()):
            self.load()

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


def _now_to_minute() -> dt.time:
    return dt.datetime.now().time().replace(second=0, microsecond=0)
