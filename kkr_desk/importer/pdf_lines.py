"""A PDF page as printed lines, with the empty lines a reader sees between paragraphs.

pypdf gives the text of a page line by line, and (through its visitor) where each piece of
text sits. A gap between two lines clearly wider than the line spacing is a paragraph break;
a link's rectangle tells which printed words are its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .hyphenation import join_lines

PARAGRAPH_GAP = 1.4
"""A vertical gap of more than this many font sizes between two lines ends a paragraph."""


@dataclass
class PrintedLine:
    text: str = ""
    x: float | None = None
    y: float | None = None
    size: float = 0.0
    pieces: list[tuple[float, float, str]] = field(default_factory=list)


class TooMuchText(Exception):
    """The page holds more text than the document may have left (limits.py)."""


def page_lines(page, max_characters: int | None = None) -> list[PrintedLine]:
    """The page's lines in reading order, with position and font size.

    Raises TooMuchText as soon as the page's text passes ``max_characters``: a font can map
    one byte to many characters, so the page's size alone does not bound its text.
    """
    lines: list[PrintedLine] = [PrintedLine()]
    left = [max_characters]

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if left[0] is not None:
            left[0] -= len(text)
            if left[0] < 0:
                raise TooMuchText
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size * (tm[3] or 1) * (cm[3] or 1))
        for index, part in enumerate(text.split("\n")):
            if index:
                lines.append(PrintedLine())
            if not part:
                continue
            line = lines[-1]
            line.text += part
            if part.strip():
                line.pieces.append((x, y, part))
                if line.y is None:
                    line.x, line.y, line.size = x, y, size

    page.extract_text(visitor_text=visit)
    return [line for line in lines if line.text.strip()]


def paragraph_breaks(lines: list) -> list:
    """The lines (and tables) with "" where the spacing shows a paragraph break."""
    out: list = []
    previous = None
    for line in lines:
        if isinstance(line, PrintedTable) or isinstance(previous, PrintedTable):
            out.append("")
        elif previous is not None and previous.y is not None and line.y is not None:
            gap = previous.y - line.y
            size = max(previous.size, line.size, 1.0)
            if gap > PARAGRAPH_GAP * size:
                out.append("")
        out.append(line)
        previous = line
    return out


def link_text(lines: list[PrintedLine], rect) -> str:
    """The printed words inside a link rectangle (x1, y1, x2, y2)."""
    x1, y1, x2, y2 = (float(value) for value in rect)
    # A piece belongs to the link when it starts inside the rectangle (not at its right edge).
    left, right = min(x1, x2) - 1.5, max(x1, x2) - 1.0
    bottom, top = min(y1, y2) - 1.5, max(y1, y2) + 1.5
    text = ""
    for line in lines:
        words = [
            part
            for x, y, part in line.pieces
            if left <= x < right and bottom <= y <= top
        ]
        if words:
            text = join_lines(text, "".join(words).strip()) if text else "".join(words).strip()
    return text


CHAR_WIDTH = 0.5
"""Average glyph width in font sizes: enough to tell where a piece of text ends."""
CELL_GAP = 3.0
"""A horizontal gap of more than this many font sizes inside a line separates table cells."""
ROW_GAP = 1.3
"""Inside a table, a vertical step of more than this many font sizes starts a new row."""


@dataclass
class PrintedTable:
    rows: list[list[str]]
    aligns: list[str]


def _end(x: float, text: str, size: float) -> float:
    return x + len(text) * size * CHAR_WIDTH


def _is_row_line(line: PrintedLine) -> bool:
    pieces = sorted(line.pieces)
    size = line.size or 10.0
    return any(
        following[0] - _end(x, text, size) > CELL_GAP * size
        for (x, _, text), following in zip(pieces, pieces[1:])
    )


def with_tables(lines: list[PrintedLine]) -> list[PrintedLine | PrintedTable]:
    """Replace runs of lines laid out in columns by the table they print."""
    out: list[PrintedLine | PrintedTable] = []
    index = 0
    while index < len(lines):
        if not _is_row_line(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        end = _region_end(lines, index)
        table = _table(lines[index:end])
        if table is None:
            out.extend(lines[index:end])
        else:
            out.append(table)
        index = end
    return out


def _region_end(lines: list[PrintedLine], start: int) -> int:
    """The end of the run of lines that belong to the table starting at ``start``.

    Cells are printed column by column, so the lines go up and down; the table ends at the
    first line clearly below everything seen so far, or in another type size.
    """
    size = lines[start].size or 10.0
    lowest = lines[start].y
    last_row = start
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line.y is None or line.size != size or lowest - line.y > 2 * ROW_GAP * size:
            break
        lowest = min(lowest, line.y)
        if _is_row_line(line):
            last_row = index
        index += 1
    # Keep trailing lines only while they are still inside the last row.
    end = last_row + 1
    while end < index and lines[last_row].y - lines[end].y <= ROW_GAP * size:
        end += 1
    return end


def _table(lines: list[PrintedLine]) -> PrintedTable | None:
    from .pdf_tables import FIGURE

    pieces = [(x, y, text.strip(), line.size or 10.0) for line in lines for x, y, text in line.pieces]
    pieces = [piece for piece in pieces if piece[2]]
    if not pieces:
        return None
    size = max(piece[3] for piece in pieces)
    # Columns: the centres of the pieces of the row line with the most cells.
    widest = max((line for line in lines if _is_row_line(line)), key=lambda line: len(line.pieces))
    centres = sorted(x + len(text) * size * CHAR_WIDTH / 2 for x, _, text in widest.pieces)
    if len(centres) < 2:
        return None

    def column(x: float, text: str) -> int:
        centre = x + len(text.strip()) * size * CHAR_WIDTH / 2
        return min(range(len(centres)), key=lambda index: abs(centres[index] - centre))

    # A row starts where cells stand side by side on one printed line; lines between two
    # such lines hold wrapped cell text of the row above, unless the step down is too wide.
    row_tops = {round(line.y, 1) for line in lines if line.y is not None and _is_row_line(line)}
    rows: list[dict[int, list[tuple[float, float, str]]]] = []
    previous_y = None
    for x, y, text, _ in sorted(pieces, key=lambda piece: (-piece[1], piece[0])):
        if previous_y is None or (
            y != previous_y and (round(y, 1) in row_tops or previous_y - y > 2 * ROW_GAP * size)
        ):
            rows.append({})
        previous_y = y
        rows[-1].setdefault(column(x, text), []).append((x, y, text))
    table_rows = []
    for row in rows:
        cells = []
        for index in range(len(centres)):
            text = ""
            for _, _, part in sorted(row.get(index, []), key=lambda piece: (-piece[1], piece[0])):
                if not text:
                    text = part
                elif part[:1] in ",.;:)":
                    text += part
                else:
                    text = join_lines(text, part)
            cells.append(text)
        table_rows.append(cells)
    if len(table_rows) < 2 or any(row[0].endswith(":") for row in table_rows):
        return None  # "Dato:  05-09-2024" on a front page is a label, not a table
    aligns = []
    for index in range(len(centres)):
        body = [row[index] for row in table_rows[1:] if row[index]]
        aligns.append("right" if body and all(FIGURE.match(cell) for cell in body) else "")
    return PrintedTable(table_rows, aligns)
