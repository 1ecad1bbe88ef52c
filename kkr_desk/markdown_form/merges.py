"""Merged table cells in the storage form: KKR Desk's one extension of GFM pipe tables.

A pipe table has one header row and no merged cells, but KL's tables have two-level
headers ("Social- og sundhedshjælpere" over "Dimensionering 2024" and "… 2025"). So:

* a cell that is exactly ``<`` continues the cell to its left (Word's ``w:gridSpan``);
* a cell that is exactly ``^`` continues the cell above (Word's ``w:vMerge``);
* a body row right under the header that continues a header cell with ``^`` is a header
  row too (repeated on every page, bold), and so on down.

Any other Markdown reader shows the marks as text, and the table stays a table. A cell whose
text is a real "<" or "^" is written escaped (``\\<``, ``\\^``) and stays text. In the
importer's and the writer's rows a merged cell is one of the two marks below, never a str.
"""

from __future__ import annotations

from collections.abc import Sequence


class Merge:
    """A cell that belongs to its neighbour; ``mark`` is how the storage form writes it."""

    def __init__(self, mark: str, name: str):
        self.mark = mark
        self.name = name

    def __repr__(self) -> str:
        return self.name


LEFT = Merge("<", "LEFT")
UP = Merge("^", "UP")
MARKS = {LEFT.mark: LEFT, UP.mark: UP}


def merge_of(cell_source: str) -> Merge | None:
    """The merge a cell's Markdown source stands for ("<" or "^" alone), or None."""
    return MARKS.get(cell_source.strip())


def header_rows(rows: Sequence[Sequence[object]]) -> int:
    """How many rows from the top form the header: the first, and each continuing it."""
    count = 1
    while count < len(rows) and any(cell is UP for cell in rows[count]):
        count += 1
    return count
