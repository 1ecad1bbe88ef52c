"""Read-only panes for an approved meeting: text can be read, selected and copied, not changed.

The app layer refuses every edit of an approved meeting anyway; this makes the window say
so before a key is typed. A widget with the property ``staysLive`` (the search field,
Genåbn) is left as it is. What a widget was before freezing is kept on it, so thawing gives
back exactly that (a field that is read-only by design stays read-only).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_BEFORE = "frozenFrom"


def set_frozen(roots: list[QWidget], frozen: bool) -> None:
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.property("staysLive"):
                _set(widget, frozen)


def _set(widget: QWidget, frozen: bool) -> None:
    before = widget.property(_BEFORE)
    if frozen:
        if before is None:
            widget.setProperty(_BEFORE, _state(widget))
        _freeze(widget)
    elif before is not None:
        widget.setProperty(_BEFORE, None)
        _restore(widget, before)


_TEXT = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def _freeze(widget: QWidget) -> None:
    if isinstance(widget, _TEXT):
        widget.setReadOnly(True)
    elif isinstance(widget, (QAbstractButton, QComboBox)):
        widget.setEnabled(False)
    elif isinstance(widget, QAbstractItemView):
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)


def _restore(widget: QWidget, before) -> None:
    if isinstance(widget, _TEXT):
        widget.setReadOnly(bool(before))
    elif isinstance(widget, (QAbstractButton, QComboBox)):
        widget.setEnabled(bool(before))
    elif isinstance(widget, QAbstractItemView):
        triggers, drag = before
        widget.setEditTriggers(QAbstractItemView.EditTrigger(triggers))
        widget.setDragDropMode(QAbstractItemView.DragDropMode(drag))


def _state(widget: QWidget):
    """What freezing changes, as it was."""
    if isinstance(widget, _TEXT):
        return widget.isReadOnly()
    if isinstance(widget, (QAbstractButton, QComboBox)):
        return widget.isEnabled()
    if isinstance(widget, QAbstractItemView):
        return [widget.editTriggers().value, widget.dragDropMode().value]
    return False
