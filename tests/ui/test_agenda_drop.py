"""A drop on the agenda view itself (not only the model) moves the item and saves it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kkr_desk.store import Store
from kkr_desk.ui.agenda_model import AgendaModel
from kkr_desk.ui.agenda_panel import AgendaPanel


def drop(view, mime, position: QPoint) -> None:
    """The events a mouse drag ends with, delivered to the view's viewport."""
    actions = Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    for event in (
        QDragEnterEvent(position, actions, mime, buttons, modifiers),
        QDragMoveEvent(position, actions, mime, buttons, modifiers),
        QDropEvent(position.toPointF(), actions, mime, buttons, modifiers),
    ):
        QApplication.sendEvent(viewport, event)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Qt 6 deprecates the QPoint drag events
def test_dropping_an_item_onto_another_group(qtbot, session, db_path):
    model = AgendaModel(session)
    panel = AgendaPanel(model)
    qtbot.add_widget(panel)
    panel.resize(500, 600)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    source = model.index(0, 0, model.index(2, 0))  # 3.1. Behovs- og afgangsanalyser …
    title = model.item_at(source).title
    target = model.index(3, 0)  # "4. Udpegninger": drop onto the group row itself
    mime = model.mimeData([source])
    drop(view, mime, view.visualRect(target).center())
    assert model.label(model.index(3, 0)) == "4. Udpegninger"
    group = model.index(3, 0)
    rows = [model.label(model.index(r, 0, group)) for r in range(model.rowCount(group))]
    assert rows == ["4.1. Udpegning - samarbejdsudvalget for fysioterapi", f"4.2. {title}"]
    assert model.rowCount(model.index(2, 0)) == 4
    with Store(db_path) as store:
        groups = store.meetings.load(session.meeting.id).groups
    assert title in [item.title for item in groups[3].items]
