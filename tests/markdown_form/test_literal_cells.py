"""A table cell that is a real "<" or "^" (not a merge mark) is hidden from Qt's reader."""

from __future__ import annotations

from kkr_desk.markdown_form import (
    LITERAL_CELL_PLACEHOLDERS,
    hide_literal_cells,
    literal_cell_placeholder,
    typed_marks_escaped,
)

LT, UP = literal_cell_placeholder("<"), literal_cell_placeholder("^")


def test_only_escaped_marks_alone_in_a_table_cell_are_hidden():
    body = (
        "Se \\< her.\n\n"
        "| a | b | c | d |\n| --- | --- | --- | --- |\n"
        "| \\< | < | \\^ | ^ |\n"
        "| x \\< | \\| \\< | \\\\< |  \\^ |"
    )
    hidden = hide_literal_cells(body)
    lines = hidden.split("\n")
    assert lines[0] == "Se \\< her."  # not a table row
    assert lines[4] == f"| {LT} | < | {UP} | ^ |"  # merges stay merges
    # "x \<" is more than the mark; "\| \<" is one cell with a pipe in it; "\\<" is an
    # escaped backslash before a bare "<"; spaces around the mark do not matter.
    assert lines[5] == f"| x \\< | \\| \\< | \\\\< |  {UP} |"


def test_the_placeholders_are_written_back_as_the_escaped_marks():
    assert set(LITERAL_CELL_PLACEHOLDERS.values()) == {"<", "^"}
    assert typed_marks_escaped(f"|{LT}|{UP}|") == "|\\<|\\^|"


def test_text_without_tables_or_already_holding_a_placeholder_is_unchanged():
    assert hide_literal_cells("\\< og \\^") == "\\< og \\^"
    odd = f"| \\< | {LT} |"
    assert hide_literal_cells(odd) == odd
