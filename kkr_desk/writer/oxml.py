"""Word XML built directly: paragraphs, runs, hyperlinks, fields and tables.

python-docx has no API for hyperlinks or fields, and its ``add_paragraph`` searches the
body for ``w:sectPr`` on every call, which makes a long document quadratic. Here every
element is made once and placed with ``addprevious`` on the final ``w:sectPr``: linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

from ..markdown_form import Span, clean

def element(tag: str, attributes: dict[str, str] | None = None, *children):
    """An element of python-docx's own classes; ``tag`` and attribute names as "w:p"."""
    clark, namespaces = _tag(tag)
    made = oxml_parser.makeelement(clark, nsmap=namespaces)
    for name, value in (attributes or {}).items():
        made.set(_attribute(name), value)
    for child in children:
        made.append(child)
    return made


@lru_cache(maxsize=None)
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    # What docx.oxml.OxmlElement works out on every call, once per tag: a long document
    # makes tens of thousands of elements.
    prefix = tag.split(":", 1)[0]
    return qn(tag), {prefix: nsmap[prefix]}


@lru_cache(maxsize=None)
def _attribute(name: str) -> str:
    return qn(name)


class BodyWriter:
    """Appends block elements to a document body, before its section properties."""

    def __init__(self, body, part: Part):
        self._anchor = body.find(qn("w:sectPr"))
        if self._anchor is None:
            self._anchor = element("w:sectPr")
            body.append(self._anchor)
        self._part = part
        self._link_ids: dict[str, str] = {}
        self._next_rel_number = len(part.rels) + 1

    def add(self, block) -> None:
        self._anchor.addprevious(block)

    def link_id(self, url: str) -> str:
        """The relationship id of an external address, made once per address."""
        if url not in self._link_ids:
            # Not part.relate_to(): it compares with every relationship made so far and
            # numbers the new one by counting up from rId1, which made a long referat with
            # many links quadratic (docs/performance.md).
            rels = self._part.rels
            while f"rId{self._next_rel_number}" in rels:
                self._next_rel_number += 1
            rel_id = f"rId{self._next_rel_number}"
            rels.add_relationship(RT.HYPERLINK, url, rel_id, is_external=True)
            self._link_ids[url] = rel_id
        return self._link_ids[url]


class RecordingWriter(BodyWriter):
    """A BodyWriter that keeps the blocks in ``blocks`` instead of placing them.

    Its links are made in the document all the same, so the blocks may be placed later.
    """

    def __init__(self, body, part: Part):
        super().__init__(body, part)
        self.blocks: list = []

    def add(self, block) -> None:
        self.blocks.append(block)


def paragraph(
    style_id: str,
    content: Iterable = (),
    *,
    page_break_before: bool = False,
    keep_next: bool = False,
    numbering: tuple[str, int] | None = None,
    tab: int | None = None,
    leader_tab: int | None = None,
    space_after: int | None = None,
    indent: tuple[int, int] | None = None,
    align: str | None = None,
):
    """A ``w:p`` in a style, holding runs, hyperlinks or field elements.

    The options override the style for this paragraph only (twips; ``indent`` is
    (left, hanging); ``leader_tab`` a right tab with dots, as in a table of contents;
    ``numbering`` is (numId, level) of a Word list); they are written in
    the order Word's schema requires.
    """
    properties = element("w:pPr", None, element("w:pStyle", {"w:val": style_id}))
    if keep_next:
        properties.append(element("w:keepNext"))
    if page_break_before:
        properties.append(element("w:pageBreakBefore"))
    if numbering is not None:
        num_id, level = numbering
        properties.append(
            element(
                "w:numPr",
                None,
                element("w:ilvl", {"w:val": str(level)}),
                element("w:numId", {"w:val": num_id}),
            )
        )
    if tab is not None or leader_tab is not None:
        tabs = element("w:tabs")
        if tab is not None:
            tabs.append(element("w:tab", {"w:val": "left", "w:pos": str(tab)}))
        if leader_tab is not None:
            stop = {"w:val": "right", "w:leader": "dot", "w:pos": str(leader_tab)}
            tabs.append(element("w:tab", stop))
        properties.append(tabs)
    if space_after is not None:
        properties.append(element("w:spacing", {"w:after": str(space_after)}))
    if indent is not None:
        left, hanging = indent
        attributes = {"w:left": str(left)}
        if hanging:
            attributes["w:hanging"] = str(hanging)
        properties.append(element("w:ind", attributes))
    if align:
        properties.append(element("w:jc", {"w:val": align}))
    made = element("w:p", None, properties)
    for child in content:
        made.append(child)
    return made


def run(text: str, *, bold: bool = False, italic: bool = False, style_id: str | None = None):
    """A ``w:r``; a tab becomes ``w:tab`` and a line break ``w:br``, as Word writes them."""
    made = element("w:r")
    if bold or italic or style_id:
        properties = element("w:rPr")
        if style_id:
            properties.append(element("w:rStyle", {"w:val": style_id}))
        if bold:
            properties.append(element("w:b"))
        if italic:
            properties.append(element("w:i"))
        made.append(properties)
    for piece in re.split(r"([\t\n])", clean(text)):
        if piece == "\t":
            made.append(element("w:tab"))
        elif piece == "\n":
            made.append(element("w:br"))
        elif piece:
            t = element("w:t")
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            made.append(t)
    return made


def spans(writer: BodyWriter, parts: Sequence[Span], link_style_id: str) -> list:
    """Runs for text spans; a span with an address becomes a clickable ``w:hyperlink``."""
    made = []
    for span in parts:
        if span.url and clean(span.url).strip():
            link = element("w:hyperlink", {"r:id": writer.link_id(clean(span.url).strip())})
            link.append(run(span.text, bold=span.bold, italic=span.italic, style_id=link_style_id))
            made.append(link)
        else:
            made.append(run(span.text, bold=span.bold, italic=span.italic))
    return made


def simple_field(instruction: str, shown: str):
    """A field Word and LibreOffice compute when they lay out the page (PAGE, NUMPAGES)."""
    return element("w:fldSimple", {"w:instr": f" {instruction} "}, run(shown))


def field_start(instruction: str) -> list:
    """The runs that open a complex field; its result follows, then ``field_end``."""
    instr = element("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        element("w:r", None, element("w:fldChar", {"w:fldCharType": "begin", "w:dirty": "true"})),
        element("w:r", None, instr),
        element("w:r", None, element("w:fldChar", {"w:fldCharType": "separate"})),
    ]


def field_end():
    return element("w:r", None, element("w:fldChar", {"w:fldCharType": "end"}))


def _consistent_merges(
    merged: Mapping[tuple[int, int], str], row_count: int, columns: int
) -> dict[tuple[int, int], str]:
    """The merges Word can show: "left" not in the first column, "up" only under a cell
    that starts at the same column with the same width. Others become plain empty cells."""
    kept = {place: how for place, how in merged.items() if how == "left" and place[1] > 0}

    def span(row: int, column: int) -> int:
        width = 1
        while kept.get((row, column + width)) == "left":
            width += 1
        return width

    for row in range(1, row_count):
        for column in range(columns):
            if merged.get((row, column)) != "up" or kept.get((row - 1, column)) == "left":
                continue
            if span(row, column) == span(row - 1, column):
                kept[(row, column)] = "up"
    return kept


def table(
    rows: Sequence[Sequence[list]],
    *,
    widths: Sequence[int],
    header_rows: int = 1,
    rule_color: str,
    head_fill: str,
    merged: Mapping[tuple[int, int], str] | None = None,
):
    """A ruled table; ``rows`` holds each cell's paragraphs, ``widths`` the columns in twips.

    The header rows repeat on a new page and no row splits across pages. ``merged`` names
    the (row, column) cells that continue the cell to their "left" (``w:gridSpan``) or
    "up" (``w:vMerge``); their own paragraphs are not written.
    """
    merged = _consistent_merges(merged or {}, len(rows), max((len(row) for row in rows), default=0))
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            element(
                f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": rule_color}
            )
        )
    margins = element(
        "w:tblCellMar",
        None,
        element("w:left", {"w:w": "85", "w:type": "dxa"}),
        element("w:right", {"w:w": "85", "w:type": "dxa"}),
    )
    properties = element(
        "w:tblPr",
        None,
        element("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
        borders,
        element("w:tblLayout", {"w:type": "fixed"}),
        margins,
        element(
            "w:tblLook",
            {
                "w:val": "04A0",
                "w:firstRow": "1",
                "w:lastRow": "0",
                "w:firstColumn": "0",
                "w:lastColumn": "0",
                "w:noHBand": "1",
                "w:noVBand": "1",
            },
        ),
    )
    grid = element("w:tblGrid", None, *(element("w:gridCol", {"w:w": str(w)}) for w in widths))
    made = element("w:tbl", None, properties, grid)
    for index, cells in enumerate(rows):
        row_properties = element("w:trPr", None, element("w:cantSplit"))
        if index < header_rows:
            row_properties.append(element("w:tblHeader"))
        row = element("w:tr", None, row_properties)
        for column, cell_paragraphs in enumerate(cells):
            if merged.get((index, column)) == "left":
                continue  # part of the cell before it
            span = 1
            while merged.get((index, column + span)) == "left":
                span += 1
            width = sum(widths[column : column + span])
            cell_properties = element(
                "w:tcPr", None, element("w:tcW", {"w:w": str(width), "w:type": "dxa"})
            )
            if span > 1:
                cell_properties.append(element("w:gridSpan", {"w:val": str(span)}))
            if merged.get((index, column)) == "up":
                cell_properties.append(element("w:vMerge"))
                cell_paragraphs = []
            elif merged.get((index + 1, column)) == "up":
                cell_properties.append(element("w:vMerge", {"w:val": "restart"}))
            if index < header_rows:
                cell_properties.append(
                    element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": head_fill})
                )
            cell = element("w:tc", None, cell_properties)
            for cell_paragraph in cell_paragraphs or [element("w:p")]:
                cell.append(cell_paragraph)
            row.append(cell)
        made.append(row)
    return made
