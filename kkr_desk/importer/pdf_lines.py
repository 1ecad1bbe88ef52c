"""A PDF page as printed lines, with the empty lines a reader sees between paragraphs.

PDFium (pypdfium2) gives each text object of a page in content order, with its text and
where it starts; objects on one baseline make a line. A gap between two lines clearly wider
than the line spacing is a paragraph break; a link's rectangle tells which printed words are
its text. Only PDFium's C calls are used per text object, never per character: a 25-page
referat reads in a tenth of the time pypdf took (docs/performance.md).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

from ..markdown_form import merges
from .hyphenation import join_lines

PARAGRAPH_GAP = 1.4
"""A vertical gap of more than this many font sizes between two lines ends a paragraph."""
SAME_LINE = 0.5
"""Text objects whose baselines differ by less than this many font sizes share a line."""
SPACE_GAP = 0.15
"""A horizontal gap of more than this many font sizes between two objects is a space."""
_LINE_END_HYPHEN = "\x02"
MAX_FORM_DEPTH = 8
"""Form XObjects nested deeper than this are not read (a hostile file can nest them)."""


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
    """The lines of a pypdfium2 page in reading order, with position and font size.

    Raises TooMuchText before reading when the page's text passes ``max_characters``: a font
    can map one byte to many characters, so the page's size alone does not bound its text.
    """
    textpage = page.get_textpage()
    try:
        if max_characters is not None and textpage.count_chars() > max_characters:
            raise TooMuchText
        lines: list[PrintedLine] = []
        previous = None  # (baseline, size, right edge) of the last text object
        for text, x, y, size, right in _text_objects(page.raw, textpage.raw):
            if not text:
                continue
            line = lines[-1] if lines else None
            if line is None or previous is None or abs(y - previous[0]) > SAME_LINE * max(size, previous[1], 1.0):
                line = PrintedLine()
                lines.append(line)
            elif (
                line.text
                and not line.text[-1].isspace()
                and not text[0].isspace()
                and x - previous[2] > SPACE_GAP * size
            ):
                line.text += " "
            previous = (y, size, right)
            line.text += text
            if text.strip():
                line.pieces.append((x, y, text))
                if line.y is None:
                    line.x, line.y, line.size = x, y, size
        return [line for line in lines if line.text.strip()]
    finally:
        textpage.close()


def _text_objects(page, textpage):
    """(text, x, y, size, right edge) of each text object, form XObjects' included."""
    import pypdfium2.raw as pdfium_c

    buffer = ctypes.create_string_buffer(4096)
    matrix = pdfium_c.FS_MATRIX()
    font_size = ctypes.c_float()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def text_of(obj) -> str:
        nonlocal buffer
        needed = pdfium_c.FPDFTextObj_GetText(obj, textpage, _wide(buffer), len(buffer))
        if needed > len(buffer):
            buffer = ctypes.create_string_buffer(needed)
            needed = pdfium_c.FPDFTextObj_GetText(obj, textpage, _wide(buffer), len(buffer))
        text = buffer.raw[: max(needed - 2, 0)].decode("utf-16-le", "replace")
        # PDFium reports a hyphen that ends a printed line as U+0002; it was printed as "-".
        return text[:-1] + "-" if text.endswith(_LINE_END_HYPHEN) else text

    def walk(count, get, outer, depth):
        for index in range(count):
            obj = get(index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind not in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM):
                continue
            if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
                continue
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            placed = _times(own, outer) if outer is not None else own
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH:
                    yield from walk(
                        pdfium_c.FPDFFormObj_CountObjects(obj),
                        lambda i, form=obj: pdfium_c.FPDFFormObj_GetObject(form, i),
                        placed,
                        depth + 1,
                    )
                continue
            pdfium_c.FPDFTextObj_GetFontSize(obj, font_size)
            size = abs(font_size.value * (placed[3] or 1))
            end = placed[4]
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                end = right.value
                if outer is not None:
                    end = right.value * outer[0] + bottom.value * outer[2] + outer[4]
            yield text_of(obj), placed[4], placed[5], size, end

    yield from walk(
        pdfium_c.FPDFPage_CountObjects(page),
        lambda i: pdfium_c.FPDFPage_GetObject(page, i),
        None,
        0,
    )


def _wide(buffer):
    return ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))


def _times(inner, outer):
    """The affine matrix ``inner`` then ``outer``, as (a, b, c, d, e, f)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


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
    row_tops |= _cell_row_tops(pieces, column, size)
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
    _merge_group_header(table_rows, FIGURE)
    aligns = []
    for index in range(len(centres)):
        body = [row[index] for row in table_rows[merges.header_rows(table_rows):] if row[index]]
        aligns.append("right" if body and all(FIGURE.match(cell) for cell in body) else "")
    return PrintedTable(table_rows, aligns)


def _cell_row_tops(pieces, column, size: float) -> set[float]:
    """Heights where cells printed one by one (LibreOffice prints cell by cell) start a row:
    pieces in two or more columns at one height, a row's step below the height above."""
    columns_at: dict[float, set[int]] = {}
    for x, y, text, _ in pieces:
        columns_at.setdefault(round(y, 1), set()).add(column(x, text))
    tops: set[float] = set()
    heights = sorted(columns_at, reverse=True)
    for above, y in zip(heights, heights[1:]):
        if len(columns_at[y]) >= 2 and above - y > ROW_GAP * size:
            tops.add(y)
    return tops


def _merge_group_header(rows: list[list], figure) -> None:
    """A group row over a row of column headings: its cells span the empty cells after them.

    Only when the first row has empty cells after a filled one and the second row names
    every column in words; the label cell empty in both rows spans them both.
    """
    if len(rows) < 3 or not rows[0][0] == rows[1][0] == "":
        return
    top, below = rows[0], rows[1]
    if not all(cell and not figure.match(cell) for cell in below[1:]):
        return
    if not top[1] or all(top[1:]):
        return
    for index in range(2, len(top)):
        if not top[index]:
            top[index] = merges.LEFT
    below[0] = merges.UP
