"""File → Møder / Nyt møde / Næste møde: the dialogs, the new meeting through Desk, and
opening it once it is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ..app import AppError, Desk
from .autosave import Autosaver
from .session import MeetingSession


class MeetingFlow(QObject):
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        autosaver: Autosaver,
        session: Callable[[], MeetingSession],
        open_meeting: Callable[[int], object],
        open_dialog: Callable[[object], None],
        show_problem: Callable[[str], None],
        deleted: Callable[[], None] = lambda: None,
    ):
        """``window`` parents the dialogs; ``session()`` is the open meeting's session;
        ``deleted()`` offers the undo of a delete."""
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.autosaver = autosaver
        self.session = session
        self.open_meeting = open_meeting
        self.open_dialog = open_dialog
        self.show_problem = show_problem
        self.deleted = deleted
        self.committee_question = None
        """The question about a new meeting's unknown committee, while it is open."""

    def show_meetings(self) -> None:
        self.autosaver.flush()
        from .dialogs import MeetingsDialog  # dialogs load on first use

        dialog = MeetingsDialog(self.desk.list_meetings(), self.session().meeting.id, self.window)
        dialog.openRequested.connect(self.open_meeting)
        dialog.newRequested.connect(self.ask_new_meeting)
        dialog.nextRequested.connect(self.ask_next_meeting)
        dialog.deleteRequested.connect(self.ask_delete_meeting)
        self.open_dialog(dialog)

    def ask_delete_meeting(self, meeting_id: int) -> None:
        try:
            meeting = self.desk.load_meeting(meeting_id)
        except AppError as error:
            self.show_problem(str(error))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Slet mødet"),
            self.tr("Slet mødet %s %s? Det flyttes til papirkurven og kan fortrydes.")
            % (meeting.committee, meeting.date.strftime("%d-%m-%Y")),
            parent=self.window,
        )
        delete = box.addButton(self.tr("Slet"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self.delete_meeting(meeting_id) if button is delete else None
        )
        self.open_dialog(box)

    def delete_meeting(self, meeting_id: int) -> None:
        """To the trash; if it was the open meeting, the newest other one opens."""
        self.autosaver.flush()
        session = self.session()
        ok, _ = session.write(lambda: self.desk.delete_meeting(meeting_id))
        if not ok:
            return
        if meeting_id == session.meeting.id:
            remaining = self.desk.list_meetings()
            target = (
                remaining[0].id
                if remaining
                else self.desk.create_empty_meeting(session.meeting.committee, dt.date.today())
            )
            self.open_meeting(target)
        self.deleted()

    def ask_new_meeting(self) -> None:
        committee = self.session().meeting.committee
        from .dialogs import NewMeetingDialog

        dialog = NewMeetingDialog(
            committee, dt.date.today(), fixed_committee=False, parent=self.window
        )
        dialog.chosen.connect(lambda name, date: self.new_meeting_chosen(dialog, name, date))
        self.open_dialog(dialog)

    def new_meeting_chosen(self, dialog, committee: str, date: dt.date) -> None:
        """A known committee by its own name; a name that matches none asks first, as the
        meeting bar does (CommitteeQuestion), and Fortryd goes back to the dialog."""
        known = self.desk.known_committee(committee) if committee else None
        if known is not None or not committee:
            self.create_meeting(known or committee, date, dialog)
            return
        from .committee_question import CommitteeQuestion  # only for a name no committee has

        question = CommitteeQuestion(
            " ".join(committee.split()),
            self.desk.committee_names(),
            self.tr(
                "Det nye udvalg har endnu ingen faste deltagere; de kan hentes under "
                "Rediger ▸ Udvalg."
            ),
            dialog,
        )
        question.finished.connect(lambda _: self._committee_answered(dialog, question, date))
        self.committee_question = question
        question.open()

    def _committee_answered(self, dialog, question, date: dt.date) -> None:
        self.committee_question = None
        name = question.chosen_name()
        if name is None:
            dialog.correct_committee()
        else:
            self.create_meeting(name, date, dialog)

    def create_meeting(self, committee: str, date: dt.date, dialog=None) -> None:
        ok, meeting_id = self.session().write(
            lambda: self.desk.create_empty_meeting(committee, date)
        )
        if ok:
            if dialog is not None:
                dialog.accept()
            self.open_meeting(meeting_id)

    def ask_next_meeting(self, meeting_id: int | None = None) -> None:
        self.autosaver.flush()
        source_id = meeting_id if meeting_id is not None else self.session().meeting.id
        try:
            source = self.desk.load_meeting(source_id)
        except AppError as error:
            self.show_problem(str(error))
            return
        from .dialogs import NewMeetingDialog

        dialog = NewMeetingDialog(
            source.committee,
            source.date + dt.timedelta(weeks=8),
            fixed_committee=True,
            parent=self.window,
        )
        dialog.chosen.connect(lambda _, date: self.create_next_meeting(source_id, date, dialog))
        self.open_dialog(dialog)

    def create_next_meeting(self, source_id: int, date: dt.date, dialog=None) -> None:
        ok, meeting_id = self.session().write(
            lambda: self.desk.create_next_meeting(source_id, date)
        )
        if ok:
            if dialog is not None:
                dialog.accept()
            self.open_meeting(meeting_id)
