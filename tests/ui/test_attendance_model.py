"""The attendance model: grouped like the Deltagerfortegnelse, one click per status."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from kkr_desk.domain import AttendanceStatus, Person
from kkr_desk.store import Store
from kkr_desk.ui.attendance_model import (
    APOLOGY,
    ARRIVED,
    NOTE,
    PRESENT,
    AttendanceModel,
    parse_clock,
)


def stored_statuses(db_path, meeting_id):
    with Store(db_path) as store:
        return {a.person.name: a for a in store.meetings.load(meeting_id).attendance}


def test_attendance_model_passes_the_model_tester(qtmodeltester, session):
    model = AttendanceModel(session)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Politikere (24/37)",
        "Fra KL (2/2)",
        "Fra KD-Net (1/1)",
    ]
    assert model.counts_text() == "27 til stede · 13 afbud"


def test_one_click_sets_status_and_saves(session, db_path):
    model = AttendanceModel(session)
    kl = model.index(1, 0)
    person = model.index(0, 0, kl)
    name = person.data()
    assert model.setData(
        person.siblingAtColumn(PRESENT),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert model.counts_text() == "26 til stede · 13 afbud · 1 mangler"
    assert model.setData(
        person.siblingAtColumn(APOLOGY), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert (
        person.siblingAtColumn(PRESENT).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert stored_statuses(db_path, session.meeting.id)[name].status is AttendanceStatus.APOLOGY
    assert model.counts_text() == "26 til stede · 14 afbud"
    assert kl.data() == "Fra KL (1/2)"


def test_times_and_notes_are_edited_in_place(session, db_path):
    model = AttendanceModel(session)
    person = model.index(0, 0, model.index(0, 0))
    assert model.setData(person.siblingAtColumn(ARRIVED), "10.25")
    assert model.setData(person.siblingAtColumn(NOTE), " gik til frokost ")
    assert not model.setData(person.siblingAtColumn(ARRIVED), "kvart over")
    stored = stored_statuses(db_path, session.meeting.id)[person.data()]
    assert stored.arrived_at == dt.time(10, 25) and stored.note == "gik til frokost"
    assert person.siblingAtColumn(ARRIVED).data() == "10.25"
    assert parse_clock("9:05") == dt.time(9, 5) and parse_clock("14") == dt.time(14, 0)


def test_all_present_and_stamp_and_add(session, db_path, qtmodeltester):
    model = AttendanceModel(session)
    for row in range(2):
        model.set_status(
            model.entry_at(model.index(row, 0, model.index(1, 0))), AttendanceStatus.UNREGISTERED
        )
    model.set_status(model.entry_at(model.index(0, 0, model.index(0, 0))), AttendanceStatus.ABSENT)
    assert model.counts_text() == "24 til stede · 13 afbud · 1 fraværende · 2 mangler"
    assert model.all_present() == 2
    assert model.counts_text() == "26 til stede · 13 afbud · 1 fraværende"
    entry = model.entry_at(model.index(0, 0, model.index(0, 0)))
    assert model.stamp_now(entry, arrived=False)
    assert entry.left_at is not None
    index = model.add_person(
        Person("Anne Gæst", title="direktør", organisation="Region Midtjylland")
    )
    qtmodeltester.check(model)
    assert index.parent().data() == "Fra Region Midtjylland (0/1)"
    assert "Anne Gæst" in stored_statuses(db_path, session.meeting.id)
    # Adding someone already on the list points at them instead.
    assert model.add_person(Person(entry.person.name)) == model.index_of(entry)
