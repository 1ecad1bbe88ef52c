"""Tables printed one cell a line: rebuilt when the cells allow it, else left as text."""

from __future__ import annotations

from kkr_desk.importer.pdf_tables import table_from_lines
from kkr_desk.markdown_form.merges import LEFT, UP

HEADER = [
    "Social- og sundheds-", "hjælpere", "Social- og sundhedsas-", "sistenter",
    "Dimensionering", "2024", "Dimensionering", "2025", "Dimensionering", "2024",
    "Dimensionering", "2025",
]


def test_grouped_header_and_wrapped_labels():
    """The group cells stay one cell each over their columns (issue 14.9), the label cell
    over both header rows."""
    rows = table_from_lines(
        [*HEADER, "KKR Syddan-", "mark 694 692 1.328 1328", "Hele landet 3.000 3.000 6.000 6.000"]
    )
    assert rows[:2] == [
        ["", "Social- og sundhedshjælpere", LEFT, "Social- og sundhedsassistenter", LEFT],
        [UP, "Dimensionering 2024", "Dimensionering 2025", "Dimensionering 2024", "Dimensionering 2025"],
    ]
    assert rows[2:] == [
        ["KKR Syddanmark", "694", "692", "1.328", "1328"],
        ["Hele landet", "3.000", "3.000", "6.000", "6.000"],
    ]


def test_grouped_header_under_a_label_heading():
    rows = table_from_lines(["Kommune", "Elever", "Voksne", "2024", "2025", "2024", "2025",
                             "Aarhus 10 12 1 2", "Odder 3 4 5 6"])
    assert rows[:2] == [["Kommune", "Elever", LEFT, "Voksne", LEFT], [UP, "2024", "2025", "2024", "2025"]]


def test_one_header_cell_per_column_with_a_label_heading():
    rows = table_from_lines(["Kommune", "2024", "2025", "Aarhus 10 12", "Odder 3 4"])
    assert rows == [["Kommune", "2024", "2025"], ["Aarhus", "10", "12"], ["Odder", "3", "4"]]


def test_header_cells_that_do_not_fit_leave_the_lines_as_text():
    assert table_from_lines(["Et", "To", "Tre", "Fire", "Fem", "Seks", "Syv", "Otte", "Aarhus 10 12", "Odder 3 4"]) is None


def test_prose_is_not_a_table():
    assert table_from_lines(["Det indstilles, at KKR godkender referatet fra mødet den 18. juni", "2024."]) is None
    assert table_from_lines(["Aarhus 10 12"]) is None
