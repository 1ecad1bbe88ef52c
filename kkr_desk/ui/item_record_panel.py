"""The open item's record under its heading: who takes part, the vote, the remarks.

"Til stede under punktet: 23 · ikke til stede: Ole Vind (gik 11.40), Dorte West (inhabil)".
Inhabil is one key (Ctrl+Shift+I) on the person selected in the attendance list while the item is
open; the vote (Ctrl+Shift+V) and a protokolbemærkning (Ctrl+Shift+B) are small dialogs
typed from the keyboard. Every change goes through the session; a refusal is its message.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import AgendaItem, Attendance, AttendanceStatus, ProtocolRemark
from ..domain.record import RecordError, party_vote, presence
from ..domain.record_text import item_absences, remark_sentence, typed_person, vote_sentence
from .attendance_model import describe
from .session import MeetingSession


class ItemRecordPanel(QWidget):
    def __init__(self, session: MeetingSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.item: AgendaItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        self.presence_label = QLabel()
        self.presence_label.setWordWrap(True)
        self.presence_label.setAccessibleName(self.tr("Til stede under punktet"))
        self.vote_button = QPushButton(self.tr("Afstemning …"))
        self.vote_button.setToolTip(self.tr("Afstemning om punktet (Ctrl+Shift+V)"))
        self.vote_button.clicked.connect(self.ask_vote)
        self.remark_button = QPushButton(self.tr("Protokol …"))
        self.remark_button.setToolTip(self.tr("Protokolbemærkning til punktet (Ctrl+Shift+B)"))
        self.remark_button.clicked.connect(self.ask_remark)
        line.addWidget(self.presence_label, 1)
        line.addWidget(self.vote_button)
        line.addWidget(self.remark_button)
        layout.addLayout(line)
        self.record_label = QLabel()
        self.record_label.setWordWrap(True)
        self.record_label.setStyleSheet("color: #374151;")
        layout.addWidget(self.record_label)
        session.editor.listen(self)

    # The editor's listener: any change may change who takes part.
    def changing(self, change) -> None:
        pass

    def changed(self, change) -> None:
        self.refresh()

    def set_item(self, item: AgendaItem | None) -> None:
        self.item = item
        self.refresh()

    def refresh(self) -> None:
        item = self.item
        if item is None or not any(other is item for other in self.session.meeting.items):
            self.presence_label.setText("")
            self.record_label.setText("")
            return
        here = presence(self.session.meeting, item)
        text = self.tr("Til stede under punktet: %1").replace("%1", str(len(here.present)))
        absent = item_absences(here)
        if absent:
            text += self.tr(" · ikke til stede: %1").replace("%1", ", ".join(absent))
        self.presence_label.setText(text)
        lines = []
        if item.vote is not None and item.vote.lines:
            lines.append(vote_sentence(item.vote))
        lines += [remark_sentence(remark) for remark in item.remarks]
        self.record_label.setText("\n".join(lines))
        self.record_label.setVisible(bool(lines))

    # Actions --------------------------------------------------------------------------

    def toggle_inhabil(self, entries: list[Attendance]) -> None:
        """The selected members become inhabil for the open item, or stop being it."""
        if self.item is None:
            self.session.failed.emit(self.tr("Vælg først et punkt"))
            return
        for entry in entries:
            inhabil = entry.person not in self.item.inhabil
            self.session.set_inhabil(self.item, entry.person, inhabil)

    def ask_substitute(self, entries: list[Attendance], added) -> None:
        """A stedfortræder for the selected member with afbud: the one the committee's roster
        names (offered first), someone on the list, or typed ("Hanne Berg (A), Randers"). ``added`` is called when the list has a new person."""
        members = [e for e in entries if e.status is AttendanceStatus.APOLOGY]
        if len(members) != 1:
            self.session.failed.emit(self.tr("Vælg ét medlem med afbud"))
            return
        member = members[0]
        others = [
            e.person for e in self.session.meeting.attendance
            if e.status is not AttendanceStatus.PRESENT and e.person != member.person
        ]
        standing = self.session.standing_substitute(member)
        if standing is not None:  # the committee's roster names them: offered first
            others = [standing, *(p for p in others if p.id is None or p.id != standing.id)]
        names = [describe(person) for person in others]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Stedfortræder"))
        dialog.setLabelText(
            self.tr("Stedfortræder for %1 (vælg eller skriv »Navn (parti), kommune«):").replace(
                "%1", member.person.name
            )
        )
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(names[0] if standing is not None else "")
        dialog.textValueSelected.connect(
            lambda text: self._substitute(member, others, names, text, added)
        )
        self.substitute_dialog = dialog
        dialog.open()

    def _substitute(self, member, others, names, text: str, added) -> None:
        if not text.strip():
            return
        person = others[names.index(text)] if text in names else typed_person(text)
        if person is None:
            self.session.failed.emit(self.tr("Skriv stedfortræderen som »Navn (parti), kommune«"))
            return
        count = len(self.session.meeting.attendance)
        if self.session.set_substitute(member, person) is not None:
            if len(self.session.meeting.attendance) != count:
                added()

    def ask_vote(self) -> None:
        if self.item is None:
            self.session.failed.emit(self.tr("Vælg først et punkt"))
            return
        dialog = VoteDialog(self.session, self.item, self)
        dialog.open()

    def ask_remark(self) -> None:
        if self.item is None:
            self.session.failed.emit(self.tr("Vælg først et punkt"))
            return
        dialog = RemarkDialog(self.session, self.item, self)
        dialog.open()


class VoteDialog(QDialog):
    """For / Imod / Undlod by party letters ("A, C, V" or "A 3, C 2"); empty removes it."""

    def __init__(self, session: MeetingSession, item: AgendaItem, parent=None):
        super().__init__(parent)
        self.session, self.item = session, item
        self.setWindowTitle(self.tr("Afstemning"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        parties = presence(session.meeting, item).parties()
        hint = QLabel(
            self.tr("Til stede: %1. Skriv partibogstaver, fx »A, C, V« eller »A 3«.").replace(
                "%1", ", ".join(f"{p} {n}" for p, n in parties.items())
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.fields = {}
        current = {"For": [], "Imod": [], "Undlod": []}
        for line in item.vote.lines if item.vote else []:
            if line.person is None:
                current[line.choice.value].append(f"{line.party} {line.count}")
        for name, label in (("For", self.tr("For")), ("Imod", self.tr("Imod")),
                            ("Undlod", self.tr("Undlod"))):
            edit = QLineEdit(", ".join(current[name]))
            edit.setAccessibleName(label)
            form.addRow(label, edit)
            self.fields[name] = edit
        self.message = QLabel()
        self.message.setStyleSheet("color: #b91c1c;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.fields["For"].setFocus()

    def accept(self) -> None:
        typed = {name: edit.text() for name, edit in self.fields.items()}
        if not any(text.strip() for text in typed.values()):
            vote = None
        else:
            try:
                vote = party_vote(
                    self.session.meeting, self.item, typed["For"], typed["Imod"], typed["Undlod"]
                )
            except RecordError as error:
                self.message.setText(str(error))
                return
        if self.session.set_vote(self.item, vote):
            super().accept()


class RemarkDialog(QDialog):
    """Who (a party letter or a member present) and the text for the protocol."""

    def __init__(self, session: MeetingSession, item: AgendaItem, parent=None):
        super().__init__(parent)
        self.session, self.item = session, item
        self.setWindowTitle(self.tr("Protokolbemærkning"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        here = presence(session.meeting, item)
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setAccessibleName(self.tr("Hvem"))
        self.members = {entry.person.name: entry.person for entry in here.present}
        self.who.addItems([*here.parties(), *self.members])
        self.who.setCurrentText("")
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Bemærkning"))
        form.addRow(self.tr("Hvem (parti eller medlem)"), self.who)
        form.addRow(self.tr("Bemærkning"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        who = self.who.currentText().strip()
        person = self.members.get(who)
        remark = ProtocolRemark(self.text.text().strip(), "" if person else who, person)
        if self.session.add_remark(self.item, remark):
            super().accept()
