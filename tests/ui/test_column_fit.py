"""The attendance columns fitted from their texts come out as wide as Qt's own fit."""

from __future__ import annotations

from kkr_desk.ui.attendance_panel import FITTED_COLUMNS
from kkr_desk.ui.column_fit import fit_to_contents


def qt_fit(view, columns):
    for column in columns:
        view.resizeColumnToContents(column)
    return [view.columnWidth(column) for column in columns]


def test_fitted_widths_equal_resize_column_to_contents(window):
    view = window.attendance.view
    assert view.model().rowCount() > 0  # the sample meeting's groups and 40 people
    expected = qt_fit(view, FITTED_COLUMNS)
    for column in FITTED_COLUMNS:
        view.setColumnWidth(column, 5)

    fit_to_contents(view, FITTED_COLUMNS)

    assert [view.columnWidth(column) for column in FITTED_COLUMNS] == expected


def test_a_longer_name_widens_the_name_column(window, qtbot):
    view = window.attendance.view
    fit_to_contents(view, FITTED_COLUMNS)
    before = view.columnWidth(FITTED_COLUMNS[0])
    entry = window.session.meeting.attendance[0]
    entry.person.name = entry.person.name + " Andersen-Kristiansen Møllerup Vestergaard"

    fit_to_contents(view, FITTED_COLUMNS)

    assert view.columnWidth(FITTED_COLUMNS[0]) > before
    assert view.columnWidth(FITTED_COLUMNS[0]) == qt_fit(view, FITTED_COLUMNS[:1])[0]
