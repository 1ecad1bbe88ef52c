"""A table's two-level header keeps its merged cells: import, storage, Word table (issue 14.9).

The Markdown storage form writes a merged cell as "<" (with the cell on its left) or "^"
(with the cell above): kkr_desk/markdown_form/merges.py, docs/meeting-file.md.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from kkr_desk import writer
from kkr_desk.domain import MeetingKind
from kkr_desk.importer import import_document
from kkr_desk.markdown_form import markdown_blocks, plain_text
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.resources import resource_path

from .documents import REFERAT_TEXT

MERGED_HEADER = [
    "|  | Social- og sundhedshjælpere | < | Social- og sundhedsassistenter | < |",
    "| --- | ---: | ---: | ---: | ---: |",
    "| ^ | Dimensionering 2024 | Dimensionering 2025 | Dimensionering 2024 | Dimensionering 2025 |",
]


def _table_markdown(meeting) -> list[str]:
    bodies = [section.body for item in meeting.items for section in item.sections]
    body = next(body for body in bodies if "| --- |" in body)
    return [line for line in body.splitlines() if line.startswith("|")]


def _word_table(path):
    document = docx.Document(str(path))
    return next(
        table for table in document.tables if "Social- og sundhedshjælpere" in table.rows[0].cells[1].text
    )


def _tc_properties(table, row: int) -> list[tuple[str, str | None, str | None]]:
    """(text, gridSpan, vMerge) of each w:tc of a row, as written."""
    out = []
    for tc in table.rows[row]._tr.iterchildren(qn("w:tc")):
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        out.append((
            "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip(),
            span.get(qn("w:val")) if span is not None else None,
            (merge.get(qn("w:val")) or "continue") if merge is not None else None,
        ))
    return out


@pytest.fixture(scope="module")
def imported():
    return import_document(REFERAT_TEXT).meeting


def test_the_recorded_text_imports_with_its_merged_header(imported):
    assert _table_markdown(imported)[:3] == MERGED_HEADER


def test_the_word_table_has_grid_spans_and_vertical_merges(imported, tmp_path):
    path = tmp_path / "referat.docx"
    writer.export_meeting(imported, path, kind=MeetingKind.REFERAT)
    table = _word_table(path)
    assert _tc_properties(table, 0) == [
        ("", None, "restart"),
        ("Social- og sundhedshjælpere", "2", None),
        ("Social- og sundhedsassistenter", "2", None),
    ]
    assert _tc_properties(table, 1) == [
        ("", None, "continue"),
        ("Dimensionering 2024", None, None),
        ("Dimensionering 2025", None, None),
        ("Dimensionering 2024", None, None),
        ("Dimensionering 2025", None, None),
    ]
    # python-docx resolves the grid: one cell over two columns, one over two rows.
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc
    # Both header rows repeat on a new page; the body rows do not.
    repeats = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in table._tbl.tr_lst]
    assert repeats[:3] == [True, True, False]


def test_docx_round_trip_is_stable(imported, tmp_path):
    first = tmp_path / "first.docx"
    writer.export_meeting(imported, first, kind=MeetingKind.REFERAT)
    again = import_document(first).meeting
    assert _table_markdown(again)[:3] == MERGED_HEADER
    assert _table_markdown(again) == _table_markdown(imported)
    second = tmp_path / "second.docx"
    writer.export_meeting(again, second, kind=MeetingKind.REFERAT)
    assert _table_markdown(import_document(second).meeting) == _table_markdown(imported)


def test_a_literal_mark_in_a_cell_stays_text(tmp_path):
    meeting = read_meeting_file(resource_path("sample-meeting.json"))
    section = meeting.items[0].sections[0]
    section.body = "| Tegn | Betydning |\n| --- | --- |\n| \\< | mindre end |\n| \\^ | potens |"
    table = markdown_blocks(section.body)[0]
    assert table.merged == {} and [plain_text(row[0]) for row in table.rows] == ["<", "^"]
    path = tmp_path / "tegn.docx"
    writer.export_meeting(meeting, path, kind=MeetingKind.REFERAT)
    document = docx.Document(str(path))
    word = next(t for t in document.tables if t.rows[0].cells[0].text == "Tegn")
    assert [row.cells[0].text for row in word.rows[1:]] == ["<", "^"]
    back = import_document(path).meeting.items[0].sections[0].body
    assert back == section.body


def test_a_pdf_printing_the_header_cells_one_a_line_keeps_them_merged(tmp_path):
    """KL's PDFs print a table's cells one a line (importer/pdf_tables.py)."""
    from .documents import write_text_pdf

    header = [
        "Social- og sundheds-", "hjælpere", "Social- og sundhedsas-", "sistenter",
        "Dimensionering", "2024", "Dimensionering", "2025", "Dimensionering", "2024",
        "Dimensionering", "2025",
    ]
    pdf = write_text_pdf(
        tmp_path / "referat.pdf",
        [[
            "1. Regionalpolitiske sager", "", "1.1. Fordeling af lærepladser", "",
            "SAG-2024-02547 chbn", "", "Sagsfremstilling", "", *header,
            "KKR Hovedsta-", "den 851 851 1.778 1779", "KKR Midtjylland 668 668 1.305 1304",
        ]],
    )
    lines = _table_markdown(import_document(pdf).meeting)
    assert lines[:3] == MERGED_HEADER
    assert lines[3:] == ["| KKR Hovedstaden | 851 | 851 | 1.778 | 1779 |", "| KKR Midtjylland | 668 | 668 | 1.305 | 1304 |"]


def test_the_pdf_libreoffice_prints_of_our_export_reads_back_merged(imported, tmp_path):
    """LibreOffice prints a table cell by cell, positioned (importer/pdf_lines.py)."""
    from kkr_desk.writer.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    target = tmp_path / "referat.pdf"
    writer.export_meeting(imported, target, kind=MeetingKind.REFERAT)
    assert _table_markdown(import_document(target).meeting) == _table_markdown(imported)


def test_merge_marks_in_odd_places_still_export_a_readable_table(tmp_path):
    """Marks with nothing to merge into (first column, header row) are plain empty cells."""
    meeting = read_meeting_file(resource_path("sample-meeting.json"))
    meeting.items[0].sections[0].body = (
        "| < | ^ | < |\n| --- | --- | --- |\n| < | < | < |\n| ^ | x |\n| a | ^ | < | < |"
    )
    path = tmp_path / "skæv.docx"
    writer.export_meeting(meeting, path, kind=MeetingKind.REFERAT)
    table = next(t for t in docx.Document(str(path)).tables if len(t.rows) == 4)
    assert [len(row.cells) for row in table.rows] == [3, 3, 3, 3]  # as wide as the header
    assert table.cell(3, 0).text == "a"
