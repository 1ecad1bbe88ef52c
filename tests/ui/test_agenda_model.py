"""The agenda model: numbers, moves (keyboard and drop) and edits reach the database."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from kkr_desk.domain import ItemStatus
from kkr_desk.store import Store
from kkr_desk.ui.agenda_model import AgendaModel


def titles(model, group_row):
    parent = model.index(group_row, 0)
    return [model.label(model.index(r, 0, parent)) for r in range(model.rowCount(parent))]


def stored_titles(db_path, meeting_id):
    with Store(db_path) as store:
        meeting = store.meetings.load(meeting_id)
    return [[item.title for item in group.items] for group in meeting.groups]


def test_agenda_model_passes_the_model_tester(qtmodeltester, session):
    model = AgendaModel(session)
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert model.label(model.index(0, 0)) == "1. Godkendelse af referat"
    third = model.index(2, 0)
    assert model.label(model.index(1, 0, third)).startswith("3.2. Fordeling af lærepladser")
    assert model.index(1, 1, third).data() == "afgjort"


def test_keyboard_moves_renumber_and_save(session, db_path, qtmodeltester):
    model = AgendaModel(session)
    qtmodeltester.check(model)  # stays connected: every move below is checked too
    third = model.index(2, 0)
    moved = model.item_at(model.index(0, 0, third))
    assert model.move_down(model.index(0, 0, third))
    assert titles(model, 2)[1] == "3.2. " + moved.title
    assert titles(model, 2)[0].startswith("3.1. Fordeling af lærepladser")
    # Up past the top of its group lands at the end of the group above.
    index = model.index_of_item(moved)
    assert model.move_up(index)
    assert model.move_up(model.index_of_item(moved))
    assert titles(model, 1)[-1] == "2.2. " + moved.title
    assert stored_titles(db_path, session.meeting.id)[1][-1] == moved.title
    assert len(stored_titles(db_path, session.meeting.id)[2]) == 4


def test_drop_moves_an_item_into_another_group(session, db_path, qtmodeltester):
    model = AgendaModel(session)
    qtmodeltester.check(model)
    source = model.index(0, 0, model.index(2, 0))
    item = model.item_at(source)
    data = model.mimeData([source])
    target = model.index(6, 0)  # "7. Eventuelt"
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    assert titles(model, 6)[0] == "7.1. " + item.title
    assert titles(model, 6)[1] == "7.2. Eventuelt"
    assert stored_titles(db_path, session.meeting.id)[6] == [item.title, "Eventuelt"]
    # Dropping a group on another group takes its place.
    data = model.mimeData([model.index(6, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert model.label(model.index(0, 0)) == "1. Eventuelt"
    assert model.label(model.index(1, 0)) == "2. Godkendelse af referat"


def test_add_rename_delete(session, db_path, qtmodeltester):
    model = AgendaModel(session)
    qtmodeltester.check(model)
    group_index = model.add_group("Nye sager", 3)
    assert model.label(group_index) == "4. Nye sager"
    assert model.label(model.index(4, 0)) == "5. Udpegninger"
    item_index = model.add_item(model.group_at(group_index), "Ny sag")
    assert model.label(item_index) == "4.1. Ny sag"
    assert model.setData(item_index, "Ny sag om busser")
    assert not model.setData(item_index, "   ")
    assert stored_titles(db_path, session.meeting.id)[3] == ["Ny sag om busser"]
    assert model.delete(model.index(0, 0, model.index(2, 0)))
    assert titles(model, 2)[0].startswith("3.1. Fordeling")
    assert model.delete(group_index)
    assert model.rowCount() == 7


def test_a_refused_write_leaves_the_rows_alone(session, sample_store):
    model = AgendaModel(session)
    messages = []
    session.failed.connect(messages.append)
    sample_store.agenda.delete_item(session.meeting.groups[2].items[0].id)  # vanished behind our back
    index = model.index(0, 0, model.index(2, 0))
    assert not model.move_down(index)
    assert messages and "findes ikke længere" in messages[0]
    assert model.rowCount(model.index(2, 0)) == 5


def test_status_column_follows_the_item(session):
    model = AgendaModel(session)
    item = session.meeting.groups[2].items[0]
    session.set_item_status(item, ItemStatus.IN_PROGRESS)
    model.item_changed(item)
    assert model.index_of_item(item, 1).data() == "under behandling"
    assert model.index_of_item(item).parent() == model.index(2, 0)
    assert model.parent(QModelIndex()) == QModelIndex()


def test_foreign_or_misplaced_drops_are_refused(session):
    model = AgendaModel(session)
    foreign = QMimeData()
    foreign.setText("Punkt fra et andet program")
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))
    item_data = model.mimeData([model.index(0, 0, model.index(2, 0))])
    # An item dropped above the first group has no group to go into.
    assert not model.canDropMimeData(item_data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(item_data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    # Between groups it joins the end of the group above.
    assert model.dropMimeData(item_data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert titles(model, 1)[-1].startswith("2.2. Behovs")


def test_renaming_a_group_in_place_is_saved(session, sample_store):
    model = AgendaModel(session)
    index = model.index(1, 0)
    assert model.setData(index, "  Nyt navn  ")
    assert index.data() == "Nyt navn"
    stored = sample_store.meetings.load(session.meeting.id)
    assert stored.groups[1].title == "Nyt navn"
