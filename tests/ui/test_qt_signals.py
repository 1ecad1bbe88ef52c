"""Long meetings emit thousands of signals; none may drain the interpreter's True.

PySide6 6.12.0 takes one reference to True away on every Python-side Signal.emit(), and on
Python < 3.12 the interpreter aborts ("bool_dealloc") after a few thousand emits: a
three-hour meeting of autosaves. pyproject.toml excludes that release; these tests catch
any other release with the same fault before a secretary does.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from kkr_desk.domain import ItemStatus
from kkr_desk.ui.agenda_model import AgendaModel


# PEP 683: from Python 3.12 True is immortal, its reference count fixed and meaningless, and
# the fault above cannot abort the interpreter; the count proves something only before it.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True is immortal from Python 3.12 (PEP 683): its reference count means nothing",
)


class Emitter(QObject):
    changed = Signal(int)


def test_emit_keeps_true_alive(qapp):
    emitter = Emitter()
    received = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(200):
        emitter.changed.emit(number)
    assert len(received) == 200
    assert sys.getrefcount(True) >= before - 5


def test_a_long_run_of_edits_does_not_drain_true(session):
    model = AgendaModel(session)
    item = session.meeting.items[3]
    before = sys.getrefcount(True)
    for round_ in range(300):
        status = ItemStatus.DECIDED if round_ % 2 else ItemStatus.IN_PROGRESS
        assert session.set_item_status(item, status)  # emits "saved"
        model.item_changed(item)  # emits dataChanged
    assert sys.getrefcount(True) >= before - 10
