"""The open item's record in the window: presence shown, inhabil and a vote by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kkr_desk.domain import VoteChoice
from kkr_desk.ui.item_record_panel import VoteDialog

from .test_main_window import CTRL, SHIFT, click_ok, key


def _select(window, name):
    entry = next(e for e in window.session.meeting.attendance if e.person.name == name)
    window.attendance.select_entry(entry)
    window.attendance.view.setFocus()
    return entry


def test_presence_inhabil_and_a_vote_from_the_keyboard(qtbot, window, sample_store):
    record = window.editor.record
    item = window.editor.item
    assert record.presence_label.text() == "Til stede under punktet: 24"

    dorte = _select(window, "Dorte West")
    key(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    assert record.presence_label.text() == (
        "Til stede under punktet: 23 · ikke til stede: Dorte West (inhabil)"
    )
    key(qtbot, window, Qt.Key.Key_Return, CTRL | SHIFT)  # the item under behandling
    _select(window, "Ole Vind")
    key(qtbot, window, Qt.Key.Key_G, CTRL | SHIFT)  # Gik nu: gone from this item on
    text = record.presence_label.text()
    assert text.startswith("Til stede under punktet: 22 · ikke til stede: Dorte West (inhabil)")
    assert "Ole Vind (gik " in text

    key(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    dialog = window.findChild(VoteDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["For"])
    qtbot.keyClicks(QApplication.focusWidget(), "A, C, V")
    dialog.fields["Imod"].setFocus()
    qtbot.keyClicks(dialog.fields["Imod"], "Ø 9")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "afgivet 24 stemmer, men kun 22 medlemmer" in dialog.message.text()
    dialog.fields["Imod"].setText("Ø")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert "For stemte: A, C, V (" in record.record_label.text()

    stored = sample_store.meetings.load(window.session.meeting.id)
    stored_item = next(i for i in stored.items if i.id == item.id)
    assert [p.name for p in stored_item.inhabil] == [dorte.person.name]
    assert {line.party for line in stored_item.vote.lines if line.choice is VoteChoice.FOR} == {
        "A", "C", "V"
    }


def test_the_name_tooltip_lists_every_arrival_and_departure(qtbot, window):
    from kkr_desk.ui.attendance_model import NAME

    key(qtbot, window, Qt.Key.Key_Return, CTRL | SHIFT)  # the open item under behandling
    entry = _select(window, "Ole Vind")
    key(qtbot, window, Qt.Key.Key_G, CTRL | SHIFT)
    key(qtbot, window, Qt.Key.Key_K, CTRL | SHIFT)
    model = window.attendance_model
    tip = model.data(model.index_of(entry, NAME), Qt.ItemDataRole.ToolTipRole)
    number = window.editor.number_label.text().rstrip(".")
    lines = tip.splitlines()
    assert lines[0].startswith("Ole Vind (V)")
    assert lines[1].startswith("forlod mødet kl. ") and lines[2].startswith("kom tilbage kl. ")
    assert lines[2].endswith(f"under punkt {number}")


def test_a_stedfortraeder_typed_for_a_member_with_afbud(qtbot, window, sample_store):
    member = _select(window, "Jacob Bundsgaard")  # afbud in the sample
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.editor.record.substitute_dialog
    assert dialog.isVisible()
    dialog.setTextValue("Hanne Berg (A), Aarhus")
    dialog.accept()
    stand_in = next(e for e in window.session.meeting.attendance if e.person.name == "Hanne Berg")
    assert stand_in.substitute_for is member.person
    assert window.attendance_model.index_of(stand_in).isValid()  # on the list at once
    stored = sample_store.meetings.load(window.session.meeting.id)
    saved = next(e for e in stored.attendance if e.person.name == "Hanne Berg")
    assert (saved.person.party, saved.person.municipality) == ("A", "Aarhus")
    assert saved.substitute_for.name == "Jacob Bundsgaard"
    assert "Til stede under punktet: 25" in window.editor.record.presence_label.text()


def test_a_protokolbemaerkning_from_the_keyboard(qtbot, window):
    from kkr_desk.ui.item_record_panel import RemarkDialog

    key(qtbot, window, Qt.Key.Key_B, CTRL | SHIFT)
    dialog = window.findChild(RemarkDialog)
    assert dialog.isVisible()
    dialog.who.setCurrentText("Ø")
    dialog.text.setText("Vi stemmer imod.")
    click_ok(qtbot, dialog)
    assert window.editor.item.remarks[0].party == "Ø"
    assert "Ø ønskede følgende ført til protokol: Vi stemmer imod." in (
        window.editor.record.record_label.text()
    )


def test_the_committees_stedfortraeder_is_offered_first(qtbot, window, sample_store):
    member = _select(window, "Jacob Bundsgaard")  # afbud in the sample
    committee = sample_store.committees.get(window.session.meeting.committee)
    stand_in = next(e.person for e in window.session.meeting.attendance
                    if e.person.name == "Ole Vind")
    roster_member = next(m for m in committee.members if m.person.id == member.person.id)
    roster_member.substitute = stand_in
    sample_store.committees.save(committee)
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.editor.record.substitute_dialog
    assert dialog.textValue().startswith("Ole Vind")
    assert dialog.comboBoxItems()[0] == dialog.textValue()
    dialog.accept()
    entry = next(e for e in window.session.meeting.attendance if e.person.name == "Ole Vind")
    assert entry.substitute_for is member.person
