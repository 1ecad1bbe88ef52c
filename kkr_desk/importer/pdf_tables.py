"""Rebuild a table whose cells the PDF extraction printed one per line.

KL's tables are mostly a label column and figures: every data row ends in the same number
of figures ("KKR Sjælland 474 476 955 955"); a label may wrap ("KKR Hovedsta-" / "den 851 …").
The lines above the first row are the header cells. When the header cells cannot be spread
over the columns, or the rows do not agree, the lines stay text: a wrong table is worse
than none.
"""

from __future__ import annotations

import re
from collections import Counter

from ..markdown_form import merges
from .hyphenation import Vocabulary, ends_with_split, join_lines

FIGURE = re.compile(r"^[-+]?\d[\d.,]*%?$|^[-–]$")
MIN_ROWS = 2
MIN_FIGURES = 2
MAX_COLUMNS = 30
MAX_ROW_CHARACTERS = 2_000
"""A row longer than this, wrapped labels included, is a paragraph with figures, not a table."""


def trailing_figures(text: str) -> int:
    """How many whitespace-separated figures end the line."""
    count = 0
    for token in reversed(text.split()):
        if not FIGURE.match(token) or token.endswith("."):
            break
        count += 1
    return count


def table_from_lines(lines: list[str], vocabulary: Vocabulary | None = None) -> list[list[str]] | None:
    """The rows (header first) of a table printed as lines, or None when it is not one."""
    figure_counts = [trailing_figures(line) for line in lines]
    counts = Counter(count for count in figure_counts if count >= MIN_FIGURES)
    if sum(counts.values()) < MIN_ROWS:
        return None
    columns = max(sorted(counts), key=counts.__getitem__)  # a tie: the fewest columns
    if columns > MAX_COLUMNS:
        return None
    first_row = figure_counts.index(columns)
    # A wrapped label belongs to the row below it: walk back over split words.
    while first_row > 0 and ends_with_split(lines[first_row - 1]) and figure_counts[first_row - 1] == 0:
        first_row -= 1
    rows: list[list[str]] = []
    pending = ""
    for line in lines[first_row:]:
        text = join_lines(pending, line, vocabulary) if pending else line
        count = trailing_figures(text)
        if count == columns and len(text.split()) > columns:
            tokens = text.split()
            rows.append([" ".join(tokens[:-columns])] + tokens[-columns:])
            pending = ""
        elif count == 0 or count < columns:
            pending = text
            if len(pending) > MAX_ROW_CHARACTERS:
                return None
        else:
            return None
    if pending or len(rows) < MIN_ROWS:
        return None
    header = _header(lines[:first_row], columns, vocabulary)
    if header is None:
        return None
    return [*header, *rows]


def _header(lines: list[str], columns: int, vocabulary: Vocabulary | None) -> list[list] | None:
    """Header rows for a label column and ``columns`` figure columns.

    Group cells above their own cells make two rows, the group cells merged over their
    columns and the label cell over both rows (markdown_form/merges.py).
    """
    if len(lines) > 10 * MAX_COLUMNS:
        return None  # a page of text above some figures, not a table's header
    cells: list[str] = []
    for line in lines:
        if cells and ends_with_split(cells[-1]):
            cells[-1] = join_lines(cells[-1], line, vocabulary)
        else:
            cells.append(line)
    if not cells:
        return [[""] * (columns + 1)]
    # The simplest reading wins: one cell per column, then two lines per column, then
    # group cells spanning several columns above their own cells.
    for spread in (_one_each, _two_lines_each):
        for label_cells in (0, 1):
            names = spread(cells[label_cells:], columns)
            if names is not None:
                return [[cells[0] if label_cells else "", *names]]
    for label_cells in (0, 1):
        grouped = _grouped(cells[label_cells:], columns)
        if grouped is not None:
            top, below = grouped
            return [[cells[0] if label_cells else "", *top], [merges.UP, *below]]
    return None


def _one_each(cells: list[str], columns: int) -> list[str] | None:
    return cells if len(cells) == columns else None


def _two_lines_each(cells: list[str], columns: int) -> list[str] | None:
    if len(cells) != 2 * columns:
        return None
    return [f"{cells[i]} {cells[i + 1]}" for i in range(0, len(cells), 2)]


def _grouped(cells: list[str], columns: int) -> tuple[list, list[str]] | None:
    """The group row (each group cell followed by merges.LEFT over its columns) and the
    row of column cells below it."""
    for group_count in range(1, columns):
        rest = cells[group_count:]
        if columns % group_count:
            continue
        below = _one_each(rest, columns) or _two_lines_each(rest, columns)
        if below is None:
            continue
        width = columns // group_count
        top = [
            cells[index // width] if index % width == 0 else merges.LEFT for index in range(columns)
        ]
        return top, below
    return None
