"""Tables printed one cell a line: rebuilt when the cells allow it, else left as text."""

from __future__ import annotations

from kkr_desk.importer.pdf_tables import table_from_lines

HEADER = [
    "Social- og sundheds-", "hjælpere", "Social- og sundhedsas-", "sistenter",
    "Dimensionering", "2024", "Dimensionering", "2025", "Dimensionering", "2024",
    "Dimensionering", "2025",
]


def test_grouped_header_and_wrapped_labels():
    rows = table_from_lines(
        [*HEADER, "KKR Syddan-", "mark 694 692 1.328 1328", "Hele landet 3.000 3.000 6.000 6.000"]
    )
    assert rows[0] == [
        "",
        "Social- og sundhedshjælpere, Dimensionering 2024",
        "Social- og sundhedshjælpere, Dimensionering 2025",
        "Social- og sundhedsassistenter, Dimensionering 2024",
        "Social- og sundhedsassistenter, Dimensionering 2025",
    ]
    assert rows[1:] == [
        ["KKR Syddanmark", "694", "692", "1.328", "1328"],
        ["Hele landet", "3.000", "3.000", "6.000", "6.000"],
    ]


def test_one_header_cell_per_column_with_a_label_heading():
    rows = table_from_lines(["Kommune", "2024", "2025", "Aarhus 10 12", "Odder 3 4"])
    assert rows == [["Kommune", "2024", "2025"], ["Aarhus", "10", "12"], ["Odder", "3", "4"]]


def test_header_cells_that_do_not_fit_leave_the_lines_as_text():
    assert table_from_lines(["Et", "To", "Tre", "Fire", "Fem", "Seks", "Syv", "Otte", "Aarhus 10 12", "Odder 3 4"]) is None


def test_prose_is_not_a_table():
    assert table_from_lines(["Det indstilles, at KKR godkender referatet fra mødet den 18. juni", "2024."]) is None
    assert table_from_lines(["Aarhus 10 12"]) is None
