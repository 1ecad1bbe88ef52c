"""The heading row of a side panel: its bold name on the left, a live figure on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel


def panel_heading(title: str, figure: QLabel) -> tuple[QHBoxLayout, QLabel]:
    """A row with ``title`` in bold and ``figure`` right-aligned; returns the row and title.

    The title is returned so the window can hide it when a tab already names the panel.
    """
    title_label = QLabel(title)
    font = title_label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    title_label.setFont(font)
    row = QHBoxLayout()
    row.addWidget(title_label)
    row.addStretch(1)
    row.addWidget(figure)
    return row, title_label
